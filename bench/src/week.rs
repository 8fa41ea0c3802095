//! `rida-bench week`: what the network's week costs a national network (SQLite).
//!
//! The bank: 50 regions of 10 sites (500 sites, 3,000 employees), the history of
//! `RIDA_BENCH_ANSWERS` answers (default 10,000,000) over two years, 200 managers (four
//! per region) asking for the Monday e-mail. Then, each against a
//! baseline measured in the same run:
//!
//! - **alert evaluation** during a day of ingest (the usual answers and 5,000 low ones,
//!   10 a site, an hour at a time): the alert job's time per answer against the ingest's
//!   time per answer (the group commit's insert), with the low-score, rate and share
//!   rules on; and how many alerts the 5,000 low answers made;
//! - **the Monday page** (`analytics::week::build`: figures, alerts, terminals) for the
//!   head and for one manager, p50/p95 of 40, against the week's dashboard;
//! - **the Monday e-mails** of the 200 managers composed (each with its PDF) and handed
//!   to a real SMTP server (python3-aiosmtpd writing a Maildir);
//! - **PDF reports** for the head: the monthly report, and a saved report of every
//!   site (the long one): their pages and time.
//!
//! `RIDA_BENCH_ONLY=page` times the Monday page alone (for a profiler);
//! `RIDA_BENCH_KEEP=1` keeps its database.

