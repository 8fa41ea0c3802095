//! The report builder's engine: one or more metrics, grouped by up to two dimensions and
//! optionally by time, over a selection; computed from the rollups like the dashboard,
//! with the same thresholds and the same hidden voting.

use std::collections::{BTreeMap, HashMap};

use rida_domain::{
    Channel, Locale, Scale,
    metrics::{
        Estimate, Metric, ScoreCounts, Thresholds, Unit,
        operations::{VisitMetric, VisitTotals, mean_of_values, share},
    },
    survey::{Area, ServqualSide},
};
use rida_store::{CubeQuery, Dim, Store};
use serde::{Deserialize, Serialize, Serializer};
use uuid::Uuid;

use super::{Reach, dashboard::Names};
use crate::{Error, i18n};

/// What can group a report: the rollup's dimensions, plus region (from the sites).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Region,
    Site,
    Service,
    Employee,
    Channel,
    Question,
    /// The area of the service a question is tagged with (its answers only).
    Area,
    Language,
    Day,
    Month,
}

impl GroupBy {
    pub const ALL: [GroupBy; 10] = [
        GroupBy::Region,
        GroupBy::Site,
        GroupBy::Service,
        GroupBy::Employee,
        GroupBy::Channel,
        GroupBy::Question,
        GroupBy::Area,
        GroupBy::Language,
        GroupBy::Day,
        GroupBy::Month,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Region => "region",
            GroupBy::Site => "site",
            GroupBy::Service => "service",
            GroupBy::Employee => "employee",
            GroupBy::Channel => "channel",
            GroupBy::Question => "question",
            GroupBy::Area => "area",
            GroupBy::Language => "language",
            GroupBy::Day => "day",
            GroupBy::Month => "month",
        }
    }

    fn is_time(self) -> bool {
        matches!(self, GroupBy::Day | GroupBy::Month)
    }

    fn dim(self) -> Dim {
        match self {
            GroupBy::Region | GroupBy::Site => Dim::Site,
            GroupBy::Service => Dim::Service,
            GroupBy::Employee => Dim::Employee,
            GroupBy::Channel => Dim::Channel,
            GroupBy::Question | GroupBy::Area => Dim::Question,
            GroupBy::Language => Dim::Lang,
            GroupBy::Day => Dim::Day,
            GroupBy::Month => Dim::Month,
        }
    }
}

/// How the report is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    Bar,
    Line,
    Table,
}

/// A figure a report can show: from the answers (CSAT, NPS, CES…) or from the visits
/// (response rate, waiting time, time with the customer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportMetric {
    Score(Metric),
    /// The share of good answers on any scale (4–5 of 5, 9–10 of 10, 5–7 of 7, "yes"):
    /// how questions of different scales meet, e.g. per area.
    Good,
    Visit(VisitMetric),
    /// Mean hours from an alert being raised to its closing, of the alerts closed in the
    /// period: the closed loop's speed.
    CloseHours,
}

impl ReportMetric {
    /// Every metric, those from answers first.
    pub fn all() -> Vec<ReportMetric> {
        Metric::ALL
            .into_iter()
            .map(ReportMetric::Score)
            .chain([ReportMetric::Good])
            .chain(VisitMetric::ALL.into_iter().map(ReportMetric::Visit))
            .chain([ReportMetric::CloseHours])
            .collect()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReportMetric::Score(m) => m.as_str(),
            ReportMetric::Good => "good",
            ReportMetric::Visit(m) => m.as_str(),
            ReportMetric::CloseHours => "close_hours",
        }
    }

    pub fn parse(s: &str) -> Option<ReportMetric> {
        ReportMetric::all().into_iter().find(|m| m.as_str() == s)
    }

    /// Whether it is counted from answers (the others come from visits or alerts, kept per
    /// site, service and employee only).
    pub fn from_answers(self) -> bool {
        matches!(self, ReportMetric::Score(_) | ReportMetric::Good)
    }

    /// How its values read (means of minutes read like means).
    pub fn unit(self) -> Unit {
        match self {
            ReportMetric::Score(m) => m.unit(),
            ReportMetric::Visit(m) if m.is_mean() => Unit::Mean,
            ReportMetric::CloseHours => Unit::Mean,
            ReportMetric::Good | ReportMetric::Visit(_) => Unit::Percent,
        }
    }
}

