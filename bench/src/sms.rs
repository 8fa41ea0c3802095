//! `rida-bench sms`: surveys by SMS through a real Kannel with its fake SMSC
//! (`scripts/kannel/start.sh`; Debian's kannel and kannel-extras).
//!
//! - Dispatch: N surveys planned and sent by Rida's dispatcher, counted when the fake
//!   SMSC has received them all, against Kannel driven directly (`sendsms` with the same
//!   HTTP client settings and concurrency) in alternating rounds of the same run.
//! - Replies: 100,000 customers' replies through the Kannel hook (`GET /hooks/kannel/mo`,
//!   32 at a time), each read, matched to its open survey and stored with its rollups.
//! - Reply to dashboard: from sending one reply to the organisation's figures counting it.

use std::{
    path::PathBuf,
    process::Command,
    time::{Duration, Instant},
};

use futures_util::StreamExt;
use rida_domain::{
    contact::parse_phone,
    dispatch::{Rule, SurveyChannel},
};
use rida_server::{AppState, Application, Settings, messaging::dispatch};
use rida_store::{By, NewVisit, Store, VisitContact};
use uuid::Uuid;

const TOKEN: &str = "bench-token";
const CONCURRENCY: usize = 16;

struct Kannel(PathBuf);

impl Drop for Kannel {
    fn drop(&mut self) {
        let _ = Command::new("sh")
            .arg(script("stop.sh"))
            .arg(&self.0)
            .status();
    }
}

fn script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../scripts/kannel")
        .join(name)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(0)
}

/// Four consecutive free ports for Kannel.
fn free_base() -> u16 {
    loop {
        let base = free_port();
        if base < 65000
            && (1..4).all(|i| std::net::TcpListener::bind(("127.0.0.1", base + i)).is_ok())
        {
            return base;
        }
    }
}

impl Kannel {
    fn received(&self) -> usize {
        std::fs::read_to_string(self.0.join("fakesmsc.log"))
            .map(|l| l.matches("Got message").count())
            .unwrap_or(0)
    }

