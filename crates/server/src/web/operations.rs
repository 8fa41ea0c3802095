//! The operations page (`/admin/operations`): response rate, waiting time, time with the
//! customer against each service's targets, and retention, from the visits. What to show
//! is decided in `crate::analytics`; this file only renders it.

use axum::{Json, Router, extract::Query, response::Response, routing::get};
use minijinja::context;

use super::{
    Web,
    results::{FilterOptions, filter_options, link},
};
use crate::{
    analytics::{
        Selection,
        operations::{self, Operations},
    },
    error::Problem,
    error::Result,
    state::AppState,
};

const PAGE: &str = "/admin/operations";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(PAGE, get(page))
        .route("/api/v1/operations", get(api))
}

/// The operations of a selection, as the signed-in user may see them.
async fn operations_of(w: &Web, sel: &Selection) -> Result<(crate::analytics::Reach, Operations)> {
    let reach = sel.resolve(&w.state, &w.user).await?;
    let o = operations::build(&w.state.store, &w.user.org, &reach, rida_store::now_ms()).await?;
    Ok((reach, o))
}

/// The same figures as JSON (errors as problem details).
#[utoipa::path(get, path = "/api/v1/operations", tag = "results", security(("session" = [])),
    params(crate::analytics::Selection),
    responses((status = 200, description = "Visits, response rate, waiting and service times and retention of the selection", body = Object),
        (status = 400, description = "A selection that does not parse", body = Problem, content_type = "application/problem+json"), (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"), (status = 403, description = "The role may not see this", body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn api(w: Web, Query(sel): Query<Selection>) -> Result<Response> {
    use axum::response::IntoResponse;
    let (_, o) = operations_of(&w, &sel).await?;
    Ok(Json(o).into_response())
}

async fn page(w: Web, Query(sel): Query<Selection>) -> Result<Response> {
    let (reach, o) = operations_of(&w, &sel).await?;
    let FilterOptions {
        sites,
        regions,
        services,
        employees,
    } = filter_options(&w, reach.see_employees).await?;
    let period = Some(o.period.kind);
    let links = context! {
        base => link(PAGE, &sel, &[]),
        previous => link(PAGE, &sel, &[("period", period), ("at", Some(&o.period.previous.0)), ("from", Some(&o.period.previous.0)), ("to", Some(&o.period.previous.1))]),
        next => link(PAGE, &sel, &[("period", period), ("at", Some(&o.period.next.0)), ("from", Some(&o.period.next.0)), ("to", Some(&o.period.next.1))]),
    };
    Ok(w.render(
        "operations.html",
        context! {
            d => o,
            links => links,
            sel => context! {
                at => sel.at, region => sel.region, site => sel.site,
                service => sel.service, employee => sel.employee,
            },
            options => context! {
                regions => regions, sites => sites, services => services, employees => employees,
            },
            can_set_targets => w.user.may(rida_domain::Action::ManageCatalogue),
        },
    ))
}
