//! Customers' comments of a period, newest first, each with the scores given in the same
//! visit (so that pages can show the comments behind low scores). Read through two small
//! indexes (comments by day, answers by visit): never a scan of the period's answers.

use std::collections::HashMap;

use rida_domain::Scale;
use rida_domain::text::Sentiment;
use serde::Serialize;
use uuid::Uuid;

use crate::ratings::in_list;
use crate::{Result, Store, with_db};

/// A comment and what the same visit scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub id: Uuid,
    pub answered_at: i64,
    pub local_day: i32,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub channel: String,
    pub text: String,
    /// (scale, score) of the scored answers of the same visit.
    pub scores: Vec<(Scale, i16)>,
    /// What Rida read in it (`None` until it is read).
    pub reading: Option<CommentReading>,
}

/// A comment's reading as pages show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentReading {
    pub language: String,
    pub sentiment: Sentiment,
    pub confidence: f32,
    pub themes: Vec<String>,
}

impl Comment {
    /// Whether the visit gave a low score on any scale.
    pub fn is_low(&self) -> bool {
        self.scores.iter().any(|(scale, s)| scale.is_low(*s))
    }
}

/// Which comments.
#[derive(Debug, Clone, Default)]
pub struct CommentQuery {
    pub from_day: i32,
    pub to_day: i32,
    /// `None`: every site.
    pub sites: Option<Vec<Uuid>>,
    pub service: Option<Uuid>,
    pub employee: Option<Uuid>,
    /// Only comments Rida read as about this theme, or with this sentiment.
    pub theme: Option<String>,
    pub sentiment: Option<Sentiment>,
    pub limit: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    answered_at: i64,
    local_day: i32,
    site_id: Uuid,
    service_id: Option<Uuid>,
    employee_id: Option<Uuid>,
    channel: String,
    answer_text: String,
    visit_id: Option<Uuid>,
}

impl Row {
    fn into_comment(self, scores: Vec<(Scale, i16)>, reading: Option<CommentReading>) -> Comment {
        Comment {
            scores,
            reading,
            id: self.id,
            answered_at: self.answered_at,
            local_day: self.local_day,
            site_id: self.site_id,
            service_id: self.service_id,
            employee_id: self.employee_id,
            channel: self.channel,
            text: self.answer_text,
        }
    }
}

impl Store {
    /// The newest comments matching `q` (answers left out as bursts are not comments).
    pub async fn comments(&self, org: Uuid, q: &CommentQuery) -> Result<Vec<Comment>> {
        if q.sites.as_ref().is_some_and(|s| s.is_empty()) {
            return Ok(vec![]);
        }
        let read = q.theme.is_some() || q.sentiment.is_some();
        // Narrowed by what was read: through the readings (which carry the same places).
        let mut sql = if read {
            String::from(
                "SELECT r.id, r.answered_at, r.local_day, r.site_id, r.service_id, r.employee_id, r.channel, r.answer_text, r.visit_id \
                 FROM comment_readings cr JOIN ratings r ON r.org_id = cr.org_id AND r.id = cr.rating_id \
                 WHERE cr.org_id = $1 AND cr.local_day >= $2 AND cr.local_day <= $3 \
                 AND ($4 IS NULL OR cr.service_id = $4) AND ($5 IS NULL OR cr.employee_id = $5) \
                 AND ($7 IS NULL OR cr.themes LIKE $7) AND ($8 IS NULL OR cr.sentiment = $8)",
            )
        } else {
            String::from(
                "SELECT id, answered_at, local_day, site_id, service_id, employee_id, channel, answer_text, visit_id \
                 FROM ratings WHERE org_id = $1 AND local_day >= $2 AND local_day <= $3 \
                 AND answer_text IS NOT NULL AND flags = 0 AND ($4 IS NULL OR service_id = $4) AND ($5 IS NULL OR employee_id = $5) \
                 AND ($7 IS NULL OR $7 = '') AND ($8 IS NULL OR $8 = 0)",
            )
        };
        let p = if read { "cr." } else { "" };
        let sites = q.sites.clone().unwrap_or_default();
        if q.sites.is_some() {
            sql += &format!(" AND {p}site_id IN ({})", in_list(9, sites.len()));
        }
        sql += &format!(" ORDER BY {p}local_day DESC, r_at DESC LIMIT $6")
            .replace("r_at", if read { "r.answered_at" } else { "answered_at" });
        let theme = q.theme.as_ref().map(|t| format!("%,{t},%"));
        let sentiment = q.sentiment.map(|s| s.as_i16());
        let rows: Vec<Row> = with_db!(self, p => {
            let mut s = sqlx::query_as::<_, Row>(&sql).bind(org).bind(q.from_day).bind(q.to_day)
                .bind(q.service).bind(q.employee).bind(q.limit).bind(theme.clone()).bind(sentiment);
            for id in &sites { s = s.bind(*id); }
            s.fetch_all(p).await
        })?;
        let readings = self
            .comment_readings(rows.iter().map(|r| r.id).collect())
            .await?;
        let visits: Vec<Uuid> = rows.iter().filter_map(|r| r.visit_id).collect();
        let mut scores: HashMap<Uuid, Vec<(Scale, i16)>> = HashMap::new();
        for chunk in visits.chunks(500) {
            let sql = format!(
                "SELECT r.org_id, r.visit_id, q.scale, r.score FROM ratings r JOIN questions q ON q.id = r.question_id \
                 WHERE r.visit_id IN ({}) AND r.score IS NOT NULL ORDER BY r.visit_id, q.scale",
                in_list(1, chunk.len())
            );
            // By the visit index alone (the organisation is checked here: a planner given
            // both prefers the organisation's index and reads every answer).
            let found: Vec<(Uuid, Uuid, String, i16)> = with_db!(self, p => {
                let mut s = sqlx::query_as(&sql);
                for v in chunk { s = s.bind(*v); }
                s.fetch_all(p).await
            })?;
            for (o, v, scale, score) in found {
                if o != org {
                    continue;
                }
                if let Some(scale) = Scale::parse(&scale) {
                    scores.entry(v).or_default().push((scale, score));
                }
            }
        }
        Ok(rows
            .into_iter()
            .map(|r| {
                let visit_scores = r
                    .visit_id
                    .and_then(|v| scores.get(&v).cloned())
                    .unwrap_or_default();
                let reading = readings.get(&r.id).cloned();
                r.into_comment(visit_scores, reading)
            })
            .collect())
    }

