//! The comment reader: how well it reads (accuracy and macro-F1 per language on the
//! labelled comments, against the score and keyword baselines, on the set the lexicons
//! were filled in with and on the held-out set) and what reading costs beside storing.
//!
//! Cost: the labelled comments read over and over (single thread) against the same
//! number of answers stored through `Store::insert_ratings` in batches of 100 in a fresh
//! SQLite database, in alternating rounds; the figure is the ratio of a comment's reading
//! to an answer's storing.

use std::time::Instant;

use rida_domain::text::Analyser;
use rida_domain::text::eval::{Labelled, Scores, parse};

use crate::{fresh, row};

const ROUND: usize = 30_000;

fn set(file: &str) -> anyhow::Result<Vec<Labelled>> {
    let path = format!(
        "{}/../crates/domain/tests/comments/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    parse(&std::fs::read_to_string(&path)?).map_err(|e| anyhow::anyhow!("{path}: {e}"))
}

fn cells(s: &Scores) -> String {
    let opt = |x: Option<f64>| x.map_or("–".to_string(), |v| format!("{v:.3}"));
    format!(
        "{:.3} | {:.3} | {} | {}",
        s.sentiment_accuracy,
        s.sentiment_macro_f1,
        opt(s.themes_exact),
        opt(s.themes_macro_f1)
    )
}

pub(crate) async fn text() -> anyhow::Result<()> {
    let analyser = Analyser::default();
    println!("\n### Comment reader: accuracy\n");
    println!(
        "| language, set | comments | method | sentiment accuracy | sentiment macro-F1 | themes exact | themes macro-F1 |"
    );
    println!("|---|---:|---|---:|---:|---:|---:|");
    let mut all: Vec<String> = Vec::new();
    for (label, prefix) in [
        ("lexicon set", ""),
        ("held out", "heldout/"),
        ("written later", "later/"),
    ] {
        for lang in ["ar", "en", "lv"] {
            let items = set(&format!("{prefix}{lang}.tsv"))?;
            let r = analyser.evaluate(&items);
            for (method, s) in [
                ("**Rida**", &r.rida),
                ("score as sentiment", &r.score_baseline),
                ("keywords only", &r.keyword_baseline),
            ] {
                println!(
                    "| {lang}, {label} | {} | {method} | {} |",
                    r.comments,
                    cells(s)
                );
            }
            all.extend(items.into_iter().map(|i| i.text));
        }
    }

    // Cost: reading against storing, alternating rounds.
    let comments: Vec<&str> = all.iter().map(String::as_str).cycle().take(ROUND).collect();
    let mean_chars =
        comments.iter().map(|c| c.chars().count()).sum::<usize>() as f64 / comments.len() as f64;
    let dir = std::env::temp_dir().join(format!("rida-bench-text-{}", uuid::Uuid::new_v4()));
    let (store, w) = fresh(&dir).await?;
    let mut read_ns = Vec::new();
    let mut store_ns = Vec::new();
    let mut offset = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let mut themes = 0usize;
        for c in &comments {
            themes += analyser.analyse(c).themes.len();
        }
        read_ns.push(start.elapsed().as_nanos() as f64 / ROUND as f64);
        std::hint::black_box(themes);
        let rows: Vec<_> = (offset..offset + ROUND).map(|i| row(&w, i)).collect();
        offset += ROUND;
        let start = Instant::now();
        for chunk in rows.chunks(100) {
            store.insert_ratings(w.org, chunk).await?;
        }
        store_ns.push(start.elapsed().as_nanos() as f64 / ROUND as f64);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (read, stored) = (median(&mut read_ns), median(&mut store_ns));
    store.close().await;
    std::fs::remove_dir_all(&dir)?;
    // A pasted essay: read up to the bound, so its cost stays that of a long comment.
    let essay = all.join(" ").repeat(20);
    let essay: String = essay.chars().take(100_000).collect();
    let start = Instant::now();
    for _ in 0..100 {
        std::hint::black_box(analyser.analyse(&essay));
    }
    let essay_ns = start.elapsed().as_nanos() as f64 / 100.0;
    println!("\n### Comment reader: cost beside storing\n");
    println!("| measurement | per item | ratio |");
    println!("|---|---:|---:|");
    println!(
        "| storing an answer (SQLite, batches of 100), baseline | {:.1} µs | 1.00 |",
        stored / 1e3
    );
    println!(
        "| reading a comment ({mean_chars:.0} characters on average, one core) | {:.1} µs | **{:.2}** |",
        read / 1e3,
        read / stored
    );
    println!(
        "| reading a pasted 100,000-character comment (read up to {} characters) | {:.1} µs | {:.2} |",
        rida_domain::text::normalize::MAX_CHARS,
        essay_ns / 1e3,
        essay_ns / stored
    );
    Ok(())
}
