//! Answers to choice questions, rolled up: how often each choice was made, and the
//! scores given in the same visit as the choice (the satisfaction of customers who came
//! for a reason, or who gave a reason for a low score). Kept up to date in the
//! transaction that stores the answers: a new choice pairs with the scores already stored
//! for its visit, and a new score with the choices; each pair counts once. Answers in a
//! burst of taps count nowhere here.

use std::collections::{BTreeMap, HashMap, HashSet};

use rida_domain::{Scale, metrics::ScoreCounts};
use uuid::Uuid;

use crate::{BeginWrite, Result, Store, cube, with_db};

/// A cell: (grain, period, question, site, service, choice, scale).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ChoiceCell {
    pub org_id: Uuid,
    pub grain: i16,
    pub period: i32,
    pub question_id: Uuid,
    pub site_id: Uuid,
    pub service_id: Uuid,
    pub choice: String,
    pub scale: String,
}

/// What a cell adds: `n` answers, or scores (index = score).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ChoiceCounts {
    pub n: i64,
    pub scores: [i64; 11],
}

/// An answer as the choice rollup sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct VisitAnswer {
    pub id: Uuid,
    pub visit_id: Option<Uuid>,
    pub question_id: Uuid,
    pub score: Option<i16>,
    pub choice: Option<String>,
    pub local_day: i32,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub scale: String,
}

pub(crate) const VISIT_ANSWER_COLUMNS: &str = "r.id, r.visit_id, r.question_id, r.score, r.choice, r.local_day, r.site_id, r.service_id, q.scale";

type Deltas = HashMap<ChoiceCell, ChoiceCounts>;

/// (org, day, question, site, service, choice, answers)
type Counted = (Uuid, i32, Uuid, Uuid, Option<Uuid>, String, i64);
/// (org, day, question, site, service, choice, scale, score, pairs)
type Paired = (
    Uuid,
    i32,
    Uuid,
    Uuid,
    Option<Uuid>,
    String,
    String,
    i16,
    i64,
);

/// Adds `f` to the day and month cells of the choice `choice` of answer `a`.
fn add(
    deltas: &mut Deltas,
    org: Uuid,
    a: &VisitAnswer,
    choice: &str,
    scale: &str,
    f: impl Fn(&mut ChoiceCounts),
) {
    for (grain, period) in [(1, a.local_day), (2, a.local_day / 100)] {
        let cell = ChoiceCell {
            org_id: org,
            grain,
            period,
            question_id: a.question_id,
            site_id: a.site_id,
            service_id: a.service_id.unwrap_or_default(),
            choice: choice.to_string(),
            scale: scale.to_string(),
        };
        f(deltas.entry(cell).or_default());
    }
}

/// The counts of a choice answer: one answer to the question, one per key chosen.
pub(crate) fn count_choice(deltas: &mut Deltas, org: Uuid, a: &VisitAnswer) {
    let Some(choice) = a.choice.as_deref() else {
        return;
    };
    add(deltas, org, a, "", "", |c| c.n += 1);
    for key in choice.split(',').filter(|k| !k.is_empty()) {
        add(deltas, org, a, key, "", |c| c.n += 1);
    }
}

/// The pairs of one visit's answers (choices × scores) that involve a new answer.
pub(crate) fn count_pairs(
    deltas: &mut Deltas,
    org: Uuid,
    visit: &[VisitAnswer],
    new: &HashSet<Uuid>,
) {
    for c in visit.iter().filter(|a| a.choice.is_some()) {
        for s in visit.iter() {
            let Some(score) = s
                .score
                .and_then(|s| usize::try_from(s).ok())
                .filter(|s| *s <= 10)
            else {
                continue;
            };
            if !new.contains(&c.id) && !new.contains(&s.id) {
                continue;
            }
            for key in c
                .choice
                .as_deref()
                .unwrap_or("")
                .split(',')
                .filter(|k| !k.is_empty())
            {
                add(deltas, org, c, key, &s.scale, |x| x.scores[score] += 1);
            }
        }
    }
}

/// Adds the deltas to the choice rollup inside the caller's transaction.
macro_rules! apply_choices {
    ($tx:ident, $deltas:expr) => {{
        let sql = format!(
            "INSERT INTO choice_rollups (org_id, grain, period, question_id, site_id, service_id, choice, scale, n, {}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) \
             ON CONFLICT (org_id, grain, question_id, period, site_id, service_id, choice, scale) DO UPDATE SET n = choice_rollups.n + excluded.n, {}",
            $crate::rollups::SCORE_COLUMNS,
            (0..=10).map(|i| format!("s{i} = choice_rollups.s{i} + excluded.s{i}")).collect::<Vec<_>>().join(", "));
        // In key order, as every rollup (see `apply_rollup`).
        let mut cells: Vec<_> = $deltas.iter().collect();
        cells.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (k, c) in cells {
            let mut q = sqlx::query(&sql).bind(k.org_id).bind(k.grain).bind(k.period).bind(k.question_id)
                .bind(k.site_id).bind(k.service_id).bind(k.choice.clone()).bind(k.scale.clone()).bind(c.n);
            for s in c.scores { q = q.bind(s); }
            q.execute(&mut *$tx).await?;
        }
    }};
}
pub(crate) use apply_choices;

