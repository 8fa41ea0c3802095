//! Questions and ratings: the answers every channel stores through one path.

use crate::BeginWrite;
use std::collections::{HashMap, HashSet};

use rida_domain::{Answer, Channel, Scale, new_id, survey::SurveyAnswerError};
use serde::Serialize;
use uuid::Uuid;

use crate::{By, Result, Store, audit::audit, now_ms, with_db};

/// A question as answered: immutable once it has answers (a new wording is a new row).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Question {
    pub id: Uuid,
    pub code: String,
    pub scale: String,
    pub subject: String,
    pub prompt_en: String,
    pub prompt_ar: String,
    pub prompt_lv: String,
    pub active: bool,
}

impl Question {
    /// How the question is named to a reader: its prompt in their language, else its code.
    pub fn label(&self, l: rida_domain::Locale) -> String {
        let prompt = match l {
            rida_domain::Locale::Ar => &self.prompt_ar,
            rida_domain::Locale::Lv => &self.prompt_lv,
            rida_domain::Locale::En => &self.prompt_en,
        };
        if prompt.trim().is_empty() {
            self.code.clone()
        } else {
            prompt.clone()
        }
    }
}

/// A validated rating ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRating {
    /// The client's id for this answer: resending it stores nothing twice.
    pub id: Uuid,
    pub answered_at: i64,
    pub received_at: i64,
    /// `yyyymmdd` in the site's time zone.
    pub local_day: i32,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub channel: Channel,
    pub question_id: Uuid,
    pub answer: Answer,
    pub visit_id: Option<Uuid>,
    pub customer_key: Option<String>,
    /// The terminal a kiosk or desk answer came from.
    pub terminal_id: Option<Uuid>,
    /// The language the customer answered in (`ar`, `en`, `lv`…), when known.
    pub lang: Option<String>,
    /// Bit 1: part of a burst of taps (see the organisation's burst rule).
    pub flags: i16,
}

/// Set on answers of a burst of taps on one terminal.
pub const FLAG_BURST: i16 = 1;

/// What happened to one rating of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InsertOutcome {
    /// Stored now, or stored earlier with the same content (a resend).
    Stored,
    /// The id was used before for a different answer; nothing was changed.
    Conflict,
}

/// A stored rating, as read back.
#[derive(Debug, Clone, sqlx::FromRow, PartialEq)]
pub struct StoredRating {
    pub id: Uuid,
    pub answered_at: i64,
    pub received_at: i64,
    pub local_day: i32,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub channel: String,
    pub question_id: Uuid,
    pub score: Option<i16>,
    pub choice: Option<String>,
    pub answer_text: Option<String>,
    pub visit_id: Option<Uuid>,
    pub customer_key: Option<String>,
    pub terminal_id: Option<Uuid>,
    pub flags: i16,
    pub lang: Option<String>,
}

impl StoredRating {
    /// Whether a resend carries the same answer as this stored one.
    fn same_as(&self, n: &NewRating) -> bool {
        self.answered_at == n.answered_at
            && self.site_id == n.site_id
            && self.service_id == n.service_id
            && self.employee_id == n.employee_id
            && self.channel == n.channel.as_str()
            && self.question_id == n.question_id
            && self.score == n.answer.score()
            && self.choice.as_deref() == n.answer.choice()
            && self.answer_text.as_deref() == n.answer.text()
            && self.visit_id == n.visit_id
            && self.customer_key == n.customer_key
            && self.terminal_id == n.terminal_id
            && self.lang == n.lang
    }
}

/// Which of the ids a batch refers to exist in the organisation.
#[derive(Debug, Clone, Default)]
pub struct RatingRefs {
    /// Site id → the site's own time zone (if it has one).
    pub sites: HashMap<Uuid, Option<String>>,
    pub services: HashSet<Uuid>,
    pub employees: HashSet<Uuid>,
    pub questions: HashMap<Uuid, QuestionRef>,
}

/// What the ingest path needs of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRef {
    pub scale: Scale,
    /// The keys of its predefined answers, in order (choice questions only).
    pub choice_keys: std::sync::Arc<[String]>,
    /// The survey it belongs to, if any.
    pub survey_id: Option<Uuid>,
}

