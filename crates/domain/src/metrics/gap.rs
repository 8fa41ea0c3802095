//! The SERVQUAL gap of a dimension: the mean of what customers perceive minus the mean of
//! what they expect, on the same scale, with a Welch interval (the two sides are answered
//! by the same customers only sometimes, so they are treated as independent samples;
//! that makes the interval a little wider, never falsely narrow).

use super::{Estimate, ScoreCounts, t_95};

/// Mean, variance and count of a set of answers (needs 2).
fn moments(c: &ScoreCounts) -> Option<(f64, f64, u64)> {
    let n = c.n();
    if n < 2 {
        return None;
    }
    let nf = n as f64;
    let mean = c.scores().map(|(s, k)| s * k as f64).sum::<f64>() / nf;
    let var = c
        .scores()
        .map(|(s, k)| (s - mean).powi(2) * k as f64)
        .sum::<f64>()
        / (nf - 1.0);
    Some((mean, var, n))
}

/// Perception minus expectation; `None` without two answers on each side or when the
/// sides use different scales. `n` is the smaller side's count.
pub fn gap(expectation: &ScoreCounts, perception: &ScoreCounts) -> Option<Estimate> {
    if expectation.scale != perception.scale {
        return None;
    }
    let (me, ve, ne) = moments(expectation)?;
    let (mp, vp, np) = moments(perception)?;
    let (ae, ap) = (ve / ne as f64, vp / np as f64);
    let se = (ae + ap).sqrt();
    // Welch–Satterthwaite degrees of freedom.
    let df = if se == 0.0 {
        (ne + np - 2) as f64
    } else {
        (ae + ap).powi(2) / (ae.powi(2) / (ne - 1) as f64 + ap.powi(2) / (np - 1) as f64)
    };
    let half = t_95(df.floor().max(1.0) as u64) * se;
    let value = mp - me;
    Some(Estimate {
        value,
        low: value - half,
        high: value + half,
        n: ne.min(np),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scale;

    #[test]
    fn the_gap_is_perception_minus_expectation_with_a_welch_interval() {
        let e = ScoreCounts::from_pairs(Scale::Agree7, [(6, 10), (7, 10)]);
        let p = ScoreCounts::from_pairs(Scale::Agree7, [(4, 10), (5, 10)]);
        let g = gap(&e, &p).unwrap();
        assert!((g.value - (-2.0)).abs() < 1e-12);
        // Each side: variance 0.2632 (n = 20); SE = sqrt(2 × 0.2632 / 20) = 0.1622;
        // df = 38; t(38) ≈ 2.0232.
        let half = (g.high - g.low) / 2.0;
        assert!((half - 2.0232 * 0.16222).abs() < 2e-3, "{half}");
        assert_eq!(g.n, 20);
        // Different scales or too few answers: no gap.
        let csat = ScoreCounts::from_pairs(Scale::Csat5, [(4, 10)]);
        assert_eq!(gap(&e, &csat), None);
        let one = ScoreCounts::from_pairs(Scale::Agree7, [(4, 1)]);
        assert_eq!(gap(&e, &one), None);
    }
}
