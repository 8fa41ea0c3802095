//! The operational metrics, from visits rather than answers, each defined once:
//!
//! - **Response rate**: visits with at least one answer / visits, in %, Wilson interval.
//! - **Waiting time** (first response time): from the customer's arrival (the ticket) to
//!   the start of their visit, in seconds; the mean with a Student-t interval, and the share
//!   of waits within the service's target (Wilson).
//! - **Time with customer**: from the start of the visit to its end, in seconds; the mean
//!   and the share within the service's target, likewise.
//! - **Retention**: of the customers (by customer key) who visited in a period, each
//!   counted once at their last visit in it, the share who came back within the window the
//!   admin sets (default 90 days); churn is the rest. Customers whose window has not ended
//!   yet are neither, and are shown as pending.
//!
//! A visit is judged against the targets in force when it happened (they are copied onto
//! the visit), so changing a target does not rewrite the past.

use serde::Serialize;

use super::{Estimate, t_95};
use crate::{names::FieldError, stats::wilson_95};

/// The longest duration counted (a visit left open over a weekend is not a 60-hour
/// service); longer ones count as visits, not as times.
pub const MAX_DURATION_S: i64 = 12 * 3600;

/// What one visit contributes, and what a rollup cell sums. Signed so that a change to a
/// visit is applied as "new minus old".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct VisitTotals {
    pub visits: i64,
    /// Visits with at least one answer.
    pub answered: i64,
    /// Visits with a start and an end: the time with the customer.
    pub handled: i64,
    pub handle_s: i64,
    pub handle_sq: i64,
    /// Of those, judged against a target, and within it.
    pub handle_targeted: i64,
    pub handle_within: i64,
    /// Visits with an arrival and a start: the waiting time.
    pub waited: i64,
    pub wait_s: i64,
    pub wait_sq: i64,
    pub wait_targeted: i64,
    pub wait_within: i64,
}

/// What the metrics need of one visit (times in ms since the epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitTimes {
    pub arrived_at: Option<i64>,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub answered: bool,
    pub target_wait_s: Option<i32>,
    pub target_handle_s: Option<i32>,
}

/// A duration in whole seconds from `from` to `to`, if it makes sense.
fn seconds(from: i64, to: i64) -> Option<i64> {
    let s = (to - from) / 1000;
    (0..=MAX_DURATION_S).contains(&s).then_some(s)
}

impl VisitTotals {
    pub const COLUMNS: [&'static str; 12] = [
        "visits",
        "answered",
        "handled",
        "handle_s",
        "handle_sq",
        "handle_targeted",
        "handle_within",
        "waited",
        "wait_s",
        "wait_sq",
        "wait_targeted",
        "wait_within",
    ];

    /// The columns in [`VisitTotals::COLUMNS`] order.
    pub fn values(&self) -> [i64; 12] {
        [
            self.visits,
            self.answered,
            self.handled,
            self.handle_s,
            self.handle_sq,
            self.handle_targeted,
            self.handle_within,
            self.waited,
            self.wait_s,
            self.wait_sq,
            self.wait_targeted,
            self.wait_within,
        ]
    }

    /// Built from values in [`VisitTotals::COLUMNS`] order (missing ones are 0).
    pub fn from_values(v: &[i64]) -> VisitTotals {
        let at = |i: usize| v.get(i).copied().unwrap_or(0);
        VisitTotals {
            visits: at(0),
            answered: at(1),
            handled: at(2),
            handle_s: at(3),
            handle_sq: at(4),
            handle_targeted: at(5),
            handle_within: at(6),
            waited: at(7),
            wait_s: at(8),
            wait_sq: at(9),
            wait_targeted: at(10),
            wait_within: at(11),
        }
    }

