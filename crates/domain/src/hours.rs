//! Opening hours of a site, as an administrator writes them:
//! `mon-fri 09:00-18:00, sat 10:00-14:00`. Days are `mon tue wed thu fri sat sun`; a day
//! range may wrap (`sun-thu`, as many Arabic-speaking countries work). Several periods
//! are separated by commas.

use jiff::civil::Weekday;

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

    /// Whether the site is open on `day` at `hour:minute` (its own local time).
    pub fn is_open(&self, day: Weekday, hour: i8, minute: i8) -> bool {
        let i = DAYS.iter().position(|(_, d)| *d == day).unwrap_or(0);
        let m = hour as u16 * 60 + minute as u16;
        self.periods
            .iter()
            .any(|(on, from, to)| on[i] && (*from..*to).contains(&m))
    }
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
