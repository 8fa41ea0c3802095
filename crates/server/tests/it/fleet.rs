//! The fleet tells its people, through a real SMTP server: a terminal that stops beating
//! while its site is open is told once to its site's supervisor, grouped in one message,
//! and again when it is back; nobody hears of a terminal never paired, or of one that has
//! never answered being quiet.

use rida_server::jobs;
use rida_store::{Backend, both_backends};

use crate::{
    helpers::{TestApp, prepared},
    mail::{SmtpSink, free_port, instance},
};

both_backends! {
    a_terminal_gone_dark_is_told_to_its_supervisor_once_and_again_when_back;
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
