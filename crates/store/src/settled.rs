//! Figures of days that are over, read once and kept while nothing changes them, and
//! added to the fresh ones of each read ([`merged`]).
//!
//! Twenty heads reopening the network-wide Overview ask the same question over and over,
//! and most of its period (the last 30 days) is days that are over, which new answers no
//! longer reach. A read is cut at [`cut`]: the days before it are read once per instance
//! and kept with the organisation's `past_version` (migration 0041), the days from it on
//! are read every time. Every write of the rollups that reaches a day before [`late`]
//! (an answer kept days on an offline terminal, taps judged a burst later, a rebuild)
//! moves `past_version` in the same transaction, so a kept figure is used only while it
//! is still what the answers say — whichever instance wrote. The version is read before
//! the figures: a write landing between the two moves it past the one kept with them.
//!
//! Why these two days: a write that does not move the version is on a day from
//! [`late`] on, evaluated when it was written; a read keeps only days before [`cut`],
//! evaluated an hour earlier than the read. A write still uncommitted when the read
//! looked (so not in its figures) began less than an hour before it (statements and
//! transactions are far shorter), so its day is at or after the read's cut, outside what
//! the read keeps. Both are days of UTC, one before the current one: no site's local day
//! (zones from UTC−12 to UTC+14) is still before it, whatever its zone.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use uuid::Uuid;

/// Counts summed per group: the group, its scale, then eleven score counts and the
/// bursts, as [`crate::Store::cube`] adds them up before the page sees them.
pub(crate) type Sums = BTreeMap<(crate::GroupKey, &'static str), (rida_domain::Scale, [i64; 12])>;

/// Rows kept in all, beyond which the entries used longest ago go (about 300 bytes a
/// row: 30 MB at most). A read of more than a quarter of it is not kept.
const MAX_ROWS: usize = 100_000;

/// The day (`yyyymmdd`) the day before UTC's current one at `now`.
fn day_before(now: jiff::Timestamp) -> i32 {
    let day = now
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .yesterday()
        .unwrap_or(jiff::civil::Date::MIN);
    rida_domain::period::day_key(day)
}

/// Rollup writes to days before this one move the organisation's `past_version`.
pub(crate) fn late() -> i32 {
    day_before(jiff::Timestamp::now())
}

/// Reads keep the figures of days before this one.
pub(crate) fn cut() -> i32 {
    day_before(jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1))
}

/// What an instance keeps: per organisation and question, the version it was read at,
/// when it was last used, and the sums.
#[derive(Debug, Default)]
pub(crate) struct SettledCache(Mutex<HashMap<(Uuid, String), Entry>>);

#[derive(Debug)]
struct Entry {
    version: i64,
    used: Instant,
    sums: Arc<Sums>,
}

impl SettledCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(Uuid, String), Entry>> {
        // A panic while holding the lock cannot leave the map inconsistent.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The sums kept for `key` at `version`.
    pub fn get(&self, key: &(Uuid, String), version: i64) -> Option<Arc<Sums>> {
        let mut map = self.lock();
        let entry = map.get_mut(key).filter(|e| e.version == version)?;
        entry.used = Instant::now();
        Some(entry.sums.clone())
    }

    /// Keeps `sums` for `key` at `version`, making room by forgetting the entries used
    /// longest ago.
    pub fn insert(&self, key: (Uuid, String), version: i64, sums: Arc<Sums>) {
        if sums.len() > MAX_ROWS / 4 {
            return;
        }
        let mut map = self.lock();
        map.insert(
            key,
            Entry {
                version,
                used: Instant::now(),
                sums,
            },
        );
        let mut rows: usize = map.values().map(|e| e.sums.len()).sum();
        while rows > MAX_ROWS {
            let Some(oldest) = map
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            rows -= map.remove(&oldest).map_or(0, |e| e.sums.len());
        }
    }
}

/// The organisations among rollup cells about to be written whose answers reach a day
/// before [`late`].
pub(crate) fn late_orgs<'a>(cells: impl IntoIterator<Item = &'a crate::RollupKey>) -> Vec<Uuid> {
    let late = late();
    let mut orgs: Vec<Uuid> = cells
        .into_iter()
        .filter(|k| k.grain == crate::rollups::Grain::DaySite as i16 && k.period < late)
        .map(|k| k.org_id)
        .collect();
    orgs.sort_unstable();
    orgs.dedup();
    orgs
}

