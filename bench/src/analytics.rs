//! `rida-bench analytics`: dashboards and a two-dimension report over many answers
//! (`RIDA_BENCH_ANSWERS`, default 10,000,000; a generator with a progress bar), read from
//! the rollups, against the same figures computed by a scan of the raw answers in the same
//! run. SQLite always; PostgreSQL too when `RIDA_BENCH_POSTGRES_URL` names a database.
//! `RIDA_BENCH_PROBE=1` times single rollup reads and the pages' CPU instead of the raw
//! scans (`RIDA_BENCH_VIEW=custom`: only the views so named); `RIDA_BENCH_KEEP=1` keeps the
//! SQLite file. `RIDA_BENCH_REUSE=1` generates once: the SQLite file is kept in a folder
//! named after the number of answers, and a database that already holds the bench's
//! organisation (SQLite or PostgreSQL) is read as it is.
//!
//! The manager's week (the home page's figures) is timed the same way.
//!
//! The organisation: 4 regions, 40 sites, 8 services, 240 employees (6 per site), CSAT,
//! NPS and CES questions, four channels, answers spread over the last 24 months.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rida_domain::{
    Answer, Channel, Scale,
    metrics::{Metric, Thresholds},
    period::{Period, PeriodKind, from_day_key},
};
use rida_server::analytics::{
    Reach, dashboard,
    report::{self, ChartKind, GroupBy, ReportMetric, ReportSpec},
};
use rida_store::{By, ConnectOptions, NewRating, Store};
use uuid::Uuid;

pub(crate) struct Org {
    pub(crate) id: Uuid,
    /// Each site with its employees, region by region.
    pub(crate) sites: Vec<(Uuid, Vec<Uuid>)>,
    pub(crate) regions: Vec<Uuid>,
    pub(crate) services: Vec<Uuid>,
    pub(crate) questions: [(Uuid, Scale); 3],
}

async fn organisation(store: &Store) -> anyhow::Result<Org> {
    organisation_of(store, 4, 10).await
}

/// The bench's bank with `regions` regions of `sites_each` sites.
pub(crate) async fn organisation_of(
    store: &Store,
    regions: usize,
    sites_each: usize,
) -> anyhow::Result<Org> {
    let by = By::system("bench");
    let id = store.create_organisation("Bench bank", "en", "UTC").await?;
    let mut services = Vec::new();
    for i in 0..8 {
        services.push(
            store
                .create_service(
                    id,
                    rida_domain::new_id(),
                    &rida_store::ServiceInput::named(&format!("Service {i}")),
                    &by,
                )
                .await?,
        );
    }
    let mut sites = Vec::new();
    let mut region_ids = Vec::new();
    for r in 0..regions {
        let region = store
            .create_region(
                id,
                rida_domain::new_id(),
                &format!("Region {r}"),
                &Default::default(),
                &by,
            )
            .await?;
        region_ids.push(region);
        for s in 0..sites_each {
            let (site, employees) =
                crate::rig::branch(store, (id, region), &format!("Site {r}-{s}"), &services, 6)
                    .await?;
            sites.push((site, employees));
        }
    }
    let mut q = Vec::new();
    for (code, scale) in [
        ("csat", Scale::Csat5),
        ("nps", Scale::Nps11),
        ("ces", Scale::Ces7),
    ] {
        q.push((
            store
                .create_question(id, code, scale, "site", ["q", "q", "q"], &by)
                .await?,
            scale,
        ));
    }
    Ok(Org {
        id,
        sites,
        regions: region_ids,
        services,
        questions: [q[0], q[1], q[2]],
    })
}

/// Stores `n` answers over the 730 days up to `last`, 1,000 per batch, with a progress bar.
pub(crate) async fn generate(
    store: &Store,
    org: &Org,
    n: u64,
    last: jiff::civil::Date,
) -> anyhow::Result<()> {
    generate_with(store, org, n, last, &[]).await
}

