//! Alerts and the closed loop (`/admin/alerts`): the open and closed alerts a user may
//! see, each followed up on its page (assign, note, close with a resolution, reopen), the
//! time to close as a figure, and the rules that raise them (the head's).

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{
    Action, Role,
    metrics::Metric,
    names,
    policy::{may_handle_alert, may_see_alert},
};
use rida_store::{Alert, AlertRuleInput, ListQuery, Localized};
use serde::Deserialize;
use uuid::Uuid;

use super::{FormErrors, NameFields, Web, form_id, parse_id, redirect_with_flash};
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
        .route("/admin/alert-rules", get(rules).post(save_rule))
        .route("/admin/alert-rules/new", get(new_rule))
        .route("/admin/alert-rules/{id}", get(edit_rule).post(save_rule_id))
        .route("/admin/alert-rules/{id}/active", post(rule_active))
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
    let status = match f.status.as_str() {
        "closed" => Some("closed"),
        "all" => None,
        _ => Some("open"),
    };
    let names = Names::load_with_terminals(&w.state.store, w.user.org.id, w.locale()).await?;
    let items: Vec<_> = w
        .state
        .store
        .list_alerts(w.user.org.id, status, SHOWN)
        .await?
        .iter()
        .filter(|a| visible(&w, a))
        .map(|a| view(&w, a, &names))
        .collect();
    Ok(w.render(
        "alerts.html",
        context! {
            items => items,
            status => status.unwrap_or("all"),
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
    Ok(w.render(
        "alert.html",
        context! {
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

// ---- rules ----

async fn rules(w: Web) -> Result<Response> {
    w.user.require(Action::ManageAlertRules)?;
    let names = Names::load_with_terminals(&w.state.store, w.user.org.id, w.locale()).await?;
    let items: Vec<_> = w
        .state
        .store
        .alert_rules(w.user.org.id)
        .await?
        .localized(w.locale())
        .into_iter()
        .map(|r| {
            context! {
                site => r.site_id.and_then(|s| names.sites.get(&s).cloned()),
                region => names.region_name(r.region_id),
                service => r.service_id.and_then(|s| names.services.get(&s).cloned()),
                roles => r.roles(),
                r => r,
            }
        })
        .collect();
    Ok(w.render("alert_rules.html", context! { items => items }))
}

#[derive(Deserialize, Default)]
struct RuleForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    metric: String,
    #[serde(default)]
    threshold: String,
    #[serde(default)]
    min_answers: String,
    #[serde(default)]
    notify: Vec<String>,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    window_minutes: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    deadline_hours: String,
    #[serde(flatten)]
    names: NameFields,
}

async fn rule_page(
    w: &Web,
    id: Option<Uuid>,
    f: &RuleForm,
    errors: &FormErrors,
) -> Result<Response> {
    let org = w.user.org.id;
    let page = context! {
        id => id,
        form => context! {
            form_id => if f.form_id.is_empty() { rida_domain::new_id().to_string() } else { f.form_id.clone() },
            name => f.name.clone(), kind => f.kind.clone(), site => f.site.clone(), service => f.service.clone(),
            metric => f.metric.clone(), threshold => f.threshold.clone(), min_answers => f.min_answers.clone(),
            notify => f.notify.clone(), scope => f.scope.clone(), region => f.region.clone(),
            window_minutes => f.window_minutes.clone(), person => f.person.clone(),
            deadline_hours => f.deadline_hours.clone(),
        },
        people => w.state.store.list_users(org, &ListQuery::all()).await?.items.into_iter()
            .filter(|u| u.active && matches!(u.role, Role::Head | Role::Manager | Role::Analyst))
            .map(|u| context! { id => u.id, name => u.display_name })
            .collect::<Vec<_>>(),
        regions => w.state.store.list_regions(org, &ListQuery::all()).await?.items.localized(w.locale()),
        names => f.names.value(),
        errors => errors.value(),
        sites => w.state.store.list_sites(org, &ListQuery::all(), None).await?.items.localized(w.locale()),
        services => w.state.store.list_services(org, &ListQuery::all()).await?.items.localized(w.locale()),
        metrics => Metric::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        roles => [Role::Head, Role::Manager, Role::Analyst].iter().map(|r| r.as_str()).collect::<Vec<_>>(),
    };
    Ok(if errors.is_empty() {
        w.render("alert_rule_form.html", page)
    } else {
        w.render_invalid("alert_rule_form.html", page)
    })
}

async fn new_rule(w: Web) -> Result<Response> {
    w.user.require(Action::ManageAlertRules)?;
    let f = RuleForm {
        kind: "low_score".into(),
        min_answers: "10".into(),
        notify: vec!["manager".into()],
        scope: "site".into(),
        window_minutes: "60".into(),
        ..RuleForm::default()
    };
    rule_page(&w, None, &f, &FormErrors::new(w.locale())).await
}

async fn edit_rule(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageAlertRules)?;
    let r = w
        .state
        .store
        .alert_rule(w.user.org.id, parse_id(&id)?)
        .await?;
    let f = RuleForm {
        form_id: r.id.to_string(),
        name: r.name.clone(),
        kind: r.kind.clone(),
        site: r.site_id.map(|s| s.to_string()).unwrap_or_default(),
        service: r.service_id.map(|s| s.to_string()).unwrap_or_default(),
        metric: r.metric.clone().unwrap_or_default(),
        threshold: r.threshold.map(|t| t.to_string()).unwrap_or_default(),
        min_answers: r.min_answers.to_string(),
        notify: r.roles().iter().map(|s| s.to_string()).collect(),
        scope: r.scope.clone(),
        region: r.region_id.map(|s| s.to_string()).unwrap_or_default(),
        window_minutes: r.window_minutes.to_string(),
        person: r.notify_user.map(|s| s.to_string()).unwrap_or_default(),
        deadline_hours: r.deadline_hours.map(|h| h.to_string()).unwrap_or_default(),
        names: NameFields::of(&r.names),
    };
    rule_page(&w, Some(r.id), &f, &FormErrors::new(w.locale())).await
}

/// Checks the rule form: a name, a known kind; a metric, a threshold in its unit and a
/// number of answers for a metric rule; known roles.
fn rule_input(f: &RuleForm, errors: &mut FormErrors) -> Option<AlertRuleInput> {
    let name = errors.check("name", names::display_name(&f.name, 120));
    let local = f.names.check(errors, 120);
    let kind = match f.kind.as_str() {
        k @ ("low_score" | "low_rate" | "low_share" | "metric_below" | "terminal_jump") => {
            Some(k.to_string())
        }
        _ => {
            errors.key("kind", "error-invalid");
            None
        }
    };
    let (mut metric, mut threshold, mut min_answers, mut window) = (None, None, 10, 60);
    let scope = match f.scope.as_str() {
        s @ ("site" | "service" | "employee") => s.to_string(),
        "" => "site".to_string(),
        _ => {
            errors.key("scope", "error-invalid");
            String::new()
        }
    };
    if kind.as_deref() == Some("low_rate") {
        match f.min_answers.trim().parse::<i32>() {
            Ok(n) if (2..=1_000).contains(&n) => min_answers = n,
            _ => errors.key("min_answers", "error-alert-rate-count"),
        }
        match f.window_minutes.trim().parse::<i32>() {
            Ok(n) if (5..=1_440).contains(&n) => window = n,
            _ => errors.key("window_minutes", "error-alert-window"),
        }
    }
    if matches!(kind.as_deref(), Some("terminal_jump" | "low_share")) {
        match f.threshold.trim().replace(',', ".").parse::<f64>() {
            Ok(t) if t.is_finite() && (1.0..=100.0).contains(&t) => threshold = Some(t),
            _ => errors.key("threshold", "error-alert-jump"),
        }
        match f.min_answers.trim().parse::<i32>() {
            Ok(n) if (1..=100_000).contains(&n) => min_answers = n,
            _ => errors.key("min_answers", "error-invalid"),
        }
    }
    if kind.as_deref() == Some("metric_below") {
        let m = Metric::parse(&f.metric);
        match m {
            Some(m) => metric = Some(m.as_str().to_string()),
            None => errors.key("metric", "error-invalid"),
        }
        match f.threshold.trim().replace(',', ".").parse::<f64>() {
            Ok(t) if t.is_finite() && (-100.0..=100.0).contains(&t) => match m.map(reachable) {
                // A week is under the threshold only when the metric can be lower than it
                // (CSAT 0 % can never be under 0); a threshold over its highest value would
                // raise every week, whatever the customers say.
                Some((lo, hi)) if t <= lo || t > hi => {
                    errors.key_args(
                        "threshold",
                        "error-alert-unreachable",
                        &[("low", lo.into()), ("high", hi.into())],
                    );
                }
                _ => threshold = Some(t),
            },
            _ => errors.key("threshold", "error-alert-threshold"),
        }
        match f.min_answers.trim().parse::<i32>() {
            Ok(n) if (1..=100_000).contains(&n) => min_answers = n,
            _ => errors.key("min_answers", "error-invalid"),
        }
    }
    let deadline = match f.deadline_hours.trim() {
        "" => None,
        h => match h.parse::<i32>() {
            Ok(h) if (1..=24 * 14).contains(&h) => Some(h),
            _ => {
                errors.key("deadline_hours", "error-alert-deadline");
                None
            }
        },
    };
    let roles: Vec<String> = f
        .notify
        .iter()
        .filter(|r| matches!(r.as_str(), "head" | "manager" | "analyst"))
        .cloned()
        .collect();
    Some(AlertRuleInput {
        name: name?,
        names: local?,
        kind: kind?,
        site_id: Uuid::parse_str(f.site.trim()).ok(),
        service_id: Uuid::parse_str(f.service.trim()).ok(),
        metric,
        threshold,
        min_answers,
        notify_roles: roles,
        scope,
        region_id: Uuid::parse_str(f.region.trim()).ok(),
        window_minutes: window,
        notify_user: Uuid::parse_str(f.person.trim()).ok(),
        deadline_hours: deadline,
    })
    .filter(|_| errors.is_empty())
}

/// The lowest and highest value a metric can take, in its unit.
fn reachable(m: Metric) -> (f64, f64) {
    match m.unit() {
        rida_domain::metrics::Unit::Percent => (0.0, 100.0),
        rida_domain::metrics::Unit::Score => (-100.0, 100.0),
        rida_domain::metrics::Unit::Mean => {
            let (lo, hi) = m.scale().score_range().unwrap_or((1, 5));
            (f64::from(lo), f64::from(hi))
        }
    }
}

async fn save(w: Web, id: Option<Uuid>, f: RuleForm) -> Result<Response> {
    w.user.require(Action::ManageAlertRules)?;
    let mut errors = FormErrors::new(w.locale());
    if let Some(input) = rule_input(&f, &mut errors) {
        let (org, by) = (w.user.org.id, w.user.by());
        let r = match id {
            Some(id) => w.state.store.update_alert_rule(org, id, &input, &by).await,
            None => w
                .state
                .store
                .create_alert_rule(org, form_id(&f.form_id), &input, &by)
                .await
                .map(|_| ()),
        };
        match r {
            Ok(()) => return Ok(redirect_with_flash("/admin/alert-rules", "flash-saved")),
            Err(rida_store::StoreError::NotFound) => errors.key("site", "error-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    rule_page(&w, id, &f, &errors).await
}

async fn save_rule(w: Web, CsrfForm(f): CsrfForm<RuleForm>) -> Result<Response> {
    save(w, None, f).await
}

async fn save_rule_id(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<RuleForm>,
) -> Result<Response> {
    let id = parse_id(&id)?;
    save(w, Some(id), f).await
}

async fn rule_active(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<super::ActiveForm>,
) -> Result<Response> {
    w.user.require(Action::ManageAlertRules)?;
    let id = parse_id(&id)?;
    super::toggle_active(
        &w,
        rida_store::Deactivatable::AlertRule,
        id,
        f,
        "/admin/alert-rules",
    )
    .await
}
