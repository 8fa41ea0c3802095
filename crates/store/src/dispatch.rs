//! Surveys after the visit: the dispatch rules, the messages going out (a job queue any
//! number of instances share: each message is held by one instance at a time) and their
//! state, from queued to answered or expired.

use rida_domain::dispatch::{Quiet, Rule, SurveyChannel};
use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, By, Result, Store, StoreError, audit::audit, now_ms, with_db};

#[derive(sqlx::FromRow)]
struct RuleRow {
    id: Uuid,
    site_id: Option<Uuid>,
    service_id: Option<Uuid>,
    channel: String,
    delay_minutes: i32,
    quiet_from: Option<i32>,
    quiet_to: Option<i32>,
    cap_days: i32,
    sample_percent: i32,
    survey_id: Option<Uuid>,
    lang: Option<String>,
    expiry_hours: i32,
    with_link: bool,
}

impl RuleRow {
    fn rule(self) -> Rule {
        Rule {
            id: self.id,
            site_id: self.site_id,
            service_id: self.service_id,
            channel: SurveyChannel::parse(&self.channel).unwrap_or(SurveyChannel::None),
            delay_minutes: self.delay_minutes.max(0) as u32,
            quiet: match (self.quiet_from, self.quiet_to) {
                (Some(from), Some(to)) => Some(Quiet {
                    from: from.clamp(0, 1439) as u16,
                    to: to.clamp(0, 1439) as u16,
                }),
                _ => None,
            },
            cap_days: self.cap_days.max(0) as u32,
            sample_percent: self.sample_percent.clamp(0, 100) as u8,
            survey_id: self.survey_id,
            lang: self.lang,
            expiry_hours: self.expiry_hours.max(1) as u32,
            with_link: self.with_link,
        }
    }
}

/// A visit whose survey is still to be planned (its contact kept, the visit ended).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Unplanned {
    pub org_id: Uuid,
    pub visit_id: Uuid,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub customer_key: Option<String>,
    pub ended_at: i64,
    pub phone_enc: Option<Vec<u8>>,
    pub email_enc: Option<Vec<u8>>,
    pub lang: Option<String>,
}

/// A message to queue (or to record as skipped, with its reason).
#[derive(Debug, Clone, PartialEq)]
pub struct NewMessage {
    pub id: Uuid,
    /// `survey`, `reask`, `stop`, `start` or `help`.
    pub kind: &'static str,
    pub visit_id: Option<Uuid>,
    pub parent_id: Option<Uuid>,
    pub channel: SurveyChannel,
    pub recipient_key: String,
    pub customer_key: Option<String>,
    pub to_enc: Option<Vec<u8>>,
    pub body: String,
    pub lang: String,
    /// What a WhatsApp template needs besides the text (JSON).
    pub params: Option<String>,
    pub question_id: Option<Uuid>,
    pub comment_question_id: Option<Uuid>,
    /// Why it will not go (`frequency_cap`, `sampled_out`…); `None`: queued.
    pub skip_reason: Option<String>,
    pub segments: i32,
    pub due_at: i64,
    pub expires_at: Option<i64>,
    /// A survey's one-time web link: the keyed hash of its code.
    pub link_key: Option<String>,
    /// The survey its web link shows.
    pub survey_id: Option<Uuid>,
}

/// A visit's survey as planned: its message and since when an earlier survey to the
/// same customer makes it wait (the frequency cap).
#[derive(Debug, Clone)]
pub struct PlannedSurvey {
    pub org: Uuid,
    pub visit: Uuid,
    pub message: NewMessage,
    pub cap_since: Option<i64>,
}

/// A queued message an instance has taken to send.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueMessage {
    pub id: Uuid,
    pub org_id: Uuid,
    pub recipient_key: String,
    pub kind: String,
    pub channel: String,
    pub to_enc: Option<Vec<u8>>,
    pub body: String,
    pub lang: String,
    pub params: Option<String>,
    pub question_id: Option<Uuid>,
    pub attempts: i32,
    pub expires_at: Option<i64>,
}

/// A survey message a reply may answer, with the visit it follows.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SentSurvey {
    pub id: Uuid,
    pub org_id: Uuid,
    pub visit_id: Option<Uuid>,
    pub channel: String,
    pub customer_key: Option<String>,
    pub to_enc: Option<Vec<u8>>,
    pub lang: String,
    pub question_id: Option<Uuid>,
    pub comment_question_id: Option<Uuid>,
    pub status: String,
    pub reasked: bool,
    pub sent_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub survey_id: Option<Uuid>,
}

