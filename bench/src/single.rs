//! `rida-bench single`: one answer per request, as a terminal or an integration sends
//! them, through `rida serve` against a bare server doing the same insert, side by side
//! in one run, each as its own process loaded by `wrk` (64 connections, 2 threads).
//!
//! The bare server (`rida-bench bare-server DIR ADDR`) is what the machine allows: axum
//! parsing the same JSON body, and one writer task inserting every waiting answer into
//! the same `ratings` table of a database with Rida's schema in one transaction (group
//! commit), answering each request once its transaction is committed. It checks nothing,
//! keeps no rollups and has no sign-in. Rida does all of that.
//!
//! Needs `wrk` (`apt-get install wrk`) and `target/release/rida`.

use std::{path::Path, process::Stdio, sync::Arc, time::Duration};

use axum::{Json, Router, extract::State, routing::post};
use rida_store::By;
use serde_json::{Value, json};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

/// Alternating rounds of each server.
const ROUNDS: usize = 3;
const CONNECTIONS: usize = 64;
const SECONDS: u64 = 10;

/// One answer as the bare server stores it.
struct Row {
    id: Uuid,
    answered_at: i64,
    site_id: Uuid,
    service_id: Option<Uuid>,
    question_id: Uuid,
    score: i64,
    channel: String,
}

type Job = (Vec<Row>, oneshot::Sender<Result<(), String>>);

/// Serves `POST /api/v1/ratings` at `addr` over the database in `dir` until killed.
pub(crate) async fn bare_server(dir: &Path, addr: &str) -> anyhow::Result<()> {
    let pool = crate::raw_pool(dir).await?;
    let org: Uuid = sqlx::query_scalar("SELECT id FROM organisations LIMIT 1")
        .fetch_one(&pool)
        .await?;
    let (tx, mut rx) = mpsc::channel::<Job>(4096);
    tokio::spawn(async move {
        while let Some(first) = rx.recv().await {
            let mut jobs = vec![first];
            while jobs.len() < 512 {
                match rx.try_recv() {
                    Ok(j) => jobs.push(j),
                    Err(_) => break,
                }
            }
            let done = insert(&pool, org, &jobs).await.map_err(|e| e.to_string());
            for (_, reply) in jobs {
                let _ = reply.send(done.clone());
            }
        }
    });
    let app = Router::new()
        .route("/api/v1/ratings", post(receive))
        .with_state(Arc::new(tx));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

async fn insert(pool: &sqlx::SqlitePool, org: Uuid, jobs: &[Job]) -> sqlx::Result<()> {
    let now = jiff::Timestamp::now().as_millisecond();
    let rows: Vec<&Row> = jobs.iter().flat_map(|(r, _)| r).collect();
    let mut tx = pool.begin().await?;
    for part in rows.chunks(500) {
        let mut qb = sqlx::QueryBuilder::new(
            "INSERT INTO ratings (id, org_id, answered_at, received_at, local_day, site_id, service_id, channel, question_id, score) ",
        );
        qb.push_values(part, |mut b, r| {
            b.push_bind(r.id)
                .push_bind(org)
                .push_bind(r.answered_at)
                .push_bind(now)
                .push_bind(20261120)
                .push_bind(r.site_id)
                .push_bind(r.service_id)
                .push_bind(r.channel.as_str())
                .push_bind(r.question_id)
                .push_bind(r.score);
        });
        qb.build().execute(&mut *tx).await?;
    }
    tx.commit().await
}

/// A request's body, read into typed fields as Rida reads it.
#[derive(serde::Deserialize)]
struct Body {
    ratings: Vec<Item>,
}

#[derive(serde::Deserialize)]
struct Item {
    id: Uuid,
    answered_at: jiff::Timestamp,
    site_id: Uuid,
    service_id: Option<Uuid>,
    question_id: Uuid,
    score: i64,
    channel: String,
}

async fn receive(
    State(writer): State<Arc<mpsc::Sender<Job>>>,
    Json(body): Json<Body>,
) -> Result<Json<Value>, (axum::http::StatusCode, String)> {
    let rows: Vec<Row> = body
        .ratings
        .into_iter()
        .map(|r| Row {
            id: r.id,
            answered_at: r.answered_at.as_millisecond(),
            site_id: r.site_id,
            service_id: r.service_id,
            question_id: r.question_id,
            score: r.score,
            channel: r.channel,
        })
        .collect();
    let n = rows.len();
    let (reply, done) = oneshot::channel();
    let failed = |e: String| (axum::http::StatusCode::INTERNAL_SERVER_ERROR, e);
    writer
        .send((rows, reply))
        .await
        .map_err(|e| failed(e.to_string()))?;
    done.await
        .map_err(|e| failed(e.to_string()))?
        .map_err(failed)?;
    Ok(Json(json!({ "stored": n })))
}

/// What wrk measured.
struct Load {
    per_sec: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: u64,
}

/// A wrk script posting one answer per request, each with an id of its own (version 7
/// layout: the time part from the thread and a counter, so ids never repeat in a run).
fn script(w: &crate::World, token: &str) -> String {
    format!(
        r#"-- thread_no is set by setup() in each thread's own state, run by init() from the
-- command line: ids never repeat within a thread, across threads or across runs.
local counter = 0
local run = 0
local threads = 0
function setup(thread)
  thread:set("thread_no", threads)
  threads = threads + 1
end
function init(args)
  run = tonumber(args[1]) or 0
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {token}"
request = function()
  counter = counter + 1
  local id = string.format("%08x-%04x-7%03x-8%03x-%012x", run, thread_no, counter % 4096, math.floor(counter / 4096) % 4096, counter)
  local body = '{{"ratings":[{{"id":"' .. id .. '","answered_at":"2026-11-20T10:15:00Z","site_id":"{site}","service_id":"{service}","channel":"kiosk","question_id":"{question}","score":' .. (counter % 5 + 1) .. '}}]}}'
  return wrk.format(nil, nil, nil, body)
end
"#,
        site = w.site,
        service = w.service,
        question = w.question,
    )
}

/// Milliseconds in one of wrk's durations (`812.00us`, `3.21ms`, `1.02s`).
fn millis(s: &str) -> Option<f64> {
    let (n, unit) = s.split_at(s.find(|c: char| c.is_ascii_alphabetic())?);
    let n: f64 = n.parse().ok()?;
    Some(match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => return None,
    })
}

