//! Several Rida instances on one PostgreSQL database (two servers in this process, each
//! with its own connection pool, as two machines would have): answers posted through
//! both at once are all stored, once, with no server error, and the rollups the
//! dashboards read say exactly what the raw answers say; the alert rules, running on
//! both instances at once while the answers come in, raise each alert exactly once.

use reqwest::StatusCode;
use rida_domain::Scale;
use rida_server::{AppState, Settings, jobs};
use rida_store::{AlertRuleInput, Backend, By, ConnectOptions, Store};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    fixtures::low_score_rule,
    helpers::{TestApp, spawn_app, start},
};

/// Clients posting at once, batches each, answers per batch.
const CLIENTS: usize = 16;
const BATCHES: usize = 12;
const PER_BATCH: usize = 20;

/// A second instance: its own pool on the same database.
async fn second_instance(app: &TestApp) -> (Store, String, tokio::sync::oneshot::Sender<()>) {
    let store = Store::connect(&ConnectOptions {
        url: app.db.url.clone(),
        create_if_missing: false,
        max_connections: 4,
        statement_timeout: None,
    })
    .await
    .unwrap();
    let (addr, stop) = start(store.clone()).await;
    (store, addr, stop)
}

/// An answer spread over the cells the dashboards read: two sites, with and without a
/// service and an employee, two questions, three channels, two days, three languages.
pub fn answer(app: &TestApp, n: usize) -> Value {
    let w = &app.w;
    let site = if n.is_multiple_of(3) {
        w.other_site
    } else {
        w.site
    };
    let (question, score) = if n.is_multiple_of(4) {
        (w.nps_question, (n % 11) as i64)
    } else {
        (w.question, (n % 5 + 1) as i64)
    };
    let channel = ["kiosk", "web", "sms"][n % 3];
    let lang = ["ar", "en", "lv"][n % 7 % 3];
    let mut a = json!({
        "id": Uuid::now_v7(),
        "answered_at": if n.is_multiple_of(2) { "2026-11-20T10:15:00Z" } else { "2026-11-21T16:40:00Z" },
        "site_id": site,
        "channel": channel,
        "question_id": question,
        "score": score,
        "lang": lang,
    });
    if !n.is_multiple_of(5) {
        a["service_id"] = json!(w.service);
    }
    if site == w.site && n % 2 == 1 {
        a["employee_id"] = json!(w.employee);
    }
    a
}

/// How many of the first `n` answers are low scores.
pub fn low_answers(app: &TestApp, n: usize) -> usize {
    (0..n)
        .map(|n| answer(app, n))
        .filter(|a| {
            let scale = if a["question_id"] == json!(app.w.nps_question) {
                Scale::Nps11
            } else {
                Scale::Csat5
            };
            scale.is_low(a["score"].as_i64().unwrap() as i16)
        })
        .count()
}

#[tokio::test]
async fn answers_posted_through_two_instances_at_once_are_all_counted_once() {
    let app = spawn_app(Backend::Postgres).await;
    let (second_store, second, _stop) = second_instance(&app).await;
    let token = app.token().await;
    // Low scores raise an alert; both instances run the jobs while answers come in.
    let rule = AlertRuleInput {
        ..low_score_rule("Very low score")
    };
    app.store
        .create_alert_rule(app.w.org, Uuid::now_v7(), &rule, &By::system("test"))
        .await
        .unwrap();
    let mut job_states = Vec::new();
    for store in [app.store.clone(), second_store.clone()] {
        let settings = Settings {
            jobs: false,
            ..Settings::default()
        };
        job_states.push(AppState::new(settings, store).await.unwrap());
    }
    let ingest_done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let job_loops: Vec<_> = job_states
        .iter()
        .cloned()
        .map(|state| {
            let done = ingest_done.clone();
            tokio::spawn(async move {
                // One more round once the answers are all in.
                let mut last = false;
                while !last {
                    last = done.load(std::sync::atomic::Ordering::Acquire);
                    jobs::run_once(&state, jiff::Timestamp::now())
                        .await
                        .unwrap();
                }
            })
        })
        .collect();
    let addrs = [app.addr.clone(), second];
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let (addrs, token) = (addrs.clone(), token.clone());
        let batches: Vec<Value> = (0..BATCHES)
            .map(|b| {
                let first = (c * BATCHES + b) * PER_BATCH;
                json!({ "ratings": (first..first + PER_BATCH).map(|n| answer(&app, n)).collect::<Vec<_>>() })
            })
            .collect();
        tasks.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let mut statuses = Vec::new();
            for (b, body) in batches.into_iter().enumerate() {
                let r = http
                    .post(format!("{}/api/v1/ratings", addrs[(c + b) % 2]))
                    .bearer_auth(&token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                let status = r.status();
                let v: Value = r.json().await.unwrap_or(Value::Null);
                statuses.push((status, v["stored"].as_u64().unwrap_or(0)));
            }
            statuses
        }));
    }
    let mut stored = 0;
    for t in tasks {
        for (status, n) in t.await.unwrap() {
            assert_eq!(status, StatusCode::OK, "a batch was refused");
            stored += n;
        }
    }
    ingest_done.store(true, std::sync::atomic::Ordering::Release);
    for j in job_loops {
        j.await.unwrap();
    }
    let sent = (CLIENTS * BATCHES * PER_BATCH) as u64;
    assert_eq!(stored, sent, "every answer acknowledged");
    // Each low answer joined its site's alert of the day once, whichever instance saw it
    // first: one alert per site and day, holding them all.
    let low = low_answers(&app, CLIENTS * BATCHES * PER_BATCH);
    let alerts = app
        .store
        .list_alerts(app.w.org, None, 100_000)
        .await
        .unwrap();
    assert!(low > 0 && !alerts.is_empty());
    let scopes: std::collections::HashSet<_> = alerts.iter().map(|a| (a.site_id, a.day)).collect();
    assert_eq!(
        scopes.len(),
        alerts.len(),
        "one alert per site and day: {alerts:?}"
    );
    let gathered: i64 = alerts.iter().map(|a| i64::from(a.n)).sum();
    assert_eq!(gathered, low as i64, "every low answer gathered once");
    let mut ids = std::collections::HashSet::new();
    for a in &alerts {
        for x in app
            .store
            .alert_answers(app.w.org, a.id, 100_000)
            .await
            .unwrap()
            .0
        {
            assert!(ids.insert(x.id), "an answer in two alerts");
        }
    }
    assert_eq!(ids.len(), low);
    assert_eq!(
        app.store.count_ratings(app.w.org).await.unwrap() as u64,
        sent,
        "each stored once"
    );
    // No write had to be run again (a group commit that fails is tried batch by batch,
    // which would hide a deadlock from the clients).
    assert_eq!((app.store.retries(), second_store.retries()), (0, 0));
    // The rollups as written under load equal the rollups computed again from the raw
    // answers.
    let written = app.store.rollup_cells(app.w.org).await.unwrap();
    app.store.rebuild_rollups(Some(app.w.org)).await.unwrap();
    let recomputed = app.store.rollup_cells(app.w.org).await.unwrap();
    assert_eq!(written.len(), recomputed.len());
    assert!(
        written == recomputed,
        "the rollups drifted from the raw answers"
    );
}
