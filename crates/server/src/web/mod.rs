//! The admin web pages: server-rendered HTML, every form CSRF-protected, every
//! access decision asked of the policy.

mod account;
mod alert_rules;
mod alerts;
mod answer;
mod answer_page;
mod assets;
mod audit;
mod comments;
mod consent;
mod customers;
mod directory;
mod employees;
mod external;
mod forms;
mod help;
mod home;
mod kiosk;
mod local_names;
mod mail;
mod messages;
mod oidc;
pub(crate) mod operations;
mod organisation;
mod poster;
pub(crate) mod pulse;
mod regions;
pub(crate) mod reports;
pub(crate) mod results;
mod second_factor;
mod services;
mod session;
mod sites;
mod station;
pub(crate) mod supervision;
mod survey_questions;
mod survey_rules;
mod surveys;
mod themes;
pub use surveys::starting_point as survey_start;
pub(crate) mod terminals;
pub(crate) mod tokens;
mod upload;
mod users;
mod voice;
mod web_surveys;
mod webhooks;

pub use forms::{FormErrors, created, form_id, saved};
pub use local_names::NameFields;
pub use poster::qr_path;
pub use tokens::issue_token;
pub use upload::{Upload, read_upload};
pub use voice::{audio_url, content_digest};
pub use web_surveys::new_public_code;

use axum::{
    Router,
    extract::{FromRequestParts, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header, request::Parts},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use axum_extra::extract::{
    CookieJar,
    cookie::{Cookie, SameSite},
};
use minijinja::{Value, context};
use rida_domain::Locale;
use rida_store::{ListQuery, Localized};
use serde::Deserialize;

use crate::{
    auth::{self, CSRF_COOKIE, CsrfSeed, CurrentUser},
    error::ErrorPage,
    render::PageCtx,
    state::AppState,
};

const FLASH_COOKIE: &str = "rida_flash";
/// Rows per page in every admin list.
pub const PAGE_SIZE: i64 = 25;

/// Every page route.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/admin") }))
        .route("/static/{*path}", get(assets::static_file))
        .merge(session::router())
        .merge(oidc::router())
        .merge(second_factor::router())
        .merge(home::router())
        .merge(results::router())
        .merge(operations::router())
        .merge(external::router())
        .merge(consent::router())
        .merge(customers::router())
        .merge(reports::router())
        .merge(pulse::router())
        .merge(organisation::router())
        .merge(regions::router())
        .merge(sites::router())
        .merge(services::router())
        .merge(surveys::router())
        .merge(kiosk::router())
        .merge(terminals::router())
        .merge(supervision::router())
        .merge(station::router())
        .merge(voice::router())
        .merge(help::router())
        .merge(employees::router())
        .merge(users::router())
        .merge(directory::router())
        .merge(tokens::router())
        .merge(alerts::router())
        .merge(comments::router())
        .merge(themes::router())
        .merge(audit::router())
        .merge(mail::router())
        .merge(survey_rules::router())
        .merge(messages::router())
        .merge(webhooks::router())
        .merge(account::router())
        .merge(answer::router())
        .merge(web_surveys::router())
        .fallback(|| async { crate::Error::NotFound })
        .layer(middleware::from_fn_with_state(state, page_layer))
}

