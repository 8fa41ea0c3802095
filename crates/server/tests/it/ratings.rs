//! `POST /api/v1/ratings`: batches, per-item errors, idempotency, bad input.

use reqwest::StatusCode;
use rida_store::{Backend, By, both_backends};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, problem, spawn_app};

both_backends! {
    a_batch_stores_the_good_items_and_says_why_the_others_were_refused;
    resending_a_batch_stores_nothing_twice_and_answers_the_same;
    the_api_refuses_requests_without_a_live_token;
    malformed_or_oversized_requests_get_problem_details_and_store_nothing;
}

fn item(app: &TestApp, score: i64) -> Value {
    json!({
        "id": Uuid::now_v7(),
        "answered_at": "2026-11-20T10:15:00Z",
        "site_id": app.w.site,
        "service_id": app.w.service,
        "employee_id": app.w.employee,
        "channel": "kiosk",
        "question_id": app.w.question,
        "score": score,
    })
}

async fn a_batch_stores_the_good_items_and_says_why_the_others_were_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.token().await;
    let mut good = item(&app, 5);
    good["lang"] = json!("ar-SA");
    let mut bad_lang = item(&app, 5);
    bad_lang["lang"] = json!("Arabic");
    let mut out_of_range = item(&app, 7);
    let mut unknown_site = item(&app, 4);
    unknown_site["site_id"] = json!(Uuid::now_v7());
    let mut unknown_employee = item(&app, 4);
    unknown_employee["employee_id"] = json!(Uuid::now_v7());
    let mut wrong_type = item(&app, 3);
    wrong_type["score"] = json!("three");
    let mut unknown_field = item(&app, 3);
    unknown_field["mood"] = json!("happy");
    let mut text = item(&app, 1);
    text.as_object_mut().unwrap().remove("score");
    text["question_id"] = json!(app.w.text_question);
    text["text"] = json!("=HYPERLINK(\"http://evil\") <b>slow</b>");
    let mut nps_zero = item(&app, 0);
    nps_zero["question_id"] = json!(app.w.nps_question);
    out_of_range["channel"] = json!("sms");

    let body = json!({ "ratings": [good, out_of_range, unknown_site, unknown_employee, wrong_type, unknown_field, text, nps_zero, bad_lang] });
    let r = app.post_ratings(Some(&token), &body).await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["stored"], 3, "{v:#}");
    assert_eq!(v["rejected"], 6);
    let status: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        status,
        [
            "stored", "rejected", "rejected", "rejected", "rejected", "rejected", "stored",
            "stored", "rejected"
        ]
    );
    let code = |i: usize| {
        v["results"][i]["errors"][0]["code"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(code(1), "score_out_of_range");
    assert_eq!(v["results"][1]["errors"][0]["field"], "score");
    assert_eq!(code(2), "unknown_site");
    assert_eq!(code(3), "unknown_employee");
    assert_eq!(code(4), "malformed");
    assert_eq!(code(5), "malformed");
    assert_eq!(code(8), "invalid_language");
    assert_eq!(v["results"][8]["errors"][0]["field"], "lang");
    assert!(
        v["results"][5]["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("mood")
    );

    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 3);
    let id: Uuid = serde_json::from_value(body["ratings"][6]["id"].clone()).unwrap();
    let stored = app.store.ratings_by_id(app.w.org, &[id]).await.unwrap();
    assert_eq!(
        stored[0].answer_text.as_deref(),
        Some("=HYPERLINK(\"http://evil\") <b>slow</b>")
    );
    assert_eq!(stored[0].local_day, 20261120);
    // The language is kept as its primary subtag.
    let id: Uuid = serde_json::from_value(body["ratings"][0]["id"].clone()).unwrap();
    let stored = app.store.ratings_by_id(app.w.org, &[id]).await.unwrap();
    assert_eq!(stored[0].lang.as_deref(), Some("ar"));

    let metrics = reqwest::get(format!("{}/metrics", app.addr))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("rida_ratings_ingested_total"), "{metrics}");
}

