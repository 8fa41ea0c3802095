//! Outbound webhooks end to end: a CRM stand-in on loopback receives signed deliveries
//! for every answer and for low scores; when it is down, the delivery waits and goes
//! once it is back; the head sees every attempt in the log.

use std::sync::{Arc, Mutex};

use axum::{Router, extract::State, http::HeaderMap, routing::post};
use jiff::{Timestamp, ToSpan};
use reqwest::StatusCode;
use rida_domain::Role;
use rida_server::{AppState, Settings, webhooks};
use rida_store::{Backend, both_backends};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

both_backends! {
    answers_and_low_scores_reach_the_crm_signed_and_once;
}

#[derive(Default)]
struct Crm {
    received: Vec<(String, String, String)>,
    /// The status to answer with (200 when 0).
    answer: u16,
}

async fn receive(
    State(crm): State<Arc<Mutex<Crm>>>,
    headers: HeaderMap,
    body: String,
) -> StatusCode {
    let h = |k: &str| {
        headers
            .get(k)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let mut c = crm.lock().unwrap();
    if c.answer != 0 {
        return StatusCode::from_u16(c.answer).unwrap();
    }
    c.received
        .push((h("x-rida-event"), h("x-rida-signature"), body));
    StatusCode::OK
}

async fn answer(app: &TestApp, score: i64) {
    let r = reqwest::Client::new()
        .post(format!("{}/api/v1/ratings", app.addr))
        .bearer_auth(app.token().await)
        .json(&json!({ "ratings": [{
            "id": uuid::Uuid::now_v7(), "answered_at": Timestamp::now().to_string(),
            "site_id": app.w.site, "channel": "kiosk", "question_id": app.w.question, "score": score,
        }]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

async fn answers_and_low_scores_reach_the_crm_signed_and_once(b: Backend) {
    let crm = Arc::new(Mutex::new(Crm::default()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/rida", listener.local_addr().unwrap());
    let router = Router::new()
        .route("/rida", post(receive))
        .with_state(crm.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let app = spawn_app(b).await;
    let head = app.login_as(Role::Head).await;
    // A bad address is refused next to the field.
    let r = head
        .submit(
            "/admin/webhooks",
            "/admin/webhooks",
            &[("url", "crm.example"), ("on_low", "1")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("An address starting with https:")
    );
    let r = head
        .submit(
            "/admin/webhooks",
            "/admin/webhooks",
            &[("url", url.as_str()), ("on_answer", "1"), ("on_low", "1")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let hook = app.store.webhooks(app.w.org).await.unwrap().remove(0);
    let state = AppState::new(
        Settings {
            jobs: false,
            ..Settings::default()
        },
        app.store.clone(),
    )
    .await
    .unwrap();
    // Two answers: a 5 and a 1. Three deliveries: two answers, one low score; a second
    // instance's round (the same state twice here) announces nothing twice.
    answer(&app, 5).await;
    answer(&app, 1).await;
    let now = Timestamp::now();
    let (a, b) = tokio::join!(
        webhooks::run_once(&state, now),
        webhooks::run_once(&state, now)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 3);
    let got = std::mem::take(&mut crm.lock().unwrap().received);
    let mut events: Vec<&str> = got.iter().map(|(e, _, _)| e.as_str()).collect();
    events.sort();
    assert_eq!(
        events,
        ["answer.low_score", "answer.received", "answer.received"]
    );
    for (_, sig, body) in &got {
        let t: i64 = sig
            .trim_start_matches("t=")
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        // Checked as a receiver would, with its own HMAC (the README's recipe): the
        // key is the whole secret, `whsec_` included.
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(hook.secret.as_bytes()).unwrap();
        mac.update(format!("{t}.{body}").as_bytes());
        let want = format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()));
        assert!(hook.secret.starts_with("whsec_"));
        assert_eq!(sig, &want, "signed with the secret");
        let v: Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["site_id"], app.w.site.to_string());
    }
    let low: Value = serde_json::from_str(
        &got.iter()
            .find(|(e, _, _)| e == "answer.low_score")
            .unwrap()
            .2,
    )
    .unwrap();
    assert_eq!(
        (low["score"].as_i64(), low["low"].as_bool()),
        (Some(1), Some(true))
    );
    // The CRM is down: the delivery waits, with the reason in the log, and goes once when
    // it is back.
    crm.lock().unwrap().answer = 503;
    answer(&app, 2).await;
    assert_eq!(webhooks::run_once(&state, now).await.unwrap(), 0);
    let log = app.store.deliveries(app.w.org, 10).await.unwrap();
    let waiting: Vec<_> = log.iter().filter(|d| d.status == "pending").collect();
    assert_eq!(waiting.len(), 2, "{log:#?}");
    assert!(
        waiting
            .iter()
            .all(|d| d.last_status == Some(503) && d.attempts == 1)
    );
    crm.lock().unwrap().answer = 0;
    assert_eq!(
        webhooks::run_once(&state, now + 10.seconds())
            .await
            .unwrap(),
        0,
        "not before its pause"
    );
    assert_eq!(
        webhooks::run_once(&state, now + 1.minute()).await.unwrap(),
        2
    );
    assert_eq!(
        webhooks::run_once(&state, now + 2.minutes()).await.unwrap(),
        0
    );
    assert_eq!(crm.lock().unwrap().received.len(), 2);
    let page = head.get("/admin/webhooks").await.text().await.unwrap();
    assert!(
        page.contains("answer.low_score") && page.contains("Received"),
        "{page}"
    );
    assert!(page.contains(&hook.secret));
}