impl Serialize for ReportMetric {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A report's own parameters (the selection of period and place is apart), as sent.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ReportParams {
    /// Metrics, comma-separated or repeated, e.g. `csat,nps`.
    #[serde(default)]
    pub metrics: Vec<String>,
    /// Up to two dimensions and one of day/month, comma-separated or repeated.
    #[serde(default)]
    pub group: Vec<String>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    /// The language the customers answered in (`ar`, `en`, `lv`…).
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub chart: Option<String>,
}

/// Checked report parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportSpec {
    pub metrics: Vec<ReportMetric>,
    pub group: Vec<GroupBy>,
    pub channel: Option<Channel>,
    pub question: Option<Uuid>,
    pub language: Option<String>,
    pub chart: ChartKind,
}

fn bad(field: &str, detail: String) -> Error {
    Error::BadRequest {
        code: "invalid-parameter",
        detail: format!("{field}: {detail}"),
    }
}

fn list(s: &[String]) -> Vec<&str> {
    s.iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

impl ReportParams {
    /// Checks the parameters: unknown names are refused with the list of known ones.
    pub fn spec(&self) -> Result<ReportSpec, Error> {
        let mut metrics = Vec::new();
        for m in list(&self.metrics) {
            let metric = ReportMetric::parse(m).ok_or_else(|| {
                let known: Vec<&str> = ReportMetric::all().iter().map(|m| m.as_str()).collect();
                bad(
                    "metrics",
                    format!("unknown '{m}'; one of {}", known.join(", ")),
                )
            })?;
            if !metrics.contains(&metric) {
                metrics.push(metric);
            }
        }
        if metrics.is_empty() {
            metrics.push(ReportMetric::Score(Metric::Csat));
        }
        let mut group = Vec::new();
        for g in list(&self.group) {
            let by = GroupBy::ALL
                .into_iter()
                .find(|x| x.as_str() == g)
                .ok_or_else(|| {
                    let known: Vec<&str> = GroupBy::ALL.iter().map(|g| g.as_str()).collect();
                    bad(
                        "group",
                        format!("unknown '{g}'; one of {}", known.join(", ")),
                    )
                })?;
            if !group.contains(&by) {
                group.push(by);
            }
        }
        let (time, dims): (Vec<GroupBy>, Vec<GroupBy>) = group.iter().partition(|g| g.is_time());
        if dims.len() > 2 || time.len() > 1 {
            return Err(bad(
                "group",
                "at most two dimensions and one of day or month".into(),
            ));
        }
        let channel = match self.channel.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) => {
                Some(Channel::parse(c).ok_or_else(|| bad("channel", format!("unknown '{c}'")))?)
            }
        };
        let question = match self.question.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(q) => Some(
                q.parse()
                    .map_err(|_| bad("question", "an id (UUID)".into()))?,
            ),
        };
        let language = match self.language.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(l) => Some(rida_domain::locale::answer_language(l).ok_or_else(|| {
                bad(
                    "language",
                    format!("'{l}' is not a language tag such as ar, en or lv"),
                )
            })?),
        };
        let chart = match self.chart.as_deref().map(str::trim) {
            None | Some("") | Some("bar") => ChartKind::Bar,
            Some("line") => ChartKind::Line,
            Some("table") => ChartKind::Table,
            Some(c) => {
                return Err(bad(
                    "chart",
                    format!("unknown '{c}'; one of bar, line, table"),
                ));
            }
        };
        Ok(ReportSpec {
            metrics,
            group,
            channel,
            question,
            language,
            chart,
        })
    }
}

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
    if spec.metrics.contains(&ReportMetric::CloseHours)
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