    /// What one visit contributes.
    pub fn of(v: &VisitTimes) -> VisitTotals {
        let mut t = VisitTotals {
            visits: 1,
            answered: i64::from(v.answered),
            ..VisitTotals::default()
        };
        if let Some(s) = v.ended_at.and_then(|e| seconds(v.started_at, e)) {
            t.handled = 1;
            t.handle_s = s;
            t.handle_sq = s * s;
            if let Some(target) = v.target_handle_s {
                t.handle_targeted = 1;
                t.handle_within = i64::from(s <= i64::from(target));
            }
        }
        if let Some(s) = v.arrived_at.and_then(|a| seconds(a, v.started_at)) {
            t.waited = 1;
            t.wait_s = s;
            t.wait_sq = s * s;
            if let Some(target) = v.target_wait_s {
                t.wait_targeted = 1;
                t.wait_within = i64::from(s <= i64::from(target));
            }
        }
        t
    }

    pub fn add(&mut self, o: &VisitTotals) {
        let sum: Vec<i64> = self
            .values()
            .iter()
            .zip(o.values())
            .map(|(a, b)| a + b)
            .collect();
        *self = VisitTotals::from_values(&sum);
    }

    /// `self − o`: the change from `o` to `self`.
    pub fn minus(&self, o: &VisitTotals) -> VisitTotals {
        let diff: Vec<i64> = self
            .values()
            .iter()
            .zip(o.values())
            .map(|(a, b)| a - b)
            .collect();
        VisitTotals::from_values(&diff)
    }

    pub fn is_zero(&self) -> bool {
        self.values().iter().all(|v| *v == 0)
    }

    /// Response rate: visits with an answer / visits, in %.
    pub fn response_rate(&self) -> Option<Estimate> {
        share(self.answered, self.visits)
    }

    /// Mean time with the customer, in seconds.
    pub fn mean_handle(&self) -> Option<Estimate> {
        mean_of(self.handled, self.handle_s, self.handle_sq)
    }

    /// Share of visits within the service's target time with the customer, in %.
    pub fn handle_within_target(&self) -> Option<Estimate> {
        share(self.handle_within, self.handle_targeted)
    }

    /// Mean waiting time (arrival to start), in seconds.
    pub fn mean_wait(&self) -> Option<Estimate> {
        mean_of(self.waited, self.wait_s, self.wait_sq)
    }

    /// Share of waits within the service's target, in %.
    pub fn wait_within_target(&self) -> Option<Estimate> {
        share(self.wait_within, self.wait_targeted)
    }
}

/// An operational metric, as the report builder asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitMetric {
    /// Visits with an answer / visits, in %.
    ResponseRate,
    /// Mean waiting time, in minutes.
    Wait,
    /// Share of waits within the service's target, in %.
    WaitWithinTarget,
    /// Mean time with the customer, in minutes.
    Handle,
    /// Share of visits within the service's target time with the customer, in %.
    HandleWithinTarget,
}

impl VisitMetric {
    pub const ALL: [VisitMetric; 5] = [
        VisitMetric::ResponseRate,
        VisitMetric::Wait,
        VisitMetric::WaitWithinTarget,
        VisitMetric::Handle,
        VisitMetric::HandleWithinTarget,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VisitMetric::ResponseRate => "response_rate",
            VisitMetric::Wait => "wait",
            VisitMetric::WaitWithinTarget => "wait_within_target",
            VisitMetric::Handle => "handle",
            VisitMetric::HandleWithinTarget => "handle_within_target",
        }
    }

    pub fn parse(s: &str) -> Option<VisitMetric> {
        VisitMetric::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether the figure is a mean (in minutes) rather than a share in %.
    pub fn is_mean(self) -> bool {
        matches!(self, VisitMetric::Wait | VisitMetric::Handle)
    }

    /// The figure and its interval from the visits' totals (means in minutes).
    pub fn estimate(self, t: &VisitTotals) -> Option<Estimate> {
        let minutes = |e: Estimate| Estimate {
            value: e.value / 60.0,
            low: e.low / 60.0,
            high: e.high / 60.0,
            n: e.n,
        };
        match self {
            VisitMetric::ResponseRate => t.response_rate(),
            VisitMetric::Wait => t.mean_wait().map(minutes),
            VisitMetric::WaitWithinTarget => t.wait_within_target(),
            VisitMetric::Handle => t.mean_handle().map(minutes),
            VisitMetric::HandleWithinTarget => t.handle_within_target(),
        }
    }

    /// How many visits the figure counts (its sample size, even when too few for a figure).
    pub fn n(self, t: &VisitTotals) -> u64 {
        let n = match self {
            VisitMetric::ResponseRate => t.visits,
            VisitMetric::Wait => t.waited,
            VisitMetric::WaitWithinTarget => t.wait_targeted,
            VisitMetric::Handle => t.handled,
            VisitMetric::HandleWithinTarget => t.handle_targeted,
        };
        u64::try_from(n).unwrap_or(0)
    }
}

