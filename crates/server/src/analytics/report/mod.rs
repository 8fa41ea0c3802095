//! The report builder's engine: one or more metrics, grouped by up to two dimensions and
//! optionally by time, over a selection; computed from the rollups like the dashboard,
//! with the same thresholds and the same hidden voting.

use std::collections::{BTreeMap, HashMap};

use rida_domain::{
    Locale, Scale,
    metrics::{
        Estimate, ScoreCounts, Thresholds,
        operations::{VisitTotals, mean_of_values, share},
    },
    survey::{Area, ServqualSide},
};
use rida_store::{CubeQuery, Dim, Store};
use serde::Serialize;
use uuid::Uuid;

mod comments;
mod spec;

pub use comments::{COMMENT_CSAT_NOT_PER_FEELING, COMMENTS_NOT_PER, THEMES_COMMENTS_ONLY};
pub use spec::{ChartKind, GroupBy, ReportMetric, ReportParams, ReportSpec};

use super::{Reach, dashboard::Names};
use crate::{Error, i18n};

/// One row of a report: the group's labels and each metric's figure.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    pub labels: Vec<String>,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub n: u64,
    pub estimate: Option<Estimate>,
    /// Fewer answers about an employee than the anonymity minimum.
    pub withheld: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub spec: ReportSpec,
    pub from: String,
    pub to: String,
    /// The kind of period the figures cover (`custom` for the default 30 days).
    pub period_kind: String,
    pub rows: Vec<ReportRow>,
}

/// The checked parameters and the reach of the report a query string describes, as
/// `user` may see it.
pub async fn prepare(
    state: &crate::state::AppState,
    user: &crate::auth::CurrentUser,
    query: &str,
) -> Result<(ReportSpec, Reach), Error> {
    let sel: super::Selection = serde_html_form::from_str(query).unwrap_or_default();
    let params: ReportParams = serde_html_form::from_str(query).unwrap_or_default();
    let spec = params.spec()?;
    if spec.metrics.iter().any(|m| m.from_alerts())
        && !user.may(rida_domain::Action::ViewAlerts { site: None })
    {
        return Err(Error::Forbidden);
    }
    let reach = sel.resolve(state, user).await?;
    Ok((spec, reach))
}

/// Runs the report a query string describes (its parameters and selection), as `user`
/// may see it.
pub async fn run_query(
    state: &crate::state::AppState,
    user: &crate::auth::CurrentUser,
    query: &str,
) -> Result<Report, Error> {
    let (spec, reach) = prepare(state, user, query).await?;
    run(
        &state.store,
        user.org.id,
        user.org.thresholds(),
        &reach,
        &spec,
        user.locale,
    )
    .await
}

/// The code of the error for a language combined with a service or an employee.
pub const LANGUAGE_WITH_PEOPLE: &str = "language-with-people";

/// The code of the error for figures from visits asked per channel, question or language.
pub const VISITS_NOT_PER: &str = "visits-not-per";

/// The code of the error for answers or visits asked per alert handler.
pub const HANDLER_ALERTS_ONLY: &str = "handler-alerts-only";

impl Report {
    /// A report without rows, for a selection that cannot be answered.
    pub fn empty(spec: ReportSpec, reach: &Reach) -> Report {
        Report {
            spec,
            from: reach.period.from.to_string(),
            period_kind: reach.period.kind.as_str().to_string(),
            to: reach.period.to.to_string(),
            rows: vec![],
        }
    }
}

