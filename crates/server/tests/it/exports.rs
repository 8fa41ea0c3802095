//! Dashboard exports read back with a real spreadsheet reader (calamine): values, sheets,
//! native charts, right-to-left sheets in Arabic, no formula from a customer's comment,
//! CSV with a BOM, and the same hidden voting as the page.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use reqwest::StatusCode;
use rida_domain::{Answer, Channel, Role};
use rida_store::{Backend, NewRating, both_backends};
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};

both_backends! {
    the_workbook_holds_every_table_with_charts_and_safe_text;
    exports_follow_the_same_policy_as_the_page;
    the_raw_answers_stream_as_csv_within_reach;
}

fn answer(app: &TestApp, question: Uuid, a: Answer, visit: Option<Uuid>) -> NewRating {
    NewRating {
        id: Uuid::now_v7(),
        answered_at: 1_790_000_000_000,
        received_at: 1_790_000_000_000,
        local_day: rida_domain::period::day_key(rida_server::analytics::org_today("Europe/Riga")),
        site_id: app.w.site,
        service_id: Some(app.w.service),
        employee_id: Some(app.w.employee),
        channel: Channel::Web,
        question_id: question,
        answer: a,
        visit_id: visit,
        customer_key: None,
        terminal_id: None,
        lang: None,
        flags: 0,
    }
}

/// 40 CSAT answers (30 of them 4 or 5) and a comment that looks like a formula.
pub(crate) async fn fill(app: &TestApp) {
    let mut rows: Vec<NewRating> = (0..40)
        .map(|i| {
            answer(
                app,
                app.w.question,
                Answer::Score(if i < 30 { 5 } else { 2 }),
                None,
            )
        })
        .collect();
    let visit = Some(Uuid::now_v7());
    rows.push(answer(app, app.w.question, Answer::Score(1), visit));
    rows.push(answer(
        app,
        app.w.text_question,
        Answer::Text("=HYPERLINK(\"http://evil\",\"click\")".into()),
        visit,
    ));
    app.store.insert_ratings(app.w.org, &rows).await.unwrap();
}

/// The names of the files inside an `.xlsx` (a zip) and one file's text.
pub(crate) fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut f = z.by_name(name).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    Some(s)
}

pub(crate) async fn download(c: &crate::helpers::Client, path: &str) -> Vec<u8> {
    let r = c.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    r.bytes().await.unwrap().to_vec()
}

