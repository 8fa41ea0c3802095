//! `rida-bench terminals`: 500 simulated terminals on one `rida serve` (SQLite): each
//! keeps a long poll open, beats every 15 s and sends a tap every 10 s. Measures the
//! server's CPU and memory while they run, and how long a remote action (a new logo,
//! which every terminal must fetch) takes to reach all 500 — against the same action
//! reaching a single waiting terminal, measured in the same run.

use std::{
    path::Path,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use crate::rig;
use rida_store::{By, Store};
use serde_json::{Value, json};
use uuid::Uuid;

const TERMINALS: usize = 500;
const MEASURE_SECS: u64 = 30;
const ACTIONS: usize = 5;

/// Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux).
const TICKS: f64 = 100.0;

pub(crate) fn cpu_ticks(pid: u32) -> anyhow::Result<u64> {
    Ok(times(pid)?[..2].iter().sum())
}

/// CPU time of a process and of its children that have ended and were waited for, in
/// clock ticks: summed over a server's processes, it only grows, even when a child
/// (a PostgreSQL backend whose connection closed) goes between two readings.
pub(crate) fn cpu_ticks_and_reaped(pid: u32) -> anyhow::Result<u64> {
    Ok(times(pid)?.iter().sum())
}

/// utime, stime, cutime and cstime of `/proc/PID/stat`.
fn times(pid: u32) -> anyhow::Result<[u64; 4]> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| -> anyhow::Result<u64> {
        let v: i64 = f
            .get(i)
            .ok_or_else(|| anyhow::anyhow!("short stat"))?
            .parse()?;
        Ok(v.max(0) as u64)
    };
    Ok([field(11)?, field(12)?, field(13)?, field(14)?])
}

/// One simulated terminal: its token and the versions it knows.
pub(crate) struct Sim {
    pub(crate) token: String,
    pub(crate) question: Value,
    config: i64,
    reload: i64,
}

async fn setup(dir: &Path) -> anyhow::Result<(Store, Uuid, Vec<String>)> {
    let (store, org, site, survey) = rig::with_survey(dir).await?;
    let mut codes = Vec::new();
    for i in 0..TERMINALS {
        let code = rida_domain::terminal::pairing_code(&rand_bytes(i));
        rig::terminal(&store, (org, site, survey), &format!("T{i:03}"), &code).await?;
        codes.push(code);
    }
    Ok((store, org, codes))
}

/// Distinct bytes per terminal (pairing codes must differ).
pub(crate) fn rand_bytes(i: usize) -> [u8; 8] {
    let u = Uuid::new_v4().into_bytes();
    let mut b = [0u8; 8];
    b.copy_from_slice(&u[..8]);
    b[0] = (i % 31) as u8;
    b[1] = ((i / 31) % 31) as u8;
    b
}

pub(crate) async fn pair(http: &reqwest::Client, base: &str, code: &str) -> anyhow::Result<Sim> {
    let r: Value = http
        .post(format!("{base}/api/v1/kiosk/pair"))
        .json(&json!({ "code": code }))
        .send()
        .await?
        .json()
        .await?;
    let token = r["token"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("pairing failed: {r}"))?
        .to_string();
    let c: Value = http
        .get(format!("{base}/api/v1/kiosk/config"))
        .bearer_auth(&token)
        .send()
        .await?
        .json()
        .await?;
    Ok(Sim {
        token,
        question: c["survey"]["questions"][0]["id"].clone(),
        config: c["versions"]["config_version"].as_i64().unwrap_or(0),
        reload: c["versions"]["reload_seq"].as_i64().unwrap_or(0),
    })
}

/// Arrival times (since `epoch`) of changes, per terminal.
type Arrivals = Arc<Mutex<Vec<(usize, f64)>>>;

/// Runs one terminal until the process ends: long poll, heartbeat, a tap every 10 s.
fn spawn_terminal(
    http: reqwest::Client,
    base: String,
    mut sim: Sim,
    n: usize,
    epoch: Instant,
    arrivals: Arrivals,
    taps: bool,
) {
    let (h, b, token, question) = (
        http.clone(),
        base.clone(),
        sim.token.clone(),
        sim.question.clone(),
    );
    if taps {
        tokio::spawn(async move {
            // Spread the terminals over the periods.
            tokio::time::sleep(Duration::from_millis((n as u64 * 20) % 10_000)).await;
            let mut beat = tokio::time::interval(Duration::from_secs(15));
            let mut tap = tokio::time::interval(Duration::from_secs(10));
            loop {
                tokio::select! {
                    _ = beat.tick() => {
                        let _ = h.post(format!("{b}/api/v1/kiosk/heartbeat")).bearer_auth(&token)
                            .json(&json!({ "app_version": "bench", "queued": 0, "tab": format!("t{n}") })).send().await;
                    }
                    _ = tap.tick() => {
                        let _ = h.post(format!("{b}/api/v1/kiosk/answers")).bearer_auth(&token)
                            .json(&json!({ "answers": [{ "id": Uuid::now_v7(), "answered_at": jiff::Timestamp::now().to_string(),
                                "question_id": question, "visit_id": Uuid::now_v7(), "score": 4 }] })).send().await;
                    }
                }
            }
        });
    }
    tokio::spawn(async move {
        loop {
            let r = http
                .get(format!(
                    "{base}/api/v1/kiosk/wait?config={}&reload={}",
                    sim.config, sim.reload
                ))
                .bearer_auth(&sim.token)
                .send()
                .await;
            let Ok(r) = r else {
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            };
            let Ok(v) = r.json::<Value>().await else {
                continue;
            };
            let config = v["config_version"].as_i64().unwrap_or(sim.config);
            if config != sim.config {
                arrivals
                    .lock()
                    .expect("arrivals")
                    .push((n, epoch.elapsed().as_secs_f64()));
                sim.config = config;
                // As the page does: fetch the new settings.
                let _ = http
                    .get(format!("{base}/api/v1/kiosk/config"))
                    .bearer_auth(&sim.token)
                    .send()
                    .await;
            }
        }
    });
}

