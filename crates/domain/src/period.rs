//! Reporting periods: a day, an ISO week (Monday to Sunday), a month, a quarter or any
//! custom range of days; the period before it (for comparisons) and after it.

use jiff::{ToSpan, civil::Date};
use serde::Serialize;

/// The kind of period a dashboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Day,
    Week,
    Month,
    Quarter,
    Custom,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 5] = [
        PeriodKind::Day,
        PeriodKind::Week,
        PeriodKind::Month,
        PeriodKind::Quarter,
        PeriodKind::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Day => "day",
            PeriodKind::Week => "week",
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A range of calendar days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub from: Date,
    pub to: Date,
}

/// Why a custom period was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the period ends before it starts")]
    Reversed,
    #[error("a period is at most {0} days long")]
    TooLong(i32),
}

/// The days a page shows before anyone chooses a period.
pub const DEFAULT_DAYS: i32 = 30;

/// The longest custom period, in days.
pub const MAX_DAYS: i32 = 3 * 366;

/// `yyyymmdd`, the form rollups and answers keep days in.
/// A date typed in a form as year, month and day (`2026-11-05`, `2026/11/5`,
/// `٢٠٢٦-١١-٠٥`): digits of any script customers and staff type, `-`, `/` or `.`
/// between the parts. Only this order: it reads the same in every language.
pub fn parse_typed_date(s: &str) -> Option<Date> {
    let ascii: String = s
        .trim()
        .chars()
        .map(|c| match crate::reply::digit(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None if matches!(c, '/' | '.' | '\u{2212}' | '\u{2010}' | '\u{2011}') => '-',
            None => c,
        })
        .collect();
    let mut parts = ascii.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

pub fn day_key(d: Date) -> i32 {
    i32::from(d.year()) * 10_000 + i32::from(d.month()) * 100 + i32::from(d.day())
}

/// The inverse of [`day_key`].
pub fn from_day_key(k: i32) -> Option<Date> {
    Date::new((k / 10_000) as i16, (k / 100 % 100) as i8, (k % 100) as i8).ok()
}

fn first_of_quarter(d: Date) -> Date {
    let m = (d.month() - 1) / 3 * 3 + 1;
    Date::new(d.year(), m, 1).unwrap_or(d)
}

impl Period {
    /// The period of `kind` that contains `day` (a custom kind gives that one day).
    pub fn containing(kind: PeriodKind, day: Date) -> Period {
        let (from, to) = match kind {
            PeriodKind::Day | PeriodKind::Custom => (day, day),
            PeriodKind::Week => {
                let from = day
                    .checked_sub(i64::from(day.weekday().to_monday_zero_offset()).days())
                    .unwrap_or(day);
                (from, from.checked_add(6.days()).unwrap_or(from))
            }
            PeriodKind::Month => (day.first_of_month(), day.last_of_month()),
            PeriodKind::Quarter => {
                let from = first_of_quarter(day);
                let to = from
                    .checked_add(2.months())
                    .map(|d| d.last_of_month())
                    .unwrap_or(from);
                (from, to)
            }
        };
        Period { kind, from, to }
    }

    /// The last `days` days up to and including `today`: what a page shows before anyone
    /// chooses, the same on the overview and the results (no future days, no thin start
    /// of a new month).
    pub fn last_days(today: Date, days: i32) -> Period {
        let from = today
            .checked_sub(i64::from(days.max(1) - 1).days())
            .unwrap_or(today);
        Period {
            kind: PeriodKind::Custom,
            from,
            to: today,
        }
    }

    /// A custom range of days.
    pub fn custom(from: Date, to: Date) -> Result<Period, PeriodError> {
        if to < from {
            return Err(PeriodError::Reversed);
        }
        if Period::span(from, to) > MAX_DAYS {
            return Err(PeriodError::TooLong(MAX_DAYS));
        }
        Ok(Period {
            kind: PeriodKind::Custom,
            from,
            to,
        })
    }

    fn span(from: Date, to: Date) -> i32 {
        (to - from).get_days() + 1
    }

    /// How many days the period has.
    pub fn days(&self) -> i32 {
        Period::span(self.from, self.to)
    }

    /// The period just before, of the same kind (a custom one: as many days).
    pub fn previous(&self) -> Period {
        let before = self.from.yesterday().unwrap_or(self.from);
        match self.kind {
            PeriodKind::Custom => {
                let from = before
                    .checked_sub(i64::from(self.days() - 1).days())
                    .unwrap_or(before);
                Period {
                    kind: PeriodKind::Custom,
                    from,
                    to: before,
                }
            }
            kind => Period::containing(kind, before),
        }
    }

    /// The period just after, of the same kind.
    pub fn next(&self) -> Period {
        let after = self.to.tomorrow().unwrap_or(self.to);
        match self.kind {
            PeriodKind::Custom => {
                let to = after
                    .checked_add(i64::from(self.days() - 1).days())
                    .unwrap_or(after);
                Period {
                    kind: PeriodKind::Custom,
                    from: after,
                    to,
                }
            }
            kind => Period::containing(kind, after),
        }
    }

    /// The first and last day as `yyyymmdd`.
    pub fn day_keys(&self) -> (i32, i32) {
        (day_key(self.from), day_key(self.to))
    }

    /// Whether `day` is inside.
    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }
}

