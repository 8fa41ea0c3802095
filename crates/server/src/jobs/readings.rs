//! Reading comments again in the background: after an organisation changes its themes,
//! and once for comments stored before readings existed. Chunks of [`CHUNK`] comments,
//! each one transaction (see `rida_store::Store::read_again`); every instance may run it,
//! and a comment is still counted once.

use std::time::Duration;

use crate::state::AppState;

/// Comments read in one transaction.
pub const CHUNK: i64 = 1_000;
/// How often an idle instance looks for comments to read again.
const IDLE: Duration = Duration::from_secs(3);

/// Reads until nothing waits in any organisation; returns how many chunks it ran.
pub async fn run_once(state: &AppState) -> anyhow::Result<u64> {
    let mut chunks = 0;
    for org in state.store.organisation_ids().await? {
        while state.store.reading_pending(org).await? {
            let more = state.store.read_again(org, CHUNK).await?;
            chunks += 1;
            if !more {
                break;
            }
            // Other work (answers arriving) goes first between chunks.
            tokio::task::yield_now().await;
        }
    }
    Ok(chunks)
}

pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = run_once(&state).await {
                tracing::warn!(error = %e, "reading comments again");
            }
            tokio::time::sleep(IDLE).await;
        }
    })
}
