//! The fleet tells its people, through a real SMTP server: a terminal that stops beating
//! while its site is open is told once to its site's supervisor, grouped in one message,
//! and again when it is back; nobody hears of a terminal never paired, or of one that has
//! never answered being quiet. A terminal is quiet by its own usual pace: a busy one
//! within the hour, a rarely used one not for a day.

use rida_server::jobs;
use rida_store::{Backend, both_backends};

use crate::{
    helpers::{TestApp, prepared},
    mail::{SmtpSink, free_port, instance},
};

both_backends! {
    a_terminal_gone_dark_is_told_to_its_supervisor_once_and_again_when_back;
    each_terminal_is_quiet_by_its_own_usual_pace;
}

async fn a_terminal_gone_dark_is_told_to_its_supervisor_once_and_again_when_back(backend: Backend) {
    let (store, w, db) = prepared(backend).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, running) = instance(&store, &smtp.url()).await;
    let app = TestApp::new(running, store.clone(), w, db);
    // The main site is open round the clock, so that the test does not depend on the hour.
    app.open_round_the_clock().await;
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    let beat = || app.heartbeat(&token);
    beat().await;
    let fleet = |who: &str| {
        smtp.received()
            .into_iter()
            .filter(|m| m.to == who && m.subject.starts_with("Terminals"))
            .collect::<Vec<_>>()
    };
    let supervisor = "supervisor@test.rida.example";
    let t0 = jiff::Timestamp::now();
    let at = |minutes: i64| t0 + jiff::SignedDuration::from_mins(minutes);

    // Beating (and never answered: not "quiet"): nothing to tell.
    jobs::run_once(&state, at(0)).await.unwrap();
    assert!(fleet(supervisor).is_empty());
    // Offline on the page after a minute, but a Wi-Fi drop is not worth a message: not
    // after five minutes (ten by default), nor after fifteen once the head sets twenty.
    jobs::run_once(&state, at(5)).await.unwrap();
    assert!(fleet(supervisor).is_empty());
    let o = app.store.organisation(app.w.org).await.unwrap();
    let settings = rida_store::OrgSettings {
        offline_notice_minutes: 20,
        ..o.settings()
    };
    app.store
        .update_organisation(app.w.org, &settings, &rida_store::By::system("test"))
        .await
        .unwrap();
    jobs::run_once(&state, at(15)).await.unwrap();
    assert!(fleet(supervisor).is_empty());
    // Half an hour without a heartbeat: the supervisor of its region hears of it once.
    jobs::run_once(&state, at(30)).await.unwrap();
    jobs::run_once(&state, at(31)).await.unwrap();
    let mails = fleet(supervisor);
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(
        mails[0].text.contains("Entrance · Main: offline since"),
        "{}",
        mails[0].text
    );
    assert!(
        !mails[0].text.contains("Harbour door"),
        "never paired: nothing to tell"
    );
    // A supervisor looks after it: the manager is not written to, nor the head.
    assert!(fleet("manager@test.rida.example").is_empty());
    assert!(fleet("head@test.rida.example").is_empty());
    // It beats again: "back", once.
    beat().await;
    jobs::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    jobs::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    let mails = fleet(supervisor);
    assert_eq!(mails.len(), 2, "{mails:?}");
    assert!(
        mails
            .iter()
            .any(|m| m.text.contains("Entrance · Main: back at"))
    );
    // Its Wi-Fi comes and goes: down again a minute after the first message, it waits for
    // the quarter of an hour since that message, then goes in one.
    jobs::run_once(&state, at(31)).await.unwrap();
    jobs::run_once(&state, at(40)).await.unwrap();
    assert_eq!(fleet(supervisor).len(), 2);
    jobs::run_once(&state, at(46)).await.unwrap();
    jobs::run_once(&state, at(47)).await.unwrap();
    let mails = fleet(supervisor);
    assert_eq!(mails.len(), 3, "{mails:?}");
}

