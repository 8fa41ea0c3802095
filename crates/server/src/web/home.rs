//! The overview page: what is set up, what to do next, and the last 30 days in one figure.

use axum::{Router, response::Response, routing::get};
use minijinja::context;
use rida_domain::{Action, Scale, metrics};
use rida_store::ListQuery;

use super::Web;
use crate::{error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin", get(overview))
}

async fn overview(w: Web) -> Result<Response> {
    w.user.require(Action::OpenAdmin)?;
    let org = w.user.org.id;
    let store = &w.state.store;
    let all = ListQuery {
        limit: 1,
        ..ListQuery::default()
    };
    let within = w.user.site_filter();
    let sites = store.list_sites(org, &all, within.as_deref()).await?.total;
    let regions = store.list_regions(org, &all).await?.total;
    let services = store.list_services(org, &all).await?.total;
    let employees = store
        .list_employees(org, &all, within.as_deref())
        .await?
        .total;
    let csat = if w.user.may(Action::ViewResults { site: None }) {
        let tz = jiff::tz::TimeZone::get(&w.user.org.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        // The same 30 days as the results page opens on.
        let today = jiff::Timestamp::now().to_zoned(tz).date();
        let period =
            rida_domain::period::Period::last_days(today, rida_domain::period::DEFAULT_DAYS);
        let day = rida_domain::period::day_key(period.from);
        let (counts, bursts) = store
            .score_counts(org, Scale::Csat5, day, i32::MAX, within.as_deref())
            .await?;
        let e = metrics::csat(&counts);
        Some(context! {
            n => counts.n(),
            share => e.map(|e| e.value),
            low => e.map(|e| e.low),
            high => e.map(|e| e.high),
            bursts => bursts,
        })
    } else {
        None
    };
    Ok(w.render(
        "home.html",
        context! {
            counts => context! { regions, sites, services, employees },
            csat => csat,
            can_manage => w.user.may(Action::ManageCatalogue),
        },
    ))
}