async fn the_workbook_holds_every_table_with_charts_and_safe_text(backend: Backend) {
    let app = spawn_app(backend).await;
    fill(&app).await;
    let head = app.login_as(Role::Head).await;
    let bytes = download(&head, "/admin/results/export.xlsx?period=day&low=0").await;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Summary",
            "Trend",
            "Sites",
            "Services",
            "Employees",
            "Employee × service",
            "Comments"
        ]
    );
    // The summary's CSAT: 31 of 41 answers were 4 or 5.
    let summary = book.worksheet_range("Summary").unwrap();
    assert_eq!(
        summary.get((1, 0)),
        Some(&Data::String("Satisfaction (CSAT)".into()))
    );
    let Some(Data::Float(csat)) = summary.get((1, 1)) else {
        panic!("{:?}", summary.get((1, 1)))
    };
    assert!((csat - 100.0 * 30.0 / 41.0).abs() < 1e-9);
    assert_eq!(summary.get((1, 4)), Some(&Data::Float(41.0)));
    // The service ranking names the service and counts the same answers.
    let services = book.worksheet_range("Services").unwrap();
    assert_eq!(services.get((1, 1)), Some(&Data::String("Loans".into())));
    assert_eq!(services.get((1, 5)), Some(&Data::Float(41.0)));
    // The comment is text, exactly as written, never a formula.
    let comments = book.worksheet_range("Comments").unwrap();
    assert_eq!(
        comments.get((1, 5)),
        Some(&Data::String(
            "=HYPERLINK(\"http://evil\",\"click\")".into()
        ))
    );
    let formulas = book.worksheet_formula("Comments").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    // Native charts (not pictures) on the trend and ranking sheets; frozen headers.
    let charts = (1..=4)
        .filter(|i| part(&bytes, &format!("xl/charts/chart{i}.xml")).is_some())
        .count();
    assert_eq!(charts, 3, "trend, sites and services");
    assert!(
        part(&bytes, "xl/charts/chart1.xml")
            .unwrap()
            .contains("<c:lineChart>")
    );
    let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml").unwrap();
    assert!(sheet1.contains(r#"state="frozen""#));
    assert!(!sheet1.contains("rightToLeft"));

    // In Arabic: sheet names and labels in Arabic, sheets right to left.
    let r = head
        .submit(
            "/admin/results",
            "/language",
            &[("locale", "ar"), ("back", "/admin/results")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let bytes = download(&head, "/admin/results/export.xlsx?period=day").await;
    let book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names()[0], "الملخص");
    assert!(
        part(&bytes, "xl/worksheets/sheet1.xml")
            .unwrap()
            .contains(r#"rightToLeft="1""#)
    );

    let r = head
        .submit(
            "/admin/results",
            "/language",
            &[("locale", "en"), ("back", "/admin/results")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // CSV: a BOM, the same figures, and the formula defused.
    let csv = download(
        &head,
        "/admin/results/export.csv?period=day&low=0&table=comments",
    )
    .await;
    assert!(csv.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(csv).unwrap();
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""),
        "{text}"
    );
    let csv = download(&head, "/admin/results/export.csv?period=day&table=services").await;
    let text = String::from_utf8(csv).unwrap();
    assert!(
        text.lines().nth(1).unwrap().contains("Loans,73.2,"),
        "{text}"
    );
    // An unknown table: a clear error (an HTML page for a browser's link).
    let r = head.get("/admin/results/export.csv?table=payroll").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}

async fn exports_follow_the_same_policy_as_the_page(backend: Backend) {
    let app = spawn_app(backend).await;
    fill(&app).await;
    let employee = app.w.employee;
    for (role, status) in [
        (Role::Head, 200),
        (Role::Manager, 200),
        (Role::Supervisor, 403),
        (Role::Analyst, 200),
        (Role::Employee, 403),
    ] {
        let c = app.login_as(role).await;
        for path in [
            "/admin/results/export.xlsx".to_string(),
            "/admin/results/export.csv?table=services".to_string(),
            "/admin/results/answers.csv".to_string(),
            "/admin/results/month.pdf".to_string(),
            "/admin/reports/export.pdf?metrics=csat&group=site".to_string(),
        ] {
            assert_eq!(
                c.get(&path).await.status().as_u16(),
                status,
                "{role} {path}"
            );
        }
        // One employee's export: the head only.
        let path = format!("/admin/results/export.xlsx?employee={employee}");
        let want = if role == Role::Head { 200 } else { 403 };
        assert_eq!(c.get(&path).await.status().as_u16(), want, "{role} {path}");
    }
    // A manager's workbook has no employee sheets and names nobody.
    let manager = app.login_as(Role::Manager).await;
    let bytes = download(&manager, "/admin/results/export.xlsx?period=day&low=0").await;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert!(
        !names
            .iter()
            .any(|n| n == "Employees" || n == "Employee × service")
    );
    let comments = book.worksheet_range("Comments").unwrap();
    assert!(
        comments
            .rows()
            .all(|r| !r.contains(&Data::String("Anna".into())))
    );
    let r = manager
        .get("/admin/results/export.csv?table=employees")
        .await;
    assert_eq!(
        r.status(),
        StatusCode::BAD_REQUEST,
        "no such table for them"
    );
}

async fn the_raw_answers_stream_as_csv_within_reach(backend: Backend) {
    let app = spawn_app(backend).await;
    fill(&app).await;
    // More answers than one page, at the other site, so that the export spans pages.
    let mut other: Vec<NewRating> = (0..5_100)
        .map(|_| answer(&app, app.w.question, Answer::Score(4), None))
        .collect();
    for r in &mut other {
        r.site_id = app.w.other_site;
        r.employee_id = None;
    }
    app.store.insert_ratings(app.w.org, &other).await.unwrap();

    let head = app.login_as(Role::Head).await;
    let body =
        String::from_utf8(download(&head, "/admin/results/answers.csv?period=day").await).unwrap();
    assert!(body.starts_with('\u{feff}'));
    let lines: Vec<&str> = body.trim_end().split("\r\n").collect();
    assert_eq!(
        lines.len(),
        1 + 42 + 5_100,
        "a header and every answer once"
    );
    assert!(lines[0].contains("Employee") && lines[0].contains("Comment"));
    // A comment that looks like a formula stays text.
    assert!(
        body.contains("\"'=HYPERLINK("),
        "{}",
        &lines[1..3].join("\n")
    );
    assert!(!body.contains(",=HYPERLINK"));
    assert_eq!(lines.iter().filter(|l| l.contains(",Anna,")).count(), 42);

    // The manager reaches the main site only, and sees no employee.
    let manager = app.login_as(Role::Manager).await;
    let body = String::from_utf8(download(&manager, "/admin/results/answers.csv?period=day").await)
        .unwrap();
    let lines: Vec<&str> = body.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 42);
    assert!(!lines[0].contains("Employee") && !body.contains("Anna"));
    let r = manager
        .get(&format!(
            "/admin/results/answers.csv?site={}",
            app.w.other_site
        ))
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}