fn parse_wrk(out: &str) -> anyhow::Result<Load> {
    let field = |prefix: &str| {
        out.lines()
            .map(str::trim)
            .find(|l| l.starts_with(prefix))
            .and_then(|l| l.split_whitespace().nth(1))
            .map(str::to_string)
    };
    let per_sec: f64 = field("Requests/sec:")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no Requests/sec in wrk's output:\n{out}"))?;
    let pct = |p: &str| field(p).as_deref().and_then(millis).unwrap_or(f64::NAN);
    // "Non-2xx or 3xx responses: N" and "Socket errors: connect 0, read 0, write 0, timeout 0".
    let mut errors = field("Non-2xx").map_or(0, |_| {
        out.lines()
            .find(|l| l.contains("Non-2xx"))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    });
    if let Some(line) = out.lines().find(|l| l.contains("Socket errors")) {
        errors += line
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse::<u64>().ok())
            .sum::<u64>();
    }
    Ok(Load {
        per_sec,
        p50_ms: pct("50%"),
        p99_ms: pct("99%"),
        errors,
    })
}

/// Loads `url` with wrk for `seconds`; `run` keeps each run's answer ids its own.
fn wrk(url: &str, script: &Path, seconds: u64, run: u32) -> anyhow::Result<Load> {
    let out = std::process::Command::new("wrk")
        .args(["-t2", &format!("-c{CONNECTIONS}"), &format!("-d{seconds}s")])
        .arg("--latency")
        .arg("-s")
        .arg(script)
        .arg(url)
        .args(["--", &run.to_string()])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| anyhow::anyhow!("wrk ({e}): apt-get install wrk"))?;
    parse_wrk(&String::from_utf8_lossy(&out.stdout))
}

/// Runs the server `command` until `work` is done.
async fn with_server<T>(
    mut command: std::process::Command,
    addr: &str,
    work: impl FnOnce() -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let ready = wait_listening(addr).await;
    let result = ready.and_then(|_| work());
    let _ = child.kill();
    let _ = child.wait();
    result
}

