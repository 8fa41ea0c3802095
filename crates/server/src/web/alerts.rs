//! Alerts and the closed loop (`/admin/alerts`): the open and closed alerts a user may
//! see, each followed up on its page (acknowledge, assign, note, close with a resolution,
//! reopen) with the answers it gathered and its figure, and the time to close as a
//! figure. The rules that raise them are in `alert_rules`.

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::get,
};
use minijinja::context;
use rida_domain::{
    Action, Role, names,
    policy::{may_handle_alert, may_see_alert},
};
use rida_store::{Alert, ListQuery, Localized};
use serde::Deserialize;
use uuid::Uuid;

use super::{FormErrors, Web, form_id, parse_id, redirect_with_flash};
use crate::{
    analytics::{alert_figure, dashboard::Names},
    auth::CsrfForm,
    error::Result,
    state::AppState,
};

/// Alerts listed at most.
const SHOWN: i64 = 500;
/// Answers listed on an alert's page (the rest are in its results).
const ANSWERS_SHOWN: i64 = 200;
/// The window of the time-to-close figure.
const CLOSE_WINDOW_DAYS: i64 = 30;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/alerts", get(list))
        .route("/admin/alerts/{id}", get(show).post(follow_up))
        .merge(super::alert_rules::router())
}

#[derive(Deserialize, Default)]
struct ListFilter {
    #[serde(default)]
    status: String,
}

/// An alert with the names a page shows; the employee only to who may see employees.
fn view(w: &Web, a: &Alert, names: &Names) -> minijinja::Value {
    let name = |m: &std::collections::HashMap<Uuid, String>, id: Option<Uuid>| {
        id.and_then(|i| m.get(&i).cloned())
    };
    let see_employee = w.user.may(Action::ViewEmployeeResults { site: a.site_id });
    context! {
        a => a.clone().localized(w.locale()),
        region => names.region_name(a.rule_region),
        site => name(&names.sites, a.site_id),
        service => name(&names.services, a.service_id),
        employee => if see_employee { name(&names.employees, a.employee_id) } else { None },
        terminal => names.terminal_of_alert(&a.key),
        theme => a.metric.as_ref().filter(|_| a.kind == "theme").map(|k| names.themes.get(k).cloned().unwrap_or_else(|| k.clone())),
        may_handle => may_handle_alert(&w.user.actor, &w.user.org.policy(), a.site_id),
    }
}

fn visible(w: &Web, a: &Alert) -> bool {
    may_see_alert(&w.user.actor, &w.user.org.policy(), a.site_id)
}

/// The median and mean hours to close of the alerts closed in the window the user sees.
async fn close_times(w: &Web) -> Result<minijinja::Value> {
    let since = jiff::Timestamp::now().as_millisecond() - CLOSE_WINDOW_DAYS * 86_400_000;
    let mut hours: Vec<f64> = w
        .state
        .store
        .alert_close_times(w.user.org.id, since)
        .await?
        .into_iter()
        .filter(|(site, _)| may_see_alert(&w.user.actor, &w.user.org.policy(), *site))
        .map(|(_, ms)| ms as f64 / 3_600_000.0)
        .collect();
    hours.sort_by(f64::total_cmp);
    let n = hours.len();
    let median = (n > 0).then(|| {
        if n % 2 == 1 {
            hours[n / 2]
        } else {
            (hours[n / 2 - 1] + hours[n / 2]) / 2.0
        }
    });
    let mean = (n > 0).then(|| hours.iter().sum::<f64>() / n as f64);
    Ok(context! { n => n, median => median, mean => mean, days => CLOSE_WINDOW_DAYS })
}

