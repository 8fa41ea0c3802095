//! Time as Rida stores it: Unix milliseconds, plus the local calendar day of the site.

use jiff::{Timestamp, tz::TimeZone};

/// Milliseconds since the Unix epoch, the form every timestamp is stored in.
pub fn to_millis(ts: Timestamp) -> i64 {
    ts.as_millisecond()
}

/// The inverse of [`to_millis`]; out-of-range values clamp to the nearest representable instant.
pub fn from_millis(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// The calendar day in the given zone as `yyyymmdd` (e.g. 20261124): the key rollups group by.
pub fn local_day(ts: Timestamp, tz: &TimeZone) -> i32 {
    let d = ts.to_zoned(tz.clone()).date();
    i32::from(d.year()) * 10_000 + i32::from(d.month()) * 100 + i32::from(d.day())
}

/// The pause before attempt `attempts + 1` of something that failed: 30 s, doubling,
/// at most `cap_ms`.
pub fn doubling_pause_ms(attempts: i32, cap_ms: i64) -> i64 {
    30_000_i64
        .saturating_mul(1_i64 << attempts.clamp(0, 20))
        .min(cap_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_doubles_up_to_its_cap() {
        assert_eq!(doubling_pause_ms(0, 600_000), 30_000);
        assert_eq!(doubling_pause_ms(1, 600_000), 60_000);
        assert_eq!(doubling_pause_ms(4, 600_000), 480_000);
        assert_eq!(doubling_pause_ms(5, 600_000), 600_000);
        assert_eq!(doubling_pause_ms(40, 3_600_000), 3_600_000);
        assert_eq!(doubling_pause_ms(-1, 3_600_000), 30_000);
    }

    #[test]
    fn local_day_follows_the_site_time_zone() {
        // 23:30 UTC on 23 Nov is already 24 Nov in Riga (UTC+2) and Riyadh (UTC+3).
        let ts: Timestamp = "2026-11-23T23:30:00Z".parse().unwrap();
        assert_eq!(local_day(ts, &TimeZone::UTC), 20261123);
        assert_eq!(
            local_day(ts, &TimeZone::fixed(jiff::tz::offset(2))),
            20261124
        );
    }

    #[test]
    fn millis_round_trip() {
        let ts: Timestamp = "2026-01-02T03:04:05.678Z".parse().unwrap();
        assert_eq!(from_millis(to_millis(ts)), ts);
    }
}
