//! `rida-bench scenario`: a national network at a tenth of its size, on this machine.
//! 5,000 simulated terminals at 500 sites (each keeps a long poll open and beats every
//! 15 s), answers at a day's peak rate (100 a second, with two seconds at 1,000 a second
//! every twenty), 20 managers each opening the Overview again 2 s after it came (the
//! 9 am rush; `RIDA_BENCH_READERS`, `RIDA_BENCH_THINK_MS`), and a new logo pushed to every
//! terminal three times while it runs; over a history of answers already stored
//! (`RIDA_BENCH_HISTORY`, default 1,000,000; `RIDA_BENCH_KEEP=1` keeps the database). The same minute runs on one `rida serve`,
//! then on two sharing the PostgreSQL database (terminals and managers split between
//! them); each figure is given for both and as a ratio. Needs `RIDA_BENCH_POSTGRES_URL`
//! (a server URL whose role may create databases) and `target/release/rida`.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

mod network;

use network::{Network, Terminal, network, pair_all, serve};
use rida_store::{By, ConnectOptions, Store};
use serde_json::{Value, json};
use uuid::Uuid;

pub(super) const SITES: usize = 500;
pub(super) const TERMINALS_PER_SITE: usize = 10;
const TERMINALS: usize = SITES * TERMINALS_PER_SITE;
pub(super) const EMPLOYEES_PER_SITE: usize = 2;
const READERS: usize = 20;
/// How long a manager reads a page before opening the next (`RIDA_BENCH_THINK_MS`).
const THINK_MS: u64 = 2_000;
const RUN_SECS: u64 = 60;
/// How long the managers read before the answers start.
const QUIET_SECS: u64 = 15;
/// Every `CYCLE_SECS`, `BURST_SECS` at `BURST_RATE` answers a second; `RATE` otherwise.
const CYCLE_SECS: u64 = 20;
const BURST_SECS: u64 = 2;
const RATE: u64 = 100;
const BURST_RATE: u64 = 1_000;
/// When the logo changes, in seconds from the start: once in quiet time, twice in bursts.
const ACTIONS: [f64; 3] = [10.0, 20.5, 40.5];
pub(super) const HEAD: (&str, &str) = ("head", "bench-head-pass");

/// A page a manager opened: when it was asked for (s since the start) and how long it
/// took (ms).
type Page = (f64, f64);

/// What one run measured.
#[derive(Default)]
struct Figures {
    offered: usize,
    stored: u64,
    refused: usize,
    answer_p50: f64,
    answer_p99: f64,
    beats: usize,
    beat_errors: usize,
    pages: usize,
    page_errors: usize,
    page_p50: f64,
    page_p95: f64,
    /// The Overview before the answers start (the terminals beat and wait; no ingest).
    quiet_p50: f64,
    quiet_p95: f64,
    action_all: Vec<f64>,
    cpu: Vec<f64>,
    rss_mib: Vec<f64>,
    postgres_cpu: f64,
    /// The simulator's own (the terminals, the managers' browsers).
    simulator_cpu: f64,
}

/// CPU time of every PostgreSQL process, with that of the backends that have ended
/// (the postmaster's reaped children), in clock ticks.
fn postgres_ticks() -> u64 {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return 0;
    };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|c| c.trim_end() == "postgres")
        })
        .filter_map(|pid| crate::terminals::cpu_ticks_and_reaped(pid).ok())
        .sum()
}

fn percentile(v: &mut [f64], p: usize) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[((v.len() * p).div_ceil(100))
        .saturating_sub(1)
        .min(v.len() - 1)]
}

