//! The outbox page (`/admin/mail`): what Rida sent by e-mail, what waits for another
//! attempt and why, and a button to send again what was given up on. The head's alone.

use axum::{
    Router,
    extract::Path,
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::Action;
use uuid::Uuid;

use super::{Web, redirect_with_flash};
use crate::{auth::CsrfForm, error::Result, state::AppState};

/// Messages listed at most.
const SHOWN: i64 = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/mail", get(list))
        .route("/admin/mail/{id}/retry", post(retry))
}

async fn list(w: Web) -> Result<Response> {
    w.user.require(Action::ManageMail)?;
    let items = w.state.store.outbox(w.user.org.id, SHOWN).await?;
    Ok(w.render(
        "mail.html",
        context! {
            items => items,
            configured => !w.state.settings.smtp_url.trim().is_empty(),
        },
    ))
}

async fn retry(
    w: Web,
    Path(id): Path<Uuid>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageMail)?;
    let now = jiff::Timestamp::now().as_millisecond();
    w.state.store.retry_mail(w.user.org.id, id, now).await?;
    Ok(redirect_with_flash(
        "/admin/mail",
        "flash-mail-queued-again",
    ))
}
