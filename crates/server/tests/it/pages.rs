//! The admin pages as a user uses them: login, forms, errors, languages, sessions.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, ListQuery, both_backends};

use crate::helpers::{password_of, spawn_app, start};

both_backends! {
    a_wrong_password_is_refused_and_guessing_slows_down_without_locking_out;
    a_stale_or_missing_csrf_token_is_refused_and_changes_nothing;
    form_errors_appear_next_to_the_field_and_keep_what_was_typed;
    the_head_manages_the_organisation_and_every_change_is_audited;
    arabic_pages_are_right_to_left;
    changing_the_password_ends_other_sessions;
    a_second_instance_on_the_same_database_shares_sessions;
    sending_a_new_form_twice_creates_one_record;
}

async fn a_wrong_password_is_refused_and_guessing_slows_down_without_locking_out(backend: Backend) {
    // Behind a proxy that names the address, so that the test can come from several.
    let (store, w, db) = crate::helpers::prepared(backend).await;
    let settings = rida_server::Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        client_ip_header: "x-forwarded-for".into(),
        ..rida_server::Settings::default()
    };
    let built = rida_server::Application::build(settings, store.clone())
        .await
        .unwrap();
    let app = crate::helpers::TestApp::new(crate::helpers::start_with(built).await, store, w, db);
    let from = |address: &str| {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", address.parse().unwrap());
        crate::helpers::Client {
            base: app.addr.clone(),
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .default_headers(headers)
                .build()
                .unwrap(),
        }
    };
    // The head signs in from the office as usual.
    let office = from("198.51.100.7");
    assert_eq!(
        office
            .login("head", &password_of(Role::Head))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let c = from("203.0.113.9");
    let r = c.login("head", "not-the-password").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let html = r.text().await.unwrap();
    assert!(html.contains("Wrong username or password"), "{html}");
    assert!(html.contains("value=\"head\""), "the username is kept");
    // An unknown user gets the very same answer.
    let r = c.login("nobody", "whatever-password").await;
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Wrong username or password")
    );
    // Ten failures from one address: that address now waits, even with the password.
    for _ in 0..9 {
        c.login("head", "still-wrong").await;
    }
    let r = c.login("head", &password_of(Role::Head)).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = r.text().await.unwrap();
    assert!(html.contains("Try again in 1 second"), "{html}");
    // An attacker failing from many addresses cannot keep the head out of the office.
    for i in 0..60 {
        from(&format!("192.0.2.{i}")).login("head", "guess").await;
    }
    let r = office.login("head", &password_of(Role::Head)).await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "the usual place still works"
    );
    // A new place for that account waits, growing with each failure.
    let r = from("192.0.2.200")
        .login("head", &password_of(Role::Head))
        .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // Other accounts are not affected.
    assert_eq!(
        c.login("analyst", &password_of(Role::Analyst))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // The slowing down is in the audit log.
    let log = app
        .store
        .list_audit(
            app.w.org,
            &rida_store::ListQuery {
                limit: 1000,
                ..rida_store::ListQuery::all()
            },
            &Default::default(),
        )
        .await
        .unwrap();
    assert!(
        log.items.iter().any(|e| e.action == "login_throttled"),
        "audited"
    );
}

async fn a_stale_or_missing_csrf_token_is_refused_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let r = head.post_raw("/admin/regions", &[("name", "Forged")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("This form has expired"));

    // A token from before the login (another session) is stale now.
    let anon = app.client();
    let old = anon.csrf("/login").await;
    anon.login("head", &password_of(Role::Head)).await;
    let r = anon
        .post_raw("/admin/regions", &[("csrf", &old), ("name", "Stale")])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Another browser's token does not work either.
    let other = app.login_as(Role::Head).await;
    let foreign = other.csrf("/admin/regions/new").await;
    let r = head
        .post_raw("/admin/regions", &[("csrf", &foreign), ("name", "Foreign")])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    let q = ListQuery {
        limit: 100,
        ..ListQuery::default()
    };
    assert_eq!(
        app.store.list_regions(app.w.org, &q).await.unwrap().total,
        2
    );
}