impl SentSurvey {
    /// Whether a reply at `now` still answers it.
    pub fn is_open(&self, now: i64) -> bool {
        matches!(self.status.as_str(), "sent" | "delivered" | "read")
            && self.expires_at.is_none_or(|e| e > now)
    }
}

/// What a gateway reports of a message it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Delivered,
    /// Seen by the customer (WhatsApp), which implies delivered.
    Read,
    /// Not delivered, with the gateway's error code and title if it gave one (never
    /// anything that could hold the number).
    Failed(Option<String>),
}

/// A message as the outbox page lists it (no address, no body).
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MessageEntry {
    pub id: Uuid,
    pub kind: String,
    pub channel: String,
    pub status: String,
    pub skip_reason: Option<String>,
    pub lang: String,
    pub segments: i32,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub answered_at: Option<i64>,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
}

const SENT_SURVEY: &str = "SELECT m.id, m.org_id, m.visit_id, m.channel, m.customer_key, m.to_enc, m.lang, \
     m.question_id, m.comment_question_id, m.status, m.reasked, m.sent_at, m.expires_at, \
     v.site_id, v.service_id, v.employee_id, m.survey_id \
     FROM survey_messages m LEFT JOIN visits v ON v.id = m.visit_id";

/// Inserts a message inside the caller's transaction.
macro_rules! insert_message {
    ($tx:ident, $org:expr, $m:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO survey_messages (id, org_id, kind, visit_id, parent_id, channel, recipient_key, customer_key, \
             to_enc, body, lang, question_id, comment_question_id, status, skip_reason, segments, next_attempt_at, \
             expires_at, created_at, params, link_key, survey_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) \
             ON CONFLICT DO NOTHING")
            .bind($m.id).bind($org).bind($m.kind).bind($m.visit_id).bind($m.parent_id)
            .bind($m.channel.as_str()).bind(&$m.recipient_key).bind(&$m.customer_key)
            .bind(if $m.skip_reason.is_some() { None } else { $m.to_enc.clone() })
            .bind(&$m.body).bind(&$m.lang).bind($m.question_id).bind($m.comment_question_id)
            .bind(if $m.skip_reason.is_some() { "skipped" } else { "queued" })
            .bind(&$m.skip_reason).bind($m.segments).bind($m.due_at).bind($m.expires_at).bind($now).bind(&$m.params)
            .bind(&$m.link_key).bind($m.survey_id)
            .execute(&mut *$tx).await?
    };
}
pub(crate) use insert_message;

impl Store {
    /// The organisation's dispatch rules.
    pub async fn survey_rules(&self, org: Uuid) -> Result<Vec<Rule>> {
        let rows: Vec<RuleRow> = with_db!(self, p => sqlx::query_as(
            "SELECT id, site_id, service_id, channel, delay_minutes, quiet_from, quiet_to, cap_days, \
             sample_percent, survey_id, lang, expiry_hours, with_link FROM survey_rules WHERE org_id = $1 ORDER BY updated_at, id")
            .bind(org).fetch_all(p).await)?;
        Ok(rows.into_iter().map(RuleRow::rule).collect())
    }

