//! Low answers gathered into alerts instead of an alert each: an answer joins its rule's
//! open alert for its scope and day once, whichever instance looks at it first; a new
//! alert is raised (its notices queued in the same transaction) only when its scope has
//! none open. After one is closed, later low answers of the same scope and day raise the
//! next (its key ends in `#2`, `#3`…).

use serde::Serialize;
use uuid::Uuid;

use crate::{
    BeginWrite, NewAlert, Result, ScoredAnswer, Store, StoreError, alert_notices::insert_notices,
    with_db,
};

/// An answer an alert gathered, as its page lists it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct AlertAnswer {
    pub id: Uuid,
    pub received_at: i64,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub visit_id: Option<Uuid>,
    pub scale: String,
    pub score: Option<i16>,
    pub answer_text: Option<String>,
}

/// What gathering did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gathered {
    /// A new alert (its notices queued) with these answers.
    Raised(Uuid),
    /// This many answers joined the open alert.
    Joined(Uuid, u64),
    /// Every answer had joined the rule's alerts already.
    Nothing,
    /// No alert of the scope and day is open, and none was to be raised.
    NoneOpen,
}

/// Tries at raising an alert that another instance raised at the same moment.
const TRIES: usize = 5;
/// Answers gathered in one call at most (the statements list them).
pub const GATHER_AT_ONCE: usize = 1_000;

