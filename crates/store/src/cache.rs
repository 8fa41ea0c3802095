//! A small per-instance memory of facts that almost never change, so that the hot
//! ingest path does not ask the database the same question thousands of times a
//! second. Only facts that exist are kept (a new site is seen at once), each for a
//! short time: a change made through another instance reaches this one within
//! [`CACHE_TTL`]. Nothing here is needed by another instance.

use std::{
    collections::HashMap,
    hash::Hash,
    sync::Mutex,
    time::{Duration, Instant},
};

/// How long a looked-up fact is trusted before it is read again.
pub const CACHE_TTL: Duration = Duration::from_secs(10);
/// Most entries kept; beyond it, expired entries go, then everything.
const CAPACITY: usize = 50_000;

/// A map whose entries expire after a fixed time.
#[derive(Debug)]
pub(crate) struct TtlCache<K, V> {
    ttl: Duration,
    map: Mutex<HashMap<K, (Instant, V)>>,
}

impl<K: Eq + Hash, V: Clone> TtlCache<K, V> {
    pub fn new(ttl: Duration) -> Self {
        TtlCache {
            ttl,
            map: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, (Instant, V)>> {
        // A panic while holding the lock cannot leave the map inconsistent.
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The live value for each key, in order (`None` when absent or expired).
    pub fn get_many<'a>(&self, keys: impl IntoIterator<Item = &'a K>) -> Vec<Option<V>>
    where
        K: 'a,
    {
        let now = Instant::now();
        let map = self.lock();
        keys.into_iter()
            .map(|k| {
                map.get(k)
                    .filter(|(at, _)| now.duration_since(*at) < self.ttl)
                    .map(|(_, v)| v.clone())
            })
            .collect()
    }

    pub fn insert_many(&self, entries: impl IntoIterator<Item = (K, V)>) {
        let now = Instant::now();
        let mut map = self.lock();
        if map.len() >= CAPACITY {
            map.retain(|_, (at, _)| now.duration_since(*at) < self.ttl);
            if map.len() >= CAPACITY {
                map.clear();
            }
        }
        map.extend(entries.into_iter().map(|(k, v)| (k, (now, v))));
    }

    /// Forgets one key (after a change made through this instance).
    pub fn remove(&self, key: &K) {
        self.lock().remove(key);
    }

    /// Forgets everything.
    pub fn clear(&self) {
        self.lock().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_live_until_forgotten_or_expired() {
        let c = TtlCache::new(Duration::from_secs(3600));
        c.insert_many([(1, "a"), (2, "b")]);
        assert_eq!(c.get_many(&[1, 2, 3]), vec![Some("a"), Some("b"), None]);
        c.remove(&1);
        assert_eq!(c.get_many(&[1, 2]), vec![None, Some("b")]);

        let expired = TtlCache::new(Duration::ZERO);
        expired.insert_many([(1, "a")]);
        assert_eq!(expired.get_many(&[1]), vec![None]);
    }
}
