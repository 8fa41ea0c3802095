//! The dispatcher: every instance with `jobs` on runs it. Each round plans the surveys
//! of visits that ended (once: the plan is claimed in its transaction), sends the
//! messages that are due (each held by one instance while it goes; see
//! `rida_store::Store::take_due_messages`), and expires surveys left unanswered.
//! A gateway that is down leaves its messages queued, tried again with a growing pause.

use std::time::Duration;

use futures_util::StreamExt;
use jiff::Timestamp;
use rida_domain::{contact::parse_phone, time::doubling_pause_ms};
use rida_store::{DueMessage, PlannedSurvey};

use super::{Gateway, Outgoing, SendError, Template, compose::Planner};
use crate::state::AppState;

/// How long an instance holds a message it is sending.
const LEASE_MS: i64 = 120_000;
/// Messages taken per round.
const BATCH: i64 = 500;
/// Sent messages recorded per transaction.
const RECORD_EVERY: usize = 64;
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

/// Runs rounds (surveys, then webhooks) until the process ends: at once again while
/// there is more to send.
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
            if let Err(e) = crate::webhooks::run_once(&state, Timestamp::now()).await {
                tracing::warn!(error = %e, "webhooks");
            }
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

/// Plans the surveys of visits that ended (in one transaction); returns how many.
async fn plan(state: &AppState, now: Timestamp) -> anyhow::Result<usize> {
    let visits = state.store.unplanned_surveys(BATCH).await?;
    let mut planner = Planner::new(state);
    let mut plans = Vec::with_capacity(visits.len());
    for u in &visits {
        let plan = planner.plan(u, now).await?;
        plans.push(PlannedSurvey {
            org: u.org_id,
            visit: u.visit_id,
            message: plan.message,
            cap_since: plan.cap_since,
        });
    }
    Ok(state.store.plan_surveys(&plans).await?)
}

/// WhatsApp's customer-service window after a customer's message.
const WINDOW_MS: i64 = 24 * 3_600_000;

/// The longest pause between two tries of a message.
const MAX_PAUSE_MS: i64 = 600_000;

async fn send_due(state: &AppState, now: Timestamp, round: &mut Round) -> anyhow::Result<()> {
    // Only the channels with a gateway: the others' messages wait.
    let mut channels = Vec::new();
    if state.sms.is_some() {
        channels.push("sms");
    }
    if state.whatsapp.is_some() {
        channels.push("whatsapp");
    }
    if state.email.is_some() {
        channels.push("email");
    }
    let now_ms = now.as_millisecond();
    let due = state
        .store
        .take_due_messages(now_ms, LEASE_MS, BATCH, &channels)
        .await?;
    let concurrency = state.settings.dispatch_concurrency.max(1);
    // Sent messages are recorded a handful at a time, each handful in one transaction
    // written while the next messages go (the gateway is never kept waiting on the
    // database).
    let mut results = futures_util::stream::iter(due)
        .map(|m| send_one(state, m))
        .buffer_unordered(concurrency)
        .ready_chunks(RECORD_EVERY);
    let mut writes = tokio::task::JoinSet::new();
    while let Some(chunk) = results.next().await {
        let sent_at = Timestamp::now().as_millisecond().max(now_ms);
        let mut sent: std::collections::HashMap<&'static str, Vec<(uuid::Uuid, Option<String>)>> =
            Default::default();
        for (m, result) in chunk {
            match result {
                Ok((gateway, a)) => {
                    metrics::counter!("rida_messages_sent_total", "channel" => m.channel.clone())
                        .increment(1);
                    sent.entry(gateway).or_default().push((m.id, a.provider_id));
                }
                Err(SendError::Temporary(e)) => {
                    let retry_at = now_ms + doubling_pause_ms(m.attempts, MAX_PAUSE_MS);
                    state.store.message_failed(m.id, &e, Some(retry_at)).await?;
                    tracing::warn!(message = %m.id, error = %e, "message not sent; tried again later");
                    round.retrying += 1;
                }
                Err(SendError::Permanent(e)) => {
                    state.store.message_failed(m.id, &e, None).await?;
                    tracing::warn!(message = %m.id, error = %e, "message refused");
                    round.failed += 1;
                }
            }
        }
        for (name, sent) in sent {
            round.sent += sent.len();
            let store = state.store.clone();
            writes.spawn(async move { store.messages_sent(name, &sent, sent_at).await });
        }
    }
    while let Some(done) = writes.join_next().await {
        done??;
    }
    Ok(())
}

/// Sends one message through its channel's gateway; says which gateway took it.
async fn send_one(
    state: &AppState,
    m: DueMessage,
) -> (
    DueMessage,
    Result<(&'static str, super::Accepted), SendError>,
) {
    let opened = m.to_enc.as_deref().and_then(|e| state.contact_key.open(e));
    // A number is read again as E.164; an e-mail address goes as it was checked.
    let to = match m.channel.as_str() {
        "email" => opened,
        _ => opened
            .and_then(|p| parse_phone(&p, None).ok())
            .map(|p| p.e164().to_string()),
    };
    let survey = m
        .params
        .as_deref()
        .filter(|_| m.kind == "survey")
        .and_then(|p| serde_json::from_str::<Template>(p).ok());
    let link = (m.kind == "survey").then(|| survey_link(state, m.id));
    // WhatsApp's customer-service window: the customer wrote in the last 24 hours.
    let window_open = m.channel == "whatsapp"
        && state
            .store
            .replies_since(
                &m.recipient_key,
                Timestamp::now().as_millisecond() - WINDOW_MS,
            )
            .await
            .is_ok_and(|n| n > 0);
    let result = match &to {
        None => Err(SendError::Permanent("no address (erased)".into())),
        Some(to) => {
            let body = match (&survey, &link) {
                (Some(t), Some(link)) if t.link => super::compose::text_with_link(
                    &m.body,
                    rida_domain::Locale::parse(&m.lang).unwrap_or_default(),
                    link,
                ),
                _ => m.body.clone(),
            };
            let out = Outgoing {
                id: m.id,
                to,
                body: &body,
                lang: &m.lang,
                survey,
                link,
                window_open,
            };
            match (
                m.channel.as_str(),
                &state.sms,
                &state.whatsapp,
                &state.email,
            ) {
                ("whatsapp", _, Some(w), _) => w.send(&out).await.map(|a| (w.name(), a)),
                ("sms", Some(g), _, _) => g.send(&out).await.map(|a| (g.name(), a)),
                ("email", _, _, Some(e)) => e.send(&out).await.map(|a| (e.name(), a)),
                _ => Err(SendError::Temporary("no gateway for this channel".into())),
            }
        }
    };
    (m, result)
}

/// A survey message's one-time web link (`public_url` + `/s/` + its code).
pub fn survey_link(state: &AppState, message: uuid::Uuid) -> String {
    format!(
        "{}/s/{}",
        state.public_base(),
        state.contact_key.link_code(message)
    )
}
