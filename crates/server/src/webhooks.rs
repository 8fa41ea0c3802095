//! Outbound webhooks, so that a CRM can follow up: `answer.received` for every scored
//! answer and `answer.low_score` for low ones (the scale's own threshold), from every
//! channel. Each delivery is a JSON POST signed with the webhook's secret:
//!
//! `X-Rida-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
//!
//! (the time in the signed text stops a captured delivery from being replayed later).
//! A receiver that does not answer 2xx gets it again: after 30 s, doubling to an hour,
//! for a day; then it is marked failed and can be sent again from the log.

use hmac::{Hmac, Mac};
use jiff::Timestamp;
use rida_domain::{Scale, new_id, time::doubling_pause_ms};
use rida_store::NewDelivery;
use serde_json::json;
use sha2::Sha256;

use crate::state::AppState;

/// Answers read per webhook and round.
const BATCH: i64 = 500;
/// How long one instance holds a delivery it is sending.
const LEASE_MS: i64 = 60_000;
/// A delivery not received within a day is given up.
const GIVE_UP_MS: i64 = 86_400_000;

/// The signature header of `body` sent at `t` (Unix seconds).
pub fn signature(secret: &str, t: i64, body: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("{t}.{body}").as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// A fresh secret for a new webhook.
pub fn new_secret() -> String {
    let bytes: [u8; 24] = rand::random();
    format!("whsec_{}", hex::encode(bytes))
}

/// One round: queue the events of new answers, then send what is due.
pub async fn run_once(state: &AppState, now: Timestamp) -> anyhow::Result<usize> {
    let store = &state.store;
    for (org, hook, from, on_answer, on_low) in store.all_webhooks().await? {
        let answers = store.scored_after(org, from, BATCH).await?;
        let Some(last) = answers.last().map(|a| a.seq) else {
            continue;
        };
        let mut deliveries = Vec::new();
        for a in &answers {
            let scale = Scale::parse(&a.scale).unwrap_or(Scale::Csat5);
            let low = scale.is_low(a.score);
            let payload = |event: &str, id| {
                json!({
                    "event": event,
                    "delivery_id": id,
                    "answer_id": a.id,
                    "visit_id": a.visit_id,
                    "site_id": a.site_id,
                    "service_id": a.service_id,
                    "employee_id": a.employee_id,
                    "question_id": a.question_id,
                    "scale": a.scale,
                    "score": a.score,
                    "low": low,
                    "received_at": Timestamp::from_millisecond(a.received_at).map(|t| t.to_string()).unwrap_or_default(),
                })
                .to_string()
            };
            for (wanted, event) in [
                (on_answer, "answer.received"),
                (on_low && low, "answer.low_score"),
            ] {
                if wanted {
                    let id = new_id();
                    deliveries.push(NewDelivery {
                        id,
                        event,
                        payload: payload(event, id),
                    });
                }
            }
        }
        store
            .advance_webhook(org, hook, (from, last), &deliveries, now.as_millisecond())
            .await?;
    }
    send_due(state, now).await
}

async fn send_due(state: &AppState, now: Timestamp) -> anyhow::Result<usize> {
    let now_ms = now.as_millisecond();
    let due = state
        .store
        .take_due_deliveries(now_ms, LEASE_MS, 100)
        .await?;
    let mut delivered = 0;
    for d in due {
        let t = now.as_second();
        let sent = state
            .http
            .post(&d.url)
            .header("content-type", "application/json")
            .header("X-Rida-Event", &d.event)
            .header("X-Rida-Delivery", d.id.to_string())
            .header("X-Rida-Signature", signature(&d.secret, t, &d.payload))
            .body(d.payload.clone())
            .send()
            .await;
        let (ok, status, error) = match sent {
            Ok(r) if r.status().is_success() => (true, Some(i32::from(r.status().as_u16())), None),
            Ok(r) => (
                false,
                Some(i32::from(r.status().as_u16())),
                Some(format!("HTTP {}", r.status().as_u16())),
            ),
            Err(e) => (false, None, Some(e.without_url().to_string())),
        };
        let retry_at = now_ms + doubling_pause_ms(d.attempts, 3_600_000);
        let retry = (!ok && retry_at < d.created_at + GIVE_UP_MS).then_some(retry_at);
        state
            .store
            .delivery_attempt(d.id, ok, status, error.as_deref(), retry, now_ms)
            .await?;
        delivered += usize::from(ok);
    }
    Ok(delivered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_cover_the_time_and_the_body() {
        let s = signature("whsec_x", 1_764_547_200, r#"{"event":"answer.received"}"#);
        assert!(s.starts_with("t=1764547200,v1="), "{s}");
        assert_eq!(
            s,
            signature("whsec_x", 1_764_547_200, r#"{"event":"answer.received"}"#)
        );
        assert_ne!(
            s,
            signature("whsec_x", 1_764_547_201, r#"{"event":"answer.received"}"#)
        );
        assert_ne!(
            s,
            signature("whsec_y", 1_764_547_200, r#"{"event":"answer.received"}"#)
        );
        assert!(new_secret().starts_with("whsec_") && new_secret() != new_secret());
    }

    /// A known answer, computed apart from this code with the README's recipe
    /// (`printf '%s.%s' 1764547200 '{"event":"answer.received"}' | openssl dgst -sha256
    /// -hmac whsec_x`, and Python's `hmac`): the key is the whole secret.
    #[test]
    fn the_signature_matches_the_documented_recipe() {
        assert_eq!(
            signature("whsec_x", 1_764_547_200, r#"{"event":"answer.received"}"#),
            "t=1764547200,v1=4fdb95659635844f2e72e0eea730225d17d428d5a77082e2959e53c8f2290844"
        );
    }
}
