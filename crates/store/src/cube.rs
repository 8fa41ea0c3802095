//! Reading the rollups: the counts of each score for any period, filter and grouping,
//! from the smallest grain that holds them. A period is cut into the whole months inside
//! it (read from a month grain) and the days at either end (read from a day grain); site
//! level questions use the site grains, questions about services or employees the full
//! ones. No page scans raw answers.

use std::collections::BTreeMap;

use rida_domain::{Scale, metrics::ScoreCounts};
use uuid::Uuid;

use crate::rollups::{Grain, SCORE_COLUMNS};
use crate::{Result, Store, with_db};

/// A dimension figures can be grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Site,
    Service,
    Employee,
    Question,
    Channel,
    /// The language the customer answered in.
    Lang,
    Day,
    Month,
}

/// Which answers count. `None` means "all"; an empty list means "none".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub scale: Option<Scale>,
    pub sites: Option<Vec<Uuid>>,
    pub services: Option<Vec<Uuid>>,
    pub employees: Option<Vec<Uuid>>,
    pub questions: Option<Vec<Uuid>>,
    pub channels: Option<Vec<String>>,
    /// Languages (`''`: not known).
    pub langs: Option<Vec<String>>,
}

impl Filter {
    fn is_empty_set(&self) -> bool {
        [
            &self.sites,
            &self.services,
            &self.employees,
            &self.questions,
        ]
        .iter()
        .any(|l| l.as_ref().is_some_and(|l| l.is_empty()))
            || self.channels.as_ref().is_some_and(|l| l.is_empty())
            || self.langs.as_ref().is_some_and(|l| l.is_empty())
    }

    fn about_people(&self) -> bool {
        self.services.is_some() || self.employees.is_some()
    }
}

/// A question for the rollups: the days `from_day..=to_day` (`yyyymmdd`), a filter and up
/// to any number of dimensions to group by. Figures are always kept apart per scale.
#[derive(Debug, Clone, PartialEq)]
pub struct CubeQuery {
    pub from_day: i32,
    pub to_day: i32,
    pub filter: Filter,
    pub group: Vec<Dim>,
}

/// The value of each grouped dimension of a row (`None` when not grouped by it). A
/// service or employee of `Some(nil)` means "answers without one".
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKey {
    pub site: Option<Uuid>,
    pub service: Option<Uuid>,
    pub employee: Option<Uuid>,
    pub question: Option<Uuid>,
    pub channel: Option<String>,
    /// `''` for answers in an unknown language.
    pub lang: Option<String>,
    /// `yyyymmdd` when grouped by day, `yyyymm` when grouped by month.
    pub period: Option<i32>,
}

/// One group's counts of one scale, and the answers left out as bursts.
#[derive(Debug, Clone, PartialEq)]
pub struct CubeRow {
    pub key: GroupKey,
    pub counts: ScoreCounts,
    pub bursts: u64,
}

/// A part of a period and the grain that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    pub month: bool,
    pub lo: i32,
    pub hi: i32,
}

fn next_month(m: i32) -> i32 {
    if m % 100 == 12 { m + 89 } else { m + 1 }
}

fn prev_month(m: i32) -> i32 {
    if m % 100 == 1 { m - 89 } else { m - 1 }
}

fn is_last_of_month(day: i32) -> bool {
    jiff::civil::Date::new(
        (day / 10_000) as i16,
        (day / 100 % 100) as i8,
        (day % 100) as i8,
    )
    .is_ok_and(|d| d.last_of_month() == d)
}

/// Cuts `from..=to` into days at the start, whole months, and days at the end.
pub(crate) fn parts(from: i32, to: i32, by_day: bool) -> Vec<Part> {
    if from > to {
        return vec![];
    }
    let days = |lo, hi| Part {
        month: false,
        lo,
        hi,
    };
    if by_day {
        return vec![days(from, to)];
    }
    let first = if from % 100 == 1 {
        from / 100
    } else {
        next_month(from / 100)
    };
    let last = if is_last_of_month(to) {
        to / 100
    } else {
        prev_month(to / 100)
    };
    if first > last {
        return vec![days(from, to)];
    }
    let mut out = Vec::new();
    if from % 100 != 1 {
        out.push(days(from, from / 100 * 100 + 99));
    }
    out.push(Part {
        month: true,
        lo: first,
        hi: last,
    });
    if !is_last_of_month(to) {
        out.push(days(to / 100 * 100 + 1, to));
    }
    out
}

/// A value bound to a statement.
enum Arg {
    Id(Uuid),
    Int(i32),
    Text(String),
}

/// Whether the query needs the grains with service and employee.
fn people(q: &CubeQuery) -> bool {
    q.filter.about_people()
        || q.group
            .iter()
            .any(|d| matches!(d, Dim::Service | Dim::Employee))
}

