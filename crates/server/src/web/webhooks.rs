//! Outbound webhooks (`/admin/webhooks`, the head's, beside API tokens): where answers
//! and low scores are announced, each webhook's signing secret, and the delivery log
//! with every attempt's outcome and a button to send a failed delivery again.

use axum::{
    Router,
    extract::Path,
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::Action;
use serde::Deserialize;

use super::{FormErrors, Web, form_id, parse_id, redirect_with_flash};
use crate::{auth::CsrfForm, error::Result, state::AppState};

/// Deliveries listed at most.
const SHOWN: i64 = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/webhooks", get(list).post(create))
        .route("/admin/webhooks/{id}/delete", post(delete))
        .route("/admin/webhooks/deliveries/{id}/retry", post(retry))
}

#[derive(Deserialize, Default)]
struct WebhookForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    on_answer: Option<String>,
    #[serde(default)]
    on_low: Option<String>,
}

async fn page(w: &Web, f: &WebhookForm, errors: &FormErrors) -> Result<Response> {
    let org = w.user.org.id;
    let ctx = context! {
        webhooks => w.state.store.webhooks(org).await?,
        deliveries => w.state.store.deliveries(org, SHOWN).await?,
        form => context! {
            form_id => if f.form_id.is_empty() { rida_domain::new_id().to_string() } else { f.form_id.clone() },
            url => f.url.clone(),
            on_answer => f.on_answer.is_some(),
            on_low => f.on_low.is_some() || f.url.is_empty(),
        },
        errors => errors.value(),
    };
    Ok(if errors.is_empty() {
        w.render("webhooks.html", ctx)
    } else {
        w.render_invalid("webhooks.html", ctx)
    })
}

async fn list(w: Web) -> Result<Response> {
    w.user.require(Action::ManageTokens)?;
    page(&w, &WebhookForm::default(), &FormErrors::new(w.locale())).await
}

async fn create(w: Web, CsrfForm(f): CsrfForm<WebhookForm>) -> Result<Response> {
    w.user.require(Action::ManageTokens)?;
    let mut errors = FormErrors::new(w.locale());
    let url = f.url.trim();
    let parsed = reqwest::Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some());
    if parsed.is_none() || url.len() > 500 {
        errors.key("url", "error-webhook-url");
    }
    if f.on_answer.is_none() && f.on_low.is_none() {
        errors.key("events", "error-webhook-events");
    }
    if !errors.is_empty() {
        return page(&w, &f, &errors).await;
    }
    w.state
        .store
        .create_webhook(
            w.user.org.id,
            form_id(&f.form_id),
            url,
            &crate::webhooks::new_secret(),
            (f.on_answer.is_some(), f.on_low.is_some()),
            &w.user.by(),
        )
        .await?;
    Ok(redirect_with_flash("/admin/webhooks", "flash-saved"))
}

async fn delete(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageTokens)?;
    let id = parse_id(&id)?;
    w.state
        .store
        .delete_webhook(w.user.org.id, id, &w.user.by())
        .await?;
    Ok(redirect_with_flash("/admin/webhooks", "flash-deleted"))
}

async fn retry(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageTokens)?;
    let id = parse_id(&id)?;
    let now = jiff::Timestamp::now().as_millisecond();
    w.state.store.retry_delivery(w.user.org.id, id, now).await?;
    Ok(redirect_with_flash(
        "/admin/webhooks",
        "flash-message-queued-again",
    ))
}
