//! Rida's domain: pure types and rules. No I/O, no async.
//!
//! Raw input becomes one of these types at the edge (HTTP, CLI, channels);
//! everything behind the edge can then trust it.

pub mod contact;
pub mod directory;
pub mod dispatch;
pub mod external;
pub mod hours;
pub mod input;
pub mod locale;
pub mod metrics;
pub mod names;
pub mod period;
pub mod policy;
pub mod pulse;
pub mod rating;
pub mod reply;
pub mod role;
pub mod sms;
pub mod stats;
pub mod survey;
pub mod terminal;
pub mod text;
pub mod throttle;
pub mod time;
pub mod voice;
pub mod web;

pub use locale::Locale;
pub use policy::{Action, Actor, OrgPolicy, Scope};
pub use rating::{Answer, AnswerError, Channel, Scale};
pub use role::Role;
pub use survey::{SurveyDef, SurveyQuestion, Texts};

/// A new, time-ordered id (UUIDv7): sortable by creation, so it indexes like an integer key.
pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
