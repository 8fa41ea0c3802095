//! The OpenAPI 3.1 document, generated from the handlers and types.

use axum::{Json, response::IntoResponse};
use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};

use super::{consent, health, kiosk, ratings, visits};
use crate::error::Problem;

#[derive(OpenApi)]
#[openapi(
    info(title = "Rida API", description = "Ratings and visits ingest and operations endpoints of Rida, the customer-satisfaction platform. Errors are RFC 9457 problem details with a stable `type` per error."),
    paths(
        ratings::ingest, visits::record, visits::event, consent::change, health::healthz, health::readyz,
        kiosk::pair, kiosk::config, kiosk::heartbeat, kiosk::wait, kiosk::answers,
        kiosk::station_ask, kiosk::station_status, kiosk::station_visit,
        crate::web::results::api, crate::web::operations::api, crate::web::reports::run_json,
        crate::web::supervision::api, crate::web::pulse::json,
    ),
    components(schemas(kiosk::PairRequest, kiosk::HeartbeatRequest, kiosk::VisitRequest, kiosk::KioskBatch, kiosk::KioskAnswer, ratings::RatingBatch, ratings::RatingItem, ratings::BatchResult, ratings::ItemResult, ratings::ItemError, visits::VisitItem, visits::VisitBatch, visits::VisitResult, visits::VisitBatchResult, visits::VisitEvent, consent::ConsentChange, consent::ConsentState, Problem)),
    modifiers(&BearerAuth),
    tags((name = "ratings", description = "Store answers from any channel"), (name = "visits", description = "Visits from queue systems, POS and CRMs"), (name = "operations", description = "Health checks"), (name = "terminals", description = "Rating terminals and employee stations (device token from pairing), and their supervision"), (name = "results", description = "Figures for a signed-in user, within their reach (session cookie)"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "device_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("The token a terminal receives when it is paired"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(utoipa::openapi::security::ApiKey::Cookie(
                utoipa::openapi::security::ApiKeyValue::new(crate::auth::SESSION_COOKIE),
            )),
        );
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API token created with `rida token create` or on the Tokens page",
                    ))
                    .build(),
            ),
        );
    }
}

/// `GET /api/openapi.json`.
pub async fn document() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `/api` route the code registers, read from the sources.
    fn api_routes() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (at, _) in text.match_indices(".route(") {
                        let rest = text[at + ".route(".len()..].trim_start();
                        if let Some(route) =
                            rest.strip_prefix('"').and_then(|r| r.split('"').next())
                            && route.starts_with("/api/")
                        {
                            out.push(route.to_string());
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }

    #[test]
    fn every_api_route_is_in_the_openapi_document() {
        let doc = ApiDoc::openapi();
        let routes = api_routes();
        assert!(routes.len() >= 16, "{routes:?}");
        let missing: Vec<&String> = routes
            .iter()
            .filter(|r| r.as_str() != "/api/openapi.json" && !doc.paths.paths.contains_key(*r))
            .collect();
        assert!(missing.is_empty(), "not documented: {missing:?}");
        // Every documented error is problem details.
        let json = serde_json::to_value(&doc).unwrap();
        for (path, ops) in json["paths"].as_object().unwrap() {
            for (method, op) in ops.as_object().unwrap() {
                for (status, r) in op["responses"].as_object().unwrap() {
                    if status.starts_with('4') || status.starts_with('5') {
                        assert!(
                            r["content"].get("application/problem+json").is_some(),
                            "{method} {path} {status}"
                        );
                    }
                }
            }
        }
    }
}