/// As [`generate`], one answer in five a comment of `comments` (to question `text`) when
/// any are given.
pub(crate) async fn generate_with(
    store: &Store,
    org: &Org,
    n: u64,
    last: jiff::civil::Date,
    comments: &[(Uuid, Vec<String>)],
) -> anyhow::Result<()> {
    let bar = ProgressBar::new(n).with_style(ProgressStyle::with_template(
        "  answers {bar:40.cyan/blue} {human_pos}/{human_len} {per_sec} eta {eta}",
    )?);
    let mut seed = 42u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let channels = [Channel::Kiosk, Channel::Sms, Channel::Web, Channel::Station];
    let first = last.checked_sub(jiff::ToSpan::days(729))?;
    let mut done = 0u64;
    while done < n {
        let size = (n - done).min(1000);
        let mut rows = Vec::with_capacity(size as usize);
        for i in 0..size {
            // Days in order, so that ids and days grow together as in real life.
            let day = first.checked_add(jiff::ToSpan::days(((done + i) * 730 / n) as i64))?;
            let (site, employees) = &org.sites[next(org.sites.len() as u64) as usize];
            let (question, scale) = org.questions[next(3) as usize];
            let (lo, hi) = scale.score_range().unwrap_or((1, 5));
            let service_ix = next(org.services.len() as u64) as usize;
            // Service 0 is weak everywhere; each site's employee 0 is weak at service 1.
            let employee_ix = next(employees.len() as u64) as usize;
            let mut score = lo + next((hi - lo + 1) as u64) as i16;
            if service_ix == 0 || (service_ix == 1 && employee_ix == 0) {
                score = lo + (score - lo) / 2;
            }
            let (question, answer) = match comments.first() {
                Some((text, pool)) if next(5) == 0 => (
                    *text,
                    Answer::Text(pool[next(pool.len() as u64) as usize].clone()),
                ),
                _ => (question, Answer::Score(score)),
            };
            rows.push(NewRating {
                id: Uuid::now_v7(),
                answered_at: 1_700_000_000_000 + (done + i) as i64,
                received_at: 1_700_000_000_000 + (done + i) as i64,
                local_day: rida_domain::period::day_key(day),
                site_id: *site,
                service_id: Some(org.services[service_ix]),
                employee_id: Some(employees[employee_ix]),
                channel: channels[next(4) as usize],
                question_id: question,
                answer,
                visit_id: None,
                customer_key: None,
                terminal_id: None,
                lang: Some(["lv", "en", "ar"][next(3) as usize].into()),
                flags: 0,
            });
        }
        store.insert_ratings(org.id, &rows).await?;
        done += size;
        bar.set_position(done);
    }
    bar.finish_and_clear();
    Ok(())
}

pub(crate) fn reach(period: Period) -> Reach {
    Reach {
        time_zone: "Europe/Riga".into(),
        period,
        today: period.to,
        metric: Metric::Csat,
        region: None,
        site: None,
        service: None,
        employee: None,
        sites: None,
        see_employees: true,
        low_only: true,
        theme: None,
        sentiment: None,
        lang: rida_domain::Locale::En,
    }
}

/// Pages timed per view: the p95 of 40 is the second slowest, steadier on a shared
/// machine than the p95 of 20 (the slowest).
pub(crate) const PAGES: usize = 40;

/// The CPU time this process has used (user and system), from `/proc/self/stat`.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the command's name in parentheses: utime and stime are the 12th and 13th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    let ticks = field(11) + field(12);
    Duration::from_millis(ticks * 10)
}

/// p50 and p95 of `runs` timings of `f`.
pub(crate) async fn timings<F, Fut>(runs: usize, mut f: F) -> anyhow::Result<(Duration, Duration)>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let mut t = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f().await?;
        t.push(start.elapsed());
    }
    t.sort();
    Ok((t[runs / 2], t[(runs * 95).div_ceil(100) - 1]))
}

/// A plain connection to the same database, for the raw-scan baseline.
enum Raw {
    Lite(sqlx::SqlitePool),
    Pg(sqlx::PgPool),
}

impl Raw {
    async fn connect(url: &str) -> anyhow::Result<Raw> {
        Ok(if url.starts_with("sqlite:") {
            Raw::Lite(sqlx::SqlitePool::connect(url).await?)
        } else {
            Raw::Pg(sqlx::PgPool::connect(url).await?)
        })
    }

    /// Counts the answers of days `a..=b` grouped by `group`, scanning the raw answers.
    async fn count(&self, org: Uuid, a: i32, b: i32, group: &str) -> anyhow::Result<usize> {
        let sql = format!(
            "SELECT {group}, COUNT(*) FROM ratings r JOIN questions q ON q.id = r.question_id \
             WHERE r.org_id = $1 AND r.local_day BETWEEN $2 AND $3 AND r.score IS NOT NULL AND r.flags = 0 \
             GROUP BY {group}"
        );
        Ok(match self {
            Raw::Lite(p) => sqlx::query(&sql)
                .bind(org)
                .bind(a)
                .bind(b)
                .fetch_all(p)
                .await?
                .len(),
            Raw::Pg(p) => sqlx::query(&sql)
                .bind(org)
                .bind(a)
                .bind(b)
                .fetch_all(p)
                .await?
                .len(),
        })
    }
}