/// Runs a report over a reach. Grouping or filtering by employee needs the right to see
/// employees' results.
pub async fn run(
    store: &Store,
    org: Uuid,
    thresholds: Thresholds,
    reach: &Reach,
    spec: &ReportSpec,
    locale: Locale,
) -> Result<Report, Error> {
    if spec.group.contains(&GroupBy::Employee) && !reach.see_employees {
        return Err(Error::Forbidden);
    }
    let questions: HashMap<Uuid, String> = store
        .list_questions(org)
        .await?
        .into_iter()
        .map(|q| (q.id, q.label(locale)))
        .collect();
    // Each tagged question's area (SERVQUAL expectations are not satisfaction: left out).
    let areas: HashMap<Uuid, Area> = if spec.group.contains(&GroupBy::Area) {
        store
            .latest_questions(org)
            .await?
            .into_iter()
            .filter(|q| q.servqual != Some(ServqualSide::Expectation))
            .filter_map(|q| Some((q.id, q.area?)))
            .collect()
    } else {
        HashMap::new()
    };
    if spec.question.is_some_and(|q| !questions.contains_key(&q)) {
        return Err(Error::NotFound);
    }
    let names = Names::load(store, org, locale).await?;
    let mut filter = super::dashboard::filter(reach, None);
    filter.channels = spec.channel.map(|c| vec![c.as_str().to_string()]);
    filter.questions = spec.question.map(|q| vec![q]);
    filter.langs = spec.language.clone().map(|l| vec![l]);
    let visits = spec
        .metrics
        .iter()
        .any(|m| matches!(m, ReportMetric::Visit(_)));
    let alerts = spec.metrics.iter().any(|m| m.from_alerts());
    let answers = spec.metrics.iter().any(|m| m.from_answers());
    let with_comments = spec.metrics.iter().any(|m| m.from_comments());
    comments::check(spec, reach)?;
    let not_per_visit = spec
        .group
        .iter()
        .find(|g| {
            matches!(
                g,
                GroupBy::Channel | GroupBy::Question | GroupBy::Area | GroupBy::Language
            )
        })
        .map(|g| g.as_str())
        .or(spec.channel.map(|_| "channel"))
        .or(spec.question.map(|_| "question"))
        .or(spec.language.as_ref().map(|_| "language"));
    if let Some(what) = not_per_visit.filter(|_| visits || alerts) {
        return Err(Error::BadRequest {
            code: VISITS_NOT_PER,
            detail: format!(
                "metrics: the figures from visits (response rate, waiting time, time with the \
                 customer) and alerts (time to close) are kept per site, service and \
                 employee, not per {what}"
            ),
        });
    }
    let by_handler = spec.group.contains(&GroupBy::Handler);
    if by_handler && (answers || visits) {
        return Err(Error::BadRequest {
            code: HANDLER_ALERTS_ONLY,
            detail: "group: who handled an alert groups the alert figures only (time to \
                     acknowledge, time to close)"
                .into(),
        });
    }
    let handlers: HashMap<Uuid, String> = if by_handler {
        store
            .list_users(org, &rida_store::ListQuery::all())
            .await?
            .items
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect()
    } else {
        HashMap::new()
    };
    let scales: Vec<Option<Scale>> = spec
        .metrics
        .iter()
        .filter_map(|m| match m {
            ReportMetric::Score(m) => Some(Some(m.scale())),
            ReportMetric::Good => Some(None),
            _ => None,
        })
        .collect();
    if let Some(Some(first)) = scales.first()
        && scales.iter().all(|s| *s == Some(*first))
    {
        filter.scale = Some(*first);
    }
    let mut group: Vec<Dim> = spec.group.iter().filter_map(|g| g.dim()).collect();
    group.dedup();
    let (from_day, to_day) = reach.period.day_keys();
    let query = CubeQuery {
        from_day,
        to_day,
        filter,
        group,
    };
    if !query.answerable() {
        return Err(Error::BadRequest {
            code: LANGUAGE_WITH_PEOPLE,
            detail: "language: the answers' language is kept per site, question and channel; \
                     it cannot be combined with a service or an employee"
                .into(),
        });
    }
    let rows = if !answers {
        vec![]
    } else {
        store.cube(org, &query).await?
    };
    let by_theme = spec.group.contains(&GroupBy::Theme);
    let by_feeling = spec.group.contains(&GroupBy::Sentiment);
    let theme_rows = if with_comments {
        store
            .theme_cube(org, &query, reach.theme.as_deref(), by_theme)
            .await?
    } else {
        vec![]
    };
    let themes = if by_theme {
        Some(store.themes(org).await?)
    } else {
        None
    };
    let visit_rows = if visits {
        store.visit_cube(org, &query).await?
    } else {
        vec![]
    };

    // Labels of each group (ordered like the spec), and the counts per scale.
    let label = |g: GroupBy,
                 k: &rida_store::GroupKey,
                 feeling: Option<rida_domain::text::Sentiment>|
     -> (String, String) {
        let of = |m: &HashMap<Uuid, String>, id: Option<Uuid>| {
            let id = id.unwrap_or_default();
            if id.is_nil() {
                (String::new(), "—".to_string())
            } else {
                (
                    id.to_string(),
                    m.get(&id).cloned().unwrap_or_else(|| "—".into()),
                )
            }
        };
        match g {
            GroupBy::Region => {
                let (id, name) = k
                    .site
                    .and_then(|s| names.regions.get(&s))
                    .cloned()
                    .unwrap_or((Uuid::nil(), "—".into()));
                (id.to_string(), name)
            }
            GroupBy::Site => of(&names.sites, k.site),
            GroupBy::Service => of(&names.services, k.service),
            GroupBy::Employee => of(&names.employees, k.employee),
            GroupBy::Handler => of(&handlers, k.handler),
            GroupBy::Question => of(&questions, k.question),
            GroupBy::Channel => {
                let c = k.channel.clone().unwrap_or_default();
                let name = i18n::t(locale, &format!("channel-{c}"));
                (c, name)
            }
            GroupBy::Area => match k.question.and_then(|q| areas.get(&q)) {
                Some(a) => (
                    a.as_str().to_string(),
                    i18n::t(locale, &format!("area-{}", a.as_str())),
                ),
                None => (String::new(), String::new()),
            },
            GroupBy::Theme => {
                let key = k.theme.clone().unwrap_or_default();
                let name = themes
                    .as_ref()
                    .map(|set| super::themes::theme_name(set, &key, locale))
                    .unwrap_or_default();
                (key, name)
            }
            GroupBy::Sentiment => match feeling {
                Some(s) => (
                    s.as_str().to_string(),
                    i18n::t(locale, &format!("sentiment-{}", s.as_str())),
                ),
                None => (String::new(), "—".into()),
            },
            GroupBy::Language => match k.lang.clone().unwrap_or_default() {
                l if l.is_empty() => (l, "—".into()),
                l => (l.clone(), rida_domain::locale::language_name(&l)),
            },
            GroupBy::Day => {
                let p = k.period.unwrap_or(0);
                let s = format!("{:04}-{:02}-{:02}", p / 10_000, p / 100 % 100, p % 100);
                (s.clone(), s)
            }
            GroupBy::Month => {
                let p = k.period.unwrap_or(0);
                let s = format!("{:04}-{:02}", p / 100, p % 100);
                (s.clone(), s)
            }
        }
    };
    // Time last, so rows read as "each place, month by month".
    let mut order: Vec<GroupBy> = spec
        .group
        .iter()
        .copied()
        .filter(|g| !g.is_time())
        .collect();
    order.extend(spec.group.iter().copied().filter(|g| g.is_time()));
    type Cell = (
        HashMap<Scale, ScoreCounts>,
        VisitTotals,
        Vec<f64>,
        Vec<f64>,
        rida_store::ThemeFigure,
    );
    let mut grouped: BTreeMap<Vec<(String, String)>, Cell> = BTreeMap::new();
    let key_of = |k: &rida_store::GroupKey| -> Vec<(String, String)> {
        order.iter().map(|g| label(*g, k, None)).collect()
    };
    // The place and time of a group's key (its labels but theme and feeling): the
    // comments a theme's share is of.
    let place_of = |key: &[(String, String)]| -> Vec<(String, String)> {
        order
            .iter()
            .zip(key)
            .filter(|(g, _)| !g.of_comments())
            .map(|(_, l)| l.clone())
            .collect()
    };
    let mut all_comments: HashMap<Vec<(String, String)>, i64> = HashMap::new();
    // Each row of comments falls under every feeling when grouped by them.
    let feelings: Vec<Option<rida_domain::text::Sentiment>> = if by_feeling {
        rida_domain::text::Sentiment::ALL.map(Some).to_vec()
    } else {
        vec![reach.sentiment]
    };
    for r in &theme_rows {
        let every = r.key.theme.as_deref() == Some("");
        if every {
            *all_comments.entry(place_of(&key_of(&r.key))).or_default() += r.figure.n;
        }
        // Each theme's rows when grouped by or narrowed to themes, else every comment.
        let counted = every != (by_theme || reach.theme.is_some());
        let enabled = themes.as_ref().is_none_or(|set| {
            set.themes
                .iter()
                .any(|t| t.enabled && Some(&t.key) == r.key.theme.as_ref())
        });
        if !counted || !enabled {
            continue;
        }
        for &s in &feelings {
            let key = order.iter().map(|g| label(*g, &r.key, s)).collect();
            grouped
                .entry(key)
                .or_default()
                .4
                .add(&comments::of_feeling(&r.figure, s));
        }
    }
    for r in &rows {
        if spec.group.contains(&GroupBy::Area)
            && !r.key.question.is_some_and(|q| areas.contains_key(&q))
        {
            continue;
        }
        grouped
            .entry(key_of(&r.key))
            .or_default()
            .0
            .entry(r.counts.scale)
            .or_insert_with(|| ScoreCounts::new(r.counts.scale))
            .merge(&r.counts);
    }
    for r in &visit_rows {
        grouped.entry(key_of(&r.key)).or_default().1.add(&r.totals);
    }
    if alerts {
        for (key, hours) in
            alert_hours(store, org, reach, &query.group, by_handler, Took::Close).await?
        {
            grouped.entry(key_of(&key)).or_default().2.push(hours);
        }
        for (key, hours) in
            alert_hours(store, org, reach, &query.group, by_handler, Took::Ack).await?
        {
            grouped.entry(key_of(&key)).or_default().3.push(hours);
        }
    }
    let about_employees = spec.group.contains(&GroupBy::Employee) || reach.employee.is_some();
    let mut out: Vec<ReportRow> = grouped
        .into_iter()
        .map(|(key, (counts, totals, hours, ack, said))| ReportRow {
            figures: spec
                .metrics
                .iter()
                .map(|m| {
                    let (n, estimate) = match m {
                        ReportMetric::Score(m) => {
                            let c = counts.get(&m.scale());
                            (c.map(|c| c.n()).unwrap_or(0), c.and_then(|c| m.estimate(c)))
                        }
                        ReportMetric::Good => {
                            let (good, n) = counts.values().fold((0, 0), |(g, n), c| {
                                let good =
                                    c.scale.good_range().map_or(0, |(lo, hi)| c.between(lo, hi));
                                (g + good, n + c.n())
                            });
                            (n, share(good as i64, n as i64))
                        }
                        ReportMetric::Visit(m) => (m.n(&totals), m.estimate(&totals)),
                        ReportMetric::CloseHours => (hours.len() as u64, mean_of_values(&hours)),
                        ReportMetric::AckHours => (ack.len() as u64, mean_of_values(&ack)),
                        m => {
                            let all = all_comments.get(&place_of(&key)).copied().unwrap_or(0);
                            comments::figure(*m, &said, all)
                        }
                    };
                    let withheld = about_employees && n < thresholds.min_shown;
                    Figure {
                        n,
                        estimate: estimate.filter(|_| !withheld),
                        withheld,
                    }
                })
                .collect(),
            labels: key.into_iter().map(|(_, name)| name).collect(),
        })
        .filter(|r| r.figures.iter().any(|f| f.n > 0))
        .collect();
    out.sort_by(|a, b| a.labels.cmp(&b.labels));
    Ok(Report {
        spec: spec.clone(),
        from: reach.period.from.to_string(),
        period_kind: reach.period.kind.as_str().to_string(),
        to: reach.period.to.to_string(),
        rows: out,
    })
}

