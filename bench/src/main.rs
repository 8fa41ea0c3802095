//! `cargo run --release -p rida-bench -- [ingest|footprint|terminals|kiosk|analytics|week|export|sms|web|instances|single|scenario|text|themes|all]`
//!
//! ingest: ratings per second through `POST /api/v1/ratings` (batches of 100 and of 1)
//! against the raw ceiling measured in the same run: the same rows inserted straight
//! into the same SQLite schema, 1,000 per transaction, in alternating rounds. Prints a
//! Markdown table.
//!
//! footprint: cold-start time and idle memory of `rida serve` on the demo database
//! (needs `target/release/rida`).
//!
//! terminals: 500 simulated terminals on one `rida serve` (see `terminals.rs`).
//!
//! kiosk: the terminal page's weight and speed in headless Chromium (see `kiosk.rs`).
//!
//! analytics: dashboards and a report over 10 M answers against a raw scan (see
//! `analytics.rs`).
//!
//! export: `rida export answers --format xlsx` of 1 M answers against the spreadsheet
//! library alone (see `export.rs`).
//!
//! sms: surveys sent through Kannel against Kannel driven directly, 100,000 replies
//! stored, and a reply's way to the dashboard (see `sms.rs`).
//!
//! web: customers answering the anonymous web survey against the ratings API (see
//! `web.rs`).
//!
//! instances: answers through one and through two instances on one PostgreSQL
//! database (see `instances.rs`; needs `RIDA_BENCH_POSTGRES_URL`).
//!
//! single: one answer per request through `rida serve` against a bare axum + SQLite
//! group-commit server doing the same insert, both loaded by wrk (see `single.rs`).
//!
//! week: the network's week at 500 sites — alert evaluation during ingest, the Monday
//! page, 200 managers' Monday e-mails, the monthly PDF (see `week.rs`).
//!
//! scenario: a national network at a tenth of its size on one and on two instances
//! sharing PostgreSQL (see `scenario.rs`; needs `RIDA_BENCH_POSTGRES_URL`).
//!
//! text: the comment reader's accuracy per language against two baselines, and the cost
//! of reading a comment against storing an answer (see `text.rs`).
//!
//! themes: the Overview's themes panel over 10 M answers (2 M comments) against the rest
//! of the Overview, and storing answers with comments against without (see `themes.rs`).

mod analytics;
mod export;
mod instances;
mod kiosk;
mod rig;
mod scenario;
mod single;
mod sms;
mod terminals;
mod text;
mod themes;
mod web;
mod week;

use std::{
    path::PathBuf,
    process::{Command, Stdio},
    sync::Arc,
    time::{Duration, Instant},
};

use rida_domain::{Answer, Channel, Scale};
use rida_server::{Application, Settings};
use rida_store::{By, ConnectOptions, NewRating, SiteInput, Store};
use serde_json::json;
use uuid::Uuid;

/// mimalloc: many small short-lived allocations per request (JSON items, rows); the
/// system allocator spent about an eighth of the ingest profile in malloc/free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub(crate) struct World {
    pub(crate) org: Uuid,
    pub(crate) site: Uuid,
    service: Uuid,
    question: Uuid,
}

pub(crate) async fn fresh(dir: &std::path::Path) -> anyhow::Result<(Store, World)> {
    let store = sqlite(dir).await?;
    let w = world(&store).await?;
    Ok((store, w))
}

/// The SQLite database `dir/rida.db` (created and migrated when new), as `rida serve`
/// would open it.
pub(crate) async fn sqlite(dir: &std::path::Path) -> anyhow::Result<Store> {
    std::fs::create_dir_all(dir)?;
    let store = Store::connect(&ConnectOptions {
        url: format!("sqlite://{}/rida.db", dir.display()),
        create_if_missing: true,
        max_connections: 8,
        statement_timeout: None,
    })
    .await?;
    store.migrate().await?;
    Ok(store)
}

/// An organisation with one region, site, service and CSAT question.
pub(crate) async fn world(store: &Store) -> anyhow::Result<World> {
    let by = By::system("bench");
    let org = store.create_organisation("Bench", "en", "UTC").await?;
    let region = store
        .create_region(org, rida_domain::new_id(), "R", &Default::default(), &by)
        .await?;
    let service = store
        .create_service(
            org,
            rida_domain::new_id(),
            &rida_store::ServiceInput::named("S"),
            &by,
        )
        .await?;
    let site = store
        .create_site(
            org,
            rida_domain::new_id(),
            &SiteInput {
                names: Default::default(),
                region_id: region,
                name: "Site".into(),
                address: None,
                time_zone: None,
                opening_hours: None,
                service_ids: vec![service],
            },
            &by,
        )
        .await?;
    let question = store
        .create_question(org, "csat", Scale::Csat5, "site", ["q", "q", "q"], &by)
        .await?;
    Ok(World {
        org,
        site,
        service,
        question,
    })
}

