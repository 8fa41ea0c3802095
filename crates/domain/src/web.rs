//! Web surveys: their short codes, and the answers a web form sends, read question by
//! question the way a terminal asks them (a follow-up counts only when its rule is met).

use std::collections::HashMap;

use uuid::Uuid;

use crate::{Answer, Scale, SurveyDef, rating::MAX_TEXT_CHARS};

/// Letters of a code: digits and both cases of the Latin alphabet (no punctuation, so a
/// code survives being typed from a receipt or read aloud).
const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// A visit survey's one-time link: 12 letters (about 71 bits).
pub const LINK_CODE_LEN: usize = 12;
/// A QR poster's or widget's public code: 8 letters.
pub const PUBLIC_CODE_LEN: usize = 8;

/// A code of `len` letters made from the first 16 bytes of `bytes` (random or a keyed hash).
pub fn code_from(bytes: &[u8], len: usize) -> String {
    let mut buf = [0u8; 16];
    let n = bytes.len().min(16);
    buf[..n].copy_from_slice(&bytes[..n]);
    let mut v = u128::from_be_bytes(buf);
    (0..len)
        .map(|_| {
            let c = ALPHABET[(v % 62) as usize] as char;
            v /= 62;
            c
        })
        .collect()
}

/// Whether a text could be a code (so that anything else is refused before a lookup).
pub fn is_code(s: &str) -> bool {
    (PUBLIC_CODE_LEN..=LINK_CODE_LEN).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The form field of a question: `q-KEY`.
pub fn field_name(key: &str) -> String {
    format!("q-{key}")
}

/// Why a form's answer to a question was refused: the question's key and a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    pub key: String,
    /// `answer-needed`, `score-out-of-range`, `bad-choice`, `text-too-long`.
    pub code: &'static str,
}

/// The answers of a web form, in the survey's order: each question's row id and the
/// answer. Fields of questions a rule hides are ignored; a form with no answer at all
/// is refused on its first question.
pub fn read_form(
    def: &SurveyDef,
    fields: &[(String, String)],
) -> Result<Vec<(Uuid, Answer)>, Vec<FormError>> {
    let mut raw: HashMap<&str, Vec<&str>> = HashMap::new();
    for (name, value) in fields {
        if let Some(key) = name.strip_prefix("q-") {
            let value = value.trim();
            if !value.is_empty() {
                raw.entry(key).or_default().push(value);
            }
        }
    }
    let mut given: HashMap<String, Answer> = HashMap::new();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for q in &def.questions {
        if let Some(rule) = &q.show_if
            && !given.get(&rule.question).is_some_and(|a| rule.met_by(a))
        {
            continue;
        }
        let Some(values) = raw.get(q.key.as_str()) else {
            continue;
        };
        let err = |code| FormError {
            key: q.key.clone(),
            code,
        };
        let answer = if let Some((low, high)) = q.scale.score_range() {
            match values[0].parse::<i16>() {
                Ok(s) if (low..=high).contains(&s) => Ok(Answer::Score(s)),
                _ => Err(err("score-out-of-range")),
            }
        } else if q.scale.has_choices() {
            let offered: Vec<&str> = q.choices.iter().map(|c| c.key.as_str()).collect();
            let chosen: Vec<&str> = offered
                .iter()
                .copied()
                .filter(|k| values.contains(k))
                .collect();
            let single = q.scale != Scale::MultiChoice;
            if chosen.len() != values.len() || chosen.is_empty() || (single && chosen.len() > 1) {
                Err(err("bad-choice"))
            } else {
                Ok(Answer::Choice(chosen.join(",")))
            }
        } else if values[0].chars().count() > MAX_TEXT_CHARS {
            Err(err("text-too-long"))
        } else {
            Ok(Answer::Text(values[0].to_string()))
        };
        match answer {
            Ok(a) => {
                given.insert(q.key.clone(), a.clone());
                out.push((q.id, a));
            }
            Err(e) => errors.push(e),
        }
    }
    if out.is_empty()
        && errors.is_empty()
        && let Some(first) = def.questions.first()
    {
        errors.push(FormError {
            key: first.key.clone(),
            code: "answer-needed",
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{ChoiceOption, Condition, ShowIf, Subject};
    use crate::{SurveyQuestion, Texts};

    fn q(key: &str, scale: Scale, choices: &[&str], show_if: Option<ShowIf>) -> SurveyQuestion {
        SurveyQuestion {
            id: Uuid::now_v7(),
            key: key.into(),
            scale,
            subject: Subject::Site,
            prompt: Texts::new(key, "", ""),
            choices: choices
                .iter()
                .map(|c| ChoiceOption {
                    key: c.to_string(),
                    label: Texts::new(c, "", ""),
                })
                .collect(),
            show_if,
            area: None,
            servqual: None,
            callback: false,
        }
    }

    fn def() -> SurveyDef {
        SurveyDef {
            questions: vec![
                q("sat", Scale::Csat5, &[], None),
                q(
                    "why",
                    Scale::MultiChoice,
                    &["wait", "staff", "price"],
                    Some(ShowIf {
                        question: "sat".into(),
                        condition: Condition::ScoreAtMost(2),
                    }),
                ),
                q("words", Scale::Text, &[], None),
            ],
        }
    }

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn answers_follow_the_survey_and_its_rules() {
        let d = def();
        let got = read_form(
            &d,
            &f(&[
                ("q-sat", "2"),
                ("q-why", "staff"),
                ("q-why", "wait"),
                ("q-words", " slow "),
            ]),
        )
        .unwrap();
        assert_eq!(
            got,
            vec![
                (d.questions[0].id, Answer::Score(2)),
                (d.questions[1].id, Answer::Choice("wait,staff".into())),
                (d.questions[2].id, Answer::Text("slow".into())),
            ]
        );
        // A happy customer's reasons are not asked, so a sent value is ignored.
        let got = read_form(&d, &f(&[("q-sat", "5"), ("q-why", "staff"), ("csrf", "x")])).unwrap();
        assert_eq!(got, vec![(d.questions[0].id, Answer::Score(5))]);
    }

    #[test]
    fn bad_answers_name_their_question() {
        let d = def();
        let e = read_form(&d, &f(&[("q-sat", "6")])).unwrap_err();
        assert_eq!(
            e,
            vec![FormError {
                key: "sat".into(),
                code: "score-out-of-range"
            }]
        );
        let e = read_form(&d, &f(&[("q-sat", "1"), ("q-why", "nope")])).unwrap_err();
        assert_eq!(e[0].code, "bad-choice");
        let e = read_form(&d, &f(&[("q-words", &"x".repeat(MAX_TEXT_CHARS + 1))])).unwrap_err();
        assert_eq!(e[0].code, "text-too-long");
        let e = read_form(&d, &f(&[("q-sat", " ")])).unwrap_err();
        assert_eq!(
            e,
            vec![FormError {
                key: "sat".into(),
                code: "answer-needed"
            }]
        );
    }

    #[test]
    fn codes_are_short_and_plain() {
        let a = code_from(&[0xff; 32], LINK_CODE_LEN);
        assert_eq!(a.len(), LINK_CODE_LEN);
        assert!(is_code(&a));
        assert_ne!(a, code_from(&[0xfe; 32], LINK_CODE_LEN));
        assert!(is_code(&code_from(&[1, 2, 3], PUBLIC_CODE_LEN)));
        assert!(!is_code("abc"));
        assert!(!is_code("abcdefgh/"));
        assert!(!is_code("ابجدهوزحطي"));
    }
}
