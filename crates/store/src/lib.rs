//! Rida's storage: one code base for SQLite (the default) and PostgreSQL.
//!
//! Every query is written once in SQL both backends accept (`$1` placeholders work on
//! SQLite too); [`with_db!`] expands the same code for whichever pool is connected.
//! Migrations are embedded and run at start; both backends share version numbers.

mod active;
mod alert_gather;
mod alert_notices;
mod alert_rules;
mod alerts;
mod answers;
mod audio;
mod audit;
mod auth;
mod cache;
mod choices;
mod comments;
mod connect;
mod contacts;
mod cube;
mod customers;
mod directory;
mod dispatch;
mod external;
mod fleet;
mod localized;
mod mail;
mod names;
mod operations;
mod org;
mod people;
mod periods;
mod pulse;
mod ratings;
mod readings;
mod rebuild;
mod replies;
mod reports;
mod rollups;
mod second_factor;
mod settled;
mod station;
mod surveys;
mod taps;
mod terminals;
mod theme_figures;
mod themes;
mod visits;
mod web;
mod webhooks;
mod writer;

pub use active::Deactivatable;
pub use alert_gather::{AlertAnswer, GATHER_AT_ONCE, Gathered};
pub use alert_notices::{Notice, Overdue};
pub use alert_rules::{AlertRule, AlertRuleInput};
pub use alerts::{Alert, AlertNote, ClosedAlert, NewAlert, ScoredAnswer};
pub use answers::{AnswerCursor, AnswerFilter, RawAnswer};
pub use audit::{AuditEntry, AuditFilter, By};
pub use auth::{ApiToken, LoginUser, SessionUser};
pub use cache::CACHE_TTL;
pub use choices::ChoiceRow;
pub use comments::{Comment, CommentQuery, CommentReading};
pub use connect::{Backend, ConnectOptions};
pub use contacts::{ConsentEvent, CustomerAnswer, CustomerData, CustomerVisit, VisitContact};
pub use cube::{CubeQuery, CubeRow, Dim, Filter, GroupKey};
pub use customers::{CallBack, CustomerHistory, HistoryAlert, HistoryMessage};
pub use directory::{DirectoryGroup, DirectoryPerson, Refusal, SignedIn, SignedInAccount};
pub use dispatch::{
    Delivery, DueMessage, MessageEntry, NewMessage, PlannedSurvey, SentSurvey, Unplanned,
};
pub use external::{ExternalMonth, ExternalSeries};
pub use fleet::FleetNotice;
pub use localized::Localized;
pub use mail::{DueMail, NewMail, OutboxEntry, Recipient};
pub use names::OrgNames;
pub use operations::VisitRowTotals;
pub use org::{OrgSettings, Organisation, Region, Service, ServiceInput, Site, SiteInput};
pub use people::{Employee, EmployeeInput, User, UserInput};
pub use pulse::{
    MAILED as PULSE_MAILED, MailedLink, PulseInvitee, PulseOutcome, PulsePlan, PulseRound,
};
pub use ratings::{
    FLAG_BURST, InsertOutcome, NewRating, Question, QuestionRef, RatingRefs, StoredRating,
};
pub use readings::{ReadingProgress, ThemeComment};
pub use replies::{Inbound, Received, ReplyEffect};
pub use reports::{ReportInput, SavedReport};
pub use rollups::{Counts, Grain, RollupKey};
pub use second_factor::TotpState;
pub use station::AskState;
pub use surveys::{Saved, Survey, SurveySummary};
pub use taps::TerminalBatch;
pub use terminals::{Heartbeat, Terminal, TerminalInput, TerminalLows, Versions};
pub use theme_figures::{ThemeCubeRow, ThemeFigure, ThemeQuery};
pub use themes::{OrgTheme, ThemeSet, specs as theme_specs, starting_themes};
pub use visits::{NewVisit, Visit};
pub use web::{GuardHit, WebAnswers, WebOutcome, WebSurvey, WebSurveyInput, guard_day};
pub use webhooks::{DeliveryEntry, DueDelivery, NewDelivery, Webhook};
pub use writer::RatingWriter;

use sqlx::{PgPool, SqlitePool};

/// A page of a list: which slice, and an optional search text.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub search: Option<String>,
    pub include_inactive: bool,
    pub offset: i64,
    pub limit: i64,
}

impl ListQuery {
    /// Every active entry, for choosers and internal lists (no paging).
    pub fn all() -> ListQuery {
        ListQuery::default()
    }

