//! The web survey guard on SQLite and on PostgreSQL: a device's count is refused past its
//! limit within the window and starts again after it; a new day's salt drops the salts
//! and counts of the days before.

mod common;

use rida_store::{Backend, GuardHit, WebAnswers, WebOutcome, both_backends, testing::fresh_store};

both_backends! {
    the_guard_counts_within_its_window_and_forgets_past_days;
}

async fn the_guard_counts_within_its_window_and_forgets_past_days(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = common::world(&store).await;
    let day = 20_000_i64;
    let at = day * 86_400_000 + 3_600_000;
    let salt = store.guard_salt(day, vec![1; 32]).await.unwrap();
    assert_eq!(
        store.guard_salt(day, vec![2; 32]).await.unwrap(),
        salt,
        "one salt a day"
    );
    let hit = |now: i64| WebAnswers {
        org: w.org,
        message: None,
        web_survey: None,
        guards: vec![GuardHit {
            kind: "rate",
            key: "d-device".into(),
            window_ms: 3_600_000,
            max_hits: 2,
        }],
        ratings: vec![],
        now,
    };
    assert_eq!(
        store.store_web_answers(&hit(at)).await.unwrap(),
        WebOutcome::Stored
    );
    assert_eq!(
        store.store_web_answers(&hit(at + 1)).await.unwrap(),
        WebOutcome::Stored
    );
    assert_eq!(
        store.store_web_answers(&hit(at + 2)).await.unwrap(),
        WebOutcome::Refused("rate")
    );
    // After the window the count starts again.
    assert_eq!(
        store.store_web_answers(&hit(at + 3_600_001)).await.unwrap(),
        WebOutcome::Stored
    );
    assert_eq!(
        store.guard_keys().await.unwrap(),
        vec!["d-device".to_string()]
    );
    // The next day's salt: yesterday's salt and counts are gone.
    let next = store.guard_salt(day + 1, vec![3; 32]).await.unwrap();
    assert_eq!(next, vec![3; 32]);
    assert!(store.guard_keys().await.unwrap().is_empty());
    assert_eq!(
        store.guard_salt(day, vec![4; 32]).await.unwrap(),
        vec![4; 32],
        "a fresh salt: the old one is gone"
    );
}
