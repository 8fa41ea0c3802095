//! Which surveys follow visits (`/admin/survey-rules`): per organisation, site and
//! service, the channel, the delay after the visit, quiet hours, how often one customer
//! may be asked, the share of visits surveyed, the survey and its language. The most
//! specific rule wins (site and service, then service, then site, then the default).

use axum::{
    Router,
    extract::Path,
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{
    Action, Locale,
    dispatch::{Quiet, Rule, SurveyChannel, parse_time_of_day, time_of_day},
};
use rida_store::{ListQuery, Localized};
use serde::Deserialize;
use uuid::Uuid;

use super::{FormErrors, Web, form_id, parse_id, redirect_with_flash};
use crate::{analytics::names::Names, auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/survey-rules", get(list).post(create))
        .route("/admin/survey-rules/new", get(new))
        .route("/admin/survey-rules/{id}", get(edit).post(update))
        .route("/admin/survey-rules/{id}/delete", post(delete))
}

/// The rule form as typed.
#[derive(Deserialize, Default, Clone)]
struct RuleForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    delay_minutes: String,
    #[serde(default)]
    quiet_from: String,
    #[serde(default)]
    quiet_to: String,
    #[serde(default)]
    cap_days: String,
    #[serde(default)]
    sample_percent: String,
    #[serde(default)]
    survey: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    expiry_hours: String,
    #[serde(default)]
    with_link: Option<String>,
}

impl RuleForm {
    fn of(r: &Rule) -> RuleForm {
        let id = |v: Option<Uuid>| v.map(|v| v.to_string()).unwrap_or_default();
        RuleForm {
            form_id: r.id.to_string(),
            site: id(r.site_id),
            service: id(r.service_id),
            channel: r.channel.as_str().into(),
            delay_minutes: r.delay_minutes.to_string(),
            quiet_from: r.quiet.map(|q| time_of_day(q.from)).unwrap_or_default(),
            quiet_to: r.quiet.map(|q| time_of_day(q.to)).unwrap_or_default(),
            cap_days: r.cap_days.to_string(),
            sample_percent: r.sample_percent.to_string(),
            survey: id(r.survey_id),
            lang: r.lang.clone().unwrap_or_default(),
            expiry_hours: r.expiry_hours.to_string(),
            with_link: r.with_link.then(|| "on".into()),
        }
    }

    /// A new rule's form: SMS 15 minutes after the visit, never at night, at most one
    /// survey a month per customer, every visit, answers taken for a day.
    fn fresh() -> RuleForm {
        RuleForm {
            channel: "sms".into(),
            delay_minutes: "15".into(),
            quiet_from: "21:00".into(),
            quiet_to: "09:00".into(),
            cap_days: "30".into(),
            sample_percent: "100".into(),
            expiry_hours: "24".into(),
            ..RuleForm::default()
        }
    }
}

/// A whole number in `range`, or an error next to `field`.
fn number(
    errors: &mut FormErrors,
    field: &'static str,
    raw: &str,
    range: std::ops::RangeInclusive<u32>,
) -> u32 {
    match raw.trim().parse::<u32>() {
        Ok(n) if range.contains(&n) => n,
        _ => {
            errors.key(field, &format!("error-rule-{}", field.replace('_', "-")));
            0
        }
    }
}

/// Checks the form: known channel and language, numbers in their ranges, quiet hours
/// both given or both empty.
fn rule_of(f: &RuleForm, errors: &mut FormErrors) -> Option<Rule> {
    let opt_id = |s: &str| Uuid::parse_str(s.trim()).ok();
    let channel = SurveyChannel::parse(f.channel.trim());
    if channel.is_none() {
        errors.key("channel", "error-invalid");
    }
    let quiet = match (f.quiet_from.trim(), f.quiet_to.trim()) {
        ("", "") => None,
        (a, b) => match (parse_time_of_day(a), parse_time_of_day(b)) {
            (Some(from), Some(to)) if from != to => Some(Quiet { from, to }),
            _ => {
                errors.key("quiet", "error-rule-quiet");
                None
            }
        },
    };
    let lang = match f.lang.trim() {
        "" => None,
        l => match Locale::parse(l) {
            Some(l) => Some(l.tag().to_string()),
            None => {
                errors.key("lang", "error-invalid");
                None
            }
        },
    };
    let rule = Rule {
        id: form_id(&f.form_id),
        site_id: opt_id(&f.site),
        service_id: opt_id(&f.service),
        channel: channel.unwrap_or(SurveyChannel::None),
        delay_minutes: number(errors, "delay_minutes", &f.delay_minutes, 0..=10_080),
        quiet,
        cap_days: number(errors, "cap_days", &f.cap_days, 0..=365),
        sample_percent: number(errors, "sample_percent", &f.sample_percent, 1..=100) as u8,
        survey_id: opt_id(&f.survey),
        lang,
        expiry_hours: number(errors, "expiry_hours", &f.expiry_hours, 1..=720),
        with_link: f.with_link.is_some(),
    };
    errors.is_empty().then_some(rule)
}

