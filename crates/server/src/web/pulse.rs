//! The employees' pulse: its results beside customers' CSAT (`/admin/pulse`, and as JSON
//! `/api/v1/pulse`), the head's plan (`/admin/pulse/plan`) and "open a round now", the
//! employee's form on their station (`/station/pulse`) and the one-time e-mailed link's
//! (`/p/CODE`, no sign-in). Nothing here stores or logs who answered what: see
//! `rida_store::pulse`.

use axum::{
    Json, Router,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use minijinja::{Value, context};
use rida_domain::{
    Action,
    pulse::{Delivery, MAX_QUESTIONS, OPEN_DAYS, PulseAnswer, Rhythm, Statement},
    web,
};
use rida_store::{PulseOutcome, PulsePlan, PulseRound};
use serde::Deserialize;
use uuid::Uuid;

use super::{Empty, Web, forms::FormErrors, redirect_with_flash};
use crate::{
    analytics::pulse as view,
    auth::{CsrfForm, CsrfSeed},
    error::Problem,
    error::Result,
    render::PageCtx,
    state::AppState,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/pulse", get(page))
        .route("/admin/pulse/export.xlsx", get(xlsx))
        .route("/admin/pulse/open", post(open_now))
        .route("/admin/pulse/plan", get(plan_page).post(save_plan))
        .route("/api/v1/pulse", get(json))
        .route("/station/pulse", get(station_page).post(station_answer))
        .route("/p/{code}", get(link_page).post(link_answer))
}

#[derive(Deserialize, Default)]
pub(crate) struct RoundQuery {
    #[serde(default)]
    round: Option<String>,
}

fn round_of(q: &RoundQuery) -> Result<Option<Uuid>> {
    match q.round.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(r) => Ok(Some(super::parse_id(r)?)),
        None => Ok(None),
    }
}

async fn page(w: Web, Query(q): Query<RoundQuery>) -> Result<Response> {
    w.user.require(Action::ViewPulse { site: None })?;
    let now = rida_store::now_ms();
    let v = view::build(&w.state, &w.user, round_of(&q)?, now).await?;
    let head = w.user.may(Action::ManageOrganisation);
    let plan = w.state.store.pulse_plan(w.user.org.id).await?;
    Ok(w.render(
        "pulse.html",
        context! { view => v, may_plan => head, plan => plan },
    ))
}

/// A round's figures as an Excel workbook (the one the page shows: the latest over by
/// default), as the reader may see them.
async fn xlsx(w: Web, Query(q): Query<RoundQuery>) -> Result<Response> {
    w.user.require(Action::ViewPulse { site: None })?;
    let v = view::build(&w.state, &w.user, round_of(&q)?, rida_store::now_ms()).await?;
    let Some(r) = v.result else {
        return Err(crate::Error::NotFound);
    };
    let table = view::table(&r, w.locale());
    let bytes = crate::analytics::export::tables_xlsx(&[table], w.locale())
        .map_err(|e| crate::Error::Internal(e.into()))?;
    Ok(super::results::download(
        bytes,
        crate::analytics::export::XLSX_MIME,
        format!("rida-pulse-{}.xlsx", r.period_key),
    ))
}

/// `GET /api/v1/pulse?round=ID`: the employees' pulse as the pulse page shows it.
#[utoipa::path(get, path = "/api/v1/pulse", tag = "results", security(("session" = [])),
    params(("round" = Option<String>, Query, description = "A round that is over (default: the latest)")),
    responses((status = 200, description = "The rounds, the open one's turnout, and a round's figures for the organisation and each site in reach (eNPS, statements' agreement, customers' CSAT beside them); groups under the anonymity minimum withheld", body = Object),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"), (status = 403, description = "The role may not see this", body = Problem, content_type = "application/problem+json"), (status = 404, description = "No such round, or one still open", body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn json(w: Web, Query(q): Query<RoundQuery>) -> Result<Response> {
    w.user.require(Action::ViewPulse { site: None })?;
    let v = view::build(&w.state, &w.user, round_of(&q)?, rida_store::now_ms()).await?;
    Ok(Json(v).into_response())
}

