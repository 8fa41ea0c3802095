//! Opening the database named by a URL, with the settings each backend needs.

use std::{path::PathBuf, str::FromStr, time::Duration};

use sqlx::{
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

use crate::{Db, Result, Store, StoreError};

/// The database products Rida runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// How to open the database.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// `sqlite://path/to/file.db` or `postgres://user:pass@host/db`.
    pub url: String,
    /// Create a missing SQLite file. Only the default location in the data directory
    /// is created silently; an explicit URL must exist unless it says `mode=rwc`.
    pub create_if_missing: bool,
    /// Most connections the pool keeps.
    pub max_connections: u32,
    /// PostgreSQL: the longest a statement may run (or wait for a lock) before the server
    /// cancels it; the request then gets a 503 with `Retry-After` instead of holding a
    /// connection (and the client) indefinitely. `None`: no limit (the command-line tools'
    /// long rebuilds and exports). SQLite has no such setting: its waits for the write lock
    /// end after the busy timeout (10 s) with the same 503.
    pub statement_timeout: Option<Duration>,
}

/// How long a connection the pool does not need stays open. A SQLite connection holds
/// its page cache and prepared statements (about 3 MB each on the demo database: 8 idle
/// connections were half of an idle instance's memory), a PostgreSQL one a server process;
/// after a quiet minute they close, and open again in a millisecond when work comes.
pub const IDLE_CONNECTION: Duration = Duration::from_secs(60);

impl Store {
    /// Opens the database the URL names. Unknown schemes, and SQLite files that do not
    /// exist (a typo would otherwise silently start an empty database), are clear errors.
    pub async fn connect(opts: &ConnectOptions) -> Result<Store> {
        let url = opts.url.trim();
        let scheme = url.split(':').next().unwrap_or("");
        match scheme {
            "sqlite" => connect_sqlite(url, opts).await,
            "postgres" | "postgresql" => {
                let mut o = PgConnectOptions::from_str(url)
                    .map_err(|e| StoreError::Config(format!("bad PostgreSQL URL: {e}")))?;
                // Every statement of Rida reads a few thousand rollup rows or writes a
                // few rows: starting parallel workers (about 10 ms each time here) and
                // compiling with JIT cost more than they ever save, and a page's reads
                // already run side by side on connections of their own.
                let mut settings = vec![
                    ("max_parallel_workers_per_gather", "0".to_string()),
                    ("jit", "off".to_string()),
                ];
                if let Some(limit) = opts.statement_timeout {
                    settings.push(("statement_timeout", format!("{}ms", limit.as_millis())));
                }
                o = o.options(settings);
                let server = format!("{}:{}", o.get_host(), o.get_port());
                let pool = PgPoolOptions::new()
                    .max_connections(opts.max_connections)
                    .idle_timeout(IDLE_CONNECTION)
                    .after_release(|conn, _| {
                        Box::pin(async move { Ok(outside_transaction::<sqlx::Postgres>(conn)) })
                    })
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(o)
                    .await
                    .map_err(|e| {
                        let e = StoreError::from(e);
                        // Not there yet (starting, restarting, the network): worth waiting
                        // for; anything else (a wrong password, no such database) is not.
                        if e.is_unavailable() {
                            StoreError::Unreachable(format!(
                                "PostgreSQL at {server} does not answer ({e})"
                            ))
                        } else {
                            StoreError::Config(format!("cannot connect to PostgreSQL: {e}"))
                        }
                    })?;
                Ok(Store::new(Db::Postgres(pool)))
            }
            "" => Err(StoreError::Config(
                "the database URL is empty: use sqlite://FILE or postgres://USER@HOST/DB".into(),
            )),
            other => Err(StoreError::Config(format!(
                "database URL scheme {other:?} is not supported: Rida is built for sqlite:// and postgres://"
            ))),
        }
    }
}

