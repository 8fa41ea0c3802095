//! Periods cut into the parts the rollups hold: whole months, blocks of a month's days
//! and days, each added to the figures or taken away (a month less its days outside the
//! period), and the one statement that reads every part of a period.

use uuid::Uuid;

/// What a part of a period reads: whole months, whole blocks of a month's days (see
/// [`crate::Grain::BlockPeople`]) or days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Span {
    Months,
    Blocks,
    Days,
    /// Whole weeks, Monday to Sunday (the period is the Monday).
    Weeks,
}

/// A part of a period and the grain that holds it: months `lo..=hi` (`yyyymm`), blocks
/// of days (the first days of the first and last block, `yyyymmdd`) or days
/// (`yyyymmdd`), added to the figures or, for days outside the period that a month or a
/// block holds, taken away from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    pub span: Span,
    pub lo: i32,
    pub hi: i32,
    pub minus: bool,
}

impl Part {
    pub fn is_months(&self) -> bool {
        self.span == Span::Months
    }
}

/// The day (`yyyymmdd`) before `day`.
pub(crate) fn day_before(day: i32) -> i32 {
    rida_domain::period::from_day_key(day)
        .and_then(|d| d.yesterday().ok())
        .map_or(day - 1, rida_domain::period::day_key)
}

/// The month (`yyyymm`) after `m`.
pub(crate) fn next_month(m: i32) -> i32 {
    if m % 100 == 12 { m + 89 } else { m + 1 }
}

/// The month (`yyyymm`) before `m`.
pub(crate) fn previous_month(m: i32) -> i32 {
    if m % 100 == 1 { m - 89 } else { m - 1 }
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
/// where they cost less (see [`within_month`]), a block costing about a day. The figures
/// are counts, so the differences are exact. Days after the last one an answer can be
/// on ([`horizon`]) cost nothing to read (no answer is on them yet): the rest of this
/// month is read as its few days that have begun, not as the month less the days before
/// them.
pub(crate) fn parts(from: i32, to: i32, by_day: bool, blocks: bool) -> Vec<Part> {
    parts_until(from, to, by_day, blocks, horizon())
}

/// [`parts`] with the last day that may hold answers given.
fn parts_until(from: i32, to: i32, by_day: bool, blocks: bool, horizon: i32) -> Vec<Part> {
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
            let (inside_cost, inside) = within_month(lo, hi, blocks, false, horizon);
            let (mut outside_cost, mut outside) = (1, Vec::new());
            for (a, b) in [(first, lo - 1), (hi + 1, last)] {
                if a <= b {
                    let (cost, parts) = within_month(a, b, blocks, true, horizon);
                    outside_cost += cost;
                    outside.extend(parts);
                }
            }
            if outside_cost < inside_cost {
                out.push(months(m, m));
                out.extend(outside);
            } else {
                out.extend(inside);
            }
        }
        m = next_month(m);
    }
    if let Some((lo, hi)) = whole {
        out.push(months(lo, hi));
    }
    out
}

/// The last day (`yyyymmdd`) an answer can be on now: answers are taken up to a day
/// ahead of the server's clock, in zones up to UTC+14.
fn horizon() -> i32 {
    let latest = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 + 14);
    rida_domain::period::day_key(latest.to_zoned(jiff::tz::TimeZone::UTC).date())
}

/// The most weeks read from the week grains: past it, months and blocks are fewer rows.
const MAX_WEEKS: i32 = 6;

/// `from..=to` as whole weeks (Monday to Sunday, up to [`MAX_WEEKS`] of them): one part
/// from the week grains, or `None` when the period is not made of whole weeks.
pub(crate) fn whole_weeks(from: i32, to: i32) -> Option<Part> {
    use jiff::{ToSpan, civil::Weekday};
    use rida_domain::period::{day_key, from_day_key};
    let (first, last) = (from_day_key(from)?, from_day_key(to)?);
    let weeks = (last - first).get_days() / 7 + 1;
    let whole = first.weekday() == Weekday::Monday && last.weekday() == Weekday::Sunday;
    if !whole || !(1..=MAX_WEEKS).contains(&weeks) {
        return None;
    }
    Some(Part {
        span: Span::Weeks,
        lo: from,
        hi: day_key(last.checked_sub(6.days()).ok()?),
        minus: false,
    })
}

fn months(lo: i32, hi: i32) -> Part {
    Part {
        span: Span::Months,
        lo,
        hi,
        minus: false,
    }
}

/// Days `lo..=hi` as one part of the day grain.
pub(crate) fn days(lo: i32, hi: i32, minus: bool) -> Part {
    Part {
        span: Span::Days,
        lo,
        hi,
        minus,
    }
}

