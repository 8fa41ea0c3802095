//! The employee station: signed in or paired to a desk, it asks the terminal for the
//! next customer's rating and learns only that a thank-you came. Headless Chromium and
//! HTTP, on both databases.

use reqwest::StatusCode;
use rida_domain::terminal::Mode;
use rida_store::{Backend, By, TerminalInput, both_backends, testing::terminal_input};
use serde_json::{Value, json};

use crate::{
    browser::{browser, screenshot_dir, start_chromedriver},
    helpers::{prepared, serve_free, spawn_app},
    kiosk::{css, js, pair, register, tap, until},
};

both_backends! {
    an_employee_asks_from_the_station_and_the_terminal_asks_about_them;
    an_employee_asks_for_a_rating_and_learns_only_that_it_arrived;
    a_station_paired_to_a_desk_asks_for_its_employee_and_reads_nothing;
}

async fn an_employee_asks_from_the_station_and_the_terminal_asks_about_them(backend: Backend) {
    let (store, w, _db) = prepared(backend).await;
    let terminal = register(&store, &w, "KQ7M2P9Z").await;
    // The branch's main terminal (not bound to a desk).
    let t = store.terminal(w.org, terminal).await.unwrap();
    store
        .update_terminal(
            w.org,
            terminal,
            &TerminalInput {
                mode: Mode::Multi,
                ..terminal_input(&t.name, w.site, Some(w.survey))
            },
            &By::system("test"),
        )
        .await
        .unwrap();
    let (server, _, addr) = serve_free(store.clone()).await;
    let driver = start_chromedriver().await;
    let kiosk = browser(&driver, 1280, 800).await;
    pair(&kiosk, &addr, "KQ7M2P9Z").await;

    // The employee signs in on their own screen and asks.
    let station = browser(&driver, 1000, 800).await;
    station.goto(&format!("{addr}/login")).await.unwrap();
    css(&station, "#f-username")
        .await
        .send_keys("employee")
        .await
        .unwrap();
    css(&station, "#f-password")
        .await
        .send_keys(&crate::helpers::password_of(rida_domain::Role::Employee))
        .await
        .unwrap();
    tap(&station, "button.primary").await;
    tap(&station, "#ask").await;
    until("the station says it waits", async || {
        js(
            &station,
            "return document.getElementById('ask-state').textContent",
        )
        .await
        .as_str()
        .is_some_and(|s| s.contains("Waiting"))
    })
    .await;
    std::fs::write(
        screenshot_dir().join("station-en.png"),
        station.screenshot().await.unwrap(),
    )
    .unwrap();

    // Within seconds the terminal asks about Anna; the customer answers.
    let asked = css(&kiosk, ".k-asked").await.text().await.unwrap();
    assert!(asked.contains("Anna"), "{asked}");
    tap(&kiosk, ".k-face[data-score='4']").await;
    css(&kiosk, "#thanks").await;
    until("the station hears the thank-you", async || {
        js(
            &station,
            "return document.getElementById('ask-state').textContent",
        )
        .await
        .as_str()
        .is_some_and(|s| s.contains("Thank you received"))
    })
    .await;
    let shown = js(&station, "return document.body.innerText").await;
    assert!(
        !shown.as_str().unwrap().contains("Satisfied"),
        "no answer on the station"
    );
    let stored = rida_store::testing::all_ratings(&store, w.org).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (stored[0].employee_id, stored[0].score),
        (Some(w.employee), Some(4))
    );

    // A station paired to Anna's desk does the same without a personal sign-in.
    let desk_station = store
        .create_terminal(
            w.org,
            rida_domain::new_id(),
            &TerminalInput {
                kind: rida_domain::terminal::Kind::Station,
                employee_id: Some(w.employee),
                ..terminal_input("Desk 1 station", w.site, None)
            },
            &By::system("test"),
        )
        .await
        .unwrap();
    store
        .set_pairing_code(
            w.org,
            desk_station,
            "STAT2346",
            rida_store::now_ms() + 600_000,
            &By::system("test"),
        )
        .await
        .unwrap();
    let desk = browser(&driver, 1000, 700).await;
    desk.goto(&format!("{addr}/kiosk")).await.unwrap();
    css(&desk, "#pair-code")
        .await
        .send_keys("STAT2346")
        .await
        .unwrap();
    tap(&desk, "#pair-submit").await;
    tap(&desk, "#station-ask").await;
    until("the desk station waits", async || {
        js(
            &desk,
            "return document.getElementById('station-state').textContent",
        )
        .await
        .as_str()
        .is_some_and(|s| s.contains("Waiting"))
    })
    .await;
    std::fs::write(
        screenshot_dir().join("station-device-en.png"),
        desk.screenshot().await.unwrap(),
    )
    .unwrap();
    css(&kiosk, ".k-asked").await;
    tap(&kiosk, ".k-face[data-score='5']").await;
    tap(&kiosk, "#thanks").await;
    until("the desk station hears the thank-you", async || {
        js(
            &desk,
            "return document.getElementById('station-state').textContent",
        )
        .await
        .as_str()
        .is_some_and(|s| s.contains("Thank you received"))
    })
    .await;
    desk.close().await.unwrap();
    until("two ratings for Anna", async || {
        rida_store::testing::all_ratings(&store, w.org)
            .await
            .iter()
            .filter(|r| r.employee_id == Some(w.employee))
            .count()
            == 2
    })
    .await;

    // Free rating: the customer chooses whom to rate.
    store
        .update_terminal(
            w.org,
            terminal,
            &TerminalInput {
                mode: Mode::Free,
                show_staff: true,
                ..terminal_input(&t.name, w.site, Some(w.survey))
            },
            &By::system("test"),
        )
        .await
        .unwrap();
    let t = store.terminal(w.org, terminal).await.unwrap();
    assert_eq!(t.mode(), Mode::Free);
    until("the terminal offers a choice of whom to rate", async || {
        js(
            &kiosk,
            "return document.querySelectorAll('.k-choice').length",
        )
        .await
        .as_u64()
        .unwrap_or(0)
            >= 3
    })
    .await;
    std::fs::write(
        screenshot_dir().join("kiosk-free-en.png"),
        kiosk.screenshot().await.unwrap(),
    )
    .unwrap();
    let clicked = js(
        &kiosk,
        "const b = [...document.querySelectorAll('.k-choice')].find((b) => b.textContent === 'Anna'); \
         if (b) b.click(); return !!b;",
    )
    .await;
    assert_eq!(clicked, json!(true), "Anna is offered");
    tap(&kiosk, ".k-face[data-score='5']").await;
    css(&kiosk, "#thanks").await;
    until("the free rating stored", async || {
        store.count_ratings(w.org).await.unwrap() == 3
    })
    .await;
    let stored = rida_store::testing::all_ratings(&store, w.org).await;
    assert_eq!(
        (stored[2].employee_id, stored[2].score),
        (Some(w.employee), Some(5))
    );
    kiosk.close().await.unwrap();
    station.close().await.unwrap();
    server.abort();
}

