//! Signing in through the organisation's OpenID Connect provider: `/auth/oidc` sends the
//! browser there, `/auth/oidc/callback` takes it back. Between the two, the flow's
//! `state`, `nonce` and PKCE verifier wait in a signed, short-lived cookie of the
//! browser that started it (no instance keeps anything: any instance can finish it).

use axum::{
    Router,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use axum_extra::extract::cookie::SameSite;
use minijinja::context;
use rida_store::DirectoryPerson;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use super::session::{login_page_ctx, signed_in};
use crate::{
    auth::{self, CsrfSeed},
    directory::{self, oidc::OidcError, oidc::Pending},
    error::Result,
    i18n,
    render::PageCtx,
    state::AppState,
};

const FLOW_COOKIE: &str = "rida_oidc";
const FLOW_PATH: &str = "/auth/oidc";
/// How long a sign-in may take at the provider.
const FLOW_MS: i64 = 10 * 60_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/oidc", get(begin))
        .route("/auth/oidc/callback", get(callback))
}

/// What the flow's cookie holds.
#[derive(Serialize, Deserialize)]
struct Flow {
    pending: Pending,
    next: String,
    until: i64,
}

#[derive(Deserialize, Default)]
struct BeginQuery {
    #[serde(default)]
    next: String,
}

fn redirect_uri(state: &AppState) -> String {
    format!("{}/auth/oidc/callback", state.public_base())
}

/// The sign-in page again, with what went wrong (local sign-in still works there).
fn trouble(ctx: &PageCtx, status: StatusCode, key: &str, next: &str) -> Response {
    let msg = i18n::t(ctx.locale(), key);
    ctx.render_status(
        status,
        "login.html",
        login_page_ctx(ctx.state, next, "", Some(msg)),
    )
}

async fn begin(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::Extension(seed): axum::Extension<CsrfSeed>,
    Query(q): Query<BeginQuery>,
) -> Result<Response> {
    let ctx = PageCtx::anonymous(&state, &headers, &seed, "/login");
    let Some(oidc) = state.oidc.as_ref() else {
        return Err(crate::Error::NotFound);
    };
    let (url, pending) = match oidc.begin(&redirect_uri(&state)).await {
        Ok(x) => x,
        Err(e) => {
            tracing::warn!(error = %e, "OpenID Connect sign-in could not start");
            return Ok(trouble(
                &ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "signin-provider-down",
                &q.next,
            ));
        }
    };
    let flow = Flow {
        pending,
        next: q.next,
        until: rida_store::now_ms() + FLOW_MS,
    };

    let mut res = Redirect::to(&url).into_response();
    // Lax: the provider sends the browser back with a top-level GET.
    let value = auth::sign_json(&state, FLOW_COOKIE, &flow)?;
    auth::set_private_cookie(
        &mut res,
        &state,
        (FLOW_COOKIE, value),
        FLOW_PATH,
        FLOW_MS,
        SameSite::Lax,
    )?;
    Ok(res)
}

#[derive(Deserialize, Default)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    iss: Option<String>,
    error: Option<String>,
}

/// The flow this browser started, if its cookie is there, genuine and not too old.
fn flow_of(state: &AppState, headers: &HeaderMap) -> Option<Flow> {
    let flow: Flow = auth::signed_cookie(state, headers, FLOW_COOKIE)?;
    (flow.until > rida_store::now_ms()).then_some(flow)
}

async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::Extension(seed): axum::Extension<CsrfSeed>,
    Query(q): Query<CallbackQuery>,
) -> Result<Response> {
    let ctx = PageCtx::anonymous(&state, &headers, &seed, "/login");
    let Some(oidc) = state.oidc.as_ref() else {
        return Err(crate::Error::NotFound);
    };
    let org = directory::organisation(&state).await?;
    let Some(flow) = flow_of(&state, &headers) else {
        return Ok(trouble(&ctx, StatusCode::BAD_REQUEST, "signin-expired", ""));
    };
    let same_state = q
        .state
        .as_deref()
        .is_some_and(|s| bool::from(s.as_bytes().ct_eq(flow.pending.state.as_bytes())));
    if !same_state {
        state
            .store
            .audit_directory_refusal(
                org,
                "",
                "OpenID Connect: the answer's state is not this browser's",
            )
            .await?;
        return Ok(trouble(
            &ctx,
            StatusCode::BAD_REQUEST,
            "signin-failed",
            &flow.next,
        ));
    }
    if let Some(error) = q.error.as_deref() {
        tracing::info!(error, "the identity provider refused a sign-in");
        return Ok(trouble(
            &ctx,
            StatusCode::FORBIDDEN,
            "signin-cancelled",
            &flow.next,
        ));
    }
    let code = q.code.as_deref().unwrap_or_default();
    let person = match oidc
        .finish(&redirect_uri(&state), code, q.iss.as_deref(), &flow.pending)
        .await
    {
        Ok(p) => p,
        Err(e @ OidcError::Unreachable(_)) => {
            tracing::warn!(error = %e, "OpenID Connect sign-in could not finish");
            return Ok(trouble(
                &ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "signin-provider-down",
                &flow.next,
            ));
        }
        Err(e) => {
            tracing::warn!(error = %e, "an OpenID Connect sign-in was refused");
            state
                .store
                .audit_directory_refusal(org, "", &format!("OpenID Connect: {e}"))
                .await?;
            return Ok(trouble(
                &ctx,
                StatusCode::BAD_REQUEST,
                "signin-failed",
                &flow.next,
            ));
        }
    };
    let now = rida_store::now_ms();
    let expires = (now + state.settings.session_hours * 3_600_000).min(person.expires_ms);
    let token = auth::new_secret();
    let who = DirectoryPerson {
        source: "oidc",
        external_id: person.subject.clone(),
        username: person.username.clone(),
        display_name: person.display_name.clone(),
        email: person.email.clone(),
        employee_number: person.employee_number.clone(),
    };
    let outcome = directory::sign_in(
        &state,
        org,
        &who,
        &person.groups,
        "openid-connect",
        &auth::hash_secret(&token),
        expires,
    )
    .await?;
    let mut res = match outcome {
        Ok(s) => signed_in(
            &state,
            token,
            expires - now,
            &flow.next,
            s.role == rida_domain::Role::Employee,
        )?,
        Err(why) => ctx.render_status(
            StatusCode::FORBIDDEN,
            "signin_refused.html",
            context! { username => person.username, reason => why.message_key() },
        ),
    };
    // The flow is over either way.
    auth::set_private_cookie(
        &mut res,
        &state,
        (FLOW_COOKIE, String::new()),
        FLOW_PATH,
        0,
        SameSite::Lax,
    )?;
    Ok(res)
}
