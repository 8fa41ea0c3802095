//! "Why" on the results dashboard: the reasons customers chose, their shares, and the
//! satisfaction of those who chose them, equal to a recount; never per employee; in the
//! Excel export; on both databases.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rida_domain::{Answer, Channel, Role};
use rida_store::{Backend, NewRating, both_backends};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::spawn_app;

both_backends! {
    the_dashboard_shows_why_with_the_satisfaction_behind_each_reason;
}

async fn the_dashboard_shows_why_with_the_satisfaction_behind_each_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = &app.w;
    let def = app.store.survey(w.org, w.survey).await.unwrap().def;
    let (csat, reasons) = (
        def.question("csat").unwrap().id,
        def.question("reasons").unwrap().id,
    );
    let today = rida_server::analytics::org_today("Europe/Riga");
    let answer = |question, a, visit| NewRating {
        id: Uuid::now_v7(),
        answered_at: 1_790_000_000_000,
        received_at: 1_790_000_000_000,
        local_day: rida_domain::period::day_key(today),
        site_id: w.site,
        service_id: Some(w.service),
        employee_id: Some(w.employee),
        channel: Channel::Kiosk,
        question_id: question,
        answer: a,
        visit_id: Some(visit),
        customer_key: None,
        terminal_id: None,
        lang: None,
        flags: 0,
    };
    // 12 visits: scores 1, 2, 1, 2…; "wait" in all, "staff" in every third. The reasons
    // of some visits arrive in a later batch than their score.
    let (mut first, mut later) = (Vec::new(), Vec::new());
    for i in 0..12 {
        let visit = Uuid::now_v7();
        first.push(answer(csat, Answer::Score(1 + i % 2), visit));
        let chosen = if i % 3 == 0 { "wait,staff" } else { "wait" };
        let r = answer(reasons, Answer::Choice(chosen.into()), visit);
        if i % 2 == 0 {
            later.push(r)
        } else {
            first.push(r)
        }
    }
    app.store.insert_ratings(w.org, &first).await.unwrap();
    app.store.insert_ratings(w.org, &later).await.unwrap();

    let head = app.login_as(Role::Head).await;
    let d: Value = head.get("/api/v1/results").await.json().await.unwrap();
    let panel = &d["reasons"][0];
    assert_eq!(panel["question_id"], serde_json::json!(reasons));
    assert_eq!(panel["answers"], 12);
    let line = |key: &str| {
        panel["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["key"] == key)
            .unwrap()
            .clone()
    };
    let (wait, staff) = (line("wait"), line("staff"));
    assert_eq!(
        (wait["n"].as_u64(), staff["n"].as_u64()),
        (Some(12), Some(4))
    );
    assert!((staff["share"]["value"].as_f64().unwrap() - 100.0 * 4.0 / 12.0).abs() < 1e-9);
    // Every customer who named a reason gave 1 or 2: their CSAT is 0 %, over 12 and 4
    // answers; under the anonymity minimum (5) it is withheld, with the count kept.
    assert_eq!(wait["csat"]["value"], 0.0);
    assert_eq!(wait["csat_n"], 12);
    assert_eq!(staff["csat"], Value::Null);
    assert_eq!(staff["csat_n"], 4);
    assert_eq!(staff["label"]["en"], "Staff");
    let html = head.get("/admin/results").await.text().await.unwrap();
    assert!(html.contains("What went wrong?") && html.contains("Long wait"));

    // Not per employee: a reason must not point at a person.
    let e = head
        .get(&format!("/api/v1/results?employee={}", w.employee))
        .await;
    let d: Value = e.json().await.unwrap();
    assert_eq!(d["reasons"], serde_json::json!([]));

    // In the workbook, one row per choice.
    let bytes = head
        .get("/admin/results/export.xlsx")
        .await
        .bytes()
        .await
        .unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let sheet = book.worksheet_range("Reasons").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 3, "a header and two choices");
    assert_eq!(rows[1][1], Data::String("Long wait".into()));
    assert_eq!(rows[1][2], Data::Float(12.0));
    assert_eq!(rows[2][1], Data::String("Staff".into()));

    // Fewer answers to the question than the anonymity minimum: no panel at all.
    let other = Uuid::now_v7();
    let mut few = answer(reasons, Answer::Choice("wait".into()), other);
    few.site_id = w.other_site;
    app.store.insert_ratings(w.org, &[few]).await.unwrap();
    let d: Value = head
        .get(&format!("/api/v1/results?site={}", w.other_site))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(d["reasons"], serde_json::json!([]));
}
