//! Looking after terminals over HTTP on both databases: the supervision page and API
//! (searched, narrowed to problems and paged for a network), and the voice prompts
//! terminals play.

use reqwest::StatusCode;
use rida_store::{Backend, both_backends};
use serde_json::{Value, json};

use crate::helpers::spawn_app;

both_backends! {
    supervision_shows_the_terminals_in_reach_with_their_live_state;
    supervision_searches_narrows_and_pages_a_network_of_terminals;
    voice_prompts_are_replaced_checked_and_reach_the_terminals;
}

async fn supervision_shows_the_terminals_in_reach_with_their_live_state(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    let beat = json!({ "app_version": "0.1.0", "queued": 7, "battery": 0.42, "tab": "one" });
    app.device(
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
    let other_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][today.to_monday_zero_offset()
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

async fn voice_prompts_are_replaced_checked_and_reach_the_terminals(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
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
    assert!(app.store.audio_digests(app.w.org).await.unwrap().is_empty());

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
    let wav_url = rida_server::web::audio_url(
        "lv",
        "thanks",
        Some(&rida_server::web::content_digest(&wav)),
    );
    let r = reqwest::get(format!("{}{wav_url}", app.addr))
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
    let config: Value = app.device_config(&token).await;
    // The terminal offers en and ar: it gets their addresses, each naming its content.
    let en_default = config["audio"]["en"]["thanks"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        en_default.starts_with("/kiosk/audio/en/thanks?h="),
        "{en_default}"
    );
    assert_ne!(
        en_default,
        config["audio"]["ar"]["thanks"].as_str().unwrap()
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

    // Back to the default, then another recording: every change is a new address, never
    // one used before (a terminal caches prompts by address).
    // The address the Voice page and the terminals are given now.
    let current_url = || async {
        let digests = app.store.audio_digests(app.w.org).await.unwrap();
        let d = digests.get(&("lv".to_string(), "thanks".to_string()));
        rida_server::web::audio_url("lv", "thanks", d.map(String::as_str))
    };
    let uploaded_url = current_url().await;
    assert_eq!(uploaded_url, wav_url);
    let r = upload(vec![], Some("default")).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let default_url = current_url().await;
    let r = reqwest::get(format!("{}{default_url}", app.addr))
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "audio/ogg");
    let other = b"RIFF\x24\0\0\0WAVEfmt \x10\0\0\0other".to_vec();
    assert_eq!(
        upload(other.clone(), None).await.status(),
        StatusCode::SEE_OTHER
    );
    let other_url = current_url().await;
    let seen = [&wav_url, &default_url, &other_url];
    assert!(
        seen.iter()
            .enumerate()
            .all(|(i, a)| seen[i + 1..].iter().all(|b| a != b)),
        "{seen:?}"
    );
    let r = reqwest::get(format!("{}{other_url}", app.addr))
        .await
        .unwrap();
    assert_eq!(r.bytes().await.unwrap().to_vec(), other);
}

/// A network's terminals on the supervision page: a hundred a page, searched by name or
/// site in any case, narrowed to those needing attention, the filter kept from page to
/// page; the API narrows the same way.
async fn supervision_searches_narrows_and_pages_a_network_of_terminals(backend: Backend) {
    let app = spawn_app(backend).await;
    for i in 0..150 {
        app.store
            .create_terminal(
                app.w.org,
                rida_domain::new_id(),
                &rida_store::testing::terminal_input(
                    &format!("Door {i:03}"),
                    app.w.site,
                    Some(app.w.survey),
                ),
                &rida_store::By::system("test"),
            )
            .await
            .unwrap();
    }
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    let beat = json!({ "app_version": "0.1.0", "queued": 0, "battery": 0.9, "tab": "one" });
    app.device(
        &token,
        reqwest::Method::POST,
        "/api/v1/kiosk/heartbeat",
        Some(beat),
    )
    .await;
    let head = app.login_as(rida_domain::Role::Head).await;
    let rows = |html: &str| html.matches("<tr data-terminal=").count();
    let html = head.get("/admin/supervision").await.text().await.unwrap();
    assert_eq!(rows(&html), 100);
    assert!(html.contains("1–100 of 152"), "{html}");
    assert!(html.contains("page=2"));
    let html = head
        .get("/admin/supervision?page=2")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(rows(&html), 52);
    // A page past the end shows the last.
    let html = head
        .get("/admin/supervision?page=9")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(rows(&html), 52);
    // Searched in any case, by name or by site.
    let html = head
        .get("/admin/supervision?q=DOOR%2014")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(rows(&html), 10);
    let html = head
        .get("/admin/supervision?q=harbour")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(rows(&html), 1, "the other site's one terminal");
    // Only those needing attention: the same as the API says, unpaired ones included.
    let all: Value = head.get("/api/v1/terminals").await.json().await.unwrap();
    let needing = all["terminals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["paired"] == false || !t["alerts"].as_array().unwrap().is_empty())
        .count();
    assert!(needing >= 151, "{needing}");
    let some: Value = head
        .get("/api/v1/terminals?show=problems")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(some["terminals"].as_array().unwrap().len(), needing);
    let html = head
        .get("/admin/supervision?show=problems&q=door&page=2")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        rows(&html),
        51,
        "150 doors and the harbour door, from the 101st"
    );
    assert!(
        html.contains("page=1&amp;q=door&amp;show=problems"),
        "{html}"
    );
}
