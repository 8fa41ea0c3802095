//! Sign-in through a real directory: OpenLDAP's `slapd` (Debian's), started by
//! `scripts/ldap/start.sh` with its own test CA, StartTLS and ldaps, users with
//! `sAMAccountName` and `userPrincipalName`, `memberOf`, and a nested group
//! (`rida-managers-riga` is in `rida-managers`).

use std::process::Command;

use reqwest::StatusCode;
use rida_domain::{Role, directory::GroupRule};
use rida_server::{Application, Settings};
use rida_store::{Backend, By, both_backends};

use crate::fixtures::Scripted;
use crate::helpers::{TestApp, prepared, start_with};

both_backends! {
    directory_logins_sign_in_on_the_usual_form;
    a_directory_down_or_with_a_wrong_certificate_is_a_clear_error;
}

/// A running slapd (stopped, its folder removed unless the test failed, on drop).
pub struct Directory {
    service: Scripted,
    pub uri: String,
    pub ldaps_uri: String,
    pub ca_file: String,
}

impl Directory {
    pub async fn start() -> Directory {
        let port = crate::fixtures::free_ports(2);
        let service = Scripted::start(
            "ldap",
            vec![("RIDA_LDAP_PORT", port.to_string())],
            "LDAP_RUN_DIR",
        )
        .await;
        Directory {
            uri: service.value("LDAP_URI"),
            ldaps_uri: service.value("LDAPS_URI"),
            ca_file: service.value("LDAP_CA_FILE"),
            service,
        }
    }

    /// Makes `login` the only member of `group` (as the directory's administrator; a
    /// group must keep a member).
    pub fn only_member(&self, group: &str, login: &str) {
        let ldif = format!(
            "dn: cn={group},ou=groups,dc=rida,dc=test\nchangetype: modify\nreplace: member\nmember: uid={login},ou=people,dc=rida,dc=test\n"
        );
        let mut child = Command::new("ldapmodify")
            .args([
                "-x",
                "-H",
                &self.uri,
                "-D",
                "cn=admin,dc=rida,dc=test",
                "-w",
                "admin-secret",
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(ldif.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success(), "ldapmodify");
    }
}

fn settings(url: &str, ca_file: &str) -> Settings {
    Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        ldap_url: url.into(),
        ldap_ca_file: ca_file.into(),
        ldap_bind_dn: "cn=rida-app,ou=services,dc=rida,dc=test".into(),
        ldap_bind_password: "rida-app-secret".into(),
        ldap_user_base: "ou=people,dc=rida,dc=test".into(),
        ..Settings::default()
    }
}

async fn app_with(backend: Backend, settings: Settings) -> TestApp {
    served(backend, settings).await.0
}

/// The app and its state (to run a job by hand).
async fn served(backend: Backend, settings: Settings) -> (TestApp, rida_server::AppState) {
    let (store, w, db) = prepared(backend).await;
    let app = Application::build(settings, store.clone())
        .await
        .expect("build app");
    let state = app.state().clone();
    (TestApp::new(start_with(app).await, store, w, db), state)
}

async fn map(app: &TestApp, group: &str, role: Role, regions: Vec<uuid::Uuid>) {
    let rule = GroupRule {
        group: group.into(),
        role,
        region_ids: regions,
        site_ids: vec![],
    };
    app.store
        .add_directory_group(app.w.org, rida_domain::new_id(), &rule, &By::system("test"))
        .await
        .unwrap();
}

async fn directory_logins_sign_in_on_the_usual_form(b: Backend) {
    let dir = Directory::start().await;
    let (app, state) = served(b, settings(&dir.uri, &dir.ca_file)).await;
    map(&app, "rida-heads", Role::Head, vec![]).await;
    // The parent group only: manager-riga is in it through rida-managers-riga.
    map(
        &app,
        "cn=rida-managers,ou=groups,dc=rida,dc=test",
        Role::Manager,
        vec![app.w.region],
    )
    .await;

    // A head of the directory, by sAMAccountName, over StartTLS.
    let c = app.client();
    let r = c.login("head1", "head1-secret").await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    assert_eq!(r.headers()["location"], "/admin");
    assert_eq!(c.get("/admin/results").await.status(), StatusCode::OK);
    let (_, id) = app.store.user_id_by_username("head1").await.unwrap();
    let head = app.store.user(app.w.org, id).await.unwrap();
    assert_eq!((head.role, head.source.as_str()), (Role::Head, "ldap"));

    // By userPrincipalName, through the nested group: a manager of the region, the same
    // account whichever name they type.
    let manager_browser = app.client();
    let c = &manager_browser;
    let r = c
        .login("manager-riga@rida.test", "manager-riga-secret")
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    let (_, id) = app.store.user_id_by_username("manager-riga").await.unwrap();
    let manager = app.store.user(app.w.org, id).await.unwrap();
    assert_eq!(
        (manager.role, manager.region_ids.clone()),
        (Role::Manager, vec![app.w.region])
    );
    assert_eq!(c.get("/admin/users").await.status(), StatusCode::FORBIDDEN);

    // A wrong password, an empty one (an anonymous bind would "succeed"), an unknown name,
    // and a name with filter characters: all the same refusal.
    for (login, password) in [
        ("head1", "wrong"),
        ("head1", ""),
        ("nobody-here", "x"),
        ("*", "head1-secret"),
        ("head1)(uid=*", "head1-secret"),
    ] {
        let r = app.client().login(login, password).await;
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "{login:?} / {password:?}"
        );
    }

