//! Surveys by WhatsApp through Meta's Cloud API, which the tests cannot reach: Rida
//! talks to a stand-in for the Graph API's messages endpoint answering in the documented
//! format, and Meta's calls to Rida (the webhook check, messages, statuses) are made as
//! Meta makes them — JSON notifications signed with `X-Hub-Signature-256`.

use std::sync::{Arc, Mutex};

use axum::{Json, Router, extract::State, http::HeaderMap, routing::post};
use jiff::Timestamp;
use reqwest::StatusCode;
use rida_domain::dispatch::SurveyChannel;
use rida_server::{
    Application, Settings,
    messaging::{dispatch, whatsapp},
};
use rida_store::{Backend, both_backends};
use serde_json::{Value, json};

use crate::helpers::{TestApp, prepared, start_with};

both_backends! {
    a_survey_goes_as_a_template_with_buttons_and_signed_replies_come_back;
}

const PHONE_ID: &str = "106540352242922";
const SECRET: &str = "whatsapp-app-secret";
const VERIFY: &str = "whatsapp-verify-token";
const PHONE: &str = "+37120000089";

type Sent = Arc<Mutex<Vec<(Option<String>, Value)>>>;

async fn messages(
    State(sent): State<Sent>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Json<Value> {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut s = sent.lock().unwrap();
    s.push((auth, body.clone()));
    // The documented answer of "Send a message".
    Json(json!({
        "messaging_product": "whatsapp",
        "contacts": [{ "input": body["to"], "wa_id": body["to"] }],
        "messages": [{ "id": format!("wamid.HBgLMzcxMjAwMDAwODkVAgARGBI{:04}AA==", s.len()) }],
    }))
}

/// A notification as Meta sends it, around one `value`.
fn notification(value: Value) -> Value {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "102290129340398", "changes": [{ "value": value, "field": "messages" }] }],
    })
}

fn metadata() -> Value {
    json!({ "display_phone_number": "15550783881", "phone_number_id": PHONE_ID })
}

/// A customer's message in the documented form (`kind`: text, button or interactive).
fn message(id: &str, kind: &str, content: Value) -> Value {
    let mut m = json!({
        "from": PHONE.trim_start_matches('+'), "id": id, "timestamp": "1749416383", "type": kind,
    });
    m[kind] = content;
    notification(json!({
        "messaging_product": "whatsapp", "metadata": metadata(),
        "contacts": [{ "profile": { "name": "Anna" }, "wa_id": PHONE.trim_start_matches('+') }],
        "messages": [m],
    }))
}

/// A status notification of one message; `extra` adds to the status (its state, errors).
fn status_of(wamid: &str, extra: Value) -> Value {
    let mut status = json!({ "id": wamid, "timestamp": "1749416390",
        "recipient_id": PHONE.trim_start_matches('+') });
    for (k, v) in extra.as_object().unwrap() {
        status[k] = v.clone();
    }
    notification(json!({
        "messaging_product": "whatsapp", "metadata": metadata(), "statuses": [status],
    }))
}

/// Posts a notification to Rida as Meta does (`secret`: the key it is signed with).
async fn notify(app: &TestApp, body: &Value, secret: Option<&str>) -> StatusCode {
    let bytes = serde_json::to_vec(body).unwrap();
    let mut r = reqwest::Client::new()
        .post(format!("{}/hooks/whatsapp", app.addr))
        .header("content-type", "application/json");
    if let Some(s) = secret {
        r = r.header("X-Hub-Signature-256", whatsapp::signature(s, &bytes));
    }
    r.body(bytes).send().await.unwrap().status()
}

