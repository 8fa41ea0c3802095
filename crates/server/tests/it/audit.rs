//! The audit log for IT: narrowed by kind, actor and dates, downloaded as CSV (read back
//! with the `csv` crate), and kept only as long as the organisation says.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, both_backends};

use crate::helpers::{Client, spawn_app};

both_backends! {
    the_audit_log_is_narrowed_and_downloaded_as_csv;
    the_audit_log_keeps_entries_as_long_as_the_organisation_says;
}

/// The CSV download at `query`: its rows (without the header).
async fn csv_rows(c: &Client, query: &str) -> Vec<Vec<String>> {
    let r = c.get(&format!("/admin/audit.csv?{query}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let body = r.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["at_utc", "actor", "action", "entity", "entity_id", "detail"]
    );
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

async fn the_audit_log_is_narrowed_and_downloaded_as_csv(b: Backend) {
    let app = spawn_app(b).await;
    let head = app.login_as(Role::Head).await;
    app.login_as(Role::Manager).await;
    let wrong = app.client().login("manager", "not the password").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);

    // Every sign-in, and only sign-ins.
    let logins = csv_rows(&head, "action=login").await;
    assert!(logins.len() >= 2, "{logins:?}");
    assert!(logins.iter().all(|r| r[2] == "login"), "{logins:?}");
    assert!(logins.iter().any(|r| r[1] == "head") && logins.iter().any(|r| r[1] == "manager"));
    // The failure, by its actor.
    let failed = csv_rows(&head, "action=login_failed&actor=manag").await;
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(
        failed[0][0].ends_with('Z'),
        "times in UTC: {}",
        failed[0][0]
    );
    // Dates: nothing tomorrow; everything today (in the organisation's zone).
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Riga").unwrap())
        .date();
    let tomorrow = today.tomorrow().unwrap();
    assert!(
        csv_rows(&head, &format!("from={tomorrow}"))
            .await
            .is_empty()
    );
    let all = csv_rows(&head, &format!("from={today}&to={today}")).await;
    assert!(all.len() > logins.len());

    // The page shows the same narrowing, and keeps it from page to page.
    let page = head
        .get("/admin/audit?action=login_failed")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Failed sign-in"), "{page}");
    assert!(!page.contains("<td>Signed in"), "{page}");
    assert!(
        page.contains("audit.csv?q=&amp;action=login_failed"),
        "{page}"
    );

    // IT's download is the head's alone.
    let manager = app.login_as(Role::Manager).await;
    assert_eq!(
        manager.get("/admin/audit.csv").await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn the_audit_log_keeps_entries_as_long_as_the_organisation_says(b: Backend) {
    let app = spawn_app(b).await;
    let head = app.login_as(Role::Head).await;
    // Between 30 days and ten years, or 0 (for ever); anything else is refused beside it.
    let mut org = app.store.organisation(app.w.org).await.unwrap();
    assert_eq!(org.audit_days, 0);
    let page = head.get("/admin/organisation").await.text().await.unwrap();
    assert!(page.contains("name=\"audit_days\""), "{page}");
    let mut settings = org.settings();
    settings.audit_days = 90;
    app.store
        .update_organisation(app.w.org, &settings, &rida_store::By::system("test"))
        .await
        .unwrap();
    org = app.store.organisation(app.w.org).await.unwrap();
    assert_eq!(org.audit_days, 90);

    // Entries before the cut go, and the log says so.
    let before = csv_rows(&head, "").await.len();
    assert!(before > 0);
    let gone = app
        .store
        .forget_audit_before(app.w.org, rida_store::now_ms() + 1)
        .await
        .unwrap();
    assert_eq!(gone as usize, before);
    let after = csv_rows(&head, "").await;
    assert_eq!(after.len(), 1, "{after:?}");
    assert_eq!(
        (after[0][2].as_str(), after[0][3].as_str()),
        ("retention", "audit_log")
    );
}
