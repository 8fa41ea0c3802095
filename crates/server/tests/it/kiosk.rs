//! The terminal page in headless Chromium: pairing, a low score's follow-ups, the
//! thank-you and reset, Arabic right to left, portrait and landscape screenshots, and the
//! offline queue (offline, 50 taps, the server restarted, online again: exactly 50 stored).

use std::time::Duration;

use fantoccini::{Client, Locator};
use rida_store::{Backend, By, Store, TerminalInput, testing::terminal_input};
use serde_json::json;
use uuid::Uuid;

rida_store::both_backends! {
    a_customer_taps_through_the_survey_in_every_language;
    fifty_taps_offline_across_a_server_restart_are_stored_exactly_once;
}

use crate::{
    browser::{Driver, browser, screenshot_dir, start_chromedriver},
    helpers::{World, prepared, serve_at, serve_free},
};

pub(crate) async fn register(store: &Store, w: &World, code: &str) -> Uuid {
    let by = By::system("test");
    let id = store
        .create_terminal(
            w.org,
            rida_domain::new_id(),
            &TerminalInput {
                employee_id: Some(w.employee),
                ..terminal_input(&format!("Kiosk {code}"), w.site, Some(w.survey))
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

pub(crate) async fn css(b: &Client, sel: &str) -> fantoccini::elements::Element {
    b.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(sel))
        .await
        .unwrap_or_else(|e| panic!("{sel}: {e}"))
}

/// Taps an element as a finger would, once it is there; one step in the page, so a
/// re-render between finding and tapping cannot leave a stale element.
pub(crate) async fn tap(b: &Client, sel: &str) {
    css(b, sel).await;
    let script = format!(
        "const e = document.querySelector({sel:?}); if (!e) return false; e.click(); return true;"
    );
    until(sel, async || js(b, &script).await == json!(true)).await;
}

pub(crate) async fn js(b: &Client, script: &str) -> serde_json::Value {
    b.execute(script, vec![]).await.unwrap()
}

pub(crate) async fn until(what: &str, mut check: impl AsyncFnMut() -> bool) {
    for _ in 0..300 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("timed out waiting for {what}");
}

pub(crate) async fn pair(b: &Client, addr: &str, code: &str) {
    b.goto(&format!("{addr}/kiosk")).await.unwrap();
    css(b, "#pair-code").await.send_keys(code).await.unwrap();
    css(b, "#pair-submit").await.click().await.unwrap();
    css(b, ".k-face").await;
}

/// Chromium's own network switch, through chromedriver.
pub(crate) async fn set_offline(driver: &Driver, b: &Client, offline: bool) {
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
    let (server, _, addr) = serve_free(store.clone()).await;
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
        && r.visit_id == all[0].visit_id
        && r.lang.as_deref() == Some("en")));

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
    // The pairing screen may show a moment before its message is written.
    until("the terminal says it is no longer paired", async || {
        js(&b, "const e = document.querySelector('.k-error'); return !!e && e.textContent.includes('no longer paired');")
            .await
            == json!(true)
    })
    .await;
    b.close().await.unwrap();
    server.abort();
}

async fn fifty_taps_offline_across_a_server_restart_are_stored_exactly_once(backend: Backend) {
    let (store, w, _db) = prepared(backend).await;
    let terminal = register(&store, &w, "KQ7M2P9Y").await;
    let (server, port, addr) = serve_free(store.clone()).await;
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
    let drained_at = rida_store::now_ms();
    // The terminal's own queue is empty (its heartbeat says so): nothing is left that
    // could be sent again, so the count is final.
    until("the terminal's queue reported empty", async || {
        store
            .terminal(w.org, terminal)
            .await
            .is_ok_and(|t| t.queued == Some(0) && t.last_seen_at.is_some_and(|s| s > drained_at))
    })
    .await;
    assert_eq!(store.count_ratings(w.org).await.unwrap(), before + 50);
    b.close().await.unwrap();
    server.abort();
}
