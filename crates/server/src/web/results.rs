//! The results dashboard (`/admin/results`) and its live tile of today's answers.
//! What to show is decided in `crate::analytics`; this file only renders it.

use axum::{
    Json, Router,
    extract::Query,
    response::{IntoResponse, Response},
    routing::get,
};
use minijinja::context;
use rida_domain::metrics::Metric;
use rida_store::Localized;

use super::{Web, urlencode};
use crate::{
    analytics::{
        Reach, Selection,
        dashboard::{self, Dashboard, RankRow},
        export,
    },
    error::Problem,
    error::Result,
    i18n,
    state::AppState,
};

const PAGE: &str = "/admin/results";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(PAGE, get(page))
        .route("/admin/results/today", get(today))
        .route("/api/v1/results", get(api))
        .route("/admin/results/export.xlsx", get(xlsx))
        .route("/admin/results/export.csv", get(csv))
        .route("/admin/results/answers.csv", get(answers_csv))
        .route("/admin/results/month.pdf", get(month_pdf))
}

/// Which table a CSV download holds.
#[derive(Debug, serde::Deserialize)]
struct CsvTable {
    #[serde(default)]
    table: String,
}

#[derive(Debug, serde::Deserialize)]
struct Month {
    /// A day of the month; the last complete month when absent.
    #[serde(default)]
    at: String,
}

/// The monthly report of a month as a PDF laid out for A4, in the reader's language,
/// with what they may see of it (as the monthly e-mail sends it).
async fn month_pdf(w: Web, Query(m): Query<Month>) -> Result<Response> {
    w.user
        .require(rida_domain::Action::ViewResults { site: None })?;
    let today = crate::analytics::org_today(&w.user.org.time_zone);
    let first = match m.at.trim() {
        "" => today
            .first_of_month()
            .saturating_sub(jiff::Span::new().months(1)),
        s => rida_domain::period::parse_typed_date(s)
            .ok_or_else(|| crate::Error::BadRequest {
                code: "invalid-parameter",
                detail: "at: a date as yyyy-mm-dd".into(),
            })?
            .first_of_month(),
    };
    let bytes = crate::jobs::monthly::pdf(&w.state, &w.user, first)
        .await?
        .ok_or(crate::Error::Forbidden)?;
    Ok(download(
        bytes,
        crate::pdf::PDF_MIME,
        format!("rida-{}-{}.pdf", first, first.last_of_month()),
    ))
}

