//! Opening hours of a site, as an administrator writes them:
//! `mon-fri 09:00-18:00, sat 10:00-14:00`. Days are `mon tue wed thu fri sat sun`; a day
//! range may wrap (`sun-thu`, as many Arabic-speaking countries work). Several periods
//! are separated by commas.

use jiff::{
    civil::{Date, Weekday},
    tz::TimeZone,
};

/// The days of the week in the order they are written.
const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

/// Parsed opening hours: for each period, the days it applies to and its minutes of the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningHours {
    periods: Vec<([bool; 7], u16, u16)>,
}

fn day_index(s: &str) -> Option<usize> {
    DAYS.iter().position(|(n, _)| *n == s)
}

fn minutes(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

impl OpeningHours {
    /// Parses the written form; `None` when any part is not understood.
    pub fn parse(text: &str) -> Option<OpeningHours> {
        let mut periods = Vec::new();
        for part in text
            .split([',', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let lower = part.to_ascii_lowercase();
            let (days, times) = lower.split_once(char::is_whitespace)?;
            let mut on = [false; 7];
            for d in days.split('+') {
                match d.split_once('-') {
                    Some((a, b)) => {
                        let (a, b) = (day_index(a)?, day_index(b)?);
                        let mut i = a;
                        loop {
                            on[i] = true;
                            if i == b {
                                break;
                            }
                            i = (i + 1) % 7;
                        }
                    }
                    None => on[day_index(d)?] = true,
                }
            }
            let (from, to) = times.trim().split_once('-')?;
            let (from, to) = (minutes(from.trim())?, minutes(to.trim())?);
            if from >= to {
                return None;
            }
            periods.push((on, from, to));
        }
        (!periods.is_empty()).then_some(OpeningHours { periods })
    }

    /// Every day 09:00–18:00: assumed for a site that has none written down.
    pub fn usual() -> OpeningHours {
        OpeningHours {
            periods: vec![([true; 7], 9 * 60, 18 * 60)],
        }
    }

    /// Whether the site is open on `day` at `hour:minute` (its own local time).
    pub fn is_open(&self, day: Weekday, hour: i8, minute: i8) -> bool {
        let i = day_of(day);
        let m = hour as u16 * 60 + minute as u16;
        self.periods
            .iter()
            .any(|(on, from, to)| on[i] && (*from..*to).contains(&m))
    }

    /// The periods open on `day` as minutes of the day, sorted, overlaps merged.
    fn spans(&self, day: Weekday) -> Vec<(u16, u16)> {
        let i = day_of(day);
        let mut spans: Vec<(u16, u16)> = self
            .periods
            .iter()
            .filter(|(on, ..)| on[i])
            .map(|(_, a, b)| (*a, *b))
            .collect();
        spans.sort_unstable();
        let mut merged: Vec<(u16, u16)> = Vec::new();
        for (a, b) in spans {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        merged
    }

    /// Minutes open on `day` between the minutes of the day `from` and `to`; periods
    /// that overlap count once.
    pub fn minutes_open(&self, day: Weekday, from: u16, to: u16) -> u32 {
        self.spans(day)
            .into_iter()
            .map(|(a, b)| u32::from(b.min(to).saturating_sub(a.max(from))))
            .sum()
    }

    /// Minutes open between two instants (ms) on the clock of `tz`, as they really
    /// passed (a day when clocks change has its hour more or less); days more than
    /// [`MAX_DAYS_COUNTED`] before `to_ms` are not counted.
    pub fn minutes_open_between(&self, tz: &TimeZone, from_ms: i64, to_ms: i64) -> u32 {
        let from_ms = from_ms.max(to_ms - MAX_DAYS_COUNTED * 86_400_000);
        if from_ms >= to_ms {
            return 0;
        }
        let local = |ms: i64| crate::time::from_millis(ms).to_zoned(tz.clone());
        let end = local(to_ms).date();
        // The instant a local day's minute `m` falls on (24:00: the next day's midnight).
        let instant = |day: Date, m: u16| {
            let (day, m) = match m {
                1440.. => (day.tomorrow().unwrap_or(day), 0),
                _ => (day, m),
            };
            day.at((m / 60) as i8, (m % 60) as i8, 0, 0)
                .to_zoned(tz.clone())
                .map_or(0, |z| z.timestamp().as_millisecond())
        };
        let mut day = local(from_ms).date();
        let mut total_ms = 0;
        while day <= end {
            for (a, b) in self.spans(day.weekday()) {
                let (a, b) = (instant(day, a).max(from_ms), instant(day, b).min(to_ms));
                total_ms += (b - a).max(0);
            }
            day = match day.tomorrow() {
                Ok(d) => d,
                Err(_) => break,
            };
        }
        (total_ms / 60_000) as u32
    }
}

/// How many days back [`OpeningHours::minutes_open_between`] counts at most.
pub const MAX_DAYS_COUNTED: i64 = 60;

fn day_of(day: Weekday) -> usize {
    DAYS.iter().position(|(_, d)| *d == day).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_a_short_saturday() {
        let h = OpeningHours::parse("Mon-Fri 09:00-18:00, sat 10:00-14:00").unwrap();
        assert!(h.is_open(Weekday::Monday, 9, 0));
        assert!(!h.is_open(Weekday::Monday, 18, 0));
        assert!(h.is_open(Weekday::Saturday, 13, 59));
        assert!(!h.is_open(Weekday::Saturday, 15, 0));
        assert!(!h.is_open(Weekday::Sunday, 12, 0));
    }

    #[test]
    fn a_week_from_sunday_to_thursday_wraps() {
        let h = OpeningHours::parse("sun-thu 08:00-16:00").unwrap();
        assert!(h.is_open(Weekday::Sunday, 8, 0));
        assert!(h.is_open(Weekday::Thursday, 15, 0));
        assert!(!h.is_open(Weekday::Friday, 10, 0));
        assert!(!h.is_open(Weekday::Saturday, 10, 0));
    }

    #[test]
    fn minutes_open_count_overlaps_once_and_follow_the_local_clock() {
        let h = OpeningHours::parse("mon-fri 09:00-13:00, mon-fri 12:00-18:00, sat 10:00-14:00")
            .unwrap();
        assert_eq!(h.minutes_open(Weekday::Monday, 0, 24 * 60), 9 * 60);
        assert_eq!(h.minutes_open(Weekday::Monday, 17 * 60, 24 * 60), 60);
        assert_eq!(h.minutes_open(Weekday::Sunday, 0, 24 * 60), 0);
        let riga = TimeZone::get("Europe/Riga").unwrap();
        let at = |s: &str| {
            s.parse::<jiff::civil::DateTime>()
                .unwrap()
                .to_zoned(riga.clone())
                .unwrap()
                .timestamp()
                .as_millisecond()
        };
        // Friday 17:00 to Monday 10:00: an hour on Friday, four on Saturday, one on Monday.
        let (fri, mon) = (at("2026-12-04T17:00"), at("2026-12-07T10:00"));
        assert_eq!(h.minutes_open_between(&riga, fri, mon), 6 * 60);
        assert_eq!(h.minutes_open_between(&riga, mon, fri), 0);
        // Far back: only the last MAX_DAYS_COUNTED days count.
        let long_ago = mon - 400 * 86_400_000;
        let most = h.minutes_open_between(&riga, long_ago, mon);
        assert!(
            most <= MAX_DAYS_COUNTED as u32 * 9 * 60 && most > 40 * 9 * 60,
            "{most}"
        );
        assert_eq!(
            OpeningHours::usual().minutes_open_between(
                &riga,
                at("2026-12-06T08:00"),
                at("2026-12-06T20:00")
            ),
            9 * 60
        );
        // Round the clock over the night clocks go forward: 23 hours pass in that day.
        let always = OpeningHours::parse("mon-sun 00:00-24:00").unwrap();
        let (sat, sun) = (at("2027-03-27T12:00"), at("2027-03-28T12:00"));
        assert_eq!(always.minutes_open_between(&riga, sat, sun), 23 * 60);
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "",
            "every day",
            "mon 18:00-09:00",
            "mon-fri 9-18",
            "xyz 09:00-10:00",
            "mon 25:00-26:00",
        ] {
            assert_eq!(OpeningHours::parse(bad), None, "{bad}");
        }
        assert!(OpeningHours::parse("mon+wed 07:30-12:00").unwrap().is_open(
            Weekday::Wednesday,
            7,
            30
        ));
    }
}
