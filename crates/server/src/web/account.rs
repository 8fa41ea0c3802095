//! The user's own account: password and language.

use axum::{Router, response::Response, routing::get};
use minijinja::context;
use rida_domain::{Action, names};
use serde::Deserialize;

use super::{FormErrors, Web, redirect_with_flash};
use crate::{auth, auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/account", get(show).post(change_password))
}

async fn show(w: Web) -> Result<Response> {
    w.user.require(Action::ManageOwnAccount)?;
    Ok(w.render("account.html", context! { errors => FormErrors::new(w.locale()).value(), min_password => names::MIN_PASSWORD_CHARS }))
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// Changes the password; every other session of the user ends.
async fn change_password(w: Web, CsrfForm(f): CsrfForm<PasswordForm>) -> Result<Response> {
    w.user.require(Action::ManageOwnAccount)?;
    let mut errors = FormErrors::new(w.locale());
    let uid = w.user.user.user_id;
    let stored = w.state.store.password_hash(uid).await?;
    if !auth::verify_password(f.current.clone(), Some(stored)).await {
        errors.key("current", "error-wrong-password");
    }
    let new = errors
        .check("new", names::new_password(&f.new))
        .map(str::to_string);
    if f.new != f.confirm {
        errors.key("confirm", "error-passwords-differ");
    }
    match new {
        Some(pw) if errors.is_empty() => {
            let hash = auth::hash_password(pw).await?;
            w.state
                .store
                .set_password(
                    w.user.org.id,
                    uid,
                    &hash,
                    Some(&w.user.session_hash),
                    &w.user.by(),
                )
                .await?;
            Ok(redirect_with_flash("/account", "flash-password-changed"))
        }
        _ => Ok(w.render_invalid(
            "account.html",
            context! { errors => errors.value(), min_password => names::MIN_PASSWORD_CHARS },
        )),
    }
}
