//! The home page (`/admin`): the manager's week (see `analytics::week`) for the sites the
//! reader may see, any earlier week a click back; and, for who sets Rida up, what is set
//! up and what to do next.

use axum::{Router, extract::Query, response::Response, routing::get};
use minijinja::context;
use rida_domain::{Action, period::parse_typed_date};
use rida_store::ListQuery;
use serde::Deserialize;

use super::Web;
use crate::{
    analytics::{org_today, week},
    error::Result,
    state::AppState,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(overview))
        .route("/admin/week.pdf", get(pdf))
}

#[derive(Deserialize, Default)]
struct Which {
    /// A day of the week to show; the last complete week when absent (or later).
    #[serde(default)]
    week: String,
}

impl Which {
    /// The Monday of the week asked for (the last complete week, or one before it), and
    /// the last complete week's.
    fn monday(&self, w: &Web) -> (jiff::civil::Date, jiff::civil::Date) {
        let last = week::last_week(org_today(&w.user.org.time_zone));
        let asked = parse_typed_date(self.week.trim())
            .map(week::monday_of)
            .filter(|m| *m < last)
            .unwrap_or(last);
        (asked, last)
    }
}

/// The week as a PDF laid out for A4, in the reader's language.
async fn pdf(w: Web, Query(which): Query<Which>) -> Result<Response> {
    w.user.require(Action::OpenAdmin)?;
    if !week::is_for(&w.user) {
        return Err(crate::Error::Forbidden);
    }
    let (monday, _) = which.monday(&w);
    let shown = week::build(&w.state, &w.user, monday, rida_store::now_ms()).await?;
    let bytes = crate::jobs::monday::pdf(&w.state, &w.user, &shown).await?;
    Ok(super::results::download(
        bytes,
        crate::pdf::PDF_MIME,
        format!("rida-week-{}.pdf", shown.from),
    ))
}

async fn overview(w: Web, Query(which): Query<Which>) -> Result<Response> {
    w.user.require(Action::OpenAdmin)?;
    let org = w.user.org.id;
    let store = &w.state.store;
    let (monday, last) = which.monday(&w);
    let shown = week::build(&w.state, &w.user, monday, rida_store::now_ms()).await?;
    let step = |days: i64| monday.checked_add(jiff::Span::new().days(days)).ok();
    let can_manage = w.user.may(Action::ManageCatalogue);
    let counts = if can_manage {
        let all = ListQuery {
            limit: 1,
            ..ListQuery::default()
        };
        Some(context! {
            regions => store.list_regions(org, &all).await?.total,
            sites => store.list_sites(org, &all, None).await?.total,
            services => store.list_services(org, &all).await?.total,
            employees => store.list_employees(org, &all, None).await?.total,
        })
    } else {
        None
    };
    Ok(w.render(
        "home.html",
        context! {
            week => shown,
            previous => step(-7).map(|d| d.to_string()),
            next => (monday < last).then(|| step(7)).flatten().map(|d| d.to_string()),
            counts => counts,
            can_manage => can_manage,
        },
    ))
}
