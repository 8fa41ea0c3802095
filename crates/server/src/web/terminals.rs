//! Terminals in the admin area: register one, pair a device with a short code, change
//! it remotely (survey, mode, languages, maintenance screen, lock, reload, unpair), and
//! see every terminal's live status.

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::{Value, context};
use rida_domain::{
    Action, Locale, names,
    terminal::{self, Kind, Mode, State},
};
use rida_store::{Deactivatable, ListQuery, Localized, StoreError, Terminal, TerminalInput};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    ActiveForm, Empty, FormErrors, ListParams, Web, created, form_id, parse_id,
    redirect_with_flash, saved, toggle_active,
};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/terminals", get(list).post(save))
        .route("/admin/terminals/new", get(new))
        .route("/admin/terminals/{id}", get(edit).post(save))
        .route("/admin/terminals/{id}/pair", post(pairing_code))
        .route("/admin/terminals/{id}/unpair", post(unpair))
        .route("/admin/terminals/{id}/state", post(set_state))
        .route("/admin/terminals/{id}/reload", post(reload))
        .route("/admin/terminals/{id}/active", post(set_active))
}

/// What the pages show of a terminal's live status.
pub fn status(t: &Terminal, now: i64) -> Value {
    context! {
        id => t.id, name => t.name, site_name => t.site_name, region_name => t.region_name,
        mode => t.mode, kind => t.kind, state => t.state, survey_name => t.survey_name, employee_name => t.employee_name,
        paired => t.paired, online => t.online(now), active => t.active,
        last_seen_at => t.last_seen_at, last_answer_at => t.last_answer_at,
        app_version => t.app_version, queued => t.queued,
        battery => t.battery.map(|b| (b * 100.0).round() as i64),
    }
}

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ViewTerminals)?;
    let within = w.user.site_filter();
    let page = w
        .state
        .store
        .list_terminals(w.user.org.id, within.as_deref(), &p.query())
        .await?
        .localized(w.locale());
    let now = rida_store::now_ms();
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|t| {
            context! {
                can_manage => w.user.may(Action::ManageTerminals { site: Some(t.site_id) }),
                ..status(t, now)
            }
        })
        .collect();
    Ok(w.render(
        "terminals.html",
        context! { items => items, pager => p.pager(page.total), can_create => w.user.may(Action::RegisterTerminals) },
    ))
}

#[derive(Deserialize, Default)]
struct TerminalForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    site_id: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    service_id: String,
    #[serde(default)]
    employee_id: String,
    #[serde(default)]
    survey_id: String,
    #[serde(default)]
    locales: Vec<String>,
    #[serde(default)]
    default_locale: String,
    #[serde(default)]
    show_staff: Option<String>,
    #[serde(default)]
    kind: String,
}

impl TerminalForm {
    fn of(t: &Terminal) -> TerminalForm {
        let locales = t.locale_list();
        TerminalForm {
            form_id: String::new(),
            name: t.name.clone(),
            site_id: t.site_id.to_string(),
            mode: t.mode.clone(),
            service_id: t.service_id.map(|x| x.to_string()).unwrap_or_default(),
            employee_id: t.employee_id.map(|x| x.to_string()).unwrap_or_default(),
            survey_id: t.survey_id.map(|x| x.to_string()).unwrap_or_default(),
            default_locale: locales.first().map(|l| l.tag()).unwrap_or("en").into(),
            locales: locales.iter().map(|l| l.tag().to_string()).collect(),
            show_staff: t.show_staff.then(|| "1".into()),
            kind: t.kind.clone(),
        }
    }
}

/// The address a device opens to become a terminal, as this page was reached.
fn kiosk_url(w: &Web) -> String {
    let host = w
        .headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:8080");
    let scheme = if w.state.settings.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}/kiosk")
}

fn opt_id(s: &str) -> Option<Uuid> {
    Uuid::parse_str(s.trim()).ok()
}

