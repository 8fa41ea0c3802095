//! The report builder over HTTP: grouping and metrics checked (problem details for
//! unknown ones), saved reports at stable URLs, sharing by role, hidden voting.

use reqwest::StatusCode;
use rida_domain::{Answer, Channel, Role};
use rida_store::{Backend, NewRating, both_backends};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{TestApp, problem, spawn_app};

both_backends! {
    reports_group_and_refuse_what_they_do_not_know;
    saved_reports_open_to_whom_they_are_shared_with;
}

async fn fill(app: &TestApp) {
    let day = rida_domain::period::day_key(rida_server::analytics::org_today("Europe/Riga"));
    let rows: Vec<NewRating> = (0..60)
        .map(|i| NewRating {
            id: Uuid::now_v7(),
            answered_at: 1_790_000_000_000,
            received_at: 1_790_000_000_000,
            local_day: day,
            site_id: if i % 2 == 0 {
                app.w.site
            } else {
                app.w.other_site
            },
            service_id: Some(app.w.service),
            employee_id: (i % 2 == 0).then_some(app.w.employee),
            channel: if i % 3 == 0 {
                Channel::Sms
            } else {
                Channel::Kiosk
            },
            question_id: if i % 4 == 0 {
                app.w.nps_question
            } else {
                app.w.question
            },
            answer: Answer::Score(if i % 4 == 0 { 9 } else { 1 + (i % 5) as i16 }),
            visit_id: None,
            customer_key: None,
            terminal_id: None,
            lang: match i % 5 {
                0 => Some("ar".into()),
                1 | 2 => Some("lv".into()),
                _ => None,
            },
            flags: 0,
        })
        .collect();
    app.store.insert_ratings(app.w.org, &rows).await.unwrap();
}

async fn reports_group_and_refuse_what_they_do_not_know(backend: Backend) {
    let app = spawn_app(backend).await;
    fill(&app).await;
    let head = app.login_as(Role::Head).await;
    let r = head
        .get("/api/v1/reports/run?metrics=csat,nps&group=region,channel&period=day")
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let report: Value = r.json().await.unwrap();
    let rows = report["rows"].as_array().unwrap();
    // Two regions × two channels.
    assert_eq!(rows.len(), 4, "{rows:?}");
    let total: u64 = rows
        .iter()
        .map(|r| r["figures"][0]["n"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 45, "every CSAT answer once");
    let nps: u64 = rows
        .iter()
        .map(|r| r["figures"][1]["n"].as_u64().unwrap())
        .sum();
    assert_eq!(nps, 15);
    // One channel only: the SMS answers.
    let r: Value = head
        .get("/api/v1/reports/run?metrics=csat&group=site&channel=sms&period=day")
        .await
        .json()
        .await
        .unwrap();
    let sms: u64 = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["figures"][0]["n"].as_u64().unwrap())
        .sum();
    assert_eq!(
        sms,
        (0..60).filter(|i| i % 3 == 0 && i % 4 != 0).count() as u64
    );

    // By the customers' language: each language's CSAT answers, those in an unknown one
    // apart; and one language only.
    let csat = |i: &usize| !i.is_multiple_of(4);
    let r: Value = head
        .get("/api/v1/reports/run?metrics=csat&group=language&period=day")
        .await
        .json()
        .await
        .unwrap();
    let by_lang: Vec<(String, u64)> = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["labels"][0].as_str().unwrap().to_string(),
                r["figures"][0]["n"].as_u64().unwrap(),
            )
        })
        .collect();
    let count = |f: fn(usize) -> bool| (0..60usize).filter(csat).filter(|i| f(*i)).count() as u64;
    assert_eq!(
        by_lang,
        vec![
            ("Latviešu".to_string(), count(|i| matches!(i % 5, 1 | 2))),
            ("—".to_string(), count(|i| i % 5 > 2)),
            ("العربية".to_string(), count(|i| i % 5 == 0)),
        ]
        // Rows come ordered by their labels.
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    let r: Value = head
        .get("/api/v1/reports/run?metrics=csat&group=site&language=ar-SA&period=day")
        .await
        .json()
        .await
        .unwrap();
    let arabic: u64 = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["figures"][0]["n"].as_u64().unwrap())
        .sum();
    assert_eq!(arabic, count(|i| i % 5 == 0));
    // The builder page says next to the language why it cannot go with a service.
    let page = head
        .get("/admin/reports/new?metrics=csat&group=service&language=ar&period=day")
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("id=\"e-language\""), "{html}");

    for (path, field) in [
        ("/api/v1/reports/run?group=service&language=ar", "language"),
        (
            "/api/v1/reports/run?language=ar&service=SERVICE",
            "language",
        ),
        ("/api/v1/reports/run?language=english", "language"),
        ("/api/v1/reports/run?metrics=happiness", "metrics"),
        ("/api/v1/reports/run?group=weather", "group"),
        ("/api/v1/reports/run?group=site,service,channel", "group"),
        ("/api/v1/reports/run?group=day,month", "group"),
        ("/api/v1/reports/run?channel=pigeon", "channel"),
        ("/api/v1/reports/run?chart=pie", "chart"),
    ] {
        let path = &path.replace("SERVICE", &app.w.service.to_string());
        let r = head.get(path).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
        let p = problem(r).await;
        assert!(
            p["detail"].as_str().unwrap().starts_with(field),
            "{path}: {p:?}"
        );
    }
    // Grouping by employee is for those who may see employees.
    let analyst = app.login_as(Role::Analyst).await;
    let r = analyst.get("/api/v1/reports/run?group=employee").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = head
        .get("/api/v1/reports/run?group=employee&period=day")
        .await;
    assert_eq!(r.status(), StatusCode::OK);
}

