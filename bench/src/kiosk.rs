//! `rida-bench kiosk`: the terminal page in headless Chromium on loopback. Bytes
//! transferred on a first load (fresh browser profile), time until the first screen can
//! be used, the same for a paired terminal's reload, and a tap with the server down.
//! The admin login page, loaded the same way in the same run, is the baseline.

use std::{
    process::{Command, Stdio},
    time::Duration,
};

use crate::rig;
use fantoccini::{Client, ClientBuilder, Locator};

use serde_json::{Value, json};
use uuid::Uuid;

const ROUNDS: usize = 5;

async fn chromedriver() -> anyhow::Result<(rig::Server, String)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let child = rig::Server(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?,
    );
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if reqwest::get(format!("{url}/status")).await.is_ok() {
            return Ok((child, url));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("chromedriver did not start (apt-get install chromium chromium-driver)")
}

async fn browser(driver: &str) -> anyhow::Result<Client> {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--window-size=1280,800"] }),
    );
    Ok(ClientBuilder::native()
        .capabilities(caps)
        .connect(driver)
        .await?)
}

/// (bytes transferred, ms until `mark` — or the load event when there is none).
async fn load_figures(b: &Client, mark: Option<&str>) -> anyhow::Result<(f64, f64)> {
    let script = format!(
        "const nav = performance.getEntriesByType('navigation')[0]; \
         const res = performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0); \
         const m = {}; \
         return [nav.transferSize + res, m ? m.startTime : nav.loadEventEnd];",
        match mark {
            Some(m) => format!("performance.getEntriesByName('{m}')[0]"),
            None => "null".into(),
        }
    );
    let v: Value = b.execute(&script, vec![]).await?;
    Ok((v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0)))
}

async fn ready(b: &Client, sel: &str) -> anyhow::Result<()> {
    b.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(sel))
        .await?;
    Ok(())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub async fn kiosk() -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("rida-bench-{}", Uuid::new_v4()));
    let (store, org, site, survey) = rig::with_survey(&dir).await?;
    let at = (org, site, survey);
    let mut codes = Vec::new();
    for i in 0..ROUNDS {
        let code = format!("KQ7M2P9{}", ['A', 'B', 'C', 'D', 'E'][i]);
        rig::terminal(&store, at, &format!("K{i}"), &code).await?;
        codes.push(code);
    }
    let addr = "127.0.0.1:18095";
    let mut server = Some(rig::serve(&dir, addr).await?);
    let base = format!("http://{addr}");
    let (_driver, driver) = chromedriver().await?;

    let (mut login_ms, mut login_kb) = (Vec::new(), Vec::new());
    let (mut first_ms, mut first_kb) = (Vec::new(), Vec::new());
    let (mut warm_ms, mut warm_kb) = (Vec::new(), Vec::new());
    let mut offline_tap = Vec::new();
    for code in &codes {
        // A fresh profile each round: nothing cached.
        let b = browser(&driver).await?;
        b.goto(&format!("{base}/login")).await?;
        ready(&b, "#f-username").await?;
        let (kb, ms) = load_figures(&b, None).await?;
        login_kb.push(kb / 1024.0);
        login_ms.push(ms);
        b.close().await?;

        let b = browser(&driver).await?;
        b.goto(&format!("{base}/kiosk/")).await?;
        ready(&b, "#pair-code").await?;
        let (kb, ms) = load_figures(&b, Some("rida-ready")).await?;
        first_kb.push(kb / 1024.0);
        first_ms.push(ms);

        b.find(Locator::Css("#pair-code"))
            .await?
            .send_keys(code)
            .await?;
        b.find(Locator::Css("#pair-submit")).await?.click().await?;
        ready(&b, ".k-face").await?;
        // A paired terminal starting again (its service worker now holds the page).
        b.refresh().await?;
        ready(&b, ".k-face").await?;
        let (kb, ms) = load_figures(&b, Some("rida-ready")).await?;
        warm_kb.push(kb / 1024.0);
        warm_ms.push(ms);
        b.close().await?;
    }
    // A tap with the server down: the thank-you comes from the page alone. Pair through
    // a restarted server, stop it, then tap.
    drop(server.take());
    let b = browser(&driver).await?;
    let mut again = rig::serve(&dir, addr).await?;
    let code = "KQ7M2P9F";
    rig::terminal(&store, at, "offline", code).await?;
    b.goto(&format!("{base}/kiosk/")).await?;
    ready(&b, "#pair-code").await?;
    b.find(Locator::Css("#pair-code"))
        .await?
        .send_keys(code)
        .await?;
    b.find(Locator::Css("#pair-submit")).await?.click().await?;
    ready(&b, ".k-face").await?;
    let _ = again.0.kill();
    let _ = again.0.wait();
    for _ in 0..ROUNDS {
        ready(&b, ".k-face[data-score='5']").await?;
        let v: Value = b
            .execute_async(
                "const done = arguments[0]; const t0 = performance.now(); \
                 document.querySelector(\".k-face[data-score='5']\").click(); \
                 const seen = () => document.getElementById('thanks') ? done(performance.now() - t0) : requestAnimationFrame(seen); seen();",
                vec![],
            )
            .await?;
        offline_tap.push(v.as_f64().unwrap_or(0.0));
        b.find(Locator::Css("#thanks")).await?.click().await?;
    }
    b.close().await?;
    drop(again);
    let _ = std::fs::remove_dir_all(&dir);

    let (lms, lkb) = (median(login_ms), median(login_kb));
    println!(
        "\nThe terminal page in headless Chromium on loopback, fresh profile each round (median of {ROUNDS}); the admin login page is the baseline.\n"
    );
    println!("| measurement | transferred | ms to usable | ratio of time to the login page |");
    println!("|---|---:|---:|---:|");
    println!("| admin login page, first load (baseline) | {lkb:.0} KiB | {lms:.0} | 1.0 |");
    let (fms, fkb) = (median(first_ms), median(first_kb));
    println!(
        "| terminal page, first load (aim < 200 KB, < 1 s) | {fkb:.0} KiB | {fms:.0} | {:.1} |",
        fms / lms
    );
    let (wms, wkb) = (median(warm_ms), median(warm_kb));
    println!(
        "| paired terminal starting again (service worker) | {wkb:.0} KiB | {wms:.0} | {:.1} |",
        wms / lms
    );
    println!(
        "| tap to thank-you screen, server down | — | {:.0} | |",
        median(offline_tap)
    );
    Ok(())
}
