//! Rollups: daily counts of each score at the full grain of the answers, kept up to date
//! in the same transaction as the answers themselves (an answer arriving days late lands
//! on its own day), and rebuilt from the raw answers on demand (`rida rollup rebuild`).

use std::collections::HashMap;

use uuid::Uuid;

use crate::BeginWrite;
use crate::{NewRating, Result, Store, with_db};

/// One cell of the daily rollup. "None" is the nil UUID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, sqlx::FromRow)]
pub struct RollupKey {
    pub org_id: Uuid,
    pub local_day: i32,
    pub site_id: Uuid,
    pub service_id: Uuid,
    pub employee_id: Uuid,
    pub question_id: Uuid,
    pub channel: String,
    pub score: i16,
}

/// Counts to add to a cell: answers counted, and answers left out as bursts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Delta {
    pub n: i64,
    pub bursts: i64,
}

/// The cell of a scored answer.
pub(crate) fn key_of(org: Uuid, r: &NewRating) -> Option<RollupKey> {
    Some(RollupKey {
        org_id: org,
        local_day: r.local_day,
        site_id: r.site_id,
        service_id: r.service_id.unwrap_or(Uuid::nil()),
        employee_id: r.employee_id.unwrap_or(Uuid::nil()),
        question_id: r.question_id,
        channel: r.channel.as_str().to_string(),
        score: r.answer.score()?,
    })
}

/// Adds one answer to the deltas.
pub(crate) fn count(deltas: &mut HashMap<RollupKey, Delta>, key: RollupKey, burst: bool) {
    let d = deltas.entry(key).or_default();
    if burst {
        d.bursts += 1;
    } else {
        d.n += 1;
    }
}

/// Cells per upsert statement (10 values each).
const CELLS_PER_STATEMENT: usize = 500;

/// Adds the deltas to the rollup inside the caller's transaction.
macro_rules! apply_rollup {
    ($tx:ident, $deltas:expr) => {{
        let cells: Vec<(&$crate::rollups::RollupKey, &$crate::rollups::Delta)> = $deltas.iter().collect();
        for chunk in cells.chunks($crate::rollups::CELLS) {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO rollup_daily (org_id, local_day, site_id, service_id, employee_id, question_id, channel, score, n, bursts) ");
            qb.push_values(chunk, |mut b, (k, d)| {
                b.push_bind(k.org_id).push_bind(k.local_day).push_bind(k.site_id).push_bind(k.service_id)
                    .push_bind(k.employee_id).push_bind(k.question_id).push_bind(k.channel.clone()).push_bind(k.score)
                    .push_bind(d.n).push_bind(d.bursts);
            });
            qb.push(" ON CONFLICT (org_id, local_day, site_id, service_id, employee_id, question_id, channel, score) \
                DO UPDATE SET n = rollup_daily.n + excluded.n, bursts = rollup_daily.bursts + excluded.bursts");
            qb.build().execute(&mut *$tx).await?;
        }
    }};
}
pub(crate) use apply_rollup;

/// See [`CELLS_PER_STATEMENT`].
pub(crate) const CELLS: usize = CELLS_PER_STATEMENT;

impl Store {
    /// Computes the rollup of one organisation (or all) again from the raw answers, in one
    /// transaction; returns the number of cells written.
    pub async fn rebuild_rollups(&self, org: Option<Uuid>) -> Result<u64> {
        self.rebuild_rollups_with(org, |_, _| {}).await
    }

    /// As [`Store::rebuild_rollups`], a month of answers at a time, telling `progress`
    /// (months done, months in all) after each.
    pub async fn rebuild_rollups_with(
        &self,
        org: Option<Uuid>,
        mut progress: impl FnMut(u64, u64) + Send,
    ) -> Result<u64> {
        let nil = Uuid::nil();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM rollup_daily WHERE ($1 IS NULL OR org_id = $1)")
                .bind(org).execute(&mut *tx).await?;
            let (first, last): (Option<i32>, Option<i32>) = sqlx::query_as(
                "SELECT MIN(local_day), MAX(local_day) FROM ratings WHERE ($1 IS NULL OR org_id = $1)")
                .bind(org).fetch_one(&mut *tx).await?;
            // yyyymm of each month from the first answer to the last.
            let mut months = Vec::new();
            if let (Some(first), Some(last)) = (first, last) {
                let mut m = first / 100;
                while m <= last / 100 {
                    months.push(m);
                    m = if m % 100 == 12 { m + 89 } else { m + 1 };
                }
            }
            let total = months.len() as u64;
            let mut cells = 0;
            for (i, m) in months.iter().enumerate() {
                let r = sqlx::query(
                    "INSERT INTO rollup_daily (org_id, local_day, site_id, service_id, employee_id, question_id, channel, score, n, bursts) \
                     SELECT org_id, local_day, site_id, COALESCE(service_id, $2), COALESCE(employee_id, $2), question_id, channel, score, \
                     SUM(CASE WHEN flags = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN flags <> 0 THEN 1 ELSE 0 END) \
                     FROM ratings WHERE score IS NOT NULL AND ($1 IS NULL OR org_id = $1) AND local_day BETWEEN $3 AND $4 \
                     GROUP BY org_id, local_day, site_id, COALESCE(service_id, $2), COALESCE(employee_id, $2), question_id, channel, score")
                    .bind(org).bind(nil).bind(m * 100).bind(m * 100 + 99).execute(&mut *tx).await?;
                cells += r.rows_affected();
                progress(i as u64 + 1, total);
            }
            tx.commit().await?;
            Ok(cells)
        })
    }

    /// Every cell of an organisation's rollup with its counts, in key order.
    pub async fn rollup_cells(&self, org: Uuid) -> Result<Vec<(RollupKey, i64, i64)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            key: RollupKey,
            n: i64,
            bursts: i64,
        }
        let rows: Vec<Row> = with_db!(self, p => sqlx::query_as(
            "SELECT org_id, local_day, site_id, service_id, employee_id, question_id, channel, score, n, bursts \
             FROM rollup_daily WHERE org_id = $1 AND (n <> 0 OR bursts <> 0) \
             ORDER BY local_day, site_id, service_id, employee_id, question_id, channel, score")
            .bind(org).fetch_all(p).await)?;
        let mut out: Vec<(RollupKey, i64, i64)> =
            rows.into_iter().map(|r| (r.key, r.n, r.bursts)).collect();
        out.sort();
        Ok(out)
    }
}
