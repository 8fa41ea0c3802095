//! The simulated network: its sites, employees, terminals and head, the history of
//! answers, the terminals paired, and `rida serve` started on the database.

use std::process::{Command, Stdio};

use indicatif::{ProgressBar, ProgressStyle};
use rida_domain::{Answer, Channel, Role};
use rida_store::{By, NewRating, Store, UserInput};
use serde_json::Value;
use uuid::Uuid;

use super::{EMPLOYEES_PER_SITE, HEAD, SITES, TERMINALS_PER_SITE};

/// The network as created: its organisation, the terminals' pairing codes and the
/// question the terminals ask.
pub(super) struct Network {
    pub(super) org: Uuid,
    pub(super) codes: Vec<String>,
}

/// A simulated terminal: its token and the question it asks.
#[derive(Clone)]
pub(super) struct Terminal {
    pub(super) token: String,
    pub(super) question: Value,
}

fn bar(len: u64, what: &str) -> anyhow::Result<ProgressBar> {
    Ok(
        ProgressBar::new(len).with_style(ProgressStyle::with_template(&format!(
            "  {what} {{bar:40.cyan/blue}} {{human_pos}}/{{human_len}} eta {{eta}}"
        ))?),
    )
}

/// 500 sites of 2 employees and 10 terminals, a head, and the history of answers.
pub(super) async fn network(store: &Store, history: u64) -> anyhow::Result<Network> {
    let by = By::system("bench");
    let w = crate::world(store).await?;
    let survey = crate::rig::survey(store, w.org).await?;
    let region = store
        .create_region(
            w.org,
            rida_domain::new_id(),
            "Network",
            &Default::default(),
            &by,
        )
        .await?;
    let services = vec![w.service];
    let mut sites = Vec::new();
    let mut codes = Vec::new();
    let made = bar(SITES as u64, "sites")?;
    for s in 0..SITES {
        let (site, employees) = crate::rig::branch(
            store,
            (w.org, region),
            &format!("Branch {s:03}"),
            &services,
            EMPLOYEES_PER_SITE,
        )
        .await?;
        for t in 0..TERMINALS_PER_SITE {
            let code = rida_domain::terminal::pairing_code(&crate::terminals::rand_bytes(
                s * TERMINALS_PER_SITE + t,
            ));
            crate::rig::terminal(store, (w.org, site, survey), &format!("T{s:03}-{t}"), &code)
                .await?;
            codes.push(code);
        }
        sites.push((site, employees));
        made.inc(1);
    }
    made.finish_and_clear();
    let hash = rida_server::auth::hash_password(HEAD.1.into()).await?;
    let head = UserInput {
        username: HEAD.0.into(),
        display_name: "Head".into(),
        role: Role::Head,
        employee_id: None,
        region_ids: vec![],
        site_ids: vec![],
        email: None,
        monthly_report: false,
    };
    store
        .create_user(w.org, rida_domain::new_id(), &head, &hash, &by)
        .await?;
    // The history: the last 60 days, in the order the answers came.
    let question = store
        .latest_questions(w.org)
        .await?
        .first()
        .map(|q| q.id)
        .ok_or_else(|| anyhow::anyhow!("the sample survey has no question"))?;
    let today = jiff::Zoned::now().date();
    let first = today.checked_sub(jiff::ToSpan::days(60))?;
    let mut seed = 7u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let written = bar(history, "history")?;
    let mut done = 0u64;
    while done < history {
        let size = (history - done).min(1000);
        let rows: Vec<NewRating> = (0..size)
            .map(|i| {
                let day = first
                    .checked_add(jiff::ToSpan::days(((done + i) * 60 / history) as i64))
                    .unwrap_or(first);
                let (site, employees) = &sites[next(SITES as u64) as usize];
                NewRating {
                    id: Uuid::now_v7(),
                    answered_at: 1_700_000_000_000 + (done + i) as i64,
                    received_at: 1_700_000_000_000 + (done + i) as i64,
                    local_day: rida_domain::period::day_key(day),
                    site_id: *site,
                    service_id: Some(w.service),
                    employee_id: Some(employees[next(EMPLOYEES_PER_SITE as u64) as usize]),
                    channel: Channel::Kiosk,
                    question_id: question,
                    answer: Answer::Score(1 + next(5) as i16),
                    visit_id: None,
                    customer_key: None,
                    terminal_id: None,
                    lang: None,
                    flags: 0,
                }
            })
            .collect();
        store.insert_ratings(w.org, &rows).await?;
        done += size;
        written.set_position(done);
    }
    written.finish_and_clear();
    Ok(Network { org: w.org, codes })
}

/// Pairs every terminal through the first instance.
pub(super) async fn pair_all(
    http: &reqwest::Client,
    base: &str,
    codes: &[String],
) -> anyhow::Result<Vec<Terminal>> {
    let paired = bar(codes.len() as u64, "pairing")?;
    let mut out = Vec::new();
    for chunk in codes.chunks(50) {
        let sims = futures_util::future::try_join_all(
            chunk
                .iter()
                .map(|code| crate::terminals::pair(http, base, code)),
        )
        .await?;
        out.extend(sims.into_iter().map(|s| Terminal {
            token: s.token,
            question: s.question,
        }));
        paired.inc(chunk.len() as u64);
    }
    paired.finish_and_clear();
    Ok(out)
}

/// `rida serve` on the database, as its own process.
pub(super) fn serve(
    url: &str,
    addr: &str,
    dir: &std::path::Path,
) -> anyhow::Result<crate::rig::Server> {
    std::fs::create_dir_all(dir)?;
    Ok(crate::rig::Server(
        Command::new(crate::rig::rida_binary()?)
            .args(["serve", "--listen", addr, "--data-dir"])
            .arg(dir)
            .env("RIDA_DATABASE_URL", url)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.join("server.log"))?)
            .spawn()?,
    ))
}
