//! Reading the operational figures: the visit rollup for any period, filter and
//! grouping (see `visits.rs` for how it is kept), and retention from the visits linked
//! customer by customer.

use std::collections::HashMap;

use rida_domain::metrics::operations::{Retention, VisitTotals, retention_of};
use uuid::Uuid;

use crate::{Result, Store, cube, with_db};

/// One group's visit figures.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitRowTotals {
    pub key: cube::GroupKey,
    pub totals: VisitTotals,
}

impl Store {
    /// The visit figures of days `from_day..=to_day` for a filter (sites, services and
    /// employees; the rest is ignored), grouped by any of site, service, employee, day and
    /// month, from the visit rollup.
    pub async fn visit_cube(&self, org: Uuid, q: &cube::CubeQuery) -> Result<Vec<VisitRowTotals>> {
        let mut merged: std::collections::BTreeMap<cube::GroupKey, VisitTotals> =
            Default::default();
        let f = &q.filter;
        if [&f.sites, &f.services, &f.employees]
            .iter()
            .any(|l| l.as_ref().is_some_and(|l| l.is_empty()))
        {
            return Ok(vec![]);
        }
        let dims: Vec<cube::Dim> = [
            cube::Dim::Site,
            cube::Dim::Service,
            cube::Dim::Employee,
            cube::Dim::Day,
            cube::Dim::Month,
        ]
        .into_iter()
        .filter(|d| q.group.contains(d))
        .filter(|d| *d != cube::Dim::Month || !q.group.contains(&cube::Dim::Day))
        .collect();
        // Every part in one statement, summed with its sign (see [`crate::periods::parts`]).
        let parts = crate::periods::parts(
            q.from_day,
            q.to_day,
            q.group.contains(&cube::Dim::Day),
            false,
        );
        let keys: Vec<String> = (0..dims.len()).map(|i| format!("k{i}")).collect();
        let read = crate::periods::union_of_parts(
            &parts,
            "FROM visit_rollups WHERE org_id = $1",
            2,
            &[
                (&f.sites, "site_id"),
                (&f.services, "service_id"),
                (&f.employees, "employee_id"),
            ],
            |part| {
                dims.iter()
                    .zip(&keys)
                    .map(|(d, k)| {
                        let c = match d {
                            cube::Dim::Site => "site_id",
                            cube::Dim::Service => "service_id",
                            cube::Dim::Employee => "employee_id",
                            cube::Dim::Month if !part.is_months() => "period / 100",
                            _ => "period",
                        };
                        format!("{c} AS {k}, ")
                    })
                    .collect()
            },
            &VisitTotals::COLUMNS,
        );
        if parts.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {}{} FROM ({}) AS parts{}",
            keys.iter().map(|k| format!("{k}, ")).collect::<String>(),
            VisitTotals::COLUMNS
                .iter()
                .map(|c| format!("CAST(SUM({c}) AS BIGINT)"))
                .collect::<Vec<_>>()
                .join(", "),
            read.branches,
            if keys.is_empty() {
                String::new()
            } else {
                format!(" GROUP BY {}", keys.join(", "))
            }
        );
        let rows = with_db!(self, p => {
            let mut s = sqlx::query(&sql).bind(org);
            for id in &read.ids { s = s.bind(*id); }
            for (grain, lo, hi) in &read.periods { s = s.bind(*grain).bind(*lo).bind(*hi); }
            let mut out = Vec::new();
            for row in s.fetch_all(p).await? {
                use sqlx::Row;
                let mut key = cube::GroupKey::default();
                for (i, d) in dims.iter().enumerate() {
                    match d {
                        cube::Dim::Site => key.site = Some(row.try_get(i)?),
                        cube::Dim::Service => key.service = Some(row.try_get(i)?),
                        cube::Dim::Employee => key.employee = Some(row.try_get(i)?),
                        _ => key.period = Some(row.try_get(i)?),
                    }
                }
                let mut values = Vec::new();
                for i in 0..VisitTotals::COLUMNS.len() {
                    values.push(row.try_get::<Option<i64>, _>(dims.len() + i)?.unwrap_or(0));
                }
                out.push((key, VisitTotals::from_values(&values)));
            }
            Ok::<_, sqlx::Error>(out)
        })?;
        for (key, t) in rows {
            merged.entry(key).or_default().add(&t);
        }
        Ok(merged
            .into_iter()
            .filter(|(_, t)| t.visits > 0)
            .map(|(key, totals)| VisitRowTotals { key, totals })
            .collect())
    }

    /// Retention of the customers who visited in days `from_day..=to_day` (the visits the
    /// filter's sites, services and employees keep), each counted at their last visit in
    /// the period, per site of that visit, with a window of `window_days`. Reads the
    /// period's visits with a customer key (an index on the day keeps it to them).
    pub async fn retention(
        &self,
        org: Uuid,
        from_day: i32,
        to_day: i32,
        filter: &cube::Filter,
        window_days: i32,
        now: i64,
    ) -> Result<HashMap<Uuid, Retention>> {
        type Row = (Option<Uuid>, Option<Uuid>, Option<Uuid>, i64, Option<i64>);
        let rows: Vec<Row> = with_db!(self, p => sqlx::query_as(
            "SELECT site_id, service_id, employee_id, started_at, next_visit_at FROM visits WHERE org_id = $1 AND local_day BETWEEN $2 AND $3 \
             AND customer_key IS NOT NULL AND (next_visit_day IS NULL OR next_visit_day > $3)")
            .bind(org).bind(from_day).bind(to_day).fetch_all(p).await)?;
        let keeps = |list: &Option<Vec<Uuid>>, id: Option<Uuid>| {
            list.as_ref()
                .is_none_or(|l| l.contains(&id.unwrap_or_default()))
        };
        let mut out: HashMap<Uuid, Retention> = HashMap::new();
        for (site, service, employee, started, next) in rows {
            if keeps(&filter.sites, site)
                && keeps(&filter.services, service)
                && keeps(&filter.employees, employee)
            {
                out.entry(site.unwrap_or_default())
                    .or_default()
                    .count(retention_of(started, next, window_days, now));
            }
        }
        Ok(out)
    }
}
