//! Analytics: what a user asked to see (period, place, service, employee, metric), what
//! the policy lets them see of it, and the figures, computed from the rollups through the
//! metrics defined in `rida_domain::metrics`. Pages, the JSON API and exports all come
//! through here, so hidden voting is decided in one place.

pub mod alert_figure;
pub mod areas;
pub mod comments;
pub mod dashboard;
pub mod export;
pub mod external;
pub mod names;
pub mod operations;
pub mod pulse;
pub mod raw;
pub mod reasons;
pub mod report;
pub mod themes;
pub mod today;
pub mod week;

use std::collections::HashSet;

use jiff::civil::Date;
use rida_domain::{
    Action,
    metrics::Metric,
    period::{Period, PeriodError, PeriodKind},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{Error, auth::CurrentUser, state::AppState};

/// The query string of a results page or API call, as sent.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Selection {
    #[serde(default)]
    pub period: Option<String>,
    /// A day inside the period (`yyyy-mm-dd`); today when absent.
    #[serde(default)]
    pub at: Option<String>,
    /// A custom period's first and last day.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub site: Option<String>,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub employee: Option<String>,
    #[serde(default)]
    pub metric: Option<String>,
    /// Comments: only those given with a low score (`1`), or all.
    #[serde(default)]
    pub low: Option<String>,
    /// Comments: only those Rida read as about this theme (a key of the organisation's
    /// themes), or with this sentiment (`negative`, `neutral`, `positive`).
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub sentiment: Option<String>,
}

/// A selection checked and resolved against what the user may see.
#[derive(Debug, Clone)]
pub struct Reach {
    pub period: Period,
    pub today: Date,
    pub metric: Metric,
    pub region: Option<Uuid>,
    pub site: Option<Uuid>,
    pub service: Option<Uuid>,
    pub employee: Option<Uuid>,
    /// The sites figures may count (`None`: every site of the organisation).
    pub sites: Option<Vec<Uuid>>,
    /// Whether per-employee figures and comments about employees may be shown.
    pub see_employees: bool,
    pub low_only: bool,
    /// Comments narrowed to a theme or a sentiment.
    pub theme: Option<String>,
    pub sentiment: Option<rida_domain::text::Sentiment>,
    /// The organisation's time zone, for what is timed rather than dated (alerts).
    pub time_zone: String,
    /// The reader's language: names typed for it are shown.
    pub lang: rida_domain::Locale,
}

fn bad(field: &str, detail: impl Into<String>) -> Error {
    Error::BadRequest {
        code: "invalid-parameter",
        detail: format!("{field}: {}", detail.into()),
    }
}

fn parse_date(field: &str, s: &str) -> Result<Date, Error> {
    rida_domain::period::parse_typed_date(s).ok_or_else(|| bad(field, "a date as yyyy-mm-dd"))
}

fn parse_uuid(field: &str, s: &Option<String>) -> Result<Option<Uuid>, Error> {
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| bad(field, "an id (UUID)")),
    }
}

