//! The survey editor's questions: add, change, move and remove one question of a survey
//! (its type, subject, wording in three languages, predefined answers and follow-up rule).

use axum::{
    Router,
    extract::Path,
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{
    Action, Locale, Scale, SurveyQuestion, Texts,
    survey::{self, Area, Condition, ServqualSide, ShowIf, Subject, SurveyError},
};
use rida_store::Survey;
use serde::Deserialize;
use uuid::Uuid;

use super::{
    Empty, FormErrors, Web,
    surveys::{load, problem, store_def},
};
use crate::{auth::CsrfForm, error::Result, i18n, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/surveys/{id}/questions", post(save_question))
        .route("/admin/surveys/{id}/questions/new", get(new_question))
        .route(
            "/admin/surveys/{id}/questions/{key}",
            get(edit_question).post(save_question),
        )
        .route(
            "/admin/surveys/{id}/questions/{key}/move",
            post(move_question),
        )
        .route(
            "/admin/surveys/{id}/questions/{key}/remove",
            post(remove_question),
        )
}

/// The question form as typed.
#[derive(Deserialize, Default)]
struct QuestionForm {
    #[serde(default)]
    scale: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    prompt_en: String,
    #[serde(default)]
    prompt_ar: String,
    #[serde(default)]
    prompt_lv: String,
    /// The predefined answers, a row each: key and label per language.
    #[serde(default)]
    choice_key: Vec<String>,
    #[serde(default)]
    choice_en: Vec<String>,
    #[serde(default)]
    choice_ar: Vec<String>,
    #[serde(default)]
    choice_lv: Vec<String>,
    #[serde(default)]
    rule_question: String,
    #[serde(default)]
    rule_op: String,
    #[serde(default)]
    rule_value: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    servqual: String,
    /// `1`: "may we contact you?" (yes/no questions only).
    #[serde(default)]
    callback: String,
}

impl QuestionForm {
    /// The answer rows as typed: `[key, en, ar, lv]`, the longest list deciding how many.
    fn choice_rows(&self) -> Vec<[String; 4]> {
        let n = [
            &self.choice_key,
            &self.choice_en,
            &self.choice_ar,
            &self.choice_lv,
        ]
        .iter()
        .map(|v| v.len())
        .max()
        .unwrap_or(0);
        let at = |v: &Vec<String>, i: usize| v.get(i).cloned().unwrap_or_default();
        (0..n)
            .map(|i| {
                [
                    at(&self.choice_key, i),
                    at(&self.choice_en, i),
                    at(&self.choice_ar, i),
                    at(&self.choice_lv, i),
                ]
            })
            .collect()
    }

    fn of(q: &SurveyQuestion) -> QuestionForm {
        let (rule_question, rule_op, rule_value) = match &q.show_if {
            None => Default::default(),
            Some(r) => match &r.condition {
                Condition::ScoreAtMost(v) => {
                    (r.question.clone(), "score_at_most".into(), v.to_string())
                }
                Condition::ScoreAtLeast(v) => {
                    (r.question.clone(), "score_at_least".into(), v.to_string())
                }
                Condition::Chose(k) => (r.question.clone(), "chose".into(), k.clone()),
            },
        };
        QuestionForm {
            scale: q.scale.as_str().into(),
            subject: q.subject.as_str().into(),
            prompt_en: q.prompt.en.clone(),
            prompt_ar: q.prompt.ar.clone(),
            prompt_lv: q.prompt.lv.clone(),
            choice_key: q.choices.iter().map(|c| c.key.clone()).collect(),
            choice_en: q.choices.iter().map(|c| c.label.en.clone()).collect(),
            choice_ar: q.choices.iter().map(|c| c.label.ar.clone()).collect(),
            choice_lv: q.choices.iter().map(|c| c.label.lv.clone()).collect(),
            rule_question,
            rule_op,
            rule_value,
            area: q.area.map(|a| a.as_str().to_string()).unwrap_or_default(),
            servqual: q
                .servqual
                .map(|a| a.as_str().to_string())
                .unwrap_or_default(),
            callback: if q.callback {
                "1".into()
            } else {
                String::new()
            },
        }
    }
}

fn question_page(
    s: &Survey,
    key: Option<&str>,
    f: &QuestionForm,
    errors: &FormErrors,
    l: Locale,
) -> minijinja::Value {
    // Rules may point only at questions before this one.
    let before: Vec<minijinja::Value> = s
        .def
        .questions
        .iter()
        .take_while(|q| Some(q.key.as_str()) != key)
        .enumerate()
        .map(|(i, q)| {
            context! {
                key => q.key,
                label => format!("{}. {}", i + 1, q.prompt.get(l)),
                choices => q.choices.iter().map(|c| context! { key => c.key, label => c.label.get(l) }).collect::<Vec<_>>(),
                range => q.scale.score_range(),
            }
        })
        .collect();
    context! {
        survey => context! { id => s.id, name => s.name },
        key => key,
        form => context! {
            scale => f.scale, subject => f.subject, prompt_en => f.prompt_en, prompt_ar => f.prompt_ar,
            prompt_lv => f.prompt_lv, rule_question => f.rule_question,
            // What was typed, and a few empty rows to add answers (more after saving).
            choices => f.choice_rows().into_iter()
                .filter(|r| r.iter().any(|x| !x.trim().is_empty()))
                .chain(std::iter::repeat_n(Default::default(), 3))
                .map(|[key, en, ar, lv]| context! { key => key, en => en, ar => ar, lv => lv })
                .collect::<Vec<_>>(),
            rule_op => f.rule_op, rule_value => f.rule_value, area => f.area, servqual => f.servqual, callback => f.callback,
        },
        areas => Area::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        scales => Scale::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        subjects => Subject::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        before => before,
        errors => errors.value(),
    }
}

async fn new_question(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let s = load(&w, &id).await?;
    let f = QuestionForm {
        scale: Scale::Csat5.as_str().into(),
        subject: Subject::Site.as_str().into(),
        ..Default::default()
    };
    Ok(w.render(
        "question_form.html",
        question_page(&s, None, &f, &FormErrors::new(w.locale()), w.locale()),
    ))
}

async fn edit_question(w: Web, Path((id, key)): Path<(String, String)>) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let s = load(&w, &id).await?;
    let q = s.def.question(&key).ok_or(crate::Error::NotFound)?;
    Ok(w.render(
        "question_form.html",
        question_page(
            &s,
            Some(&key),
            &QuestionForm::of(q),
            &FormErrors::new(w.locale()),
            w.locale(),
        ),
    ))
}

