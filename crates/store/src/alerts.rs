//! Alerts and the closed loop: the alerts the rules (`alert_rules.rs`) raise (once each,
//! with their e-mail queued in the same transaction), the low-score reader's cursor, and
//! their follow-up: assignment, notes, closing with a resolution. The time to close is
//! read back as a metric.

use rida_domain::Locale;
use rida_domain::names::LocalNames;
use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, By, Result, Store, StoreError, audit::audit, now_ms, with_db};

impl crate::Localized for Alert {
    fn localized(mut self, lang: Locale) -> Self {
        crate::localized::relabel(&mut self.rule_name, &self.rule_names, lang);
        self
    }
}

/// An alert raised by a rule.
#[derive(Debug, Clone)]
pub struct NewAlert {
    pub id: Uuid,
    pub rule_id: Uuid,
    pub key: String,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub visit_id: Option<Uuid>,
    pub value: f64,
    pub n: i32,
    pub raised_at: i64,
    /// The day it is about (20261205): low answers of a scope gather by day.
    pub day: Option<i32>,
}

/// A closed alert: where it was raised, and when it was raised and closed (ms).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClosedAlert {
    /// Who closed it (or took it in hand, for the time to acknowledge).
    pub handler: Option<Uuid>,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub raised_at: i64,
    pub closed_at: i64,
}

/// An alert as listed and followed up.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Alert {
    pub id: Uuid,
    pub rule_id: Uuid,
    pub rule_name: String,
    #[sqlx(try_from = "String")]
    pub rule_names: LocalNames,
    pub kind: String,
    pub metric: Option<String>,
    pub threshold: Option<f64>,
    /// The rule's scope (`site`, `service`, `employee`) and region.
    pub scope: String,
    pub rule_region: Option<Uuid>,
    pub key: String,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub visit_id: Option<Uuid>,
    pub value: f64,
    pub n: i32,
    pub raised_at: i64,
    pub last_at: Option<i64>,
    pub day: Option<i32>,
    pub deadline_hours: Option<i32>,
    pub acknowledged_at: Option<i64>,
    pub escalated_at: Option<i64>,
    pub status: String,
    pub assigned_to: Option<Uuid>,
    pub assignee: Option<String>,
    pub closed_at: Option<i64>,
    pub closer: Option<String>,
    pub resolution: Option<String>,
}

/// A note on an alert.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct AlertNote {
    pub id: Uuid,
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

/// A scored answer looked at for low-score rules.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScoredAnswer {
    pub seq: i64,
    pub id: Uuid,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub visit_id: Option<Uuid>,
    pub question_id: Uuid,
    pub scale: String,
    pub score: i16,
    pub received_at: i64,
    pub local_day: i32,
}

pub(crate) const ALERT_SELECT: &str = "SELECT a.id, a.rule_id, r.name AS rule_name, r.names AS rule_names, r.kind, r.metric, r.threshold, r.scope, r.region_id AS rule_region, a.key, \
     a.site_id, a.service_id, a.employee_id, a.visit_id, a.value, a.n, a.raised_at, a.last_at, a.day, r.deadline_hours, a.acknowledged_at, a.escalated_at, a.status, a.assigned_to, \
     u.display_name AS assignee, a.closed_at, c.display_name AS closer, a.resolution \
     FROM alerts a JOIN alert_rules r ON r.id = a.rule_id \
     LEFT JOIN users u ON u.id = a.assigned_to LEFT JOIN users c ON c.id = a.closed_by";

impl Store {
    /// Where the low-score rules stopped (`None`: never looked), and the newest answer's seq.
    pub async fn alert_cursor(&self, org: Uuid) -> Result<(Option<i64>, i64)> {
        with_db!(self, p => {
            let at: Option<i64> = sqlx::query_scalar("SELECT seq FROM alert_cursor WHERE org_id = $1")
                .bind(org).fetch_optional(p).await?;
            let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM ratings").fetch_one(p).await?;
            Ok((at, newest.unwrap_or(0)))
        })
    }

