//! Web surveys (`/admin/web-surveys`): anonymous surveys for one site (and optionally
//! one service or employee) that customers open from a printed QR poster, a receipt or
//! the organisation's website (one `<script>` tag). Each has a short public address,
//! its poster (A4 SVG) and its widget tag.

use axum::{
    Router,
    extract::Path,
    http::header,
    response::{IntoResponse, Response},
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{Action, new_id, web};
use rida_store::{ListQuery, Localized, WebSurveyInput};
use serde::Deserialize;
use uuid::Uuid;

use super::{FormErrors, Web, form_id, parse_id, redirect_with_flash};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/web-surveys", get(list).post(create))
        .route("/admin/web-surveys/new", get(new))
        .route("/admin/web-surveys/every-site", post(every_site))
        .route("/admin/web-surveys/print", get(print))
        .route("/admin/web-surveys/{id}", get(edit).post(update))
        .route("/admin/web-surveys/{id}/poster.svg", get(poster))
}

/// The form as typed.
#[derive(Deserialize, Default, Clone, serde::Serialize)]
struct WebSurveyForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    employee: String,
    #[serde(default)]
    survey: String,
    #[serde(default)]
    active: Option<String>,
}

/// A new web survey's public code (8 random letters and digits).
pub fn new_public_code() -> String {
    web::code_from(&rand::random::<[u8; 16]>(), web::PUBLIC_CODE_LEN)
}

/// The longest name of a web survey.
const MAX_NAME_CHARS: usize = 120;

fn input_of(f: &WebSurveyForm, errors: &mut FormErrors) -> Option<WebSurveyInput> {
    let opt_id = |s: &str| Uuid::parse_str(s.trim()).ok();
    let name = f.name.trim();
    if name.is_empty() {
        errors.key("name", "error-required");
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.key("name", "error-invalid");
    }
    let site = opt_id(&f.site);
    if site.is_none() {
        errors.key("site", "error-required");
    }
    Some(WebSurveyInput {
        name: name.to_string(),
        site_id: site?,
        service_id: opt_id(&f.service),
        employee_id: opt_id(&f.employee),
        survey_id: opt_id(&f.survey),
        active: f.active.is_some(),
    })
    .filter(|_| errors.is_empty())
}

/// The public addresses of a web survey.
fn addresses(w: &Web, code: &str) -> minijinja::Value {
    let base = w.state.public_base();
    context! {
        url => format!("{base}/q/{code}"),
        widget => format!("<script src=\"{base}/w/{code}.js\" async></script>"),
    }
}

async fn list(w: Web) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let items: Vec<minijinja::Value> = w
        .state
        .store
        .web_surveys(w.user.org.id)
        .await?
        .localized(w.locale())
        .into_iter()
        .map(|s| context! { s => s.clone(), at => addresses(&w, &s.code) })
        .collect();
    Ok(w.render("web_surveys.html", context! { items => items }))
}

async fn form_page(
    w: &Web,
    id: Option<Uuid>,
    code: Option<&str>,
    f: &WebSurveyForm,
    errors: &FormErrors,
) -> Result<Response> {
    let org = w.user.org.id;
    let mut form = f.clone();
    if form.form_id.is_empty() {
        form.form_id = new_id().to_string();
    }
    let store = &w.state.store;
    let page = context! {
        id => id,
        form => form,
        at => code.map(|c| addresses(w, c)),
        errors => errors.value(),
        sites => store.list_sites(org, &ListQuery::all(), None).await?.items.localized(w.locale()),
        services => store.list_services(org, &ListQuery::all()).await?.items.localized(w.locale()),
        employees => store.list_employees(org, &ListQuery::all(), None).await?.items,
        surveys => store.list_surveys(org, &ListQuery::all()).await?.items.localized(w.locale()),
    };
    Ok(if errors.is_empty() {
        w.render("web_survey_form.html", page)
    } else {
        w.render_invalid("web_survey_form.html", page)
    })
}

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let f = WebSurveyForm {
        active: Some("on".into()),
        ..WebSurveyForm::default()
    };
    form_page(&w, None, None, &f, &FormErrors::new(w.locale())).await
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let s = w
        .state
        .store
        .web_survey(w.user.org.id, parse_id(&id)?)
        .await?;
    let id = |v: Option<Uuid>| v.map(|v| v.to_string()).unwrap_or_default();
    let f = WebSurveyForm {
        form_id: s.id.to_string(),
        name: s.name.clone(),
        site: s.site_id.to_string(),
        service: id(s.service_id),
        employee: id(s.employee_id),
        survey: id(s.survey_id),
        active: s.active.then(|| "on".into()),
    };
    form_page(
        &w,
        Some(s.id),
        Some(&s.code),
        &f,
        &FormErrors::new(w.locale()),
    )
    .await
}

