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
    survey::{self, Area, ChoiceOption, Condition, ServqualSide, ShowIf, Subject, SurveyError},
};
use rida_store::{Deactivatable, Localized, Saved, StoreError, Survey};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    ActiveForm, FormErrors, ListParams, NameFields, Web, created, form_id, parse_id,
    redirect_with_flash, toggle_active,
};
use crate::{auth::CsrfForm, error::Result, i18n, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/surveys", get(list).post(create))
        .route("/admin/surveys/new", get(new))
        .route("/admin/surveys/{id}", get(show).post(rename))
        .route("/admin/surveys/{id}/active", post(set_active))
        .route("/admin/surveys/{id}/preview", get(preview))
        .route("/admin/surveys/{id}/kiosk", get(kiosk_preview))
        .route(
            "/admin/surveys/{id}/kiosk-config",
            get(kiosk_preview_config),
        )
        .merge(super::survey_questions::router())
}

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ViewStructure)?;
    let page = w
        .state
        .store
        .list_surveys(w.user.org.id, &p.query())
        .await?
        .localized(w.locale());
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
    #[serde(flatten)]
    names: NameFields,
}

const STARTS: [&str; 4] = ["smiley", "nps", "servqual", "empty"];

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    Ok(w.render(
        "survey_new.html",
        context! { form => context! { name => "", start => "smiley" }, names => NameFields::default().value(), starts => STARTS, errors => FormErrors::new(w.locale()).value() },
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
        area: None,
        servqual: None,
        callback: false,
    }
}

/// A new survey's first questions: a smiley with the usual follow-ups after a low
/// score, a recommendation question, the SERVQUAL statements, or nothing.
pub fn starting_point(start: &str) -> SurveyDef {
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
        // Expectations first (what an excellent office would do), then perceptions of
        // this one, so the comparison is not asked statement by statement.
        "servqual" => [ServqualSide::Expectation, ServqualSide::Perception]
            .into_iter()
            .flat_map(|side| {
                Area::ALL
                    .into_iter()
                    .filter(|a| a.is_servqual())
                    .map(move |area| (side, area))
            })
            .enumerate()
            .map(|(i, (side, area))| SurveyQuestion {
                area: Some(area),
                servqual: Some(side),
                callback: false,
                ..question(
                    &format!("q{}", i + 1),
                    Scale::Agree7,
                    Subject::Site,
                    &format!("start-servqual-{}-{}", area.as_str(), side.as_str()),
                )
            })
            .collect(),
        _ => vec![],
    };
    SurveyDef { questions }
}

