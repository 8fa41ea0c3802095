//! The audit log page: every administrative change, newest first. The head's alone.

use axum::{Router, extract::Query, response::Response, routing::get};
use minijinja::context;
use rida_domain::Action;

use super::{ListParams, Web};
use crate::{error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/audit", get(list))
}

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ViewAudit)?;
    let page = w.state.store.list_audit(w.user.org.id, &p.query()).await?;
    Ok(w.render(
        "audit.html",
        context! { items => page.items, pager => p.pager(page.total) },
    ))
}
