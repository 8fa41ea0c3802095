//! Satisfaction by area (questions tagged with an area of the service, e.g. waiting time
//! or accuracy) and the SERVQUAL gap of each dimension, for a reach: from the rollups,
//! grouped by question. Different scales meet in the share of good answers (4–5 of 5,
//! 9–10 of 10, 5–7 of 7, "yes"); the SERVQUAL gap compares means on one scale.

use std::collections::BTreeMap;

use rida_domain::{
    metrics::{Change, Estimate, ScoreCounts, Thresholds, gap, share_change},
    period::Period,
    survey::{Area, ServqualSide},
};
use rida_store::{CubeRow, Dim, Store};
use serde::Serialize;
use uuid::Uuid;

use super::{
    Reach,
    dashboard::{filter, query},
    reasons::made,
};
use crate::Error;

/// One area: its questions' good answers as a share.
#[derive(Debug, Clone, Serialize)]
pub struct AreaLine {
    pub area: Area,
    pub questions: usize,
    pub n: u64,
    /// `None` when fewer answers than the anonymity minimum.
    pub good: Option<Estimate>,
    pub change: Option<Change>,
}

/// One SERVQUAL dimension: mean expectation, mean perception, and the gap.
#[derive(Debug, Clone, Serialize)]
pub struct GapLine {
    pub dimension: Area,
    pub expectation: Option<Estimate>,
    pub perception: Option<Estimate>,
    pub gap: Option<Estimate>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Areas {
    pub lines: Vec<AreaLine>,
    pub servqual: Vec<GapLine>,
}

/// (good answers, answers) of `questions` among the rows.
fn good_of(rows: &[CubeRow], questions: &[Uuid]) -> (u64, u64) {
    rows.iter()
        .filter(|r| r.key.question.is_some_and(|q| questions.contains(&q)))
        .fold((0, 0), |(g, n), r| {
            let good = r
                .counts
                .scale
                .good_range()
                .map_or(0, |(lo, hi)| r.counts.between(lo, hi));
            (g + good, n + r.counts.n())
        })
}

/// The merged counts of `questions` among the rows, if they share one scale.
fn merged(rows: &[CubeRow], questions: &[Uuid]) -> Option<ScoreCounts> {
    let mut out: Option<ScoreCounts> = None;
    for r in rows
        .iter()
        .filter(|r| r.key.question.is_some_and(|q| questions.contains(&q)))
    {
        match &mut out {
            None => out = Some(r.counts.clone()),
            Some(c) if c.scale == r.counts.scale => c.merge(&r.counts),
            Some(_) => return None,
        }
    }
    out
}

pub async fn build(
    store: &Store,
    org: Uuid,
    thresholds: Thresholds,
    reach: &Reach,
    questions: &[rida_domain::SurveyQuestion],
) -> Result<Areas, Error> {
    let tagged: Vec<_> = questions.iter().filter(|q| q.area.is_some()).collect();
    if tagged.is_empty() {
        return Ok(Areas::default());
    }
    let query = |p: &Period| query(p, filter(reach, None), vec![Dim::Question]);
    let (this, previous) = (query(&reach.period), query(&reach.period.previous()));
    let (now, before) = tokio::try_join!(store.cube(org, &this), store.cube(org, &previous))?;
    let mut by_area: BTreeMap<Area, Vec<Uuid>> = BTreeMap::new();
    let mut sides: BTreeMap<(Area, ServqualSide), Vec<Uuid>> = BTreeMap::new();
    for q in &tagged {
        let Some(area) = q.area else { continue };
        match q.servqual {
            Some(side) => sides.entry((area, side)).or_default().push(q.id),
            None => by_area.entry(area).or_default().push(q.id),
        }
    }
    let shown = |e: Option<Estimate>| e.filter(|e| e.n >= thresholds.min_shown);
    let lines = by_area
        .into_iter()
        .filter_map(|(area, ids)| {
            let (g, n) = good_of(&now, &ids);
            let (pg, pn) = good_of(&before, &ids);
            (n > 0).then(|| AreaLine {
                area,
                questions: ids.len(),
                n,
                good: shown(made(g, n).share(1, 1)),
                change: share_change(&made(pg, pn), &made(g, n), 1, 1)
                    .filter(|_| n >= thresholds.min_shown),
            })
        })
        .collect();
    let servqual = Area::ALL
        .into_iter()
        .filter(|a| a.is_servqual())
        .filter_map(|dimension| {
            let side = |s| sides.get(&(dimension, s)).and_then(|ids| merged(&now, ids));
            let (e, p) = (
                side(ServqualSide::Expectation),
                side(ServqualSide::Perception),
            );
            if e.is_none() && p.is_none() {
                return None;
            }
            Some(GapLine {
                dimension,
                expectation: shown(e.as_ref().and_then(ScoreCounts::mean)),
                perception: shown(p.as_ref().and_then(ScoreCounts::mean)),
                gap: shown(e.zip(p).and_then(|(e, p)| gap(&e, &p))),
            })
        })
        .collect();
    Ok(Areas { lines, servqual })
}
