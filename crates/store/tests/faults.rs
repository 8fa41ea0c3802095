//! Faults leave nothing broken: SQLite on a file system that fills up (a small tmpfs, so
//! the disk is really full) refuses writes clearly and says it is not ready; once space
//! comes back every write works again and it is ready, without a restart. PostgreSQL
//! cutting every connection under load loses and doubles nothing.

mod common;

use common::{rating, world};
use rida_store::{Backend, ConnectOptions, InsertOutcome, NewRating, Store, testing::fresh_store};

const WRITERS: usize = 4;
const COMMITS: usize = 40;
const PER_COMMIT: usize = 20;

/// Four writers storing 40 commits of 20 answers each; like clients, each sends a refused
/// commit again (after checking the refusal says the database is unavailable) and
/// returns how many it had to send again.
fn writers(store: &Store, w: &common::World) -> Vec<tokio::task::JoinHandle<u64>> {
    let mut tasks = Vec::new();
    for _ in 0..WRITERS {
        let (store, org) = (store.clone(), w.org);
        let commits: Vec<Vec<NewRating>> = (0..COMMITS)
            .map(|_| {
                (0..PER_COMMIT)
                    .map(|i| rating(w, (i % 5 + 1) as i16))
                    .collect()
            })
            .collect();
        tasks.push(tokio::spawn(async move {
            let mut refused = 0;
            for rows in commits {
                loop {
                    match store.insert_ratings(org, &rows).await {
                        Ok(out) => {
                            assert!(out.iter().all(|o| *o == InsertOutcome::Stored));
                            break;
                        }
                        Err(e) => {
                            assert!(e.is_unavailable(), "{e}");
                            refused += 1;
                            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        }
                    }
                }
            }
            refused
        }));
    }
    tasks
}

