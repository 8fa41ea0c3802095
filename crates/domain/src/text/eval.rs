//! Measuring the reading against comments labelled by hand (`crates/domain/tests/comments/`),
//! beside two baselines: the visit's score as the sentiment, and a keyword-only matcher
//! (the same lexicons' single words as written, no normalisation, negation or rules).

use std::collections::BTreeSet;

use super::lexicon::Cue;
use super::{Analyser, Sentiment};

/// One labelled comment.
#[derive(Debug, Clone)]
pub struct Labelled {
    /// The visit's score, 1–5.
    pub score: i16,
    pub sentiment: Sentiment,
    pub themes: BTreeSet<String>,
    pub text: String,
}

/// Reads `score|sentiment|themes|text` lines (`#` lines are comments; themes comma
/// separated, `-` for none; sentiment `neg`, `neu` or `pos`).
pub fn parse(tsv: &str) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |what: &str| format!("line {}: {what}", n + 1);
        let mut parts = line.splitn(4, '|');
        let score = parts
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("score"))?;
        let sentiment = match parts.next() {
            Some("neg") => Sentiment::Negative,
            Some("neu") => Sentiment::Neutral,
            Some("pos") => Sentiment::Positive,
            _ => return Err(bad("sentiment")),
        };
        let themes = match parts.next().ok_or_else(|| bad("themes"))? {
            "-" => BTreeSet::new(),
            t => t.split(',').map(|s| s.trim().to_string()).collect(),
        };
        let text = parts.next().ok_or_else(|| bad("text"))?.to_string();
        out.push(Labelled {
            score,
            sentiment,
            themes,
            text,
        });
    }
    Ok(out)
}

/// What a method read in one comment.
#[derive(Debug, Clone)]
pub struct Reading {
    pub sentiment: Sentiment,
    /// `None`: the method says nothing about themes.
    pub themes: Option<BTreeSet<String>>,
}

/// Accuracy and macro-F1 of sentiment; exact-match accuracy and macro-F1 of themes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub sentiment_accuracy: f64,
    pub sentiment_macro_f1: f64,
    pub themes_exact: Option<f64>,
    pub themes_macro_f1: Option<f64>,
}

/// The three methods on one language's set.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    pub comments: usize,
    pub rida: Scores,
    pub score_baseline: Scores,
    pub keyword_baseline: Scores,
}

/// Sentiment from the visit's score: 1–2 negative, 3 neutral, 4–5 positive.
pub fn by_score(item: &Labelled) -> Reading {
    let sentiment = match item.score {
        ..=2 => Sentiment::Negative,
        3 => Sentiment::Neutral,
        _ => Sentiment::Positive,
    };
    Reading {
        sentiment,
        themes: None,
    }
}

impl Analyser {
    /// The keyword-only baseline: words split on anything not a letter or digit, lower
    /// case, matched against the lexicons' one-word patterns as written (a trailing `*`
    /// still matches the word's beginning); the sentiment is the sign of the weights' sum.
    pub fn by_keywords(&self, text: &str) -> Reading {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let mut score = 0.0;
        let mut themes = BTreeSet::new();
        for e in &self.lexicon().entries {
            if e.text.contains(' ') {
                continue;
            }
            let pattern = e.text.to_lowercase();
            let hits = match pattern.strip_suffix('*') {
                Some(p) => words.iter().filter(|w| w.starts_with(p)).count(),
                None => words.iter().filter(|w| **w == pattern).count(),
            };
            if hits == 0 {
                continue;
            }
            match e.cue {
                Cue::Sentiment(w) => score += w * hits as f32,
                Cue::Theme(t) if (t as usize) < self.themes().len() => {
                    themes.insert(self.themes()[t as usize].clone());
                }
                _ => {}
            }
        }
        let sentiment = if score > 0.0 {
            Sentiment::Positive
        } else if score < 0.0 {
            Sentiment::Negative
        } else {
            Sentiment::Neutral
        };
        Reading {
            sentiment,
            themes: Some(themes),
        }
    }

    /// Rida's reading, as the evaluation compares it.
    pub fn reading(&self, text: &str) -> Reading {
        let a = self.analyse(text);
        Reading {
            sentiment: a.sentiment,
            themes: Some(a.themes.into_iter().map(|t| t.theme).collect()),
        }
    }

    /// The three methods on one set.
    pub fn evaluate(&self, items: &[Labelled]) -> Report {
        let score_of = |read: &dyn Fn(&Labelled) -> Reading| {
            let readings: Vec<Reading> = items.iter().map(read).collect();
            scores(items, &readings, self.themes())
        };
        Report {
            comments: items.len(),
            rida: score_of(&|i| self.reading(&i.text)),
            score_baseline: score_of(&by_score),
            keyword_baseline: score_of(&|i| self.by_keywords(&i.text)),
        }
    }
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 {
        return 0.0;
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    2.0 * p * r / (p + r)
}

fn scores(items: &[Labelled], readings: &[Reading], themes: &[String]) -> Scores {
    let n = items.len().max(1) as f64;
    let correct = items
        .iter()
        .zip(readings)
        .filter(|(i, r)| i.sentiment == r.sentiment)
        .count();
    let f1s: Vec<f64> = Sentiment::ALL
        .iter()
        .map(|&c| {
            let tp = items
                .iter()
                .zip(readings)
                .filter(|(i, r)| i.sentiment == c && r.sentiment == c)
                .count();
            let fp = items
                .iter()
                .zip(readings)
                .filter(|(i, r)| i.sentiment != c && r.sentiment == c)
                .count();
            let fn_ = items
                .iter()
                .zip(readings)
                .filter(|(i, r)| i.sentiment == c && r.sentiment != c)
                .count();
            f1(tp, fp, fn_)
        })
        .collect();
    let (themes_exact, themes_macro_f1) = if readings.iter().all(|r| r.themes.is_some()) {
        let got = |r: &Reading| r.themes.clone().unwrap_or_default();
        let exact = items
            .iter()
            .zip(readings)
            .filter(|(i, r)| i.themes == got(r))
            .count() as f64
            / n;
        // Macro over the themes the set labels at least once.
        let labelled: BTreeSet<&String> = items.iter().flat_map(|i| i.themes.iter()).collect();
        let per: Vec<f64> = themes
            .iter()
            .filter(|t| labelled.contains(t))
            .map(|t| {
                let tp = items
                    .iter()
                    .zip(readings)
                    .filter(|(i, r)| i.themes.contains(t) && got(r).contains(t))
                    .count();
                let fp = items
                    .iter()
                    .zip(readings)
                    .filter(|(i, r)| !i.themes.contains(t) && got(r).contains(t))
                    .count();
                let fn_ = items
                    .iter()
                    .zip(readings)
                    .filter(|(i, r)| i.themes.contains(t) && !got(r).contains(t))
                    .count();
                f1(tp, fp, fn_)
            })
            .collect();
        (
            Some(exact),
            Some(per.iter().sum::<f64>() / per.len().max(1) as f64),
        )
    } else {
        (None, None)
    };
    Scores {
        sentiment_accuracy: correct as f64 / n,
        sentiment_macro_f1: f1s.iter().sum::<f64>() / 3.0,
        themes_exact,
        themes_macro_f1,
    }
}
