//! The results dashboard over HTTP: figures equal a recomputation from the raw answers,
//! hidden voting per role, anonymity thresholds, escaping of comments and bad input.

use reqwest::StatusCode;
use rida_domain::{
    Answer, Channel, Role, Scale,
    metrics::{self, ScoreCounts},
    period::day_key,
};
use rida_store::{Backend, By, EmployeeInput, NewRating, both_backends};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{TestApp, problem, spawn_app};

both_backends! {
    figures_equal_a_recomputation_from_the_raw_answers;
    each_role_sees_only_what_it_may;
    bad_selections_are_refused_clearly;
    intervals_show_their_bounds_and_one_answer_is_not_enough;
}

/// Today in the test organisation's zone, as `yyyymmdd`.
pub(crate) fn today() -> i32 {
    day_key(rida_server::analytics::org_today("Europe/Riga"))
}

pub(crate) fn answer(
    app: &TestApp,
    site: Uuid,
    employee: Option<Uuid>,
    question: Uuid,
    a: Answer,
) -> NewRating {
    NewRating {
        id: Uuid::now_v7(),
        answered_at: 1_790_000_000_000,
        received_at: 1_790_000_000_000,
        local_day: today(),
        site_id: site,
        service_id: Some(app.w.service),
        employee_id: employee,
        channel: Channel::Kiosk,
        question_id: question,
        answer: a,
        visit_id: None,
        customer_key: None,
        terminal_id: None,
        lang: None,
        flags: 0,
    }
}

/// Stores answers: CSAT scores at both sites (Anna at the main one), NPS, a comment
/// with a low score in the same visit, and three answers about a second employee.
async fn fill(app: &TestApp) -> (Vec<NewRating>, Uuid) {
    let by = By::system("test");
    let ben = app
        .store
        .create_employee(
            app.w.org,
            rida_domain::new_id(),
            &EmployeeInput {
                name: "Ben".into(),
                desk: None,
                external_id: None,
                site_ids: vec![app.w.site],
            },
            &by,
        )
        .await
        .unwrap();
    let mut rows = Vec::new();
    let mut seed = 5u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    for i in 0..120 {
        let (site, employee) = if i % 3 == 0 {
            (app.w.other_site, None)
        } else {
            (app.w.site, Some(app.w.employee))
        };
        let score = 1 + next(5) as i16;
        rows.push(answer(
            app,
            site,
            employee,
            app.w.question,
            Answer::Score(score),
        ));
        rows.push(answer(
            app,
            site,
            employee,
            app.w.nps_question,
            Answer::Score(next(11) as i16),
        ));
    }
    // A burst flagged at ingest: left out of every figure.
    let mut burst = answer(app, app.w.site, None, app.w.question, Answer::Score(1));
    burst.flags = 1;
    rows.push(burst);
    for s in [5, 5, 4] {
        rows.push(answer(
            app,
            app.w.site,
            Some(ben),
            app.w.question,
            Answer::Score(s),
        ));
    }
    let visit = Uuid::now_v7();
    for a in [
        Answer::Score(1),
        Answer::Text("<script>alert('x')</script> far too slow".into()),
    ] {
        let mut r = answer(
            app,
            app.w.site,
            Some(app.w.employee),
            if matches!(a, Answer::Text(_)) {
                app.w.text_question
            } else {
                app.w.question
            },
            a,
        );
        r.visit_id = Some(visit);
        rows.push(r);
    }
    app.store.insert_ratings(app.w.org, &rows).await.unwrap();
    (rows, ben)
}

/// The CSAT of the rows matching `keep`, counted one by one.
fn csat_of(rows: &[NewRating], question: Uuid, keep: impl Fn(&NewRating) -> bool) -> (u64, f64) {
    let mut c = ScoreCounts::new(Scale::Csat5);
    for r in rows
        .iter()
        .filter(|r| r.question_id == question && r.flags == 0 && keep(r))
    {
        if let Answer::Score(s) = r.answer {
            c.add(s, 1);
        }
    }
    (
        c.n(),
        metrics::csat(&c).map(|e| e.value).unwrap_or(f64::NAN),
    )
}

