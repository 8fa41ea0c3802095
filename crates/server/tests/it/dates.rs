//! Date fields follow the page's language, not the browser's: the results and report
//! pages write the period's dates with the page's digits, year-month-day, and read them
//! back typed in any digits.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, both_backends};

use crate::helpers::spawn_app;

both_backends! {
    dates_are_shown_and_read_in_the_pages_digits;
}

async fn dates_are_shown_and_read_in_the_pages_digits(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let r = head
        .submit(
            "/admin",
            "/language",
            &[("locale", "ar"), ("back", "/admin")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Typed in Arabic-Indic digits with slashes: read as 1–30 November 2026.
    let q = "period=custom&from=٢٠٢٦/١١/٠١&to=٢٠٢٦-١١-٣٠";
    for page in ["/admin/results", "/admin/operations", "/admin/reports/new"] {
        let r = head.get(&format!("{page}?{q}")).await;
        assert_eq!(r.status(), StatusCode::OK, "{page}");
        let html = r.text().await.unwrap();
        // Never the browser's own date field (it would follow the browser's language).
        assert!(!html.contains("type=\"date\" name="), "{page}");
        for (name, value) in [("from", "٢٠٢٦-١١-٠١"), ("to", "٢٠٢٦-١١-٣٠")] {
            let field = format!("name=\"{name}\" value=\"{value}\"");
            assert!(html.contains(&field), "{page}: {field} in {html}");
        }
    }
    // A date the wrong way round is refused clearly, not guessed.
    let r = head
        .get("/api/v1/results?period=custom&from=01-11-2026&to=2026-11-30")
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.text().await.unwrap().contains("yyyy-mm-dd"));
}
