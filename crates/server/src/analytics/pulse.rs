//! The employees' pulse as its pages show it: a round's eNPS and statements for the
//! organisation and per site, each site beside its customers' CSAT of the 30 days up to
//! the round's close, and whether the two go together across sites.
//!
//! Figures of a round are shown once it is over (while open, only how many answered:
//! watching figures move would tell what one colleague answered), and only for groups of
//! at least the anonymity minimum.

use std::collections::BTreeMap;

use jiff::{Timestamp, civil::Date, tz::TimeZone};
use rida_domain::{
    Action, Locale, Scale,
    metrics::{Estimate, Metric, ScoreCounts},
    period::day_key,
    pulse::{PulseCounts, correlation},
};
use rida_store::{CubeQuery, Dim, Filter, PulseRound};
use serde::Serialize;
use uuid::Uuid;

use crate::{Error, auth::CurrentUser, state::AppState};

/// The days of customers' CSAT set beside a round: the 30 up to its close.
const CSAT_DAYS: i64 = 30;

/// A group's figures of a round.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PulseFigures {
    /// Employees who answered.
    pub n: u64,
    /// Fewer answers than the anonymity minimum: no figure shown.
    pub withheld: bool,
    pub enps: Option<Estimate>,
    /// Each statement's share of agreement (4–5 of 5), in %.
    pub agreement: Vec<Option<Estimate>>,
    /// Customers' CSAT of the 30 days up to the round's close (sites only).
    pub csat: Option<Estimate>,
    pub csat_n: u64,
}

