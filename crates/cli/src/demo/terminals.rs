//! A few simulated terminals for the demo: paired by the demo process itself and kept
//! beating, so that supervision shows live terminals on first start (and, when the demo
//! process stops, shows them going offline as a real fleet would). A terminal someone
//! pairs a real tablet to is left to it.

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
    }
    Ok(())
}
