//! The report builder (`/admin/reports`): choose metrics, filters, grouping and chart, see
//! the result, save it under a stable URL, share it with roles and schedule it.

use axum::{
    Json, Router,
    extract::{Path, RawQuery},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{
    Role,
    metrics::Metric,
    names,
    policy::{may_change_report, may_open_report},
};
use rida_store::{ReportInput, SavedReport};
use serde::Deserialize;
use uuid::Uuid;

use super::{FormErrors, Web, form_id, redirect_with_flash};
use crate::{
    analytics::{
        Selection,
        report::{self, GroupBy, Report, ReportMetric, ReportParams},
    },
    auth::CsrfForm,
    error::Problem,
    error::Result,
    i18n,
    state::AppState,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/reports", get(list).post(create))
        .route("/admin/reports/new", get(builder))
        .route("/admin/reports/{id}", get(saved).post(update))
        .route("/admin/reports/{id}/delete", post(delete))
        .route("/admin/reports/export.xlsx", get(xlsx))
        .route("/admin/reports/{id}/export.xlsx", get(saved_xlsx))
        .route("/admin/reports/export.pdf", get(pdf))
        .route("/admin/reports/{id}/export.pdf", get(saved_pdf))
        .route("/api/v1/reports/run", get(run_json))
}

/// Runs the report a query string describes, for the signed-in user.
async fn run(w: &Web, query: &str) -> Result<Report> {
    report::run_query(&w.state, &w.user, query).await
}

/// A report as an Excel workbook: its table and a native chart.
async fn xlsx_of(w: &Web, query: &str, name: &str) -> Result<Response> {
    let r = run(w, query).await?;
    let bytes = crate::analytics::export::report_xlsx(&r, name, w.locale())
        .map_err(|e| crate::Error::Internal(e.into()))?;
    Ok(super::results::download(
        bytes,
        crate::analytics::export::XLSX_MIME,
        format!("rida-report-{}-{}.xlsx", r.from, r.to),
    ))
}

async fn xlsx(w: Web, RawQuery(q): RawQuery) -> Result<Response> {
    let name = i18n::t(w.locale(), "sheet-report");
    xlsx_of(&w, q.as_deref().unwrap_or(""), &name).await
}

async fn saved_xlsx(w: Web, Path(id): Path<Uuid>, RawQuery(q): RawQuery) -> Result<Response> {
    let r = w.state.store.report(w.user.org.id, id).await?;
    open(&w, &r)?;
    let query = q
        .filter(|q| !q.is_empty())
        .unwrap_or_else(|| r.query.clone());
    xlsx_of(&w, &query, &r.name).await
}

/// A report as a PDF laid out for A4.
async fn pdf_of(w: &Web, query: &str, name: &str) -> Result<Response> {
    let r = run(w, query).await?;
    let bytes = crate::jobs::scheduled::pdf(&w.state, &w.user, &r, name).await?;
    Ok(super::results::download(
        bytes,
        crate::pdf::PDF_MIME,
        format!("rida-report-{}-{}.pdf", r.from, r.to),
    ))
}

async fn pdf(w: Web, RawQuery(q): RawQuery) -> Result<Response> {
    let name = i18n::t(w.locale(), "sheet-report");
    pdf_of(&w, q.as_deref().unwrap_or(""), &name).await
}

async fn saved_pdf(w: Web, Path(id): Path<Uuid>, RawQuery(q): RawQuery) -> Result<Response> {
    let r = w.state.store.report(w.user.org.id, id).await?;
    open(&w, &r)?;
    let query = q
        .filter(|q| !q.is_empty())
        .unwrap_or_else(|| r.query.clone());
    pdf_of(&w, &query, &r.name).await
}

/// `GET /api/v1/reports/run?metrics=csat,nps&group=site,month&…`: a report as JSON.
#[utoipa::path(get, path = "/api/v1/reports/run", tag = "results", security(("session" = [])),
    params(
        ("metrics" = String, Query, description = "Comma-separated metrics: csat, nps, ces, csat_mean, ces_mean, good; from visits: response_rate, wait, wait_within_target, handle, handle_within_target; from alerts: ack_hours, close_hours; from comments: comment_share, negative_comments, comment_csat"),
        ("group" = Option<String>, Query, description = "Up to two groupings and one of day or month: region, site, service, employee, channel, question, area, language, handler (who took an alert in hand or closed it: alert times only), theme, sentiment (comment figures only), day, month"),
        ("theme" = Option<String>, Query, description = "Comment figures of one of the organisation's themes only"),
        ("sentiment" = Option<String>, Query, description = "Comment figures of one feeling only: negative, neutral, positive"),
        ("from" = Option<String>, Query, description = "First day, yyyy-mm-dd"),
        ("to" = Option<String>, Query, description = "Last day, yyyy-mm-dd"),
    ),
    responses((status = 200, description = "One row per group with each metric, its interval and answers", body = Object),
        (status = 400, description = "A selection that does not parse", body = Problem, content_type = "application/problem+json"), (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"), (status = 403, description = "The role may not see this", body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn run_json(w: Web, RawQuery(q): RawQuery) -> Result<Response> {
    let r = run(&w, q.as_deref().unwrap_or("")).await?;
    Ok(Json(r).into_response())
}

async fn list(w: Web) -> Result<Response> {
    w.user
        .require(rida_domain::Action::ViewResults { site: None })?;
    let policy = w.user.org.policy();
    let reports: Vec<SavedReport> = w
        .state
        .store
        .list_reports(w.user.org.id)
        .await?
        .into_iter()
        .filter(|r| may_open_report(&w.user.actor, &policy, r.created_by, &r.roles()))
        .collect();
    let reports: Vec<_> = reports
        .iter()
        .map(
            |r| context! { id => r.id, name => r.name, schedule => r.schedule, roles => r.roles() },
        )
        .collect();
    Ok(w.render("reports.html", context! { reports => reports }))
}

/// The codes of the combinations a report cannot answer, with the field their message
/// goes beside and the message.
const UNANSWERABLE: [(&str, &str, &str); 5] = [
    (
        report::LANGUAGE_WITH_PEOPLE,
        "language",
        "report-language-people",
    ),
    (report::VISITS_NOT_PER, "metrics", "report-visits-not-per"),
    (
        report::THEMES_COMMENTS_ONLY,
        "comments",
        "report-themes-comments-only",
    ),
    (
        report::COMMENTS_NOT_PER,
        "comments",
        "report-comments-not-per",
    ),
    (
        report::COMMENT_CSAT_NOT_PER_FEELING,
        "comments",
        "report-comment-csat-feeling",
    ),
];

/// The builder page, for a new report or a saved one (`saved`).
async fn page(
    w: &Web,
    query: &str,
    saved: Option<&SavedReport>,
    errors: &FormErrors,
) -> Result<Response> {
    let sel: Selection = serde_html_form::from_str(query).unwrap_or_default();
    let params: ReportParams = serde_html_form::from_str(query).unwrap_or_default();
    let (spec, reach) = report::prepare(&w.state, &w.user, query).await?;
    let mut errors = errors.clone();
    let result = match report::run(
        &w.state.store,
        w.user.org.id,
        w.user.org.thresholds(),
        &reach,
        &spec,
        w.locale(),
    )
    .await
    {
        // What the data cannot answer: said beside the field it is about.
        Err(crate::Error::BadRequest { code, .. })
            if let Some((field, key)) = UNANSWERABLE
                .iter()
                .find(|(c, _, _)| *c == code)
                .map(|(_, f, k)| (*f, *k)) =>
        {
            errors.key(field, key);
            Report::empty(spec, &reach)
        }
        other => other?,
    };
    let see = w
        .user
        .may(rida_domain::Action::ViewEmployeeResults { site: None });
    let super::results::FilterOptions {
        sites,
        regions,
        services,
        employees,
    } = super::results::filter_options(w, see).await?;
    let locale = w.locale();
    let chart = chart_data(&result, locale);
    // The scored questions, to filter on one.
    let questions: Vec<minijinja::Value> = w
        .state
        .store
        .list_questions(w.user.org.id)
        .await?
        .into_iter()
        .filter(|q| rida_domain::Scale::parse(&q.scale).is_some_and(|s| s.score_range().is_some()))
        .map(|q| context! { id => q.id, name => q.label(locale) })
        .collect();
    // The organisation's themes in use, to filter on one.
    let theme_set = w.state.store.themes(w.user.org.id).await?;
    let themes: Vec<minijinja::Value> = theme_set
        .themes
        .iter()
        .filter(|t| t.enabled)
        .map(|t| context! { key => t.key, name => crate::analytics::themes::theme_name(&theme_set, &t.key, locale) })
        .collect();
    let group: Vec<&str> = result.spec.group.iter().map(|g| g.as_str()).collect();
    let dims: Vec<&str> = group
        .iter()
        .copied()
        .filter(|g| *g != "day" && *g != "month")
        .collect();
    let time = group.iter().copied().find(|g| *g == "day" || *g == "month");
    let may_change =
        saved.is_none_or(|r| may_change_report(&w.user.actor, &w.user.org.policy(), r.created_by));
    Ok(w.render(
        "report.html",
        context! {
            n_keys => result.spec.metrics.iter().map(|m| m.n_key()).collect::<Vec<_>>(),
            result => result,
            chart => chart,
            saved => saved,
            saved_roles => saved.map(|r| r.roles()).unwrap_or_default(),
            may_change => may_change,
            query => query,
            xlsx => match saved {
                Some(r) if query == r.query => format!("/admin/reports/{}/export.xlsx", r.id),
                _ => format!("/admin/reports/export.xlsx?{query}"),
            },
            pdf => match saved {
                Some(r) if query == r.query => format!("/admin/reports/{}/export.pdf", r.id),
                _ => format!("/admin/reports/export.pdf?{query}"),
            },
            errors => errors.value(),
            form => context! {
                metrics => result.spec.metrics.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
                dim1 => dims.first().copied().unwrap_or(""),
                dim2 => dims.get(1).copied().unwrap_or(""),
                time => time.unwrap_or(""),
                chart => params.chart.unwrap_or_else(|| "bar".into()),
                channel => params.channel.unwrap_or_default(),
                language => result.spec.language.clone().unwrap_or_default(),
                question => result.spec.question.map(|q| q.to_string()).unwrap_or_default(),
                theme => reach.theme.clone().unwrap_or_default(),
                sentiment => reach.sentiment.map(|s| s.as_str()).unwrap_or_default(),
                // What the figures cover: the kind asked for, else the period the
                // selection fell back to (the last 30 days is a custom range).
                period => sel.period.clone().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| result.period_kind.clone()),
                at => sel.at, from => sel.from, to => sel.to,
                region => sel.region, site => sel.site, service => sel.service, employee => sel.employee,
            },
            options => context! {
                metrics => Metric::ALL.iter().map(|m| m.as_str()).chain(["good"]).collect::<Vec<_>>(),
                questions => questions,
                comment_metrics => ReportMetric::COMMENTS.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
                themes => themes,
                sentiments => rida_domain::text::Sentiment::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                visit_metrics => rida_domain::metrics::operations::VisitMetric::ALL.iter().map(|m| m.as_str())
                    .chain(w.user.may(rida_domain::Action::ViewAlerts { site: None }).then_some([ReportMetric::AckHours.as_str(), ReportMetric::CloseHours.as_str()]).into_iter().flatten())
                    .collect::<Vec<_>>(),
                dims => GroupBy::ALL.iter().map(|g| g.as_str()).filter(|g| *g != "day" && *g != "month" && (see || *g != "employee")).collect::<Vec<_>>(),
                channels => rida_domain::Channel::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                languages => rida_domain::Locale::ALL.iter().map(|l| context! { tag => l.tag(), name => l.native_name() }).collect::<Vec<_>>(),
                roles => [Role::Manager, Role::Analyst].iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                regions => regions, sites => sites, services => services, employees => employees,
            },
        },
    ))
}

/// The chart of a report. Over time (a day or month grouping) each group is one line or
/// set of bars across the periods; otherwise each metric is one series across the groups.
fn chart_data(result: &Report, locale: rida_domain::Locale) -> minijinja::Value {
    let metric_name = |m: &ReportMetric| i18n::t(locale, &format!("metric-{}", m.as_str()));
    let over_time = result
        .spec
        .group
        .iter()
        .any(|g| matches!(g, GroupBy::Day | GroupBy::Month));
    let (labels, series): (Vec<String>, Vec<minijinja::Value>) = if over_time {
        // Rows list time last: split each row's labels into (group, period).
        let mut periods: Vec<String> = result
            .rows
            .iter()
            .filter_map(|r| r.labels.last().cloned())
            .collect();
        periods.sort();
        periods.dedup();
        let mut groups: Vec<Vec<String>> = result
            .rows
            .iter()
            .map(|r| r.labels[..r.labels.len() - 1].to_vec())
            .collect();
        groups.sort();
        groups.dedup();
        let periods_ref = &periods;
        let series = groups
            .iter()
            .flat_map(|g| {
                result.spec.metrics.iter().enumerate().map(move |(i, m)| {
                    let mut name: Vec<String> = g.clone();
                    if result.spec.metrics.len() > 1 || g.is_empty() {
                        name.push(metric_name(m));
                    }
                    let values: Vec<Option<f64>> = periods_ref
                        .iter()
                        .map(|p| {
                            result
                                .rows
                                .iter()
                                .find(|r| {
                                    r.labels.last() == Some(p)
                                        && r.labels[..r.labels.len() - 1] == g[..]
                                })
                                .and_then(|r| r.figures[i].estimate.map(|e| e.value))
                        })
                        .collect();
                    context! { name => name.join(" · "), values => values }
                })
            })
            .collect();
        (periods, series)
    } else {
        (
            result.rows.iter().map(|r| r.labels.join(" · ")).collect(),
            result
                .spec
                .metrics
                .iter()
                .enumerate()
                .map(|(i, m)| context! {
                    name => metric_name(m),
                    values => result.rows.iter().map(|r| r.figures[i].estimate.map(|e| e.value)).collect::<Vec<_>>(),
                })
                .collect(),
        )
    };
    context! { kind => result.spec.chart, labels => labels, series => series, locale => locale.tag() }
}

/// What the builder shows before anything is chosen: satisfaction per site, a chart
/// with something to compare (a single total is one giant bar).
const FIRST_VIEW: &str = "metrics=csat&group=site&chart=bar";

async fn builder(w: Web, RawQuery(q): RawQuery) -> Result<Response> {
    let q = q
        .as_deref()
        .filter(|q| !q.trim().is_empty())
        .unwrap_or(FIRST_VIEW);
    page(&w, q, None, &FormErrors::new(w.locale())).await
}

fn open(w: &Web, r: &SavedReport) -> Result<()> {
    if may_open_report(
        &w.user.actor,
        &w.user.org.policy(),
        r.created_by,
        &r.roles(),
    ) {
        Ok(())
    } else {
        Err(crate::Error::Forbidden)
    }
}

/// A saved report at its stable URL; a query string of its own explores a variant.
async fn saved(w: Web, Path(id): Path<Uuid>, RawQuery(q): RawQuery) -> Result<Response> {
    let r = w.state.store.report(w.user.org.id, id).await?;
    open(&w, &r)?;
    let query = q
        .filter(|q| !q.is_empty())
        .unwrap_or_else(|| r.query.clone());
    page(&w, &query, Some(&r), &FormErrors::new(w.locale())).await
}

#[derive(Debug, Deserialize)]
struct SaveForm {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    query: String,
    #[serde(default)]
    shared: Vec<String>,
    #[serde(default)]
    schedule: String,
}

/// Checks the save form: a name, a query that runs, known roles and schedule.
async fn input(w: &Web, f: &SaveForm, errors: &mut FormErrors) -> Result<Option<ReportInput>> {
    let name = errors.check("name", names::display_name(&f.name, 120));
    // The query must describe a report the author may run.
    run(w, &f.query).await?;
    let roles: Vec<String> = f
        .shared
        .iter()
        .filter(|r| matches!(r.as_str(), "manager" | "analyst"))
        .cloned()
        .collect();
    if !matches!(f.schedule.as_str(), "none" | "weekly" | "monthly") {
        errors.key("schedule", "error-invalid");
    }
    Ok(name.filter(|_| errors.is_empty()).map(|name| ReportInput {
        name,
        query: f.query.trim_start_matches('?').to_string(),
        shared_roles: roles,
        schedule: f.schedule.clone(),
    }))
}

async fn create(w: Web, CsrfForm(f): CsrfForm<SaveForm>) -> Result<Response> {
    w.user
        .require(rida_domain::Action::ViewResults { site: None })?;
    let mut errors = FormErrors::new(w.locale());
    let Some(input) = input(&w, &f, &mut errors).await? else {
        let mut res = page(&w, &f.query, None, &errors).await?;
        *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(res);
    };
    let id = form_id(&f.id);
    w.state
        .store
        .create_report(w.user.org.id, id, &input, w.user.user.user_id, &w.user.by())
        .await?;
    Ok(redirect_with_flash(
        &format!("/admin/reports/{id}"),
        "flash-saved",
    ))
}

async fn update(w: Web, Path(id): Path<Uuid>, CsrfForm(f): CsrfForm<SaveForm>) -> Result<Response> {
    let r = w.state.store.report(w.user.org.id, id).await?;
    if !may_change_report(&w.user.actor, &w.user.org.policy(), r.created_by) {
        return Err(crate::Error::Forbidden);
    }
    let mut errors = FormErrors::new(w.locale());
    let Some(input) = input(&w, &f, &mut errors).await? else {
        let mut res = page(&w, &f.query, Some(&r), &errors).await?;
        *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(res);
    };
    w.state
        .store
        .update_report(w.user.org.id, id, &input, &w.user.by())
        .await?;
    Ok(redirect_with_flash(
        &format!("/admin/reports/{id}"),
        "flash-saved",
    ))
}

async fn delete(
    w: Web,
    Path(id): Path<Uuid>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    let r = w.state.store.report(w.user.org.id, id).await?;
    if !may_change_report(&w.user.actor, &w.user.org.policy(), r.created_by) {
        return Err(crate::Error::Forbidden);
    }
    w.state
        .store
        .delete_report(w.user.org.id, id, &w.user.by())
        .await?;
    Ok(redirect_with_flash("/admin/reports", "flash-deleted"))
}
