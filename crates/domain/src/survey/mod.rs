//! Surveys: an ordered set of questions with translations, predefined choices and
//! follow-up rules ("a score ≤ 2 shows the reasons and a comment box").
//!
//! A survey's content is saved as versions. Each question of a version points at an
//! immutable question row: a question whose wording, choices, scale or subject changed
//! becomes a new row, so old answers keep the wording they were given.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Answer, Locale, Scale};

mod area;
mod choices;
pub use area::{Area, ServqualSide};
pub use choices::{
    ChoiceOption, SurveyAnswerError, check_choice, choices_from_rows, format_choices,
    key_from_label, parse_choices, valid_key,
};

/// The most questions one survey holds (a terminal shows them one by one).
pub const MAX_QUESTIONS: usize = 30;
/// The most predefined answers one question offers.
pub const MAX_CHOICES: usize = 20;
/// The longest question prompt, in characters.
pub const MAX_PROMPT_CHARS: usize = 300;
/// The longest label of a predefined answer, in characters.
pub const MAX_LABEL_CHARS: usize = 100;
/// The longest survey name, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// What a question rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    /// The place: the site as a whole.
    #[default]
    Site,
    /// The service the customer came for.
    Service,
    /// The employee who served the customer.
    Employee,
}

impl Subject {
    /// Every subject.
    pub const ALL: [Subject; 3] = [Subject::Site, Subject::Service, Subject::Employee];

    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Site => "site",
            Subject::Service => "service",
            Subject::Employee => "employee",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Subject> {
        Subject::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A text in each of Rida's languages; an empty one falls back to another.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Texts {
    pub en: String,
    pub ar: String,
    pub lv: String,
}

impl Texts {
    /// Builds from trimmed texts.
    pub fn new(en: &str, ar: &str, lv: &str) -> Texts {
        Texts {
            en: en.trim().to_string(),
            ar: ar.trim().to_string(),
            lv: lv.trim().to_string(),
        }
    }

    /// The text in `locale`, else English, else the first one written.
    pub fn get(&self, locale: Locale) -> &str {
        let own = match locale {
            Locale::En => &self.en,
            Locale::Ar => &self.ar,
            Locale::Lv => &self.lv,
        };
        [own, &self.en, &self.ar, &self.lv]
            .into_iter()
            .find(|t| !t.is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }

    fn all(&self) -> [&str; 3] {
        [&self.en, &self.ar, &self.lv]
    }

    fn is_empty(&self) -> bool {
        self.all().iter().all(|t| t.is_empty())
    }

    fn longest(&self) -> usize {
        self.all()
            .iter()
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(0)
    }
}

/// When a follow-up question is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", content = "value", rename_all = "snake_case")]
pub enum Condition {
    /// The earlier question's score is at most this.
    ScoreAtMost(i16),
    /// The earlier question's score is at least this.
    ScoreAtLeast(i16),
    /// The earlier question's answer includes this choice key.
    Chose(String),
}

/// A follow-up rule: show this question only if an earlier one was answered so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowIf {
    /// The key of an earlier question in the same survey.
    pub question: String,
    #[serde(flatten)]
    pub condition: Condition,
}

impl ShowIf {
    /// Whether the answer given to the earlier question meets the rule.
    pub fn met_by(&self, answer: &Answer) -> bool {
        match (&self.condition, answer) {
            (Condition::ScoreAtMost(v), Answer::Score(s)) => s <= v,
            (Condition::ScoreAtLeast(v), Answer::Score(s)) => s >= v,
            (Condition::Chose(k), Answer::Choice(c)) => c.split(',').any(|x| x == k),
            _ => false,
        }
    }
}

/// One question of a survey version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyQuestion {
    /// The immutable question row answers point at; `nil` until saved.
    pub id: Uuid,
    /// Stable within the survey across versions; rules refer to it.
    pub key: String,
    pub scale: Scale,
    pub subject: Subject,
    pub prompt: Texts,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<ChoiceOption>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<ShowIf>,
    /// What part of the service it is about (satisfaction by area); scored questions only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
    /// A SERVQUAL statement: its side of the pair (the area is its dimension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servqual: Option<ServqualSide>,
    /// "May we contact you about your visit?" (a yes/no question): a "yes" from a named
    /// customer (a survey sent to them) with a low score opens a call-back task on the
    /// alert it raises.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub callback: bool,
}

