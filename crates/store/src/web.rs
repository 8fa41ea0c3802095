//! Web surveys: the anonymous surveys behind QR posters and website widgets, the
//! one-time links of visit surveys, and the guard against repeated answers (a device's
//! hash under a salt of the day, dropped once the day is over).

use std::collections::{HashMap, HashSet};

use rida_domain::names::LocalNames;
use serde::Serialize;
use uuid::Uuid;

use crate::ratings::{
    NewRating, RATING_COLUMNS, ROWS_PER_STATEMENT, StoredRating, in_list, insert_rows,
};
use crate::{BeginWrite, By, Result, Store, StoreError, audit::audit, now_ms, with_db};

/// A web survey as the admin sees it, with the names of what it is about.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct WebSurvey {
    pub id: Uuid,
    pub org_id: Uuid,
    pub code: String,
    pub name: String,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub survey_id: Option<Uuid>,
    pub active: bool,
    pub created_at: i64,
    /// Customers who answered it, and when the last did.
    pub answers: i64,
    pub last_answer_at: Option<i64>,
    pub site_name: String,
    #[sqlx(try_from = "String")]
    pub site_names: LocalNames,
    pub service_name: Option<String>,
    #[sqlx(try_from = "String")]
    pub service_names: LocalNames,
    pub employee_name: Option<String>,
}

impl crate::Localized for WebSurvey {
    fn localized(mut self, lang: rida_domain::Locale) -> Self {
        crate::localized::relabel(&mut self.site_name, &self.site_names, lang);
        crate::localized::relabel_opt(&mut self.service_name, &self.service_names, lang);
        self
    }
}

/// What the admin saves.
#[derive(Debug, Clone)]
pub struct WebSurveyInput {
    pub name: String,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub survey_id: Option<Uuid>,
    pub active: bool,
}

const WEB_SURVEY: &str = "SELECT w.id, w.org_id, w.code, w.name, w.site_id, w.service_id, w.employee_id, \
     w.survey_id, w.active, w.created_at, w.answers, w.last_answer_at, s.name AS site_name, s.names AS site_names, v.name AS service_name, COALESCE(v.names, '{}') AS service_names, e.name AS employee_name \
     FROM web_surveys w JOIN sites s ON s.id = w.site_id LEFT JOIN services v ON v.id = w.service_id \
     LEFT JOIN employees e ON e.id = w.employee_id";

/// A count kept per key over a window: a device's answers to one survey (the
/// duplicate guard), or an address's answers to any (the rate limit).
#[derive(Debug, Clone)]
pub struct GuardHit {
    /// `duplicate` or `rate`: what refusing says.
    pub kind: &'static str,
    /// The keyed hash (never the address itself).
    pub key: String,
    pub window_ms: i64,
    pub max_hits: i64,
}

/// Anonymous answers to store, with what they answer and the guards they pass.
#[derive(Debug, Clone)]
pub struct WebAnswers {
    pub org: Uuid,
    /// The visit's survey message a one-time link answers.
    pub message: Option<Uuid>,
    /// The web survey (a poster, the widget) answered.
    pub web_survey: Option<Uuid>,
    pub guards: Vec<GuardHit>,
    pub ratings: Vec<NewRating>,
    pub now: i64,
}

/// What storing anonymous answers did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum WebOutcome {
    Stored,
    /// These answers were stored before (the form was sent twice): nothing changed.
    Replayed,
    /// The link's survey is answered, expired or was never sent.
    Closed,
    /// A guard refused (`duplicate` or `rate`); nothing was stored.
    Refused(&'static str),
}

/// The UTC day of a time in ms, the salt's period.
pub fn guard_day(ms: i64) -> i64 {
    ms.div_euclid(86_400_000)
}

