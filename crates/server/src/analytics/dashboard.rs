//! The dashboard: this period's figures with their change, the 12-month trend, rankings
//! of sites, services and (when allowed) employees, the employee × service matrix, the
//! comments behind low scores, and today's answers. Every figure comes from the rollups.

use std::collections::{BTreeMap, HashMap};

use rida_domain::{
    Scale,
    metrics::{Change, Estimate, Metric, ScoreCounts, Thresholds, Unit},
    period::{Period, day_key, months_up_to},
};
use rida_store::{CommentQuery, CubeQuery, CubeRow, Dim, Filter, Store};
use serde::Serialize;
use uuid::Uuid;

use super::Reach;
pub use super::comments::{CommentView, Comments};
pub use super::names::Names;
use crate::Error;

/// The metrics of the headline tiles.
pub const TILES: [Metric; 3] = [Metric::Csat, Metric::Nps, Metric::CesLowEffort];

/// Comments shown at most.
const COMMENTS: usize = 50;

#[derive(Debug, Clone, Serialize)]
pub struct PeriodView {
    pub kind: &'static str,
    pub from: String,
    pub to: String,
    pub days: i32,
    pub previous: (String, String),
    pub next: (String, String),
    /// Whether the next period has begun (pages offer "next" only then).
    pub has_next: bool,
}

impl PeriodView {
    pub(crate) fn of(p: &Period, today: jiff::civil::Date) -> PeriodView {
        let (prev, next) = (p.previous(), p.next());
        PeriodView {
            kind: p.kind.as_str(),
            from: p.from.to_string(),
            to: p.to.to_string(),
            days: p.days(),
            previous: (prev.from.to_string(), prev.to.to_string()),
            next: (next.from.to_string(), next.to.to_string()),
            has_next: next.from <= today,
        }
    }
}

/// A headline figure, the previous period's, and the change between them.
#[derive(Debug, Clone, Serialize)]
pub struct Tile {
    pub metric: Metric,
    pub unit: Unit,
    pub n: u64,
    pub estimate: Option<Estimate>,
    pub previous: Option<Estimate>,
    pub change: Option<Change>,
    /// Too few answers about one employee to show anything.
    pub withheld: bool,
}

/// A month of the trend.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    /// `yyyy-mm`.
    pub month: String,
    pub n: u64,
    pub estimate: Option<Estimate>,
    /// Against the month before.
    pub change: Option<Change>,
}

/// One entry of a ranking.
#[derive(Debug, Clone, Serialize)]
pub struct RankRow {
    pub id: Uuid,
    pub name: String,
    pub n: u64,
    /// `None` when withheld (fewer answers than the anonymity minimum).
    pub estimate: Option<Estimate>,
    /// 1 = best; `None`: not enough answers to rank, or withheld.
    pub rank: Option<usize>,
    pub status: &'static str,
    pub change: Option<Change>,
}

/// A cell of the employee × service matrix.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub n: u64,
    pub value: Option<f64>,
    /// −2 … 2: how far below or above the whole selection; `None` when greyed.
    pub level: Option<i8>,
    /// The interval lies wholly below or above the whole selection's figure.
    pub clear: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub services: Vec<(Uuid, String)>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub employee: (Uuid, String),
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub period: PeriodView,
    pub metric: Metric,
    pub unit: Unit,
    pub thresholds: Thresholds,
    pub tiles: Vec<Tile>,
    /// Answers of the period left out as bursts of taps.
    pub bursts: u64,
    pub trend: Vec<TrendPoint>,
    pub sites: Option<Vec<RankRow>>,
    pub services: Vec<RankRow>,
    pub employees: Option<Vec<RankRow>>,
    pub matrix: Option<Matrix>,
    pub comments: Comments,
    pub themes: super::themes::ThemesPanel,
    /// The answers to choice questions: why, and for what.
    pub reasons: Vec<super::reasons::ChoicePanel>,
    /// Satisfaction by area and the SERVQUAL gaps.
    pub areas: super::areas::Areas,
    pub today: super::today::Today,
    /// Imported figures over the trend's months.
    pub external: Vec<super::external::Series>,
}

