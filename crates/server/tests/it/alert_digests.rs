//! Alert e-mails as digests, through a real SMTP server: the alerts of a round in one
//! message, at most one an hour (or a day, as each person chooses); an alert still open
//! past its rule's deadline escalated once, to the head; a manager without an e-mail
//! address: their digest waits and the head is told; an alert of a site a reader may
//! not see never mailed to them.

use rida_domain::{Answer, Channel, Role, period::day_key};
use rida_server::jobs;
use rida_store::{AlertRuleInput, Backend, By, NewRating, UserInput, both_backends};
use uuid::Uuid;

use crate::{
    fixtures::low_score_rule,
    helpers::{TestApp, prepared},
    mail::{SmtpSink, free_port, instance},
};

both_backends! {
    digests_gather_alerts_escalate_and_wait_for_an_address;
}

fn low(app: &TestApp, site: Uuid) -> NewRating {
    let now = jiff::Timestamp::now().as_millisecond();
    NewRating {
        id: Uuid::now_v7(),
        answered_at: now,
        received_at: now,
        local_day: day_key(rida_server::analytics::org_today("Europe/Riga")),
        site_id: site,
        service_id: Some(app.w.service),
        employee_id: None,
        channel: Channel::Kiosk,
        question_id: app.w.question,
        answer: Answer::Score(1),
        visit_id: None,
        customer_key: None,
        terminal_id: None,
        lang: None,
        flags: 0,
    }
}

/// The alert messages each address received so far.
fn received(smtp: &SmtpSink, to: &str) -> Vec<crate::mail::Received> {
    smtp.received()
        .into_iter()
        .filter(|m| m.to == to && m.subject.starts_with("Alert"))
        .collect()
}

/// The alert messages to `to` not seen before (the sink does not keep their order).
fn fresh(seen: &mut Vec<String>, smtp: &SmtpSink, to: &str) -> Vec<crate::mail::Received> {
    let new: Vec<_> = received(smtp, to)
        .into_iter()
        .filter(|m| !seen.contains(&m.text))
        .collect();
    seen.extend(new.iter().map(|m| m.text.clone()));
    new
}

async fn set_email(app: &TestApp, role: Role, email: Option<&str>) {
    let users = app
        .store
        .list_users(app.w.org, &rida_store::ListQuery::all())
        .await
        .unwrap()
        .items;
    let u = users.iter().find(|u| u.role == role).unwrap();
    let input = UserInput {
        username: u.username.clone(),
        display_name: u.display_name.clone(),
        role,
        employee_id: u.employee_id,
        region_ids: u.region_ids.clone(),
        site_ids: u.site_ids.clone(),
        email: email.map(str::to_string),
        monthly_report: false,
    };
    app.store
        .update_user(app.w.org, u.id, &input, &By::system("test"))
        .await
        .unwrap();
}

async fn digests_gather_alerts_escalate_and_wait_for_an_address(backend: Backend) {
    let (store, w, db) = prepared(backend).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, running) = instance(&store, &smtp.url()).await;
    let app = TestApp::new(running, store.clone(), w, db);
    let (org, site, other) = (app.w.org, app.w.site, app.w.other_site);
    let (head, manager) = ("head@test.rida.example", "manager@test.rida.example");
    // Low scores anywhere, to heads and managers, to be closed within two hours.
    let rule = AlertRuleInput {
        notify_roles: vec!["head".into(), "manager".into()],
        deadline_hours: Some(2),
        ..low_score_rule("Unhappy customers")
    };
    store
        .create_alert_rule(org, Uuid::now_v7(), &rule, &By::system("test"))
        .await
        .unwrap();
    // The manager (of the main site's region) has no e-mail address.
    set_email(&app, Role::Manager, None).await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    store
        .insert_ratings(org, &[low(&app, site), low(&app, site), low(&app, other)])
        .await
        .unwrap();
    let t0 = jiff::Timestamp::now();
    let at = |minutes: i64| t0 + jiff::SignedDuration::from_mins(minutes);

    // One message to the head with both alerts, and that the manager's alert waits for
    // an address.
    let mut seen = Vec::new();
    jobs::run_once(&state, at(0)).await.unwrap();
    let mails = fresh(&mut seen, &smtp, head);
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(
        mails[0].subject.contains("2 to follow up"),
        "{}",
        mails[0].subject
    );
    assert_eq!(mails[0].html.matches("Unhappy customers").count(), 2);
    assert!(
        mails[0]
            .text
            .contains("The manager has no e-mail address: an alert waits for them"),
        "{}",
        mails[0].text
    );
    assert!(received(&smtp, manager).is_empty());

    // Nothing new, nothing sent.
    jobs::run_once(&state, at(61)).await.unwrap();
    assert!(fresh(&mut seen, &smtp, head).is_empty());

    // Past the two hours, both alerts are escalated to the head, once.
    jobs::run_once(&state, at(180)).await.unwrap();
    let mails = fresh(&mut seen, &smtp, head);
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(
        mails[0]
            .text
            .matches("Escalated to you: still open after its deadline")
            .count(),
        2
    );
    jobs::run_once(&state, at(300)).await.unwrap();
    assert!(fresh(&mut seen, &smtp, head).is_empty(), "escalated once");
    let alerts = store.list_alerts(org, None, 10).await.unwrap();
    assert!(alerts.iter().all(|a| a.escalated_at.is_some()));

    // With an address, the manager's digest goes out: the main site's alert, never the
    // other region's.
    set_email(&app, Role::Manager, Some(manager)).await;
    jobs::run_once(&state, at(310)).await.unwrap();
    let mails = received(&smtp, manager);
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(
        mails[0].subject.contains("one to follow up"),
        "{}",
        mails[0].subject
    );
    let names = store
        .list_sites(org, &rida_store::ListQuery::all(), None)
        .await
        .unwrap()
        .items;
    let name = |id: Uuid| names.iter().find(|s| s.id == id).unwrap().name.clone();
    assert!(mails[0].text.contains(&name(site)));
    assert!(!mails[0].text.contains(&name(other)), "{}", mails[0].text);

    // The head asks for one message a day: a new alert waits for the day to pass.
    let c = app.login_as(Role::Head).await;
    let r = c
        .submit("/account", "/account/digest", &[("every", "day")])
        .await;
    assert!(r.status().is_redirection(), "{}", r.status());
    let main = alerts.iter().find(|a| a.site_id == Some(site)).unwrap();
    let head_id = store
        .list_users(org, &rida_store::ListQuery::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|u| u.role == Role::Head)
        .unwrap()
        .id;
    store
        .follow_up_alert(
            org,
            main.id,
            head_id,
            None,
            None,
            Some(Some("Done")),
            &By::system("test"),
        )
        .await
        .unwrap();
    let closed = store.alert(org, main.id).await.unwrap();
    assert_eq!(closed.status, "closed");
    store.insert_ratings(org, &[low(&app, site)]).await.unwrap();
    jobs::run_once(&state, at(400)).await.unwrap();
    assert!(
        fresh(&mut seen, &smtp, head).is_empty(),
        "a day after the last"
    );
    jobs::run_once(&state, at(180 + 24 * 60)).await.unwrap();
    assert_eq!(fresh(&mut seen, &smtp, head).len(), 1);
}
