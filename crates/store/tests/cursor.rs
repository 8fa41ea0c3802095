//! Readers that follow new answers by their seq (webhooks, alert rules) on PostgreSQL,
//! where transactions may commit out of seq order: an answer whose transaction commits
//! after a later one is still read, not skipped.

mod common;

use common::{rating, world};
use rida_store::{Backend, testing::fresh_store};

#[tokio::test]
async fn an_answer_committed_late_is_not_skipped() {
    let (store, db) = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    let raw = sqlx::PgPool::connect(&db.url).await.unwrap();
    // A transaction takes the next seq and stays open …
    let mut slow = raw.begin().await.unwrap();
    let r = rating(&w, 1);
    sqlx::query(
        "INSERT INTO ratings (id, org_id, answered_at, received_at, local_day, site_id, service_id, employee_id, \
         channel, question_id, score, flags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'kiosk', $9, 1, 0)",
    )
    .bind(r.id)
    .bind(w.org)
    .bind(r.answered_at)
    .bind(r.received_at)
    .bind(r.local_day)
    .bind(w.site)
    .bind(w.service)
    .bind(w.employee)
    .bind(w.question)
    .execute(&mut *slow)
    .await
    .unwrap();
    // … while a later answer (a larger seq) commits first.
    store.insert_ratings(w.org, &[rating(&w, 5)]).await.unwrap();
    let reader = {
        let store = store.clone();
        tokio::spawn(async move { store.scored_after(w.org, 0, 100).await })
    };
    // The reader is seen waiting on the open transaction's lock before it commits.
    let mut waiting = false;
    for _ in 0..300 {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pg_locks WHERE NOT granted \
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        )
        .fetch_one(&raw)
        .await
        .unwrap();
        if n > 0 {
            waiting = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(waiting, "the reader should wait for the open write");
    slow.commit().await.unwrap();
    // The reader waited for the open transaction: both answers, in seq order.
    let got = reader.await.unwrap().unwrap();
    let scores: Vec<i16> = got.iter().map(|a| a.score).collect();
    assert_eq!(scores, vec![1, 5]);
    assert!(got[0].seq < got[1].seq);
}