async fn json(c: &crate::helpers::Client, path: &str) -> Value {
    let r = c.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.json().await.unwrap()
}

async fn figures_equal_a_recomputation_from_the_raw_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let (rows, ben) = fill(&app).await;
    let head = app.login_as(Role::Head).await;
    let q = app.w.question;

    let d = json(&head, "/api/v1/results?period=day").await;
    let tile = &d["tiles"][0];
    assert_eq!(tile["metric"], "csat");
    let (n, share) = csat_of(&rows, q, |_| true);
    assert_eq!(tile["n"].as_u64().unwrap(), n);
    assert!((tile["estimate"]["value"].as_f64().unwrap() - share).abs() < 1e-9);
    assert_eq!(d["bursts"].as_u64().unwrap(), 1);

    // Per site, and the site filter gives the same figure.
    let (n_main, share_main) = csat_of(&rows, q, |r| r.site_id == app.w.site);
    let sites = d["sites"].as_array().unwrap();
    let main = sites
        .iter()
        .find(|s| s["id"] == app.w.site.to_string())
        .unwrap();
    assert_eq!(main["n"].as_u64().unwrap(), n_main);
    assert!((main["estimate"]["value"].as_f64().unwrap() - share_main).abs() < 1e-9);
    let one = json(
        &head,
        &format!("/api/v1/results?period=day&site={}", app.w.site),
    )
    .await;
    assert_eq!(one["tiles"][0]["n"].as_u64().unwrap(), n_main);
    assert!(one["sites"].is_null(), "no site ranking inside one site");

    // Anna has enough answers to be shown; Ben's three are withheld, in the ranking and
    // in the matrix, and never ranked.
    let employees = d["employees"].as_array().unwrap();
    let anna = employees
        .iter()
        .find(|e| e["id"] == app.w.employee.to_string())
        .unwrap();
    let (n_anna, share_anna) = csat_of(&rows, q, |r| r.employee_id == Some(app.w.employee));
    assert_eq!(anna["n"].as_u64().unwrap(), n_anna);
    assert!((anna["estimate"]["value"].as_f64().unwrap() - share_anna).abs() < 1e-9);
    let b = employees
        .iter()
        .find(|e| e["id"] == ben.to_string())
        .unwrap();
    assert_eq!(b["status"], "withheld");
    assert!(b["estimate"].is_null() && b["rank"].is_null());
    let matrix_row = d["matrix"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["employee"][0] == ben.to_string())
        .unwrap();
    assert!(matrix_row["cells"][0]["value"].is_null());
    assert_eq!(matrix_row["cells"][0]["n"], 3);
    // Ben's own view withholds the figures and the comments too.
    let own = json(&head, &format!("/api/v1/results?period=day&employee={ben}")).await;
    assert_eq!(own["tiles"][0]["withheld"], true);
    assert!(own["tiles"][0]["estimate"].is_null());
    assert_eq!(own["comments"]["withheld"], true);

    // The comment given with a low score is behind the drop, with its visit's score.
    let comments = d["comments"]["items"].as_array().unwrap();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0]["low"], true);
    assert_eq!(comments[0]["scores"][0], serde_json::json!(["csat5", 1]));

    // The 12-month trend ends with this month and counts the same answers.
    let m = json(&head, "/api/v1/results").await;
    let trend = m["trend"].as_array().unwrap();
    assert_eq!(trend.len(), 12);
    assert_eq!(trend[11]["n"].as_u64().unwrap(), n);
    assert!(trend[..11].iter().all(|p| p["n"] == 0));
    // A month with answers compared with an empty one has no change to show.
    assert!(m["tiles"][0]["change"].is_null());
}

