//! From the cues found in a comment to its sentiment: negation, strengthening and
//! weakening words, stretched letters, "but", wishes, missing things and waiting times.

use super::analysis::{Analyser, Evidence, Form, Hit, Modifier};
use super::lexicon::Cue;
use super::normalize::{Script, Token};
use super::{Lang, Sentiment};

/// How far a negation reaches: "not very friendly" (3 words), never past a clause's end.
const NEGATION_REACH: usize = 3;
/// Below this, a score is neutral.
const THRESHOLD: f32 = 0.5;

/// A negated cue: "not good" is about as bad as "bad"; "not bad" is mildly good.
pub(super) fn negate(w: f32) -> f32 {
    if w > 0.0 { -(0.9 * w).max(0.6) } else { 0.6 }
}

/// A waiting time as a cue: half an hour or more is a strong complaint, a quarter of an
/// hour a complaint, five minutes or less praise; in between says nothing.
fn duration_weight(minutes: u32) -> Option<f32> {
    match minutes {
        30.. => Some(-1.5),
        15..30 => Some(-1.0),
        1..=5 => Some(1.0),
        _ => None,
    }
}

pub(super) fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// The sentiment of a score, and how sure: many cues of one sign, high; none or mixed, low.
pub(super) fn classify(score: f32, evidence: &[Evidence]) -> (Sentiment, f32) {
    let pos: f32 = evidence.iter().map(|e| e.weight.max(0.0)).sum();
    let neg: f32 = evidence.iter().map(|e| (-e.weight).max(0.0)).sum();
    let sentiment = if score >= THRESHOLD {
        Sentiment::Positive
    } else if score <= -THRESHOLD {
        Sentiment::Negative
    } else {
        Sentiment::Neutral
    };
    let confidence = match sentiment {
        Sentiment::Neutral if pos + neg == 0.0 => 0.6,
        Sentiment::Neutral => 0.4,
        _ => {
            let strength = 1.0 - 0.5 * (-(score.abs() - THRESHOLD)).exp();
            let agreement = 1.0 - 0.5 * pos.min(neg) / (pos + neg);
            strength * agreement
        }
    };
    (sentiment, round2(confidence))
}

/// A word that changes the next cue, waiting for it: (its last token, span, factor).
type Pending = Option<(usize, (usize, usize), f32)>;

