//! Pushing changes to terminals. Terminals sit behind NAT and only connect out, so each
//! one keeps a long poll open on some instance. Each instance watches the versions of
//! the terminals waiting on it with one query every half second, whichever instance the
//! change was made on: the database is the only thing the instances share.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use rida_store::{Store, Versions};
use tokio::sync::watch;
use uuid::Uuid;

/// How often an instance looks for changes of the terminals waiting on it.
pub const POLL_EVERY: Duration = Duration::from_millis(500);

type Watchers = HashMap<Uuid, (watch::Sender<Option<Versions>>, usize)>;

/// The terminals waiting on this instance, and the loop that wakes them.
#[derive(Clone)]
pub struct TerminalHub {
    watchers: Arc<Mutex<Watchers>>,
}

/// One waiting terminal; stops being watched when dropped.
pub struct Subscription {
    id: Uuid,
    hub: TerminalHub,
    pub rx: watch::Receiver<Option<Versions>>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut w = self.hub.watchers.lock().expect("hub lock");
        if let Some((_, n)) = w.get_mut(&self.id) {
            *n -= 1;
            if *n == 0 {
                w.remove(&self.id);
            }
        }
    }
}

impl TerminalHub {
    /// Starts the watching loop on the current runtime.
    pub fn spawn(store: Store) -> TerminalHub {
        let hub = TerminalHub {
            watchers: Arc::new(Mutex::new(HashMap::new())),
        };
        let weak = Arc::downgrade(&hub.watchers);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(POLL_EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Some(watchers) = weak.upgrade() else {
                    break;
                };
                let ids: Vec<Uuid> = watchers.lock().expect("hub lock").keys().copied().collect();
                if ids.is_empty() {
                    continue;
                }
                match store.terminal_versions(&ids).await {
                    Ok(versions) => {
                        let w = watchers.lock().expect("hub lock");
                        for (id, v) in versions {
                            if let Some((tx, _)) = w.get(&id) {
                                tx.send_if_modified(|cur| {
                                    let changed = *cur != Some(v);
                                    *cur = Some(v);
                                    changed
                                });
                            }
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "watching terminals failed"),
                }
            }
        });
        hub
    }

    /// Watches a terminal until the subscription is dropped.
    pub fn subscribe(&self, id: Uuid) -> Subscription {
        let mut w = self.watchers.lock().expect("hub lock");
        let entry = w.entry(id).or_insert_with(|| (watch::channel(None).0, 0));
        entry.1 += 1;
        Subscription {
            id,
            hub: self.clone(),
            rx: entry.0.subscribe(),
        }
    }

    /// How many terminals wait on this instance.
    pub fn waiting(&self) -> usize {
        self.watchers.lock().expect("hub lock").len()
    }
}
