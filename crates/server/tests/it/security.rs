//! What the independent check found, held shut: `/metrics` only for its scrapers, no
//! page or export kept by a cache, every API error as problem details, and no text with
//! a control character or answer from year 0 stored.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, both_backends};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, prepared, spawn_app, start_with};

both_backends! {
    metrics_are_served_only_to_their_addresses_or_token;
    results_pages_and_exports_are_never_cached;
    every_api_error_is_problem_details;
    control_characters_and_impossible_dates_are_refused;
}

async fn metrics_are_served_only_to_their_addresses_or_token(backend: Backend) {
    // By default: this machine only.
    let app = spawn_app(backend).await;
    let r = reqwest::get(format!("{}/metrics", app.addr)).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    drop(app);
    // No address allowed, a token set: the token and nothing else.
    let (store, w, db) = prepared(backend).await;
    let settings = rida_server::Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        metrics_addresses: String::new(),
        metrics_token: "scrape-secret".into(),
        ..rida_server::Settings::default()
    };
    let built = rida_server::Application::build(settings, store.clone())
        .await
        .unwrap();
    let app = TestApp::new(start_with(built).await, store, w, db);
    let get = |token: Option<&str>| {
        let mut r = reqwest::Client::new().get(format!("{}/metrics", app.addr));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    let r = get(None).await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    assert_eq!(
        get(Some("guess")).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let r = get(Some("scrape-secret")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("rida_http_requests_total"));
}

async fn results_pages_and_exports_are_never_cached(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    for path in [
        "/admin/results",
        "/admin/results/today",
        "/api/v1/results",
        "/admin/results/export.xlsx",
        "/admin/results/export.csv?table=sites",
        "/admin/results/answers.csv",
        "/admin/reports/export.xlsx",
        "/admin/reports/export.pdf",
        "/admin/results/month.pdf",
        "/admin/week.pdf",
        "/api/v1/reports/run",
        "/admin/pulse",
        "/api/v1/pulse",
        "/admin",
    ] {
        let r = head.get(path).await;
        assert!(r.status().is_success(), "{path}: {}", r.status());
        assert_eq!(r.headers()["cache-control"], "no-store", "{path}");
    }
    // Static files keep their own caching.
    let r = head.get("/static/rida.css").await;
    assert_ne!(r.headers()["cache-control"], "no-store");
}

async fn every_api_error_is_problem_details(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    let client = reqwest::Client::new();
    let checks = [
        // A pairing request without a code, and one that is not JSON.
        client
            .post(format!("{}/api/v1/kiosk/pair", app.addr))
            .json(&json!({ "pin": 1 }))
            .send()
            .await
            .unwrap(),
        client
            .post(format!("{}/api/v1/kiosk/pair", app.addr))
            .header("content-type", "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap(),
        // A heartbeat whose count is not a number.
        client
            .post(format!("{}/api/v1/kiosk/heartbeat", app.addr))
            .bearer_auth(&token)
            .json(&json!({ "queued": "x" }))
            .send()
            .await
            .unwrap(),
        // A query that does not parse, an unknown route, a wrong method.
        client
            .get(format!(
                "{}/api/v1/kiosk/station/status?terminal=not-an-id",
                app.addr
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
        client
            .get(format!("{}/api/v1/nothing-here", app.addr))
            .send()
            .await
            .unwrap(),
        client
            .delete(format!("{}/api/v1/ratings", app.addr))
            .send()
            .await
            .unwrap(),
    ];
    for r in checks {
        let status = r.status();
        assert!(status.is_client_error(), "{status}");
        assert_eq!(
            r.headers()["content-type"],
            "application/problem+json",
            "{status} {}",
            r.url()
        );
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["status"], status.as_u16());
        assert!(p["type"].as_str().unwrap().starts_with("urn:rida:problem:"));
    }
}

async fn control_characters_and_impossible_dates_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.token().await;
    let item = |answered_at: &str, text: Option<&str>| {
        let mut i = json!({ "id": Uuid::now_v7(), "answered_at": answered_at, "site_id": app.w.site,
            "channel": "kiosk", "question_id": app.w.question, "score": 4 });
        if let Some(t) = text {
            i["question_id"] = json!(app.w.text_question);
            i.as_object_mut().unwrap().remove("score");
            i["text"] = json!(t);
        }
        i
    };
    // A NUL or an escape in a text: the whole request is refused, nothing stored.
    for text in ["before\u{0}after", "bell\u{7}", "esc\u{1b}[31m"] {
        let r = app
            .post_ratings(
                Some(&token),
                &json!({ "ratings": [item("2026-11-20T10:00:00Z", Some(text))] }),
            )
            .await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{text:?}");
        assert_eq!(r.headers()["content-type"], "application/problem+json");
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["type"], "urn:rida:problem:control-character");
    }
    // Year 0000: refused with a clear code; line breaks in a comment are fine.
    let r = app
        .post_ratings(
            Some(&token),
            &json!({ "ratings": [item("0000-01-01T00:00:00Z", None), item("2026-11-20T10:00:00Z", Some("slow\nqueue"))] }),
        )
        .await;
    let j: Value = r.json().await.unwrap();
    assert_eq!(j["results"][0]["errors"][0]["code"], "too_early", "{j}");
    assert_eq!(j["results"][1]["status"], "stored", "{j}");
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 1);
    // A form with a NUL is refused too.
    let head = app.login_as(Role::Head).await;
    let r = head
        .submit(
            "/admin/regions/new",
            "/admin/regions",
            &[("name", "East\u{0}")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}
