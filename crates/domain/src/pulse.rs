//! The employees' pulse: a short anonymous survey of the staff — "would you recommend
//! working here?" (0–10, the eNPS) and up to five statements the head writes, each
//! answered from 1 (strongly disagree) to 5 (strongly agree) — opened in rounds at the
//! rhythm the head sets.
//!
//! Unlinkable by construction: an answer is never stored as a row. It adds one to the
//! counts of its round and site (`pulse_counts`); who took part is kept apart, without
//! a time, only so that nobody answers twice (see `rida_store::pulse`). Figures are shown
//! once a round is over, and only for groups of at least the anonymity minimum.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{
    Locale, Scale,
    metrics::{Estimate, Metric, ScoreCounts},
};

/// The most statements of the head's a round asks.
pub const MAX_QUESTIONS: usize = 5;
/// The longest statement, in characters.
pub const MAX_QUESTION_CHARS: usize = 200;
/// How long a round stays open, in days: the default and the bounds.
pub const OPEN_DAYS: (i64, i64, i64) = (7, 1, 28);

/// How often a round opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rhythm {
    /// Only when the head opens one.
    #[default]
    Off,
    Monthly,
    Quarterly,
}

impl Rhythm {
    pub const ALL: [Rhythm; 3] = [Rhythm::Off, Rhythm::Monthly, Rhythm::Quarterly];

    pub fn as_str(self) -> &'static str {
        match self {
            Rhythm::Off => "off",
            Rhythm::Monthly => "monthly",
            Rhythm::Quarterly => "quarterly",
        }
    }

    pub fn parse(s: &str) -> Option<Rhythm> {
        Rhythm::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The first day of the period `today` is in (`None` when off).
    pub fn period_start(self, today: Date) -> Option<Date> {
        match self {
            Rhythm::Off => None,
            Rhythm::Monthly => Some(today.first_of_month()),
            Rhythm::Quarterly => {
                let month = (today.month() - 1) / 3 * 3 + 1;
                jiff::civil::Date::new(today.year(), month, 1).ok()
            }
        }
    }

    /// The key of the round this rhythm owes on `today` ("2026-12", "2026-Q4"): one a
    /// period, so that instances opening it at once open one. `None` when off.
    pub fn period_key(self, today: Date) -> Option<String> {
        match self {
            Rhythm::Off => None,
            Rhythm::Monthly => Some(format!("{:04}-{:02}", today.year(), today.month())),
            Rhythm::Quarterly => Some(format!(
                "{:04}-Q{}",
                today.year(),
                (today.month() - 1) / 3 + 1
            )),
        }
    }
}

/// How the employees are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// On their station, when they sign in.
    #[default]
    Station,
    /// A one-time link by e-mail to each employee with an address (the others on their
    /// station).
    Email,
}

impl Delivery {
    pub const ALL: [Delivery; 2] = [Delivery::Station, Delivery::Email];

    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Station => "station",
            Delivery::Email => "email",
        }
    }

    pub fn parse(s: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// A statement of the head's, in each language (an empty one falls back to another).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    #[serde(default)]
    pub ar: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub lv: String,
}

impl Statement {
    /// Its text in `l`, else in English, Latvian or Arabic, whichever was written.
    pub fn text(&self, l: Locale) -> &str {
        let own = match l {
            Locale::Ar => &self.ar,
            Locale::Lv => &self.lv,
            Locale::En => &self.en,
        };
        [own, &self.en, &self.lv, &self.ar]
            .into_iter()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.text(Locale::En).is_empty()
    }

    /// Why it cannot be saved: a text too long (the code names the language).
    pub fn check(&self) -> Result<(), &'static str> {
        for s in [&self.ar, &self.en, &self.lv] {
            if s.trim().chars().count() > MAX_QUESTION_CHARS {
                return Err("pulse-question-too-long");
            }
        }
        Ok(())
    }
}

/// One employee's answer: the eNPS score and each statement's (`None`: skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PulseAnswer {
    pub enps: i16,
    pub statements: Vec<Option<i16>>,
}

/// The item of the counts an eNPS score is kept under; statement `i` is item `i + 1`.
pub const ENPS_ITEM: i16 = 0;

impl PulseAnswer {
    /// The form's answer to `n` statements: `enps` (0–10) is needed, `s1`…`sN` (1–5)
    /// may be left out. Errors name the field and say why.
    pub fn read(
        fields: &[(String, String)],
        n: usize,
    ) -> Result<PulseAnswer, Vec<(String, &'static str)>> {
        let get = |name: &str| crate::input::field(fields, name);
        let mut errors = Vec::new();
        let enps = match get("enps").map(|v| v.parse::<i16>()) {
            Some(Ok(v)) if (0..=10).contains(&v) => v,
            None => {
                errors.push(("enps".to_string(), "pulse-answer-needed"));
                0
            }
            Some(_) => {
                errors.push(("enps".to_string(), "pulse-out-of-range"));
                0
            }
        };
        let mut statements = Vec::with_capacity(n);
        for i in 1..=n {
            let name = format!("s{i}");
            statements.push(match get(&name).map(|v| v.parse::<i16>()) {
                None => None,
                Some(Ok(v)) if (1..=5).contains(&v) => Some(v),
                Some(_) => {
                    errors.push((name, "pulse-out-of-range"));
                    None
                }
            });
        }
        if errors.is_empty() {
            Ok(PulseAnswer { enps, statements })
        } else {
            Err(errors)
        }
    }

    /// The (item, value) pairs it adds one to.
    pub fn cells(&self) -> Vec<(i16, i16)> {
        std::iter::once((ENPS_ITEM, self.enps))
            .chain(
                self.statements
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| v.map(|v| (i as i16 + 1, v))),
            )
            .collect()
    }
}