pub(crate) fn row(w: &World, i: usize) -> NewRating {
    NewRating {
        id: Uuid::now_v7(),
        answered_at: 1_790_000_000_000 + i as i64,
        received_at: 1_790_000_000_000 + i as i64,
        local_day: 20260921,
        site_id: w.site,
        service_id: Some(w.service),
        employee_id: None,
        channel: Channel::Kiosk,
        question_id: w.question,
        answer: Answer::Score((i % 5 + 1) as i16),
        visit_id: None,
        customer_key: None,
        terminal_id: None,
        lang: None,
        flags: 0,
    }
}

/// One plain SQLite connection to the database in `dir`, as a program without Rida
/// would open it (WAL, normal sync): the baselines write through it.
pub(crate) async fn raw_pool(dir: &std::path::Path) -> anyhow::Result<sqlx::SqlitePool> {
    let url = format!("sqlite://{}/rida.db", dir.display());
    Ok(sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            url.parse::<sqlx::sqlite::SqliteConnectOptions>()?
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Normal),
        )
        .await?)
}

/// The raw ceiling: plain multi-row INSERTs of the same rows, 1,000 per transaction.
async fn raw_ceiling(dir: &std::path::Path, n: usize) -> anyhow::Result<f64> {
    let (_store, w) = fresh(dir).await?;
    let pool = raw_pool(dir).await?;
    let rows: Vec<NewRating> = (0..n).map(|i| row(&w, i)).collect();
    let start = Instant::now();
    for chunk in rows.chunks(1000) {
        let mut tx = pool.begin().await?;
        for part in chunk.chunks(500) {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO ratings (id, org_id, answered_at, received_at, local_day, site_id, service_id, employee_id, channel, question_id, score, choice, answer_text, visit_id, customer_key) ",
            );
            qb.push_values(part, |mut b, r| {
                b.push_bind(r.id)
                    .push_bind(w.org)
                    .push_bind(r.answered_at)
                    .push_bind(r.received_at)
                    .push_bind(r.local_day)
                    .push_bind(r.site_id)
                    .push_bind(r.service_id)
                    .push_bind(r.employee_id)
                    .push_bind(r.channel.as_str())
                    .push_bind(r.question_id)
                    .push_bind(r.answer.score())
                    .push_bind(None::<String>)
                    .push_bind(None::<String>)
                    .push_bind(r.visit_id)
                    .push_bind(None::<String>);
            });
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    Ok(n as f64 / start.elapsed().as_secs_f64())
}

/// `requests` bodies of `batch` answers each for `POST /api/v1/ratings`, serialised before
/// the clock starts: the load generator shares the machine's two cores with the server
/// and should spend as little as it can.
pub(crate) fn request_bodies(w: &World, requests: usize, batch: usize) -> Arc<Vec<bytes::Bytes>> {
    Arc::new(
        (0..requests)
            .map(|r| {
                let items: Vec<serde_json::Value> = (0..batch)
                    .map(|i| {
                        let n = row(w, r * batch + i);
                        json!({ "id": n.id, "answered_at": "2026-09-21T10:00:00Z", "site_id": n.site_id, "service_id": n.service_id,
                                "channel": "kiosk", "question_id": n.question_id, "score": n.answer.score() })
                    })
                    .collect();
                bytes::Bytes::from(serde_json::to_vec(&json!({ "ratings": items })).expect("serialise"))
            })
            .collect(),
    )
}

struct HttpResult {
    per_sec: f64,
    p50_ms: f64,
    p99_ms: f64,
}

/// Sends `requests` POSTs of `batch` ratings each, `concurrency` at a time, over keep-alive.
async fn http_ingest(
    dir: &std::path::Path,
    batch: usize,
    requests: usize,
    concurrency: usize,
) -> anyhow::Result<HttpResult> {
    let (store, w) = fresh(dir).await?;
    let token = rida_server::web::issue_token(&store, w.org, "bench", &By::system("bench")).await?;
    let settings = Settings {
        listen: "127.0.0.1:0".parse()?,
        ..Settings::default()
    };
    let app = Application::build(settings, store.clone()).await?;
    let url = format!("http://{}/api/v1/ratings", app.local_addr());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    let w = Arc::new(w);
    let bodies = request_bodies(&w, requests, batch);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, url, token, bodies, next) = (
            client.clone(),
            url.clone(),
            token.clone(),
            bodies.clone(),
            next.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= bodies.len() {
                    break;
                }
                let t = Instant::now();
                let r = client
                    .post(&url)
                    .bearer_auth(&token)
                    .header("content-type", "application/json")
                    .body(bodies[i].clone())
                    .send()
                    .await
                    .expect("request");
                assert!(r.status().is_success(), "status {}", r.status());
                let _ = r.bytes().await;
                lat.push(t.elapsed());
            }
            lat
        }));
    }
    let mut lat: Vec<Duration> = Vec::new();
    for t in tasks {
        lat.extend(t.await?);
    }
    let secs = start.elapsed().as_secs_f64();
    let _ = stop.send(());
    let stored = store.count_ratings(w.org).await? as usize;
    anyhow::ensure!(
        stored == requests * batch,
        "stored {stored} of {}",
        requests * batch
    );
    lat.sort();
    let pct =
        |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)].as_secs_f64() * 1000.0;
    Ok(HttpResult {
        per_sec: (requests * batch) as f64 / secs,
        p50_ms: pct(0.5),
        p99_ms: pct(0.99),
    })
}