    async fn wait_for(&self, n: usize) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(300);
        while self.received() < n {
            anyhow::ensure!(
                Instant::now() < deadline,
                "the fake SMSC got {} of {n}",
                self.received()
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        Ok(())
    }
}

fn phone(i: usize) -> String {
    format!("+3712{:07}", i % 10_000_000)
}

/// `n` ended visits with a phone each, from `first` on.
async fn visits(
    state: &AppState,
    org: Uuid,
    site: Uuid,
    first: usize,
    n: usize,
) -> anyhow::Result<()> {
    let now = jiff::Timestamp::now().as_millisecond();
    let key = &state.contact_key;
    let mut rows = Vec::with_capacity(n);
    let mut contacts = Vec::with_capacity(n);
    for i in first..first + n {
        let p = parse_phone(&phone(i), None)?;
        let id = rida_domain::new_id();
        rows.push(NewVisit {
            id,
            site_id: Some(site),
            customer_key: Some(key.customer_key(org, &p)),
            started_at: now - 600_000,
            ended_at: Some(now - 1_000),
            ..NewVisit::default()
        });
        contacts.push(VisitContact {
            visit_id: id,
            phone_enc: Some(key.seal(p.e164())),
            email_enc: None,
            lang: Some(["ar", "en", "lv"][i % 3].into()),
            survey: true,
            skip_reason: None,
        });
    }
    state.store.insert_visits(org, &rows).await?;
    for c in &contacts {
        state.store.save_visit_contact(org, c).await?;
    }
    Ok(())
}

/// Rida plans and sends every waiting survey; returns the seconds until the fake SMSC
/// has them all.
async fn rida_round(state: &AppState, kannel: &Kannel, expected: usize) -> anyhow::Result<f64> {
    let t0 = Instant::now();
    loop {
        let r = dispatch::run_once(state, jiff::Timestamp::now()).await?;
        anyhow::ensure!(r.retrying + r.failed == 0, "Kannel refused messages: {r:?}");
        if r.planned == 0 && r.sent == 0 {
            break;
        }
    }
    kannel.wait_for(expected).await?;
    Ok(t0.elapsed().as_secs_f64())
}

/// The same number of messages straight into Kannel's sendsms, with the same delivery
/// reports asked for (to Rida's hook, as Rida asks: Kannel's work is the same).
async fn direct_round(
    base: u16,
    port: u16,
    kannel: &Kannel,
    n: usize,
    expected: usize,
) -> anyhow::Result<f64> {
    let client = rida_server::messaging::http_client()?;
    let url = format!("http://127.0.0.1:{}/cgi-bin/sendsms", base + 2);
    let t0 = Instant::now();
    let results: Vec<bool> = futures_util::stream::iter(0..n)
        .map(|i| {
            let (client, url) = (client.clone(), url.clone());
            async move {
                let to = phone(9_000_000 + i);
                let dlr = format!(
                    "http://127.0.0.1:{port}/hooks/kannel/dlr?token={TOKEN}&msg={}&status=%d",
                    Uuid::now_v7()
                );
                client
                    .get(&url)
                    .query(&[
                        ("username", "rida"),
                        ("password", "rida-secret"),
                        ("from", "RIDA"),
                        ("to", to.as_str()),
                        ("text", "Bench Bank: how was your visit to Main today? Reply 1-5 (5 = excellent). Reply STOP to opt out."),
                        ("charset", "UTF-8"),
                        ("coding", "0"),
                        ("dlr-mask", "19"),
                        ("dlr-url", dlr.as_str()),
                    ])
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    anyhow::ensure!(results.iter().all(|ok| *ok), "Kannel refused a message");
    kannel.wait_for(expected).await?;
    Ok(t0.elapsed().as_secs_f64())
}

pub async fn sms() -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("rida-bench-sms-{}", Uuid::new_v4()));
    let (store, org, site, survey) = crate::rig::with_survey(&dir).await?;
    let by = By::system("bench");
    let rule = Rule {
        id: rida_domain::new_id(),
        site_id: None,
        service_id: None,
        channel: SurveyChannel::Sms,
        delay_minutes: 0,
        quiet: None,
        cap_days: 0,
        sample_percent: 100,
        survey_id: Some(survey),
        lang: None,
        expiry_hours: 24,
        with_link: false,
    };
    store.save_survey_rule(org, &rule, &by).await?;
    let (port, base) = (free_port(), free_base());
    let settings = Settings {
        listen: format!("127.0.0.1:{port}").parse()?,
        public_url: format!("http://127.0.0.1:{port}"),
        data_dir: dir.clone(),
        jobs: false,
        sms_gateway: "kannel".into(),
        kannel_url: format!("http://127.0.0.1:{}/cgi-bin/sendsms", base + 2),
        kannel_username: "rida".into(),
        kannel_password: "rida-secret".into(),
        sms_from: "RIDA".into(),
        kannel_hook_token: TOKEN.into(),
        dispatch_concurrency: CONCURRENCY,
        ..Settings::default()
    };
    let app = Application::build(settings, store.clone()).await?;
    let state = app.state().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    let out = Command::new("sh")
        .arg(script("start.sh"))
        .env("RIDA_URL", format!("http://127.0.0.1:{port}"))
        .env("TOKEN", TOKEN)
        .env("PORT_BASE", base.to_string())
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "Kannel: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kannel = Kannel(PathBuf::from(String::from_utf8(out.stdout)?.trim()));

    // Dispatch against Kannel direct, alternating.
    let n = 2_000;
    let mut expected = 0;
    let (mut direct, mut rida) = (Vec::new(), Vec::new());
    for round in 0..3 {
        expected += n;
        direct.push(n as f64 / direct_round(base, port, &kannel, n, expected).await?);
        visits(&state, org, site, round * n, n).await?;
        expected += n;
        let secs = rida_round(&state, &kannel, expected).await?;
        rida.push(n as f64 / secs);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (d, r) = (median(&mut direct), median(&mut rida));
    println!("\n### Surveys by SMS through Kannel and its fake SMSC (`rida-bench sms`)\n");
    println!("| what | messages / s (median of 3 rounds of {n}) |\n|---|---|");
    println!(
        "| Kannel `sendsms` driven directly ({CONCURRENCY} at a time, delivery reports to Rida) | {d:.0} |"
    );
    println!("| Rida: plan the visits' surveys and send them ({CONCURRENCY} at a time) | {r:.0} |");
    println!("| Rida / Kannel direct | {:.0} % |", r / d * 100.0);

    // Replies: 100,000 surveys sent, one reply each through the hook.
    let replies = 100_000;
    let t0 = Instant::now();
    open_surveys(&state, &store, org, site, 1_000_000, replies).await?;
    let setup = t0.elapsed().as_secs_f64();
    let client = rida_server::messaging::http_client()?;
    let hook = format!("http://127.0.0.1:{port}/hooks/kannel/mo");
    let t0 = Instant::now();
    let ok: Vec<bool> = futures_util::stream::iter(0..replies)
        .map(|i| {
            let (client, hook) = (client.clone(), hook.clone());
            async move {
                let from = phone(1_000_000 + i);
                let text = ["5", "٤ شكرا", "3 ok", "pieci", "⭐⭐⭐⭐"][i % 5];
                let id = format!("bench-{i}");
                client
                    .get(&hook)
                    .query(&[
                        ("token", TOKEN),
                        ("from", from.as_str()),
                        ("to", "RIDA"),
                        ("text", text),
                        ("id", id.as_str()),
                    ])
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    let secs = t0.elapsed().as_secs_f64();
    anyhow::ensure!(ok.iter().all(|o| *o), "a reply was refused");
    let answered = store.reply_outcomes(org, 0).await?;
    println!("\n| replies | time | replies / s | outcomes |\n|---|---|---|---|");
    println!(
        "| {replies} through `/hooks/kannel/mo`, 32 at a time (setup of the open surveys: {setup:.0} s) | {secs:.1} s | {:.0} | {answered:?} |",
        replies as f64 / secs
    );

    // Reply to dashboard: one reply, then the organisation's figures.
    let mut lat = Vec::new();
    let day = rida_domain::time::local_day(jiff::Timestamp::now(), &jiff::tz::TimeZone::UTC);
    open_surveys(&state, &store, org, site, 5_000_000, 100).await?;
    for i in 0..100 {
        let (before, _) = store
            .score_counts(org, rida_domain::Scale::Csat5, day, day, None)
            .await?;
        let t0 = Instant::now();
        let from = phone(5_000_000 + i);
        let id = format!("latency-{i}");
        client
            .get(&hook)
            .query(&[
                ("token", TOKEN),
                ("from", from.as_str()),
                ("to", "RIDA"),
                ("text", "5"),
                ("id", id.as_str()),
            ])
            .send()
            .await?;
        let (after, _) = store
            .score_counts(org, rida_domain::Scale::Csat5, day, day, None)
            .await?;
        lat.push(t0.elapsed().as_secs_f64() * 1000.0);
        anyhow::ensure!(
            after.n() == before.n() + 1,
            "the figures did not count the reply"
        );
    }
    lat.sort_by(f64::total_cmp);
    println!(
        "\n| from a reply to the dashboard's figures counting it | p50 {:.1} ms | p95 {:.1} ms | max {:.1} ms |\n|---|---|---|---|",
        lat[49], lat[94], lat[99]
    );
    drop(kannel);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// `n` surveys open for replies, to the numbers from `first` on: visits planned by the
/// dispatcher, then handed to a stand-in gateway (recorded sent, without Kannel).
async fn open_surveys(
    state: &AppState,
    store: &Store,
    org: Uuid,
    site: Uuid,
    first: usize,
    n: usize,
) -> anyhow::Result<()> {
    for chunk in (0..n).step_by(10_000) {
        visits(state, org, site, first + chunk, 10_000.min(n - chunk)).await?;
    }
    loop {
        let visits = store.unplanned_surveys(500).await?;
        if visits.is_empty() {
            break;
        }
        let mut planner = rida_server::messaging::compose::Planner::new(state);
        let mut plans = Vec::new();
        for u in &visits {
            let plan = planner.plan(u, jiff::Timestamp::now()).await?;
            plans.push(rida_store::PlannedSurvey {
                org: u.org_id,
                visit: u.visit_id,
                message: plan.message,
                cap_since: None,
            });
        }
        store.plan_surveys(&plans).await?;
    }
    loop {
        let now = jiff::Timestamp::now().as_millisecond();
        let due = store
            .take_due_messages(now, 60_000, 1_000, &["sms"])
            .await?;
        if due.is_empty() {
            break;
        }
        let sent: Vec<(Uuid, Option<String>)> = due.iter().map(|m| (m.id, None)).collect();
        store.messages_sent("bench", &sent, now).await?;
    }
    Ok(())
}