/// One minute of the network on `instances` instances.
async fn run(
    store: &Store,
    net: &Network,
    terminals: &[Terminal],
    bases: &[String],
    pids: &[u32],
) -> anyhow::Result<Figures> {
    let mut f = Figures::default();
    let before = store.count_ratings(net.org).await?;
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(2 * TERMINALS)
        .timeout(Duration::from_secs(60))
        .build()?;
    let epoch = Instant::now();
    // When each terminal first saw each change (seconds since `epoch`).
    let seen: Arc<Mutex<Vec<HashMap<usize, f64>>>> =
        Arc::new(Mutex::new(vec![HashMap::new(); ACTIONS.len()]));
    let action_no = Arc::new(AtomicUsize::new(usize::MAX));
    let mut tasks = Vec::new();
    let beats = Arc::new(Mutex::new((0usize, 0usize)));
    // The terminals: a long poll each, and a heartbeat every 15 s.
    for (n, t) in terminals.iter().enumerate() {
        let base = bases[n % bases.len()].clone();
        let (http, t, seen, action_no, beats) = (
            http.clone(),
            t.clone(),
            seen.clone(),
            action_no.clone(),
            beats.clone(),
        );
        let (h, b, token) = (http.clone(), base.clone(), t.token.clone());
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis((n as u64 * 3) % 15_000)).await;
            let mut beat = tokio::time::interval(Duration::from_secs(15));
            loop {
                beat.tick().await;
                let ok = h
                    .post(format!("{b}/api/v1/kiosk/heartbeat"))
                    .bearer_auth(&token)
                    .json(&json!({ "app_version": "bench", "queued": 0, "tab": format!("t{n}") }))
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success());
                let mut b = beats.lock().expect("beats");
                b.0 += 1;
                b.1 += usize::from(!ok);
            }
        }));
        tasks.push(tokio::spawn(async move {
            let c: Value = match http
                .get(format!("{base}/api/v1/kiosk/config"))
                .bearer_auth(&t.token)
                .send()
                .await
            {
                Ok(r) => r.json().await.unwrap_or_default(),
                Err(_) => Value::Null,
            };
            let (mut config, reload) = (
                c["versions"]["config_version"].as_i64().unwrap_or(0),
                c["versions"]["reload_seq"].as_i64().unwrap_or(0),
            );
            loop {
                let Ok(r) = http
                    .get(format!(
                        "{base}/api/v1/kiosk/wait?config={config}&reload={reload}"
                    ))
                    .bearer_auth(&t.token)
                    .send()
                    .await
                else {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    continue;
                };
                let Ok(v) = r.json::<Value>().await else {
                    continue;
                };
                let now = v["config_version"].as_i64().unwrap_or(config);
                if now != config {
                    config = now;
                    let a = action_no.load(Ordering::SeqCst);
                    if a < ACTIONS.len() {
                        seen.lock().expect("seen")[a]
                            .entry(n)
                            .or_insert_with(|| epoch.elapsed().as_secs_f64());
                    }
                    // As the page does: fetch the new settings.
                    let _ = http
                        .get(format!("{base}/api/v1/kiosk/config"))
                        .bearer_auth(&t.token)
                        .send()
                        .await;
                }
            }
        }));
    }
    // Let every terminal settle into its long poll.
    tokio::time::sleep(Duration::from_secs(5)).await;

    // The managers.
    let pages: Arc<Mutex<(Vec<Page>, usize)>> = Arc::new(Mutex::new((Vec::new(), 0)));
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let mut readers = Vec::new();
    let readers_n: usize = std::env::var("RIDA_BENCH_READERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(READERS);
    let think = Duration::from_millis(
        std::env::var("RIDA_BENCH_THINK_MS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(THINK_MS),
    );
    for i in 0..readers_n {
        let c = crate::rig::sign_in(&bases[i % bases.len()], HEAD.0, HEAD.1).await?;
        let (base, pages, running) = (
            bases[i % bases.len()].clone(),
            pages.clone(),
            running.clone(),
        );
        readers.push(tokio::spawn(async move {
            while running.load(Ordering::SeqCst) {
                let t = Instant::now();
                let asked = t.duration_since(epoch).as_secs_f64();
                let ok = match c.get(format!("{base}/admin/results")).send().await {
                    Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                {
                    let mut p = pages.lock().expect("pages");
                    if ok {
                        p.0.push((asked, t.elapsed().as_secs_f64() * 1000.0));
                    } else {
                        p.1 += 1;
                    }
                }
                tokio::time::sleep(think).await;
            }
        }));
    }

    // The managers alone first (the terminals beating and waiting): the Overview's
    // pace without ingest, to compare with.
    tokio::time::sleep(Duration::from_secs(QUIET_SECS)).await;
    let ingest_from = epoch.elapsed().as_secs_f64();

    // The answers, at the rate of the second, whatever the server's pace (open loop).
    let answers: Arc<Mutex<(Vec<f64>, usize)>> = Arc::new(Mutex::new((Vec::new(), 0)));
    let start = Instant::now();
    let pg0 = postgres_ticks();
    let me = std::process::id();
    let me0 = crate::terminals::cpu_ticks(me).unwrap_or(0);
    let ticks0: Vec<u64> = pids
        .iter()
        .map(|p| crate::terminals::cpu_ticks(*p).unwrap_or(0))
        .collect();
    let mut rss = vec![0u64; pids.len()];
    let mut sent = Vec::new();
    let mut next_action = 0;
    let mut seed = 11u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let mut action_started = Vec::new();
    for second in 0..RUN_SECS {
        let rate = if second % CYCLE_SECS < BURST_SECS {
            BURST_RATE
        } else {
            RATE
        };
        for k in 0..rate {
            let at = Duration::from_secs(second) + Duration::from_micros(k * 1_000_000 / rate);
            if next_action < ACTIONS.len() && at.as_secs_f64() >= ACTIONS[next_action] {
                action_no.store(next_action, Ordering::SeqCst);
                action_started.push(epoch.elapsed().as_secs_f64());
                for (r, p) in rss.iter_mut().zip(pids) {
                    *r = (*r).max(crate::rss_kib(*p).unwrap_or(0));
                }
                let png = format!("\u{89}PNG\r\n\u{1a}\n{next_action}").into_bytes();
                store
                    .set_logo(net.org, Some((&png, "image/png")), &By::system("bench"))
                    .await?;
                next_action += 1;
            }
            tokio::time::sleep_until((start + at).into()).await;
            let n = next(TERMINALS as u64) as usize;
            let (http, base, t, answers) = (
                http.clone(),
                bases[n % bases.len()].clone(),
                terminals[n].clone(),
                answers.clone(),
            );
            let score = 1 + next(5);
            sent.push(tokio::spawn(async move {
                let t0 = Instant::now();
                let ok = match http
                    .post(format!("{base}/api/v1/kiosk/answers"))
                    .bearer_auth(&t.token)
                    .json(&json!({ "answers": [{ "id": Uuid::now_v7(), "answered_at": jiff::Timestamp::now().to_string(),
                        "question_id": t.question, "visit_id": Uuid::now_v7(), "score": score }] }))
                    .send()
                    .await
                {
                    Ok(r) => {
                        let good = r.status().is_success();
                        let body: Value = r.json().await.unwrap_or_default();
                        good && body["results"][0]["status"] == "stored"
                    }
                    Err(_) => false,
                };
                let mut a = answers.lock().expect("answers");
                if ok {
                    a.0.push(t0.elapsed().as_secs_f64() * 1000.0);
                } else {
                    a.1 += 1;
                }
            }));
        }
    }
    f.offered = sent.len();
    for s in sent {
        s.await?;
    }
    let secs = start.elapsed().as_secs_f64();
    f.postgres_cpu = postgres_ticks().saturating_sub(pg0) as f64 / 100.0 / secs * 100.0;
    f.simulator_cpu =
        (crate::terminals::cpu_ticks(me).unwrap_or(0) - me0) as f64 / 100.0 / secs * 100.0;
    f.cpu = pids
        .iter()
        .zip(&ticks0)
        .map(|(p, t0)| {
            (crate::terminals::cpu_ticks(*p).unwrap_or(0) - t0) as f64 / 100.0 / secs * 100.0
        })
        .collect();
    f.rss_mib = rss.iter().map(|k| *k as f64 / 1024.0).collect();
    // Every terminal saw every change?
    let deadline = Instant::now() + Duration::from_secs(30);
    while seen
        .lock()
        .expect("seen")
        .iter()
        .any(|s| s.len() < TERMINALS)
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    running.store(false, Ordering::SeqCst);
    for r in readers {
        r.await?;
    }
    for t in tasks {
        t.abort();
    }
    // Time from each change to the last terminal that saw it (a terminal that never saw
    // it counts as the 30 s waited).
    let seen = std::mem::take(&mut *seen.lock().expect("seen"));
    f.action_all = seen
        .iter()
        .zip(&action_started)
        .map(|(s, t0)| match s.len() == TERMINALS {
            true => (s.values().copied().fold(0.0, f64::max) - t0) * 1000.0,
            false => f64::INFINITY,
        })
        .collect();
    let (mut lat, refused) = std::mem::take(&mut *answers.lock().expect("answers"));
    f.refused = refused;
    f.answer_p50 = percentile(&mut lat, 50);
    f.answer_p99 = percentile(&mut lat, 99);
    let (page_lat, page_errors) = std::mem::take(&mut *pages.lock().expect("pages"));
    let (quiet, busy): (Vec<_>, Vec<_>) = page_lat.iter().partition(|(at, _)| *at < ingest_from);
    let mut quiet: Vec<f64> = quiet.into_iter().map(|(_, ms)| ms).collect();
    let mut page_lat: Vec<f64> = busy.into_iter().map(|(_, ms)| ms).collect();
    f.quiet_p50 = percentile(&mut quiet, 50);
    f.quiet_p95 = percentile(&mut quiet, 95);
    f.pages = page_lat.len();
    f.page_errors = page_errors;
    f.page_p50 = percentile(&mut page_lat, 50);
    f.page_p95 = percentile(&mut page_lat, 95);
    let (b, be) = *beats.lock().expect("beats");
    f.beats = b;
    f.beat_errors = be;
    f.stored = (store.count_ratings(net.org).await? - before).max(0) as u64;
    Ok(f)
}

/// Runs the minute on one instance, then on two, and prints both with their ratios.
pub async fn scenario() -> anyhow::Result<()> {
    let Ok(base) = std::env::var("RIDA_BENCH_POSTGRES_URL") else {
        println!("scenario: skipped (set RIDA_BENCH_POSTGRES_URL)");
        return Ok(());
    };
    let history: u64 = std::env::var("RIDA_BENCH_HISTORY")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let url = crate::instances::fresh_database(&base).await?;
    let result = both(&url, history).await;
    if std::env::var_os("RIDA_BENCH_KEEP").is_some() {
        println!("scenario: kept the database {url}");
    } else {
        crate::instances::drop_database(&base, &url).await?;
    }
    let (one, two) = result?;
    println!(
        "\n### A tenth of a national network (`rida-bench scenario`, PostgreSQL)\n\n\
         {TERMINALS} terminals at {SITES} sites (long poll, a heartbeat every 15 s), {RATE} answers/s \
         with {BURST_SECS} s at {BURST_RATE}/s every {CYCLE_SECS} s for {RUN_SECS} s, {READERS} managers \
         each opening the Overview again {THINK_MS} ms after it came, a new logo pushed {} times; {history} answers stored before.\n",
        ACTIONS.len()
    );
    println!("| measurement | one instance | two instances | two / one |");
    println!("|---|---:|---:|---:|");
    let row = |name: &str, a: f64, b: f64, unit: &str| {
        println!("| {name} | {a:.1}{unit} | {b:.1}{unit} | {:.2} |", b / a);
    };
    let count = |name: &str, a: f64, b: f64| println!("| {name} | {a:.0} | {b:.0} | |");
    count("answers sent", one.offered as f64, two.offered as f64);
    count("answers stored", one.stored as f64, two.stored as f64);
    count(
        "answers refused or lost",
        one.refused as f64,
        two.refused as f64,
    );
    row("answer, p50", one.answer_p50, two.answer_p50, " ms");
    row("answer, p99", one.answer_p99, two.answer_p99, " ms");
    count("heartbeats", one.beats as f64, two.beats as f64);
    count(
        "heartbeats refused",
        one.beat_errors as f64,
        two.beat_errors as f64,
    );
    count("Overview pages served", one.pages as f64, two.pages as f64);
    count(
        "Overview pages refused",
        one.page_errors as f64,
        two.page_errors as f64,
    );
    row(
        "Overview before ingest, p50",
        one.quiet_p50,
        two.quiet_p50,
        " ms",
    );
    row(
        "Overview before ingest, p95",
        one.quiet_p95,
        two.quiet_p95,
        " ms",
    );
    row("Overview, p50", one.page_p50, two.page_p50, " ms");
    row("Overview, p95", one.page_p95, two.page_p95, " ms");
    let worst = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    let median = |v: &[f64]| percentile(&mut v.to_vec(), 50);
    row(
        "new logo on every terminal, median",
        median(&one.action_all),
        median(&two.action_all),
        " ms",
    );
    row(
        "new logo on every terminal, worst",
        worst(&one.action_all),
        worst(&two.action_all),
        " ms",
    );
    let sum = |v: &[f64]| v.iter().sum::<f64>();
    row(
        "CPU of the instances (one core = 100)",
        sum(&one.cpu),
        sum(&two.cpu),
        " %",
    );
    row(
        "CPU of PostgreSQL",
        one.postgres_cpu,
        two.postgres_cpu,
        " %",
    );
    row(
        "CPU of the simulator (terminals, browsers)",
        one.simulator_cpu,
        two.simulator_cpu,
        " %",
    );
    row(
        "memory of the instances, max",
        sum(&one.rss_mib),
        sum(&two.rss_mib),
        " MiB",
    );
    anyhow::ensure!(
        one.stored == one.offered as u64 && two.stored == two.offered as u64,
        "answers were lost or refused"
    );
    Ok(())
}

/// The database as a network's is on an ordinary day, before each measurement: the
/// bulk load of the history (and the previous run's answers) vacuumed and its statistics
/// read. Otherwise autovacuum does it in the middle of a run (a run that met it had
/// PostgreSQL at 115 % CPU and answers at p50 4.2 s).
async fn settle(url: &str) -> anyhow::Result<()> {
    let pool = sqlx::PgPool::connect(url).await?;
    sqlx::query("VACUUM (ANALYZE)").execute(&pool).await?;
    pool.close().await;
    Ok(())
}

async fn both(url: &str, history: u64) -> anyhow::Result<(Figures, Figures)> {
    let store = Store::connect(&ConnectOptions {
        url: url.to_string(),
        create_if_missing: false,
        max_connections: 4,
        statement_timeout: None,
    })
    .await?;
    store.migrate().await?;
    let net = network(&store, history).await?;
    let dir = std::env::temp_dir().join(format!("rida-bench-scenario-{}", Uuid::new_v4()));
    let addrs = ["127.0.0.1:18111", "127.0.0.1:18112"];
    let bases: Vec<String> = addrs.iter().map(|a| format!("http://{a}")).collect();
    let http = reqwest::Client::new();
    let mut figures = Vec::new();
    let mut terminals = Vec::new();
    for instances in [1, 2] {
        let mut servers = Vec::new();
        for (i, addr) in addrs.iter().take(instances).enumerate() {
            servers.push(serve(url, addr, &dir.join(format!("i{i}")))?);
            crate::wait_ready(addr).await?;
        }
        if terminals.is_empty() {
            terminals = pair_all(&http, &bases[0], &net.codes).await?;
        }
        let pids: Vec<u32> = servers.iter().map(|s| s.0.id()).collect();
        settle(url).await?;
        println!("  {instances} instance(s): running {RUN_SECS} s");
        figures.push(run(&store, &net, &terminals, &bases[..instances], &pids).await?);
        drop(servers);
    }
    let _ = std::fs::remove_dir_all(&dir);
    store.close().await;
    let two = figures.pop().expect("two");
    let one = figures.pop().expect("one");
    Ok((one, two))
}
