//! Supervision: every terminal of every site in reach on one live page, grouped by
//! region and site, with what needs attention first. A network's hundreds of terminals
//! are searched by name or site, narrowed to those with a problem, and paged. The page
//! refreshes its list every few seconds; `GET /api/v1/terminals` gives the same as JSON.

use axum::{
    Json, Router,
    extract::Query,
    response::{IntoResponse, Response},
    routing::get,
};
use minijinja::{Value, context};
use rida_domain::Action;
use rida_store::{ListQuery, Localized, Terminal};
use serde::Deserialize;
use uuid::Uuid;

use super::{Web, terminals::status};
use crate::{
    attention::{Judged, Watch},
    error::Problem,
    error::Result,
    state::AppState,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/supervision", get(page))
        .route("/api/v1/terminals", get(api))
}

/// A site's name and its terminals' rows.
type SiteGroup = (String, Vec<Value>);

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Filter {
    #[serde(default)]
    region: String,
    #[serde(default)]
    site: String,
    /// Terminals whose name or site contains this (any case).
    #[serde(default)]
    q: String,
    /// `problems`: only terminals offline, quiet or not paired.
    #[serde(default)]
    show: String,
    /// The page of the list (from 1).
    #[serde(default)]
    page: Option<usize>,
    /// Only the live part of the page (for its refresh).
    #[serde(default)]
    fragment: Option<String>,
}

/// The terminals in reach (and through the filter), each judged.
async fn terminals(w: &Web, f: &Filter) -> Result<Vec<(Terminal, Judged)>> {
    w.user.require(Action::ViewTerminals)?;
    let within = w.user.site_filter();
    let all = ListQuery::all();
    let list = w
        .state
        .store
        .list_terminals(w.user.org.id, within.as_deref(), &all)
        .await?
        .localized(w.locale());
    let now = rida_store::now_ms();
    let watch = Watch::load(&w.state, w.user.org.id, &w.user.org.time_zone, now).await?;
    let region = Uuid::parse_str(&f.region).ok();
    let site = Uuid::parse_str(&f.site).ok();
    let q = f.q.trim().to_lowercase();
    let problems = f.show == "problems";
    Ok(list
        .items
        .into_iter()
        .filter(|t| region.is_none_or(|r| t.region_id == r) && site.is_none_or(|s| t.site_id == s))
        .filter(|t| {
            q.is_empty()
                || t.name.to_lowercase().contains(&q)
                || t.site_name.to_lowercase().contains(&q)
        })
        .map(|t| {
            let judged = watch.judge(&t);
            (t, judged)
        })
        .filter(|(t, j)| !problems || !t.paired || !j.alerts.is_empty())
        .collect())
}

/// Terminals listed on a page of supervision; those needing attention are all counted
/// and the first [`ATTENTION_SHOWN`] named at the top.
const PAGE_SIZE: usize = 100;
const ATTENTION_SHOWN: usize = 50;

