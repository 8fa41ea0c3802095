//! Sign-in through a real OpenID provider: `oidc-provider` (an OpenID Certified library)
//! on Node, started by `scripts/oidc/start.sh` on a port of its own, with the users and
//! groups of its `provider.js`. The browser's part (redirects, the provider's login
//! form, the way back) is played by an HTTP client with a cookie jar; the token
//! exchange and the key fetch are Rida's own, against the provider.

use std::time::Duration;

use reqwest::{StatusCode, redirect::Policy};
use rida_domain::{Role, directory::GroupRule};
use rida_server::{Application, Settings};
use rida_store::{Backend, By, EmployeeInput, both_backends};

use crate::fixtures::{Scripted, audited};
use crate::helpers::{TestApp, prepared, start_with};

both_backends! {
    spoiled_id_tokens_sign_nobody_in;
    directory_people_get_the_role_and_reach_their_groups_give;
    refusals_are_polite_audited_and_leave_local_sign_in_working;
}

/// A running provider (stopped, its folder removed unless the test failed, on drop).
pub struct Provider {
    _service: Scripted,
    pub issuer: String,
}

impl Provider {
    pub async fn start(port: u16) -> Provider {
        Provider::tampering(port, "").await
    }

    /// A provider that spoils the ID tokens it gives (`RIDA_OIDC_TAMPER`: signature,
    /// expired, nonce, audience, issuer); "" for none.
    pub async fn tampering(port: u16, how: &str) -> Provider {
        let service = Scripted::start(
            "oidc",
            vec![
                ("RIDA_OIDC_PORT", port.to_string()),
                ("RIDA_OIDC_TAMPER", how.to_string()),
            ],
            "OIDC_RUN_DIR",
        )
        .await;
        Provider {
            issuer: service.value("OIDC_ISSUER"),
            _service: service,
        }
    }
}

/// Rida set up with the provider at `issuer`.
async fn app_with(backend: Backend, issuer: &str) -> TestApp {
    let (store, w, db) = prepared(backend).await;
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        oidc_issuer: issuer.into(),
        oidc_client_id: "rida-test".into(),
        oidc_client_secret: "rida-test-secret".into(),
        oidc_name: "Test Directory".into(),
        ..Settings::default()
    };
    let app = Application::build(settings, store.clone())
        .await
        .expect("build app");
    TestApp::new(start_with(app).await, store, w, db)
}

/// The head's table: heads, Riga's managers (the test region), analysts, employees.
async fn map_groups(app: &TestApp) {
    let by = By::system("test");
    for (group, role, regions) in [
        ("rida-heads", Role::Head, vec![]),
        ("rida-managers-riga", Role::Manager, vec![app.w.region]),
        ("rida-analysts", Role::Analyst, vec![]),
        ("rida-employees", Role::Employee, vec![]),
    ] {
        let rule = GroupRule {
            group: group.into(),
            role,
            region_ids: regions,
            site_ids: vec![],
        };
        app.store
            .add_directory_group(app.w.org, rida_domain::new_id(), &rule, &by)
            .await
            .unwrap();
    }
}

/// One step of the browser: where it was, what came back.
pub struct Hop {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
}

fn absolute(base: &str, location: &str) -> String {
    reqwest::Url::parse(base)
        .and_then(|b| b.join(location))
        .map(|u| u.to_string())
        .unwrap_or_else(|_| location.to_string())
}