async fn list(w: Web, Query(f): Query<ListFilter>) -> Result<Response> {
    w.user.require(Action::ViewAlerts { site: None })?;
    // "call_back": the alerts, open or closed, whose customers wait for a call back.
    let tab = match f.status.as_str() {
        s @ ("closed" | "all" | "call_back") => s,
        _ => "open",
    };
    let names = Names::load_with_terminals(&w.state.store, w.user.org.id, w.locale()).await?;
    let sites = w.user.site_filter();
    let store = &w.state.store;
    let asks = store.call_back_questions(w.user.org.id).await?;
    let alerts: Vec<Alert> = match tab {
        "call_back" => {
            store
                .call_back_worklist(w.user.org.id, &asks, sites.as_deref(), SHOWN)
                .await?
        }
        _ => {
            let status = (tab != "all").then_some(tab);
            store
                .list_alerts_at(w.user.org.id, status, sites.as_deref(), None, SHOWN)
                .await?
        }
    }
    .into_iter()
    .filter(|a| visible(&w, a))
    .collect();
    let ids: Vec<Uuid> = alerts.iter().map(|a| a.id).collect();
    // The worklist holds only alerts that wait: no need to ask again.
    let waiting = match tab {
        "call_back" => ids.iter().copied().collect(),
        _ => {
            store
                .alerts_awaiting_call_back(w.user.org.id, &ids, &asks)
                .await?
        }
    };
    let items: Vec<_> = alerts
        .iter()
        .map(|a| {
            context! { call_back => waiting.contains(&a.id), ..view(&w, a, &names) }
        })
        .collect();
    Ok(w.render(
        "alerts.html",
        context! {
            items => items,
            status => tab,
            close => close_times(&w).await?,
            may_rules => w.user.may(Action::ManageAlertRules),
        },
    ))
}

async fn load(w: &Web, id: &str) -> Result<Alert> {
    let a = w.state.store.alert(w.user.org.id, parse_id(id)?).await?;
    if !visible(w, &a) {
        return Err(crate::Error::Forbidden);
    }
    Ok(a)
}

/// The call backs an alert asks for: its customers who answered "yes" to a "may we
/// contact you?" question of a survey sent to them.
async fn call_backs_of(w: &Web, a: &Alert) -> Result<Vec<rida_store::CallBack>> {
    let asks = w.state.store.call_back_questions(w.user.org.id).await?;
    Ok(w.state
        .store
        .alert_call_backs(w.user.org.id, a.id, &asks)
        .await?)
}

async fn page(w: &Web, a: &Alert, errors: &FormErrors) -> Result<Response> {
    let names = Names::load_with_terminals(&w.state.store, w.user.org.id, w.locale()).await?;
    let notes = w.state.store.alert_notes(a.id).await?;
    // Whom it can be assigned to: users who may follow it up.
    let mut people = Vec::new();
    for u in w
        .state
        .store
        .list_users(w.user.org.id, &ListQuery::all())
        .await?
        .items
    {
        if matches!(u.role, Role::Head | Role::Manager)
            && let Some(cu) = crate::auth::CurrentUser::load(&w.state, u.id).await?
            && may_handle_alert(&cu.actor, &cu.org.policy(), a.site_id)
        {
            people.push(context! { id => u.id, name => u.display_name });
        }
    }
    let see_employees = w.user.may(Action::ViewEmployeeResults { site: a.site_id });
    // An alert of before alerts gathered answers: the words of its one visit.
    let texts = match (a.visit_id, a.employee_id) {
        // A comment about an employee is the employee's result: only for who sees those.
        (Some(v), e) if a.n <= 1 && (e.is_none() || see_employees) => {
            w.state.store.visit_texts(w.user.org.id, v).await?
        }
        _ => vec![],
    };
    let (gathered, words) = w
        .state
        .store
        .alert_answers(w.user.org.id, a.id, ANSWERS_SHOWN)
        .await?;
    let answers: Vec<_> = gathered
        .iter()
        .map(|x| {
            // Each answer's employee and words only for who sees that employee's results.
            let shown = x.employee_id.is_none() || see_employees;
            let mut said: Vec<&str> = Vec::new();
            if shown {
                said.extend(x.answer_text.as_deref());
                said.extend(
                    words
                        .iter()
                        .filter(|(v, _)| Some(*v) == x.visit_id)
                        .map(|(_, t)| t.as_str()),
                );
            }
            context! {
                at => x.received_at,
                score => x.score,
                scale => x.scale,
                service => x.service_id.and_then(|s| names.services.get(&s).cloned()),
                employee => if shown { x.employee_id.and_then(|e| names.employees.get(&e).cloned()) } else { None },
                texts => said,
            }
        })
        .collect();
    let figure = alert_figure::figure(
        &w.state.store,
        w.user.org.id,
        &alert_figure::About::of(a),
        names.region_sites(a.rule_region),
        see_employees,
    )
    .await?;
    let history = w.user.may(Action::ViewCustomer { site: a.site_id });
    let call_backs: Vec<_> = call_backs_of(w, a)
        .await?
        .into_iter()
        .map(|c| {
            context! {
                history => history.then(|| format!("/admin/customers/{}", c.customer_key)),
                customer => c.customer_key,
                asked_at => c.asked_at,
                done_at => c.called_back_at,
                by => c.called_back_by,
            }
        })
        .collect();
    Ok(w.render(
        "alert.html",
        context! {
            call_backs => call_backs,
            item => view(w, a, &names),
            notes => notes,
            people => people,
            texts => texts,
            answers => answers,
            more => (a.n as i64 - ANSWERS_SHOWN).max(0),
            figure => figure,
            errors => errors.value(),
            note_id => rida_domain::new_id(),
        },
    ))
}