async fn create(w: Web, CsrfForm(f): CsrfForm<WebSurveyForm>) -> Result<Response> {
    save(w, None, f).await
}

async fn update(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(mut f): CsrfForm<WebSurveyForm>,
) -> Result<Response> {
    let id = parse_id(&id)?;
    f.form_id = id.to_string();
    save(w, Some(id), f).await
}

async fn save(w: Web, id: Option<Uuid>, f: WebSurveyForm) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let org = w.user.org.id;
    let mut errors = FormErrors::new(w.locale());
    let existing = match id {
        Some(id) => Some(w.state.store.web_survey(org, id).await?),
        None => None,
    };
    if let Some(input) = input_of(&f, &mut errors) {
        let id = id.unwrap_or_else(|| form_id(&f.form_id));
        let code = existing
            .as_ref()
            .map(|e| e.code.clone())
            .unwrap_or_else(new_public_code);
        match w
            .state
            .store
            .save_web_survey(org, id, &code, &input, &w.user.by())
            .await
        {
            Ok(()) => {
                return Ok(redirect_with_flash(
                    &format!("/admin/web-surveys/{id}"),
                    "flash-saved",
                ));
            }
            Err(rida_store::StoreError::NotFound) => errors.key("site", "error-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    form_page(
        &w,
        id,
        existing.as_ref().map(|e| e.code.as_str()),
        &f,
        &errors,
    )
    .await
}

async fn poster(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let org = w.user.org.id;
    let s = w.state.store.web_survey(org, parse_id(&id)?).await?;
    let base = w.state.public_base();
    let url = format!("{base}/q/{}", s.code);
    let about = s.employee_name.as_deref().or(s.service_name.as_deref());
    let svg = super::poster::render(
        &w.state,
        &super::poster::Poster {
            org: &w.user.org.name,
            logo: w.state.store.logo(org).await?,
            site: &s.site_name,
            about,
            url: &url,
        },
    )?;
    Ok((
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
        svg,
    )
        .into_response())
}

/// Creates a web survey for every active site that has none (a counter poster each),
/// so that a chain puts posters up everywhere at once.
async fn every_site(w: Web, CsrfForm(_): CsrfForm<super::Empty>) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let org = w.user.org.id;
    let store = &w.state.store;
    let covered: std::collections::HashSet<Uuid> = store
        .web_surveys(org)
        .await?
        .into_iter()
        .map(|s| s.site_id)
        .collect();
    let name = crate::i18n::t(w.locale(), "websurvey-counter-poster");
    for site in store
        .list_sites(org, &ListQuery::all(), None)
        .await?
        .items
        .localized(w.locale())
    {
        if !site.active || covered.contains(&site.id) {
            continue;
        }
        let input = WebSurveyInput {
            name: format!("{name} · {}", site.name),
            site_id: site.id,
            service_id: None,
            employee_id: None,
            survey_id: None,
            active: true,
        };
        let code = new_public_code();
        store
            .save_web_survey(org, new_id(), &code, &input, &w.user.by())
            .await?;
    }
    Ok(redirect_with_flash("/admin/web-surveys", "flash-saved"))
}

/// Every active web survey's poster, one per A4 page: printed from the browser (or
/// saved as one PDF) in one go.
async fn print(w: Web) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let posters: Vec<minijinja::Value> = w
        .state
        .store
        .web_surveys(w.user.org.id)
        .await?
        .into_iter()
        .filter(|s| s.active)
        .map(|s| context! { id => s.id, name => s.name })
        .collect();
    Ok(w.render("web_survey_print.html", context! { posters => posters }))
}
