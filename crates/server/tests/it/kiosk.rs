//! The terminal page in headless Chromium: pairing, a low score's follow-ups, the
//! thank-you and reset, Arabic right to left, portrait and landscape screenshots, and the
//! offline queue (offline, 50 taps, the server restarted, online again: exactly 50 stored).

use std::time::Duration;

use fantoccini::{Client, Locator};
use rida_domain::{Locale, terminal::Mode};
use rida_store::{Backend, By, Store, TerminalInput};
use serde_json::json;
use uuid::Uuid;

rida_store::both_backends! {
    a_customer_taps_through_the_survey_in_every_language;
    fifty_taps_offline_across_a_server_restart_are_stored_exactly_once;
    an_employee_asks_from_the_station_and_the_terminal_asks_about_them;
}

use crate::{
    browser::{Driver, browser, screenshot_dir, start_chromedriver},
    helpers::{World, prepared, serve_at},
};

async fn register(store: &Store, w: &World, code: &str) -> Uuid {
    let by = By::system("test");
    let id = store
        .create_terminal(
            w.org,
            rida_domain::new_id(),
            &TerminalInput {
                name: format!("Kiosk {code}"),
                site_id: w.site,
                mode: Mode::Single,
                kind: rida_domain::terminal::Kind::Kiosk,
                service_id: None,
                employee_id: Some(w.employee),
                survey_id: Some(w.survey),
                locales: vec![Locale::En, Locale::Ar, Locale::Lv],
                show_staff: false,
            },
            &by,
        )
        .await
        .unwrap();
    store
        .set_pairing_code(w.org, id, code, rida_store::now_ms() + 600_000, &by)
        .await
        .unwrap();
    id
}

async fn css(b: &Client, sel: &str) -> fantoccini::elements::Element {
    b.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(sel))
        .await
        .unwrap_or_else(|e| panic!("{sel}: {e}"))
}

/// Taps an element as a finger would, once it is there; one step in the page, so a
/// re-render between finding and tapping cannot leave a stale element.
async fn tap(b: &Client, sel: &str) {
    css(b, sel).await;
    let script = format!(
        "const e = document.querySelector({sel:?}); if (!e) return false; e.click(); return true;"
    );
    until(sel, async || js(b, &script).await == json!(true)).await;
}

async fn js(b: &Client, script: &str) -> serde_json::Value {
    b.execute(script, vec![]).await.unwrap()
}

async fn until(what: &str, mut check: impl AsyncFnMut() -> bool) {
    for _ in 0..300 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("timed out waiting for {what}");
}

async fn pair(b: &Client, addr: &str, code: &str) {
    b.goto(&format!("{addr}/kiosk")).await.unwrap();
    css(b, "#pair-code").await.send_keys(code).await.unwrap();
    css(b, "#pair-submit").await.click().await.unwrap();
    css(b, ".k-face").await;
}