impl SurveyQuestion {
    /// Whether `other` asks the same thing in the same words, so answers to both can
    /// share one question row.
    pub fn same_content(&self, other: &SurveyQuestion) -> bool {
        self.scale == other.scale
            && self.subject == other.subject
            && self.prompt == other.prompt
            && self.choices == other.choices
    }

    /// Checks that a choice answer names only this question's keys.
    pub fn check_choice(&self, value: &str) -> Result<(), SurveyAnswerError> {
        let offered: Vec<&str> = self.choices.iter().map(|c| c.key.as_str()).collect();
        check_choice(self.scale, &offered, value)
    }
}

/// The content of one survey version.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SurveyDef {
    pub questions: Vec<SurveyQuestion>,
}

/// What is wrong with a survey definition, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("question {position}: {code}")]
pub struct SurveyError {
    /// 1-based position of the question.
    pub position: usize,
    /// The field the error belongs to: `prompt`, `choices`, `show_if`, `questions`.
    pub field: &'static str,
    /// A stable code, also the Fluent message id suffix.
    pub code: &'static str,
}

impl SurveyDef {
    /// How many more screens a customer who gives the first scored question its lowest
    /// score goes through (one question a screen; choices taken as not chosen): more
    /// than a few and people leave before the end.
    pub fn screens_after_lowest(&self) -> usize {
        let Some(first) = self
            .questions
            .iter()
            .position(|q| q.scale.score_range().is_some())
        else {
            return 0;
        };
        let q = &self.questions[first];
        let lowest = q.scale.score_range().map(|r| r.0).unwrap_or(0);
        let answers: std::collections::HashMap<&str, Answer> =
            [(q.key.as_str(), Answer::Score(lowest))]
                .into_iter()
                .collect();
        self.questions[first + 1..]
            .iter()
            .filter(|x| match &x.show_if {
                None => true,
                Some(r) => answers
                    .get(r.question.as_str())
                    .is_some_and(|a| r.met_by(a)),
            })
            .count()
    }

    /// The question with this key.
    pub fn question(&self, key: &str) -> Option<&SurveyQuestion> {
        self.questions.iter().find(|q| q.key == key)
    }

