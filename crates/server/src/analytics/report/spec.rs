//! What a report asks for: its metrics, groupings, filters and chart, as sent and as
//! checked (unknown names refused with the list of known ones).

use rida_domain::{
    Channel,
    metrics::{Metric, Unit, operations::VisitMetric},
};
use rida_store::Dim;
use serde::{Deserialize, Serialize, Serializer};
use uuid::Uuid;

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
    /// The area of the service a question is tagged with (its answers only).
    Area,
    Language,
    /// Who took an alert in hand or closed it: for the alert figures only.
    Handler,
    /// What comments are about, as Rida read them: for the comment figures only.
    Theme,
    /// How comments felt (negative, neutral, positive): for the comment figures only.
    Sentiment,
    Day,
    Month,
}

impl GroupBy {
    pub const ALL: [GroupBy; 13] = [
        GroupBy::Region,
        GroupBy::Site,
        GroupBy::Service,
        GroupBy::Employee,
        GroupBy::Channel,
        GroupBy::Question,
        GroupBy::Area,
        GroupBy::Language,
        GroupBy::Handler,
        GroupBy::Theme,
        GroupBy::Sentiment,
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
            GroupBy::Handler => "handler",
            GroupBy::Theme => "theme",
            GroupBy::Sentiment => "sentiment",
            GroupBy::Day => "day",
            GroupBy::Month => "month",
        }
    }

    pub(super) fn is_time(self) -> bool {
        matches!(self, GroupBy::Day | GroupBy::Month)
    }

    /// Whether it groups comments only (by what Rida read in them).
    pub(super) fn of_comments(self) -> bool {
        matches!(self, GroupBy::Theme | GroupBy::Sentiment)
    }

    /// The rollups' dimension it groups by (`None`: not one of the answers').
    pub(super) fn dim(self) -> Option<Dim> {
        Some(match self {
            GroupBy::Region | GroupBy::Site => Dim::Site,
            GroupBy::Service => Dim::Service,
            GroupBy::Employee => Dim::Employee,
            GroupBy::Channel => Dim::Channel,
            GroupBy::Question | GroupBy::Area => Dim::Question,
            GroupBy::Language => Dim::Lang,
            GroupBy::Day => Dim::Day,
            GroupBy::Month => Dim::Month,
            GroupBy::Handler | GroupBy::Theme | GroupBy::Sentiment => return None,
        })
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
    /// Mean hours from an alert being raised to someone taking it in hand (a note, an
    /// assignment, "I have it", or its closing), of the alerts acknowledged in the period.
    AckHours,
    /// The share of the place's comments in the group (of a theme, of a feeling).
    CommentShare,
    /// The share of the group's comments Rida read as negative.
    NegativeComments,
    /// The CSAT of the visits whose customers wrote the group's comments.
    CommentCsat,
}

impl ReportMetric {
    /// The figures of comments.
    pub const COMMENTS: [ReportMetric; 3] = [
        ReportMetric::CommentShare,
        ReportMetric::NegativeComments,
        ReportMetric::CommentCsat,
    ];

    /// Every metric, those from answers first.
    pub fn all() -> Vec<ReportMetric> {
        Metric::ALL
            .into_iter()
            .map(ReportMetric::Score)
            .chain([ReportMetric::Good])
            .chain(VisitMetric::ALL.into_iter().map(ReportMetric::Visit))
            .chain([ReportMetric::AckHours, ReportMetric::CloseHours])
            .chain(ReportMetric::COMMENTS)
            .collect()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReportMetric::Score(m) => m.as_str(),
            ReportMetric::Good => "good",
            ReportMetric::Visit(m) => m.as_str(),
            ReportMetric::CloseHours => "close_hours",
            ReportMetric::AckHours => "ack_hours",
            ReportMetric::CommentShare => "comment_share",
            ReportMetric::NegativeComments => "negative_comments",
            ReportMetric::CommentCsat => "comment_csat",
        }
    }

    pub fn parse(s: &str) -> Option<ReportMetric> {
        ReportMetric::all().into_iter().find(|m| m.as_str() == s)
    }

    /// The message key naming what its sample size counts.
    pub fn n_key(self) -> &'static str {
        match self {
            ReportMetric::Score(_) | ReportMetric::Good => "col-answers",
            ReportMetric::Visit(_) => "col-visits",
            ReportMetric::CloseHours => "col-closed-alerts",
            ReportMetric::AckHours => "col-acknowledged-alerts",
            ReportMetric::CommentShare | ReportMetric::NegativeComments => "themes-col-comments",
            ReportMetric::CommentCsat => "col-commented-visits",
        }
    }

    /// Whether it is counted from answers (the others come from visits or alerts, kept per
    /// site, service and employee only).
    pub fn from_answers(self) -> bool {
        matches!(self, ReportMetric::Score(_) | ReportMetric::Good)
    }

    /// Whether it is counted from comments (the theme rollups, kept per site, service,
    /// employee and theme).
    pub fn from_comments(self) -> bool {
        ReportMetric::COMMENTS.contains(&self)
    }

    /// Whether it is counted from alerts (only for who may read them).
    pub fn from_alerts(self) -> bool {
        matches!(self, ReportMetric::CloseHours | ReportMetric::AckHours)
    }

    /// How its values read (means of minutes read like means).
    pub fn unit(self) -> Unit {
        match self {
            ReportMetric::Score(m) => m.unit(),
            ReportMetric::Visit(m) if m.is_mean() => Unit::Mean,
            ReportMetric::CloseHours | ReportMetric::AckHours => Unit::Mean,
            ReportMetric::Good
            | ReportMetric::Visit(_)
            | ReportMetric::CommentShare
            | ReportMetric::NegativeComments
            | ReportMetric::CommentCsat => Unit::Percent,
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
