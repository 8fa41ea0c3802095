//! The manager's week: what a person opening Rida on Monday needs, for the sites they
//! may see (the head: the whole organisation). The last complete week against the week
//! before and the same week a year ago; each site's CSAT and NPS with interval, change and
//! whether the change is beyond chance, the sites that moved first; the weakest services;
//! the newest comments given with a low score; open and overdue alerts; terminals offline
//! or quiet. The home page shows it and the Monday e-mail sends it.

use std::collections::BTreeMap;

use jiff::civil::Date;
use rida_domain::{
    Action, Scale,
    metrics::{Change, Estimate, Metric, ScoreCounts, Unit},
    period::{Period, PeriodKind},
    policy::may_see_alert,
};
use rida_store::{CommentQuery, CubeRow, Dim, ListQuery, Localized};
use serde::Serialize;
use uuid::Uuid;

use super::{
    Selection,
    dashboard::{self, CommentView, Names, RankRow, TILES, counts_of, query},
};
use crate::{Error, attention::Watch, auth::CurrentUser, state::AppState};

/// Sites listed (those that moved beyond chance first); the rest are in the results.
const SITES_SHOWN: usize = 15;
/// The weakest services shown.
const SERVICES_SHOWN: usize = 5;
/// Comments given with a low score, newest first.
const COMMENTS_SHOWN: usize = 8;
/// Alerts and terminals named (overdue and offline first); the rest are a click away.
const ITEMS_SHOWN: usize = 8;

/// A headline figure of the week, the week before, and the same week a year ago.
#[derive(Debug, Clone, Serialize)]
pub struct WeekTile {
    pub metric: Metric,
    pub unit: Unit,
    pub n: u64,
    pub estimate: Option<Estimate>,
    pub previous: Option<Estimate>,
    pub change: Option<Change>,
    /// The same week a year ago, where there were answers then.
    pub year_ago: Option<Estimate>,
    pub year_change: Option<Change>,
}

/// One figure of a site: its answers, the figure and its change from the week before.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub n: u64,
    pub estimate: Option<Estimate>,
    pub change: Option<Change>,
}

impl Figure {
    fn of(metric: Metric, now: &ScoreCounts, before: Option<&ScoreCounts>) -> Figure {
        Figure {
            n: now.n(),
            estimate: metric.estimate(now),
            change: before.and_then(|b| metric.change(b, now)),
        }
    }

