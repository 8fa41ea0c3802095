//! API tokens for integrations (queue systems, POS, CRM): shown once, stored hashed.

use axum::{
    Router,
    extract::Path,
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{Action, names};
use serde::Deserialize;

use super::{FormErrors, Web, parse_id, redirect_with_flash};
use crate::{auth, auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/tokens", get(list).post(create))
        .route("/admin/tokens/{id}/revoke", post(revoke))
}

async fn render_list(
    w: &Web,
    created: Option<String>,
    errors: &FormErrors,
    name: &str,
) -> Result<Response> {
    let tokens = w.state.store.list_api_tokens(w.user.org.id).await?;
    let page = context! { items => tokens, created => created, errors => errors.value(), form => context! { name => name } };
    Ok(if errors.is_empty() {
        w.render("tokens.html", page)
    } else {
        w.render_invalid("tokens.html", page)
    })
}

async fn list(w: Web) -> Result<Response> {
    w.user.require(Action::ManageTokens)?;
    render_list(&w, None, &FormErrors::new(w.locale()), "").await
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    name: String,
}

/// Creates a token and shows its secret this once.
async fn create(w: Web, CsrfForm(f): CsrfForm<TokenForm>) -> Result<Response> {
    w.user.require(Action::ManageTokens)?;
    let mut errors = FormErrors::new(w.locale());
    let Some(name) = errors.check("name", names::display_name(&f.name, 80)) else {
        return render_list(&w, None, &errors, &f.name).await;
    };
    let secret = issue_token(&w.state.store, w.user.org.id, &name, &w.user.by()).await?;
    render_list(&w, Some(secret), &errors, "").await
}

/// Makes a new token (`rida_` + 43 random characters) and stores its hash.
pub async fn issue_token(
    store: &rida_store::Store,
    org: uuid::Uuid,
    name: &str,
    by: &rida_store::By,
) -> rida_store::Result<String> {
    let secret = format!("rida_{}", auth::new_secret());
    let prefix: String = secret.chars().take(9).collect();
    store
        .create_api_token(org, name, &auth::hash_secret(&secret), &prefix, by)
        .await?;
    Ok(secret)
}

async fn revoke(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageTokens)?;
    w.state
        .store
        .revoke_api_token(w.user.org.id, parse_id(&id)?, &w.user.by())
        .await?;
    Ok(redirect_with_flash("/admin/tokens", "flash-revoked"))
}
