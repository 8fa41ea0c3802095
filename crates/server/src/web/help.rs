//! Help pages: how each figure is computed, in the reader's language.

use axum::{Router, response::Response, routing::get};
use minijinja::context;
use rida_domain::{Action, metrics::Thresholds};

use super::Web;
use crate::{error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/help/metrics", get(metrics))
}

/// The metrics, one section each: what it measures, its formula, the scale, what counts
/// as an answer, and how sure the figure is.
const METRICS: [&str; 15] = [
    "csat",
    "nps",
    "ces",
    "ranking",
    "anonymity",
    "response-rate",
    "wait",
    "handle",
    "retention",
    "reasons",
    "areas",
    "servqual",
    "ack",
    "close",
    "language",
];

async fn metrics(w: Web) -> Result<Response> {
    w.user.require(Action::OpenAdmin)?;
    let t = Thresholds::default();
    Ok(w.render(
        "help_metrics.html",
        context! {
            metrics => METRICS, min_ranked => t.min_ranked, min_shown => t.min_shown,
            days => w.user.org.retention_days,
        },
    ))
}
