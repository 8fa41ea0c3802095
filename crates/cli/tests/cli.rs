//! The `rida` binary as an operator uses it: first start, demo, users, tokens, backup,
//! settings and clear errors.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::*;
use rida_store::{Backend, ConnectOptions, ListQuery, Store};

on_both! {
    the_first_start_creates_an_admin_whose_password_works;
    the_demo_builds_a_believable_organisation;
    users_tokens_and_backups_from_the_command_line;
    phone_numbers_never_reach_the_logs;
}

async fn the_first_start_creates_an_admin_whose_password_works(backend: Backend) {
    let dir = Db::new(backend).await;
    let (mut child, addr, printed) = start(&["serve"], &dir);
    let password = printed
        .split("with password")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no password in: {printed}"))
        .to_string();
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = http
        .get(format!("http://{addr}/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = login.find("name=\"csrf\" value=\"").unwrap() + 19;
    let csrf = &login[at..at + 64];
    let r = http
        .post(format!("http://{addr}/login"))
        .form(&[
            ("csrf", csrf),
            ("username", "admin"),
            ("password", &password),
            ("next", "/admin"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        http.get(format!("http://{addr}/admin"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    child.kill().unwrap();
    child.wait().unwrap();

    // A second start does not create another account or print a password.
    let (mut again, _, printed) = start(&["serve"], &dir);
    assert!(!printed.contains("with password"), "{printed}");
    again.kill().unwrap();
    again.wait().unwrap();
    let users = store_of(&dir).await;
    let org = users.first_organisation().await.unwrap().unwrap();
    assert_eq!(
        users
            .list_users(
                org.id,
                &ListQuery {
                    limit: 10,
                    ..Default::default()
                }
            )
            .await
            .unwrap()
            .total,
        1
    );
}

async fn the_demo_builds_a_believable_organisation(backend: Backend) {
    let dir = Db::new(backend).await;
    let (mut child, addr, printed) = start(&["demo", "--answers", "3000"], &dir);
    assert!(printed.contains("demo-head-pass"), "{printed}");
    // It serves at once, while the history is written: the pages say so.
    let login = reqwest::get(format!("http://{addr}/login")).await.unwrap();
    assert_eq!(login.status(), reqwest::StatusCode::OK);
    let store = store_of(&dir).await;
    let org = store.first_organisation().await.unwrap().unwrap();
    let mut n = 0;
    for _ in 0..3000 {
        n = store.count_ratings(org.id).await.unwrap();
        if n >= 3000 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(n >= 3000, "the history was written: {n}");
    // Its alerts come last: once they are there, the history is complete.
    for _ in 0..600 {
        if !store.list_alerts(org.id, None, 1).await.unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // A few terminals are simulated by the demo itself: paired and beating.
    let mut beating = 0;
    for _ in 0..300 {
        beating = store
            .list_terminals(org.id, None, &ListQuery::all())
            .await
            .unwrap()
            .items
            .iter()
            .filter(|t| t.paired && t.last_seen_at.is_some())
            .count();
        if beating >= 4 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(beating, 4, "the simulated terminals beat");
    child.kill().unwrap();
    child.wait().unwrap();
    let all = ListQuery {
        limit: 1000,
        ..Default::default()
    };
    assert_eq!(store.list_regions(org.id, &all).await.unwrap().total, 3);
    assert_eq!(store.list_sites(org.id, &all, None).await.unwrap().total, 8);
    assert_eq!(store.list_services(org.id, &all).await.unwrap().total, 6);
    assert_eq!(
        store
            .list_employees(org.id, &all, None)
            .await
            .unwrap()
            .total,
        40
    );
    let roles: std::collections::HashSet<_> = store
        .list_users(org.id, &all)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|u| u.role)
        .collect();
    assert_eq!(roles.len(), 5, "a user for every role");
    let n = store.count_ratings(org.id).await.unwrap();
    assert!((3000..3010).contains(&n), "{n}");

    // Every answer of the year exports, as CSV and as Excel, with a progress bar.
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let from = today
        .checked_sub(jiff::Span::new().days(400))
        .unwrap()
        .to_string();
    let to = today.tomorrow().unwrap().to_string();
    let csv = dir.join("answers.csv");
    let o = run(
        &[
            "export",
            "answers",
            "--from",
            &from,
            "--to",
            &to,
            "--out",
            csv.to_str().unwrap(),
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("{n} answers written")),
        "{}",
        text(&o)
    );
    let body = std::fs::read_to_string(&csv).unwrap();
    assert!(body.starts_with('\u{feff}'));
    assert_eq!(
        body.matches("\r\n").count() as i64,
        n + 1,
        "a header and a line an answer"
    );
    let xlsx = dir.join("answers.xlsx");
    let o = run(
        &[
            "export",
            "answers",
            "--from",
            &from,
            "--to",
            &to,
            "--format",
            "xlsx",
            "--lang",
            "ar",
            "--out",
            xlsx.to_str().unwrap(),
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", text(&o));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("الإجابات").unwrap();
    assert_eq!(sheet.rows().count() as i64, n + 1);
    let scores = sheet
        .rows()
        .skip(1)
        .filter(|r| matches!(r.get(7), Some(calamine::Data::Float(_))))
        .count();
    assert!(scores > 0, "scores are numbers");
    // Each answer names the language it was given in.
    let latvian = sheet
        .rows()
        .skip(1)
        .filter(|r| r.get(5) == Some(&calamine::Data::String("Latviešu".into())))
        .count();
    assert!(latvian > 0 && (latvian as i64) < n, "{latvian} of {n}");
}

async fn users_tokens_and_backups_from_the_command_line(backend: Backend) {
    let dir = Db::new(backend).await;
    // Before any organisation exists, user commands say what to do.
    let o = run(&["user", "list"], &dir);
    assert!(!o.status.success());
    assert!(text(&o).contains("no organisation yet"), "{}", text(&o));
    let (mut child, _, _) = start(&["serve"], &dir);
    child.kill().unwrap();
    child.wait().unwrap();

    let o = run_with_stdin(
        &[
            "user",
            "add",
            "Carol",
            "--role",
            "analyst",
            "--name",
            "Carol Ozola",
            "--password-stdin",
        ],
        &dir,
        "a long enough password\n",
    );
    assert!(o.status.success(), "{}", text(&o));
    let o = run_with_stdin(&["user", "add", "dan", "--password-stdin"], &dir, "short\n");
    assert!(!o.status.success());
    assert!(text(&o).contains("password"), "{}", text(&o));
    let list = text(&run(&["user", "list"], &dir));
    assert!(
        list.contains("carol") && list.contains("analyst") && list.contains("Carol Ozola"),
        "{list}"
    );
    let o = run(&["user", "passwd", "carol"], &dir);
    assert!(
        text(&o).contains("password: "),
        "a generated password is printed once"
    );

    let o = run(&["token", "create", "queue system"], &dir);
    assert!(o.status.success(), "{}", text(&o));
    let token = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert!(token.starts_with("rida_"), "{token}");
    let store = store_of(&dir).await;
    let (id, _, _) = store
        .api_token_org(&rida_server::auth::hash_secret(&token))
        .await
        .unwrap()
        .expect("token works");
    assert!(text(&run(&["token", "list"], &dir)).contains("queue system"));
    let o = run(&["token", "revoke", &id.to_string()], &dir);
    assert!(o.status.success() && text(&o).contains("within 10 seconds"));
    // A running server remembers live tokens for a few seconds; a fresh one refuses it.
    drop(store);
    assert!(
        store_of(&dir)
            .await
            .api_token_org(&rida_server::auth::hash_secret(&token))
            .await
            .unwrap()
            .is_none()
    );

    // Rollups rebuilt from the raw answers (an empty database: nothing to count).
    let o = run(&["rollup", "rebuild"], &dir);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("rollups rebuilt: 0 cells"),
        "{}",
        text(&o)
    );

    let backup = dir.join("copy.db");
    let o = run(&["backup", backup.to_str().unwrap()], &dir);
    if backend == Backend::Postgres {
        // PostgreSQL is backed up with its own tools: the command says how.
        assert!(!o.status.success());
        assert!(text(&o).contains("pg_dump"), "{}", text(&o));
        return;
    }
    assert!(o.status.success(), "{}", text(&o));
    let copy = Store::connect(&ConnectOptions {
        url: format!("sqlite://{}", backup.display()),
        create_if_missing: false,
        max_connections: 1,
        statement_timeout: None,
    })
    .await
    .unwrap();
    let org = copy.first_organisation().await.unwrap().unwrap();
    assert_eq!(
        copy.list_users(
            org.id,
            &ListQuery {
                limit: 10,
                ..Default::default()
            }
        )
        .await
        .unwrap()
        .total,
        2
    );
    // A backup never overwrites a file.
    assert!(
        !run(&["backup", backup.to_str().unwrap()], &dir)
            .status
            .success()
    );
}

#[test]
fn settings_come_from_the_file_then_the_environment_and_mistakes_are_clear() {
    let dir = temp();
    let example = rida().arg("config").output().unwrap();
    assert!(example.status.success());
    let file = dir.join("rida.toml");
    std::fs::write(&file, &example.stdout).unwrap();
    let o = rida()
        .arg("--config")
        .arg(&file)
        .arg("migrate")
        .arg("--data-dir")
        .arg(dir.join("data"))
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "the example file is accepted: {}",
        text(&o)
    );

    std::fs::write(&file, "lisen = \"127.0.0.1:1\"\n").unwrap();
    let o = rida()
        .arg("--config")
        .arg(&file)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        text(&o).contains("lisen"),
        "a typo in rida.toml is named: {}",
        text(&o)
    );

    let o = rida()
        .args([
            "migrate",
            "--database-url",
            "sqlite:///tmp/rida-no-such-dir/rida.db",
        ])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(text(&o).contains("does not exist"), "{}", text(&o));
    let o = rida()
        .args(["migrate", "--database-url", "mysql://localhost/rida"])
        .output()
        .unwrap();
    assert!(text(&o).contains("not supported"), "{}", text(&o));
    let o = rida()
        .env(
            "RIDA_DATABASE_URL",
            "postgres://rida:hunter2@127.0.0.1:1/rida",
        )
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        !text(&o).contains("hunter2"),
        "the password stays secret: {}",
        text(&o)
    );
}

async fn phone_numbers_never_reach_the_logs(backend: Backend) {
    let dir = Db::new(backend).await;
    let (mut child, _, _) = start(&["serve"], &dir);
    child.kill().unwrap();
    child.wait().unwrap();
    let o = run(&["token", "create", "queue system"], &dir);
    let token = String::from_utf8_lossy(&o.stdout).trim().to_string();
    let site = {
        let store = store_of(&dir).await;
        let org = store.first_organisation().await.unwrap().unwrap().id;
        let by = rida_store::By::system("test");
        let region = store
            .create_region(
                org,
                rida_domain::new_id(),
                "North",
                &Default::default(),
                &by,
            )
            .await
            .unwrap();
        let input = rida_store::SiteInput {
            names: Default::default(),
            region_id: region,
            name: "Main".into(),
            address: None,
            time_zone: None,
            opening_hours: None,
            service_ids: vec![],
        };
        store
            .create_site(org, rida_domain::new_id(), &input, &by)
            .await
            .unwrap()
    };
    // The most talkative logs, every request traced (logs go to standard output).
    let mut c = rida();
    c.args(["serve", "--listen", "127.0.0.1:0"]);
    dir.args(&mut c);
    let mut child = c
        .env("RIDA_LOG", "debug")
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("rida printed its address").unwrap();
        if let Some(a) = line.trim().strip_prefix("Rida is running at http://") {
            break a.trim_end_matches('/').to_string();
        }
    };
    let errors =
        std::thread::spawn(move || lines.map_while(Result::ok).collect::<Vec<_>>().join("\n"));
    let http = reqwest::Client::new();
    for (x, phone) in [
        ("L-1", "+371 2000 0089"),
        ("L-2", "+371 2000 008"),
        ("L-3", "2000 0089"),
    ] {
        let body = serde_json::json!({ "external_id": x, "site_id": site,
            "started_at": "2026-11-24T09:38:00Z", "phone": phone, "email": "anna@example.com" });
        let r = http
            .post(format!("http://{addr}/api/v1/visits"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    }
    // A malformed body that carries a number is refused without echoing it to the log.
    let r = http
        .post(format!("http://{addr}/api/v1/visits"))
        .bearer_auth(&token)
        .body(r#"{"external_id": "L-4", "phone": "+37120000089", "#)
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    child.kill().unwrap();
    child.wait().unwrap();
    let log = format!("{}\n{}", reader.join().unwrap(), errors.join().unwrap());
    assert!(log.contains("/api/v1/visits"), "requests are logged: {log}");
    for secret in ["20000089", "2000 0089", "2000008", "anna@example.com"] {
        assert!(!log.contains(secret), "{secret} in the log:\n{log}");
    }

    // On the customer's request: all their data, then erased (the number on stdin).
    let export = |dir: &Db| {
        let o = run_with_stdin(&["customer", "export"], dir, "+371 2000 0089\n");
        assert!(o.status.success(), "{}", text(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let data = export(&dir);
    assert_eq!(data["phone"], "+37120000089");
    assert_eq!(data["visits"].as_array().unwrap().len(), 1, "{data}");
    assert_eq!(data["contacts"][0]["phone"], "+37120000089");
    assert_eq!(data["contacts"][0]["email"], "anna@example.com");
    assert_eq!(data["visits"][0]["started_at"], "2026-11-24T09:38:00Z");
    // The messages sent to them and the alerts about them too (none here yet).
    assert!(
        data["survey_messages"].is_array() && data["alerts"].is_array(),
        "{data}"
    );
    let o = run_with_stdin(&["customer", "erase"], &dir, "+37120000089\n");
    assert!(!o.status.success() && text(&o).contains("--yes"));
    let o = run_with_stdin(&["customer", "erase", "--yes"], &dir, "+37120000089\n");
    assert!(text(&o).contains("1 visits unlinked"), "{}", text(&o));
    let data = export(&dir);
    assert!(data["visits"].as_array().unwrap().is_empty());
    assert!(data["contacts"].as_array().unwrap().is_empty());
    // The two visits whose number could not be read are the address's: erased by it.
    let by_mail = run_with_stdin(&["customer", "export"], &dir, "anna@example.com\n");
    let by_mail: serde_json::Value = serde_json::from_slice(&by_mail.stdout).unwrap();
    assert_eq!(by_mail["visits"].as_array().unwrap().len(), 2, "{by_mail}");
    let o = run_with_stdin(&["customer", "erase", "--yes"], &dir, "anna@example.com\n");
    assert!(text(&o).contains("2 visits unlinked"), "{}", text(&o));
    let store = store_of(&dir).await;
    let org = store.first_organisation().await.unwrap().unwrap().id;
    let visits = rida_store::testing::all_visits(&store, org).await;
    assert_eq!(visits.len(), 3, "the visits stay, anonymous");
    assert!(visits.iter().all(|v| v.customer_key.is_none()));
    let o = run_with_stdin(&["customer", "export"], &dir, "not a number\n");
    assert!(!o.status.success() && text(&o).contains("phone number"));
}
