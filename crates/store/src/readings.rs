//! Comment readings: each customer comment's language, sentiment and themes (see
//! `rida_domain::text`), written in the transaction that stores the comment, and counted
//! by theme in `theme_rollups` in the same transaction. When an organisation changes its
//! themes, or for comments stored before readings existed, [`Store::read_again`] reads
//! comments again in chunks, each chunk one transaction that takes the old reading out of
//! the counts and puts the new one in: the figures stay whole while it works, and two
//! instances doing it at once count each comment once (a reading is replaced only if it
//! is still the one that was read).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rida_domain::text::{Analyser, Analysis, Sentiment};
use uuid::Uuid;

use crate::ratings::in_list;
use crate::{BeginWrite, NewRating, Result, Store, with_db};

/// Each organisation's reader, with the themes version it was built from.
#[derive(Debug, Default)]
pub(crate) struct Readers(Mutex<HashMap<Uuid, (i64, Arc<Analyser>)>>);

/// The readers a write needs: organisation → (themes version, reader).
pub(crate) type ReaderMap = HashMap<Uuid, (i64, Arc<Analyser>)>;

/// A cell of the theme rollup.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ThemeCell {
    pub org: Uuid,
    pub grain: i16,
    pub period: i32,
    pub site: Uuid,
    pub service: Uuid,
    pub employee: Uuid,
    pub theme: String,
}

/// What a cell adds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ThemeCounts {
    pub n: i64,
    pub negative: i64,
    pub neutral: i64,
    pub positive: i64,
    pub csat_n: i64,
    pub csat_satisfied: i64,
}

pub(crate) type ThemeDeltas = HashMap<ThemeCell, ThemeCounts>;

/// One comment's reading as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct Reading {
    pub rating_id: Uuid,
    pub org_id: Uuid,
    pub local_day: i32,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub visit_id: Option<Uuid>,
    pub language: String,
    pub sentiment: i16,
    pub confidence: f32,
    /// `,waiting,courtesy,` (commas around each key, so `LIKE '%,key,%'` finds it).
    pub themes: String,
    pub csat: Option<i16>,
    pub version: i64,
}

pub(crate) const READING_COLUMNS: &str = "rating_id, org_id, local_day, site_id, service_id, employee_id, visit_id, language, sentiment, confidence, themes, csat, version";

/// Where a comment was left, as the reading keeps it.
pub(crate) struct Place {
    pub rating_id: Uuid,
    pub org_id: Uuid,
    pub local_day: i32,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub visit_id: Option<Uuid>,
}