/// `customers` customers on a paired terminal, one answer each, the last `last_ago`
/// minutes ago and each `every` minutes before the next.
async fn customers(app: &TestApp, token: &str, n: i64, every: i64, last_ago: i64) {
    let now = jiff::Timestamp::now();
    let config = app.device_config(token).await;
    let question = config["survey"]["questions"][0]["id"].clone();
    let answers: Vec<_> = (0..n)
        .map(|i| {
            let at = now - jiff::SignedDuration::from_mins(last_ago + i * every);
            serde_json::json!({ "id": uuid::Uuid::now_v7(), "answered_at": at.to_string(),
                "question_id": question, "visit_id": uuid::Uuid::now_v7(), "score": 4 })
        })
        .collect();
    let r = app
        .device(
            token,
            reqwest::Method::POST,
            "/api/v1/kiosk/answers",
            Some(serde_json::json!({ "answers": answers })),
        )
        .await;
    let j: serde_json::Value = r.json().await.unwrap();
    let stored = j["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["errors"].is_null())
        .count();
    assert_eq!(stored as i64, n, "{}", j["results"][0]);
}

async fn each_terminal_is_quiet_by_its_own_usual_pace(backend: Backend) {
    let (store, w, db) = prepared(backend).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, running) = instance(&store, &smtp.url()).await;
    let app = TestApp::new(running, store.clone(), w, db);
    app.open_round_the_clock().await;
    let by = rida_store::By::system("test");
    let mut tokens = vec![app.pair_device(app.w.terminal, "ABCD2345").await];
    for (name, code) in [("Counter 2", "ABCD2346"), ("Counter 3", "ABCD2347")] {
        let input = rida_store::testing::terminal_input(name, app.w.site, Some(app.w.survey));
        let id = store
            .create_terminal(app.w.org, rida_domain::new_id(), &input, &by)
            .await
            .unwrap();
        tokens.push(app.pair_device(id, code).await);
    }
    // Entrance: a customer every six minutes for a day, none for the last 90 minutes
    // (quiet: at its pace an hour is already unusual). Counter 2: a customer a day for
    // twelve days, none for five hours (not quiet: that is its usual). Counter 3: three
    // customers, none for four hours (pace not known yet: quiet after three hours).
    customers(&app, &tokens[0], 250, 6, 90).await;
    customers(&app, &tokens[1], 12, 24 * 60, 5 * 60).await;
    customers(&app, &tokens[2], 3, 30, 4 * 60).await;
    for t in &tokens {
        app.heartbeat(t).await;
    }
    let head = app.login_as(rida_domain::Role::Head).await;
    let j: serde_json::Value = head.get("/api/v1/terminals").await.json().await.unwrap();
    let of = |name: &str| {
        j["terminals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap()
            .clone()
    };
    let entrance = of("Entrance");
    assert_eq!(
        entrance["alerts"],
        serde_json::json!(["quiet"]),
        "{entrance}"
    );
    // 250 customers over 1,584 minutes of opening time (round the clock): one every 6.3.
    let gap = entrance["usual_gap_minutes"].as_f64().unwrap();
    assert!((gap - 1584.0 / 250.0).abs() < 0.1, "{gap}");
    assert!((89..=91).contains(&entrance["silent_minutes"].as_i64().unwrap()));
    let rare = of("Counter 2");
    assert_eq!(rare["alerts"], serde_json::json!([]), "{rare}");
    let new = of("Counter 3");
    assert_eq!(new["alerts"], serde_json::json!(["quiet"]), "{new}");
    assert!(new["usual_gap_minutes"].is_null());
    // The page says why, in numbers.
    let html = head.get("/admin/supervision").await.text().await.unwrap();
    assert!(
        html.contains("none for 1.5 h of opening time; usually a customer every 6 min"),
        "{html}"
    );
    assert!(
        html.contains("none for 4.0 h of opening time; its usual pace is known after 10 customers")
    );
    // The supervisor is told of the two quiet ones in one message, not of Counter 2.
    jobs::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    let mails: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.to == "supervisor@test.rida.example" && m.subject.starts_with("Terminals"))
        .collect();
    assert_eq!(mails.len(), 1, "{mails:?}");
    let text = &mails[0].text;
    assert!(
        text.contains("Entrance · Main: no answers for much longer than usual"),
        "{text}"
    );
    assert!(text.contains("Counter 3 · Main: no answers"), "{text}");
    assert!(!text.contains("Counter 2"), "{text}");
}
