//! Page rendering: minijinja templates embedded in the binary, with `t()` for
//! translations and filters that write numbers and dates the way each language does.

use axum::{
    http::HeaderMap,
    response::{Html, IntoResponse, Response},
};
use fluent_templates::fluent_bundle::FluentValue;
use jiff::tz::TimeZone;
use minijinja::{AutoEscape, Environment, State, Value, context, value::Kwargs};
use rida_domain::{Action, Locale};
use serde::Serialize;

use crate::{
    auth::{self, CsrfSeed, CurrentUser},
    i18n,
    state::AppState,
};

/// The template environment, with every template of `templates/` embedded.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // Set before the templates are loaded (each is compiled with its escaping).
    // A Typst report's values are written as Typst strings (never read as markup or
    // code) and its numbers as numbers (for lengths); see `crate::pdf`.
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".typ") {
            AutoEscape::Custom("typst")
        } else {
            minijinja::default_auto_escape_callback(name)
        }
    });
    env.set_formatter(|out, state, value| {
        if state.auto_escape() != AutoEscape::Custom("typst") {
            return minijinja::escape_formatter(out, state, value);
        }
        if value.is_safe() || value.is_number() {
            return write!(out, "{value}").map_err(minijinja::Error::from);
        }
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        out.write_str(&crate::pdf::literal(&value.to_string()))
            .map_err(minijinja::Error::from)
    });
    minijinja_embed::load_templates!(&mut env);
    env.add_function("t", translate);
    env.add_filter("num", num);
    env.add_filter("signed", signed);
    env.add_filter("digits", digits);
    env.add_filter("datetime", datetime);
    env.add_filter("typstr", typst_string);
    env
}

/// `{{ text|typstr }}`: a text as a Typst string in code (`#f({{ x|typstr }})`).
fn typst_string(value: Value) -> Value {
    let lit = crate::pdf::literal(&value.to_string());
    Value::from_safe_string(lit[1..lit.len() - 1].to_string())
}

fn locale_of(state: &State) -> Locale {
    state
        .lookup("locale")
        .and_then(|v| v.as_str().and_then(Locale::parse))
        .unwrap_or_default()
}

/// `{{ t("key", name=value) }}`: the message in the page's language.
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let locale = locale_of(state);
    let mut args: Vec<(&str, FluentValue<'static>)> = Vec::new();
    for name in kwargs.args() {
        let v: Value = kwargs.get(name)?;
        let fv = if let Some(i) = v.as_i64() {
            FluentValue::from(i)
        } else if let Ok(f) = f64::try_from(v.clone()) {
            FluentValue::from(f)
        } else {
            FluentValue::from(v.to_string())
        };
        args.push((name, fv));
    }
    Ok(if args.is_empty() {
        i18n::t(locale, key)
    } else {
        i18n::t_args(locale, key, &args)
    })
}

/// `{{ date|digits }}`: a text (a date, a code) with the language's digits, so that an
/// Arabic page has one numbering system.
fn digits(state: &State, value: Value) -> String {
    locale_of(state).localise_digits(&value.to_string())
}

/// `{{ value|num(1) }}`: a number with the language's digits and separators.
fn num(state: &State, value: Value, decimals: Option<usize>) -> String {
    let f = f64::try_from(value.clone()).unwrap_or(0.0);
    locale_of(state).format_number(f, decimals.unwrap_or(0))
}

/// `{{ score|signed }}`: a score from −100 to 100 (NPS, eNPS) as a whole number with its
/// sign, "+22", "−6", "0", the language's way.
fn signed(state: &State, value: Value) -> String {
    let f = f64::try_from(value.clone()).unwrap_or(0.0);
    let text = locale_of(state).format_number(f, 0);
    if f.round() > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// `{{ millis|datetime }}`: a time in the organisation's zone, written the language's way.
fn datetime(state: &State, ms: i64) -> String {
    let locale = locale_of(state);
    let tz = state
        .lookup("tz")
        .and_then(|v| v.as_str().map(str::to_string))
        .and_then(|name| TimeZone::get(&name).ok())
        .unwrap_or(TimeZone::UTC);
    format_datetime(locale, ms, &tz)
}

/// A date and time as the language writes it, month names from the Fluent files.
pub fn format_datetime(locale: Locale, ms: i64, tz: &TimeZone) -> String {
    let z = rida_domain::time::from_millis(ms).to_zoned(tz.clone());
    let month = i18n::t(locale, &format!("month-short-{}", z.month()));
    let text = i18n::t_args(
        locale,
        "format-datetime",
        &[
            ("day", FluentValue::from(z.day().to_string())),
            ("month", FluentValue::from(month)),
            ("year", FluentValue::from(z.year().to_string())),
            (
                "time",
                FluentValue::from(format!("{:02}:{:02}", z.hour(), z.minute())),
            ),
        ],
    );
    locale.localise_digits(&text)
}

/// One entry of the navigation.
#[derive(Debug, Serialize)]
pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub active: bool,
    /// A count shown beside the entry (open alerts).
    pub count: Option<u64>,
}

