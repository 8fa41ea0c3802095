//! The second factor of local accounts: the code asked after the password, setting up
//! an authenticator app on the account page, and the head's reset for a lost phone.
//! Whether a session needs one is the policy module's decision
//! (`rida_domain::policy::waits_for_second_factor`).

use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use axum_extra::extract::cookie::SameSite;
use minijinja::context;
use rida_domain::{Action, policy, throttle};
use rida_store::By;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{FormErrors, Web, parse_id, redirect_with_flash};
use crate::{
    auth::{self, CsrfForm, CsrfSeed},
    error::Result,
    i18n,
    render::PageCtx,
    second_factor as sf,
    state::AppState,
};

/// The password was right; the code is still to come (signed, in the browser).
const PENDING_COOKIE: &str = "rida_code";
/// A secret being set up, until its first code confirms it.
const SETUP_COOKIE: &str = "rida_totp_setup";
/// Minutes to type the code.
const PENDING_MS: i64 = 5 * 60_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login/code", post(code))
        .route("/account/second-factor", get(setup_page).post(enable))
        .route("/account/second-factor/off", post(disable_own))
        .route("/admin/users/{id}/second-factor/off", post(reset))
}

#[derive(Serialize, Deserialize)]
struct Pending {
    user: Uuid,
    org: Uuid,
    username: String,
    next: String,
    employee: bool,
    until: i64,
}