    /// The LIKE pattern for the search text, lower-cased; `%` matches everything.
    pub(crate) fn pattern(&self) -> String {
        like_pattern(self.search.as_deref().unwrap_or(""))
    }
}

/// A LIKE pattern (with `\` as its escape) for text containing `s`, lower-cased; `%`
/// (everything) for an empty one.
pub(crate) fn like_pattern(s: &str) -> String {
    if s.trim().is_empty() {
        return "%".to_string();
    }
    let escaped = s
        .trim()
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// One page of results and the total count behind it.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint refused the write (a duplicate name, username, external id…).
    #[error("already exists")]
    Conflict,
    /// Someone else changed the record since it was read; nothing was written.
    #[error("changed meanwhile")]
    Stale,
    #[error("{0}")]
    Config(String),
    /// The database server could not be reached at all (not started yet, restarting,
    /// the network): trying again later may work.
    #[error("{0}")]
    Unreachable(String),
    #[error("database error: {0}")]
    Db(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict,
            _ => StoreError::Db(e),
        }
    }
}

impl StoreError {
    /// Whether the database could not be reached or could not do the work just now
    /// (connections lost or all busy, the server shutting down or restarting, a
    /// statement timeout, a full disk, too many connections): nothing is wrong with the
    /// request, and the same request later may well succeed.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Unreachable(_) => true,
            StoreError::Db(e) => match e {
                sqlx::Error::Io(_)
                | sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::WorkerCrashed
                | sqlx::Error::Tls(_)
                | sqlx::Error::Protocol(_) => true,
                sqlx::Error::Database(d) => {
                    let code = d.code();
                    let code = code.as_deref().unwrap_or("");
                    // PostgreSQL: connection exceptions (08), insufficient resources (53,
                    // a full disk among them), operator intervention (57: shutdown,
                    // restart, statement timeout). SQLite: busy (5), I/O error (10),
                    // full (13).
                    code.starts_with("08")
                        || code.starts_with("53")
                        || code.starts_with("57")
                        || matches!(code, "5" | "10" | "13")
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether the connection went away under the transaction: whether it committed is
    /// unknown, so only a write that is the same however often it runs (answers under
    /// their client ids) may simply run again.
    fn lost_connection(&self) -> bool {
        match self {
            StoreError::Db(sqlx::Error::Io(_) | sqlx::Error::Protocol(_)) => true,
            StoreError::Db(sqlx::Error::Database(d)) => {
                let code = d.code();
                let code = code.as_deref().unwrap_or("");
                code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03")
            }
            _ => false,
        }
    }

    /// Whether the transaction failed only because of others running at the same time
    /// and may simply be run again: PostgreSQL chose it as a deadlock's victim (SQLSTATE
    /// 40P01) or could not serialise it (40001). Nothing of it was written.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Db(sqlx::Error::Database(d)) => {
                matches!(d.code().as_deref(), Some("40P01" | "40001"))
            }
            _ => false,
        }
    }
}

/// Below this much free space on the SQLite database's disk the instance is not ready.
const MIN_FREE_BYTES: u64 = 256 * 1024;

