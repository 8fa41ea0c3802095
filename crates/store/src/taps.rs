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

/// Inside a write transaction: flags the customers of `$rows` (answers of one terminal)
/// that make a burst by `$rule`, with the earlier customers of the same terminal they
/// make it with; those earlier answers move from the results to the bursts.
macro_rules! flag_bursts {
    ($tx:ident, $terminal:expr, $rows:expr, $rule:expr) => {{
        let terminal: Uuid = $terminal;
        let rows: &mut [NewRating] = $rows;
        // Each customer (visit) starts at their first answer.
        let mut starts: HashMap<Uuid, i64> = HashMap::new();
        for r in rows.iter() {
            let v = r.visit_id.unwrap_or(r.id);
            let e = starts.entry(v).or_insert(r.answered_at);
            *e = (*e).min(r.answered_at);
        }
        if let Some(first) = starts.values().min().copied() {
            let last = rows.iter().map(|r| r.answered_at).max().unwrap_or(first);
            let window = i64::from($rule.seconds) * 1000;
            let earlier: Vec<(Option<Uuid>, i64)> = sqlx::query_as(
                "SELECT visit_id, MIN(answered_at) FROM ratings WHERE terminal_id = $1 AND answered_at >= $2 AND answered_at <= $3 GROUP BY visit_id")
                .bind(terminal).bind(first - window).bind(last + window).fetch_all(&mut *$tx).await?;
            let mut all: Vec<(i64, Uuid, bool)> = starts.iter().map(|(v, t)| (*t, *v, true)).collect();
            all.extend(earlier.into_iter().filter_map(|(v, t)| v.filter(|v| !starts.contains_key(v)).map(|v| (t, v, false))));
            all.sort();
            let times: Vec<i64> = all.iter().map(|(t, _, _)| *t).collect();
            let flags = $rule.flags(&times);
            let burst: HashSet<Uuid> = all.iter().zip(&flags).filter(|(_, f)| **f).map(|((_, v, _), _)| *v).collect();
            let old_burst: Vec<Uuid> = all.iter().zip(&flags).filter(|((_, _, new), f)| **f && !new).map(|((_, v, _), _)| *v).collect();
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
                let mut q = sqlx::query_as::<_, Scored>(&sql).bind(terminal).bind(Uuid::nil());
                for v in chunk { q = q.bind(v); }
                let moved = q.fetch_all(&mut *$tx).await?;
                let mut deltas: HashMap<RollupKey, Counts> = HashMap::new();
                for a in &moved {
                    count(&mut deltas, a, -1, 1);
                }
                apply_rollup!($tx, deltas);
                let sql = format!("UPDATE ratings SET flags = flags | {FLAG_BURST} WHERE terminal_id = $1 AND visit_id IN ({})", in_list(2, chunk.len()));
                let mut q = sqlx::query(&sql).bind(terminal);
                for v in chunk { q = q.bind(v); }
                q.execute(&mut *$tx).await?;
            }
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
                let mut flagged: Vec<Vec<NewRating>> = terminals.iter().map(|t| t.rows.clone()).collect();
                for (terminal, batches) in &by_terminal {
                    let mut rows: Vec<NewRating> = batches.iter().flat_map(|i| flagged[*i].clone()).collect();
                    flag_bursts!(tx, *terminal, &mut rows, terminals[batches[0]].rule);
                    let mut rows = rows.into_iter();
                    for i in batches {
                        let n = flagged[*i].len();
                        flagged[*i] = rows.by_ref().take(n).collect();
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
                insert_rows!(tx, &batches, all, scales, inserted, existing);
                for (terminal, batches) in &by_terminal {
                    let rows = || batches.iter().flat_map(|i| terminals[*i].rows.iter());
                    let Some(last) = rows().map(|r| r.answered_at).max() else { continue };
                    let asked_done = rows().any(|r| r.employee_id.is_some());
                    sqlx::query("UPDATE terminals SET last_answer_at = CASE WHEN last_answer_at IS NULL OR last_answer_at < $2 THEN $2 ELSE last_answer_at END, \
                        asked_employee_id = CASE WHEN $3 THEN NULL ELSE asked_employee_id END, asked_visit_id = CASE WHEN $3 THEN NULL ELSE asked_visit_id END WHERE id = $1")
                        .bind(*terminal).bind(last).bind(asked_done).execute(&mut *tx).await?;
                }
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
