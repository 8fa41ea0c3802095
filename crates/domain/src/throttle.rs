//! Slowing down password guessing without locking anyone out: failed sign-ins are
//! counted per account and address, per address, and per account; past a number of
//! failures each further try waits a growing time (1 s, 2 s, 4 s … at most the window).
//! The account-wide count does not slow an address the account signed in from before,
//! so nobody can keep the head out by failing on purpose from elsewhere.

/// Failures of one account from one address before tries slow down.
pub fn pair_allowance(max_failures: i64) -> i64 {
    max_failures
}

/// Failures from one address (any account) before tries slow down: someone trying
/// many accounts.
pub fn address_allowance(max_failures: i64) -> i64 {
    max_failures * 10
}

/// Failures of one account (any address) before tries from unknown addresses slow down.
pub fn account_allowance(max_failures: i64) -> i64 {
    max_failures * 5
}

/// How long (ms) the next try must still wait after `failures` failures, the last at
/// `last_at`, when `allowed` are free; `None` when it may go now. The wait doubles with
/// each failure past the allowance, from one second up to `cap_ms`.
pub fn wait_ms(
    failures: i64,
    last_at: Option<i64>,
    allowed: i64,
    cap_ms: i64,
    now: i64,
) -> Option<i64> {
    let last = last_at?;
    if failures < allowed {
        return None;
    }
    let doublings = u32::try_from(failures - allowed)
        .unwrap_or(u32::MAX)
        .min(30);
    let wait = 1_000_i64.saturating_mul(1 << doublings).min(cap_ms);
    let left = last + wait - now;
    (left > 0).then_some(left)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tries_wait_longer_after_each_failure_past_the_allowance() {
        let cap = 15 * 60_000;
        assert_eq!(wait_ms(9, Some(0), 10, cap, 0), None);
        assert_eq!(wait_ms(10, Some(0), 10, cap, 0), Some(1_000));
        assert_eq!(wait_ms(11, Some(0), 10, cap, 0), Some(2_000));
        assert_eq!(wait_ms(13, Some(0), 10, cap, 500), Some(7_500));
        // Once the wait is over, a try may go.
        assert_eq!(wait_ms(11, Some(0), 10, cap, 2_000), None);
        // Never more than the cap, whatever the count.
        assert_eq!(wait_ms(10_000, Some(0), 10, cap, 0), Some(cap));
        assert_eq!(wait_ms(50, None, 10, cap, 0), None);
    }
}
