//! Writers on several instances of one PostgreSQL database (each a store with its own
//! pool, as each Rida process has): group commits of answers running at once on both
//! never meet in a deadlock, nothing is lost or doubled, and the rollups say exactly
//! what the raw answers say.

mod common;

use common::{rating, world};
use rida_domain::{Answer, Channel};
use rida_store::{Backend, ConnectOptions, NewRating, Store, testing::fresh_store};
use uuid::Uuid;

/// Writers per instance, group commits each, answers per commit.
const WRITERS: usize = 6;
const COMMITS: usize = 12;
const PER_COMMIT: usize = 60;

/// Answer `n` of the run: spread over days, channels, languages, with and without a
/// service and an employee, so that each commit touches many rollup cells, most of them
/// shared with the other writers.
fn answer(w: &common::World, n: usize) -> NewRating {
    let mut r = rating(w, (n % 5 + 1) as i16);
    r.id = Uuid::now_v7();
    r.local_day = 20260920 + (n % 3) as i32;
    r.channel = [Channel::Kiosk, Channel::Web, Channel::Sms][n % 3];
    r.lang = Some(["ar", "en", "lv"][n / 3 % 3].to_string());
    if n.is_multiple_of(4) {
        r.service_id = None;
    }
    if n.is_multiple_of(5) {
        r.employee_id = None;
    }
    if n.is_multiple_of(7) {
        r.answer = Answer::Score(1);
        r.flags = 1;
    }
    r
}

#[tokio::test]
async fn group_commits_on_two_instances_never_deadlock_and_the_rollups_stay_exact() {
    let (a, db) = fresh_store(Backend::Postgres).await;
    let w = world(&a).await;
    let b = Store::connect(&ConnectOptions {
        url: db.url.clone(),
        create_if_missing: false,
        max_connections: 4,
        statement_timeout: None,
    })
    .await
    .unwrap();
    let mut tasks = Vec::new();
    for i in 0..WRITERS * 2 {
        let store = if i % 2 == 0 { a.clone() } else { b.clone() };
        let commits: Vec<Vec<NewRating>> = (0..COMMITS)
            .map(|c| {
                let first = (i * COMMITS + c) * PER_COMMIT;
                (first..first + PER_COMMIT).map(|n| answer(&w, n)).collect()
            })
            .collect();
        let org = w.org;
        tasks.push(tokio::spawn(async move {
            for rows in commits {
                store.insert_rating_batches(&[(org, &rows)]).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(
        (a.retries(), b.retries()),
        (0, 0),
        "writers met and had to run again"
    );
    let sent = (WRITERS * 2 * COMMITS * PER_COMMIT) as i64;
    assert_eq!(a.count_ratings(w.org).await.unwrap(), sent);
    let written = a.rollup_cells(w.org).await.unwrap();
    a.rebuild_rollups(Some(w.org)).await.unwrap();
    assert!(
        written == a.rollup_cells(w.org).await.unwrap(),
        "the rollups drifted from the raw answers"
    );
}
