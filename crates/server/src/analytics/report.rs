//! The report builder's engine: one or more metrics, grouped by up to two dimensions and
//! optionally by time, over a selection; computed from the rollups like the dashboard,
//! with the same thresholds and the same hidden voting.

use std::collections::{BTreeMap, HashMap};

use rida_domain::{
    Channel, Scale,
    metrics::{Estimate, Metric, ScoreCounts, Thresholds},
};
use rida_store::{CubeQuery, Dim, Store};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Reach, dashboard::Names};
use crate::Error;

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
    Language,
    Day,
    Month,
}

impl GroupBy {
    pub const ALL: [GroupBy; 9] = [
        GroupBy::Region,
        GroupBy::Site,
        GroupBy::Service,
        GroupBy::Employee,
        GroupBy::Channel,
        GroupBy::Question,
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
            GroupBy::Question => Dim::Question,
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
    pub metrics: Vec<Metric>,
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
            let metric = Metric::parse(m).ok_or_else(|| {
                let known: Vec<&str> = Metric::ALL.iter().map(|m| m.as_str()).collect();
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
            metrics.push(Metric::Csat);
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
    )
    .await
}

/// The code of the error for a language combined with a service or an employee.
pub const LANGUAGE_WITH_PEOPLE: &str = "language-with-people";

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
) -> Result<Report, Error> {
    if spec.group.contains(&GroupBy::Employee) && !reach.see_employees {
        return Err(Error::Forbidden);
    }
    let questions: HashMap<Uuid, String> = store
        .list_questions(org)
        .await?
        .into_iter()
        .map(|q| (q.id, q.code))
        .collect();
    if spec.question.is_some_and(|q| !questions.contains_key(&q)) {
        return Err(Error::NotFound);
    }
    let names = Names::load(store, org).await?;
    let mut filter = super::dashboard::filter(reach, None);
    filter.channels = spec.channel.map(|c| vec![c.as_str().to_string()]);
    filter.questions = spec.question.map(|q| vec![q]);
    filter.langs = spec.language.clone().map(|l| vec![l]);
    if spec
        .metrics
        .iter()
        .all(|m| m.scale() == spec.metrics[0].scale())
    {
        filter.scale = Some(spec.metrics[0].scale());
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
    let rows = store.cube(org, &query).await?;

    // Labels of each group (ordered like the spec), and the counts per scale.
    let label = |g: GroupBy, r: &rida_store::CubeRow| -> (String, String) {
        let k = &r.key;
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
                (c.clone(), c)
            }
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
    let mut grouped: BTreeMap<Vec<(String, String)>, HashMap<Scale, ScoreCounts>> = BTreeMap::new();
    for r in &rows {
        let key: Vec<(String, String)> = order.iter().map(|g| label(*g, r)).collect();
        grouped
            .entry(key)
            .or_default()
            .entry(r.counts.scale)
            .or_insert_with(|| ScoreCounts::new(r.counts.scale))
            .merge(&r.counts);
    }
    let about_employees = spec.group.contains(&GroupBy::Employee) || reach.employee.is_some();
    let mut out: Vec<ReportRow> = grouped
        .into_iter()
        .map(|(key, counts)| ReportRow {
            labels: key.into_iter().map(|(_, name)| name).collect(),
            figures: spec
                .metrics
                .iter()
                .map(|m| {
                    let c = counts.get(&m.scale());
                    let n = c.map(|c| c.n()).unwrap_or(0);
                    let withheld = about_employees && n < thresholds.min_shown;
                    Figure {
                        n,
                        estimate: if withheld {
                            None
                        } else {
                            c.and_then(|c| m.estimate(c))
                        },
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
