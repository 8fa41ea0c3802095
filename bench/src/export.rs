//! `rida-bench export`: `rida export answers --format xlsx` of 1,000,000 raw answers, its
//! time and peak memory, against the spreadsheet library alone writing the same number
//! of rows of the same shape (constant-memory mode) in the same run. Both run as child
//! processes so that their peak resident memory (VmHWM) is measured the same way.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use rida_domain::{Answer, Channel};
use rida_store::NewRating;
use uuid::Uuid;

const ANSWERS: usize = 1_000_000;

/// Peak resident memory of a process so far, in KiB.
fn peak_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Runs a child to the end: (seconds, peak MiB).
fn measure(mut cmd: Command) -> anyhow::Result<(f64, f64)> {
    let t = Instant::now();
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn()?;
    let pid = child.id();
    let mut peak = 0;
    loop {
        peak = peak.max(peak_kib(pid));
        if let Some(status) = child.try_wait()? {
            anyhow::ensure!(status.success(), "{cmd:?} failed");
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok((t.elapsed().as_secs_f64(), peak as f64 / 1024.0))
}

/// The baseline, run as `rida-bench xlsx-alone N FILE`: N rows of 12 cells (11 strings,
/// a number) written by rust_xlsxwriter alone in constant-memory mode.
pub fn xlsx_alone(n: usize, path: &Path) -> anyhow::Result<()> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet_with_constant_memory()?;
    for c in 0..12u16 {
        ws.write_string(0, c, "header")?;
    }
    for r in 1..=n as u32 {
        let text = format!("2026-09-{:02} 10:{:02}:00", r % 28 + 1, r % 60);
        for c in 0..6u16 {
            ws.write_string(r, c, &text)?;
        }
        ws.write_number(r, 6, f64::from(r % 5 + 1))?;
        for c in 7..12u16 {
            if c % 2 == 0 {
                ws.write_string(r, c, &text)?;
            }
        }
    }
    book.save(path)?;
    Ok(())
}

pub async fn export() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let rida = root.join("target/release/rida");
    let me = root.join("target/release/rida-bench");
    anyhow::ensure!(rida.exists() && me.exists(), "build first: bench/run");
    let dir = std::env::temp_dir().join(format!("rida-bench-export-{}", Uuid::new_v4()));
    let (store, w) = crate::fresh(&dir).await?;
    let bar = indicatif::ProgressBar::new(ANSWERS as u64);
    let mut i = 0;
    while i < ANSWERS {
        let rows: Vec<NewRating> = (i..(i + 5_000).min(ANSWERS))
            .map(|k| NewRating {
                id: Uuid::now_v7(),
                answered_at: 1_790_000_000_000 + k as i64 * 1000,
                received_at: 1_790_000_000_000 + k as i64 * 1000,
                // Answers arrive in time order: a day's answers are stored together.
                local_day: 20260901 + (k * 28 / ANSWERS) as i32,
                site_id: w.site,
                service_id: Some(w.service),
                employee_id: None,
                channel: Channel::Kiosk,
                question_id: w.question,
                answer: Answer::Score((k % 5 + 1) as i16),
                visit_id: None,
                customer_key: None,
                terminal_id: None,
                lang: None,
                flags: 0,
            })
            .collect();
        store.insert_ratings(w.org, &rows).await?;
        i += rows.len();
        bar.set_position(i as u64);
    }
    bar.finish_and_clear();
    drop(store);
    let (alone_file, rida_file) = (dir.join("alone.xlsx"), dir.join("rida.xlsx"));
    let mut alone = Command::new(&me);
    alone
        .args(["xlsx-alone", &ANSWERS.to_string()])
        .arg(&alone_file);
    let mut ours = Command::new(&rida);
    ours.args([
        "export",
        "answers",
        "--from",
        "2026-09-01",
        "--to",
        "2026-09-30",
        "--format",
        "xlsx",
        "--data-dir",
    ])
    .arg(&dir)
    .arg("--out")
    .arg(&rida_file);
    // Alternating, three rounds each; the median.
    let (mut a, mut r) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        a.push(measure(alone.to_owned_cmd())?);
        r.push(measure(ours.to_owned_cmd())?);
    }
    a.sort_by(|x, y| x.0.total_cmp(&y.0));
    r.sort_by(|x, y| x.0.total_cmp(&y.0));
    let (ta, ma) = a[1];
    let (tr, mr) = r[1];
    let size = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.len() as f64 / 1_048_576.0)
            .unwrap_or(0.0)
    };
    println!("| writer (1,000,000 rows) | time (median of 3) | peak memory | file | time ratio |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| rust_xlsxwriter alone, constant memory | {ta:.1} s | {ma:.0} MiB | {:.0} MiB | 1.00 |",
        size(&alone_file)
    );
    println!(
        "| `rida export answers --format xlsx` (SQLite) | {tr:.1} s | {mr:.0} MiB | {:.0} MiB | {:.2} |",
        size(&rida_file),
        tr / ta
    );
    if std::env::var_os("RIDA_BENCH_KEEP").is_some() {
        println!("kept: {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}

/// A copy of a command to run again.
trait OwnedCmd {
    fn to_owned_cmd(&self) -> Command;
}

impl OwnedCmd for Command {
    fn to_owned_cmd(&self) -> Command {
        let mut c = Command::new(self.get_program());
        c.args(self.get_args());
        c
    }
}