/// A group of the navigation: what a person does there.
#[derive(Debug, Serialize)]
pub struct NavGroup {
    pub label: Option<&'static str>,
    pub items: Vec<NavItem>,
    /// The current page is one of its entries.
    pub active: bool,
}

type NavEntry = (&'static str, &'static str, Action);

/// The navigation, grouped by what a person does; each entry shown only if the policy
/// allows its action, each group only with an entry left.
const NAV: &[(Option<&str>, &[NavEntry])] = &[
    (None, &[("/admin", "nav-overview", Action::OpenAdmin)]),
    (
        Some("nav-group-results"),
        &[
            (
                "/admin/results",
                "nav-results",
                Action::ViewResults { site: None },
            ),
            (
                "/admin/operations",
                "nav-operations",
                Action::ViewResults { site: None },
            ),
            (
                "/admin/reports",
                "nav-reports",
                Action::ViewResults { site: None },
            ),
            ("/admin/external", "nav-external", Action::ImportExternal),
            (
                "/admin/pulse",
                "nav-pulse",
                Action::ViewPulse { site: None },
            ),
        ],
    ),
    (
        Some("nav-group-alerts"),
        &[
            (
                "/admin/alerts",
                "nav-alerts",
                Action::ViewAlerts { site: None },
            ),
            (
                "/admin/alert-rules",
                "nav-alert-rules",
                Action::ManageAlertRules,
            ),
        ],
    ),
    (
        Some("nav-group-terminals"),
        &[
            (
                "/admin/supervision",
                "nav-supervision",
                Action::ViewTerminals,
            ),
            ("/admin/terminals", "nav-terminals", Action::ViewTerminals),
            ("/admin/surveys", "nav-surveys", Action::ViewStructure),
            (
                "/admin/voice",
                "nav-voice",
                Action::ManageTerminals { site: None },
            ),
            (
                "/admin/web-surveys",
                "nav-web-surveys",
                Action::ManageSurveyDispatch,
            ),
        ],
    ),
    (
        Some("nav-group-channels"),
        &[
            (
                "/admin/survey-rules",
                "nav-survey-rules",
                Action::ManageSurveyDispatch,
            ),
            (
                "/admin/messages",
                "nav-messages",
                Action::ManageSurveyDispatch,
            ),
            ("/admin/consent", "nav-consent", Action::ManageConsent),
            (
                "/admin/customers",
                "nav-customers",
                Action::ViewCustomer { site: None },
            ),
            ("/admin/mail", "nav-mail", Action::ManageMail),
        ],
    ),
    (
        Some("nav-group-organisation"),
        &[
            (
                "/admin/organisation",
                "nav-organisation",
                Action::ManageOrganisation,
            ),
            ("/admin/regions", "nav-regions", Action::ViewStructure),
            ("/admin/sites", "nav-sites", Action::ViewStructure),
            ("/admin/services", "nav-services", Action::ViewStructure),
            ("/admin/themes", "nav-themes", Action::ManageOrganisation),
            ("/admin/employees", "nav-employees", Action::ViewEmployees),
            ("/admin/users", "nav-users", Action::ManageUsers),
            ("/admin/directory", "nav-directory", Action::ManageUsers),
            ("/admin/audit", "nav-audit", Action::ViewAudit),
        ],
    ),
    (
        Some("nav-group-integration"),
        &[
            ("/admin/tokens", "nav-tokens", Action::ManageTokens),
            ("/admin/webhooks", "nav-webhooks", Action::ManageTokens),
        ],
    ),
    (None, &[("/help/metrics", "nav-help", Action::OpenAdmin)]),
];