/// The filter of a reach, for one scale or all.
pub fn filter(reach: &Reach, scale: Option<Scale>) -> Filter {
    Filter {
        scale,
        sites: reach.sites.clone(),
        services: reach.service.map(|s| vec![s]),
        employees: reach.employee.map(|e| vec![e]),
        ..Default::default()
    }
}

pub(crate) fn query(p: &Period, filter: Filter, group: Vec<Dim>) -> CubeQuery {
    let (from_day, to_day) = p.day_keys();
    CubeQuery {
        from_day,
        to_day,
        filter,
        group,
    }
}

/// The counts of one scale among rows (merged), or empty counts.
pub(crate) fn counts_of(rows: &[CubeRow], scale: Scale) -> ScoreCounts {
    let mut c = ScoreCounts::new(scale);
    for r in rows.iter().filter(|r| r.counts.scale == scale) {
        c.merge(&r.counts);
    }
    c
}

/// Merges rows by a key taken from each.
pub(crate) fn merge_by<K: Ord>(
    rows: &[CubeRow],
    scale: Scale,
    key: impl Fn(&CubeRow) -> Option<K>,
) -> BTreeMap<K, ScoreCounts> {
    let mut out: BTreeMap<K, ScoreCounts> = BTreeMap::new();
    for r in rows {
        if let Some(k) = key(r) {
            out.entry(k)
                .or_insert_with(|| ScoreCounts::new(scale))
                .merge(&r.counts);
        }
    }
    out
}

/// A ranking of groups by the metric, best first, with the change from `before`.
pub(crate) fn ranking(
    metric: Metric,
    t: &Thresholds,
    now: BTreeMap<Uuid, ScoreCounts>,
    before: &BTreeMap<Uuid, ScoreCounts>,
    names: &HashMap<Uuid, String>,
    anonymous: bool,
) -> Vec<RankRow> {
    let mut withheld = Vec::new();
    let mut too_few = Vec::new();
    let mut entries = Vec::new();
    for (id, c) in &now {
        if c.n() == 0 {
            continue;
        }
        if anonymous && c.n() < t.min_shown {
            withheld.push((*id, c.n(), "withheld"));
            continue;
        }
        match metric.estimate(c) {
            Some(e) => entries.push((*id, e)),
            // A figure that needs more answers than there are (a mean of one answer):
            // not enough answers, which is not the anonymity rule.
            None => too_few.push((*id, c.n(), "too_few")),
        }
    }
    withheld.extend(too_few);
    let mut out: Vec<RankRow> = t
        .rank(entries, |id| Names::of(names, *id))
        .into_iter()
        .map(|(id, e, rank)| RankRow {
            id,
            name: Names::of(names, id),
            n: e.n,
            estimate: Some(e),
            rank,
            status: if rank.is_some() { "ranked" } else { "too_few" },
            change: before.get(&id).and_then(|b| metric.change(b, &now[&id])),
        })
        .collect();
    let mut hidden: Vec<RankRow> = withheld
        .into_iter()
        .map(|(id, n, status)| RankRow {
            id,
            name: Names::of(names, id),
            n,
            estimate: None,
            rank: None,
            status,
            change: None,
        })
        .collect();
    hidden.sort_by(|a, b| a.name.cmp(&b.name));
    out.extend(hidden);
    out
}

/// How far a cell lies from the whole selection's figure, in five steps.
fn level(metric: Metric, value: f64, overall: f64) -> i8 {
    let step = match metric.unit() {
        Unit::Percent => 5.0,
        Unit::Score => 10.0,
        Unit::Mean => 0.25,
    };
    let d = (value - overall) / step;
    if d <= -2.0 {
        -2
    } else if d <= -1.0 {
        -1
    } else if d < 1.0 {
        0
    } else if d < 2.0 {
        1
    } else {
        2
    }
}

