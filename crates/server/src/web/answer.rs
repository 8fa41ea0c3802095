//! The public survey pages, no login: a visit survey's one-time link (`/s/CODE`), the
//! anonymous web survey behind a QR poster or the website widget (`/q/CODE`), and the
//! widget's script (`/w/CODE.js`).
//!
//! Nothing that identifies the customer's device is stored with an answer: no address,
//! no cookie. Repeated answers and floods are held back by counts kept under a hash of
//! the device made with a salt of the day (see `rida_store::Store::guard_salt`).

use axum::{
    Router,
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use minijinja::{Value, context};
use rida_domain::{Channel, Locale, web};
use rida_store::{By, GuardHit, NewRating, SentSurvey, WebAnswers, WebOutcome, WebSurvey};
use serde::Deserialize;
use uuid::Uuid;

use super::answer_page::{Form, Shown, unknown};
use crate::{auth::ClientIp, error::Result, state::AppState};

/// How long a form stays good to send after it was shown.
const FORM_MAX_AGE_MS: i64 = 24 * 3_600_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/s/{code}", get(link_page).post(link_answer))
        .route("/s/{code}/stop", get(stop_page).post(stop))
        .route("/q/{code}", get(public_page).post(public_answer))
        .route("/w/{file}", get(widget))
}

#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    score: Option<i16>,
    #[serde(default)]
    embed: Option<String>,
}

/// The survey message behind a link's code and what its page shows; `None` if the code
/// is none or its survey cannot be answered on a page.
async fn find_link(state: &AppState, code: &str) -> Result<Option<(SentSurvey, Shown)>> {
    if !web::is_code(code) {
        return Ok(None);
    }
    let key = state.contact_key.link_key(code);
    let Some(s) = state.store.survey_by_link(&key).await? else {
        return Ok(None);
    };
    let (Some(site), Some(survey)) = (s.site_id, s.survey_id) else {
        return Ok(None);
    };
    let shown = Shown::load(
        state,
        s.org_id,
        site,
        s.service_id,
        s.employee_id,
        Some(survey),
    )
    .await?;
    Ok(Some((s, shown)))
}

/// Why a page shows no form: `unknown` (no such link or survey), `closed` (expired or
/// not open), `answered`.
fn closed_state(s: &SentSurvey) -> &'static str {
    if s.status == "answered" {
        "answered"
    } else {
        "closed"
    }
}

async fn link_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Result<Response> {
    let now = rida_store::now_ms();
    let Some((s, shown)) = find_link(&state, &code).await? else {
        return Ok(unknown(&state, &headers, q.lang.as_deref()));
    };
    let lang = Locale::parse(&s.lang);
    let form = Form::new(&state, &format!("/s/{code}"), now, q.score, false);
    let status = if s.is_open(now) {
        "form"
    } else {
        closed_state(&s)
    };
    let l = pick_locale(&headers, q.lang.as_deref(), lang, &shown);
    Ok(shown.page(&state, l, status, Some(form), StatusCode::OK))
}

async fn public_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Result<Response> {
    let now = rida_store::now_ms();
    let embed = q.embed.is_some();
    let Some((w, shown)) = find_public(&state, &code).await? else {
        return Ok(framable(
            unknown(&state, &headers, q.lang.as_deref()),
            embed,
        ));
    };
    let l = pick_locale(&headers, q.lang.as_deref(), None, &shown);
    let form = Form::new(&state, &format!("/q/{}", w.code), now, q.score, embed);
    let status = if w.active { "form" } else { "closed" };
    Ok(framable(
        shown.page(&state, l, status, Some(form), StatusCode::OK),
        embed,
    ))
}

/// The active-or-not web survey with this code, and what it shows.
async fn find_public(state: &AppState, code: &str) -> Result<Option<(WebSurvey, Shown)>> {
    if !web::is_code(code) {
        return Ok(None);
    }
    let Some(w) = state.store.web_survey_by_code(code).await? else {
        return Ok(None);
    };
    let shown = Shown::load(
        state,
        w.org_id,
        w.site_id,
        w.service_id,
        w.employee_id,
        w.survey_id,
    )
    .await?;
    Ok(Some((w, shown)))
}

/// The page's language: asked for in the address, else the survey's, else the
/// browser's, else the organisation's.
fn pick_locale(
    headers: &HeaderMap,
    asked: Option<&str>,
    own: Option<Locale>,
    shown: &Shown,
) -> Locale {
    asked.and_then(Locale::parse).or(own).unwrap_or_else(|| {
        crate::auth::request_locale(headers, None, Some(&shown.org.default_locale))
    })
}

/// The fields of a posted survey form.
struct Posted {
    fields: Vec<(String, String)>,
    token: String,
    pass: Option<Uuid>,
    lang: Option<String>,
    embed: bool,
}