impl Analyser {
    /// The sentiment's cues with their weights after the rules; and their sum.
    pub(super) fn sentiment(&self, tokens: &[Token], hits: &[Hit]) -> (Vec<Evidence>, f32) {
        let clause_break = |from: usize, to: usize| (from..to).any(|k| tokens[k].clause_end);
        let near = |p: Pending, at: usize, reach: usize| {
            p.filter(|(end, ..)| at > *end && at - end <= reach && !clause_break(*end, at))
        };
        let mut out: Vec<(usize, Evidence)> = Vec::new();
        // The span of the last hit taken: hits inside a longer one are its words, not cues
        // of their own; hits of the same span are all taken ("couldnt": a cue and a negation).
        let mut taken = (0usize, 0usize);
        let mut sentiment_taken = false;
        let mut negation: Pending = None;
        let mut strength: Pending = None;
        let mut wish: Pending = None;
        let mut lacks: Vec<(usize, usize, (usize, usize))> = Vec::new();
        let mut number: Option<(usize, u32)> = None;
        let mut contrast: Option<(usize, (usize, usize))> = None;
        let mut cued = vec![false; tokens.len()];
        // Cues that carry their own negation ("nebija jāgaida", "ما انتظرت"): a negation
        // before them agrees with it (negative concord: "ne minūti nebija jāgaida",
        // "never didn't help"), it does not turn them round again.
        let mut negator_at = vec![false; tokens.len()];
        for h in hits
            .iter()
            .filter(|h| self.entry(h.entry).cue == Cue::Negator)
        {
            negator_at[h.start] = true;
        }
        let mut last_end = usize::MAX;
        let mut numbers = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.script == Script::Number)
            .filter_map(|(i, t)| t.norm.parse::<u32>().ok().map(|n| (i, n)))
            .peekable();
        for h in hits {
            while let Some(&(i, n)) = numbers.peek().filter(|(i, _)| *i < h.start) {
                number = Some((i, n));
                numbers.next();
            }
            let e = self.entry(h.entry);
            if matches!(e.cue, Cue::Theme(_) | Cue::Common) {
                continue;
            }
            if h.start < taken.1 && (h.start, h.end) != taken {
                continue;
            }
            if (h.start, h.end) != taken {
                sentiment_taken = false;
            }
            taken = (h.start, h.end);
            // One sentiment cue a span ("محترمين" and "محترم*" are one word).
            if matches!(e.cue, Cue::Sentiment(_)) {
                if sentiment_taken {
                    continue;
                }
                sentiment_taken = true;
            }
            let span = (tokens[h.start].start, tokens[h.end - 1].end);
            let minutes = match e.cue {
                Cue::Negator => {
                    negation = Some((h.end - 1, span, 0.0));
                    continue;
                }
                Cue::Lack => {
                    lacks.push((h.start, h.end, span));
                    continue;
                }
                Cue::Wish => {
                    wish = Some((h.end - 1, span, 0.0));
                    continue;
                }
                Cue::Intensifier | Cue::Diminisher => {
                    let f = if e.cue == Cue::Intensifier { 1.5 } else { 0.5 };
                    // Arabic puts it after the word ("حلو كثير", "6awel kteer").
                    if let Some((at, ev)) = out.last_mut().filter(|_| e.lang == Lang::Ar)
                        && last_end == h.start
                        && !clause_break(*at, h.start)
                    {
                        ev.weight = round2(ev.weight * f);
                        ev.modifiers.push(strengthened(f, span));
                        continue;
                    }
                    strength = Some((h.end - 1, span, f));
                    continue;
                }
                Cue::Contrast => {
                    contrast = Some((h.start, span));
                    negation = None;
                    strength = None;
                    continue;
                }
                Cue::Number(n) => {
                    number = Some((h.end - 1, n));
                    continue;
                }
                Cue::Minutes | Cue::Hours => {
                    let Some((_, n)) = number.filter(|(at, _)| at + 1 == h.start) else {
                        continue;
                    };
                    if e.cue == Cue::Hours {
                        n.saturating_mul(60)
                    } else {
                        n
                    }
                }
                Cue::Duration(m) => match number.filter(|(at, _)| at + 1 == h.start) {
                    Some((_, n)) if m == 60 => n.saturating_mul(60),
                    _ => m,
                },
                Cue::Sentiment(_) | Cue::Theme(_) | Cue::Common => 0,
            };
            let (mut weight, mut modifiers) = match e.cue {
                Cue::Sentiment(w) => (w, vec![]),
                _ => match duration_weight(minutes) {
                    Some(w) => (w, vec![Modifier::Duration { minutes }]),
                    None => continue,
                },
            };
            if matches!(e.cue, Cue::Sentiment(_)) {
                if h.form == Form::Spelling {
                    modifiers.push(Modifier::Spelling);
                }
                if h.form == Form::Negated {
                    weight = negate(weight);
                    modifiers.push(Modifier::Negated {
                        start: span.0,
                        end: span.1,
                    });
                } else if let Some((_, (s, en), _)) = near(negation, h.start, NEGATION_REACH) {
                    if !negator_at[h.start..h.end].contains(&true) {
                        weight = negate(weight);
                        modifiers.push(Modifier::Negated { start: s, end: en });
                    }
                    negation = None;
                }
                if let Some((_, s, f)) = near(strength, h.start, 2) {
                    weight *= f;
                    modifiers.push(strengthened(f, s));
                    strength = None;
                }
                if tokens[h.start..h.end].iter().any(|t| t.stretched) {
                    weight *= 1.3;
                    modifiers.push(Modifier::Stretched);
                }
                if let Some((_, (s, en), _)) =
                    near(wish, h.start, usize::MAX).filter(|_| weight > 0.0)
                {
                    weight = 0.0;
                    modifiers.push(Modifier::Wished { start: s, end: en });
                }
            }
            cued[h.start..h.end].iter_mut().for_each(|c| *c = true);
            out.push((h.start, self.evidence(tokens, h, weight, modifiers)));
            last_end = h.end;
        }
        self.missing(tokens, hits, &lacks, &cued, &mut out);
        // What came before the last "but" counts half, what follows it half again more.
        if let Some((at, (s, en))) = contrast {
            for (start, ev) in out.iter_mut() {
                if *start < at {
                    ev.weight = round2(ev.weight * 0.5);
                    ev.modifiers
                        .push(Modifier::BeforeContrast { start: s, end: en });
                } else {
                    ev.weight = round2(ev.weight * 1.5);
                    ev.modifiers
                        .push(Modifier::AfterContrast { start: s, end: en });
                }
            }
        }
        out.sort_by_key(|(start, _)| *start);
        let evidence: Vec<Evidence> = out.into_iter().map(|(_, e)| e).collect();
        let score = evidence.iter().map(|e| e.weight).sum();
        (evidence, score)
    }

    /// "no parking", "nav tualetes", "ما في مواقف": a theme's word right after a word of
    /// lack, itself without a cue, is something missing (−1); a missing queue or wait is
    /// praise (+1).
    fn missing(
        &self,
        tokens: &[Token],
        hits: &[Hit],
        lacks: &[(usize, usize, (usize, usize))],
        cued: &[bool],
        out: &mut Vec<(usize, Evidence)>,
    ) {
        for &(start, end, (s, en)) in lacks {
            // The lack word negated a cue of its own clause: it was read already.
            if (end..(end + 2).min(tokens.len())).any(|k| cued[k]) || cued[start] {
                continue;
            }
            let theme = hits.iter().find(|h| {
                matches!(self.entry(h.entry).cue, Cue::Theme(t) if t != u16::MAX)
                    && (end..=end + 1).contains(&h.start)
                    && !(end - 1..h.start).any(|k| tokens[k].clause_end)
            });
            let Some(h) = theme else { continue };
            let Cue::Theme(t) = self.entry(h.entry).cue else {
                continue;
            };
            let weight = if self.themes()[t as usize] == "waiting" {
                1.0
            } else {
                -1.0
            };
            out.push((
                h.start,
                self.evidence(
                    tokens,
                    h,
                    weight,
                    vec![Modifier::Lacking { start: s, end: en }],
                ),
            ));
        }
    }
}

fn strengthened(f: f32, (start, end): (usize, usize)) -> Modifier {
    if f > 1.0 {
        Modifier::Intensified { start, end }
    } else {
        Modifier::Weakened { start, end }
    }
}