/// The employee × service matrix. Each cell is compared with the same service across
/// the whole selection, so that a service weak everywhere does not hide, or make, an
/// employee weak at that service only.
fn matrix(metric: Metric, t: &Thresholds, rows: &[CubeRow], names: &Names) -> Matrix {
    let scale = metric.scale();
    let per_service = merge_by(rows, scale, |r| r.key.service);
    let cells = merge_by(rows, scale, |r| {
        let (e, s) = (r.key.employee?, r.key.service?);
        (!e.is_nil() && !s.is_nil()).then_some((e, s))
    });
    let mut services: Vec<(Uuid, String)> = cells
        .keys()
        .map(|(_, s)| *s)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|s| (s, Names::of(&names.services, s)))
        .collect();
    services.sort_by(|a, b| a.1.cmp(&b.1));
    let mut employees: Vec<(Uuid, String)> = cells
        .keys()
        .map(|(e, _)| *e)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|e| (e, Names::of(&names.employees, e)))
        .collect();
    employees.sort_by(|a, b| a.1.cmp(&b.1));
    let rows = employees
        .into_iter()
        .map(|(e, name)| MatrixRow {
            employee: (e, name),
            cells: services
                .iter()
                .map(|(s, _)| {
                    let overall = per_service.get(s).and_then(|c| metric.estimate(c));
                    let c = cells.get(&(e, *s));
                    let n = c.map(|c| c.n()).unwrap_or(0);
                    let est = c
                        .filter(|_| n >= t.min_shown)
                        .and_then(|c| metric.estimate(c));
                    Cell {
                        n,
                        value: est.map(|e| e.value),
                        level: est
                            .zip(overall)
                            .map(|(e, o)| level(metric, e.value, o.value)),
                        clear: est
                            .zip(overall)
                            .is_some_and(|(e, o)| e.high < o.value || e.low > o.value),
                    }
                })
                .collect(),
        })
        .collect();
    Matrix { services, rows }
}

fn yyyy_mm(m: i32) -> String {
    format!("{:04}-{:02}", m / 100, m % 100)
}

