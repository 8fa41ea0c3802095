//! How a public survey page looks: the organisation, the site (and the service or
//! employee rated), every question of the survey the way the terminal asks it (faces,
//! numbers, yes/no, choices, a text box), and the states around the form (thanks,
//! answered, closed, too many answers).

use std::collections::HashMap;

use axum::{
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use minijinja::{Value, context};
use rida_domain::{Locale, Scale, SurveyDef, SurveyQuestion, new_id, survey::Condition, web};
use rida_store::{ListQuery, Organisation};
use uuid::Uuid;

use crate::{i18n, state::AppState};
use rida_domain::names::LocalName;

/// What a survey page is about.
pub struct Shown {
    pub org: Organisation,
    pub site: Uuid,
    pub site_name: LocalName,
    pub service: Option<Uuid>,
    pub employee: Option<Uuid>,
    /// The service's or the employee's name, shown under the site.
    pub about: Option<LocalName>,
    pub def: SurveyDef,
}

impl Shown {
    /// Reads what a page shows; `survey` `None`: the survey of the site's terminals, else
    /// the organisation's first active survey.
    pub async fn load(
        state: &AppState,
        org: Uuid,
        site: Uuid,
        service: Option<Uuid>,
        employee: Option<Uuid>,
        survey: Option<Uuid>,
    ) -> anyhow::Result<Shown> {
        let store = &state.store;
        // Unless one is named: the survey the site's terminals ask, else the first active.
        let survey = match survey {
            Some(id) => Some(id),
            None => match store
                .list_terminals(org, Some(&[site]), &ListQuery::all())
                .await?
                .items
                .into_iter()
                .find_map(|t| t.survey_id)
            {
                Some(id) => Some(id),
                None => store
                    .list_surveys(org, &ListQuery::all())
                    .await?
                    .items
                    .into_iter()
                    .find(|s| s.active)
                    .map(|s| s.id),
            },
        };
        let def = match survey {
            Some(id) => store.survey(org, id).await?.def,
            None => SurveyDef::default(),
        };
        let about = match (employee, service) {
            (Some(e), _) => Some(LocalName::plain(store.employee(org, e).await?.name)),
            (None, Some(s)) => {
                let s = store.service(org, s).await?;
                Some(LocalName::new(s.name, s.names))
            }
            _ => None,
        };
        Ok(Shown {
            org: store.organisation(org).await?,
            site,
            site_name: {
                let s = store.site(org, site).await?;
                LocalName::new(s.name, s.names)
            },
            service,
            employee,
            about,
            def,
        })
    }

    /// The page in `status` (`form`, `thanks`, `answered`, `closed`, `duplicate`,
    /// `limited`, `stale`, `stop`, `stopped`).
    pub fn page(
        &self,
        state: &AppState,
        l: Locale,
        status: &str,
        form: Option<Form>,
        code: StatusCode,
    ) -> Response {
        let status = if status == "form" && self.def.questions.is_empty() {
            "closed"
        } else {
            status
        };
        let questions: Vec<Value> = match (&form, status) {
            (Some(f), "form") => self
                .def
                .questions
                .iter()
                .map(|q| question(l, q, f, &self.def))
                .collect(),
            _ => vec![],
        };
        let org = context! {
            name => self.org.name.clone(),
            logo => self.org.logo_mime.as_ref().map(|_| format!("/logo/{}?v={}", self.org.id, self.org.logo_version)),
        };
        page(
            state,
            l,
            status,
            form,
            code,
            context! {
                org => org,
                site => self.site_name.get(l),
                about => self.about.as_ref().map(|a| a.get(l)),
                served_by => self.employee.is_some(),
                questions => questions,
            },
        )
    }
}

/// The page of an unknown link or code.
pub fn unknown(state: &AppState, headers: &HeaderMap, lang: Option<&str>) -> Response {
    let l = lang
        .and_then(Locale::parse)
        .unwrap_or_else(|| crate::auth::request_locale(headers, None, None));
    page(
        state,
        l,
        "unknown",
        None,
        StatusCode::NOT_FOUND,
        context! {},
    )
}

fn page(
    state: &AppState,
    l: Locale,
    status: &str,
    form: Option<Form>,
    code: StatusCode,
    about: Value,
) -> Response {
    let languages: Vec<Value> = Locale::ALL
        .iter()
        .map(|x| context! { tag => x.tag(), name => x.native_name(), current => *x == l })
        .collect();
    let form = form.map(|f| {
        context! {
            action => f.action, token => f.token, pass => f.pass.to_string(), embed => f.embed,
        }
    });
    let ctx = context! {
        locale => l.tag(), dir => l.dir(), status => status, languages => languages, form => form, ..about
    };
    match state
        .templates
        .get_template("answer.html")
        .and_then(|t| t.render(ctx))
    {
        Ok(html) => (code, axum::response::Html(html)).into_response(),
        Err(e) => crate::Error::Internal(anyhow::anyhow!("answer.html: {e}")).into_response(),
    }
}

/// The form's own fields, and what was typed when it comes back with errors.
pub struct Form {
    pub action: String,
    pub token: String,
    pub pass: Uuid,
    pub embed: bool,
    /// A score chosen before the page opened (a score in a survey e-mail).
    pub score: Option<i16>,
    pub values: HashMap<String, Vec<String>>,
    pub errors: HashMap<String, &'static str>,
}

impl Form {
    pub fn new(state: &AppState, scope: &str, now: i64, score: Option<i16>, embed: bool) -> Form {
        Form {
            action: scope.to_string(),
            token: state.contact_key.form_token(scope, now),
            pass: new_id(),
            embed,
            score,
            values: HashMap::new(),
            errors: HashMap::new(),
        }
    }

    /// The form again, with what was sent and why it was refused.
    pub fn with_input(mut self, fields: &[(String, String)], errors: Vec<web::FormError>) -> Form {
        for (k, v) in fields {
            if k.starts_with("q-") {
                self.values.entry(k.clone()).or_default().push(v.clone());
            }
        }
        self.errors = errors.into_iter().map(|e| (e.key, e.code)).collect();
        self
    }
}

/// One question as the page draws it.
fn question(l: Locale, q: &SurveyQuestion, f: &Form, def: &SurveyDef) -> Value {
    let field = web::field_name(&q.key);
    let sent = f.values.get(&field).cloned().unwrap_or_default();
    let first_scored = def
        .questions
        .iter()
        .find(|x| x.scale.score_range().is_some())
        .map(|x| x.key.as_str());
    let preset = f
        .score
        .filter(|_| first_scored == Some(q.key.as_str()))
        .map(|s| s.to_string());
    let is_set = |v: &str| sent.iter().any(|s| s == v) || preset.as_deref() == Some(v);
    let kind = match q.scale {
        Scale::Csat5 => "faces",
        Scale::YesNo => "yesno",
        Scale::Text => "text",
        Scale::MultiChoice => "multi",
        s if s.has_choices() => "choice",
        _ => "numbers",
    };
    let (low, high) = q.scale.score_range().unwrap_or((0, 0));
    // Yes before No, as on the terminal; every other scale from its lowest score.
    let order: Vec<i16> = if q.scale == Scale::YesNo {
        vec![1, 0]
    } else {
        (low..=high).collect()
    };
    let scores: Vec<Value> = if q.scale.score_range().is_some() {
        order
            .into_iter()
            .map(|n| {
                let label = match q.scale {
                    Scale::Csat5 => i18n::t(l, &format!("kiosk-smiley-{n}")),
                    Scale::YesNo if n == 1 => i18n::t(l, "kiosk-yes"),
                    Scale::YesNo => i18n::t(l, "kiosk-no"),
                    _ => l.format_number(f64::from(n), 0),
                };
                context! { value => n, label => label, checked => is_set(&n.to_string()) }
            })
            .collect()
    } else {
        vec![]
    };
    let ends = match q.scale {
        Scale::Nps11 => Some(("kiosk-nps-low", "kiosk-nps-high")),
        Scale::Ces7 => Some(("kiosk-ces-low", "kiosk-ces-high")),
        Scale::Agree7 => Some(("kiosk-agree-low", "kiosk-agree-high")),
        _ => None,
    };
    let choices: Vec<Value> = q
        .choices
        .iter()
        .map(|c| context! { key => c.key.clone(), label => c.label.get(l).to_string(), checked => is_set(&c.key) })
        .collect();
    let show_if = q.show_if.as_ref().map(|r| {
        let (op, value) = match &r.condition {
            Condition::ScoreAtMost(v) => ("at-most", v.to_string()),
            Condition::ScoreAtLeast(v) => ("at-least", v.to_string()),
            Condition::Chose(k) => ("chose", k.clone()),
        };
        context! { field => web::field_name(&r.question), op => op, value => value }
    });
    context! {
        key => q.key.clone(),
        field => field,
        kind => kind,
        prompt => q.prompt.get(l).to_string(),
        scores => scores,
        low => ends.map(|e| i18n::t(l, e.0)),
        high => ends.map(|e| i18n::t(l, e.1)),
        choices => choices,
        text => sent.first().cloned().unwrap_or_default(),
        show_if => show_if,
        error => f.errors.get(&q.key).map(|c| i18n::t(l, &format!("web-error-{c}"))),
    }
}
