//! Surveys by SMS end to end through a real Kannel with its fake SMSC: a visit posted
//! by a queue system, the survey leaving through Kannel in the customer's language
//! (Arabic as UCS-2), the delivery report, the customer's reply typed on a phone (in
//! Arabic digits) becoming an answer against the visit's employee and service; STOP
//! and START; replies while Rida restarts; the gateway down for an hour.

use jiff::{Span, Timestamp};
use reqwest::StatusCode;
use rida_domain::{
    Scale,
    dispatch::{Rule, SurveyChannel},
};
use rida_server::messaging::dispatch;
use rida_store::{Backend, By, both_backends};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::TestApp;
use crate::kannel::{Kannel, SmsApp, TOKEN, serve, spawn_sms_app};

both_backends! {
    a_survey_goes_through_kannel_and_an_arabic_reply_lands_on_the_dashboard;
    stop_opts_the_number_out_and_start_back_in;
    replies_sent_while_rida_restarts_are_not_lost;
    a_gateway_down_for_an_hour_delays_messages_and_sends_each_once;
    unclear_replies_are_asked_again_once_and_floods_are_limited;
    two_instances_send_each_message_once;
    a_survey_with_its_web_link_is_answered_on_the_page_once;
}

const PHONE: &str = "+37120000089";

/// The organisation's default rule: SMS at once, every visit, with the sample survey.
pub async fn default_rule(app: &TestApp) {
    rule_for(app, SurveyChannel::Sms).await;
}

/// The organisation's default rule: `channel` at once, every visit, the sample survey.
pub async fn rule_for(app: &TestApp, channel: SurveyChannel) {
    rule_with(app, channel, false).await;
}

/// The same, with the survey's web link in the text or not.
pub async fn rule_with(app: &TestApp, channel: SurveyChannel, with_link: bool) {
    let rule = Rule {
        id: Uuid::now_v7(),
        site_id: None,
        service_id: None,
        channel,
        delay_minutes: 0,
        quiet: None,
        cap_days: 0,
        sample_percent: 100,
        survey_id: Some(app.w.survey),
        lang: None,
        expiry_hours: 24,
        with_link,
    };
    app.store
        .save_survey_rule(app.w.org, &rule, &By::system("test"))
        .await
        .unwrap();
}

/// Posts a visit that just ended, with the customer's phone; returns the response.
async fn post_visit(app: &TestApp, external: &str, lang: &str) -> Value {
    post_visit_with(app, external, lang, PHONE).await
}