impl CubeQuery {
    /// Whether the query filters or groups by language: the language grains hold it.
    pub fn by_lang(&self) -> bool {
        self.filter.langs.is_some() || self.group.contains(&Dim::Lang)
    }

    /// Whether the rollups can answer the query: the language is kept per site, question
    /// and channel, not per service or employee.
    pub fn answerable(&self) -> bool {
        !(self.by_lang() && people(self))
    }
}

/// Whether the query filters or groups by question or channel (the lean day grain with
/// people keeps neither).
fn by_question_or_channel(q: &CubeQuery) -> bool {
    q.filter.questions.is_some()
        || q.filter.channels.is_some()
        || q.group
            .iter()
            .any(|d| matches!(d, Dim::Question | Dim::Channel))
}

/// Whether only day grains hold the answer: grouped by day, or about people and channels
/// (the month grain with people keeps no channel).
fn days_only(q: &CubeQuery) -> bool {
    let channels = q.filter.channels.is_some() || q.group.contains(&Dim::Channel);
    q.group.contains(&Dim::Day) || (people(q) && channels)
}

/// The statement for one part, and its arguments.
/// The grouped dimensions in the order the statement selects them.
fn selected(q: &CubeQuery) -> Vec<Dim> {
    [
        Dim::Site,
        Dim::Service,
        Dim::Employee,
        Dim::Question,
        Dim::Channel,
        Dim::Lang,
        Dim::Day,
        Dim::Month,
    ]
    .into_iter()
    .filter(|d| q.group.contains(d))
    .filter(|d| *d != Dim::Month || !q.group.contains(&Dim::Day))
    .collect()
}

/// The statement for one part, and its arguments. It selects the grouped dimensions (see
/// [`selected`]), the scale, and the counts as one text `s0,…,s10,bursts`: a row of few
/// columns reads several times faster than one of nineteen.
fn statement(org: Uuid, q: &CubeQuery, part: Part) -> (String, Vec<Arg>) {
    let grain = match (q.by_lang(), people(q), part.month) {
        (true, _, false) => Grain::DayLang,
        (true, _, true) => Grain::MonthLang,
        (false, false, false) => Grain::DaySite,
        (false, false, true) => Grain::MonthSite,
        (false, true, false) if by_question_or_channel(q) => Grain::Day,
        (false, true, false) => Grain::DayPeople,
        (false, true, true) => Grain::Month,
    };
    let mut args = vec![
        Arg::Id(org),
        Arg::Int(grain as i32),
        Arg::Int(part.lo),
        Arg::Int(part.hi),
    ];
    let mut group: Vec<String> = selected(q)
        .into_iter()
        .map(|d| match d {
            Dim::Site => "r.site_id".to_string(),
            Dim::Service => "r.service_id".into(),
            Dim::Employee => "r.employee_id".into(),
            Dim::Question => "r.question_id".into(),
            Dim::Channel => "r.channel".into(),
            Dim::Lang => "r.lang".into(),
            Dim::Day => "r.period".into(),
            Dim::Month if part.month => "r.period".into(),
            Dim::Month => "r.period / 100".into(),
        })
        .collect();
    let cols = group.clone();
    group.push("r.scale".into());
    let counts: Vec<String> = SCORE_COLUMNS
        .split(", ")
        .chain(["bursts"])
        .map(|c| format!("CAST(SUM(r.{c}) AS TEXT)"))
        .collect();
    let mut filters = String::new();
    // The scale is always constrained (it comes before the period in the key): one scale,
    // or every scored one.
    let scales: Vec<Scale> = match q.filter.scale {
        Some(scale) => vec![scale],
        None => Scale::ALL
            .into_iter()
            .filter(|s| s.score_range().is_some())
            .collect(),
    };
    let start = args.len() + 1;
    args.extend(scales.iter().map(|s| Arg::Text(s.as_str().into())));
    filters += &format!(
        " AND r.scale IN ({})",
        crate::ratings::in_list(start, scales.len())
    );
    for (list, col) in [
        (&q.filter.sites, "site_id"),
        (&q.filter.services, "service_id"),
        (&q.filter.employees, "employee_id"),
        (&q.filter.questions, "question_id"),
    ] {
        if let Some(ids) = list {
            let start = args.len() + 1;
            args.extend(ids.iter().map(|id| Arg::Id(*id)));
            filters += &format!(
                " AND r.{col} IN ({})",
                crate::ratings::in_list(start, ids.len())
            );
        }
    }
    for (list, col) in [(&q.filter.channels, "channel"), (&q.filter.langs, "lang")] {
        if let Some(values) = list {
            let start = args.len() + 1;
            args.extend(values.iter().map(|c| Arg::Text(c.clone())));
            filters += &format!(
                " AND r.{col} IN ({})",
                crate::ratings::in_list(start, values.len())
            );
        }
    }
    let cols: String = cols.iter().map(|c| format!("{c}, ")).collect();
    let sql = format!(
        "SELECT {cols}r.scale, {counts} FROM rollups r \
         WHERE r.org_id = $1 AND r.grain = $2 AND {period}{filters} GROUP BY {group}",
        // One period is an equality: rows then come in key order and group as they come.
        period = if part.lo == part.hi {
            "r.period = $3 AND $4 = $3"
        } else {
            "r.period BETWEEN $3 AND $4"
        },
        counts = counts.join(" || ',' || "),
        group = group.join(", "),
    );
    (sql, args)
}

