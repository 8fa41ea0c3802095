//! Erasing customers' contact details (the sealed phone and e-mail given with visits)
//! once the organisation's window has passed; the visits and answers stay, anonymous.
//! Idempotent, so every instance may run it.

use jiff::Timestamp;
use uuid::Uuid;

use crate::state::AppState;

/// Erases the contacts older than the organisation's `contact_days`; returns how many.
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<u64> {
    let days = state.store.organisation(org).await?.contact_days.max(1);
    let before = now.as_millisecond() - i64::from(days) * 86_400_000;
    Ok(state.store.erase_contacts_before(org, before).await?)
}