    /// The readings of these comments.
    pub async fn comment_readings(&self, ids: Vec<Uuid>) -> Result<HashMap<Uuid, CommentReading>> {
        let mut out = HashMap::new();
        for chunk in ids.chunks(500) {
            let sql = format!(
                "SELECT rating_id, language, sentiment, confidence, themes FROM comment_readings WHERE rating_id IN ({})",
                in_list(1, chunk.len())
            );
            let found: Vec<(Uuid, String, i16, f32, String)> = with_db!(self, p => {
                let mut s = sqlx::query_as(&sql);
                for id in chunk { s = s.bind(*id); }
                s.fetch_all(p).await
            })?;
            for (id, language, sentiment, confidence, themes) in found {
                let themes = themes
                    .split(',')
                    .filter(|k| !k.is_empty())
                    .map(String::from)
                    .collect();
                out.insert(
                    id,
                    CommentReading {
                        language,
                        sentiment: Sentiment::from_i16(sentiment),
                        confidence,
                        themes,
                    },
                );
            }
        }
        Ok(out)
    }

    /// One comment of the organisation by id (`NotFound` when there is none).
    pub async fn comment(&self, org: Uuid, id: Uuid) -> Result<Comment> {
        let row: Option<Row> = with_db!(self, p => {
            sqlx::query_as::<_, Row>(
                "SELECT id, answered_at, local_day, site_id, service_id, employee_id, channel, answer_text, visit_id \
                 FROM ratings WHERE org_id = $1 AND id = $2 AND answer_text IS NOT NULL")
                .bind(org).bind(id).fetch_optional(p).await
        })?;
        let r = row.ok_or(crate::StoreError::NotFound)?;
        let scores: Vec<(String, i16)> = match r.visit_id {
            Some(v) => with_db!(self, p => {
                sqlx::query_as("SELECT q.scale, r.score FROM ratings r JOIN questions q ON q.id = r.question_id WHERE r.visit_id = $1 AND r.org_id = $2 AND r.score IS NOT NULL ORDER BY q.scale")
                    .bind(v).bind(org).fetch_all(p).await
            })?,
            None => vec![],
        };
        let reading = self.comment_readings(vec![id]).await?.remove(&id);
        let scores = scores
            .into_iter()
            .filter_map(|(s, v)| Scale::parse(&s).map(|s| (s, v)))
            .collect();
        Ok(r.into_comment(scores, reading))
    }
}