/// Chromium's own network switch, through chromedriver.
async fn set_offline(driver: &Driver, b: &Client, offline: bool) {
    let session = b.session_id().await.unwrap().unwrap();
    let r = reqwest::Client::new()
        .post(format!(
            "{}/session/{session}/chromium/network_conditions",
            driver.url
        ))
        .json(&json!({ "network_conditions": {
            "offline": offline, "latency": 0, "download_throughput": -1, "upload_throughput": -1
        }}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
}

async fn a_customer_taps_through_the_survey_in_every_language(backend: Backend) {
    let (store, w, _db) = prepared(backend).await;
    let terminal = register(&store, &w, "KQ7M2P9X").await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let server = serve_at(store.clone(), port).await;
    let addr = format!("http://{port}");
    let driver = start_chromedriver().await;
    let b = browser(&driver, 1280, 800).await;
    let dir = screenshot_dir();

    // A wrong code is refused on the screen; the right one, typed loosely, pairs.
    b.goto(&format!("{addr}/kiosk")).await.unwrap();
    css(&b, "#pair-code")
        .await
        .send_keys("WRONG-CODE")
        .await
        .unwrap();
    tap(&b, "#pair-submit").await;
    until("the refusal", async || {
        !js(&b, "return document.querySelector('.k-error').textContent")
            .await
            .as_str()
            .unwrap_or("")
            .is_empty()
    })
    .await;
    css(&b, "#pair-code").await.clear().await.unwrap();
    pair(&b, &addr, "kq7m-2p9x").await;
    std::fs::write(
        dir.join("kiosk-en-landscape.png"),
        b.screenshot().await.unwrap(),
    )
    .unwrap();
    let org = js(&b, "return document.getElementById('org-name').textContent").await;
    assert_eq!(org, json!("Test Bank"));
    let shown = js(&b, "return document.getElementById('screen').innerText").await;
    assert!(!shown.as_str().unwrap().contains("null"), "{shown}");

    // A low score asks what went wrong, then for a comment; markup stays text.
    tap(&b, ".k-face[data-score='2']").await;
    tap(&b, "[data-choice='wait']").await;
    tap(&b, "[data-choice='staff']").await;
    tap(&b, "#next").await;
    css(&b, "#comment")
        .await
        .send_keys("<b>slow</b> queue")
        .await
        .unwrap();
    tap(&b, "#send").await;
    css(&b, "#thanks").await;
    std::fs::write(
        dir.join("kiosk-thanks-en.png"),
        b.screenshot().await.unwrap(),
    )
    .unwrap();
    until("three answers stored", async || {
        store.count_ratings(w.org).await.unwrap() == 3
    })
    .await;
    // The thank-you screen goes back to the first question by itself.
    css(&b, ".k-face").await;

    let stored = store.terminal(w.org, terminal).await.unwrap();
    assert!(stored.last_answer_at.is_some());
    let rows: Vec<(Option<String>, Option<String>)> = {
        let ratings = rida_store::testing::all_ratings(&store, w.org).await;
        ratings
            .into_iter()
            .map(|r| (r.choice, r.answer_text))
            .collect()
    };
    assert!(
        rows.contains(&(Some("wait,staff".into()), None)),
        "{rows:?}"
    );
    assert!(rows.contains(&(None, Some("<b>slow</b> queue".into()))));
    let all = rida_store::testing::all_ratings(&store, w.org).await;
    assert!(all.iter().all(|r| r.terminal_id == Some(terminal)
        && r.employee_id == Some(w.employee)
        && r.visit_id == all[0].visit_id));

    // Arabic: the whole page mirrors and the scale runs from the right.
    tap(&b, "button[data-lang='ar']").await;
    css(&b, "html[dir='rtl']").await;
    let first_right = js(&b, "const a = document.querySelector(\"[data-score='1']\").getBoundingClientRect().left; \
        const e = document.querySelector(\"[data-score='5']\").getBoundingClientRect().left; return a > e;").await;
    assert_eq!(first_right, json!(true));
    let prompt = js(&b, "return document.getElementById('prompt').textContent").await;
    assert_eq!(prompt, json!("كيف كانت؟"));
    std::fs::write(
        dir.join("kiosk-ar-landscape.png"),
        b.screenshot().await.unwrap(),
    )
    .unwrap();
    tap(&b, "button[data-lang='lv']").await;
    css(&b, "html[dir='ltr'][lang='lv']").await;
    std::fs::write(
        dir.join("kiosk-lv-landscape.png"),
        b.screenshot().await.unwrap(),
    )
    .unwrap();
    b.set_window_size(800, 1280).await.unwrap();
    for lang in ["lv", "ar", "en"] {
        tap(&b, &format!("button[data-lang='{lang}']")).await;
        css(&b, &format!("html[lang='{lang}']")).await;
        std::fs::write(
            dir.join(format!("kiosk-{lang}-portrait.png")),
            b.screenshot().await.unwrap(),
        )
        .unwrap();
    }

    // A new logo reaches the terminal by itself.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    store
        .set_logo(w.org, Some((&png, "image/png")), &By::system("test"))
        .await
        .unwrap();
    until("the logo on the terminal", async || {
        js(&b, "const l = document.getElementById('logo'); return !l.hidden && l.src.includes('/logo?v=');")
            .await
            == json!(true)
    })
    .await;

    // Unpaired from the admin area: the device says so and asks for a new code.
    store
        .unpair_terminal(w.org, terminal, &By::system("test"))
        .await
        .unwrap();
    css(&b, "#pair-code").await;
    let said = js(&b, "return document.querySelector('.k-error').textContent").await;
    assert!(
        said.as_str().unwrap().contains("no longer paired"),
        "{said}"
    );
    b.close().await.unwrap();
    server.abort();
}

async fn fifty_taps_offline_across_a_server_restart_are_stored_exactly_once(backend: Backend) {
    let (store, w, _db) = prepared(backend).await;
    register(&store, &w, "KQ7M2P9Y").await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let server = serve_at(store.clone(), port).await;
    let addr = format!("http://{port}");
    let driver = start_chromedriver().await;
    let b = browser(&driver, 1280, 800).await;
    pair(&b, &addr, "KQ7M2P9Y").await;
    let before = store.count_ratings(w.org).await.unwrap();

    // Offline: every tap is acknowledged on screen and kept in the browser.
    set_offline(&driver, &b, true).await;
    for _ in 0..50 {
        tap(&b, ".k-face[data-score='5']").await;
        tap(&b, "#thanks").await;
    }
    let queued = b
        .execute_async(
            "const done = arguments[0]; const r = indexedDB.open('rida-kiosk'); \
             r.onsuccess = () => { const c = r.result.transaction('queue').objectStore('queue').count(); c.onsuccess = () => done(c.result); };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(queued, json!(50));
    assert_eq!(store.count_ratings(w.org).await.unwrap(), before);

    // The server goes down and comes back on the same address; the page reloads itself
    // from its service worker's cache in between.
    server.abort();
    let _ = server.await;
    b.refresh().await.unwrap();
    css(&b, ".k-face").await;
    let server = serve_at(store.clone(), port).await;
    set_offline(&driver, &b, false).await;
    until("the queue drained into the database", async || {
        store.count_ratings(w.org).await.unwrap() >= before + 50
    })
    .await;
    // Give any duplicate send a chance to show, then count again.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(store.count_ratings(w.org).await.unwrap(), before + 50);
    b.close().await.unwrap();
    server.abort();
}

async fn an_employee_asks_from_the_station_and_the_terminal_asks_about_them(backend: Backend) {
    let (store, w, _db) = prepared(backend).await;
    let terminal = register(&store, &w, "KQ7M2P9Z").await;
    // The branch's main terminal (not bound to a desk).
    let mut t = store.terminal(w.org, terminal).await.unwrap();
    t.employee_id = None;
    store
        .update_terminal(
            w.org,
            terminal,
            &TerminalInput {
                name: t.name.clone(),
                site_id: w.site,
                mode: Mode::Multi,
                kind: rida_domain::terminal::Kind::Kiosk,
                service_id: None,
                employee_id: None,
                survey_id: Some(w.survey),
                locales: vec![Locale::En, Locale::Lv],
                show_staff: false,
            },
            &By::system("test"),
        )
        .await
        .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let server = serve_at(store.clone(), port).await;
    let addr = format!("http://{port}");
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
                name: "Desk 1 station".into(),
                site_id: w.site,
                mode: Mode::Single,
                kind: rida_domain::terminal::Kind::Station,
                service_id: None,
                employee_id: Some(w.employee),
                survey_id: None,
                locales: vec![Locale::En],
                show_staff: false,
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
                name: t.name.clone(),
                site_id: w.site,
                mode: Mode::Free,
                kind: rida_domain::terminal::Kind::Kiosk,
                service_id: None,
                employee_id: None,
                survey_id: Some(w.survey),
                locales: vec![Locale::En],
                show_staff: true,
            },
            &By::system("test"),
        )
        .await
        .unwrap();
    t = store.terminal(w.org, terminal).await.unwrap();
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

mod api {
    //! The terminal API over HTTP on both databases: what a device may send, and what
    //! happens to a device that is unpaired or opened twice.

    use reqwest::StatusCode;
    use rida_store::{Backend, By, both_backends};
    use serde_json::{Value, json};

    use crate::helpers::{TestApp, spawn_app, start};

    both_backends! {
        a_terminal_sends_only_answers_that_fit_its_survey;
        an_unpaired_or_unknown_device_gets_a_clear_refusal;
        a_remote_change_made_on_one_instance_reaches_a_terminal_waiting_on_another;
        supervision_shows_the_terminals_in_reach_with_their_live_state;
        an_employee_asks_for_a_rating_and_learns_only_that_it_arrived;
        voice_prompts_are_replaced_checked_and_reach_the_terminals;
        a_station_paired_to_a_desk_asks_for_its_employee_and_reads_nothing;
    }

    /// Pairs the test world's terminal through the API; returns its device token.
    async fn paired(app: &TestApp) -> String {
        app.store
            .set_pairing_code(
                app.w.org,
                app.w.terminal,
                "ABCD2345",
                rida_store::now_ms() + 60_000,
                &By::system("test"),
            )
            .await
            .unwrap();
        let r = reqwest::Client::new()
            .post(format!("{}/api/v1/kiosk/pair", app.addr))
            .json(&json!({ "code": "abcd-2345" }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        r.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    async fn call(
        app: &TestApp,
        token: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut r = reqwest::Client::new()
            .request(method, format!("{}{path}", app.addr))
            .bearer_auth(token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send().await.unwrap()
    }

    async fn a_terminal_sends_only_answers_that_fit_its_survey(backend: Backend) {
        let app = spawn_app(backend).await;
        let token = paired(&app).await;
        let config: Value = call(
            &app,
            &token,
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
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
        let r = call(
            &app,
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
        let j: Value = call(
            &app,
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
        let r = call(
            &app,
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

        let token = paired(&app).await;
        // One tab beats; a second tab of the same terminal is told so.
        let beat = |tab: &'static str| json!({ "app_version": "t", "queued": 0, "tab": tab });
        let r = call(
            &app,
            &token,
            reqwest::Method::POST,
            "/api/v1/kiosk/heartbeat",
            Some(beat("one")),
        )
        .await;
        assert_eq!(r.status(), StatusCode::OK);
        let r = call(
            &app,
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
        let r = call(
            &app,
            &token,
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let r = call(
            &app,
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
            )
            .await
            .unwrap();
        assert!(audit.items.iter().any(|a| a.action == "unpair"));
    }

    async fn a_remote_change_made_on_one_instance_reaches_a_terminal_waiting_on_another(
        backend: Backend,
    ) {
        let app = spawn_app(backend).await;
        let token = paired(&app).await;
        let config: Value = call(
            &app,
            &token,
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        let v = &config["versions"];
        let (second, _stop) = start(app.store.clone()).await;
        // The terminal waits on the second instance…
        let wait = reqwest::Client::new()
            .get(format!(
                "{second}/api/v1/kiosk/wait?config={}&reload={}",
                v["config_version"], v["reload_seq"]
            ))
            .bearer_auth(&token)
            .send();
        let waiting = tokio::spawn(wait);
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
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
        let config: Value = call(
            &app,
            &token,
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(config["terminal"]["state"], "maintenance");
    }

    async fn supervision_shows_the_terminals_in_reach_with_their_live_state(backend: Backend) {
        let app = spawn_app(backend).await;
        let token = paired(&app).await;
        let beat = json!({ "app_version": "0.1.0", "queued": 7, "battery": 0.42, "tab": "one" });
        call(
            &app,
            &token,
            reqwest::Method::POST,
            "/api/v1/kiosk/heartbeat",
            Some(beat),
        )
        .await;

        // The head sees both regions; the terminal that beats is online with its figures.
        let head = app.login_as(rida_domain::Role::Head).await;
        let r = head.get("/api/v1/terminals").await;
        assert_eq!(r.status(), StatusCode::OK);
        let j: Value = r.json().await.unwrap();
        let list = j["terminals"].as_array().unwrap();
        assert_eq!(list.len(), 2);
        let entrance = list.iter().find(|t| t["name"] == "Entrance").unwrap();
        assert_eq!(entrance["online"], true);
        assert_eq!(entrance["queued"], 7);
        assert_eq!(entrance["app_version"], "0.1.0");
        let other = list.iter().find(|t| t["name"] == "Harbour door").unwrap();
        assert_eq!(
            (other["paired"].clone(), other["alerts"].clone()),
            (json!(false), json!([]))
        );
        let html = head.get("/admin/supervision").await.text().await.unwrap();
        assert!(html.contains("North") && html.contains("South") && html.contains("42 %"));

        // Online but never answered: flagged only while its site is open.
        let set_hours = |hours: String| {
            let head = &head;
            let page = format!("/admin/sites/{}", app.w.site);
            let region = app.w.region.to_string();
            async move {
                head.submit(
                    &page,
                    &page,
                    &[
                        ("name", "Main"),
                        ("region_id", &region),
                        ("opening_hours", &hours),
                    ],
                )
                .await
            }
        };
        let r = set_hours("whenever".into()).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains(r#"id="e-opening_hours""#));
        let alerts = |j: Value| {
            j["terminals"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["name"] == "Entrance")
                .unwrap()["alerts"]
                .clone()
        };
        let r = set_hours("mon-sun 00:00-24:00".into()).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let j: Value = head.get("/api/v1/terminals").await.json().await.unwrap();
        assert_eq!(alerts(j), json!(["quiet"]));
        let today = jiff::Zoned::now()
            .with_time_zone(jiff::tz::TimeZone::get("Europe/Riga").unwrap())
            .weekday();
        let other_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][today
            .to_monday_zero_offset()
            as usize
            % 7
            + 1
            - if today == jiff::civil::Weekday::Sunday {
                7
            } else {
                0
            }];
        set_hours(format!("{other_day} 00:00-24:00")).await;
        let j: Value = head.get("/api/v1/terminals").await.json().await.unwrap();
        assert_eq!(alerts(j), json!([]));

        // The supervisor of the North region sees only its terminal, page and API alike.
        let sup = app.login_as(rida_domain::Role::Supervisor).await;
        let html = sup.get("/admin/supervision").await.text().await.unwrap();
        assert!(html.contains("Entrance") && !html.contains("Harbour door"));
        let j: Value = sup.get("/api/v1/terminals").await.json().await.unwrap();
        assert_eq!(j["terminals"].as_array().unwrap().len(), 1);
        // The live refresh asks for the list part only.
        let part = sup
            .get("/admin/supervision?fragment=1")
            .await
            .text()
            .await
            .unwrap();
        assert!(part.contains("Entrance") && !part.contains("<html"));
        // Results readers who do not look after terminals get nothing.
        let analyst = app.login_as(rida_domain::Role::Analyst).await;
        assert_eq!(
            analyst.get("/api/v1/terminals").await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.client().get("/api/v1/terminals").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }

    async fn an_employee_asks_for_a_rating_and_learns_only_that_it_arrived(backend: Backend) {
        let app = spawn_app(backend).await;
        let token = paired(&app).await;
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

        // A visit, then the request: the terminal now asks about Anna, in that visit.
        let r = emp.submit("/station", "/station/visit", &[]).await;
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
        let config: Value = call(
            &app,
            &token,
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(config["asked"]["employee_id"], json!(app.w.employee));
        assert_eq!(config["asked"]["visit_id"], json!(visit.id));
        let status = format!("/station/status?terminal={}", app.w.terminal);
        let s: Value = emp.get(&status).await.json().await.unwrap();
        assert_eq!(s, json!({ "state": "waiting" }));

        // The customer answers 1 of 5: the station learns that a thank-you came, nothing else.
        let q = &config["survey"]["questions"][0]["id"];
        let answer = json!({ "answers": [{ "id": uuid::Uuid::now_v7(), "answered_at": "2026-11-24T09:00:00Z",
            "question_id": q, "visit_id": visit.id, "score": 1, "employee_id": app.w.employee }] });
        call(
            &app,
            &token,
            reqwest::Method::POST,
            "/api/v1/kiosk/answers",
            Some(answer),
        )
        .await;
        let s: Value = emp.get(&status).await.json().await.unwrap();
        assert_eq!(s, json!({ "state": "received" }));
        let html = emp.get("/station").await.text().await.unwrap();
        assert!(!html.contains("Very dissatisfied") && !html.contains("CSAT"));
        let stored = rida_store::testing::all_ratings(&app.store, app.w.org).await;
        assert_eq!(stored[0].employee_id, Some(app.w.employee));
        assert_eq!(stored[0].visit_id, Some(visit.id));
        // The employee reads no result anywhere: pages, the terminal list, the API.
        for path in [
            "/admin",
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
    }

    async fn voice_prompts_are_replaced_checked_and_reach_the_terminals(backend: Backend) {
        let app = spawn_app(backend).await;
        let token = paired(&app).await;
        // Out of the box every screen speaks Rida's default in every language.
        let r = reqwest::get(format!("{}/kiosk/audio/ar/thanks?v=0", app.addr))
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "audio/ogg");
        assert!(r.bytes().await.unwrap().starts_with(b"OggS"));
        let r = reqwest::get(format!("{}/kiosk/audio/fr/thanks", app.addr))
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);

        let head = app.login_as(rida_domain::Role::Head).await;
        let html = head.get("/admin/voice").await.text().await.unwrap();
        assert_eq!(html.matches("<audio controls preload").count(), 9);
        let upload = |bytes: Vec<u8>, extra: Option<&'static str>| {
            let head = &head;
            async move {
                let token = head.csrf("/admin/voice").await;
                let mut form = reqwest::multipart::Form::new().text("csrf", token).part(
                    "audio",
                    reqwest::multipart::Part::bytes(bytes).file_name("prompt"),
                );
                if let Some(name) = extra {
                    form = form.text(name, "1");
                }
                head.http
                    .post(format!("{}/admin/voice/lv/thanks", head.base))
                    .multipart(form)
                    .send()
                    .await
                    .unwrap()
            }
        };
        // Not audio, or too large: refused with the reason, nothing stored.
        let r = upload(b"\x89PNG\r\n\x1a\n\0\0".to_vec(), None).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("This file is not audio"));
        let mut big = b"OggS".to_vec();
        big.resize(rida_domain::voice::MAX_AUDIO_BYTES + 1, 0);
        let r = upload(big, None).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            app.store
                .audio_versions(app.w.org)
                .await
                .unwrap()
                .is_empty()
        );

        // A WAV file: stored, served, and the terminal is told to look again.
        let before = app
            .store
            .terminal(app.w.org, app.w.terminal)
            .await
            .unwrap()
            .config_version;
        let wav = b"RIFF\x24\0\0\0WAVEfmt \x10\0\0\0".to_vec();
        let r = upload(wav.clone(), None).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = reqwest::get(format!("{}/kiosk/audio/lv/thanks?v=1", app.addr))
            .await
            .unwrap();
        assert_eq!(r.headers()["content-type"], "audio/wav");
        assert_eq!(r.bytes().await.unwrap().to_vec(), wav);
        let after = app
            .store
            .terminal(app.w.org, app.w.terminal)
            .await
            .unwrap()
            .config_version;
        assert!(after > before);
        let config: Value = call(
            &app,
            &token,
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        // The terminal offers en and ar: it gets their addresses, with versions.
        assert_eq!(
            config["audio"]["en"]["thanks"],
            "/kiosk/audio/en/thanks?v=0"
        );
        assert!(config["audio"].get("lv").is_none());

        // A supervisor of one region may not change what every terminal says.
        let sup = app.login_as(rida_domain::Role::Supervisor).await;
        let csrf = sup.csrf("/account").await;
        let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
            "audio",
            reqwest::multipart::Part::bytes(b"OggS\0\0".to_vec()).file_name("x.ogg"),
        );
        let r = sup
            .http
            .post(format!("{}/admin/voice/lv/thanks", sup.base))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);

        // Back to the default.
        let r = upload(vec![], Some("default")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = reqwest::get(format!("{}/kiosk/audio/lv/thanks", app.addr))
            .await
            .unwrap();
        assert_eq!(r.headers()["content-type"], "audio/ogg");
    }

    async fn a_station_paired_to_a_desk_asks_for_its_employee_and_reads_nothing(backend: Backend) {
        let app = spawn_app(backend).await;
        let kiosk = paired(&app).await;
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
        app.store
            .set_pairing_code(
                app.w.org,
                station_id,
                "STAT2345",
                rida_store::now_ms() + 60_000,
                &By::system("test"),
            )
            .await
            .unwrap();
        let r: Value = reqwest::Client::new()
            .post(format!("{}/api/v1/kiosk/pair", app.addr))
            .json(&json!({ "code": "STAT2345" }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let station = r["token"].as_str().unwrap().to_string();
        let config: Value = call(
            &app,
            &station,
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(config["terminal"]["kind"], "station");
        assert_eq!(config["terminal"]["employee_name"], "Anna");

        // A visit, then the request: the kiosk now asks about Anna.
        let r = call(
            &app,
            &station,
            reqwest::Method::POST,
            "/api/v1/kiosk/station/visit",
            Some(json!({ "action": "start" })),
        )
        .await;
        assert_eq!(r.status(), StatusCode::OK);
        let r = call(
            &app,
            &station,
            reqwest::Method::POST,
            "/api/v1/kiosk/station/ask",
            None,
        )
        .await;
        let asked: Value = r.json().await.unwrap();
        assert_eq!(asked["terminal_id"], json!(app.w.terminal));
        let kconfig: Value = call(
            &app,
            &kiosk,
            reqwest::Method::GET,
            "/api/v1/kiosk/config",
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(kconfig["asked"]["employee_id"], json!(app.w.employee));
        let status = format!("/api/v1/kiosk/station/status?terminal={}", app.w.terminal);
        let s: Value = call(&app, &station, reqwest::Method::GET, &status, None)
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
        call(
            &app,
            &kiosk,
            reqwest::Method::POST,
            "/api/v1/kiosk/answers",
            Some(answer(json!(app.w.employee))),
        )
        .await;
        let s: Value = call(&app, &station, reqwest::Method::GET, &status, None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(s, json!({ "state": "received" }));

        // The station stores no answers, and a rating terminal is no station.
        let j: Value = call(
            &app,
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
        let r = call(
            &app,
            &kiosk,
            reqwest::Method::POST,
            "/api/v1/kiosk/station/ask",
            None,
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.store.count_ratings(app.w.org).await.unwrap(), 1);
    }
}