impl Store {
    /// Gathers `answers` (id and score) into the rule's open alert under `a.key` (its
    /// scope and day), raising `a` (a notice for each of `notify`) when none is open and
    /// `may_raise`. The
    /// alert's `n` and `value` follow its answers: how many, and the lowest score.
    pub async fn gather_alert(
        &self,
        org: Uuid,
        a: &NewAlert,
        answers: &[(Uuid, i16)],
        last_at: i64,
        may_raise: bool,
        notify: &[Uuid],
    ) -> Result<Gathered> {
        let mut answers = answers.to_vec();
        answers.sort();
        answers.dedup_by_key(|(id, _)| *id);
        if answers.is_empty() {
            return Ok(Gathered::Nothing);
        }
        if answers.len() > GATHER_AT_ONCE {
            return Err(StoreError::Config(format!(
                "at most {GATHER_AT_ONCE} answers at once"
            )));
        }
        let like = format!("{}#%", a.key);
        with_db!(self, p => {
            // Read first, without taking the write lock: most rounds find every answer
            // gathered already, or (a rate rule still counting) no alert open.
            let gathered_sql = format!(
                "SELECT rating_id FROM alert_answers WHERE rule_id = $1 AND rating_id IN ({})",
                crate::ratings::in_list(2, answers.len())
            );
            let gathered: Vec<Uuid> = {
                // Its text depends on the number of answers: not kept prepared.
                let mut q = sqlx::query_scalar(&gathered_sql).bind(a.rule_id).persistent(false);
                for (id, _) in &answers { q = q.bind(*id); }
                q.fetch_all(p).await?
            };
            let any_fresh = gathered.len() < answers.len();
            if !any_fresh {
                return Ok(Gathered::Nothing);
            }
            if !may_raise {
                let open: Option<Uuid> = sqlx::query_scalar(
                    "SELECT id FROM alerts WHERE rule_id = $1 AND status = 'open' AND (key = $2 OR key LIKE $3) LIMIT 1")
                    .bind(a.rule_id).bind(&a.key).bind(&like).fetch_optional(p).await?;
                if open.is_none() {
                    return Ok(Gathered::NoneOpen);
                }
            }
            let mut tx = p.begin_write().await?;
            let gathered: std::collections::HashSet<Uuid> = {
                let mut q = sqlx::query_scalar(&gathered_sql).bind(a.rule_id).persistent(false);
                for (id, _) in &answers { q = q.bind(*id); }
                q.fetch_all(&mut *tx).await?.into_iter().collect()
            };
            let fresh: Vec<(Uuid, i16)> =
                answers.iter().filter(|(id, _)| !gathered.contains(id)).copied().collect();
            let Some(lowest) = fresh.iter().map(|(_, s)| *s).min() else {
                return Ok(Gathered::Nothing);
            };
            let mut raised = false;
            let mut alert = None;
            for _ in 0..TRIES {
                let open: Option<Uuid> = sqlx::query_scalar(
                    "SELECT id FROM alerts WHERE rule_id = $1 AND status = 'open' AND (key = $2 OR key LIKE $3) \
                     ORDER BY raised_at DESC LIMIT 1")
                    .bind(a.rule_id).bind(&a.key).bind(&like).fetch_optional(&mut *tx).await?;
                if open.is_some() {
                    alert = open;
                    break;
                }
                if !may_raise {
                    return Ok(Gathered::NoneOpen);
                }
                let before: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM alerts WHERE rule_id = $1 AND (key = $2 OR key LIKE $3)")
                    .bind(a.rule_id).bind(&a.key).bind(&like).fetch_one(&mut *tx).await?;
                let key = if before == 0 { a.key.clone() } else { format!("{}#{}", a.key, before + 1) };
                let done = sqlx::query(
                    "INSERT INTO alerts (id, org_id, rule_id, key, site_id, service_id, employee_id, visit_id, value, n, raised_at, last_at, day) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $10, $11) ON CONFLICT DO NOTHING")
                    .bind(a.id).bind(org).bind(a.rule_id).bind(&key).bind(a.site_id).bind(a.service_id)
                    .bind(a.employee_id).bind(a.visit_id).bind(f64::from(lowest)).bind(a.raised_at).bind(a.day)
                    .execute(&mut *tx).await?.rows_affected();
                if done == 1 {
                    raised = true;
                    alert = Some(a.id);
                    break;
                }
                // Another instance raised it at this moment: its alert is read next.
            }
            let Some(alert) = alert else {
                return Err(StoreError::Conflict);
            };
            let mut joined = 0;
            for (id, _) in &fresh {
                joined += sqlx::query(
                    "INSERT INTO alert_answers (rule_id, rating_id, alert_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind(a.rule_id).bind(id).bind(alert).execute(&mut *tx).await?.rows_affected();
            }
            if joined == 0 {
                // Another instance gathered them while this one looked.
                return Ok(Gathered::Nothing);
            }
            sqlx::query(
                "UPDATE alerts SET n = (SELECT COUNT(*) FROM alert_answers WHERE alert_id = $1), \
                 value = CASE WHEN value > $2 THEN $2 ELSE value END, \
                 last_at = CASE WHEN last_at IS NULL OR last_at < $3 THEN $3 ELSE last_at END WHERE id = $1")
                .bind(alert).bind(f64::from(lowest)).bind(last_at).execute(&mut *tx).await?;
            if raised {
                insert_notices!(tx, org, alert, "new", notify, a.raised_at);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(if raised { Gathered::Raised(alert) } else { Gathered::Joined(alert, joined) })
        })
    }

    /// The scored answers of a site received from `from` to `to` (ms, both included;
    /// `days`: the local days they fall in, for the index), bursts left out.
    pub async fn scored_between(
        &self,
        org: Uuid,
        site: Uuid,
        days: (i32, i32),
        from: i64,
        to: i64,
    ) -> Result<Vec<ScoredAnswer>> {
        const SQL: &str = "SELECT r.seq, r.id, r.site_id, r.service_id, r.employee_id, r.visit_id, r.question_id, q.scale, r.score, r.received_at, r.local_day \
             FROM ratings r JOIN questions q ON q.id = r.question_id \
             WHERE r.site_id = $1 AND r.local_day BETWEEN $2 AND $3 AND r.org_id = $4 AND r.received_at >= $5 AND r.received_at <= $6 \
             AND r.score IS NOT NULL AND r.flags = 0 ORDER BY r.received_at, r.id";
        Ok(with_db!(self, p => sqlx::query_as(SQL)
            .bind(site).bind(days.0).bind(days.1).bind(org).bind(from).bind(to).fetch_all(p).await)?)
    }

    /// The answers an alert gathered, oldest first (at most `limit`), and the words
    /// customers wrote in their visits (visit id, text).
    pub async fn alert_answers(
        &self,
        org: Uuid,
        alert: Uuid,
        limit: i64,
    ) -> Result<(Vec<AlertAnswer>, Vec<(Uuid, String)>)> {
        with_db!(self, p => {
            let answers: Vec<AlertAnswer> = sqlx::query_as(
                "SELECT r.id, r.received_at, r.site_id, r.service_id, r.employee_id, r.visit_id, q.scale, r.score, r.answer_text \
                 FROM alert_answers x JOIN ratings r ON r.id = x.rating_id JOIN questions q ON q.id = r.question_id \
                 WHERE x.alert_id = $1 AND r.org_id = $2 ORDER BY r.received_at, r.id LIMIT $3")
                .bind(alert).bind(org).bind(limit).fetch_all(p).await?;
            let texts: Vec<(Uuid, String)> = sqlx::query_as(
                "SELECT r.visit_id, r.answer_text FROM ratings r WHERE r.org_id = $1 AND r.answer_text IS NOT NULL \
                 AND r.visit_id IN (SELECT r2.visit_id FROM alert_answers x JOIN ratings r2 ON r2.id = x.rating_id \
                 WHERE x.alert_id = $2 AND r2.visit_id IS NOT NULL) ORDER BY r.seq")
                .bind(org).bind(alert).fetch_all(p).await?;
            Ok::<_, StoreError>((answers, texts))
        })
    }
}