/// The head opens a round now (when none is open): the period's under a rhythm, else
/// one a day at most.
async fn open_now(w: Web, CsrfForm(_): CsrfForm<Empty>) -> Result<Response> {
    w.user.require(Action::ManageOrganisation)?;
    let now = jiff::Timestamp::now();
    let org = w.user.org.id;
    if w.state
        .store
        .open_pulse(org, now.as_millisecond())
        .await?
        .is_some()
    {
        return Ok(redirect_with_flash(
            "/admin/pulse",
            "flash-pulse-open-already",
        ));
    }
    let tz = jiff::tz::TimeZone::get(&w.user.org.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let today = now.to_zoned(tz).date();
    // Under a rhythm, the round opened by hand is the period's (so that the rhythm, even
    // on another instance at the same moment, cannot open a second); once the period has
    // had its round, one of the day.
    let rhythm = w.state.store.pulse_plan(org).await?.rhythm;
    let keys = rhythm
        .period_key(today)
        .into_iter()
        .chain([today.to_string()]);
    let by = w.user.by();
    let mut opened = false;
    for key in keys {
        opened = crate::jobs::pulse::open_round(&w.state, org, &key, now, &by)
            .await
            .map_err(crate::Error::Internal)?;
        if opened {
            break;
        }
    }
    Ok(redirect_with_flash(
        "/admin/pulse",
        if opened {
            "flash-pulse-opened"
        } else {
            "flash-pulse-today-already"
        },
    ))
}

/// The statement fields of the plan's form.
const STATEMENT_FIELDS: [&str; MAX_QUESTIONS] = ["s1", "s2", "s3", "s4", "s5"];

fn plan_form(plan: &PulsePlan, errors: &FormErrors) -> Value {
    let mut statements = plan.statements.clone();
    statements.resize(MAX_QUESTIONS, Statement::default());
    context! {
        plan => plan,
        statements => statements.iter().zip(STATEMENT_FIELDS).map(|(s, f)| context! { field => f, ar => s.ar, en => s.en, lv => s.lv }).collect::<Vec<_>>(),
        rhythms => Rhythm::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        deliveries => Delivery::ALL.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
        days => context! { min => OPEN_DAYS.1, max => OPEN_DAYS.2 },
        errors => errors.value(),
    }
}

async fn plan_page(w: Web) -> Result<Response> {
    w.user.require(Action::ManageOrganisation)?;
    let plan = w.state.store.pulse_plan(w.user.org.id).await?;
    Ok(w.render(
        "pulse_plan.html",
        plan_form(&plan, &FormErrors::new(w.locale())),
    ))
}

async fn save_plan(w: Web, CsrfForm(f): CsrfForm<Vec<(String, String)>>) -> Result<Response> {
    w.user.require(Action::ManageOrganisation)?;
    let get = |k: &str| {
        rida_domain::input::field(&f, k)
            .unwrap_or_default()
            .to_string()
    };
    let mut errors = FormErrors::new(w.locale());
    let rhythm = Rhythm::parse(&get("rhythm")).unwrap_or_else(|| {
        errors.key("rhythm", "pulse-rhythm-unknown");
        Rhythm::Off
    });
    let delivery = Delivery::parse(&get("delivery")).unwrap_or_else(|| {
        errors.key("delivery", "pulse-delivery-unknown");
        Delivery::Station
    });
    let open_days = match get("open_days").parse::<i64>() {
        Ok(d) if (OPEN_DAYS.1..=OPEN_DAYS.2).contains(&d) => d,
        _ => {
            errors.key_args(
                "open_days",
                "pulse-days-range",
                &[("min", OPEN_DAYS.1.into()), ("max", OPEN_DAYS.2.into())],
            );
            OPEN_DAYS.0
        }
    };
    let mut statements = Vec::new();
    for field in STATEMENT_FIELDS {
        let s = Statement {
            ar: get(&format!("{field}_ar")),
            en: get(&format!("{field}_en")),
            lv: get(&format!("{field}_lv")),
        };
        if let Err(key) = s.check() {
            errors.key(field, key);
        }
        statements.push(s);
    }
    let plan = PulsePlan {
        rhythm,
        delivery,
        open_days,
        statements: statements.clone(),
        version: get("version").parse().unwrap_or(0),
    };
    if !errors.is_empty() {
        return Ok(w.render_invalid("pulse_plan.html", plan_form(&plan, &errors)));
    }
    let kept = PulsePlan {
        statements: statements.into_iter().filter(|s| !s.is_empty()).collect(),
        ..plan.clone()
    };
    match w
        .state
        .store
        .save_pulse_plan(w.user.org.id, plan.version, &kept, &w.user.by())
        .await
    {
        Ok(_) => Ok(redirect_with_flash("/admin/pulse", "flash-saved")),
        Err(rida_store::StoreError::Conflict) => {
            errors.key("version", "pulse-plan-conflict");
            let newer = w.state.store.pulse_plan(w.user.org.id).await?;
            let mut page = plan;
            page.version = newer.version;
            Ok(w.render_invalid("pulse_plan.html", plan_form(&page, &errors)))
        }
        Err(e) => Err(e.into()),
    }
}

/// The form's statements and scales, with what was chosen and why it was refused.
fn form(
    l: rida_domain::Locale,
    round: &PulseRound,
    fields: &[(String, String)],
    errors: &[(String, &'static str)],
) -> Value {
    let chosen = |name: &str| rida_domain::input::field(fields, name).map(String::from);
    let error = |name: &str| {
        errors
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, key)| crate::i18n::t(l, key))
    };
    context! {
        enps => context! { field => "enps", chosen => chosen("enps"), error => error("enps") },
        statements => view::statements(round, l).into_iter().enumerate().map(|(i, text)| {
            let field = format!("s{}", i + 1);
            context! { text => text, chosen => chosen(&field), error => error(&field), field => field }
        }).collect::<Vec<_>>(),
    }
}

/// The employee this account belongs to, if it may answer the pulse.
fn employee(w: &Web) -> Result<Uuid> {
    w.user.require(Action::AnswerPulse)?;
    w.user.actor.employee_id.ok_or(crate::Error::Forbidden)
}

/// What the station's pulse page shows: the form, or why there is none.
async fn station_state(w: &Web, now: i64) -> Result<(&'static str, Option<PulseRound>)> {
    let Some(round) = w.state.store.open_pulse(w.user.org.id, now).await? else {
        return Ok(("none", None));
    };
    let state = match w
        .state
        .store
        .pulse_part(round.id, w.user.user.user_id)
        .await?
    {
        Some(how) if how == rida_store::PULSE_MAILED => "mailed",
        Some(_) => "answered",
        None => "form",
    };
    Ok((state, Some(round)))
}

fn station_view(
    w: &Web,
    state: &str,
    round: Option<&PulseRound>,
    fields: &[(String, String)],
    errors: &[(String, &'static str)],
) -> Value {
    let l = w.locale();
    context! {
        state => state,
        form => round.map(|r| form(l, r, fields, errors)),
        closes => round.map(|r| r.closes_at),
    }
}

/// The pulse's card on the station: the open round's invitation (or that it was
/// answered), and the organisation's figures of the last round.
pub(super) async fn station_card(w: &Web) -> Result<Value> {
    let now = rida_store::now_ms();
    let (state, round) = if w.user.may(Action::AnswerPulse) {
        station_state(w, now).await?
    } else {
        ("none", None)
    };
    let summary = view::summary(&w.state, &w.user, now).await?;
    Ok(context! {
        state => state,
        open => round.is_some(),
        min => w.user.org.thresholds().min_shown,
        summary => summary.map(|(key, statements, figures)| context! { key => key, statements => statements, figures => figures }),
    })
}

async fn station_page(w: Web) -> Result<Response> {
    employee(&w)?;
    let (state, round) = station_state(&w, rida_store::now_ms()).await?;
    Ok(w.render(
        "station_pulse.html",
        station_view(&w, state, round.as_ref(), &[], &[]),
    ))
}

async fn station_answer(w: Web, CsrfForm(f): CsrfForm<Vec<(String, String)>>) -> Result<Response> {
    let me = employee(&w)?;
    let now = rida_store::now_ms();
    let (state, round) = station_state(&w, now).await?;
    let Some(round) = round.filter(|_| state == "form") else {
        return Ok(w.ctx().render_status(
            StatusCode::CONFLICT,
            "station_pulse.html",
            station_view(&w, state, None, &[], &[]),
        ));
    };
    let answer = match PulseAnswer::read(&f, round.statements.len()) {
        Ok(a) => a,
        Err(errors) => {
            return Ok(w.render_invalid(
                "station_pulse.html",
                station_view(&w, "form", Some(&round), &f, &errors),
            ));
        }
    };
    let site = w.state.store.pulse_site(me).await?;
    let outcome = w
        .state
        .store
        .answer_pulse(&round, w.user.user.user_id, site, &answer, now)
        .await?;
    let state = match outcome {
        PulseOutcome::Counted => return Ok(redirect_with_flash("/station", "flash-pulse-thanks")),
        PulseOutcome::SentByMail => "mailed",
        PulseOutcome::Closed | PulseOutcome::Unknown => "none",
        PulseOutcome::AlreadyAnswered => "answered",
    };
    Ok(w.ctx().render_status(
        StatusCode::CONFLICT,
        "station_pulse.html",
        station_view(&w, state, None, &[], &[]),
    ))
}

/// The round of an e-mailed link's code, and whether the link was used.
async fn find_link(state: &AppState, code: &str) -> Result<Option<(PulseRound, bool)>> {
    if !web::is_code(code) {
        return Ok(None);
    }
    let key = state.contact_key.link_key(code);
    Ok(state.store.pulse_link(&key).await?)
}

/// Renders the link's page: its state, the organisation's name, the form.
async fn link_view(
    state: &AppState,
    ctx: &PageCtx<'_>,
    status: StatusCode,
    page_state: &str,
    round: Option<&PulseRound>,
    fields: &[(String, String)],
    errors: &[(String, &'static str)],
) -> Result<Response> {
    let org = match round {
        Some(r) => Some(state.store.organisation(r.org_id).await?.name),
        None => None,
    };
    let l = ctx.locale();
    Ok(ctx.render_status(
        status,
        "pulse_link.html",
        context! {
            state => page_state,
            org => org,
            form => round.filter(|_| page_state == "form").map(|r| form(l, r, fields, errors)),
        },
    ))
}

async fn link_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    axum::Extension(seed): axum::Extension<CsrfSeed>,
) -> Result<Response> {
    let ctx = PageCtx::anonymous(&state, &headers, &seed, "/p");
    let now = rida_store::now_ms();
    let (status, page_state, round) = match find_link(&state, &code).await? {
        None => (StatusCode::NOT_FOUND, "unknown", None),
        Some((_, true)) => (StatusCode::OK, "used", None),
        Some((r, _)) if !r.is_open(now) => (StatusCode::OK, "closed", None),
        Some((r, _)) => (StatusCode::OK, "form", Some(r)),
    };
    link_view(&state, &ctx, status, page_state, round.as_ref(), &[], &[]).await
}

async fn link_answer(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    axum::Extension(seed): axum::Extension<CsrfSeed>,
    CsrfForm(f): CsrfForm<Vec<(String, String)>>,
) -> Result<Response> {
    let ctx = PageCtx::anonymous(&state, &headers, &seed, "/p");
    let Some((round, _)) = find_link(&state, &code).await? else {
        return link_view(
            &state,
            &ctx,
            StatusCode::NOT_FOUND,
            "unknown",
            None,
            &[],
            &[],
        )
        .await;
    };
    let answer = match PulseAnswer::read(&f, round.statements.len()) {
        Ok(a) => a,
        Err(errors) => {
            return link_view(
                &state,
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                "form",
                Some(&round),
                &f,
                &errors,
            )
            .await;
        }
    };
    let key = state.contact_key.link_key(&code);
    let (status, page_state) = match state
        .store
        .answer_pulse_link(&key, &answer, rida_store::now_ms())
        .await?
    {
        PulseOutcome::Counted => (StatusCode::OK, "thanks"),
        PulseOutcome::AlreadyAnswered | PulseOutcome::SentByMail => (StatusCode::CONFLICT, "used"),
        PulseOutcome::Closed => (StatusCode::CONFLICT, "closed"),
        PulseOutcome::Unknown => (StatusCode::NOT_FOUND, "unknown"),
    };
    link_view(&state, &ctx, status, page_state, Some(&round), &[], &[]).await
}
