//! How a figure moved between two periods, and whether the move is more than chance:
//! two-proportion z-test for shares, Welch for means, a difference test for NPS.

use serde::Serialize;

use super::ScoreCounts;

/// How a figure moved from one period to the next, and whether the move is more than
/// chance (a two-sided test at the 5 % level).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// This period minus the previous one, in the figure's unit (points of %, or score).
    pub delta: f64,
    /// The probability of a move at least this large by chance alone.
    pub p_value: f64,
    pub significant: bool,
}

/// The change of a share (`from..=to` of the scale) between two periods: two-proportion
/// z-test with the pooled share.
pub fn share_change(
    previous: &ScoreCounts,
    current: &ScoreCounts,
    from: i16,
    to: i16,
) -> Option<Change> {
    let (n1, n2) = (previous.n() as f64, current.n() as f64);
    if n1 == 0.0 || n2 == 0.0 {
        return None;
    }
    let (k1, k2) = (
        previous.between(from, to) as f64,
        current.between(from, to) as f64,
    );
    let (p1, p2) = (k1 / n1, k2 / n2);
    let pooled = (k1 + k2) / (n1 + n2);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    let p_value = if se == 0.0 {
        1.0
    } else {
        2.0 * normal_sf(((p2 - p1) / se).abs())
    };
    Some(Change {
        delta: 100.0 * (p2 - p1),
        p_value,
        significant: p_value < 0.05,
    })
}

/// The change of a mean between two periods: Welch's t-test (normal approximation of
/// its distribution, fair from a few dozen answers on).
pub fn mean_change(previous: &ScoreCounts, current: &ScoreCounts) -> Option<Change> {
    let (a, b) = (previous.mean()?, current.mean()?);
    let var = |c: &ScoreCounts, m: f64| {
        c.scores()
            .map(|(s, k)| (s - m).powi(2) * k as f64)
            .sum::<f64>()
            / (c.n() as f64 - 1.0)
    };
    let se = (var(previous, a.value) / a.n as f64 + var(current, b.value) / b.n as f64).sqrt();
    let p_value = if se == 0.0 {
        1.0
    } else {
        2.0 * normal_sf(((b.value - a.value) / se).abs())
    };
    Some(Change {
        delta: b.value - a.value,
        p_value,
        significant: p_value < 0.05,
    })
}

/// The change of NPS between two periods: z-test of the difference, each NPS with the
/// variance of a promoter-minus-detractor difference, (p + d − (p − d)²) / n.
pub fn nps_change(previous: &ScoreCounts, current: &ScoreCounts) -> Option<Change> {
    let part = |c: &ScoreCounts| {
        let n = c.n() as f64;
        (n > 0.0).then(|| {
            let (p, d) = (c.between(9, 10) as f64 / n, c.between(0, 6) as f64 / n);
            (p - d, (p + d - (p - d).powi(2)) / n)
        })
    };
    let ((a, va), (b, vb)) = (part(previous)?, part(current)?);
    let se = (va + vb).sqrt();
    let p_value = if se == 0.0 {
        1.0
    } else {
        2.0 * normal_sf(((b - a) / se).abs())
    };
    Some(Change {
        delta: 100.0 * (b - a),
        p_value,
        significant: p_value < 0.05,
    })
}

/// P(Z > z) for a standard normal Z (Abramowitz–Stegun 7.1.26, error < 1.5e-7).
pub(super) fn normal_sf(z: f64) -> f64 {
    let x = z / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    0.5 * poly * (-x * x).exp()
}