    /// Moves the cursor forward (never back, whichever instance writes last).
    pub async fn set_alert_cursor(&self, org: Uuid, seq: i64) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "INSERT INTO alert_cursor (org_id, seq) VALUES ($1, $2) \
                 ON CONFLICT (org_id) DO UPDATE SET seq = CASE WHEN alert_cursor.seq > excluded.seq THEN alert_cursor.seq ELSE excluded.seq END")
                .bind(org).bind(seq).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Scored answers of an organisation after `seq` (in order, at most `limit`), with
    /// their question's scale; bursts left out. On PostgreSQL, none when writers held the
    /// table past the lock timeout: the caller reads from the same place next round.
    pub async fn scored_after(&self, org: Uuid, seq: i64, limit: i64) -> Result<Vec<ScoredAnswer>> {
        const SQL: &str = "SELECT r.seq, r.id, r.site_id, r.service_id, r.employee_id, r.visit_id, r.question_id, q.scale, r.score, r.received_at, r.local_day \
             FROM ratings r JOIN questions q ON q.id = r.question_id \
             WHERE r.seq > $1 AND r.org_id = $2 AND r.score IS NOT NULL AND r.flags = 0 ORDER BY r.seq LIMIT $3";
        Ok(match &self.db {
            // One writer at a time: answers commit in the order of their seq.
            crate::Db::Sqlite(p) => {
                sqlx::query_as(SQL)
                    .bind(seq)
                    .bind(org)
                    .bind(limit)
                    .fetch_all(p)
                    .await?
            }
            // Transactions may commit out of seq order: a reader that went past a seq whose
            // transaction commits later would never see it. The share lock waits for every
            // transaction writing answers to end (new ones wait the few milliseconds of the
            // read), so no smaller seq can appear after this read.
            crate::Db::Postgres(p) => {
                let mut tx = p.begin().await?;
                // Given up (and tried again next round) rather than waiting long: never
                // part of a deadlock with writers queued behind it.
                sqlx::query("SET LOCAL lock_timeout = '500ms'")
                    .execute(&mut *tx)
                    .await?;
                let locked = sqlx::query("LOCK TABLE ratings IN SHARE MODE")
                    .execute(&mut *tx)
                    .await;
                match locked {
                    // Writers held it longer than the timeout (a burst): nothing is read
                    // this round, the next round reads from the same place.
                    Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("55P03") => {
                        return Ok(Vec::new());
                    }
                    r => {
                        r?;
                    }
                }
                let rows = sqlx::query_as(SQL)
                    .bind(seq)
                    .bind(org)
                    .bind(limit)
                    .fetch_all(&mut *tx)
                    .await?;
                tx.commit().await?;
                rows
            }
        })
    }

    /// Raises an alert and queues a notice for each of `notify`, in one transaction;
    /// `false` (nothing queued) when the rule raised it already.
    pub async fn raise_alert(&self, org: Uuid, a: &NewAlert, notify: &[Uuid]) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let raised = sqlx::query(
                "INSERT INTO alerts (id, org_id, rule_id, key, site_id, service_id, employee_id, visit_id, value, n, raised_at, last_at, day) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) ON CONFLICT DO NOTHING")
                .bind(a.id).bind(org).bind(a.rule_id).bind(&a.key).bind(a.site_id).bind(a.service_id)
                .bind(a.employee_id).bind(a.visit_id).bind(a.value).bind(a.n).bind(a.raised_at).bind(a.day)
                .execute(&mut *tx).await?.rows_affected() == 1;
            if !raised {
                return Ok(false);
            }
            crate::alert_notices::insert_notices!(tx, org, a.id, "new", notify, a.raised_at);
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }

    /// Whether a rule raised an alert under `key` already.
    pub async fn alert_raised(&self, rule: Uuid, key: &str) -> Result<bool> {
        let n: i64 = with_db!(self, p => sqlx::query_scalar("SELECT COUNT(*) FROM alerts WHERE rule_id = $1 AND key = $2")
            .bind(rule).bind(key).fetch_one(p).await)?;
        Ok(n > 0)
    }

    /// The organisation's alerts (`open`, `closed`, or both), newest first, at most `limit`.
    pub async fn list_alerts(
        &self,
        org: Uuid,
        status: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Alert>> {
        self.list_alerts_at(org, status, None, None, limit).await
    }

    /// The alerts (`open`, `closed`, or both) at `sites` (`None`: anywhere, org-wide
    /// ones included), of `service` only when one is given, newest first, at most
    /// `limit`: chosen in SQL, so that alerts elsewhere never crowd a reader's out.
    pub async fn list_alerts_at(
        &self,
        org: Uuid,
        status: Option<&str>,
        sites: Option<&[Uuid]>,
        service: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<Alert>> {
        if sites.is_some_and(|s| s.is_empty()) {
            return Ok(vec![]);
        }
        let within = match sites {
            Some(s) => format!(
                " AND a.site_id IN ({})",
                crate::ratings::in_list(5, s.len())
            ),
            None => String::new(),
        };
        let sql = format!(
            "{ALERT_SELECT} WHERE a.org_id = $1 AND ($2 = '' OR a.status = $2) AND ($4 IS NULL OR a.service_id = $4){within} \
             ORDER BY a.raised_at DESC, a.id LIMIT $3"
        );
        Ok(with_db!(self, p => {
            let mut q = sqlx::query_as(&sql).bind(org).bind(status.unwrap_or("")).bind(limit).bind(service);
            for id in sites.unwrap_or(&[]) {
                q = q.bind(*id);
            }
            q.fetch_all(p).await
        })?)
    }

    /// The open alerts at `sites` (`None`: anywhere, org-wide ones included): how many,
    /// how many are past their rule's deadline at `now`, and the first `limit` of them,
    /// overdue first, then the newest. Counted in SQL, however many there are.
    pub async fn open_alerts_overview(
        &self,
        org: Uuid,
        sites: Option<&[Uuid]>,
        now: i64,
        limit: i64,
    ) -> Result<(u64, u64, Vec<Alert>)> {
        if sites.is_some_and(|s| s.is_empty()) {
            return Ok((0, 0, vec![]));
        }
        const OVERDUE: &str =
            "(r.deadline_hours IS NOT NULL AND a.raised_at + r.deadline_hours * 3600000 <= $2)";
        // The sites' ids are bound after the count's two arguments and the list's three.
        let within = |first: usize| match sites {
            Some(s) => format!(
                " AND a.site_id IN ({})",
                crate::ratings::in_list(first, s.len())
            ),
            None => String::new(),
        };
        let filter = "a.org_id = $1 AND a.status = 'open'";
        let count = format!(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN {OVERDUE} THEN 1 ELSE 0 END), 0) \
             FROM alerts a JOIN alert_rules r ON r.id = a.rule_id WHERE {filter}{}",
            within(3)
        );
        let list = format!(
            "{ALERT_SELECT} WHERE {filter}{} ORDER BY CASE WHEN {OVERDUE} THEN 0 ELSE 1 END, a.raised_at DESC, a.id LIMIT $3",
            within(4)
        );
        let ((open, overdue), items): ((i64, i64), Vec<Alert>) = with_db!(self, p => {
            let mut c = sqlx::query_as(&count).bind(org).bind(now);
            let mut l = sqlx::query_as(&list).bind(org).bind(now).bind(limit);
            for id in sites.unwrap_or(&[]) {
                c = c.bind(*id);
                l = l.bind(*id);
            }
            Ok::<_, StoreError>((c.fetch_one(p).await?, l.fetch_all(p).await?))
        })?;
        Ok((open as u64, overdue as u64, items))
    }

    /// How many alerts are open at `sites` (`None`: anywhere, org-wide ones included),
    /// for `service` only when one is given: counted in SQL, however many there are.
    pub async fn count_open_alerts(
        &self,
        org: Uuid,
        sites: Option<&[Uuid]>,
        service: Option<Uuid>,
    ) -> Result<u64> {
        let mut sql =
            "SELECT COUNT(*) FROM alerts WHERE org_id = $1 AND status = 'open' AND ($2 IS NULL OR service_id = $2)"
                .to_string();
        if let Some(s) = sites {
            if s.is_empty() {
                return Ok(0);
            }
            sql += &format!(" AND site_id IN ({})", crate::ratings::in_list(3, s.len()));
        }
        let n: i64 = with_db!(self, p => {
            let mut q = sqlx::query_scalar(&sql).bind(org).bind(service);
            for id in sites.unwrap_or(&[]) { q = q.bind(*id); }
            q.fetch_one(p).await
        })?;
        Ok(n.max(0) as u64)
    }

    /// One alert.
    pub async fn alert(&self, org: Uuid, id: Uuid) -> Result<Alert> {
        let sql = format!("{ALERT_SELECT} WHERE a.org_id = $1 AND a.id = $2");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(org).bind(id).fetch_one(p).await)?)
    }

    /// An alert's notes, oldest first.
    pub async fn alert_notes(&self, alert: Uuid) -> Result<Vec<AlertNote>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT n.id, u.display_name AS author, n.body, n.created_at FROM alert_notes n JOIN users u ON u.id = n.user_id \
             WHERE n.alert_id = $1 ORDER BY n.created_at, n.id")
            .bind(alert).fetch_all(p).await)?)
    }

    /// Follows an alert up: assigns it (`Some(None)` unassigns), adds a note, closes it
    /// with a resolution or opens it again, all in one transaction; any of these (or none:
    /// "I have it") acknowledges it. The note's id comes
    /// from the client, so a resent form adds it once.
    #[allow(clippy::too_many_arguments)]
    pub async fn follow_up_alert(
        &self,
        org: Uuid,
        id: Uuid,
        user: Uuid,
        assign: Option<Option<Uuid>>,
        note: Option<(Uuid, &str)>,
        close: Option<Option<&str>>,
        by: &By,
    ) -> Result<()> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM alerts WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).fetch_one(&mut *tx).await?;
            if exists == 0 {
                return Err(StoreError::NotFound);
            }
            if let Some(to) = assign {
                crate::check_owned!(tx, "users", org, to.as_slice());
                sqlx::query("UPDATE alerts SET assigned_to = $2 WHERE id = $1").bind(id).bind(to).execute(&mut *tx).await?;
            }
            if let Some((note_id, body)) = note {
                sqlx::query("INSERT INTO alert_notes (id, alert_id, user_id, body, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING")
                    .bind(note_id).bind(id).bind(user).bind(body).bind(now).execute(&mut *tx).await?;
            }
            match close {
                Some(Some(resolution)) => {
                    sqlx::query("UPDATE alerts SET status = 'closed', closed_at = $2, closed_by = $3, resolution = $4 WHERE id = $1 AND status = 'open'")
                        .bind(id).bind(now).bind(user).bind(resolution).execute(&mut *tx).await?;
                }
                Some(None) => {
                    sqlx::query("UPDATE alerts SET status = 'open', closed_at = NULL, closed_by = NULL, resolution = NULL WHERE id = $1")
                        .bind(id).execute(&mut *tx).await?;
                }
                None => {}
            }
            // Any follow-up acknowledges it: somebody has it in hand.
            sqlx::query("UPDATE alerts SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1 AND acknowledged_at IS NULL")
                .bind(id).bind(now).bind(user).execute(&mut *tx).await?;
            audit!(tx, by, org, "update", "alert", Some(id), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// How long the alerts closed since `since` took to close (ms), with their sites.
    pub async fn alert_close_times(
        &self,
        org: Uuid,
        since: i64,
    ) -> Result<Vec<(Option<Uuid>, i64)>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT site_id, closed_at - raised_at FROM alerts WHERE org_id = $1 AND status = 'closed' AND closed_at >= $2")
            .bind(org).bind(since).fetch_all(p).await)?)
    }

    /// The alerts closed between `from` and `to` (ms, `to` excluded), for the report
    /// builder's time to close.
    pub async fn closed_alerts(&self, org: Uuid, from: i64, to: i64) -> Result<Vec<ClosedAlert>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT closed_by AS handler, site_id, service_id, employee_id, raised_at, closed_at FROM alerts \
             WHERE org_id = $1 AND status = 'closed' AND closed_at >= $2 AND closed_at < $3")
            .bind(org).bind(from).bind(to).fetch_all(p).await)?)
    }

    /// The alerts acknowledged between `from` and `to` (ms, `to` excluded), with the time
    /// they were acknowledged as `closed_at`, for the report builder's time to acknowledge.
    pub async fn acknowledged_alerts(
        &self,
        org: Uuid,
        from: i64,
        to: i64,
    ) -> Result<Vec<ClosedAlert>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT acknowledged_by AS handler, site_id, service_id, employee_id, raised_at, acknowledged_at AS closed_at FROM alerts \
             WHERE org_id = $1 AND acknowledged_at >= $2 AND acknowledged_at < $3")
            .bind(org).bind(from).bind(to).fetch_all(p).await)?)
    }

    /// The words customers wrote in a visit (shown with the alert a low score raised).
    pub async fn visit_texts(&self, org: Uuid, visit: Uuid) -> Result<Vec<String>> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT answer_text FROM ratings WHERE org_id = $1 AND visit_id = $2 AND answer_text IS NOT NULL ORDER BY seq")
            .bind(org).bind(visit).fetch_all(p).await)?)
    }
}