/// Rounds of the ingest benchmark. Each round measures the raw ceiling and both HTTP
/// runs back to back, so every ratio compares figures taken under the same load on a
/// shared machine; the table shows the median round and the range.
const ROUNDS: usize = 5;

async fn ingest() -> anyhow::Result<()> {
    let base = std::env::temp_dir().join(format!("rida-bench-{}", Uuid::new_v4()));
    let mut raws = Vec::new();
    let mut b100s = Vec::new();
    let mut b1s = Vec::new();
    for round in 0..ROUNDS {
        let dir = base.join(round.to_string());
        let raw = raw_ceiling(&dir.join("raw"), 200_000).await?;
        let b100 = http_ingest(&dir.join("b100"), 100, 3_000, 8).await?;
        let b1 = http_ingest(&dir.join("b1"), 1, 20_000, 64).await?;
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!(
            "round {}: raw {raw:.0}/s, batches of 100 {:.0}/s ({:.2}), single {:.0}/s",
            round + 1,
            b100.per_sec,
            b100.per_sec / raw,
            b1.per_sec
        );
        raws.push(raw);
        b100s.push((b100.per_sec / raw, b100));
        b1s.push((b1.per_sec / raw, b1));
    }
    let _ = std::fs::remove_dir_all(&base);
    raws.sort_by(f64::total_cmp);
    println!("Median of {ROUNDS} rounds; each ratio is taken within its own round.");
    println!();
    println!("| measurement | ratings/s | ratio to raw (range) | p50 | p99 |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| raw SQLite ceiling (1,000 rows per transaction) | {:.0} | 1.00 | | |",
        raws[ROUNDS / 2]
    );
    for (name, mut runs) in [
        ("HTTP, batches of 100, 8 connections", b100s),
        ("HTTP, batches of 1, 64 connections", b1s),
    ] {
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (ratio, r) = &runs[ROUNDS / 2];
        println!(
            "| {name} | {:.0} | {ratio:.2} ({:.2}–{:.2}) | {:.1} ms | {:.1} ms |",
            r.per_sec,
            runs[0].0,
            runs[ROUNDS - 1].0,
            r.p50_ms,
            r.p99_ms
        );
    }
    Ok(())
}

pub(crate) fn rss_kib(pid: u32) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .ok_or_else(|| anyhow::anyhow!("no VmRSS"))?;
    Ok(line.split_whitespace().nth(1).unwrap_or("0").parse()?)
}