impl Reading {
    pub(crate) fn of(place: Place, a: &Analysis, csat: Option<i16>, version: i64) -> Reading {
        let themes = if a.themes.is_empty() {
            String::new()
        } else {
            format!(
                ",{},",
                a.themes
                    .iter()
                    .map(|t| t.theme.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            )
        };
        Reading {
            rating_id: place.rating_id,
            org_id: place.org_id,
            local_day: place.local_day,
            site_id: place.site_id,
            service_id: place.service_id,
            employee_id: place.employee_id,
            visit_id: place.visit_id,
            language: a.language.as_str().to_string(),
            sentiment: a.sentiment.as_i16(),
            confidence: a.confidence,
            themes,
            csat,
            version,
        }
    }

    pub(crate) fn theme_keys(&self) -> impl Iterator<Item = &str> {
        self.themes.split(',').filter(|k| !k.is_empty())
    }

    /// Adds (`sign` 1) or takes out (−1) this reading's counts; `csat_only` counts the
    /// visit's score alone (a score that arrived after the comment).
    pub(crate) fn count(&self, deltas: &mut ThemeDeltas, sign: i64, csat_only: bool) {
        let nil = Uuid::nil();
        let cells = [
            (1, self.local_day, nil, nil),
            (2, self.local_day / 100, nil, nil),
            (
                3,
                self.local_day,
                self.service_id.unwrap_or(nil),
                self.employee_id.unwrap_or(nil),
            ),
        ];
        for theme in std::iter::once("").chain(self.theme_keys()) {
            for (grain, period, service, employee) in cells {
                let c = deltas
                    .entry(ThemeCell {
                        org: self.org_id,
                        grain,
                        period,
                        site: self.site_id,
                        service,
                        employee,
                        theme: theme.to_string(),
                    })
                    .or_default();
                if !csat_only {
                    c.n += sign;
                    match Sentiment::from_i16(self.sentiment) {
                        Sentiment::Negative => c.negative += sign,
                        Sentiment::Neutral => c.neutral += sign,
                        Sentiment::Positive => c.positive += sign,
                    }
                }
                if let Some(s) = self.csat {
                    c.csat_n += sign;
                    c.csat_satisfied += sign * i64::from(s >= 4);
                }
            }
        }
    }
}

/// Adds the deltas to the theme rollup inside the caller's transaction, in key order
/// (every writer locks cells in the same order).
macro_rules! apply_themes {
    ($tx:ident, $deltas:expr) => {{
        let mut cells: Vec<_> = $deltas.iter().filter(|(_, c)| **c != Default::default()).collect();
        cells.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (k, c) in cells {
            sqlx::query(
                "INSERT INTO theme_rollups (org_id, grain, period, site_id, service_id, employee_id, theme, n, negative, neutral, positive, csat_n, csat_satisfied) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
                 ON CONFLICT (org_id, grain, period, site_id, service_id, employee_id, theme) DO UPDATE SET n = theme_rollups.n + excluded.n, \
                 negative = theme_rollups.negative + excluded.negative, neutral = theme_rollups.neutral + excluded.neutral, \
                 positive = theme_rollups.positive + excluded.positive, csat_n = theme_rollups.csat_n + excluded.csat_n, \
                 csat_satisfied = theme_rollups.csat_satisfied + excluded.csat_satisfied",
            )
            .bind(k.org).bind(k.grain).bind(k.period).bind(k.site).bind(k.service).bind(k.employee).bind(&k.theme)
            .bind(c.n).bind(c.negative).bind(c.neutral).bind(c.positive).bind(c.csat_n).bind(c.csat_satisfied)
            .execute(&mut *$tx).await?;
        }
    }};
}
pub(crate) use apply_themes;

/// The CSAT score of each of these visits (the first one), inside the caller's
/// transaction (answers stored in it are seen).
macro_rules! visit_csat {
    ($tx:ident, $visits:expr) => {{
        let mut out: std::collections::HashMap<Uuid, i16> = std::collections::HashMap::new();
        let visits: Vec<Uuid> = $visits;
        for chunk in visits.chunks(500) {
            let sql = format!(
                "SELECT r.visit_id, r.score FROM ratings r JOIN questions q ON q.id = r.question_id \
                 WHERE r.visit_id IN ({}) AND r.score IS NOT NULL AND r.flags = 0 AND q.scale = 'csat5' ORDER BY r.answered_at",
                $crate::ratings::in_list(1, chunk.len())
            );
            let mut q = sqlx::query_as::<_, (Uuid, i16)>(&sql);
            for v in chunk {
                q = q.bind(*v);
            }
            for (v, s) in q.fetch_all(&mut *$tx).await? {
                out.entry(v).or_insert(s);
            }
        }
        out
    }};
}
pub(crate) use visit_csat;

/// Reads the comments among the answers just inserted, stores the readings and counts
/// them; a CSAT score just inserted for a visit whose comment was read before it arrived
/// is counted with that comment's themes. Inside the caller's transaction.
macro_rules! read_comments {
    ($tx:ident, $all:expr, $inserted:ident, $scales:expr, $readers:expr) => {{
        let readers: &$crate::readings::ReaderMap = &$readers;
        let new: Vec<(Uuid, &$crate::NewRating)> = $all
            .iter()
            .filter(|(org, r)| r.flags == 0 && $inserted.contains(&(*org, r.id)))
            .map(|(o, r)| (*o, *r))
            .collect();
        let comments: Vec<&(Uuid, &$crate::NewRating)> =
            new.iter().filter(|(org, r)| r.answer.text().is_some() && readers.contains_key(org)).collect();
        // The first CSAT score of each visit among the answers just stored.
        let mut scored: std::collections::HashMap<Uuid, (i64, i16)> = std::collections::HashMap::new();
        for (_, r) in new.iter().filter(|(_, r)| $scales.get(&r.question_id).is_some_and(|s: &String| s == "csat5")) {
            if let (Some(v), Some(score)) = (r.visit_id, r.answer.score()) {
                let e = scored.entry(v).or_insert((r.answered_at, score));
                if r.answered_at < e.0 {
                    *e = (r.answered_at, score);
                }
            }
        }
        let mut deltas = $crate::readings::ThemeDeltas::new();
        if !comments.is_empty() {
            let csat = $crate::readings::visit_csat!($tx, comments.iter().filter_map(|(_, r)| r.visit_id).collect());
            let mut readings = Vec::new();
            for (org, r) in &comments {
                let (version, reader) = &readers[org];
                let a = reader.analyse(r.answer.text().unwrap_or_default());
                let place = $crate::readings::Place {
                    rating_id: r.id, org_id: *org, local_day: r.local_day, site_id: r.site_id,
                    service_id: r.service_id, employee_id: r.employee_id, visit_id: r.visit_id,
                };
                readings.push($crate::readings::Reading::of(place, &a, r.visit_id.and_then(|v| csat.get(&v).copied()), *version));
            }
            $crate::readings::insert_readings!($tx, readings, deltas);
        }
        if !scored.is_empty() {
            // Comments of these visits read before their score arrived: the score is this
            // one (an earlier one would have been counted with them already).
            let fresh: std::collections::HashSet<Uuid> = comments.iter().map(|(_, r)| r.id).collect();
            let visits: Vec<Uuid> = scored.keys().copied().collect();
            for chunk in visits.chunks(500) {
                let sql = format!(
                    "SELECT {} FROM comment_readings WHERE visit_id IN ({}) AND csat IS NULL",
                    $crate::readings::READING_COLUMNS,
                    $crate::ratings::in_list(1, chunk.len())
                );
                let mut q = sqlx::query_as::<_, $crate::readings::Reading>(&sql);
                for v in chunk {
                    q = q.bind(*v);
                }
                for mut reading in q.fetch_all(&mut *$tx).await? {
                    let Some(&(_, s)) = reading.visit_id.and_then(|v| scored.get(&v)) else { continue };
                    if fresh.contains(&reading.rating_id) {
                        continue;
                    }
                    let set = sqlx::query("UPDATE comment_readings SET csat = $1 WHERE rating_id = $2 AND csat IS NULL")
                        .bind(s).bind(reading.rating_id).execute(&mut *$tx).await?.rows_affected();
                    if set == 1 {
                        reading.csat = Some(s);
                        reading.count(&mut deltas, 1, true);
                    }
                }
            }
        }
        $crate::readings::apply_themes!($tx, deltas);
    }};
}
pub(crate) use read_comments;

/// Inserts readings (a comment read before is left as it is) and counts those inserted.
macro_rules! insert_readings {
    ($tx:ident, $readings:expr, $deltas:ident) => {{
        for r in $readings.iter() {
            let done = sqlx::query(
                "INSERT INTO comment_readings (rating_id, org_id, local_day, site_id, service_id, employee_id, visit_id, language, sentiment, confidence, themes, csat, version) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (rating_id) DO NOTHING",
            )
            .bind(r.rating_id).bind(r.org_id).bind(r.local_day).bind(r.site_id).bind(r.service_id).bind(r.employee_id)
            .bind(r.visit_id).bind(&r.language).bind(r.sentiment).bind(r.confidence).bind(&r.themes).bind(r.csat).bind(r.version)
            .execute(&mut *$tx).await?.rows_affected();
            if done == 1 {
                r.count(&mut $deltas, 1, false);
            }
        }
    }};
}
pub(crate) use insert_readings;

/// Counts the theme rollup of one organisation (or all) again from the readings, inside
/// the caller's transaction; the number of cells written.
macro_rules! rebuild_theme_rollups {
    ($tx:ident, $org:expr) => {{
        let org: Option<Uuid> = $org;
        sqlx::query("DELETE FROM theme_rollups WHERE ($1 IS NULL OR org_id = $1)").bind(org).execute(&mut *$tx).await?;
        let mut deltas = $crate::readings::ThemeDeltas::new();
        let mut after = Uuid::nil();
        loop {
            let sql = format!(
                "SELECT {} FROM comment_readings WHERE ($1 IS NULL OR org_id = $1) AND rating_id > $2 ORDER BY rating_id LIMIT 5000",
                $crate::readings::READING_COLUMNS
            );
            let chunk: Vec<$crate::readings::Reading> = sqlx::query_as(&sql).bind(org).bind(after).fetch_all(&mut *$tx).await?;
            let Some(last) = chunk.last() else { break };
            after = last.rating_id;
            for r in &chunk {
                r.count(&mut deltas, 1, false);
            }
        }
        let cells = deltas.len() as u64;
        $crate::readings::apply_themes!($tx, deltas);
        cells
    }};
}
pub(crate) use rebuild_theme_rollups;

/// A negative comment about a theme, as an alert rule gathers it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThemeComment {
    pub id: Uuid,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub received_at: i64,
    pub local_day: i32,
    /// The visit's CSAT score, when it gave one.
    pub csat: Option<i16>,
}