/// Posts a visit that just ended at the test site, service and employee.
pub async fn post_visit_with(app: &TestApp, external: &str, lang: &str, phone: &str) -> Value {
    let now = Timestamp::now();
    let r = reqwest::Client::new()
        .post(format!("{}/api/v1/visits", app.addr))
        .bearer_auth(app.token().await)
        .json(&json!({
            "external_id": external,
            "site_id": app.w.site,
            "service_id": app.w.service,
            "employee_id": app.w.employee,
            "started_at": (now - Span::new().minutes(10)).to_string(),
            "ended_at": now.to_string(),
            "phone": phone,
            "lang": lang,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn outbox(s: &SmsApp) -> Vec<rida_store::MessageEntry> {
    s.app
        .store
        .survey_outbox(s.app.w.org, None, 100)
        .await
        .unwrap()
}

/// Waits until `check` holds for the organisation's outbox.
async fn wait_outbox(s: &SmsApp, what: &str, check: impl Fn(&[rida_store::MessageEntry]) -> bool) {
    for _ in 0..150 {
        if check(&outbox(s).await) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{what}: {:#?}", outbox(s).await);
}

/// The answers the dashboard counts at the test site on `day`.
async fn csat_answers(s: &SmsApp, day: i32) -> u64 {
    let (counts, _) = s
        .app
        .store
        .score_counts(s.app.w.org, Scale::Csat5, day, day, Some(&[s.app.w.site]))
        .await
        .unwrap();
    counts.n()
}

async fn round(s: &SmsApp, now: Timestamp) -> dispatch::Round {
    dispatch::run_once(&s.state, now).await.unwrap()
}

/// Calls Rida's Kannel hook as Kannel would (with `token`, when given).
async fn hook(s: &SmsApp, token: Option<&str>, id: &str, text: &str) -> StatusCode {
    let mut q = vec![("from", PHONE), ("to", "RIDA"), ("text", text), ("id", id)];
    if let Some(t) = token {
        q.push(("token", t));
    }
    reqwest::Client::new()
        .get(format!("{}/hooks/kannel/mo", s.app.addr))
        .query(&q)
        .send()
        .await
        .unwrap()
        .status()
}

async fn a_survey_goes_through_kannel_and_an_arabic_reply_lands_on_the_dashboard(b: Backend) {
    let s = spawn_sms_app(b).await;
    let kannel = Kannel::start(&s.app.addr, s.base).await;
    default_rule(&s.app).await;
    let posted = post_visit(&s.app, "Q-1", "ar").await;
    assert_eq!(posted["survey"]["status"], "pending", "{posted}");
    let r = round(&s, Timestamp::now()).await;
    assert_eq!((r.planned, r.sent), (1, 1), "{r:?}");
    // The SMS left through Kannel as UCS-2 and arrived intact, in Arabic.
    let sent = kannel.wait_sent(1).await;
    assert_eq!(sent[0].0, PHONE);
    assert!(
        sent[0].1.contains("كيف كانت زيارتك إلى Main"),
        "{:?}",
        sent[0].1
    );
    assert!(
        sent[0].1.contains("١") && sent[0].1.contains("٥"),
        "{:?}",
        sent[0].1
    );
    // Kannel's delivery report marks it delivered.
    wait_outbox(&s, "delivered", |m| m[0].status == "delivered").await;
    let message = outbox(&s).await[0].id;
    // The customer answers from the phone in Arabic digits, with words.
    let before = s.app.store.count_ratings(s.app.w.org).await.unwrap();
    kannel.mo(PHONE, "٥ شكرا جزيلا");
    wait_outbox(&s, "answered", |m| m[0].status == "answered").await;
    let stored = s
        .app
        .store
        .ratings_by_id(s.app.w.org, &[message])
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    let a = &stored[0];
    assert_eq!(a.score, Some(5));
    assert_eq!(a.channel, "sms");
    assert_eq!(
        (a.employee_id, a.service_id, a.site_id),
        (Some(s.app.w.employee), Some(s.app.w.service), s.app.w.site)
    );
    assert_eq!(a.lang.as_deref(), Some("ar"));
    assert!(a.visit_id.is_some());
    // Score and comment: two answers.
    assert_eq!(
        s.app.store.count_ratings(s.app.w.org).await.unwrap(),
        before + 2
    );
    // The dashboard's figures count it at once (the rollup is written with the answer).
    let day = a.local_day;
    assert_eq!(csat_answers(&s, day).await, 1);
    // A gateway calling again with the same message id stores nothing twice; a call
    // without the token (or with a wrong one) is refused and stores nothing.
    let id = "replayed-1";
    assert_eq!(hook(&s, Some(TOKEN), id, "4").await, StatusCode::OK);
    assert_eq!(hook(&s, Some(TOKEN), id, "4").await, StatusCode::OK);
    assert_eq!(
        hook(&s, None, "unsigned-1", "1").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        hook(&s, Some("wrong"), "unsigned-2", "1").await,
        StatusCode::UNAUTHORIZED
    );
    let outcomes = s.app.store.reply_outcomes(s.app.w.org, 0).await.unwrap();
    assert_eq!(
        outcomes,
        vec![("answered".to_string(), 1), ("late".to_string(), 1)],
        "{outcomes:?}"
    );
    // The late reply is kept once, as words only: never a second score.
    assert_eq!(
        s.app.store.count_ratings(s.app.w.org).await.unwrap(),
        before + 3
    );
    assert_eq!(csat_answers(&s, day).await, 1);
}

async fn stop_opts_the_number_out_and_start_back_in(b: Backend) {
    let s = spawn_sms_app(b).await;
    let kannel = Kannel::start(&s.app.addr, s.base).await;
    default_rule(&s.app).await;
    post_visit(&s.app, "Q-1", "lv").await;
    round(&s, Timestamp::now()).await;
    kannel.wait_sent(1).await;
    kannel.mo(PHONE, "STOP");
    wait_outbox(&s, "the confirmation queued", |m| {
        m.iter().any(|m| m.kind == "stop")
    })
    .await;
    round(&s, Timestamp::now()).await;
    let sent = kannel.wait_sent(2).await;
    assert!(sent[1].1.contains("vairs nesaņemsiet"), "{:?}", sent[1].1);
    // In the register, with the reply as its source.
    let phone = rida_domain::contact::parse_phone(PHONE, None).unwrap();
    let key = s.state.contact_key.customer_key(s.app.w.org, &phone);
    assert!(s.app.store.opted_out(s.app.w.org, &key).await.unwrap());
    let history = s
        .app
        .store
        .consent_history(s.app.w.org, &key)
        .await
        .unwrap();
    assert_eq!(history[0].source, "reply");
    // The next visit is not surveyed.
    let posted = post_visit(&s.app, "Q-2", "lv").await;
    assert_eq!(posted["survey"]["reason"], "opted_out", "{posted}");
    let r = round(&s, Timestamp::now()).await;
    assert_eq!(r.sent, 0);
    // START in Arabic opts back in, confirmed.
    kannel.mo(PHONE, "ابدأ");
    wait_outbox(&s, "the start confirmation", |m| {
        m.iter().any(|m| m.kind == "start")
    })
    .await;
    round(&s, Timestamp::now()).await;
    kannel.wait_sent(3).await;
    assert!(!s.app.store.opted_out(s.app.w.org, &key).await.unwrap());
    let posted = post_visit(&s.app, "Q-3", "lv").await;
    assert_eq!(posted["survey"]["status"], "pending", "{posted}");
}

async fn replies_sent_while_rida_restarts_are_not_lost(b: Backend) {
    let s = spawn_sms_app(b).await;
    let kannel = Kannel::start(&s.app.addr, s.base).await;
    default_rule(&s.app).await;
    post_visit(&s.app, "Q-1", "en").await;
    round(&s, Timestamp::now()).await;
    kannel.wait_sent(1).await;
    let SmsApp {
        app,
        port,
        base,
        state,
    } = s;
    drop(state);
    let (store, w, db) = app.stop();
    // Rida stops; the customer answers meanwhile; Kannel's call fails (its log says so).
    kannel.mo(PHONE, "4 friendly staff");
    let mut failed = false;
    for _ in 0..300 {
        let log = std::fs::read_to_string(kannel.run.join("smsbox.log")).unwrap_or_default();
        if log.contains("Couldn't fetch") {
            failed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(failed, "Kannel should have failed to call Rida");
    // Rida comes back on the same address; Kannel calls again and the answer lands.
    let (state, server) = serve(store.clone(), port, base).await;
    let s = SmsApp {
        app: TestApp::new(server, store, w, db),
        state,
        port,
        base,
    };
    wait_outbox(&s, "answered after the restart", |m| {
        m[0].status == "answered"
    })
    .await;
    let message = outbox(&s).await[0].id;
    let a = s
        .app
        .store
        .ratings_by_id(s.app.w.org, &[message])
        .await
        .unwrap();
    assert_eq!(a[0].score, Some(4));
}

async fn a_gateway_down_for_an_hour_delays_messages_and_sends_each_once(b: Backend) {
    let s = spawn_sms_app(b).await;
    default_rule(&s.app).await;
    post_visit(&s.app, "Q-1", "en").await;
    post_visit(&s.app, "Q-2", "en").await;
    // Kannel is not running: the messages wait, with the reason shown.
    let t0 = Timestamp::now();
    let r = round(&s, t0).await;
    assert_eq!((r.planned, r.sent, r.retrying), (2, 0, 2), "{r:?}");
    let m = outbox(&s).await;
    assert!(
        m.iter().all(|m| m.status == "queued"
            && m.last_error
                .as_deref()
                .is_some_and(|e| e.contains("kannel"))),
        "{m:#?}"
    );
    for minutes in [1, 5, 20, 40] {
        let r = round(&s, t0 + Span::new().minutes(minutes)).await;
        assert_eq!(r.sent, 0);
    }
    // An hour on, the gateway is back: each message goes once.
    let kannel = Kannel::start(&s.app.addr, s.base).await;
    let r = round(&s, t0 + Span::new().minutes(60)).await;
    assert_eq!(r.sent, 2, "{r:?}");
    let r = round(&s, t0 + Span::new().minutes(75)).await;
    assert_eq!(r.sent, 0, "{r:?}");
    assert_eq!(kannel.wait_sent(2).await.len(), 2);
    // The outbox shows what went: each message handed to the gateway once.
    let m = outbox(&s).await;
    assert!(m.iter().all(|m| m.status != "queued"), "{m:#?}");
    assert_eq!(
        m.iter()
            .filter(|m| m.kind == "survey" && m.sent_at.is_some())
            .count(),
        2
    );
}

async fn unclear_replies_are_asked_again_once_and_floods_are_limited(b: Backend) {
    let s = spawn_sms_app(b).await;
    let kannel = Kannel::start(&s.app.addr, s.base).await;
    default_rule(&s.app).await;
    post_visit(&s.app, "Q-1", "en").await;
    round(&s, Timestamp::now()).await;
    kannel.wait_sent(1).await;
    // "45" on a 1–5 scale: asked again, once.
    assert_eq!(hook(&s, Some(TOKEN), "u-1", "45").await, StatusCode::OK);
    round(&s, Timestamp::now()).await;
    let sent = kannel.wait_sent(2).await;
    assert!(sent[1].1.contains("from 1 to 5"), "{:?}", sent[1].1);
    assert_eq!(hook(&s, Some(TOKEN), "u-2", "4 or 5").await, StatusCode::OK);
    // The round hands over whatever is due before it returns: nothing was.
    let r = round(&s, Timestamp::now()).await;
    assert_eq!(r.sent, 0, "{r:?}");
    let reasks = outbox(&s)
        .await
        .iter()
        .filter(|m| m.kind == "reask")
        .count();
    assert_eq!(reasks, 1, "asked again only once");
    // A 2,000-character reply: the score counts, the words are kept up to 1,000.
    let long = format!("5 {}", "very good service ".repeat(111));
    assert_eq!(hook(&s, Some(TOKEN), "u-3", &long).await, StatusCode::OK);
    let message = outbox(&s)
        .await
        .iter()
        .find(|m| m.kind == "survey")
        .unwrap()
        .id;
    let a = s
        .app
        .store
        .ratings_by_id(s.app.w.org, &[message])
        .await
        .unwrap();
    assert_eq!(a[0].score, Some(5));
    // A flood from the number: beyond 20 replies an hour, only counted.
    for i in 0..25 {
        assert_eq!(
            hook(&s, Some(TOKEN), &format!("f-{i}"), "hello?").await,
            StatusCode::OK
        );
    }
    // 3 replies before, then 17 more within the limit of 20 an hour; 8 only counted.
    let phone = rida_domain::contact::parse_phone(PHONE, None).unwrap();
    let key = s.state.contact_key.recipient_key(&phone);
    assert_eq!(s.app.store.replies_since(&key, 0).await.unwrap(), 28);
    let outcomes = s.app.store.reply_outcomes(s.app.w.org, 0).await.unwrap();
    let of_org: i64 = outcomes.iter().map(|(_, n)| n).sum();
    assert_eq!(of_org, 20, "{outcomes:?}");
    let r = round(&s, Timestamp::now()).await;
    assert_eq!(r.sent, 0, "nothing sent back to a flood: {r:?}");
    let m = outbox(&s).await;
    assert_eq!(
        m.len(),
        2,
        "the survey and one re-ask, nothing queued: {m:#?}"
    );
}

async fn two_instances_send_each_message_once(b: Backend) {
    let s = spawn_sms_app(b).await;
    let kannel = Kannel::start(&s.app.addr, s.base).await;
    default_rule(&s.app).await;
    for i in 0..40 {
        post_visit_with(&s.app, &format!("Q-{i}"), "en", &format!("+3712000{i:04}")).await;
    }
    // A second instance on the same database, with the same settings.
    let settings = crate::kannel::settings(s.port, s.base).await;
    let other = rida_server::AppState::new(settings, s.app.store.clone())
        .await
        .unwrap();
    let now = Timestamp::now();
    let (a, b) = tokio::join!(
        dispatch::run_once(&s.state, now),
        dispatch::run_once(&other, now)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.planned + b.planned, 40, "{a:?} {b:?}");
    let (a2, b2) = tokio::join!(
        dispatch::run_once(&s.state, now),
        dispatch::run_once(&other, now)
    );
    let sent = a.sent + b.sent + a2.unwrap().sent + b2.unwrap().sent;
    assert_eq!(sent, 40);
    let m = outbox(&s).await;
    assert!(
        m.iter()
            .all(|m| m.attempts == 1 && matches!(m.status.as_str(), "sent" | "delivered")),
        "{m:#?}"
    );
    let received = kannel.wait_sent(40).await;
    assert_eq!(received.len(), 40, "each message once");
    let mut to: Vec<&str> = received.iter().map(|(t, _)| t.as_str()).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 40);
}

/// A rule that adds the web link: the SMS carries it, the customer answers every
/// question on the page, and a later SMS reply is kept as words only.
async fn a_survey_with_its_web_link_is_answered_on_the_page_once(b: Backend) {
    let s = spawn_sms_app(b).await;
    let kannel = Kannel::start(&s.app.addr, s.base).await;
    rule_with(&s.app, SurveyChannel::Sms, true).await;
    post_visit(&s.app, "Q-L", "ar").await;
    round(&s, Timestamp::now()).await;
    let sent = kannel.wait_sent(1).await;
    let text = &sent[0].1;
    let at = text
        .find("/s/")
        .unwrap_or_else(|| panic!("no link in {text:?}"));
    assert!(
        text.contains("أو أجب عبر الإنترنت: http://127.0.0.1:"),
        "{text:?}"
    );
    let code: String = text[at + 3..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    // The parts were counted with the link in the text (UCS-2: three, not two).
    let parts = rida_domain::sms::encode(text).parts as i32;
    assert_eq!((outbox(&s).await[0].segments, parts), (3, 3), "{text:?}");
    let link = format!("{}/s/{code}", s.app.addr);
    let c = reqwest::Client::new();
    let page = c.get(&link).send().await.unwrap().text().await.unwrap();
    let field = |name: &str| crate::web_survey::hidden(&page, name);
    let form = [
        ("token", field("token")),
        ("pass", field("pass")),
        ("q-csat", "2".to_string()),
        ("q-reasons", "wait".to_string()),
    ];
    let r = c.post(&link).form(&form).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    wait_outbox(&s, "answered on the page", |m| m[0].status == "answered").await;
    let web = crate::web_survey::of_channel(&s.app.store, s.app.w.org, "web").await;
    assert_eq!(web.len(), 2, "{web:?}");
    assert!(web.iter().all(|a| a.employee_id == Some(s.app.w.employee)));
    // The SMS reply after it counts as words only.
    kannel.mo(PHONE, "5 great");
    for _ in 0..100 {
        if s.app.store.count_ratings(s.app.w.org).await.unwrap() == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let sms = crate::web_survey::of_channel(&s.app.store, s.app.w.org, "sms").await;
    assert_eq!(sms.len(), 1, "{sms:?}");
    assert_eq!(
        (sms[0].score, sms[0].answer_text.as_deref()),
        (None, Some("5 great"))
    );
}
