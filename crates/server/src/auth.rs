//! Who is asking: sessions (cookie → user → [`Actor`]), API tokens, CSRF tokens and
//! password hashing. What an actor may do is decided by `rida_domain::policy` alone.

use axum::{
    extract::{FromRequest, FromRequestParts, Request},
    http::{HeaderMap, header, request::Parts},
};
use axum_extra::extract::CookieJar;
use base64::Engine;
use hmac::{Hmac, Mac};
use rida_domain::{Action, Actor, Locale, Role, Scope, policy};
use rida_store::{By, Organisation, SessionUser};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{Error, error::Result, state::AppState};

pub const SESSION_COOKIE: &str = "rida_session";
pub const CSRF_COOKIE: &str = "rida_csrf";
pub const LANG_COOKIE: &str = "rida_lang";

/// A new random secret, URL-safe (session tokens, API tokens, CSRF seeds).
pub fn new_secret() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored of a secret: its SHA-256 (the secret itself has 256 random bits,
/// so a fast hash is enough; passwords get argon2id).
pub fn hash_secret(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// Hashes a password with argon2id, off the async threads.
pub async fn hash_password(password: String) -> Result<String> {
    tokio::task::spawn_blocking(move || {
        use argon2::{
            Argon2, PasswordHasher,
            password_hash::{SaltString, rand_core::OsRng},
        };
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await
    .map_err(|e| anyhow::anyhow!(e))?
    .map_err(Error::Internal)
}

/// Checks a password against a stored hash, off the async threads. With no hash (an
/// unknown user) it still does the work, so timing does not reveal which names exist.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG7QfTSBB+e8A";
    tokio::task::spawn_blocking(move || {
        use argon2::{Argon2, PasswordHash, PasswordVerifier};
        let known = hash.is_some();
        let h = hash.unwrap_or_else(|| DUMMY.to_string());
        let ok = PasswordHash::new(&h)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        ok && known
    })
    .await
    .unwrap_or(false)
}

/// The logged-in user of this request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub actor: Actor,
    pub user: SessionUser,
    pub org: Organisation,
    pub locale: Locale,
    pub session_hash: Vec<u8>,
}

impl CurrentUser {
    /// Asks the policy.
    pub fn may(&self, action: Action) -> bool {
        policy::allows(&self.actor, &self.org.policy(), action)
    }

    /// Asks the policy; `Forbidden` if it says no.
    pub fn require(&self, action: Action) -> Result<()> {
        if self.may(action) {
            Ok(())
        } else if policy::waits_for_second_factor(&self.actor, &self.org.policy()) {
            Err(Error::SecondFactorRequired)
        } else {
            Err(Error::Forbidden)
        }
    }

    /// The user as the author of a change (for the audit log).
    pub fn by(&self) -> By {
        By::user(self.user.user_id, &self.user.username)
    }

    /// The sites this user's results and lists are limited to, if any.
    pub fn site_filter(&self) -> Option<Vec<Uuid>> {
        policy::results_limited_to_scope(&self.actor).map(|s| s.iter().copied().collect())
    }
}

impl CurrentUser {
    /// A user with their organisation, role and scope, in `locale`, else their own
    /// language, else the organisation's.
    pub async fn of(state: &AppState, user: SessionUser, locale: Option<Locale>) -> Result<Self> {
        let org = state.store.organisation(user.org_id).await?;
        let role: Role = user.role.parse().map_err(|_| Error::Forbidden)?;
        let scope = if role.is_scoped() {
            let (regions, sites) = state.store.user_scope(user.user_id).await?;
            Scope::Sites(
                state
                    .store
                    .sites_in(&regions, &sites)
                    .await?
                    .into_iter()
                    .collect(),
            )
        } else {
            Scope::All
        };
        let locale = locale
            .or_else(|| user.locale.as_deref().and_then(Locale::parse))
            .or_else(|| Locale::parse(&org.default_locale))
            .unwrap_or_default();
        Ok(CurrentUser {
            actor: Actor {
                second_factor: user.second_factor,
                ..Actor::new(user.user_id, role, scope, user.employee_id)
            },
            user,
            org,
            locale,
            session_hash: Vec::new(),
        })
    }

    /// An active user by id, acting without a request (scheduled e-mail): `None` when
    /// the account is gone or disabled.
    pub async fn load(state: &AppState, user: Uuid) -> Result<Option<Self>> {
        match state.store.active_user(user).await? {
            Some(u) => Ok(Some(CurrentUser::of(state, u, None).await?)),
            None => Ok(None),
        }
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        if let Some(u) = parts.extensions.get::<CurrentUser>() {
            return Ok(u.clone());
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar.get(SESSION_COOKIE).ok_or(Error::Unauthenticated)?;
        let session_hash = hash_secret(token.value());
        let user = state
            .store
            .session_user(&session_hash)
            .await?
            .ok_or(Error::Unauthenticated)?;
        let mut current = CurrentUser::of(state, user, None).await?;
        current.locale = request_locale(
            &parts.headers,
            current.user.locale.as_deref(),
            Some(&current.org.default_locale),
        );
        current.session_hash = session_hash;
        parts.extensions.insert(current.clone());
        Ok(current)
    }
}

/// The language for this request: the user's choice, else the language cookie, else the
/// browser's `Accept-Language`, else the organisation's default, else English.
pub fn request_locale(
    headers: &HeaderMap,
    user: Option<&str>,
    org_default: Option<&str>,
) -> Locale {
    let jar = CookieJar::from_headers(headers);
    user.and_then(Locale::parse)
        .or_else(|| jar.get(LANG_COOKIE).and_then(|c| Locale::parse(c.value())))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .or_else(|| org_default.and_then(Locale::parse))
        .unwrap_or_default()
}

/// The token of `Authorization: Bearer …` (an integration's API token or a paired
/// device's token); `Unauthenticated` without one.
pub fn bearer(headers: &HeaderMap) -> Result<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or(Error::Unauthenticated)
}

/// An integration authenticated by an API token (`Authorization: Bearer …`).
#[derive(Debug, Clone)]
pub struct ApiClient {
    pub token_id: Uuid,
    pub org_id: Uuid,
    /// The organisation's time zone (for the local day of answers).
    pub org_time_zone: String,
}

impl FromRequestParts<AppState> for ApiClient {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let token = bearer(&parts.headers)?;
        let (token_id, org_id, org_time_zone) = state
            .store
            .api_token_org(&hash_secret(token))
            .await?
            .ok_or(Error::Unauthenticated)?;
        Ok(ApiClient {
            token_id,
            org_id,
            org_time_zone,
        })
    }
}

// ---- CSRF ----

/// The per-browser seed of CSRF tokens, from the `rida_csrf` cookie (the web router's
/// middleware sets one when missing).
#[derive(Debug, Clone)]
pub struct CsrfSeed(pub String);

/// The token forms carry: an HMAC of the browser's seed and its session, so a token
/// from another browser or an earlier login does not pass.
pub fn csrf_token(state: &AppState, headers: &HeaderMap, seed: &str) -> String {
    hex::encode(csrf_mac(state, headers, seed).finalize().into_bytes())
}

/// Checks a submitted form token against this request's seed and session.
pub fn verify_csrf(state: &AppState, headers: &HeaderMap, submitted: &str) -> Result<()> {
    let jar = CookieJar::from_headers(headers);
    let seed = jar.get(CSRF_COOKIE).ok_or(Error::Csrf)?;
    let submitted = hex::decode(submitted.trim()).map_err(|_| Error::Csrf)?;
    csrf_mac(state, headers, seed.value())
        .verify_slice(&submitted)
        .map_err(|_| Error::Csrf)
}

/// The MAC behind a form token: keyed by the shared secret, over seed and session.
fn csrf_mac(state: &AppState, headers: &HeaderMap, seed: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(&state.csrf_key).expect("any key length");
    mac.update(seed.as_bytes());
    mac.update(b"|");
    if let Some(s) = CookieJar::from_headers(headers).get(SESSION_COOKIE) {
        mac.update(s.value().as_bytes());
    }
    mac
}

/// `value` with a MAC for `purpose` (the key every instance shares), for a cookie the
/// browser keeps but must not forge.
pub fn sign(state: &AppState, purpose: &str, value: &str) -> String {
    format!(
        "{value}.{}",
        hex::encode(value_mac(state, purpose, value).finalize().into_bytes())
    )
}

/// The value [`sign`] signed for `purpose`, if the signature holds.
pub fn unsign(state: &AppState, purpose: &str, signed: &str) -> Option<String> {
    let (value, mac) = signed.rsplit_once('.')?;
    value_mac(state, purpose, value)
        .verify_slice(&hex::decode(mac).ok()?)
        .ok()?;
    Some(value.to_string())
}

/// Sets a cookie only the server reads (HTTP-only, `Secure` behind HTTPS) on `res`:
/// `value` under `path` for `ms` (0 ends it). `same_site`: `Lax` for cookies a link or
/// another site's redirect must bring back (the session, a sign-in flow), `Strict` else.
pub fn set_private_cookie(
    res: &mut axum::response::Response,
    state: &AppState,
    (name, value): (&'static str, String),
    path: &'static str,
    ms: i64,
    same_site: axum_extra::extract::cookie::SameSite,
) -> Result<()> {
    let c = axum_extra::extract::cookie::Cookie::build((name, value))
        .path(path)
        .http_only(true)
        .same_site(same_site)
        .secure(state.settings.secure_cookies)
        .max_age(time::Duration::milliseconds(ms.max(0)))
        .build();
    res.headers_mut().append(
        header::SET_COOKIE,
        axum::http::HeaderValue::from_str(&c.to_string()).map_err(anyhow::Error::from)?,
    );
    Ok(())
}

/// `v` as JSON, signed for `purpose` (a cookie's value).
pub fn sign_json<T: serde::Serialize>(state: &AppState, purpose: &str, v: &T) -> Result<String> {
    let json = serde_json::to_vec(v).map_err(anyhow::Error::from)?;
    Ok(sign(
        state,
        purpose,
        &base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json),
    ))
}

/// The value of the cookie `name` that [`sign_json`] signed for `name`, if the signature
/// holds.
pub fn signed_cookie<T: DeserializeOwned>(
    state: &AppState,
    headers: &HeaderMap,
    name: &str,
) -> Option<T> {
    let jar = CookieJar::from_headers(headers);
    let value = unsign(state, name, jar.get(name)?.value())?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(value)
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn value_mac(state: &AppState, purpose: &str, value: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(&state.csrf_key).expect("any key length");
    mac.update(b"signed:");
    mac.update(purpose.as_bytes());
    mac.update(b"|");
    mac.update(value.as_bytes());
    mac
}

/// The visitor's address, for rate limits (logins, pairing, anonymous answers): the
/// header `client_ip_header` names when Rida runs behind a reverse proxy (its first
/// address), else the connection's own.
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_default();
        Ok(ClientIp(client_ip(
            &parts.headers,
            &peer,
            &state.settings.client_ip_header,
        )))
    }
}