/// `k` of `n` as a share in %, with its Wilson interval.
pub fn share(k: i64, n: i64) -> Option<Estimate> {
    let (k, n) = (u64::try_from(k).ok()?, u64::try_from(n).ok()?);
    let (lo, hi) = wilson_95(k.min(n), n)?;
    let value = 100.0 * k.min(n) as f64 / n as f64;
    Some(Estimate {
        value,
        low: (100.0 * lo).min(value),
        high: (100.0 * hi).max(value),
        n,
    })
}

/// The mean of some values with a Student-t interval (at least two values).
pub fn mean_of_values(xs: &[f64]) -> Option<Estimate> {
    let n = xs.len() as u64;
    if n < 2 {
        return None;
    }
    let nf = n as f64;
    let mean = xs.iter().sum::<f64>() / nf;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (nf - 1.0);
    let half = t_95(n - 1) * (var / nf).sqrt();
    Some(Estimate {
        value: mean,
        low: (mean - half).max(0.0),
        high: mean + half,
        n,
    })
}

/// The mean of `n` values from their sum and sum of squares, with a Student-t interval.
fn mean_of(n: i64, sum: i64, sum_sq: i64) -> Option<Estimate> {
    let n = u64::try_from(n).ok().filter(|n| *n >= 2)?;
    let nf = n as f64;
    let mean = sum as f64 / nf;
    let var = ((sum_sq as f64 - nf * mean * mean) / (nf - 1.0)).max(0.0);
    let half = t_95(n - 1) * (var / nf).sqrt();
    Some(Estimate {
        value: mean,
        low: (mean - half).max(0.0),
        high: mean + half,
        n,
    })
}

/// The customers of a period, by what became of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Retention {
    /// Came back within the window.
    pub retained: i64,
    /// Did not come back within the window, and the window has ended.
    pub churned: i64,
    /// Have not come back yet, and their window has not ended.
    pub pending: i64,
}

