//! The satisfaction metrics, each defined once: CSAT, NPS and CES from the counts of
//! each score, every figure with its number of answers and a 95% interval, and the rules
//! that keep rankings honest and anonymous answers anonymous.
//!
//! - **CSAT** (1–5): the share of 4 and 5, with a Wilson interval; and the mean.
//! - **NPS** (0–10): % promoters (9–10) minus % detractors (0–6), −100…100, with the
//!   adjusted-Wald interval (Rocks 2016: ¾ of a pseudo-answer added to promoters and to
//!   detractors, 3 to the total), which keeps its coverage for small samples.
//! - **CES** (1–7, 7 = very easy): the mean, and the share of low-effort answers (5–7).
//! - **Means** get a Student-t interval.
//! - **Rankings** order by the lower end of the 95% interval, so 3 lucky answers do not
//!   beat 300 good ones; fewer answers than the minimum (default 30) are not ranked.
//! - **Anonymity**: figures and comments of groups under 5 answers are withheld.

use serde::Serialize;

use crate::{Scale, stats::wilson_95};

mod change;
mod gap;
pub mod operations;
pub use change::{Change, mean_change, nps_change, share_change};
pub use gap::gap;

/// Counts of each score of one scale: what rollups store and what every figure is
/// computed from. Index 0 is the scale's lowest score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreCounts {
    pub scale: Scale,
    counts: [u64; 11],
}

/// A figure with its 95% interval and the number of answers behind it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub n: u64,
}

impl ScoreCounts {
    /// No answers yet.
    pub fn new(scale: Scale) -> ScoreCounts {
        ScoreCounts {
            scale,
            counts: [0; 11],
        }
    }

    fn range(&self) -> (i16, i16) {
        self.scale.score_range().unwrap_or((0, 0))
    }

    /// Adds `n` answers of `score`; scores outside the scale are ignored.
    pub fn add(&mut self, score: i16, n: u64) {
        let (lo, hi) = self.range();
        if (lo..=hi).contains(&score) {
            self.counts[(score - lo) as usize] += n;
        }
    }

    /// Builds from (score, count) pairs.
    pub fn from_pairs(scale: Scale, pairs: impl IntoIterator<Item = (i16, u64)>) -> ScoreCounts {
        let mut c = ScoreCounts::new(scale);
        for (s, n) in pairs {
            c.add(s, n);
        }
        c
    }

    /// Adds another set of counts of the same scale.
    pub fn merge(&mut self, other: &ScoreCounts) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
    }

    /// How many answers gave `score`.
    pub fn count(&self, score: i16) -> u64 {
        let (lo, hi) = self.range();
        if (lo..=hi).contains(&score) {
            self.counts[(score - lo) as usize]
        } else {
            0
        }
    }

    /// The number of answers.
    pub fn n(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Answers with a score in `from..=to`.
    pub fn between(&self, from: i16, to: i16) -> u64 {
        (from..=to).map(|s| self.count(s)).sum()
    }

    fn scores(&self) -> impl Iterator<Item = (f64, u64)> + '_ {
        let (lo, hi) = self.range();
        (lo..=hi).map(move |s| (s as f64, self.count(s)))
    }

    /// The mean score with its Student-t 95% interval (needs 2 answers).
    pub fn mean(&self) -> Option<Estimate> {
        let n = self.n();
        if n < 2 {
            return None;
        }
        let nf = n as f64;
        let mean = self.scores().map(|(s, c)| s * c as f64).sum::<f64>() / nf;
        let var = self
            .scores()
            .map(|(s, c)| (s - mean).powi(2) * c as f64)
            .sum::<f64>()
            / (nf - 1.0);
        let half = t_95(n - 1) * (var / nf).sqrt();
        let (lo, hi) = self.range();
        let (lo, hi) = (lo as f64, hi as f64);
        let (mut low, mut high) = ((mean - half).max(lo), (mean + half).min(hi));
        // Identical answers have no spread, yet a few of them leave the mean uncertain:
        // then the interval is the one a share of the scale would have (Wilson, which
        // holds for any answers bounded by the scale), never a width of zero.
        if var == 0.0 {
            let (wl, wh) =
                crate::stats::wilson_95_share((mean - lo) / (hi - lo), n).unwrap_or((0.0, 1.0));
            low = low.min(lo + wl * (hi - lo));
            high = high.max(lo + wh * (hi - lo));
        }
        Some(Estimate {
            value: mean,
            low,
            high,
            n,
        })
    }

    /// The share (0–100 %) of answers in `from..=to`, with its Wilson interval.
    pub fn share(&self, from: i16, to: i16) -> Option<Estimate> {
        let (n, k) = (self.n(), self.between(from, to));
        let (lo, hi) = wilson_95(k, n)?;
        let value = 100.0 * k as f64 / n as f64;
        // Rounding may put a bound a hair past the figure at 0 % or 100 %.
        Some(Estimate {
            value,
            low: (100.0 * lo).min(value),
            high: (100.0 * hi).max(value),
            n,
        })
    }
}

