//! A few simulated terminals for the demo: paired by the demo process itself, kept
//! beating, and tapped by a customer every two minutes or so in opening hours, so that
//! supervision, today's figures and the alerts are alive on first start (and, when the
//! demo process stops, the terminals go offline as a real fleet's would). A terminal
//! someone pairs a real tablet to is left to it.

use std::time::Duration;

use rida_domain::terminal::{Kind, PAIRING_CODE_LEN, pairing_code};
use rida_store::{By, Heartbeat, ListQuery, Store};
use uuid::Uuid;

/// Terminals simulated (the first kiosks by name).
const SIMULATED: usize = 4;
/// How often each one beats, as a tablet does.
const BEAT: Duration = Duration::from_secs(15);
/// The app version the simulated terminals report (a real device reports its own).
const DEMO_VERSION: &str = "demo";
/// A customer taps at one beat in this many, on average.
const TAP_ONE_IN: u32 = 8;
/// The local hours the simulated customers come in.
const OPEN_HOURS: std::ops::Range<i8> = 8..20;
/// How the simulated customers answer (1 to 5).
const SCORE_WEIGHTS: [u32; 5] = [4, 6, 12, 33, 45];

/// Keeps the demo's simulated terminals alive until the process ends.
pub fn spawn(store: Store) {
    tokio::spawn(async move {
        if let Err(e) = run(&store).await {
            eprintln!("  demo: the simulated terminals stopped: {e:#}");
        }
    });
}

async fn run(store: &Store) -> anyhow::Result<()> {
    let Some(org) = store.first_organisation().await? else {
        return Ok(());
    };
    let by = By::system("demo");
    let list = || async {
        Ok::<_, rida_store::StoreError>(
            store
                .list_terminals(org.id, None, &ListQuery::all())
                .await?
                .items,
        )
    };
    // The first kiosks, unless a real device beats there (its own app version).
    let mut simulated: Vec<Uuid> = list()
        .await?
        .into_iter()
        .filter(|t| t.kind == Kind::Kiosk.as_str())
        .take(SIMULATED)
        .filter(|t| t.app_version.as_deref().is_none_or(|v| v == DEMO_VERSION))
        .map(|t| t.id)
        .collect();
    for t in list()
        .await?
        .iter()
        .filter(|t| simulated.contains(&t.id) && !t.paired)
    {
        let code = pairing_code(&rand::random::<[u8; PAIRING_CODE_LEN]>());
        let expires = rida_store::now_ms() + 600_000;
        store
            .set_pairing_code(org.id, t.id, &code, expires, &by)
            .await?;
        // The device's token is never used: the demo beats through the store.
        store
            .pair_terminal(&code, &rand::random::<[u8; 32]>())
            .await?;
    }
    let mut tick = tokio::time::interval(BEAT);
    while !simulated.is_empty() {
        tick.tick().await;
        // A terminal someone is pairing a real tablet to (a pairing code drawn), or that a
        // real tablet beats at, or unpaired, is left alone from then on.
        let real: Vec<Uuid> = list()
            .await?
            .into_iter()
            .filter(|t| {
                t.pairing_code.is_some()
                    || !t.paired
                    || t.app_version.as_deref().is_some_and(|v| v != DEMO_VERSION)
            })
            .map(|t| t.id)
            .collect();
        simulated.retain(|id| !real.contains(id));
        let mut refused = Vec::new();
        for (i, id) in simulated.iter().enumerate() {
            let beat = Heartbeat {
                app_version: DEMO_VERSION.into(),
                queued: 0,
                battery: Some(0.55 + 0.1 * i as f32),
                tab: "demo".into(),
            };
            match store.terminal_heartbeat(*id, &beat).await {
                Ok(_) => {}
                // Another tab (a real device) beats there: leave it to it.
                Err(rida_store::StoreError::Conflict) => refused.push(*id),
                Err(e) => return Err(e.into()),
            }
        }
        simulated.retain(|id| !refused.contains(id));
        for id in &simulated {
            if rand::random_ratio(1, TAP_ONE_IN) {
                tap(store, &org, *id).await?;
            }
        }
    }
    Ok(())
}

/// A customer answers the first rating question of a simulated terminal's survey, as its
/// tablet would send it (bursts judged, the terminal's last answer noted).
async fn tap(store: &Store, org: &rida_store::Organisation, id: Uuid) -> anyhow::Result<()> {
    let tz = jiff::tz::TimeZone::get(&org.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let now = jiff::Timestamp::now().to_zoned(tz);
    if !OPEN_HOURS.contains(&now.hour()) {
        return Ok(());
    }
    let t = store.terminal(org.id, id).await?;
    let Some(survey) = t.survey_id else {
        return Ok(());
    };
    let survey = store.survey(org.id, survey).await?;
    let Some(q) = survey
        .def
        .questions
        .iter()
        .find(|q| q.scale == rida_domain::Scale::Csat5)
    else {
        return Ok(());
    };
    let total: u32 = SCORE_WEIGHTS.iter().sum();
    let mut pick = rand::random_range(0..total);
    let mut score = 1;
    for (i, w) in SCORE_WEIGHTS.iter().enumerate() {
        if pick < *w {
            score = i as i16 + 1;
            break;
        }
        pick -= w;
    }
    let at = now.timestamp().as_millisecond();
    let row = rida_store::NewRating {
        id: Uuid::now_v7(),
        answered_at: at,
        received_at: at,
        local_day: rida_domain::period::day_key(now.date()),
        site_id: t.site_id,
        service_id: t.service_id,
        employee_id: t.employee_id,
        channel: rida_domain::Channel::Kiosk,
        question_id: q.id,
        answer: rida_domain::Answer::Score(score),
        visit_id: Some(Uuid::now_v7()),
        customer_key: None,
        terminal_id: Some(id),
        lang: None,
        flags: 0,
    };
    store
        .insert_terminal_ratings(org.id, id, &[row], t.burst_rule())
        .await?;
    Ok(())
}