async fn form_errors_appear_next_to_the_field_and_keep_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let r = head
        .submit(
            "/admin/sites/new",
            "/admin/sites",
            &[
                ("name", "  "),
                ("address", "Brīvības 1 <script>x</script>"),
                ("region_id", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"e-name\">Required."), "{html}");
    assert!(html.contains("Choose a region."));
    // What was typed comes back, escaped.
    assert!(
        html.contains("Brīvības 1 &lt;script&gt;x&lt;"),
        "the address is kept, escaped"
    );
    assert!(!html.contains("<script>x</script>"));

    // A duplicate name is reported on the name field.
    let r = head
        .submit("/admin/regions/new", "/admin/regions", &[("name", "North")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("This name is already in use.")
    );
    let q = ListQuery {
        limit: 100,
        ..ListQuery::default()
    };
    assert_eq!(
        app.store
            .list_sites(app.w.org, &q, None)
            .await
            .unwrap()
            .total,
        2
    );
}

async fn the_head_manages_the_organisation_and_every_change_is_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let r = head
        .submit(
            "/admin/regions/new",
            "/admin/regions",
            &[("name", "Vidzeme")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let list = head.get("/admin/regions").await.text().await.unwrap();
    assert!(list.contains("Vidzeme"));
    assert!(list.contains("Saved."), "the flash message shows once");
    assert!(
        !head
            .get("/admin/regions")
            .await
            .text()
            .await
            .unwrap()
            .contains("Saved.")
    );

    let region = app
        .store
        .list_regions(
            app.w.org,
            &ListQuery {
                search: Some("vidz".into()),
                limit: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let id = region.items[0].id;
    let r = head
        .submit(
            "/admin/regions",
            &format!("/admin/regions/{id}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let site = app.w.site.to_string();
    let service = app.w.service.to_string();
    let region_id = app.w.region.to_string();
    let r = head
        .submit(
            "/admin/sites/new",
            "/admin/sites",
            &[
                ("name", "Valmiera"),
                ("region_id", &region_id),
                ("services", &service),
                ("time_zone", "Europe/Riga"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = head
        .submit(
            "/admin/employees/new",
            "/admin/employees",
            &[("name", "Jānis"), ("external_id", "E77"), ("sites", &site)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = head
        .submit(
            "/admin/organisation",
            "/admin/organisation",
            &[
                ("name", "Test Bank AS"),
                ("default_locale", "lv"),
                ("time_zone", "Europe/Riga"),
                ("managers_see_employees", "1"),
                ("burst_taps", "0"),
                ("burst_seconds", "20"),
                ("min_ranked", "30"),
                ("min_shown", "2"),
                ("retention_days", "0"),
                ("phone_region", "Latvia"),
                ("contact_days", "0"),
                ("offline_notice_minutes", "soon"),
            ],
        )
        .await;
    // The burst rule needs at least one customer, anonymity at least three answers:
    // both refused next to their fields.
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains(r#"id="e-burst""#) && page.contains(r#"id="e-thresholds""#));
    assert!(page.contains(r#"id="e-retention_days""#));
    assert!(page.contains(r#"id="e-phone_region""#));
    assert!(page.contains(r#"id="e-contact_days""#));
    assert!(page.contains(r#"id="e-offline_notice_minutes""#));
    let r = head
        .submit(
            "/admin/organisation",
            "/admin/organisation",
            &[
                ("name", "Test Bank AS"),
                ("default_locale", "lv"),
                ("time_zone", "Europe/Riga"),
                ("managers_see_employees", "1"),
                ("burst_taps", "4"),
                ("burst_seconds", "30"),
                ("min_ranked", "50"),
                ("min_shown", "7"),
                ("retention_days", "60"),
                ("phone_region", "lv"),
                ("contact_days", "45"),
                ("offline_notice_minutes", "15"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        app.store
            .organisation(app.w.org)
            .await
            .unwrap()
            .managers_see_employees
    );
    let org = app.store.organisation(app.w.org).await.unwrap();
    assert_eq!((org.burst_taps, org.burst_seconds), (4, 30));
    assert_eq!((org.min_ranked, org.min_shown), (50, 7));
    assert_eq!(org.retention_days, 60);
    assert_eq!(org.phone_region.as_deref(), Some("LV"));
    assert_eq!(org.contact_days, 45);
    assert_eq!(org.offline_notice_minutes, 15);
    // Terminals read the rule with themselves.
    let t = app.store.terminal(app.w.org, app.w.terminal).await.unwrap();
    assert_eq!(
        t.burst_rule(),
        rida_domain::terminal::BurstRule {
            taps: 4,
            seconds: 30
        }
    );

    let audit = head.get("/admin/audit").await.text().await.unwrap();
    // The organisation now speaks Latvian by default, and so does the audit page.
    for expected in [
        "Vidzeme",
        "Valmiera",
        "Jānis",
        "Test Bank AS",
        "Pieteicās",
        "Deaktivizēja",
    ] {
        assert!(
            audit.contains(expected),
            "audit lacks {expected}: {}",
            &audit[audit.find("<tbody>").unwrap_or(0)..]
        );
    }
    assert_eq!(
        head.get("/admin/audit?q=valmiera").await.status(),
        StatusCode::OK
    );
}

async fn arabic_pages_are_right_to_left(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let en = head.get("/admin/sites").await.text().await.unwrap();
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
    let r = head
        .submit(
            "/admin/sites",
            "/language",
            &[("locale", "ar"), ("back", "/admin/sites")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/admin/sites");
    let ar = head.get("/admin/sites").await.text().await.unwrap();
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
    assert!(ar.contains("الفروع"));
    // The choice is kept on the account: a new login is still Arabic.
    let again = app.login_as(Role::Head).await;
    assert!(
        again
            .get("/admin")
            .await
            .text()
            .await
            .unwrap()
            .contains("dir=\"rtl\"")
    );
    // Latvian, and a browser's preference before login.
    let anon = app.client();
    let r = anon
        .http
        .get(format!("{}/login", app.addr))
        .header("accept-language", "lv-LV,lv;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(r.text().await.unwrap().contains("Pieteikties"));
}

async fn changing_the_password_ends_other_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let here = app.login_as(Role::Analyst).await;
    let elsewhere = app.login_as(Role::Analyst).await;
    let r = here
        .submit(
            "/account",
            "/account",
            &[
                ("current", "wrong"),
                ("new", "a new long password"),
                ("confirm", "a new long password"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("The current password is not right.")
    );
    let old = password_of(Role::Analyst);
    let r = here
        .submit(
            "/account",
            "/account",
            &[("current", &old), ("new", "short"), ("confirm", "short")],
        )
        .await;
    assert!(r.text().await.unwrap().contains("at least 10 characters"));
    let r = here
        .submit(
            "/account",
            "/account",
            &[
                ("current", &old),
                ("new", "a new long password"),
                ("confirm", "a new long password"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(here.get("/admin").await.status(), StatusCode::OK);
    let r = elsewhere.get("/admin").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
    assert_eq!(
        app.client()
            .login("analyst", "a new long password")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.client().login("analyst", &old).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn a_second_instance_on_the_same_database_shares_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    // The second instance opens the database on its own, as another process would.
    let own = rida_store::Store::connect(&rida_store::ConnectOptions {
        url: app.db.url.clone(),
        create_if_missing: false,
        max_connections: 2,
        statement_timeout: None,
    })
    .await
    .unwrap();
    let (second, _stop) = start(own).await;
    // Log in on the first instance, then use the same browser against the second.
    let c = app.login_as(Role::Head).await;
    let on_second = crate::helpers::Client {
        base: second,
        http: c.http.clone(),
    };
    assert_eq!(
        on_second.get("/admin/regions").await.status(),
        StatusCode::OK
    );
    // A form rendered by one instance is accepted by the other.
    let token = c.csrf("/admin/regions/new").await;
    let r = on_second
        .post_raw("/admin/regions", &[("csrf", &token), ("name", "East")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Logging out on the second ends the session on the first.
    on_second.submit("/admin", "/logout", &[]).await;
    assert_eq!(c.get("/admin").await.status(), StatusCode::SEE_OTHER);
}

async fn sending_a_new_form_twice_creates_one_record(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let page = head.get("/admin/employees/new").await.text().await.unwrap();
    let token = crate::helpers::csrf_in(&page).unwrap();
    let at = page
        .find("name=\"form_id\" value=\"")
        .expect("a new form carries its id")
        + 22;
    let form_id = page[at..at + 36].to_string();
    let site = app.w.site.to_string();
    let fields = [
        ("csrf", token.as_str()),
        ("form_id", form_id.as_str()),
        ("name", "Double Click"),
        ("sites", site.as_str()),
    ];
    // A double click, or a browser retrying after a dropped answer.
    assert_eq!(
        head.post_raw("/admin/employees", &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        head.post_raw("/admin/employees", &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let q = ListQuery {
        search: Some("double".into()),
        limit: 10,
        ..ListQuery::default()
    };
    let found = app.store.list_employees(app.w.org, &q, None).await.unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].id.to_string(), form_id);
}