/// Satisfied share (4–5 of 1–5).
pub fn csat(c: &ScoreCounts) -> Option<Estimate> {
    (c.scale == Scale::Csat5).then(|| c.share(4, 5)).flatten()
}

/// Net Promoter Score, −100…100, with the adjusted-Wald interval.
pub fn nps(c: &ScoreCounts) -> Option<Estimate> {
    if c.scale != Scale::Nps11 || c.n() == 0 {
        return None;
    }
    let n = c.n() as f64;
    let (p, d) = (c.between(9, 10) as f64, c.between(0, 6) as f64);
    let value = 100.0 * (p - d) / n;
    let na = n + 3.0;
    let (pa, da) = ((p + 0.75) / na, (d + 0.75) / na);
    let centre = pa - da;
    let half = 1.959_963_984_540_054 * ((pa + da - centre * centre) / na).sqrt();
    Some(Estimate {
        value,
        low: (100.0 * (centre - half)).max(-100.0),
        high: (100.0 * (centre + half)).min(100.0),
        n: c.n(),
    })
}

/// Share of low-effort answers (5–7 of 1–7, where 7 is very easy).
pub fn ces_low_effort(c: &ScoreCounts) -> Option<Estimate> {
    (c.scale == Scale::Ces7).then(|| c.share(5, 7)).flatten()
}

/// A figure a page, report or export can show: each computed from the counts of one scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Satisfied share (4–5 of 1–5), in %.
    Csat,
    /// Mean of the 1–5 answers.
    CsatMean,
    /// Net Promoter Score, −100…100.
    Nps,
    /// Share of low-effort answers (5–7 of 1–7), in %.
    #[serde(rename = "ces")]
    CesLowEffort,
    /// Mean of the 1–7 effort answers.
    CesMean,
}

/// How a metric's values read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 0–100 %, changes in percentage points.
    Percent,
    /// −100…100, changes in points.
    Score,
    /// A mean on the scale, e.g. "4.2 of 5".
    Mean,
}

impl Metric {
    pub const ALL: [Metric; 5] = [
        Metric::Csat,
        Metric::CsatMean,
        Metric::Nps,
        Metric::CesLowEffort,
        Metric::CesMean,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Csat => "csat",
            Metric::CsatMean => "csat_mean",
            Metric::Nps => "nps",
            Metric::CesLowEffort => "ces",
            Metric::CesMean => "ces_mean",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The scale whose answers the metric counts.
    pub fn scale(self) -> Scale {
        match self {
            Metric::Csat | Metric::CsatMean => Scale::Csat5,
            Metric::Nps => Scale::Nps11,
            Metric::CesLowEffort | Metric::CesMean => Scale::Ces7,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Metric::Csat | Metric::CesLowEffort => Unit::Percent,
            Metric::Nps => Unit::Score,
            Metric::CsatMean | Metric::CesMean => Unit::Mean,
        }
    }

    /// The figure and its interval; `None` without (enough) answers of the scale.
    pub fn estimate(self, c: &ScoreCounts) -> Option<Estimate> {
        if c.scale != self.scale() {
            return None;
        }
        match self {
            Metric::Csat => csat(c),
            Metric::Nps => nps(c),
            Metric::CesLowEffort => ces_low_effort(c),
            Metric::CsatMean | Metric::CesMean => c.mean(),
        }
    }

    /// The change from `previous` to `current` and whether it is more than chance.
    pub fn change(self, previous: &ScoreCounts, current: &ScoreCounts) -> Option<Change> {
        if previous.scale != self.scale() || current.scale != self.scale() {
            return None;
        }
        match self {
            Metric::Csat => share_change(previous, current, 4, 5),
            Metric::CesLowEffort => share_change(previous, current, 5, 7),
            Metric::CsatMean | Metric::CesMean => mean_change(previous, current),
            Metric::Nps => nps_change(previous, current),
        }
    }
}

/// The two-sided 97.5 % quantile of Student's t with `df` degrees of freedom.
fn t_95(df: u64) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::INFINITY,
        1..=30 => TABLE[df as usize - 1],
        // Beyond 30 the quantile approaches the normal one; this keeps it within 0.001.
        _ => 1.959_964 + 2.4 / df as f64,
    }
}