/// The address a request came from: the named header's first address, else `peer`.
pub fn client_ip(headers: &HeaderMap, peer: &str, header_name: &str) -> String {
    let named = header_name.trim();
    if !named.is_empty()
        && let Some(v) = headers.get(named).and_then(|v| v.to_str().ok())
        && let Some(first) = v.split(',').next().map(str::trim).filter(|f| !f.is_empty())
    {
        return first.to_string();
    }
    peer.to_string()
}

/// A url-encoded form whose CSRF token has been checked. Every state-changing form
/// handler takes its input through this extractor.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Error;

    async fn from_request(req: Request, state: &AppState) -> Result<Self> {
        let (parts, body) = req.into_parts();
        let bytes =
            axum::body::to_bytes(body, 1024 * 1024)
                .await
                .map_err(|_| Error::PayloadTooLarge {
                    detail: "form larger than 1 MiB".into(),
                })?;
        #[derive(serde::Deserialize)]
        struct Token {
            #[serde(default)]
            csrf: String,
        }
        let token: Token = serde_html_form::from_bytes(&bytes).map_err(|_| Error::Csrf)?;
        verify_csrf(state, &parts.headers, &token.csrf)?;
        if rida_domain::input::form_has_control(&bytes) {
            return Err(Error::BadRequest {
                code: "control-character",
                detail: "a field holds a control character (NUL, escape…)".into(),
            });
        }
        let form = serde_html_form::from_bytes(&bytes).map_err(|e| Error::BadRequest {
            code: "bad-form",
            detail: e.to_string(),
        })?;
        Ok(CsrfForm(form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_address_comes_from_the_proxy_header_only_when_named() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "203.0.113.7, 10.0.0.1".parse().unwrap());
        assert_eq!(client_ip(&h, "10.0.0.1", "X-Forwarded-For"), "203.0.113.7");
        assert_eq!(client_ip(&h, "10.0.0.1", ""), "10.0.0.1");
        assert_eq!(
            client_ip(&HeaderMap::new(), "10.0.0.1", "X-Real-IP"),
            "10.0.0.1"
        );
    }

    #[tokio::test]
    async fn a_password_verifies_only_against_its_own_hash() {
        let h = hash_password("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery".into(), Some(h.clone())).await);
        assert!(!verify_password("wrong horse battery".into(), Some(h)).await);
        assert!(!verify_password("anything".into(), None).await);
    }

    #[test]
    fn secrets_are_long_and_distinct() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        assert!(a.len() >= 43);
        assert_eq!(hash_secret(&a).len(), 32);
    }
}
