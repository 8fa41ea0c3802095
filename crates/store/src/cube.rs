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

/// A part of a period and the grain that holds it: months `lo..=hi` (`yyyymm`), blocks
/// of days (the first days of the first and last block, `yyyymmdd`) or days
/// (`yyyymmdd`), added to the figures or, for the days of a month outside the period,
/// taken away from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    pub month: bool,
    pub block: bool,
    pub lo: i32,
    pub hi: i32,
    pub minus: bool,
}

fn next_month(m: i32) -> i32 {
    if m % 100 == 12 { m + 89 } else { m + 1 }
}

fn days_in_month(m: i32) -> i32 {
    jiff::civil::Date::new((m / 100) as i16, (m % 100) as i8, 1)
        .map_or(31, |d| i32::from(d.days_in_month()))
}

/// Cuts `from..=to` into whole months (read from a month grain) and the days of the
/// months it covers in part. A month covered in part is read as its days, or, when that
/// is fewer rows, as the whole month less its days outside the period: a month's cells
/// are about as many as a day's, so Sep 2–30 costs one month and one day, not 29 days.
/// With `blocks` (the people grain has them), days are read as whole blocks of a month
/// where they can (see [`Grain::BlockPeople`]), a block costing about a day. The figures
/// are counts, so the difference is exact.
pub(crate) fn parts(from: i32, to: i32, by_day: bool, blocks: bool) -> Vec<Part> {
    if from > to {
        return vec![];
    }
    if by_day {
        return vec![days(from, to, false)];
    }
    let mut out = Vec::new();
    let mut whole: Option<(i32, i32)> = None;
    let mut m = from / 100;
    while m <= to / 100 {
        let (first, last) = (m * 100 + 1, m * 100 + days_in_month(m));
        let (lo, hi) = (from.max(first), to.min(last));
        if (lo, hi) == (first, last) {
            whole = Some((whole.map_or(m, |w| w.0), m));
        } else {
            let (inside_cost, inside) = within_month(lo, hi, blocks, false);
            let (mut outside_cost, mut outside) = (1, Vec::new());
            for (a, b) in [(first, lo - 1), (hi + 1, last)] {
                if a <= b {
                    let (cost, parts) = within_month(a, b, blocks, true);
                    outside_cost += cost;
                    outside.extend(parts);
                }
            }
            if outside_cost < inside_cost {
                out.push(Part {
                    month: true,
                    block: false,
                    lo: m,
                    hi: m,
                    minus: false,
                });
                out.extend(outside);
            } else {
                out.extend(inside);
            }
        }
        m = next_month(m);
    }
    if let Some((lo, hi)) = whole {
        out.push(Part {
            month: true,
            block: false,
            lo,
            hi,
            minus: false,
        });
    }
    out
}

/// Days `lo..=hi` as one part of the day grain.
fn days(lo: i32, hi: i32, minus: bool) -> Part {
    Part {
        month: false,
        block: false,
        lo,
        hi,
        minus,
    }
}

/// Days `lo..=hi` of one month as the parts that read them, and their cost in reads of
/// about a day's cells: with `blocks`, the whole blocks among them as one part and the
/// days before and after them as one part each; otherwise one part of days.
fn within_month(lo: i32, hi: i32, blocks: bool, minus: bool) -> (i32, Vec<Part>) {
    let last = lo - lo % 100 + days_in_month(lo / 100);
    let end_of = |b: i32| if b % 100 == 29 { last } else { b + 6 };
    let inside: Vec<i32> = [1, 8, 15, 22, 29]
        .into_iter()
        .map(|d| lo - lo % 100 + d)
        .filter(|b| blocks && *b <= last && *b >= lo && end_of(*b) <= hi)
        .collect();
    let (Some(first), Some(final_)) = (inside.first().copied(), inside.last().copied()) else {
        return (hi - lo + 1, vec![days(lo, hi, minus)]);
    };
    let mut out = Vec::new();
    if lo < first {
        out.push(days(lo, first - 1, minus));
    }
    out.push(Part {
        month: false,
        block: true,
        lo: first,
        hi: final_,
        minus,
    });
    let after = end_of(final_) + 1;
    if after <= hi {
        out.push(days(after, hi, minus));
    }
    let cost = (first - lo) + inside.len() as i32 + (hi - after + 1).max(0);
    (cost, out)
}

/// A read of a period's parts in one statement (see [`union_of_parts`]): its branches,
/// then what to bind after the caller's own arguments — the filters' ids, then each
/// part's grain (1: day, 2: month), first and last period.
pub(crate) struct PartsRead {
    pub branches: String,
    pub ids: Vec<Uuid>,
    pub periods: Vec<(i16, i32, i32)>,
}