/// Inside a write transaction, after its last rollup write: moves `past_version` of the
/// organisations `$orgs` ([`late_orgs`]). Last, so that the organisation's row is never
/// locked by a writer that still has rollup rows to lock (two writers could then wait
/// for each other).
macro_rules! note_late_days {
    ($tx:ident, $orgs:expr) => {{
        let mut orgs: Vec<uuid::Uuid> = $orgs;
        orgs.sort_unstable();
        orgs.dedup();
        for org in orgs {
            sqlx::query("UPDATE organisations SET past_version = past_version + 1 WHERE id = $1")
                .bind(org)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}
pub(crate) use note_late_days;

/// The rows of the kept sums and the fresh ones added up, in key order, without copying
/// the kept ones (both are sorted: one pass over each). A group whose answers all fell on
/// the days taken away is no group.
pub(crate) fn merged(kept: Option<&Sums>, fresh: Sums) -> Vec<crate::CubeRow> {
    use std::cmp::Ordering;
    let empty = Sums::new();
    let mut kept = kept.unwrap_or(&empty).iter().peekable();
    let mut fresh = fresh.into_iter().peekable();
    let mut out = Vec::new();
    loop {
        let order = match (kept.peek(), fresh.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some((a, _)), Some((b, _))) => (*a).cmp(b),
        };
        let ((key, _), (scale, mut sum)) = match order {
            Ordering::Greater => fresh.next().expect("peeked"),
            _ => {
                let (key, value) = kept.next().expect("peeked");
                (key.clone(), *value)
            }
        };
        if order == Ordering::Equal {
            let (_, (_, more)) = fresh.next().expect("peeked");
            for (t, n) in sum.iter_mut().zip(more) {
                *t += n;
            }
        }
        if sum.iter().all(|n| *n == 0) {
            continue;
        }
        let mut counts = rida_domain::metrics::ScoreCounts::new(scale);
        for (score, n) in sum[..11].iter().enumerate() {
            counts.add(score as i16, (*n).max(0) as u64);
        }
        out.push(crate::CubeRow {
            key,
            counts,
            bursts: sum[11].max(0) as u64,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GroupKey;
    use rida_domain::Scale;

    #[test]
    fn kept_and_fresh_sums_are_added_per_group_in_key_order() {
        let site = |n: u128| GroupKey {
            site: Some(Uuid::from_u128(n)),
            ..Default::default()
        };
        let sums = |rows: &[(u128, i64)]| -> Sums {
            rows.iter()
                .map(|(k, n)| {
                    let mut sum = [0; 12];
                    sum[5] = *n;
                    ((site(*k), Scale::Csat5.as_str()), (Scale::Csat5, sum))
                })
                .collect()
        };
        // Site 2's fresh count takes its kept one away; 1 only kept, 3 only fresh, 4 both.
        let kept = sums(&[(1, 4), (2, 2), (4, 1)]);
        let rows = merged(Some(&kept), sums(&[(2, -2), (3, 3), (4, 6)]));
        let got: Vec<(Uuid, u64)> = rows
            .iter()
            .map(|r| (r.key.site.unwrap(), r.counts.n()))
            .collect();
        let want: Vec<(Uuid, u64)> = [(1, 4), (3, 3), (4, 7)]
            .into_iter()
            .map(|(k, n)| (Uuid::from_u128(k), n))
            .collect();
        assert_eq!(got, want);
        assert_eq!(merged(None, sums(&[(3, 3)])).len(), 1);
        assert_eq!(merged(Some(&kept), Sums::new()).len(), 3);
    }

    #[test]
    fn the_cut_is_the_day_before_utc_today_an_hour_earlier() {
        let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
        assert_eq!(day_before(at("2026-12-07T06:00:00Z")), 20261206);
        assert_eq!(day_before(at("2027-01-01T00:30:00Z")), 20261231);
        // An hour earlier is still the day before at 00:30: the cut is a day lower.
        assert_eq!(
            day_before(at("2027-01-01T00:30:00Z") - jiff::SignedDuration::from_hours(1)),
            20261230
        );
    }
}