async fn form_page(
    w: &Web,
    t: Option<&Terminal>,
    f: &TerminalForm,
    errors: &FormErrors,
) -> Result<Value> {
    let org = w.user.org.id;
    let all = ListQuery::all();
    let sites = w.sites_in_reach().await?;
    let services = w
        .state
        .store
        .list_services(org, &all)
        .await?
        .items
        .localized(w.locale());
    let employees = w.state.store.list_employees(org, &all, None).await?.items;
    let surveys = w
        .state
        .store
        .list_surveys(org, &all)
        .await?
        .items
        .localized(w.locale());
    let now = rida_store::now_ms();
    let pairing = t.and_then(|t| {
        t.pairing_code
            .as_ref()
            .zip(t.pairing_expires_at)
            .filter(|(_, exp)| *exp > now)
            .map(|(code, exp)| {
                context! { code => format!("{}-{}", &code[..4], &code[4..]), expires_at => exp }
            })
    });
    Ok(context! {
        id => t.map(|t| t.id),
        terminal => t.map(|t| status(t, now)),
        pairing => pairing,
        kiosk_url => kiosk_url(w),
        form => context! {
            name => f.name, site_id => f.site_id, mode => if f.mode.is_empty() { "single" } else { f.mode.as_str() },
            service_id => f.service_id, employee_id => f.employee_id, survey_id => f.survey_id,
            locales => f.locales, default_locale => f.default_locale, show_staff => f.show_staff.is_some(),
            kind => if f.kind.is_empty() { "kiosk" } else { f.kind.as_str() },
        },
        kinds => Kind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        sites => sites.iter().map(|s| context! { id => s.id.to_string(), name => s.name }).collect::<Vec<_>>(),
        services => services.iter().map(|s| context! { id => s.id.to_string(), name => s.name }).collect::<Vec<_>>(),
        employees => employees.iter().map(|e| context! { id => e.id.to_string(), name => e.name, desk => e.desk }).collect::<Vec<_>>(),
        surveys => surveys.iter().filter(|s| s.active).map(|s| context! { id => s.id.to_string(), name => s.name }).collect::<Vec<_>>(),
        modes => Mode::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        states => State::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        all_locales => Locale::ALL.iter().map(|l| context! { tag => l.tag(), name => l.native_name() }).collect::<Vec<_>>(),
        errors => errors.value(),
    })
}

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::RegisterTerminals)?;
    let f = TerminalForm {
        locales: vec!["ar".into(), "en".into(), "lv".into()],
        default_locale: w.user.org.default_locale.clone(),
        ..Default::default()
    };
    let page = form_page(&w, None, &f, &FormErrors::new(w.locale())).await?;
    Ok(w.render("terminal_form.html", page))
}

async fn load(w: &Web, id: &str) -> Result<Terminal> {
    let t = w.state.store.terminal(w.user.org.id, parse_id(id)?).await?;
    w.user.require(Action::ManageTerminals {
        site: Some(t.site_id),
    })?;
    Ok(t)
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    let t = load(&w, &id).await?;
    let page = form_page(
        &w,
        Some(&t),
        &TerminalForm::of(&t),
        &FormErrors::new(w.locale()),
    )
    .await?;
    Ok(w.render("terminal_form.html", page))
}

/// Checks the form; the default language comes first in the list.
fn parse(f: &TerminalForm, errors: &mut FormErrors) -> Option<TerminalInput> {
    let name = errors.check("name", names::display_name(&f.name, 120));
    let site_id = opt_id(&f.site_id);
    if site_id.is_none() {
        errors.key("site_id", "error-required");
    }
    let mode = Mode::parse(&f.mode).unwrap_or_default();
    let kind = Kind::parse(&f.kind).unwrap_or_default();
    if kind == Kind::Station && opt_id(&f.employee_id).is_none() {
        errors.key("employee_id", "terminal-error-station-needs-employee");
    }
    let mut locales: Vec<Locale> = f.locales.iter().filter_map(|l| Locale::parse(l)).collect();
    locales.dedup();
    if locales.is_empty() {
        errors.key("locales", "terminal-error-no-language");
    }
    if let Some(d) = Locale::parse(&f.default_locale)
        && let Some(p) = locales.iter().position(|l| *l == d)
    {
        let d = locales.remove(p);
        locales.insert(0, d);
    }
    let survey_id = opt_id(&f.survey_id);
    if survey_id.is_none() && kind == Kind::Kiosk {
        errors.key("survey_id", "error-required");
    }
    Some(TerminalInput {
        name: name?,
        site_id: site_id?,
        mode,
        kind,
        service_id: opt_id(&f.service_id),
        employee_id: opt_id(&f.employee_id),
        survey_id,
        locales,
        show_staff: f.show_staff.is_some(),
    })
    .filter(|_| errors.is_empty())
}