/// The rows of every part of a period as branches of one `UNION ALL`, for the caller to
/// sum per group around it (one round trip however the period is cut): each branch
/// selects `keys(part)` (aliased expressions) and the additive `sums` columns, negated in
/// a part taken away, `from` (`FROM table WHERE …` with the caller's arguments, the first
/// `first - 1`) and the filters' `column IN (ids)`.
pub(crate) fn union_of_parts(
    parts: &[Part],
    from: &str,
    first: usize,
    filters: &[(&Option<Vec<Uuid>>, &str)],
    keys: impl Fn(&Part) -> String,
    sums: &[&str],
) -> PartsRead {
    let mut ids: Vec<Uuid> = Vec::new();
    let mut conditions = String::new();
    for (list, col) in filters {
        if let Some(l) = list {
            conditions += &format!(
                " AND {col} IN ({})",
                crate::ratings::in_list(first + ids.len(), l.len())
            );
            ids.extend(l);
        }
    }
    let first = first + ids.len();
    let mut periods = Vec::new();
    let branches = parts
        .iter()
        .map(|part| {
            let sign = if part.minus { "-" } else { "" };
            let values = sums
                .iter()
                .map(|c| format!("{sign}{c} AS {c}"))
                .collect::<Vec<_>>()
                .join(", ");
            let n = first + 3 * periods.len();
            periods.push((if part.month { 2 } else { 1 }, part.lo, part.hi));
            format!(
                "SELECT {}{values} {from} AND grain = ${n} AND period BETWEEN ${} AND ${}{conditions}",
                keys(part),
                n + 1,
                n + 2
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    PartsRead {
        branches,
        ids,
        periods,
    }
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

/// The grain that holds a part of the query.
fn grain(q: &CubeQuery, part: &Part) -> Grain {
    if part.block {
        return Grain::BlockPeople;
    }
    match (q.by_lang(), people(q), part.month) {
        (true, _, false) => Grain::DayLang,
        (true, _, true) => Grain::MonthLang,
        (false, false, false) => Grain::DaySite,
        (false, false, true) => Grain::MonthSite,
        (false, true, false) if by_question_or_channel(q) => Grain::Day,
        (false, true, false) => Grain::DayPeople,
        (false, true, true) => Grain::Month,
    }
}

/// One statement for every part of the period, and its arguments, so that a read is one
/// round trip to the database however its period is cut. It selects the grouped
/// dimensions (see [`selected`]), the scale, and the counts as one text
/// `s0,…,s10,bursts` (a row of few columns reads several times faster than one of
/// nineteen). Several parts are branches joined by `UNION ALL`, each selecting its rows
/// (negated when taken away), summed per group around them. The filter's
/// arguments are bound once and shared by the branches.
fn statement(org: Uuid, q: &CubeQuery, parts: &[Part]) -> (String, Vec<Arg>) {
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
    let columns: Vec<&str> = SCORE_COLUMNS.split(", ").chain(["bursts"]).collect();
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
                    Dim::Month if part.month => "r.period".into(),
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
            // A part alone sums its rows; the parts of several are summed together
            // around them, their rows as they are (signed): summing in each branch and
            // again around them was twice the time on PostgreSQL (its sums of BIGINT
            // are NUMERIC, slow to add up again).
            let (counts, group_by) = match single {
                true => (text("r."), format!(" GROUP BY {}", group.join(", "))),
                false => (
                    columns
                        .iter()
                        .map(|c| format!("{sign}r.{c} AS {c}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    String::new(),
                ),
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
        return (branches.concat(), args);
    }
    // Several parts: the branches' sums, signed, summed per group in the statement, so
    // that the page decodes each group once.
    let group: String = keys.iter().map(|k| format!("{k}, ")).collect();
    let sql = format!(
        "SELECT {group}scale, {} FROM ({}) AS parts GROUP BY {group}scale",
        text(""),
        branches.join(" UNION ALL ")
    );
    (sql, args)
}

impl Store {
    /// Answers a [`CubeQuery`] from the rollups: one row per group and scale, in key order.
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
        // Blocks of days where the lean people grain answers (it has them).
        let blocks = grain(q, &days(0, 0, false)) == Grain::DayPeople;
        let parts = parts(q.from_day, q.to_day, days_only(q), blocks);
        if parts.is_empty() {
            return Ok(vec![]);
        }
        let (sql, args) = statement(org, q, &parts);
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
        // less than nothing; a group of none is dropped below).
        let mut merged: BTreeMap<(GroupKey, &'static str), (Scale, [i64; 12])> = BTreeMap::new();
        for (key, scale, counts) in rows {
            let Some(scale) = Scale::parse(&scale) else {
                continue;
            };
            let (_, sum) = merged
                .entry((key, scale.as_str()))
                .or_insert((scale, [0; 12]));
            for (i, n) in counts.split(',').take(12).enumerate() {
                sum[i] += n.trim().parse::<i64>().unwrap_or(0);
            }
        }
        // A group whose answers all fell on the days taken away is no group.
        Ok(merged
            .into_iter()
            .filter(|(_, (_, sum))| sum.iter().any(|n| *n != 0))
            .map(|((key, _), (scale, sum))| {
                let mut counts = ScoreCounts::new(scale);
                for (score, n) in sum[..11].iter().enumerate() {
                    counts.add(score as i16, (*n).max(0) as u64);
                }
                CubeRow {
                    key,
                    counts,
                    bursts: sum[11].max(0) as u64,
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(month: bool, lo: i32, hi: i32) -> Part {
        Part {
            month,
            block: false,
            lo,
            hi,
            minus: false,
        }
    }

    fn less(lo: i32, hi: i32) -> Part {
        days(lo, hi, true)
    }

    fn blocks(lo: i32, hi: i32, minus: bool) -> Part {
        Part {
            month: false,
            block: true,
            lo,
            hi,
            minus,
        }
    }

    #[test]
    fn a_period_is_cut_into_whole_months_and_the_days_of_the_others() {
        // One whole month.
        assert_eq!(
            parts(20261101, 20261130, false, false),
            vec![p(true, 202611, 202611)]
        );
        // A few days of a month stay days.
        assert_eq!(
            parts(20261110, 20261120, false, false),
            vec![p(false, 20261110, 20261120)]
        );
        // Most of a month: the month less the days outside the period, at either end.
        assert_eq!(
            parts(20261103, 20261124, false, false),
            vec![
                p(true, 202611, 202611),
                less(20261101, 20261102),
                less(20261125, 20261130)
            ]
        );
        // Days, whole months across a year's end, most of a month.
        assert_eq!(
            parts(20261120, 20270225, false, false),
            vec![
                p(false, 20261120, 20261130),
                p(true, 202702, 202702),
                less(20270226, 20270228),
                p(true, 202612, 202701),
            ]
        );
        // Two months in part: each on its own.
        assert_eq!(
            parts(20260806, 20260919, false, false),
            vec![
                p(true, 202608, 202608),
                less(20260801, 20260805),
                p(true, 202609, 202609),
                less(20260920, 20260930),
            ]
        );
        // February's last day in a leap year and in another.
        assert_eq!(
            parts(20280201, 20280229, false, false),
            vec![p(true, 202802, 202802)]
        );
        assert_eq!(
            parts(20270201, 20270228, false, false),
            vec![p(true, 202702, 202702)]
        );
        // By day: one range; an empty period: nothing.
        assert_eq!(
            parts(20261101, 20261130, true, false),
            vec![p(false, 20261101, 20261130)]
        );
        assert!(parts(20261102, 20261101, false, false).is_empty());
    }

    #[test]
    fn days_are_read_as_whole_blocks_where_they_can() {
        // Sep 20-30: the days before the block of the 22nd, then the blocks of the 22nd
        // and the 29th (to the month's end).
        assert_eq!(
            parts(20260920, 20261031, false, true),
            vec![
                p(false, 20260920, 20260921),
                blocks(20260922, 20260929, false),
                p(true, 202610, 202610),
            ]
        );
        // Nov 10-30: five days and three blocks (8 reads), or the month less a block and
        // two days (4 reads).
        assert_eq!(
            parts(20261110, 20261130, false, true),
            vec![
                p(true, 202611, 202611),
                blocks(20261101, 20261101, true),
                less(20261108, 20261109),
            ]
        );
        // Nov 13-24: the days before and after the one whole block between them.
        assert_eq!(
            parts(20261113, 20261124, false, true),
            vec![
                p(false, 20261113, 20261114),
                blocks(20261115, 20261115, false),
                p(false, 20261122, 20261124),
            ]
        );
        // Most of a month with blocks outside: the month less a block and a day.
        assert_eq!(
            parts(20261109, 20261130, false, true),
            vec![
                p(true, 202611, 202611),
                blocks(20261101, 20261101, true),
                less(20261108, 20261108),
            ]
        );
        // A 30-day month's block of the 29th ends on the 30th; February 2027 has none.
        assert_eq!(
            parts(20270201, 20270227, false, true),
            vec![p(true, 202702, 202702), less(20270228, 20270228),]
        );
    }
}