    // In the directory but in no mapped group: told why.
    let r = app.client().login("analyst1", "analyst1-secret").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("none of your groups"));

    // Local accounts are checked here, whatever the directory says.
    let r = app
        .client()
        .login("head", &crate::helpers::password_of(Role::Head))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The directory is asked again while people are signed in: nothing changed, nobody
    // is signed out.
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(6);
    rida_server::jobs::directory::run(&state, app.w.org, later)
        .await
        .unwrap();
    assert_eq!(
        manager_browser.get("/admin/results").await.status(),
        StatusCode::OK
    );

    // The head gives the managers' group another region: the manager's session ends at
    // the next check (what they reach changed), and they sign in again to the new reach.
    let managers = app
        .store
        .directory_groups(app.w.org)
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.role == Role::Manager)
        .unwrap();
    app.store
        .remove_directory_group(app.w.org, managers.id, &By::system("test"))
        .await
        .unwrap();
    map(
        &app,
        "cn=rida-managers,ou=groups,dc=rida,dc=test",
        Role::Manager,
        vec![app.w.other_region],
    )
    .await;
    let later = later + jiff::SignedDuration::from_mins(6);
    rida_server::jobs::directory::run(&state, app.w.org, later)
        .await
        .unwrap();
    assert!(
        manager_browser
            .get("/admin/results")
            .await
            .status()
            .is_redirection()
    );
    let r = manager_browser
        .login("manager-riga", "manager-riga-secret")
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, id) = app.store.user_id_by_username("manager-riga").await.unwrap();
    let manager = app.store.user(app.w.org, id).await.unwrap();
    assert_eq!(manager.region_ids, vec![app.w.other_region]);

    // Taken out of the group in the directory: their open session ends at the next check,
    // and the next sign-in is refused.
    dir.only_member("rida-managers-riga", "nobody1");
    let later = later + jiff::SignedDuration::from_mins(6);
    rida_server::jobs::directory::run(&state, app.w.org, later)
        .await
        .unwrap();
    let r = manager_browser.get("/admin/results").await;
    assert!(
        r.status().is_redirection() || r.status() == StatusCode::UNAUTHORIZED,
        "{}",
        r.status()
    );
    let ended = crate::fixtures::audited(&app, "logout").await;
    assert_eq!(
        ended,
        vec![
            "directory: manager-riga: in no mapped group any more",
            "directory: manager-riga: its groups now give another reach",
        ]
    );
    let r = app
        .client()
        .login("manager-riga", "manager-riga-secret")
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // ldaps:// works as well.
    let ldaps = app_with(b, settings(&dir.ldaps_uri, &dir.ca_file)).await;
    map(&ldaps, "rida-heads", Role::Head, vec![]).await;
    let r = ldaps.client().login("head1", "head1-secret").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

async fn a_directory_down_or_with_a_wrong_certificate_is_a_clear_error(b: Backend) {
    let dir = Directory::start().await;
    // A certificate from a CA Rida was not told to trust (the system's): refused, and
    // never retried without TLS.
    let app = app_with(b, settings(&dir.uri, "")).await;
    map(&app, "rida-heads", Role::Head, vec![]).await;
    let r = app.client().login("head1", "head1-secret").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body = r.text().await.unwrap();
    assert!(body.contains("directory does not answer"), "{body}");
    let log = std::fs::read_to_string(dir.service.run.join("slapd.log")).unwrap_or_default();
    assert!(
        !log.contains("BIND dn=\"uid=head1"),
        "no bind reached the directory"
    );
    // Local sign-in still works.
    let r = app
        .client()
        .login("head", &crate::helpers::password_of(Role::Head))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The directory gone: the same clear page.
    let ok = app_with(b, settings(&dir.uri, &dir.ca_file)).await;
    map(&ok, "rida-heads", Role::Head, vec![]).await;
    drop(dir);
    let r = ok.client().login("head1", "head1-secret").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);

    // Plain LDAP is refused at start unless explicitly allowed.
    let mut plain = settings("ldap://127.0.0.1:1", "");
    plain.ldap_starttls = false;
    let (store, _w, _db) = prepared(b).await;
    let err = Application::build(plain, store)
        .await
        .err()
        .expect("refused");
    assert!(format!("{err:#}").contains("plain LDAP"), "{err:#}");
}
