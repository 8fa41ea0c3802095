//! Web surveys end to end: a survey e-mailed after a visit through a real SMTP server,
//! its one-time link answered on the web page (once), the e-mail's opt-out; a QR
//! poster's anonymous survey set up on the admin page, answered from phones with the
//! duplicate guard and the rate limit, nothing identifying kept; the poster and the
//! website widget.

use reqwest::{StatusCode, header};
use rida_domain::{Role, dispatch::SurveyChannel};
use rida_server::{Application, Settings, messaging::dispatch};
use rida_store::{Backend, By, StoredRating, both_backends};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{TestApp, prepared, spawn_app, start_with};
use crate::mail::{SmtpSink, free_port};

both_backends! {
    an_emailed_survey_is_answered_once_on_its_web_page;
    a_qr_survey_takes_anonymous_answers_once_per_device;
    a_flood_from_one_address_is_held_back;
}

/// The value of a hidden field of a page's form.
pub fn hidden(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no field {name} in {html}"));
    let rest = &html[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// A phone's browser: no cookies kept, its own User-Agent.
fn phone(agent: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(agent)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Opens a survey page and sends it with `answers` (the page's own token and pass).
async fn answer(
    c: &reqwest::Client,
    url: &str,
    answers: &[(&str, &str)],
) -> (StatusCode, String, Vec<(String, String)>) {
    let page = c.get(url).send().await.unwrap().text().await.unwrap();
    let mut form: Vec<(String, String)> = vec![
        ("token".into(), hidden(&page, "token")),
        ("pass".into(), hidden(&page, "pass")),
        ("lang".into(), "en".into()),
    ];
    form.extend(answers.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let r = c.post(url).form(&form).send().await.unwrap();
    (r.status(), r.text().await.unwrap(), form)
}

/// The organisation's answers from one channel, oldest first.
pub async fn of_channel(
    store: &rida_store::Store,
    org: uuid::Uuid,
    channel: &str,
) -> Vec<StoredRating> {
    let mut all = rida_store::testing::all_ratings(store, org).await;
    all.retain(|a| a.channel == channel);
    all
}

pub async fn web_answers(app: &TestApp) -> Vec<StoredRating> {
    of_channel(&app.store, app.w.org, "web").await
}

async fn an_emailed_survey_is_answered_once_on_its_web_page(b: Backend) {
    let smtp = SmtpSink::start(free_port()).await;
    let (store, w, db) = prepared(b).await;
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        smtp_url: smtp.url(),
        mail_from: "Rida <rida@test.rida.example>".into(),
        public_url: "https://rida.test.example".into(),
        ..Settings::default()
    };
    let application = Application::build(settings, store.clone()).await.unwrap();
    let state = application.state().clone();
    let app = TestApp::new(start_with(application).await, store, w, db);
    crate::sms::rule_for(&app, SurveyChannel::Email).await;
    let visit = |id: &'static str| {
        let app = &app;
        async move {
            let now = jiff::Timestamp::now();
            let r = reqwest::Client::new()
                .post(format!("{}/api/v1/visits", app.addr))
                .bearer_auth(app.token().await)
                .json(&json!({
                    "external_id": id, "site_id": app.w.site, "service_id": app.w.service,
                    "employee_id": app.w.employee, "started_at": (now - jiff::Span::new().minutes(9)).to_string(),
                    "ended_at": now.to_string(), "email": "Customer@Example.org", "lang": "en",
                }))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            r.json::<serde_json::Value>().await.unwrap()
        }
    };
    visit("q-1").await;
    let round = dispatch::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    assert_eq!((round.planned, round.sent), (1, 1), "{round:?}");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, "Customer@Example.org");
    assert!(
        mail.subject.contains("how was your visit"),
        "{}",
        mail.subject
    );
    let at = mail
        .text
        .find("https://rida.test.example/s/")
        .expect("the link");
    let code: String = mail.text[at + 28..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    assert_eq!(code.len(), 12, "{}", mail.text);
    assert!(
        mail.text.contains(&format!("/s/{code}/stop")),
        "{}",
        mail.text
    );
    // Each score of the HTML letter opens the survey with it chosen.
    assert!(
        mail.html.contains(&format!("{code}?score=5")),
        "{}",
        mail.html
    );
    // The code is not stored anywhere: the message keeps a keyed hash of it.
    let outbox = app.store.survey_outbox(app.w.org, None, 10).await.unwrap();
    assert_eq!(outbox[0].status, "sent");

    let link = format!("{}/s/{code}", app.addr);
    let c = phone("Mozilla/5.0 (Android 14) Mobile");
    // The score chosen in the e-mail is already chosen on the page.
    let page = c
        .get(format!("{link}?score=2"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("How was it?"), "{page}");
    assert!(
        page.contains("name=\"q-csat\" value=\"2\" checked"),
        "{page}"
    );
    // A forged form (no token of this page) stores nothing.
    let r = c
        .post(&link)
        .form(&[("pass", Uuid::now_v7().to_string()), ("q-csat", "1".into())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A score off the scale is refused next to its question, and nothing is stored.
    let (status, page, _) = answer(&c, &link, &[("q-csat", "9")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Choose one of the scores shown"), "{page}");
    assert!(web_answers(&app).await.is_empty());
    // A low score with its reasons and words: every answer against the visit's employee
    // and service, keyed to the customer, the follow-ups in the survey's order.
    let (status, page, form) = answer(
        &c,
        &link,
        &[
            ("q-csat", "2"),
            ("q-reasons", "staff"),
            ("q-reasons", "wait"),
            ("q-comment", "Slow <b>queue</b>"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Thank you!"), "{page}");
    let got = web_answers(&app).await;
    assert_eq!(got.len(), 3, "{got:?}");
    for a in &got {
        assert_eq!(
            (a.site_id, a.service_id, a.employee_id),
            (app.w.site, Some(app.w.service), Some(app.w.employee))
        );
        assert!(
            a.customer_key
                .as_deref()
                .is_some_and(|k| k.starts_with("e-")),
            "{a:?}"
        );
    }
    let score = got.iter().find(|a| a.score.is_some()).unwrap();
    assert_eq!(score.score, Some(2));
    assert!(
        got.iter()
            .any(|a| a.choice.as_deref() == Some("wait,staff"))
    );
    assert!(
        got.iter()
            .any(|a| a.answer_text.as_deref() == Some("Slow <b>queue</b>"))
    );
    let outbox = app.store.survey_outbox(app.w.org, None, 10).await.unwrap();
    assert_eq!(outbox[0].status, "answered");
    // The same form sent again (a double tap, a retry) stores nothing twice.
    let r = c.post(&link).form(&form).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(web_answers(&app).await.len(), 3);
    // The link worked once: opened again, it says so; another pass is refused.
    let page = c.get(&link).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Already answered"), "{page}");
    // A second pass from a page opened before (another tab) is refused.
    let mut again = form.clone();
    again[1].1 = Uuid::now_v7().to_string();
    let r = c.post(&link).form(&again).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(web_answers(&app).await.len(), 3);
    // A code that was never made.
    let r = c
        .get(format!("{}/s/AAAAAAAAAAAA", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.text().await.unwrap().contains("Survey not found"));

    // The e-mail's stop link asks first (mail scanners open links), then opts out.
    let stop = format!("{link}/stop");
    let page = c.get(&stop).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Stop surveys?"), "{page}");
    let r = c
        .post(&stop)
        .form(&[("token", hidden(&page, "token"))])
        .send()
        .await
        .unwrap();
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("You will receive no more surveys")
    );
    // The next visit of this customer is not surveyed, and nothing of theirs is kept.
    let next = visit("q-2").await;
    assert_eq!(
        next["survey"],
        json!({ "status": "skipped", "reason": "opted_out" }),
        "{next}"
    );
    dispatch::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    assert_eq!(smtp.received().len(), 1);
}

async fn a_qr_survey_takes_anonymous_answers_once_per_device(b: Backend) {
    let app = spawn_app(b).await;
    let head = app.login_as(Role::Head).await;
    // Mistakes are shown next to their fields.
    let r = head
        .submit(
            "/admin/web-surveys/new",
            "/admin/web-surveys",
            &[("name", " "), ("site", ""), ("active", "on")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("id=\"e-name\""), "{page}");
    assert!(page.contains("id=\"e-site\""), "{page}");
    let site = app.w.site.to_string();
    let employee = app.w.employee.to_string();
    let r = head
        .submit(
            "/admin/web-surveys/new",
            "/admin/web-surveys",
            &[
                ("name", "Counter poster"),
                ("site", &site),
                ("employee", &employee),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let ws = app.store.web_surveys(app.w.org).await.unwrap();
    assert_eq!(ws.len(), 1);
    let code = ws[0].code.clone();
    assert_eq!(code.len(), 8);
    let list = head.get("/admin/web-surveys").await.text().await.unwrap();
    assert!(
        list.contains("Counter poster") && list.contains(&code),
        "{list}"
    );
    // Without a public_url, the address is the one Rida listens on.
    let shown = format!("{}/q/{code}", app.addr).replace('/', "&#x2f;");
    assert!(list.contains(&shown), "{list}");

    // The poster: A4, the organisation's logo, the call in three languages, the address
    // the QR code holds.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    app.store
        .set_logo(app.w.org, Some((png, "image/png")), &By::system("test"))
        .await
        .unwrap();
    let r = head
        .get(&format!("/admin/web-surveys/{}/poster.svg", ws[0].id))
        .await;
    assert_eq!(
        r.headers()[header::CONTENT_TYPE],
        "image/svg+xml; charset=utf-8"
    );
    let svg = r.text().await.unwrap();
    assert!(svg.contains("width=\"210mm\" height=\"297mm\""));
    assert!(svg.contains("png;base64,iVBORw0KGgo"), "the logo, embedded");
    for call in [
        "How was your visit?",
        "كيف كانت زيارتك؟",
        "Kā vērtējat apmeklējumu?",
    ] {
        assert!(svg.contains(call), "{call}");
    }
    assert!(
        svg.contains(&code) && svg.contains("<path d=\"M4 4h1v1h-1z"),
        "{svg}"
    );
    // Only those who manage surveys after visits get the poster or the survey's page.
    for role in [Role::Manager, Role::Analyst, Role::Employee] {
        let c = app.login_as(role).await;
        for path in [
            format!("/admin/web-surveys/{}/poster.svg", ws[0].id),
            format!("/admin/web-surveys/{}", ws[0].id),
        ] {
            assert_eq!(
                c.get(&path).await.status(),
                StatusCode::FORBIDDEN,
                "{role:?} {path}"
            );
        }
    }
    // The widget's script: one tag, labels in every language, the survey in a frame.
    let js = reqwest::get(format!("{}/w/{code}.js", app.addr))
        .await
        .unwrap();
    assert_eq!(
        js.headers()[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    let js = js.text().await.unwrap();
    assert!(
        js.contains(&format!("\"{code}\"")) && js.contains("رأيك يهمنا") && js.contains("/q/"),
        "{js}"
    );
    assert_eq!(
        reqwest::get(format!("{}/w/nope1234.js", app.addr))
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );

    let url = format!("{}/q/{code}", app.addr);
    let c = phone("Mozilla/5.0 (iPhone) Safari");
    // Only the widget's frame may be shown inside another site.
    let r = c.get(&url).send().await.unwrap();
    assert!(
        r.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    let r = c
        .get(format!("{url}?embed=1&lang=ar"))
        .send()
        .await
        .unwrap();
    assert!(
        r.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("frame-ancestors *")
    );
    assert!(r.headers().get("x-frame-options").is_none());
    let page = r.text().await.unwrap();
    assert!(
        page.contains("dir=\"rtl\"") && page.contains("كيف كانت؟"),
        "{page}"
    );
    // Nothing chosen: asked for an answer, nothing stored.
    let (status, page, _) = answer(&c, &url, &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Choose an answer before sending"), "{page}");
    // A happy customer: the score alone (reasons sent for a hidden question are ignored).
    let (status, page, _) = answer(&c, &url, &[("q-csat", "5"), ("q-reasons", "staff")]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let got = web_answers(&app).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].site_id, got[0].employee_id, got[0].score),
        (app.w.site, Some(app.w.employee), Some(5))
    );
    assert_eq!(got[0].customer_key, None);
    // The same phone again soon: thanked, not counted twice.
    let (status, page, _) = answer(&c, &url, &[("q-csat", "1")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        page.contains("This device answered this survey a short while ago"),
        "{page}"
    );
    assert_eq!(web_answers(&app).await.len(), 1);
    // Another phone on the same connection counts.
    let (status, _, _) = answer(&phone("Mozilla/5.0 (Android 15)"), &url, &[("q-csat", "4")]).await;
    assert_eq!(status, StatusCode::OK);
    // The list counts the customers who answered (the refused one is not counted).
    let ws = app.store.web_surveys(app.w.org).await.unwrap();
    assert_eq!(ws[0].answers, 2);
    let list = head.get("/admin/web-surveys").await.text().await.unwrap();
    assert!(
        list.contains("Customers who answered") && list.contains("last "),
        "{list}"
    );
    // What the guard keeps names no device: keyed hashes only, no address, no browser.
    let keys = app.store.guard_keys().await.unwrap();
    assert!(!keys.is_empty());
    assert!(
        keys.iter()
            .all(|k| k.starts_with("d-") && !k.contains("127.0.0.1") && !k.contains("Mozilla")),
        "{keys:?}"
    );
    // A poster for every site without one: the other site gets one, once.
    for _ in 0..2 {
        let r = head
            .submit("/admin/web-surveys", "/admin/web-surveys/every-site", &[])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let all = app.store.web_surveys(app.w.org).await.unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(
        all.iter()
            .any(|s| s.site_id == app.w.other_site && s.name.starts_with("Counter poster"))
    );
    // Every poster on one page to print.
    let page = head
        .get("/admin/web-surveys/print")
        .await
        .text()
        .await
        .unwrap();
    for s in &all {
        assert!(page.contains(&format!("{}/poster.svg", s.id)), "{page}");
    }
    // A paused survey says it is closed.
    let r = head
        .submit(
            &format!("/admin/web-surveys/{}", ws[0].id),
            &format!("/admin/web-surveys/{}", ws[0].id),
            &[("name", "Counter poster"), ("site", &site)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = c.get(&url).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("This survey is closed"), "{page}");
}

/// Behind a proxy that names the visitor's address: two answers an hour per address.
async fn a_flood_from_one_address_is_held_back(b: Backend) {
    let (store, w, db) = prepared(b).await;
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        web_answers_per_hour: 2,
        client_ip_header: "X-Forwarded-For".into(),
        ..Settings::default()
    };
    let application = Application::build(settings, store.clone()).await.unwrap();
    let app = TestApp::new(start_with(application).await, store, w, db);
    let input = rida_store::WebSurveyInput {
        name: "Receipt".into(),
        site_id: app.w.site,
        service_id: None,
        employee_id: None,
        survey_id: None,
        active: true,
    };
    app.store
        .save_web_survey(
            app.w.org,
            Uuid::now_v7(),
            "Rcpt2026",
            &input,
            &By::system("test"),
        )
        .await
        .unwrap();
    let url = format!("{}/q/Rcpt2026", app.addr);
    let from = |ip: &str, agent: &str| {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            format!("{ip}, 10.0.0.1").parse().unwrap(),
        );
        reqwest::Client::builder()
            .user_agent(agent)
            .default_headers(h)
            .build()
            .unwrap()
    };
    for agent in ["a", "b"] {
        let (status, page, _) = answer(&from("203.0.113.7", agent), &url, &[("q-csat", "5")]).await;
        assert_eq!(status, StatusCode::OK, "{page}");
    }
    // A third device behind the same address within the hour waits.
    let (status, page, _) = answer(&from("203.0.113.7", "c"), &url, &[("q-csat", "1")]).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains("Too many answers"), "{page}");
    // Another address is not held back by it.
    let (status, _, _) = answer(&from("198.51.100.4", "c"), &url, &[("q-csat", "4")]).await;
    assert_eq!(status, StatusCode::OK);
    let scores: Vec<Option<i16>> = web_answers(&app).await.iter().map(|a| a.score).collect();
    assert_eq!(scores, vec![Some(5), Some(5), Some(4)]);
}
