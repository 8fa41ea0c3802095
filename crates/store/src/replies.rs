//! Replies to surveys: each inbound message recorded once by its gateway id (a gateway
//! that calls twice stores nothing twice), with what it did — an answer, a re-ask, a
//! comment, an opt-out — written in the same transaction.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use uuid::Uuid;

use crate::contacts::write_consent;
use crate::dispatch::{NewMessage, insert_message};
use crate::ratings::{
    NewRating, RATING_COLUMNS, ROWS_PER_STATEMENT, StoredRating, in_list, insert_rows,
};
use crate::{BeginWrite, Result, Store, StoreError, with_db};

/// An inbound message as the gateway identified it (its text is not kept).
#[derive(Debug, Clone)]
pub struct Inbound {
    /// `kannel`, `twilio`, `whatsapp`.
    pub provider: String,
    /// The gateway's id of the message: a second call with it is a replay.
    pub provider_id: String,
    pub recipient_key: String,
    pub received_at: i64,
}

/// What a reply does.
#[derive(Debug, Clone)]
pub enum ReplyEffect {
    /// Answers an open survey: its score (and the words around it as a comment).
    Answer {
        org: Uuid,
        message: Uuid,
        ratings: Vec<NewRating>,
    },
    /// Words kept as a comment only (the survey expired or was answered before).
    Comment {
        org: Uuid,
        message: Uuid,
        ratings: Vec<NewRating>,
        outcome: &'static str,
    },
    /// Not understood: asks once more (words without a score are kept as a comment).
    Reask {
        org: Uuid,
        message: Uuid,
        reask: NewMessage,
        ratings: Vec<NewRating>,
    },
    /// STOP or START, in every organisation that messaged the number; each with its
    /// customer key and the confirmation to send.
    Consent {
        opted_out: bool,
        orgs: Vec<(Uuid, String, Option<NewMessage>)>,
    },
    /// HELP: the organisation's contact goes back.
    Help { org: Uuid, reply: NewMessage },
    /// Nothing to do (`unmatched`: no survey went to the number; `limited`: too many
    /// replies from it; `ignored`: a survey already re-asked and still not understood).
    Nothing {
        org: Option<Uuid>,
        message: Option<Uuid>,
        outcome: &'static str,
    },
}

/// What receiving did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Received {
    /// Recorded now, with its outcome (`answered`, `reasked`, `comment`, `late`,
    /// `opted_out`, `opted_in`, `help`, `unmatched`, `limited`, `ignored`).
    Done(&'static str),
    /// Recorded before (the gateway called again): nothing changed.
    Replayed,
}