/// Counts the choices among the answers just inserted (`$all`: `(org, &NewRating)`,
/// `$inserted`: the `(org, id)` the INSERTs took) and pairs them with the scores of their
/// visits; inside the caller's transaction.
macro_rules! count_choices {
    ($tx:ident, $all:expr, $inserted:expr) => {{
        let mut deltas = std::collections::HashMap::new();
        let mut orgs: std::collections::BTreeMap<Uuid, (std::collections::HashSet<Uuid>, std::collections::BTreeSet<Uuid>)> = Default::default();
        for (org, r) in $all.iter() {
            if r.flags != 0 || !$inserted.contains(&(*org, r.id)) {
                continue;
            }
            let e = orgs.entry(*org).or_default();
            if r.answer.choice().is_some() || r.visit_id.is_some() {
                e.0.insert(r.id);
            }
            e.1.extend(r.visit_id);
        }
        for (org, (new, visits)) in &orgs {
            // Choices without a visit count alone.
            let alone: Vec<Uuid> = $all.iter().filter(|(o, r)| o == org && r.visit_id.is_none() && r.answer.choice().is_some() && new.contains(&r.id)).map(|(_, r)| r.id).collect();
            let visits: Vec<Uuid> = visits.iter().copied().collect();
            let mut answers: Vec<$crate::choices::VisitAnswer> = Vec::new();
            for (list, col) in [(&alone, "r.id"), (&visits, "r.visit_id")] {
                for chunk in list.chunks($crate::ratings::ROWS_PER_STATEMENT) {
                    let sql = format!(
                        "SELECT {} FROM ratings r JOIN questions q ON q.id = r.question_id WHERE r.org_id = $1 AND r.flags = 0 AND {col} IN ({})",
                        $crate::choices::VISIT_ANSWER_COLUMNS, $crate::ratings::in_list(2, chunk.len()));
                    let mut q = sqlx::query_as::<_, $crate::choices::VisitAnswer>(&sql).bind(*org);
                    for id in chunk { q = q.bind(*id); }
                    answers.extend(q.fetch_all(&mut *$tx).await?);
                }
            }
            let mut by_visit: std::collections::BTreeMap<Option<Uuid>, Vec<$crate::choices::VisitAnswer>> = Default::default();
            for a in answers {
                if new.contains(&a.id) {
                    $crate::choices::count_choice(&mut deltas, *org, &a);
                }
                by_visit.entry(a.visit_id).or_default().push(a);
            }
            for (visit, answers) in &by_visit {
                if visit.is_some() {
                    $crate::choices::count_pairs(&mut deltas, *org, answers, new);
                }
            }
        }
        $crate::choices::apply_choices!($tx, deltas);
    }};
}
pub(crate) use count_choices;

/// One choice of a question over a period: how often it was made, and the counts of each
/// scale's scores given in the same visits.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceRow {
    /// The choice key; `""` for all answers to the question.
    pub choice: String,
    pub n: u64,
    pub scores: Vec<ScoreCounts>,
}