/// Where one customer stands, from their last visit in the period and their next one.
pub fn retention_of(
    started_at: i64,
    next_visit_at: Option<i64>,
    window_days: i32,
    now: i64,
) -> RetentionState {
    let window = i64::from(window_days) * 86_400_000;
    match next_visit_at {
        Some(next) if next - started_at <= window => RetentionState::Retained,
        Some(_) => RetentionState::Churned,
        None if now - started_at < window => RetentionState::Pending,
        None => RetentionState::Churned,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionState {
    Retained,
    Churned,
    Pending,
}

impl Retention {
    pub fn count(&mut self, s: RetentionState) {
        match s {
            RetentionState::Retained => self.retained += 1,
            RetentionState::Churned => self.churned += 1,
            RetentionState::Pending => self.pending += 1,
        }
    }

    /// Retention rate: retained / (retained + churned), in %.
    pub fn rate(&self) -> Option<Estimate> {
        share(self.retained, self.retained + self.churned)
    }

    /// Churn rate: churned / (retained + churned), in %.
    pub fn churn(&self) -> Option<Estimate> {
        share(self.churned, self.retained + self.churned)
    }
}

/// The admin's retention window, as typed: 1 to 730 days.
pub fn parse_window_days(s: &str) -> Option<i32> {
    s.trim().parse().ok().filter(|d| (1..=730).contains(d))
}

/// A per-service target in seconds, typed as minutes (e.g. `4` or `2.5`); empty: none.
pub fn parse_target_minutes(s: &str) -> Result<Option<i32>, FieldError> {
    let s = s.trim().replace(',', ".");
    if s.is_empty() {
        return Ok(None);
    }
    let m: f64 = s.parse().map_err(|_| FieldError::Invalid)?;
    if !(m > 0.0 && m <= (MAX_DURATION_S / 60) as f64) {
        return Err(FieldError::Invalid);
    }
    Ok(Some((m * 60.0).round() as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(arrived: Option<i64>, start: i64, end: Option<i64>) -> VisitTimes {
        VisitTimes {
            arrived_at: arrived,
            started_at: start,
            ended_at: end,
            answered: false,
            target_wait_s: Some(300),
            target_handle_s: Some(600),
        }
    }

    #[test]
    fn a_visit_contributes_its_times_and_whether_they_met_the_targets() {
        let t = VisitTotals::of(&visit(Some(0), 200_000, Some(900_000)));
        assert_eq!((t.visits, t.answered), (1, 0));
        assert_eq!((t.waited, t.wait_s, t.wait_sq), (1, 200, 40_000));
        assert_eq!((t.wait_targeted, t.wait_within), (1, 1));
        assert_eq!((t.handled, t.handle_s), (1, 700));
        assert_eq!((t.handle_targeted, t.handle_within), (1, 0));
        // An open visit has no time with the customer yet; no arrival, no wait.
        let open = VisitTotals::of(&visit(None, 0, None));
        assert_eq!((open.visits, open.handled, open.waited), (1, 0, 0));
        // A visit ending before it started, or left open for days, counts no time.
        assert_eq!(
            VisitTotals::of(&visit(None, 10_000, Some(5_000))).handled,
            0
        );
        let days = VisitTotals::of(&visit(None, 0, Some(3 * 86_400_000)));
        assert_eq!(days.handled, 0);
        // Without a target, the time counts but is judged against nothing.
        let mut free = visit(None, 0, Some(60_000));
        free.target_handle_s = None;
        let f = VisitTotals::of(&free);
        assert_eq!((f.handled, f.handle_targeted), (1, 0));
    }

    #[test]
    fn report_metrics_read_the_totals_in_minutes_and_percent() {
        let mut t = VisitTotals::default();
        for (arrived, start, end) in [(0, 120_000, 420_000), (0, 480_000, 1_080_000)] {
            t.add(&VisitTotals::of(&visit(Some(arrived), start, Some(end))));
        }
        t.add(&VisitTotals::of(&visit(None, 0, None)));
        // Waits of 2 and 8 minutes: mean 5; both within 5 minutes? 2 yes, 8 no.
        let wait = VisitMetric::Wait.estimate(&t).unwrap();
        assert!((wait.value - 5.0).abs() < 1e-9 && wait.low < 5.0 && wait.high > 5.0);
        assert_eq!(VisitMetric::Wait.n(&t), 2);
        let within = VisitMetric::WaitWithinTarget.estimate(&t).unwrap();
        assert!((within.value - 50.0).abs() < 1e-9);
        // Times with the customer: 5 and 10 minutes.
        let handle = VisitMetric::Handle.estimate(&t).unwrap();
        assert!((handle.value - 7.5).abs() < 1e-9);
        assert_eq!(VisitMetric::ResponseRate.n(&t), 3);
        assert_eq!(VisitMetric::ResponseRate.estimate(&t).unwrap().value, 0.0);
        for m in VisitMetric::ALL {
            assert_eq!(VisitMetric::parse(m.as_str()), Some(m));
        }
        assert_eq!(VisitMetric::parse("csat"), None);
        // Hours to close 1, 2, 3: mean 2, t(2) = 4.303 × 1/√3.
        let m = mean_of_values(&[1.0, 2.0, 3.0]).unwrap();
        assert!((m.value - 2.0).abs() < 1e-12);
        assert!((m.high - (2.0 + 4.303 / 3f64.sqrt())).abs() < 1e-9);
        assert_eq!(m.low, 0.0, "never below zero");
        assert!(mean_of_values(&[5.0]).is_none());
    }

    #[test]
    fn a_change_applies_as_new_minus_old() {
        let before = VisitTotals::of(&visit(None, 0, None));
        let mut ended = visit(None, 0, Some(120_000));
        ended.answered = true;
        let after = VisitTotals::of(&ended);
        let delta = after.minus(&before);
        assert_eq!((delta.visits, delta.answered, delta.handled), (0, 1, 1));
        let mut cell = before;
        cell.add(&delta);
        assert_eq!(cell, after);
        assert!(after.minus(&after).is_zero());
    }

    #[test]
    fn means_and_shares_match_a_direct_computation() {
        let waits = [60_i64, 120, 180, 240, 900];
        let mut cell = VisitTotals::default();
        for (i, w) in waits.iter().enumerate() {
            let mut v = visit(Some(0), w * 1000, Some(w * 1000 + 300_000));
            v.answered = i % 2 == 0;
            cell.add(&VisitTotals::of(&v));
        }
        let mean = cell.mean_wait().unwrap();
        assert!((mean.value - 300.0).abs() < 1e-9);
        // Sample variance of the waits: 468,000 / 4 = 117,000; t(4) = 2.776.
        let half = 2.776 * 117_000f64.sqrt() / 5f64.sqrt();
        assert!((mean.high - (300.0 + half)).abs() < 1e-6, "{mean:?}");
        assert_eq!(mean.low, 0.0, "a mean time is never under 0");
        assert_eq!(cell.wait_within_target().unwrap().value, 80.0);
        assert_eq!(cell.response_rate().unwrap().value, 60.0);
        assert_eq!(cell.response_rate().unwrap().n, 5);
        assert_eq!(VisitTotals::default().response_rate(), None);
    }

    #[test]
    fn retention_counts_customers_whose_window_has_ended() {
        let day = 86_400_000;
        assert_eq!(
            retention_of(0, Some(30 * day), 90, 100 * day),
            RetentionState::Retained
        );
        assert_eq!(
            retention_of(0, Some(91 * day), 90, 100 * day),
            RetentionState::Churned
        );
        assert_eq!(
            retention_of(0, None, 90, 100 * day),
            RetentionState::Churned
        );
        assert_eq!(retention_of(0, None, 90, 10 * day), RetentionState::Pending);
        let mut r = Retention::default();
        for s in [
            RetentionState::Retained,
            RetentionState::Retained,
            RetentionState::Retained,
            RetentionState::Churned,
            RetentionState::Pending,
        ] {
            r.count(s);
        }
        assert_eq!(r.rate().unwrap().value, 75.0);
        assert_eq!(r.churn().unwrap().value, 25.0);
        assert_eq!(r.rate().unwrap().n, 4);
    }

    #[test]
    fn targets_and_windows_are_read_as_typed() {
        assert_eq!(parse_target_minutes(""), Ok(None));
        assert_eq!(parse_target_minutes("4"), Ok(Some(240)));
        assert_eq!(parse_target_minutes("2,5"), Ok(Some(150)));
        assert_eq!(parse_target_minutes("0"), Err(FieldError::Invalid));
        assert_eq!(parse_target_minutes("soon"), Err(FieldError::Invalid));
        assert_eq!(parse_window_days("90"), Some(90));
        assert_eq!(parse_window_days("0"), None);
        assert_eq!(parse_window_days("1000"), None);
    }
}