impl Store {
    /// Records an inbound message and applies what it does, in one transaction.
    pub async fn receive_reply(&self, inbound: &Inbound, effect: &ReplyEffect) -> Result<Received> {
        let ratings: &[NewRating] = match effect {
            ReplyEffect::Answer { ratings, .. }
            | ReplyEffect::Comment { ratings, .. }
            | ReplyEffect::Reask { ratings, .. } => ratings,
            _ => &[],
        };
        let scales = self.scales_of(ratings.iter()).await?;
        let readers = match effect {
            ReplyEffect::Answer { org, .. }
            | ReplyEffect::Comment { org, .. }
            | ReplyEffect::Reask { org, .. } => {
                self.readers_for(crate::readings::text_orgs(
                    ratings.iter().map(|r| (*org, r)),
                ))
                .await?
            }
            _ => Default::default(),
        };
        let now = inbound.received_at;
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let fresh = sqlx::query(
                "INSERT INTO inbound_messages (provider, provider_id, recipient_key, outcome, received_at) \
                 VALUES ($1, $2, $3, 'received', $4) ON CONFLICT DO NOTHING")
                .bind(&inbound.provider).bind(&inbound.provider_id).bind(&inbound.recipient_key).bind(now)
                .execute(&mut *tx).await?.rows_affected() == 1;
            if !fresh {
                return Ok(Received::Replayed);
            }
            let (org, message, mut outcome): (Option<Uuid>, Option<Uuid>, &'static str) = match effect {
                ReplyEffect::Answer { org, message, .. } => (Some(*org), Some(*message), "answered"),
                ReplyEffect::Comment { org, message, outcome, .. } => (Some(*org), Some(*message), *outcome),
                ReplyEffect::Reask { org, message, .. } => (Some(*org), Some(*message), "reasked"),
                ReplyEffect::Consent { opted_out, orgs } => (
                    orgs.first().map(|o| o.0),
                    None,
                    if *opted_out { "opted_out" } else { "opted_in" },
                ),
                ReplyEffect::Help { org, .. } => (Some(*org), None, "help"),
                ReplyEffect::Nothing { org, message, outcome } => (*org, *message, *outcome),
            };
            let mut rows: Vec<(Uuid, &NewRating)> = Vec::new();
            match effect {
                ReplyEffect::Answer { org, message, ratings } => {
                    let took = sqlx::query(
                        "UPDATE survey_messages SET status = 'answered', answered_at = $2 \
                         WHERE id = $1 AND status IN ('sent', 'delivered', 'read')")
                        .bind(message).bind(now).execute(&mut *tx).await?.rows_affected() == 1;
                    // Another reply answered it meanwhile: keep only the words.
                    rows = ratings.iter()
                        .filter(|r| took || r.answer.score().is_none())
                        .map(|r| (*org, r)).collect();
                    if !took {
                        outcome = "late";
                    }
                }
                ReplyEffect::Comment { org, ratings, .. } => {
                    rows = ratings.iter().map(|r| (*org, r)).collect();
                }
                ReplyEffect::Reask { org, message, reask, ratings } => {
                    sqlx::query("UPDATE survey_messages SET reasked = TRUE WHERE id = $1")
                        .bind(message).execute(&mut *tx).await?;
                    insert_message!(tx, *org, reask, now);
                    rows = ratings.iter().map(|r| (*org, r)).collect();
                }
                ReplyEffect::Consent { opted_out, orgs } => {
                    for (org, key, confirm) in orgs {
                        write_consent!(tx, *org, key, *opted_out, "reply", None::<&str>, None::<&str>, now);
                        if *opted_out {
                            sqlx::query(
                                "UPDATE survey_messages SET status = 'skipped', skip_reason = 'opted_out', to_enc = NULL \
                                 WHERE org_id = $1 AND customer_key = $2 AND status = 'queued' AND kind = 'survey'")
                                .bind(org).bind(key).execute(&mut *tx).await?;
                        }
                        if let Some(m) = confirm {
                            insert_message!(tx, *org, m, now);
                        }
                    }
                }
                ReplyEffect::Help { org, reply } => {
                    insert_message!(tx, *org, reply, now);
                }
                ReplyEffect::Nothing { .. } => {}
            }
            if !rows.is_empty() {
                let batches: Vec<(Uuid, &[NewRating])> = match effect {
                    ReplyEffect::Answer { org, ratings, .. }
                    | ReplyEffect::Comment { org, ratings, .. }
                    | ReplyEffect::Reask { org, ratings, .. } => {
                        vec![(*org, ratings.as_slice())]
                    }
                    _ => vec![],
                };
                let mut inserted: HashSet<(Uuid, Uuid)> = HashSet::new();
                let mut existing: HashMap<(Uuid, Uuid), StoredRating> = HashMap::new();
                let all = rows;
                insert_rows!(tx, &batches, all, scales, readers, inserted, existing);
            }
            sqlx::query(
                "UPDATE inbound_messages SET org_id = $3, message_id = $4, outcome = $5 WHERE provider = $1 AND provider_id = $2")
                .bind(&inbound.provider).bind(&inbound.provider_id).bind(org).bind(message).bind(outcome)
                .execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(Received::Done(outcome))
        })
    }

    /// How many messages came from a number since `since` (ms), for the flood guard.
    pub async fn replies_since(&self, recipient_key: &str, since: i64) -> Result<i64> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT COUNT(*) FROM inbound_messages WHERE recipient_key = $1 AND received_at >= $2")
            .bind(recipient_key).bind(since).fetch_one(p).await)?)
    }

    /// How many replies of the organisation had each outcome since `since` (ms).
    pub async fn reply_outcomes(&self, org: Uuid, since: i64) -> Result<Vec<(String, i64)>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT outcome, COUNT(*) FROM inbound_messages WHERE org_id = $1 AND received_at >= $2 \
             GROUP BY outcome ORDER BY outcome")
            .bind(org).bind(since).fetch_all(p).await)?)
    }
}
