//! How far the demo organisation's history is filled: `rida demo` serves at once and
//! writes its year of answers in the background; the pages say so meanwhile.

use std::sync::atomic::{AtomicU64, Ordering};

static DONE: AtomicU64 = AtomicU64::new(0);
static TOTAL: AtomicU64 = AtomicU64::new(0);

/// Records progress: `done` of `total` answers written (`total` 0: not filling).
pub fn set(done: u64, total: u64) {
    TOTAL.store(total, Ordering::Relaxed);
    DONE.store(done.min(total), Ordering::Relaxed);
}

/// The share filled so far (0–100), while filling; `None` otherwise.
pub fn percent() -> Option<u64> {
    let total = TOTAL.load(Ordering::Relaxed);
    let done = DONE.load(Ordering::Relaxed);
    (total > 0 && done < total).then(|| done * 100 / total)
}
