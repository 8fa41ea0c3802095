//! Surveys by SMS through Twilio, which the tests cannot reach: Rida talks to a stand-in
//! for Twilio's Messages API answering in exactly the documented format, and Twilio's
//! calls to Rida (a reply, status callbacks) are made as Twilio makes them — form posts
//! signed with `X-Twilio-Signature` under the auth token.

use std::sync::{Arc, Mutex};

use axum::{Router, extract::State, http::HeaderMap, routing::post};
use jiff::Timestamp;
use reqwest::StatusCode;
use rida_server::{
    Application, Settings,
    messaging::{dispatch, twilio},
};
use rida_store::{Backend, both_backends};
use serde_json::json;

use crate::helpers::{TestApp, prepared, start_with};

both_backends! {
    a_survey_goes_through_twilio_and_its_signed_calls_come_back;
}

pub const SID: &str = "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
pub const AUTH: &str = "twilio-test-auth-token";
const PHONE: &str = "+37120000089";

/// A form as received, in order.
type Form = Vec<(String, String)>;

/// What the stand-in received (the `Authorization` header and the form), and whether
/// it should refuse.
#[derive(Default)]
pub struct Fake {
    pub requests: Vec<(Option<String>, Form)>,
    /// 0: accept; else the status to answer with.
    pub refuse: u16,
}

pub async fn messages(
    State(fake): State<Arc<Mutex<Fake>>>,
    headers: HeaderMap,
    body: String,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let form: Vec<(String, String)> = serde_html_form::from_str(&body).unwrap();
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut f = fake.lock().unwrap();
    let n = f.requests.len();
    f.requests.push((auth, form.clone()));
    let get = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    match f.refuse {
        0 => {
            // The documented answer of "Create a Message" (201).
            let sid = format!("SM{:032x}", n + 1);
            (StatusCode::CREATED, axum::Json(json!({
                "account_sid": SID, "api_version": "2010-04-01", "body": get("Body"),
                "date_created": "Thu, 24 Aug 2023 05:01:45 +0000", "date_sent": null,
                "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000", "direction": "outbound-api",
                "error_code": null, "error_message": null, "from": get("From"),
                "messaging_service_sid": null, "num_media": "0", "num_segments": "1",
                "price": null, "price_unit": "USD", "sid": sid, "status": "queued",
                "subresource_uris": { "media": format!("/2010-04-01/Accounts/{SID}/Messages/{sid}/Media.json") },
                "to": get("To"), "uri": format!("/2010-04-01/Accounts/{SID}/Messages/{sid}.json"),
            }))).into_response()
        }
        status => (
            StatusCode::from_u16(status).unwrap(),
            axum::Json(json!({
                "code": 21211, "message": format!("The 'To' number {} is not a valid phone number.", get("To")),
                "more_info": "https://www.twilio.com/docs/errors/21211", "status": status,
            })),
        )
            .into_response(),
    }
}

/// Calls Rida as Twilio does: a signed form post (`sign`: with the right token).
async fn twilio_call(
    app: &TestApp,
    path: &str,
    params: &[(&str, &str)],
    sign: Option<&str>,
) -> StatusCode {
    let owned: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let url = format!("{}{path}", app.addr);
    let mut r = reqwest::Client::new().post(&url).form(&owned);
    if let Some(token) = sign {
        r = r.header("X-Twilio-Signature", twilio::signature(token, &url, &owned));
    }
    r.send().await.unwrap().status()
}

/// Calls Rida as Twilio's JSON-bodied webhooks do: the body's SHA-256 in the URL as
/// `bodySHA256`, and the signature over that URL alone.
async fn twilio_json_call(app: &TestApp, path: &str, body: &serde_json::Value) -> StatusCode {
    use sha2::{Digest, Sha256};
    let bytes = serde_json::to_vec(body).unwrap();
    let sep = if path.contains('?') { '&' } else { '?' };
    let url = format!(
        "{}{path}{sep}bodySHA256={}",
        app.addr,
        hex::encode(Sha256::digest(&bytes))
    );
    reqwest::Client::new()
        .post(&url)
        .header("content-type", "application/json")
        .header("X-Twilio-Signature", twilio::signature(AUTH, &url, &[]))
        .body(bytes)
        .send()
        .await
        .unwrap()
        .status()
}