/// Days `lo..=hi` of one month as the parts that read them, and their cost in reads of
/// about a day's cells. Without `blocks`: one part of days. With them, the cheapest of
/// the days alone and of whole blocks with each edge either read as days or as the block
/// that holds it less its days outside: Aug 6–31 is the block of the 1st to the 28th and
/// the one of the 29th (5 reads) less Aug 1–5 (5), or Aug 6–7 (2) and the blocks of the
/// 8th on (4), whichever is fewer.
fn within_month(lo: i32, hi: i32, blocks: bool, minus: bool, horizon: i32) -> (i32, Vec<Part>) {
    // Days `a..=b` of one month that can hold answers (none after the horizon).
    let day_cost = |a: i32, b: i32| (b.min(horizon) - a + 1).max(0);
    let plain = (day_cost(lo, hi), vec![days(lo, hi, minus)]);
    if !blocks {
        return plain;
    }
    let month = lo - lo % 100;
    let last = month + days_in_month(lo / 100);
    let end_of = |b: i32| if b % 100 == 29 { last } else { b + 6 };
    let starts: Vec<i32> = [1, 8, 15, 22, 29]
        .into_iter()
        .map(|d| month + d)
        .filter(|b| *b <= last)
        .collect();
    let (bl, bh) = (crate::rollups::block_of(lo), crate::rollups::block_of(hi));
    let mut best = plain;
    // Each edge: the block holding it, less its days outside (`true`), or its days alone
    // and the blocks from the next one (`false`).
    for left in [true, false] {
        for right in [true, false] {
            let first = if left { bl } else { end_of(bl) + 1 };
            let final_ = if right {
                bh
            } else {
                starts.iter().copied().rfind(|b| *b < bh).unwrap_or(0)
            };
            let inside: Vec<i32> = starts
                .iter()
                .copied()
                .filter(|b| *b >= first && *b <= final_)
                .collect();
            if inside.is_empty() {
                continue;
            }
            let mut out = Vec::new();
            let mut cost = inside.iter().filter(|b| **b <= horizon).count() as i32;
            // The days before the blocks: taken away from the first block, or added.
            match left {
                true if lo > bl => out.push(days(bl, lo - 1, !minus)),
                false => out.push(days(lo, first - 1, minus)),
                _ => {}
            }
            out.push(Part {
                span: Span::Blocks,
                lo: first,
                hi: final_,
                minus,
            });
            match right {
                true if end_of(bh) > hi => out.push(days(hi + 1, end_of(bh), !minus)),
                false => out.push(days(end_of(final_) + 1, hi, minus)),
                _ => {}
            }
            cost += out
                .iter()
                .filter(|p| p.span == Span::Days)
                .map(|p| day_cost(p.lo, p.hi))
                .sum::<i32>();
            // Fewer reads win; at the same cost, fewer parts.
            if (cost, out.len()) < (best.0, best.1.len()) {
                best = (cost, out);
            }
        }
    }
    best
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
            periods.push((if part.is_months() { 2 } else { 1 }, part.lo, part.hi));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every day may hold answers.
    const NO_HORIZON: i32 = i32::MAX;

    fn p(month: bool, lo: i32, hi: i32) -> Part {
        match month {
            true => months(lo, hi),
            false => days(lo, hi, false),
        }
    }

    fn less(lo: i32, hi: i32) -> Part {
        days(lo, hi, true)
    }

    fn blocks(lo: i32, hi: i32, minus: bool) -> Part {
        Part {
            span: Span::Blocks,
            lo,
            hi,
            minus,
        }
    }

    #[test]
    fn a_period_is_cut_into_whole_months_and_the_days_of_the_others() {
        // One whole month.
        assert_eq!(
            parts_until(20261101, 20261130, false, false, NO_HORIZON),
            vec![p(true, 202611, 202611)]
        );
        // A few days of a month stay days.
        assert_eq!(
            parts_until(20261110, 20261120, false, false, NO_HORIZON),
            vec![p(false, 20261110, 20261120)]
        );
        // Most of a month: the month less the days outside the period, at either end.
        assert_eq!(
            parts_until(20261103, 20261124, false, false, NO_HORIZON),
            vec![
                p(true, 202611, 202611),
                less(20261101, 20261102),
                less(20261125, 20261130)
            ]
        );
        // Days, whole months across a year's end, most of a month.
        assert_eq!(
            parts_until(20261120, 20270225, false, false, NO_HORIZON),
            vec![
                p(false, 20261120, 20261130),
                p(true, 202702, 202702),
                less(20270226, 20270228),
                p(true, 202612, 202701),
            ]
        );
        // Two months in part: each on its own.
        assert_eq!(
            parts_until(20260806, 20260919, false, false, NO_HORIZON),
            vec![
                p(true, 202608, 202608),
                less(20260801, 20260805),
                p(true, 202609, 202609),
                less(20260920, 20260930),
            ]
        );
        // February's last day in a leap year and in another.
        assert_eq!(
            parts_until(20280201, 20280229, false, false, NO_HORIZON),
            vec![p(true, 202802, 202802)]
        );
        assert_eq!(
            parts_until(20270201, 20270228, false, false, NO_HORIZON),
            vec![p(true, 202702, 202702)]
        );
        // By day: one range; an empty period: nothing.
        assert_eq!(
            parts_until(20261101, 20261130, true, false, NO_HORIZON),
            vec![p(false, 20261101, 20261130)]
        );
        assert!(parts_until(20261102, 20261101, false, false, NO_HORIZON).is_empty());
    }

    #[test]
    fn days_that_have_not_begun_cost_nothing() {
        // The rest of December from the 4th, on the 5th: read as days (two have answers),
        // not as December less its first three days.
        assert_eq!(
            parts_until(20261204, 20261231, false, false, 20261206),
            vec![p(false, 20261204, 20261231)]
        );
        assert_eq!(
            parts_until(20261204, 20261231, false, false, NO_HORIZON),
            vec![p(true, 202612, 202612), less(20261201, 20261203)]
        );
        // A whole month is one read, begun or not.
        assert_eq!(
            parts_until(20260101, 20261231, false, true, 20261206),
            vec![p(true, 202601, 202612)]
        );
        // With blocks: the two days that have begun, one part (the blocks after them
        // would cost nothing but add parts).
        assert_eq!(
            parts_until(20261203, 20261231, false, true, 20261204),
            vec![p(false, 20261203, 20261231)]
        );
    }

    #[test]
    fn days_are_read_as_whole_blocks_where_they_can() {
        // Sep 20-30: the days before the block of the 22nd, then the blocks of the 22nd
        // and the 29th (to the month's end).
        assert_eq!(
            parts_until(20260920, 20261031, false, true, NO_HORIZON),
            vec![
                p(false, 20260920, 20260921),
                blocks(20260922, 20260929, false),
                p(true, 202610, 202610),
            ]
        );
        // Nov 10-30: five days and three blocks (8 reads), or the month less a block and
        // two days (4 reads).
        assert_eq!(
            parts_until(20261110, 20261130, false, true, NO_HORIZON),
            vec![
                p(true, 202611, 202611),
                blocks(20261101, 20261101, true),
                less(20261108, 20261109),
            ]
        );
        // Nov 13-24: the days before and after the one whole block between them.
        assert_eq!(
            parts_until(20261113, 20261124, false, true, NO_HORIZON),
            vec![
                p(false, 20261113, 20261114),
                blocks(20261115, 20261115, false),
                p(false, 20261122, 20261124),
            ]
        );
        // Most of a month with blocks outside: the month less a block and a day.
        assert_eq!(
            parts_until(20261109, 20261130, false, true, NO_HORIZON),
            vec![
                p(true, 202611, 202611),
                blocks(20261101, 20261101, true),
                less(20261108, 20261108),
            ]
        );
        // The 45 days before Sep 20 - Nov 3: August less the block of the 1st, with its
        // 6th and 7th given back (4 reads, not 6), and the blocks of Sep 1-21 less the
        // 20th and 21st (5 reads and 2 parts, not the month less 4 parts).
        assert_eq!(
            parts_until(20260806, 20260919, false, true, NO_HORIZON),
            vec![
                p(true, 202608, 202608),
                blocks(20260801, 20260801, true),
                p(false, 20260806, 20260807),
                blocks(20260901, 20260915, false),
                less(20260920, 20260921),
            ]
        );
        // A few days inside one block stay days; most of a block is the block less a day.
        assert_eq!(
            parts_until(20261109, 20261111, false, true, NO_HORIZON),
            vec![p(false, 20261109, 20261111)]
        );
        assert_eq!(
            parts_until(20261109, 20261114, false, true, NO_HORIZON),
            vec![less(20261108, 20261108), blocks(20261108, 20261108, false)]
        );
        // A 30-day month's block of the 29th ends on the 30th; February 2027 has none.
        assert_eq!(
            parts_until(20270201, 20270227, false, true, NO_HORIZON),
            vec![p(true, 202702, 202702), less(20270228, 20270228),]
        );
    }
}
