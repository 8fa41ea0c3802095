//! The survey messages (`/admin/messages`): every message after a visit with its state
//! (queued, sent, delivered, failed, answered, expired, skipped and why), how many SMS
//! parts it took, the gateway's last error, and a button to send again what failed.
//! No number and no text of a customer is shown.

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::Action;
use serde::Deserialize;

use super::{Web, parse_id, redirect_with_flash};
use crate::{analytics::names::Names, auth::CsrfForm, error::Result, state::AppState};

/// Messages listed at most.
const SHOWN: i64 = 300;
/// Every state, in the order of a message's life.
const STATES: [&str; 9] = [
    "queued",
    "sent",
    "delivered",
    "read",
    "answered",
    "expired",
    "failed",
    "skipped",
    "",
];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/messages", get(list))
        .route("/admin/messages/{id}/retry", post(retry))
}

#[derive(Deserialize, Default)]
struct Filter {
    #[serde(default)]
    status: String,
}

async fn list(w: Web, Query(f): Query<Filter>) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let org = w.user.org.id;
    let status = STATES
        .iter()
        .find(|s| !s.is_empty() && **s == f.status.trim())
        .copied();
    let store = &w.state.store;
    let items = store.survey_outbox(org, status, SHOWN).await?;
    let counts = store.survey_outbox_counts(org).await?;
    let names = Names::load(store, org, w.locale()).await?;
    let day_ago = jiff::Timestamp::now().as_millisecond() - 86_400_000;
    let replies = store.reply_outcomes(org, day_ago).await?;
    let rows: Vec<minijinja::Value> = items
        .iter()
        .map(|m| {
            context! {
                m => m,
                site => m.site_id.and_then(|s| names.sites.get(&s).cloned()),
                service => m.service_id.and_then(|s| names.services.get(&s).cloned()),
            }
        })
        .collect();
    let tabs: Vec<minijinja::Value> = STATES
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| {
            let n = counts
                .iter()
                .find(|(k, _)| k == s)
                .map(|(_, n)| *n)
                .unwrap_or(0);
            context! { status => s, n => n, active => status == Some(*s) }
        })
        .collect();
    Ok(w.render(
        "messages.html",
        context! {
            items => rows,
            tabs => tabs,
            total => counts.iter().map(|(_, n)| n).sum::<i64>(),
            filtered => status,
            replies => replies,
            waiting => crate::messaging::waiting_channels(&w.state, w.user.org.id).await?,
        },
    ))
}

async fn retry(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let id = parse_id(&id)?;
    let now = jiff::Timestamp::now().as_millisecond();
    w.state.store.retry_message(w.user.org.id, id, now).await?;
    Ok(redirect_with_flash(
        "/admin/messages",
        "flash-message-queued-again",
    ))
}
