//! Periods cut into the parts the rollups hold: whole months, blocks of a month's days
//! and days, each added to the figures or taken away (a month less its days outside the
//! period), and the one statement that reads every part of a period.

use uuid::Uuid;

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
/// where they can (see [`crate::Grain::BlockPeople`]), a block costing about a day. The figures
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
pub(crate) fn days(lo: i32, hi: i32, minus: bool) -> Part {
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
