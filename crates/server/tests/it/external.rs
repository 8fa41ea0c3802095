//! External figures over HTTP on both databases: a CSV with bad rows is imported with a
//! report of each bad row and the good rows kept, a second import replaces rather than
//! doubles, a file without the columns is refused whole, the figures appear beside
//! satisfaction on the results page, and a series can be removed.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, both_backends};

use crate::helpers::{Client, spawn_app};

both_backends! {
    external_figures_are_imported_with_a_report_of_the_bad_rows;
}

async fn upload(c: &Client, bytes: &[u8]) -> reqwest::Response {
    let csrf = c.csrf("/admin/external").await;
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "file",
        reqwest::multipart::Part::bytes(bytes.to_vec()).file_name("figures.csv"),
    );
    c.http
        .post(format!("{}/admin/external", c.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn external_figures_are_imported_with_a_report_of_the_bad_rows(backend: Backend) {
    let app = spawn_app(backend).await;
    let analyst = app.login_as(Role::Analyst).await;
    let today = rida_server::analytics::org_today("Europe/Riga");
    let month = format!("{}-{:02}", today.year(), today.month());
    let file = format!(
        "date;source;metric;value\n\
         {month}-01;Website;Sessions;1 000\n\
         {month}-02;Website;Sessions;3 000\n\
         {month}-02;Google;Rating;4,5\n\
         {month}-40;Website;Sessions;7\n\
         {month}-03;Website;Sessions;=HYPERLINK(\"x\")\n"
    );
    let r = upload(&analyst, file.as_bytes()).await;
    // Some rows were refused: the report says which and why; the good ones are kept.
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("3 rows imported"), "{html}");
    assert!(html.contains("2 rows not imported"));
    assert!(html.contains("Not a date") && html.contains("Not a number"));
    assert!(html.contains("&#x3d;HYPERLINK") || html.contains("=HYPERLINK"));
    let series = app.store.external_series(app.w.org).await.unwrap();
    assert_eq!(series.len(), 2);
    let sessions = series.iter().find(|s| s.metric == "Sessions").unwrap();
    assert_eq!(sessions.days, 2);

    // The same file again replaces the values, it does not add to them.
    upload(&analyst, file.as_bytes()).await;
    let series = app.store.external_series(app.w.org).await.unwrap();
    assert_eq!(series.iter().map(|s| s.days).sum::<i64>(), 3);
    let key = today.year() as i32 * 100 + today.month() as i32;
    let months = app
        .store
        .external_months(app.w.org, key * 100 + 1, key * 100 + 31)
        .await
        .unwrap();
    let m = months.iter().find(|m| m.metric == "Sessions").unwrap();
    assert_eq!((m.mean, m.days), (2000.0, 2));

    // A file without the four columns is refused whole, next to the file field.
    let r = upload(&analyst, b"day,what,value\n2026-11-01,x,1\n").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="e-file""#) && html.contains("must name the columns"));
    assert_eq!(app.store.external_series(app.w.org).await.unwrap().len(), 2);

    // Beside satisfaction on the results page, month by month.
    let head = app.login_as(Role::Head).await;
    let page = head.get("/admin/results").await.text().await.unwrap();
    assert!(
        page.contains("Website · Sessions") && page.contains("2,000.0"),
        "{page}"
    );
    // And in the Excel trend sheet: a column per series, drawn on the chart's second axis.
    let bytes = crate::exports::download(&head, "/admin/results/export.xlsx").await;
    {
        use calamine::{Data, Reader};
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
        let trend = book.worksheet_range("Trend").unwrap();
        let header: Vec<&Data> = trend.rows().next().unwrap().iter().collect();
        let col = header
            .iter()
            .position(|h| **h == Data::String("Website · Sessions".into()))
            .expect("a column for the series");
        let last = trend.rows().next_back().unwrap();
        assert_eq!(last[0], Data::String(month.clone()));
        assert_eq!(last[col], Data::Float(2000.0));
    }
    let chart = crate::exports::part(&bytes, "xl/charts/chart1.xml").unwrap();
    assert!(chart.contains("Website · Sessions"), "{chart}");
    assert_eq!(chart.matches("<c:valAx>").count(), 2, "a second value axis");

    // A manager may read results but not import; removing a series removes it.
    let manager = app.login_as(Role::Manager).await;
    assert_eq!(
        manager.get("/admin/external").await.status(),
        StatusCode::FORBIDDEN
    );
    let r = analyst
        .submit(
            "/admin/external",
            "/admin/external/delete",
            &[("source", "Google"), ("metric", "Rating")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let series = app.store.external_series(app.w.org).await.unwrap();
    assert_eq!(series.len(), 1);
}
