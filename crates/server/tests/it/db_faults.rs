//! The database failing under a request: a statement held up past the statement
//! timeout is answered 503 with `Retry-After` as problem details (never a 500), and the
//! client's retry of the same answers is stored once.

use reqwest::StatusCode;
use rida_store::{Backend, ConnectOptions, Store};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{TestApp, problem, spawn_app, start};

/// An instance whose statements PostgreSQL cancels after `ms`.
async fn impatient_instance(app: &TestApp, ms: u64) -> (String, tokio::sync::oneshot::Sender<()>) {
    let store = Store::connect(&ConnectOptions {
        url: app.db.url.clone(),
        create_if_missing: false,
        max_connections: 4,
        statement_timeout: Some(std::time::Duration::from_millis(ms)),
    })
    .await
    .unwrap();
    start(store).await
}

#[tokio::test]
async fn a_statement_timeout_is_a_503_and_the_retry_is_stored_once() {
    let app = spawn_app(Backend::Postgres).await;
    let (addr, _stop) = impatient_instance(&app, 300).await;
    let token = app.token().await;
    let body = json!({ "ratings": [{
        "id": Uuid::now_v7(), "answered_at": "2026-11-20T10:15:00Z", "site_id": app.w.site,
        "channel": "kiosk", "question_id": app.w.question, "score": 4,
    }]});
    let post = || {
        reqwest::Client::new()
            .post(format!("{addr}/api/v1/ratings"))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    // An administrator holds the answers' table (a long migration, a manual repair).
    let admin = sqlx::PgPool::connect(&app.db.url).await.unwrap();
    let mut lock = admin.begin().await.unwrap();
    sqlx::query("LOCK TABLE ratings IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *lock)
        .await
        .unwrap();
    let r = post().await.unwrap();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        r.headers().get("retry-after").and_then(|v| v.to_str().ok()),
        Some("5")
    );
    let p = problem(r).await;
    assert_eq!(p["status"], 503);
    let detail = p["detail"].as_str().unwrap_or_default().to_lowercase();
    assert!(detail.contains("try again"), "{p:?}");
    assert!(
        !detail.contains("statement"),
        "no database internals: {p:?}"
    );
    lock.rollback().await.unwrap();
    // The client sends the same answer again, twice (a retry of a retry): stored once.
    for _ in 0..2 {
        let r = post().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 1);
    admin.close().await;
}