/// The `count` months (`yyyymm`) up to and including the month of `day`, oldest first.
pub fn months_up_to(day: Date, count: u32) -> Vec<i32> {
    let mut m = day.first_of_month();
    let mut out = Vec::new();
    for _ in 0..count {
        out.push(i32::from(m.year()) * 100 + i32::from(m.month()));
        m = m.checked_sub(1.month()).unwrap_or(m);
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates_read_in_any_digits() {
        let d = Date::new(2026, 11, 5).unwrap();
        for typed in [
            "2026-11-05",
            " 2026/11/5 ",
            "2026.11.05",
            "٢٠٢٦-١١-٠٥",
            "۲۰۲۶/۱۱/۰۵",
        ] {
            assert_eq!(parse_typed_date(typed), Some(d), "{typed}");
        }
        for bad in [
            "05-11-2026",
            "2026-13-01",
            "2026-02-30",
            "26-11-05",
            "2026-11",
            "2026-11-05-1",
            "",
        ] {
            assert_eq!(parse_typed_date(bad), None, "{bad}");
        }
    }
    use jiff::civil::date;

    #[test]
    fn the_default_is_the_last_thirty_days_up_to_today() {
        let today = jiff::civil::date(2026, 12, 1);
        let p = Period::last_days(today, DEFAULT_DAYS);
        assert_eq!((p.from, p.to), (jiff::civil::date(2026, 11, 2), today));
        assert_eq!(p.days(), 30);
        assert_eq!(p.kind, PeriodKind::Custom);
    }

    #[test]
    fn each_kind_contains_the_day_and_knows_its_neighbours() {
        let d = date(2026, 11, 24); // a Tuesday
        let w = Period::containing(PeriodKind::Week, d);
        assert_eq!((w.from, w.to), (date(2026, 11, 23), date(2026, 11, 29)));
        assert_eq!(w.previous().from, date(2026, 11, 16));
        let m = Period::containing(PeriodKind::Month, d);
        assert_eq!(m.day_keys(), (20261101, 20261130));
        assert_eq!(m.previous().day_keys(), (20261001, 20261031));
        assert_eq!(m.next().day_keys(), (20261201, 20261231));
        let q = Period::containing(PeriodKind::Quarter, d);
        assert_eq!(q.day_keys(), (20261001, 20261231));
        assert_eq!(q.previous().day_keys(), (20260701, 20260930));
        assert_eq!(q.next().day_keys(), (20270101, 20270331));
        let day = Period::containing(PeriodKind::Day, date(2027, 1, 1));
        assert_eq!(day.previous().day_keys(), (20261231, 20261231));
        // February in a leap year.
        let feb = Period::containing(PeriodKind::Month, date(2028, 2, 10));
        assert_eq!(feb.days(), 29);
    }

    #[test]
    fn a_custom_period_compares_with_as_many_days_before() {
        let p = Period::custom(date(2026, 11, 10), date(2026, 11, 19)).unwrap();
        assert_eq!(p.days(), 10);
        assert_eq!(p.previous().day_keys(), (20261031, 20261109));
        assert_eq!(p.next().day_keys(), (20261120, 20261129));
        assert_eq!(
            Period::custom(date(2026, 11, 10), date(2026, 11, 9)),
            Err(PeriodError::Reversed)
        );
        assert!(matches!(
            Period::custom(date(2020, 1, 1), date(2026, 1, 1)),
            Err(PeriodError::TooLong(_))
        ));
    }

    #[test]
    fn twelve_months_end_with_the_given_one() {
        let m = months_up_to(date(2026, 3, 15), 12);
        assert_eq!(m.len(), 12);
        assert_eq!(m[0], 202504);
        assert_eq!(m[11], 202603);
        assert_eq!(from_day_key(20260229), None);
        assert_eq!(from_day_key(20260228), Some(date(2026, 2, 28)));
    }
}
