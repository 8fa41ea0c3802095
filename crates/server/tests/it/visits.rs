//! The operations page and API over HTTP on both databases: targets set on the service
//! form, figures from visits equal to a recomputation, the scope of each role, and
//! per-employee figures only for those who may see them.

use reqwest::StatusCode;
use rida_domain::{Role, metrics::operations::VisitTotals};
use rida_store::{Backend, NewVisit, both_backends, testing::all_visits};
use serde_json::{Value, json};

use crate::helpers::spawn_app;

both_backends! {
    operations_show_visits_against_the_service_targets_within_reach;
}

async fn operations_show_visits_against_the_service_targets_within_reach(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = &app.w;
    let head = app.login_as(Role::Head).await;
    let edit = format!("/admin/services/{}", w.service);

    // Targets in minutes; a word is refused next to its field and nothing is saved.
    let r = head
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Loans"),
                ("target_wait", "soon"),
                ("target_handle", "10"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains(r#"id="e-target_wait""#) && !page.contains(r#"id="e-target_handle""#));
    assert_eq!(
        app.store
            .service(w.org, w.service)
            .await
            .unwrap()
            .target_handle_s,
        None
    );
    let r = head
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Loans"),
                ("target_wait", "4"),
                ("target_handle", "7,5"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let s = app.store.service(w.org, w.service).await.unwrap();
    assert_eq!((s.target_wait_s, s.target_handle_s), (Some(240), Some(450)));
    assert!(
        head.get(&edit)
            .await
            .text()
            .await
            .unwrap()
            .contains(r#"value="7.5""#)
    );

    // Visits on one October day at both sites: waits of 1–9 minutes, 3–12 minutes with
    // the customer; every third one rated.
    let morning: jiff::Timestamp = "2026-10-15T06:00:00Z".parse().unwrap();
    let mut visits = Vec::new();
    for i in 0..24i64 {
        let started = morning.as_millisecond() + i * 15 * 60_000;
        visits.push(NewVisit {
            id: rida_domain::new_id(),
            site_id: Some(if i % 4 == 0 { w.other_site } else { w.site }),
            service_id: Some(w.service),
            employee_id: (i % 4 != 0).then_some(w.employee),
            customer_key: Some(format!("customer-{}", i % 5)),
            arrived_at: Some(started - (1 + i % 9) * 60_000),
            started_at: started,
            ended_at: Some(started + (3 + i % 10) * 60_000),
        });
    }
    app.store.insert_visits(w.org, &visits).await.unwrap();
    let answers: Vec<Value> = visits
        .iter()
        .step_by(3)
        .map(|v| {
            json!({ "id": rida_domain::new_id(), "answered_at": "2026-10-15T13:00:00Z",
                "site_id": v.site_id, "channel": "sms", "question_id": w.question, "score": 4, "visit_id": v.id })
        })
        .collect();
    let token = app.token().await;
    let r = app
        .post_ratings(Some(&token), &json!({ "ratings": answers }))
        .await;
    let result: Value = r.json().await.unwrap();
    assert_eq!(result["stored"], json!(8), "{result}");

    // The head's figures equal a recomputation from the raw visits of the month.
    let raw = all_visits(&app.store, w.org).await;
    assert!(raw.iter().all(|v| v.local_day == 20261015));
    let mut want = VisitTotals::default();
    for v in &raw {
        want.add(&v.totals());
    }
    assert_eq!(want.answered, 8, "each rated visit counts once");
    let at = "2026-10-01";
    let ops: Value = head
        .get(&format!("/api/v1/operations?period=month&at={at}"))
        .await
        .json()
        .await
        .unwrap();
    let close = |v: &Value, x: f64| (v.as_f64().unwrap() - x).abs() < 1e-9;
    assert_eq!(ops["total"]["visits"], json!(want.visits));
    assert!(close(
        &ops["total"]["response_rate"]["value"],
        want.response_rate().unwrap().value
    ));
    assert!(close(
        &ops["total"]["mean_wait"]["value"],
        want.mean_wait().unwrap().value
    ));
    assert!(close(
        &ops["total"]["mean_handle"]["value"],
        want.mean_handle().unwrap().value
    ));
    assert!(close(
        &ops["total"]["handle_within"]["value"],
        want.handle_within_target().unwrap().value
    ));
    assert!(close(
        &ops["total"]["wait_within"]["value"],
        want.wait_within_target().unwrap().value
    ));
    assert_eq!(ops["sites"].as_array().unwrap().len(), 2);
    assert!(ops["employees"].is_array(), "the head sees employees");
    // The page shows the same, with units and sample sizes.
    let html = head
        .get(&format!("/admin/operations?period=month&at={at}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Response rate") && html.contains("Harbour") && html.contains("Anna"));
    assert!(html.contains(&format!("n = {} visits", want.visits)));
    assert!(html.contains(" min"));

    // The report builder shows the same figures per site, beside the CSAT of the answers.
    let report: Value = head
        .get(&format!(
            "/api/v1/reports/run?metrics=csat,response_rate,wait,handle_within_target&group=site&period=month&at={at}"
        ))
        .await
        .json()
        .await
        .unwrap();
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{report}");
    for row in rows {
        let site = if row["labels"][0] == "Harbour" {
            w.other_site
        } else {
            w.site
        };
        let mut t = VisitTotals::default();
        for v in raw.iter().filter(|v| v.site_id == Some(site)) {
            t.add(&v.totals());
        }
        let f = &row["figures"];
        assert_eq!(f[1]["n"], json!(t.visits));
        assert!(close(
            &f[1]["estimate"]["value"],
            t.response_rate().unwrap().value
        ));
        assert!(close(
            &f[2]["estimate"]["value"],
            t.mean_wait().unwrap().value / 60.0
        ));
        assert!(close(
            &f[3]["estimate"]["value"],
            t.handle_within_target().unwrap().value
        ));
    }
    let csat_n: u64 = rows
        .iter()
        .map(|r| r["figures"][0]["n"].as_u64().unwrap())
        .sum();
    assert_eq!(csat_n, 8);
    // The page says what each sample size counts: answers for CSAT, visits for the rest.
    let html = head
        .get(&format!(
            "/admin/reports/new?metrics=csat,response_rate&group=site&period=month&at={at}"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(r#"<th class="num">Answers</th>"#)
            && html.contains(r#"<th class="num">Visits</th>"#),
        "{html}"
    );
    // Visits are not kept per channel, question or language: said, not guessed.
    let r = head
        .get("/api/v1/reports/run?metrics=response_rate&group=channel")
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(
        crate::helpers::problem(r).await["detail"]
            .as_str()
            .unwrap()
            .starts_with("metrics")
    );
    let html = head
        .get("/admin/reports/new?metrics=wait&channel=sms")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"id="e-metrics""#), "{html}");

    // The manager reaches the North region only, and (by default) no employee.
    let manager = app.login_as(Role::Manager).await;
    let ops: Value = manager
        .get(&format!("/api/v1/operations?period=month&at={at}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ops["sites"].as_array().unwrap().len(), 1);
    assert_eq!(ops["sites"][0]["id"], json!(w.site));
    assert_eq!(ops["employees"], Value::Null);
    assert_eq!(ops["total"]["visits"], json!(18));
    let html = manager.get("/admin/operations").await.text().await.unwrap();
    assert!(!html.contains("By employee"));
    let report: Value = manager
        .get(&format!(
            "/api/v1/reports/run?metrics=response_rate&group=site&period=month&at={at}"
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["rows"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["rows"][0]["figures"][0]["n"], json!(18));
    let r = manager
        .get("/api/v1/reports/run?metrics=wait&group=employee")
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = manager
        .get(&format!("/api/v1/operations?site={}", w.other_site))
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = manager
        .get(&format!("/api/v1/operations?employee={}", w.employee))
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A period with no visits says so rather than showing zeros as figures.
    let html = head
        .get("/admin/operations?period=month&at=2020-01-15")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("No visits in this period"));
}