/// Builds the dashboard of a reach.
pub async fn build(
    store: &Store,
    org: Uuid,
    thresholds: Thresholds,
    reach: &Reach,
) -> Result<Dashboard, Error> {
    let metric = reach.metric;
    let scale = metric.scale();
    let period = reach.period;
    let previous = period.previous();
    let months = months_up_to(period.to, 12);
    let people = vec![Dim::Site, Dim::Service, Dim::Employee];
    let (from_day, to_day) = period.day_keys();
    let trend_query = CubeQuery {
        from_day: months[0] * 100 + 1,
        to_day: day_key(period.to.last_of_month()),
        filter: filter(reach, Some(scale)),
        group: vec![Dim::Month],
    };
    let comment_query = CommentQuery {
        from_day,
        to_day,
        sites: reach.sites.clone(),
        service: reach.service,
        employee: reach.employee,
        theme: reach.theme.clone(),
        sentiment: reach.sentiment,
        limit: 500,
    };
    // The surveys' questions once, for the reasons and the areas.
    let questions = store.latest_questions(org).await?;
    // Every read at once: the page waits for the slowest, not for their sum.
    let (
        names,
        now,
        before,
        trend_rows,
        people_now,
        people_before,
        found,
        today,
        reasons,
        areas,
        external,
        themes,
    ) = tokio::try_join!(
        Names::load(store, org, reach.lang),
        async {
            Ok(store
                .cube(org, &query(&period, filter(reach, None), vec![]))
                .await?)
        },
        async {
            Ok(store
                .cube(org, &query(&previous, filter(reach, None), vec![]))
                .await?)
        },
        async { Ok(store.cube(org, &trend_query).await?) },
        async {
            Ok(store
                .cube(
                    org,
                    &query(&period, filter(reach, Some(scale)), people.clone()),
                )
                .await?)
        },
        async {
            Ok(store
                .cube(
                    org,
                    &query(&previous, filter(reach, Some(scale)), people.clone()),
                )
                .await?)
        },
        async { Ok(store.comments(org, &comment_query).await?) },
        super::today::today(store, org, thresholds, reach),
        super::reasons::build(store, org, thresholds, reach, &questions),
        super::areas::build(store, org, thresholds, reach, &questions),
        async {
            // Imported figures (reviews, surveys of others) are the organisation's: they
            // are drawn beside the whole organisation's trend only, never a region's,
            // a site's or a person's.
            let whole = reach.region.is_none()
                && reach.site.is_none()
                && reach.service.is_none()
                && reach.employee.is_none()
                && reach.sites.is_none();
            if whole {
                super::external::over(store, org, &months).await
            } else {
                Ok(Vec::new())
            }
        },
        super::themes::build(store, org, thresholds, reach),
    )?;

    // Headline tiles: every scale, this period and the one before.
    let one_employee = reach.employee.is_some();
    let tiles: Vec<Tile> = TILES
        .iter()
        .map(|m| {
            let (c, b) = (counts_of(&now, m.scale()), counts_of(&before, m.scale()));
            let withheld = one_employee && c.n() < thresholds.min_shown;
            Tile {
                metric: *m,
                unit: m.unit(),
                n: c.n(),
                estimate: (!withheld).then(|| m.estimate(&c)).flatten(),
                previous: (!withheld).then(|| m.estimate(&b)).flatten(),
                change: (!withheld).then(|| m.change(&b, &c)).flatten(),
                withheld,
            }
        })
        .collect();
    let bursts = now.iter().map(|r| r.bursts).sum();

    // The 12 months up to the period's last one.
    let by_month = merge_by(&trend_rows, scale, |r| r.key.period);
    let mut trend = Vec::new();
    let mut last: Option<&ScoreCounts> = None;
    let empty = ScoreCounts::new(scale);
    for m in &months {
        let c = by_month.get(m).unwrap_or(&empty);
        let withheld = one_employee && c.n() < thresholds.min_shown;
        trend.push(TrendPoint {
            month: yyyy_mm(*m),
            n: c.n(),
            estimate: (!withheld).then(|| metric.estimate(c)).flatten(),
            change: (!withheld)
                .then(|| last.and_then(|l| metric.change(l, c)))
                .flatten(),
        });
        last = Some(c);
    }

    // Rankings and the matrix from one query per period at the people grain.
    let by = |rows: &[CubeRow], dim: Dim| {
        merge_by(rows, scale, |r| {
            let id = match dim {
                Dim::Site => r.key.site,
                Dim::Service => r.key.service,
                _ => r.key.employee,
            }?;
            (!id.is_nil()).then_some(id)
        })
    };
    let sites = reach.site.is_none().then(|| {
        ranking(
            metric,
            &thresholds,
            by(&people_now, Dim::Site),
            &by(&people_before, Dim::Site),
            &names.sites,
            false,
        )
    });
    let services = ranking(
        metric,
        &thresholds,
        by(&people_now, Dim::Service),
        &by(&people_before, Dim::Service),
        &names.services,
        false,
    );
    let see = reach.see_employees;
    let employees = see.then(|| {
        ranking(
            metric,
            &thresholds,
            by(&people_now, Dim::Employee),
            &by(&people_before, Dim::Employee),
            &names.employees,
            true,
        )
    });
    let matrix = see.then(|| matrix(metric, &thresholds, &people_now, &names));

    // The comments of the period.
    let answers: u64 = now.iter().map(|r| r.counts.n()).sum();
    let withheld = one_employee && answers < thresholds.min_shown;
    let items = if withheld {
        vec![]
    } else {
        found
            .into_iter()
            .filter(|c| !reach.low_only || c.is_low())
            .take(COMMENTS)
            .map(|c| CommentView::of(c, &names, see, &themes))
            .collect()
    };

    Ok(Dashboard {
        period: PeriodView::of(&period, reach.today),
        metric,
        unit: metric.unit(),
        thresholds,
        tiles,
        bursts,
        trend,
        sites,
        services,
        employees,
        matrix,
        comments: Comments {
            items,
            withheld,
            low_only: reach.low_only,
        },
        reasons,
        areas,
        today,
        external,
        themes,
    })
}
