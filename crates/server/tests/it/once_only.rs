//! Every job that must happen once, run by two instances of Rida on one PostgreSQL
//! database at the same time while answers and visits come in through both: each
//! survey SMS goes out once (to a stand-in for Twilio's API), each webhook event reaches
//! the CRM once, the monthly and scheduled reports reach each reader once through a
//! real SMTP server, and the old contacts are erased once — with no server error.

use std::{
    collections::HashSet,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
};

use axum::{Router, extract::State, http::HeaderMap, routing::post};
use jiff::Timestamp;
use reqwest::StatusCode;
use rida_domain::dispatch::SurveyChannel;
use rida_server::{AppState, Application, Settings, jobs, messaging::dispatch, webhooks};
use rida_store::{Backend, By, ConnectOptions, ReportInput, Store};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    helpers::{TestApp, prepared, start_with},
    instances::{answer, low_answers},
    mail::{Running, SmtpSink, free_port},
    twilio::{AUTH, Fake, SID, messages},
};

/// Clients posting answers at once, batches each, answers per batch.
const CLIENTS: usize = 8;
const BATCHES: usize = 6;
const PER_BATCH: usize = 20;
/// Visits with a phone number, each to get one survey SMS.
const VISITS: usize = 40;
const LANGS: [&str; 3] = ["ar", "en", "lv"];

/// What the CRM received: (event, answer id).
type Received = Arc<Mutex<Vec<(String, String)>>>;

async fn crm(State(got): State<Received>, headers: HeaderMap, body: String) -> StatusCode {
    let event = headers
        .get("x-rida-event")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let answer = v["answer_id"].as_str().unwrap_or("").to_string();
    got.lock().unwrap().push((event, answer));
    StatusCode::OK
}

/// Serves `router` on a loopback port; returns its address.
async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    addr
}

/// One instance: its own pool's store, sending mail to `smtp` and SMS to `twilio`.
async fn instance(store: Store, smtp: &str, twilio: &str) -> (AppState, Running) {
    let port = free_port();
    let settings = Settings {
        listen: format!("127.0.0.1:{port}").parse().unwrap(),
        public_url: format!("http://127.0.0.1:{port}"),
        jobs: false,
        smtp_url: smtp.into(),
        mail_from: "Rida <rida@test.rida.example>".into(),
        sms_gateway: "twilio".into(),
        sms_from: "+15557122661".into(),
        twilio_account_sid: SID.into(),
        twilio_auth_token: AUTH.into(),
        twilio_api_url: twilio.into(),
        ..Settings::default()
    };
    let app = Application::build(settings, store).await.unwrap();
    let state = app.state().clone();
    (state, start_with(app).await)
}

/// Whether a round of every job on `state` did anything.
async fn round(state: &AppState) -> bool {
    let now = Timestamp::now();
    let mail = jobs::run_once(state, now).await.unwrap();
    let hooks = webhooks::run_once(state, now).await.unwrap();
    let sms = dispatch::run_once(state, now).await.unwrap();
    mail.sent + mail.failed + hooks + sms.planned + sms.sent + sms.failed + sms.retrying > 0
}

