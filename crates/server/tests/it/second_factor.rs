//! The second factor of local accounts: set up on the account page with a code from an
//! app (computed here by the `totp-rs` crate from the key the page shows), asked after
//! the password, each code and recovery code good once, and required by the head for
//! the roles that read results.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, both_backends};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::helpers::{Client, TestApp, password_of, spawn_app};

both_backends! {
    a_code_from_the_app_is_asked_after_the_password_and_counts_once;
    the_head_requires_a_second_factor_for_those_who_read_results;
}

/// The app's code `steps_ahead` steps of 30 s from now, for the key the page showed.
fn app_code(key: &str, steps_ahead: u64) -> String {
    let secret = Secret::Encoded(key.replace(' ', "")).to_bytes().unwrap();
    let t = TOTP::new(Algorithm::SHA1, 6, 1, 30, secret, None, "test".into()).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    t.generate(now + 30 * steps_ahead)
}

/// Sets up the second factor for the signed-in `c`: the key the page showed, and the
/// recovery codes it showed once.
async fn set_up(c: &Client) -> (String, Vec<String>) {
    let page = c.get("/account/second-factor").await.text().await.unwrap();
    let key = between(&page, "<code dir=\"ltr\">", "</code>")
        .unwrap_or_else(|| panic!("no key on {page}"));
    let r = c
        .submit(
            "/account/second-factor",
            "/account/second-factor",
            &[("code", "000000")],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a wrong first code"
    );
    let r = c
        .submit(
            "/account/second-factor",
            "/account/second-factor",
            &[("code", &app_code(&key, 0))],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    let codes: Vec<String> = page
        .split("<li><code>")
        .skip(1)
        .filter_map(|p| p.split_once("</code>").map(|(c, _)| c.to_string()))
        .collect();
    assert_eq!(codes.len(), 10, "{page}");
    (key, codes)
}

fn between(s: &str, a: &str, b: &str) -> Option<String> {
    let (_, rest) = s.split_once(a)?;
    rest.split_once(b).map(|(x, _)| x.to_string())
}

/// Password, then `code`: the answer to the code.
async fn sign_in_with_code(app: &TestApp, role: Role, code: &str) -> (Client, reqwest::Response) {
    let c = app.client();
    let r = c.login(role.as_str(), &password_of(role)).await;
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "the code is asked, no session yet"
    );
    assert!(r.text().await.unwrap().contains("The code from your app"));
    assert!(
        c.get("/admin").await.status().is_redirection(),
        "not signed in yet"
    );
    let r = c.submit("/login", "/login/code", &[("code", code)]).await;
    (c, r)
}

async fn a_code_from_the_app_is_asked_after_the_password_and_counts_once(b: Backend) {
    let app = spawn_app(b).await;
    let head = app.login_as(Role::Head).await;
    let (key, recovery) = set_up(&head).await;
    // On the account page from now on, with its recovery codes counted.
    let page = head
        .get("/account/second-factor")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("10 recovery codes left"), "{page}");

    // A wrong code: no session.
    let (c, r) = sign_in_with_code(&app, Role::Head, "123456").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(c.get("/admin").await.status().is_redirection());

    // The app's next code (a step ahead: the one that confirmed the set-up is used).
    let code = app_code(&key, 1);
    let (c, r) = sign_in_with_code(&app, Role::Head, &code).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(c.get("/admin/results").await.status(), StatusCode::OK);

    // The same code again, from another browser: refused.
    let (_, r) = sign_in_with_code(&app, Role::Head, &code).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // A recovery code, in capitals and without its dash: once.
    let typed = recovery[3].to_uppercase().replace('-', "");
    let (c, r) = sign_in_with_code(&app, Role::Head, &typed).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(c.get("/admin").await.status(), StatusCode::OK);
    let (_, r) = sign_in_with_code(&app, Role::Head, &recovery[3]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let page = head
        .get("/account/second-factor")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("9 recovery codes left"), "{page}");

    // Without the password step first, a code alone signs nobody in.
    let r = app
        .client()
        .submit("/login", "/login/code", &[("code", &app_code(&key, 0))])
        .await;
    assert!(r.status().is_redirection());
    assert_eq!(r.headers()["location"], "/login");
}

async fn the_head_requires_a_second_factor_for_those_who_read_results(b: Backend) {
    let app = spawn_app(b).await;
    let head = app.login_as(Role::Head).await;
    let manager = app.login_as(Role::Manager).await;
    let supervisor = app.login_as(Role::Supervisor).await;
    let mut org = app.store.organisation(app.w.org).await.unwrap().settings();
    org.require_second_factor = true;
    app.store
        .update_organisation(app.w.org, &org, &rida_store::By::system("test"))
        .await
        .unwrap();

    // The head's own session has no second factor: they are sent to set one up first.
    let r = head.get("/admin/results").await;
    assert!(r.status().is_redirection(), "{}", r.status());
    assert_eq!(r.headers()["location"], "/account/second-factor");
    let page = head
        .get("/account/second-factor")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("asks for a second factor"), "{page}");
    let r = manager.get("/admin/results").await;
    assert_eq!(r.headers()["location"], "/account/second-factor");
    // A supervisor reads no results: nothing changes for them.
    assert_eq!(
        supervisor.get("/admin/terminals").await.status(),
        StatusCode::OK
    );

    // Set up in the same session, the results open.
    set_up(&manager).await;
    assert_eq!(manager.get("/admin/results").await.status(), StatusCode::OK);
    // The organisation requires it: it cannot be turned off by its owner.
    let r = manager
        .submit("/account/second-factor", "/account/second-factor/off", &[])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // A lost phone: the head resets it (the head's own session has one first), and the
    // manager's sessions end.
    set_up(&head).await;
    let (_, id) = app.store.user_id_by_username("manager").await.unwrap();
    let r = head
        .submit(
            "/admin/users",
            &format!("/admin/users/{id}/second-factor/off"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(manager.get("/admin").await.status().is_redirection());
    let r = manager.get("/admin/results").await;
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
}