/// Creates (`POST /admin/terminals`) or saves (`POST /admin/terminals/{id}`) from the form.
async fn save(
    w: Web,
    id: Option<Path<String>>,
    CsrfForm(f): CsrfForm<TerminalForm>,
) -> Result<Response> {
    let existing = match id {
        Some(Path(id)) => Some(load(&w, &id).await?),
        None => None,
    };
    w.user.require(Action::RegisterTerminals)?;
    let mut errors = FormErrors::new(w.locale());
    if let Some(input) = parse(&f, &mut errors) {
        // The site it goes to must be within reach too.
        w.user.require(Action::ManageTerminals {
            site: Some(input.site_id),
        })?;
        let org = w.user.org.id;
        let by = w.user.by();
        let r = match &existing {
            Some(t) => w.state.store.update_terminal(org, t.id, &input, &by).await,
            None => {
                let new = form_id(&f.form_id);
                let r = created(
                    w.state.store.create_terminal(org, new, &input, &by).await,
                    w.state.store.terminal(org, new),
                )
                .await;
                if r.is_ok() {
                    return Ok(redirect_with_flash(
                        &format!("/admin/terminals/{new}"),
                        "flash-terminal-created",
                    ));
                }
                r
            }
        };
        if let Some(done) = saved(
            r,
            &mut errors,
            "/admin/terminals",
            ("name", "error-name-taken"),
            Some(("site_id", "terminal-error-gone")),
        )? {
            return Ok(done);
        }
    }
    let page = form_page(&w, existing.as_ref(), &f, &errors).await?;
    Ok(w.render_invalid("terminal_form.html", page))
}

/// Shows a fresh pairing code on the terminal's page.
async fn pairing_code(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    let t = load(&w, &id).await?;
    let expires = rida_store::now_ms() + terminal::PAIRING_CODE_MINUTES * 60_000;
    // Codes are unique among terminals; on the rare clash draw another.
    for _ in 0..5 {
        let code = terminal::pairing_code(&rand::random());
        match w
            .state
            .store
            .set_pairing_code(w.user.org.id, t.id, &code, expires, &w.user.by())
            .await
        {
            Err(StoreError::Conflict) => continue,
            other => {
                other?;
                break;
            }
        }
    }
    Ok(redirect_with_flash(
        &format!("/admin/terminals/{}#pairing", t.id),
        "flash-pairing-code",
    ))
}

/// A remote action on one terminal.
enum Remote {
    Unpair,
    Reload,
    Show(State),
}

/// Applies a remote action to a terminal the user may control (audited by the store),
/// then back to the terminal's page.
async fn remote(w: &Web, id: &str, action: Remote) -> Result<Response> {
    let t = load(w, id).await?;
    let (store, org, by) = (&w.state.store, w.user.org.id, w.user.by());
    let flash = match action {
        Remote::Unpair => {
            store.unpair_terminal(org, t.id, &by).await?;
            "flash-terminal-unpaired"
        }
        Remote::Reload => {
            store.reload_terminal(org, t.id, &by).await?;
            "flash-terminal-sent"
        }
        Remote::Show(state) => {
            store.set_terminal_state(org, t.id, state, &by).await?;
            "flash-terminal-sent"
        }
    };
    Ok(redirect_with_flash(
        &format!("/admin/terminals/{}", t.id),
        flash,
    ))
}

async fn unpair(w: Web, Path(id): Path<String>, CsrfForm(_): CsrfForm<Empty>) -> Result<Response> {
    remote(&w, &id, Remote::Unpair).await
}

async fn reload(w: Web, Path(id): Path<String>, CsrfForm(_): CsrfForm<Empty>) -> Result<Response> {
    remote(&w, &id, Remote::Reload).await
}

#[derive(Deserialize)]
struct StateForm {
    #[serde(default)]
    state: String,
}

async fn set_state(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<StateForm>,
) -> Result<Response> {
    let state = State::parse(&f.state).ok_or(crate::Error::BadRequest {
        code: "bad-state",
        detail: "unknown terminal state".into(),
    })?;
    remote(&w, &id, Remote::Show(state)).await
}

async fn set_active(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ActiveForm>,
) -> Result<Response> {
    let t = load(&w, &id).await?;
    toggle_active(&w, Deactivatable::Terminal, t.id, f, "/admin/terminals").await
}