/// Result of a storage call.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Clone, Debug)]
enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Starts a write transaction. On SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`): a deferred transaction that reads first and writes later fails at once
/// with SQLITE_BUSY when another connection wrote in between, busy timeout or not.
pub(crate) trait BeginWrite {
    type Db: sqlx::Database;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error>>
    + Send;
}

impl BeginWrite for SqlitePool {
    type Db = sqlx::Sqlite;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error>,
    > + Send {
        self.begin_with("BEGIN IMMEDIATE")
    }
}

impl BeginWrite for PgPool {
    type Db = sqlx::Postgres;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error>,
    > + Send {
        self.begin()
    }
}

/// Runs the same code on whichever pool is connected; `$p` is bound to the pool.
macro_rules! with_db {
    ($store:expr, $p:ident => $body:expr) => {
        match &$store.db {
            $crate::Db::Sqlite($p) => $body,
            $crate::Db::Postgres($p) => $body,
        }
    };
}
pub(crate) use with_db;

/// Fails with `NotFound` unless every id is a row of `$table` owned by `$org`
/// (checked inside the caller's transaction).
macro_rules! check_owned {
    ($tx:expr, $table:literal, $org:expr, $ids:expr) => {
        for id in $ids.iter() {
            let n: i64 = sqlx::query_scalar(concat!(
                "SELECT COUNT(*) FROM ",
                $table,
                " WHERE org_id = $1 AND id = $2"
            ))
            .bind($org)
            .bind(id)
            .fetch_one(&mut *$tx)
            .await?;
            if n == 0 {
                return Err($crate::StoreError::NotFound);
            }
        }
    };
}
pub(crate) use check_owned;

/// ` FOR UPDATE` on PostgreSQL (SQLite has one writer at a time and no such clause).
pub(crate) fn for_update<DB: sqlx::Database>(_: &sqlx::Transaction<'_, DB>) -> &'static str {
    if DB::NAME == "PostgreSQL" {
        " FOR UPDATE"
    } else {
        ""
    }
}

/// Makes every terminal `WHERE` names (`$1` bound to `$value`) fetch its settings again
/// (new name, logo, survey…), inside the caller's transaction. The rows are locked in id
/// order, the order the group commit notes terminals' answers in: otherwise a change to
/// 5,000 terminals and a commit of taps from a few of them can each hold a row the other
/// waits for (a deadlock, seen at a tenth of a national network's scale).
macro_rules! refresh_terminals {
    ($tx:ident, $org:expr) => {
        $crate::refresh_terminals!($tx, "org_id", $org)
    };
    ($tx:ident, $column:literal, $value:expr) => {
        sqlx::query(&format!(
            "UPDATE terminals SET config_version = config_version + 1 WHERE id IN \
             (SELECT id FROM terminals WHERE {} = $1 ORDER BY id{})",
            $column,
            $crate::for_update(&$tx)
        ))
        .bind($value)
        .execute(&mut *$tx)
        .await?;
    };
}
pub(crate) use refresh_terminals;

/// The database, shared by every request. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
    /// Which ids exist in which organisation, for the ingest path (see `cache`).
    refs: std::sync::Arc<cache::TtlCache<ratings::RefKey, ratings::RefFact>>,
    /// Live API tokens by hash, for the ingest path (see `cache`).
    tokens: std::sync::Arc<cache::TtlCache<Vec<u8>, auth::TokenOrg>>,
    /// Each scored question's scale, for the rollups (a question's scale never changes).
    scales: std::sync::Arc<cache::TtlCache<uuid::Uuid, String>>,
    /// Write transactions run again because another one met them ([`Store::retries`]).
    retries: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The last write of answers failed for a reason other than bad input or a meeting
    /// with another writer (a full disk, the database gone): readiness checks writes.
    writes_failing: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// The names pages show, per organisation, while unchanged (see `names`).
    names: std::sync::Arc<names::NamesCache>,
    /// Figures of days that are over, while unchanged (see `settled`).
    settled: std::sync::Arc<settled::SettledCache>,
    /// Each organisation's comment reader while its themes are unchanged (see `readings`).
    readers: std::sync::Arc<readings::Readers>,
}

impl Store {
    fn new(db: Db) -> Store {
        Store {
            db,
            refs: std::sync::Arc::new(cache::TtlCache::new(cache::CACHE_TTL)),
            tokens: std::sync::Arc::new(cache::TtlCache::new(cache::CACHE_TTL)),
            scales: std::sync::Arc::new(cache::TtlCache::new(std::time::Duration::from_secs(
                24 * 3600,
            ))),
            retries: Default::default(),
            writes_failing: Default::default(),
            names: Default::default(),
            settled: Default::default(),
            readers: Default::default(),
        }
    }

    /// How many write transactions this store ran again because another transaction
    /// met them (a deadlock or a serialisation failure): for `/metrics`, and for the
    /// tests that prove writers on several instances do not meet.
    pub fn retries(&self) -> u64 {
        self.retries.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Runs a whole write transaction again, a few times with a growing random pause,
    /// when it failed only because of others writing at the same time
    /// ([`StoreError::is_transient`]); any other error, or the last attempt's, is returned.
    ///
    /// `idempotent`: the transaction writes the same however often it runs (answers
    /// under their client ids), so it may also run again when the connection was lost
    /// under it (a database restarting, a connection cut), whether or not it committed.
    pub(crate) async fn retry_transient<T, F, Fut>(
        &self,
        idempotent: bool,
        mut attempt: F,
    ) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        const ATTEMPTS: u32 = 6;
        let mut tries = 0;
        loop {
            tries += 1;
            match attempt().await {
                Err(e)
                    if (e.is_transient() || (idempotent && e.lost_connection()))
                        && tries < ATTEMPTS =>
                {
                    self.retries
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    tracing::warn!(error = %e, tries, "a write met another at the same time; trying again");
                    let ms = rand::random_range(5..=20u64) << tries;
                    tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
                }
                r => {
                    // Bad input or a duplicate says nothing of the database's health.
                    let failing = matches!(&r, Err(StoreError::Db(_)));
                    self.writes_failing
                        .store(failing, std::sync::atomic::Ordering::Relaxed);
                    return r;
                }
            }
        }
    }

    /// Whether this instance may take traffic: the database answers and, when the last
    /// write of answers failed, takes a write again (a small row of its own). A full
    /// disk makes the instance not ready until space comes back; no restart is needed.
    pub async fn ready(&self) -> Result<()> {
        self.ping().await?;
        // SQLite: a disk without room refuses the next write that grows the file, while
        // a small write may still fit in pages the file already has; look at the disk.
        if let Db::Sqlite(p) = &self.db {
            let options = p.connect_options();
            let dir = options
                .get_filename()
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."))
                .to_path_buf();
            if let Ok(fs) = rustix::fs::statvfs(&dir) {
                let free = fs.f_bavail.saturating_mul(fs.f_frsize);
                if free < MIN_FREE_BYTES {
                    return Err(StoreError::Config(format!(
                        "the disk of the database has {free} bytes free"
                    )));
                }
            }
        }
        if self
            .writes_failing
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            with_db!(self, p => {
                let mut tx = p.begin_write().await?;
                sqlx::query("INSERT INTO write_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at")
                    .bind(now_ms()).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok::<_, StoreError>(())
            })?;
            self.writes_failing
                .store(false, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    }

    /// Which backend this store talks to.
    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies every embedded migration not yet applied. Safe to call from several
    /// instances at once (PostgreSQL takes an advisory lock).
    pub async fn migrate(&self) -> Result<()> {
        match &self.db {
            Db::Sqlite(p) => sqlx::migrate!("migrations/sqlite").run(p).await?,
            Db::Postgres(p) => {
                // On a connection of its own without the statement timeout: building an
                // index over millions of answers may take longer than any request should,
                // and the connection is closed afterwards rather than given back.
                let mut conn = p.acquire().await?.detach();
                sqlx::query("SET statement_timeout = 0")
                    .execute(&mut conn)
                    .await?;
                let done = sqlx::migrate!("migrations/postgres").run(&mut conn).await;
                let _ = sqlx::Connection::close(conn).await;
                done?
            }
        }
        Ok(())
    }

    /// Whether the database answers a trivial query (for `/readyz`).
    pub async fn ping(&self) -> Result<()> {
        with_db!(self, p => sqlx::query("SELECT 1").execute(p).await.map(|_| ()))?;
        Ok(())
    }

    /// The applied migration versions, oldest first.
    pub async fn applied_migrations(&self) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = with_db!(self, p => sqlx::query_as(
            "SELECT version FROM _sqlx_migrations WHERE success = TRUE ORDER BY version"
        ).fetch_all(p).await)?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Writes a consistent copy of a SQLite database to `dest` while it is in use.
    pub async fn backup_to(&self, dest: &std::path::Path) -> Result<()> {
        match &self.db {
            Db::Sqlite(p) => {
                if dest.exists() {
                    return Err(StoreError::Config(format!(
                        "{} already exists; choose a new file name",
                        dest.display()
                    )));
                }
                sqlx::query("VACUUM INTO $1")
                    .bind(dest.to_string_lossy().to_string())
                    .execute(p)
                    .await?;
                Ok(())
            }
            Db::Postgres(_) => Err(StoreError::Config(
                "this Rida runs on PostgreSQL: back it up with pg_dump (for example `pg_dump -Fc rida > rida.dump`)".into(),
            )),
        }
    }

    /// Closes every connection.
    pub async fn close(&self) {
        with_db!(self, p => p.close().await)
    }

    /// A shared secret by name, created with `fresh` the first time any instance asks.
    pub async fn secret(&self, name: &str, fresh: Vec<u8>) -> Result<Vec<u8>> {
        with_db!(self, p => {
            sqlx::query("INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                .bind(name).bind(&fresh).execute(p).await?;
            let (v,): (Vec<u8>,) = sqlx::query_as("SELECT value FROM secrets WHERE name = $1")
                .bind(name).fetch_one(p).await?;
            Ok(v)
        })
    }
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

pub mod testing;
