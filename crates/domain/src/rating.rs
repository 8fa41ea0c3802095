//! Ratings: one answer to one question, from one channel.

use serde::{Deserialize, Serialize};

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Kiosk,
    Station,
    Sms,
    Whatsapp,
    Web,
    Import,
}

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 6] = [
        Channel::Kiosk,
        Channel::Station,
        Channel::Sms,
        Channel::Whatsapp,
        Channel::Web,
        Channel::Import,
    ];

    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Kiosk => "kiosk",
            Channel::Station => "station",
            Channel::Sms => "sms",
            Channel::Whatsapp => "whatsapp",
            Channel::Web => "web",
            Channel::Import => "import",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// 1 = very dissatisfied … 5 = very satisfied (CSAT).
    Csat5,
    /// 0–10, "would you recommend us?" (NPS).
    Nps11,
    /// 1–7 customer effort (CES).
    Ces7,
    /// 1 = strongly disagree … 7 = strongly agree (SERVQUAL statements and the like).
    Agree7,
    /// 0 = no, 1 = yes.
    YesNo,
    /// One of the administrator's predefined answers.
    Choice,
    /// Any number of the administrator's predefined answers; stored as the keys in
    /// the survey's order joined by commas.
    MultiChoice,
    /// "What brought you here today?": one of a list of visit reasons.
    Intent,
    /// Free text written by the customer.
    Text,
}

impl Scale {
    /// Every scale.
    pub const ALL: [Scale; 9] = [
        Scale::Csat5,
        Scale::Nps11,
        Scale::Ces7,
        Scale::Agree7,
        Scale::YesNo,
        Scale::Choice,
        Scale::MultiChoice,
        Scale::Intent,
        Scale::Text,
    ];

    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Csat5 => "csat5",
            Scale::Nps11 => "nps11",
            Scale::Ces7 => "ces7",
            Scale::Agree7 => "agree7",
            Scale::YesNo => "yes_no",
            Scale::Choice => "choice",
            Scale::MultiChoice => "multi_choice",
            Scale::Intent => "intent",
            Scale::Text => "text",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The inclusive range of scores, for scored scales.
    pub fn score_range(self) -> Option<(i16, i16)> {
        match self {
            Scale::Csat5 => Some((1, 5)),
            Scale::Nps11 => Some((0, 10)),
            Scale::Ces7 | Scale::Agree7 => Some((1, 7)),
            Scale::YesNo => Some((0, 1)),
            Scale::Choice | Scale::MultiChoice | Scale::Intent | Scale::Text => None,
        }
    }

    /// Whether a score is a low one: 1–2 of 5, 0–6 of 10 (a detractor), 1–3 of 7, "no".
    /// The comments behind a drop are the ones given with a low score.
    pub fn is_low(self, score: i16) -> bool {
        match self {
            Scale::Csat5 => score <= 2,
            Scale::Nps11 => score <= 6,
            Scale::Ces7 | Scale::Agree7 => score <= 3,
            Scale::YesNo => score == 0,
            Scale::Choice | Scale::MultiChoice | Scale::Intent | Scale::Text => false,
        }
    }

    /// The scores that count as a good answer, for figures that put different scales
    /// side by side (satisfaction by area): 4–5 of 5, 9–10 of 10, 5–7 of 7, "yes".
    pub fn good_range(self) -> Option<(i16, i16)> {
        match self {
            Scale::Csat5 => Some((4, 5)),
            Scale::Nps11 => Some((9, 10)),
            Scale::Ces7 | Scale::Agree7 => Some((5, 7)),
            Scale::YesNo => Some((1, 1)),
            Scale::Choice | Scale::MultiChoice | Scale::Intent | Scale::Text => None,
        }
    }

    /// Whether answers are keys of the question's predefined choices.
    pub fn has_choices(self) -> bool {
        matches!(self, Scale::Choice | Scale::MultiChoice | Scale::Intent)
    }

    /// Checks that an answer fits this scale.
    pub fn check(self, answer: &Answer) -> Result<(), AnswerError> {
        match (self.score_range(), answer) {
            (Some((lo, hi)), Answer::Score(s)) => {
                if (lo..=hi).contains(s) {
                    Ok(())
                } else {
                    Err(AnswerError::ScoreOutOfRange {
                        min: lo,
                        max: hi,
                        got: *s,
                    })
                }
            }
            (None, Answer::Choice(_)) if self.has_choices() => Ok(()),
            (None, Answer::Text(_)) if self == Scale::Text => Ok(()),
            _ => Err(AnswerError::WrongKind { expected: self }),
        }
    }
}

/// The longest free-text answer kept.
pub const MAX_TEXT_CHARS: usize = 4000;
/// The longest choice key.
pub const MAX_CHOICE_CHARS: usize = 100;

