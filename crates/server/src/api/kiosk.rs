//! The terminal (kiosk) API: pairing with a code, the terminal's settings, answers,
//! heartbeats and the long poll that brings remote changes. A paired device sends its
//! device token as `Authorization: Bearer …`; an unknown or revoked token gets 401.

use std::time::Duration;

use axum::{
    Json,
    body::Body,
    extract::{FromRequestParts, Query, State},
    http::{StatusCode, request::Parts},
    response::{IntoResponse, Response},
};
use jiff::{Timestamp, tz::TimeZone};
use rida_domain::policy::{self, TerminalReach};
use rida_domain::{Channel, names::LocalNames, terminal::Mode};
use rida_store::{Heartbeat, ListQuery, StoreError, Terminal, Versions};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::ratings::{BatchResult, ItemError, RatingItem, check_items, lookup_refs, parse_items};
use crate::{
    Error,
    auth::{bearer, hash_secret, new_secret},
    error::Problem,
    error::{Result, problem},
    state::AppState,
};

/// Answers in one request from a terminal.
pub const MAX_ANSWERS: usize = 500;
/// How long a long poll waits for a change before answering anyway.
pub const WAIT_SECS: u64 = 25;
/// Failed pairing attempts allowed per address in the window below.
const PAIR_MAX_FAILURES: i64 = 10;
const PAIR_WINDOW_MS: i64 = 15 * 60_000;

/// A paired terminal, from its device token.
pub struct Device(pub Terminal);

impl FromRequestParts<AppState> for Device {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let token = bearer(&parts.headers)?;
        let t = state
            .devices
            .terminal_for_token(&hash_secret(token))
            .await?
            .ok_or(Error::Unauthenticated)?;
        Ok(Device(t))
    }
}

/// The pairing code typed on the device (spaces, dashes and case do not matter).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct PairRequest {
    code: String,
}

/// Pairs this device with the terminal whose code was typed; returns its device token.
#[utoipa::path(post, path = "/api/v1/kiosk/pair", tag = "terminals", request_body = PairRequest,
    responses((status = 200, description = "The device token (shown once) and the terminal's id", body = Object),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"), (status = 404, description = "No terminal waits for this code", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong codes from this address", body = Problem, content_type = "application/problem+json")))]
