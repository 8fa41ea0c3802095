//! What the command-line tests share: a data folder (and a PostgreSQL database of its
//! own), the binary, and a server started on a free port.
#![allow(dead_code)]

use std::{
    io::{BufRead, BufReader, Write},
    path::{Path, PathBuf},
    process::{Child, Command, Output, Stdio},
};

use rida_store::{Backend, ConnectOptions, Store};

/// Where a test's Rida keeps its data: a data folder, and on PostgreSQL a database of
/// its own (the folder still holds what is not in the database).
pub struct Db {
    pub dir: Temp,
    pub url: Option<String>,
}

impl std::ops::Deref for Db {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.dir
    }
}

impl Db {
    pub async fn new(backend: Backend) -> Db {
        let url = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(rida_store::testing::fresh_postgres_url().await),
        };
        Db { dir: temp(), url }
    }

    /// The arguments that point a command at this data.
    pub fn args(&self, c: &mut Command) {
        c.arg("--data-dir").arg(self.dir.join("data"));
        if let Some(url) = &self.url {
            c.arg("--database-url").arg(url);
        }
    }
}

/// Runs an async test on both databases.
#[macro_export]
macro_rules! on_both {
    ($($name:ident;)+) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name(super::Backend::Sqlite).await
                }
                #[tokio::test]
                async fn postgres() {
                    super::$name(super::Backend::Postgres).await
                }
            }
        )+
    };
}

pub fn rida() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rida"));
    c.env_remove("RIDA_DATABASE_URL")
        .env_remove("RIDA_DATA_DIR")
        .env_remove("RIDA_LISTEN");
    c
}

/// A folder of a test's own, removed when the test is done with it; kept (and named on
/// standard error) when the test failed, for its logs and files.
pub struct Temp(PathBuf);

impl std::ops::Deref for Temp {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<std::ffi::OsStr> for Temp {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.as_os_str()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("kept for a look: {}", self.0.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

pub fn temp() -> Temp {
    let d = std::env::temp_dir().join(format!("rida-cli-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&d).unwrap();
    Temp(d)
}

pub fn run(args: &[&str], db: &Db) -> Output {
    let mut c = rida();
    c.args(args);
    db.args(&mut c);
    c.output().unwrap()
}

pub fn run_with_stdin(args: &[&str], db: &Db, input: &str) -> Output {
    let mut c = rida();
    c.args(args);
    db.args(&mut c);
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

pub fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Starts `rida serve`/`demo` on a free port; returns the child, its address and what it
/// printed before it was ready.
pub fn start(args: &[&str], db: &Db) -> (Child, String, String) {
    let mut c = rida();
    c.args(args).args(["--listen", "127.0.0.1:0"]);
    db.args(&mut c);
    let mut child = c
        .env("RIDA_LOG", "warn")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut printed = String::new();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("rida printed its address").unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if let Some(a) = line.trim().strip_prefix("Rida is running at http://") {
            break a.trim_end_matches('/').to_string();
        }
    };
    // Keep reading what it prints later (the demo's progress), as a terminal would.
    std::thread::spawn(move || for _ in lines {});
    (child, addr, printed)
}

pub async fn store_of(db: &Db) -> Store {
    Store::connect(&ConnectOptions {
        url: db
            .url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}/data/rida.db", db.dir.display())),
        create_if_missing: false,
        max_connections: 2,
        statement_timeout: None,
    })
    .await
    .unwrap()
}
