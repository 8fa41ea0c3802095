//! Alerts and the closed loop over HTTP: the head sets rules, the jobs raise each alert
//! once (a low score at a site, a weekly metric under a threshold) and e-mail the roles
//! named to a real SMTP server, each user sees only alerts of their sites, and a manager
//! follows one up to closing; the time to close is shown.

use reqwest::StatusCode;
use rida_domain::{Answer, Channel, Role, period::day_key};
use rida_server::jobs;
use rida_store::{Backend, NewRating, both_backends};
use uuid::Uuid;

use crate::{
    helpers::{TestApp, prepared},
    mail::{SmtpSink, free_port, instance},
};

both_backends! {
    a_low_score_raises_one_alert_followed_up_to_closing;
    a_terminal_collecting_lowest_scores_raises_one_alert_a_day;
}

fn rating(app_site: Uuid, w: &crate::helpers::World, score: i16, visit: Option<Uuid>) -> NewRating {
    let now = jiff::Timestamp::now().as_millisecond();
    NewRating {
        id: Uuid::now_v7(),
        answered_at: now,
        received_at: now,
        local_day: day_key(rida_server::analytics::org_today("Europe/Riga")),
        site_id: app_site,
        service_id: Some(w.service),
        employee_id: None,
        channel: Channel::Kiosk,
        question_id: w.question,
        answer: Answer::Score(score),
        visit_id: visit,
        customer_key: None,
        terminal_id: None,
        lang: None,
        flags: 0,
    }
}