/// The admin's thresholds for showing and ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Thresholds {
    /// Fewer answers than this: "not enough answers", never ranked (default 30).
    pub min_ranked: u64,
    /// Fewer answers than this: figures and comments of the group are withheld (default 5).
    pub min_shown: u64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            min_ranked: 30,
            min_shown: 5,
        }
    }
}

/// What may be shown of a group's figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shown {
    /// The figure, and whether it is ranked.
    Figure { estimate: Estimate, ranked: bool },
    /// Enough to show, not enough to rank: shown with "not enough answers" for ranking.
    /// (Kept apart from `Figure` so pages cannot forget the difference.)
    NotEnough { estimate: Estimate },
    /// Too few answers to show anything without identifying someone.
    Withheld { n: u64 },
}

impl Thresholds {
    /// Reads the thresholds as typed on the organisation page: anonymity between 3 and
    /// 100 answers, ranking from there up to 10,000.
    pub fn parse(min_ranked: &str, min_shown: &str) -> Option<Thresholds> {
        let shown: u64 = min_shown.trim().parse().ok()?;
        let ranked: u64 = min_ranked.trim().parse().ok()?;
        ((3..=100).contains(&shown) && (shown..=10_000).contains(&ranked)).then_some(Thresholds {
            min_ranked: ranked,
            min_shown: shown,
        })
    }

    /// Applies the thresholds to a figure.
    pub fn show(&self, e: Estimate) -> Shown {
        if e.n < self.min_shown {
            Shown::Withheld { n: e.n }
        } else if e.n < self.min_ranked {
            Shown::NotEnough { estimate: e }
        } else {
            Shown::Figure {
                estimate: e,
                ranked: true,
            }
        }
    }