impl Store {
    /// The organisation's web surveys, newest first.
    pub async fn web_surveys(&self, org: Uuid) -> Result<Vec<WebSurvey>> {
        let sql = format!("{WEB_SURVEY} WHERE w.org_id = $1 ORDER BY w.created_at DESC");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(org).fetch_all(p).await)?)
    }

    /// One web survey of the organisation.
    pub async fn web_survey(&self, org: Uuid, id: Uuid) -> Result<WebSurvey> {
        let sql = format!("{WEB_SURVEY} WHERE w.org_id = $1 AND w.id = $2");
        with_db!(self, p => sqlx::query_as(&sql).bind(org).bind(id).fetch_optional(p).await)?
            .ok_or(StoreError::NotFound)
    }

    /// The web survey with this public code, in any organisation.
    pub async fn web_survey_by_code(&self, code: &str) -> Result<Option<WebSurvey>> {
        let sql = format!("{WEB_SURVEY} WHERE w.code = $1");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(code).fetch_optional(p).await)?)
    }

    /// Creates (`id` new) or changes a web survey; a new one gets `code`.
    pub async fn save_web_survey(
        &self,
        org: Uuid,
        id: Uuid,
        code: &str,
        w: &WebSurveyInput,
        by: &By,
    ) -> Result<()> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            crate::check_owned!(tx, "sites", org, [w.site_id]);
            crate::check_owned!(tx, "services", org, w.service_id.as_slice());
            crate::check_owned!(tx, "employees", org, w.employee_id.as_slice());
            crate::check_owned!(tx, "surveys", org, w.survey_id.as_slice());
            let changed = sqlx::query(
                "UPDATE web_surveys SET name = $3, site_id = $4, service_id = $5, employee_id = $6, \
                 survey_id = $7, active = $8, updated_at = $9 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(&w.name).bind(w.site_id).bind(w.service_id).bind(w.employee_id)
                .bind(w.survey_id).bind(w.active).bind(now).execute(&mut *tx).await?.rows_affected();
            let action = if changed == 0 {
                sqlx::query(
                    "INSERT INTO web_surveys (id, org_id, code, name, site_id, service_id, employee_id, survey_id, \
                     active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)")
                    .bind(id).bind(org).bind(code).bind(&w.name).bind(w.site_id).bind(w.service_id)
                    .bind(w.employee_id).bind(w.survey_id).bind(w.active).bind(now).execute(&mut *tx).await?;
                "create"
            } else {
                "update"
            };
            audit!(tx, by, org, action, "web_survey", Some(id), &w.name);
            tx.commit().await?;
            Ok(())
        })
    }

    /// The guard's salt for `day`, made by the first instance that needs it; salts and
    /// counts of earlier days are dropped then.
    pub async fn guard_salt(&self, day: i64, fresh: Vec<u8>) -> Result<Vec<u8>> {
        with_db!(self, p => {
            // A read first: the day's salt is made once, then only read.
            let kept: Option<Vec<u8>> = sqlx::query_scalar("SELECT salt FROM web_guard_salts WHERE day = $1")
                .bind(day).fetch_optional(p).await?;
            if let Some(salt) = kept {
                return Ok(salt);
            }
            let made = sqlx::query("INSERT INTO web_guard_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING")
                .bind(day).bind(&fresh).execute(p).await?.rows_affected() == 1;
            if made {
                self.forget_guard(day).await?;
            }
            let (salt,): (Vec<u8>,) = sqlx::query_as("SELECT salt FROM web_guard_salts WHERE day = $1")
                .bind(day).fetch_one(p).await?;
            Ok(salt)
        })
    }

    /// Drops the guard's salts and counts of days before `day` (a read first: a round
    /// with nothing to drop takes no write lock).
    pub async fn forget_guard(&self, day: i64) -> Result<()> {
        with_db!(self, p => {
            let old: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM web_guard_salts WHERE day < $1) + (SELECT COUNT(*) FROM web_guard WHERE day < $1)")
                .bind(day).fetch_one(p).await?;
            if old == 0 {
                return Ok(());
            }
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM web_guard_salts WHERE day < $1").bind(day).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM web_guard WHERE day < $1").bind(day).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Stores anonymous answers in one transaction: the link's survey is answered
    /// (once), every guard counts the answer (or refuses it), then the answers and
    /// their rollups.
    pub async fn store_web_answers(&self, a: &WebAnswers) -> Result<WebOutcome> {
        let scales = self.scales_of(a.ratings.iter()).await?;
        let readers = self
            .readers_for(crate::readings::text_orgs(
                a.ratings.iter().map(|r| (a.org, r)),
            ))
            .await?;
        let org = a.org;
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            if let Some(first) = a.ratings.first() {
                let seen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ratings WHERE org_id = $1 AND id = $2")
                    .bind(org).bind(first.id).fetch_one(&mut *tx).await?;
                if seen > 0 {
                    return Ok(WebOutcome::Replayed);
                }
            }
            if let Some(m) = a.message {
                let took = sqlx::query(
                    "UPDATE survey_messages SET status = 'answered', answered_at = $2 \
                     WHERE id = $1 AND status IN ('sent', 'delivered', 'read') AND (expires_at IS NULL OR expires_at > $2)")
                    .bind(m).bind(a.now).execute(&mut *tx).await?.rows_affected() == 1;
                if !took {
                    return Ok(WebOutcome::Closed);
                }
            }
            for g in &a.guards {
                let hits: i64 = sqlx::query_scalar(
                    "INSERT INTO web_guard (key, window_start, hits, day) VALUES ($1, $2, 1, $3) \
                     ON CONFLICT (key) DO UPDATE SET \
                     hits = CASE WHEN web_guard.window_start <= $4 THEN 1 ELSE web_guard.hits + 1 END, \
                     window_start = CASE WHEN web_guard.window_start <= $4 THEN $2 ELSE web_guard.window_start END \
                     RETURNING CAST(hits AS BIGINT)")
                    .bind(&g.key).bind(a.now).bind(guard_day(a.now)).bind(a.now - g.window_ms)
                    .fetch_one(&mut *tx).await?;
                if hits > g.max_hits {
                    return Ok(WebOutcome::Refused(g.kind));
                }
            }
            if let Some(w) = a.web_survey {
                sqlx::query("UPDATE web_surveys SET answers = answers + 1, last_answer_at = $2 WHERE id = $1")
                    .bind(w).bind(a.now).execute(&mut *tx).await?;
            }
            if !a.ratings.is_empty() {
                let batches: Vec<(Uuid, &[NewRating])> = vec![(org, a.ratings.as_slice())];
                let mut inserted: HashSet<(Uuid, Uuid)> = HashSet::new();
                let mut existing: HashMap<(Uuid, Uuid), StoredRating> = HashMap::new();
                let all: Vec<(Uuid, &NewRating)> = a.ratings.iter().map(|r| (org, r)).collect();
                insert_rows!(tx, &batches, all, scales, readers, inserted, existing);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(WebOutcome::Stored)
        })
    }

    /// Every key the guard holds now (for checks that it names no device).
    pub async fn guard_keys(&self) -> Result<Vec<String>> {
        Ok(
            with_db!(self, p => sqlx::query_scalar("SELECT key FROM web_guard ORDER BY key").fetch_all(p).await)?,
        )
    }
}