impl QuestionRef {
    /// Checks a choice answer (keys joined by commas) against the predefined answers.
    pub fn check_choice(&self, value: &str) -> Result<(), SurveyAnswerError> {
        let offered: Vec<&str> = self.choice_keys.iter().map(String::as_str).collect();
        rida_domain::survey::check_choice(self.scale, &offered, value)
    }
}
/// A referenced id, by organisation and kind (`s`ite, ser`v`ice, `e`mployee, `q`uestion).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct RefKey {
    org: Uuid,
    kind: char,
    id: Uuid,
}

impl RefKey {
    pub(crate) fn new(org: Uuid, kind: char, id: Uuid) -> RefKey {
        RefKey { org, kind, id }
    }
}

/// What is known of an id that exists. Ids are never deleted and questions never
/// change; only a site's time zone can, so the cache forgets it on update.
#[derive(Debug, Clone)]
pub(crate) enum RefFact {
    Site(Option<String>),
    Service,
    Employee,
    Question(QuestionRef),
}

impl RatingRefs {
    fn add(&mut self, id: Uuid, fact: RefFact) {
        match fact {
            RefFact::Site(tz) => {
                self.sites.insert(id, tz);
            }
            RefFact::Service => {
                self.services.insert(id);
            }
            RefFact::Employee => {
                self.employees.insert(id);
            }
            RefFact::Question(q) => {
                self.questions.insert(id, q);
            }
        }
    }
}

pub(crate) const RATING_COLUMNS: &str = "id, answered_at, received_at, local_day, site_id, service_id, employee_id, channel, question_id, score, choice, answer_text, visit_id, customer_key, terminal_id, flags, lang";
/// Rows per INSERT statement: 18 values each stays far below both backends' parameter limits.
pub(crate) const ROWS_PER_STATEMENT: usize = 500;

