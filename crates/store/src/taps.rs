//! Storing what customers tapped on terminals: bursts flagged per terminal, and taps of
//! many terminals committed together with the API's answers (the group commit).

use std::collections::{HashMap, HashSet};

use rida_domain::terminal::BurstRule;
use uuid::Uuid;

use crate::{
    BeginWrite, InsertOutcome, NewRating, Result, Store, StoreError,
    ratings::{FLAG_BURST, RATING_COLUMNS, ROWS_PER_STATEMENT, StoredRating, in_list, insert_rows},
    rollups::{Counts, RollupKey, Scored, apply_rollup, count},
    with_db,
};

impl Store {
    /// Stores answers tapped on a terminal (validated by the caller, each carrying the
    /// terminal's id and a visit id per customer), in one transaction: flags the customers
    /// of a burst by `rule`, including earlier ones of the same burst, notes the terminal's
    /// last answer, and ends a station's request once its employee's answer arrived.
    pub async fn insert_terminal_ratings(
        &self,
        org: Uuid,
        terminal: Uuid,
        rows: &[NewRating],
        rule: BurstRule,
    ) -> Result<Vec<InsertOutcome>> {
        let batch = TerminalBatch {
            org,
            terminal,
            rows: rows.to_vec(),
            rule,
        };
        let (_, mut out) = self.insert_group(&[], std::slice::from_ref(&batch)).await?;
        Ok(out.pop().unwrap_or_default())
    }
}

/// Answers tapped on one terminal, as one request brought them.
#[derive(Debug, Clone)]
pub struct TerminalBatch {
    pub org: Uuid,
    pub terminal: Uuid,
    pub rows: Vec<NewRating>,
    pub rule: BurstRule,
}

/// Each customer (visit) of `rows` with the time of their first answer.
fn visit_starts(rows: &[NewRating]) -> HashMap<Uuid, i64> {
    let mut starts: HashMap<Uuid, i64> = HashMap::new();
    for r in rows {
        let e = starts
            .entry(r.visit_id.unwrap_or(r.id))
            .or_insert(r.answered_at);
        *e = (*e).min(r.answered_at);
    }
    starts
}

/// The times a terminal's earlier customers must be read over to judge `starts`.
fn burst_span(starts: &HashMap<Uuid, i64>, rule: BurstRule) -> Option<(i64, i64)> {
    let window = i64::from(rule.seconds) * 1000;
    let first = starts.values().min()?;
    let last = starts.values().max()?;
    Some((first - window, last + window))
}

/// Judges one terminal's new customers (`starts`) with its `earlier` ones (visit, first
/// answer): the new customers of a burst, and the earlier ones it now takes in.
fn judge(
    starts: &HashMap<Uuid, i64>,
    earlier: &[(Uuid, i64)],
    rule: BurstRule,
) -> (HashSet<Uuid>, Vec<Uuid>) {
    let mut all: Vec<(i64, Uuid, bool)> = starts.iter().map(|(v, t)| (*t, *v, true)).collect();
    all.extend(
        earlier
            .iter()
            .filter(|(v, _)| !starts.contains_key(v))
            .map(|(v, t)| (*t, *v, false)),
    );
    all.sort();
    let times: Vec<i64> = all.iter().map(|(t, _, _)| *t).collect();
    let flags = rule.flags(&times);
    let mut burst = HashSet::new();
    let mut old = Vec::new();
    for ((_, v, new), flagged) in all.iter().zip(flags) {
        if flagged {
            burst.insert(*v);
            if !new {
                old.push(*v);
            }
        }
    }
    (burst, old)
}