pub async fn pair(
    State(state): State<AppState>,
    crate::auth::ClientIp(ip): crate::auth::ClientIp,
    super::ApiJson(req): super::ApiJson<PairRequest>,
) -> Result<Response> {
    let key = format!("pair:{ip}");
    let since = rida_store::now_ms() - PAIR_WINDOW_MS;
    if state.devices.login_failures_since(&key, since).await? >= PAIR_MAX_FAILURES {
        return Err(Error::TooManyRequests {
            retry_after_secs: 15 * 60,
        });
    }
    let Some(code) = rida_domain::terminal::normalise_code(&req.code) else {
        state.devices.record_login_failure(&[&key], None).await?;
        return Err(Error::BadRequest {
            code: "bad-code",
            detail: "a pairing code has 8 letters and digits".into(),
        });
    };
    let token = new_secret();
    match state
        .devices
        .pair_terminal(&code, &hash_secret(&token))
        .await
    {
        Ok((_, id)) => Ok(Json(json!({ "token": token, "terminal_id": id })).into_response()),
        Err(StoreError::NotFound) => {
            state.devices.record_login_failure(&[&key], None).await?;
            Ok(problem(
                StatusCode::NOT_FOUND,
                "unknown-code",
                "Unknown or expired pairing code",
                Some("show a new code on the terminal's admin page".into()),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// An id and a name (with its spellings per language, for services), for lists the
/// terminal shows.
#[derive(Serialize)]
struct Named {
    id: Uuid,
    name: String,
    #[serde(skip_serializing_if = "LocalNames::is_empty")]
    names: LocalNames,
}

/// Everything the terminal needs to show itself.
#[utoipa::path(get, path = "/api/v1/kiosk/config", tag = "terminals", security(("device_token" = [])),
    responses((status = 200, description = "What the terminal shows: survey, languages, services, staff on a free-rating screen, voice prompts", body = Object), (status = 401, description = "Unknown or unpaired device token", body = Problem, content_type = "application/problem+json")))]
pub async fn config(State(state): State<AppState>, Device(t): Device) -> Result<Response> {
    let org = state.devices.organisation(t.org_id).await?;
    let all = ListQuery::all();
    let survey = match t.survey_id {
        Some(id) => {
            let s = state.devices.survey(t.org_id, id).await?;
            Some(json!({ "id": s.id, "version": s.version, "questions": s.def.questions }))
        }
        None => None,
    };
    let site_services = state.devices.site_service_ids(t.site_id).await?;
    let services: Vec<Named> = state
        .devices
        .list_services(t.org_id, &all)
        .await?
        .items
        .into_iter()
        .filter(|s| site_services.contains(&s.id))
        .map(|s| Named {
            id: s.id,
            name: s.name,
            names: s.names,
        })
        .collect();
    let staff: Vec<Named> = if t.mode() == Mode::Free && t.show_staff {
        state
            .devices
            .list_employees(t.org_id, &all, Some(&[t.site_id]))
            .await?
            .items
            .into_iter()
            .map(|e| Named {
                id: e.id,
                name: e.name,
                names: LocalNames::default(),
            })
            .collect()
    } else {
        vec![]
    };
    let asked = match t.asked_employee_id {
        Some(e) => {
            let emp = state.devices.employee(t.org_id, e).await?;
            Some(json!({ "employee_id": e, "name": emp.name, "visit_id": t.asked_visit_id }))
        }
        None => None,
    };
    let visit = match policy::station_device_acts_for(t.kind(), t.employee_id) {
        Some(e) => state.devices.open_visit(t.org_id, e).await?,
        None => None,
    };
    let digests = state.devices.audio_digests(t.org_id).await?;
    let audio: serde_json::Map<String, serde_json::Value> = t
        .locale_list()
        .iter()
        .map(|l| {
            let screens: serde_json::Map<String, serde_json::Value> = rida_domain::voice::SCREENS
                .iter()
                .map(|s| {
                    let d = digests.get(&(l.tag().to_string(), s.to_string()));
                    (
                        s.to_string(),
                        json!(crate::web::audio_url(l.tag(), s, d.map(String::as_str))),
                    )
                })
                .collect();
            (l.tag().to_string(), serde_json::Value::Object(screens))
        })
        .collect();
    Ok(Json(json!({
        "audio": audio,
        "visit": visit,
        "terminal": {
            "id": t.id, "name": t.name, "mode": t.mode, "kind": t.kind, "state": t.state,
            "locales": t.locale_list(), "show_staff": t.show_staff,
            "service_id": t.service_id, "employee_id": t.employee_id, "employee_name": t.employee_name,
        },
        "org": {
            "name": org.name,
            "logo": org.logo_mime.as_ref().map(|_| format!("/logo?v={}", org.logo_version)),
        },
        "site": { "id": t.site_id, "name": t.site_name, "names": t.site_names },
        "services": services,
        "staff": staff,
        "asked": asked,
        "survey": survey,
        "versions": { "config_version": t.config_version, "reload_seq": t.reload_seq },
        "timing": { "idle_seconds": 30, "thanks_seconds": 5, "heartbeat_seconds": rida_domain::terminal::HEARTBEAT_SECS },
    }))
    .into_response())
}

/// What a terminal reports every few seconds.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct HeartbeatRequest {
    #[serde(default)]
    app_version: String,
    #[serde(default)]
    queued: i32,
    #[serde(default)]
    battery: Option<f32>,
    #[serde(default)]
    tab: String,
}

/// Records that the terminal is alive; answers the versions it should be at.
#[utoipa::path(post, path = "/api/v1/kiosk/heartbeat", tag = "terminals", security(("device_token" = [])), request_body = HeartbeatRequest,
    responses((status = 200, description = "The versions the terminal should be at", body = Object), (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"), (status = 401, description = "Unknown or unpaired device token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The terminal is open in another window", body = Problem, content_type = "application/problem+json")))]
pub async fn heartbeat(
    State(state): State<AppState>,
    Device(t): Device,
    super::ApiJson(h): super::ApiJson<HeartbeatRequest>,
) -> Result<Response> {
    let beat = Heartbeat {
        app_version: h.app_version.chars().take(40).collect(),
        queued: h.queued.max(0),
        battery: h.battery.filter(|b| (0.0..=1.0).contains(b)),
        tab: h.tab.chars().take(64).collect(),
    };
    match state.devices.terminal_heartbeat(t.id, &beat).await {
        Ok(v) => Ok(Json(v).into_response()),
        Err(StoreError::Conflict) => Ok(problem(
            StatusCode::CONFLICT,
            "other-tab",
            "This terminal is open in another window",
            Some(
                "close the other window; this one takes over a minute after the other stops".into(),
            ),
        )),
        Err(e) => Err(e.into()),
    }
}

/// The versions the terminal knows.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WaitQuery {
    #[serde(default)]
    config: i64,
    #[serde(default)]
    reload: i64,
}

/// Answers as soon as the terminal's versions differ from those it knows, or after
/// [`WAIT_SECS`] with the same versions.
#[utoipa::path(get, path = "/api/v1/kiosk/wait", tag = "terminals", security(("device_token" = [])), params(WaitQuery),
    responses((status = 200, description = "The current versions, as soon as they differ from those given or after a while", body = Object), (status = 401, description = "Unknown or unpaired device token", body = Problem, content_type = "application/problem+json")))]
pub async fn wait(
    State(state): State<AppState>,
    Device(t): Device,
    Query(q): Query<WaitQuery>,
) -> Result<Response> {
    let known = Versions {
        config_version: q.config,
        reload_seq: q.reload,
    };
    let current = Versions {
        config_version: t.config_version,
        reload_seq: t.reload_seq,
    };
    if current != known {
        return Ok(Json(current).into_response());
    }
    let mut sub = state.hub.subscribe(t.id);
    let deadline = tokio::time::sleep(Duration::from_secs(WAIT_SECS));
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            _ = &mut deadline => return Ok(Json(known).into_response()),
            changed = sub.rx.changed() => {
                if changed.is_err() {
                    return Ok(Json(known).into_response());
                }
                if let Some(v) = *sub.rx.borrow_and_update()
                    && v != known
                {
                    return Ok(Json(v).into_response());
                }
            }
        }
    }
}

