//! The OpenAPI 3.1 document, generated from the handlers and types.

use axum::{Json, response::IntoResponse};
use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};

use super::{consent, health, ratings, visits};
use crate::error::Problem;

#[derive(OpenApi)]
#[openapi(
    info(title = "Rida API", description = "Ratings and visits ingest and operations endpoints of Rida, the customer-satisfaction platform. Errors are RFC 9457 problem details with a stable `type` per error."),
    paths(ratings::ingest, visits::record, visits::event, consent::change, health::healthz, health::readyz),
    components(schemas(ratings::RatingBatch, ratings::RatingItem, ratings::BatchResult, ratings::ItemResult, ratings::ItemError, visits::VisitItem, visits::VisitBatch, visits::VisitResult, visits::VisitBatchResult, visits::VisitEvent, consent::ConsentChange, consent::ConsentState, Problem)),
    modifiers(&BearerAuth),
    tags((name = "ratings", description = "Store answers from any channel"), (name = "visits", description = "Visits from queue systems, POS and CRMs"), (name = "operations", description = "Health checks"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
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