/// How far reading again has got in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct ReadingProgress {
    /// Comments read with the current themes.
    pub current: i64,
    /// Comments read with older themes (or stored before readings existed, while the
    /// first reading of them is not over).
    pub left: i64,
    /// The first reading of comments stored before readings existed is over.
    pub backfilled: bool,
}

#[derive(sqlx::FromRow)]
struct Unread {
    id: Uuid,
    local_day: i32,
    site_id: Uuid,
    service_id: Option<Uuid>,
    employee_id: Option<Uuid>,
    visit_id: Option<Uuid>,
    answer_text: String,
}

/// The comments' texts (id → text), inside the caller's transaction.
macro_rules! texts {
    ($tx:ident, $org:expr, $ids:expr) => {{
        let mut out: HashMap<Uuid, String> = HashMap::new();
        let ids: Vec<Uuid> = $ids;
        for chunk in ids.chunks(500) {
            let sql = format!(
                "SELECT id, answer_text FROM ratings WHERE org_id = $1 AND id IN ({})",
                in_list(2, chunk.len())
            );
            let mut q = sqlx::query_as::<_, (Uuid, String)>(&sql).bind($org);
            for id in chunk {
                q = q.bind(*id);
            }
            out.extend(q.fetch_all(&mut *$tx).await?);
        }
        out
    }};
}