/// Around every page: the CSRF seed cookie, HTML error pages, the login redirect,
/// the flash message's removal and security headers.
async fn page_layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(req.headers());
    let (seed, fresh) = match jar.get(CSRF_COOKIE) {
        Some(c) if c.value().len() >= 32 => (c.value().to_string(), false),
        _ => (auth::new_secret(), true),
    };
    if fresh {
        // Let this very request render forms with the new seed.
        let cookie = format!("{CSRF_COOKIE}={seed}");
        let merged = match req
            .headers()
            .get(header::COOKIE)
            .and_then(|v| v.to_str().ok())
        {
            Some(old) => format!("{old}; {cookie}"),
            None => cookie,
        };
        if let Ok(v) = HeaderValue::from_str(&merged) {
            req.headers_mut().insert(header::COOKIE, v);
        }
    }
    req.extensions_mut().insert(CsrfSeed(seed.clone()));
    let had_flash = jar.get(FLASH_COOKIE).is_some();
    let method = req.method().clone();
    let uri = req.uri().clone();
    let headers = req.headers().clone();

    let mut res = next.run(req).await;

    // Machine clients (the JSON API) keep their problem details, even for unknown paths.
    let for_people = !uri.path().starts_with("/api/");
    if let Some(page) = res
        .extensions()
        .get::<ErrorPage>()
        .cloned()
        .filter(|_| for_people)
    {
        res = if page.status == StatusCode::UNAUTHORIZED && method == Method::GET {
            let next_path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/admin");
            Redirect::to(&format!("/login?next={}", urlencode(next_path))).into_response()
        } else if page.status == StatusCode::UNAUTHORIZED {
            Redirect::to("/login").into_response()
        } else if page.code == "second-factor-required" {
            // The only thing such a session may do: set up (or give) its second factor.
            Redirect::to("/account/second-factor").into_response()
        } else {
            error_page(&state, &headers, &CsrfSeed(seed.clone()), uri.path(), &page)
        };
    }
    let h = res.headers_mut();
    if fresh {
        let c = Cookie::build((CSRF_COOKIE, seed))
            .path("/")
            .http_only(true)
            // Lax, not Strict: a link from an e-mail must not reset the seed under open forms.
            .same_site(SameSite::Lax)
            .secure(state.settings.secure_cookies)
            .build();
        if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
            h.append(header::SET_COOKIE, v);
        }
    }
    if had_flash && !res.status().is_redirection() {
        let c = Cookie::build((FLASH_COOKIE, ""))
            .path("/")
            .max_age(time_zero())
            .build();
        if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    let h = res.headers_mut();
    // A page that set its own policy (the survey a website's widget frames) keeps it.
    let own_policy = h.contains_key(header::CONTENT_SECURITY_POLICY);
    if !own_policy {
        h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    }
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    if !own_policy {
        h.insert(
            "content-security-policy",
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; frame-ancestors 'none'; form-action 'self'",
            ),
        );
    }
    res
}

fn time_zero() -> time::Duration {
    time::Duration::ZERO
}

fn error_page(
    state: &AppState,
    headers: &HeaderMap,
    seed: &CsrfSeed,
    path: &str,
    page: &ErrorPage,
) -> Response {
    let ctx = PageCtx::anonymous(state, headers, seed, path);
    ctx.render_status(
        page.status,
        "error.html",
        context! {
            status => page.status.as_u16(),
            key => if page.code == "csrf" { "error-page-csrf".to_string() } else { format!("error-page-{}", page.status.as_u16()) },
        },
    )
}

/// Percent-encodes a query value.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A logged-in page request: the user plus what rendering needs.
pub struct Web {
    pub state: AppState,
    pub headers: HeaderMap,
    pub seed: CsrfSeed,
    pub user: CurrentUser,
    pub path: String,
    pub flash: Option<String>,
    pub open_alerts: Option<u64>,
}

impl FromRequestParts<AppState> for Web {
    type Rejection = crate::Error;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        // The navigation's badge: one count, only for those who see alerts.
        let open_alerts = if user.may(rida_domain::Action::ViewAlerts { site: None }) {
            let sites = user.site_filter();
            Some(
                state
                    .store
                    .count_open_alerts(user.org.id, sites.as_deref(), None)
                    .await?,
            )
        } else {
            None
        };
        Ok(Web {
            open_alerts,
            state: state.clone(),
            seed: parts
                .extensions
                .get::<CsrfSeed>()
                .cloned()
                .unwrap_or_else(|| CsrfSeed(String::new())),
            flash: CookieJar::from_headers(&parts.headers)
                .get(FLASH_COOKIE)
                .map(|c| c.value().to_string())
                .filter(|k| k.starts_with("flash-")),
            headers: parts.headers.clone(),
            path: parts.uri.path().to_string(),
            user,
        })
    }
}