/// What every page needs besides its own content.
pub struct PageCtx<'a> {
    pub state: &'a AppState,
    pub headers: &'a HeaderMap,
    pub seed: &'a CsrfSeed,
    pub user: Option<&'a CurrentUser>,
    pub path: &'a str,
    pub flash: Option<String>,
    /// Open alerts the user may see, for the navigation's badge.
    pub open_alerts: Option<u64>,
}

impl<'a> PageCtx<'a> {
    /// A page for someone not signed in (the sign-in pages, error pages).
    pub fn anonymous(
        state: &'a AppState,
        headers: &'a HeaderMap,
        seed: &'a CsrfSeed,
        path: &'a str,
    ) -> PageCtx<'a> {
        PageCtx {
            state,
            headers,
            seed,
            user: None,
            path,
            flash: None,
            open_alerts: None,
        }
    }
}

impl PageCtx<'_> {
    /// The page's language.
    pub fn locale(&self) -> Locale {
        match self.user {
            Some(u) => u.locale,
            None => auth::request_locale(self.headers, None, None),
        }
    }

    /// Renders `template` with the shared context plus `page`.
    pub fn render(&self, template: &str, page: Value) -> Response {
        self.render_status(axum::http::StatusCode::OK, template, page)
    }

    /// Renders with a status code (e.g. 422 for a form with errors).
    pub fn render_status(
        &self,
        status: axum::http::StatusCode,
        template: &str,
        page: Value,
    ) -> Response {
        let locale = self.locale();
        let nav: Vec<NavGroup> = match self.user {
            Some(u) => {
                let station = u
                    .actor
                    .employee_id
                    .map(|employee| ("/station", "station-title", Action::UseStation { employee }));
                let item = |(href, label, _): NavEntry| NavItem {
                    href,
                    label,
                    active: if href == "/admin" {
                        self.path == "/admin"
                    } else {
                        self.path.starts_with(href)
                    },
                    count: self
                        .open_alerts
                        .filter(|n| *n > 0 && href == "/admin/alerts"),
                };
                NAV.iter()
                    .map(|(label, entries)| (*label, entries.to_vec()))
                    .chain(station.map(|s| (None, vec![s])))
                    .map(|(label, entries)| {
                        let items: Vec<NavItem> = entries
                            .into_iter()
                            .filter(|(_, _, a)| u.may(*a))
                            .map(item)
                            .collect();
                        NavGroup {
                            label,
                            active: items.iter().any(|i| i.active),
                            items,
                        }
                    })
                    .filter(|g| !g.items.is_empty())
                    .collect()
            }
            None => Vec::new(),
        };
        let languages: Vec<Value> = Locale::ALL
            .iter()
            .map(|l| context! { tag => l.tag(), name => l.native_name(), current => *l == locale })
            .collect();
        let org = self.user.map(|u| {
            context! {
                name => u.org.name.clone(),
                has_logo => u.org.logo_mime.is_some(),
                logo_version => u.org.logo_version,
            }
        });
        let user = self.user.map(|u| {
            context! {
                name => u.user.display_name.clone(),
                username => u.user.username.clone(),
                role => u.actor.role.as_str(),
            }
        });
        let tz = self
            .user
            .map(|u| u.org.time_zone.clone())
            .unwrap_or_else(|| "UTC".into());
        let base = context! {
            locale => locale.tag(),
            dir => locale.dir(),
            languages => languages,
            nav => nav,
            org => org,
            user => user,
            tz => tz,
            path => self.path,
            csrf => auth::csrf_token(self.state, self.headers, &self.seed.0),
            flash => self.flash.clone(),
            demo_fill => crate::demo_fill::percent(),
            // The id a "new" form gives what it creates: sending it twice creates it once.
            fresh_id => rida_domain::new_id(),
        };
        let ctx = context! { ..page, ..base };
        match self
            .state
            .templates
            .get_template(template)
            .and_then(|t| t.render(ctx))
        {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = %e, template, "template failed");
                crate::Error::Internal(anyhow::anyhow!("template {template}: {e}")).into_response()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use minijinja::context;

    #[test]
    fn a_score_is_written_with_its_sign_in_the_reader_s_digits() {
        let env = super::environment();
        let show = |locale: &str, v: f64| {
            env.render_str("{{ v|signed }}", context! { locale => locale, v => v })
                .unwrap()
        };
        assert_eq!(show("en", 22.2), "+22");
        assert_eq!(show("en", -6.0), "-6");
        assert_eq!(show("en", 0.3), "0", "rounds to nothing: no sign");
        assert_eq!(show("ar", 22.0), "+٢٢");
    }
}