/// A fresh browser starting the directory sign-in at Rida and signing in at the
/// provider as `login`: Rida's answer when the browser comes back (or the first page of
/// Rida's that is not a redirect), with the browser for what follows.
pub async fn sign_in(rida: &str, login: &str, password: &str) -> (reqwest::Client, Hop) {
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap();
    let mut url = format!("{rida}/auth/oidc?next=/admin");
    let mut form: Option<Vec<(&str, &str)>> = None;
    for _ in 0..30 {
        let r = match form.take() {
            Some(f) => http.post(&url).form(&f).send().await.unwrap(),
            None => http.get(&url).send().await.unwrap(),
        };
        let hop = Hop {
            status: r.status(),
            location: r
                .headers()
                .get("location")
                .map(|l| l.to_str().unwrap().to_string()),
            body: r.text().await.unwrap(),
        };
        let at_rida = url.starts_with(rida);
        if at_rida && (url.contains("/auth/oidc/callback") || !hop.status.is_redirection()) {
            return (http, hop);
        }
        if let Some(next) = &hop.location {
            url = absolute(&url, next);
            continue;
        }
        // The provider's login page: its form, filled in.
        let action = hop
            .body
            .split_once("id=\"login-form\"")
            .and_then(|(_, rest)| rest.split_once("action=\""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(a, _)| a.to_string())
            .unwrap_or_else(|| panic!("no login form at {url}: {} {}", hop.status, hop.body));
        url = absolute(&url, &action);
        form = Some(vec![("login", login), ("password", password)]);
    }
    panic!("the sign-in did not come back to Rida");
}

async fn directory_people_get_the_role_and_reach_their_groups_give(b: Backend) {
    let provider = Provider::start(crate::fixtures::free_port()).await;
    let app = app_with(b, &provider.issuer).await;
    map_groups(&app).await;
    app.store
        .create_employee(
            app.w.org,
            rida_domain::new_id(),
            &EmployeeInput {
                name: "Employee E001".into(),
                external_id: Some("E001".into()),
                desk: None,
                site_ids: vec![app.w.site],
            },
            &By::system("test"),
        )
        .await
        .unwrap();

    // The sign-in page offers the directory by its name.
    let page = app.client().get("/login").await.text().await.unwrap();
    assert!(page.contains("Sign in with Test Directory"), "{page}");

    // The head: an account made at first sign-in, landing on the overview.
    let (head, hop) = sign_in(&app.addr, "head1", "head1-secret").await;
    assert_eq!(hop.status, StatusCode::SEE_OTHER, "{}", hop.body);
    assert_eq!(hop.location.as_deref(), Some("/admin"));
    let results = head
        .get(format!("{}/admin/results", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(results.status(), StatusCode::OK);
    let (org, id) = app.store.user_id_by_username("head1").await.unwrap();
    assert_eq!(org, app.w.org);
    let user = app.store.user(org, id).await.unwrap();
    assert_eq!(
        (user.role, user.display_name.as_str()),
        (Role::Head, "Head One")
    );
    assert_eq!(user.email.as_deref(), Some("head1@rida.test"));
    assert_eq!(user.source, "oidc");
    // Such an account gets no password here (it would be a second door), and it cannot
    // sign in with one.
    let local_head = app.login_as(Role::Head).await;
    let r = local_head
        .submit(
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}"),
            &[
                ("display_name", "Head One"),
                ("role", "head"),
                ("password", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("no password here"));
    let r = app.client().login("head1", "!").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // A manager of Riga's group: a manager, limited to that region, never to employees'
    // results unless the head allows it (the policy decides, whatever the source).
    let (manager, hop) = sign_in(&app.addr, "manager-riga", "manager-riga-secret").await;
    assert_eq!(hop.location.as_deref(), Some("/admin"), "{}", hop.body);
    let (_, id) = app.store.user_id_by_username("manager-riga").await.unwrap();
    let user = app.store.user(app.w.org, id).await.unwrap();
    assert_eq!(user.role, Role::Manager);
    assert_eq!(user.region_ids, vec![app.w.region]);
    let other_site = manager
        .get(format!(
            "{}/admin/results?site={}",
            app.addr, app.w.other_site
        ))
        .send()
        .await
        .unwrap();
    assert_ne!(other_site.status(), StatusCode::OK, "a site out of reach");
    let users = manager
        .get(format!("{}/admin/users", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(users.status(), StatusCode::FORBIDDEN);

    // An employee: their employee record by number, their own station, no results.
    let (employee, hop) = sign_in(&app.addr, "employee-e001", "employee-e001-secret").await;
    assert_eq!(hop.location.as_deref(), Some("/station"), "{}", hop.body);
    let r = employee
        .get(format!("{}/admin/results", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Sign-ins are audited with their source; accounts were made once each.
    let logins = audited(&app, "login").await;
    assert!(
        logins
            .iter()
            .any(|l| l.starts_with("head1: head1 (oidc, openid-connect)")),
        "{logins:?}"
    );

    // The provider restarts with a new signing key: Rida reads the keys again.
    let port = reqwest::Url::parse(&provider.issuer)
        .unwrap()
        .port()
        .unwrap();
    drop(provider);
    let provider = Provider::start(port).await;
    let (_, hop) = sign_in(&app.addr, "head1", "head1-secret").await;
    assert_eq!(hop.location.as_deref(), Some("/admin"), "{}", hop.body);
    let (_, again) = app.store.user_id_by_username("head1").await.unwrap();
    let user = app.store.user(app.w.org, again).await.unwrap();
    assert_eq!(user.role, Role::Head);

    // Taken out of the table, a group gives nothing any more: the next sign-in is refused.
    let riga = app
        .store
        .directory_groups(app.w.org)
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.group_name == "rida-managers-riga")
        .unwrap();
    app.store
        .remove_directory_group(app.w.org, riga.id, &By::system("test"))
        .await
        .unwrap();
    let (_, hop) = sign_in(&app.addr, "manager-riga", "manager-riga-secret").await;
    assert_eq!(hop.status, StatusCode::FORBIDDEN, "{}", hop.body);
    drop(provider);
}

async fn refusals_are_polite_audited_and_leave_local_sign_in_working(b: Backend) {
    let provider = Provider::start(crate::fixtures::free_port()).await;
    let app = app_with(b, &provider.issuer).await;
    map_groups(&app).await;

    // In no mapped group: a page that says why, and an entry in the audit log.
    let (_, hop) = sign_in(&app.addr, "nobody1", "nobody1-secret").await;
    assert_eq!(hop.status, StatusCode::FORBIDDEN);
    assert!(hop.body.contains("No access to Rida"), "{}", hop.body);
    assert!(hop.body.contains("none of your groups"), "{}", hop.body);
    let refused = audited(&app, "login_refused").await;
    assert!(
        refused
            .iter()
            .any(|r| r.contains("nobody1") && r.contains("in no mapped group")),
        "{refused:?}"
    );
    assert!(app.store.user_id_by_username("nobody1").await.is_err());

    // A local account already bears the directory's name: no takeover.
    let hash = rida_server::auth::hash_password("local-analyst-pass".into())
        .await
        .unwrap();
    app.store
        .create_user(
            app.w.org,
            rida_domain::new_id(),
            &rida_store::UserInput {
                username: "analyst1".into(),
                display_name: "Local analyst".into(),
                role: Role::Analyst,
                employee_id: None,
                region_ids: vec![],
                site_ids: vec![],
                email: None,
                monthly_report: false,
            },
            &hash,
            &By::system("test"),
        )
        .await
        .unwrap();
    let (_, hop) = sign_in(&app.addr, "analyst1", "analyst1-secret").await;
    assert_eq!(hop.status, StatusCode::FORBIDDEN);
    assert!(hop.body.contains("already has your name"), "{}", hop.body);

    // An employee's group, but no employee with that number.
    let (_, hop) = sign_in(&app.addr, "employee-e001", "employee-e001-secret").await;
    assert_eq!(hop.status, StatusCode::FORBIDDEN);
    assert!(hop.body.contains("employee number"), "{}", hop.body);

    // An answer whose state is not the one this browser was given: nobody signs in.
    let c = app.client();
    let start = c.get("/auth/oidc").await;
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let r = c
        .get("/auth/oidc/callback?code=anything&state=forged")
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    // Without the flow's cookie at all (another browser).
    let r = app
        .client()
        .get("/auth/oidc/callback?code=anything&state=forged")
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    // The provider gone: a clear page, and local sign-in still works.
    drop(provider);
    tokio::time::sleep(Duration::from_millis(100)).await;
    // (A loopback port nobody listens on.)
    let gone = format!("http://127.0.0.1:{}", crate::fixtures::free_port());
    let fresh = app_with(b, &gone).await;
    let c = fresh.client();
    let r = c.get("/auth/oidc").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body = r.text().await.unwrap();
    assert!(body.contains("does not answer"), "{body}");
    assert!(body.contains("name=\"password\""), "{body}");
    let r = c
        .login("head", &crate::helpers::password_of(Role::Head))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

/// The whole browser flow in headless Chromium: the button on Rida's sign-in page, the
/// provider's login form, and back to the overview, signed in as the directory's head.
#[tokio::test]
async fn a_browser_signs_in_through_the_provider_and_lands_on_the_overview() {
    use fantoccini::Locator;
    let provider = Provider::start(crate::fixtures::free_port()).await;
    let app = app_with(Backend::Sqlite, &provider.issuer).await;
    map_groups(&app).await;
    let driver = crate::browser::start_chromedriver().await;
    let b = crate::browser::browser(&driver, 1280, 860).await;
    b.goto(&format!("{}/login", app.addr)).await.unwrap();
    b.find(Locator::Css("a.sso"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The provider's own login page.
    b.wait()
        .for_element(Locator::Css("form#login-form"))
        .await
        .unwrap();
    b.find(Locator::Css("input#login"))
        .await
        .unwrap()
        .send_keys("head1")
        .await
        .unwrap();
    b.find(Locator::Css("input#password"))
        .await
        .unwrap()
        .send_keys("head1-secret")
        .await
        .unwrap();
    b.find(Locator::Css("button#submit"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Back at Rida, signed in.
    b.wait()
        .for_element(Locator::Css(".sidenav"))
        .await
        .unwrap();
    let url = b.current_url().await.unwrap();
    assert_eq!(
        (url.port(), url.path()),
        (reqwest::Url::parse(&app.addr).unwrap().port(), "/admin")
    );
    let page = b.source().await.unwrap();
    assert!(page.contains("Head One"), "the directory's name is shown");
    std::fs::write(
        crate::browser::screenshot_dir().join("oidc-signed-in.png"),
        b.screenshot().await.unwrap(),
    )
    .unwrap();
    b.close().await.unwrap();
}

/// ID tokens that do not hold up (signature, expiry, nonce, audience, issuer), from the
/// real provider with one fault injected after it made them: nobody is signed in, the page
/// says so, the attempt is audited.
async fn spoiled_id_tokens_sign_nobody_in(b: Backend) {
    for (how, why) in [
        ("signature", "Signature verification failed"),
        ("expired", "Expired"),
        ("nonce", "Invalid nonce"),
        ("audience", "Invalid audiences"),
        ("issuer", "Invalid issuer"),
    ] {
        let provider = Provider::tampering(crate::fixtures::free_port(), how).await;
        let app = app_with(b, &provider.issuer).await;
        map_groups(&app).await;
        let (browser, hop) = sign_in(&app.addr, "head1", "head1-secret").await;
        assert_eq!(hop.status, StatusCode::BAD_REQUEST, "{how}: {}", hop.body);
        assert!(
            hop.body.contains("could not be verified"),
            "{how}: {}",
            hop.body
        );
        assert!(
            browser
                .get(format!("{}/admin", app.addr))
                .send()
                .await
                .unwrap()
                .status()
                .is_redirection(),
            "{how}: not signed in"
        );
        assert!(
            app.store.user_id_by_username("head1").await.is_err(),
            "{how}"
        );
        let refused = audited(&app, "login_refused").await;
        assert!(
            refused
                .iter()
                .any(|r| r.contains("OpenID Connect") && r.contains(why)),
            "{how}: {refused:?}"
        );
    }
}
