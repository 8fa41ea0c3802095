//! Erasing customers' contact details (the sealed phone and e-mail given with visits)
//! once the organisation's window has passed; the visits and answers stay, anonymous.
//! And the audit log's entries past its retention. Idempotent, so every instance may
//! run it.

use jiff::Timestamp;
use uuid::Uuid;

use crate::state::AppState;

/// Erases the contacts older than the organisation's `contact_days` (returns how many)
/// and the audit entries older than its `audit_days`.
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<u64> {
    let o = state.store.organisation(org).await?;
    let days = o.contact_days.max(1);
    let before = now.as_millisecond() - i64::from(days) * 86_400_000;
    let erased = state.store.erase_contacts_before(org, before).await?;
    // The audit log's own retention (0: for ever).
    if o.audit_days > 0 {
        let before = now.as_millisecond() - i64::from(o.audit_days) * 86_400_000;
        state.store.forget_audit_before(org, before).await?;
    }
    Ok(erased)
}