async fn an_employee_asks_for_a_rating_and_learns_only_that_it_arrived(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    let emp = app.client();
    let r = emp
        .login(
            "employee",
            &crate::helpers::password_of(rida_domain::Role::Employee),
        )
        .await;
    assert_eq!(r.headers()["location"], "/station");
    let html = emp.get("/station").await.text().await.unwrap();
    assert!(html.contains("Ask for a rating") && html.contains("Anna"));

    // A visit for a service, then the request: the terminal now asks about Anna, in
    // that visit.
    assert!(html.contains("Loans"), "the site's services to choose from");
    let service = app.w.service.to_string();
    let r = emp
        .submit("/station", "/station/visit", &[("service", &service)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let visit = app
        .store
        .open_visit(app.w.org, app.w.employee)
        .await
        .unwrap()
        .unwrap();
    let r = emp.submit("/station", "/station/ask", &[]).await;
    let to = r.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(to, format!("/station?asked={}", app.w.terminal));
    let config: Value = app.device_config(&token).await;
    assert_eq!(config["asked"]["employee_id"], json!(app.w.employee));
    assert_eq!(config["asked"]["visit_id"], json!(visit.id));
    let status = format!("/station/status?terminal={}", app.w.terminal);
    let s: Value = emp.get(&status).await.json().await.unwrap();
    assert_eq!(s, json!({ "state": "waiting" }));

    // The customer answers 1 of 5: the station learns that a thank-you came, nothing else.
    let q = &config["survey"]["questions"][0]["id"];
    let answer = json!({ "answers": [{ "id": uuid::Uuid::now_v7(), "answered_at": "2026-11-24T09:00:00Z",
        "question_id": q, "visit_id": visit.id, "score": 1, "employee_id": app.w.employee }] });
    app.device(
        &token,
        reqwest::Method::POST,
        "/api/v1/kiosk/answers",
        Some(answer),
    )
    .await;
    let s: Value = emp.get(&status).await.json().await.unwrap();
    assert_eq!(s, json!({ "state": "received" }));
    // The station, in every language, with everything it asks for: no score, no figure,
    // no comment of the organisation, no word for one.
    let comment = "Zebra-comment-7431 slow and rude";
    let text_q = config["survey"]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["scale"] == "text")
        .unwrap()["id"]
        .clone();
    app.device(
        &token,
        reqwest::Method::POST,
        "/api/v1/kiosk/answers",
        Some(json!({ "answers": [{ "id": uuid::Uuid::now_v7(), "answered_at": "2026-11-24T09:00:05Z",
            "question_id": text_q, "visit_id": visit.id, "text": comment, "employee_id": app.w.employee }] })),
    )
    .await;
    let mut forbidden: Vec<String> = vec![comment.into(), "Zebra".into(), "\"score\"".into()];
    for l in rida_domain::Locale::ALL {
        for key in [
            "kiosk-smiley-1",
            "kiosk-smiley-2",
            "kiosk-smiley-3",
            "kiosk-smiley-4",
            "kiosk-smiley-5",
            "metric-csat",
            "metric-nps",
            "metric-ces",
            "metric-csat_mean",
            "nav-results",
        ] {
            forbidden.push(rida_server::i18n::t(l, key));
        }
    }
    for l in rida_domain::Locale::ALL {
        emp.submit(
            "/station",
            "/language",
            &[("locale", l.tag()), ("back", "/station")],
        )
        .await;
        let html = emp.get("/station").await.text().await.unwrap();
        assert!(html.contains(&format!("lang=\"{}\"", l.tag())), "{l}");
        // What the page loads and asks for.
        let mut seen = vec![html.clone(), emp.get(&status).await.text().await.unwrap()];
        for src in html
            .split("src=\"")
            .skip(1)
            .filter_map(|p| p.split('"').next())
        {
            if src.starts_with('/') {
                seen.push(emp.get(src).await.text().await.unwrap());
            }
        }
        for text in &seen {
            for f in &forbidden {
                assert!(!text.contains(f.as_str()), "{l}: the station shows {f:?}");
            }
        }
    }
    let stored = rida_store::testing::all_ratings(&app.store, app.w.org).await;
    assert_eq!(stored[0].employee_id, Some(app.w.employee));
    assert_eq!(stored[0].visit_id, Some(visit.id));
    // The employee reads no result anywhere: pages, the terminal list, the API.
    for path in [
        "/admin",
        "/admin/operations",
        "/api/v1/operations",
        "/admin/supervision",
        "/api/v1/terminals",
        "/admin/audit",
    ] {
        let code = emp.get(path).await.status();
        assert_eq!(code, StatusCode::FORBIDDEN, "{path}");
    }
    let r = emp.submit("/station", "/station/visit/end", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        app.store
            .open_visit(app.w.org, app.w.employee)
            .await
            .unwrap()
            .is_none()
    );
    // The visit and its answer count in the operations figures, against its service.
    let head = app.login_as(rida_domain::Role::Head).await;
    let ops: Value = head
        .get(&format!("/api/v1/operations?service={service}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ops["total"]["visits"], json!(1));
    assert_eq!(ops["total"]["response_rate"]["value"], json!(100.0));
    assert_eq!(ops["services"][0]["id"], json!(app.w.service));
}

async fn a_station_paired_to_a_desk_asks_for_its_employee_and_reads_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let kiosk = app.pair_device(app.w.terminal, "ABCD2345").await;
    let head = app.login_as(rida_domain::Role::Head).await;
    // A station needs the desk's employee.
    let form = |employee: &str| {
        vec![
            ("name", "Desk 1 station".to_string()),
            ("site_id", app.w.site.to_string()),
            ("kind", "station".into()),
            ("employee_id", employee.to_string()),
            ("locales", "en".into()),
        ]
    };
    let fields = form("");
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = head
        .submit("/admin/terminals/new", "/admin/terminals", &f)
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(r#"id="e-employee_id""#));
    let fields = form(&app.w.employee.to_string());
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = head
        .submit("/admin/terminals/new", "/admin/terminals", &f)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = r.headers()["location"].to_str().unwrap().to_string();
    let station_id: uuid::Uuid = page.rsplit('/').next().unwrap().parse().unwrap();
    let station = app.pair_device(station_id, "STAT2345").await;
    let config: Value = app.device_config(&station).await;
    assert_eq!(config["terminal"]["kind"], "station");
    assert_eq!(config["terminal"]["employee_name"], "Anna");

    // A visit, then the request: the kiosk now asks about Anna.
    let r = app
        .device(
            &station,
            reqwest::Method::POST,
            "/api/v1/kiosk/station/visit",
            Some(json!({ "action": "start" })),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = app
        .device(
            &station,
            reqwest::Method::POST,
            "/api/v1/kiosk/station/ask",
            None,
        )
        .await;
    let asked: Value = r.json().await.unwrap();
    assert_eq!(asked["terminal_id"], json!(app.w.terminal));
    let kconfig: Value = app.device_config(&kiosk).await;
    assert_eq!(kconfig["asked"]["employee_id"], json!(app.w.employee));
    let status = format!("/api/v1/kiosk/station/status?terminal={}", app.w.terminal);
    let s: Value = app
        .device(&station, reqwest::Method::GET, &status, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(s, json!({ "state": "waiting" }));
    let q = &kconfig["survey"]["questions"][0]["id"];
    let answer = |v: Value| {
        json!({ "answers": [{ "id": uuid::Uuid::now_v7(), "answered_at": "2026-11-24T09:00:00Z",
        "question_id": q, "visit_id": uuid::Uuid::now_v7(), "score": 2, "employee_id": v }] })
    };
    app.device(
        &kiosk,
        reqwest::Method::POST,
        "/api/v1/kiosk/answers",
        Some(answer(json!(app.w.employee))),
    )
    .await;
    let s: Value = app
        .device(&station, reqwest::Method::GET, &status, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(s, json!({ "state": "received" }));

    // The station stores no answers, and a rating terminal is no station.
    let j: Value = app
        .device(
            &station,
            reqwest::Method::POST,
            "/api/v1/kiosk/answers",
            Some(answer(json!(null))),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(j["results"][0]["errors"][0]["code"], "not_in_survey");
    let r = app
        .device(
            &kiosk,
            reqwest::Method::POST,
            "/api/v1/kiosk/station/ask",
            None,
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 1);
}
