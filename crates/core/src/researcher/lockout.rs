//! Wrong PINs are counted; after five, each further wrong PIN locks the
//! researcher area for twice as long as the last, up to an hour.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Wrong PINs allowed before the first lockout.
pub const FREE_ATTEMPTS: u32 = 5;
/// The first lockout, in seconds; each later one doubles.
pub const FIRST_LOCKOUT_SECONDS: u32 = 30;
/// The longest lockout, in seconds.
pub const MAX_LOCKOUT_SECONDS: u32 = 3600;

/// Stored between attempts (and across reloads, so a reload never resets it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lockout {
    /// Wrong PINs since the last right one.
    pub failures: u32,
    /// No attempt is taken before this moment.
    pub locked_until: Option<Timestamp>,
}

/// The outcome of an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The PIN was right.
    Unlocked,
    /// Wrong; this many attempts remain before a lockout.
    Wrong {
        /// Attempts left before the area locks.
        left: u32,
    },
    /// Locked (now, or by this wrong PIN) until then; the PIN was not checked.
    LockedUntil(Timestamp),
}

impl Lockout {
    /// Whether attempts are refused at `now`.
    pub fn locked_at(&self, now: Timestamp) -> Option<Timestamp> {
        self.locked_until.filter(|until| now < *until)
    }

    /// Records an attempt whose PIN was `right`, made at `now`. While locked
    /// the PIN must not even be checked (`right` is then ignored).
    pub fn attempt(&mut self, right: bool, now: Timestamp) -> Attempt {
        if let Some(until) = self.locked_at(now) {
            return Attempt::LockedUntil(until);
        }
        if right {
            *self = Lockout::default();
            return Attempt::Unlocked;
        }
        self.failures += 1;
        if self.failures < FREE_ATTEMPTS {
            return Attempt::Wrong {
                left: FREE_ATTEMPTS - self.failures,
            };
        }
        let doublings = (self.failures - FREE_ATTEMPTS).min(16);
        let seconds = FIRST_LOCKOUT_SECONDS
            .saturating_mul(1 << doublings)
            .min(MAX_LOCKOUT_SECONDS);
        let until = now.plus_seconds(seconds);
        self.locked_until = Some(until);
        Attempt::LockedUntil(until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> Timestamp {
        Timestamp(s * 1000)
    }

    #[test]
    fn five_wrong_then_growing_lockouts() {
        let mut l = Lockout::default();
        for left in (1..5).rev() {
            assert_eq!(l.attempt(false, t(0)), Attempt::Wrong { left });
        }
        assert_eq!(l.attempt(false, t(0)), Attempt::LockedUntil(t(30)));
        // While locked, even the right PIN is not taken.
        assert_eq!(l.attempt(true, t(10)), Attempt::LockedUntil(t(30)));
        assert_eq!(l.attempt(false, t(30)), Attempt::LockedUntil(t(90)));
        assert_eq!(l.attempt(false, t(90)), Attempt::LockedUntil(t(210)));
        for _ in 0..20 {
            let until = l.locked_until.unwrap_or(t(0));
            l.attempt(false, until);
        }
        let until = l.locked_until.unwrap_or(t(0));
        assert!(until.millis_since(t(0)) > 0);
        let last = l;
        let mut next = last;
        next.attempt(false, until);
        assert_eq!(
            next.locked_until,
            Some(until.plus_seconds(MAX_LOCKOUT_SECONDS))
        );
    }

    #[test]
    fn the_right_pin_resets_the_count() {
        let mut l = Lockout::default();
        l.attempt(false, t(0));
        l.attempt(false, t(0));
        assert_eq!(l.attempt(true, t(1)), Attempt::Unlocked);
        assert_eq!(l, Lockout::default());
    }
}