pub(crate) fn in_list(first: usize, n: usize) -> String {
    (0..n)
        .map(|i| format!("${}", first + i))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Creates a question.
    pub async fn create_question(
        &self,
        org: Uuid,
        code: &str,
        scale: Scale,
        subject: &str,
        prompts: [&str; 3],
        by: &By,
    ) -> Result<Uuid> {
        let id = new_id();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("INSERT INTO questions (id, org_id, code, scale, subject, prompt_en, prompt_ar, prompt_lv, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .bind(id).bind(org).bind(code).bind(scale.as_str()).bind(subject)
                .bind(prompts[0]).bind(prompts[1]).bind(prompts[2]).bind(now_ms())
                .execute(&mut *tx).await?;
            audit!(tx, by, org, "create", "question", Some(id), code);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// The organisation's questions.
    pub async fn list_questions(&self, org: Uuid) -> Result<Vec<Question>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id, code, scale, subject, prompt_en, prompt_ar, prompt_lv, active FROM questions WHERE org_id = $1 ORDER BY created_at, id")
            .bind(org).fetch_all(p).await)?)
    }

    /// Looks up which of the referenced ids exist in `org`: from this instance's short
    /// memory when it has them, the rest in one query.
    pub async fn rating_refs(
        &self,
        org: Uuid,
        sites: &[Uuid],
        services: &[Uuid],
        employees: &[Uuid],
        questions: &[Uuid],
    ) -> Result<RatingRefs> {
        let keys: Vec<RefKey> = [
            ('s', sites),
            ('v', services),
            ('e', employees),
            ('q', questions),
        ]
        .into_iter()
        .flat_map(|(kind, ids)| ids.iter().map(move |id| RefKey::new(org, kind, *id)))
        .collect();
        let known = self.refs.get_many(&keys);
        let mut refs = RatingRefs::default();
        let mut missing: Vec<RefKey> = Vec::new();
        for (key, fact) in keys.into_iter().zip(known) {
            match fact {
                Some(f) => refs.add(key.id, f),
                None => missing.push(key),
            }
        }
        if missing.is_empty() {
            return Ok(refs);
        }
        let mut parts = Vec::new();
        let mut binds: Vec<Uuid> = Vec::new();
        for (kind, table, extra) in [
            ('s', "sites", "time_zone"),
            ('v', "services", "NULL"),
            ('e', "employees", "NULL"),
        ] {
            let ids: Vec<Uuid> = missing
                .iter()
                .filter(|k| k.kind == kind)
                .map(|k| k.id)
                .collect();
            if ids.is_empty() {
                continue;
            }
            parts.push(format!(
                "SELECT '{kind}' AS kind, id, {extra} AS extra FROM {table} WHERE org_id = $1 AND id IN ({})",
                in_list(binds.len() + 2, ids.len())
            ));
            binds.extend(ids);
        }
        let mut found = Vec::new();
        if !parts.is_empty() {
            let sql = parts.join(" UNION ALL ");
            let rows: Vec<(String, Uuid, Option<String>)> = with_db!(self, p => {
                let mut q = sqlx::query_as(&sql).bind(org);
                for id in &binds { q = q.bind(id); }
                q.fetch_all(p).await
            })?;
            for (kind, id, extra) in rows {
                let kind = kind.chars().next().unwrap_or('?');
                let fact = match kind {
                    's' => RefFact::Site(extra),
                    'v' => RefFact::Service,
                    _ => RefFact::Employee,
                };
                found.push((RefKey::new(org, kind, id), fact));
            }
        }
        let questions: Vec<Uuid> = missing
            .iter()
            .filter(|k| k.kind == 'q')
            .map(|k| k.id)
            .collect();
        if !questions.is_empty() {
            let sql = format!(
                "SELECT id, scale, choice_keys, survey_id FROM questions WHERE org_id = $1 AND id IN ({})",
                in_list(2, questions.len())
            );
            let rows: Vec<(Uuid, String, String, Option<Uuid>)> = with_db!(self, p => {
                let mut q = sqlx::query_as(&sql).bind(org);
                for id in &questions { q = q.bind(id); }
                q.fetch_all(p).await
            })?;
            for (id, scale, keys, survey_id) in rows {
                let Some(scale) = Scale::parse(&scale) else {
                    continue;
                };
                let choice_keys = keys
                    .split(',')
                    .filter(|k| !k.is_empty())
                    .map(str::to_string)
                    .collect();
                found.push((
                    RefKey::new(org, 'q', id),
                    RefFact::Question(QuestionRef {
                        scale,
                        choice_keys,
                        survey_id,
                    }),
                ));
            }
        }
        for (key, fact) in &found {
            refs.add(key.id, fact.clone());
        }
        self.refs.insert_many(found);
        Ok(refs)
    }

    /// Stores a batch of validated ratings in one transaction. A rating whose id is
    /// already stored with the same content counts as stored (a resend); with other
    /// content it is a conflict and the stored one is kept. Outcomes follow input order.
    pub async fn insert_ratings(
        &self,
        org: Uuid,
        rows: &[NewRating],
    ) -> Result<Vec<InsertOutcome>> {
        let mut out = self.insert_rating_batches(&[(org, rows)]).await?;
        Ok(out.pop().unwrap_or_default())
    }

    /// Stores several batches (of any organisations) in one transaction: the group
    /// commit behind [`crate::RatingWriter`]. One outcome list per batch.
    pub async fn insert_rating_batches(
        &self,
        batches: &[(Uuid, &[NewRating])],
    ) -> Result<Vec<Vec<InsertOutcome>>> {
        // All waiting rows go into as few statements as possible (each statement is a
        // round trip to the database), whichever batch and organisation they belong to;
        // in id order, so that two instances storing the same resent answers lock them
        // in the same order (a stable sort: of one id twice, the first stays first).
        let mut all: Vec<(Uuid, &NewRating)> = batches
            .iter()
            .flat_map(|(org, rows)| rows.iter().map(move |r| (*org, r)))
            .collect();
        all.sort_by_key(|(org, r)| (*org, r.id));
        let scales = self.scales_of(all.iter().map(|(_, r)| *r)).await?;
        let readers = self
            .readers_for(crate::readings::text_orgs(
                all.iter().map(|(o, r)| (*o, *r)),
            ))
            .await?;
        // Resent answers are recognised by their ids: running it again is safe.
        self.retry_transient(true, || async {
            let mut inserted: HashSet<(Uuid, Uuid)> = HashSet::new();
            let mut existing: HashMap<(Uuid, Uuid), StoredRating> = HashMap::new();
            with_db!(self, p => {
                let mut tx = p.begin_write().await?;
                insert_rows!(tx, batches, all, scales, readers, inserted, existing);
                tx.commit().await?;
                Ok::<_, crate::StoreError>(())
            })?;
            Ok(outcomes(batches, &inserted, &existing))
        })
        .await
    }

    /// Reads stored ratings by client id (for checks and exports of single answers).
    pub async fn ratings_by_id(&self, org: Uuid, ids: &[Uuid]) -> Result<Vec<StoredRating>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "SELECT {RATING_COLUMNS} FROM ratings WHERE org_id = $1 AND id IN ({}) ORDER BY seq",
                in_list(2, chunk.len())
            );
            let rows: Vec<StoredRating> = with_db!(self, p => {
                let mut q = sqlx::query_as(&sql).bind(org);
                for id in chunk { q = q.bind(id); }
                q.fetch_all(p).await
            })?;
            out.extend(rows);
        }
        Ok(out)
    }

    /// How many ratings the organisation has stored.
    pub async fn count_ratings(&self, org: Uuid) -> Result<i64> {
        Ok(
            with_db!(self, p => sqlx::query_scalar("SELECT COUNT(*) FROM ratings WHERE org_id = $1")
            .bind(org).fetch_one(p).await)?,
        )
    }

    /// Answers to 1–5 questions since `since_day` (yyyymmdd), and how many were 4 or 5,
    /// optionally only at some sites.
    pub async fn csat_summary(
        &self,
        org: Uuid,
        since_day: i32,
        sites: Option<&[Uuid]>,
    ) -> Result<(i64, i64)> {
        let (n, k, _) = self.csat_counts(org, since_day, sites).await?;
        Ok((n, k))
    }

    /// Like [`Store::csat_summary`], plus how many scores were left out as bursts of taps
    /// (raw count = first + third). Read from the rollup, not the raw answers.
    pub async fn csat_counts(
        &self,
        org: Uuid,
        since_day: i32,
        sites: Option<&[Uuid]>,
    ) -> Result<(i64, i64, i64)> {
        let (counts, bursts) = self
            .score_counts(org, Scale::Csat5, since_day, i32::MAX, sites)
            .await?;
        Ok((
            counts.n() as i64,
            counts.between(4, 5) as i64,
            bursts as i64,
        ))
    }

    /// The counts of each score of one scale's questions over `from_day..=to_day`
    /// (`yyyymmdd`), optionally only at `sites`, from the rollup; plus the answers left
    /// out as bursts.
    pub async fn score_counts(
        &self,
        org: Uuid,
        scale: Scale,
        from_day: i32,
        to_day: i32,
        sites: Option<&[Uuid]>,
    ) -> Result<(rida_domain::metrics::ScoreCounts, u64)> {
        let q = crate::CubeQuery {
            from_day,
            to_day,
            filter: crate::Filter {
                scale: Some(scale),
                sites: sites.map(<[Uuid]>::to_vec),
                ..Default::default()
            },
            group: vec![],
        };
        let rows = self.cube(org, &q).await?;
        let mut counts = rida_domain::metrics::ScoreCounts::new(scale);
        let mut bursts = 0;
        for r in rows {
            counts.merge(&r.counts);
            bursts += r.bursts;
        }
        Ok((counts, bursts))
    }
}

