//! Surveys: the list, a new survey from a starting point, and the editor (questions in
//! order, each with its wording in three languages, choices and follow-up rule).

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{
    Action, Locale, Scale, SurveyDef, SurveyQuestion, Texts, names,
    survey::{self, ChoiceOption, Condition, ShowIf, Subject, SurveyError},
};
use rida_store::{Deactivatable, Saved, StoreError, Survey};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    ActiveForm, Empty, FormErrors, ListParams, Web, created, form_id, parse_id,
    redirect_with_flash, toggle_active,
};
use crate::{auth::CsrfForm, error::Result, i18n, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/surveys", get(list).post(create))
        .route("/admin/surveys/new", get(new))
        .route("/admin/surveys/{id}", get(show).post(rename))
        .route("/admin/surveys/{id}/active", post(set_active))
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

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ViewStructure)?;
    let page = w
        .state
        .store
        .list_surveys(w.user.org.id, &p.query())
        .await?;
    Ok(w.render(
        "surveys.html",
        context! { items => page.items, pager => p.pager(page.total), can_manage => w.user.may(Action::ManageSurveys) },
    ))
}

#[derive(Deserialize)]
struct NewSurveyForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    start: String,
}

const STARTS: [&str; 3] = ["smiley", "nps", "empty"];

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    Ok(w.render(
        "survey_new.html",
        context! { form => context! { name => "", start => "smiley" }, starts => STARTS, errors => FormErrors::new(w.locale()).value() },
    ))
}

/// The same text in the three languages, from the message catalogue.
fn texts(key: &str) -> Texts {
    Texts::new(
        &i18n::t(Locale::En, key),
        &i18n::t(Locale::Ar, key),
        &i18n::t(Locale::Lv, key),
    )
}

fn question(key: &str, scale: Scale, subject: Subject, prompt: &str) -> SurveyQuestion {
    SurveyQuestion {
        id: Uuid::nil(),
        key: key.into(),
        scale,
        subject,
        prompt: texts(prompt),
        choices: vec![],
        show_if: None,
    }
}

/// A new survey's first questions: a smiley with the usual follow-ups after a low
/// score, a recommendation question, or nothing.
fn starting_point(start: &str) -> SurveyDef {
    let questions = match start {
        "smiley" => {
            let low = Some(ShowIf {
                question: "q1".into(),
                condition: Condition::ScoreAtMost(2),
            });
            let mut reasons = question(
                "q2",
                Scale::MultiChoice,
                Subject::Site,
                "start-reasons-prompt",
            );
            reasons.choices = ["wait", "staff", "unresolved", "premises"]
                .into_iter()
                .map(|k| ChoiceOption {
                    key: k.into(),
                    label: texts(&format!("start-reason-{k}")),
                })
                .collect();
            reasons.show_if = low.clone();
            let mut comment = question("q3", Scale::Text, Subject::Site, "start-comment-prompt");
            comment.show_if = low;
            vec![
                question("q1", Scale::Csat5, Subject::Site, "start-csat-prompt"),
                reasons,
                comment,
            ]
        }
        "nps" => vec![question(
            "q1",
            Scale::Nps11,
            Subject::Site,
            "start-nps-prompt",
        )],
        _ => vec![],
    };
    SurveyDef { questions }
}

async fn create(w: Web, CsrfForm(f): CsrfForm<NewSurveyForm>) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let mut errors = FormErrors::new(w.locale());
    if let Some(name) = errors.check("name", names::display_name(&f.name, survey::MAX_NAME_CHARS)) {
        let org = w.user.org.id;
        let id = form_id(&f.form_id);
        let def = starting_point(&f.start);
        let r = created(
            w.state
                .store
                .create_survey(org, id, &name, &def, &w.user.by())
                .await,
            w.state.store.survey(org, id),
        )
        .await;
        match r {
            Ok(()) => {
                return Ok(redirect_with_flash(
                    &format!("/admin/surveys/{id}"),
                    "flash-saved",
                ));
            }
            Err(StoreError::Conflict) => errors.key("name", "error-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(w.render_invalid(
        "survey_new.html",
        context! { form => context! { name => f.name, start => f.start }, starts => STARTS, errors => errors.value() },
    ))
}

/// The editor's view of a survey: each question with what the page shows of it.
fn editor(w: &Web, s: &Survey, problems: &[String]) -> minijinja::Value {
    let l = w.locale();
    let questions: Vec<minijinja::Value> = s
        .def
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            context! {
                key => q.key,
                position => i + 1,
                scale => q.scale.as_str(),
                subject => q.subject.as_str(),
                prompt => q.prompt.get(l),
                prompts => q.prompt,
                choices => q.choices.iter().map(|c| &c.label).collect::<Vec<_>>(),
                rule => q.show_if.as_ref().map(|r| rule_view(&s.def, r, l)),
                first => i == 0,
                last => i + 1 == s.def.questions.len(),
            }
        })
        .collect();
    context! {
        survey => context! { id => s.id, name => s.name, version => s.version, active => s.active },
        questions => questions,
        problems => problems,
        can_manage => w.user.may(Action::ManageSurveys),
    }
}

