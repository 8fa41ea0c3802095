//! Rida's HTTP server: admin pages (`web`), the JSON API (`api`), sessions and the
//! access policy's enforcement (`auth`), translations (`i18n`) and page rendering (`render`).

pub mod analytics;
pub mod api;
pub mod attention;
pub mod auth;
pub mod contact;
pub mod demo_fill;
pub mod directory;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod messaging;
pub mod pdf;
pub mod push;
pub mod render;
pub mod second_factor;
pub mod settings;
pub mod state;
pub mod web;
pub mod webhooks;

use std::{future::Future, net::SocketAddr};

use axum::Router;
use tokio::net::TcpListener;

pub use error::Error;
pub use settings::Settings;
pub use state::AppState;

/// The whole application, bound to a port but not yet serving.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

impl Application {
    /// Connects storage (running migrations), builds the routes and binds the listen
    /// address. Port 0 picks a free port: see [`Application::local_addr`].
    pub async fn build(
        settings: Settings,
        store: rida_store::Store,
    ) -> anyhow::Result<Application> {
        let state = AppState::new(settings.clone(), store).await?;
        let router = router(state.clone());
        let listener = TcpListener::bind(settings.listen)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.listen))?;
        // The address bound (port 0 asks for a free one): the public address falls back
        // to it.
        let _ = state.bound.set(listener.local_addr()?);
        Ok(Application {
            listener,
            router,
            state,
        })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("bound listener has an address")
    }

    /// The shared state (for tests and the CLI).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let jobs = self.state.settings.jobs.then(|| {
            [
                jobs::spawn(self.state.clone()),
                jobs::readings::spawn(self.state.clone()),
                messaging::dispatch::spawn(self.state.clone()),
            ]
        });
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        for j in jobs.into_iter().flatten() {
            j.abort();
        }
        served?;
        Ok(())
    }
}

/// Responses that say nothing of caching are not kept by browsers or proxies: results,
/// exports and every page carry data that must not outlive the session. Static files,
/// voice prompts, logos and survey pages set their own.
async fn no_store_by_default(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut res = next.run(req).await;
    res.headers_mut()
        .entry(axum::http::header::CACHE_CONTROL)
        .or_insert(axum::http::HeaderValue::from_static("no-store"));
    res
}

/// Every route of the application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(web::router(state.clone()))
        .merge(api::router(state.clone()))
        .layer(axum::middleware::from_fn(api::metrics::track))
        .layer(axum::middleware::from_fn(no_store_by_default))
        .layer(axum::middleware::from_fn(api::problems_only))
        // Spans name the path only: query strings may carry phone numbers and tokens
        // (gateways call with them), which must never reach a log.
        .layer(
            tower_http::trace::TraceLayer::new_for_http().make_span_with(
                |r: &axum::http::Request<axum::body::Body>| {
                    tracing::debug_span!("request", method = %r.method(), path = %r.uri().path())
                },
            ),
        )
        .with_state(state)
}
