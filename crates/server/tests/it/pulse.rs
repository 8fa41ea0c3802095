//! The employees' pulse over HTTP: the head's plan (bad input beside the fields, a save
//! over a newer one refused), a round opened by hand, an employee answering on their
//! station once (twice refused), nothing stored that leads from them to their answer,
//! no figure while the round is open, figures after it for groups of at least the
//! minimum beside the sites' CSAT, computed again here; and the e-mailed one-time link.

use calamine::{Data, Reader, Xlsx};
use reqwest::StatusCode;
use rida_domain::{Answer, Locale, Role, pulse::PulseAnswer};
use rida_store::{AuditFilter, Backend, ListQuery, PulseRound, both_backends, testing};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};
use crate::results::answer;

both_backends! {
    an_employee_answers_the_pulse_once_and_nobody_can_find_their_answer;
    a_pulse_link_by_e_mail_works_once_and_the_station_sends_to_it;
    the_rhythm_opens_one_round_a_period_never_beside_one_opened_by_hand;
}

/// In Chromium, as an employee would: the station invites them, they choose 9 and
/// "agree", send, and are back on their station, thanked.
#[tokio::test]
async fn an_employee_answers_the_pulse_on_their_station_in_the_browser() {
    use crate::kiosk::{css, js, tap, until};
    let app = spawn_app(Backend::Sqlite).await;
    let head = app.login_as(Role::Head).await;
    save_plan(&head, "station").await;
    let round = open_round(&app).await;
    let driver = crate::browser::start_chromedriver().await;
    let b = crate::browser::browser(&driver, 1000, 900).await;
    b.goto(&format!("{}/login", app.addr)).await.unwrap();
    css(&b, "#f-username")
        .await
        .send_keys("employee")
        .await
        .unwrap();
    css(&b, "#f-password")
        .await
        .send_keys(&crate::helpers::password_of(Role::Employee))
        .await
        .unwrap();
    tap(&b, "button.primary").await;
    tap(&b, "a[href='/station/pulse']").await;
    until("the form", async || {
        js(&b, "return !!document.querySelector('input[name=enps]')")
            .await
            .as_bool()
            .unwrap_or(false)
    })
    .await;
    std::fs::write(
        crate::browser::screenshot_dir().join("station-pulse-en.png"),
        b.screenshot().await.unwrap(),
    )
    .unwrap();
    tap(&b, "input[name=enps][value='9'] + span").await;
    tap(&b, "input[name=s1][value='4'] + span").await;
    tap(&b, "form[action='/station/pulse'] button.primary").await;
    until("back on the station", async || {
        b.current_url().await.unwrap().path() == "/station"
    })
    .await;
    let counts = app.store.pulse_counts(&round).await.unwrap();
    let c = &counts[&app.w.site];
    assert_eq!((c.respondents(), c.enps.between(9, 9)), (1, 1));
    assert_eq!(c.statements[0].between(4, 4), 1);
    let page = b.source().await.unwrap();
    assert!(page.contains(&t("flash-pulse-thanks")), "thanked");
    b.close().await.unwrap();
}

fn t(key: &str) -> String {
    rida_server::i18n::t(Locale::En, key)
}

async fn employee_user(app: &TestApp) -> Uuid {
    app.store
        .list_users(app.w.org, &ListQuery::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|u| u.username == "employee")
        .unwrap()
        .id
}

async fn save_plan(head: &crate::helpers::Client, delivery: &str) {
    save_plan_with(head, delivery, "off").await;
}

