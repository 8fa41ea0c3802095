//! The terminal API over HTTP on both databases: what a device may send, what happens to
//! a device that is unpaired or opened twice, and changes reaching a terminal through
//! whichever instance it waits on.

use reqwest::StatusCode;
use rida_store::{Backend, both_backends};
use serde_json::{Value, json};

use crate::helpers::{spawn_app, start_with};

both_backends! {
    a_terminal_sends_only_answers_that_fit_its_survey;
    a_terminal_names_only_the_employees_and_services_its_mode_allows;
    an_unpaired_or_unknown_device_gets_a_clear_refusal;
    a_remote_change_made_on_one_instance_reaches_a_terminal_waiting_on_another;
}

async fn a_terminal_sends_only_answers_that_fit_its_survey(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    let config: Value = app.device_config(&token).await;
    assert_eq!(config["terminal"]["name"], "Entrance");
    assert_eq!(config["terminal"]["locales"], json!(["en", "ar"]));
    let qs = config["survey"]["questions"].as_array().unwrap();
    let (csat, reasons, comment) = (&qs[0]["id"], &qs[1]["id"], &qs[2]["id"]);
    assert_eq!(
        qs[1]["show_if"],
        json!({"question": "csat", "op": "score_at_most", "value": 2})
    );

    let visit = uuid::Uuid::now_v7();
    let answer = |q: &Value, field: &str, v: Value| {
        let mut a = json!({ "id": uuid::Uuid::now_v7(), "answered_at": "2026-11-24T09:00:00Z",
            "question_id": q, "visit_id": visit });
        a[field] = v;
        a
    };
    let good = answer(csat, "score", json!(1));
    let body = json!({ "answers": [
        good.clone(),
        answer(csat, "score", json!(9)),
        answer(&json!(app.w.nps_question), "score", json!(9)),
        answer(reasons, "choice", json!("parking")),
        answer(comment, "text", json!("x".repeat(4001))),
        answer(comment, "text", json!("<script>alert(1)</script> rude staff")),
        json!({ "id": "not-a-uuid" }),
    ]});
    let r = app
        .device(
            &token,
            reqwest::Method::POST,
            "/api/v1/kiosk/answers",
            Some(body.clone()),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let j: Value = r.json().await.unwrap();
    let codes: Vec<&str> = j["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["errors"][0]["code"].as_str().unwrap_or("stored"))
        .collect();
    assert_eq!(
        codes,
        [
            "stored",
            "score_out_of_range",
            "not_in_survey",
            "unknown_choice",
            "text_too_long",
            "stored",
            "malformed"
        ]
    );
    // The same request again stores nothing twice.
    let j: Value = app
        .device(
            &token,
            reqwest::Method::POST,
            "/api/v1/kiosk/answers",
            Some(body),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(j["stored"], 2);
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 2);
    let stored = rida_store::testing::all_ratings(&app.store, app.w.org).await;
    assert!(stored.iter().all(|r| r.site_id == app.w.site
        && r.terminal_id == Some(app.w.terminal)
        && r.visit_id == Some(visit)
        && r.channel == "kiosk"));
    assert_eq!(
        stored[1].answer_text.as_deref(),
        Some("<script>alert(1)</script> rude staff"),
        "kept as written; pages escape it"
    );
}

async fn an_unpaired_or_unknown_device_gets_a_clear_refusal(backend: Backend) {
    let app = spawn_app(backend).await;
    let r = app
        .device(
            "made-up",
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers()["content-type"], "application/problem+json");

    // A wrong code, then a malformed one, are refused as such.
    let pair = |code: &str| {
        reqwest::Client::new()
            .post(format!("{}/api/v1/kiosk/pair", app.addr))
            .json(&json!({ "code": code }))
            .send()
    };
    assert_eq!(
        pair("ZZZZ-ZZZZ").await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        pair("hello").await.unwrap().status(),
        StatusCode::BAD_REQUEST
    );

    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    // One tab beats; a second tab of the same terminal is told so.
    let beat = |tab: &'static str| json!({ "app_version": "t", "queued": 0, "tab": tab });
    let r = app
        .device(
            &token,
            reqwest::Method::POST,
            "/api/v1/kiosk/heartbeat",
            Some(beat("one")),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = app
        .device(
            &token,
            reqwest::Method::POST,
            "/api/v1/kiosk/heartbeat",
            Some(beat("two")),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let p: Value = r.json().await.unwrap();
    assert_eq!(p["type"], "urn:rida:problem:other-tab");

    // Unpaired from the admin page: the old token is worth nothing, answers included.
    let head = app.login_as(rida_domain::Role::Head).await;
    let page = format!("/admin/terminals/{}", app.w.terminal);
    let r = head.submit(&page, &format!("{page}/unpair"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app
        .device(&token, reqwest::Method::GET, "/api/v1/kiosk/config", None)
        .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = app
        .device(
            &token,
            reqwest::Method::POST,
            "/api/v1/kiosk/answers",
            Some(json!({ "answers": [] })),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let audit = app
        .store
        .list_audit(
            app.w.org,
            &rida_store::ListQuery {
                limit: 100,
                ..Default::default()
            },
            &Default::default(),
        )
        .await
        .unwrap();
    assert!(audit.items.iter().any(|a| a.action == "unpair"));
}

async fn a_remote_change_made_on_one_instance_reaches_a_terminal_waiting_on_another(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    let config: Value = app.device_config(&token).await;
    let v = &config["versions"];
    let second_app = rida_server::Application::build(
        rida_server::Settings {
            listen: "127.0.0.1:0".parse().unwrap(),
            jobs: false,
            ..rida_server::Settings::default()
        },
        app.store.clone(),
    )
    .await
    .unwrap();
    let hub = second_app.state().hub.clone();
    let (second, _stop) = start_with(second_app).await;
    // The terminal waits on the second instance…
    let wait = reqwest::Client::new()
        .get(format!(
            "{second}/api/v1/kiosk/wait?config={}&reload={}",
            v["config_version"], v["reload_seq"]
        ))
        .bearer_auth(&token)
        .send();
    let waiting = tokio::spawn(wait);
    // Until the second instance holds the request open (not a fixed pause: the change
    // must reach a terminal that is already waiting).
    while hub.waiting() == 0 {
        assert!(
            !waiting.is_finished(),
            "the wait answered before any change"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    // …while a supervisor shows the maintenance screen through the first.
    let head = app.login_as(rida_domain::Role::Head).await;
    let page = format!("/admin/terminals/{}", app.w.terminal);
    head.submit(&page, &format!("{page}/state"), &[("state", "maintenance")])
        .await;
    let r = waiting.await.unwrap().unwrap();
    let got: Value = r.json().await.unwrap();
    assert_eq!(
        got["config_version"],
        v["config_version"].as_i64().unwrap() + 1
    );
    let config: Value = app.device_config(&token).await;
    assert_eq!(config["terminal"]["state"], "maintenance");
}

/// What each stored answer of a batch became: "stored" or its first error's code.
async fn outcomes(app: &crate::helpers::TestApp, token: &str, answers: Vec<Value>) -> Vec<String> {
    let r = app
        .device(
            token,
            reqwest::Method::POST,
            "/api/v1/kiosk/answers",
            Some(json!({ "answers": answers })),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let j: Value = r.json().await.unwrap();
    j["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["errors"][0]["code"]
                .as_str()
                .unwrap_or("stored")
                .to_string()
        })
        .collect()
}

async fn a_terminal_names_only_the_employees_and_services_its_mode_allows(backend: Backend) {
    use rida_domain::terminal::Mode;
    use rida_store::{By, EmployeeInput, ServiceInput, TerminalInput, testing::terminal_input};
    let app = spawn_app(backend).await;
    let (org, by) = (app.w.org, By::system("test"));
    let employee_at = |name: &str, site| EmployeeInput {
        name: name.into(),
        desk: None,
        external_id: None,
        site_ids: vec![site],
    };
    let far = app
        .store
        .create_employee(
            org,
            uuid::Uuid::now_v7(),
            &employee_at("Far", app.w.other_site),
            &by,
        )
        .await
        .unwrap();
    let colleague = app
        .store
        .create_employee(
            org,
            uuid::Uuid::now_v7(),
            &employee_at("Colleague", app.w.site),
            &by,
        )
        .await
        .unwrap();
    let elsewhere_service = app
        .store
        .create_service(
            org,
            uuid::Uuid::now_v7(),
            &ServiceInput::named("Cards"),
            &by,
        )
        .await
        .unwrap();
    let paired = async |name: &str, code: &str, input: TerminalInput| {
        let id = app
            .store
            .create_terminal(
                org,
                uuid::Uuid::now_v7(),
                &TerminalInput {
                    name: name.into(),
                    ..input
                },
                &by,
            )
            .await
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        app.pair_device(id, code).await
    };
    let at_site = || terminal_input("", app.w.site, Some(app.w.survey));
    let multi = paired(
        "A main point",
        "MVTX2345",
        TerminalInput {
            mode: Mode::Multi,
            ..at_site()
        },
    )
    .await;
    let csat = app.device_config(&multi).await["survey"]["questions"][0]["id"].clone();
    let answer = |employee: Option<uuid::Uuid>, service: Option<uuid::Uuid>| {
        let mut a = json!({ "id": uuid::Uuid::now_v7(), "answered_at": "2026-11-24T09:00:00Z",
            "question_id": csat, "visit_id": uuid::Uuid::now_v7(), "score": 4 });
        if let Some(e) = employee {
            a["employee_id"] = json!(e);
        }
        if let Some(s) = service {
            a["service_id"] = json!(s);
        }
        a
    };

    // A multi-point terminal with no desk: nobody of another branch, nobody who did not
    // ask; the employee whose station asked, for this and later batches of the visit.
    let refused = outcomes(
        &app,
        &multi,
        vec![
            answer(Some(far), None),
            answer(Some(colleague), None),
            answer(Some(app.w.employee), None),
        ],
    )
    .await;
    assert_eq!(refused, ["employee_not_allowed"; 3]);
    let asked = app
        .store
        .ask_for_rating(org, app.w.employee)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(asked.terminal_name, "A main point");
    for _ in 0..2 {
        let r = outcomes(
            &app,
            &multi,
            vec![answer(Some(app.w.employee), None), answer(Some(far), None)],
        )
        .await;
        assert_eq!(r, ["stored", "employee_not_allowed"]);
    }
    // Services: those its site offers, not another of the organisation.
    let r = outcomes(
        &app,
        &multi,
        vec![
            answer(None, Some(app.w.service)),
            answer(None, Some(elsewhere_service)),
        ],
    )
    .await;
    assert_eq!(r, ["stored", "service_not_allowed"]);

    // Free rating offering the staff: the site's staff, no one else.
    let free = paired(
        "Free",
        "FREE2345",
        TerminalInput {
            mode: Mode::Free,
            show_staff: true,
            ..at_site()
        },
    )
    .await;
    let r = outcomes(
        &app,
        &free,
        vec![answer(Some(colleague), None), answer(Some(far), None)],
    )
    .await;
    assert_eq!(r, ["stored", "employee_not_allowed"]);
    // Free rating without the staff on its screen names nobody.
    let free_places = paired(
        "Places",
        "PKAC2345",
        TerminalInput {
            mode: Mode::Free,
            ..at_site()
        },
    )
    .await;
    let r = outcomes(&app, &free_places, vec![answer(Some(colleague), None)]).await;
    assert_eq!(r, ["employee_not_allowed"]);
    // A single point names nobody itself.
    let single = paired("Single", "SQNG2345", at_site()).await;
    let r = outcomes(&app, &single, vec![answer(Some(colleague), None)]).await;
    assert_eq!(r, ["employee_not_allowed"]);

    // A desk terminal's answers go on its desk's employee whatever the page sends.
    let desk = paired(
        "Desk",
        "DESK2345",
        TerminalInput {
            employee_id: Some(colleague),
            ..at_site()
        },
    )
    .await;
    let r = outcomes(&app, &desk, vec![answer(Some(far), None)]).await;
    assert_eq!(r, ["stored"]);

    let stored = rida_store::testing::all_ratings(&app.store, org).await;
    assert!(
        stored.iter().all(|r| r.employee_id != Some(far)),
        "nothing on the far employee"
    );
    assert_eq!(
        stored
            .iter()
            .filter(|r| r.employee_id == Some(app.w.employee))
            .count(),
        2
    );
    assert_eq!(
        stored
            .iter()
            .filter(|r| r.employee_id == Some(colleague))
            .count(),
        2
    );
    assert!(
        stored
            .iter()
            .all(|r| r.service_id != Some(elsewhere_service))
    );
}