async fn create(w: Web, CsrfForm(f): CsrfForm<NewSurveyForm>) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let mut errors = FormErrors::new(w.locale());
    let name = errors.check("name", names::display_name(&f.name, survey::MAX_NAME_CHARS));
    let local = f.names.check(&mut errors, survey::MAX_NAME_CHARS);
    if let (Some(name), Some(local)) = (name, local) {
        let org = w.user.org.id;
        let id = form_id(&f.form_id);
        let def = starting_point(&f.start);
        let r = created(
            w.state
                .store
                .create_survey(org, id, &name, &local, &def, &w.user.by())
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
        context! { form => context! { name => f.name, start => f.start }, names => f.names.value(), starts => STARTS, errors => errors.value() },
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
        names => NameFields::of(&s.names).value(),
        questions => questions,
        problems => problems,
        // More than three screens after the lowest score: people leave before the end.
        long_low => Some(s.def.screens_after_lowest()).filter(|n| *n > 3),
        preview_lang => w.locale().tag(),
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

pub(super) async fn load(w: &Web, id: &str) -> Result<Survey> {
    Ok(w.state.store.survey(w.user.org.id, parse_id(id)?).await?)
}

#[derive(Deserialize, Default)]
struct ShowQuery {
    /// The language of the previews.
    #[serde(default)]
    preview: String,
}

async fn show(w: Web, Path(id): Path<String>, Query(q): Query<ShowQuery>) -> Result<Response> {
    w.user.require(Action::ViewStructure)?;
    let s = load(&w, &id).await?;
    let v = editor(&w, &s, &[]);
    let lang = Locale::parse(&q.preview).unwrap_or_else(|| w.locale());
    Ok(w.render("survey.html", context! { preview_lang => lang.tag(), ..v }))
}

#[derive(Deserialize, Default)]
struct PreviewQuery {
    #[serde(default)]
    lang: String,
}

/// The survey a preview shows and its language (`typed`, else the reader's).
async fn previewed(w: &Web, id: &str, typed: &str) -> Result<(Survey, Locale)> {
    w.user.require(Action::ViewStructure)?;
    let s = load(w, id).await?;
    Ok((s, Locale::parse(typed).unwrap_or_else(|| w.locale())))
}

/// A preview page, framed by the survey editor (same origin) and never elsewhere.
fn framed_by_editor(mut res: Response, policy: &'static str) -> Response {
    res.headers_mut().insert(
        axum::http::header::CONTENT_SECURITY_POLICY,
        axum::http::HeaderValue::from_static(policy),
    );
    res
}

/// The survey as a customer's phone shows it (the web page, the same template), in one
/// language, with its follow-ups appearing as answers call for them; nothing is sent.
async fn preview(
    w: Web,
    Path(id): Path<String>,
    Query(q): Query<PreviewQuery>,
) -> Result<Response> {
    let (s, l) = previewed(&w, &id, &q.lang).await?;
    let shown = super::answer_page::Shown {
        org: w.user.org.clone(),
        site: Uuid::nil(),
        site_name: rida_domain::names::LocalName::plain(i18n::t(l, "survey-preview-site")),
        service: None,
        employee: None,
        about: None,
        def: s.def.clone(),
    };
    // No action: the page shows its fields and says it is a preview instead of sending.
    let mut form = super::answer_page::Form::new(&w.state, "", rida_store::now_ms(), None, false);
    form.action = String::new();
    let res = shown.page(&w.state, l, "form", Some(form), axum::http::StatusCode::OK);
    Ok(framed_by_editor(
        res,
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'; form-action 'none'",
    ))
}

/// The survey as a terminal shows it (the terminal's own page, framed by the editor),
/// in one language first; nothing is paired or stored.
async fn kiosk_preview(
    w: Web,
    Path(id): Path<String>,
    Query(q): Query<PreviewQuery>,
) -> Result<Response> {
    let (s, l) = previewed(&w, &id, &q.lang).await?;
    let config = format!("/admin/surveys/{}/kiosk-config?lang={}", s.id, l.tag());
    Ok(framed_by_editor(
        super::kiosk::render_page(&w.state, Some(&config)),
        "default-src 'self'; img-src 'self' data:; media-src 'self'; frame-ancestors 'self'",
    ))
}

/// What a terminal's settings would be for the preview: this survey, a single-point
/// terminal of a placeholder branch, `lang` first among the languages, no voice.
async fn kiosk_preview_config(
    w: Web,
    Path(id): Path<String>,
    Query(q): Query<PreviewQuery>,
) -> Result<Response> {
    use axum::{Json, response::IntoResponse};
    let (s, l) = previewed(&w, &id, &q.lang).await?;
    let locales: Vec<&str> = std::iter::once(l)
        .chain(Locale::ALL.into_iter().filter(|x| *x != l))
        .map(Locale::tag)
        .collect();
    let org = &w.user.org;
    let branch = i18n::t(l, "survey-preview-site");
    Ok(Json(serde_json::json!({
        "audio": {},
        "visit": null,
        "terminal": {
            "id": Uuid::nil(), "name": branch, "mode": "single", "kind": "kiosk", "state": "active",
            "locales": locales, "show_staff": false,
            "service_id": null, "employee_id": null, "employee_name": null,
        },
        "org": {
            "name": org.name,
            "logo": org.logo_mime.as_ref().map(|_| format!("/logo/{}?v={}", org.id, org.logo_version)),
        },
        "site": { "id": Uuid::nil(), "name": branch },
        "services": [],
        "staff": [],
        "asked": null,
        "survey": { "id": s.id, "version": s.version, "questions": s.def.questions },
        "versions": { "config_version": 0, "reload_seq": 0 },
        "timing": { "idle_seconds": 30, "thanks_seconds": 5, "heartbeat_seconds": rida_domain::terminal::HEARTBEAT_SECS },
    }))
    .into_response())
}

/// Validates and saves a changed survey, then back to the editor; an invalid one (or a
/// name already taken) is shown with its problems and nothing is saved.
pub(super) async fn store_def(w: &Web, s: &Survey, def: SurveyDef) -> Result<Response> {
    let shown = |def: SurveyDef, problems: &[String], name_error: Option<String>| {
        let shown = Survey { def, ..s.clone() };
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
        .save_survey(w.user.org.id, s.id, &s.name, &s.names, &def, &w.user.by())
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

pub(super) fn problem(l: Locale, e: &SurveyError) -> String {
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
    #[serde(flatten)]
    names: NameFields,
}

async fn rename(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<RenameForm>,
) -> Result<Response> {
    w.user.require(Action::ManageSurveys)?;
    let s = load(&w, &id).await?;
    let mut errors = FormErrors::new(w.locale());
    let name = errors.check("name", names::display_name(&f.name, survey::MAX_NAME_CHARS));
    let local = f.names.check(&mut errors, survey::MAX_NAME_CHARS);
    match (name, local) {
        (Some(name), Some(names)) => {
            let renamed = Survey {
                name,
                names,
                ..s.clone()
            };
            let def = s.def.clone();
            store_def(&w, &renamed, def).await
        }
        _ => {
            let v = editor(&w, &s, &[]);
            Ok(w.render_invalid(
                "survey.html",
                context! { name_error => errors.get("name"), names => f.names.value(), errors => errors.value(), ..v },
            ))
        }
    }
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
