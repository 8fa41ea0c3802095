//! One customer's history for the call back, end to end: the head adds "may we contact
//! you?" to the survey (a yes/no question only), a visit's survey goes by SMS through
//! Kannel with its link, the customer answers 1 and "yes" on the page, the low-score
//! alert carries a call-back task, the manager of the site opens the customer's history
//! from it (audited) and records the call; the customer is found by their number in any
//! usual format; others may not look; erasure leaves nothing to open.

use jiff::Timestamp;
use reqwest::StatusCode;
use rida_domain::{Locale, Role, dispatch::SurveyChannel};
use rida_server::{jobs, messaging::dispatch};
use rida_store::{AuditFilter, Backend, By, ListQuery, both_backends};

use crate::kannel::{Kannel, SmsApp, spawn_sms_app};
use crate::sms::{post_visit_with, rule_with};

both_backends! {
    a_manager_opens_the_history_of_a_customer_who_asked_to_be_called_back;
}

const PHONE: &str = "+37120000089";
const OTHER_PHONE: &str = "+37120000090";

/// A message as a page shows it (escaped as the templates escape).
fn t(key: &str) -> String {
    rida_server::i18n::t(Locale::En, key)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

async fn a_manager_opens_the_history_of_a_customer_who_asked_to_be_called_back(b: Backend) {
    let s = spawn_sms_app(b).await;
    let app = &s.app;
    let kannel = Kannel::start(&app.addr, s.base).await;
    let head = app.login_as(Role::Head).await;
    let survey = format!("/admin/surveys/{}", app.w.survey);
    let new_q = format!("{survey}/questions/new");
    let save_q = format!("{survey}/questions");
    let question = |scale: &'static str| {
        vec![
            ("key", "contact"),
            ("scale", scale),
            ("subject", "site"),
            ("prompt_en", "May we contact you about your visit?"),
            ("rule_question", "csat"),
            ("rule_op", "score_at_most"),
            ("rule_value", "2"),
            ("callback", "1"),
        ]
    };
    // Only a yes/no question can ask it.
    let r = head.submit(&new_q, &save_q, &question("text")).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains(&t("question-callback-yes-no"))
    );
    let r = head.submit(&new_q, &save_q, &question("yes_no")).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "the question is saved");
    // A low score at the main site raises an alert.
    let r = head
        .submit(
            "/admin/alert-rules/new",
            "/admin/alert-rules",
            &[
                ("name", "Unhappy at Main"),
                ("kind", "low_score"),
                ("site", &app.w.site.to_string()),
            ],
        )
        .await;
    assert!(r.status().is_redirection(), "{}", r.status());

    // The visit's survey by SMS, with its link; the customer answers 1 and "yes".
    rule_with(app, SurveyChannel::Sms, true).await;
    answer_by_link(&s, &kannel, ("Q-CB", PHONE), 1).await;
    jobs::alerts::run(&s.state, app.w.org, Timestamp::now())
        .await
        .unwrap();
    let alerts = app.store.list_alerts(app.w.org, None, 10).await.unwrap();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let alert = format!("/admin/alerts/{}", alerts[0].id);

    // The manager of the site: the alert asks for a call back and leads to the history.
    let manager = app.login_as(Role::Manager).await;
    let page = manager.get(&alert).await.text().await.unwrap();
    assert!(page.contains(&t("callback-asked")), "a call-back task");
    let key = s
        .state
        .contact_key
        .customer_of(app.w.org, Some("LV"), PHONE)
        .unwrap()
        .1;
    let history = format!("/admin/customers/{key}");
    assert!(page.contains(&history.replace('/', "&#x2f;")));
    let list = manager.get("/admin/alerts").await.text().await.unwrap();
    assert!(
        list.contains(&format!(
            "<span class=\"tag off\">{}</span>",
            t("callback-title")
        )),
        "the list marks it"
    );
    let r = manager.get(&history).await;
    assert_eq!(r.status(), StatusCode::OK);
    let h = r.text().await.unwrap();
    assert!(h.contains(&format!("tel:{PHONE}")), "the number to call");
    assert!(
        h.contains("May we contact you about your visit?"),
        "their answers"
    );
    assert!(h.contains(&t("message-kind-survey")), "the message sent");
    assert!(h.contains("Unhappy at Main"), "the alert");
    // Opening it is audited.
    let views = app
        .store
        .list_audit(
            app.w.org,
            &ListQuery::all(),
            &AuditFilter {
                action: Some("view".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        views
            .items
            .iter()
            .any(|e| e.entity == "customer" && e.actor == "manager"),
        "{:?}",
        views.items
    );

    // Found by the number however it is written; a wrong one said beside the field.
    for typed in [
        "+371 2000 0089",
        "0037120000089",
        "+٣٧١٢٠٠٠٠٠٨٩",
        " (+371) 20 00 00 89 ",
    ] {
        let r = head
            .submit("/admin/customers", "/admin/customers", &[("number", typed)])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{typed}");
        assert_eq!(r.headers()["location"], history.as_str(), "{typed}");
    }
    for (typed, says) in [
        ("12ab", "customer-error-phone_unparseable"),
        ("20000089", "customer-error-phone_needs_country"),
        ("someone@", "customer-error-email-invalid"),
    ] {
        let r = head
            .submit("/admin/customers", "/admin/customers", &[("number", typed)])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
        assert!(r.text().await.unwrap().contains(&t(says)), "{typed}");
    }

    // Nobody else looks: the analyst, the employee; an unknown key is not found.
    for role in [Role::Analyst, Role::Employee, Role::Supervisor] {
        let c = app.login_as(role).await;
        assert_eq!(
            c.get(&history).await.status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    let unknown = "/admin/customers/p-00000000000000000000000000000000";
    assert_eq!(head.get(unknown).await.status(), StatusCode::NOT_FOUND);

    // A second customer unhappy at the same place that day asks too: the alert gathers
    // their answer and asks for both calls.
    answer_by_link(&s, &kannel, ("Q-CB2", OTHER_PHONE), 2).await;
    jobs::alerts::run(&s.state, app.w.org, Timestamp::now())
        .await
        .unwrap();
    assert_eq!(
        app.store
            .list_alerts(app.w.org, None, 10)
            .await
            .unwrap()
            .len(),
        1,
        "gathered into the same alert"
    );
    let other = s
        .state
        .contact_key
        .customer_of(app.w.org, Some("LV"), OTHER_PHONE)
        .unwrap()
        .1;
    let page = manager.get(&alert).await.text().await.unwrap();
    let many = rida_server::i18n::t_args(Locale::En, "callback-asked-many", &[("n", 2.into())]);
    assert!(
        page.contains(&many.replace('\'', "&#x27;")),
        "two call backs"
    );
    assert!(page.contains(&format!("/admin/customers/{other}").replace('/', "&#x2f;")));

    // Each call is recorded on the alert, once; one who never asked cannot be.
    let called = |customer: &str| {
        let customer = customer.to_string();
        let (manager, alert) = (&manager, &alert);
        async move {
            manager
                .submit(
                    alert,
                    alert,
                    &[("action", "called_back"), ("customer", customer.as_str())],
                )
                .await
                .status()
        }
    };
    assert_eq!(called("p-nobody").await, StatusCode::BAD_REQUEST);
    assert_eq!(called(&key).await, StatusCode::SEE_OTHER);
    let page = manager.get(&alert).await.text().await.unwrap();
    assert!(page.contains(&t("callback-note")), "the note on the alert");
    assert!(page.contains(&t("callback-asked")), "the other still waits");
    let list = manager.get("/admin/alerts").await.text().await.unwrap();
    assert!(
        list.contains(&format!(
            "<span class=\"tag off\">{}</span>",
            t("callback-title")
        )),
        "still waiting"
    );
    // The worklist of calls to make holds it until every customer was called.
    let worklist = "/admin/alerts?status=call_back";
    let calls = manager.get(worklist).await.text().await.unwrap();
    assert!(calls.contains(&alerts[0].id.to_string()), "on the worklist");
    assert_eq!(called(&key).await, StatusCode::SEE_OTHER, "once");
    assert_eq!(called(&other).await, StatusCode::SEE_OTHER);
    let page = manager.get(&alert).await.text().await.unwrap();
    assert!(!page.contains(&t("callback-asked")));
    let list = manager.get("/admin/alerts").await.text().await.unwrap();
    assert!(
        !list.contains(&format!(
            "<span class=\"tag off\">{}</span>",
            t("callback-title")
        )),
        "no longer waiting"
    );
    let calls = manager.get(worklist).await.text().await.unwrap();
    assert!(
        calls.contains(&t("alerts-empty-call_back")),
        "the worklist is empty"
    );
    let notes = app.store.alert_notes(alerts[0].id).await.unwrap();
    assert_eq!(notes.len(), 2, "one note a call: {notes:?}");
    // The first customer's history says when they were called back.
    let h = manager.get(&history).await.text().await.unwrap();
    assert!(
        !h.contains("<td class=\"num\">—</td></tr>"),
        "the call back's time"
    );

    // Erased on request: nothing left to open.
    let n = app
        .store
        .erase_customer(app.w.org, &key, &By::system("test"))
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(head.get(&history).await.status(), StatusCode::NOT_FOUND);
}

/// A visit with `phone` at the main site; its survey goes by SMS through Kannel (the
/// `nth` message sent) and the customer answers 1 and "yes" to "may we contact you?" on
/// its page.
async fn answer_by_link(s: &SmsApp, kannel: &Kannel, (visit, phone): (&str, &str), nth: usize) {
    let app = &s.app;
    post_visit_with(app, visit, "en", phone).await;
    dispatch::run_once(&s.state, Timestamp::now())
        .await
        .unwrap();
    let sent = kannel.wait_sent(nth).await;
    let text = &sent[nth - 1].1;
    let at = text.find("/s/").expect("a link") + 3;
    let code: String = text[at..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let link = format!("{}/s/{code}", app.addr);
    let c = reqwest::Client::new();
    let page = c.get(&link).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("May we contact you about your visit?"));
    let field = |name: &str| crate::web_survey::hidden(&page, name);
    let asks = app
        .store
        .latest_questions(app.w.org)
        .await
        .unwrap()
        .into_iter()
        .find(|q| q.callback)
        .expect("the question asks for a call back");
    let form = [
        ("token", field("token")),
        ("pass", field("pass")),
        ("q-csat", "1".to_string()),
        (&format!("q-{}", asks.key), "1".to_string()),
    ];
    let r = c.post(&link).form(&form).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}
