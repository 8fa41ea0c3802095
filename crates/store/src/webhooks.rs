//! Outbound webhooks: each looks at the answers after its cursor (`ratings.seq`) and
//! queues a delivery per event in the transaction that moves the cursor (so each answer
//! is announced once, whichever instance runs); deliveries are taken by one instance at
//! a time and retried until they are received.

use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, By, Result, Store, StoreError, audit::audit, now_ms, with_db};

/// A webhook as the admin sees it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Webhook {
    pub id: Uuid,
    pub url: String,
    pub secret: String,
    pub on_answer: bool,
    pub on_low: bool,
    pub last_seq: i64,
    pub created_at: i64,
}

/// A delivery to queue.
#[derive(Debug, Clone)]
pub struct NewDelivery {
    pub id: Uuid,
    pub event: &'static str,
    pub payload: String,
}

/// A delivery an instance has taken to send.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueDelivery {
    pub id: Uuid,
    pub event: String,
    pub payload: String,
    pub attempts: i32,
    pub url: String,
    pub secret: String,
    pub created_at: i64,
}

/// A delivery as the log lists it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct DeliveryEntry {
    pub id: Uuid,
    pub url: String,
    pub event: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
}

impl Store {
    /// Adds a webhook announcing every answer and/or low scores (`(on_answer, on_low)`);
    /// it announces answers from now on.
    pub async fn create_webhook(
        &self,
        org: Uuid,
        id: Uuid,
        url: &str,
        secret: &str,
        (on_answer, on_low): (bool, bool),
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM ratings").fetch_one(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO webhooks (id, org_id, url, secret, on_answer, on_low, last_seq, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING")
                .bind(id).bind(org).bind(url).bind(secret).bind(on_answer).bind(on_low)
                .bind(newest.unwrap_or(0)).bind(now_ms()).execute(&mut *tx).await?;
            audit!(tx, by, org, "create", "webhook", Some(id), url);
            tx.commit().await?;
            Ok(())
        })
    }

    /// The organisation's webhooks.
    pub async fn webhooks(&self, org: Uuid) -> Result<Vec<Webhook>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id, url, secret, on_answer, on_low, last_seq, created_at FROM webhooks WHERE org_id = $1 ORDER BY created_at")
            .bind(org).fetch_all(p).await)?)
    }

    /// Every organisation's webhooks, for the sender.
    pub async fn all_webhooks(&self) -> Result<Vec<(Uuid, Uuid, i64, bool, bool)>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT org_id, id, last_seq, on_answer, on_low FROM webhooks ORDER BY created_at")
            .fetch_all(p).await)?)
    }

    /// Removes a webhook and its deliveries.
    pub async fn delete_webhook(&self, org: Uuid, id: Uuid, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM webhook_deliveries WHERE org_id = $1 AND webhook_id = $2")
                .bind(org).bind(id).execute(&mut *tx).await?;
            let n = sqlx::query("DELETE FROM webhooks WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            audit!(tx, by, org, "delete", "webhook", Some(id), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// Moves a webhook's cursor from `from` to `to` and queues its deliveries (due at
    /// `now`), in one transaction; `false` (nothing queued) when another instance moved
    /// it first.
    pub async fn advance_webhook(
        &self,
        org: Uuid,
        webhook: Uuid,
        (from, to): (i64, i64),
        deliveries: &[NewDelivery],
        now: i64,
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let moved = sqlx::query("UPDATE webhooks SET last_seq = $3 WHERE org_id = $1 AND id = $2 AND last_seq = $4")
                .bind(org).bind(webhook).bind(to).bind(from).execute(&mut *tx).await?.rows_affected() == 1;
            if !moved {
                return Ok(false);
            }
            for d in deliveries {
                sqlx::query(
                    "INSERT INTO webhook_deliveries (id, org_id, webhook_id, event, payload, status, next_attempt_at, created_at) \
                     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)")
                    .bind(d.id).bind(org).bind(webhook).bind(d.event).bind(&d.payload).bind(now)
                    .execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }

    /// Takes up to `limit` deliveries due at `now`, holding each until `now + lease_ms`.
    pub async fn take_due_deliveries(
        &self,
        now: i64,
        lease_ms: i64,
        limit: i64,
    ) -> Result<Vec<DueDelivery>> {
        with_db!(self, p => {
            // A read first: an idle round takes no write lock.
            let any: Option<Uuid> = sqlx::query_scalar(
                "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 AND locked_until <= $1 LIMIT 1")
                .bind(now).fetch_optional(p).await?;
            if any.is_none() {
                return Ok(vec![]);
            }
            let mut tx = p.begin_write().await?;
            let ids: Vec<Uuid> = sqlx::query_scalar(
                "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 AND locked_until <= $1 \
                 ORDER BY next_attempt_at LIMIT $2")
                .bind(now).bind(limit).fetch_all(&mut *tx).await?;
            let mut taken = Vec::with_capacity(ids.len());
            for id in ids {
                let got = sqlx::query(
                    "UPDATE webhook_deliveries SET locked_until = $2 WHERE id = $1 AND status = 'pending' AND locked_until <= $3")
                    .bind(id).bind(now + lease_ms).bind(now).execute(&mut *tx).await?.rows_affected() == 1;
                if got {
                    let d: DueDelivery = sqlx::query_as(
                        "SELECT d.id, d.event, d.payload, d.attempts, w.url, w.secret, d.created_at \
                         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1")
                        .bind(id).fetch_one(&mut *tx).await?;
                    taken.push(d);
                }
            }
            tx.commit().await?;
            Ok::<_, StoreError>(taken)
        })
    }

    /// Records an attempt: received (`retry_at` unused), or failed and tried again at
    /// `retry_at` (or given up: `None`).
    pub async fn delivery_attempt(
        &self,
        id: Uuid,
        ok: bool,
        status: Option<i32>,
        error: Option<&str>,
        retry_at: Option<i64>,
        now: i64,
    ) -> Result<()> {
        let state = match (ok, retry_at) {
            (true, _) => "delivered",
            (false, Some(_)) => "pending",
            (false, None) => "failed",
        };
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_status = $3, last_error = $4, \
                 next_attempt_at = COALESCE($5, next_attempt_at), locked_until = 0, \
                 delivered_at = CASE WHEN $2 = 'delivered' THEN $6 ELSE delivered_at END WHERE id = $1")
                .bind(id).bind(state).bind(status).bind(error).bind(retry_at).bind(now)
                .execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// The organisation's latest deliveries, newest first.
    pub async fn deliveries(&self, org: Uuid, limit: i64) -> Result<Vec<DeliveryEntry>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT d.id, w.url, d.event, d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.delivered_at \
             FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
             WHERE d.org_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2")
            .bind(org).bind(limit).fetch_all(p).await)?)
    }

    /// Queues a failed delivery again, at once.
    pub async fn retry_delivery(&self, org: Uuid, id: Uuid, now: i64) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query(
                "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $3 WHERE org_id = $1 AND id = $2 AND status = 'failed'")
                .bind(org).bind(id).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            tx.commit().await?;
            Ok(())
        })
    }
}
