//! The access policy as a matrix over HTTP: every role × every route, allowed or not.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, both_backends};

use crate::helpers::{Client, TestApp, spawn_app};

/// A browser signed in as an account the directory made for `role`, with the reach the
/// local test accounts of that role have (through the same path as a directory
/// sign-in).
async fn directory_client(app: &TestApp, role: Role) -> Client {
    let token = format!("directory-session-{role}");
    let person = rida_store::DirectoryPerson {
        source: "oidc",
        external_id: format!("sub-{role}"),
        username: format!("directory-{role}"),
        display_name: format!("Directory {role}"),
        email: None,
        employee_number: (role == Role::Employee).then(|| "E1".to_string()),
    };
    let grant = rida_domain::directory::Grant {
        role,
        region_ids: if role.is_scoped() {
            vec![app.w.region]
        } else {
            vec![]
        },
        site_ids: vec![],
        groups: vec![format!("group-{role}")],
    };
    let signed = app
        .store
        .directory_sign_in(
            app.w.org,
            &person,
            &grant,
            "test",
            &rida_server::auth::hash_secret(&token),
            rida_store::now_ms() + 3_600_000,
        )
        .await
        .unwrap();
    assert!(signed.is_ok(), "{role}: {signed:?}");
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    jar.add_cookie_str(
        &format!("rida_session={token}"),
        &app.addr.parse::<reqwest::Url>().unwrap(),
    );
    Client {
        base: app.addr.clone(),
        http: reqwest::Client::builder()
            .cookie_provider(jar)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
    }
}

both_backends! {
    every_role_reaches_exactly_the_pages_it_may;
    every_role_may_change_exactly_what_it_may;
    the_menu_shows_each_role_its_groups_and_only_pages_it_may_open;
}

const OK: u16 = 200;
const NO: u16 = 403;

/// A form post: action, fields, expected status per role.
type Case<'a> = (String, Vec<(&'a str, String)>, [u16; 5]);

/// Roles in the order of the expectation columns.
const ROLES: [Role; 5] = [
    Role::Head,
    Role::Manager,
    Role::Supervisor,
    Role::Analyst,
    Role::Employee,
];

