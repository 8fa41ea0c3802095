//! The fleet tells its people: terminals found down are recorded once (whichever instance
//! finds them first), their site's supervisors get a notice, and again when the terminal
//! is back; each person's waiting notices go out together in one message.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, NewMail, Result, Store, StoreError, mail::insert_mail, with_db};

/// A notice about a terminal waiting for its person's message.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct FleetNotice {
    pub terminal_id: Uuid,
    /// `offline`, `quiet` or `back`.
    pub kind: String,
    pub at: i64,
}

/// Queues fleet notices in a transaction (ignoring those queued already).
macro_rules! insert_fleet {
    ($tx:ident, $org:expr, $terminal:expr, $kind:expr, $now:expr, $users:expr) => {
        for u in $users.iter() {
            sqlx::query(
                "INSERT INTO fleet_notices (user_id, terminal_id, kind, at, org_id) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(u).bind($terminal).bind($kind).bind($now).bind($org)
            .execute(&mut *$tx)
            .await?;
        }
    };
}

impl Store {
    /// Each of the organisation's terminals with answers since `since_ms`: how many
    /// customers (visits) answered on it and when the first of them did.
    pub async fn terminal_customers(
        &self,
        org: Uuid,
        since_ms: i64,
    ) -> Result<HashMap<Uuid, (i64, i64)>> {
        let rows: Vec<(Uuid, i64, i64)> = with_db!(self, p => sqlx::query_as(
            "SELECT r.terminal_id, COUNT(DISTINCT r.visit_id), MIN(r.answered_at) FROM terminals t \
             JOIN ratings r ON r.terminal_id = t.id AND r.answered_at >= $2 \
             WHERE t.org_id = $1 GROUP BY r.terminal_id")
            .bind(org).bind(since_ms).fetch_all(p).await)?;
        Ok(rows
            .into_iter()
            .map(|(t, n, first)| (t, (n, first)))
            .collect())
    }

    /// The terminals recorded down: kind and since when.
    pub async fn terminals_down(&self, org: Uuid) -> Result<HashMap<Uuid, (String, i64)>> {
        let rows: Vec<(Uuid, String, i64)> = with_db!(self, p => sqlx::query_as(
            "SELECT terminal_id, kind, since FROM terminal_downs WHERE org_id = $1")
            .bind(org).fetch_all(p).await)?;
        Ok(rows.into_iter().map(|(t, k, s)| (t, (k, s))).collect())
    }

    /// Records a terminal down (`kind`) and tells `users`, in one transaction; `false`
    /// when it was recorded already.
    pub async fn terminal_down(
        &self,
        org: Uuid,
        terminal: Uuid,
        kind: &str,
        now: i64,
        users: &[Uuid],
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let first = sqlx::query(
                "INSERT INTO terminal_downs (terminal_id, org_id, kind, since) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .bind(terminal).bind(org).bind(kind).bind(now).execute(&mut *tx).await?.rows_affected() == 1;
            if first {
                insert_fleet!(tx, org, terminal, kind, now, users);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(first)
        })
    }

    /// Records a terminal back and tells `users`, in one transaction; `false` when it was
    /// not recorded down (or another instance recorded it back first).
    pub async fn terminal_back(
        &self,
        org: Uuid,
        terminal: Uuid,
        now: i64,
        users: &[Uuid],
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let first = sqlx::query("DELETE FROM terminal_downs WHERE org_id = $1 AND terminal_id = $2")
                .bind(org).bind(terminal).execute(&mut *tx).await?.rows_affected() == 1;
            if first {
                insert_fleet!(tx, org, terminal, "back", now, users);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(first)
        })
    }

    /// The people with fleet notices waiting.
    pub async fn users_with_fleet_notices(&self, org: Uuid) -> Result<Vec<Uuid>> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT DISTINCT user_id FROM fleet_notices WHERE org_id = $1 AND sent_at IS NULL")
            .bind(org).fetch_all(p).await)?)
    }

    /// A person's waiting fleet notices, oldest first.
    pub async fn fleet_notices_of(&self, user: Uuid) -> Result<Vec<FleetNotice>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT terminal_id, kind, at FROM fleet_notices WHERE user_id = $1 AND sent_at IS NULL ORDER BY at, terminal_id, kind")
            .bind(user).fetch_all(p).await)?)
    }

    /// When a person was last told about the fleet (ms), if ever.
    pub async fn fleet_last_told(&self, user: Uuid) -> Result<Option<i64>> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT MAX(sent_at) FROM fleet_notices WHERE user_id = $1")
            .bind(user).fetch_one(p).await)?)
    }

    /// Marks `notices` told and queues `mail` (none: told without a message), in one
    /// transaction; `false` (nothing changed) when another instance told them first.
    pub async fn send_fleet_notices(
        &self,
        org: Uuid,
        user: Uuid,
        notices: &[FleetNotice],
        now: i64,
        mail: Option<&NewMail>,
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let mut told = 0;
            for n in notices {
                told += sqlx::query(
                    "UPDATE fleet_notices SET sent_at = $5 WHERE user_id = $1 AND terminal_id = $2 AND kind = $3 AND at = $4 AND sent_at IS NULL")
                    .bind(user).bind(n.terminal_id).bind(&n.kind).bind(n.at).bind(now)
                    .execute(&mut *tx).await?.rows_affected();
            }
            if told < notices.len() as u64 {
                // Another instance is telling them.
                return Ok(false);
            }
            if let Some(mail) = mail {
                insert_mail!(tx, org, &format!("fleet:{user}:{now}"), mail, now);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }
}