    /// `down` or `up` when the change is beyond chance.
    fn moved(&self) -> Option<&'static str> {
        let c = self.change.filter(|c| c.significant)?;
        Some(if c.delta < 0.0 { "down" } else { "up" })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteWeek {
    pub id: Uuid,
    pub name: String,
    pub csat: Figure,
    pub nps: Figure,
    /// `down`, `up` (CSAT or NPS moved beyond chance; down wins), or `none`.
    pub moved: &'static str,
}

/// The figures part, for who may see results.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub tiles: Vec<WeekTile>,
    /// Answers left out as bursts (a finger on a button).
    pub bursts: u64,
    pub sites: Vec<SiteWeek>,
    pub sites_total: usize,
    pub sites_moved: usize,
    /// The services with the lowest CSAT among those ranked, weakest first.
    pub weakest: Vec<RankRow>,
    pub comments: Vec<CommentView>,
    pub min_ranked: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlertLine {
    pub id: Uuid,
    pub rule: String,
    pub site: Option<String>,
    pub n: i32,
    pub raised_at: i64,
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alerts {
    pub open: usize,
    pub overdue: usize,
    pub items: Vec<AlertLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TerminalLine {
    pub id: Uuid,
    pub name: String,
    pub site: String,
    /// `offline` or `quiet`.
    pub state: rida_domain::terminal::Alert,
    pub last_seen_at: Option<i64>,
    pub last_answer_at: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Terminals {
    /// Paired terminals, and those not paired yet (which are not counted as fine).
    pub total: usize,
    pub unpaired: usize,
    pub offline: usize,
    pub quiet: usize,
    pub items: Vec<TerminalLine>,
}

/// The week as one person sees it; each part only when the policy lets them see it.
#[derive(Debug, Clone, Serialize)]
pub struct Week {
    pub from: String,
    pub to: String,
    /// The ISO week's number and year.
    pub number: i8,
    pub year: i16,
    /// The period query of the results page for this week.
    pub query: String,
    pub results: Option<Results>,
    pub alerts: Option<Alerts>,
    pub terminals: Option<Terminals>,
    /// The employees' pulse, when a round closed in the week.
    pub pulse: Option<super::pulse::WeekPulse>,
}

/// The Monday of the week (Monday to Sunday) of `day`.
pub fn monday_of(day: Date) -> Date {
    Period::containing(PeriodKind::Week, day).from
}

/// The Monday of the last complete week before `today`.
pub fn last_week(today: Date) -> Date {
    let this = monday_of(today);
    this.checked_sub(jiff::Span::new().days(7)).unwrap_or(this)
}

/// The rows of one scale, merged by site (`Dim::Site`) or by service.
fn by(rows: &[CubeRow], scale: Scale, dim: Dim) -> BTreeMap<Uuid, ScoreCounts> {
    let of_scale: Vec<CubeRow> = rows
        .iter()
        .filter(|r| r.counts.scale == scale)
        .cloned()
        .collect();
    dashboard::merge_by(&of_scale, scale, |r| {
        let id = if dim == Dim::Site {
            r.key.site
        } else {
            r.key.service
        };
        id.filter(|i| !i.is_nil())
    })
}

/// Whether any part of the week is for `user` (an employee sees none).
pub fn is_for(user: &CurrentUser) -> bool {
    user.may(Action::ViewResults { site: None })
        || user.may(Action::ViewAlerts { site: None })
        || user.may(Action::ViewTerminals)
}

/// Builds the week starting `monday` for `user` at `now` (ms).
pub async fn build(
    state: &AppState,
    user: &CurrentUser,
    monday: Date,
    now: i64,
) -> Result<Week, Error> {
    let week = Period::containing(PeriodKind::Week, monday);
    let iso = week.from.iso_week_date();
    // The names once, for the figures and the alerts.
    let names = Names::load(&state.store, user.org.id, user.locale).await?;
    // The three parts at once: each is its own reads.
    let (results, alerts, terminals) = tokio::try_join!(
        async {
            match user.may(Action::ViewResults { site: None }) {
                true => results(state, user, &week, &names).await.map(Some),
                false => Ok(None),
            }
        },
        async {
            match user.may(Action::ViewAlerts { site: None }) {
                true => alerts(state, user, now, &names).await.map(Some),
                false => Ok(None),
            }
        },
        async {
            match user.may(Action::ViewTerminals) {
                true => terminals(state, user, now).await.map(Some),
                false => Ok(None),
            }
        },
    )?;
    let pulse = super::pulse::of_week(state, user, week.from, week.to).await?;
    Ok(Week {
        from: week.from.to_string(),
        to: week.to.to_string(),
        number: iso.week(),
        year: iso.year(),
        query: format!("period=week&at={}", week.from),
        results,
        alerts,
        terminals,
        pulse,
    })
}

async fn results(
    state: &AppState,
    user: &CurrentUser,
    week: &Period,
    names: &Names,
) -> Result<Results, Error> {
    let sel = Selection {
        period: Some("week".into()),
        at: Some(week.from.to_string()),
        ..Selection::default()
    };
    let reach = sel.resolve(state, user).await?;
    figures(
        &state.store,
        user.org.id,
        user.org.thresholds(),
        &reach,
        names,
    )
    .await
}

/// The figures of the week of `reach.period` within a reach (what the policy let the
/// reader see), named in the reader's language.
pub async fn figures(
    store: &rida_store::Store,
    org: Uuid,
    thresholds: rida_domain::metrics::Thresholds,
    reach: &super::Reach,
    names: &Names,
) -> Result<Results, Error> {
    let week = &reach.period;
    let previous = week.previous();
    // The same week of the year before: 52 weeks back, so that the weekdays match.
    let year_ago = Period::containing(
        PeriodKind::Week,
        week.from
            .checked_sub(jiff::Span::new().days(364))
            .unwrap_or(week.from),
    );
    let filter = dashboard::filter(reach, None);
    let (from_day, _) = week.day_keys();
    let comment_query = CommentQuery {
        from_day,
        // The newest: this week's so far too.
        to_day: rida_domain::period::day_key(reach.today),
        sites: reach.sites.clone(),
        service: None,
        employee: None,
        theme: None,
        sentiment: None,
        limit: 200,
    };
    // By site and by service apart, not site × service: the sites' figures come from the
    // site grains, and only the few services' rows are summed from those with people.
    let queries = [
        query(week, filter.clone(), vec![Dim::Site]),
        query(&previous, filter.clone(), vec![Dim::Site]),
        query(week, filter.clone(), vec![Dim::Service]),
        query(&previous, filter.clone(), vec![Dim::Service]),
        query(&year_ago, filter.clone(), vec![]),
    ];
    let (now, before, now_services, before_services, year, found) = tokio::try_join!(
        store.cube(org, &queries[0]),
        store.cube(org, &queries[1]),
        store.cube(org, &queries[2]),
        store.cube(org, &queries[3]),
        store.cube(org, &queries[4]),
        store.comments(org, &comment_query),
    )?;

    let tiles = TILES
        .iter()
        .map(|m| {
            let (c, b, y) = (
                counts_of(&now, m.scale()),
                counts_of(&before, m.scale()),
                counts_of(&year, m.scale()),
            );
            let had_year = y.n() > 0;
            WeekTile {
                metric: *m,
                unit: m.unit(),
                n: c.n(),
                estimate: m.estimate(&c),
                previous: m.estimate(&b),
                change: m.change(&b, &c),
                year_ago: had_year.then(|| m.estimate(&y)).flatten(),
                year_change: had_year.then(|| m.change(&y, &c)).flatten(),
            }
        })
        .collect();
    let bursts = now.iter().map(|r| r.bursts).sum();

    // Each site's CSAT and NPS: those that moved beyond chance first (falls, then rises,
    // the largest first), then the rest from the lowest CSAT.
    let site = |rows: &[CubeRow], scale| by(rows, scale, Dim::Site);
    let (csat_now, csat_before) = (site(&now, Scale::Csat5), site(&before, Scale::Csat5));
    let (nps_now, nps_before) = (site(&now, Scale::Nps11), site(&before, Scale::Nps11));
    let mut ids: Vec<Uuid> = csat_now.keys().chain(nps_now.keys()).copied().collect();
    ids.sort();
    ids.dedup();
    let empty_csat = ScoreCounts::new(Scale::Csat5);
    let empty_nps = ScoreCounts::new(Scale::Nps11);
    let mut sites: Vec<SiteWeek> = ids
        .into_iter()
        .map(|id| {
            let csat = Figure::of(
                Metric::Csat,
                csat_now.get(&id).unwrap_or(&empty_csat),
                csat_before.get(&id),
            );
            let nps = Figure::of(
                Metric::Nps,
                nps_now.get(&id).unwrap_or(&empty_nps),
                nps_before.get(&id),
            );
            let moved = match (csat.moved(), nps.moved()) {
                (Some("down"), _) | (_, Some("down")) => "down",
                (Some(_), _) | (_, Some(_)) => "up",
                _ => "none",
            };
            SiteWeek {
                id,
                name: Names::of(&names.sites, id),
                csat,
                nps,
                moved,
            }
        })
        .collect();
    let order = |s: &SiteWeek| match s.moved {
        "down" => 0,
        "up" => 1,
        _ => 2,
    };
    let size = |s: &SiteWeek| {
        s.csat
            .change
            .filter(|c| c.significant)
            .map(|c| -c.delta.abs())
            .unwrap_or(0.0)
    };
    sites.sort_by(|a, b| {
        order(a)
            .cmp(&order(b))
            .then(size(a).total_cmp(&size(b)))
            .then(
                a.csat
                    .estimate
                    .map(|e| e.value)
                    .unwrap_or(f64::MAX)
                    .total_cmp(&b.csat.estimate.map(|e| e.value).unwrap_or(f64::MAX)),
            )
            .then(a.name.cmp(&b.name))
    });
    let sites_total = sites.len();
    let sites_moved = sites.iter().filter(|s| s.moved != "none").count();
    sites.truncate(SITES_SHOWN);

    // The weakest services among those with enough answers to be ranked.
    let by_service = |rows: &[CubeRow]| by(rows, Scale::Csat5, Dim::Service);
    let weakest: Vec<RankRow> = dashboard::ranking(
        Metric::Csat,
        &thresholds,
        by_service(&now_services),
        &by_service(&before_services),
        &names.services,
        false,
    )
    .into_iter()
    .filter(|r| r.rank.is_some())
    .rev()
    .take(SERVICES_SHOWN)
    .collect();

    let comments = found
        .into_iter()
        .filter(|c| c.is_low())
        .take(COMMENTS_SHOWN)
        .map(|c| CommentView::of(c, names, reach.see_employees, &Default::default()))
        .collect();
    Ok(Results {
        tiles,
        bursts,
        sites,
        sites_total,
        sites_moved,
        weakest,
        comments,
        min_ranked: thresholds.min_ranked,
    })
}

async fn alerts(
    state: &AppState,
    user: &CurrentUser,
    now: i64,
    names: &Names,
) -> Result<Alerts, Error> {
    let policy = user.org.policy();
    let sites = user.site_filter();
    let (open, overdue, listed) = state
        .store
        .open_alerts_overview(user.org.id, sites.as_deref(), now, ITEMS_SHOWN as i64)
        .await?;
    let lines: Vec<AlertLine> = listed
        .localized(user.locale)
        .into_iter()
        .filter(|a| may_see_alert(&user.actor, &policy, a.site_id))
        .map(|a| AlertLine {
            id: a.id,
            rule: a.rule_name.clone(),
            site: a.site_id.and_then(|s| names.sites.get(&s).cloned()),
            n: a.n,
            raised_at: a.raised_at,
            overdue: a
                .deadline_hours
                .is_some_and(|h| a.raised_at + i64::from(h) * 3_600_000 <= now),
        })
        .collect();
    Ok(Alerts {
        open: open as usize,
        overdue: overdue as usize,
        items: lines,
    })
}

async fn terminals(state: &AppState, user: &CurrentUser, now: i64) -> Result<Terminals, Error> {
    use rida_domain::terminal::Alert;
    let within = user.site_filter();
    let list = state
        .store
        .list_terminals(user.org.id, within.as_deref(), &ListQuery::all())
        .await?
        .localized(user.locale);
    let watch = Watch::load(state, user.org.id, &user.org.time_zone, now).await?;
    let unpaired = list.items.iter().filter(|t| !t.paired).count();
    let total = list.items.len() - unpaired;
    let mut lines: Vec<TerminalLine> = list
        .items
        .into_iter()
        .filter_map(|t| {
            let found = watch.attention(&t);
            let state = if found.contains(&Alert::Offline) {
                Alert::Offline
            } else {
                *found.first()?
            };
            Some(TerminalLine {
                id: t.id,
                name: t.name,
                site: t.site_name,
                state,
                last_seen_at: t.last_seen_at,
                last_answer_at: t.last_answer_at,
            })
        })
        .collect();
    lines.sort_by_key(|l| l.state != Alert::Offline);
    let offline = lines.iter().filter(|l| l.state == Alert::Offline).count();
    let quiet = lines.len() - offline;
    lines.truncate(ITEMS_SHOWN);
    Ok(Terminals {
        total,
        unpaired,
        offline,
        quiet,
        items: lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_week_is_the_one_before_this_one() {
        let d = |s: &str| last_week(s.parse().unwrap()).to_string();
        // 2026-11-30 is a Monday.
        assert_eq!(d("2026-11-30"), "2026-11-23");
        assert_eq!(d("2026-12-06"), "2026-11-23");
        assert_eq!(d("2026-12-07"), "2026-11-30");
    }
}