    /// Orders entries best first by the lower end of their interval; entries under the
    /// ranking minimum go last, unranked, in name order.
    pub fn rank<T>(
        &self,
        mut entries: Vec<(T, Estimate)>,
        name: impl Fn(&T) -> String,
    ) -> Vec<(T, Estimate, Option<usize>)> {
        entries.sort_by(|(a, ea), (b, eb)| {
            let (ra, rb) = (ea.n >= self.min_ranked, eb.n >= self.min_ranked);
            rb.cmp(&ra)
                .then_with(|| {
                    if ra && rb {
                        eb.low.total_cmp(&ea.low)
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .then_with(|| name(a).cmp(&name(b)))
        });
        let mut place = 0;
        entries
            .into_iter()
            .map(|(t, e)| {
                let rank = (e.n >= self.min_ranked).then(|| {
                    place += 1;
                    place
                });
                (t, e, rank)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::change::normal_sf;
    use super::*;
    use proptest::prelude::*;

    fn csat_counts(pairs: &[(i16, u64)]) -> ScoreCounts {
        ScoreCounts::from_pairs(Scale::Csat5, pairs.iter().copied())
    }

    #[test]
    fn csat_is_the_share_of_fours_and_fives() {
        let c = csat_counts(&[(1, 10), (3, 10), (4, 30), (5, 50)]);
        let e = csat(&c).unwrap();
        assert_eq!((e.value, e.n), (80.0, 100));
        assert!(e.low < 80.0 && e.high > 80.0 && e.low > 70.0 && e.high < 88.0);
        let m = c.mean().unwrap();
        assert!((m.value - 4.1).abs() < 1e-9, "{m:?}");
        assert_eq!(
            csat(&ScoreCounts::new(Scale::Csat5)),
            None,
            "no answers, no figure"
        );
        assert_eq!(
            csat(&ScoreCounts::new(Scale::Nps11)),
            None,
            "not a CSAT scale"
        );
    }

    #[test]
    fn nps_is_promoters_minus_detractors() {
        let c =
            ScoreCounts::from_pairs(Scale::Nps11, [(10, 40), (9, 20), (8, 20), (6, 10), (0, 10)]);
        let e = nps(&c).unwrap();
        assert_eq!(e.value, 40.0);
        assert!(
            e.low < 40.0 && e.high > 40.0 && (e.high - e.low) < 40.0,
            "{e:?}"
        );
        // All promoters: 100, the interval stays within the scale.
        let all = ScoreCounts::from_pairs(Scale::Nps11, [(10, 5)]);
        let e = nps(&all).unwrap();
        assert_eq!(e.value, 100.0);
        assert!(e.high <= 100.0 && e.low > 0.0);
    }

    #[test]
    fn a_mean_of_identical_answers_is_not_certain() {
        // Three answers of 1 on 1-7: the mean is 1, its interval is not [1, 1].
        let c = ScoreCounts::from_pairs(Scale::Ces7, [(1, 3)]);
        let m = c.mean().unwrap();
        assert_eq!(m.value, 1.0);
        assert_eq!(m.low, 1.0);
        assert!(m.high > 2.0 && m.high < 7.0, "{m:?}");
        // The more such answers, the narrower, never zero.
        let many = ScoreCounts::from_pairs(Scale::Ces7, [(1, 300)])
            .mean()
            .unwrap();
        assert!(many.high > 1.0 && many.high < m.high, "{many:?}");
        // Answers with a spread keep their t interval.
        let spread = ScoreCounts::from_pairs(Scale::Ces7, [(1, 2), (2, 2)])
            .mean()
            .unwrap();
        assert!((spread.value - 1.5).abs() < 1e-9);
        let half = 3.182 * ((1.0_f64 / 3.0) / 4.0).sqrt();
        assert!((spread.high - (1.5 + half)).abs() < 1e-9, "{spread:?}");
        // One answer is no mean at all: "not enough answers".
        assert_eq!(ScoreCounts::from_pairs(Scale::Ces7, [(4, 1)]).mean(), None);
    }

    #[test]
    fn ces_counts_five_to_seven_as_low_effort() {
        let c = ScoreCounts::from_pairs(Scale::Ces7, [(7, 3), (5, 1), (2, 4)]);
        assert_eq!(ces_low_effort(&c).unwrap().value, 50.0);
        assert_eq!(c.mean().unwrap().value, 4.25);
    }

    #[test]
    fn three_lucky_answers_do_not_beat_three_hundred_good_ones() {
        let t = Thresholds {
            min_ranked: 3,
            min_shown: 1,
        };
        let lucky = csat(&csat_counts(&[(5, 3)])).unwrap();
        let good = csat(&csat_counts(&[(5, 270), (2, 30)])).unwrap();
        assert!(lucky.value > good.value);
        let ranked = t.rank(vec![("lucky", lucky), ("good", good)], |s| s.to_string());
        assert_eq!(ranked[0].0, "good");
        assert_eq!((ranked[0].2, ranked[1].2), (Some(1), Some(2)));
    }

    #[test]
    fn small_groups_are_not_ranked_and_tiny_ones_not_shown() {
        let t = Thresholds::default();
        let few = csat(&csat_counts(&[(5, 12)])).unwrap();
        let many = csat(&csat_counts(&[(4, 20), (2, 20)])).unwrap();
        let tiny = csat(&csat_counts(&[(1, 4)])).unwrap();
        assert!(matches!(t.show(few), Shown::NotEnough { .. }));
        assert!(matches!(t.show(tiny), Shown::Withheld { n: 4 }));
        assert!(matches!(t.show(many), Shown::Figure { ranked: true, .. }));
        let ranked = t.rank(vec![("few", few), ("many", many), ("tiny", tiny)], |s| {
            s.to_string()
        });
        assert_eq!(ranked[0].0, "many");
        assert_eq!(ranked[0].2, Some(1));
        assert!(
            ranked[1..].iter().all(|r| r.2.is_none()),
            "unranked after the ranked"
        );
    }

    #[test]
    fn the_t_interval_matches_the_table_value_for_small_samples() {
        // Scores 1, 2, 3: mean 2, s = 1, n = 3 → ±4.303/√3.
        let c = csat_counts(&[(1, 1), (2, 1), (3, 1)]);
        let m = c.mean().unwrap();
        assert!((m.high - (2.0 + 4.303 / 3f64.sqrt())).abs() < 1e-3, "{m:?}");
        assert_eq!(m.low, 1.0, "clamped to the scale");
        assert!(m.low >= 1.0 && m.high <= 5.0);
        assert!((t_95(1000) - 1.962).abs() < 0.002);
    }

    #[test]
    fn a_real_improvement_is_significant_and_noise_is_not() {
        let before = csat_counts(&[(5, 300), (2, 200)]);
        let after = csat_counts(&[(5, 400), (2, 100)]);
        let c = share_change(&before, &after, 4, 5).unwrap();
        assert!(
            (c.delta - 20.0).abs() < 1e-9 && c.significant && c.p_value < 1e-9,
            "{c:?}"
        );
        let a = csat_counts(&[(5, 6), (2, 4)]);
        let b = csat_counts(&[(5, 7), (2, 3)]);
        let c = share_change(&a, &b, 4, 5).unwrap();
        assert!(!c.significant && c.p_value > 0.5, "{c:?}");
        let m = mean_change(&before, &after).unwrap();
        assert!((m.delta - 0.6).abs() < 1e-9 && m.significant);
        assert_eq!(
            share_change(&ScoreCounts::new(Scale::Csat5), &after, 4, 5),
            None
        );
        // The normal tail at 1.96 is 2.5 %.
        assert!((normal_sf(1.959_964) - 0.025).abs() < 1e-6);
    }

    #[test]
    fn thresholds_keep_anonymity_at_three_answers_at_least() {
        assert_eq!(Thresholds::parse(" 30 ", "5"), Some(Thresholds::default()));
        assert_eq!(Thresholds::parse("30", "2"), None);
        assert_eq!(Thresholds::parse("4", "5"), None, "ranking below anonymity");
        assert_eq!(Thresholds::parse("thirty", "5"), None);
    }

    #[test]
    fn every_metric_reads_its_own_scale_and_tests_its_change() {
        let nps_of =
            |p: u64, d: u64| ScoreCounts::from_pairs(Scale::Nps11, [(10, p), (3, d), (8, 100)]);
        // NPS 0 → 33.3 on 300 answers each: significant; a move on 10 answers: not.
        let c = Metric::Nps
            .change(&nps_of(100, 100), &nps_of(150, 50))
            .unwrap();
        assert!(
            (c.delta - 100.0 / 3.0).abs() < 1e-9 && c.significant,
            "{c:?}"
        );
        let small = |p, d| ScoreCounts::from_pairs(Scale::Nps11, [(10, p), (3, d), (8, 2)]);
        assert!(
            !Metric::Nps
                .change(&small(4, 4), &small(5, 3))
                .unwrap()
                .significant
        );
        // A metric never reads another scale's counts.
        let csat = csat_counts(&[(5, 10)]);
        assert_eq!(Metric::Nps.estimate(&csat), None);
        assert_eq!(Metric::Csat.estimate(&csat).unwrap().value, 100.0);
        assert_eq!(Metric::CsatMean.estimate(&csat).unwrap().value, 5.0);
        for m in Metric::ALL {
            assert_eq!(Metric::parse(m.as_str()), Some(m));
        }
        assert_eq!(Metric::parse("happiness"), None);
    }

    proptest! {
        #[test]
        fn every_interval_holds_its_figure_and_stays_on_the_scale(
            counts in proptest::collection::vec(0u64..50, 11)
        ) {
            let nps_counts = ScoreCounts::from_pairs(Scale::Nps11, counts.iter().enumerate().map(|(s, n)| (s as i16, *n)));
            if let Some(e) = nps(&nps_counts) {
                prop_assert!(e.low <= e.value + 1e-9 || e.value > 99.0, "{e:?}");
                prop_assert!(e.high >= e.value - 1e-9 || e.value < -99.0, "{e:?}");
                prop_assert!(e.low >= -100.0 && e.high <= 100.0);
            }
            let c = ScoreCounts::from_pairs(Scale::Csat5, counts.iter().take(5).enumerate().map(|(s, n)| (s as i16 + 1, *n)));
            if let Some(e) = csat(&c) {
                prop_assert!(e.low <= e.value && e.value <= e.high);
                prop_assert!(e.low >= 0.0 && e.high <= 100.0);
            }
            if let Some(m) = c.mean() {
                prop_assert!(m.low <= m.value + 1e-9 && m.value <= m.high + 1e-9);
            }
        }
    }
}
