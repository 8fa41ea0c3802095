//! `rida serve` started before its PostgreSQL answers (a machine booting, the database
//! restarting) waits for it, saying so, and serves once it answers; a database that
//! refuses for another reason (a wrong password) ends at once with a clear message.

mod common;

use std::{
    io::{BufRead, BufReader},
    process::Stdio,
    sync::mpsc,
    time::Duration,
};

use common::{rida, temp};

/// A free loopback port: bound, then let go.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Forwards every connection to `port` on to the real PostgreSQL at `to`, from now on.
async fn forward(port: u16, to: String) {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            let to = to.clone();
            tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(to).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
}

/// The database URL with its host and port replaced by loopback `port`; and the
/// original `host:port`.
fn through(url: &str, port: u16) -> (String, String) {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (auth, rest) = rest.rsplit_once('@').unwrap();
    let (server, db) = rest.split_once('/').unwrap();
    let server = if server.contains(':') {
        server.to_string()
    } else {
        format!("{server}:5432")
    };
    (format!("{scheme}://{auth}@127.0.0.1:{port}/{db}"), server)
}

// Several threads: the forwarder runs while this test waits on the child's output.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_waits_for_a_postgresql_that_does_not_answer_yet() {
    let url = rida_store::testing::fresh_postgres_url().await;
    let port = free_port();
    let (waiting_url, server) = through(&url, port);
    let dir = temp();
    let mut child = rida()
        .env("RIDA_LOG", "warn")
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .args(["--database-url", &waiting_url])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines_tx, lines) = mpsc::channel::<String>();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    // It says it waits, and keeps running.
    let said = lines.recv_timeout(Duration::from_secs(60)).unwrap();
    assert!(
        said.contains("does not answer") && said.contains("trying again"),
        "{said}"
    );
    assert!(child.try_wait().unwrap().is_none(), "it gave up");
    // The database answers: it serves.
    forward(port, server).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    let addr = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let line = lines.recv_timeout(left).expect("rida never served");
        if let Some(a) = line.trim().strip_prefix("Rida is running at http://") {
            break a.trim_end_matches('/').to_string();
        }
    };
    let ready = reqwest::get(format!("http://{addr}/readyz")).await.unwrap();
    assert_eq!(ready.status(), reqwest::StatusCode::OK);
    child.kill().unwrap();
    let _ = child.wait();
}

#[test]
fn a_wrong_password_ends_at_once_with_a_clear_message() {
    let base = std::env::var("RIDA_TEST_POSTGRES_URL").expect("RIDA_TEST_POSTGRES_URL");
    let (scheme, rest) = base.split_once("://").unwrap();
    let (auth, rest) = rest.rsplit_once('@').unwrap();
    let user = auth.split(':').next().unwrap();
    let wrong = format!("{scheme}://{user}:not-the-password@{rest}");
    let dir = temp();
    let out = rida()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .args(["--database-url", &wrong])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("cannot connect to PostgreSQL"), "{said}");
    assert!(!said.contains("trying again"), "{said}");
    assert!(
        !said.contains("not-the-password"),
        "the password was printed: {said}"
    );
}