async fn page(w: Web, Query(f): Query<Filter>) -> Result<Response> {
    let list = terminals(&w, &f).await?;
    let now = rida_store::now_ms();
    let pages = list.len().div_ceil(PAGE_SIZE).max(1);
    let page = f.page.unwrap_or(1).clamp(1, pages);
    let shown = (page - 1) * PAGE_SIZE..(page * PAGE_SIZE).min(list.len());
    // Region → site → terminals, in the order the store gives (by name).
    let mut groups: Vec<(String, Vec<SiteGroup>)> = Vec::new();
    let (mut online, mut offline, mut unpaired, mut alerting) = (0, 0, 0, Vec::new());
    let mut attention = 0;
    for (i, (t, judged)) in list.iter().enumerate() {
        match (t.paired, t.online(now)) {
            (false, _) => unpaired += 1,
            (true, true) => online += 1,
            (true, false) => offline += 1,
        }
        let can_manage = w.user.may(Action::ManageTerminals {
            site: Some(t.site_id),
        });
        let row = context! {
            alerts => judged.alerts, can_manage => can_manage,
            silent_hours => judged.silent_minutes.map(|m| f64::from(m) / 60.0),
            usual_gap => judged.usual_gap,
            ..status(t, now)
        };
        if !judged.alerts.is_empty() {
            attention += 1;
            if alerting.len() < ATTENTION_SHOWN {
                alerting.push(row.clone());
            }
        }
        if !shown.contains(&i) {
            continue;
        }
        if groups.last().is_none_or(|g| g.0 != t.region_name) {
            groups.push((t.region_name.clone(), Vec::new()));
        }
        let sites = &mut groups.last_mut().expect("just pushed").1;
        if sites.last().is_none_or(|s| s.0 != t.site_name) {
            sites.push((t.site_name.clone(), Vec::new()));
        }
        sites.last_mut().expect("just pushed").1.push(row);
    }
    let all = ListQuery::all();
    let org = w.user.org.id;
    let regions = w
        .state
        .store
        .list_regions(org, &all)
        .await?
        .items
        .localized(w.locale());
    let sites = w.sites_in_reach().await?;
    let ctx = context! {
        groups => groups.iter().map(|(r, sites)| context! {
            name => r,
            sites => sites.iter().map(|(s, ts)| context! { name => s, terminals => ts }).collect::<Vec<_>>(),
        }).collect::<Vec<_>>(),
        summary => context! { total => list.len(), online => online, offline => offline, unpaired => unpaired },
        alerting => alerting,
        pace_min_customers => rida_domain::terminal::PACE_MIN_CUSTOMERS,
        attention_more => attention - alerting.len(),
        paging => context! {
            page => page, pages => pages,
            first => shown.start + 1, last => shown.end, total => list.len(),
            previous => (page > 1).then(|| page_link(&f, page - 1)),
            next => (page < pages).then(|| page_link(&f, page + 1)),
        },
        regions => regions.iter().map(|r| context! { id => r.id.to_string(), name => r.name }).collect::<Vec<_>>(),
        sites => sites.iter().map(|s| context! { id => s.id.to_string(), name => s.name }).collect::<Vec<_>>(),
        filter => context! { region => f.region, site => f.site, q => f.q, show => f.show },
    };
    let template = if f.fragment.is_some() {
        "supervision_live.html"
    } else {
        "supervision.html"
    };
    Ok(w.render(template, ctx))
}

/// The supervision page `page` of the same filter.
fn page_link(f: &Filter, page: usize) -> String {
    let mut q = vec![format!("page={page}")];
    for (k, v) in [
        ("region", &f.region),
        ("site", &f.site),
        ("q", &f.q),
        ("show", &f.show),
    ] {
        if !v.is_empty() {
            q.push(format!("{k}={}", super::urlencode(v)));
        }
    }
    format!("/admin/supervision?{}", q.join("&"))
}

/// The same list as JSON, for a wall screen or a monitoring system.
#[utoipa::path(get, path = "/api/v1/terminals", tag = "terminals", security(("session" = [])),
    params(Filter),
    responses((status = 200, description = "Every terminal in reach: site, state, last answer, queued answers, battery, version and what needs attention", body = Object),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"), (status = 403, description = "The role may not see this", body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn api(w: Web, Query(f): Query<Filter>) -> Result<Response> {
    let list = terminals(&w, &f).await?;
    let now = rida_store::now_ms();
    let items: Vec<serde_json::Value> = list
        .iter()
        .map(|(t, judged)| {
            serde_json::json!({
                "id": t.id, "name": t.name, "region": t.region_name, "site_id": t.site_id, "site": t.site_name,
                "mode": t.mode, "state": t.state, "survey": t.survey_name, "paired": t.paired,
                "online": t.online(now), "last_seen_at": t.last_seen_at, "last_answer_at": t.last_answer_at,
                "app_version": t.app_version, "queued": t.queued, "battery": t.battery, "alerts": judged.alerts,
                "silent_minutes": judged.silent_minutes, "usual_gap_minutes": judged.usual_gap,
            })
        })
        .collect();
    Ok(Json(serde_json::json!({ "terminals": items })).into_response())
}
