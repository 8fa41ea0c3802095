//! Writers on several instances of one PostgreSQL database (each a store with its own
//! pool, as each Rida process has): group commits of answers running at once on both
//! never meet in a deadlock, nothing is lost or doubled, and the rollups say exactly
//! what the raw answers say.

mod common;

use common::{other_instance, rating, world};
use rida_domain::{Answer, Channel};
use rida_store::{Backend, NewRating, testing::fresh_store};
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
    let b = other_instance(&db.url).await;
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

/// A change for every terminal of the organisation (a new logo: 200 rows) while group
/// commits of taps from many terminals, in any order, note each terminal's last answer:
/// both lock terminals in id order, so neither waits for the other in a cycle.
#[tokio::test]
async fn settings_pushed_to_every_terminal_never_deadlock_with_taps() {
    let (a, db) = fresh_store(Backend::Postgres).await;
    let w = world(&a).await;
    let b = other_instance(&db.url).await;
    let mut terminals = Vec::new();
    for i in 0..200 {
        terminals.push(
            a.create_terminal(
                w.org,
                rida_domain::new_id(),
                &rida_store::testing::terminal_input(&format!("T{i}"), w.site, None),
                &common::by(),
            )
            .await
            .unwrap(),
        );
    }
    let rule = rida_domain::terminal::BurstRule {
        taps: 100,
        seconds: 1,
    };
    let mut tasks = Vec::new();
    for i in 0..4 {
        let store = if i % 2 == 0 { a.clone() } else { b.clone() };
        // Terminals in a different order in each commit.
        let mut order = terminals.clone();
        let org = w.org;
        let rows: Vec<Vec<NewRating>> = (0..20)
            .map(|c| {
                order.rotate_left(37 * (i + 1) + c);
                order
                    .iter()
                    .take(60)
                    .map(|t| {
                        let mut r = rating(&w, 4);
                        r.id = Uuid::now_v7();
                        r.terminal_id = Some(*t);
                        r.visit_id = Some(Uuid::now_v7());
                        r
                    })
                    .collect()
            })
            .collect();
        tasks.push(tokio::spawn(async move {
            for commit in rows {
                let batches: Vec<rida_store::TerminalBatch> = commit
                    .into_iter()
                    .map(|r| rida_store::TerminalBatch {
                        org,
                        terminal: r.terminal_id.unwrap(),
                        rows: vec![r],
                        rule,
                    })
                    .collect();
                store.insert_group(&[], &batches).await.unwrap();
            }
        }));
    }
    let pushes = {
        let (a, b, org) = (a.clone(), b.clone(), w.org);
        tokio::spawn(async move {
            for i in 0..40 {
                let store = if i % 2 == 0 { &a } else { &b };
                let png = format!("\u{89}PNG {i}").into_bytes();
                store
                    .set_logo(org, Some((&png, "image/png")), &common::by())
                    .await
                    .expect("the new logo is saved, not refused by a deadlock");
            }
        })
    };
    for t in tasks {
        t.await.unwrap();
    }
    pushes.await.unwrap();
    assert_eq!(
        (a.retries(), b.retries()),
        (0, 0),
        "writers met in a deadlock and had to run again"
    );
    assert_eq!(a.count_ratings(w.org).await.unwrap(), 4 * 20 * 60);
}

rida_store::both_backends! {
    figures_of_days_that_are_over_are_kept_until_an_answer_reaches_them;
}

/// One instance keeps the figures of days that are over and reads today's each time; an
/// answer reaching a past day through another instance (kept days on an offline
/// terminal), or a rebuild, makes it read them again at once.
async fn figures_of_days_that_are_over_are_kept_until_an_answer_reaches_them(backend: Backend) {
    use rida_store::{CubeQuery, Dim, Filter};
    let (a, db) = fresh_store(backend).await;
    let w = world(&a).await;
    let b = other_instance(&db.url).await;
    let today = rida_domain::period::day_key(
        jiff::Zoned::now()
            .with_time_zone(jiff::tz::TimeZone::UTC)
            .date(),
    );
    let past = 20261020;
    let on = |day: i32, score: i16| {
        let mut r = rating(&w, score);
        r.local_day = day;
        r
    };
    a.insert_ratings(w.org, &[on(past, 5), on(past, 4), on(today, 3)])
        .await
        .unwrap();
    // The days from the past one to today, by day: the count of each day's answers.
    let q = CubeQuery {
        from_day: past,
        to_day: today,
        filter: Filter::default(),
        group: vec![Dim::Day],
    };
    let counts = || async {
        a.cube(w.org, &q)
            .await
            .unwrap()
            .into_iter()
            .map(|r| (r.key.period.unwrap(), r.counts.n()))
            .collect::<Vec<_>>()
    };
    assert_eq!(counts().await, [(past, 2), (today, 1)]);
    // Kept: a count changed behind the stores' backs is not seen on the past day, and is
    // seen today (read each time).
    for day in [past, today] {
        common::behind_their_backs(
            backend,
            &db.url,
            &format!("UPDATE rollups SET s1 = s1 + 10 WHERE grain = 1 AND period = {day}"),
        )
        .await;
    }
    assert_eq!(counts().await, [(past, 2), (today, 11)]);
    // An answer for the past day stored through the other instance: read again at once
    // (with what was changed behind its back, which a rebuild puts right below).
    b.insert_ratings(w.org, &[on(past, 1)]).await.unwrap();
    assert_eq!(counts().await, [(past, 13), (today, 11)]);
    // Today's answers move nothing kept.
    b.insert_ratings(w.org, &[on(today, 2)]).await.unwrap();
    assert_eq!(counts().await, [(past, 13), (today, 12)]);
    // A rebuild on the other instance: the raw answers' figures, at once.
    b.rebuild_rollups(Some(w.org)).await.unwrap();
    assert_eq!(counts().await, [(past, 3), (today, 2)]);

    // Taps on a terminal (kept while it was offline: the past day) that a later tap
    // (today, seconds after; more than three in ten seconds) makes a burst: the past day's answers move to the bursts,
    // and the kept figure follows.
    let terminal = b
        .create_terminal(
            w.org,
            rida_domain::new_id(),
            &rida_store::testing::terminal_input("Door", w.site, None),
            &common::by(),
        )
        .await
        .unwrap();
    let rule = rida_domain::terminal::BurstRule {
        taps: 3,
        seconds: 10,
    };
    let tap = |i: i64, day: i32| {
        let mut r = on(day, 5);
        r.answered_at = 1_790_000_000_000 + i * 1000;
        r.visit_id = Some(Uuid::now_v7());
        r.terminal_id = Some(terminal);
        r
    };
    let calm = [tap(0, past), tap(1, past), tap(2, past)];
    b.insert_terminal_ratings(w.org, terminal, &calm, rule)
        .await
        .unwrap();
    assert_eq!(counts().await, [(past, 6), (today, 2)]);
    b.insert_terminal_ratings(w.org, terminal, &[tap(3, today)], rule)
        .await
        .unwrap();
    assert_eq!(counts().await, [(past, 3), (today, 2)]);
}
