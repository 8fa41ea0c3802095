//! The employee station: an employee signs in, sees their desk and visit, and asks the
//! customer for a rating with one click. It shows no rating, score or comment of anyone,
//! ever: at most that a thank-you was received.

use axum::{
    Json, Router,
    extract::Query,
    response::{IntoResponse, Response},
    routing::{get, post},
};
use minijinja::context;
use rida_domain::Action;
use rida_store::Localized;
use serde::Deserialize;
use uuid::Uuid;

use super::{Empty, Web, form_id, redirect_with_flash};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/station", get(page))
        .route("/station/status", get(status))
        .route("/station/ask", post(ask))
        .route("/station/visit", post(start_visit))
        .route("/station/visit/end", post(end_visit))
}

/// The employee this account belongs to, if the policy lets it use the station.
fn employee(w: &Web) -> Result<Uuid> {
    let id = w.user.actor.employee_id.ok_or(crate::Error::Forbidden)?;
    w.user.require(Action::UseStation { employee: id })?;
    Ok(id)
}

async fn page(w: Web) -> Result<Response> {
    let me = employee(&w)?;
    let org = w.user.org.id;
    let e = w.state.store.employee(org, me).await?;
    let visit = w.state.store.open_visit(org, me).await?;
    let services = station_services(&w, e.site_ids.first().copied()).await?;
    let pulse = super::pulse::station_card(&w).await?;
    Ok(w.render(
        "station.html",
        context! { employee => context! { name => e.name, desk => e.desk }, visit => visit, services => services, pulse => pulse },
    ))
}

/// The services a visit at the employee's (first) site may be for.
async fn station_services(w: &Web, site: Option<Uuid>) -> Result<Vec<rida_store::Service>> {
    let store = &w.state.store;
    let all = store
        .list_services(w.user.org.id, &rida_store::ListQuery::all())
        .await?
        .items
        .localized(w.locale());
    let offered = match site {
        Some(s) => store.site_service_ids(s).await?,
        None => vec![],
    };
    Ok(all
        .into_iter()
        .filter(|s| offered.is_empty() || offered.contains(&s.id))
        .collect())
}

#[derive(Deserialize)]
struct StatusQuery {
    #[serde(default)]
    terminal: String,
}

/// Whether the last request still waits: `waiting` or `received`, nothing more.
async fn status(w: Web, Query(q): Query<StatusQuery>) -> Result<Response> {
    let me = employee(&w)?;
    let Ok(terminal) = Uuid::parse_str(&q.terminal) else {
        return Ok(Json(serde_json::json!({ "state": "none" })).into_response());
    };
    let state = w.state.store.ask_state(w.user.org.id, terminal, me).await?;
    Ok(Json(serde_json::json!({ "state": state })).into_response())
}

async fn ask(w: Web, CsrfForm(_): CsrfForm<Empty>) -> Result<Response> {
    let me = employee(&w)?;
    match w.state.store.ask_for_rating(w.user.org.id, me).await? {
        Some(a) => Ok(redirect_with_flash(
            &format!("/station?asked={}", a.terminal_id),
            "flash-station-asked",
        )),
        None => Ok(redirect_with_flash("/station", "flash-station-no-terminal")),
    }
}

#[derive(Deserialize)]
struct VisitForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    service: String,
}

async fn start_visit(w: Web, CsrfForm(f): CsrfForm<VisitForm>) -> Result<Response> {
    let me = employee(&w)?;
    let org = w.user.org.id;
    let site = w
        .state
        .store
        .employee(org, me)
        .await?
        .site_ids
        .first()
        .copied();
    // A service not offered here (or none chosen) leaves the visit without one.
    let chosen = Uuid::parse_str(f.service.trim()).ok();
    let service = station_services(&w, site)
        .await?
        .into_iter()
        .find(|s| Some(s.id) == chosen)
        .map(|s| s.id);
    w.state
        .store
        .start_visit(org, me, form_id(&f.form_id), site, service)
        .await?;
    Ok(redirect_with_flash(
        "/station",
        "flash-station-visit-started",
    ))
}

async fn end_visit(w: Web, CsrfForm(_): CsrfForm<Empty>) -> Result<Response> {
    let me = employee(&w)?;
    w.state.store.end_visit(w.user.org.id, me).await?;
    Ok(redirect_with_flash("/station", "flash-station-visit-ended"))
}