async fn each_role_sees_only_what_it_may(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_rows, _ben) = fill(&app).await;
    let (site, other) = (app.w.site, app.w.other_site);
    let employee = app.w.employee;
    // (path, expected status per role: head, manager, supervisor, analyst, employee)
    let matrix: Vec<(String, [u16; 5])> = vec![
        ("/admin/results".into(), [200, 200, 403, 200, 403]),
        ("/api/v1/results".into(), [200, 200, 403, 200, 403]),
        ("/admin/results/today".into(), [200, 200, 403, 200, 403]),
        (
            format!("/admin/results?site={site}"),
            [200, 200, 403, 200, 403],
        ),
        // The manager's scope is the North region: the other site and region are refused,
        // not shown empty.
        (
            format!("/admin/results?site={other}"),
            [200, 403, 403, 200, 403],
        ),
        (
            format!("/api/v1/results?region={}", app.w.other_region),
            [200, 403, 403, 200, 403],
        ),
        // Per-employee results: the head only, until the head allows managers or analysts.
        (
            format!("/admin/results?employee={employee}"),
            [200, 403, 403, 403, 403],
        ),
        (
            format!("/api/v1/results?employee={employee}"),
            [200, 403, 403, 403, 403],
        ),
    ];
    let roles = [
        Role::Head,
        Role::Manager,
        Role::Supervisor,
        Role::Analyst,
        Role::Employee,
    ];
    for (i, role) in roles.into_iter().enumerate() {
        let c = app.login_as(role).await;
        for (path, want) in &matrix {
            let r = c.get(path).await;
            assert_eq!(r.status().as_u16(), want[i], "{role} {path}");
        }
    }
    // The filters offer what the user reaches: every region to the head, the manager's
    // own only.
    for (role, both) in [(Role::Head, true), (Role::Manager, false)] {
        let page = app
            .login_as(role)
            .await
            .get("/admin/results")
            .await
            .text()
            .await
            .unwrap();
        let offered = |r: Uuid| page.contains(&format!("<option value=\"{r}\""));
        assert!(offered(app.w.region), "{role}");
        assert_eq!(offered(app.w.other_region), both, "{role}");
    }
    // Whoever may not see employees gets no employee ranking, no matrix and comments
    // without names, on the page and in the JSON.
    for role in [Role::Manager, Role::Analyst] {
        let c = app.login_as(role).await;
        let d = json(&c, "/api/v1/results?period=day").await;
        assert!(d["employees"].is_null() && d["matrix"].is_null(), "{role}");
        assert!(d["comments"]["items"][0]["employee"].is_null(), "{role}");
        let page = c
            .get("/admin/results?period=day")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !page.contains("Anna") && !page.contains("Ben"),
            "{role} sees no names"
        );
    }
    // The manager's figures count their sites only.
    let manager = app.login_as(Role::Manager).await;
    let d = json(&manager, "/api/v1/results?period=day").await;
    let sites = d["sites"].as_array().unwrap();
    assert!(
        sites.iter().all(|s| s["id"] == site.to_string()),
        "{sites:?}"
    );
    // Once the head allows it, managers see employees of their sites.
    let org = app.store.organisation(app.w.org).await.unwrap();
    app.store
        .update_organisation(
            app.w.org,
            &rida_store::OrgSettings {
                name: org.name.clone(),
                default_locale: org.default_locale.clone(),
                time_zone: org.time_zone.clone(),
                managers_see_employees: true,
                analysts_see_employees: false,
                require_second_factor: false,
                burst: rida_domain::terminal::BurstRule {
                    taps: org.burst_taps as u32,
                    seconds: org.burst_seconds as u32,
                },
                thresholds: org.thresholds(),
                retention_days: org.retention_days,
                phone_region: None,
                contact_days: 30,
                audit_days: 0,
                help_contact: None,
                offline_notice_minutes: org.offline_notice_minutes,
            },
            &By::system("test"),
        )
        .await
        .unwrap();
    let manager = app.login_as(Role::Manager).await;
    let d = json(&manager, "/api/v1/results?period=day").await;
    assert!(d["employees"].as_array().is_some_and(|e| !e.is_empty()));
    let r = manager
        .get(&format!("/admin/results?employee={employee}"))
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    // Comments are untrusted: escaped on the page.
    let head = app.login_as(Role::Head).await;
    let page = head
        .get("/admin/results?period=day")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("&lt;script&gt;alert("), "escaped");
    assert!(!page.contains("<script>alert("), "never raw");
}

