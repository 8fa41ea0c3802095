//! The demo's employees' pulse: a monthly plan on the stations with three statements
//! (set when the organisation is made, so that Rida's rhythm opens this month's round at
//! once, for the demo employee to answer on their station), and, once the year of
//! answers is written, the three months before this one as rounds that are over: each
//! site's team as happy as its customers were in the 30 days up to the round's close,
//! give or take, so that the page shows the two going together.

use jiff::{Timestamp, ToSpan, tz::TimeZone};
use rand::{SeedableRng, rngs::StdRng};
use rida_domain::metrics::Metric;
use rida_domain::pulse::{Delivery, ENPS_ITEM, Rhythm, Statement};
use rida_store::{By, PulsePlan, PulseRound, Store};

use super::{World, history::normal};

fn statement(en: &str, lv: &str, ar: &str) -> Statement {
    Statement {
        en: en.into(),
        lv: lv.into(),
        ar: ar.into(),
    }
}

fn statements() -> Vec<Statement> {
    vec![
        statement(
            "I have what I need to serve customers well",
            "Man ir viss, kas vajadzīgs, lai labi apkalpotu klientus",
            "لديّ كل ما أحتاجه لخدمة العملاء جيدًا",
        ),
        statement(
            "My manager listens to me",
            "Mans vadītājs mani uzklausa",
            "مديري يستمع إليّ",
        ),
        statement(
            "Our team has enough people at busy hours",
            "Mūsu komandā noslogotajās stundās ir pietiekami daudz cilvēku",
            "لدى فريقنا عدد كافٍ من الموظفين في أوقات الذروة",
        ),
    ]
}

/// The plan: every month, on the stations, a week, three statements.
pub async fn plan(store: &Store, org: uuid::Uuid, by: &By) -> anyhow::Result<()> {
    let plan = PulsePlan {
        rhythm: Rhythm::Monthly,
        delivery: Delivery::Station,
        open_days: 7,
        statements: statements(),
        version: 0,
    };
    store.save_pulse_plan(org, 0, &plan, by).await?;
    Ok(())
}

/// Each site's customers' CSAT (%) over the 30 days up to `last`.
async fn site_csat(
    store: &Store,
    w: &World,
    last: jiff::civil::Date,
) -> anyhow::Result<std::collections::HashMap<uuid::Uuid, f64>> {
    let sites: Vec<uuid::Uuid> = w.sites.iter().map(|s| s.0).collect();
    let from = last.checked_sub(29.days())?;
    Ok(
        rida_server::analytics::pulse::site_csat(store, w.org, &sites, from, last)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .into_iter()
            .filter_map(|(site, c)| Some((site, Metric::Csat.estimate(&c)?.value)))
            .collect(),
    )
}

/// The three months before this one as rounds that are over.
pub async fn history(store: &Store, w: &World, time_zone: &str, by: &By) -> anyhow::Result<()> {
    let statements = statements();
    let tz = TimeZone::get(time_zone).unwrap_or(TimeZone::UTC);
    let today = Timestamp::now().to_zoned(tz.clone()).date();
    let mut rng = StdRng::seed_from_u64(21);
    for back in (1..=3).rev() {
        let first = today.first_of_month().checked_sub(back.months())?;
        let opened = first.at(9, 0, 0, 0).to_zoned(tz.clone())?.timestamp();
        let round = PulseRound {
            id: rida_domain::new_id(),
            org_id: w.org,
            period_key: format!("{:04}-{:02}", first.year(), first.month()),
            delivery: Delivery::Station,
            statements: statements.clone(),
            opened_at: opened.as_millisecond(),
            closes_at: opened.as_millisecond() + 7 * 86_400_000,
        };
        let closed = Timestamp::from_millisecond(round.closes_at)?
            .to_zoned(tz.clone())
            .date();
        let csat = site_csat(store, w, closed).await?;
        let mut counts = Vec::new();
        for (site, _, _) in &w.sites {
            // Staff of 8 to 15; a happier team where customers are better served (a
            // CSAT of 55 % a glum one, of 80 % a happy one), give or take.
            let staff = 8 + (rand::Rng::random::<u32>(&mut rng) % 8) as usize;
            let served = csat.get(site).copied().unwrap_or(72.0);
            let mood = ((served - 55.0) / 25.0 + 0.15 * normal(&mut rng)).clamp(0.0, 1.0);
            for _ in 0..staff {
                let enps = (5.0 + 4.0 * mood + 2.0 * normal(&mut rng))
                    .round()
                    .clamp(0.0, 10.0);
                counts.push((*site, ENPS_ITEM, enps as i16, 1));
                for item in 1..=statements.len() as i16 {
                    let v = (2.6 + 1.8 * mood + normal(&mut rng))
                        .round()
                        .clamp(1.0, 5.0);
                    counts.push((*site, item, v as i16, 1));
                }
            }
        }
        store.record_pulse_round(w.org, &round, &counts, by).await?;
    }
    Ok(())
}
