//! The opt-out register (`/admin/consent`): look a customer up by phone number, see
//! whether they may be surveyed and every change, opt them out (they called to ask) or
//! back in. Numbers travel in POST bodies only, never in a URL that a log could keep,
//! and the page shows them masked.

use axum::{Router, response::Response, routing::get};
use minijinja::context;
use rida_domain::{Action, contact::parse_phone};
use serde::Deserialize;

use super::{FormErrors, Web};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/consent", get(page).post(act))
}

async fn page(w: Web) -> Result<Response> {
    w.user.require(Action::ManageConsent)?;
    Ok(w.render(
        "consent.html",
        context! { errors => FormErrors::new(w.locale()).value() },
    ))
}

#[derive(Deserialize)]
struct ConsentForm {
    #[serde(default)]
    phone: String,
    /// `lookup`, `out` or `in`.
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
}

async fn act(w: Web, CsrfForm(f): CsrfForm<ConsentForm>) -> Result<Response> {
    w.user.require(Action::ManageConsent)?;
    let org = w.user.org.id;
    let mut errors = FormErrors::new(w.locale());
    let phone = match parse_phone(&f.phone, w.user.org.phone_region.as_deref()) {
        Ok(p) => Some(p),
        Err(e) => {
            errors.key("phone", &format!("error-{}", e.code().replace('_', "-")));
            None
        }
    };
    let Some(phone) = phone else {
        return Ok(w.render_invalid(
            "consent.html",
            context! { errors => errors.value(), typed => f.phone },
        ));
    };
    let key = w.state.contact_key.customer_key(org, &phone);
    let note = Some(f.note.trim()).filter(|n| !n.is_empty());
    let changed = match f.action.as_str() {
        "out" | "in" => {
            let out = f.action == "out";
            w.state
                .store
                .set_consent(org, &key, out, "admin", note, &w.user.by())
                .await?
        }
        _ => false,
    };
    let store = &w.state.store;
    Ok(w.render(
        "consent.html",
        context! {
            errors => errors.value(),
            // The number goes back into the form (a POST body) to act on it again.
            phone => phone.e164(),
            masked => phone.masked(),
            opted_out => store.opted_out(org, &key).await?,
            history => store.consent_history(org, &key).await?,
            changed => changed,
        },
    ))
}