pub(crate) async fn wait_ready(addr: &str) -> anyhow::Result<()> {
    for _ in 0..3000 {
        if let Ok(r) = reqwest::get(format!("http://{addr}/readyz")).await
            && r.status().is_success()
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    anyhow::bail!("rida did not become ready")
}

async fn footprint() -> anyhow::Result<()> {
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/rida");
    anyhow::ensure!(
        bin.exists(),
        "build it first: cargo build --release -p rida"
    );
    let dir = std::env::temp_dir().join(format!("rida-bench-{}", Uuid::new_v4()));
    let addr = "127.0.0.1:18099";
    // First run creates the demo organisation (200,000 answers): it serves at once and
    // writes the history meanwhile; measured once the history is complete.
    let mut demo = Command::new(&bin)
        .args(["demo", "--listen", addr, "--data-dir"])
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = demo.stderr.take().expect("piped");
    let complete = tokio::task::spawn_blocking(move || {
        use std::io::BufRead;
        std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains("the history is complete"))
    });
    wait_ready(addr).await?;
    anyhow::ensure!(
        complete.await?,
        "the demo stopped before its history was complete"
    );
    tokio::time::sleep(Duration::from_secs(10)).await;
    let demo_rss = rss_kib(demo.id())?;
    // Then used: the head signs in and opens the pages a manager opens first.
    let used_rss = {
        let c = rig::sign_in(&format!("http://{addr}"), "head", "demo-head-pass").await?;
        for p in [
            "/admin",
            "/admin/results",
            "/admin/results?group=employee",
            "/admin/results?period=custom&from=2026-01-01&to=2026-02-14",
            "/admin/operations",
            "/admin/reports",
            "/admin/alerts",
            "/admin/terminals",
        ] {
            let r = c.get(format!("http://{addr}{p}")).send().await?;
            anyhow::ensure!(r.status().is_success(), "{p}: {}", r.status());
        }
        tokio::time::sleep(Duration::from_secs(10)).await;
        rss_kib(demo.id())?
    };
    let _ = demo.kill();
    let _ = demo.wait();
    // Cold start on the loaded database, then idle memory after a few requests.
    let mut starts = Vec::new();
    let mut rss = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let mut child = Command::new(&bin)
            .args(["serve", "--listen", addr, "--data-dir"])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        wait_ready(addr).await?;
        starts.push(t.elapsed().as_secs_f64() * 1000.0);
        for p in ["/login", "/healthz", "/metrics", "/static/rida.css"] {
            let _ = reqwest::get(format!("http://{addr}{p}")).await?;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        rss = rss.max(rss_kib(child.id())?);
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = std::fs::remove_dir_all(&dir);
    starts.sort_by(f64::total_cmp);
    println!("| measurement | value |");
    println!("|---|---:|");
    println!(
        "| cold start to /readyz, demo database (median of 5) | {:.0} ms |",
        starts[2]
    );
    println!(
        "| idle RSS of rida serve after a few requests (max of 5) | {:.1} MiB |",
        rss as f64 / 1024.0
    );
    println!(
        "| idle RSS of rida demo once its history is written (10 s after) | {:.1} MiB |",
        demo_rss as f64 / 1024.0
    );
    println!(
        "| idle RSS of rida demo after the head opened 8 pages (10 s after) | {:.1} MiB |",
        used_rss as f64 / 1024.0
    );
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let what = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    // The export benchmark's baseline, as its own process (see export.rs).
    if what == "xlsx-alone" {
        let n: usize = std::env::args().nth(2).unwrap_or_default().parse()?;
        let path = PathBuf::from(std::env::args().nth(3).unwrap_or_default());
        return export::xlsx_alone(n, &path);
    }
    // The single-answer benchmark's baseline server, as its own process (see single.rs).
    if what == "bare-server" {
        let dir = PathBuf::from(std::env::args().nth(2).unwrap_or_default());
        let addr = std::env::args().nth(3).unwrap_or_default();
        return single::bare_server(&dir, &addr).await;
    }
    if matches!(what.as_str(), "ingest" | "all") {
        ingest().await?;
    }
    if matches!(what.as_str(), "footprint" | "all") {
        footprint().await?;
    }
    if matches!(what.as_str(), "kiosk" | "all") {
        kiosk::kiosk().await?;
    }
    if matches!(what.as_str(), "terminals" | "all") {
        terminals::terminals().await?;
    }
    if matches!(what.as_str(), "analytics" | "all") {
        analytics::analytics().await?;
    }
    if matches!(what.as_str(), "week" | "all") {
        week::week().await?;
    }
    if matches!(what.as_str(), "export" | "all") {
        export::export().await?;
    }
    if matches!(what.as_str(), "sms" | "all") {
        sms::sms().await?;
    }
    if matches!(what.as_str(), "instances" | "all") {
        instances::bench().await?;
    }
    if matches!(what.as_str(), "web" | "all") {
        web::web().await?;
    }
    if matches!(what.as_str(), "single" | "all") {
        single::single().await?;
    }
    if matches!(what.as_str(), "scenario" | "all") {
        scenario::scenario().await?;
    }
    if matches!(what.as_str(), "text" | "all") {
        text::text().await?;
    }
    if matches!(what.as_str(), "themes" | "all") {
        themes::bench().await?;
    }
    Ok(())
}
