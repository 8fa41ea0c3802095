//! Reading the rollups: the counts of each score for any period, filter and grouping,
//! from the smallest grain that holds them. A period is cut into whole months, blocks of
//! days and days, each added or taken away ([`crate::periods`]); site level questions use
//! the site grains, questions about services or employees the ones with people. No page
//! scans raw answers.

use std::sync::Arc;

use rida_domain::{Scale, metrics::ScoreCounts};
use uuid::Uuid;

use crate::periods::{Part, Span, parts};
use crate::rollups::{Grain, SCORE_COLUMNS};
use crate::settled::Sums;
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
    pub(crate) fn is_empty_set(&self) -> bool {
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

    pub(crate) fn about_people(&self) -> bool {
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
    /// Who took an alert in hand or closed it (alert figures only; never from the
    /// rollups).
    pub handler: Option<Uuid>,
    /// A comment theme's key (comment figures only; `""`: every comment).
    pub theme: Option<String>,
}

/// One group's counts of one scale, and the answers left out as bursts.
#[derive(Debug, Clone, PartialEq)]
pub struct CubeRow {
    pub key: GroupKey,
    pub counts: ScoreCounts,
    pub bursts: u64,
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

/// Whether the lean grains with people (by day and by block of days) answer the query:
/// about people, by neither language, question nor channel.
fn lean_people(q: &CubeQuery) -> bool {
    people(q) && !q.by_lang() && !by_question_or_channel(q)
}

/// Whether the week grains answer the query (when its period is whole weeks): by site
/// or for the whole network by service, by neither day, month, language, question nor
/// channel; about people only as services of every site together.
fn weekly(q: &CubeQuery) -> bool {
    let by_period = q.group.iter().any(|d| matches!(d, Dim::Day | Dim::Month));
    let one_site_or_employee = q.filter.sites.is_some()
        || q.filter.employees.is_some()
        || q.group
            .iter()
            .any(|d| matches!(d, Dim::Site | Dim::Employee));
    !by_period
        && !q.by_lang()
        && !by_question_or_channel(q)
        && (!people(q) || !one_site_or_employee)
}

/// The query's period as one part of whole weeks, when the week grains answer it.
fn weeks_part(q: &CubeQuery) -> Option<Part> {
    crate::periods::whole_weeks(q.from_day, q.to_day).filter(|_| weekly(q))
}

/// The parts the query's period is read as: whole weeks from the week grains where they
/// hold the answer, else months, blocks and days.
fn cut(q: &CubeQuery) -> Vec<Part> {
    match weeks_part(q) {
        Some(weeks) => vec![weeks],
        None => parts(q.from_day, q.to_day, days_only(q), lean_people(q)),
    }
}

/// The grain that holds a part of the query.
fn grain(q: &CubeQuery, part: &Part) -> Grain {
    match part.span {
        Span::Blocks => return Grain::BlockPeople,
        Span::Weeks if people(q) => return Grain::WeekService,
        Span::Weeks => return Grain::WeekSite,
        Span::Months | Span::Days => {}
    }
    // The site grains keep neither question nor channel: the language grains, which
    // keep both, answer those (a question with people and language is refused before).
    let site_detail = q.by_lang() || by_question_or_channel(q);
    match (people(q), part.is_months()) {
        (true, false) if lean_people(q) => Grain::DayPeople,
        (true, false) => Grain::Day,
        (true, true) => Grain::Month,
        (false, false) if site_detail => Grain::DayLang,
        (false, true) if site_detail => Grain::MonthLang,
        (false, false) => Grain::DaySite,
        (false, true) => Grain::MonthSite,
    }
}

/// One statement for every part of the period, and its arguments, so that a read is one
/// round trip to the database however its period is cut. It selects the grouped
/// dimensions (see [`selected`]), the scale, and the counts as one text
/// `s0,…,s10,bursts` (a row of few columns reads several times faster than one of
/// nineteen). Several parts are branches joined by `UNION ALL`, each selecting its rows
/// (negated when taken away), summed per group around them. The filter's
/// arguments are bound once and shared by the branches. Only the scores the scales can
/// hold are read (1–5 of a CSAT question): the third value returned says which count each
/// value of the text is (0–10 a score, 11 the bursts).
fn statement(org: Uuid, q: &CubeQuery, parts: &[Part]) -> (String, Vec<Arg>, Vec<usize>) {
    let mut args = vec![Arg::Id(org)];
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
    // Half the columns of a CSAT read are scores it cannot hold: summing only the others
    // is a third less time for the rankings' reads.
    let (lo, hi) = scales
        .iter()
        .filter_map(|s| s.score_range())
        .fold((10, 0), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
    let slots: Vec<usize> = (lo as usize..=hi as usize).chain([11]).collect();
    let all: Vec<&str> = SCORE_COLUMNS.split(", ").chain(["bursts"]).collect();
    let columns: Vec<&str> = slots.iter().map(|i| all[*i]).collect();
    // The counts as one text: summed in the statement of a single part, summed again
    // over the branches' signed sums when there are several.
    let text = |of: &str| {
        columns
            .iter()
            .map(|c| format!("CAST(SUM({of}{c}) AS TEXT)"))
            .collect::<Vec<_>>()
            .join(" || ',' || ")
    };
    let dims = selected(q);
    let keys: Vec<String> = (0..dims.len()).map(|i| format!("k{i}")).collect();
    let single = parts.len() == 1;
    // Few groups for many rows: neither people nor days.
    let few = !dims
        .iter()
        .any(|d| matches!(d, Dim::Service | Dim::Employee | Dim::Day));
    let branches: Vec<String> = parts
        .iter()
        .map(|part| {
            let n = args.len();
            args.extend([
                Arg::Int(grain(q, part) as i32),
                Arg::Int(part.lo),
                Arg::Int(part.hi),
            ]);
            let (g, lo, hi) = (n + 1, n + 2, n + 3);
            let mut group: Vec<String> = dims
                .iter()
                .map(|d| match d {
                    Dim::Site => "r.site_id".to_string(),
                    Dim::Service => "r.service_id".into(),
                    Dim::Employee => "r.employee_id".into(),
                    Dim::Question => "r.question_id".into(),
                    Dim::Channel => "r.channel".into(),
                    Dim::Lang => "r.lang".into(),
                    Dim::Day => "r.period".into(),
                    Dim::Month if part.is_months() => "r.period".into(),
                    Dim::Month => "r.period / 100".into(),
                })
                .collect();
            let cols: String = group
                .iter()
                .zip(&keys)
                .map(|(c, k)| format!("{c} AS {k}, "))
                .collect();
            group.push("r.scale".into());
            let sign = if part.minus { "-" } else { "" };
            // A part alone sums its rows. The parts of several are summed together
            // around them: when the groups are about people (as many as the rows), each
            // branch passes its rows as they are (signed) — summing in each branch and
            // again around them was twice the time on PostgreSQL (its sums of BIGINT are
            // NUMERIC, slow to add up again); when they are few (the tiles, a trend, the
            // sites), each branch sums its own first — SQLite then sorts a few sums
            // instead of every row, half the time of the tiles.
            let signed = |summed: bool| {
                columns
                    .iter()
                    .map(|c| match summed {
                        true => format!("{sign}SUM(r.{c}) AS {c}"),
                        false => format!("{sign}r.{c} AS {c}"),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let group_by = format!(" GROUP BY {}", group.join(", "));
            let (counts, group_by) = match (single, few) {
                (true, _) => (text("r."), group_by),
                (false, true) => (signed(true), group_by),
                (false, false) => (signed(false), String::new()),
            };
            format!(
                "SELECT {cols}r.scale AS scale, {counts} FROM rollups r \
                 WHERE r.org_id = $1 AND r.grain = ${g} AND {period}{filters}{group_by}",
                // One period is an equality: rows then come in key order and group as
                // they come.
                period = if part.lo == part.hi {
                    format!("r.period = ${lo} AND ${hi} = ${lo}")
                } else {
                    format!("r.period BETWEEN ${lo} AND ${hi}")
                },
            )
        })
        .collect();
    if single {
        return (branches.concat(), args, slots);
    }
    // Several parts: the branches' sums, signed, summed per group in the statement, so
    // that the page decodes each group once.
    let group: String = keys.iter().map(|k| format!("{k}, ")).collect();
    let sql = format!(
        "SELECT {group}scale, {} FROM ({}) AS parts GROUP BY {group}scale",
        text(""),
        branches.join(" UNION ALL ")
    );
    (sql, args, slots)
}

impl Store {
    /// Answers a [`CubeQuery`] from the rollups: one row per group and scale, in key order.
    ///
    /// The days of the period that are over are read once and kept while no answer
    /// reaches them (see [`crate::settled`]); the rest is read each time.
    pub async fn cube(&self, org: Uuid, q: &CubeQuery) -> Result<Vec<CubeRow>> {
        if !q.answerable() {
            return Err(crate::StoreError::Config(
                "the language is kept per site, question and channel, not per service or employee"
                    .into(),
            ));
        }
        if q.filter.is_empty_set() {
            return Ok(vec![]);
        }
        let cut = crate::settled::cut();
        // Whole weeks are a few rows from the week grains: cut, their days would be read
        // from the day grains, which on the Monday after is most of the week.
        let weeks = weeks_part(q).is_some();
        let (past, live) = if q.from_day >= cut || (weeks && q.to_day >= cut) {
            (None, Some(q.clone()))
        } else if q.to_day < cut {
            (Some(q.clone()), None)
        } else {
            let (mut past, mut live) = (q.clone(), q.clone());
            past.to_day = crate::periods::day_before(cut);
            live.from_day = cut;
            (Some(past), Some(live))
        };
        // Both at once: the kept part is usually in memory, the live one a read.
        let (kept, fresh) = tokio::try_join!(
            async {
                match &past {
                    Some(past) => self.settled_sums(org, past).await.map(Some),
                    None => Ok(None),
                }
            },
            async {
                match &live {
                    Some(live) => self.sums(org, live).await,
                    None => Ok(Sums::new()),
                }
            },
        )?;
        Ok(crate::settled::merged(kept.as_deref(), fresh))
    }

    /// The sums of a period of days that are over: kept ones while the organisation's
    /// `past_version` is the one they were read at, else read and kept.
    async fn settled_sums(&self, org: Uuid, q: &CubeQuery) -> Result<Arc<Sums>> {
        // The version first: a write landing while the figures are read moves it past the
        // one kept with them.
        let version: i64 = with_db!(self, p => sqlx::query_scalar(
            "SELECT past_version FROM organisations WHERE id = $1")
            .bind(org).fetch_one(p).await)?;
        let key = (org, format!("{q:?}"));
        if let Some(sums) = self.settled.get(&key, version) {
            return Ok(sums);
        }
        let sums = Arc::new(self.sums(org, q).await?);
        self.settled.insert(key, version, sums.clone());
        Ok(sums)
    }

    /// The signed sums of each group and scale over the query's period, as read.
    async fn sums(&self, org: Uuid, q: &CubeQuery) -> Result<Sums> {
        let parts = cut(q);
        if parts.is_empty() {
            return Ok(Sums::new());
        }
        let (sql, args, slots) = statement(org, q, &parts);
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
                let n = dims.len();
                out.push((key, row.try_get(n)?, row.try_get(n + 1)?));
            }
            Ok::<_, sqlx::Error>(out)
        })?;
        // Eleven score counts and the bursts per group (a count taken away never leaves
        // less than nothing; a group of none is dropped by the caller).
        let mut merged = Sums::new();
        for (key, scale, counts) in rows {
            let Some(scale) = Scale::parse(&scale) else {
                continue;
            };
            let (_, sum) = merged
                .entry((key, scale.as_str()))
                .or_insert((scale, [0; 12]));
            for (i, n) in slots.iter().zip(counts.split(',')) {
                sum[*i] += n.trim().parse::<i64>().unwrap_or(0);
            }
        }
        Ok(merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(from_day: i32, to_day: i32, group: &[Dim], filter: Filter) -> CubeQuery {
        CubeQuery {
            from_day,
            to_day,
            filter,
            group: group.to_vec(),
        }
    }

    /// The grain each part of the query is read from, as `cube` cuts it.
    fn grains(q: &CubeQuery) -> Vec<Grain> {
        cut(q).iter().map(|p| grain(q, p)).collect()
    }

    #[test]
    fn whole_weeks_are_read_from_the_week_grains_where_they_hold_the_answer() {
        let all = Filter::default();
        // A week (Monday 16 to Sunday 22 November 2026), by site and by service.
        assert_eq!(
            grains(&query(20261116, 20261122, &[Dim::Site], all.clone())),
            [Grain::WeekSite]
        );
        assert_eq!(
            grains(&query(20261116, 20261122, &[Dim::Service], all.clone())),
            [Grain::WeekService]
        );
        // Two weeks across a month's end: one part.
        assert_eq!(
            grains(&query(20261123, 20261206, &[], all.clone())),
            [Grain::WeekSite]
        );
        // Services at some sites, employees, days, channels: the other grains.
        let at_one_site = Filter {
            sites: Some(vec![Uuid::nil()]),
            ..Default::default()
        };
        for q in [
            query(20261116, 20261122, &[Dim::Service], at_one_site),
            query(20261116, 20261122, &[Dim::Employee], all.clone()),
            query(20261116, 20261122, &[Dim::Site, Dim::Service], all.clone()),
            query(20261116, 20261122, &[Dim::Day], all.clone()),
            query(20261116, 20261122, &[Dim::Channel], all.clone()),
            // Not a whole week: Tuesday to Monday.
            query(20261117, 20261123, &[], all.clone()),
        ] {
            assert!(
                grains(&q).iter().all(|g| !g.is_week()),
                "{q:?}: {:?}",
                grains(&q)
            );
        }
    }
}