/// A file to save, with its name.
pub(super) fn download(body: Vec<u8>, mime: &'static str, name: String) -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, mime.to_string()),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// Every table of the dashboard as an Excel workbook with native charts.
async fn xlsx(w: Web, Query(sel): Query<Selection>) -> Result<Response> {
    let (_, d) = dashboard_of(&w, &sel).await?;
    let bytes = export::xlsx(&d, w.locale()).map_err(|e| crate::Error::Internal(e.into()))?;
    Ok(download(
        bytes,
        export::XLSX_MIME,
        format!("rida-results-{}-{}.xlsx", d.period.from, d.period.to),
    ))
}

/// One table of the dashboard as CSV (`table` = the sheet, e.g. `services`).
async fn csv(
    w: Web,
    Query(sel): Query<Selection>,
    Query(which): Query<CsvTable>,
) -> Result<Response> {
    let (_, d) = dashboard_of(&w, &sel).await?;
    let tables = export::tables(&d, w.locale());
    let key = format!("sheet-{}", which.table);
    let Some(table) = tables.iter().find(|t| t.key == key) else {
        let known: Vec<&str> = tables.iter().map(|t| &t.key["sheet-".len()..]).collect();
        return Err(crate::Error::BadRequest {
            code: "invalid-parameter",
            detail: format!("table: one of {}", known.join(", ")),
        });
    };
    Ok(download(
        export::csv(table).into_bytes(),
        "text/csv; charset=utf-8",
        format!("rida-{}-{}-{}.csv", which.table, d.period.from, d.period.to),
    ))
}

/// Every answer of the selection as CSV, streamed a page at a time (constant memory
/// however many there are); the employee column only for those who may see it.
async fn answers_csv(w: Web, Query(sel): Query<Selection>) -> Result<Response> {
    let reach = sel.resolve(&w.state, &w.user).await?;
    let (from_day, to_day) = reach.period.day_keys();
    let filter = rida_store::AnswerFilter {
        from_day,
        to_day,
        sites: reach.sites.clone(),
        service: reach.service,
        employee: reach.employee,
    };
    let cols = crate::analytics::raw::Columns::load(
        &w.state.store,
        &w.user.org,
        w.locale(),
        reach.see_employees,
    )
    .await?;
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<String>>(2);
    let (store, org) = (w.state.store.clone(), w.user.org.id);
    tokio::spawn(async move {
        let sent = crate::analytics::raw::csv(&store, org, &filter, &cols, tx.clone()).await;
        if let Err(e) = sent {
            // The client sees a broken download rather than a silently short file.
            let _ = tx.send(Err(std::io::Error::other(e.to_string()))).await;
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    let name = format!("rida-answers-{}-{}.csv", reach.period.from, reach.period.to);
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/csv; charset=utf-8".to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        axum::body::Body::from_stream(stream),
    )
        .into_response())
}

/// The dashboard of a selection, as the signed-in user may see it.
async fn dashboard_of(w: &Web, sel: &Selection) -> Result<(Reach, Dashboard)> {
    let reach = sel.resolve(&w.state, &w.user).await?;
    let d = dashboard::build(
        &w.state.store,
        w.user.org.id,
        w.user.org.thresholds(),
        &reach,
    )
    .await?;
    Ok((reach, d))
}

/// What the filters of the results and report pages offer: only what the user reaches.
pub(super) struct FilterOptions {
    pub sites: Vec<rida_store::Site>,
    pub regions: Vec<rida_store::Region>,
    pub services: Vec<rida_store::Service>,
    /// Empty unless the user may see employees' results.
    pub employees: Vec<rida_store::Employee>,
}

pub(super) async fn filter_options(w: &Web, see_employees: bool) -> Result<FilterOptions> {
    // From the names kept per instance (read again only when one changed).
    let named = w.state.store.org_names(w.user.org.id).await?;
    let sites = w.sites_reached(&named);
    let regions = named
        .active_regions()
        .localized(w.locale())
        .into_iter()
        .filter(|r| sites.iter().any(|s| s.region_id == r.id))
        .collect();
    let services = named.active_services().localized(w.locale());
    let employees = match see_employees {
        true => named.active_staff(w.user.site_filter().as_deref()),
        false => vec![],
    };
    Ok(FilterOptions {
        sites,
        regions,
        services,
        employees,
    })
}

/// The dashboard as JSON for a signed-in user (errors as problem details).
#[utoipa::path(get, path = "/api/v1/results", tag = "results", security(("session" = [])),
    params(crate::analytics::Selection),
    responses((status = 200, description = "Tiles, trend, rankings, heat map, reasons, areas and comments of the selection, within the user's reach", body = Object),
        (status = 400, description = "A selection that does not parse", body = Problem, content_type = "application/problem+json"), (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"), (status = 403, description = "The role may not see this", body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn api(w: Web, Query(sel): Query<Selection>) -> Result<Response> {
    let (_, d) = dashboard_of(&w, &sel).await?;
    Ok(Json(d).into_response())
}

/// `path` with the query string of a selection, some parameters replaced (`None`
/// removes one).
pub(super) fn link(path: &str, sel: &Selection, changes: &[(&str, Option<&str>)]) -> String {
    let mut pairs: Vec<(&str, Option<String>)> = vec![
        ("period", sel.period.clone()),
        ("at", sel.at.clone()),
        ("from", sel.from.clone()),
        ("to", sel.to.clone()),
        ("region", sel.region.clone()),
        ("site", sel.site.clone()),
        ("service", sel.service.clone()),
        ("employee", sel.employee.clone()),
        ("metric", sel.metric.clone()),
        ("low", sel.low.clone()),
        ("theme", sel.theme.clone()),
        ("sentiment", sel.sentiment.clone()),
    ];
    for (k, v) in changes {
        if let Some(p) = pairs.iter_mut().find(|(name, _)| name == k) {
            p.1 = v.map(str::to_string);
        }
    }
    let q: Vec<String> = pairs
        .into_iter()
        .filter_map(|(k, v)| {
            v.filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", urlencode(&v)))
        })
        .collect();
    format!("{path}?{}", q.join("&"))
}

/// A long list of the Overview shown whole (`site`, `service`, `employee`, `matrix`).
#[derive(serde::Deserialize)]
struct Expand {
    #[serde(default)]
    all: Option<String>,
}

/// Rankings longer than this show their best and worst [`RANKING_ENDS`] ranked rows: a
/// network of 500 sites and 1,000 employees made the Overview 1 MB of HTML, 62 ms to render.
const LONG_RANKING: usize = 25;
const RANKING_ENDS: usize = 10;

/// What a long ranking shows: the best and the worst of those ranked (rows too few to
/// rank, or withheld, come after them and are among the `more`).
#[derive(serde::Serialize)]
struct Cut {
    head: Vec<RankRow>,
    tail: Vec<RankRow>,
    more: usize,
}

/// Cuts a long ranking to what the page shows, leaving `rows` empty: the page is given
/// only the rows it draws (serialising 1,000 employees for the template to skip 980 of
/// them was a tenth of the instance's time on a network's Overview).
fn cut(rows: &mut Vec<RankRow>, whole: bool) -> Option<Cut> {
    if whole || rows.len() <= LONG_RANKING {
        return None;
    }
    let ranked = rows.iter().take_while(|r| r.rank.is_some()).count();
    let first = ranked.min(RANKING_ENDS);
    let last = ranked.saturating_sub(RANKING_ENDS).max(first);
    let all = std::mem::take(rows);
    let more = all.len() - first - (ranked - last);
    let mut all = all.into_iter();
    let head: Vec<RankRow> = all.by_ref().take(first).collect();
    let tail: Vec<RankRow> = all.skip(last - first).take(ranked - last).collect();
    Some(Cut { head, tail, more })
}
/// An employee × service matrix of more employees than this waits for a click.
const LONG_MATRIX: usize = 40;

async fn page(
    w: Web,
    Query(sel): Query<Selection>,
    Query(expand): Query<Expand>,
) -> Result<Response> {
    let (reach, mut d) = dashboard_of(&w, &sel).await?;
    let locale = w.locale();

    // The chart: the trend of the chosen metric with its interval, labels in the language.
    let labels: Vec<String> = d
        .trend
        .iter()
        .map(|p| {
            let (y, m) = p.month.split_once('-').unwrap_or(("", ""));
            let name = i18n::t(
                locale,
                &format!("month-short-{}", m.trim_start_matches('0')),
            );
            locale.localise_digits(&format!("{name} {y}"))
        })
        .collect();
    let external = &d.external;
    // The axis spans the whole scale: a band from 65 to 70 would magnify noise.
    let (axis_min, axis_max) = match d.unit {
        rida_domain::metrics::Unit::Percent => (0, 100),
        rida_domain::metrics::Unit::Score => (-100, 100),
        rida_domain::metrics::Unit::Mean => d.metric.scale().score_range().unwrap_or((1, 5)),
    };
    let chart = context! {
        axis_min => axis_min,
        axis_max => axis_max,
        external => external,
        labels => labels,
        unit => d.unit,
        metric => i18n::t(locale, &format!("metric-{}", d.metric.as_str())),
        interval => i18n::t(locale, "col-interval"),
        answers => i18n::t(locale, "col-answers"),
        values => d.trend.iter().map(|p| p.estimate.map(|e| e.value)).collect::<Vec<_>>(),
        low => d.trend.iter().map(|p| p.estimate.map(|e| e.low)).collect::<Vec<_>>(),
        high => d.trend.iter().map(|p| p.estimate.map(|e| e.high)).collect::<Vec<_>>(),
        n => d.trend.iter().map(|p| p.n).collect::<Vec<_>>(),
        locale => locale.tag(),
    };

    let FilterOptions {
        sites,
        regions,
        services,
        employees,
    } = filter_options(&w, reach.see_employees).await?;
    let alerts = open_alerts(&w, &reach, &sites).await?;
    let scope_name = if let Some(e) = reach.employee {
        employees.iter().find(|x| x.id == e).map(|x| x.name.clone())
    } else if let Some(s) = reach.site {
        sites.iter().find(|x| x.id == s).map(|x| x.name.clone())
    } else if let Some(r) = reach.region {
        regions.iter().find(|x| x.id == r).map(|x| x.name.clone())
    } else {
        None
    };
    let scope_name = match (scope_name, reach.service) {
        (name, Some(s)) => {
            let service = services.iter().find(|x| x.id == s).map(|x| x.name.clone());
            Some(
                [name, service]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
        }
        (name, None) => name,
    };
    let empty = d.tiles.iter().all(|t| t.n == 0);
    let whole = |list: &str| expand.all.as_deref() == Some(list);
    let cuts = context! {
        site => d.sites.as_mut().and_then(|r| cut(r, whole("site"))),
        service => cut(&mut d.services, whole("service")),
        employee => d.employees.as_mut().and_then(|r| cut(r, whole("employee"))),
    };
    // A long matrix waits for a click: the page is given how many rows it has, not them.
    let matrix_cut = d
        .matrix
        .as_mut()
        .filter(|m| m.rows.len() > LONG_MATRIX && !whole("matrix"))
        .map(|m| std::mem::take(&mut m.rows).len());
    let period = Some(d.period.kind);
    let links = context! {
        base => link(PAGE, &sel, &[]),
        previous => link(PAGE, &sel, &[("period", period), ("at", Some(&d.period.previous.0)), ("from", Some(&d.period.previous.0)), ("to", Some(&d.period.previous.1))]),
        next => link(PAGE, &sel, &[("period", period), ("at", Some(&d.period.next.0)), ("from", Some(&d.period.next.0)), ("to", Some(&d.period.next.1))]),
        low_comments => link(PAGE, &sel, &[("low", None)]),
        all_comments => link(PAGE, &sel, &[("low", Some("0")), ("theme", None), ("sentiment", None)]),
        themes_base => link(PAGE, &sel, &[("low", Some("0")), ("theme", None), ("sentiment", None)]),
        today => link("/admin/results/today", &sel, &[]),
        xlsx => link("/admin/results/export.xlsx", &sel, &[]),
        csv => link("/admin/results/export.csv", &sel, &[]),
        answers => link("/admin/results/answers.csv", &sel, &[]),
        month_pdf => (d.period.kind == "month").then(|| format!("/admin/results/month.pdf?at={}", d.period.from)),
    };
    Ok(w.render(
        "results.html",
        context! {
            external => external,
            alerts => alerts,
            d => d,
            chart => chart,
            empty => empty,
            scope_name => scope_name,
            links => links,
            cuts => cuts,
            matrix_cut => matrix_cut,
            sel => context! {
                at => sel.at, region => sel.region, site => sel.site,
                service => sel.service, employee => sel.employee,
            },
            options => context! {
                regions => regions, sites => sites, services => services, employees => employees,
                metrics => Metric::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
            },
        },
    ))
}

/// The open alerts of the selection's sites that the user may see (`sites`: those in
/// reach, for their names): the newest few and how many in all.
async fn open_alerts(
    w: &Web,
    reach: &Reach,
    sites: &[rida_store::Site],
) -> Result<minijinja::Value> {
    use rida_domain::policy::may_see_alert;
    if !w.user.may(rida_domain::Action::ViewAlerts { site: None }) {
        return Ok(minijinja::Value::UNDEFINED);
    }
    // The sites of the selection within the user's reach (the policy's scope): the list
    // and the count are chosen in SQL, however many alerts there are elsewhere.
    let scope = rida_domain::policy::results_limited_to_scope(&w.user.actor);
    let within: Option<Vec<uuid::Uuid>> = match (scope, reach.sites.as_ref()) {
        (None, None) => None,
        (Some(s), None) => Some(s.iter().copied().collect()),
        (None, Some(r)) => Some(r.clone()),
        (Some(s), Some(r)) => Some(r.iter().copied().filter(|x| s.contains(x)).collect()),
    };
    let listed = w
        .state
        .store
        .list_alerts_at(
            w.user.org.id,
            Some("open"),
            within.as_deref(),
            reach.service,
            20,
        )
        .await?;
    let policy = w.user.org.policy();
    let mine: Vec<_> = listed
        .into_iter()
        .filter(|a| may_see_alert(&w.user.actor, &policy, a.site_id))
        .collect();
    let newest: Vec<minijinja::Value> = mine
        .iter()
        .take(5)
        .map(|a| {
            minijinja::context! {
                id => a.id, rule => a.rule_names.pick(&a.rule_name, w.locale()), raised_at => a.raised_at,
                site => a.site_id.and_then(|s| sites.iter().find(|x| x.id == s)).map(|x| x.name.clone()),
            }
        })
        .collect();
    let n = w
        .state
        .store
        .count_open_alerts(w.user.org.id, within.as_deref(), reach.service)
        .await?;
    Ok(minijinja::context! { n => n, newest => newest })
}

/// Today's answers for the live tile, refreshed by the page.
async fn today(w: Web, Query(sel): Query<Selection>) -> Result<Response> {
    let reach = sel.resolve(&w.state, &w.user).await?;
    let t = crate::analytics::today::today(
        &w.state.store,
        w.user.org.id,
        w.user.org.thresholds(),
        &reach,
    )
    .await?;
    let locale = w.locale();
    Ok(Json(serde_json::json!({
        "n": t.n,
        "n_text": locale.format_number(t.n as f64, 0),
        "csat_text": match t.csat {
            Some(e) => format!("{}: {}%", i18n::t(locale, "metric-csat"), locale.format_number(e.value, 1)),
            None => i18n::t(locale, "today-empty"),
        },
    }))
    .into_response())
}