    /// The question with this row id.
    pub fn by_id(&self, id: Uuid) -> Option<&SurveyQuestion> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Checks every rule a survey must follow; all problems at once.
    pub fn validate(&self) -> Result<(), Vec<SurveyError>> {
        let mut errors = Vec::new();
        let mut err = |position, field, code| {
            errors.push(SurveyError {
                position,
                field,
                code,
            })
        };
        if self.questions.len() > MAX_QUESTIONS {
            err(0, "questions", "too-many-questions");
        }
        for (i, q) in self.questions.iter().enumerate() {
            let pos = i + 1;
            if !valid_key(&q.key) || self.questions[..i].iter().any(|p| p.key == q.key) {
                err(pos, "key", "bad-key");
            }
            if q.prompt.is_empty() {
                err(pos, "prompt", "prompt-missing");
            } else if q.prompt.longest() > MAX_PROMPT_CHARS {
                err(pos, "prompt", "prompt-too-long");
            }
            if q.scale.has_choices() {
                if q.choices.len() < 2 {
                    err(pos, "choices", "too-few-choices");
                } else if q.choices.len() > MAX_CHOICES {
                    err(pos, "choices", "too-many-choices");
                }
                for (j, c) in q.choices.iter().enumerate() {
                    if !valid_key(&c.key) || q.choices[..j].iter().any(|d| d.key == c.key) {
                        err(pos, "choices", "bad-choice-key");
                    }
                    if c.label.is_empty() || c.label.longest() > MAX_LABEL_CHARS {
                        err(pos, "choices", "bad-choice-label");
                    }
                }
            } else if !q.choices.is_empty() {
                err(pos, "choices", "choices-not-used");
            }
            if q.area.is_some() && q.scale.score_range().is_none() {
                err(pos, "area", "area-needs-score");
            }
            if q.servqual.is_some() && !q.area.is_some_and(Area::is_servqual) {
                err(pos, "area", "servqual-needs-dimension");
            }
            if let Some(rule) = &q.show_if {
                match self.questions[..i].iter().find(|p| p.key == rule.question) {
                    None => err(pos, "show_if", "rule-needs-earlier-question"),
                    Some(earlier) => {
                        if !condition_fits(&rule.condition, earlier) {
                            err(pos, "show_if", "rule-does-not-fit");
                        }
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The questions a customer is shown, in order, given the answers so far (by key):
    /// a follow-up appears only when its rule is met.
    pub fn visible<'a>(
        &'a self,
        answers: &'a std::collections::HashMap<String, Answer>,
    ) -> impl Iterator<Item = &'a SurveyQuestion> + 'a {
        self.questions.iter().filter(|q| match &q.show_if {
            None => true,
            Some(rule) => answers.get(&rule.question).is_some_and(|a| rule.met_by(a)),
        })
    }

    /// A key no question of this survey uses yet: `q1`, `q2`, …
    pub fn fresh_key(&self) -> String {
        (1..)
            .map(|n| format!("q{n}"))
            .find(|k| self.question(k).is_none())
            .unwrap_or_default()
    }

    /// Gives each question the row id of an identical question of `previous` (same key,
    /// same content), or `new_id()` when it is new or changed. Returns how many rows are new.
    pub fn assign_ids(
        &mut self,
        previous: Option<&SurveyDef>,
        mut new_id: impl FnMut() -> Uuid,
    ) -> usize {
        let mut fresh = 0;
        for q in &mut self.questions {
            match previous
                .and_then(|p| p.question(&q.key))
                .filter(|p| p.same_content(q) && !p.id.is_nil())
            {
                Some(p) => q.id = p.id,
                None => {
                    q.id = new_id();
                    fresh += 1;
                }
            }
        }
        fresh
    }
}

fn condition_fits(c: &Condition, earlier: &SurveyQuestion) -> bool {
    match c {
        Condition::ScoreAtMost(v) | Condition::ScoreAtLeast(v) => earlier
            .scale
            .score_range()
            .is_some_and(|(lo, hi)| (lo..=hi).contains(v)),
        Condition::Chose(k) => earlier.choices.iter().any(|o| &o.key == k),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn q(key: &str, scale: Scale) -> SurveyQuestion {
        SurveyQuestion {
            id: Uuid::nil(),
            key: key.into(),
            scale,
            subject: Subject::Site,
            prompt: Texts::new("How was it?", "كيف كانت؟", "Kā bija?"),
            choices: vec![],
            show_if: None,
            area: None,
            servqual: None,
            callback: false,
        }
    }

    #[test]
    fn the_screens_after_the_lowest_score_are_counted() {
        let low = |key: &str| {
            let mut x = q(key, Scale::Text);
            x.show_if = Some(ShowIf {
                question: "csat".into(),
                condition: Condition::ScoreAtMost(2),
            });
            x
        };
        let high = {
            let mut x = q("praise", Scale::Text);
            x.show_if = Some(ShowIf {
                question: "csat".into(),
                condition: Condition::ScoreAtLeast(4),
            });
            x
        };
        let mut def = SurveyDef {
            questions: vec![
                q("csat", Scale::Csat5),
                low("a"),
                high,
                q("always", Scale::YesNo),
            ],
        };
        assert_eq!(def.screens_after_lowest(), 2);
        def.questions.extend([low("b"), low("c")]);
        assert_eq!(def.screens_after_lowest(), 4);
        assert_eq!(SurveyDef { questions: vec![] }.screens_after_lowest(), 0);
    }

    fn reasons() -> SurveyQuestion {
        let mut r = q("why", Scale::MultiChoice);
        r.choices = ["wait", "staff", "price"]
            .map(|k| ChoiceOption {
                key: k.into(),
                label: Texts::new(k, "", ""),
            })
            .to_vec();
        r.show_if = Some(ShowIf {
            question: "q1".into(),
            condition: Condition::ScoreAtMost(2),
        });
        r
    }

    fn survey() -> SurveyDef {
        let mut text = q("comment", Scale::Text);
        text.show_if = reasons().show_if;
        SurveyDef {
            questions: vec![q("q1", Scale::Csat5), reasons(), text],
        }
    }

    #[test]
    fn a_low_score_shows_the_follow_ups_and_a_high_one_does_not() {
        let s = survey();
        assert_eq!(s.validate(), Ok(()));
        let keys = |answers: &HashMap<String, Answer>| -> Vec<String> {
            s.visible(answers).map(|q| q.key.clone()).collect()
        };
        let mut a = HashMap::new();
        assert_eq!(keys(&a), ["q1"]);
        a.insert("q1".to_string(), Answer::Score(2));
        assert_eq!(keys(&a), ["q1", "why", "comment"]);
        a.insert("q1".to_string(), Answer::Score(3));
        assert_eq!(keys(&a), ["q1"]);
    }

    #[test]
    fn rules_must_point_back_and_fit_the_earlier_scale() {
        let mut s = survey();
        s.questions.swap(0, 1);
        let e = s.validate().unwrap_err();
        assert!(e.iter().any(|e| e.position == 1 && e.field == "show_if"));

        let mut s = survey();
        s.questions[1].show_if = Some(ShowIf {
            question: "q1".into(),
            condition: Condition::ScoreAtMost(9),
        });
        assert_eq!(s.validate().unwrap_err()[0].code, "rule-does-not-fit");

        let mut s = survey();
        s.questions[2].show_if = Some(ShowIf {
            question: "why".into(),
            condition: Condition::Chose("staff".into()),
        });
        assert_eq!(s.validate(), Ok(()));
        s.questions[2].show_if = Some(ShowIf {
            question: "why".into(),
            condition: Condition::Chose("parking".into()),
        });
        assert!(s.validate().is_err());
    }

    #[test]
    fn choice_questions_need_choices_and_others_none() {
        let mut s = survey();
        s.questions[1].choices.truncate(1);
        s.questions[0].choices = reasons().choices;
        s.questions[2].prompt = Texts::default();
        s.questions.push(q("q1", Scale::Nps11));
        let codes: Vec<_> = s.validate().unwrap_err().iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            [
                "choices-not-used",
                "too-few-choices",
                "prompt-missing",
                "bad-key"
            ]
        );
    }

    #[test]
    fn choice_answers_name_offered_keys_once_in_order() {
        let r = reasons();
        assert_eq!(r.check_choice("wait"), Ok(()));
        assert_eq!(r.check_choice("wait,price"), Ok(()));
        assert_eq!(
            r.check_choice("price,wait"),
            Err(SurveyAnswerError::UnknownChoice)
        );
        assert_eq!(
            r.check_choice("wait,wait"),
            Err(SurveyAnswerError::UnknownChoice)
        );
        assert_eq!(
            r.check_choice("parking"),
            Err(SurveyAnswerError::UnknownChoice)
        );
        let mut single = r.clone();
        single.scale = Scale::Choice;
        assert_eq!(
            single.check_choice("wait,price"),
            Err(SurveyAnswerError::OneChoiceOnly)
        );
        assert!(r.show_if.as_ref().unwrap().met_by(&Answer::Score(1)));
        let chose = ShowIf {
            question: "why".into(),
            condition: Condition::Chose("price".into()),
        };
        assert!(chose.met_by(&Answer::Choice("wait,price".into())));
        assert!(!chose.met_by(&Answer::Choice("wait".into())));
    }

    #[test]
    fn unchanged_questions_keep_their_row_and_changed_ones_get_a_new_one() {
        let mut first = survey();
        let mut n = 0u128;
        let mut next = || {
            n += 1;
            Uuid::from_u128(n)
        };
        assert_eq!(first.assign_ids(None, &mut next), 3);
        let mut second = first.clone();
        second.questions[0].prompt.lv = "Kā jums patika?".into();
        second.questions.remove(2);
        assert_eq!(second.assign_ids(Some(&first), &mut next), 1);
        assert_eq!(second.questions[0].id, Uuid::from_u128(4));
        assert_eq!(second.questions[1].id, first.questions[1].id);
    }

    #[test]
    fn texts_fall_back_to_english_then_any() {
        let t = Texts::new("Thanks", "", "");
        assert_eq!(t.get(Locale::Ar), "Thanks");
        let t = Texts::new("", "شكرا", "");
        assert_eq!(t.get(Locale::Lv), "شكرا");
    }

    #[test]
    fn a_definition_survives_json() {
        let s = survey();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""op":"score_at_most","value":2"#), "{json}");
        assert_eq!(serde_json::from_str::<SurveyDef>(&json).unwrap(), s);
    }
}