fn posted(body: &Bytes) -> Posted {
    let fields: Vec<(String, String)> = serde_html_form::from_bytes(body).unwrap_or_default();
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    Posted {
        token: get("token").unwrap_or_default(),
        pass: get("pass").and_then(|p| Uuid::parse_str(&p).ok()),
        lang: get("lang"),
        embed: get("embed").is_some(),
        fields,
    }
}

/// The answers of one pass through a survey: ids made from the form's own pass id, so
/// that sending the same form twice stores nothing twice.
struct Pass<'a> {
    state: &'a AppState,
    pass: Uuid,
    at: i64,
    day: i32,
}

impl Pass<'_> {
    fn id(&self, question: Uuid) -> Uuid {
        let bytes = self
            .state
            .contact_key
            .tag_bytes("answer-id", &[self.pass.as_bytes(), question.as_bytes()]);
        let mut b = [0u8; 16];
        b.copy_from_slice(&bytes[..16]);
        uuid::Builder::from_random_bytes(b).into_uuid()
    }
}

/// What a posted form answers.
#[derive(Clone, Copy)]
enum Answering<'a> {
    /// A visit's survey, by its one-time link (answered once).
    Link(&'a SentSurvey),
    /// A web survey (a poster, the widget): once per device within the repeat window.
    Public(Uuid),
}