fn rule_view(def: &SurveyDef, r: &ShowIf, l: Locale) -> minijinja::Value {
    let earlier = def.question(&r.question);
    let position = def
        .questions
        .iter()
        .position(|q| q.key == r.question)
        .map(|p| p + 1);
    let (op, value) = match &r.condition {
        Condition::ScoreAtMost(v) => ("score_at_most", v.to_string()),
        Condition::ScoreAtLeast(v) => ("score_at_least", v.to_string()),
        Condition::Chose(k) => (
            "chose",
            earlier
                .and_then(|q| q.choices.iter().find(|c| &c.key == k))
                .map(|c| c.label.get(l).to_string())
                .unwrap_or_else(|| k.clone()),
        ),
    };
    context! { position => position, op => op, value => value }
}

async fn load(w: &Web, id: &str) -> Result<Survey> {
    Ok(w.state.store.survey(w.user.org.id, parse_id(id)?).await?)
}

async fn show(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ViewStructure)?;
    let s = load(&w, &id).await?;
    Ok(w.render("survey.html", editor(&w, &s, &[])))
}

/// Validates and saves a changed survey, then back to the editor; an invalid one (or a
/// name already taken) is shown with its problems and nothing is saved.
async fn store_def(w: &Web, s: &Survey, name: &str, def: SurveyDef) -> Result<Response> {
    let shown = |def: SurveyDef, problems: &[String], name_error: Option<String>| {
        let shown = Survey {
            def,
            name: name.to_string(),
            ..s.clone()
        };
        let v = editor(w, &shown, problems);
        w.render_invalid("survey.html", context! { name_error => name_error, ..v })
    };
    if let Err(errs) = def.validate() {
        let problems: Vec<String> = errs.iter().map(|e| problem(w.locale(), e)).collect();
        return Ok(shown(def, &problems, None));
    }
    let saved = w
        .state
        .store
        .save_survey(w.user.org.id, s.id, name, &def, &w.user.by())
        .await;
    let flash = match saved {
        Ok(Saved::InPlace) => "flash-saved",
        Ok(Saved::NewVersion(_)) => "flash-survey-new-version",
        Err(StoreError::Stale) => "flash-survey-changed-meanwhile",
        Err(StoreError::Conflict) => {
            return Ok(shown(
                def,
                &[],
                Some(i18n::t(w.locale(), "error-name-taken")),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    Ok(redirect_with_flash(
        &format!("/admin/surveys/{}", s.id),
        flash,
    ))
}

fn problem(l: Locale, e: &SurveyError) -> String {
    use fluent_templates::fluent_bundle::FluentValue;
    i18n::t_args(
        l,
        &format!("survey-error-{}", e.code),
        &[("position", FluentValue::from(e.position as i64))],
    )
}

#[derive(Deserialize)]
struct RenameForm {
    #[serde(default)]
    name: String,
}

async fn rename(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<RenameForm>,
) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let s = load(&w, &id).await?;
    match names::display_name(&f.name, survey::MAX_NAME_CHARS) {
        Ok(name) => store_def(&w, &s, &name, s.def.clone()).await,
        Err(e) => {
            let mut errors = FormErrors::new(w.locale());
            errors.field("name", &e);
            let v = editor(&w, &s, &[]);
            Ok(w.render_invalid(
                "survey.html",
                context! { name_error => errors.get("name"), ..v },
            ))
        }
    }
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
    #[serde(default)]
    choices: String,
    #[serde(default)]
    rule_question: String,
    #[serde(default)]
    rule_op: String,
    #[serde(default)]
    rule_value: String,
}

impl QuestionForm {
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
            choices: survey::format_choices(&q.choices),
            rule_question,
            rule_op,
            rule_value,
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
            prompt_lv => f.prompt_lv, choices => f.choices, rule_question => f.rule_question,
            rule_op => f.rule_op, rule_value => f.rule_value,
        },
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
        Some(s) if s.has_choices() => match survey::parse_choices(&f.choices) {
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
    Some(SurveyQuestion {
        id: Uuid::nil(),
        key,
        scale: scale?,
        subject,
        prompt: Texts::new(&f.prompt_en, &f.prompt_ar, &f.prompt_lv),
        choices,
        show_if,
    })
}

/// The form field a survey rule belongs to.
fn field_of(e: &SurveyError) -> &'static str {
    match e.field {
        "prompt" => "prompt_en",
        "show_if" => "rule_value",
        "choices" => "choices",
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
            Ok(()) if errors.is_empty() => return store_def(&w, &s, &s.name, def).await,
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
    store_def(&w, &s, &s.name, def).await
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
    store_def(&w, &s, &s.name, def).await
}

async fn set_active(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ActiveForm>,
) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    toggle_active(
        &w,
        Deactivatable::Survey,
        parse_id(&id)?,
        f,
        "/admin/surveys",
    )
    .await
}
