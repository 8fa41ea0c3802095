//! The operations view: what the visits say (response rate, waiting time, time with the
//! customer against each service's targets, retention) for a reach, per site, service
//! and (for those who may see employees) employee, with the last 12 months. Figures come
//! from the visit rollup through `rida_domain::metrics::operations`.

use std::collections::HashMap;

use rida_domain::{
    metrics::{
        Estimate,
        operations::{Retention, VisitTotals},
    },
    period::{day_key, months_up_to},
};
use rida_store::{CubeQuery, Dim, Store};
use serde::Serialize;
use uuid::Uuid;

use super::{
    Reach,
    dashboard::{Names, PeriodView, filter, query},
};
use crate::Error;

/// The figures of a group of visits.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    pub visits: i64,
    pub response_rate: Option<Estimate>,
    pub mean_wait: Option<Estimate>,
    pub wait_within: Option<Estimate>,
    pub mean_handle: Option<Estimate>,
    pub handle_within: Option<Estimate>,
}

impl Figures {
    pub fn of(t: &VisitTotals) -> Figures {
        Figures {
            visits: t.visits,
            response_rate: t.response_rate(),
            mean_wait: t.mean_wait(),
            wait_within: t.wait_within_target(),
            mean_handle: t.mean_handle(),
            handle_within: t.handle_within_target(),
        }
    }
}

/// Retention as shown: the rate, the churn, and who is still pending.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RetentionView {
    pub rate: Option<Estimate>,
    pub churn: Option<Estimate>,
    pub customers: i64,
    pub pending: i64,
}

impl RetentionView {
    fn of(r: &Retention) -> RetentionView {
        RetentionView {
            rate: r.rate(),
            churn: r.churn(),
            customers: r.retained + r.churned + r.pending,
            pending: r.pending,
        }
    }
}

/// One site, service or employee.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: Uuid,
    pub name: String,
    pub figures: Figures,
    /// Per site only.
    pub retention: Option<RetentionView>,
}

/// A month of the trend.
#[derive(Debug, Clone, Serialize)]
pub struct Month {
    /// `yyyy-mm`.
    pub month: String,
    pub figures: Figures,
}

#[derive(Debug, Clone, Serialize)]
pub struct Operations {
    pub period: PeriodView,
    pub total: Figures,
    pub previous: Figures,
    pub retention: RetentionView,
    pub retention_days: i32,
    pub trend: Vec<Month>,
    pub sites: Vec<Row>,
    pub services: Vec<Row>,
    /// `None` unless the user may see employees' results.
    pub employees: Option<Vec<Row>>,
}

/// Rows of one dimension, busiest first, named.
fn rows_by(
    rows: &[rida_store::VisitRowTotals],
    key: impl Fn(&rida_store::GroupKey) -> Option<Uuid>,
    names: &HashMap<Uuid, String>,
) -> Vec<Row> {
    let mut out: Vec<Row> = rows
        .iter()
        .filter_map(|r| {
            let id = key(&r.key)?;
            Some(Row {
                id,
                name: if id.is_nil() {
                    String::new()
                } else {
                    Names::of(names, id)
                },
                figures: Figures::of(&r.totals),
                retention: None,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.figures
            .visits
            .cmp(&a.figures.visits)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// Builds the operations view of a reach.
pub async fn build(
    store: &Store,
    org: &rida_store::Organisation,
    reach: &Reach,
    now_ms: i64,
) -> Result<Operations, Error> {
    let period = reach.period;
    let f = filter(reach, None);
    let months = months_up_to(period.to, 12);
    let (from_day, to_day) = period.day_keys();
    let trend_query = CubeQuery {
        from_day: months[0] * 100 + 1,
        to_day: day_key(period.to.last_of_month()),
        filter: f.clone(),
        group: vec![Dim::Month],
    };
    let by = |dim| query(&period, f.clone(), vec![dim]);
    let (names, total, previous, trend, sites, services, employees, retention) = tokio::try_join!(
        Names::load(store, org.id, reach.lang),
        async {
            Ok::<_, Error>(
                store
                    .visit_cube(org.id, &query(&period, f.clone(), vec![]))
                    .await?,
            )
        },
        async {
            Ok(store
                .visit_cube(org.id, &query(&period.previous(), f.clone(), vec![]))
                .await?)
        },
        async { Ok(store.visit_cube(org.id, &trend_query).await?) },
        async { Ok(store.visit_cube(org.id, &by(Dim::Site)).await?) },
        async { Ok(store.visit_cube(org.id, &by(Dim::Service)).await?) },
        async {
            if reach.see_employees {
                Ok(store.visit_cube(org.id, &by(Dim::Employee)).await?)
            } else {
                Ok(vec![])
            }
        },
        async {
            Ok(store
                .retention(org.id, from_day, to_day, &f, org.retention_days, now_ms)
                .await?)
        },
    )?;
    let sum = |rows: &[rida_store::VisitRowTotals]| {
        let mut t = VisitTotals::default();
        for r in rows {
            t.add(&r.totals);
        }
        t
    };
    let mut all = Retention::default();
    for r in retention.values() {
        all.retained += r.retained;
        all.churned += r.churned;
        all.pending += r.pending;
    }
    let by_month: HashMap<i32, VisitTotals> = trend
        .iter()
        .filter_map(|r| Some((r.key.period?, r.totals)))
        .collect();
    let mut site_rows = rows_by(&sites, |k| k.site, &names.sites);
    for row in &mut site_rows {
        row.retention = retention.get(&row.id).map(RetentionView::of);
    }
    Ok(Operations {
        period: PeriodView::of(&period, reach.today),
        total: Figures::of(&sum(&total)),
        previous: Figures::of(&sum(&previous)),
        retention: RetentionView::of(&all),
        retention_days: org.retention_days,
        trend: months
            .iter()
            .map(|m| Month {
                month: format!("{}-{:02}", m / 100, m % 100),
                figures: Figures::of(&by_month.get(m).copied().unwrap_or_default()),
            })
            .collect(),
        sites: site_rows,
        services: rows_by(&services, |k| k.service, &names.services),
        employees: reach
            .see_employees
            .then(|| rows_by(&employees, |k| k.employee, &names.employees)),
    })
}