use std::{
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use jiff::{Timestamp, civil::Date};
use rida_domain::{
    Answer, Channel, Role, Scale,
    metrics::Thresholds,
    period::{Period, PeriodKind},
};
use rida_server::{AppState, Settings, auth::CurrentUser, jobs};
use rida_store::{AlertRuleInput, By, NewRating, Store, UserInput};
use uuid::Uuid;

use crate::analytics::{Org, PAGES, generate, organisation_of, reach, timings};

/// Low answers in the day of ingest (10 a site: at most one alert a site and rule).
const LOW_A_DAY: usize = 5_000;
const MANAGERS: usize = 200;

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub async fn week() -> anyhow::Result<()> {
    let n: u64 = std::env::var("RIDA_BENCH_ANSWERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let dir = std::env::temp_dir().join(format!("rida-bench-week-{}", std::process::id()));
    let store = crate::sqlite(&dir).await?;
    let result = run(&store, n, &dir).await;
    drop(store);
    // `RIDA_BENCH_KEEP=1`: the database stays, to be read with `sqlite3` afterwards.
    match std::env::var("RIDA_BENCH_KEEP").is_ok_and(|v| v == "1") {
        true => println!("kept: {}", dir.display()),
        false => {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    result
}

async fn run(store: &Store, n: u64, dir: &std::path::Path) -> anyhow::Result<()> {
    // Monday 07:00 UTC of this week: the week just ended is the Monday e-mail's.
    let today = Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date();
    let monday = today
        .checked_sub(jiff::Span::new().days(i64::from(today.weekday().to_monday_zero_offset())))?;
    let sunday = monday.checked_sub(jiff::Span::new().days(1))?;
    let last_monday = monday.checked_sub(jiff::Span::new().days(7))?;
    let now = monday
        .at(7, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)?
        .timestamp();

    let smtp = SmtpSink::start(dir)?;
    let started = Instant::now();
    let org = organisation_of(store, 50, 10).await?;
    generate(store, &org, n, sunday).await?;
    println!(
        "\n### The network's week: 500 sites, {n} answers (generated in {:.0} s), SQLite\n",
        started.elapsed().as_secs_f64()
    );
    let state = AppState::new(
        Settings {
            jobs: false,
            smtp_url: format!("smtp://127.0.0.1:{}", smtp.port),
            mail_from: "Rida <rida@bench.example>".into(),
            public_url: "http://rida.bench.example".into(),
            ..Settings::default()
        },
        store.clone(),
    )
    .await?;
    let (head, manager) = people(store, &org).await?;

    // `RIDA_BENCH_ONLY=page`: the Monday page alone (for a profiler).
    let all = std::env::var("RIDA_BENCH_ONLY").map_or(true, |v| v != "page");
    if all {
        alerts(&state, &org, now).await?;
    }
    monday_page(&state, &org, head, manager, last_monday, now).await?;
    if all {
        monday_mails(&state, &org, &smtp, now).await?;
        monthly_pdf(&state, head, now).await?;
    }
    Ok(())
}

/// The head, and 200 managers four to a region asking for the Monday e-mail; the head's
/// id and the first manager's.
async fn people(store: &Store, org: &Org) -> anyhow::Result<(Uuid, Uuid)> {
    let by = By::system("bench");
    let user = |name: String, role: Role, region: Option<Uuid>| UserInput {
        username: name.clone(),
        display_name: name.clone(),
        role,
        employee_id: None,
        region_ids: region.into_iter().collect(),
        site_ids: vec![],
        email: Some(format!("{name}@bank.example")),
        monthly_report: false,
    };
    let head = store
        .create_user(
            org.id,
            rida_domain::new_id(),
            &user("head".into(), Role::Head, None),
            "!",
            &by,
        )
        .await?;
    let mut first = None;
    for i in 0..MANAGERS {
        let region = org.regions[i % org.regions.len()];
        let id = store
            .create_user(
                org.id,
                rida_domain::new_id(),
                &user(format!("manager{i}"), Role::Manager, Some(region)),
                "!",
                &by,
            )
            .await?;
        store.set_monday_mail(org.id, id, true).await?;
        first.get_or_insert(id);
    }
    Ok((head, first.unwrap_or(head)))
}

fn rule(name: &str, kind: &str) -> AlertRuleInput {
    AlertRuleInput {
        name: name.into(),
        names: Default::default(),
        kind: kind.into(),
        site_id: None,
        service_id: None,
        metric: None,
        threshold: None,
        min_answers: 3,
        notify_roles: vec![],
        scope: "site".into(),
        region_id: None,
        window_minutes: 60,
        notify_user: None,
        deadline_hours: Some(24),
    }
}

/// A day of ingest an hour at a time, the alert job after each hour.
async fn alerts(state: &AppState, org: &Org, now: Timestamp) -> anyhow::Result<()> {
    let by = By::system("bench");
    for (name, kind) in [
        ("Any low score", "low_score"),
        ("Three low in an hour", "low_rate"),
        ("Low share over usual", "low_share"),
    ] {
        state
            .store
            .create_alert_rule(org.id, rida_domain::new_id(), &rule(name, kind), &by)
            .await?;
    }
    // The job once before the day: its cursor starts at the newest answer.
    jobs::alerts::run(state, org.id, now).await?;
    // Rules judge answers received after they were made: the day starts now.
    let day_start = rida_store::now_ms() + 1_000;
    let usual_a_day = 13_700usize;
    let mut seed = 7u64;
    let mut next = |m: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) % m as u64) as usize
    };
    let (mut ingest, mut evaluation, mut answers, mut raised) =
        (Duration::ZERO, Duration::ZERO, 0usize, 0usize);
    let (csat, _) = org.questions[0];
    for hour in 0..24 {
        let count = (usual_a_day + LOW_A_DAY) / 24;
        let rows: Vec<NewRating> = (0..count)
            .map(|i| {
                let at = day_start + hour * 3_600_000 + (i as i64 * 3_600_000) / count as i64;
                let low = i * LOW_A_DAY / (usual_a_day + LOW_A_DAY)
                    != (i + 1) * LOW_A_DAY / (usual_a_day + LOW_A_DAY);
                let (site, employees) = &org.sites[next(org.sites.len())];
                let (question, scale) = if low {
                    (csat, Scale::Csat5)
                } else {
                    org.questions[next(3)]
                };
                let (lo, hi) = scale.score_range().unwrap_or((1, 5));
                let score = if low {
                    1 + next(2) as i16
                } else {
                    lo + next((hi - lo + 1) as usize) as i16
                };
                NewRating {
                    id: Uuid::now_v7(),
                    answered_at: at,
                    received_at: at,
                    local_day: rida_domain::time::local_day(
                        rida_domain::time::from_millis(at),
                        &jiff::tz::TimeZone::UTC,
                    ),
                    site_id: *site,
                    service_id: Some(org.services[next(org.services.len())]),
                    employee_id: Some(employees[next(employees.len())]),
                    channel: Channel::Kiosk,
                    question_id: question,
                    answer: Answer::Score(score),
                    visit_id: Some(Uuid::now_v7()),
                    customer_key: None,
                    terminal_id: None,
                    lang: Some("lv".into()),
                    flags: 0,
                }
            })
            .collect();
        let t = Instant::now();
        for chunk in rows.chunks(100) {
            state.store.insert_ratings(org.id, chunk).await?;
        }
        ingest += t.elapsed();
        let t = Instant::now();
        raised += jobs::alerts::run(
            state,
            org.id,
            Timestamp::from_millisecond(day_start + (hour + 1) * 3_600_000)?,
        )
        .await?;
        evaluation += t.elapsed();
        answers += rows.len();
    }
    let open = state.store.count_open_alerts(org.id, None, None).await?;
    let per = |d: Duration| format!("{:.1} µs", d.as_secs_f64() * 1e6 / answers as f64);
    println!("| a day of ingest ({answers} answers, {LOW_A_DAY} low) | per answer | in all |");
    println!("|---|---|---|");
    println!(
        "| stored (batches of 100) | {} | {:.1} s |",
        per(ingest),
        ingest.as_secs_f64()
    );
    println!(
        "| alert job after each hour (3 rules) | {} | {:.1} s |",
        per(evaluation),
        evaluation.as_secs_f64()
    );
    println!(
        "\nAlert evaluation costs {:.2}× the ingest per answer; the {LOW_A_DAY} low answers raised {raised} alerts ({open} open).\n",
        evaluation.as_secs_f64() / ingest.as_secs_f64()
    );
    Ok(())
}

/// The Monday page for the head and a manager, against the week's dashboard.
async fn monday_page(
    state: &AppState,
    org: &Org,
    head: Uuid,
    manager: Uuid,
    monday: Date,
    now: Timestamp,
) -> anyhow::Result<()> {
    let now = now.as_millisecond();
    println!("| the week's page | p50 | p95 |");
    println!("|---|---|---|");
    let week = Period::containing(PeriodKind::Week, monday);
    let reach = rida_server::analytics::Reach {
        time_zone: "UTC".into(),
        ..reach(week)
    };
    let (d50, d95) = timings(PAGES, || async {
        rida_server::analytics::dashboard::build(
            &state.store,
            org.id,
            Thresholds::default(),
            &reach,
        )
        .await?;
        Ok(())
    })
    .await?;
    println!("| dashboard, week (baseline) | {} | {} |", ms(d50), ms(d95));
    for (label, id) in [("head (500 sites)", head), ("manager (10 sites)", manager)] {
        let user = CurrentUser::load(state, id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no user"))?;
        let (p50, p95) = timings(PAGES, || async {
            rida_server::analytics::week::build(state, &user, monday, now).await?;
            Ok(())
        })
        .await?;
        println!(
            "| the Monday page, {label} | {} | {} ({:.1}× the dashboard) |",
            ms(p50),
            ms(p95),
            p95.as_secs_f64() / d95.as_secs_f64()
        );
    }
    Ok(())
}

/// The 200 managers' Monday e-mails composed and handed to SMTP.
async fn monday_mails(
    state: &AppState,
    org: &Org,
    smtp: &SmtpSink,
    now: Timestamp,
) -> anyhow::Result<()> {
    let t = Instant::now();
    let queued = jobs::monday::run(state, org.id, now).await?.unwrap_or(0);
    let composed = t.elapsed();
    let mut sent = 0;
    loop {
        let d = rida_server::mail::deliver_due(state, now.as_millisecond()).await?;
        sent += d.sent;
        if d.sent + d.failed == 0 {
            break;
        }
    }
    let all = t.elapsed();
    let received = smtp.received();
    println!(
        "\n| the Monday e-mails | messages | composed | handed to SMTP | in all |\n|---|---|---|---|---|"
    );
    println!(
        "| {MANAGERS} managers, each with the week's PDF | {queued} queued, {sent} sent, {received} received | {:.1} s | {:.1} s | {:.1} s ({:.0} ms a message) |",
        composed.as_secs_f64(),
        (all - composed).as_secs_f64(),
        all.as_secs_f64(),
        all.as_secs_f64() * 1000.0 / queued.max(1) as f64
    );
    Ok(())
}

/// The head's monthly PDF of the month before `now`.
async fn monthly_pdf(state: &AppState, head: Uuid, now: Timestamp) -> anyhow::Result<()> {
    let user = CurrentUser::load(state, head)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no head"))?;
    let first = now
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .first_of_month()
        .checked_sub(jiff::Span::new().months(1))?;
    let pages = std::sync::atomic::AtomicUsize::new(0);
    let (p50, p95) = timings(5, || async {
        let pdf = jobs::monthly::pdf(state, &user, first)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no month"))?;
        pages.store(count_pages(&pdf), std::sync::atomic::Ordering::Relaxed);
        Ok(())
    })
    .await?;
    let pages = pages.into_inner();
    println!(
        "\n| PDF (head, 500 sites) | pages | p50 | slowest of 5 |\n|---|---|---|---|\n| the monthly report, {first} | {pages} | {} | {} |",
        ms(p50),
        ms(p95)
    );
    // A long one: a saved report of every site's CSAT, NPS and CES in the month.
    let query = format!("metrics=csat&metrics=nps&metrics=ces&group=site&period=month&at={first}");
    let long = std::sync::atomic::AtomicUsize::new(0);
    let (l50, l95) = timings(5, || async {
        let report = rida_server::analytics::report::run_query(state, &user, &query).await?;
        let pdf = jobs::scheduled::pdf(state, &user, &report, "Every site").await?;
        long.store(count_pages(&pdf), std::sync::atomic::Ordering::Relaxed);
        Ok(())
    })
    .await?;
    println!(
        "| a saved report, 500 sites × CSAT, NPS, CES | {} | {} | {} |",
        long.into_inner(),
        ms(l50),
        ms(l95)
    );
    Ok(())
}

/// Pages of a PDF: its page objects.
fn count_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

/// python3-aiosmtpd writing a Maildir; stopped when dropped.
struct SmtpSink {
    child: std::process::Child,
    port: u16,
    maildir: std::path::PathBuf,
}

impl SmtpSink {
    fn start(dir: &std::path::Path) -> anyhow::Result<SmtpSink> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let maildir = dir.join("maildir");
        // Debian's python3 (python3-aiosmtpd), whatever else is first on the PATH.
        let child = Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| anyhow::anyhow!("python3-aiosmtpd: {e}"))?;
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(SmtpSink {
                    child,
                    port,
                    maildir,
                });
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        anyhow::bail!("the SMTP server did not start")
    }

    /// Messages in the Maildir.
    fn received(&self) -> usize {
        std::fs::read_dir(self.maildir.join("new")).map_or(0, |d| d.count())
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
