//! The audit log page: sign-ins, refusals, role changes and every administrative change,
//! newest first, narrowed by kind, actor and dates, and downloadable as CSV for IT. The
//! head's alone.

use axum::{
    Router,
    extract::Query,
    http::header,
    response::{IntoResponse, Response},
    routing::get,
};
use jiff::tz::TimeZone;
use minijinja::context;
use rida_domain::{Action, period::parse_typed_date};
use rida_store::{AuditFilter, ListQuery};
use serde::Deserialize;

use super::{ListParams, Web, urlencode};
use crate::{error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(list))
        .route("/admin/audit.csv", get(download))
}

#[derive(Deserialize, Default)]
struct Narrow {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

impl Narrow {
    /// The filter, with the dates as whole days in the organisation's time zone.
    fn filter(&self, time_zone: &str) -> AuditFilter {
        let tz = TimeZone::get(time_zone).unwrap_or(TimeZone::UTC);
        let start = |s: &str, days: i64| {
            parse_typed_date(s)
                .and_then(|d| d.checked_add(jiff::Span::new().days(days)).ok())
                .and_then(|d| d.to_zoned(tz.clone()).ok())
                .map(|z| z.timestamp().as_millisecond())
        };
        AuditFilter {
            action: Some(self.action.trim().to_string()).filter(|a| !a.is_empty()),
            actor: Some(self.actor.trim().to_string()).filter(|a| !a.is_empty()),
            from_ms: start(&self.from, 0),
            to_ms: start(&self.to, 1),
        }
    }

    /// The narrowing as query parameters (for the pages and the download).
    fn query(&self) -> String {
        format!(
            "&action={}&actor={}&from={}&to={}",
            urlencode(&self.action),
            urlencode(&self.actor),
            urlencode(&self.from),
            urlencode(&self.to)
        )
    }
}

async fn list(w: Web, Query(p): Query<ListParams>, Query(n): Query<Narrow>) -> Result<Response> {
    w.user.require(Action::ViewAudit)?;
    let org = w.user.org.id;
    let page = w
        .state
        .store
        .list_audit(org, &p.query(), &n.filter(&w.user.org.time_zone))
        .await?;
    Ok(w.render(
        "audit.html",
        context! {
            items => page.items,
            pager => p.pager(page.total),
            actions => w.state.store.audit_actions(org).await?,
            narrow => context! { action => n.action.clone(), actor => n.actor.clone(), from => n.from.clone(), to => n.to.clone() },
            extra => n.query(),
            csv => format!("/admin/audit.csv?q={}{}", urlencode(&p.q), n.query()),
        },
    ))
}

/// The entries the page shows (all of them, not a page), as CSV: time in UTC (ISO
/// 8601), actor, action, entity, entity id, detail.
async fn download(
    w: Web,
    Query(p): Query<ListParams>,
    Query(n): Query<Narrow>,
) -> Result<Response> {
    w.user.require(Action::ViewAudit)?;
    let q = ListQuery {
        search: Some(p.q.clone()).filter(|q| !q.trim().is_empty()),
        ..ListQuery::all()
    };
    let entries = w
        .state
        .store
        .list_audit(w.user.org.id, &q, &n.filter(&w.user.org.time_zone))
        .await?
        .items;
    let mut out = csv::Writer::from_writer(Vec::new());
    let row = |out: &mut csv::Writer<Vec<u8>>, r: [&str; 6]| {
        out.write_record(r).map_err(anyhow::Error::from)
    };
    row(
        &mut out,
        ["at_utc", "actor", "action", "entity", "entity_id", "detail"],
    )?;
    for e in entries {
        let at = jiff::Timestamp::from_millisecond(e.at)
            .map(|t| t.to_string())
            .unwrap_or_default();
        let id = e.entity_id.map(|i| i.to_string()).unwrap_or_default();
        row(
            &mut out,
            [&at, &e.actor, &e.action, &e.entity, &id, &e.detail],
        )?;
    }
    let body = out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"rida-audit-log.csv\"".to_string(),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response())
}