/// The same figures as a dashboard, from the raw answers: the period's counts per site ×
/// service × employee × scale × score, the previous period's, and 12 months by month.
async fn raw_scan(store: &Raw, org: Uuid, p: &Period) -> anyhow::Result<()> {
    let (from, to) = p.day_keys();
    let (pf, pt) = p.previous().day_keys();
    let months = rida_domain::period::months_up_to(p.to, 12);
    for (a, b, by_month) in [
        (from, to, false),
        (pf, pt, false),
        (months[0] * 100 + 1, to, true),
    ] {
        let group = if by_month {
            "r.local_day / 100, q.scale, r.score"
        } else {
            "r.site_id, r.service_id, r.employee_id, q.scale, r.score"
        };
        store.count(org, a, b, group).await?;
    }
    Ok(())
}

async fn run_backend(name: &str, url: &str, store: &Store, n: u64) -> anyhow::Result<()> {
    let raw = Raw::connect(url).await?;
    let last = jiff::civil::date(2026, 11, 24);
    let started = Instant::now();
    let reused = match std::env::var_os("RIDA_BENCH_REUSE") {
        Some(_) => store.first_organisation().await?.map(|o| o.id),
        None => None,
    };
    let org_id = match reused {
        Some(id) => id,
        None => {
            let org = organisation(store).await?;
            generate(store, &org, n, last).await?;
            org.id
        }
    };
    let generated = started.elapsed();
    let thresholds = Thresholds::default();
    let day = from_day_key(20261118).unwrap_or(last);
    let views = [
        ("month", Period::containing(PeriodKind::Month, day)),
        ("quarter", Period::containing(PeriodKind::Quarter, day)),
        ("week", Period::containing(PeriodKind::Week, day)),
        ("day", Period::containing(PeriodKind::Day, day)),
        (
            "custom 45 days",
            Period::custom(
                jiff::civil::date(2026, 9, 20),
                jiff::civil::date(2026, 11, 3),
            )?,
        ),
    ];
    println!(
        "\n### Analytics on {name}: {n} answers ({} in {:.0} s)\n",
        if reused.is_some() {
            "reused"
        } else {
            "generated"
        },
        generated.as_secs_f64()
    );
    // Probing times single reads and the pages, and skips the raw scans (minutes at 10 M).
    let probing = std::env::var_os("RIDA_BENCH_PROBE").is_some();
    // `RIDA_BENCH_VIEW=custom` times only the views whose name holds it.
    let only = std::env::var("RIDA_BENCH_VIEW").unwrap_or_default();
    if probing {
        for (view, p) in views.iter().filter(|(l, _)| l.contains(&only)) {
            for p in [*p, p.previous()] {
                let (a, b) = p.day_keys();
                for (label, group, scale) in [
                    (
                        "people",
                        vec![
                            rida_store::Dim::Site,
                            rida_store::Dim::Service,
                            rida_store::Dim::Employee,
                        ],
                        Some(Scale::Csat5),
                    ),
                    ("tiles", vec![], None),
                    ("trend", vec![rida_store::Dim::Month], Some(Scale::Csat5)),
                    ("questions", vec![rida_store::Dim::Question], None),
                ] {
                    let q = rida_store::CubeQuery {
                        from_day: a,
                        to_day: b,
                        filter: rida_store::Filter {
                            scale,
                            ..Default::default()
                        },
                        group,
                    };
                    let (p50, p95) = timings(20, || async {
                        store.cube(org_id, &q).await?;
                        Ok(())
                    })
                    .await?;
                    println!("probe {view} {a}-{b} {label}: p50 {p50:?} p95 {p95:?}");
                }
            }
        }
        let (p50, _) = timings(20, || async {
            dashboard::Names::load(store, org_id, rida_domain::Locale::En).await?;
            Ok(())
        })
        .await?;
        println!("probe names: {p50:?}");
    }
    println!("| view | rollups p50 | rollups p95 | raw scan | raw / rollups (p95) |");
    println!("|---|---|---|---|---|");
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    for (label, p) in views.into_iter().filter(|(l, _)| l.contains(&only)) {
        let r = reach(p);
        let (p50, p95) = timings(PAGES, || async {
            dashboard::build(store, org_id, thresholds, &r).await?;
            Ok(())
        })
        .await?;
        if probing {
            // The process's CPU time per page: on 2 cores a page cannot take less than
            // half of it, however its reads are spread.
            let before = cpu_time();
            timings(20, || async {
                dashboard::build(store, org_id, thresholds, &r).await?;
                Ok(())
            })
            .await?;
            let cpu = (cpu_time() - before) / 20;
            println!(
                "| dashboard, {label} | {} | {} | CPU {} a page | |",
                ms(p50),
                ms(p95),
                ms(cpu)
            );
            continue;
        }
        let (raw, _) = timings(3, || raw_scan(&raw, org_id, &p)).await?;
        println!(
            "| dashboard, {label} | {} | {} | {} | {:.0}× |",
            ms(p50),
            ms(p95),
            ms(raw),
            raw.as_secs_f64() / p95.as_secs_f64()
        );
    }
    // A two-dimension saved report: CSAT and NPS per site × service over a quarter.
    let spec = ReportSpec {
        metrics: vec![
            ReportMetric::Score(Metric::Csat),
            ReportMetric::Score(Metric::Nps),
        ],
        group: vec![GroupBy::Site, GroupBy::Service],
        channel: None,
        question: None,
        language: None,
        chart: ChartKind::Table,
    };
    let q = Period::containing(PeriodKind::Quarter, day);
    let r = reach(q);
    let (p50, p95) = timings(PAGES, || async {
        report::run(
            store,
            org_id,
            thresholds,
            &r,
            &spec,
            rida_domain::Locale::En,
        )
        .await?;
        Ok(())
    })
    .await?;
    let (a, b) = q.day_keys();
    // The manager's week (the home page's figures): three weeks at site × service, the
    // comments since the week began.
    let w = reach(Period::containing(PeriodKind::Week, day));
    let (w50, w95) = timings(PAGES, || async {
        let names = dashboard::Names::load(store, org_id, w.lang).await?;
        rida_server::analytics::week::figures(store, org_id, thresholds, &w, &names).await?;
        Ok(())
    })
    .await?;
    if probing {
        println!(
            "| report site × service, quarter | {} | {} | | |",
            ms(p50),
            ms(p95)
        );
        println!("| the manager's week | {} | {} | | |", ms(w50), ms(w95));
        return Ok(());
    }
    let (wraw, _) = timings(3, || async {
        let p = w.period;
        let year = Period::containing(
            PeriodKind::Week,
            p.from.checked_sub(jiff::Span::new().days(364))?,
        );
        for q in [p, p.previous(), year] {
            let (a, b) = q.day_keys();
            raw.count(org_id, a, b, "r.site_id, r.service_id, q.scale, r.score")
                .await?;
        }
        Ok(())
    })
    .await?;
    println!(
        "| the manager's week (home page) | {} | {} | {} | {:.0}× |",
        ms(w50),
        ms(w95),
        ms(wraw),
        wraw.as_secs_f64() / w95.as_secs_f64()
    );
    let (raw, _) = timings(3, || async {
        raw.count(org_id, a, b, "r.site_id, r.service_id, q.scale, r.score")
            .await?;
        Ok(())
    })
    .await?;
    println!(
        "| report site × service, quarter | {} | {} | {} | {:.0}× |",
        ms(p50),
        ms(p95),
        ms(raw),
        raw.as_secs_f64() / p95.as_secs_f64()
    );
    Ok(())
}

pub async fn analytics() -> anyhow::Result<()> {
    let n: u64 = std::env::var("RIDA_BENCH_ANSWERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000_000);
    let reuse = std::env::var_os("RIDA_BENCH_REUSE").is_some();
    let dir = std::env::temp_dir().join(match reuse {
        true => format!("rida-bench-analytics-{n}"),
        false => format!("rida-bench-analytics-{}", std::process::id()),
    });
    let url = format!("sqlite://{}/rida.db", dir.display());
    let store = crate::sqlite(&dir).await?;
    let result = run_backend("SQLite", &url, &store, n).await;
    drop(store);
    if std::env::var_os("RIDA_BENCH_KEEP").is_none() && !reuse {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        println!("kept: {}", dir.display());
    }
    result?;
    if let Ok(url) = std::env::var("RIDA_BENCH_POSTGRES_URL") {
        let store = Store::connect(&ConnectOptions {
            url: url.clone(),
            create_if_missing: false,
            max_connections: 8,
            statement_timeout: None,
        })
        .await?;
        store.migrate().await?;
        run_backend("PostgreSQL", &url, &store, n).await?;
    }
    Ok(())
}
