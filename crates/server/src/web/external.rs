//! External figures (`/admin/external`): import a CSV of web analytics, social media or
//! other figures (date, source, metric, value) to show beside satisfaction; each bad row
//! is reported with its line, the good ones are kept; a series can be removed.

use axum::{
    Router,
    extract::{DefaultBodyLimit, Multipart},
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{Action, external};
use serde::Deserialize;

use super::{FormErrors, Web, redirect_with_flash};
use crate::{
    auth::{CsrfForm, verify_csrf},
    error::Result,
    i18n,
    state::AppState,
};

/// The largest file accepted (100,000 rows of a few dozen characters).
const MAX_BYTES: usize = 8 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/external", get(page).post(import))
        .route("/admin/external/delete", post(delete))
        .layer(DefaultBodyLimit::max(MAX_BYTES + 64 * 1024))
}

async fn render(
    w: &Web,
    report: minijinja::Value,
    errors: &FormErrors,
    invalid: bool,
) -> Result<Response> {
    let day = |d: i32| format!("{}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100);
    let series: Vec<minijinja::Value> = w
        .state
        .store
        .external_series(w.user.org.id)
        .await?
        .into_iter()
        .map(|s| {
            context! {
                source => s.source, metric => s.metric, days => s.days,
                from => day(s.first_day), to => day(s.last_day),
            }
        })
        .collect();
    let ctx = context! { series => series, report => report, errors => errors.value() };
    Ok(if invalid {
        w.render_invalid("external.html", ctx)
    } else {
        w.render("external.html", ctx)
    })
}

async fn page(w: Web) -> Result<Response> {
    w.user.require(Action::ImportExternal)?;
    render(
        &w,
        minijinja::Value::UNDEFINED,
        &FormErrors::new(w.locale()),
        false,
    )
    .await
}

async fn import(w: Web, multipart: Multipart) -> Result<Response> {
    let up = super::read_upload(multipart, "file", MAX_BYTES).await?;
    verify_csrf(&w.state, &w.headers, &up.csrf)?;
    w.user.require(Action::ImportExternal)?;
    let mut errors = FormErrors::new(w.locale());
    let parsed = match (up.file, up.too_large) {
        (_, true) => Err("error-import-too-large".to_string()),
        (None, _) => Err("error-import-missing".to_string()),
        (Some(bytes), _) => {
            external::parse_csv(&bytes).map_err(|e| format!("error-import-{}", e.code()))
        }
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(key) => {
            errors.key("file", &key);
            return render(&w, minijinja::Value::UNDEFINED, &errors, true).await;
        }
    };
    let stored = w
        .state
        .store
        .import_external(w.user.org.id, &parsed.rows, &w.user.by())
        .await?;
    let locale = w.locale();
    let bad: Vec<minijinja::Value> = parsed
        .bad
        .iter()
        .map(|b| {
            context! {
                line => b.line,
                reason => i18n::t(locale, &format!("import-bad-{}", b.code)),
                text => b.text,
            }
        })
        .collect();
    let report = context! { stored => stored, bad => bad };
    render(&w, report, &errors, !parsed.bad.is_empty()).await
}

#[derive(Deserialize)]
struct DeleteForm {
    #[serde(default)]
    source: String,
    #[serde(default)]
    metric: String,
}

async fn delete(w: Web, CsrfForm(f): CsrfForm<DeleteForm>) -> Result<Response> {
    w.user.require(Action::ImportExternal)?;
    w.state
        .store
        .delete_external(w.user.org.id, &f.source, &f.metric, &w.user.by())
        .await?;
    Ok(redirect_with_flash(
        "/admin/external",
        "flash-external-deleted",
    ))
}