async fn list(w: Web) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let org = w.user.org.id;
    let rules = w.state.store.survey_rules(org).await?;
    let names = Names::load(&w.state.store, org, w.locale()).await?;
    let surveys = w
        .state
        .store
        .list_surveys(org, &ListQuery::all())
        .await?
        .items
        .localized(w.locale());
    let survey_name = |id: Option<Uuid>| {
        id.and_then(|id| surveys.iter().find(|s| s.id == id).map(|s| s.name.clone()))
    };
    let rows: Vec<minijinja::Value> = rules
        .iter()
        .map(|r| {
            context! {
                r => r,
                site => r.site_id.and_then(|s| names.sites.get(&s).cloned()),
                service => r.service_id.and_then(|s| names.services.get(&s).cloned()),
                survey => survey_name(r.survey_id),
                quiet => r.quiet.map(|q| format!("{}–{}", time_of_day(q.from), time_of_day(q.to))),
                channel => r.channel.as_str(),
            }
        })
        .collect();
    Ok(w.render(
        "survey_rules.html",
        context! { rules => rows, waiting => crate::messaging::waiting_channels(&w.state, org).await? },
    ))
}

async fn form_page(
    w: &Web,
    id: Option<Uuid>,
    f: &RuleForm,
    errors: &FormErrors,
) -> Result<Response> {
    let org = w.user.org.id;
    let mut form = f.clone();
    if form.form_id.is_empty() {
        form.form_id = rida_domain::new_id().to_string();
    }
    let page = context! {
        id => id,
        form => context! {
            form_id => form.form_id, site => form.site, service => form.service, channel => form.channel,
            delay_minutes => form.delay_minutes, quiet_from => form.quiet_from, quiet_to => form.quiet_to,
            cap_days => form.cap_days, sample_percent => form.sample_percent, survey => form.survey,
            lang => form.lang, expiry_hours => form.expiry_hours, with_link => form.with_link.is_some(),
        },
        errors => errors.value(),
        sites => w.state.store.list_sites(org, &ListQuery::all(), None).await?.items.localized(w.locale()),
        services => w.state.store.list_services(org, &ListQuery::all()).await?.items.localized(w.locale()),
        surveys => w.state.store.list_surveys(org, &ListQuery::all()).await?.items.localized(w.locale()),
        channels => SurveyChannel::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        locales => Locale::ALL.iter().map(|l| context! { tag => l.tag(), name => l.native_name() }).collect::<Vec<_>>(),
    };
    Ok(if errors.is_empty() {
        w.render("survey_rule_form.html", page)
    } else {
        w.render_invalid("survey_rule_form.html", page)
    })
}

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    form_page(&w, None, &RuleForm::fresh(), &FormErrors::new(w.locale())).await
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let id = parse_id(&id)?;
    let rules = w.state.store.survey_rules(w.user.org.id).await?;
    let r = rules
        .iter()
        .find(|r| r.id == id)
        .ok_or(crate::Error::NotFound)?;
    form_page(&w, Some(id), &RuleForm::of(r), &FormErrors::new(w.locale())).await
}

async fn create(w: Web, CsrfForm(f): CsrfForm<RuleForm>) -> Result<Response> {
    save(w, None, f).await
}

async fn update(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(mut f): CsrfForm<RuleForm>,
) -> Result<Response> {
    let id = parse_id(&id)?;
    f.form_id = id.to_string();
    save(w, Some(id), f).await
}

async fn save(w: Web, id: Option<Uuid>, f: RuleForm) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let mut errors = FormErrors::new(w.locale());
    if let Some(rule) = rule_of(&f, &mut errors) {
        match w
            .state
            .store
            .save_survey_rule(w.user.org.id, &rule, &w.user.by())
            .await
        {
            Ok(()) => return Ok(redirect_with_flash("/admin/survey-rules", "flash-saved")),
            Err(rida_store::StoreError::Conflict) => errors.key("site", "error-rule-exists"),
            Err(rida_store::StoreError::NotFound) => errors.key("site", "error-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    form_page(&w, id, &f, &errors).await
}

async fn delete(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageSurveyDispatch)?;
    let id = parse_id(&id)?;
    w.state
        .store
        .delete_survey_rule(w.user.org.id, id, &w.user.by())
        .await?;
    Ok(redirect_with_flash("/admin/survey-rules", "flash-deleted"))
}