/// Changes the logo (every terminal must fetch its settings again) and waits until
/// `count` terminals have seen it; returns (time to half, time to all) in ms.
async fn action(
    store: &Store,
    org: Uuid,
    epoch: Instant,
    arrivals: &Arrivals,
    count: usize,
) -> anyhow::Result<(f64, f64)> {
    arrivals.lock().expect("arrivals").clear();
    let start = epoch.elapsed().as_secs_f64();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    store
        .set_logo(org, Some((&png, "image/png")), &By::system("bench"))
        .await?;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let got: Vec<f64> = arrivals
            .lock()
            .expect("arrivals")
            .iter()
            .map(|(_, t)| (t - start) * 1000.0)
            .collect();
        if got.len() >= count {
            let mut got = got;
            got.sort_by(f64::total_cmp);
            return Ok((got[got.len() / 2], got[got.len() - 1]));
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "only {} of {count} terminals saw the change",
            got.len()
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

pub async fn terminals() -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("rida-bench-{}", Uuid::new_v4()));
    let (store, org, codes) = setup(&dir).await?;
    let addr = "127.0.0.1:18097";
    let base = format!("http://{addr}");
    let server = rig::serve(&dir, addr).await?;
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(2 * TERMINALS)
        .timeout(Duration::from_secs(60))
        .build()?;
    let epoch = Instant::now();

    // Baseline: one terminal waiting, nothing else going on.
    let one = Arc::new(Mutex::new(Vec::new()));
    spawn_terminal(
        http.clone(),
        base.clone(),
        pair(&http, &base, &codes[0]).await?,
        0,
        epoch,
        one.clone(),
        false,
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut single = Vec::new();
    for _ in 0..ACTIONS {
        single.push(action(&store, org, epoch, &one, 1).await?.1);
        tokio::time::sleep(Duration::from_millis(700)).await;
    }

    // 499 more, all busy; the first one keeps only waiting.
    let all = Arc::new(Mutex::new(Vec::new()));
    for (n, code) in codes.iter().enumerate().skip(1) {
        let sim = pair(&http, &base, code).await?;
        spawn_terminal(http.clone(), base.clone(), sim, n, epoch, all.clone(), true);
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    let pid = server.0.id();
    let (t0, c0) = (Instant::now(), cpu_ticks(pid)?);
    let mut rss = 0;
    let mut fanout = Vec::new();
    for _ in 0..ACTIONS {
        fanout.push(action(&store, org, epoch, &all, TERMINALS - 1).await?);
        rss = rss.max(crate::rss_kib(pid)?);
        tokio::time::sleep(Duration::from_secs(MEASURE_SECS / ACTIONS as u64)).await;
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = (cpu_ticks(pid)? - c0) as f64 / TICKS / secs * 100.0;
    rss = rss.max(crate::rss_kib(pid)?);
    let answers = store.count_ratings(org).await?;
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);

    single.sort_by(f64::total_cmp);
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let base_ms = single[single.len() / 2];
    let mut to_all: Vec<f64> = fanout.iter().map(|(_, all)| *all).collect();
    let mut to_half: Vec<f64> = fanout.iter().map(|(half, _)| *half).collect();
    let worst = to_all.iter().copied().fold(0.0, f64::max);
    println!(
        "\n{TERMINALS} terminals on one instance: long poll, a heartbeat every 15 s, a tap every 10 s; a new logo pushed {ACTIONS} times.\n"
    );
    println!("| measurement | value | ratio to one waiting terminal |");
    println!("|---|---:|---:|");
    println!(
        "| a change reaches one waiting terminal (median of {ACTIONS}) | {base_ms:.0} ms | 1.0 |"
    );
    let half = median(&mut to_half);
    println!(
        "| … reaches half of {} busy terminals (median) | {half:.0} ms | {:.1} |",
        TERMINALS - 1,
        half / base_ms
    );
    let all_ms = median(&mut to_all);
    println!(
        "| … reaches all of them (median; worst {worst:.0} ms; aim < 2,000 ms) | {all_ms:.0} ms | {:.1} |",
        all_ms / base_ms
    );
    println!("| server CPU while they run (one core = 100 %) | {cpu:.0} % | |");
    println!("| server RSS, max | {:.1} MiB | |", rss as f64 / 1024.0);
    println!("| answers stored during the run | {answers} | |");
    Ok(())
}