/// The organisations with a comment among `rows` (the readers a write needs).
pub(crate) fn text_orgs<'a>(rows: impl Iterator<Item = (Uuid, &'a NewRating)>) -> Vec<Uuid> {
    let orgs: HashSet<Uuid> = rows
        .filter(|(_, r)| r.answer.text().is_some() && r.flags == 0)
        .map(|(o, _)| o)
        .collect();
    orgs.into_iter().collect()
}

impl Store {
    /// The organisation's reader as its themes are now, with their version.
    pub async fn reader(&self, org: Uuid) -> Result<(i64, Arc<Analyser>)> {
        let version: i64 = with_db!(self, p => {
            sqlx::query_scalar("SELECT themes_version FROM organisations WHERE id = $1").bind(org).fetch_one(p).await
        })?;
        if let Some(found) = self
            .readers
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&org)
            .filter(|(v, _)| *v == version)
        {
            return Ok(found.clone());
        }
        let set = self.themes(org).await?;
        let reader = Arc::new(Analyser::new(&crate::themes::specs(&set.themes)));
        let entry = (set.version, reader);
        self.readers
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(org, entry.clone());
        Ok(entry)
    }

    /// The readers of these organisations (see [`text_orgs`]).
    pub(crate) async fn readers_for(&self, orgs: Vec<Uuid>) -> Result<ReaderMap> {
        let mut out = HashMap::new();
        for org in orgs {
            out.insert(org, self.reader(org).await?);
        }
        Ok(out)
    }

    /// Whether comments wait to be read (again): read with older themes, or stored before
    /// readings existed. Cheap: one indexed row at most.
    pub async fn reading_pending(&self, org: Uuid) -> Result<bool> {
        let (version, backfilled): (i64, bool) = with_db!(self, p => {
            sqlx::query_as("SELECT themes_version, comments_backfilled FROM organisations WHERE id = $1").bind(org).fetch_one(p).await
        })?;
        if !backfilled {
            return Ok(true);
        }
        let old: Option<i64> = with_db!(self, p => {
            sqlx::query_scalar("SELECT version FROM comment_readings WHERE org_id = $1 AND version < $2 LIMIT 1").bind(org).bind(version).fetch_optional(p).await
        })?;
        Ok(old.is_some())
    }

    /// Reads again up to `limit` comments read with older themes, then up to `limit`
    /// comments stored before readings existed; one transaction. Returns whether more
    /// may be waiting.
    pub async fn read_again(&self, org: Uuid, limit: i64) -> Result<bool> {
        let (version, reader) = self.reader(org).await?;
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let sql = format!(
                "SELECT {} FROM comment_readings WHERE org_id = $1 AND version < $2 ORDER BY rating_id LIMIT $3",
                READING_COLUMNS.split(", ").map(|c| format!("cr.{c}")).collect::<Vec<_>>().join(", ")
            );
            let old: Vec<Reading> = sqlx::query_as(&sql.replace("FROM comment_readings", "FROM comment_readings cr"))
                .bind(org).bind(version).bind(limit).fetch_all(&mut *tx).await?;
            let mut deltas = ThemeDeltas::new();
            if !old.is_empty() {
                let texts = texts!(tx, org, old.iter().map(|r| r.rating_id).collect());
                for r in &old {
                    let Some(text) = texts.get(&r.rating_id) else { continue };
                    let place = Place { rating_id: r.rating_id, org_id: org, local_day: r.local_day, site_id: r.site_id,
                        service_id: r.service_id, employee_id: r.employee_id, visit_id: r.visit_id };
                    let new = Reading::of(place, &reader.analyse(text), r.csat, version);
                    let swapped = sqlx::query("UPDATE comment_readings SET language = $1, sentiment = $2, confidence = $3, themes = $4, version = $5 WHERE rating_id = $6 AND version = $7")
                        .bind(&new.language).bind(new.sentiment).bind(new.confidence).bind(&new.themes).bind(version)
                        .bind(r.rating_id).bind(r.version).execute(&mut *tx).await?.rows_affected();
                    if swapped == 1 {
                        r.count(&mut deltas, -1, false);
                        new.count(&mut deltas, 1, false);
                    }
                }
            }
            // Comments stored before readings existed, in id order from where it got.
            let (from, backfilled): (Option<Uuid>, bool) = sqlx::query_as("SELECT comments_read_to, comments_backfilled FROM organisations WHERE id = $1")
                .bind(org).fetch_one(&mut *tx).await?;
            if !backfilled && old.len() < limit as usize {
                let unread: Vec<Unread> = sqlx::query_as(
                    "SELECT id, local_day, site_id, service_id, employee_id, visit_id, answer_text FROM ratings \
                     WHERE org_id = $1 AND ($2 IS NULL OR id > $2) AND answer_text IS NOT NULL AND flags = 0 ORDER BY id LIMIT $3")
                    .bind(org).bind(from).bind(limit).fetch_all(&mut *tx).await?;
                let visits: Vec<Uuid> = unread.iter().filter_map(|u| u.visit_id).collect();
                let csat = visit_csat!(tx, visits);
                let readings: Vec<Reading> = unread.iter().map(|u| {
                    let place = Place { rating_id: u.id, org_id: org, local_day: u.local_day, site_id: u.site_id,
                        service_id: u.service_id, employee_id: u.employee_id, visit_id: u.visit_id };
                    Reading::of(place, &reader.analyse(&u.answer_text), u.visit_id.and_then(|v| csat.get(&v).copied()), version)
                }).collect();
                insert_readings!(tx, readings, deltas);
                let last = unread.last().map(|u| u.id).or(from);
                let over = unread.len() < limit as usize;
                // Moved on only from where this chunk began (another instance may be there).
                sqlx::query("UPDATE organisations SET comments_read_to = $2, comments_backfilled = $3 WHERE id = $1 AND (comments_read_to = $4 OR ($4 IS NULL AND comments_read_to IS NULL))")
                    .bind(org).bind(last).bind(over).bind(from).execute(&mut *tx).await?;
            }
            apply_themes!(tx, deltas);
            tx.commit().await?;
            Ok::<_, crate::StoreError>(old.len() as i64 == limit || !backfilled)
        })
    }

    /// The negative comments read as about `theme`, received from `since` (ms) on, oldest
    /// first (at most `limit`); `from_day`, a day on or before `since`'s local day, lets
    /// the day index narrow the search.
    pub async fn negative_comments(
        &self,
        org: Uuid,
        theme: &str,
        (from_day, since): (i32, i64),
        limit: i64,
    ) -> Result<Vec<ThemeComment>> {
        let like = format!("%,{theme},%");
        Ok(with_db!(self, p => {
            sqlx::query_as::<_, ThemeComment>(
                "SELECT r.id, r.site_id, r.service_id, r.employee_id, r.received_at, r.local_day, cr.csat \
                 FROM comment_readings cr JOIN ratings r ON r.org_id = cr.org_id AND r.id = cr.rating_id \
                 WHERE cr.org_id = $1 AND cr.local_day >= $5 AND cr.sentiment = -1 AND cr.themes LIKE $2 AND r.received_at >= $3 \
                 ORDER BY r.received_at LIMIT $4")
                .bind(org).bind(&like).bind(since).bind(limit).bind(from_day).fetch_all(p).await
        })?)
    }

    /// How far reading (again) has got.
    pub async fn reading_progress(&self, org: Uuid) -> Result<ReadingProgress> {
        let (version, backfilled): (i64, bool) = with_db!(self, p => {
            sqlx::query_as("SELECT themes_version, comments_backfilled FROM organisations WHERE id = $1").bind(org).fetch_one(p).await
        })?;
        let (current, left): (i64, i64) = with_db!(self, p => {
            sqlx::query_as("SELECT COALESCE(SUM(CASE WHEN version >= $2 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN version < $2 THEN 1 ELSE 0 END), 0) FROM comment_readings WHERE org_id = $1")
                .bind(org).bind(version).fetch_one(p).await
        })?;
        Ok(ReadingProgress {
            current,
            left,
            backfilled,
        })
    }
}