impl Report {
    /// A report without rows, for a selection that cannot be answered.
    pub fn empty(spec: ReportSpec, reach: &Reach) -> Report {
        Report {
            spec,
            from: reach.period.from.to_string(),
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
    let names = Names::load(store, org).await?;
    let mut filter = super::dashboard::filter(reach, None);
    filter.channels = spec.channel.map(|c| vec![c.as_str().to_string()]);
    filter.questions = spec.question.map(|q| vec![q]);
    filter.langs = spec.language.clone().map(|l| vec![l]);
    let visits = spec
        .metrics
        .iter()
        .any(|m| matches!(m, ReportMetric::Visit(_)));
    let alerts = spec.metrics.contains(&ReportMetric::CloseHours);
    let answers = spec.metrics.iter().any(|m| m.from_answers());
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
    let scales: Vec<Option<Scale>> = spec
        .metrics
        .iter()
        .filter_map(|m| match m {
            ReportMetric::Score(m) => Some(Some(m.scale())),
            ReportMetric::Good => Some(None),
            ReportMetric::Visit(_) | ReportMetric::CloseHours => None,
        })
        .collect();
    if let Some(Some(first)) = scales.first()
        && scales.iter().all(|s| *s == Some(*first))
    {
        filter.scale = Some(*first);
    }
    let mut group: Vec<Dim> = spec.group.iter().map(|g| g.dim()).collect();
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
    let visit_rows = if visits {
        store.visit_cube(org, &query).await?
    } else {
        vec![]
    };

    // Labels of each group (ordered like the spec), and the counts per scale.
    let label = |g: GroupBy, k: &rida_store::GroupKey| -> (String, String) {
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
    type Cell = (HashMap<Scale, ScoreCounts>, VisitTotals, Vec<f64>);
    let mut grouped: BTreeMap<Vec<(String, String)>, Cell> = BTreeMap::new();
    let key_of = |k: &rida_store::GroupKey| -> Vec<(String, String)> {
        order.iter().map(|g| label(*g, k)).collect()
    };
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
        for (key, hours) in close_hours(store, org, reach, &query.group).await? {
            grouped.entry(key_of(&key)).or_default().2.push(hours);
        }
    }
    let about_employees = spec.group.contains(&GroupBy::Employee) || reach.employee.is_some();
    let mut out: Vec<ReportRow> = grouped
        .into_iter()
        .map(|(key, (counts, totals, hours))| ReportRow {
            labels: key.into_iter().map(|(_, name)| name).collect(),
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
                    };
                    let withheld = about_employees && n < thresholds.min_shown;
                    Figure {
                        n,
                        estimate: estimate.filter(|_| !withheld),
                        withheld,
                    }
                })
                .collect(),
        })
        .filter(|r| r.figures.iter().any(|f| f.n > 0))
        .collect();
    out.sort_by(|a, b| a.labels.cmp(&b.labels));
    Ok(Report {
        spec: spec.clone(),
        from: reach.period.from.to_string(),
        to: reach.period.to.to_string(),
        rows: out,
    })
}

/// The hours to close of each alert closed in the reach's period and places, with the
/// group it falls in (`group`: site, service, employee, day or month of the closing, in
/// the organisation's time zone).
async fn close_hours(
    store: &Store,
    org: Uuid,
    reach: &Reach,
    group: &[Dim],
) -> Result<Vec<(rida_store::GroupKey, f64)>, Error> {
    let tz = jiff::tz::TimeZone::get(&reach.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let ms = |d: jiff::civil::Date| {
        d.to_zoned(tz.clone())
            .map(|z| z.timestamp().as_millisecond())
            .unwrap_or(0)
    };
    let to = reach.period.to.tomorrow().map(ms).unwrap_or(i64::MAX);
    let closed = store.closed_alerts(org, ms(reach.period.from), to).await?;
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