/// After a right password for an account with a second factor: the page that asks for
/// the code, and the signed note of who is half-way in.
pub(super) fn ask_for_code(
    ctx: &PageCtx<'_>,
    account: &rida_store::LoginUser,
    username: &str,
    next: &str,
) -> Result<Response> {
    let pending = Pending {
        user: account.id,
        org: account.org_id,
        username: username.to_string(),
        next: next.to_string(),
        employee: account.role == rida_domain::Role::Employee.as_str(),
        until: rida_store::now_ms() + PENDING_MS,
    };
    let value = auth::sign_json(ctx.state, PENDING_COOKIE, &pending)?;
    let mut res = ctx.render("login_code.html", context! { error => None::<String> });
    auth::set_private_cookie(
        &mut res,
        ctx.state,
        (PENDING_COOKIE, value),
        "/login",
        PENDING_MS,
        SameSite::Strict,
    )?;
    Ok(res)
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

/// The code after the password: from the app, or a recovery code; each counts once.
async fn code(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::Extension(seed): axum::Extension<CsrfSeed>,
    CsrfForm(f): CsrfForm<CodeForm>,
) -> Result<Response> {
    let ctx = PageCtx::anonymous(&state, &headers, &seed, "/login");
    let locale = ctx.locale();
    let again = |status: StatusCode, key: &str| {
        ctx.render_status(
            status,
            "login_code.html",
            context! { error => i18n::t(locale, key) },
        )
    };
    let Some(p) = auth::signed_cookie::<Pending>(&state, &headers, PENDING_COOKIE)
        .filter(|p| p.until > rida_store::now_ms())
    else {
        return Ok(Redirect::to("/login").into_response());
    };
    // Wrong codes are counted per account, like passwords.
    let s = &state.settings;
    let (window_ms, now) = (s.login_window_minutes * 60_000, rida_store::now_ms());
    let key = format!("code:{}", p.user);
    let (failures, last) = state.store.login_failures_of(&key, now - window_ms).await?;
    let allowed = throttle::pair_allowance(s.login_max_failures);
    if throttle::wait_ms(failures, last, allowed, window_ms, now).unwrap_or(0) > 0 {
        return Ok(again(StatusCode::TOO_MANY_REQUESTS, "login-code-wait"));
    }
    let by = By::user(p.user, &p.username);
    let ok = match state.store.totp_of(p.user).await? {
        None => false,
        Some(t) => match state
            .contact_key
            .open(&t.sealed_secret)
            .and_then(|h| hex::decode(h).ok())
            .and_then(|secret| sf::matching_step(&secret, &f.code, (now / 1000) as u64))
        {
            Some(step) => state.store.use_totp_step(p.user, step).await?,
            None => {
                state
                    .store
                    .use_recovery_code(p.org, p.user, &sf::recovery_hash(&f.code), &by)
                    .await?
            }
        },
    };
    if !ok {
        state
            .store
            .record_login_failure(&[&key], Some((p.org, &by)))
            .await?;
        return Ok(again(StatusCode::UNAUTHORIZED, "login-code-invalid"));
    }
    let token = auth::new_secret();
    let expires = now + s.session_hours * 3_600_000;
    state
        .store
        .create_session(p.org, &by, &auth::hash_secret(&token), expires, true)
        .await?;
    let mut res = super::session::signed_in(&state, token, expires - now, &p.next, p.employee)?;
    auth::set_private_cookie(
        &mut res,
        &state,
        (PENDING_COOKIE, String::new()),
        "/login",
        0,
        SameSite::Strict,
    )?;
    Ok(res)
}

/// The account's second factor: on (with the codes left), or the setup of a new one.
async fn setup_page(w: Web) -> Result<Response> {
    w.user.require(Action::ManageOwnAccount)?;
    let secret = auth::signed_cookie::<Vec<u8>>(&w.state, &w.headers, SETUP_COOKIE)
        .unwrap_or_else(sf::new_secret);
    let page = setup_context(&w, &secret, &FormErrors::new(w.locale()), None).await?;
    let mut res = w.render("second_factor.html", page);
    auth::set_private_cookie(
        &mut res,
        &w.state,
        (
            SETUP_COOKIE,
            auth::sign_json(&w.state, SETUP_COOKIE, &secret)?,
        ),
        "/account",
        30 * 60_000,
        SameSite::Strict,
    )?;
    Ok(res)
}

async fn setup_context(
    w: &Web,
    secret: &[u8],
    errors: &FormErrors,
    recovery: Option<Vec<String>>,
) -> Result<minijinja::Value> {
    let uid = w.user.user.user_id;
    let on = w.state.store.totp_of(uid).await?.map(|t| t.enabled_at);
    let local = w.state.store.user(w.user.org.id, uid).await?.source == "local";
    let url = sf::url(secret, &w.user.org.name, &w.user.user.username);
    Ok(context! {
        on => on.is_some(),
        local => local,
        required => policy::requires_second_factor(w.user.actor.role, &w.user.org.policy()),
        waiting => policy::waits_for_second_factor(&w.user.actor, &w.user.org.policy()),
        codes_left => if on.is_some() { Some(w.state.store.recovery_codes_left(uid).await?) } else { None },
        qr => sf::qr_data_url(&url),
        key => sf::secret_text(secret),
        errors => errors.value(),
        recovery => recovery,
    })
}

/// Confirms the app's first code and turns the second factor on.
async fn enable(w: Web, CsrfForm(f): CsrfForm<CodeForm>) -> Result<Response> {
    w.user.require(Action::ManageOwnAccount)?;
    let mut errors = FormErrors::new(w.locale());
    let Some(secret) = auth::signed_cookie::<Vec<u8>>(&w.state, &w.headers, SETUP_COOKIE) else {
        return Ok(Redirect::to("/account/second-factor").into_response());
    };
    let uid = w.user.user.user_id;
    if w.state.store.user(w.user.org.id, uid).await?.source != "local" {
        return Err(crate::Error::Forbidden);
    }
    let now_s = (rida_store::now_ms() / 1000) as u64;
    let Some(step) = sf::matching_step(&secret, &f.code, now_s) else {
        errors.key("code", "login-code-invalid");
        let page = setup_context(&w, &secret, &errors, None).await?;
        return Ok(w.render_invalid("second_factor.html", page));
    };
    let codes = sf::recovery_codes();
    let hashes: Vec<Vec<u8>> = codes.iter().map(|c| sf::recovery_hash(c)).collect();
    w.state
        .store
        .enable_totp(
            w.user.org.id,
            uid,
            &w.state.contact_key.seal(&hex::encode(&secret)),
            step,
            &hashes,
            &w.user.session_hash,
            &w.user.by(),
        )
        .await?;
    // Shown once: the page after this one no longer has them.
    let page = setup_context(&w, &secret, &errors, Some(codes)).await?;
    let mut res = w.render("second_factor.html", page);
    auth::set_private_cookie(
        &mut res,
        &w.state,
        (SETUP_COOKIE, String::new()),
        "/account",
        0,
        SameSite::Strict,
    )?;
    Ok(res)
}

/// Turns one's own second factor off (not where the organisation requires it).
async fn disable_own(w: Web, CsrfForm(_): CsrfForm<super::Empty>) -> Result<Response> {
    w.user.require(Action::ManageOwnAccount)?;
    if policy::requires_second_factor(w.user.actor.role, &w.user.org.policy()) {
        return Err(crate::Error::Forbidden);
    }
    w.state
        .store
        .disable_totp(
            w.user.org.id,
            w.user.user.user_id,
            Some(&w.user.session_hash),
            &w.user.by(),
        )
        .await?;
    Ok(redirect_with_flash("/account/second-factor", "flash-saved"))
}

/// The head turns a user's second factor off (a lost phone): their sessions end, and
/// they set up a new one at their next sign-in.
async fn reset(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageUsers)?;
    w.state
        .store
        .disable_totp(w.user.org.id, parse_id(&id)?, None, &w.user.by())
        .await?;
    Ok(redirect_with_flash("/admin/users", "flash-saved"))
}
