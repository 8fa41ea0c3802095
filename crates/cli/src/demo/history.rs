//! The demo's year of answers: customers, scores that move the way a bank's would
//! (a weak service, a weak employee at one service, a branch that improves), comments,
//! reasons and visits, written in batches while Rida already serves.

use super::*;

/// Writes one batch of the history. Rida already serves while it is written, and its
/// jobs write too: on PostgreSQL a transaction may be chosen as a deadlock's victim, so a
/// batch is tried again (answers and visits carry their ids: nothing is stored twice).
async fn write_batch(
    store: &Store,
    org: Uuid,
    ratings: &[NewRating],
    visits: &[NewVisit],
) -> anyhow::Result<()> {
    let mut tries = 0;
    loop {
        let done = async {
            store.insert_ratings(org, ratings).await?;
            store.insert_visits(org, visits).await?;
            Ok::<_, rida_store::StoreError>(())
        }
        .await;
        match done {
            Ok(()) => return Ok(()),
            Err(e) if tries < 8 => {
                tries += 1;
                tell(&format!("  demo: a batch is tried again ({e})"));
                tokio::time::sleep(std::time::Duration::from_millis(200 * tries)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// A standard normal draw (Box–Muller).
pub(super) fn normal(rng: &mut StdRng) -> f64 {
    let u1: f64 = rng.random::<f64>().max(1e-12);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

pub(super) fn pick_weighted(rng: &mut StdRng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.random::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

pub(super) async fn insert_answers(store: &Store, w: &World, answers: usize) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(0x52_49_44_41);
    let tz = TimeZone::get("Europe/Riga").unwrap_or(TimeZone::UTC);
    let now = Timestamp::now();
    let today = now.to_zoned(tz.clone()).date();
    let start = today.checked_sub(365.days())?;
    // Day weights: weekdays busy, Saturday quieter, Sunday closed.
    let days: Vec<(jiff::civil::Date, f64)> = (0..365)
        .filter_map(|d| start.checked_add(d.days()).ok())
        .map(|d| {
            let wgt = match d.weekday() {
                jiff::civil::Weekday::Sunday => 0.0,
                jiff::civil::Weekday::Saturday => 0.45,
                jiff::civil::Weekday::Monday => 1.15,
                _ => 1.0,
            };
            (d, wgt)
        })
        .collect();
    let day_weights: Vec<f64> = days.iter().map(|d| d.1).collect();
    // Opening hours 9–18, peaks late morning and late afternoon.
    let hour_weights = [0.6, 1.2, 1.4, 1.1, 0.9, 0.8, 1.0, 1.3, 1.1];
    let site_weights: Vec<f64> = w.sites.iter().map(|s| s.2).collect();
    let channels = [
        (Channel::Kiosk, 0.55),
        (Channel::Station, 0.15),
        (Channel::Sms, 0.15),
        (Channel::Web, 0.10),
        (Channel::Whatsapp, 0.05),
    ];
    let channel_weights: Vec<f64> = channels.iter().map(|c| c.1).collect();
    let service_weights = [1.4, 1.0, 0.8, 0.5, 1.3, 0.6];
    let weak_employee = 5usize;
    let loans = 2usize;
    let mortgages = 3usize;
    let liepaja = 4usize;

    // A bar on a terminal; otherwise (a log, CI) a line at every tenth.
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(answers as u64)
    } else {
        ProgressBar::hidden()
    };
    let mut tenths_told = 0;
    bar.set_style(
        ProgressStyle::with_template(
            "  demo answers {bar:40.cyan/blue} {pos:>7}/{len:7} {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut batch: Vec<NewRating> = Vec::with_capacity(BATCH + 4);
    let mut visits: Vec<NewVisit> = Vec::with_capacity(BATCH);
    // Customers come back a few times a year: about one customer per three answers.
    let customers = (answers / 3).max(10);
    let mut written = 0usize;
    while written < answers {
        let site_ix = pick_weighted(&mut rng, &site_weights);
        let (site, _, _) = w.sites[site_ix];
        let day_ix = pick_weighted(&mut rng, &day_weights);
        let (date, _) = days[day_ix];
        let hour = 9 + pick_weighted(&mut rng, &hour_weights) as i8;
        let minute = rng.random_range(0..60) as i8;
        let Ok(zoned) = date
            .at(hour, minute, rng.random_range(0..60) as i8, 0)
            .to_zoned(tz.clone())
        else {
            continue;
        };
        let at = zoned.timestamp();
        if at > now {
            continue;
        }
        let service_ix = pick_weighted(&mut rng, &service_weights);
        let staff: Vec<usize> = (0..w.employees.len())
            .filter(|e| w.employees[*e].1.contains(&site_ix))
            .collect();
        let emp_ix = staff[rng.random_range(0..staff.len())];
        let channel = channels[pick_weighted(&mut rng, &channel_weights)].0;

        let progress = day_ix as f64 / days.len() as f64;
        let mut mean = 4.15 + 0.25 * normal(&mut rng) * 0.2;
        if service_ix == loans {
            mean -= 0.7;
        }
        if emp_ix == weak_employee {
            mean += if service_ix == mortgages { -1.6 } else { 0.35 };
        }
        if site_ix == liepaja {
            mean += -0.9 + 1.3 * progress;
        }
        if zoned.weekday() == jiff::civil::Weekday::Friday && hour >= 16 {
            mean -= 0.25;
        }
        // Most answer in Latvian; at the seaside Jūrmala branch many answer in English,
        // and they are less satisfied there (few of its staff speak English).
        let jurmala = site_ix == 3;
        let weights = if jurmala {
            [0.45, 0.45, 0.10]
        } else {
            [0.6, 0.25, 0.15]
        };
        let lang = ["lv", "en", "ar"][pick_weighted(&mut rng, &weights)];
        if lang == "en" && jurmala {
            mean -= 0.6;
        }
        let score = (mean + 0.95 * normal(&mut rng)).round().clamp(1.0, 5.0) as i16;
        let visit = Uuid::now_v7();
        // The visit rated, and the ones around it whose customers did not answer (about
        // 4 in 10 answer; fewer at the busiest branch).
        let response = if site_ix == 0 { 0.3 } else { 0.45 };
        let unanswered = ((1.0 - response) / response * 2.0 * rng.random::<f64>()).round() as usize;
        let ends = time::to_millis(at) - 30_000;
        visits.push(extras::demo_visit(
            &mut rng,
            w,
            visit,
            (site_ix, service_ix, emp_ix),
            ends,
            customers,
        ));
        for _ in 0..unanswered {
            let service_ix = pick_weighted(&mut rng, &service_weights);
            let emp_ix = staff[rng.random_range(0..staff.len())];
            let ends = ends + rng.random_range(-3_600_000..3_600_000);
            visits.push(extras::demo_visit(
                &mut rng,
                w,
                Uuid::now_v7(),
                (site_ix, service_ix, emp_ix),
                ends,
                customers,
            ));
        }
        let local_day = time::local_day(at, &tz);
        let base = |question: Uuid, answer: Answer, offset_s: i64| NewRating {
            id: Uuid::now_v7(),
            answered_at: time::to_millis(at) + offset_s * 1000,
            received_at: time::to_millis(at) + offset_s * 1000 + 800,
            local_day,
            site_id: site,
            service_id: Some(w.services[service_ix].0),
            employee_id: Some(w.employees[emp_ix].0),
            channel,
            question_id: question,
            answer,
            visit_id: Some(visit),
            customer_key: None,
            terminal_id: None,
            lang: Some(lang.into()),
            flags: 0,
        };
        batch.push(base(w.csat, Answer::Score(score), 0));
        if rng.random::<f64>() < 0.35 {
            let nps = ((score as f64 - 1.0) * 2.4 + 0.6 + 1.3 * normal(&mut rng))
                .round()
                .clamp(0.0, 10.0) as i16;
            batch.push(base(w.nps, Answer::Score(nps), 6));
        }
        if rng.random::<f64>() < 0.2 {
            let ces = ((score as f64) * 1.3 + 0.4 + normal(&mut rng))
                .round()
                .clamp(1.0, 7.0) as i16;
            batch.push(base(w.ces, Answer::Score(ces), 11));
        }
        if score <= 2 && rng.random::<f64>() < 0.7 {
            let picks: Vec<&str> = REASONS
                .iter()
                .filter(|_| rng.random::<f64>() < 0.4)
                .copied()
                .collect();
            let picks = if picks.is_empty() {
                vec![REASONS[0]]
            } else {
                picks
            };
            batch.push(base(w.reasons, Answer::Choice(picks.join(",")), 9));
        }
        // Six in ten say what brought them, mostly what the service is for.
        if rng.random::<f64>() < 0.6 {
            const PURPOSES: [&str; 6] = ["account", "card", "loan", "loan", "payment", "advice"];
            let purpose = if rng.random::<f64>() < 0.8 {
                PURPOSES[service_ix]
            } else {
                PURPOSES[rng.random_range(0..PURPOSES.len())]
            };
            batch.push(base(w.purpose, Answer::Choice(purpose.into()), 30));
        }
        // Half the customers answering on the web rate three areas: the wait is worst at
        // the busiest branch, courtesy follows the employee, accuracy is good everywhere.
        if channel == Channel::Web && rng.random::<f64>() < 0.5 {
            let busy = if site_ix == 0 { -0.9 } else { 0.0 };
            let kind = if emp_ix == weak_employee { -0.8 } else { 0.0 };
            for (q, m) in w.areas.iter().zip([3.9 + busy, 4.3 + kind, 4.5]) {
                let s = (m + 0.8 * normal(&mut rng)).round().clamp(1.0, 5.0) as i16;
                batch.push(base(*q, Answer::Score(s), 40));
            }
        }
        // One in forty answers the SERVQUAL statements: high expectations everywhere,
        // perceptions lower, most of all for responsiveness at the busiest branch.
        if rng.random::<f64>() < 0.025 {
            use rida_domain::survey::{Area, ServqualSide};
            for (q, area, side) in &w.servqual {
                let m = match side {
                    ServqualSide::Expectation => 6.3,
                    ServqualSide::Perception => match area {
                        Area::Responsiveness if site_ix == 0 => 4.2,
                        Area::Responsiveness => 5.3,
                        Area::Tangibles => 5.9,
                        Area::Empathy => 5.2,
                        _ => 5.6,
                    },
                };
                let s = (m + 0.9 * normal(&mut rng)).round().clamp(1.0, 7.0) as i16;
                batch.push(base(*q, Answer::Score(s), 60));
            }
        }
        let context = super::comments::Context {
            score,
            lang,
            busiest: site_ix == 0,
            jurmala_recent: jurmala && day_ix + 25 >= days.len(),
            weak_employee: emp_ix == weak_employee,
        };
        if let Some(c) = super::comments::comment(&mut rng, &context) {
            batch.push(base(w.comment, Answer::Text(c), 25));
        }
        if batch.len() >= BATCH || written + batch.len() >= answers {
            write_batch(store, w.org, &batch, &visits).await?;
            visits.clear();
            written += batch.len();
            bar.set_position(written.min(answers) as u64);
            rida_server::demo_fill::set(written as u64, answers as u64);
            let tenths = written.min(answers) * 10 / answers.max(1);
            if bar.is_hidden() && tenths > tenths_told {
                tenths_told = tenths;
                tell(&format!(
                    "  demo: {} of {answers} answers written",
                    written.min(answers)
                ));
            }
            batch.clear();
        }
    }
    bar.finish();
    Ok(())
}