/// Builds a question from the form, or records what is wrong next to each field.
fn parse_question(
    f: &QuestionForm,
    key: String,
    errors: &mut FormErrors,
) -> Option<SurveyQuestion> {
    let scale = Scale::parse(&f.scale);
    if scale.is_none() {
        errors.key("scale", "error-required");
    }
    let subject = Subject::parse(&f.subject).unwrap_or_default();
    let choices = match scale {
        Some(s) if s.has_choices() => match survey::choices_from_rows(&f.choice_rows()) {
            Ok(c) => c,
            Err(line) => {
                use fluent_templates::fluent_bundle::FluentValue;
                errors.map_insert(
                    "choices",
                    i18n::t_args(
                        errors.locale(),
                        "survey-error-bad-choice-line",
                        &[("line", FluentValue::from(line as i64))],
                    ),
                );
                vec![]
            }
        },
        _ => vec![],
    };
    let show_if = if f.rule_question.is_empty() {
        None
    } else {
        let condition = match f.rule_op.as_str() {
            "score_at_most" => f.rule_value.trim().parse().ok().map(Condition::ScoreAtMost),
            "score_at_least" => f
                .rule_value
                .trim()
                .parse()
                .ok()
                .map(Condition::ScoreAtLeast),
            "chose" => Some(Condition::Chose(f.rule_value.trim().to_string())),
            _ => None,
        };
        match condition {
            Some(condition) => Some(ShowIf {
                question: f.rule_question.clone(),
                condition,
            }),
            None => {
                errors.key("rule_value", "survey-error-rule-does-not-fit");
                None
            }
        }
    };
    // An unknown area or side is refused rather than dropped.
    let area = match f.area.trim() {
        "" => None,
        a => Area::parse(a).or_else(|| {
            errors.key("area", "error-invalid");
            None
        }),
    };
    let servqual = match f.servqual.trim() {
        "" => None,
        x => ServqualSide::parse(x).or_else(|| {
            errors.key("area", "error-invalid");
            None
        }),
    };
    let callback = f.callback == "1";
    if callback && scale != Some(rida_domain::Scale::YesNo) {
        errors.key("callback", "question-callback-yes-no");
    }
    Some(SurveyQuestion {
        id: Uuid::nil(),
        key,
        scale: scale?,
        subject,
        prompt: Texts::new(&f.prompt_en, &f.prompt_ar, &f.prompt_lv),
        choices,
        show_if,
        area,
        servqual,
        callback,
    })
}