#[tokio::test]
async fn every_once_only_job_runs_once_across_two_instances() {
    let received: Received = Arc::default();
    let crm_url = serve(
        Router::new()
            .route("/crm", post(crm))
            .with_state(received.clone()),
    )
    .await;
    let twilio = Arc::new(Mutex::new(Fake::default()));
    let twilio_url = serve(
        Router::new()
            .route(
                &format!("/2010-04-01/Accounts/{SID}/Messages.json"),
                post(messages),
            )
            .with_state(twilio.clone()),
    )
    .await;
    let smtp = SmtpSink::start(free_port()).await;

    let (store, w, db) = prepared(Backend::Postgres).await;
    let second_store = Store::connect(&ConnectOptions {
        url: db.url.clone(),
        create_if_missing: false,
        max_connections: 4,
        statement_timeout: None,
    })
    .await
    .unwrap();
    let (state_a, running_a) = instance(store.clone(), &smtp.url(), &twilio_url).await;
    let (state_b, (addr_b, _stop_b)) =
        instance(second_store.clone(), &smtp.url(), &twilio_url).await;
    let addr_a = running_a.0.clone();
    let app = TestApp::new(running_a, store.clone(), w, db);
    let by = By::system("test");
    // An SMS survey after every visit; a webhook for every answer and every low score;
    // the manager's own monthly report (besides the monthly overview three accounts
    // receive).
    crate::sms::rule_for(&app, SurveyChannel::Sms).await;
    let secret = webhooks::new_secret();
    store
        .create_webhook(
            app.w.org,
            Uuid::now_v7(),
            &format!("{crm_url}/crm"),
            &secret,
            (true, true),
            &by,
        )
        .await
        .unwrap();
    let (_, manager) = store.user_id_by_username("manager").await.unwrap();
    store
        .create_report(
            app.w.org,
            Uuid::now_v7(),
            &ReportInput {
                name: "CSAT by site".into(),
                query: "metrics=csat&group=site&period=month".into(),
                shared_roles: vec![],
                schedule: "monthly".into(),
            },
            manager,
            &by,
        )
        .await
        .unwrap();

    // Both instances run every job, round after round, while the answers come in, and
    // until two rounds in a row find nothing more to do once they are all in.
    let ingest_done = Arc::new(AtomicBool::new(false));
    let loops: Vec<_> = [state_a.clone(), state_b.clone()]
        .into_iter()
        .map(|state| {
            let done = ingest_done.clone();
            tokio::spawn(async move {
                let mut quiet = 0;
                while quiet < 2 {
                    let finished = done.load(Ordering::Acquire);
                    let busy = round(&state).await;
                    quiet = if finished && !busy { quiet + 1 } else { 0 };
                }
            })
        })
        .collect();
    let token = app.token().await;
    let addrs = [addr_a, addr_b];
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let (addrs, token) = (addrs.clone(), token.clone());
        let batches: Vec<Value> = (0..BATCHES)
            .map(|b| {
                let first = (c * BATCHES + b) * PER_BATCH;
                json!({ "ratings": (first..first + PER_BATCH).map(|n| answer(&app, n)).collect::<Vec<_>>() })
            })
            .collect();
        let visits: Vec<Value> = (c..VISITS)
            .step_by(CLIENTS)
            .map(|v| {
                let now = Timestamp::now();
                json!({
                    "external_id": format!("Q-{v}"),
                    "site_id": app.w.site,
                    "service_id": app.w.service,
                    "started_at": (now - jiff::Span::new().minutes(10)).to_string(),
                    "ended_at": now.to_string(),
                    "phone": format!("+3712000{:04}", 1000 + v),
                    "lang": LANGS[v % 3],
                })
            })
            .collect();
        tasks.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let mut refused = Vec::new();
            let mut stored = 0;
            let posts = batches
                .into_iter()
                .map(|b| ("ratings", b))
                .chain(visits.into_iter().map(|v| ("visits", v)));
            for (i, (path, body)) in posts.enumerate() {
                let r = http
                    .post(format!("{}/api/v1/{path}", addrs[(c + i) % 2]))
                    .bearer_auth(&token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                let status = r.status();
                let text = r.text().await.unwrap_or_default();
                if status != StatusCode::OK {
                    refused.push(format!("{path}: {status} {text}"));
                }
                if path == "ratings" {
                    let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                    stored += v["stored"].as_u64().unwrap_or(0);
                }
            }
            (refused, stored)
        }));
    }
    let mut stored = 0;
    for t in tasks {
        let (refused, n) = t.await.unwrap();
        assert!(refused.is_empty(), "{refused:?}");
        stored += n;
    }
    ingest_done.store(true, Ordering::Release);
    for l in loops {
        l.await.unwrap();
    }
    let answers = CLIENTS * BATCHES * PER_BATCH;
    assert_eq!(stored as usize, answers, "every answer acknowledged");
    assert_eq!(
        store.count_ratings(app.w.org).await.unwrap() as usize,
        answers,
        "each stored once"
    );
    // One more round on each finds nothing left to send.
    assert!(!round(&state_a).await && !round(&state_b).await);

    // Every visit's survey went out once, each to its own number.
    let texts = twilio.lock().unwrap().requests.clone();
    let numbers: HashSet<String> = texts
        .iter()
        .filter_map(|(_, form)| form.iter().find(|(k, _)| k == "To").map(|(_, v)| v.clone()))
        .collect();
    assert_eq!(
        (texts.len(), numbers.len()),
        (VISITS, VISITS),
        "one SMS per visit"
    );

    // Every answer reached the CRM once, every low score once more as such.
    let got = received.lock().unwrap().clone();
    let of = |event: &str| -> Vec<&String> {
        got.iter()
            .filter(|(e, _)| e == event)
            .map(|(_, a)| a)
            .collect()
    };
    let all = of("answer.received");
    let distinct: HashSet<&&String> = all.iter().collect();
    assert_eq!((all.len(), distinct.len()), (answers, answers));
    let low = low_answers(&app, answers);
    let lows = of("answer.low_score");
    let distinct: HashSet<&&String> = lows.iter().collect();
    assert_eq!((lows.len(), distinct.len()), (low, low));

    // The monthly overview to its three readers and the manager's scheduled report,
    // each once (none before 06:00 on the 1st, when last month's went out already).
    let local = Timestamp::now().in_tz("Europe/Riga").unwrap();
    let expected = if jobs::month_due(&local).is_some() {
        4
    } else {
        0
    };
    let mails = smtp.received();
    let distinct: HashSet<(&str, &str)> = mails
        .iter()
        .map(|m| (m.to.as_str(), m.subject.as_str()))
        .collect();
    assert_eq!(
        (mails.len(), distinct.len()),
        (expected, expected),
        "{mails:?}"
    );

    // The visits' contacts, a month on, are erased by both instances at once: each once.
    let later = Timestamp::now()
        .checked_add(jiff::SignedDuration::from_hours(24 * 31))
        .unwrap();
    let (a, b) = tokio::join!(
        jobs::privacy::run(&state_a, app.w.org, later),
        jobs::privacy::run(&state_b, app.w.org, later)
    );
    assert_eq!(a.unwrap() + b.unwrap(), VISITS as u64);
    assert_eq!(
        jobs::privacy::run(&state_a, app.w.org, later)
            .await
            .unwrap(),
        0
    );
    assert_eq!((store.retries(), second_store.retries()), (0, 0));
}