async fn connect_sqlite(url: &str, opts: &ConnectOptions) -> Result<Store> {
    let path = sqlite_path(url);
    let explicit_create = url.contains("mode=rwc");
    let memory = path.as_os_str() == ":memory:" || url.contains("mode=memory");
    if !(memory || path.exists() || opts.create_if_missing || explicit_create) {
        return Err(StoreError::Config(format!(
            "SQLite database {} does not exist. Check the path for a typo; to start a new, empty database there, add ?mode=rwc to the URL",
            path.display()
        )));
    }
    if !memory
        && let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
        && !parent.exists()
    {
        return Err(StoreError::Config(format!(
            "the folder {} for the SQLite database does not exist",
            parent.display()
        )));
    }
    let o = SqliteConnectOptions::from_str(url)
        .map_err(|e| StoreError::Config(format!("bad SQLite URL: {e}")))?
        .create_if_missing(opts.create_if_missing || explicit_create)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        // Each connection keeps its own page cache and prepared statements in the
        // process's memory: 1 MiB of pages (SQLite's default is 2; the file's pages are
        // in the system's cache anyway) and the 32 statements used last (sqlx keeps 100
        // by default; a page's reads are a dozen or two).
        .pragma("cache_size", "-1024")
        .statement_cache_capacity(32)
        // Rows come from the connection's thread through a channel of this many: at
        // sqlx's 50, a ranking of 2,000 rows woke the two threads in turn forty times,
        // and a page spent a third of its CPU time in the kernel switching them. More
        // rows in flight keep more memory after a large read: 4,096 kept 10 MB more in
        // the idle demo, 512 2 MB, 256 (no slower) about nothing.
        .row_buffer_size(256);
    let pool = SqlitePoolOptions::new()
        .max_connections(opts.max_connections)
        .idle_timeout(IDLE_CONNECTION)
        .after_release(|conn, _| {
            Box::pin(async move { Ok(outside_transaction::<sqlx::Sqlite>(conn)) })
        })
        .connect_with(o)
        .await
        .map_err(|e| StoreError::Config(format!("cannot open SQLite database: {e}")))?;
    Ok(Store::new(Db::Sqlite(pool)))
}

impl Store {
    /// On PostgreSQL, the same database through a pool of its own, with the same
    /// settings and size (connections opened when first needed), sharing this store's
    /// caches and state. The terminals' traffic uses one: a burst of taps queues for its
    /// connections, and a manager's page, on the other pool, does not wait behind it
    /// (`rida-bench scenario`: the Overview's p95 during bursts 4.0 s -> 0.18 s). SQLite
    /// keeps one pool: a single machine's, whose writes take turns anyway, and whose
    /// memory (a thread and a page cache per connection) is a small installation's.
    pub fn with_own_pool(&self) -> Store {
        let db = match &self.db {
            Db::Sqlite(p) => Db::Sqlite(p.clone()),
            Db::Postgres(p) => Db::Postgres(
                p.options()
                    .clone()
                    .connect_lazy_with((*p.connect_options()).clone()),
            ),
        };
        Store { db, ..self.clone() }
    }
}

/// Whether a connection given back to the pool may serve again: not when it is still
/// inside a transaction. A transaction that could be neither committed nor rolled back
/// (SQLite's disk full, a connection cut in the middle) leaves its connection there, and
/// the pool would hand it to the next writer, whose `BEGIN` then fails ("begin_with at
/// non-zero transaction depth") until the process restarts: measured, a third of the
/// writes failed after space came back. Closed instead, a fresh connection replaces it.
fn outside_transaction<DB: sqlx::Database>(conn: &DB::Connection) -> bool {
    use sqlx::TransactionManager;
    let clean = DB::TransactionManager::get_transaction_depth(conn) == 0;
    if !clean {
        tracing::warn!("a connection left inside a failed transaction is closed");
    }
    clean
}

/// The file path inside a `sqlite:` URL.
pub fn sqlite_path(url: &str) -> PathBuf {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    PathBuf::from(rest.split('?').next().unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_is_read_from_either_url_form() {
        assert_eq!(
            sqlite_path("sqlite://data/r.db?mode=rwc"),
            PathBuf::from("data/r.db")
        );
        assert_eq!(sqlite_path("sqlite:/abs/r.db"), PathBuf::from("/abs/r.db"));
    }
}
