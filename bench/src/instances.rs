//! Several instances on one PostgreSQL database: answers posted by 16 clients in batches
//! of 20 through one instance, then through two (each its own pool, requests alternating
//! between them), in alternating rounds of the same run; each measurement on a database
//! of its own. Every answer goes to the same site on the same day, so every commit
//! updates the same rollup rows: the worst case for writers meeting. Needs
//! `RIDA_BENCH_POSTGRES_URL` (a server URL whose role may create databases).

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use rida_server::{Application, Settings};
use rida_store::{By, ConnectOptions, Store};

const CLIENTS: usize = 16;
const BATCH: usize = 20;
const REQUESTS: usize = 500;
const ROUNDS: usize = 3;

struct Run {
    per_sec: f64,
    p99_ms: f64,
    errors: usize,
    retries: u64,
}

/// A new database next to the one `base` names; its URL.
pub(crate) async fn fresh_database(base: &str) -> anyhow::Result<String> {
    let admin = sqlx::PgPool::connect(base).await?;
    let name = format!("rida_bench_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin)
        .await?;
    admin.close().await;
    let (server, _) = base
        .rsplit_once('/')
        .ok_or_else(|| anyhow::anyhow!("RIDA_BENCH_POSTGRES_URL must end in /DATABASE"))?;
    Ok(format!("{server}/{name}"))
}

pub(crate) async fn drop_database(base: &str, url: &str) -> anyhow::Result<()> {
    let name = url.rsplit('/').next().unwrap_or_default();
    let admin = sqlx::PgPool::connect(base).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&admin)
        .await?;
    admin.close().await;
    Ok(())
}

async fn instance(url: &str) -> anyhow::Result<(Store, String, tokio::sync::oneshot::Sender<()>)> {
    let store = Store::connect(&ConnectOptions {
        url: url.to_string(),
        create_if_missing: false,
        max_connections: 8,
        statement_timeout: None,
    })
    .await?;
    let app = Application::build(
        Settings {
            listen: "127.0.0.1:0".parse()?,
            jobs: false,
            ..Settings::default()
        },
        store.clone(),
    )
    .await?;
    let addr = format!("http://{}", app.local_addr());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    Ok((store, addr, stop))
}

/// Posts the answers through `instances` of a fresh database.
async fn run(base: &str, instances: usize) -> anyhow::Result<Run> {
    let url = fresh_database(base).await?;
    let result = async {
        let first = Store::connect(&ConnectOptions {
            url: url.clone(),
            create_if_missing: false,
            max_connections: 2,
            statement_timeout: None,
        })
        .await?;
        first.migrate().await?;
        let w = crate::world(&first).await?;
        let token =
            rida_server::web::issue_token(&first, w.org, "bench", &By::system("bench")).await?;
        let mut servers = Vec::new();
        for _ in 0..instances {
            servers.push(instance(&url).await?);
        }
        let addrs: Vec<String> = servers.iter().map(|s| s.1.clone()).collect();
        let bodies = crate::request_bodies(&w, REQUESTS, BATCH);
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(CLIENTS)
            .build()?;
        let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let start = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..CLIENTS {
            let (client, addrs, token, bodies, next) = (
                client.clone(),
                addrs.clone(),
                token.clone(),
                bodies.clone(),
                next.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let (mut lat, mut errors) = (Vec::new(), 0);
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= bodies.len() {
                        break;
                    }
                    let t = Instant::now();
                    // A refused batch is sent again, as a client would (its ids make
                    // that safe); each refusal is counted.
                    loop {
                        let r = client
                            .post(format!("{}/api/v1/ratings", addrs[i % addrs.len()]))
                            .bearer_auth(&token)
                            .header("content-type", "application/json")
                            .body(bodies[i].clone())
                            .send()
                            .await
                            .expect("request");
                        let ok = r.status().is_success();
                        let _ = r.bytes().await;
                        if ok {
                            break;
                        }
                        errors += 1;
                    }
                    lat.push(t.elapsed());
                }
                (lat, errors)
            }));
        }
        let (mut lat, mut errors): (Vec<Duration>, usize) = (Vec::new(), 0);
        for t in tasks {
            let (l, e) = t.await?;
            lat.extend(l);
            errors += e;
        }
        let secs = start.elapsed().as_secs_f64();
        let stored = first.count_ratings(w.org).await? as usize;
        anyhow::ensure!(
            stored == REQUESTS * BATCH,
            "stored {stored} of {}",
            REQUESTS * BATCH
        );
        let retries = servers.iter().map(|s| s.0.retries()).sum();
        for (store, _, stop) in servers {
            let _ = stop.send(());
            store.close().await;
        }
        first.close().await;
        lat.sort();
        Ok(Run {
            per_sec: (REQUESTS * BATCH) as f64 / secs,
            p99_ms: lat[(lat.len() * 99 / 100).min(lat.len() - 1)].as_secs_f64() * 1000.0,
            errors,
            retries,
        })
    }
    .await;
    drop_database(base, &url).await?;
    result
}

pub async fn bench() -> anyhow::Result<()> {
    let Ok(base) = std::env::var("RIDA_BENCH_POSTGRES_URL") else {
        println!("instances: skipped (set RIDA_BENCH_POSTGRES_URL)");
        return Ok(());
    };
    let mut one = Vec::new();
    let mut two = Vec::new();
    for _ in 0..ROUNDS {
        one.push(run(&base, 1).await?);
        two.push(run(&base, 2).await?);
    }
    println!(
        "\n### Two instances on one PostgreSQL (`rida-bench instances`)\n\n{CLIENTS} clients, batches of {BATCH}, {} answers a measurement, one site and day (every commit updates the same rollup rows); {ROUNDS} alternating rounds.\n",
        REQUESTS * BATCH
    );
    println!(
        "| round | one instance: answers/s | p99 | two instances: answers/s | p99 | refused | writes run again | two / one |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    for (i, (a, b)) in one.iter().zip(&two).enumerate() {
        let ratio = b.per_sec / a.per_sec;
        ratios.push(ratio);
        println!(
            "| {} | {:.0} | {:.1} ms | {:.0} | {:.1} ms | {} | {} | {:.2} |",
            i + 1,
            a.per_sec,
            a.p99_ms,
            b.per_sec,
            b.p99_ms,
            a.errors + b.errors,
            a.retries + b.retries,
            ratio
        );
    }
    ratios.sort_by(f64::total_cmp);
    println!("\nmedian two / one: {:.2}", ratios[ratios.len() / 2]);
    Ok(())
}
