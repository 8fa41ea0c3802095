//! Rating terminals: their modes and states, pairing codes, when one counts as
//! offline, and the burst rule that flags a child pressing every face.

use serde::{Deserialize, Serialize};

/// How a terminal asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Rates one place (or one service of it).
    #[default]
    Single,
    /// A main point rating the place and its services, or a desk terminal bound to
    /// that desk's employee.
    Multi,
    /// Customers choose whom or what to rate (canteens, hospitals, offices).
    Free,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Single, Mode::Multi, Mode::Free];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Single => "single",
            Mode::Multi => "multi",
            Mode::Free => "free",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// What a paired device is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A rating terminal customers tap.
    #[default]
    Kiosk,
    /// An employee's station at their desk: asks for ratings, shows none.
    Station,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Kiosk, Kind::Station];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Kiosk => "kiosk",
            Kind::Station => "station",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What a terminal shows besides its survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Asking customers.
    #[default]
    Normal,
    /// "Out of service for maintenance".
    Maintenance,
    /// A blank locked screen.
    Locked,
}

impl State {
    pub const ALL: [State; 3] = [State::Normal, State::Maintenance, State::Locked];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Normal => "normal",
            State::Maintenance => "maintenance",
            State::Locked => "locked",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// How often a terminal reports that it is alive.
pub const HEARTBEAT_SECS: i64 = 15;
/// A terminal not heard from for this long is offline.
pub const OFFLINE_AFTER_SECS: i64 = 60;
/// How long a pairing code may be used.
pub const PAIRING_CODE_MINUTES: i64 = 15;
/// Letters and digits of pairing codes: no 0/O, 1/I/L, so a code is read out without doubt.
pub const PAIRING_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters in a pairing code.
pub const PAIRING_CODE_LEN: usize = 8;

/// Whether a terminal last heard from at `last_seen_ms` is online at `now_ms`.
pub fn online(last_seen_ms: Option<i64>, now_ms: i64) -> bool {
    last_seen_ms.is_some_and(|t| now_ms - t < OFFLINE_AFTER_SECS * 1000)
}

/// Minutes of opening time without an answer before a terminal whose usual pace is not
/// known yet (fewer than [`PACE_MIN_CUSTOMERS`] customers in [`PACE_DAYS`]) is quiet.
pub const QUIET_AFTER_MINUTES: u32 = 180;
/// Never quiet sooner than this much opening time: a lunch break at the counter, a slow
/// hour, is not a broken terminal.
pub const QUIET_MIN_MINUTES: u32 = 60;
/// Never waits longer than this much opening time (three working days of eight hours).
pub const QUIET_MAX_MINUTES: u32 = 24 * 60;
/// The days behind a terminal whose customers make its usual pace.
pub const PACE_DAYS: i64 = 14;
/// Customers needed in those days before a terminal's own pace is trusted.
pub const PACE_MIN_CUSTOMERS: u32 = 10;
/// How much longer than the usual gap between two customers a quiet spell must last:
/// customers come roughly at random at their usual rate, so no customer at all for `k`
/// usual gaps happens by chance with probability e^-k; ln 1000 ≈ 6.9 makes it one in a
/// thousand.
pub const QUIET_GAPS: f64 = 6.907_755;

/// A terminal's usual pace: its customers over the opening time it was there for, within
/// the last [`PACE_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pace {
    pub customers: u32,
    pub open_minutes: u32,
}

impl Pace {
    /// Minutes of opening time between two customers on average, once there are enough.
    pub fn usual_gap(&self) -> Option<f64> {
        (self.customers >= PACE_MIN_CUSTOMERS && self.open_minutes > 0)
            .then(|| f64::from(self.open_minutes) / f64::from(self.customers))
    }

    /// Minutes of opening time without an answer after which the terminal is quiet:
    /// [`QUIET_GAPS`] usual gaps, within [`QUIET_MIN_MINUTES`]–[`QUIET_MAX_MINUTES`];
    /// [`QUIET_AFTER_MINUTES`] while its pace is not known.
    pub fn quiet_after(pace: Option<Pace>) -> u32 {
        match pace.and_then(|p| p.usual_gap()) {
            Some(gap) => {
                ((gap * QUIET_GAPS).ceil() as u32).clamp(QUIET_MIN_MINUTES, QUIET_MAX_MINUTES)
            }
            None => QUIET_AFTER_MINUTES,
        }
    }
}

/// Why a terminal needs someone's attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alert {
    /// Paired but not heard from for a minute.
    Offline,
    /// Online in opening hours, but no answer for much longer than its usual pace
    /// explains (a broken screen, a moved stand).
    Quiet,
}

/// What a supervisor should look at for one terminal. `open` tells whether its site is
/// open now (see [`crate::hours`]); `silent_minutes` is the opening time since its last
/// answer (`None`: it never had one) and `quiet_after` what its pace allows (see
/// [`Pace::quiet_after`]).
pub fn alerts(
    paired: bool,
    last_seen_ms: Option<i64>,
    now_ms: i64,
    open: bool,
    silent_minutes: Option<u32>,
    quiet_after: u32,
) -> Vec<Alert> {
    if !paired {
        return vec![];
    }
    if !online(last_seen_ms, now_ms) {
        return vec![Alert::Offline];
    }
    if open && silent_minutes.is_none_or(|m| m >= quiet_after) {
        return vec![Alert::Quiet];
    }
    vec![]
}

