//! The HTTP layer's one error type. It renders as RFC 9457 problem details
//! (`application/problem+json`); the web router turns it into an HTML page instead.

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use rida_store::StoreError;
use serde::Serialize;

/// What went wrong, as the client should learn it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("not logged in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    /// The organisation requires a second factor for this role, and the session has none.
    #[error("a second factor is required: set one up on /account/second-factor")]
    SecondFactorRequired,
    #[error("the form was stale or forged; reload the page and try again")]
    Csrf,
    #[error("{detail}")]
    BadRequest { code: &'static str, detail: String },
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    #[error("request body too large")]
    PayloadTooLarge { detail: String },
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    /// The database cannot take the request just now (see
    /// `StoreError::is_unavailable`); the client sends it again later.
    #[error("the database is not available just now")]
    Unavailable { retry_after_secs: u64 },
    #[error(transparent)]
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for Error {
    /// A database error on its way up through other code is still the database's: an
    /// unavailable one stays a 503 to retry, wherever it was wrapped.
    fn from(e: anyhow::Error) -> Self {
        let unavailable = e.chain().any(|c| {
            c.downcast_ref::<StoreError>()
                .is_some_and(StoreError::is_unavailable)
        });
        if unavailable {
            tracing::warn!(error = %e, "the database is not available");
            Error::Unavailable {
                retry_after_secs: UNAVAILABLE_RETRY_SECS,
            }
        } else {
            Error::Internal(e)
        }
    }
}

/// How long a client waits before sending again what the database could not take.
pub const UNAVAILABLE_RETRY_SECS: u64 = 5;

/// Result of a handler.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict => Error::Conflict {
                code: "conflict",
                detail: "already exists".into(),
            },
            StoreError::Stale => Error::Conflict {
                code: "stale",
                detail: "changed by someone else meanwhile; reload and try again".into(),
            },
            other if other.is_unavailable() => {
                tracing::warn!(error = %other, "the database is not available");
                Error::Unavailable {
                    retry_after_secs: UNAVAILABLE_RETRY_SECS,
                }
            }
            other => Error::Internal(anyhow::Error::new(other)),
        }
    }
}

/// The body of an `application/problem+json` response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A stable URI per kind of error, e.g. `urn:rida:problem:not-found`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Attached to error responses so the web router can render them as pages.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: Option<String>,
}

impl Error {
    /// Status code, stable code and title.
    pub fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            Error::NotFound => (StatusCode::NOT_FOUND, "not-found", "Not found"),
            Error::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
            ),
            Error::Forbidden => (StatusCode::FORBIDDEN, "forbidden", "Forbidden"),
            Error::SecondFactorRequired => (
                StatusCode::FORBIDDEN,
                "second-factor-required",
                "A second factor is required",
            ),
            Error::Csrf => (StatusCode::FORBIDDEN, "csrf", "Stale or missing form token"),
            Error::BadRequest { code, .. } => (StatusCode::BAD_REQUEST, code, "Bad request"),
            Error::Conflict { code, .. } => (StatusCode::CONFLICT, code, "Conflict"),
            Error::PayloadTooLarge { .. } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
            ),
            Error::TooManyRequests { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "too-many-requests",
                "Too many requests",
            ),
            Error::Unavailable { .. } => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "The database is not available just now",
            ),
            Error::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Internal server error",
            ),
        }
    }
}

/// Builds a problem+json response.
pub fn problem(status: StatusCode, code: &str, title: &str, detail: Option<String>) -> Response {
    let body = Problem {
        kind: format!("urn:rida:problem:{code}"),
        title: title.to_string(),
        status: status.as_u16(),
        detail,
    };
    let mut res = (status, Json(body)).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let (status, code, title) = self.parts();
        let detail = match &self {
            Error::Internal(e) => {
                // Logged with context; never shown to the client.
                tracing::error!(error = ?e, "internal error");
                None
            }
            Error::BadRequest { detail, .. }
            | Error::Conflict { detail, .. }
            | Error::PayloadTooLarge { detail } => Some(detail.clone()),
            Error::Csrf => Some(self.to_string()),
            Error::TooManyRequests { retry_after_secs }
            | Error::Unavailable { retry_after_secs } => {
                Some(format!("try again in {retry_after_secs} s"))
            }
            _ => None,
        };
        let mut res = problem(status, code, title, detail.clone());
        if let Error::TooManyRequests { retry_after_secs } | Error::Unavailable { retry_after_secs } =
            self
            && let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res.extensions_mut().insert(ErrorPage {
            status,
            code,
            detail,
        });
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_that_cannot_take_the_request_is_a_503_to_retry_not_a_500() {
        for e in [sqlx::Error::PoolTimedOut, sqlx::Error::PoolClosed] {
            let res = Error::from(StoreError::Db(e)).into_response();
            assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(res.headers()[header::RETRY_AFTER], "5");
            assert_eq!(
                res.headers()[header::CONTENT_TYPE],
                "application/problem+json"
            );
        }
        // Also when other code carried it up inside its own error.
        let wrapped = anyhow::Error::new(StoreError::Db(sqlx::Error::PoolTimedOut))
            .context("composing the page");
        assert_eq!(
            Error::from(wrapped).into_response().status(),
            StatusCode::SERVICE_UNAVAILABLE
        );
        let bug = Error::from(StoreError::Db(sqlx::Error::ColumnNotFound("x".into())));
        assert_eq!(
            bug.into_response().status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