/// Reads, checks and stores a posted form; the page to show after.
#[allow(clippy::too_many_arguments)]
async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    ip: String,
    scope: &str,
    shown: &Shown,
    own_lang: Option<Locale>,
    p: Posted,
    what: Answering<'_>,
) -> Result<Response> {
    let (message, web_survey) = match what {
        Answering::Link(m) => (Some(m), None),
        Answering::Public(w) => (None, Some(w)),
    };
    let now = rida_store::now_ms();
    let l = pick_locale(headers, p.lang.as_deref(), own_lang, shown);
    let form = Form::new(state, scope, now, None, p.embed);
    if !state
        .contact_key
        .form_token_ok(&p.token, scope, now, FORM_MAX_AGE_MS)
        || p.pass.is_none()
    {
        return Ok(shown.page(state, l, "stale", Some(form), StatusCode::FORBIDDEN));
    }
    let answers = match web::read_form(&shown.def, &p.fields) {
        Ok(a) => a,
        Err(errors) => {
            let form = form.with_input(&p.fields, errors);
            return Ok(shown.page(
                state,
                l,
                "form",
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    let pass = Pass {
        state,
        pass: p.pass.unwrap_or_default(),
        at: now,
        day: state.site_day(shown.org.id, shown.site, now).await?,
    };
    let ratings: Vec<NewRating> = answers
        .into_iter()
        .map(|(question, answer)| NewRating {
            id: pass.id(question),
            answered_at: pass.at,
            received_at: pass.at,
            local_day: pass.day,
            site_id: shown.site,
            service_id: shown.service,
            employee_id: shown.employee,
            channel: Channel::Web,
            question_id: question,
            answer,
            visit_id: Some(message.and_then(|m| m.visit_id).unwrap_or(pass.pass)),
            customer_key: message.and_then(|m| m.customer_key.clone()),
            terminal_id: None,
            lang: Some(l.tag().to_string()),
            flags: 0,
        })
        .collect();
    let guards = guards(state, headers, &ip, scope, now, web_survey.is_some()).await?;
    let outcome = state
        .store
        .store_web_answers(&WebAnswers {
            org: shown.org.id,
            message: message.map(|m| m.id),
            web_survey,
            guards,
            ratings,
            now,
        })
        .await?;
    let (status, code) = match outcome {
        WebOutcome::Stored | WebOutcome::Replayed => ("thanks", StatusCode::OK),
        WebOutcome::Closed => ("closed", StatusCode::CONFLICT),
        WebOutcome::Refused("duplicate") => ("duplicate", StatusCode::CONFLICT),
        WebOutcome::Refused(_) => ("limited", StatusCode::TOO_MANY_REQUESTS),
    };
    if status == "thanks" {
        metrics::counter!("rida_web_answers_total").increment(1);
    }
    Ok(shown.page(state, l, status, Some(form), code))
}

/// The guard's counts for this device: its answers to any survey in the last hour and,
/// for a public survey, its answers to this one within the repeat window.
async fn guards(
    state: &AppState,
    headers: &HeaderMap,
    ip: &str,
    scope: &str,
    now: i64,
    repeat: bool,
) -> Result<Vec<GuardHit>> {
    let s = &state.settings;
    let fresh: [u8; 32] = rand::random();
    let salt = state
        .store
        .guard_salt(rida_store::guard_day(now), fresh.to_vec())
        .await?;
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let key = &state.contact_key;
    let mut out = vec![GuardHit {
        kind: "rate",
        key: key.device_key(&salt, "rate", &[ip]),
        window_ms: 3_600_000,
        max_hits: s.web_answers_per_hour.max(1),
    }];
    if repeat && s.web_repeat_minutes > 0 {
        out.push(GuardHit {
            kind: "duplicate",
            key: key.device_key(&salt, scope, &[ip, agent]),
            window_ms: s.web_repeat_minutes * 60_000,
            max_hits: 1,
        });
    }
    Ok(out)
}

async fn link_answer(
    State(state): State<AppState>,
    Path(code): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response> {
    let p = posted(&body);
    let Some((s, shown)) = find_link(&state, &code).await? else {
        return Ok(unknown(&state, &headers, p.lang.as_deref()));
    };
    let own = Locale::parse(&s.lang);
    answer(
        &state,
        &headers,
        ip,
        &format!("/s/{code}"),
        &shown,
        own,
        p,
        Answering::Link(&s),
    )
    .await
}

async fn public_answer(
    State(state): State<AppState>,
    Path(code): Path<String>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response> {
    let p = posted(&body);
    let embed = p.embed;
    let Some((w, shown)) = find_public(&state, &code).await? else {
        return Ok(framable(
            unknown(&state, &headers, p.lang.as_deref()),
            embed,
        ));
    };
    if !w.active {
        let l = pick_locale(&headers, p.lang.as_deref(), None, &shown);
        return Ok(framable(
            shown.page(&state, l, "closed", None, StatusCode::CONFLICT),
            embed,
        ));
    }
    let page = answer(
        &state,
        &headers,
        ip,
        &format!("/q/{}", w.code),
        &shown,
        None,
        p,
        Answering::Public(w.id),
    )
    .await?;
    Ok(framable(page, embed))
}

/// A page the website widget may show in its frame on any site.
fn framable(mut res: Response, embed: bool) -> Response {
    let ancestors = if embed { "*" } else { "'none'" };
    if let Ok(v) = HeaderValue::from_str(&format!(
        "default-src 'self'; img-src 'self' data:; frame-ancestors {ancestors}; form-action 'self'"
    )) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    res
}

async fn stop_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Result<Response> {
    stop_common(&state, &code, &headers, q.lang.as_deref(), None).await
}

async fn stop(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response> {
    let p = posted(&body);
    stop_common(&state, &code, &headers, p.lang.as_deref(), Some(p.token)).await
}

/// Opting out from a survey e-mail: shown with a button (mail scanners open links
/// without meaning to), done when the button is pressed.
async fn stop_common(
    state: &AppState,
    code: &str,
    headers: &HeaderMap,
    lang: Option<&str>,
    token: Option<String>,
) -> Result<Response> {
    let now = rida_store::now_ms();
    let Some((s, shown)) = find_link(state, code).await? else {
        return Ok(unknown(state, headers, lang));
    };
    let scope = format!("/s/{code}/stop");
    let l = pick_locale(headers, lang, Locale::parse(&s.lang), &shown);
    let form = Form::new(state, &scope, now, None, false);
    let Some(token) = token else {
        return Ok(shown.page(state, l, "stop", Some(form), StatusCode::OK));
    };
    if !state
        .contact_key
        .form_token_ok(&token, &scope, now, FORM_MAX_AGE_MS)
    {
        return Ok(shown.page(state, l, "stale", Some(form), StatusCode::FORBIDDEN));
    }
    if let Some(key) = &s.customer_key {
        let by = By {
            user_id: None,
            actor: "customer".into(),
        };
        state
            .store
            .set_consent(s.org_id, key, true, "link", None, &by)
            .await?;
    }
    Ok(shown.page(state, l, "stopped", None, StatusCode::OK))
}

/// The widget's script: `<script src="…/w/CODE.js" async></script>` on any page adds a
/// feedback button that opens the web survey in a frame.
async fn widget(State(state): State<AppState>, Path(file): Path<String>) -> Result<Response> {
    let code = file.strip_suffix(".js").unwrap_or_default();
    let Some((w, _)) = find_public(&state, code).await? else {
        return Err(crate::Error::NotFound);
    };
    let labels: serde_json::Map<String, serde_json::Value> = Locale::ALL
        .iter()
        .map(|l| {
            (
                l.tag().to_string(),
                serde_json::json!({
                    "open": crate::i18n::t(*l, "widget-open"),
                    "close": crate::i18n::t(*l, "widget-close"),
                    "dir": l.dir(),
                }),
            )
        })
        .collect();
    let js = state
        .templates
        .get_template("widget.js")
        .and_then(|t| {
            t.render(context! { code => w.code, labels => Value::from_serialize(&labels) })
        })
        .map_err(|e| crate::Error::Internal(anyhow::anyhow!("widget.js: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        js,
    )
        .into_response())
}