/// A customer's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Score(i16),
    Choice(String),
    Text(String),
}

impl Answer {
    /// Builds an answer from the three optional fields of the API; exactly one must be set.
    pub fn from_parts(
        score: Option<i64>,
        choice: Option<String>,
        text: Option<String>,
    ) -> Result<Answer, AnswerError> {
        match (score, choice, text) {
            (Some(s), None, None) => i16::try_from(s)
                .map(Answer::Score)
                .map_err(|_| AnswerError::ScoreNotSmall),
            (None, Some(c), None) => {
                let c = c.trim().to_string();
                if c.is_empty() || c.chars().count() > MAX_CHOICE_CHARS {
                    Err(AnswerError::BadChoice)
                } else {
                    Ok(Answer::Choice(c))
                }
            }
            (None, None, Some(t)) => {
                let t = t.trim().to_string();
                if t.is_empty() {
                    Err(AnswerError::EmptyText)
                } else if t.chars().count() > MAX_TEXT_CHARS {
                    Err(AnswerError::TextTooLong {
                        max: MAX_TEXT_CHARS,
                    })
                } else {
                    Ok(Answer::Text(t))
                }
            }
            (None, None, None) => Err(AnswerError::Missing),
            _ => Err(AnswerError::Several),
        }
    }

    /// The score, if this is a scored answer.
    pub fn score(&self) -> Option<i16> {
        match self {
            Answer::Score(s) => Some(*s),
            _ => None,
        }
    }

    /// The choice key, if this is a choice.
    pub fn choice(&self) -> Option<&str> {
        match self {
            Answer::Choice(c) => Some(c),
            _ => None,
        }
    }

    /// The text, if this is a free-text answer.
    pub fn text(&self) -> Option<&str> {
        match self {
            Answer::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("an answer needs exactly one of score, choice or text; none was given")]
    Missing,
    #[error("an answer needs exactly one of score, choice or text; several were given")]
    Several,
    #[error("score {got} is outside {min}–{max}")]
    ScoreOutOfRange { min: i16, max: i16, got: i16 },
    #[error("score is not a small whole number")]
    ScoreNotSmall,
    #[error("this question takes a {} answer", expected.as_str())]
    WrongKind { expected: Scale },
    #[error("choice must be 1–100 characters")]
    BadChoice,
    #[error("text is empty")]
    EmptyText,
    #[error("text is longer than {max} characters")]
    TextTooLong { max: usize },
}

impl AnswerError {
    /// A stable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AnswerError::Missing => "answer_missing",
            AnswerError::Several => "answer_ambiguous",
            AnswerError::ScoreOutOfRange { .. } | AnswerError::ScoreNotSmall => {
                "score_out_of_range"
            }
            AnswerError::WrongKind { .. } => "wrong_answer_kind",
            AnswerError::BadChoice => "bad_choice",
            AnswerError::EmptyText => "empty_text",
            AnswerError::TextTooLong { .. } => "text_too_long",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_csat_score_must_be_one_to_five() {
        assert!(Scale::Csat5.check(&Answer::Score(5)).is_ok());
        assert_eq!(
            Scale::Csat5.check(&Answer::Score(7)),
            Err(AnswerError::ScoreOutOfRange {
                min: 1,
                max: 5,
                got: 7
            })
        );
        assert!(Scale::Csat5.check(&Answer::Score(0)).is_err());
        assert!(Scale::Nps11.check(&Answer::Score(0)).is_ok());
        assert!(Scale::Ces7.check(&Answer::Score(7)).is_ok());
    }

    #[test]
    fn an_answer_has_exactly_one_part() {
        assert_eq!(
            Answer::from_parts(None, None, None),
            Err(AnswerError::Missing)
        );
        assert_eq!(
            Answer::from_parts(Some(3), Some("x".into()), None),
            Err(AnswerError::Several)
        );
        assert_eq!(
            Answer::from_parts(None, None, Some("  slow queue ".into())),
            Ok(Answer::Text("slow queue".into()))
        );
        assert_eq!(
            Answer::from_parts(Some(70_000), None, None),
            Err(AnswerError::ScoreNotSmall)
        );
    }

    #[test]
    fn a_text_question_refuses_a_score() {
        assert!(matches!(
            Scale::Text.check(&Answer::Score(3)),
            Err(AnswerError::WrongKind { .. })
        ));
    }

    proptest! {
        #[test]
        fn only_scores_in_range_pass(score in any::<i16>()) {
            for scale in Scale::ALL {
                let ok = scale.check(&Answer::Score(score)).is_ok();
                let in_range = scale.score_range().is_some_and(|(lo, hi)| (lo..=hi).contains(&score));
                prop_assert_eq!(ok, in_range);
            }
        }
    }
}
