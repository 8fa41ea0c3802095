//! web: customers answering through the anonymous web survey (the page opened, then the
//! form sent with its token, through the duplicate guard and the rate limit) against
//! the same answers posted one per request to the ratings API, in alternating rounds of
//! the same run. Each simulated phone has its own address (`X-Forwarded-For`).

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use rida_server::{Application, Settings};
use rida_store::By;
use serde_json::json;

const CUSTOMERS: usize = 2_000;
const CONCURRENCY: usize = 16;
const ROUNDS: usize = 2;
const CODE: &str = "Bench001";

/// The value of a hidden field of the survey page.
fn hidden(html: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let at = html.find(&key).map(|i| i + key.len()).unwrap_or(0);
    html[at..].split('"').next().unwrap_or("").to_string()
}

struct Target {
    base: String,
    token: String,
    site: uuid::Uuid,
    question: uuid::Uuid,
}

/// One customer: through the page (`web`) or one API request.
async fn customer(c: &reqwest::Client, t: &Target, i: usize, web: bool) -> anyhow::Result<()> {
    let score = (i % 5 + 1).to_string();
    if web {
        let ip = format!("10.{}.{}.{}", (i >> 16) & 255, (i >> 8) & 255, i & 255);
        let url = format!("{}/q/{CODE}", t.base);
        let page = c
            .get(&url)
            .header("x-forwarded-for", &ip)
            .send()
            .await?
            .text()
            .await?;
        let form = [
            ("token", hidden(&page, "token")),
            ("pass", hidden(&page, "pass")),
            ("lang", "en".into()),
            ("q-csat", score),
        ];
        let r = c
            .post(&url)
            .header("x-forwarded-for", &ip)
            .form(&form)
            .send()
            .await?;
        anyhow::ensure!(r.status().is_success(), "web answer: {}", r.status());
    } else {
        let body = json!({ "ratings": [{
            "id": uuid::Uuid::now_v7(), "answered_at": jiff::Timestamp::now().to_string(), "site_id": t.site,
            "channel": "web", "question_id": t.question, "score": i % 5 + 1,
        }]});
        let r = c
            .post(format!("{}/api/v1/ratings", t.base))
            .bearer_auth(&t.token)
            .json(&body)
            .send()
            .await?;
        anyhow::ensure!(r.status().is_success(), "API answer: {}", r.status());
    }
    Ok(())
}

/// `CUSTOMERS` customers, `CONCURRENCY` at a time: (seconds, every customer's time).
async fn round(
    c: &reqwest::Client,
    t: &Arc<Target>,
    from: usize,
    web: bool,
) -> anyhow::Result<(f64, Vec<Duration>)> {
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let (c, t, next) = (c.clone(), t.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= CUSTOMERS {
                    return Ok::<_, anyhow::Error>(lat);
                }
                let s = Instant::now();
                customer(&c, &t, from + i, web).await?;
                lat.push(s.elapsed());
            }
        }));
    }
    let mut lat = Vec::new();
    for task in tasks {
        lat.extend(task.await??);
    }
    Ok((start.elapsed().as_secs_f64(), lat))
}

fn p95_ms(lat: &mut [Duration]) -> f64 {
    lat.sort();
    lat[lat.len() * 95 / 100].as_secs_f64() * 1000.0
}

pub async fn web() -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("rida-bench-web-{}", uuid::Uuid::now_v7()));
    let (store, org, site, survey) = crate::rig::with_survey(&dir).await?;
    let by = By::system("bench");
    let input = rida_store::WebSurveyInput {
        name: "Bench".into(),
        site_id: site,
        service_id: None,
        employee_id: None,
        survey_id: Some(survey),
        active: true,
    };
    store
        .save_web_survey(org, rida_domain::new_id(), CODE, &input, &by)
        .await?;
    let question = store
        .survey(org, survey)
        .await?
        .def
        .question("csat")
        .map(|q| q.id)
        .ok_or_else(|| anyhow::anyhow!("the sample survey asks csat"))?;
    let token = rida_server::web::issue_token(&store, org, "bench", &by).await?;
    let settings = Settings {
        listen: "127.0.0.1:0".parse()?,
        web_answers_per_hour: 1_000_000,
        client_ip_header: "X-Forwarded-For".into(),
        ..Settings::default()
    };
    let app = Application::build(settings, store.clone()).await?;
    let target = Arc::new(Target {
        base: format!("http://{}", app.local_addr()),
        token,
        site,
        question,
    });
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()?;
    let (mut api, mut web) = ((0.0, Vec::new()), (0.0, Vec::new()));
    for r in 0..ROUNDS {
        let (s, l) = round(&client, &target, 2 * r * CUSTOMERS, false).await?;
        api.0 += s;
        api.1.extend(l);
        let (s, l) = round(&client, &target, (2 * r + 1) * CUSTOMERS, true).await?;
        web.0 += s;
        web.1.extend(l);
    }
    let _ = stop.send(());
    let stored = store.count_ratings(org).await? as usize;
    anyhow::ensure!(stored == 2 * ROUNDS * CUSTOMERS, "stored {stored} answers");
    let n = (ROUNDS * CUSTOMERS) as f64;
    let (api_rate, web_rate) = (n / api.0, n / web.0);
    println!(
        "| web survey, {} customers, {CONCURRENCY} at a time, {ROUNDS} alternating rounds | customers/s | p95 per customer | ratio |",
        ROUNDS * CUSTOMERS
    );
    println!("|---|---:|---:|---:|");
    println!(
        "| ratings API, one answer per request (baseline) | {api_rate:.0} | {:.1} ms | 1.00 |",
        p95_ms(&mut api.1)
    );
    println!(
        "| web survey: page, then form with token, guard and rate limit | {web_rate:.0} | {:.1} ms | {:.2} |",
        p95_ms(&mut web.1),
        web_rate / api_rate
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
