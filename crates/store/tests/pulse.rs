//! The employees' pulse under concurrency, on SQLite and PostgreSQL: two instances
//! opening the same period's round open one; one person answering from two instances at
//! once is counted once; a link sent twice at once is counted once.

mod common;

use common::{by, other_instance, world};
use rida_domain::pulse::{Delivery, PulseAnswer, Statement};
use rida_store::{Backend, MailedLink, NewMail, PulseOutcome, PulseRound, both_backends, testing};
use uuid::Uuid;

both_backends! {
    a_period_opens_one_round_and_each_answer_counts_once;
}

fn round(org: Uuid) -> PulseRound {
    let now = rida_store::now_ms();
    PulseRound {
        id: Uuid::now_v7(),
        org_id: org,
        period_key: "2026-12".into(),
        delivery: Delivery::Email,
        statements: vec![Statement {
            en: "I would stay here next year".into(),
            ..Default::default()
        }],
        opened_at: now - 1_000,
        closes_at: now + 86_400_000,
    }
}

async fn a_period_opens_one_round_and_each_answer_counts_once(backend: Backend) {
    let (store, db) = testing::fresh_store(backend).await;
    let other = other_instance(&db.url).await;
    let w = world(&store).await;
    let link = |user: Uuid| MailedLink {
        user_id: user,
        site_id: w.site,
        key: format!("key-{user}"),
        mail: NewMail {
            id: Uuid::now_v7(),
            kind: "pulse",
            user_id: None,
            to_addr: "staff@example.lv".into(),
            subject: "pulse".into(),
            message: b"link".to_vec(),
        },
    };
    let (a, b) = (round(w.org), round(w.org));
    let person = Uuid::now_v7();
    let (la, lb) = ([link(person)], [link(person)]);
    let who = by();
    let (x, y) = tokio::join!(
        store.open_pulse_round(w.org, &a, &la, &who),
        other.open_pulse_round(w.org, &b, &lb, &who),
    );
    assert_eq!(
        [x.unwrap(), y.unwrap()].iter().filter(|o| **o).count(),
        1,
        "one round for the period"
    );
    let rounds = store.pulse_rounds(w.org).await.unwrap();
    assert_eq!(rounds.len(), 1);
    let r = &rounds[0];
    assert_eq!(
        testing::outbox_messages(&store, w.org).await.len(),
        1,
        "the losing instance queued nothing"
    );

    // One person at the station from two instances at once.
    let answer = PulseAnswer {
        enps: 9,
        statements: vec![Some(4)],
    };
    let now = rida_store::now_ms();
    let someone = Uuid::now_v7();
    let (x, y) = tokio::join!(
        store.answer_pulse(r, someone, w.site, &answer, now),
        other.answer_pulse(r, someone, w.site, &answer, now),
    );
    let outcomes = [x.unwrap(), y.unwrap()];
    assert!(outcomes.contains(&PulseOutcome::Counted), "{outcomes:?}");
    assert!(
        outcomes.contains(&PulseOutcome::AlreadyAnswered),
        "{outcomes:?}"
    );
    // The mailed person is sent to their link.
    assert_eq!(
        store
            .answer_pulse(r, person, w.site, &answer, now)
            .await
            .unwrap(),
        PulseOutcome::SentByMail
    );
    // Their link sent twice at once.
    let key = format!("key-{person}");
    let (x, y) = tokio::join!(
        store.answer_pulse_link(&key, &answer, now),
        other.answer_pulse_link(&key, &answer, now),
    );
    let outcomes = [x.unwrap(), y.unwrap()];
    assert!(outcomes.contains(&PulseOutcome::Counted), "{outcomes:?}");
    assert!(
        outcomes.contains(&PulseOutcome::AlreadyAnswered),
        "{outcomes:?}"
    );
    assert_eq!(
        store
            .answer_pulse_link("key-none", &answer, now)
            .await
            .unwrap(),
        PulseOutcome::Unknown
    );
    let counts = store.pulse_counts(r).await.unwrap();
    assert_eq!(counts[&w.site].respondents(), 2);
    assert_eq!(store.pulse_turnout(w.org, r.id).await.unwrap().0, 2);
    // Over: refused.
    testing::end_pulse_rounds(&store, w.org).await;
    let r = &store.pulse_rounds(w.org).await.unwrap()[0];
    assert_eq!(
        store
            .answer_pulse(r, Uuid::now_v7(), w.site, &answer, rida_store::now_ms())
            .await
            .unwrap(),
        PulseOutcome::Closed
    );
}