impl Store {
    /// Answers a [`CubeQuery`] from the rollups: one row per group and scale, in key order.
    pub async fn cube(&self, org: Uuid, q: &CubeQuery) -> Result<Vec<CubeRow>> {
        let mut merged: BTreeMap<(GroupKey, &'static str), CubeRow> = BTreeMap::new();
        if !q.answerable() {
            return Err(crate::StoreError::Config(
                "the language is kept per site, question and channel, not per service or employee"
                    .into(),
            ));
        }
        if q.filter.is_empty_set() {
            return Ok(vec![]);
        }
        for part in parts(q.from_day, q.to_day, days_only(q)) {
            let (sql, args) = statement(org, q, part);
            let dims = selected(q);
            let rows: Vec<(GroupKey, String, String)> = with_db!(self, p => {
                let mut s = sqlx::query(&sql);
                for a in &args {
                    s = match a {
                        Arg::Id(v) => s.bind(*v),
                        Arg::Int(v) => s.bind(*v),
                        Arg::Text(v) => s.bind(v.clone()),
                    };
                }
                let mut out = Vec::new();
                for row in s.fetch_all(p).await? {
                    use sqlx::Row;
                    let mut key = GroupKey::default();
                    for (i, d) in dims.iter().enumerate() {
                        match d {
                            Dim::Site => key.site = Some(row.try_get(i)?),
                            Dim::Service => key.service = Some(row.try_get(i)?),
                            Dim::Employee => key.employee = Some(row.try_get(i)?),
                            Dim::Question => key.question = Some(row.try_get(i)?),
                            Dim::Channel => key.channel = Some(row.try_get(i)?),
                            Dim::Lang => key.lang = Some(row.try_get(i)?),
                            Dim::Day | Dim::Month => key.period = Some(row.try_get(i)?),
                        }
                    }
                    out.push((key, row.try_get(dims.len())?, row.try_get(dims.len() + 1)?));
                }
                Ok::<_, sqlx::Error>(out)
            })?;
            for (key, scale, counts) in rows {
                let Some(scale) = Scale::parse(&scale) else {
                    continue;
                };
                let row = merged
                    .entry((key.clone(), scale.as_str()))
                    .or_insert_with(|| CubeRow {
                        key,
                        counts: ScoreCounts::new(scale),
                        bursts: 0,
                    });
                for (i, n) in counts.split(',').enumerate() {
                    let n: i64 = n.trim().parse().unwrap_or(0);
                    if i <= 10 {
                        row.counts.add(i as i16, n.max(0) as u64);
                    } else {
                        row.bursts += n.max(0) as u64;
                    }
                }
            }
        }
        Ok(merged.into_values().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(month: bool, lo: i32, hi: i32) -> Part {
        Part { month, lo, hi }
    }

    #[test]
    fn a_period_is_cut_into_edge_days_and_whole_months() {
        // One whole month.
        assert_eq!(
            parts(20261101, 20261130, false),
            vec![p(true, 202611, 202611)]
        );
        // Days inside one month stay days.
        assert_eq!(
            parts(20261103, 20261124, false),
            vec![p(false, 20261103, 20261124)]
        );
        // Days, whole months across a year's end, days.
        assert_eq!(
            parts(20261115, 20270210, false),
            vec![
                p(false, 20261115, 20261199),
                p(true, 202612, 202701),
                p(false, 20270201, 20270210)
            ]
        );
        // February's last day in a leap year and in another.
        assert_eq!(
            parts(20280201, 20280229, false),
            vec![p(true, 202802, 202802)]
        );
        assert_eq!(
            parts(20270201, 20270228, false),
            vec![p(true, 202702, 202702)]
        );
        // By day: one range; an empty period: nothing.
        assert_eq!(
            parts(20261101, 20261130, true),
            vec![p(false, 20261101, 20261130)]
        );
        assert!(parts(20261102, 20261101, false).is_empty());
    }
}