async fn a_survey_goes_as_a_template_with_buttons_and_signed_replies_come_back(b: Backend) {
    let sent: Sent = Default::default();
    let api = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let api_url = format!("http://{}/v21.0", api.local_addr().unwrap());
    let router = Router::new()
        .route(&format!("/v21.0/{PHONE_ID}/messages"), post(messages))
        .with_state(sent.clone());
    tokio::spawn(async move { axum::serve(api, router).await.unwrap() });
    let (store, w, db) = prepared(b).await;
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        whatsapp_phone_number_id: PHONE_ID.into(),
        whatsapp_access_token: "EAAG-test".into(),
        whatsapp_app_secret: SECRET.into(),
        whatsapp_verify_token: VERIFY.into(),
        whatsapp_api_url: api_url,
        ..Settings::default()
    };
    let built = Application::build(settings, store.clone()).await.unwrap();
    let state = built.state().clone();
    let app = TestApp::new(start_with(built).await, store, w, db);
    crate::sms::rule_for(&app, SurveyChannel::Whatsapp).await;

    // Meta's webhook check: the challenge back with the right token, 403 otherwise.
    let check = |token: &str| {
        reqwest::Client::new()
            .get(format!("{}/hooks/whatsapp", app.addr))
            .query(&[
                ("hub.mode", "subscribe"),
                ("hub.verify_token", token),
                ("hub.challenge", "1158201444"),
            ])
            .send()
    };
    let r = check(VERIFY).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "1158201444");
    assert_eq!(
        check("guess").await.unwrap().status(),
        StatusCode::FORBIDDEN
    );

    // The survey goes as the template, in Latvian, a quick-reply button per score.
    crate::sms::post_visit_with(&app, "Q-1", "lv", PHONE).await;
    let r = dispatch::run_once(&state, Timestamp::now()).await.unwrap();
    assert_eq!(r.sent, 1, "{r:?}");
    let (auth, body) = sent.lock().unwrap()[0].clone();
    assert_eq!(auth.as_deref(), Some("Bearer EAAG-test"));
    assert_eq!(body["to"], PHONE.trim_start_matches('+'));
    assert_eq!(body["type"], "template");
    assert_eq!(body["template"]["name"], "rida_survey");
    assert_eq!(body["template"]["language"]["code"], "lv");
    let components = body["template"]["components"].as_array().unwrap();
    assert_eq!(components[0]["parameters"][0]["text"], "Test Bank");
    assert_eq!(components[0]["parameters"][1]["text"], "Main");
    let payloads: Vec<&str> = components[1..]
        .iter()
        .map(|c| c["parameters"][0]["payload"].as_str().unwrap())
        .collect();
    assert_eq!(
        payloads,
        ["score-1", "score-2", "score-3", "score-4", "score-5"]
    );
    let m = app.store.survey_outbox(app.w.org, None, 10).await.unwrap()[0].clone();
    let wamid = "wamid.HBgLMzcxMjAwMDAwODkVAgARGBI0001AA==";

    // A status, signed: delivered; unsigned or signed with another secret: 401.
    let status = notification(json!({
        "messaging_product": "whatsapp", "metadata": metadata(),
        "statuses": [{ "id": wamid, "status": "delivered", "timestamp": "1749416390",
                       "recipient_id": PHONE.trim_start_matches('+') }],
    }));
    assert_eq!(notify(&app, &status, None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        notify(&app, &status, Some("other")).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.store.survey_outbox(app.w.org, None, 10).await.unwrap()[0].status,
        "sent"
    );
    assert_eq!(notify(&app, &status, Some(SECRET)).await, StatusCode::OK);
    assert_eq!(
        app.store.survey_outbox(app.w.org, None, 10).await.unwrap()[0].status,
        "delivered"
    );
    // Read is a state of its own, and the survey still takes an answer.
    let read = status_of(wamid, json!({ "status": "read" }));
    assert_eq!(notify(&app, &read, Some(SECRET)).await, StatusCode::OK);
    assert_eq!(
        app.store.survey_outbox(app.w.org, None, 10).await.unwrap()[0].status,
        "read"
    );
    // A late "delivered" does not take it back.
    assert_eq!(notify(&app, &status, Some(SECRET)).await, StatusCode::OK);
    assert_eq!(
        app.store.survey_outbox(app.w.org, None, 10).await.unwrap()[0].status,
        "read"
    );

    // The customer taps "4": stored once, even when Meta sends it twice.
    let tap = message(
        "wamid.IN1",
        "button",
        json!({ "payload": "score-4", "text": "4" }),
    );
    assert_eq!(notify(&app, &tap, None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 0);
    for _ in 0..2 {
        assert_eq!(notify(&app, &tap, Some(SECRET)).await, StatusCode::OK);
    }
    let a = app.store.ratings_by_id(app.w.org, &[m.id]).await.unwrap();
    assert_eq!(a[0].score, Some(4));
    assert_eq!(a[0].channel, "whatsapp");
    assert_eq!(
        (a[0].employee_id, a[0].service_id),
        (Some(app.w.employee), Some(app.w.service))
    );
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 1);

    // Another visit; the customer wrote today, so inside the 24-hour window the survey
    // goes as a free-form interactive list of the scores. This time they type the
    // answer, with words.
    crate::sms::post_visit_with(&app, "Q-2", "lv", PHONE).await;
    dispatch::run_once(&state, Timestamp::now()).await.unwrap();
    let list = sent.lock().unwrap().last().unwrap().1.clone();
    assert_eq!(list["type"], "interactive", "{list}");
    assert_eq!(list["interactive"]["type"], "list");
    assert_eq!(
        list["interactive"]["action"]["button"],
        "Izvēlieties vērtējumu"
    );
    let rows = list["interactive"]["action"]["sections"][0]["rows"]
        .as_array()
        .unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(
        (rows[4]["id"].as_str(), rows[4]["description"].as_str()),
        (Some("score-5"), Some("Ļoti apmierināts"))
    );
    let typed = message(
        "wamid.IN2",
        "text",
        json!({ "body": "5 paldies, ļoti laipni" }),
    );
    assert_eq!(notify(&app, &typed, Some(SECRET)).await, StatusCode::OK);
    let second = app
        .store
        .survey_outbox(app.w.org, Some("answered"), 10)
        .await
        .unwrap();
    assert_eq!(second.len(), 2);
    let a = app
        .store
        .ratings_by_id(app.w.org, &[second[0].id])
        .await
        .unwrap();
    assert_eq!(a[0].score, Some(5));
    assert_eq!(
        app.store.count_ratings(app.w.org).await.unwrap(),
        3,
        "score and words"
    );

    // STOP by an interactive reply's words: confirmed as text, inside the window.
    let stop = message("wamid.IN3", "text", json!({ "body": "STOP" }));
    assert_eq!(notify(&app, &stop, Some(SECRET)).await, StatusCode::OK);
    dispatch::run_once(&state, Timestamp::now()).await.unwrap();
    let last = sent.lock().unwrap().last().unwrap().1.clone();
    assert_eq!(last["type"], "text");
    assert!(
        last["text"]["body"]
            .as_str()
            .unwrap()
            .contains("vairs nesaņemsiet"),
        "{last}"
    );
    // The confirmation fails: Meta's error code and title are kept and shown.
    let failed = status_of(
        "wamid.HBgLMzcxMjAwMDAwODkVAgARGBI0003AA==",
        json!({ "status": "failed", "errors": [{ "code": 131026, "title": "Message undeliverable",
            "message": "Message undeliverable", "error_data": { "details": "Message Undeliverable." } }] }),
    );
    assert_eq!(notify(&app, &failed, Some(SECRET)).await, StatusCode::OK);
    let stop = app
        .store
        .survey_outbox(app.w.org, Some("failed"), 10)
        .await
        .unwrap();
    assert_eq!(stop.len(), 1);
    assert_eq!(stop[0].kind, "stop");
    let error = stop[0].last_error.clone().unwrap();
    assert_eq!(
        error,
        "whatsapp: failed error 131026: Message undeliverable"
    );
    let page = app
        .login_as(rida_domain::Role::Head)
        .await
        .get("/admin/messages?status=failed")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("131026: Message undeliverable"),
        "shown on Survey messages"
    );
}