async fn resending_a_batch_stores_nothing_twice_and_answers_the_same(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.token().await;
    let body = json!({ "ratings": (0..100).map(|i| item(&app, i % 5 + 1)).chain([item(&app, 9)]).collect::<Vec<_>>() });
    let first: Value = app
        .post_ratings(Some(&token), &body)
        .await
        .json()
        .await
        .unwrap();
    let second: Value = app
        .post_ratings(Some(&token), &body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first, second);
    assert_eq!(first["stored"], 100);
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 100);

    // The same id with another answer is refused, and the first answer stays.
    let mut changed = body["ratings"][0].clone();
    changed["score"] = json!(if changed["score"] == 1 { 2 } else { 1 });
    let v: Value = app
        .post_ratings(Some(&token), &json!({ "ratings": [changed] }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["results"][0]["errors"][0]["code"], "id_conflict");
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 100);
}

async fn the_api_refuses_requests_without_a_live_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = json!({ "ratings": [item(&app, 5)] });
    let r = app.post_ratings(None, &body).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(problem(r).await["type"], "urn:rida:problem:unauthenticated");
    assert_eq!(
        app.post_ratings(Some("rida_guessed"), &body).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let token = app.token().await;
    assert_eq!(
        app.post_ratings(Some(&token), &body).await.status(),
        StatusCode::OK
    );
    let tokens = app.store.list_api_tokens(app.w.org).await.unwrap();
    app.store
        .revoke_api_token(app.w.org, tokens[0].id, &By::system("test"))
        .await
        .unwrap();
    assert_eq!(
        app.post_ratings(Some(&token), &body).await.status(),
        StatusCode::UNAUTHORIZED
    );

    // A logged-in user's session is not an API token.
    let head = app.login_as(rida_domain::Role::Head).await;
    let r = head
        .http
        .post(format!("{}/api/v1/ratings", app.addr))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 1);
}

async fn malformed_or_oversized_requests_get_problem_details_and_store_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.token().await;
    let url = format!("{}/api/v1/ratings", app.addr);
    let http = reqwest::Client::new();
    let send = |body: Vec<u8>, ct: &'static str| {
        http.post(&url)
            .bearer_auth(&token)
            .header("content-type", ct)
            .body(body)
            .send()
    };

    let r = send(b"{\"ratings\": [".to_vec(), "application/json")
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let p = problem(r).await;
    assert_eq!(p["type"], "urn:rida:problem:malformed-json");
    assert_eq!(p["status"], 400);

    let r = send(
        br#"{"ratings": [], "extra": 1}"#.to_vec(),
        "application/json",
    )
    .await
    .unwrap();
    assert_eq!(problem(r).await["type"], "urn:rida:problem:malformed-json");

    let r = send(br#"{"ratings": []}"#.to_vec(), "application/json")
        .await
        .unwrap();
    assert_eq!(problem(r).await["type"], "urn:rida:problem:empty-batch");

    let many: Vec<Value> = (0..1001).map(|_| item(&app, 5)).collect();
    let r = send(
        serde_json::to_vec(&json!({ "ratings": many })).unwrap(),
        "application/json",
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(problem(r).await["type"], "urn:rida:problem:batch-too-large");

    let huge = format!("{{\"ratings\": [\"{}\"]}}", "x".repeat(9 * 1024 * 1024));
    let r = send(huge.into_bytes(), "application/json").await.unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        problem(r).await["type"],
        "urn:rida:problem:payload-too-large"
    );

    let r = send(b"ratings=1".to_vec(), "application/x-www-form-urlencoded")
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        problem(r).await["type"],
        "urn:rida:problem:unsupported-media-type"
    );

    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 0);
}

#[tokio::test]
async fn the_openapi_document_describes_the_ratings_api() {
    let app = spawn_app(Backend::Sqlite).await;
    let doc: Value = reqwest::get(format!("{}/api/openapi.json", app.addr))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/api/v1/ratings"]["post"].is_object());
    assert!(doc["components"]["schemas"]["RatingItem"].is_object());
    assert!(doc["components"]["securitySchemes"]["api_token"].is_object());
    let health: Value = reqwest::get(format!("{}/readyz", app.addr))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ready");
}
