//! What needs attention at a terminal: offline, or quiet — no answer, while its site is
//! open, for much longer than its own usual pace explains (see
//! [`rida_domain::terminal::Pace`]). Supervision, the manager's week and the fleet's
//! notices all judge through one [`Watch`].
//!
//! A terminal's pace is its customers over the opening time of the last two weeks. They
//! are counted once an hour per organisation and instance (a pace barely moves in an
//! hour, and supervision refreshes every few seconds); each instance counts for itself,
//! so nothing here needs the others.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use jiff::tz::TimeZone;
use rida_domain::{
    hours::OpeningHours,
    terminal::{self, Alert, PACE_DAYS, Pace},
};
use rida_store::Terminal;
use uuid::Uuid;

use crate::state::AppState;

/// How long an organisation's counts of customers per terminal are kept.
const PACE_KEPT: Duration = Duration::from_secs(3_600);

/// Customers per terminal (count, first answer) in the last [`PACE_DAYS`], per
/// organisation, with when they were counted.
type Customers = Arc<HashMap<Uuid, (i64, i64)>>;

#[derive(Default)]
pub struct PaceCache(Mutex<HashMap<Uuid, (Instant, Customers)>>);

/// Judges an organisation's terminals at one instant.
pub struct Watch {
    org_tz: TimeZone,
    customers: Customers,
    now: i64,
}

/// One terminal as judged: what needs attention, and why it is quiet.
#[derive(Debug, Clone)]
pub struct Judged {
    pub alerts: Vec<Alert>,
    /// Whether its site is open now.
    pub open: bool,
    /// Opening minutes since its last answer (`None`: it never had one).
    pub silent_minutes: Option<u32>,
    /// Its usual gap between two customers, in minutes of opening time, once known.
    pub usual_gap: Option<f64>,
}

impl Watch {
    /// The watch over `org` (time zone `org_tz`) at `now` (ms).
    pub async fn load(
        state: &AppState,
        org: Uuid,
        org_tz: &str,
        now: i64,
    ) -> anyhow::Result<Watch> {
        let cached = {
            let cache = state.paces.0.lock().expect("pace cache");
            cache
                .get(&org)
                .filter(|(at, _)| at.elapsed() < PACE_KEPT)
                .map(|(_, c)| c.clone())
        };
        let customers = match cached {
            Some(c) => c,
            None => {
                let since = now - PACE_DAYS * 86_400_000;
                let c = Arc::new(state.store.terminal_customers(org, since).await?);
                let mut cache = state.paces.0.lock().expect("pace cache");
                cache.insert(org, (Instant::now(), c.clone()));
                c
            }
        };
        Ok(Watch {
            org_tz: TimeZone::get(org_tz).unwrap_or(TimeZone::UTC),
            customers,
            now,
        })
    }

    /// A terminal's site's opening hours (assumed where none are written down) and time
    /// zone (the organisation's where the site has none).
    fn hours(&self, t: &Terminal) -> (OpeningHours, TimeZone) {
        let tz = t
            .site_time_zone
            .as_deref()
            .and_then(|z| TimeZone::get(z).ok())
            .unwrap_or_else(|| self.org_tz.clone());
        let hours = t
            .site_opening_hours
            .as_deref()
            .and_then(OpeningHours::parse)
            .unwrap_or_else(OpeningHours::usual);
        (hours, tz)
    }

    /// A terminal judged now.
    pub fn judge(&self, t: &Terminal) -> Judged {
        let (hours, tz) = self.hours(t);
        let local = rida_domain::time::from_millis(self.now).to_zoned(tz.clone());
        let open = hours.is_open(local.weekday(), local.hour(), local.minute());
        let silent_minutes = t
            .last_answer_at
            .map(|at| hours.minutes_open_between(&tz, at, self.now));
        let pace = self.customers.get(&t.id).map(|(n, first)| Pace {
            customers: u32::try_from(*n).unwrap_or(u32::MAX),
            open_minutes: hours.minutes_open_between(&tz, *first, self.now),
        });
        let alerts = terminal::alerts(
            t.paired,
            t.last_seen_at,
            self.now,
            open,
            silent_minutes,
            Pace::quiet_after(pace),
        );
        Judged {
            alerts,
            open,
            silent_minutes,
            usual_gap: pace.and_then(|p| p.usual_gap()),
        }
    }

    /// What needs attention at a terminal now.
    pub fn attention(&self, t: &Terminal) -> Vec<Alert> {
        self.judge(t).alerts
    }
}