async fn every_role_reaches_exactly_the_pages_it_may(backend: Backend) {
    let app = spawn_app(backend).await;
    let (site, other, employee, survey) =
        (app.w.site, app.w.other_site, app.w.employee, app.w.survey);
    // Manager and supervisor reach the North region only: `site` is theirs, `other` is not.
    let matrix: Vec<(String, [u16; 5])> = vec![
        ("/admin".into(), [OK, OK, OK, OK, NO]),
        ("/admin/organisation".into(), [OK, NO, NO, NO, NO]),
        ("/admin/regions".into(), [OK, OK, OK, OK, NO]),
        ("/admin/regions/new".into(), [OK, NO, NO, NO, NO]),
        (
            format!("/admin/regions/{}", app.w.region),
            [OK, NO, NO, NO, NO],
        ),
        ("/admin/sites".into(), [OK, OK, OK, OK, NO]),
        ("/admin/sites/new".into(), [OK, NO, NO, NO, NO]),
        (format!("/admin/sites/{site}"), [OK, OK, OK, NO, NO]),
        (format!("/admin/sites/{other}"), [OK, NO, NO, NO, NO]),
        ("/admin/services".into(), [OK, OK, OK, OK, NO]),
        ("/admin/services/new".into(), [OK, NO, NO, NO, NO]),
        ("/admin/employees".into(), [OK, OK, OK, NO, NO]),
        ("/admin/employees/new".into(), [OK, OK, NO, NO, NO]),
        (format!("/admin/employees/{employee}"), [OK, OK, NO, NO, NO]),
        ("/admin/users".into(), [OK, NO, NO, NO, NO]),
        ("/admin/users/new".into(), [OK, NO, NO, NO, NO]),
        ("/admin/directory".into(), [OK, NO, NO, NO, NO]),
        ("/admin/tokens".into(), [OK, NO, NO, NO, NO]),
        ("/admin/audit".into(), [OK, NO, NO, NO, NO]),
        ("/admin/audit.csv".into(), [OK, NO, NO, NO, NO]),
        ("/admin/mail".into(), [OK, NO, NO, NO, NO]),
        ("/admin/survey-rules".into(), [OK, NO, NO, NO, NO]),
        ("/admin/survey-rules/new".into(), [OK, NO, NO, NO, NO]),
        ("/admin/messages".into(), [OK, NO, NO, NO, NO]),
        ("/admin/webhooks".into(), [OK, NO, NO, NO, NO]),
        ("/admin/web-surveys".into(), [OK, NO, NO, NO, NO]),
        ("/admin/web-surveys/new".into(), [OK, NO, NO, NO, NO]),
        ("/admin/web-surveys/print".into(), [OK, NO, NO, NO, NO]),
        ("/admin/alert-rules".into(), [OK, NO, NO, NO, NO]),
        ("/admin/alert-rules/new".into(), [OK, NO, NO, NO, NO]),
        ("/admin/alerts".into(), [OK, OK, NO, OK, NO]),
        ("/admin/operations".into(), [OK, OK, NO, OK, NO]),
        ("/admin/external".into(), [OK, NO, NO, OK, NO]),
        ("/admin/consent".into(), [OK, OK, NO, NO, NO]),
        ("/admin/supervision".into(), [OK, OK, OK, NO, NO]),
        ("/station".into(), [NO, NO, NO, NO, OK]),
        (
            format!("/station/status?terminal={}", app.w.terminal),
            [NO, NO, NO, NO, OK],
        ),
        ("/admin/voice".into(), [OK, NO, NO, NO, NO]),
        ("/help/metrics".into(), [OK, OK, OK, OK, NO]),
        ("/help/themes".into(), [OK, OK, OK, OK, NO]),
        ("/admin/themes".into(), [OK, NO, NO, NO, NO]),
        ("/admin/pulse".into(), [OK, OK, NO, OK, NO]),
        ("/admin/pulse/plan".into(), [OK, NO, NO, NO, NO]),
        // No round is over yet: nothing to download for who may, refused to the others.
        ("/admin/pulse/export.xlsx".into(), [404, 404, NO, 404, NO]),
        ("/admin/customers".into(), [OK, OK, NO, NO, NO]),
        ("/station/pulse".into(), [NO, NO, NO, NO, OK]),
        ("/admin/terminals".into(), [OK, OK, OK, NO, NO]),
        ("/admin/terminals/new".into(), [OK, OK, OK, NO, NO]),
        (
            format!("/admin/terminals/{}", app.w.terminal),
            [OK, OK, OK, NO, NO],
        ),
        (
            format!("/admin/terminals/{}", app.w.other_terminal),
            [OK, NO, NO, NO, NO],
        ),
        ("/admin/surveys".into(), [OK, OK, OK, OK, NO]),
        ("/admin/surveys/new".into(), [OK, NO, NO, NO, NO]),
        (format!("/admin/surveys/{survey}"), [OK, OK, OK, OK, NO]),
        (
            format!("/admin/surveys/{survey}/preview?lang=ar"),
            [OK, OK, OK, OK, NO],
        ),
        (
            format!("/admin/surveys/{survey}/kiosk?lang=ar"),
            [OK, OK, OK, OK, NO],
        ),
        (
            format!("/admin/surveys/{survey}/kiosk-config?lang=ar"),
            [OK, OK, OK, OK, NO],
        ),
        (
            format!("/admin/surveys/{survey}/questions/new"),
            [OK, NO, NO, NO, NO],
        ),
        (
            format!("/admin/surveys/{survey}/questions/csat"),
            [OK, NO, NO, NO, NO],
        ),
        ("/account".into(), [OK, OK, OK, OK, OK]),
    ];
    let mut failures = Vec::new();
    // Each role twice: a local account, and one the directory made (the policy decides,
    // whatever the source).
    let mut browsers = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        browsers.push((i, *role, "local", app.login_as(*role).await));
        browsers.push((i, *role, "directory", directory_client(&app, *role).await));
    }
    for (i, role, source, c) in browsers {
        let role = &role;
        for (path, expected) in &matrix {
            let got = c.get(path).await.status().as_u16();
            if got != expected[i] {
                failures.push(format!(
                    "{role} ({source}) GET {path}: expected {}, got {got}",
                    expected[i]
                ));
            }
        }
        // Results on the overview: only roles that may read results see a score.
        let overview = c.get("/admin").await.text().await.unwrap();
        let sees_score = overview.contains("Satisfaction (CSAT)");
        let may = matches!(role, Role::Head | Role::Manager | Role::Analyst);
        if sees_score != may {
            failures.push(format!("{role} sees the overview score: {sees_score}"));
        }
    }
    // Nobody logged in: every page sends to the login page.
    let anon = app.client();
    for (path, _) in &matrix {
        let r = anon.get(path).await;
        if r.status() != StatusCode::SEE_OTHER
            || !r.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login?next=")
        {
            failures.push(format!("anonymous GET {path}: {}", r.status()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn every_role_may_change_exactly_what_it_may(backend: Backend) {
    let app = spawn_app(backend).await;
    let (site, other, employee, region, other_region) = (
        app.w.site.to_string(),
        app.w.other_site.to_string(),
        app.w.employee.to_string(),
        app.w.region.to_string(),
        app.w.other_region.to_string(),
    );
    const DONE: u16 = 303;
    // (action, fields, expected per role)
    let cases: Vec<Case> = vec![
        (
            "/admin/regions".into(),
            vec![("name", "R".into())],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/services".into(),
            vec![("name", "S".into())],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/sites".into(),
            vec![("name", "X".into()), ("region_id", region.clone())],
            [DONE, NO, NO, NO, NO],
        ),
        (
            format!("/admin/sites/{site}"),
            vec![("name", "Main".into()), ("region_id", region.clone())],
            [DONE, DONE, DONE, NO, NO],
        ),
        (
            format!("/admin/sites/{other}"),
            vec![
                ("name", "Harbour".into()),
                ("region_id", other_region.clone()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            format!("/admin/sites/{other}/active"),
            vec![("active", "true".into())],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/employees".into(),
            vec![("name", "E".into()), ("sites", site.clone())],
            [DONE, DONE, NO, NO, NO],
        ),
        (
            "/admin/employees".into(),
            vec![("name", "F".into()), ("sites", other.clone())],
            [DONE, NO, NO, NO, NO],
        ),
        (
            format!("/admin/employees/{employee}/active"),
            vec![("active", "true".into())],
            [DONE, DONE, NO, NO, NO],
        ),
        (
            "/admin/organisation".into(),
            vec![
                ("name", "Org".into()),
                ("default_locale", "en".into()),
                ("time_zone", "UTC".into()),
                ("burst_taps", "6".into()),
                ("burst_seconds", "20".into()),
                ("min_ranked", "30".into()),
                ("min_shown", "5".into()),
                ("retention_days", "90".into()),
                ("contact_days", "30".into()),
                ("offline_notice_minutes", "10".into()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/users".into(),
            vec![
                ("username", "x".into()),
                ("display_name", "X".into()),
                ("role", "analyst".into()),
                ("password", "long enough password".into()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/directory".into(),
            vec![
                ("group", "rida-analysts".into()),
                ("role", "analyst".into()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/tokens".into(),
            vec![("name", "T".into())],
            [OK, NO, NO, NO, NO],
        ),
        (
            "/admin/webhooks".into(),
            vec![
                ("url", "https://crm.example.org/rida".into()),
                ("on_low", "1".into()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/survey-rules".into(),
            vec![
                ("site", site.clone()),
                ("channel", "sms".into()),
                ("delay_minutes", "10".into()),
                ("cap_days", "0".into()),
                ("sample_percent", "100".into()),
                ("expiry_hours", "24".into()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/web-surveys/every-site".into(),
            vec![],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/web-surveys".into(),
            vec![
                ("name", "Poster".into()),
                ("site", site.clone()),
                ("active", "on".into()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/surveys".into(),
            vec![("name", "Survey".into()), ("start", "nps".into())],
            [DONE, NO, NO, NO, NO],
        ),
        (
            format!("/admin/surveys/{}/questions", app.w.survey),
            vec![
                ("scale", "yes_no".into()),
                ("subject", "site".into()),
                ("prompt_en", "Did we help?".into()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            format!("/admin/surveys/{}/active", app.w.survey),
            vec![("active", "true".into())],
            [DONE, NO, NO, NO, NO],
        ),
        (
            "/admin/terminals".into(),
            vec![
                ("name", "T".into()),
                ("site_id", site.clone()),
                ("survey_id", app.w.survey.to_string()),
                ("locales", "en".into()),
            ],
            [DONE, DONE, DONE, NO, NO],
        ),
        (
            "/admin/terminals".into(),
            vec![
                ("name", "U".into()),
                ("site_id", other.clone()),
                ("survey_id", app.w.survey.to_string()),
                ("locales", "en".into()),
            ],
            [DONE, NO, NO, NO, NO],
        ),
        (
            format!("/admin/terminals/{}/reload", app.w.terminal),
            vec![],
            [DONE, DONE, DONE, NO, NO],
        ),
        (
            format!("/admin/terminals/{}/pair", app.w.terminal),
            vec![],
            [DONE, DONE, DONE, NO, NO],
        ),
        ("/station/ask".into(), vec![], [NO, NO, NO, NO, DONE]),
        ("/admin/pulse/open".into(), vec![], [DONE, NO, NO, NO, NO]),
        ("/station/visit/end".into(), vec![], [NO, NO, NO, NO, DONE]),
        (
            format!("/admin/terminals/{}/unpair", app.w.other_terminal),
            vec![],
            [DONE, NO, NO, NO, NO],
        ),
        ("/station/visit".into(), vec![], [NO, NO, NO, NO, DONE]),
        (
            "/account/digest".into(),
            vec![("every", "day".into())],
            [DONE, DONE, NO, DONE, NO],
        ),
        (
            "/account/monday".into(),
            vec![("on", "1".into())],
            [DONE, DONE, DONE, DONE, NO],
        ),
        (
            format!("/admin/terminals/{}/state", app.w.other_terminal),
            vec![("state", "maintenance".into())],
            [DONE, NO, NO, NO, NO],
        ),
    ];
    let mut failures = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        let c = app.login_as(*role).await;
        let token = c.csrf("/account").await;
        for (n, (action, fields, expected)) in cases.iter().enumerate() {
            let mut form: Vec<(&str, &str)> = vec![("csrf", &token)];
            // Names must be unique per role so that a second success is not a conflict.
            let unique: Vec<(&str, String)> = fields
                .iter()
                .map(|(k, v)| {
                    if ["name", "username"].contains(k)
                        && !v.starts_with("Main")
                        && !v.starts_with("Harbour")
                    {
                        (*k, format!("{v}{i}{n}"))
                    } else {
                        (*k, v.clone())
                    }
                })
                .collect();
            form.extend(unique.iter().map(|(k, v)| (*k, v.as_str())));
            let got = c.post_raw(action, &form).await.status().as_u16();
            if got != expected[i] {
                failures.push(format!(
                    "{role} POST {action}: expected {}, got {got}",
                    expected[i]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The menu groups what a person does; a role sees only the groups with something it may
/// do, and every entry it is shown opens.
async fn the_menu_shows_each_role_its_groups_and_only_pages_it_may_open(backend: Backend) {
    let app = spawn_app(backend).await;
    let groups = [
        "Results and reports",
        "Alerts",
        "Terminals and surveys",
        "Channels",
        "Organisation and people",
        "Integration",
    ];
    for role in ROLES {
        let c = app.login_as(role).await;
        let home = if role == Role::Employee {
            "/station"
        } else {
            "/admin"
        };
        let page = c.get(home).await.text().await.unwrap();
        let start = page.find("class=\"nav-full\"").expect("the menu");
        let menu = &page[start..start + page[start..].find("</nav>").unwrap()];
        let shown: Vec<&str> = groups
            .iter()
            .copied()
            .filter(|g| menu.contains(&format!("<div class=\"nav-heading\">{g}</div>")))
            .collect();
        match role {
            Role::Head => assert_eq!(shown, groups, "{role}"),
            Role::Supervisor => {
                assert!(
                    shown.contains(&"Terminals and surveys"),
                    "{role}: {shown:?}"
                );
                assert!(!shown.contains(&"Alerts") && !shown.contains(&"Integration"));
            }
            Role::Employee => assert!(shown.is_empty(), "{role}: {shown:?}"),
            _ => assert!(!shown.contains(&"Integration"), "{role}: {shown:?}"),
        }
        for href in menu.split("href=\"").skip(1) {
            let href = &href[..href.find('"').unwrap()];
            let path = href.replace("&#x2f;", "/");
            assert_eq!(c.get(&path).await.status(), StatusCode::OK, "{role} {path}");
        }
    }
}