async fn wait_listening(addr: &str) -> anyhow::Result<()> {
    for _ in 0..5000 {
        if tokio::net::TcpStream::connect(addr).await.is_ok() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    anyhow::bail!("nothing listens at {addr}")
}

/// One round: the bare server, then Rida, each on a fresh database of the same schema.
async fn round(base: &Path, n: usize) -> anyhow::Result<(Load, Load, usize, usize)> {
    let rida = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/rida");
    anyhow::ensure!(
        rida.exists(),
        "build it first: cargo build --release -p rida"
    );
    let me = std::env::current_exe()?;
    let addr = "127.0.0.1:18121";
    let url = format!("http://{addr}/api/v1/ratings");
    let mut loads = Vec::new();
    let mut counts = Vec::new();
    for which in ["bare", "rida"] {
        let dir = base.join(format!("{which}-{n}"));
        let (store, w) = crate::fresh(&dir).await?;
        let token =
            rida_server::web::issue_token(&store, w.org, "bench", &By::system("bench")).await?;
        let script_path = dir.join("post.lua");
        std::fs::write(&script_path, script(&w, &token))?;
        store.close().await;
        let command = if which == "bare" {
            let mut c = std::process::Command::new(&me);
            c.arg("bare-server").arg(&dir).arg(addr);
            c
        } else {
            let mut c = std::process::Command::new(&rida);
            c.args(["serve", "--listen", addr, "--data-dir"]).arg(&dir);
            c.env("RIDA_LOG", "warn");
            c
        };
        let load = with_server(command, addr, || {
            // A short warm-up, then the measured run.
            wrk(&url, &script_path, 2, 1)?;
            wrk(&url, &script_path, SECONDS, 2)
        })
        .await?;
        let (store, _) = reopen(&dir).await?;
        counts.push(store.count_ratings(w.org).await? as usize);
        store.close().await;
        loads.push(load);
        let _ = std::fs::remove_dir_all(&dir);
    }
    let rida_load = loads.pop().expect("two loads");
    let bare_load = loads.pop().expect("two loads");
    Ok((bare_load, rida_load, counts[0], counts[1]))
}

async fn reopen(dir: &Path) -> anyhow::Result<(rida_store::Store, ())> {
    let store = rida_store::Store::connect(&rida_store::ConnectOptions {
        url: format!("sqlite://{}/rida.db", dir.display()),
        create_if_missing: false,
        max_connections: 1,
        statement_timeout: None,
    })
    .await?;
    Ok((store, ()))
}

pub(crate) async fn single() -> anyhow::Result<()> {
    let base = std::env::temp_dir().join(format!("rida-bench-single-{}", Uuid::new_v4()));
    let mut rounds = Vec::new();
    for n in 0..ROUNDS {
        let (bare, rida, bare_rows, rida_rows) = round(&base, n).await?;
        anyhow::ensure!(
            bare.errors == 0 && rida.errors == 0,
            "errors: bare {}, rida {}",
            bare.errors,
            rida.errors
        );
        anyhow::ensure!(rida_rows > 0 && bare_rows > 0, "nothing stored");
        eprintln!(
            "round {}: bare {:.0}/s (p99 {:.1} ms, {bare_rows} stored), rida {:.0}/s (p99 {:.1} ms, {rida_rows} stored): {:.2}",
            n + 1,
            bare.per_sec,
            bare.p99_ms,
            rida.per_sec,
            rida.p99_ms,
            rida.per_sec / bare.per_sec
        );
        rounds.push((rida.per_sec / bare.per_sec, bare, rida));
    }
    let _ = std::fs::remove_dir_all(&base);
    rounds.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (ratio, bare, rida) = &rounds[ROUNDS / 2];
    println!(
        "Median of {ROUNDS} alternating rounds (wrk, {CONNECTIONS} connections, {SECONDS} s, one answer per request); the ratio is taken within its round."
    );
    println!();
    println!("| server | answers/s | p50 | p99 | ratio (range) |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| bare axum + SQLite group commit (baseline) | {:.0} | {:.2} ms | {:.2} ms | 1.00 |",
        bare.per_sec, bare.p50_ms, bare.p99_ms
    );
    println!(
        "| rida serve, POST /api/v1/ratings | {:.0} | {:.2} ms | {:.2} ms | {ratio:.2} ({:.2}–{:.2}) |",
        rida.per_sec,
        rida.p50_ms,
        rida.p99_ms,
        rounds[0].0,
        rounds[ROUNDS - 1].0
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wrk_output() {
        let out = "Running 10s test @ http://127.0.0.1:1/\n  2 threads and 64 connections\n  Thread Stats   Avg      Stdev     Max   +/- Stdev\n    Latency     3.10ms    1.20ms  40.00ms   90.00%\n  Latency Distribution\n     50%    2.90ms\n     75%    3.50ms\n     90%    4.20ms\n     99%  812.00us\n  200000 requests in 10.00s, 30.00MB read\n  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 4\nRequests/sec:  20000.50\nTransfer/sec:      3.00MB\n";
        let l = parse_wrk(out).unwrap();
        assert_eq!(l.per_sec, 20000.5);
        assert_eq!(l.p50_ms, 2.9);
        assert!((l.p99_ms - 0.812).abs() < 1e-9);
        assert_eq!(l.errors, 7);
    }
}