/// Today in the organisation's time zone.
pub fn org_today(time_zone: &str) -> Date {
    let tz = jiff::tz::TimeZone::get(time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned(tz).date()
}

impl Selection {
    /// The period asked for (the last 30 days up to today by default).
    pub fn period(&self, today: Date) -> Result<Period, Error> {
        let kind = match self.period.as_deref().map(str::trim) {
            // Nothing chosen: the last 30 days; a day without a kind: its month.
            None | Some("") if self.at.as_deref().is_none_or(|a| a.trim().is_empty()) => {
                return Ok(Period::last_days(today, rida_domain::period::DEFAULT_DAYS));
            }
            None | Some("") => PeriodKind::Month,
            Some(k) => PeriodKind::parse(k).ok_or_else(|| {
                bad(
                    "period",
                    "one of day, week, month, quarter, custom".to_string(),
                )
            })?,
        };
        if kind == PeriodKind::Custom {
            let from = parse_date("from", self.from.as_deref().unwrap_or(""))?;
            let to = parse_date("to", self.to.as_deref().unwrap_or(""))?;
            return Period::custom(from, to).map_err(|e| match e {
                PeriodError::Reversed => bad("to", e.to_string()),
                PeriodError::TooLong(_) => bad("from", e.to_string()),
            });
        }
        let at = match self.at.as_deref().map(str::trim) {
            None | Some("") => today,
            Some(s) => parse_date("at", s)?,
        };
        Ok(Period::containing(kind, at))
    }

    /// Checks every part of the selection and decides, through the policy, what the
    /// user may see of it: an unknown id is 404, a place or person out of reach 403.
    pub async fn resolve(&self, state: &AppState, user: &CurrentUser) -> Result<Reach, Error> {
        user.require(Action::ViewResults { site: None })?;
        let org = user.org.id;
        let store = &state.store;
        let today = org_today(&user.org.time_zone);
        let period = self.period(today)?;
        let metric = match self.metric.as_deref().map(str::trim) {
            None | Some("") => Metric::Csat,
            Some(m) => Metric::parse(m).ok_or_else(|| {
                let known: Vec<&str> = Metric::ALL.iter().map(|m| m.as_str()).collect();
                bad("metric", format!("one of {}", known.join(", ")))
            })?,
        };
        let region = parse_uuid("region", &self.region)?;
        let site = parse_uuid("site", &self.site)?;
        let service = parse_uuid("service", &self.service)?;
        let employee = parse_uuid("employee", &self.employee)?;

        let mut sites: Option<HashSet<Uuid>> = user.site_filter().map(|s| s.into_iter().collect());
        if let Some(r) = region {
            store.region(org, r).await?;
            let in_region: HashSet<Uuid> = store.sites_in(&[r], &[]).await?.into_iter().collect();
            let reachable: HashSet<Uuid> = match &sites {
                Some(s) => s.intersection(&in_region).copied().collect(),
                None => in_region.clone(),
            };
            if reachable.is_empty() && !in_region.is_empty() {
                return Err(Error::Forbidden);
            }
            sites = Some(reachable);
        }
        if let Some(s) = site {
            let found = store.site(org, s).await?;
            user.require(Action::ViewResults { site: Some(s) })?;
            if region.is_some_and(|r| r != found.region_id) {
                return Err(bad("site", "not in the region chosen"));
            }
            sites = Some(HashSet::from([s]));
        }
        if let Some(s) = service {
            store.service(org, s).await?;
        }
        if let Some(e) = employee {
            let found = store.employee(org, e).await?;
            let allowed = if found.site_ids.is_empty() {
                user.may(Action::ViewEmployeeResults { site: None })
            } else {
                found
                    .site_ids
                    .iter()
                    .any(|s| user.may(Action::ViewEmployeeResults { site: Some(*s) }))
            };
            if !allowed {
                return Err(Error::Forbidden);
            }
        }
        let theme = match self.theme.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(t) => {
                let set = store.themes(org).await?;
                if !set.themes.iter().any(|x| x.enabled && x.key == t) {
                    return Err(bad("theme", "one of the organisation's themes"));
                }
                Some(t.to_string())
            }
        };
        let sentiment = match self.sentiment.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(
                rida_domain::text::Sentiment::parse(s)
                    .ok_or_else(|| bad("sentiment", "one of negative, neutral, positive"))?,
            ),
        };
        let mut sites: Option<Vec<Uuid>> = sites.map(|s| s.into_iter().collect());
        if let Some(s) = sites.as_mut() {
            s.sort();
        }
        Ok(Reach {
            period,
            today,
            metric,
            region,
            site,
            service,
            employee,
            sites,
            see_employees: user.may(Action::ViewEmployeeResults { site: None }),
            // Narrowed to a theme or a feeling, every comment of it is shown.
            low_only: self.low.as_deref() != Some("0") && theme.is_none() && sentiment.is_none(),
            theme,
            sentiment,
            time_zone: user.org.time_zone.clone(),
            lang: user.locale,
        })
    }
}