/// A batch of answers tapped on the terminal (as documented; each is read on its own).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct KioskBatch {
    answers: Vec<KioskAnswer>,
}

/// A batch of answers tapped on the terminal.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerBatch {
    answers: Vec<Box<serde_json::value::RawValue>>,
}

/// One answer as the terminal sends it; the site (and the desk's employee) come from
/// the terminal itself.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KioskAnswer {
    id: Uuid,
    #[schema(value_type = String, format = DateTime)]
    answered_at: Timestamp,
    question_id: Uuid,
    /// One customer's pass through the survey.
    visit_id: Uuid,
    #[serde(default)]
    score: Option<i64>,
    #[serde(default)]
    choice: Option<String>,
    #[serde(default)]
    text: Option<String>,
    /// Free rating or a station's request: the employee rated.
    #[serde(default)]
    employee_id: Option<Uuid>,
    /// Multi point and free rating: the service rated.
    #[serde(default)]
    service_id: Option<Uuid>,
    /// The language shown when the customer answered.
    #[serde(default)]
    lang: Option<String>,
}

/// Stores a terminal's answers; each gets its own outcome, as in the ratings API.
#[utoipa::path(post, path = "/api/v1/kiosk/answers", tag = "terminals", security(("device_token" = [])), request_body = KioskBatch,
    responses((status = 200, description = "Each answer's outcome, as in the ratings API", body = BatchResult), (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"), (status = 401, description = "Unknown or unpaired device token", body = Problem, content_type = "application/problem+json")))]
pub async fn answers(
    State(state): State<AppState>,
    Device(t): Device,
    body: Body,
) -> Result<Response> {
    let batch: AnswerBatch = super::read_json(body, super::ratings::MAX_BODY_BYTES).await?;
    if batch.answers.len() > MAX_ANSWERS {
        return Err(Error::BadRequest {
            code: "batch-too-large",
            detail: format!("at most {MAX_ANSWERS} answers in one request"),
        });
    }
    let items: Vec<std::result::Result<RatingItem, ItemError>> =
        parse_items::<KioskAnswer>(&batch.answers)
            .into_iter()
            .map(|a| {
                a.map(|a| RatingItem {
                    id: a.id,
                    answered_at: a.answered_at,
                    site_id: t.site_id,
                    // The terminal's own binding wins over what a page sends.
                    service_id: t.service_id.or(a.service_id),
                    employee_id: t.employee_id.or(a.employee_id),
                    channel: Channel::Kiosk,
                    question_id: a.question_id,
                    score: a.score,
                    choice: a.choice,
                    text: a.text,
                    visit_id: Some(a.visit_id),
                    customer_key: None,
                    lang: a.lang,
                })
            })
            .collect();
    let refs = lookup_refs(&state, t.org_id, &items).await?;
    let org_tz = TimeZone::get(&t.org_time_zone).unwrap_or(TimeZone::UTC);
    let reach = if items
        .iter()
        .flatten()
        .any(|i| i.employee_id.is_some() || i.service_id.is_some())
    {
        let (site_staff, site_services, asked) =
            state.devices.terminal_reach(t.id, t.site_id).await?;
        TerminalReach {
            mode: t.mode(),
            show_staff: t.show_staff,
            desk_employee: t.employee_id,
            bound_service: t.service_id,
            site_staff,
            site_services,
            asked,
        }
    } else {
        TerminalReach::default()
    };
    let now = rida_store::now_ms();
    // Only questions of this terminal's survey (any version of it), and only the
    // employees and services the terminal may name.
    let mut checked = check_items(items, &refs, &org_tz, |i| {
        let allowed = refs
            .questions
            .get(&i.question_id)
            .is_none_or(|q| policy::terminal_may_answer(t.kind(), t.survey_id, q.survey_id));
        if !allowed {
            return Err(ItemError {
                field: "question_id",
                code: "not_in_survey",
                detail: "this question is not part of the terminal's survey".into(),
            });
        }
        if let Some(e) = i
            .employee_id
            .filter(|e| !policy::terminal_may_name_employee(&reach, *e, now))
        {
            return Err(ItemError {
                field: "employee_id",
                code: "employee_not_allowed",
                detail: format!(
                    "this terminal may not rate employee {e}: only its desk's employee, an employee whose station asked it, or staff of its site on a free-rating screen"
                ),
            });
        }
        if let Some(s) = i
            .service_id
            .filter(|s| !policy::terminal_may_name_service(&reach, *s))
        {
            return Err(ItemError {
                field: "service_id",
                code: "service_not_allowed",
                detail: format!("service {s} is not offered at this terminal's site"),
            });
        }
        Ok(())
    });
    for (_, r) in checked.to_store.iter_mut() {
        r.terminal_id = Some(t.id);
    }
    let rows = checked.rows();
    let outcomes = if rows.is_empty() {
        Vec::new()
    } else {
        // Through the group commit: at a network's busy hour, taps from hundreds of
        // terminals share a transaction and its commit.
        state
            .ratings
            .write_terminal(rida_store::TerminalBatch {
                org: t.org_id,
                terminal: t.id,
                rows,
                rule: t.burst_rule(),
            })
            .await?
    };
    Ok(Json(checked.finish(outcomes)).into_response())
}

/// The employee a paired station device acts for, as the policy decides.
fn station_employee(t: &Terminal) -> Result<Uuid> {
    policy::station_device_acts_for(t.kind(), t.employee_id).ok_or(Error::Forbidden)
}

/// A station device asks the desk's (or the branch's main) terminal for the next
/// customer's rating, as the employee's own station does.
#[utoipa::path(post, path = "/api/v1/kiosk/station/ask", tag = "terminals", security(("device_token" = [])),
    responses((status = 200, description = "The terminal that will ask the next customer", body = Object), (status = 401, description = "Unknown or unpaired device token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an employee station", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No paired terminal serves this desk or branch", body = Problem, content_type = "application/problem+json")))]
pub async fn station_ask(State(state): State<AppState>, Device(t): Device) -> Result<Response> {
    let employee = station_employee(&t)?;
    match state.devices.ask_for_rating(t.org_id, employee).await? {
        Some(a) => Ok(Json(json!({ "state": "waiting", "terminal_id": a.terminal_id, "terminal_name": a.terminal_name })).into_response()),
        None => Ok(problem(
            StatusCode::CONFLICT,
            "no-terminal",
            "No paired terminal serves this desk or branch",
            None,
        )),
    }
}

/// The terminal asked.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StationStatusQuery {
    terminal: Uuid,
}

/// `waiting` or `received` for the last request; never an answer.
#[utoipa::path(get, path = "/api/v1/kiosk/station/status", tag = "terminals", security(("device_token" = [])), params(StationStatusQuery),
    responses((status = 200, description = "`waiting` or `received`; never an answer", body = Object), (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"), (status = 401, description = "Unknown or unpaired device token", body = Problem, content_type = "application/problem+json")))]
pub async fn station_status(
    State(state): State<AppState>,
    Device(t): Device,
    Query(q): Query<StationStatusQuery>,
) -> Result<Response> {
    let employee = station_employee(&t)?;
    let state = state
        .devices
        .ask_state(t.org_id, q.terminal, employee)
        .await?;
    Ok(Json(json!({ "state": state })).into_response())
}

/// A visit at the desk starting or ending.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct VisitRequest {
    /// `start` (with the client's id for the visit) or `end`.
    action: String,
    #[serde(default)]
    id: Option<Uuid>,
    /// The service the visit is for, if the station knows it.
    #[serde(default)]
    service_id: Option<Uuid>,
}

/// Starts or ends the desk employee's visit.
#[utoipa::path(post, path = "/api/v1/kiosk/station/visit", tag = "terminals", security(("device_token" = [])), request_body = VisitRequest,
    responses((status = 200, description = "The visit started or ended", body = Object), (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"), (status = 401, description = "Unknown or unpaired device token", body = Problem, content_type = "application/problem+json")))]
pub async fn station_visit(
    State(state): State<AppState>,
    Device(t): Device,
    super::ApiJson(v): super::ApiJson<VisitRequest>,
) -> Result<Response> {
    let employee = station_employee(&t)?;
    match v.action.as_str() {
        "start" => {
            let id = v.id.unwrap_or_else(rida_domain::new_id);
            let visit = state
                .devices
                .start_visit(t.org_id, employee, id, Some(t.site_id), v.service_id)
                .await?;
            Ok(Json(json!({ "visit": visit })).into_response())
        }
        "end" => {
            state.devices.end_visit(t.org_id, employee).await?;
            Ok(Json(json!({ "visit": null })).into_response())
        }
        _ => Err(Error::BadRequest {
            code: "bad-action",
            detail: "action is start or end".into(),
        }),
    }
}