/// `($1, $2, $3), ($4, $5, $6), …` for `n` rows of a `VALUES` list.
fn triples(n: usize) -> String {
    (0..n)
        .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Terminals (with the span of time to look at) read in one statement.
const TERMINALS_PER_STATEMENT: usize = 300;

/// Inside a write transaction: flags the customers of each terminal's `rows` that make a
/// burst by its rule, with the earlier customers of the same terminal they make it with;
/// those earlier answers move from the results to the bursts (evaluates to the
/// organisations whose days that are over they reached). The earlier customers of
/// every terminal of the group are read in one statement (a round trip per terminal
/// was most of a group commit's time in a burst of 1,000 taps a second).
macro_rules! flag_bursts {
    ($tx:ident, $groups:expr) => {{
        let groups: &mut [(Uuid, BurstRule, Vec<NewRating>)] = $groups;
        let starts: Vec<HashMap<Uuid, i64>> = groups.iter().map(|(_, _, rows)| visit_starts(rows)).collect();
        let spans: Vec<(usize, Uuid, i64, i64)> = groups
            .iter()
            .zip(&starts)
            .enumerate()
            .filter_map(|(i, ((terminal, rule, _), s))| burst_span(s, *rule).map(|(lo, hi)| (i, *terminal, lo, hi)))
            .collect();
        let mut earlier: HashMap<Uuid, Vec<(Uuid, i64)>> = HashMap::new();
        // The organisations whose days that are over the moved answers reached.
        let mut late: Vec<Uuid> = Vec::new();
        for chunk in spans.chunks(TERMINALS_PER_STATEMENT) {
            // A branch per terminal: each is planned like a read of one terminal (its
            // index by terminal and time), which a join with a list of terminals was not
            // always on PostgreSQL (2-40 ms instead of 0.2 once its plan was generic).
            let sql = (0..chunk.len())
                .map(|i| {
                    format!(
                        "SELECT terminal_id, visit_id, MIN(answered_at) FROM ratings WHERE terminal_id = ${} \
                         AND answered_at >= ${} AND answered_at <= ${} AND visit_id IS NOT NULL GROUP BY terminal_id, visit_id",
                        3 * i + 1,
                        3 * i + 2,
                        3 * i + 3
                    )
                })
                .collect::<Vec<_>>()
                .join(" UNION ALL ");
            let mut q = sqlx::query_as::<_, (Uuid, Uuid, i64)>(&sql);
            for (_, terminal, lo, hi) in chunk {
                q = q.bind(*terminal).bind(*lo).bind(*hi);
            }
            for (terminal, visit, at) in q.fetch_all(&mut *$tx).await? {
                earlier.entry(terminal).or_default().push((visit, at));
            }
        }
        for (i, terminal, _, _) in &spans {
            let (_, rule, rows) = &mut groups[*i];
            let (burst, old_burst) = judge(&starts[*i], earlier.get(terminal).map_or(&[][..], |e| e.as_slice()), *rule);
            for r in rows.iter_mut() {
                if burst.contains(&r.visit_id.unwrap_or(r.id)) {
                    r.flags |= FLAG_BURST;
                }
            }
            for chunk in old_burst.chunks(ROWS_PER_STATEMENT) {
                // Answers already counted move from the results to the bursts.
                let sql = format!("SELECT r.org_id, r.local_day, q.scale, r.site_id, COALESCE(r.service_id, $2) AS service_id, COALESCE(r.employee_id, $2) AS employee_id, \
                    r.question_id, r.channel, r.score, COALESCE(r.lang, '') AS lang FROM ratings r JOIN questions q ON q.id = r.question_id \
                    WHERE r.terminal_id = $1 AND r.flags = 0 AND r.score IS NOT NULL AND r.visit_id IN ({})", in_list(3, chunk.len()));
                let mut q = sqlx::query_as::<_, Scored>(&sql).bind(*terminal).bind(Uuid::nil());
                for v in chunk { q = q.bind(v); }
                let moved = q.fetch_all(&mut *$tx).await?;
                let mut deltas: HashMap<RollupKey, Counts> = HashMap::new();
                for a in &moved {
                    count(&mut deltas, a, -1, 1);
                }
                late.extend(apply_rollup!($tx, deltas));
                let sql = format!("UPDATE ratings SET flags = flags | {FLAG_BURST} WHERE terminal_id = $1 AND visit_id IN ({})", in_list(2, chunk.len()));
                let mut q = sqlx::query(&sql).bind(*terminal);
                for v in chunk { q = q.bind(v); }
                q.execute(&mut *$tx).await?;
            }
        }
        late
    }};
}

/// Inside a write transaction: notes each terminal's last answer and ends its station's
/// request once the employee's answer arrived, in one statement per chunk of terminals
/// after locking them in id order (the order settings pushed to many terminals take).
macro_rules! note_last_answers {
    ($tx:ident, $by_terminal:expr, $terminals:expr) => {{
        let notes: Vec<(Uuid, i64, bool)> = $by_terminal
            .iter()
            .filter_map(|(terminal, batches)| {
                let rows = || batches.iter().flat_map(|i: &usize| $terminals[*i].rows.iter());
                let last = rows().map(|r| r.answered_at).max()?;
                Some((*terminal, last, rows().any(|r| r.employee_id.is_some())))
            })
            .collect();
        for chunk in notes.chunks(TERMINALS_PER_STATEMENT) {
            let lock = crate::for_update(&$tx);
            if !lock.is_empty() {
                let sql = format!("SELECT id FROM terminals WHERE id IN ({}) ORDER BY id{lock}", in_list(1, chunk.len()));
                let mut q = sqlx::query(&sql);
                for (terminal, _, _) in chunk {
                    q = q.bind(*terminal);
                }
                q.execute(&mut *$tx).await?;
            }
            let values = triples(chunk.len());
            let sql = format!(
                "WITH n(t, last, done) AS (VALUES {values}) UPDATE terminals SET \
                 last_answer_at = CASE WHEN terminals.last_answer_at IS NULL OR terminals.last_answer_at < n.last THEN n.last ELSE terminals.last_answer_at END, \
                 asked_employee_id = CASE WHEN n.done THEN NULL ELSE terminals.asked_employee_id END, \
                 asked_visit_id = CASE WHEN n.done THEN NULL ELSE terminals.asked_visit_id END \
                 FROM n WHERE terminals.id = n.t"
            );
            let mut q = sqlx::query(&sql);
            for (terminal, last, done) in chunk {
                q = q.bind(*terminal).bind(*last).bind(*done);
            }
            q.execute(&mut *$tx).await?;
        }
    }};
}

impl Store {
    /// Stores batches of answers from the API (`plain`) and from terminals in one
    /// transaction: each terminal's bursts flagged over all its batches at once (as if
    /// one request had brought them), then every answer inserted and counted in the
    /// rollups together, in key order; each terminal's last answer noted, in id order.
    /// The outcomes of each plain batch, then of each terminal batch.
    pub async fn insert_group(
        &self,
        plain: &[(Uuid, &[NewRating])],
        terminals: &[TerminalBatch],
    ) -> Result<(Vec<Vec<InsertOutcome>>, Vec<Vec<InsertOutcome>>)> {
        let scales = self
            .scales_of(
                plain
                    .iter()
                    .flat_map(|(_, rows)| rows.iter())
                    .chain(terminals.iter().flat_map(|t| t.rows.iter())),
            )
            .await?;
        let readers = self
            .readers_for(crate::readings::text_orgs(
                plain
                    .iter()
                    .flat_map(|(org, rows)| rows.iter().map(move |r| (*org, r)))
                    .chain(
                        terminals
                            .iter()
                            .flat_map(|t| t.rows.iter().map(move |r| (t.org, r))),
                    ),
            ))
            .await?;
        // Each terminal once, in id order, with the batches it brought.
        let mut by_terminal: std::collections::BTreeMap<Uuid, Vec<usize>> = Default::default();
        for (i, t) in terminals.iter().enumerate() {
            by_terminal.entry(t.terminal).or_default().push(i);
        }
        // Resent answers are recognised by their ids: running it again is safe.
        self.retry_transient(true, || async {
            let mut inserted: HashSet<(Uuid, Uuid)> = HashSet::new();
            let mut existing: HashMap<(Uuid, Uuid), StoredRating> = HashMap::new();
            let flagged: Vec<Vec<NewRating>> = with_db!(self, p => {
                let mut tx = p.begin_write().await?;
                // Each terminal's batches judged together, as if one request had brought them.
                let mut groups: Vec<(Uuid, BurstRule, Vec<NewRating>)> = by_terminal
                    .iter()
                    .map(|(terminal, batches)| (*terminal, terminals[batches[0]].rule, batches.iter().flat_map(|i| terminals[*i].rows.iter().cloned()).collect()))
                    .collect();
                let late = flag_bursts!(tx, &mut groups);
                let mut flagged: Vec<Vec<NewRating>> = vec![Vec::new(); terminals.len()];
                for ((_, batches), (_, _, rows)) in by_terminal.iter().zip(groups) {
                    let mut rows = rows.into_iter();
                    for i in batches {
                        flagged[*i] = rows.by_ref().take(terminals[*i].rows.len()).collect();
                    }
                }
                let mut batches: Vec<(Uuid, &[NewRating])> = plain.to_vec();
                batches.extend(terminals.iter().zip(&flagged).map(|(t, rows)| (t.org, rows.as_slice())));
                // In id order, so that two instances storing the same resent answers lock
                // them in the same order (a stable sort: of one id twice, the first stays).
                let mut all: Vec<(Uuid, &NewRating)> = batches
                    .iter()
                    .flat_map(|(org, rows)| rows.iter().map(move |r| (*org, r)))
                    .collect();
                all.sort_by_key(|(org, r)| (*org, r.id));
                insert_rows!(tx, &batches, all, scales, readers, inserted, existing);
                crate::settled::note_late_days!(tx, late);
                note_last_answers!(tx, &by_terminal, terminals);
                tx.commit().await?;
                Ok::<_, StoreError>(flagged)
            })?;
            // Flags are the server's own judgement: a resend compares without them.
            let ours = crate::ratings::outcomes(plain, &inserted, &existing);
            let theirs: Vec<(Uuid, &[NewRating])> = terminals
                .iter()
                .zip(&flagged)
                .map(|(t, rows)| (t.org, rows.as_slice()))
                .collect();
            Ok((ours, crate::ratings::outcomes(&theirs, &inserted, &existing)))
        })
        .await
    }
}