async fn show(w: Web, Path(id): Path<String>) -> Result<Response> {
    let a = load(&w, &id).await?;
    page(&w, &a, &FormErrors::new(w.locale())).await
}

#[derive(Deserialize, Default)]
struct FollowUpForm {
    /// assign, note, close or reopen
    #[serde(default)]
    action: String,
    #[serde(default)]
    assignee: String,
    #[serde(default)]
    note_id: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    resolution: String,
    /// The customer called back (their key).
    #[serde(default)]
    customer: String,
}

async fn follow_up(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<FollowUpForm>,
) -> Result<Response> {
    let a = load(&w, &id).await?;
    if !may_handle_alert(&w.user.actor, &w.user.org.policy(), a.site_id) {
        return Err(crate::Error::Forbidden);
    }
    if f.action == "called_back" {
        let asked = call_backs_of(&w, &a).await?;
        if !asked.iter().any(|c| c.customer_key == f.customer) {
            return Err(crate::Error::BadRequest {
                code: "no-call-back",
                detail: "customer: this customer did not ask to be called back about this alert"
                    .into(),
            });
        }
        let note = crate::i18n::t(w.locale(), "callback-note");
        let done = w
            .state
            .store
            .call_back_done(
                w.user.org.id,
                (a.id, &f.customer),
                &note,
                &w.user.by(),
                rida_store::now_ms(),
            )
            .await?;
        return Ok(redirect_with_flash(
            &format!("/admin/alerts/{}", a.id),
            if done {
                "flash-called-back"
            } else {
                "flash-called-back-already"
            },
        ));
    }
    let mut errors = FormErrors::new(w.locale());
    let (mut assign, mut note, mut close) = (None, None, None);
    let text;
    match f.action.as_str() {
        "assign" => assign = Some(Uuid::parse_str(f.assignee.trim()).ok()),
        "note" => {
            text = errors.check("note", names::display_name(&f.note, 4000));
            if let Some(t) = &text {
                note = Some((form_id(&f.note_id), t.as_str()));
            }
        }
        "close" => {
            text = errors.check("resolution", names::display_name(&f.resolution, 4000));
            if let Some(t) = &text {
                close = Some(Some(t.as_str()));
            }
        }
        "reopen" => close = Some(None),
        // Nothing else: acknowledging is what every follow-up does.
        "acknowledge" => {}
        _ => errors.key("action", "error-invalid"),
    }
    if !errors.is_empty() {
        let mut res = page(&w, &a, &errors).await?;
        *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(res);
    }
    w.state
        .store
        .follow_up_alert(
            w.user.org.id,
            a.id,
            w.user.user.user_id,
            assign,
            note,
            close,
            &w.user.by(),
        )
        .await?;
    Ok(redirect_with_flash(
        &format!("/admin/alerts/{}", a.id),
        "flash-saved",
    ))
}
