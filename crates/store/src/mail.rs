//! Outgoing e-mail: scheduled jobs that run once across instances, and the outbox their
//! messages wait in until an SMTP server takes them (retried with a growing pause).

use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, Result, Store, StoreError, with_db};

/// A message composed and ready to queue.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub id: Uuid,
    pub kind: &'static str,
    pub user_id: Option<Uuid>,
    pub to_addr: String,
    pub subject: String,
    /// The whole message as it goes out (RFC 5322).
    pub message: Vec<u8>,
}

/// A queued message an instance has taken to send.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueMail {
    pub id: Uuid,
    pub to_addr: String,
    pub message: Vec<u8>,
    pub attempts: i32,
}

/// A message as the admin's list shows it (without its body or address in full).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct OutboxEntry {
    pub id: Uuid,
    pub kind: String,
    pub job: String,
    pub to_addr: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

/// A user who asked for the monthly report and has an address for it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub user_id: Uuid,
    pub email: String,
}

macro_rules! insert_mail {
    ($tx:ident, $org:expr, $job:expr, $m:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO outbox (id, org_id, kind, job, user_id, to_addr, subject, message, next_attempt_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (id) DO NOTHING",
        )
        .bind($m.id).bind($org).bind($m.kind).bind($job).bind($m.user_id).bind(&$m.to_addr)
        .bind(&$m.subject).bind(&$m.message).bind($now)
        .execute(&mut *$tx)
        .await?;
    };
}

impl Store {
    /// Whether a scheduled job of an organisation has run (a cheap look before composing).
    pub async fn job_ran(&self, org: Uuid, job: &str) -> Result<bool> {
        let n: i64 = with_db!(self, p => sqlx::query_scalar(
            "SELECT COUNT(*) FROM job_runs WHERE org_id = $1 AND job = $2")
            .bind(org).bind(job).fetch_one(p).await)?;
        Ok(n > 0)
    }

    /// Records that `job` ran and queues its messages, in one transaction: `false` (and
    /// nothing queued) when another instance recorded it first.
    pub async fn finish_job(
        &self,
        org: Uuid,
        job: &str,
        mails: &[NewMail],
        now: i64,
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let claimed = sqlx::query(
                "INSERT INTO job_runs (org_id, job, ran_at, messages) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .bind(org).bind(job).bind(now).bind(mails.len() as i32)
                .execute(&mut *tx).await?.rows_affected() == 1;
            if !claimed {
                return Ok(false);
            }
            for m in mails {
                insert_mail!(tx, org, job, m, now);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }

    /// Users of an organisation who receive the monthly report (the caller still asks the
    /// policy what each may see).
    pub async fn monthly_report_recipients(&self, org: Uuid) -> Result<Vec<Recipient>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id AS user_id, email FROM users \
             WHERE org_id = $1 AND active = TRUE AND monthly_report = TRUE AND email IS NOT NULL ORDER BY username")
            .bind(org).fetch_all(p).await)?)
    }

    /// Users of an organisation who asked for the Monday e-mail and have an address.
    pub async fn monday_recipients(&self, org: Uuid) -> Result<Vec<Recipient>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id AS user_id, email FROM users \
             WHERE org_id = $1 AND active = TRUE AND monday_mail = TRUE AND email IS NOT NULL ORDER BY username")
            .bind(org).fetch_all(p).await)?)
    }

    /// Whether a person asked for the Monday e-mail.
    pub async fn monday_mail(&self, user: Uuid) -> Result<bool> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT monday_mail FROM users WHERE id = $1")
            .bind(user).fetch_one(p).await)?)
    }

    /// A person's choice of the Monday e-mail.
    pub async fn set_monday_mail(&self, org: Uuid, user: Uuid, on: bool) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("UPDATE users SET monday_mail = $3 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(user).bind(on).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// A user's e-mail address, if they are active and have one.
    pub async fn user_email(&self, org: Uuid, user: Uuid) -> Result<Option<String>> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT email FROM users WHERE org_id = $1 AND id = $2 AND active = TRUE")
            .bind(org).bind(user).fetch_optional(p).await)?
        .flatten())
    }

    /// Takes up to `limit` messages due at `now` for this instance, holding each until
    /// `now + lease_ms`; a message another instance holds is skipped.
    pub async fn take_due_mail(&self, now: i64, lease_ms: i64, limit: i64) -> Result<Vec<DueMail>> {
        with_db!(self, p => {
            let ids: Vec<Uuid> = sqlx::query_scalar(
                "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 AND locked_until <= $1 \
                 ORDER BY next_attempt_at LIMIT $2")
                .bind(now).bind(limit).fetch_all(p).await?;
            let mut taken = Vec::with_capacity(ids.len());
            for id in ids {
                let mut tx = p.begin_write().await?;
                let got = sqlx::query(
                    "UPDATE outbox SET locked_until = $2 WHERE id = $1 AND status = 'pending' AND locked_until <= $3")
                    .bind(id).bind(now + lease_ms).bind(now)
                    .execute(&mut *tx).await?.rows_affected() == 1;
                if got {
                    let m: DueMail = sqlx::query_as("SELECT id, to_addr, message, attempts FROM outbox WHERE id = $1")
                        .bind(id).fetch_one(&mut *tx).await?;
                    taken.push(m);
                }
                tx.commit().await?;
            }
            Ok::<_, StoreError>(taken)
        })
    }

    /// Marks a message sent. A pulse link's message is emptied once sent: nothing kept
    /// then leads from its addressee to the link.
    pub async fn mail_sent(&self, id: Uuid, now: i64) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("UPDATE outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL, locked_until = 0, \
                         message = CASE WHEN kind = 'pulse' THEN $3 ELSE message END WHERE id = $1")
                .bind(id).bind(now).bind(Vec::<u8>::new()).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Records a failed attempt: tried again at `retry_at`, or given up (`None`).
    pub async fn mail_failed(&self, id: Uuid, error: &str, retry_at: Option<i64>) -> Result<()> {
        let status = if retry_at.is_some() {
            "pending"
        } else {
            "failed"
        };
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("UPDATE outbox SET status = $2, attempts = attempts + 1, last_error = $3, next_attempt_at = COALESCE($4, next_attempt_at), locked_until = 0 WHERE id = $1")
                .bind(id).bind(status).bind(error).bind(retry_at).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Queues a message given up on again, to be sent at once.
    pub async fn retry_mail(&self, org: Uuid, id: Uuid, now: i64) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query("UPDATE outbox SET status = 'pending', next_attempt_at = $3 WHERE org_id = $1 AND id = $2 AND status <> 'sent'")
                .bind(org).bind(id).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// The organisation's latest messages, newest first.
    pub async fn outbox(&self, org: Uuid, limit: i64) -> Result<Vec<OutboxEntry>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id, kind, job, to_addr, subject, status, attempts, next_attempt_at, last_error, created_at, sent_at \
             FROM outbox WHERE org_id = $1 ORDER BY created_at DESC, id LIMIT $2")
            .bind(org).bind(limit).fetch_all(p).await)?)
    }
}

pub(crate) use insert_mail;
