//! Who is told of alerts, and when. Raising an alert queues a notice for each person it
//! goes to (in the same transaction); each person's notices go out together in a digest,
//! at most one message an hour (or a day, as they choose), whichever instance sends it.
//! An alert still open after its rule's deadline is escalated once, to the head.

use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, NewMail, Result, Store, StoreError, mail::insert_mail, with_db};

/// A notice waiting for its person's digest.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Notice {
    pub alert_id: Uuid,
    /// `new`, `escalated`, or `no_address:<user id>` (a colleague's alert waits for
    /// their e-mail address).
    pub kind: String,
    pub created_at: i64,
}

/// An open alert past its rule's deadline, not escalated yet.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Overdue {
    pub id: Uuid,
    pub site_id: Option<Uuid>,
}

/// Queues notices in a transaction (ignoring those queued already).
macro_rules! insert_notices {
    ($tx:ident, $org:expr, $alert:expr, $kind:expr, $users:expr, $now:expr) => {
        for u in $users.iter() {
            sqlx::query(
                "INSERT INTO alert_notices (user_id, alert_id, kind, org_id, created_at) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(u).bind($alert).bind($kind).bind($org).bind($now)
            .execute(&mut *$tx)
            .await?;
        }
    };
}
pub(crate) use insert_notices;

impl Store {
    /// The people with notices waiting.
    pub async fn users_with_notices(&self, org: Uuid) -> Result<Vec<Uuid>> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT DISTINCT user_id FROM alert_notices WHERE org_id = $1 AND sent_at IS NULL")
            .bind(org).fetch_all(p).await)?)
    }

    /// A person's waiting notices, oldest first.
    pub async fn notices_of(&self, user: Uuid) -> Result<Vec<Notice>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT alert_id, kind, created_at FROM alert_notices WHERE user_id = $1 AND sent_at IS NULL \
             ORDER BY created_at, alert_id, kind")
            .bind(user).fetch_all(p).await)?)
    }

    /// Notices for people (ignoring those queued already).
    pub async fn add_notices(
        &self,
        org: Uuid,
        alert: Uuid,
        kind: &str,
        users: &[Uuid],
        now: i64,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            insert_notices!(tx, org, alert, kind, users, now);
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// How often a person receives their digest (`hour` or `day`), and when the last went.
    pub async fn digest_setting(&self, user: Uuid) -> Result<(String, Option<i64>)> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT digest, digest_sent_at FROM users WHERE id = $1")
            .bind(user).fetch_one(p).await)?)
    }

    /// Sets how often a person receives their digest (`hour` or `day`).
    pub async fn set_digest(&self, org: Uuid, user: Uuid, every: &str) -> Result<()> {
        if !matches!(every, "hour" | "day") {
            return Err(StoreError::Config(format!("digest every {every}")));
        }
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("UPDATE users SET digest = $3 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(user).bind(every).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Sends a person's digest: when their last one went out at least `every` ms before
    /// `now`, marks `notices` told and queues `mail` (none: told without a message), in one
    /// transaction; `false` (nothing changed) when it is too early or another instance
    /// sent it first.
    pub async fn send_digest(
        &self,
        org: Uuid,
        user: Uuid,
        every: i64,
        now: i64,
        notices: &[Notice],
        mail: Option<&NewMail>,
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let due = sqlx::query(
                "UPDATE users SET digest_sent_at = $3 WHERE org_id = $1 AND id = $2 \
                 AND (digest_sent_at IS NULL OR digest_sent_at <= $4)")
                .bind(org).bind(user).bind(now).bind(now - every)
                .execute(&mut *tx).await?.rows_affected() == 1;
            if !due {
                return Ok(false);
            }
            for n in notices {
                sqlx::query(
                    "UPDATE alert_notices SET sent_at = $4 WHERE user_id = $1 AND alert_id = $2 AND kind = $3 AND sent_at IS NULL")
                    .bind(user).bind(n.alert_id).bind(&n.kind).bind(now).execute(&mut *tx).await?;
            }
            if let Some(mail) = mail {
                insert_mail!(tx, org, &format!("digest:{user}:{now}"), mail, now);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }

    /// Open alerts past their rule's deadline at `now`, not escalated yet.
    pub async fn overdue_alerts(&self, org: Uuid, now: i64) -> Result<Vec<Overdue>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT a.id, a.site_id FROM alerts a JOIN alert_rules r ON r.id = a.rule_id \
             WHERE a.org_id = $1 AND a.status = 'open' AND a.escalated_at IS NULL AND r.deadline_hours IS NOT NULL \
             AND a.raised_at + CAST(r.deadline_hours AS BIGINT) * 3600000 <= $2")
            .bind(org).bind(now).fetch_all(p).await)?)
    }

    /// Escalates an alert to `users` once: `false` when it was escalated already.
    pub async fn escalate_alert(
        &self,
        org: Uuid,
        alert: Uuid,
        users: &[Uuid],
        now: i64,
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let first = sqlx::query(
                "UPDATE alerts SET escalated_at = $3 WHERE org_id = $1 AND id = $2 AND escalated_at IS NULL")
                .bind(org).bind(alert).bind(now).execute(&mut *tx).await?.rows_affected() == 1;
            if first {
                insert_notices!(tx, org, alert, "escalated", users, now);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(first)
        })
    }
}
