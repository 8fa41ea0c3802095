//! Fresh databases for tests: a new SQLite file or a new PostgreSQL database per test.
//!
//! PostgreSQL tests read the server from `RIDA_TEST_POSTGRES_URL` (the README's test
//! command starts PostgreSQL and sets it); a missing variable fails the test loudly
//! rather than skipping it.

use rida_domain::{
    Scale, SurveyDef, SurveyQuestion, Texts,
    survey::{ChoiceOption, Condition, ShowIf, Subject},
};

use crate::{Backend, ConnectOptions, Store};

/// A small counter survey: a smiley (`csat`), then, after a score of 2 or less, the
/// reasons (`reasons`: `wait`, `staff`; several allowed) and a comment (`comment`).
pub fn sample_survey() -> SurveyDef {
    let question = |key: &str, scale, en: &str, ar: &str| SurveyQuestion {
        id: uuid::Uuid::nil(),
        key: key.into(),
        scale,
        subject: Subject::Site,
        prompt: Texts::new(en, ar, ""),
        choices: vec![],
        show_if: None,
        area: None,
        servqual: None,
        callback: false,
    };
    let low = Some(ShowIf {
        question: "csat".into(),
        condition: Condition::ScoreAtMost(2),
    });
    let mut reasons = question(
        "reasons",
        Scale::MultiChoice,
        "What went wrong?",
        "ما الخطأ؟",
    );
    reasons.choices = [("wait", "Long wait"), ("staff", "Staff")]
        .map(|(k, en)| ChoiceOption {
            key: k.into(),
            label: Texts::new(en, "", ""),
        })
        .to_vec();
    reasons.show_if = low.clone();
    let mut comment = question("comment", Scale::Text, "Tell us more", "أخبرنا المزيد");
    comment.show_if = low;
    SurveyDef {
        questions: vec![
            question("csat", Scale::Csat5, "How was it?", "كيف كانت؟"),
            reasons,
            comment,
        ],
    }
}

/// A migrated, empty store on the given backend. Keep the returned guard alive for the test.
pub async fn fresh_store(backend: Backend) -> (Store, TempDb) {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(format!("rida-test-{}", uuid::Uuid::new_v4()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let url = format!("sqlite://{}/rida.db", dir.display());
            let store = Store::connect(&ConnectOptions {
                url: url.clone(),
                create_if_missing: true,
                max_connections: 4,
                statement_timeout: None,
            })
            .await
            .expect("open SQLite");
            store.migrate().await.expect("migrate SQLite");
            (
                store,
                TempDb {
                    dir: Some(dir),
                    url,
                },
            )
        }
        Backend::Postgres => {
            let url = fresh_postgres_url().await;
            let store = Store::connect(&ConnectOptions {
                url: url.clone(),
                create_if_missing: false,
                max_connections: 4,
                statement_timeout: None,
            })
            .await
            .expect("connect PostgreSQL");
            store.migrate().await.expect("migrate PostgreSQL");
            (store, TempDb { dir: None, url })
        }
    }
}

/// Creates an empty PostgreSQL database and returns its URL.
pub async fn fresh_postgres_url() -> String {
    let base = std::env::var("RIDA_TEST_POSTGRES_URL").expect(
        "RIDA_TEST_POSTGRES_URL is not set: run the tests with ./scripts/test (it starts PostgreSQL)",
    );
    // One run's databases share a prefix (scripts/test sets it), so that the run drops
    // its own and never another run's on the same server.
    let prefix = std::env::var("RIDA_TEST_DB_PREFIX")
        .ok()
        .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .unwrap_or_else(|| "rida_test_".into());
    let name = format!("{prefix}{}", uuid::Uuid::new_v4().simple());
    let admin = sqlx::PgPool::connect(&base)
        .await
        .expect("connect to RIDA_TEST_POSTGRES_URL");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin)
        .await
        .expect("create test database");
    admin.close().await;
    match base.rsplit_once('/') {
        Some((server, _db)) => format!("{server}/{name}"),
        None => panic!("RIDA_TEST_POSTGRES_URL must end in /DATABASE"),
    }
}

/// Removes a test's SQLite folder when dropped.
pub struct TempDb {
    dir: Option<std::path::PathBuf>,
    /// The database's URL, to open it again as another instance would.
    pub url: String,
}

impl Drop for TempDb {
    fn drop(&mut self) {
        if let Some(d) = &self.dir {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

/// Runs async test stories on both backends: `both_backends! { story_fn; }` generates
/// `story_fn::sqlite` and `story_fn::postgres`, each calling `story_fn(backend)`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident;)+) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::Backend::Postgres).await
                }
            }
        )+
    };
}

/// Every rating of `org`, oldest first (for tests that cannot know the client ids).
pub async fn all_ratings(store: &Store, org: uuid::Uuid) -> Vec<crate::StoredRating> {
    let sql = format!(
        "SELECT {} FROM ratings WHERE org_id = $1 ORDER BY seq",
        crate::ratings::RATING_COLUMNS
    );
    crate::with_db!(store, p => sqlx::query_as(&sql).bind(org).fetch_all(p).await).unwrap()
}

