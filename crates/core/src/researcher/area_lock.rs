//! When the unlocked researcher area locks by itself: after a set time
//! without a touch (default 5 minutes, set in the area), and whenever the
//! page is hidden or reloaded (the browser layer's part).

use thiserror::Error;

/// Seconds without a touch before the area locks, unless set otherwise.
pub const DEFAULT_AREA_LOCK_SECONDS: u32 = 300;
/// The shortest and longest times that may be set, in minutes.
pub const AREA_LOCK_MINUTES: (u32, u32) = (1, 60);

/// True once the area has gone `idle_ms` without a touch (measured on a
/// clock that only moves forward) and `limit_seconds` allows no more.
pub fn idle_lock_due(idle_ms: f64, limit_seconds: u32) -> bool {
    idle_ms >= f64::from(limit_seconds) * 1000.0
}

/// A lock time that cannot be set.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("Please give the time as a whole number of minutes from 1 to 60.")]
pub struct LockTimeError;

/// The lock time typed in minutes, as seconds.
pub fn parse_lock_minutes(typed: &str) -> Result<u32, LockTimeError> {
    let (low, high) = AREA_LOCK_MINUTES;
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (low..=high).contains(m))
        .map(|m| m * 60)
        .ok_or(LockTimeError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_at_the_limit_not_before() {
        assert!(!idle_lock_due(299_999.0, 300));
        assert!(idle_lock_due(300_000.0, 300));
        assert!(idle_lock_due(1e12, DEFAULT_AREA_LOCK_SECONDS));
    }

    #[test]
    fn minutes_are_checked() {
        assert_eq!(parse_lock_minutes(" 5 "), Ok(300));
        assert_eq!(parse_lock_minutes("60"), Ok(3600));
        assert_eq!(parse_lock_minutes("1"), Ok(60));
        for bad in ["0", "61", "", "five", "2.5", "-3"] {
            assert_eq!(parse_lock_minutes(bad), Err(LockTimeError), "{bad}");
        }
    }
}
