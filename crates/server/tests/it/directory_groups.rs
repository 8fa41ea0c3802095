//! The head's table of directory groups: the page (errors beside the fields, changes
//! audited) and what a row gives when its sites have closed.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, By, both_backends};

use crate::fixtures::{audit_log, audited};

both_backends! {
    the_head_keeps_the_table_of_groups;
    a_group_that_gives_only_closed_sites_gives_no_access;
}

async fn the_head_keeps_the_table_of_groups(b: Backend) {
    let app = crate::helpers::spawn_app(b).await;
    let head = app.login_as(Role::Head).await;
    let page = head.get("/admin/directory").await.text().await.unwrap();
    assert!(page.contains("No group gives access yet"), "{page}");
    // A manager's group without a reach: the error is next to the reach.
    let r = head
        .submit(
            "/admin/directory",
            "/admin/directory",
            &[("group", "rida-managers-riga"), ("role", "manager")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Choose at least one region or site")
    );
    let region = app.w.region.to_string();
    let r = head
        .submit(
            "/admin/directory",
            "/admin/directory",
            &[
                ("group", " rida-managers-riga "),
                ("role", "manager"),
                ("regions", region.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The same group twice: refused next to the group.
    let r = head
        .submit(
            "/admin/directory",
            "/admin/directory",
            &[("group", "rida-managers-riga"), ("role", "analyst")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("already in the table"));
    let rows = app.store.directory_groups(app.w.org).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (
            rows[0].group_name.as_str(),
            rows[0].role,
            &rows[0].region_ids
        ),
        ("rida-managers-riga", Role::Manager, &vec![app.w.region])
    );
    let page = head.get("/admin/directory").await.text().await.unwrap();
    assert!(
        page.contains("rida-managers-riga") && page.contains("North"),
        "{page}"
    );
    let r = head
        .submit(
            "/admin/directory",
            &format!("/admin/directory/{}/delete", rows[0].id),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        app.store
            .directory_groups(app.w.org)
            .await
            .unwrap()
            .is_empty()
    );
    let changes: Vec<String> = audit_log(&app)
        .await
        .into_iter()
        .filter(|e| e.entity == "directory_group")
        .map(|e| e.action)
        .collect();
    assert_eq!(changes, vec!["delete", "create"]);
}

async fn a_group_that_gives_only_closed_sites_gives_no_access(b: Backend) {
    let app = crate::helpers::spawn_app(b).await;
    let by = By::system("test");
    app.store
        .set_active(
            rida_store::Deactivatable::Site,
            app.w.org,
            app.w.other_site,
            false,
            &by,
        )
        .await
        .unwrap();
    let person = rida_store::DirectoryPerson {
        source: "oidc",
        external_id: "sub-closed".into(),
        username: "closed-manager".into(),
        display_name: "Closed Manager".into(),
        email: None,
        employee_number: None,
    };
    let grant = |sites: Vec<uuid::Uuid>| rida_domain::directory::Grant {
        role: Role::Manager,
        region_ids: vec![],
        site_ids: sites,
        groups: vec!["rida-managers-closed".into()],
    };
    let later = rida_store::now_ms() + 60_000;
    // Only a closed site: refused, with the reason, and audited.
    let r = app
        .store
        .directory_sign_in(
            app.w.org,
            &person,
            &grant(vec![app.w.other_site]),
            "test",
            b"t1",
            later,
        )
        .await
        .unwrap();
    assert_eq!(r.unwrap_err(), rida_store::Refusal::NoReach);
    assert!(
        app.store
            .user_id_by_username("closed-manager")
            .await
            .is_err()
    );
    let refused = audited(&app, "login_refused").await;
    assert!(
        refused
            .iter()
            .any(|r| r.contains("closed-manager") && r.contains("NoReach")),
        "{refused:?}"
    );
    // A closed site beside an open one: the open one only.
    let r = app
        .store
        .directory_sign_in(
            app.w.org,
            &person,
            &grant(vec![app.w.other_site, app.w.site]),
            "test",
            b"t2",
            later,
        )
        .await
        .unwrap();
    let id = r.unwrap().user_id;
    let user = app.store.user(app.w.org, id).await.unwrap();
    assert_eq!(user.site_ids, vec![app.w.site]);
}
