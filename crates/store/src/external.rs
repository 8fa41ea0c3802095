//! Figures from outside Rida, imported from CSV: stored one value per source, metric and
//! day (a new import of the same day replaces it), listed, read per month beside
//! satisfaction, and removed by series.

use rida_domain::external::ExternalFigure;
use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, By, Result, Store, audit::audit, now_ms, with_db};

/// One imported series.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ExternalSeries {
    pub source: String,
    pub metric: String,
    pub days: i64,
    pub first_day: i32,
    pub last_day: i32,
}

/// A series' values in one month: their mean and how many days had one.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ExternalMonth {
    pub source: String,
    pub metric: String,
    /// `yyyymm`.
    pub month: i32,
    pub mean: f64,
    pub days: i64,
}

impl Store {
    /// Stores the figures in one transaction (a day imported again takes the new value);
    /// returns how many rows were written.
    pub async fn import_external(
        &self,
        org: Uuid,
        rows: &[ExternalFigure],
        by: &By,
    ) -> Result<u64> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let mut n = 0;
            for chunk in rows.chunks(crate::ratings::ROWS_PER_STATEMENT) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO external_figures (org_id, source, metric, day, value, imported_at) ");
                qb.push_values(chunk, |mut b, r| {
                    b.push_bind(org).push_bind(r.source.clone()).push_bind(r.metric.clone()).push_bind(r.day).push_bind(r.value).push_bind(now);
                });
                qb.push(" ON CONFLICT (org_id, source, metric, day) DO UPDATE SET value = excluded.value, imported_at = excluded.imported_at");
                n += qb.build().persistent(false).execute(&mut *tx).await?.rows_affected();
            }
            audit!(tx, by, org, "import", "external_figures", None::<Uuid>, &format!("{} rows", rows.len()));
            tx.commit().await?;
            Ok(n)
        })
    }

    /// The imported series, by source and metric.
    pub async fn external_series(&self, org: Uuid) -> Result<Vec<ExternalSeries>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT source, metric, COUNT(*) AS days, MIN(day) AS first_day, MAX(day) AS last_day FROM external_figures \
             WHERE org_id = $1 GROUP BY source, metric ORDER BY source, metric")
            .bind(org).fetch_all(p).await)?)
    }

    /// Each series' monthly mean over days `from_day..=to_day`.
    pub async fn external_months(
        &self,
        org: Uuid,
        from_day: i32,
        to_day: i32,
    ) -> Result<Vec<ExternalMonth>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT source, metric, day / 100 AS month, AVG(value) AS mean, COUNT(*) AS days FROM external_figures \
             WHERE org_id = $1 AND day BETWEEN $2 AND $3 GROUP BY source, metric, day / 100 ORDER BY source, metric, day / 100")
            .bind(org).bind(from_day).bind(to_day).fetch_all(p).await)?)
    }

    /// Removes one series; returns how many values went.
    pub async fn delete_external(
        &self,
        org: Uuid,
        source: &str,
        metric: &str,
        by: &By,
    ) -> Result<u64> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query("DELETE FROM external_figures WHERE org_id = $1 AND source = $2 AND metric = $3")
                .bind(org).bind(source).bind(metric).execute(&mut *tx).await?.rows_affected();
            audit!(tx, by, org, "delete", "external_figures", None::<Uuid>, &format!("{source} · {metric}: {n} rows"));
            tx.commit().await?;
            Ok(n)
        })
    }
}