async fn bad_selections_are_refused_clearly(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    for (path, field) in [
        ("/api/v1/results?metric=happiness", "metric"),
        ("/api/v1/results?period=fortnight", "period"),
        (
            "/api/v1/results?period=custom&from=2026-02-01&to=2026-01-01",
            "to",
        ),
        (
            "/api/v1/results?period=custom&from=2020-01-01&to=2026-01-01",
            "from",
        ),
        ("/api/v1/results?at=yesterday", "at"),
        ("/api/v1/results?site=not-an-id", "site"),
    ] {
        let r = head.get(path).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(r.headers()["content-type"], "application/problem+json");
        let p = problem(r).await;
        assert!(
            p["detail"].as_str().unwrap().starts_with(field),
            "{path}: {p:?}"
        );
    }
    let r = head
        .get(&format!("/api/v1/results?site={}", Uuid::now_v7()))
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // The page says so in HTML.
    let r = head.get("/admin/results?metric=happiness").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.text().await.unwrap().contains("<html"));
    // A period without answers says so, rather than showing 0 %.
    let r = head.get("/admin/results?period=day&at=2020-01-01").await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(page.contains("No answers in this period"));
    assert!(!page.contains("0.0%"));
}

async fn intervals_show_their_bounds_and_one_answer_is_not_enough(backend: Backend) {
    let app = spawn_app(backend).await;
    // Three answers of 5: CSAT 100 %, its interval lopsided below it.
    let mut rows: Vec<NewRating> = (0..3)
        .map(|_| answer(&app, app.w.site, None, app.w.question, Answer::Score(5)))
        .collect();
    // One answer at the other site: a mean needs two.
    rows.push(answer(
        &app,
        app.w.other_site,
        None,
        app.w.question,
        Answer::Score(4),
    ));
    app.store.insert_ratings(app.w.org, &rows).await.unwrap();
    let head = app.login_as(Role::Head).await;
    let page = head
        .get("/admin/results?period=day")
        .await
        .text()
        .await
        .unwrap();
    let e = metrics::csat(&ScoreCounts::from_pairs(Scale::Csat5, [(5, 3), (4, 1)])).unwrap();
    let bounds = format!("95%: {:.1}–100.0", e.low);
    assert!(e.high > 99.9);
    assert!(page.contains(&bounds), "{bounds} not on the page");
    assert!(!page.contains('±'), "no symmetric margin");
    // A mean of one answer is "not enough answers", not the anonymity rule.
    let ces_mean = head
        .get("/admin/results?period=day&metric=csat_mean")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        ces_mean.contains("Harbour"),
        "the site of one answer is listed"
    );
    assert!(!ces_mean.contains("so nobody can be identified"));
    // In Arabic: one numbering system and no middle dot that reads as a zero.
    head.submit(
        "/admin/results",
        "/language",
        &[("locale", "ar"), ("back", "/admin/results")],
    )
    .await;
    let ar = head
        .get("/admin/results?period=day")
        .await
        .text()
        .await
        .unwrap();
    assert!(ar.contains("dir=\"rtl\""));
    assert!(
        ar.contains("من ٧٠") || ar.contains("٩٥٪: من"),
        "bounds in Arabic"
    );
    let text_only: String = ar
        .split("<script")
        .map(|part| part.split("</script>").last().unwrap_or(""))
        .collect();
    assert!(!text_only.contains('·'), "a middle dot on the Arabic page");
    assert!(
        !text_only.contains("n = 4") && text_only.contains("ن = ٤"),
        "Arabic-Indic digits in the sample size"
    );
}
