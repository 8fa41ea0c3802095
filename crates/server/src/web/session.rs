//! Logging in and out, and choosing the language.

use axum::{
    Router,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use axum_extra::extract::{
    CookieJar,
    cookie::{Cookie, SameSite},
};
use minijinja::context;
use rida_domain::Locale;
use rida_domain::throttle;
use rida_store::By;

use crate::directory::ldap::{Outcome, Person};
use serde::Deserialize;

use crate::{
    auth::{self, CsrfForm, CsrfSeed, LANG_COOKIE, SESSION_COOKIE},
    error::Result,
    i18n,
    render::PageCtx,
    state::AppState,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/language", post(language))
}

#[derive(Deserialize, Default)]
struct NextParam {
    #[serde(default)]
    next: String,
}

/// Only same-site paths are followed after login (no open redirect).
pub(super) fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/admin"
    }
}

async fn login_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::Extension(seed): axum::Extension<CsrfSeed>,
    Query(p): Query<NextParam>,
) -> Response {
    let ctx = PageCtx::anonymous(&state, &headers, &seed, "/login");
    ctx.render("login.html", login_page_ctx(&state, &p.next, "", None))
}

/// The sign-in page's own context: the form's values, an error, and the directory's
/// button when one is set up.
pub(super) fn login_page_ctx(
    state: &AppState,
    next: &str,
    username: &str,
    error: Option<String>,
) -> minijinja::Value {
    context! {
        next => safe_next(next),
        username => username,
        error => error,
        sso => state.oidc.as_ref().map(|o| context! { name => o.name.clone() }),
    }
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// How long a place an account signed in from stays known.
const KNOWN_PLACE_MS: i64 = 90 * 24 * 3_600_000;

async fn login(
    State(state): State<AppState>,
    crate::auth::ClientIp(ip): crate::auth::ClientIp,
    headers: HeaderMap,
    axum::Extension(seed): axum::Extension<CsrfSeed>,
    CsrfForm(f): CsrfForm<LoginForm>,
) -> Result<Response> {
    let username = f.username.trim().to_lowercase();
    let ctx = PageCtx::anonymous(&state, &headers, &seed, "/login");
    let locale = ctx.locale();
    let fail = |status: StatusCode, key: &str| {
        ctx.render_status(
            status,
            "login.html",
            login_page_ctx(&state, &f.next, &f.username, Some(i18n::t(locale, key))),
        )
    };
    let s = &state.settings;
    let window_ms = s.login_window_minutes * 60_000;
    let now = rida_store::now_ms();
    let since = now - window_ms;
    // Counted per account and address, per address (someone trying many accounts) and
    // per account (many addresses); each past its allowance waits a growing time. The
    // account-wide count spares a place the account signed in from before.
    let pair = format!("pair:{username}|{ip}");
    let address = format!("address:{ip}");
    let place = hex::encode(
        state
            .contact_key
            .tag_bytes("login-place", &[username.as_bytes(), ip.as_bytes()]),
    );
    let known = state
        .store
        .known_login_place(&place, now - KNOWN_PLACE_MS)
        .await?;
    let max = s.login_max_failures;
    let mut checks = vec![
        (pair.as_str(), throttle::pair_allowance(max)),
        (address.as_str(), throttle::address_allowance(max)),
    ];
    if !known {
        checks.push((username.as_str(), throttle::account_allowance(max)));
    }
    let mut wait = 0;
    for (key, allowed) in checks {
        let (failures, last) = state.store.login_failures_of(key, since).await?;
        wait = wait.max(throttle::wait_ms(failures, last, allowed, window_ms, now).unwrap_or(0));
    }
    if wait > 0 {
        let seconds = (wait + 999) / 1000;
        return Ok(ctx.render_status(
            StatusCode::TOO_MANY_REQUESTS,
            "login.html",
            login_page_ctx(
                &state,
                &f.next,
                &f.username,
                Some(i18n::t_args(
                    locale,
                    "login-wait",
                    &[("seconds", seconds.into())],
                )),
            ),
        ));
    }
    let account = state.store.login_user(&username).await?;
    // A local account is checked here; any other name goes to the directory, if any.
    let local = account.as_ref().is_some_and(|a| a.auth_source == "local");
    let checked = match state.ldap.as_ref() {
        Some(ldap) if !local => match ldap.authenticate(&username, &f.password).await {
            Outcome::Person(p) => Checked::Directory(Box::new(p)),
            Outcome::WrongCredentials => Checked::Wrong(account),
            Outcome::Unavailable(e) => {
                tracing::warn!(error = %e, "LDAP sign-in: the directory is unavailable");
                return Ok(fail(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "signin-directory-down",
                ));
            }
        },
        _ => {
            let ok = auth::verify_password(
                f.password.clone(),
                account.as_ref().map(|a| a.password_hash.clone()),
            )
            .await;
            match account {
                Some(a) if ok && a.active && local => Checked::Local(a),
                other => Checked::Wrong(other),
            }
        }
    };
    let account = match checked {
        Checked::Local(a) => Ok(a),
        Checked::Directory(p) => Err(p),
        Checked::Wrong(other) => {
            let by = other
                .as_ref()
                .map(|a| (a.org_id, By::user(a.id, &username)));
            state
                .store
                .record_login_failure(
                    &[&username, &pair, &address],
                    by.as_ref().map(|(o, b)| (*o, b)),
                )
                .await?;
            // The failure that starts the waiting for this account and place is audited.
            let (failures, _) = state.store.login_failures_of(&pair, since).await?;
            if let Some((org, by)) = &by
                && failures == throttle::pair_allowance(max)
            {
                state.store.audit_login_throttled(*org, by).await?;
            }
            return Ok(fail(StatusCode::UNAUTHORIZED, "login-invalid"));
        }
    };
    state
        .store
        // The account-wide count stays: a success at the usual place must not wipe out
        // what an attacker elsewhere did.
        .clear_login_failures(&[&pair], since)
        .await?;
    state
        .store
        .remember_login_place(&place, now - KNOWN_PLACE_MS)
        .await?;
    let token = auth::new_secret();
    let expires = now + s.session_hours * 3_600_000;
    let account = match account {
        // The password was right; the code from the app comes next.
        Ok(a) if state.store.totp_of(a.id).await?.is_some() => {
            return super::second_factor::ask_for_code(&ctx, &a, &username, &f.next);
        }
        Ok(a) => a,
        // Signed in by the directory: the account its groups give.
        Err(p) => return directory_signed_in(&state, &ctx, *p, token, expires, &f.next).await,
    };
    let by = By::user(account.id, &username);
    state
        .store
        .create_session(
            account.org_id,
            &by,
            &auth::hash_secret(&token),
            expires,
            false,
        )
        .await?;
    signed_in(
        &state,
        token,
        expires - now,
        &f.next,
        account.role == rida_domain::Role::Employee.as_str(),
    )
}

/// How a password was checked.
enum Checked {
    /// A local account's password.
    Local(rida_store::LoginUser),
    /// The directory's: who it says this is.
    Directory(Box<Person>),
    /// Wrong, for this account if there is one.
    Wrong(Option<rida_store::LoginUser>),
}

/// A session for someone the directory (LDAP) vouched for, or the page that says why not.
async fn directory_signed_in(
    state: &AppState,
    ctx: &PageCtx<'_>,
    p: Person,
    token: String,
    expires: i64,
    next: &str,
) -> Result<Response> {
    let org = crate::directory::organisation(state).await?;
    let who = rida_store::DirectoryPerson {
        source: "ldap",
        external_id: p.external_id.clone(),
        username: p.username.clone(),
        display_name: p.display_name.clone(),
        email: p.email.clone(),
        employee_number: p.employee_number.clone(),
    };
    let outcome = crate::directory::sign_in(
        state,
        org,
        &who,
        &p.groups,
        "ldap-bind",
        &auth::hash_secret(&token),
        expires,
    )
    .await?;
    Ok(match outcome {
        Ok(s) => signed_in(
            state,
            token,
            expires - rida_store::now_ms(),
            next,
            s.role == rida_domain::Role::Employee,
        )?,
        Err(why) => ctx.render_status(
            StatusCode::FORBIDDEN,
            "signin_refused.html",
            context! { username => p.username, reason => why.message_key() },
        ),
    })
}

/// The answer to a sign-in that went through (a password, the directory): the session's
/// cookie, lasting `lasts_ms`, and the page asked for, or the employee's own.
pub(super) fn signed_in(
    state: &AppState,
    token: String,
    lasts_ms: i64,
    next: &str,
    employee: bool,
) -> Result<Response> {
    // Employees have no admin area: their own page is where they land.
    let next = match safe_next(next) {
        "/admin" if employee => "/station",
        other => other,
    };
    let mut res = Redirect::to(next).into_response();
    auth::set_private_cookie(
        &mut res,
        state,
        (SESSION_COOKIE, token),
        "/",
        lasts_ms,
        SameSite::Lax,
    )?;
    Ok(res)
}

async fn logout(
    State(state): State<AppState>,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    if let Some(c) = jar.get(SESSION_COOKIE) {
        state
            .store
            .delete_session(&auth::hash_secret(c.value()))
            .await?;
    }
    let gone = Cookie::build((SESSION_COOKIE, ""))
        .path("/")
        .max_age(time::Duration::ZERO)
        .build();
    let mut res = Redirect::to("/login").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&gone.to_string()).map_err(anyhow::Error::from)?,
    );
    Ok(res)
}

#[derive(Deserialize)]
struct LanguageForm {
    locale: String,
    #[serde(default)]
    back: String,
}

/// Switches the language: saved on the account when logged in, and in a cookie always.
async fn language(
    State(state): State<AppState>,
    headers: HeaderMap,
    CsrfForm(f): CsrfForm<LanguageForm>,
) -> Result<Response> {
    let locale = Locale::parse(&f.locale).ok_or(crate::Error::BadRequest {
        code: "unknown-language",
        detail: "unknown language".into(),
    })?;
    let jar = CookieJar::from_headers(&headers);
    if let Some(c) = jar.get(SESSION_COOKIE)
        && let Some(u) = state
            .store
            .session_user(&auth::hash_secret(c.value()))
            .await?
    {
        state.store.set_user_locale(u.user_id, locale.tag()).await?;
    }
    let cookie = Cookie::build((LANG_COOKIE, locale.tag()))
        .path("/")
        .same_site(SameSite::Lax)
        .max_age(time::Duration::days(365))
        .build();
    let mut res = Redirect::to(safe_next(&f.back)).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie.to_string()).map_err(anyhow::Error::from)?,
    );
    Ok(res)
}