async fn save_plan_with(head: &crate::helpers::Client, delivery: &str, rhythm: &str) {
    let r = head
        .submit(
            "/admin/pulse/plan",
            "/admin/pulse/plan",
            &[
                ("version", &head_version(head).await),
                ("rhythm", rhythm),
                ("delivery", delivery),
                ("open_days", "7"),
                ("s1_en", "I have what I need to do my work well"),
                ("s1_lv", "Man ir viss, kas vajadzīgs, lai labi strādātu"),
                ("s2_en", "My manager listens to me"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

/// The plan's version as its form carries it.
async fn head_version(head: &crate::helpers::Client) -> String {
    let html = head.get("/admin/pulse/plan").await.text().await.unwrap();
    let at = html.find(r#"name="version" value=""#).unwrap() + 23;
    html[at..].split('"').next().unwrap().to_string()
}

async fn open_round(app: &TestApp) -> PulseRound {
    let head = app.login_as(Role::Head).await;
    let r = head.submit("/admin/pulse", "/admin/pulse/open", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.store
        .open_pulse(app.w.org, rida_store::now_ms())
        .await
        .unwrap()
        .expect("a round is open")
}

/// Sends an eNPS score from the station's pulse form, even when the page shows none (the
/// token taken from the station itself).
async fn send_at_station(employee: &crate::helpers::Client, enps: &str) -> reqwest::Response {
    let csrf = employee.csrf("/station").await;
    employee
        .post_raw("/station/pulse", &[("csrf", &csrf), ("enps", enps)])
        .await
}

async fn json(c: &crate::helpers::Client, path: &str) -> Value {
    let r = c.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.json().await.unwrap()
}

async fn an_employee_answers_the_pulse_once_and_nobody_can_find_their_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let employee = app.login_as(Role::Employee).await;

    // The plan: bad input beside its field, then saved; a save over it refused.
    let long = "x".repeat(201);
    for (field, value, says) in [
        ("open_days", "99", "From 1 to 28 days."),
        ("s1_en", long.as_str(), &t("pulse-question-too-long")),
        ("rhythm", "weekly", &t("pulse-rhythm-unknown")),
    ] {
        let mut fields = vec![
            ("version", "0"),
            ("rhythm", "off"),
            ("delivery", "station"),
            ("open_days", "7"),
        ];
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let r = head
            .submit("/admin/pulse/plan", "/admin/pulse/plan", &fields)
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(r.text().await.unwrap().contains(says), "{field}");
    }
    save_plan(&head, "station").await;
    let stale = head
        .submit(
            "/admin/pulse/plan",
            "/admin/pulse/plan",
            &[
                ("version", "0"),
                ("rhythm", "monthly"),
                ("delivery", "station"),
                ("open_days", "7"),
            ],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        stale
            .text()
            .await
            .unwrap()
            .contains(&t("pulse-plan-conflict"))
    );

    // Nothing open yet.
    let page = employee.get("/station/pulse").await.text().await.unwrap();
    assert!(page.contains(&t("pulse-none-open")));
    let round = open_round(&app).await;
    assert_eq!(round.statements.len(), 2);
    let again = head.submit("/admin/pulse", "/admin/pulse/open", &[]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.pulse_rounds(app.w.org).await.unwrap().len(), 1);

    // The employee: invited on the station, bad input refused, answered once.
    let station = employee.get("/station").await.text().await.unwrap();
    assert!(
        station.contains(r#"href="/station/pulse""#),
        "invited on the station"
    );
    let form = employee.get("/station/pulse").await.text().await.unwrap();
    assert!(form.contains("I have what I need to do my work well"));
    for bad in [
        vec![("enps", "11")],
        vec![("s1", "4")],
        vec![("enps", "8"), ("s2", "9")],
    ] {
        let r = employee
            .submit("/station/pulse", "/station/pulse", &bad)
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
    }
    let r = employee
        .submit(
            "/station/pulse",
            "/station/pulse",
            &[("enps", "9"), ("s1", "4")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/station");
    let twice = send_at_station(&employee, "0").await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    assert!(twice.text().await.unwrap().contains(&t("pulse-answered")));

    // While open: how many answered, no figure.
    let v = json(&head, "/api/v1/pulse").await;
    assert_eq!(v["open"]["answered"], 1);
    assert!(v["result"].is_null());

    // Nothing leads from the employee to their answer: the counts hold no person and no
    // time, who took part holds no answer and no time, and the answer wrote no audit
    // entry.
    assert_eq!(
        testing::columns(&app.store, "pulse_counts").await,
        ["item", "n", "round_id", "site_id", "value"]
    );
    assert_eq!(
        testing::columns(&app.store, "pulse_participants").await,
        ["how", "round_id", "user_id"]
    );
    assert_eq!(
        testing::columns(&app.store, "pulse_tickets").await,
        ["round_id", "site_id", "ticket_key", "used"]
    );
    let by_employee = app
        .store
        .list_audit(
            app.w.org,
            &ListQuery::all(),
            &AuditFilter {
                actor: Some("employee".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        by_employee
            .items
            .iter()
            .all(|e| !e.entity.contains("pulse")),
        "{:?}",
        by_employee.items
    );
    // Nor may they read the pulse per site.
    for path in ["/admin/pulse", "/api/v1/pulse"] {
        assert_eq!(
            employee.get(path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }

    // More colleagues: five at the main site (six with the employee), three at the other.
    let answers: [(Uuid, i16, Option<i16>); 8] = [
        (app.w.site, 10, Some(5)),
        (app.w.site, 10, Some(4)),
        (app.w.site, 6, Some(2)),
        (app.w.site, 3, None),
        (app.w.site, 8, Some(3)),
        (app.w.other_site, 9, Some(5)),
        (app.w.other_site, 9, Some(5)),
        (app.w.other_site, 2, Some(1)),
    ];
    for (site, enps, s1) in answers {
        let a = PulseAnswer {
            enps,
            statements: vec![s1, None],
        };
        let out = app
            .store
            .answer_pulse(&round, Uuid::now_v7(), site, &a, rida_store::now_ms())
            .await
            .unwrap();
        assert_eq!(out, rida_store::PulseOutcome::Counted);
    }
    // Customers' CSAT at the main site: 7 of 10 satisfied.
    let ratings: Vec<_> = (0..10)
        .map(|i| {
            let score = if i < 7 { 5 } else { 2 };
            answer(&app, app.w.site, None, app.w.question, Answer::Score(score))
        })
        .collect();
    app.store.insert_ratings(app.w.org, &ratings).await.unwrap();
    testing::end_pulse_rounds(&app.store, app.w.org).await;

    let v = json(&head, "/api/v1/pulse").await;
    let r = &v["result"];
    assert_eq!(r["total"]["n"], 9);
    // Main site: the employee's 9 and 10, 10, 6, 3, 8: 3 promoters, 2 detractors of 6.
    let sites = r["sites"].as_array().unwrap();
    let main = sites
        .iter()
        .find(|s| s["id"] == app.w.site.to_string())
        .unwrap();
    assert_eq!(main["figures"]["n"], 6);
    let enps = main["figures"]["enps"]["value"].as_f64().unwrap();
    assert!((enps - 100.0 * (3.0 - 2.0) / 6.0).abs() < 1e-6, "{enps}");
    // Its first statement: 4, 5, 4, 2, 3 (one skipped): 3 of 5 agree.
    let s1 = main["figures"]["agreement"][0]["value"].as_f64().unwrap();
    assert!((s1 - 60.0).abs() < 1e-6, "{s1}");
    let csat = main["figures"]["csat"]["value"].as_f64().unwrap();
    assert!((csat - 70.0).abs() < 1e-6, "{csat}");
    assert_eq!(main["figures"]["csat_n"], 10);
    // The other site: three answers, under the minimum of five.
    let other = sites
        .iter()
        .find(|s| s["id"] == app.w.other_site.to_string())
        .unwrap();
    assert_eq!(other["figures"]["withheld"], true);
    assert!(other["figures"]["enps"].is_null());
    // The organisation: promoters 5, detractors 3 of 9.
    let total = r["total"]["enps"]["value"].as_f64().unwrap();
    assert!((total - 100.0 * 2.0 / 9.0).abs() < 1e-6, "{total}");
    // The list of rounds carries it too: the trend from round to round.
    assert_eq!(
        v["rounds"][0]["figures"]["enps"]["value"],
        r["total"]["enps"]["value"]
    );

    // The same figures in the page's Excel download, read back with a spreadsheet
    // reader: the organisation first, each site with its customers' CSAT; the site under
    // the minimum says so, with no figure.
    let rows = pulse_sheet(&head).await;
    let row_of = |name: &str| {
        rows.iter()
            .find(|r| r[0] == Data::String(name.into()))
            .unwrap_or_else(|| panic!("{name}: {rows:?}"))
            .clone()
    };
    let org_row = row_of(&rida_server::i18n::t(Locale::En, "pulse-organisation"));
    assert_eq!(org_row[1], Data::Float(9.0));
    assert_eq!(org_row[2], Data::Float(total));
    let main_row = row_of("Main");
    assert_eq!(
        (main_row[1].clone(), main_row[2].clone()),
        (Data::Float(6.0), Data::Float(enps))
    );
    let csat_at = rows[0]
        .iter()
        .position(|h| *h == Data::String(rida_server::i18n::t(Locale::En, "metric-csat")))
        .unwrap();
    assert_eq!(main_row[csat_at], Data::Float(csat));
    assert_eq!(main_row[csat_at + 3], Data::Float(10.0));
    let other_row = row_of("Harbour");
    assert_eq!(
        other_row[2],
        Data::String(rida_server::i18n::t(Locale::En, "xlsx-withheld"))
    );
    assert_eq!(
        other_row[csat_at + 3],
        Data::Float(0.0),
        "its columns in place"
    );
    assert!(other_row[3..csat_at + 3].iter().all(|c| *c == Data::Empty));

    // A manager sees their site only; the employee sees the organisation's figures.
    let manager = app.login_as(Role::Manager).await;
    let sheet = pulse_sheet(&manager).await;
    assert!(sheet.iter().all(|r| r[0] != Data::String("Harbour".into())));
    assert!(sheet.iter().any(|r| r[0] == Data::String("Main".into())));
    let mv = json(&manager, "/api/v1/pulse").await;
    let theirs: Vec<&str> = mv["result"]["sites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(theirs, [app.w.site.to_string()]);
    let station = employee.get("/station").await.text().await.unwrap();
    assert!(station.contains(&rida_server::i18n::t_args(
        Locale::En,
        "pulse-our-results",
        &[("key", round.period_key.clone().into())]
    )));
    // The page, in English and with the numbers computed above.
    let page = head.get("/admin/pulse").await.text().await.unwrap();
    assert!(page.contains(&t("pulse-col-answers")) && page.contains("+17"));
    // Closed in the last complete week: the manager's week tells it (home page).
    let tz = jiff::tz::TimeZone::get(&app.store.organisation(app.w.org).await.unwrap().time_zone)
        .unwrap();
    let today = jiff::Timestamp::now().to_zoned(tz.clone()).date();
    let wednesday = rida_server::analytics::week::last_week(today)
        .checked_add(jiff::Span::new().days(2))
        .unwrap();
    let at = wednesday
        .at(12, 0, 0, 0)
        .to_zoned(tz)
        .unwrap()
        .timestamp()
        .as_millisecond();
    testing::end_pulse_rounds_at(&app.store, app.w.org, at).await;
    let home = head.get("/admin").await.text().await.unwrap();
    assert!(
        home.contains("id=\"week-pulse\""),
        "the week names the round"
    );
    assert!(home.contains("+22"), "the organisation's eNPS");
    // And so does the week's PDF.
    let pdf = head.get("/admin/week.pdf").await.bytes().await.unwrap();
    let text = crate::fixtures::read_pdf(&pdf);
    assert!(text.contains("eNPS +22"), "{text}");
    testing::end_pulse_rounds(&app.store, app.w.org).await;
    // Over: the station has no form, and an answer is refused.
    let late = send_at_station(&employee, "5").await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
}

async fn a_pulse_link_by_e_mail_works_once_and_the_station_sends_to_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = employee_user(&app).await;
    testing::set_email(&app.store, user, "staff@example.lv").await;
    let head = app.login_as(Role::Head).await;
    save_plan(&head, "email").await;
    let round = open_round(&app).await;
    let mails = testing::outbox_messages(&app.store, app.w.org).await;
    let (id, _, to, body) = mails
        .iter()
        .find(|(_, kind, _, _)| kind == "pulse")
        .expect("a pulse e-mail");
    assert_eq!(to, "staff@example.lv");
    let body = String::from_utf8_lossy(body).replace("=\r\n", "");
    let at = body.find("/p/").expect("a link") + 3;
    let code: String = body[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    assert_eq!(code.len(), 12);

    // Anyone with the link, no sign-in: the form, once.
    let anon = app.client();
    let link = format!("/p/{code}");
    let form = anon.get(&link).await.text().await.unwrap();
    assert!(form.contains("My manager listens to me"));
    let bad = anon.submit(&link, &link, &[("enps", "12")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ok = anon
        .submit(&link, &link, &[("enps", "7"), ("s2", "5")])
        .await;
    assert_eq!(ok.status(), StatusCode::OK);
    assert!(ok.text().await.unwrap().contains(&t("pulse-thanks")));
    let twice = anon.submit(&link, &link, &[("enps", "1")]).await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    assert!(twice.text().await.unwrap().contains(&t("pulse-link-used")));
    assert_eq!(
        anon.get("/p/AAAAAAAAAAAA").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.store
            .pulse_turnout(app.w.org, round.id)
            .await
            .unwrap()
            .0,
        1
    );

    // The employee's station sends them to the link and takes no second answer.
    let employee = app.login_as(Role::Employee).await;
    let page = employee.get("/station/pulse").await.text().await.unwrap();
    assert!(page.contains(&t("pulse-mailed")));
    let r = send_at_station(&employee, "3").await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.store
            .pulse_turnout(app.w.org, round.id)
            .await
            .unwrap()
            .0,
        1
    );

    // Once sent, the message (with its code) is not kept.
    app.store
        .mail_sent(*id, rida_store::now_ms())
        .await
        .unwrap();
    let kept = testing::outbox_messages(&app.store, app.w.org).await;
    assert!(kept.iter().find(|m| m.0 == *id).unwrap().3.is_empty());
}

async fn the_rhythm_opens_one_round_a_period_never_beside_one_opened_by_hand(backend: Backend) {
    use crate::helpers::prepared;
    use crate::mail::{SmtpSink, free_port, instance};
    let (store, w, db) = prepared(backend).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, running) = instance(&store, &smtp.url()).await;
    let app = TestApp::new(running, store.clone(), w, db);
    let head = app.login_as(Role::Head).await;
    save_plan_with(&head, "station", "monthly").await;
    // Opened by hand this month, as the month's round: the rhythm opens no other.
    let manual = open_round(&app).await;
    assert_eq!(
        manual.period_key.len(),
        "2026-12".len(),
        "{}",
        manual.period_key
    );
    let now = jiff::Timestamp::now();
    let run = |at: jiff::Timestamp| rida_server::jobs::pulse::run(&state, app.w.org, at);
    assert!(!run(now).await.unwrap());
    assert_eq!(store.pulse_rounds(app.w.org).await.unwrap().len(), 1);
    // Forty days on, a new month: one round, however often the jobs run.
    let later = now + jiff::Span::new().hours(40 * 24);
    assert!(run(later).await.unwrap());
    assert!(!run(later).await.unwrap());
    let rounds = store.pulse_rounds(app.w.org).await.unwrap();
    assert_eq!(rounds.len(), 2);
    assert_eq!(rounds[0].statements.len(), 2, "the plan's statements");
}

/// The rows of the pulse page's Excel download (its first sheet), as `c` gets it.
async fn pulse_sheet(c: &crate::helpers::Client) -> Vec<Vec<Data>> {
    let bytes = crate::exports::download(c, "/admin/pulse/export.xlsx").await;
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.sheet_names()[0].clone();
    book.worksheet_range(&sheet)
        .unwrap()
        .rows()
        .map(|r| r.to_vec())
        .collect()
}