/// The form field a survey rule belongs to.
fn field_of(e: &SurveyError) -> &'static str {
    match e.field {
        "prompt" => "prompt_en",
        "show_if" => "rule_value",
        "choices" => "choices",
        "area" => "area",
        _ => "scale",
    }
}

async fn save_question(
    w: Web,
    Path(path): Path<Vec<String>>,
    CsrfForm(f): CsrfForm<QuestionForm>,
) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let (id, key) = (&path[0], path.get(1));
    let s = load(&w, id).await?;
    let mut def = s.def.clone();
    let key = match key {
        Some(k) => {
            def.question(k).ok_or(crate::Error::NotFound)?;
            k.clone()
        }
        None => def.fresh_key(),
    };
    let mut errors = FormErrors::new(w.locale());
    if let Some(q) = parse_question(&f, key.clone(), &mut errors) {
        match def.questions.iter().position(|x| x.key == key) {
            Some(i) => def.questions[i] = q,
            None => def.questions.push(q),
        }
        let position = def.questions.iter().position(|x| x.key == key).unwrap_or(0) + 1;
        match def.validate() {
            Ok(()) if errors.is_empty() => return store_def(&w, &s, def).await,
            Ok(()) => {}
            Err(errs) => {
                for e in errs
                    .iter()
                    .filter(|e| e.position == position || e.position == 0)
                {
                    errors.map_insert(field_of(e), problem(w.locale(), e));
                }
                // A change elsewhere broke (a rule pointing at this question's choices…).
                for e in errs
                    .iter()
                    .filter(|e| e.position != position && e.position != 0)
                {
                    errors.map_insert("scale", problem(w.locale(), e));
                }
            }
        }
    }
    let existing = path.get(1).map(String::as_str);
    Ok(w.render_invalid(
        "question_form.html",
        question_page(&s, existing, &f, &errors, w.locale()),
    ))
}

#[derive(Deserialize)]
struct MoveForm {
    #[serde(default)]
    direction: String,
}

async fn move_question(
    w: Web,
    Path((id, key)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<MoveForm>,
) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let s = load(&w, &id).await?;
    let mut def = s.def.clone();
    let i = def
        .questions
        .iter()
        .position(|q| q.key == key)
        .ok_or(crate::Error::NotFound)?;
    let j = if f.direction == "up" {
        i.checked_sub(1)
    } else {
        Some(i + 1).filter(|j| *j < def.questions.len())
    };
    if let Some(j) = j {
        def.questions.swap(i, j);
    }
    store_def(&w, &s, def).await
}

async fn remove_question(
    w: Web,
    Path((id, key)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let s = load(&w, &id).await?;
    let mut def = s.def.clone();
    def.questions.retain(|q| q.key != key);
    store_def(&w, &s, def).await
}
