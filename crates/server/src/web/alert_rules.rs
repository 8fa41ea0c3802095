//! Alert rules (`/admin/alert-rules`, the head's): what raises an alert (a low score,
//! several in a short time, more low answers than usual, a weekly metric under a
//! threshold, a terminal's lowest scores jumping), where, per what scope, to whom, and
//! by when it must be closed. A threshold that can never be crossed is refused.

use axum::{
    Router,
    extract::Path,
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{Action, Role, metrics::Metric, names};
use rida_store::{AlertRuleInput, ListQuery, Localized};
use serde::Deserialize;
use uuid::Uuid;

use super::{FormErrors, NameFields, Web, form_id, parse_id, redirect_with_flash};
use crate::{analytics::dashboard::Names, auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/alert-rules", get(rules).post(save_rule))
        .route("/admin/alert-rules/new", get(new_rule))
        .route("/admin/alert-rules/{id}", get(edit_rule).post(save_rule_id))
        .route("/admin/alert-rules/{id}/active", post(rule_active))
}

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
    /// A theme rule's theme (a key of Rida's themes).
    #[serde(default)]
    theme: String,
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
    let themes = w.state.store.themes(org).await?;
    let page = context! {
        id => id,
        form => context! {
            form_id => if f.form_id.is_empty() { rida_domain::new_id().to_string() } else { f.form_id.clone() },
            name => f.name.clone(), kind => f.kind.clone(), site => f.site.clone(), service => f.service.clone(),
            metric => f.metric.clone(), theme => f.theme.clone(), threshold => f.threshold.clone(), min_answers => f.min_answers.clone(),
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
        themes => themes.themes.iter().filter(|t| t.enabled)
            .map(|t| context! { key => t.key, name => crate::analytics::themes::theme_name(&themes, &t.key, w.locale()) })
            .collect::<Vec<_>>(),
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
        metric: r
            .metric
            .clone()
            .filter(|_| r.kind != "theme")
            .unwrap_or_default(),
        theme: r
            .metric
            .clone()
            .filter(|_| r.kind == "theme")
            .unwrap_or_default(),
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
fn rule_input(
    f: &RuleForm,
    themes: &rida_store::ThemeSet,
    errors: &mut FormErrors,
) -> Option<AlertRuleInput> {
    let name = errors.check("name", names::display_name(&f.name, 120));
    let local = f.names.check(errors, 120);
    let kind = match f.kind.as_str() {
        k @ ("low_score" | "low_rate" | "low_share" | "metric_below" | "terminal_jump"
        | "theme") => Some(k.to_string()),
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
    if kind.as_deref() == Some("theme") {
        // One of the organisation's themes in use: Rida's or its own.
        match themes
            .themes
            .iter()
            .find(|t| t.enabled && t.key == f.theme.trim())
        {
            Some(t) => metric = Some(t.key.clone()),
            None => errors.key("theme", "error-alert-theme"),
        }
        match f.min_answers.trim().parse::<i32>() {
            Ok(n) if (1..=1_000).contains(&n) => min_answers = n,
            _ => errors.key("min_answers", "error-alert-theme-count"),
        }
        match f.window_minutes.trim().parse::<i32>() {
            Ok(n) if (5..=10_080).contains(&n) => window = n,
            _ => errors.key("window_minutes", "error-alert-theme-window"),
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
    let themes = w.state.store.themes(w.user.org.id).await?;
    if let Some(input) = rule_input(&f, &themes, &mut errors) {
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
