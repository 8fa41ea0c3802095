//! The terminal page (`/kiosk/`): one static, full-screen page that a tablet or touch PC
//! keeps open. Its texts for every language are embedded, so it works offline after the
//! first load; its service worker keeps the page, script, styles and fonts cached.

use axum::{
    Router,
    extract::State,
    http::header,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use rida_domain::Locale;
use serde_json::{Map, Value};

use crate::{i18n, state::AppState};

/// The messages the terminal page shows, by key.
pub const KIOSK_TEXTS: &[&str] = &[
    "kiosk-title",
    "kiosk-pair-title",
    "kiosk-pair-help",
    "kiosk-pair-code",
    "kiosk-pair-submit",
    "kiosk-pair-wrong",
    "kiosk-pair-format",
    "kiosk-pair-busy",
    "kiosk-unpaired",
    "kiosk-other-tab",
    "kiosk-maintenance",
    "kiosk-maintenance-sub",
    "kiosk-locked",
    "kiosk-no-survey",
    "kiosk-thanks",
    "kiosk-thanks-sub",
    "kiosk-next",
    "kiosk-skip",
    "kiosk-send",
    "kiosk-type-here",
    "kiosk-choose-many",
    "kiosk-yes",
    "kiosk-no",
    "kiosk-smiley-1",
    "kiosk-smiley-2",
    "kiosk-smiley-3",
    "kiosk-smiley-4",
    "kiosk-smiley-5",
    "kiosk-nps-low",
    "kiosk-nps-high",
    "kiosk-ces-low",
    "kiosk-ces-high",
    "kiosk-agree-low",
    "kiosk-agree-high",
    "kiosk-whom",
    "kiosk-rate-place",
    "kiosk-which-service",
    "kiosk-asked-by",
    "kiosk-offline",
    "kiosk-language",
    "station-ask",
    "station-waiting",
    "station-received",
    "station-visit",
    "station-no-visit",
    "station-visit-start",
    "station-visit-end",
    "station-privacy",
    "flash-station-no-terminal",
];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/kiosk", get(|| async { Redirect::permanent("/kiosk/") }))
        .route("/kiosk/", get(page))
        .route("/kiosk/sw.js", get(service_worker))
}

/// Every kiosk message in every language, for the page to switch without the network.
fn texts() -> Value {
    let mut all = Map::new();
    for l in Locale::ALL {
        let mut m = Map::new();
        for key in KIOSK_TEXTS {
            m.insert(
                key.trim_start_matches("kiosk-").to_string(),
                Value::String(i18n::t(l, key)),
            );
        }
        all.insert(l.tag().to_string(), Value::Object(m));
    }
    Value::Object(all)
}

async fn page(State(state): State<AppState>) -> Response {
    render_page(&state, None)
}

/// The terminal page; with `preview`, the address of a survey's preview settings (the
/// survey editor's frame: nothing paired, nothing stored).
pub(super) fn render_page(state: &AppState, preview: Option<&str>) -> Response {
    let tmpl = state
        .templates
        .get_template("kiosk.html")
        .expect("kiosk template");
    // `</` never appears inside the JSON block: the script element cannot be closed early.
    let json = texts().to_string().replace("</", "<\\/");
    let html = tmpl
        .render(minijinja::context! { texts => json, version => env!("CARGO_PKG_VERSION"), preview => preview })
        .unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        html,
    )
        .into_response()
}

async fn service_worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../static/kiosk/sw.js").replace("{{VERSION}}", env!("CARGO_PKG_VERSION")),
    )
        .into_response()
}
