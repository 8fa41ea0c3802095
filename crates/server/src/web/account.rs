//! The user's own account: password, language, how often alert e-mails come, and whether
//! the Monday e-mail does.

use axum::{
    Router,
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{Action, names};
use serde::Deserialize;

use super::{FormErrors, Web, redirect_with_flash};
use crate::{auth, auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account", get(show).post(change_password))
        .route("/account/digest", post(set_digest))
        .route("/account/monday", post(set_monday))
}

/// The page's context: who reads alerts chooses how often their e-mails come.
async fn page(w: &Web, errors: &FormErrors) -> Result<minijinja::Value> {
    let digest = if w.user.may(Action::ViewAlerts { site: None }) {
        Some(w.state.store.digest_setting(w.user.user.user_id).await?.0)
    } else {
        None
    };
    let store = &w.state.store;
    let uid = w.user.user.user_id;
    let monday = if crate::analytics::week::is_for(&w.user) {
        Some(context! {
            on => store.monday_mail(uid).await?,
            email => store.user_email(w.user.org.id, uid).await?,
        })
    } else {
        None
    };
    Ok(context! {
        errors => errors.value(),
        min_password => names::MIN_PASSWORD_CHARS,
        digest => digest,
        monday => monday,
    })
}

async fn show(w: Web) -> Result<Response> {
    w.user.require(Action::ManageOwnAccount)?;
    let ctx = page(&w, &FormErrors::new(w.locale())).await?;
    Ok(w.render("account.html", ctx))
}

#[derive(Deserialize)]
struct DigestForm {
    #[serde(default)]
    every: String,
}

/// At most one alert e-mail an hour, or a day.
async fn set_digest(w: Web, CsrfForm(f): CsrfForm<DigestForm>) -> Result<Response> {
    w.user.require(Action::ManageOwnAccount)?;
    w.user.require(Action::ViewAlerts { site: None })?;
    let every = if f.every == "day" { "day" } else { "hour" };
    w.state
        .store
        .set_digest(w.user.org.id, w.user.user.user_id, every)
        .await?;
    Ok(redirect_with_flash("/account", "flash-saved"))
}

#[derive(Deserialize)]
struct MondayForm {
    #[serde(default)]
    on: Option<String>,
}

/// The Monday e-mail, on or off: the person's own choice.
async fn set_monday(w: Web, CsrfForm(f): CsrfForm<MondayForm>) -> Result<Response> {
    w.user.require(Action::ManageOwnAccount)?;
    if !crate::analytics::week::is_for(&w.user) {
        return Err(crate::Error::Forbidden);
    }
    w.state
        .store
        .set_monday_mail(w.user.org.id, w.user.user.user_id, f.on.is_some())
        .await?;
    Ok(redirect_with_flash("/account", "flash-saved"))
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
        _ => {
            let ctx = page(&w, &errors).await?;
            Ok(w.render_invalid("account.html", ctx))
        }
    }
}