/// A pairing code from random bytes.
pub fn pairing_code(random: &[u8; PAIRING_CODE_LEN]) -> String {
    random
        .iter()
        .map(|b| PAIRING_ALPHABET[*b as usize % PAIRING_ALPHABET.len()] as char)
        .collect()
}

/// A code as typed (any case, spaces or dashes) in its stored form, if it can be one.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == PAIRING_CODE_LEN && code.bytes().all(|b| PAIRING_ALPHABET.contains(&b)))
        .then_some(code)
}

/// The rule that flags bursts: more than `taps` customers within `seconds` on one terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BurstRule {
    pub taps: u32,
    pub seconds: u32,
}

impl BurstRule {
    /// The rule as typed in a form: 1–100 customers, 1–3,600 seconds.
    pub fn parse(taps: &str, seconds: &str) -> Option<BurstRule> {
        let taps: u32 = taps.trim().parse().ok().filter(|t| (1..=100).contains(t))?;
        let seconds: u32 = seconds
            .trim()
            .parse()
            .ok()
            .filter(|s| (1..=3600).contains(s))?;
        Some(BurstRule { taps, seconds })
    }

    /// Which of `starts` (times in ms of customers' first taps, sorted) belong to a burst:
    /// every start in a window of `seconds` that holds more than `taps` starts.
    pub fn flags(&self, starts: &[i64]) -> Vec<bool> {
        let window = i64::from(self.seconds) * 1000;
        let mut flagged = vec![false; starts.len()];
        let mut lo = 0;
        for hi in 0..starts.len() {
            while starts[hi] - starts[lo] > window {
                lo += 1;
            }
            if hi - lo + 1 > self.taps as usize {
                for f in &mut flagged[lo..=hi] {
                    *f = true;
                }
            }
        }
        flagged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_flags_every_tap_of_its_window_and_calm_use_none() {
        let rule = BurstRule {
            taps: 3,
            seconds: 10,
        };
        // One customer every 30 s: nothing.
        let calm: Vec<i64> = (0..10).map(|i| i * 30_000).collect();
        assert!(rule.flags(&calm).iter().all(|f| !f));
        // Five taps within 4 s in the middle of calm use: those five, not the others.
        let mut mixed = vec![0, 60_000, 61_000, 62_000, 63_000, 64_000, 200_000];
        mixed.sort();
        assert_eq!(
            rule.flags(&mixed),
            [false, true, true, true, true, true, false]
        );
        // Exactly `taps` in the window is still fine.
        assert!(rule.flags(&[0, 1000, 2000]).iter().all(|f| !f));
    }

    #[test]
    fn codes_are_read_back_however_they_are_typed() {
        let code = pairing_code(&[0, 1, 2, 3, 30, 31, 200, 255]);
        assert_eq!(code.len(), PAIRING_CODE_LEN);
        let typed = format!(" {}-{} ", &code[..4].to_lowercase(), &code[4..]);
        assert_eq!(normalise_code(&typed), Some(code));
        assert_eq!(
            normalise_code("ABCD-EFG0"),
            None,
            "0 is not in the alphabet"
        );
        assert_eq!(normalise_code("ABC"), None);
    }

    #[test]
    fn alerts_name_offline_and_quiet_terminals_in_opening_hours() {
        let now = 100 * 3_600_000;
        let seen = Some(now - 5_000);
        let after = QUIET_AFTER_MINUTES;
        assert_eq!(alerts(false, None, now, true, None, after), []);
        assert_eq!(
            alerts(true, Some(now - 120_000), now, true, Some(5), after),
            [Alert::Offline]
        );
        assert_eq!(
            alerts(true, seen, now, true, Some(240), after),
            [Alert::Quiet]
        );
        assert_eq!(alerts(true, seen, now, false, Some(240), after), []);
        assert_eq!(alerts(true, seen, now, true, Some(10), after), []);
        assert_eq!(alerts(true, seen, now, true, None, after), [Alert::Quiet]);
    }

    #[test]
    fn quiet_follows_the_terminals_own_pace() {
        // Unknown pace (fewer than ten customers): three hours of opening time.
        let few = Pace {
            customers: 9,
            open_minutes: 7_560,
        };
        assert_eq!(Pace::quiet_after(None), 180);
        assert_eq!(Pace::quiet_after(Some(few)), 180);
        // A customer every 5 minutes: 35 minutes would be unusual, but never under an hour.
        let busy = Pace {
            customers: 1_512,
            open_minutes: 7_560,
        };
        assert_eq!(busy.usual_gap(), Some(5.0));
        assert_eq!(Pace::quiet_after(Some(busy)), QUIET_MIN_MINUTES);
        // A customer every 30 minutes: quiet after 6.9 gaps, 208 minutes.
        let steady = Pace {
            customers: 252,
            open_minutes: 7_560,
        };
        assert_eq!(Pace::quiet_after(Some(steady)), 208);
        // A customer every 12.6 hours of opening time: at most three working days.
        let rare = Pace {
            customers: 10,
            open_minutes: 7_560,
        };
        assert_eq!(Pace::quiet_after(Some(rare)), QUIET_MAX_MINUTES);
        // With no opening time behind it, its pace is not known.
        let new = Pace {
            customers: 20,
            open_minutes: 0,
        };
        assert_eq!(Pace::quiet_after(Some(new)), QUIET_AFTER_MINUTES);
    }

    #[test]
    fn a_terminal_is_offline_after_a_minute_of_silence() {
        assert!(online(Some(1_000_000), 1_000_000 + 59_000));
        assert!(!online(Some(1_000_000), 1_000_000 + 60_000));
        assert!(!online(None, 0));
    }
}
