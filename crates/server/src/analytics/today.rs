//! The live tile: today's answers in the reach, and today's CSAT.

use rida_domain::{
    Scale,
    metrics::{Estimate, Metric, Thresholds},
    period::Period,
};
use rida_store::Store;
use serde::Serialize;
use uuid::Uuid;

use super::{
    Reach,
    dashboard::{counts_of, filter, query},
};
use crate::Error;

#[derive(Debug, Clone, Serialize)]
pub struct Today {
    pub day: String,
    pub n: u64,
    pub csat: Option<Estimate>,
}

/// Today's answers in the reach, and today's CSAT.
pub async fn today(
    store: &Store,
    org: Uuid,
    thresholds: Thresholds,
    reach: &Reach,
) -> Result<Today, Error> {
    let day = Period::containing(rida_domain::period::PeriodKind::Day, reach.today);
    let rows = store
        .cube(org, &query(&day, filter(reach, None), vec![]))
        .await?;
    let n = rows.iter().map(|r| r.counts.n()).sum::<u64>();
    let withheld = reach.employee.is_some() && n < thresholds.min_shown;
    Ok(Today {
        day: reach.today.to_string(),
        n,
        csat: (!withheld)
            .then(|| Metric::Csat.estimate(&counts_of(&rows, Scale::Csat5)))
            .flatten(),
    })
}
