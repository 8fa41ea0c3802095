//! The visit API as a queue system uses it, on both databases: a visit by its external
//! id (sent again, it is updated, not doubled), the employee by their external id, a
//! batch with refused items, the started/ended events, and what is refused.

use reqwest::StatusCode;
use rida_store::{Backend, both_backends, testing::all_visits};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{problem, spawn_app};

both_backends! {
    a_queue_system_records_and_updates_visits_by_its_own_ids;
    a_batch_and_the_start_and_end_events;
    contacts_are_normalised_sealed_and_skipped_with_a_reason;
    a_contact_key_kept_apart_from_the_database_seals_the_contacts;
}

fn ms(t: &str) -> i64 {
    t.parse::<jiff::Timestamp>().unwrap().as_millisecond()
}

async fn a_queue_system_records_and_updates_visits_by_its_own_ids(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.token().await;
    let w = &app.w;
    let visit = json!({
        "external_id": "Q-0415",
        "site_id": w.site,
        "service_id": w.service,
        "employee_external_id": "E1",
        "arrived_at": "2026-11-24T09:31:00Z",
        "started_at": "2026-11-24T09:38:00Z",
        "customer_key": "c-7f3a",
    });
    // Without a token: nothing stored.
    let r = app.post_api("/api/v1/visits", None, &visit).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(all_visits(&app.store, w.org).await.is_empty());

    let r = app.post_api("/api/v1/visits", Some(&token), &visit).await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "stored");
    let id: Uuid = serde_json::from_value(v["id"].clone()).unwrap();
    let stored = all_visits(&app.store, w.org).await;
    assert_eq!(stored.len(), 1);
    let s = &stored[0];
    assert_eq!(
        (s.id, s.site_id, s.service_id, s.employee_id),
        (id, Some(w.site), Some(w.service), Some(w.employee)),
        "the employee found by their external id"
    );
    assert_eq!(s.arrived_at, Some(ms("2026-11-24T09:31:00Z")));
    assert_eq!(s.ended_at, None);

    // The same visit again with its end: updated, not doubled; the same id.
    let mut ended = visit.clone();
    ended["ended_at"] = json!("2026-11-24T09:47:00Z");
    let v: Value = app
        .post_api("/api/v1/visits", Some(&token), &ended)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["id"], json!(id));
    let stored = all_visits(&app.store, w.org).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].ended_at, Some(ms("2026-11-24T09:47:00Z")));
    // An answer naming the visit counts toward its response rate.
    let answer = json!({ "ratings": [{ "id": Uuid::now_v7(), "answered_at": "2026-11-24T10:00:00Z",
        "site_id": w.site, "channel": "sms", "question_id": w.question, "score": 5, "visit_id": id }] });
    let r = app.post_ratings(Some(&token), &answer).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(all_visits(&app.store, w.org).await[0].answered_at.is_some());

    // A visit naming what the organisation does not have: one problem listing it all,
    // nothing stored.
    let mut bad = visit.clone();
    bad["external_id"] = json!("Q-0416");
    bad["site_id"] = json!(Uuid::now_v7());
    bad["employee_external_id"] = json!("NOBODY");
    bad["ended_at"] = json!("2026-11-24T09:00:00Z");
    let r = app.post_api("/api/v1/visits", Some(&token), &bad).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let p = problem(r).await;
    let detail = p["detail"].as_str().unwrap();
    for field in ["site_id", "employee_external_id", "ended_at"] {
        assert!(detail.contains(field), "{field}: {detail}");
    }
    assert!(detail.contains("NOBODY"));
    assert_eq!(all_visits(&app.store, w.org).await.len(), 1);
    // Unknown fields and malformed JSON are problems too.
    let mut extra = visit.clone();
    extra["mood"] = json!("happy");
    let r = app.post_api("/api/v1/visits", Some(&token), &extra).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(
        problem(r).await["detail"]
            .as_str()
            .unwrap()
            .contains("mood")
    );
}

