//! How much to trust a figure: intervals around shares.

/// The 95% Wilson score interval for `k` successes in `n` trials, as (low, high) shares.
/// Unlike the normal approximation it stays within 0–1 and behaves for small `n`.
pub fn wilson_95(k: u64, n: u64) -> Option<(f64, f64)> {
    wilson_95_share(k as f64 / n.max(1) as f64, n)
}

/// The same for an observed share `p` (0–1) of `n`: also a conservative interval for
/// the mean of `n` answers bounded in 0–1 (their variance is at most p(1 − p)).
pub fn wilson_95_share(p: f64, n: u64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let z = 1.959_963_984_540_054_f64;
    let n = n as f64;
    let denom = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denom;
    let half = z * ((p * (1.0 - p) / n) + z * z / (4.0 * n * n)).sqrt() / denom;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_the_textbook_values() {
        // 81 of 263: 0.2553 – 0.3662 (Wilson 1927 worked example as commonly cited).
        let (lo, hi) = wilson_95(81, 263).unwrap();
        assert!((lo - 0.2553).abs() < 1e-3, "{lo}");
        assert!((hi - 0.3662).abs() < 1e-3, "{hi}");
        assert_eq!(wilson_95(0, 0), None);
        let (lo, hi) = wilson_95(3, 3).unwrap();
        assert!(lo > 0.4 && hi == 1.0);
    }
}