impl Store {
    /// The choices of `question` over days `from_day..=to_day` at the filter's sites and
    /// services (other parts of the filter are ignored), from the choice rollup.
    pub async fn choice_cube(
        &self,
        org: Uuid,
        question: Uuid,
        q: &cube::CubeQuery,
    ) -> Result<Vec<ChoiceRow>> {
        let f = &q.filter;
        if [&f.sites, &f.services]
            .iter()
            .any(|l| l.as_ref().is_some_and(|l| l.is_empty()))
        {
            return Ok(vec![]);
        }
        // Per choice: its answers, and the counts of each score per scale, summed over
        // the parts with their signs (see [`crate::periods::parts`]) in one statement.
        let parts = crate::periods::parts(q.from_day, q.to_day, false, false);
        if parts.is_empty() {
            return Ok(vec![]);
        }
        let columns: Vec<String> = std::iter::once("n".to_string())
            .chain((0..=10).map(|i| format!("s{i}")))
            .collect();
        let read = crate::periods::union_of_parts(
            &parts,
            "FROM choice_rollups WHERE org_id = $1 AND question_id = $2",
            3,
            &[(&f.sites, "site_id"), (&f.services, "service_id")],
            |_| "choice, scale, ".to_string(),
            &columns.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        let sql = format!(
            "SELECT choice, scale, {} FROM ({}) AS parts GROUP BY choice, scale",
            columns
                .iter()
                .map(|c| format!("CAST(SUM({c}) AS TEXT)"))
                .collect::<Vec<_>>()
                .join(" || ',' || "),
            read.branches
        );
        type Sums = (i64, BTreeMap<&'static str, (Scale, [i64; 11])>);
        let mut merged: BTreeMap<String, Sums> = BTreeMap::new();
        let rows: Vec<(String, String, String)> = with_db!(self, p => {
            let mut s = sqlx::query_as(&sql).bind(org).bind(question);
            for id in &read.ids { s = s.bind(*id); }
            for (grain, lo, hi) in &read.periods { s = s.bind(*grain).bind(*lo).bind(*hi); }
            s.fetch_all(p).await
        })?;
        for (choice, scale, counts) in rows {
            let v: Vec<i64> = counts
                .split(',')
                .map(|x| x.trim().parse::<i64>().unwrap_or(0))
                .collect();
            let e = merged.entry(choice).or_default();
            match Scale::parse(&scale) {
                None => e.0 += v.first().copied().unwrap_or(0),
                Some(scale) => {
                    let (_, c) = e.1.entry(scale.as_str()).or_insert((scale, [0; 11]));
                    for (score, n) in v.iter().skip(1).take(11).enumerate() {
                        c[score] += n;
                    }
                }
            }
        }
        Ok(merged
            .into_iter()
            .map(|(choice, (n, scores))| ChoiceRow {
                choice,
                n: n.max(0) as u64,
                scores: scores
                    .into_values()
                    .map(|(scale, sums)| {
                        let mut c = ScoreCounts::new(scale);
                        for (score, n) in sums.iter().enumerate() {
                            c.add(score as i16, (*n).max(0) as u64);
                        }
                        c
                    })
                    .filter(|c| c.n() > 0)
                    .collect(),
            })
            .filter(|r| r.n > 0 || !r.scores.is_empty())
            .collect())
    }

    /// Computes the choice rollup of one organisation (or all) again from the answers, a
    /// month at a time, in one transaction; returns the number of cells written.
    pub async fn rebuild_choice_rollups(&self, org: Option<Uuid>) -> Result<u64> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM choice_rollups WHERE ($1 IS NULL OR org_id = $1)")
                .bind(org).execute(&mut *tx).await?;
            let (first, last): (Option<i32>, Option<i32>) = sqlx::query_as(
                "SELECT MIN(local_day), MAX(local_day) FROM ratings WHERE ($1 IS NULL OR org_id = $1) AND choice IS NOT NULL")
                .bind(org).fetch_one(&mut *tx).await?;
            let mut cells = 0;
            let (Some(first), Some(last)) = (first, last) else {
                tx.commit().await?;
                return Ok(0);
            };
            let mut month = first / 100;
            while month <= last / 100 {
                let mut deltas: Deltas = HashMap::new();
                // Each choice answer, then each pair with a score of its visit, grouped.
                let counted: Vec<Counted> = sqlx::query_as(
                    "SELECT r.org_id, r.local_day, r.question_id, r.site_id, r.service_id, r.choice, COUNT(*) FROM ratings r \
                     WHERE ($1 IS NULL OR r.org_id = $1) AND r.flags = 0 AND r.choice IS NOT NULL AND r.local_day BETWEEN $2 AND $3 \
                     GROUP BY r.org_id, r.local_day, r.question_id, r.site_id, r.service_id, r.choice")
                    .bind(org).bind(month * 100).bind(month * 100 + 99).fetch_all(&mut *tx).await?;
                for (o, day, question, site, service, choice, n) in counted {
                    let a = VisitAnswer { id: Uuid::nil(), visit_id: None, question_id: question, score: None, choice: Some(choice), local_day: day, site_id: site, service_id: service, scale: String::new() };
                    for _ in 0..n {
                        count_choice(&mut deltas, o, &a);
                    }
                }
                let pairs: Vec<Paired> = sqlx::query_as(
                    "SELECT c.org_id, c.local_day, c.question_id, c.site_id, c.service_id, c.choice, q.scale, s.score, COUNT(*) \
                     FROM ratings c JOIN ratings s ON s.org_id = c.org_id AND s.visit_id = c.visit_id AND s.flags = 0 AND s.score IS NOT NULL \
                     JOIN questions q ON q.id = s.question_id \
                     WHERE ($1 IS NULL OR c.org_id = $1) AND c.flags = 0 AND c.choice IS NOT NULL AND c.visit_id IS NOT NULL AND c.local_day BETWEEN $2 AND $3 \
                     GROUP BY c.org_id, c.local_day, c.question_id, c.site_id, c.service_id, c.choice, q.scale, s.score")
                    .bind(org).bind(month * 100).bind(month * 100 + 99).fetch_all(&mut *tx).await?;
                for (o, day, question, site, service, choice, scale, score, n) in pairs {
                    let Some(score) = usize::try_from(score).ok().filter(|s| *s <= 10) else { continue };
                    let a = VisitAnswer { id: Uuid::nil(), visit_id: None, question_id: question, score: None, choice: None, local_day: day, site_id: site, service_id: service, scale: String::new() };
                    for key in choice.split(',').filter(|k| !k.is_empty()) {
                        add(&mut deltas, o, &a, key, &scale, |x| x.scores[score] += n);
                    }
                }
                cells += deltas.len() as u64;
                apply_choices!(tx, deltas);
                month = crate::periods::next_month(month);
            }
            tx.commit().await?;
            Ok(cells)
        })
    }
}
