//! Which visits get a survey, when and how often: rules set on the page, visits posted
//! by a queue system, and the dispatcher's plan read back from the outbox (no gateway
//! set: the messages wait, then expire unanswered).

use jiff::{Span, Timestamp, ToSpan, tz::TimeZone};
use reqwest::StatusCode;
use rida_domain::Role;
use rida_server::{AppState, Settings, messaging::dispatch};
use rida_store::{Backend, MessageEntry, both_backends};
use serde_json::json;

use crate::helpers::{TestApp, spawn_app};

both_backends! {
    rules_decide_which_visits_are_surveyed_when_and_how_often;
}

/// Posts a visit that ended at `ended` at `site` with `phone`; returns the response.
async fn visit(
    app: &TestApp,
    id: &str,
    site: uuid::Uuid,
    phone: &str,
    ended: Timestamp,
    survey: bool,
) -> serde_json::Value {
    let r = reqwest::Client::new()
        .post(format!("{}/api/v1/visits", app.addr))
        .bearer_auth(app.token().await)
        .json(&json!({
            "external_id": id, "site_id": site, "service_id": app.w.service,
            "started_at": (ended - Span::new().minutes(5)).to_string(),
            "ended_at": ended.to_string(), "phone": phone, "survey": survey,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

fn find<'a>(m: &'a [MessageEntry], status: &str) -> Vec<&'a MessageEntry> {
    m.iter().filter(|m| m.status == status).collect()
}

async fn rules_decide_which_visits_are_surveyed_when_and_how_often(b: Backend) {
    let app = spawn_app(b).await;
    let head = app.login_as(Role::Head).await;
    let other = app.w.other_site.to_string();
    // Mistakes are shown next to their fields, with what was typed kept.
    let r = head
        .submit(
            "/admin/survey-rules/new",
            "/admin/survey-rules",
            &[
                ("channel", "sms"),
                ("delay_minutes", "soon"),
                ("quiet_from", "25:00"),
                ("quiet_to", "09:00"),
                ("cap_days", "30"),
                ("sample_percent", "100"),
                ("expiry_hours", "24"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("Whole minutes from 0 to 10080"), "{page}");
    assert!(page.contains("Two different times as HH:MM"), "{page}");
    assert!(page.contains("value=\"soon\""), "{page}");
    // The default: SMS 15 minutes after the visit, not 21:00–09:00, once in 30 days.
    let default = [
        ("channel", "sms"),
        ("delay_minutes", "15"),
        ("quiet_from", "21:00"),
        ("quiet_to", "09:00"),
        ("cap_days", "30"),
        ("sample_percent", "100"),
        ("expiry_hours", "24"),
    ];
    let r = head
        .submit("/admin/survey-rules/new", "/admin/survey-rules", &default)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // A second default is refused next to the site.
    let r = head
        .submit("/admin/survey-rules/new", "/admin/survey-rules", &default)
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("exists already"));
    // The other site surveys nobody.
    let none = [
        ("site", other.as_str()),
        ("channel", "none"),
        ("delay_minutes", "0"),
        ("cap_days", "0"),
        ("sample_percent", "100"),
        ("expiry_hours", "24"),
    ];
    let r = head
        .submit("/admin/survey-rules/new", "/admin/survey-rules", &none)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let list = head.get("/admin/survey-rules").await.text().await.unwrap();
    assert!(
        list.contains("Harbour") && list.contains("21:00–09:00"),
        "{list}"
    );

    let state = AppState::new(
        Settings {
            jobs: false,
            ..Settings::default()
        },
        app.store.clone(),
    )
    .await
    .unwrap();
    let riga = TimeZone::get("Europe/Riga").unwrap();
    let yesterday = Timestamp::now()
        .to_zoned(riga.clone())
        .date()
        .yesterday()
        .unwrap();
    let at = |h: i8, m: i8| {
        yesterday
            .at(h, m, 0, 0)
            .to_zoned(riga.clone())
            .unwrap()
            .timestamp()
    };
    let (main, noon) = (app.w.site, at(12, 0));
    // A visit at noon: its survey goes at 12:15.
    visit(&app, "A", main, "+37120000001", noon, true).await;
    let r = dispatch::run_once(&state, noon + 1.minute()).await.unwrap();
    assert_eq!((r.planned, r.sent), (1, 0), "no gateway: nothing leaves");
    // The same customer two hours later: surveyed recently, not asked again.
    visit(&app, "B", main, "+37120000001", at(14, 0), true).await;
    // Another customer at 22:30: quiet hours, the survey goes at 09:00 the next morning.
    visit(&app, "C", main, "+37120000002", at(22, 30), true).await;
    // At the other site: no survey; a customer who asked for none: nothing at all.
    visit(&app, "D", app.w.other_site, "+37120000003", at(15, 0), true).await;
    let posted = visit(&app, "E", main, "+37120000004", at(16, 0), false).await;
    assert_eq!(posted["survey"]["reason"], "not_requested", "{posted}");
    dispatch::run_once(&state, at(22, 31)).await.unwrap();
    let m = app.store.survey_outbox(app.w.org, None, 100).await.unwrap();
    assert_eq!(m.len(), 4, "{m:#?}");
    let queued = find(&m, "queued");
    let mut due: Vec<i64> = queued.iter().map(|m| m.next_attempt_at).collect();
    due.sort();
    let next_morning = yesterday
        .tomorrow()
        .unwrap()
        .at(9, 0, 0, 0)
        .to_zoned(riga.clone())
        .unwrap()
        .timestamp();
    assert_eq!(
        due,
        vec![
            (noon + 15.minutes()).as_millisecond(),
            next_morning.as_millisecond()
        ]
    );
    let mut skipped: Vec<&str> = find(&m, "skipped")
        .iter()
        .filter_map(|m| m.skip_reason.as_deref())
        .collect();
    skipped.sort();
    assert_eq!(skipped, vec!["channel_none", "frequency_cap"]);
    // The page shows each state and why a survey did not go; no number anywhere.
    let page = head.get("/admin/messages").await.text().await.unwrap();
    assert!(
        page.contains("surveyed recently") && page.contains("the rule sends none"),
        "{page}"
    );
    assert!(page.contains("Nothing is set to send by SMS"), "{page}");
    assert!(!page.contains("20000001"), "no phone number on the page");
    // Never sent within a day of being due: expired.
    let r = dispatch::run_once(&state, noon + 72.hours()).await.unwrap();
    assert_eq!(r.expired, 2);
    let m = app
        .store
        .survey_outbox(app.w.org, Some("expired"), 100)
        .await
        .unwrap();
    assert_eq!(m.len(), 2);
}
