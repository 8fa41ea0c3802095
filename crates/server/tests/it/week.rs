//! The manager's Monday: the home page shows the last complete week against the week
//! before and the same week a year ago, the sites that moved beyond chance first, the
//! weakest services, the newest comments given with a low score (escaped, employees named
//! only to who may see them), open and overdue alerts and terminals gone dark, each reader
//! for their own sites; the same e-mailed on Monday morning to who asked for it, in their
//! language, once however many instances run the jobs (through a real SMTP server).

use jiff::{Timestamp, civil::Date};
use rida_domain::{Answer, Channel, Role, period::day_key};
use rida_server::{
    analytics::{org_today, week::last_week},
    jobs,
};
use rida_store::{AlertRuleInput, Backend, By, NewRating, both_backends};
use uuid::Uuid;

use crate::{
    fixtures::{low_score_rule, read_pdf},
    helpers::{TestApp, prepared, spawn_app},
    mail::{Received, SmtpSink, free_port, instance},
};

both_backends! {
    the_home_page_is_each_readers_week;
    the_monday_mail_goes_once_in_each_readers_language;
    the_week_prints_as_a_pdf_in_every_language;
    the_pdf_carries_the_organisations_logo;
    many_open_alerts_elsewhere_hide_none_of_a_managers_own;
}

const TZ: &str = "Europe/Riga";

fn days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap()
}

/// Answers of `scores` on `day` at `site`; a comment joins the first answer's visit.
fn answers(
    app: &TestApp,
    site: Uuid,
    day: Date,
    scores: &[i16],
    comment: Option<&str>,
) -> Vec<NewRating> {
    let at = day
        .at(12, 0, 0, 0)
        .in_tz(TZ)
        .unwrap()
        .timestamp()
        .as_millisecond();
    let mut out = Vec::new();
    for (i, s) in scores.iter().enumerate() {
        let visit = Uuid::now_v7();
        let base = NewRating {
            id: Uuid::now_v7(),
            answered_at: at + i as i64 * 60_000,
            received_at: at + i as i64 * 60_000,
            local_day: day_key(day),
            site_id: site,
            service_id: Some(app.w.service),
            employee_id: Some(app.w.employee),
            channel: Channel::Sms,
            question_id: app.w.question,
            answer: Answer::Score(*s),
            visit_id: Some(visit),
            customer_key: None,
            terminal_id: None,
            lang: None,
            flags: 0,
        };
        if i == 0
            && let Some(text) = comment
        {
            out.push(NewRating {
                id: Uuid::now_v7(),
                question_id: app.w.text_question,
                answer: Answer::Text(text.into()),
                ..base.clone()
            });
        }
        out.push(base);
    }
    out
}

/// Satisfied (4–5) `good` of `n` answers.
fn scores(good: usize, n: usize) -> Vec<i16> {
    (0..n).map(|i| if i < good { 5 } else { 2 }).collect()
}

/// Main falls from 90 % to 30 % (beyond chance); Harbour stays at 70 %; a year ago Main
/// had 50 %. `monday` is the week shown, answered on `day` of it.
async fn fill(app: &TestApp, monday: Date, day: Date) {
    let (main, harbour) = (app.w.site, app.w.other_site);
    let before = days(monday, -7);
    let year = days(monday, -364);
    let mut rows = Vec::new();
    rows.extend(answers(app, main, before, &scores(18, 20), None));
    rows.extend(answers(app, harbour, before, &scores(7, 10), None));
    rows.extend(answers(
        app,
        main,
        day,
        &scores(6, 20)[..].iter().rev().copied().collect::<Vec<_>>(),
        Some("<script>alert(1)</script> kept us waiting"),
    ));
    rows.extend(answers(
        app,
        harbour,
        day,
        &scores(7, 10)[..].iter().rev().copied().collect::<Vec<_>>(),
        Some("انتظرت طويلاً"),
    ));
    rows.extend(answers(app, main, year, &scores(5, 10), None));
    app.store.insert_ratings(app.w.org, &rows).await.unwrap();
}

