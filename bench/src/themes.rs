//! `rida-bench themes`: the Overview's themes panel over many answers
//! (`RIDA_BENCH_ANSWERS`, default 10,000,000, one in five a comment: 2,000,000 comments,
//! drawn from the labelled comments of the three languages), read from the theme rollups,
//! against the whole Overview (which includes it) in the same run; and storing answers with comments
//! against storing answers without (each comment read in the transaction that stores it).
//! SQLite.

use std::time::Instant;

use rida_domain::{
    Scale,
    metrics::Thresholds,
    period::{Period, PeriodKind, from_day_key},
};
use rida_server::analytics::{dashboard, themes};
use rida_store::By;

use crate::analytics::{PAGES, generate, generate_with, organisation_of, reach, timings};

const LABELLED: [&str; 3] = [
    include_str!("../../crates/domain/tests/comments/ar.tsv"),
    include_str!("../../crates/domain/tests/comments/en.tsv"),
    include_str!("../../crates/domain/tests/comments/lv.tsv"),
];

pub(crate) async fn bench() -> anyhow::Result<()> {
    let n: u64 = std::env::var("RIDA_BENCH_ANSWERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let pool: Vec<String> = LABELLED
        .iter()
        .flat_map(|tsv| rida_domain::text::eval::parse(tsv).unwrap_or_default())
        .map(|l| l.text)
        .collect();
    let last = jiff::civil::date(2026, 11, 24);

    // Storing: the same number of answers with and without comments, in fresh databases.
    let sample = (n / 20).clamp(10_000, 500_000);
    let dir = std::env::temp_dir().join(format!("rida-bench-themes-{}", uuid::Uuid::new_v4()));
    let plain = crate::sqlite(&dir.join("plain")).await?;
    let org = organisation_of(&plain, 4, 10).await?;
    let start = Instant::now();
    generate(&plain, &org, sample, last).await?;
    let plain_s = start.elapsed().as_secs_f64();
    plain.close().await;
    let store = crate::sqlite(&dir.join("comments")).await?;
    let org = organisation_of(&store, 4, 10).await?;
    let text = store
        .create_question(
            org.id,
            "comment",
            Scale::Text,
            "site",
            ["Comment", "تعليق", "Komentārs"],
            &By::system("bench"),
        )
        .await?;
    let comments = vec![(text, pool)];
    let start = Instant::now();
    generate_with(&store, &org, sample, last, &comments).await?;
    let with_s = start.elapsed().as_secs_f64();
    println!(
        "\n### Themes: storing answers with comments ({sample} answers, one in five a comment)\n"
    );
    println!("| measurement | per answer | ratio |");
    println!("|---|---:|---:|");
    println!(
        "| answers without comments, baseline | {:.1} µs | 1.00 |",
        plain_s * 1e6 / sample as f64
    );
    println!(
        "| answers, one in five a comment read and counted in the same transaction | {:.1} µs | **{:.2}** |",
        with_s * 1e6 / sample as f64,
        with_s / plain_s
    );

    // The panel over the whole history.
    let start = Instant::now();
    generate_with(&store, &org, n - sample, last, &comments).await?;
    println!(
        "\n### Themes panel over {n} answers ({} comments; generated in {:.0} s)\n",
        n / 5,
        start.elapsed().as_secs_f64()
    );
    let day = from_day_key(20261118).unwrap_or(last);
    let site = org.sites[0].0;
    let views = [
        (
            "month, network",
            Period::containing(PeriodKind::Month, day),
            None,
        ),
        (
            "quarter, network",
            Period::containing(PeriodKind::Quarter, day),
            None,
        ),
        (
            "custom 45 days, network",
            Period::custom(
                jiff::civil::date(2026, 9, 20),
                jiff::civil::date(2026, 11, 3),
            )?,
            None,
        ),
        (
            "month, one site",
            Period::containing(PeriodKind::Month, day),
            Some(site),
        ),
    ];
    println!(
        "| view | the whole Overview p50 / p95 (baseline) | its themes panel alone p50 / p95 | share of the Overview (p95) |"
    );
    println!("|---|---:|---:|---:|");
    let t = Thresholds::default();
    for (label, period, site) in views {
        let mut r = reach(period);
        if let Some(s) = site {
            r.site = Some(s);
            r.sites = Some(vec![s]);
        }
        let (o50, o95) = timings(PAGES, || async {
            dashboard::build(&store, org.id, t, &r).await?;
            Ok(())
        })
        .await?;
        let (t50, t95) = timings(PAGES, || async {
            themes::build(&store, org.id, t, &r).await?;
            Ok(())
        })
        .await?;
        println!(
            "| {label} | {:.1} / {:.1} ms | {:.1} / **{:.1} ms** | {:.2} |",
            o50.as_secs_f64() * 1e3,
            o95.as_secs_f64() * 1e3,
            t50.as_secs_f64() * 1e3,
            t95.as_secs_f64() * 1e3,
            t95.as_secs_f64() / o95.as_secs_f64().max(1e-6)
        );
    }
    store.close().await;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