/// Each row's outcome, batch by batch, from what the INSERTs took and what was there.
pub(crate) fn outcomes(
    batches: &[(Uuid, &[NewRating])],
    inserted: &HashSet<(Uuid, Uuid)>,
    existing: &HashMap<(Uuid, Uuid), StoredRating>,
) -> Vec<Vec<InsertOutcome>> {
    batches
        .iter()
        .map(|(org, rows)| {
            // Within one batch the same id twice: the first wins, a different second is a conflict.
            let mut seen: HashMap<Uuid, &NewRating> = HashMap::new();
            rows.iter()
                .map(|r| {
                    let first = *seen.entry(r.id).or_insert(r);
                    if inserted.contains(&(*org, r.id)) {
                        if first == r {
                            InsertOutcome::Stored
                        } else {
                            InsertOutcome::Conflict
                        }
                    } else {
                        match existing.get(&(*org, r.id)) {
                            Some(s) if s.same_as(r) => InsertOutcome::Stored,
                            _ => InsertOutcome::Conflict,
                        }
                    }
                })
                .collect()
        })
        .collect()
}

/// Inserts all rows (`(org, &NewRating)` in `$all`; `$scales`: each scored question's
/// scale, see `Store::scales_of`) inside the caller's transaction in as
/// few statements as possible, filling `$inserted` with the ids the INSERTs took and
/// `$existing` with the stored rows of ids that were there already (resends).
macro_rules! insert_rows {
    ($tx:ident, $batches:expr, $all:expr, $scales:expr, $readers:expr, $inserted:ident, $existing:ident) => {
            for chunk in $all.chunks(ROWS_PER_STATEMENT) {
                let mut qb = sqlx::QueryBuilder::new(
                    "INSERT INTO ratings (id, org_id, answered_at, received_at, local_day, site_id, service_id, employee_id, channel, question_id, score, choice, answer_text, visit_id, customer_key, terminal_id, flags, lang) ");
                qb.push_values(chunk, |mut b, (org, r)| {
                    b.push_bind(r.id).push_bind(*org).push_bind(r.answered_at).push_bind(r.received_at)
                        .push_bind(r.local_day).push_bind(r.site_id).push_bind(r.service_id).push_bind(r.employee_id)
                        .push_bind(r.channel.as_str()).push_bind(r.question_id).push_bind(r.answer.score())
                        .push_bind(r.answer.choice().map(str::to_string)).push_bind(r.answer.text().map(str::to_string))
                        .push_bind(r.visit_id).push_bind(r.customer_key.clone()).push_bind(r.terminal_id).push_bind(r.flags).push_bind(r.lang.clone());
                });
                qb.push(" ON CONFLICT (org_id, id) DO NOTHING RETURNING org_id, id");
                let ids: Vec<(Uuid, Uuid)> = qb.build_query_as().persistent(false).fetch_all(&mut *$tx).await?;
                $inserted.extend(ids);
            }
            // Ids not inserted were stored before (a resend) or twice in this group.
            for (org, rows) in $batches {
                let resent: Vec<Uuid> = rows.iter().map(|r| r.id).filter(|id| !$inserted.contains(&(*org, *id))).collect();
                for chunk in resent.chunks(ROWS_PER_STATEMENT) {
                    let sql = format!("SELECT {RATING_COLUMNS} FROM ratings WHERE org_id = $1 AND id IN ({})", in_list(2, chunk.len()));
                    let mut q = sqlx::query_as::<_, StoredRating>(&sql).bind(*org);
                    for id in chunk { q = q.bind(id); }
                    $existing.extend(q.fetch_all(&mut *$tx).await?.into_iter().map(|r| ((*org, r.id), r)));
                }
            }
            // The rollup counts what was inserted now, each id once.
            let mut deltas = std::collections::HashMap::new();
            let mut counted = HashSet::new();
            for (org, r) in $all.iter() {
                if $inserted.contains(&(*org, r.id)) && counted.insert((*org, r.id)) {
                    if let Some(a) = $crate::rollups::scored(*org, r, &$scales) {
                        let burst = i64::from(r.flags != 0);
                        $crate::rollups::count(&mut deltas, &a, 1 - burst, burst);
                    }
                }
            }
            let late = $crate::rollups::apply_rollup!($tx, deltas);
            // The visits these answers are about now have an answer (response rate).
            let mut visits: std::collections::BTreeMap<(Uuid, Uuid), i64> = Default::default();
            for (org, r) in $all.iter() {
                if let (Some(v), true) = (r.visit_id, $inserted.contains(&(*org, r.id))) {
                    let at = visits.entry((*org, v)).or_insert(r.received_at);
                    *at = (*at).min(r.received_at);
                }
            }
            $crate::visits::mark_answered!($tx, visits);
            $crate::choices::count_choices!($tx, $all, $inserted);
            $crate::settled::note_late_days!($tx, late);
            $crate::readings::read_comments!($tx, $all, $inserted, $scales, $readers);
    };
}
pub(crate) use insert_rows;
