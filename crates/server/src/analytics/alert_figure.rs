//! The figure an alert is about: its rule's metric (CSAT for low answers) at its place
//! over its day (its week for a weekly rule), with the interval and the number of
//! answers, and the link to those results. Shown on the alert's page and in its e-mail.

use rida_domain::{
    metrics::{Estimate, Metric},
    period::{Period, PeriodKind, from_day_key},
};
use rida_store::{Alert, CubeQuery, Filter, Store};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize)]
pub struct AlertFigure {
    pub metric: &'static str,
    pub from: String,
    pub to: String,
    pub estimate: Option<Estimate>,
    /// The results page filtered to the alert's place and period.
    pub link: String,
}

/// What an alert is about: its rule's kind and metric, its day, its place.
pub struct About<'a> {
    pub kind: &'a str,
    pub metric: Option<&'a str>,
    pub day: Option<i32>,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub rule_region: Option<Uuid>,
}

impl<'a> About<'a> {
    pub fn of(a: &'a Alert) -> About<'a> {
        About {
            kind: &a.kind,
            metric: a.metric.as_deref(),
            day: a.day,
            site_id: a.site_id,
            service_id: a.service_id,
            employee_id: a.employee_id,
            rule_region: a.rule_region,
        }
    }
}

/// The figure of `a`; `None` for an alert of before alerts had days, or about an
/// employee whose results the reader may not see (`see_employee`). `region_sites`: the
/// sites of the rule's region when the alert is about the whole region.
pub async fn figure(
    store: &Store,
    org: Uuid,
    a: &About<'_>,
    region_sites: Option<Vec<Uuid>>,
    see_employee: bool,
) -> anyhow::Result<Option<AlertFigure>> {
    let Some(day) = a.day.and_then(from_day_key) else {
        return Ok(None);
    };
    if a.employee_id.is_some() && !see_employee {
        return Ok(None);
    }
    let kind = if a.kind == "metric_below" {
        PeriodKind::Week
    } else {
        PeriodKind::Day
    };
    let period = Period::containing(kind, day);
    let metric = a.metric.and_then(Metric::parse).unwrap_or(Metric::Csat);
    let sites = a.site_id.map(|s| vec![s]).or(region_sites);
    let (from_day, to_day) = period.day_keys();
    let rows = store
        .cube(
            org,
            &CubeQuery {
                from_day,
                to_day,
                filter: Filter {
                    scale: Some(metric.scale()),
                    sites,
                    services: a.service_id.map(|s| vec![s]),
                    employees: a.employee_id.map(|e| vec![e]),
                    ..Filter::default()
                },
                group: vec![],
            },
        )
        .await?;
    let estimate = rows.first().and_then(|r| metric.estimate(&r.counts));
    let mut q = vec![
        format!("period={}", kind.as_str()),
        format!("at={}", period.from),
        format!("metric={}", metric.as_str()),
    ];
    match (a.site_id, a.rule_region) {
        (Some(s), _) => q.push(format!("site={s}")),
        (None, Some(r)) => q.push(format!("region={r}")),
        (None, None) => {}
    }
    if let Some(s) = a.service_id {
        q.push(format!("service={s}"));
    }
    if let Some(e) = a.employee_id {
        q.push(format!("employee={e}"));
    }
    Ok(Some(AlertFigure {
        metric: metric.as_str(),
        from: period.from.to_string(),
        to: period.to.to_string(),
        estimate,
        link: format!("/admin/results?{}", q.join("&")),
    }))
}