/// A reply in the form of Twilio's incoming-message webhook.
fn incoming(sid: &str, body: &str) -> Vec<(&'static str, String)> {
    vec![
        ("ToCountry", "US".into()),
        ("ToState", "CA".into()),
        ("SmsMessageSid", sid.into()),
        ("NumMedia", "0".into()),
        ("ToCity", "".into()),
        ("FromZip", "".into()),
        ("SmsSid", sid.into()),
        ("FromState", "".into()),
        ("SmsStatus", "received".into()),
        ("FromCity", "".into()),
        ("Body", body.into()),
        ("FromCountry", "LV".into()),
        ("To", "+15557122661".into()),
        ("ToZip", "".into()),
        ("NumSegments", "1".into()),
        ("MessageSid", sid.into()),
        ("AccountSid", SID.into()),
        ("From", PHONE.into()),
        ("ApiVersion", "2010-04-01".into()),
    ]
}

async fn a_survey_goes_through_twilio_and_its_signed_calls_come_back(b: Backend) {
    let fake = Arc::new(Mutex::new(Fake::default()));
    let api = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let api_url = format!("http://{}", api.local_addr().unwrap());
    let router = Router::new()
        .route(
            &format!("/2010-04-01/Accounts/{SID}/Messages.json"),
            post(messages),
        )
        .with_state(fake.clone());
    tokio::spawn(async move { axum::serve(api, router).await.unwrap() });

    let (store, w, db) = prepared(b).await;
    let port = crate::fixtures::free_port();
    let settings = Settings {
        listen: format!("127.0.0.1:{port}").parse().unwrap(),
        public_url: format!("http://127.0.0.1:{port}"),
        jobs: false,
        sms_gateway: "twilio".into(),
        sms_from: "+15557122661".into(),
        twilio_account_sid: SID.into(),
        twilio_auth_token: AUTH.into(),
        twilio_api_url: api_url,
        ..Settings::default()
    };
    let built = Application::build(settings, store.clone()).await.unwrap();
    let state = built.state().clone();
    let app = TestApp::new(start_with(built).await, store, w, db);
    crate::sms::default_rule(&app).await;
    crate::sms::post_visit_with(&app, "Q-1", "ar", PHONE).await;
    let r = dispatch::run_once(&state, Timestamp::now()).await.unwrap();
    assert_eq!(r.sent, 1, "{r:?}");
    // Twilio got the message: the account's credentials, the number, the Arabic text
    // intact, and a status callback carrying Rida's id of the message.
    let (auth, form) = fake.lock().unwrap().requests[0].clone();
    let expected = format!("Basic {}", base64_of(&format!("{SID}:{AUTH}")));
    assert_eq!(auth.as_deref(), Some(expected.as_str()));
    let get = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get("To"), PHONE);
    assert_eq!(get("From"), "+15557122661");
    assert!(
        get("Body").contains("كيف كانت زيارتك إلى Main"),
        "{}",
        get("Body")
    );
    let m = &app.store.survey_outbox(app.w.org, None, 10).await.unwrap()[0];
    assert_eq!(
        get("StatusCallback"),
        format!("http://127.0.0.1:{port}/hooks/twilio/status?msg={}", m.id)
    );
    // The status callback, signed: delivered. Unsigned or signed with another token: 401.
    let path = format!("/hooks/twilio/status?msg={}", m.id);
    let status = [
        ("MessageSid", "SM00000000000000000000000000000001"),
        ("MessageStatus", "delivered"),
        ("AccountSid", SID),
    ];
    assert_eq!(
        twilio_call(&app, &path, &status, None).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        twilio_call(&app, &path, &status, Some("not-the-token")).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.store.survey_outbox(app.w.org, None, 10).await.unwrap()[0].status,
        "sent"
    );
    // Signed for the address without its port, as Twilio may sign it: accepted.
    let owned: Vec<(String, String)> = status
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let no_port = format!("http://127.0.0.1{path}");
    let r = reqwest::Client::new()
        .post(format!("{}{path}", app.addr))
        .form(&owned)
        .header(
            "X-Twilio-Signature",
            twilio::signature(AUTH, &no_port, &owned),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        app.store.survey_outbox(app.w.org, None, 10).await.unwrap()[0].status,
        "delivered"
    );
    assert_eq!(
        twilio_call(&app, &path, &status, Some(AUTH)).await,
        StatusCode::OK
    );
    // The customer's reply in Arabic digits, signed; refused unsigned, stored once when
    // Twilio sends it twice.
    let reply = incoming("SM10000000000000000000000000000001", "٤ الموظفة لطيفة");
    let reply: Vec<(&str, &str)> = reply.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        twilio_call(&app, "/hooks/twilio/sms", &reply, None).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 0);
    for _ in 0..2 {
        assert_eq!(
            twilio_call(&app, "/hooks/twilio/sms", &reply, Some(AUTH)).await,
            StatusCode::OK
        );
    }
    let a = app.store.ratings_by_id(app.w.org, &[m.id]).await.unwrap();
    assert_eq!(a[0].score, Some(4));
    assert_eq!(
        (a[0].employee_id, a[0].service_id),
        (Some(app.w.employee), Some(app.w.service))
    );
    assert_eq!(
        app.store.count_ratings(app.w.org).await.unwrap(),
        2,
        "score and words, once"
    );
    // A JSON-bodied reply from another customer, its body's hash checked: a score; the
    // same call with another body is refused.
    crate::sms::post_visit_with(&app, "Q-J", "en", "+37120000095").await;
    let r = dispatch::run_once(&state, Timestamp::now()).await.unwrap();
    assert_eq!(r.sent, 1, "{r:?}");
    let json_reply = json!({ "MessageSid": "SM20000000000000000000000000000001",
        "AccountSid": SID, "From": "+37120000095", "To": "+15557122661", "Body": "5 STOP" });
    assert_eq!(
        twilio_json_call(&app, "/hooks/twilio/sms", &json_reply).await,
        StatusCode::OK
    );
    let phone = rida_domain::contact::parse_phone("+37120000095", None).unwrap();
    let key = state.contact_key.customer_key(app.w.org, &phone);
    assert!(
        app.store.opted_out(app.w.org, &key).await.unwrap(),
        "5 STOP opts out"
    );
    assert_eq!(
        app.store.count_ratings(app.w.org).await.unwrap(),
        2,
        "the score given with STOP is not kept"
    );
    let r = dispatch::run_once(&state, Timestamp::now()).await.unwrap();
    assert_eq!(r.sent, 1, "the confirmation: {r:?}");
    let (_, form) = fake.lock().unwrap().requests.last().unwrap().clone();
    let body = &form.iter().find(|(k, _)| k == "Body").unwrap().1;
    assert!(body.contains("score was not recorded"), "{body}");
    assert_eq!(
        form.iter().find(|(k, _)| k == "To").unwrap().1,
        "+37120000095"
    );
    // A number Twilio refuses: failed for good, with Twilio's error code and no number.
    fake.lock().unwrap().refuse = 400;
    crate::sms::post_visit_with(&app, "Q-2", "en", "+37120000090").await;
    let r = dispatch::run_once(&state, Timestamp::now()).await.unwrap();
    assert_eq!(r.failed, 1, "{r:?}");
    let failed = app
        .store
        .survey_outbox(app.w.org, Some("failed"), 10)
        .await
        .unwrap();
    let error = failed[0].last_error.clone().unwrap();
    assert!(
        error.contains("21211") && !error.contains("20000090"),
        "{error}"
    );
    // Twilio busy (429): the message waits for another try.
    fake.lock().unwrap().refuse = 429;
    crate::sms::post_visit_with(&app, "Q-3", "en", "+37120000091").await;
    let r = dispatch::run_once(&state, Timestamp::now()).await.unwrap();
    assert_eq!(r.retrying, 1, "{r:?}");
}

fn base64_of(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}
