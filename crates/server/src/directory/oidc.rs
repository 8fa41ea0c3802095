//! OpenID Connect sign-in (authorization code flow with PKCE, `state` and `nonce`),
//! with the `openidconnect` crate: discovery, the code exchange, and the ID token's
//! signature, issuer, audience, expiry and nonce are all checked by it.
//!
//! The provider's discovery document and keys are kept for a few minutes; a token signed
//! with a key not among them (the provider rotated its keys) makes Rida read them again
//! once before it refuses the token.

use std::time::{Duration, Instant};

use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, ClaimsVerificationError, ClientId,
    ClientSecret, CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet,
    IdTokenClaims, IdTokenFields, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, SignatureVerificationError, StandardErrorResponse,
    StandardTokenResponse, TokenResponse, UserInfoClaims,
    core::{
        CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
        CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreProviderMetadata,
        CoreResponseType, CoreRevocableToken, CoreRevocationErrorResponse,
        CoreTokenIntrospectionResponse, CoreTokenType,
    },
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::settings::Settings;

/// Every claim beyond the standard ones (groups, employee numbers…), kept by name: which
/// of them matter is a setting.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extra(pub serde_json::Map<String, Value>);
impl AdditionalClaims for Extra {}

type Fields = IdTokenFields<
    Extra,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type Tokens = StandardTokenResponse<Fields, CoreTokenType>;
type Client = openidconnect::Client<
    Extra,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    Tokens,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How long the provider's discovery document and keys are used before being read again.
const METADATA_TTL: Duration = Duration::from_secs(300);

/// What went wrong, as the sign-in page tells it.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The provider did not answer (or not with its discovery document).
    #[error("the identity provider does not answer: {0}")]
    Unreachable(String),
    /// The provider's answer did not hold up: a wrong `state`, issuer, signature, nonce,
    /// an expired token, a code refused.
    #[error("the sign-in could not be verified: {0}")]
    Rejected(String),
    /// The person cancelled, or the provider refused them.
    #[error("the identity provider refused the sign-in: {0}")]
    Denied(String),
}

/// The flow's secrets between the redirect to the provider and the way back.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
}

/// Who the provider says signed in.
#[derive(Debug, Clone)]
pub struct Person {
    pub subject: String,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub groups: Vec<String>,
    pub employee_number: Option<String>,
    /// When the ID token expires (ms since the epoch): the session ends then too.
    pub expires_ms: i64,
}

/// The configured provider.
pub struct Oidc {
    issuer: IssuerUrl,
    client_id: ClientId,
    secret: Option<ClientSecret>,
    scopes: Vec<String>,
    username_claim: String,
    groups_claim: String,
    employee_claim: String,
    /// Its name on the sign-in button, if set.
    pub name: String,
    http: openidconnect::reqwest::Client,
    kept: tokio::sync::Mutex<Option<(Instant, CoreProviderMetadata)>>,
}

impl Oidc {
    /// The provider the settings name; `None` when no issuer is set.
    pub fn from_settings(s: &Settings) -> anyhow::Result<Option<Oidc>> {
        let issuer = s.oidc_issuer.trim();
        if issuer.is_empty() {
            return Ok(None);
        }
        anyhow::ensure!(
            !s.oidc_client_id.trim().is_empty(),
            "oidc_issuer is set but oidc_client_id is empty"
        );
        let http = openidconnect::reqwest::Client::builder()
            // Following redirects would let a provider's answer send Rida anywhere.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()?;
        let secret = s.oidc_client_secret.trim();
        Ok(Some(Oidc {
            issuer: IssuerUrl::new(issuer.trim_end_matches('/').to_string())
                .map_err(|e| anyhow::anyhow!("oidc_issuer {issuer:?} is not a URL: {e}"))?,
            client_id: ClientId::new(s.oidc_client_id.trim().to_string()),
            secret: (!secret.is_empty()).then(|| ClientSecret::new(secret.to_string())),
            scopes: s
                .oidc_scopes
                .split_whitespace()
                .filter(|x| *x != "openid")
                .map(str::to_string)
                .collect(),
            username_claim: s.oidc_username_claim.trim().to_string(),
            groups_claim: s.oidc_groups_claim.trim().to_string(),
            employee_claim: s.oidc_employee_claim.trim().to_string(),
            name: s.oidc_name.trim().to_string(),
            http,
            kept: Default::default(),
        }))
    }