    /// Saves a rule (new or changed). `Conflict` when another rule has the same site and
    /// service; `NotFound` when a site, service or survey is not the organisation's.
    pub async fn save_survey_rule(&self, org: Uuid, r: &Rule, by: &By) -> Result<()> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            crate::check_owned!(tx, "sites", org, r.site_id.as_slice());
            crate::check_owned!(tx, "services", org, r.service_id.as_slice());
            crate::check_owned!(tx, "surveys", org, r.survey_id.as_slice());
            let same: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM survey_rules WHERE org_id = $1 AND id <> $2 \
                 AND ((site_id IS NULL AND $3 IS NULL) OR site_id = $3) \
                 AND ((service_id IS NULL AND $4 IS NULL) OR service_id = $4)")
                .bind(org).bind(r.id).bind(r.site_id).bind(r.service_id).fetch_one(&mut *tx).await?;
            if same > 0 {
                return Err(StoreError::Conflict);
            }
            sqlx::query(
                "INSERT INTO survey_rules (id, org_id, site_id, service_id, channel, delay_minutes, quiet_from, quiet_to, \
                 cap_days, sample_percent, survey_id, lang, expiry_hours, updated_at, with_link) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
                 ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, service_id = excluded.service_id, \
                 channel = excluded.channel, delay_minutes = excluded.delay_minutes, quiet_from = excluded.quiet_from, \
                 quiet_to = excluded.quiet_to, cap_days = excluded.cap_days, sample_percent = excluded.sample_percent, \
                 survey_id = excluded.survey_id, lang = excluded.lang, expiry_hours = excluded.expiry_hours, \
                 updated_at = excluded.updated_at, with_link = excluded.with_link WHERE survey_rules.org_id = excluded.org_id")
                .bind(r.id).bind(org).bind(r.site_id).bind(r.service_id).bind(r.channel.as_str())
                .bind(r.delay_minutes as i32).bind(r.quiet.map(|q| i32::from(q.from)))
                .bind(r.quiet.map(|q| i32::from(q.to))).bind(r.cap_days as i32)
                .bind(i32::from(r.sample_percent)).bind(r.survey_id).bind(&r.lang)
                .bind(r.expiry_hours as i32).bind(now).bind(r.with_link)
                .execute(&mut *tx).await?;
            audit!(tx, by, org, "save", "survey_rule", Some(r.id), r.channel.as_str());
            tx.commit().await?;
            Ok(())
        })
    }

    /// Deletes a rule.
    pub async fn delete_survey_rule(&self, org: Uuid, id: Uuid, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query("DELETE FROM survey_rules WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            audit!(tx, by, org, "delete", "survey_rule", Some(id), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// Ended visits whose survey is still to be planned, oldest first.
    pub async fn unplanned_surveys(&self, limit: i64) -> Result<Vec<Unplanned>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT c.org_id, c.visit_id, v.site_id, v.service_id, v.employee_id, v.customer_key, v.ended_at, \
             c.phone_enc, c.email_enc, c.lang \
             FROM visit_contacts c JOIN visits v ON v.id = c.visit_id \
             WHERE c.survey AND c.planned_at IS NULL AND v.ended_at IS NOT NULL \
             ORDER BY c.created_at LIMIT $1")
            .bind(limit).fetch_all(p).await)?)
    }

    /// Plans visits' surveys in one transaction: marks each contact planned and queues
    /// its message (or records it skipped). A message to a customer surveyed since its
    /// `cap_since` (ms) is skipped as `frequency_cap`. A visit another instance planned
    /// first is left alone. Returns how many were planned here.
    pub async fn plan_surveys(&self, plans: &[PlannedSurvey]) -> Result<usize> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let mut planned = 0;
            for plan in plans {
                let claimed = sqlx::query(
                    "UPDATE visit_contacts SET planned_at = $3 WHERE org_id = $1 AND visit_id = $2 AND planned_at IS NULL")
                    .bind(plan.org).bind(plan.visit).bind(now).execute(&mut *tx).await?.rows_affected() == 1;
                if !claimed {
                    continue;
                }
                planned += 1;
                let mut m = plan.message.clone();
                if let (None, Some(since), Some(key)) = (&m.skip_reason, plan.cap_since, &m.customer_key) {
                    let recent: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM survey_messages WHERE org_id = $1 AND customer_key = $2 \
                         AND kind = 'survey' AND status <> 'skipped' AND created_at >= $3")
                        .bind(plan.org).bind(key).bind(since).fetch_one(&mut *tx).await?;
                    if recent > 0 {
                        m.skip_reason = Some("frequency_cap".into());
                    }
                }
                insert_message!(tx, plan.org, m, now);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(planned)
        })
    }

    /// Queues a message outside a survey's plan (a confirmation, an answer to HELP).
    pub async fn queue_message(&self, org: Uuid, m: &NewMessage) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            insert_message!(tx, org, m, now_ms());
            tx.commit().await?;
            Ok(())
        })
    }

    /// Takes up to `limit` messages due at `now` for this instance, holding each until
    /// `now + lease_ms`. A message another instance holds is skipped; one whose holder
    /// died is taken again once its hold has passed.
    pub async fn take_due_messages(
        &self,
        now: i64,
        lease_ms: i64,
        limit: i64,
        channels: &[&str],
    ) -> Result<Vec<DueMessage>> {
        if channels.is_empty() {
            return Ok(vec![]);
        }
        let channel_in = crate::ratings::in_list(4, channels.len());
        const RETURNING: &str = "RETURNING id, org_id, recipient_key, kind, channel, to_enc, body, lang, params, question_id, attempts, expires_at";
        let pick = format!(
            "SELECT id FROM survey_messages WHERE status = 'queued' AND next_attempt_at <= $1 \
             AND locked_until <= $1 AND channel IN ({channel_in}) ORDER BY next_attempt_at LIMIT $3"
        );
        // The outer condition is checked again on each row as it is locked, so two
        // instances racing for one row never both take it.
        let update = "UPDATE survey_messages SET locked_until = $2 \
                      WHERE status = 'queued' AND locked_until <= $1 AND id IN";
        Ok(match &self.db {
            crate::Db::Sqlite(p) => {
                // A read first: an idle round takes no write lock.
                let mut any = sqlx::query_scalar::<_, Uuid>(&pick)
                    .bind(now)
                    .bind(now + lease_ms)
                    .bind(1_i64);
                for c in channels {
                    any = any.bind(*c);
                }
                if any.fetch_optional(p).await?.is_none() {
                    return Ok(vec![]);
                }
                let sql = format!("{update} ({pick}) {RETURNING}");
                let mut tx = p.begin_write().await?;
                let mut q = sqlx::query_as(&sql)
                    .bind(now)
                    .bind(now + lease_ms)
                    .bind(limit);
                for c in channels {
                    q = q.bind(*c);
                }
                let rows = q.fetch_all(&mut *tx).await?;
                tx.commit().await?;
                rows
            }
            crate::Db::Postgres(p) => {
                let sql = format!("{update} ({pick} FOR UPDATE SKIP LOCKED) {RETURNING}");
                let mut q = sqlx::query_as(&sql)
                    .bind(now)
                    .bind(now + lease_ms)
                    .bind(limit);
                for c in channels {
                    q = q.bind(*c);
                }
                q.fetch_all(p).await?
            }
        })
    }

    /// Records messages handed to the gateway (`(id, provider's id)`), in one
    /// transaction.
    pub async fn messages_sent(
        &self,
        provider: &str,
        sent: &[(Uuid, Option<String>)],
        now: i64,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            for (id, provider_id) in sent {
                sqlx::query(
                    "UPDATE survey_messages SET status = CASE WHEN status = 'queued' THEN 'sent' ELSE status END, \
                     sent_at = $2, provider = $3, provider_id = $4, attempts = attempts + 1, \
                     last_error = CASE WHEN status = 'failed' THEN last_error ELSE NULL END, locked_until = 0 \
                     WHERE id = $1 AND sent_at IS NULL AND status IN ('queued', 'delivered', 'read', 'failed')")
                    .bind(id).bind(now).bind(provider).bind(provider_id).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Records a failed attempt: tried again at `retry_at`, or given up (`None`).
    pub async fn message_failed(&self, id: Uuid, error: &str, retry_at: Option<i64>) -> Result<()> {
        let status = if retry_at.is_some() {
            "queued"
        } else {
            "failed"
        };
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "UPDATE survey_messages SET status = $2, attempts = attempts + 1, last_error = $3, \
                 next_attempt_at = COALESCE($4, next_attempt_at), locked_until = 0 WHERE id = $1 AND status = 'queued'")
                .bind(id).bind(status).bind(error).bind(retry_at).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// A delivery report: `delivered` or `failed`. A message answered or expired keeps
    /// that state; a report for an unknown message changes nothing. A report may come
    /// before the sender has recorded the message sent (the gateway is quick). Returns
    /// whether a message changed.
    pub async fn message_delivery(&self, id: Uuid, report: &Delivery, now: i64) -> Result<bool> {
        // Each state only moves forward: read after delivered, never back.
        let (status, from, error) = match report {
            Delivery::Delivered => ("delivered", "'queued', 'sent'", None),
            Delivery::Read => ("read", "'queued', 'sent', 'delivered'", None),
            Delivery::Failed(e) => ("failed", "'queued', 'sent'", e.as_deref()),
        };
        let at = (status != "failed").then_some(now);
        let sql = format!(
            "UPDATE survey_messages SET status = $2, delivered_at = COALESCE(delivered_at, $3), \
             last_error = COALESCE($4, last_error) WHERE id = $1 AND status IN ({from})"
        );
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(&sql)
                .bind(id).bind(status).bind(at).bind(error).execute(&mut *tx).await?.rows_affected();
            tx.commit().await?;
            Ok(n == 1)
        })
    }

    /// The message a gateway knows by its own id.
    pub async fn message_by_provider_id(
        &self,
        provider: &str,
        provider_id: &str,
    ) -> Result<Option<Uuid>> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT id FROM survey_messages WHERE provider_id = $2 AND provider = $1")
            .bind(provider).bind(provider_id).fetch_optional(p).await)?)
    }

    /// Expires surveys not answered (or still waiting for the gateway) by their end;
    /// returns how many.
    pub async fn expire_messages(&self, now: i64) -> Result<u64> {
        with_db!(self, p => {
            // A read first: an idle round takes no write lock.
            let due: Option<Uuid> = sqlx::query_scalar(
                "SELECT id FROM survey_messages WHERE status IN ('queued', 'sent', 'delivered', 'read') AND expires_at < $1 \
                 AND kind = 'survey' AND locked_until <= $1 LIMIT 1")
                .bind(now).fetch_optional(p).await?;
            if due.is_none() {
                return Ok(0);
            }
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(
                "UPDATE survey_messages SET status = 'expired', locked_until = 0 \
                 WHERE status IN ('queued', 'sent', 'delivered', 'read') AND expires_at < $1 AND kind = 'survey' AND locked_until <= $1")
                .bind(now).execute(&mut *tx).await?.rows_affected();
            tx.commit().await?;
            Ok(n)
        })
    }

    /// The survey most recently sent to a number (by its recipient key), open or not.
    pub async fn latest_survey_to(&self, recipient_key: &str) -> Result<Option<SentSurvey>> {
        let sql = format!(
            "{SENT_SURVEY} WHERE m.recipient_key = $1 AND m.kind = 'survey' AND m.sent_at IS NOT NULL \
             ORDER BY CASE WHEN m.status IN ('sent', 'delivered', 'read') THEN 0 ELSE 1 END, m.sent_at DESC LIMIT 1"
        );
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(recipient_key).fetch_optional(p).await)?)
    }

    /// The organisations that sent a number anything, with its customer key there.
    pub async fn organisations_of(&self, recipient_key: &str) -> Result<Vec<(Uuid, String)>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT DISTINCT org_id, customer_key FROM survey_messages \
             WHERE recipient_key = $1 AND customer_key IS NOT NULL AND sent_at IS NOT NULL")
            .bind(recipient_key).fetch_all(p).await)?)
    }

    /// One message (for its address when a confirmation follows it).
    pub async fn survey_message(&self, id: Uuid) -> Result<Option<SentSurvey>> {
        let sql = format!("{SENT_SURVEY} WHERE m.id = $1");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await)?)
    }

    /// The survey message whose one-time web link has this keyed hash.
    pub async fn survey_by_link(&self, link_key: &str) -> Result<Option<SentSurvey>> {
        let sql = format!("{SENT_SURVEY} WHERE m.link_key = $1 AND m.kind = 'survey'");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(link_key).fetch_optional(p).await)?)
    }

    /// The organisation's latest messages, newest first, optionally in one state.
    pub async fn survey_outbox(
        &self,
        org: Uuid,
        status: Option<&str>,
        limit: i64,
    ) -> Result<Vec<MessageEntry>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT m.id, m.kind, m.channel, m.status, m.skip_reason, m.lang, m.segments, m.attempts, m.last_error, \
             m.created_at, m.next_attempt_at, m.sent_at, m.delivered_at, m.answered_at, v.site_id, v.service_id \
             FROM survey_messages m LEFT JOIN visits v ON v.id = m.visit_id \
             WHERE m.org_id = $1 AND ($2 IS NULL OR m.status = $2) ORDER BY m.created_at DESC, m.id DESC LIMIT $3")
            .bind(org).bind(status).bind(limit).fetch_all(p).await)?)
    }

    /// How many of the organisation's messages are in each state.
    pub async fn survey_outbox_counts(&self, org: Uuid) -> Result<Vec<(String, i64)>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT status, COUNT(*) FROM survey_messages WHERE org_id = $1 GROUP BY status ORDER BY status")
            .bind(org).fetch_all(p).await)?)
    }

    /// Queues a failed message again, to go at once.
    pub async fn retry_message(&self, org: Uuid, id: Uuid, now: i64) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(
                "UPDATE survey_messages SET status = 'queued', next_attempt_at = $3 \
                 WHERE org_id = $1 AND id = $2 AND status = 'failed' AND to_enc IS NOT NULL")
                .bind(org).bind(id).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            tx.commit().await?;
            Ok(())
        })
    }
}