impl PulseFigures {
    fn of(c: &PulseCounts, min: u64) -> PulseFigures {
        let n = c.respondents();
        let withheld = n < min;
        PulseFigures {
            n,
            withheld,
            enps: c.enps().filter(|_| !withheld),
            agreement: if withheld {
                vec![None; c.statements.len()]
            } else {
                c.agreement()
            },
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SitePulse {
    pub id: Uuid,
    pub name: String,
    pub figures: PulseFigures,
}

/// One round's results.
#[derive(Debug, Clone, Serialize)]
pub struct RoundResult {
    pub id: Uuid,
    pub period_key: String,
    /// The statements in the reader's language.
    pub statements: Vec<String>,
    pub total: PulseFigures,
    pub sites: Vec<SitePulse>,
    /// The days of the CSAT beside it (`yyyy-mm-dd`).
    pub csat_from: String,
    pub csat_to: String,
    /// Pearson's r between the sites' eNPS and CSAT, and over how many sites.
    pub correlation: Option<f64>,
    pub correlated_sites: usize,
}

/// A round in the list of rounds, with the organisation's eNPS once it is over (the
/// trend from round to round).
#[derive(Debug, Clone, Serialize)]
pub struct RoundLine {
    pub id: Uuid,
    pub period_key: String,
    pub opened: String,
    pub closes: String,
    pub open: bool,
    pub figures: Option<PulseFigures>,
}

/// The round open now, as far as it may be shown.
#[derive(Debug, Clone, Serialize)]
pub struct OpenRound {
    pub period_key: String,
    pub closes: String,
    pub answered: u64,
    pub asked: u64,
}

/// The pulse page.
#[derive(Debug, Clone, Serialize)]
pub struct PulseView {
    pub rounds: Vec<RoundLine>,
    pub open: Option<OpenRound>,
    /// The round shown: the one asked for, else the latest that is over.
    pub result: Option<RoundResult>,
    pub min: u64,
}

fn tz_of(user: &CurrentUser) -> TimeZone {
    TimeZone::get(&user.org.time_zone).unwrap_or(TimeZone::UTC)
}

/// The local day of a moment.
fn day_at(ms: i64, tz: &TimeZone) -> Date {
    Timestamp::from_millisecond(ms)
        .map(|t| t.to_zoned(tz.clone()).date())
        .unwrap_or_default()
}

/// The pulse page as `user` may see it: sites they may read, the organisation's total.
pub async fn build(
    state: &AppState,
    user: &CurrentUser,
    round: Option<Uuid>,
    now: i64,
) -> Result<PulseView, Error> {
    let store = &state.store;
    let org = user.org.id;
    let tz = tz_of(user);
    let rounds = store.pulse_rounds(org).await?;
    let min = user.org.thresholds().min_shown;
    let open = match rounds.iter().find(|r| r.is_open(now)) {
        Some(r) => {
            let (answered, asked) = store.pulse_turnout(org, r.id).await?;
            Some(OpenRound {
                period_key: r.period_key.clone(),
                closes: day_at(r.closes_at, &tz).to_string(),
                answered,
                asked,
            })
        }
        None => None,
    };
    let shown = match round {
        Some(id) => Some(
            rounds
                .iter()
                .find(|r| r.id == id && r.closes_at <= now)
                .ok_or(Error::NotFound)?,
        ),
        None => rounds.iter().find(|r| r.closes_at <= now),
    };
    let result = match shown {
        Some(r) => Some(result(state, user, r, min).await?),
        None => None,
    };
    let mut lines = Vec::with_capacity(rounds.len());
    for r in &rounds {
        let over = r.closes_at <= now;
        lines.push(RoundLine {
            id: r.id,
            period_key: r.period_key.clone(),
            opened: day_at(r.opened_at, &tz).to_string(),
            closes: day_at(r.closes_at, &tz).to_string(),
            open: r.is_open(now),
            figures: match over {
                true => Some(PulseFigures::of(&total_of(store, r).await?, min)),
                false => None,
            },
        });
    }
    Ok(PulseView {
        rounds: lines,
        open,
        result,
        min,
    })
}

/// A round's figures: the organisation's, and each site's `user` may read beside its
/// customers' CSAT.
async fn result(
    state: &AppState,
    user: &CurrentUser,
    r: &PulseRound,
    min: u64,
) -> Result<RoundResult, Error> {
    let store = &state.store;
    let org = user.org.id;
    let locale = user.locale;
    let counts = store.pulse_counts(r).await?;
    let total = total_counts(r, &counts);
    let names = super::names::Names::load(store, org, locale).await?;
    let tz = tz_of(user);
    let to = day_at(r.closes_at - 1, &tz);
    let from = to
        .checked_sub(jiff::Span::new().days(CSAT_DAYS - 1))
        .unwrap_or(to);
    let readable: Vec<Uuid> = counts
        .keys()
        .copied()
        .filter(|s| !s.is_nil() && user.may(Action::ViewPulse { site: Some(*s) }))
        .collect();
    let csat = site_csat(store, org, &readable, from, to).await?;
    let mut sites: Vec<SitePulse> = readable
        .iter()
        .map(|s| {
            let mut figures = PulseFigures::of(&counts[s], min);
            if let Some(c) = csat.get(s) {
                figures.csat_n = c.n();
                figures.csat = Metric::Csat.estimate(c).filter(|_| c.n() >= min);
            }
            SitePulse {
                id: *s,
                name: names.sites.get(s).cloned().unwrap_or_else(|| "—".into()),
                figures,
            }
        })
        .collect();
    sites.sort_by(|a, b| a.name.cmp(&b.name));
    let pairs: Vec<(f64, f64)> = sites
        .iter()
        .filter_map(|s| Some((s.figures.enps?.value, s.figures.csat?.value)))
        .collect();
    Ok(RoundResult {
        id: r.id,
        period_key: r.period_key.clone(),
        statements: statements(r, locale),
        total: PulseFigures::of(&total, min),
        sites,
        csat_from: from.to_string(),
        csat_to: to.to_string(),
        correlation: correlation(&pairs),
        correlated_sites: pairs.len(),
    })
}

/// The organisation's counts of a round: every site's together.
fn total_counts(r: &PulseRound, sites: &BTreeMap<Uuid, PulseCounts>) -> PulseCounts {
    let mut total = PulseCounts::new(r.statements.len());
    for c in sites.values() {
        total.merge(c);
    }
    total
}

async fn total_of(store: &rida_store::Store, r: &PulseRound) -> Result<PulseCounts, Error> {
    Ok(total_counts(r, &store.pulse_counts(r).await?))
}

/// A round's statements in `l`.
pub fn statements(r: &PulseRound, l: Locale) -> Vec<String> {
    r.statements.iter().map(|s| s.text(l).to_string()).collect()
}

/// Each site's CSAT counts over the days `from..=to` (`sites`: those to count).
pub async fn site_csat(
    store: &rida_store::Store,
    org: Uuid,
    sites: &[Uuid],
    from: Date,
    to: Date,
) -> Result<BTreeMap<Uuid, ScoreCounts>, Error> {
    if sites.is_empty() {
        return Ok(BTreeMap::new());
    }
    let q = CubeQuery {
        from_day: day_key(from),
        to_day: day_key(to),
        filter: Filter {
            scale: Some(Scale::Csat5),
            sites: Some(sites.to_vec()),
            ..Default::default()
        },
        group: vec![Dim::Site],
    };
    Ok(store
        .cube(org, &q)
        .await?
        .into_iter()
        .filter_map(|r| Some((r.key.site?, r.counts)))
        .collect())
}

/// A round that closed in a week, as the manager's week (home page, Monday e-mail) tells
/// it: the organisation's figures and the site with the lowest eNPS shown.
#[derive(Debug, Clone, Serialize)]
pub struct WeekPulse {
    pub id: Uuid,
    pub period_key: String,
    pub total: PulseFigures,
    /// (site, eNPS) of the lowest of the sites shown, when two or more are.
    pub lowest: Option<(String, f64)>,
    /// The anonymity minimum.
    pub min: u64,
}

/// The latest round that closed within the days `from..=to`, as `user` may see it
/// (`None` when none did, or when they may not read the pulse).
pub async fn of_week(
    state: &AppState,
    user: &CurrentUser,
    from: Date,
    to: Date,
) -> Result<Option<WeekPulse>, Error> {
    if !user.may(Action::ViewPulse { site: None }) {
        return Ok(None);
    }
    let tz = tz_of(user);
    let ms = |d: Date| {
        d.to_zoned(tz.clone())
            .map(|z| z.timestamp().as_millisecond())
            .unwrap_or(0)
    };
    let (start, end) = (ms(from), to.tomorrow().map(ms).unwrap_or(i64::MAX));
    let rounds = state.store.pulse_rounds(user.org.id).await?;
    let Some(r) = rounds
        .iter()
        .find(|r| r.closes_at > start && r.closes_at <= end)
    else {
        return Ok(None);
    };
    let min = user.org.thresholds().min_shown;
    let result = result(state, user, r, min).await?;
    let shown: Vec<(String, f64)> = result
        .sites
        .iter()
        .filter_map(|s| Some((s.name.clone(), s.figures.enps?.value)))
        .collect();
    let lowest = (shown.len() >= 2)
        .then(|| shown.into_iter().min_by(|a, b| a.1.total_cmp(&b.1)))
        .flatten();
    Ok(Some(WeekPulse {
        id: r.id,
        period_key: r.period_key.clone(),
        total: result.total,
        lowest,
        min,
    }))
}

/// The organisation's figures of its latest round that is over, for everyone (the
/// employees' station shows them): `None` before any.
pub async fn summary(
    state: &AppState,
    user: &CurrentUser,
    now: i64,
) -> Result<Option<(String, Vec<String>, PulseFigures)>, Error> {
    user.require(Action::ViewPulseSummary)?;
    let rounds = state.store.pulse_rounds(user.org.id).await?;
    let Some(r) = rounds.iter().find(|r| r.closes_at <= now) else {
        return Ok(None);
    };
    let total = total_of(&state.store, r).await?;
    let min = user.org.thresholds().min_shown;
    Ok(Some((
        r.period_key.clone(),
        statements(r, user.locale),
        PulseFigures::of(&total, min),
    )))
}

/// A round's figures as a table (the pulse page's Excel download): the organisation,
/// then each site in reach with its customers' CSAT beside it; a group under the
/// anonymity minimum says so instead of its figures.
pub fn table(r: &RoundResult, l: Locale) -> super::export::Table {
    use super::export::{Cell, NumberKind, estimate_cells};
    use crate::i18n::t;
    use rida_domain::metrics::Unit;
    let mut header = vec![
        t(l, "dim-site"),
        t(l, "pulse-col-answers"),
        t(l, "pulse-enps"),
        t(l, "col-low"),
        t(l, "col-high"),
    ];
    header.extend(r.statements.iter().map(|s| format!("{s} (%)")));
    header.extend([
        t(l, "metric-csat"),
        t(l, "col-low"),
        t(l, "col-high"),
        t(l, "col-answers"),
    ]);
    let row = |name: String, f: &PulseFigures, site: bool| {
        let mut cells = vec![
            Cell::Text(name),
            Cell::Number(f.n as f64, NumberKind::Count),
        ];
        if f.withheld {
            cells.push(Cell::Text(t(l, "xlsx-withheld")));
            cells.extend(std::iter::repeat_n(Cell::Empty, 2 + r.statements.len()));
        } else {
            cells.extend(estimate_cells(f.enps, Unit::Score));
            cells.extend(
                f.agreement
                    .iter()
                    .map(|a| a.map_or(Cell::Empty, |e| Cell::Number(e.value, NumberKind::Figure))),
            );
        }
        if site {
            cells.extend(estimate_cells(f.csat, Unit::Percent));
            cells.push(Cell::Number(f.csat_n as f64, NumberKind::Count));
        }
        cells
    };
    let mut rows = vec![row(t(l, "pulse-organisation"), &r.total, false)];
    rows.extend(
        r.sites
            .iter()
            .map(|s| row(s.name.clone(), &s.figures, true)),
    );
    super::export::Table {
        key: "sheet-pulse",
        header,
        rows,
    }
}