async fn saved_reports_open_to_whom_they_are_shared_with(backend: Backend) {
    let app = spawn_app(backend).await;
    fill(&app).await;
    let analyst = app.login_as(Role::Analyst).await;
    let query = "metrics=csat&group=site&period=day";
    let page = format!("/admin/reports/new?{query}");
    // A name is needed: refused next to the field, nothing saved.
    let r = analyst
        .submit(
            &page,
            "/admin/reports",
            &[("name", " "), ("query", query), ("schedule", "none")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(r#"id="e-name""#));
    let r = analyst
        .submit(
            &page,
            "/admin/reports",
            &[
                ("name", "Sites today"),
                ("query", query),
                ("schedule", "monthly"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let url = r.headers()["location"].to_str().unwrap().to_string();
    assert!(url.starts_with("/admin/reports/"));
    // The stable URL runs the saved report.
    let html = analyst.get(&url).await.text().await.unwrap();
    assert!(
        html.contains("Sites today") && html.contains("Main") && html.contains("Harbour"),
        "{}",
        &html[html.len().saturating_sub(3000)..]
    );

    // Not shared: the manager cannot open it, nor find it in the list; the head can.
    let manager = app.login_as(Role::Manager).await;
    assert_eq!(manager.get(&url).await.status(), StatusCode::FORBIDDEN);
    assert!(
        !manager
            .get("/admin/reports")
            .await
            .text()
            .await
            .unwrap()
            .contains("Sites today")
    );
    let head = app.login_as(Role::Head).await;
    assert_eq!(head.get(&url).await.status(), StatusCode::OK);

    // Shared with managers: the manager opens it and sees only the sites of their region.
    let r = analyst
        .submit(
            &url,
            &url,
            &[
                ("name", "Sites today"),
                ("query", query),
                ("shared", "manager"),
                ("schedule", "monthly"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = manager.get(&url).await.text().await.unwrap();
    assert!(
        html.contains("Main") && !html.contains("Harbour"),
        "the manager's reach only"
    );
    assert!(
        manager
            .get("/admin/reports")
            .await
            .text()
            .await
            .unwrap()
            .contains("Sites today")
    );
    // Only the author and the head change it; supervisors and employees open nothing.
    let r = manager
        .submit(
            &url,
            &url,
            &[("name", "Mine now"), ("query", query), ("schedule", "none")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    for role in [Role::Supervisor, Role::Employee] {
        let c = app.login_as(role).await;
        assert_eq!(c.get(&url).await.status(), StatusCode::FORBIDDEN, "{role}");
    }
    // Deleted: gone from its URL.
    let r = analyst.submit(&url, &format!("{url}/delete"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(head.get(&url).await.status(), StatusCode::NOT_FOUND);
}