async fn a_low_score_raises_one_alert_followed_up_to_closing(backend: Backend) {
    let (store, w, db) = prepared(backend).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, running) = instance(&store, &smtp.url()).await;
    let (site, other_site, org) = (w.site, w.other_site, w.org);
    let (text_q, svc) = (w.text_question, w.service);
    let app = TestApp::new(running, store.clone(), w, db);
    let head = app.login_as(Role::Head).await;

    // Bad input: a metric rule without a threshold is refused next to the field.
    let r = head
        .submit(
            "/admin/alert-rules/new",
            "/admin/alert-rules",
            &[
                ("name", "Weekly CSAT"),
                ("kind", "metric_below"),
                ("metric", "csat"),
                ("threshold", "lots"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("A number"));
    // A low-score rule at the main site, told to managers by e-mail.
    let r = head
        .submit(
            "/admin/alert-rules/new",
            "/admin/alert-rules",
            &[
                ("name", "Unhappy at Main"),
                ("kind", "low_score"),
                ("site", &site.to_string()),
                ("notify", "manager"),
            ],
        )
        .await;
    assert!(
        r.status().is_success() || r.status().is_redirection(),
        "{}",
        r.status()
    );
    // CSAT of this week at the other site under 90%, from 2 answers.
    let r = head
        .submit(
            "/admin/alert-rules/new",
            "/admin/alert-rules",
            &[
                ("name", "South this week"),
                ("kind", "metric_below"),
                ("site", &other_site.to_string()),
                ("metric", "csat"),
                ("threshold", "90"),
                ("min_answers", "2"),
            ],
        )
        .await;
    assert!(r.status().is_success() || r.status().is_redirection());
    // Rules are the head's alone.
    let manager = app.login_as(Role::Manager).await;
    assert_eq!(
        manager.get("/admin/alert-rules").await.status(),
        StatusCode::FORBIDDEN
    );

    // Answers arrive: a 1 with a comment at Main, a 5 at Main, a 1 and a 5 at South.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let visit = Uuid::now_v7();
    let mut comment = rating(site, &app.w, 3, Some(visit));
    comment.question_id = text_q;
    comment.answer = Answer::Text("<b>rude</b> and slow".into());
    let rows = vec![
        rating(site, &app.w, 1, Some(visit)),
        comment,
        rating(site, &app.w, 5, None),
        rating(other_site, &app.w, 1, None),
        rating(other_site, &app.w, 5, None),
    ];
    store.insert_ratings(org, &rows).await.unwrap();
    let now = jiff::Timestamp::now();
    jobs::run_once(&state, now).await.unwrap();
    jobs::run_once(&state, now).await.unwrap();
    let alerts = store.list_alerts(org, None, 10).await.unwrap();
    assert_eq!(alerts.len(), 2, "one per rule, once: {alerts:?}");
    let low = alerts.iter().find(|a| a.kind == "low_score").unwrap();
    assert_eq!((low.site_id, low.value), (Some(site), 1.0));
    let weekly = alerts.iter().find(|a| a.kind == "metric_below").unwrap();
    assert_eq!((weekly.value, weekly.n), (50.0, 2));
    assert_eq!(weekly.service_id, None);
    let _ = svc;

    // The manager of the North region was told of the low score at Main by e-mail (the
    // South rule tells nobody by e-mail); nobody else.
    let got: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.subject.starts_with("Alert"))
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].to, "manager@test.rida.example");
    assert!(got[0].html.contains("Unhappy at Main"));

    // The manager sees the Main alert, not the South one; supervisor and employee nothing.
    let list = manager.get("/admin/alerts").await.text().await.unwrap();
    assert!(
        list.contains("Unhappy at Main") && !list.contains("South this week"),
        "{list}"
    );
    assert_eq!(
        manager
            .get(&format!("/admin/alerts/{}", weekly.id))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    for role in [Role::Supervisor, Role::Employee] {
        let c = app.login_as(role).await;
        assert_eq!(
            c.get("/admin/alerts").await.status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    // The comment of the visit is shown, escaped.
    let page_path = format!("/admin/alerts/{}", low.id);
    let page = manager.get(&page_path).await.text().await.unwrap();
    assert!(
        page.contains("&lt;b&gt;rude&lt;&#x2f;b&gt; and slow")
            || page.contains("&lt;b&gt;rude&lt;/b&gt; and slow"),
        "{page}"
    );
    assert!(!page.contains("<b>rude</b>"));
    // The analyst sees it but may not follow it up.
    let analyst = app.login_as(Role::Analyst).await;
    assert_eq!(analyst.get(&page_path).await.status(), StatusCode::OK);
    let r = analyst
        .submit(
            &page_path,
            &page_path,
            &[("action", "note"), ("note", "mine")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Closing needs a resolution; then a note, and the close.
    let r = manager
        .submit(
            &page_path,
            &page_path,
            &[("action", "close"), ("resolution", " ")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let note_id = Uuid::now_v7().to_string();
    for _ in 0..2 {
        // Sent twice (a retry): stored once.
        manager
            .submit(
                &page_path,
                &page_path,
                &[
                    ("action", "note"),
                    ("note", "Called the customer"),
                    ("note_id", &note_id),
                ],
            )
            .await;
    }
    assert_eq!(store.alert_notes(low.id).await.unwrap().len(), 1);
    manager
        .submit(
            &page_path,
            &page_path,
            &[
                ("action", "close"),
                ("resolution", "Apologised; coffee voucher"),
            ],
        )
        .await;
    let closed = store.alert(org, low.id).await.unwrap();
    assert_eq!(closed.status, "closed");
    assert_eq!(closed.closer.as_deref(), Some("The manager"));
    let list = manager
        .get("/admin/alerts?status=closed")
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("Unhappy at Main"));
    assert!(
        !list.contains("No alert closed in this window"),
        "time to close is shown"
    );
    assert!(
        manager
            .get("/admin/alerts")
            .await
            .text()
            .await
            .unwrap()
            .contains("No open alerts")
    );

    // The time to close as a report figure per site: the mean of the alerts' own times.
    let now = jiff::Timestamp::now().as_millisecond();
    let closer = store
        .list_users(org, &rida_store::ListQuery::all())
        .await
        .unwrap()
        .items[0]
        .id;
    for (i, (at, hours)) in [(site, 2), (site, 6), (other_site, 30)]
        .into_iter()
        .enumerate()
    {
        let id = Uuid::now_v7();
        let alert = rida_store::NewAlert {
            id,
            rule_id: low.rule_id,
            key: format!("closed-{i}"),
            site_id: Some(at),
            service_id: None,
            employee_id: None,
            visit_id: None,
            value: 1.0,
            n: 1,
            raised_at: now - hours * 3_600_000,
            day: None,
        };
        store.raise_alert(org, &alert, &[]).await.unwrap();
        let by = rida_store::By::system("test");
        store
            .follow_up_alert(org, id, closer, None, None, Some(Some("done")), &by)
            .await
            .unwrap();
    }
    let closed = store.list_alerts(org, Some("closed"), 100).await.unwrap();
    let hours_at = |s: Uuid| -> Vec<f64> {
        closed
            .iter()
            .filter(|a| a.site_id == Some(s))
            .map(|a| (a.closed_at.unwrap() - a.raised_at) as f64 / 3_600_000.0)
            .collect()
    };
    let main = hours_at(site);
    assert_eq!(main.len(), 3, "the alert closed above and two more");
    let path = "/api/v1/reports/run?metrics=close_hours&group=site&period=day";
    let r: serde_json::Value = head.get(path).await.json().await.unwrap();
    let rows = r["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{r}");
    let main_row = rows.iter().find(|r| r["labels"][0] == "Main").unwrap();
    let f = &main_row["figures"][0];
    assert_eq!(f["n"], 3);
    let mean = main.iter().sum::<f64>() / 3.0;
    assert!((f["estimate"]["value"].as_f64().unwrap() - mean).abs() < 1e-9);
    assert!(mean > 2.6 && mean < 2.8, "(0 + 2 + 6) / 3 hours: {mean}");
    // The time to acknowledge beside it: an alert taken in hand ten hours after it was
    // raised, still open, counts there only.
    let id = Uuid::now_v7();
    let acked = rida_store::NewAlert {
        id,
        rule_id: low.rule_id,
        key: "acked".into(),
        site_id: Some(other_site),
        service_id: None,
        employee_id: None,
        visit_id: None,
        value: 1.0,
        n: 1,
        raised_at: now - 10 * 3_600_000,
        day: None,
    };
    store.raise_alert(org, &acked, &[]).await.unwrap();
    let by = rida_store::By::system("test");
    store
        .follow_up_alert(org, id, closer, None, None, None, &by)
        .await
        .unwrap();
    let both = "/api/v1/reports/run?metrics=ack_hours,close_hours&group=site&period=day";
    let r: serde_json::Value = head.get(both).await.json().await.unwrap();
    let other_row = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["labels"][0] != "Main")
        .unwrap()
        .clone();
    let (ack, close) = (&other_row["figures"][0], &other_row["figures"][1]);
    assert_eq!(
        (ack["n"].as_u64(), close["n"].as_u64()),
        (Some(2), Some(1)),
        "{r}"
    );
    let ack_mean = ack["estimate"]["value"].as_f64().unwrap();
    assert!(
        ack_mean > 19.9 && ack_mean < 20.1,
        "(30 + 10) / 2 hours: {ack_mean}"
    );
    // Per person who handled them: the manager closed the first alert; one account closed
    // the three above and took in hand a fourth. The answers' figures do not group by it.
    let who = "/api/v1/reports/run?metrics=ack_hours,close_hours&group=handler&period=day";
    let r: serde_json::Value = head.get(who).await.json().await.unwrap();
    let rows = r["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{r}");
    let name = store
        .list_users(org, &rida_store::ListQuery::all())
        .await
        .unwrap()
        .items[0]
        .display_name
        .clone();
    let row = |label: &str| rows.iter().find(|r| r["labels"][0] == label).unwrap();
    let (ack, close) = (&row(&name)["figures"][0], &row(&name)["figures"][1]);
    assert_eq!(
        (ack["n"].as_u64(), close["n"].as_u64()),
        (Some(4), Some(3)),
        "{r}"
    );
    assert_eq!(row("The manager")["figures"][1]["n"], 1, "{r}");
    let r = head
        .get("/api/v1/reports/run?metrics=csat,close_hours&group=handler")
        .await;
    assert_eq!(r.status(), 400);
    let p = crate::helpers::problem(r).await;
    assert_eq!(p["type"], "urn:rida:problem:handler-alerts-only", "{p:?}");
    // The manager reaches Main only; the supervisor may not read alerts.
    let r: serde_json::Value = manager.get(path).await.json().await.unwrap();
    assert_eq!(r["rows"].as_array().unwrap().len(), 1, "{r}");
    assert_eq!(r["rows"][0]["labels"][0], "Main");
    let supervisor = app.login_as(Role::Supervisor).await;
    assert_eq!(supervisor.get(path).await.status(), StatusCode::FORBIDDEN);
}

async fn a_terminal_collecting_lowest_scores_raises_one_alert_a_day(backend: Backend) {
    let (store, w, db) = prepared(backend).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, running) = instance(&store, &smtp.url()).await;
    let (site, org, terminal, other) = (w.site, w.org, w.terminal, w.other_terminal);
    let app = TestApp::new(running, store.clone(), w, db);
    let head = app.login_as(Role::Head).await;
    // The jump is in points: a word is refused next to its field.
    let form = |threshold: &'static str| {
        vec![
            ("name", "Terminal trouble"),
            ("kind", "terminal_jump"),
            ("threshold", threshold),
            ("min_answers", "10"),
        ]
    };
    let r = head
        .submit(
            "/admin/alert-rules/new",
            "/admin/alert-rules",
            &form("much"),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("points from 1 to 100"));
    let r = head
        .submit("/admin/alert-rules/new", "/admin/alert-rules", &form("20"))
        .await;
    assert!(r.status().is_redirection(), "{}", r.status());

    // Four weeks of 1 in 10 answers at the lowest score at the main site's terminal;
    // the same at the other terminal. Today: 12 of 20 at the first, 2 of 20 at the other.
    let today = rida_server::analytics::org_today("Europe/Riga");
    let at = |days_ago: i64, score: i16, t: Uuid| {
        let mut r = rating(site, &app.w, score, None);
        r.local_day = day_key(today.checked_sub(jiff::Span::new().days(days_ago)).unwrap());
        r.terminal_id = Some(t);
        r
    };
    let mut rows = Vec::new();
    for (t, lows_today) in [(terminal, 12), (other, 2)] {
        for i in 0..60 {
            rows.push(at(1 + i % 27, if i % 10 == 0 { 1 } else { 4 }, t));
        }
        for i in 0..20 {
            rows.push(at(0, if i < lows_today { 1 } else { 5 }, t));
        }
    }
    store.insert_ratings(org, &rows).await.unwrap();
    let now = jiff::Timestamp::now();
    jobs::run_once(&state, now).await.unwrap();
    // Again in the same hour, and in the next: still one alert for the terminal today.
    jobs::run_once(&state, now).await.unwrap();
    jobs::run_once(&state, now + jiff::SignedDuration::from_hours(1))
        .await
        .unwrap();
    let alerts: Vec<_> = store
        .list_alerts(org, None, 10)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.kind == "terminal_jump")
        .collect();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let a = &alerts[0];
    assert!(a.key.starts_with(&format!("terminal:{terminal}:")));
    assert_eq!((a.value, a.n), (60.0, 20));
    assert_eq!(a.site_id, Some(site));
    // The alert names the terminal, on the list and on its page.
    let name = store.terminal(org, terminal).await.unwrap().name;
    let page = head
        .get(&format!("/admin/alerts/{}", a.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&name) && page.contains("lowest scores today"),
        "{page}"
    );
    // And it shows on the results page of those who may see it.
    let results = head.get("/admin/results").await.text().await.unwrap();
    assert!(results.contains("One open alert") && results.contains("Terminal trouble"));
    // The navigation counts it on every page.
    let page = head.get("/admin/sites").await.text().await.unwrap();
    assert!(
        page.contains(r#"<span class="badge num""#) && page.contains("> open alert</span>"),
        "{page}"
    );
}