async fn a_batch_and_the_start_and_end_events(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.token().await;
    let w = &app.w;
    let item = |x: &str| {
        json!({ "external_id": x, "site_id": w.site, "employee_id": w.employee,
            "started_at": "2026-11-24T11:00:00Z", "ended_at": "2026-11-24T11:06:00Z" })
    };
    let mut unknown_service = item("B-2");
    unknown_service["service_id"] = json!(Uuid::now_v7());
    let batch = json!({ "visits": [item("B-1"), unknown_service, {"external_id": 5}, item("B-1"), item("B-3")] });
    let r = app.post_api("/api/v1/visits", Some(&token), &batch).await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        (v["stored"].clone(), v["rejected"].clone()),
        (json!(3), json!(2)),
        "{v:#}"
    );
    assert_eq!(v["results"][1]["errors"][0]["code"], "unknown_service");
    assert_eq!(v["results"][2]["errors"][0]["code"], "malformed");
    assert_eq!(
        v["results"][0]["id"], v["results"][3]["id"],
        "one id per external id"
    );
    assert_eq!(all_visits(&app.store, w.org).await.len(), 2);

    // Two calls: the start, then the end.
    let start = json!({ "external_id": "E-9", "event": "started", "at": "2026-11-24T12:00:00Z",
        "site_id": w.site, "service_id": w.service, "employee_external_id": "E1" });
    let r = app
        .post_api("/api/v1/visits/events", Some(&token), &start)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let id = r.json::<Value>().await.unwrap()["id"].clone();
    let end = json!({ "external_id": "E-9", "event": "ended", "at": "2026-11-24T12:09:00Z" });
    let r = app
        .post_api("/api/v1/visits/events", Some(&token), &end)
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["id"], id);
    let visits = all_visits(&app.store, w.org).await;
    let v = visits.iter().find(|v| json!(v.id) == id).unwrap();
    assert_eq!(
        (v.started_at, v.ended_at, v.employee_id),
        (
            ms("2026-11-24T12:00:00Z"),
            Some(ms("2026-11-24T12:09:00Z")),
            Some(w.employee)
        )
    );
    // What cannot be: an end never started, an end before the start, an unknown event,
    // a start without a site.
    for (body, field) in [
        (
            json!({ "external_id": "NEVER", "event": "ended", "at": "2026-11-24T12:09:00Z" }),
            "external_id",
        ),
        (
            json!({ "external_id": "E-9", "event": "ended", "at": "2026-11-24T11:00:00Z" }),
            "at",
        ),
        (
            json!({ "external_id": "E-9", "event": "paused", "at": "2026-11-24T12:09:00Z" }),
            "event",
        ),
        (
            json!({ "external_id": "E-10", "event": "started", "at": "2026-11-24T12:09:00Z" }),
            "site_id",
        ),
    ] {
        let r = app
            .post_api("/api/v1/visits/events", Some(&token), &body)
            .await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body}");
        let p = problem(r).await;
        assert!(
            p["detail"].as_str().unwrap().starts_with(field),
            "{body}: {p:?}"
        );
    }
    assert_eq!(all_visits(&app.store, w.org).await.len(), 3);

    // Documented in the OpenAPI file.
    let doc: Value = reqwest::get(format!("{}/api/openapi.json", app.addr))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["paths"]["/api/v1/visits"]["post"].is_object());
    assert!(doc["paths"]["/api/v1/visits/events"]["post"].is_object());
    assert!(doc["components"]["schemas"]["VisitItem"]["example"].is_object());
}