/// From the SQL views for reporting tools: (answers in `bi_answers`, answers counted in
/// `bi_daily_scores`, bursts in `bi_daily_scores`).
pub async fn bi_view_totals(store: &Store, org: uuid::Uuid) -> (i64, i64, i64) {
    crate::with_db!(store, p => {
        let (a,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM bi_answers WHERE org_id = $1")
            .bind(org).fetch_one(p).await.unwrap();
        let (n, b): (i64, i64) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(answers), 0) AS BIGINT), CAST(COALESCE(SUM(bursts), 0) AS BIGINT) FROM bi_daily_scores WHERE org_id = $1")
            .bind(org).fetch_one(p).await.unwrap();
        (a, n, b)
    })
}

/// A single-point rating terminal at `site` showing `survey`, in English, Arabic and
/// Latvian; tests change what they need with `..terminal_input(…)`.
pub fn terminal_input(
    name: &str,
    site: uuid::Uuid,
    survey: Option<uuid::Uuid>,
) -> crate::TerminalInput {
    crate::TerminalInput {
        name: name.into(),
        site_id: site,
        mode: rida_domain::terminal::Mode::Single,
        kind: rida_domain::terminal::Kind::Kiosk,
        service_id: None,
        employee_id: None,
        survey_id: survey,
        locales: vec![
            rida_domain::Locale::En,
            rida_domain::Locale::Ar,
            rida_domain::Locale::Lv,
        ],
        show_staff: false,
    }
}

/// A visit as stored, for tests that recompute figures from the raw visits.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RawVisit {
    pub id: uuid::Uuid,
    pub site_id: Option<uuid::Uuid>,
    pub service_id: Option<uuid::Uuid>,
    pub employee_id: Option<uuid::Uuid>,
    pub customer_key: Option<String>,
    pub arrived_at: Option<i64>,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub local_day: i32,
    pub answered_at: Option<i64>,
    pub target_wait_s: Option<i32>,
    pub target_handle_s: Option<i32>,
    pub next_visit_at: Option<i64>,
}

impl RawVisit {
    /// What the visit contributes to the operational metrics, by the domain's rule.
    pub fn totals(&self) -> rida_domain::metrics::operations::VisitTotals {
        rida_domain::metrics::operations::VisitTotals::of(
            &rida_domain::metrics::operations::VisitTimes {
                arrived_at: self.arrived_at,
                started_at: self.started_at,
                ended_at: self.ended_at,
                answered: self.answered_at.is_some(),
                target_wait_s: self.target_wait_s,
                target_handle_s: self.target_handle_s,
            },
        )
    }
}

/// Every visit of `org`.
pub async fn all_visits(store: &Store, org: uuid::Uuid) -> Vec<RawVisit> {
    crate::with_db!(store, p => sqlx::query_as(
        "SELECT id, site_id, service_id, employee_id, customer_key, arrived_at, started_at, ended_at, local_day, answered_at, target_wait_s, target_handle_s, next_visit_at FROM visits WHERE org_id = $1")
        .bind(org).fetch_all(p).await).unwrap()
}

/// As if the organisation's comments had been stored before readings existed: its
/// readings and theme counts gone, the first reading not done.
pub async fn forget_readings(store: &Store, org: uuid::Uuid) {
    crate::with_db!(store, p => {
        sqlx::query("DELETE FROM comment_readings WHERE org_id = $1").bind(org).execute(p).await.unwrap();
        sqlx::query("DELETE FROM theme_rollups WHERE org_id = $1").bind(org).execute(p).await.unwrap();
        sqlx::query("UPDATE organisations SET comments_backfilled = FALSE, comments_read_to = NULL WHERE id = $1").bind(org).execute(p).await.unwrap();
    });
}

/// Ends every pulse round of the organisation (as if their days had passed).
pub async fn end_pulse_rounds(store: &Store, org: uuid::Uuid) {
    end_pulse_rounds_at(store, org, crate::now_ms() - 1).await;
}

/// Makes every pulse round of the organisation a week long, closed at `at` (ms).
pub async fn end_pulse_rounds_at(store: &Store, org: uuid::Uuid, at: i64) {
    crate::with_db!(store, p => {
        sqlx::query("UPDATE pulse_rounds SET opened_at = $2 - 604800000, closes_at = $2 WHERE org_id = $1")
            .bind(org).bind(at).execute(p).await.unwrap();
    });
}

/// The names of a table's columns.
pub async fn columns(store: &Store, table: &str) -> Vec<String> {
    let mut out: Vec<String> = match &store.db {
        crate::Db::Sqlite(p) => sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
            .bind(table)
            .fetch_all(p)
            .await
            .unwrap(),
        crate::Db::Postgres(p) => sqlx::query_scalar(
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns WHERE table_name = $1",
        )
        .bind(table)
        .fetch_all(p)
        .await
        .unwrap(),
    };
    out.sort();
    out
}

/// The organisation's outbox: each message's id, kind, address and body.
pub async fn outbox_messages(
    store: &Store,
    org: uuid::Uuid,
) -> Vec<(uuid::Uuid, String, String, Vec<u8>)> {
    crate::with_db!(store, p => sqlx::query_as(
        "SELECT id, kind, to_addr, message FROM outbox WHERE org_id = $1 ORDER BY created_at")
        .bind(org).fetch_all(p).await.unwrap())
}

/// Gives an account an e-mail address.
pub async fn set_email(store: &Store, user: uuid::Uuid, email: &str) {
    crate::with_db!(store, p => {
        sqlx::query("UPDATE users SET email = $2 WHERE id = $1").bind(user).bind(email).execute(p).await.unwrap();
    });
}