/// What an alert's time is taken to.
#[derive(Clone, Copy)]
enum Took {
    Close,
    Ack,
}

/// The hours to close (or to acknowledge) of each alert closed (acknowledged) in the
/// reach's period and places, with the group it falls in (`group`: site, service,
/// employee, day or month of the closing, in the organisation's time zone).
async fn alert_hours(
    store: &Store,
    org: Uuid,
    reach: &Reach,
    group: &[Dim],
    by_handler: bool,
    took: Took,
) -> Result<Vec<(rida_store::GroupKey, f64)>, Error> {
    let tz = jiff::tz::TimeZone::get(&reach.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let ms = |d: jiff::civil::Date| {
        d.to_zoned(tz.clone())
            .map(|z| z.timestamp().as_millisecond())
            .unwrap_or(0)
    };
    let to = reach.period.to.tomorrow().map(ms).unwrap_or(i64::MAX);
    let closed = match took {
        Took::Close => store.closed_alerts(org, ms(reach.period.from), to).await?,
        Took::Ack => {
            store
                .acknowledged_alerts(org, ms(reach.period.from), to)
                .await?
        }
    };
    let has = |d: Dim| group.contains(&d);
    Ok(closed
        .into_iter()
        .filter(|a| match &reach.sites {
            Some(sites) => a.site_id.is_some_and(|s| sites.contains(&s)),
            None => true,
        })
        .filter(|a| reach.service.is_none_or(|s| a.service_id == Some(s)))
        .filter(|a| reach.employee.is_none_or(|e| a.employee_id == Some(e)))
        .map(|a| {
            let day = jiff::Timestamp::from_millisecond(a.closed_at)
                .map(|t| rida_domain::period::day_key(t.to_zoned(tz.clone()).date()))
                .unwrap_or(0);
            let key = rida_store::GroupKey {
                site: has(Dim::Site).then(|| a.site_id.unwrap_or_default()),
                service: has(Dim::Service).then(|| a.service_id.unwrap_or_default()),
                employee: has(Dim::Employee).then(|| a.employee_id.unwrap_or_default()),
                handler: by_handler.then(|| a.handler.unwrap_or_default()),
                period: if has(Dim::Day) {
                    Some(day)
                } else if has(Dim::Month) {
                    Some(day / 100)
                } else {
                    None
                },
                ..Default::default()
            };
            (key, (a.closed_at - a.raised_at).max(0) as f64 / 3_600_000.0)
        })
        .collect())
}