/// A group's counts of one round: the eNPS scores and each statement's.
#[derive(Debug, Clone, PartialEq)]
pub struct PulseCounts {
    pub enps: ScoreCounts,
    pub statements: Vec<ScoreCounts>,
}

impl PulseCounts {
    pub fn new(n: usize) -> PulseCounts {
        PulseCounts {
            enps: ScoreCounts::new(Scale::Nps11),
            statements: vec![ScoreCounts::new(Scale::Csat5); n],
        }
    }

    /// Adds `n` answers of `value` to `item` (an item the round does not have is left).
    pub fn add(&mut self, item: i16, value: i16, n: u64) {
        if item == ENPS_ITEM {
            self.enps.add(value, n);
        } else if let Some(c) = self.statements.get_mut(item as usize - 1) {
            c.add(value, n);
        }
    }

    pub fn merge(&mut self, o: &PulseCounts) {
        self.enps.merge(&o.enps);
        for (a, b) in self.statements.iter_mut().zip(&o.statements) {
            a.merge(b);
        }
    }

    /// How many took part (every answer has an eNPS score).
    pub fn respondents(&self) -> u64 {
        self.enps.n()
    }

    /// The eNPS: promoters' share (9–10) less detractors' (0–6), −100…100.
    pub fn enps(&self) -> Option<Estimate> {
        Metric::Nps.estimate(&self.enps)
    }

    /// Each statement's share of agreement (4–5 of 5), in %.
    pub fn agreement(&self) -> Vec<Option<Estimate>> {
        self.statements
            .iter()
            .map(|c| Metric::Csat.estimate(c))
            .collect()
    }
}

/// Pearson's correlation of paired values (`None` under three pairs or without spread):
/// whether sites with a higher eNPS have a higher CSAT.
pub fn correlation(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 3 {
        return None;
    }
    let n = pairs.len() as f64;
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x / n, b + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx <= f64::EPSILON || syy <= f64::EPSILON {
        return None;
    }
    Some(sxy / (sxx * syy).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn an_answer_needs_its_enps_and_keeps_statements_in_range() {
        let a = PulseAnswer::read(&fields(&[("enps", "9"), ("s1", "4"), ("s3", "1")]), 3).unwrap();
        assert_eq!(a.enps, 9);
        assert_eq!(a.statements, [Some(4), None, Some(1)]);
        assert_eq!(a.cells(), [(0, 9), (1, 4), (3, 1)]);
        let e = PulseAnswer::read(&fields(&[("s1", "6"), ("s2", "x")]), 2).unwrap_err();
        assert_eq!(
            e,
            [
                ("enps".to_string(), "pulse-answer-needed"),
                ("s1".to_string(), "pulse-out-of-range"),
                ("s2".to_string(), "pulse-out-of-range")
            ]
        );
        assert!(PulseAnswer::read(&fields(&[("enps", "11")]), 0).is_err());
        assert!(PulseAnswer::read(&fields(&[("enps", "-1")]), 0).is_err());
    }

    #[test]
    fn the_enps_is_promoters_less_detractors() {
        let mut c = PulseCounts::new(1);
        for (v, n) in [(10, 3), (9, 2), (8, 2), (6, 2), (2, 1)] {
            c.add(ENPS_ITEM, v, n);
        }
        c.add(1, 5, 4);
        c.add(1, 2, 1);
        c.add(7, 5, 1); // no such statement
        assert_eq!(c.respondents(), 10);
        // 5 promoters, 3 detractors of 10.
        assert!((c.enps().unwrap().value - 20.0).abs() < 1e-9);
        assert!((c.agreement()[0].unwrap().value - 80.0).abs() < 1e-9);
    }

    #[test]
    fn periods_are_months_or_quarters() {
        let d = jiff::civil::date(2026, 11, 30);
        assert_eq!(Rhythm::Monthly.period_key(d).as_deref(), Some("2026-11"));
        assert_eq!(Rhythm::Quarterly.period_key(d).as_deref(), Some("2026-Q4"));
        assert_eq!(
            Rhythm::Quarterly
                .period_key(jiff::civil::date(2027, 1, 1))
                .as_deref(),
            Some("2027-Q1")
        );
        assert_eq!(Rhythm::Off.period_key(d), None);
        assert_eq!(
            Rhythm::Quarterly.period_start(d),
            Some(jiff::civil::date(2026, 10, 1))
        );
        assert_eq!(
            Rhythm::Monthly.period_start(d),
            Some(jiff::civil::date(2026, 11, 1))
        );
    }

    #[test]
    fn a_statement_falls_back_to_a_written_language() {
        let s = Statement {
            en: "I have what I need to do my work well".into(),
            ..Default::default()
        };
        assert_eq!(s.text(Locale::Lv), "I have what I need to do my work well");
        assert!(Statement::default().is_empty());
        let long = Statement {
            lv: "ā".repeat(MAX_QUESTION_CHARS + 1),
            ..Default::default()
        };
        assert_eq!(long.check(), Err("pulse-question-too-long"));
    }

    #[test]
    fn correlation_needs_three_sites_with_spread() {
        assert_eq!(correlation(&[(1.0, 2.0), (2.0, 3.0)]), None);
        let r = correlation(&[(10.0, 70.0), (30.0, 80.0), (50.0, 90.0)]).unwrap();
        assert!((r - 1.0).abs() < 1e-9);
        let r = correlation(&[(10.0, 90.0), (30.0, 80.0), (50.0, 70.0)]).unwrap();
        assert!((r + 1.0).abs() < 1e-9);
        assert_eq!(correlation(&[(1.0, 5.0), (1.0, 6.0), (1.0, 7.0)]), None);
    }
}