async fn contacts_are_normalised_sealed_and_skipped_with_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.token().await;
    let w = &app.w;
    // National numbers are read as Latvian ones.
    let org = app.store.organisation(w.org).await.unwrap();
    let settings = rida_store::OrgSettings {
        phone_region: Some("LV".into()),
        ..org.settings()
    };
    let by = rida_store::By::system("test");
    app.store
        .update_organisation(w.org, &settings, &by)
        .await
        .unwrap();
    let key = rida_server::contact::ContactKey::new(
        &app.store.secret("contact-key", vec![]).await.unwrap(),
    )
    .unwrap();
    let visit = |x: &str, extra: Value| {
        let mut v =
            json!({ "external_id": x, "site_id": w.site, "started_at": "2026-11-24T09:38:00Z" });
        for (k, val) in extra.as_object().unwrap() {
            v[k] = val.clone();
        }
        v
    };
    let send = |body: Value| {
        let token = token.clone();
        let app = &app;
        async move {
            let r = app.post_api("/api/v1/visits", Some(&token), &body).await;
            assert_eq!(r.status(), StatusCode::OK, "{body}");
            let v: Value = r.json().await.unwrap();
            let id: Uuid = serde_json::from_value(v["id"].clone()).unwrap();
            (id, v["survey"].clone())
        }
    };
    // International, then national: one number, one customer key, sealed at rest.
    let (a, survey) = send(visit(
        "C-1",
        json!({ "phone": "+371 2000 0089", "lang": "lv-LV" }),
    ))
    .await;
    assert_eq!(survey, json!({ "status": "pending" }));
    let (b, _) = send(visit("C-2", json!({ "phone": "2000 0089" }))).await;
    let c = app.store.visit_contact(w.org, a).await.unwrap().unwrap();
    let sealed = c.phone_enc.clone().unwrap();
    assert!(!String::from_utf8_lossy(&sealed).contains("20000089"));
    assert_eq!(key.open(&sealed).as_deref(), Some("+37120000089"));
    assert_eq!((c.lang.as_deref(), c.survey), (Some("lv"), true));
    let visits = all_visits(&app.store, w.org).await;
    let ck = |id: Uuid| {
        visits
            .iter()
            .find(|v| v.id == id)
            .unwrap()
            .customer_key
            .clone()
    };
    assert!(ck(a).unwrap().starts_with("p-"));
    assert_eq!(ck(a), ck(b), "the same customer, for retention");
    assert!(!ck(a).unwrap().contains("20000089"));

    // A number that cannot be read: the visit is kept, the survey skipped, with why.
    for (x, extra, reason) in [
        ("C-3", json!({ "phone": "call me" }), "phone_unparseable"),
        ("C-4", json!({ "phone": "+371 123" }), "phone_invalid"),
        ("C-5", json!({ "email": "not an address" }), "email_invalid"),
        ("C-6", json!({ "survey": true }), "no_contact"),
        (
            "C-7",
            json!({ "phone": "+37120000089", "survey": false }),
            "not_requested",
        ),
    ] {
        let (id, survey) = send(visit(x, extra)).await;
        assert_eq!(
            survey,
            json!({ "status": "skipped", "reason": reason }),
            "{x}"
        );
        let c = app.store.visit_contact(w.org, id).await.unwrap().unwrap();
        assert_eq!(c.skip_reason.as_deref(), Some(reason));
        assert!(
            c.phone_enc.is_none(),
            "nothing kept for a visit not surveyed"
        );
    }
    assert_eq!(all_visits(&app.store, w.org).await.len(), 7);
    // An e-mail address is sealed too.
    let (id, survey) = send(visit("C-8", json!({ "email": "anna@example.com" }))).await;
    assert_eq!(survey["status"], "pending");
    let c = app.store.visit_contact(w.org, id).await.unwrap().unwrap();
    assert_eq!(
        key.open(&c.email_enc.unwrap()).as_deref(),
        Some("anna@example.com")
    );
    // The register: a manager opts the customer out (they called to ask); the next visit
    // with their number is not surveyed and keeps nothing of theirs.
    let manager = app.login_as(rida_domain::Role::Manager).await;
    let consent = |fields: Vec<(&'static str, &'static str)>| {
        let manager = &manager;
        async move {
            manager
                .submit("/admin/consent", "/admin/consent", &fields)
                .await
        }
    };
    let r = consent(vec![("phone", "phone number?"), ("action", "lookup")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="e-phone""#) && html.contains("phone number?"));
    let r = consent(vec![
        ("phone", "+371 2000 0089"),
        ("action", "out"),
        ("note", "asked by phone"),
    ])
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Opted out") && html.contains("+371••••••89"),
        "{html}"
    );
    let (id, survey) = send(visit("C-10", json!({ "phone": "2000 0089" }))).await;
    assert_eq!(
        survey,
        json!({ "status": "skipped", "reason": "opted_out" })
    );
    let c = app.store.visit_contact(w.org, id).await.unwrap().unwrap();
    assert!(c.phone_enc.is_none() && !c.survey);
    // Back in, with the history of both changes.
    let r = consent(vec![("phone", "+37120000089"), ("action", "in")]).await;
    let html = r.text().await.unwrap();
    assert!(html.contains("May be surveyed") && html.contains("asked by phone"));
    let phone = rida_domain::contact::parse_phone("+37120000089", None).unwrap();
    let history = app
        .store
        .consent_history(w.org, &key.customer_key(w.org, &phone))
        .await
        .unwrap();
    assert_eq!(
        history.iter().map(|e| e.opted_out).collect::<Vec<_>>(),
        vec![false, true]
    );
    let (_, survey) = send(visit("C-11", json!({ "phone": "+37120000089" }))).await;
    assert_eq!(survey["status"], "pending");

    // A CRM reports an opt-out through the API: recorded once, with the API as source.
    let change = json!({ "phone": "+371 2000 0077", "opted_out": true, "note": "CRM" });
    let r = app.post_api("/api/v1/consent", None, &change).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    for changed in [true, false] {
        let r = app.post_api("/api/v1/consent", Some(&token), &change).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(
            r.json::<Value>().await.unwrap(),
            json!({ "opted_out": true, "changed": changed })
        );
    }
    let (_, survey) = send(visit("C-12", json!({ "phone": "20000077" }))).await;
    assert_eq!(survey["reason"], "opted_out");
    let p77 = rida_domain::contact::parse_phone("+37120000077", None).unwrap();
    let history = app
        .store
        .consent_history(w.org, &key.customer_key(w.org, &p77))
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].source.as_str(), history[0].note.as_deref()),
        ("api", Some("CRM"))
    );
    let r = app
        .post_api(
            "/api/v1/consent",
            Some(&token),
            &json!({ "phone": "call me", "opted_out": true }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(
        problem(r).await["detail"]
            .as_str()
            .unwrap()
            .starts_with("phone")
    );

    // Contact details are erased once the organisation's window has passed; the visits
    // stay. Every contact here was given just now: 29 days on they are kept, 31 not.
    let (state, _running) = crate::mail::instance(&app.store, "smtp://127.0.0.1:9").await;
    let now = jiff::Timestamp::now();
    let later = |days: i64| {
        now.checked_add(jiff::SignedDuration::from_hours(24 * days))
            .unwrap()
    };
    let kept = rida_server::jobs::privacy::run(&state, w.org, later(29))
        .await
        .unwrap();
    assert_eq!(kept, 0);
    assert!(app.store.visit_contact(w.org, a).await.unwrap().is_some());
    rida_server::jobs::run_once(&state, later(31))
        .await
        .unwrap();
    assert!(app.store.visit_contact(w.org, a).await.unwrap().is_none());
    assert!(app.store.visit_contact(w.org, id).await.unwrap().is_none());
    assert_eq!(all_visits(&app.store, w.org).await.len(), 11);

    // A language that is not one is refused.
    let r = app
        .post_api(
            "/api/v1/visits",
            Some(&token),
            &visit("C-9", json!({ "lang": "English" })),
        )
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(
        problem(r).await["detail"]
            .as_str()
            .unwrap()
            .starts_with("lang")
    );
}

async fn a_contact_key_kept_apart_from_the_database_seals_the_contacts(backend: Backend) {
    let (store, w, _db) = crate::helpers::prepared(backend).await;
    let dir = std::env::temp_dir().join(format!("rida-test-key-{}", Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("contact.key");
    std::fs::write(&file, format!("{}\n", "3c".repeat(32))).unwrap();
    let settings = rida_server::Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        contact_key_file: file.display().to_string(),
        ..rida_server::Settings::default()
    };
    let app = rida_server::Application::build(settings, store.clone())
        .await
        .unwrap();
    let (addr, _stop) = crate::helpers::start_with(app).await;
    let token = rida_server::web::issue_token(&store, w.org, "t", &rida_store::By::system("t"))
        .await
        .unwrap();
    let body = json!({ "external_id": "K-1", "site_id": w.site,
        "started_at": "2026-11-24T09:38:00Z", "phone": "+37120000089" });
    let r = reqwest::Client::new()
        .post(format!("{addr}/api/v1/visits"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let id: Uuid = serde_json::from_value(r.json::<Value>().await.unwrap()["id"].clone()).unwrap();
    let sealed = store
        .visit_contact(w.org, id)
        .await
        .unwrap()
        .unwrap()
        .phone_enc
        .unwrap();
    let from_file = rida_server::contact::ContactKey::from_hex(&"3c".repeat(32)).unwrap();
    assert_eq!(from_file.open(&sealed).as_deref(), Some("+37120000089"));
    // The database holds no key that opens it.
    let in_db = rida_server::contact::ContactKey::new(
        &store.secret("contact-key", vec![9; 32]).await.unwrap(),
    )
    .unwrap();
    assert_eq!(in_db.open(&sealed), None);
    // A key file that is not a key stops the start with a clear error.
    std::fs::write(&file, "not a key").unwrap();
    let settings = rida_server::Settings {
        contact_key_file: file.display().to_string(),
        ..rida_server::Settings::default()
    };
    let err = match rida_server::Application::build(settings, store.clone()).await {
        Ok(_) => panic!("a bad key file was accepted"),
        Err(e) => format!("{e:#}"),
    };
    assert!(err.contains("64 hex digits"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
