//! `rida export answers`: every answer of a period as CSV (UTF-8 with a BOM) or `.xlsx`,
//! written a page at a time with a progress bar, whatever the number of answers.

use std::{io::Write, path::PathBuf};

use anyhow::{Context, bail};
use clap::{Subcommand, ValueEnum};
use rida_domain::{Locale, period::day_key};
use rida_server::analytics::raw;
use rida_store::AnswerFilter;

use crate::{
    DbOpts,
    commands::{open, settings},
};

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Xlsx,
}

#[derive(Subcommand)]
pub enum ExportCmd {
    /// Every answer from FROM to TO (days in the organisation's time zone), all sites.
    Answers {
        /// First day, yyyy-mm-dd.
        #[arg(long)]
        from: jiff::civil::Date,
        /// Last day, yyyy-mm-dd.
        #[arg(long)]
        to: jiff::civil::Date,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        /// Language of the header and channel names: en, ar or lv.
        #[arg(long, default_value = "en")]
        lang: String,
        #[command(flatten)]
        db: DbOpts,
    },
}

pub async fn run(config: Option<&PathBuf>, cmd: ExportCmd) -> anyhow::Result<()> {
    let ExportCmd::Answers {
        from,
        to,
        format,
        out,
        lang,
        db,
    } = cmd;
    if to < from {
        bail!("--to is before --from");
    }
    let locale = Locale::parse(&lang).context("--lang: one of en, ar, lv")?;
    let store = open(&settings(config, &db, None)?).await?;
    let org = store
        .first_organisation()
        .await?
        .context("the database has no organisation yet")?;
    let filter = AnswerFilter {
        from_day: day_key(from),
        to_day: day_key(to),
        ..AnswerFilter::default()
    };
    let total = store.count_answers(org.id, &filter).await?;
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "  exporting answers {bar:40.cyan/blue} {pos}/{len} {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    // Every column, the employee's too: the command line is the database's owner.
    let cols = raw::Columns::load(&store, &org, locale, true)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let written = match format {
        Format::Xlsx => raw::xlsx(&store, org.id, &filter, &cols, &out, |n| {
            bar.set_position(n)
        })
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?,
        Format::Csv => {
            let file = std::fs::File::create(&out)
                .with_context(|| format!("creating {}", out.display()))?;
            let mut file = std::io::BufWriter::new(file);
            let (tx, mut rx) = tokio::sync::mpsc::channel(2);
            let (s, o, f) = (store.clone(), org.id, filter.clone());
            let task = tokio::spawn(async move { raw::csv(&s, o, &f, &cols, tx).await });
            let mut lines = 0u64;
            while let Some(chunk) = rx.recv().await {
                let chunk: String = chunk?;
                lines += chunk.matches("\r\n").count() as u64;
                file.write_all(chunk.as_bytes())?;
                bar.set_position(lines.saturating_sub(1));
            }
            file.flush()?;
            task.await?.map_err(|e| anyhow::anyhow!("{e}"))?
        }
    };
    bar.finish();
    println!("{written} answers written to {}", out.display());
    Ok(())
}