/// A tmpfs of `size` mounted for the test, unmounted when dropped.
struct SmallDisk {
    dir: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = std::env::temp_dir().join(format!("rida-full-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .status()
            .expect("run mount");
        assert!(
            mounted.success(),
            "mounting a small tmpfs needs root (the test command runs as root)"
        );
        SmallDisk { dir }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Lazily: a file the pool's closing connections still hold keeps the tmpfs busy
        // until they go, and it must not stay mounted after the test.
        let _ = std::process::Command::new("umount")
            .arg("--lazy")
            .arg(&self.dir)
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn a_full_disk_refuses_writes_then_recovers_without_a_restart() {
    // Room for the migrated schema and its write-ahead log with megabytes to spare (a
    // schema that grows must not leave the disk full before the test fills it).
    let disk = SmallDisk::mount("6m");
    // Space that can be given back later.
    let filler = disk.dir.join("filler");
    std::fs::write(&filler, vec![1u8; 1_000_000]).unwrap();
    let store = Store::connect(&ConnectOptions {
        url: format!("sqlite://{}/rida.db", disk.dir.display()),
        create_if_missing: true,
        max_connections: 4,
        statement_timeout: None,
    })
    .await
    .unwrap();
    store.migrate().await.unwrap();
    let w = world(&store).await;
    store.ready().await.unwrap();
    // Answers until the disk is full: a clear error, and the instance is not ready.
    let mut full = None;
    for _ in 0..1_000 {
        let rows: Vec<_> = (0..50).map(|i| rating(&w, i % 5 + 1)).collect();
        if let Err(e) = store.insert_ratings(w.org, &rows).await {
            full = Some(e.to_string());
            break;
        }
    }
    let full = full.expect("the disk never filled up");
    assert!(full.contains("full"), "{full}");
    assert!(store.ready().await.is_err(), "ready while writes fail");
    let before = store.count_ratings(w.org).await.unwrap();
    // Space comes back: every write works again, on every connection of the pool (a
    // connection left inside the failed transaction would refuse every other write).
    std::fs::remove_file(&filler).unwrap();
    store.ready().await.unwrap();
    for _ in 0..20 {
        let rows: Vec<_> = (0..5).map(|i| rating(&w, i % 5 + 1)).collect();
        store.insert_ratings(w.org, &rows).await.unwrap();
    }
    assert_eq!(store.count_ratings(w.org).await.unwrap(), before + 100);
    // Nothing half-written: the rollups equal a recomputation.
    let written = store.rollup_cells(w.org).await.unwrap();
    store.rebuild_rollups(Some(w.org)).await.unwrap();
    assert!(written == store.rollup_cells(w.org).await.unwrap());
    store.close().await;
}

/// PostgreSQL drops every connection of the database three times while four writers
/// store answers (what a restart does to an instance): each writer, like a client, sends
/// a refused batch again; every refusal says the database is unavailable (never an
/// internal error), nothing is lost or doubled, and the pool serves again afterwards.
#[tokio::test]
async fn answers_survive_postgresql_dropping_every_connection_under_load() {
    let (store, db) = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    let tasks = writers(&store, &w);
    // Cut every connection each time another quarter of the answers is in.
    let admin = sqlx::PgPool::connect(&db.url).await.unwrap();
    let total = (WRITERS * COMMITS * PER_COMMIT) as i64;
    for k in 1..=3 {
        while store.count_ratings(w.org).await.unwrap_or(0) < total * k / 4 {
            tokio::task::yield_now().await;
        }
        // Only the clients' connections: an autovacuum worker on this database belongs
        // to the superuser, and ending it is neither ours to do nor what a restart tests.
        sqlx::query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid() \
             AND backend_type = 'client backend' AND usename = current_user",
        )
        .execute(&admin)
        .await
        .unwrap();
    }
    let mut refused = 0;
    for t in tasks {
        refused += t.await.unwrap();
    }
    // The cuts were felt (a write ran again, or a writer sent again), and nothing more.
    eprintln!(
        "runs again: {}, batches sent again: {refused}",
        store.retries()
    );
    assert!(
        store.retries() + refused > 0,
        "no write met a cut connection"
    );
    assert_eq!(store.count_ratings(w.org).await.unwrap(), total);
    store.ready().await.unwrap();
    let written = store.rollup_cells(w.org).await.unwrap();
    store.rebuild_rollups(Some(w.org)).await.unwrap();
    assert!(written == store.rollup_cells(w.org).await.unwrap());
    admin.close().await;
}

/// A statement held up longer than the statement timeout (here: waiting for a lock an
/// administrator holds) is cancelled and says the database is unavailable; the same
/// answers sent again once the lock is gone are stored, once.
#[tokio::test]
async fn a_statement_over_the_timeout_is_cancelled_as_unavailable() {
    let (store, db) = fresh_store(Backend::Postgres).await;
    let w = world(&store).await;
    let limited = Store::connect(&ConnectOptions {
        url: db.url.clone(),
        create_if_missing: false,
        max_connections: 2,
        statement_timeout: Some(std::time::Duration::from_millis(300)),
    })
    .await
    .unwrap();
    let admin = sqlx::PgPool::connect(&db.url).await.unwrap();
    let mut lock = admin.begin().await.unwrap();
    sqlx::query("LOCK TABLE ratings IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *lock)
        .await
        .unwrap();
    let rows: Vec<_> = (0..3).map(|i| rating(&w, i + 1)).collect();
    let e = limited.insert_ratings(w.org, &rows).await.unwrap_err();
    assert!(e.is_unavailable(), "{e}");
    assert!(e.to_string().contains("statement timeout"), "{e}");
    lock.rollback().await.unwrap();
    let out = limited.insert_ratings(w.org, &rows).await.unwrap();
    assert!(out.iter().all(|o| *o == InsertOutcome::Stored));
    assert_eq!(store.count_ratings(w.org).await.unwrap(), 3);
    // The pool's connections still work after the cancelled statement.
    limited.ready().await.unwrap();
    admin.close().await;
}

/// A PostgreSQL server of the test's own (initdb in a temporary folder, run as the
/// `postgres` account), so that it can be stopped and restarted without disturbing the
/// databases the other tests use.
struct OwnCluster {
    dir: std::path::PathBuf,
    port: u16,
}

const PG_BIN: &str = "/usr/lib/postgresql/15/bin";

impl OwnCluster {
    fn pg_ctl(&self, args: &[&str]) {
        let status = std::process::Command::new("runuser")
            .args(["-u", "postgres", "--", &format!("{PG_BIN}/pg_ctl")])
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(args)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run pg_ctl");
        assert!(status.success(), "pg_ctl {args:?}");
    }

    fn start() -> OwnCluster {
        let dir = std::env::temp_dir().join(format!("rida-pg-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let owned = std::process::Command::new("chown")
            .args(["postgres:postgres"])
            .arg(&dir)
            .status()
            .expect("run chown");
        assert!(
            owned.success(),
            "a cluster of the test's own needs root (the test command runs as root)"
        );
        let init = std::process::Command::new("runuser")
            .args(["-u", "postgres", "--", &format!("{PG_BIN}/initdb")])
            .args(["-A", "trust", "-U", "postgres", "-D"])
            .arg(dir.join("data"))
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run initdb");
        assert!(init.success(), "initdb");
        let c = OwnCluster { dir, port };
        c.pg_ctl(&["-w", "-o", &c.server_options(), "start"]);
        c
    }

    fn server_options(&self) -> String {
        format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.display()
        )
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// What `pg_ctlcluster 15 main restart` does: a fast shutdown (every session cut,
    /// open transactions rolled back), then a start.
    fn restart(&self) {
        self.pg_ctl(&["-w", "-m", "fast", "-o", &self.server_options(), "restart"]);
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = std::process::Command::new("runuser")
            .args(["-u", "postgres", "--", &format!("{PG_BIN}/pg_ctl")])
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .stdout(std::process::Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// PostgreSQL restarted twice while four writers store answers: while it is down the
/// store is not ready and every refused write says the database is unavailable; after
/// each restart writes work again by themselves, and nothing is lost or doubled.
#[tokio::test]
async fn answers_survive_postgresql_restarting_under_load() {
    let cluster = OwnCluster::start();
    let store = Store::connect(&ConnectOptions {
        url: cluster.url(),
        create_if_missing: false,
        max_connections: 4,
        statement_timeout: Some(std::time::Duration::from_secs(30)),
    })
    .await
    .unwrap();
    store.migrate().await.unwrap();
    let w = world(&store).await;
    let tasks = writers(&store, &w);
    let total = (WRITERS * COMMITS * PER_COMMIT) as i64;
    for k in 1..=2 {
        while store.count_ratings(w.org).await.unwrap_or(0) < total * k / 3 {
            tokio::task::yield_now().await;
        }
        cluster.restart();
    }
    // Stopped: not ready, and a write says why; started again: ready by itself.
    cluster.pg_ctl(&["-w", "-m", "fast", "stop"]);
    assert!(store.ready().await.is_err(), "ready with the database down");
    let e = store
        .insert_ratings(w.org, &[rating(&w, 3)])
        .await
        .unwrap_err();
    assert!(e.is_unavailable(), "{e}");
    cluster.pg_ctl(&["-w", "-o", &cluster.server_options(), "start"]);
    let mut refused = 0;
    for t in tasks {
        refused += t.await.unwrap();
    }
    eprintln!(
        "runs again: {}, batches sent again: {refused}",
        store.retries()
    );
    store.ready().await.unwrap();
    assert_eq!(store.count_ratings(w.org).await.unwrap(), total);
    let written = store.rollup_cells(w.org).await.unwrap();
    store.rebuild_rollups(Some(w.org)).await.unwrap();
    assert!(written == store.rollup_cells(w.org).await.unwrap());
}