    /// The provider's metadata and keys: those kept, unless `fresh` or too old.
    async fn metadata(&self, fresh: bool) -> Result<CoreProviderMetadata, OidcError> {
        let mut kept = self.kept.lock().await;
        if !fresh
            && let Some((at, m)) = kept.as_ref()
            && at.elapsed() < METADATA_TTL
        {
            return Ok(m.clone());
        }
        let m = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| OidcError::Unreachable(chain(&e)))?;
        *kept = Some((Instant::now(), m.clone()));
        Ok(m)
    }

    async fn client(&self, fresh: bool, redirect: &str) -> Result<Client, OidcError> {
        let redirect = RedirectUrl::new(redirect.to_string())
            .map_err(|e| OidcError::Rejected(format!("redirect URI: {e}")))?;
        Ok(Client::from_provider_metadata(
            self.metadata(fresh).await?,
            self.client_id.clone(),
            self.secret.clone(),
        )
        .set_redirect_uri(redirect))
    }

    /// Where to send the browser, and what to keep until it comes back.
    pub async fn begin(&self, redirect: &str) -> Result<(String, Pending), OidcError> {
        let client = self.client(false, redirect).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut req = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for s in &self.scopes {
            req = req.add_scope(Scope::new(s.clone()));
        }
        let (url, state, nonce) = req.url();
        Ok((
            url.to_string(),
            Pending {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                verifier: verifier.secret().clone(),
            },
        ))
    }

    /// Exchanges the code the browser brought back and checks the ID token. `iss` is the
    /// authorization response's issuer (RFC 9207), when the provider sends one.
    pub async fn finish(
        &self,
        redirect: &str,
        code: &str,
        iss: Option<&str>,
        pending: &Pending,
    ) -> Result<Person, OidcError> {
        if let Some(iss) = iss
            && iss.trim_end_matches('/') != self.issuer.as_str().trim_end_matches('/')
        {
            return Err(OidcError::Rejected(format!("answer from issuer {iss:?}")));
        }
        let client = self.client(false, redirect).await?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| OidcError::Rejected(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Rejected(chain(&e)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| OidcError::Rejected("no ID token in the answer".into()))?;
        let nonce = Nonce::new(pending.nonce.clone());
        let claims = match id_token.claims(&client.id_token_verifier(), &nonce) {
            Ok(c) => c.clone(),
            // Signed with a key Rida has not seen: the provider may have rotated its
            // keys since they were read. Read them again, once.
            Err(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            )) => {
                let fresh = self.client(true, redirect).await?;
                id_token
                    .claims(&fresh.id_token_verifier(), &nonce)
                    .map_err(|e| OidcError::Rejected(chain(&e)))?
                    .clone()
            }
            Err(e) => return Err(OidcError::Rejected(chain(&e))),
        };
        let mut extra = claims.additional_claims().0.clone();
        // Groups only in userinfo (some providers keep large claims out of the token).
        if !extra.contains_key(&self.groups_claim)
            && let Ok(req) = client.user_info(
                tokens.access_token().clone(),
                Some(claims.subject().clone()),
            )
            && let Ok(info) = req
                .request_async::<Extra, _, CoreGenderClaim>(&self.http)
                .await
        {
            let info: UserInfoClaims<Extra, CoreGenderClaim> = info;
            for (k, v) in info.additional_claims().0.clone() {
                extra.entry(k).or_insert(v);
            }
        }
        Ok(self.person(&claims, &extra))
    }

    /// The person the verified claims describe.
    fn person(&self, c: &IdTokenClaims<Extra, CoreGenderClaim>, extra: &Claims) -> Person {
        let text = |name: &str| -> Option<String> {
            let standard = match name {
                "sub" => Some(c.subject().to_string()),
                "preferred_username" => c.preferred_username().map(|u| u.to_string()),
                "email" => c.email().map(|e| e.to_string()),
                "name" => c.name().and_then(|n| n.get(None)).map(|n| n.to_string()),
                _ => None,
            };
            standard.or_else(|| match extra.get(name)? {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
        };
        let groups = match extra.get(&self.groups_claim) {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|g| match g {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect(),
            Some(Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        };
        let username = text(&self.username_claim)
            .unwrap_or_else(|| c.subject().to_string())
            .trim()
            .to_lowercase();
        Person {
            subject: c.subject().to_string(),
            display_name: text("name").unwrap_or_else(|| username.clone()),
            username,
            email: text("email"),
            groups,
            employee_number: text(&self.employee_claim).filter(|n| !n.trim().is_empty()),
            expires_ms: c.expiration().timestamp_millis(),
        }
    }
}

/// Claims by name.
type Claims = serde_json::Map<String, Value>;

/// An error and its causes, on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}