async fn the_home_page_is_each_readers_week(backend: Backend) {
    let app = spawn_app(backend).await;
    let monday = last_week(org_today(TZ));
    fill(&app, monday, days(monday, 1)).await;

    // The head: the whole organisation.
    let head = app.login_as(Role::Head).await;
    let page = head.get("/admin").await.text().await.unwrap();
    let week = monday.iso_week_date().week();
    assert!(page.contains(&format!("Week {week},")), "{page}");
    // CSAT 13 of 30 = 43.3 %, the week before 25 of 30; a year ago 5 of 10 (only Main).
    assert!(page.contains("43.3%"), "{page}");
    assert!(page.contains("A year ago 50.0%"), "{page}");
    // Main moved beyond chance: first, marked down; Harbour after it, steady.
    let main_at = page.find("moved-down").expect("a site moved down");
    let harbour_at = page.find("moved-none").expect("a steady site");
    assert!(main_at < harbour_at);
    assert!(page[main_at..harbour_at].contains("Main"));
    assert!(page[harbour_at..].contains("Harbour"));
    assert!(page.contains("One site moved beyond chance"), "{page}");
    // The comment escaped, with the employee named to the head (who may see employees).
    assert!(page.contains("&lt;script&gt;alert(1)"));
    assert!(!page.contains("<script>alert(1)"));
    let comments = &page[page.find("id=\"week-comments\"").unwrap()..];
    assert!(comments.contains("<bdi>Anna</bdi>"), "{comments}");
    // The catalogue, for who sets Rida up.
    assert!(page.contains("href=\"/admin/regions\""));

    // An earlier week is a click back: the week before, with Main at 90 %.
    let before = days(monday, -7);
    let earlier = head
        .get(&format!("/admin?week={before}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(earlier.contains("90.0%"), "{earlier}");
    assert!(earlier.contains(&format!("/admin?week={monday}")), "next");
    // A week not over yet (or to come) shows the last complete one.
    let future = head
        .get(&format!("/admin?week={}", days(monday, 30)))
        .await
        .text()
        .await
        .unwrap();
    assert!(future.contains("43.3%"));

    // The manager of Main's region: Main only, and no employee named by default.
    let manager = app.login_as(Role::Manager).await;
    let page = manager.get("/admin").await.text().await.unwrap();
    assert!(page.contains("30.0%"), "{page}");
    assert!(!page.contains("Harbour"), "{page}");
    let comments = &page[page.find("id=\"week-comments\"").unwrap()..];
    assert!(comments.contains("kept us waiting"));
    assert!(!comments.contains("<bdi>Anna</bdi>"), "{comments}");
    assert!(!page.contains("href=\"/admin/regions\""));

    // The supervisor sees no figures, but the terminals.
    let supervisor = app.login_as(Role::Supervisor).await;
    let page = supervisor.get("/admin").await.text().await.unwrap();
    assert!(!page.contains("%"), "{page}");
    assert!(page.contains("id=\"week-terminals\""));
    assert!(!page.contains("id=\"week-alerts\""));
    // An employee reads no rating, here either.
    let employee = app.login_as(Role::Employee).await;
    let page = employee.get("/admin").await.text().await.unwrap();
    assert!(!page.contains("week-sites") && !page.contains("kept us waiting"));
}

/// 07:00 (or `hour`) in Riga on `day`.
fn at(day: Date, hour: i8) -> Timestamp {
    day.at(hour, 0, 0, 0).in_tz(TZ).unwrap().timestamp()
}

fn mondays(smtp: &SmtpSink, to: &str) -> Vec<Received> {
    smtp.received()
        .into_iter()
        .filter(|m| m.to == to && (m.subject.contains(": week") || m.subject.contains("الأسبوع")))
        .collect()
}

async fn the_monday_mail_goes_once_in_each_readers_language(backend: Backend) {
    let (store, w, db) = prepared(backend).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, running) = instance(&store, &smtp.url()).await;
    let (second, _second) = instance(&store, &smtp.url()).await;
    let app = TestApp::new(running, store.clone(), w, db);
    let org = app.w.org;
    // The week mailed next Monday is this one; the week before it is the last one.
    let this = last_week(org_today(TZ));
    let this = days(this, 7);
    let next_monday = days(this, 7);
    // Today is in this week (a day to come would have no comments yet).
    fill(&app, this, org_today(TZ)).await;
    // Main open round the clock: its terminal, silent since today, is offline on Monday.
    app.open_round_the_clock().await;
    let token = app.pair_device(app.w.terminal, "ABCD2345").await;
    app.heartbeat(&token).await;
    let head = app.login_as(Role::Head).await;
    // Low scores today at Main raise an alert due within an hour: overdue by Monday.
    let rule = AlertRuleInput {
        deadline_hours: Some(1),
        ..low_score_rule("Unhappy customers")
    };
    store
        .create_alert_rule(org, Uuid::now_v7(), &rule, &By::system("test"))
        .await
        .unwrap();
    let today = org_today(TZ);
    let mut low = answers(&app, app.w.site, today, &[1], None);
    for r in &mut low {
        r.answered_at = Timestamp::now().as_millisecond();
        r.received_at = r.answered_at;
    }
    store.insert_ratings(org, &low).await.unwrap();
    jobs::alerts::run(&state, org, Timestamp::now())
        .await
        .unwrap();

    // The head asks for it on their account page; the manager, reading Arabic, too; the
    // analyst does not.
    let r = head
        .submit("/account", "/account/monday", &[("on", "1")])
        .await;
    assert!(r.status().is_redirection(), "{}", r.status());
    let manager = app.login_as(Role::Manager).await;
    let r = manager
        .submit("/account", "/account/monday", &[("on", "1")])
        .await;
    assert!(r.status().is_redirection(), "{}", r.status());
    let users = store
        .list_users(org, &rida_store::ListQuery::all())
        .await
        .unwrap()
        .items;
    let id_of = |role: Role| users.iter().find(|u| u.role == role).unwrap().id;
    store
        .set_user_locale(id_of(Role::Manager), "ar")
        .await
        .unwrap();
    let account = manager.get("/account").await.text().await.unwrap();
    assert!(
        account.contains("name=\"on\" value=\"1\" checked"),
        "{account}"
    );

    // Not before 06:00 on Monday; then once, whichever instance comes first.
    jobs::run_once(&state, at(next_monday, 5)).await.unwrap();
    assert!(mondays(&smtp, "head@test.rida.example").is_empty());
    jobs::run_once(&second, at(next_monday, 7)).await.unwrap();
    jobs::run_once(&state, at(next_monday, 7)).await.unwrap();
    jobs::run_once(&second, at(days(next_monday, 1), 9))
        .await
        .unwrap();
    let mails = mondays(&smtp, "head@test.rida.example");
    assert_eq!(mails.len(), 1, "{mails:?}");
    let m = &mails[0];
    let week = this.iso_week_date().week();
    assert_eq!(m.subject, format!("Test Bank: week {week}"));
    // 13 satisfied of 31 (the low answer of the alert joined this week's 30).
    assert!(m.html.contains("41.9%"), "{}", m.html);
    assert!(m.text.contains("A year ago 50.0%"), "{}", m.text);
    assert!(m.html.contains("&lt;script&gt;") && !m.html.contains("<script>"));
    assert!(
        m.text.contains("Overdue: Unhappy customers, Main"),
        "{}",
        m.text
    );
    assert!(m.text.contains("Offline: Entrance, Main"), "{}", m.text);
    let html = m.html.replace("&#x2f;", "/");
    assert!(html.contains(&format!("https://rida.test.example/admin?week={this}")));
    // The manager's in Arabic, right to left, Main only, no employee named.
    let mails = mondays(&smtp, "manager@test.rida.example");
    assert_eq!(mails.len(), 1, "{mails:?}");
    let m = &mails[0];
    let arabic_week: String = week
        .to_string()
        .chars()
        .map(|c| char::from_u32('٠' as u32 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    assert_eq!(m.subject, format!("Test Bank: الأسبوع {arabic_week}"));
    assert!(m.html.contains("dir=\"rtl\""));
    assert!(m.text.contains("أحدث التعليقات"), "{}", m.text);
    assert!(!m.text.contains("Harbour"), "{}", m.text);
    assert!(m.html.contains("kept us waiting") && !m.html.contains("<bdi>Anna</bdi>"));
    // Who did not ask receives nothing.
    assert!(mondays(&smtp, "analyst@test.rida.example").is_empty());
}

async fn the_week_prints_as_a_pdf_in_every_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let monday = last_week(org_today(TZ));
    fill(&app, monday, days(monday, 1)).await;
    let head = app.login_as(Role::Head).await;
    let users = app
        .store
        .list_users(app.w.org, &rida_store::ListQuery::all())
        .await
        .unwrap()
        .items;
    let head_id = users.iter().find(|u| u.role == Role::Head).unwrap().id;
    let week = monday.iso_week_date().week();
    for (lang, expected) in [
        (
            "en",
            vec![
                format!("Week {week}, 2026"),
                "Sites this week".into(),
                "43.3%".into(),
                "Main".into(),
                "<script>alert(1)</script> kept us waiting".into(),
            ],
        ),
        (
            "lv",
            vec![
                format!("2026. gada {week}. nedēļa"),
                "Filiāles šajā nedēļā".into(),
                "43,3%".into(),
                "Vājākie pakalpojumi".into(),
            ],
        ),
        // (Extracted text splits lam-alef ligatures: words without one are compared.)
        (
            "ar",
            vec![
                "الفروع هذا".into(),
                "٤٣٫٣".into(),
                "أضعف الخدمات".into(),
                "السابق".into(),
                "<script>alert(1)</script> kept us waiting".into(),
            ],
        ),
    ] {
        app.store.set_user_locale(head_id, lang).await.unwrap();
        let r = head.get("/admin/week.pdf").await;
        assert_eq!(r.status(), 200, "{lang}");
        assert_eq!(r.headers()["content-type"], "application/pdf");
        let bytes = r.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = read_pdf(&bytes);
        for e in expected {
            assert!(text.contains(&e), "{lang}: {e:?} not in\n{text}");
        }
    }
    // The manager's is their region's only; an employee has none.
    let manager = app.login_as(Role::Manager).await;
    let text = read_pdf(&manager.get("/admin/week.pdf").await.bytes().await.unwrap());
    assert!(text.contains("Main") && !text.contains("Harbour"), "{text}");
    let employee = app.login_as(Role::Employee).await;
    assert_eq!(employee.get("/admin/week.pdf").await.status(), 403);
}

/// The images a PDF holds, as poppler lists them.
fn images_in(pdf: &[u8]) -> usize {
    let file = std::env::temp_dir().join(format!("rida-logo-{}.pdf", Uuid::now_v7()));
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&file)
        .output()
        .expect("pdfimages (poppler-utils)");
    std::fs::remove_file(&file).ok();
    // Two header lines, then one line per image.
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .count()
        .saturating_sub(2)
}

async fn the_pdf_carries_the_organisations_logo(backend: Backend) {
    use base64::Engine;
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let by = By::system("test");
    let pdf = || async { head.get("/admin/week.pdf").await.bytes().await.unwrap() };
    assert_eq!(images_in(&pdf().await), 0);
    // A real image (1 × 1 pixel PNG): on the report.
    let png = base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        .unwrap();
    app.store
        .set_logo(app.w.org, Some((&png, "image/png")), &by)
        .await
        .unwrap();
    // (Its pixels, and their transparency as a second image.)
    assert!(images_in(&pdf().await) >= 1);
    // A file that only looks like one: the report comes without it, rather than not at all.
    let fake = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    app.store
        .set_logo(app.w.org, Some((&fake, "image/png")), &by)
        .await
        .unwrap();
    let bytes = pdf().await;
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(images_in(&bytes), 0);
}

/// Alerts are chosen for a reader in SQL: 600 newer alerts at another site hide none of
/// a manager's own, on the home page, the alerts page or the results.
async fn many_open_alerts_elsewhere_hide_none_of_a_managers_own(backend: Backend) {
    let app = spawn_app(backend).await;
    let by = By::system("test");
    let rule = AlertRuleInput {
        deadline_hours: Some(1),
        ..low_score_rule("Unhappy customers")
    };
    let rule = app
        .store
        .create_alert_rule(app.w.org, Uuid::now_v7(), &rule, &by)
        .await
        .unwrap();
    let now = rida_store::now_ms();
    let alert = |site, key, raised_at| crate::fixtures::alert_at(rule, site, key, raised_at);
    // Main's alert, raised two hours ago (overdue), then 600 newer ones at the other site.
    let own = alert(app.w.site, "own".into(), now - 2 * 3_600_000);
    assert!(app.store.raise_alert(app.w.org, &own, &[]).await.unwrap());
    for i in 0..600 {
        let a = alert(app.w.other_site, format!("other:{i}"), now - 60_000 + i);
        app.store.raise_alert(app.w.org, &a, &[]).await.unwrap();
    }
    // The manager of Main's region: one open, overdue, listed.
    let manager = app.login_as(Role::Manager).await;
    let page = manager.get("/admin").await.text().await.unwrap();
    assert!(page.contains("Open alerts: 1<"), "{page}");
    assert!(page.contains("1 past their deadline"));
    assert!(page.contains(&format!("/admin/alerts/{}", own.id)));
    // So do the alerts page and the results' list of open alerts.
    for path in ["/admin/alerts", "/admin/results"] {
        let page = manager.get(path).await.text().await.unwrap();
        assert!(
            page.contains(&format!("/admin/alerts/{}", own.id)),
            "{path}"
        );
    }
    // The head: all 601, the overdue one first though 600 are newer.
    let head = app.login_as(Role::Head).await;
    let page = head.get("/admin").await.text().await.unwrap();
    assert!(page.contains("Open alerts: 601<"));
    let section = &page[page.find("id=\"week-alerts\"").unwrap()..];
    let first = section.split("href=\"/admin/alerts/").nth(1).unwrap();
    assert!(
        first.starts_with(&own.id.to_string()),
        "the overdue alert comes first"
    );
}
