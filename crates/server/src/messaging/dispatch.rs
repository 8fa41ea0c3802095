//! The dispatcher: every instance with `jobs` on runs it. Each round plans the surveys
//! of visits that ended (once: the plan is claimed in its transaction), sends the
//! messages that are due (each held by one instance while it goes; see
//! `rida_store::Store::take_due_messages`), and expires surveys left unanswered.
//! A gateway that is down leaves its messages queued, tried again with a growing pause.

use std::time::Duration;

use futures_util::StreamExt;
use jiff::Timestamp;
use rida_domain::contact::parse_phone;
use rida_store::DueMessage;

use super::{Gateway, Outgoing, SendError, SmsGateway, compose::Planner};
use crate::state::AppState;

/// How long an instance holds a message it is sending.
const LEASE_MS: i64 = 120_000;
/// Messages taken per round.
const BATCH: i64 = 500;
/// The pause between rounds when there was nothing more to do.
const IDLE: Duration = Duration::from_millis(500);

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub planned: usize,
    pub sent: usize,
    pub failed: usize,
    pub retrying: usize,
    pub expired: u64,
}

/// Runs rounds until the process ends: at once again while there is more to send.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let busy = match run_once(&state, Timestamp::now()).await {
                Ok(r) => {
                    r.sent + r.failed + r.retrying >= BATCH as usize || r.planned >= BATCH as usize
                }
                Err(e) => {
                    tracing::warn!(error = %e, "survey dispatch");
                    false
                }
            };
            if !busy {
                tokio::time::sleep(IDLE).await;
            }
        }
    })
}

/// One round at `now`.
pub async fn run_once(state: &AppState, now: Timestamp) -> anyhow::Result<Round> {
    let mut round = Round {
        planned: plan(state, now).await?,
        ..Round::default()
    };
    send_due(state, now, &mut round).await?;
    round.expired = state.store.expire_messages(now.as_millisecond()).await?;
    Ok(round)
}

/// Plans the surveys of visits that ended; returns how many.
async fn plan(state: &AppState, now: Timestamp) -> anyhow::Result<usize> {
    let visits = state.store.unplanned_surveys(BATCH).await?;
    let mut planner = Planner::new(state);
    let mut planned = 0;
    for u in &visits {
        let plan = planner.plan(u, now).await?;
        if state
            .store
            .plan_survey(u.org_id, u.visit_id, Some(&plan.message), plan.cap_since)
            .await?
        {
            planned += 1;
        }
    }
    Ok(planned)
}

/// The pause before attempt `attempts + 1`: 30 s, doubling, at most 10 minutes.
pub fn backoff_ms(attempts: i32) -> i64 {
    let doubled = 30_000_i64.saturating_mul(1_i64 << attempts.clamp(0, 10));
    doubled.min(600_000)
}

async fn send_due(state: &AppState, now: Timestamp, round: &mut Round) -> anyhow::Result<()> {
    let Some(gateway) = state.sms.as_ref() else {
        return Ok(());
    };
    let now_ms = now.as_millisecond();
    let due = state
        .store
        .take_due_messages(now_ms, LEASE_MS, BATCH)
        .await?;
    let concurrency = state.settings.dispatch_concurrency.max(1);
    let outcomes: Vec<anyhow::Result<Outcome>> = futures_util::stream::iter(due)
        .map(|m| send_one(state, gateway, m, now_ms))
        .buffer_unordered(concurrency)
        .collect()
        .await;
    for o in outcomes {
        match o? {
            Outcome::Sent => round.sent += 1,
            Outcome::Retrying => round.retrying += 1,
            Outcome::Failed => round.failed += 1,
        }
    }
    Ok(())
}

enum Outcome {
    Sent,
    Retrying,
    Failed,
}

/// Sends one message and records at once how it went.
async fn send_one(
    state: &AppState,
    gateway: &SmsGateway,
    m: DueMessage,
    now_ms: i64,
) -> anyhow::Result<Outcome> {
    let to = m
        .to_enc
        .as_deref()
        .and_then(|e| state.contact_key.open(e))
        .and_then(|p| parse_phone(&p, None).ok());
    let result = match &to {
        None => Err(SendError::Permanent("no address (erased)".into())),
        Some(phone) => {
            gateway
                .send(&Outgoing {
                    id: m.id,
                    to: phone.e164(),
                    body: &m.body,
                })
                .await
        }
    };
    let store = &state.store;
    Ok(match result {
        Ok(a) => {
            let sent_at = Timestamp::now().as_millisecond().max(now_ms);
            store
                .message_sent(m.id, gateway.name(), a.provider_id.as_deref(), sent_at)
                .await?;
            metrics::counter!("rida_messages_sent_total", "channel" => m.channel.clone())
                .increment(1);
            Outcome::Sent
        }
        Err(SendError::Temporary(e)) => {
            store
                .message_failed(m.id, &e, Some(now_ms + backoff_ms(m.attempts)))
                .await?;
            tracing::warn!(message = %m.id, error = %e, "message not sent; tried again later");
            Outcome::Retrying
        }
        Err(SendError::Permanent(e)) => {
            store.message_failed(m.id, &e, None).await?;
            tracing::warn!(message = %m.id, error = %e, "message refused");
            Outcome::Failed
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_doubles_up_to_ten_minutes() {
        assert_eq!(backoff_ms(0), 30_000);
        assert_eq!(backoff_ms(1), 60_000);
        assert_eq!(backoff_ms(4), 480_000);
        assert_eq!(backoff_ms(5), 600_000);
        assert_eq!(backoff_ms(40), 600_000);
    }
}
