//! Predefined answers of choice questions: their keys, how the administrator writes
//! them (one per line), and how an answer naming them is checked.

use serde::{Deserialize, Serialize};

use super::Texts;
use crate::Scale;

/// One predefined answer of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// Stable key stored with answers (`a-z`, `0-9`, `_`).
    pub key: String,
    pub label: Texts,
}

/// Checks a choice answer (keys joined by commas) against the offered keys: each key
/// offered, each once, in the offered order; several only for multiple choice.
pub fn check_choice(scale: Scale, offered: &[&str], value: &str) -> Result<(), SurveyAnswerError> {
    let keys: Vec<&str> = value.split(',').collect();
    if keys.len() > 1 && scale != Scale::MultiChoice {
        return Err(SurveyAnswerError::OneChoiceOnly);
    }
    let mut last: Option<usize> = None;
    for k in keys {
        match offered.iter().position(|c| *c == k) {
            Some(p) if last.is_none_or(|l| p > l) => last = Some(p),
            _ => return Err(SurveyAnswerError::UnknownChoice),
        }
    }
    Ok(())
}

/// Why an answer does not fit a survey question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SurveyAnswerError {
    #[error("the question is not part of this terminal's survey")]
    NotInSurvey,
    #[error("the answer names a choice this question does not offer")]
    UnknownChoice,
    #[error("this question takes one choice")]
    OneChoiceOnly,
}

/// Keys are short, lower-case ASCII: `a-z`, `0-9`, `_`.
pub fn valid_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 40
        && k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Derives a choice key from a label: lower-case ASCII letters and digits, others as `_`.
/// Returns `None` when nothing usable is left (e.g. an Arabic-only label).
pub fn key_from_label(label: &str) -> Option<String> {
    let mut key = String::new();
    for ch in label.chars().flat_map(char::to_lowercase) {
        let c = match crate::locale::latvian_base(ch) {
            c @ ('a'..='z' | '0'..='9') => c,
            _ => '_',
        };
        if c == '_' && (key.is_empty() || key.ends_with('_')) {
            continue;
        }
        key.push(c);
        if key.len() >= 32 {
            break;
        }
    }
    let key = key.trim_end_matches('_').to_string();
    (!key.is_empty()).then_some(key)
}

/// Parses the administrator's list of predefined answers: one per line,
/// `key = English | العربية | Latviešu`. The key may be left out: it is then made from
/// the English (else Latvian) label, or `c1`, `c2`… Fails with the 1-based number of
/// the first line whose key is not a valid key.
pub fn parse_choices(text: &str) -> Result<Vec<ChoiceOption>, usize> {
    let rows: Vec<[String; 4]> = text
        .lines()
        .map(|line| {
            let (key, labels) = match line.split_once('=') {
                Some((k, rest)) if !k.contains('|') => (k.trim().to_string(), rest),
                _ => (String::new(), line),
            };
            let mut parts = labels.split('|').map(|p| p.trim().to_string());
            [
                key,
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
            ]
        })
        .collect();
    choices_from_rows(&rows)
}

/// Predefined answers from rows of `[key, English, Arabic, Latvian]`, as the survey
/// editor's fields give them: empty rows are skipped; an empty key is made from the
/// label. `Err(n)`: row `n` (from 1) has a key that is not lower-case letters, digits
/// and `_`.
pub fn choices_from_rows(rows: &[[String; 4]]) -> Result<Vec<ChoiceOption>, usize> {
    let mut out: Vec<ChoiceOption> = Vec::new();
    for (n, [key, en, ar, lv]) in rows.iter().enumerate() {
        if [key, en, ar, lv].iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let label = Texts::new(en.trim(), ar.trim(), lv.trim());
        let key = match key.trim() {
            "" => {
                let base = key_from_label(&label.en)
                    .or_else(|| key_from_label(&label.lv))
                    .unwrap_or_else(|| format!("c{}", out.len() + 1));
                let mut k = base.clone();
                let mut i = 2;
                while out.iter().any(|c| c.key == k) {
                    k = format!("{base}_{i}");
                    i += 1;
                }
                k
            }
            k if valid_key(k) => k.to_string(),
            _ => return Err(n + 1),
        };
        out.push(ChoiceOption { key, label });
    }
    Ok(out)
}

/// Writes predefined answers back in the form [`parse_choices`] reads.
pub fn format_choices(choices: &[ChoiceOption]) -> String {
    choices
        .iter()
        .map(|c| {
            format!(
                "{} = {} | {} | {}",
                c.key, c.label.en, c.label.ar, c.label.lv
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_from_labels() {
        assert_eq!(
            key_from_label("Long wait / queue").as_deref(),
            Some("long_wait_queue")
        );
        assert_eq!(
            key_from_label("Ilga gaidīšana").as_deref(),
            Some("ilga_gaidisana")
        );
        assert_eq!(key_from_label("الانتظار"), None);
        assert!(valid_key("q12") && !valid_key("Q1") && !valid_key(""));
    }

    #[test]
    fn choices_are_written_one_per_line_with_stable_keys() {
        let c = parse_choices("wait = Long wait | انتظار طويل | Ilga gaidīšana\n\nStaff | الموظف\n | الموقف | Stāvvieta\nStaff").unwrap();
        let keys: Vec<_> = c.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["wait", "staff", "stavvieta", "staff_2"]);
        assert_eq!(c[1].label.ar, "الموظف");
        assert_eq!(c[1].label.lv, "");
        assert_eq!(parse_choices(&format_choices(&c)).unwrap(), c);
        assert_eq!(parse_choices("ok = Fine\nBad Key = Nope"), Err(2));
    }

    #[test]
    fn a_choice_answer_names_offered_keys_once_in_order() {
        let offered = ["wait", "staff", "price"];
        assert_eq!(
            check_choice(Scale::MultiChoice, &offered, "wait,price"),
            Ok(())
        );
        assert_eq!(
            check_choice(Scale::MultiChoice, &offered, "price,wait"),
            Err(SurveyAnswerError::UnknownChoice)
        );
        assert_eq!(
            check_choice(Scale::Choice, &offered, "wait,price"),
            Err(SurveyAnswerError::OneChoiceOnly)
        );
    }
}
