//! Figures from outside Rida (website sessions, review ratings…) over the months of the
//! results' trend, so that they read beside satisfaction on one time axis: on the page's
//! chart and table, in the Excel trend sheet and in the monthly report.

use rida_store::Store;
use serde::Serialize;
use uuid::Uuid;

use crate::Error;

/// One imported series: its monthly means over the trend's months (`None` for a month
/// without values).
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// `source · metric`, as imported.
    pub label: String,
    pub values: Vec<Option<f64>>,
}

/// Each series' monthly means over `months` (`yyyymm`, ascending).
pub async fn over(store: &Store, org: Uuid, months: &[i32]) -> Result<Vec<Series>, Error> {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Ok(vec![]);
    };
    let rows = store
        .external_months(org, first * 100 + 1, last * 100 + 31)
        .await?;
    // Rows come ordered by source and metric: one series per run of them.
    let mut series: Vec<Series> = Vec::new();
    for r in rows {
        let label = format!("{} · {}", r.source, r.metric);
        if series.last().is_none_or(|s| s.label != label) {
            series.push(Series {
                label,
                values: vec![None; months.len()],
            });
        }
        if let (Some(i), Some(s)) = (months.iter().position(|m| *m == r.month), series.last_mut()) {
            s.values[i] = Some(r.mean);
        }
    }
    Ok(series)
}