impl Web {
    /// The page context for rendering.
    pub fn ctx(&self) -> PageCtx<'_> {
        PageCtx {
            state: &self.state,
            headers: &self.headers,
            seed: &self.seed,
            user: Some(&self.user),
            path: &self.path,
            flash: self.flash.clone(),
            open_alerts: self.open_alerts,
        }
    }

    /// Renders a page.
    pub fn render(&self, template: &str, page: Value) -> Response {
        self.ctx().render(template, page)
    }

    /// Renders a form again with its errors (422), keeping what was typed.
    pub fn render_invalid(&self, template: &str, page: Value) -> Response {
        self.ctx()
            .render_status(StatusCode::UNPROCESSABLE_ENTITY, template, page)
    }

    /// The sites this user reaches (all of them, or those of their scope), by region and
    /// name as the user reads them.
    pub async fn sites_in_reach(&self) -> Result<Vec<rida_store::Site>, crate::Error> {
        let named = self.state.store.org_names(self.user.org.id).await?;
        Ok(self.sites_reached(&named))
    }

    /// [`Web::sites_in_reach`] from names already read.
    pub fn sites_reached(&self, named: &rida_store::OrgNames) -> Vec<rida_store::Site> {
        let within = self.user.site_filter();
        let mut sites = named
            .active_sites(within.as_deref())
            .localized(self.locale());
        sites.sort_by(|a, b| {
            (!a.active, &a.region_name, &a.name).cmp(&(!b.active, &b.region_name, &b.name))
        });
        sites
    }

    /// The user's language.
    pub fn locale(&self) -> Locale {
        self.user.locale
    }
}

/// Redirects after a successful form, with a message for the next page.
pub fn redirect_with_flash(to: &str, flash_key: &'static str) -> Response {
    let c = Cookie::build((FLASH_COOKIE, flash_key))
        .path("/")
        .http_only(true)
        .build();
    let mut res = Redirect::to(to).into_response();
    if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// `?q=…&page=…&inactive=1` of every list.
#[derive(Debug, Deserialize, Default)]
pub struct ListParams {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub page: Option<i64>,
    #[serde(default)]
    pub inactive: Option<String>,
}

impl ListParams {
    /// The storage query for this page.
    pub fn query(&self) -> ListQuery {
        let page = self.page.unwrap_or(1).max(1);
        ListQuery {
            search: Some(self.q.clone()).filter(|q| !q.trim().is_empty()),
            include_inactive: self.inactive.is_some(),
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
        }
    }

    /// The template's view of the list state and pagination.
    pub fn pager(&self, total: i64) -> Value {
        let page = self.page.unwrap_or(1).max(1);
        let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
        context! {
            q => self.q.clone(),
            inactive => self.inactive.is_some(),
            page => page,
            pages => pages,
            total => total,
            prev => (page > 1).then_some(page - 1),
            next => (page < pages).then_some(page + 1),
        }
    }
}

/// The form of every deactivate/reactivate button.
#[derive(Deserialize)]
pub struct ActiveForm {
    pub active: String,
}

/// Deactivates or reactivates (the caller has asked the policy), then back to the list.
pub async fn toggle_active(
    w: &Web,
    kind: rida_store::Deactivatable,
    id: uuid::Uuid,
    form: ActiveForm,
    list: &str,
) -> Result<Response, crate::Error> {
    let active = form.active == "true";
    w.state
        .store
        .set_active(kind, w.user.org.id, id, active, &w.user.by())
        .await?;
    Ok(redirect_with_flash(
        list,
        if active {
            "flash-activated"
        } else {
            "flash-deactivated"
        },
    ))
}

/// A form with no fields but its CSRF token.
#[derive(Deserialize)]
pub struct Empty {}

/// The time zones offered in forms: canonical IANA area/city names and UTC.
pub fn time_zones() -> Vec<String> {
    const AREAS: [&str; 9] = [
        "Africa/",
        "America/",
        "Antarctica/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    let mut v: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .filter(|n| AREAS.iter().any(|a| n.starts_with(a)))
        .collect();
    v.push("UTC".into());
    v.sort();
    v
}

/// Parses a UUID path or form value, `NotFound` if it is not one.
pub fn parse_id(s: &str) -> Result<uuid::Uuid, crate::Error> {
    uuid::Uuid::parse_str(s.trim()).map_err(|_| crate::Error::NotFound)
}

/// Parses a list of UUIDs from checkboxes, dropping anything that is not one.
pub fn parse_ids(v: &[String]) -> Vec<uuid::Uuid> {
    v.iter()
        .filter_map(|s| uuid::Uuid::parse_str(s.trim()).ok())
        .collect()
}
