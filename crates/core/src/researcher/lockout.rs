//! Wrong PINs (and wrong recovery codes) are counted; after five, each
//! further wrong one locks the researcher area for twice as long as the
//! last, up to an hour.
//!
//! The wait is kept as time still to wait, not as a moment on the tablet's
//! clock: the browser counts it down with a clock that only moves forward
//! (`performance.now()`) while the staff page is open, and stores what is
//! left. Moving the tablet's clock forward therefore ends nothing, and a
//! reload resumes the wait where it was (the count of wrong tries is stored
//! too, so a reload never resets it).

use serde::{Deserialize, Serialize};

/// Wrong tries allowed before the first lockout.
pub const FREE_ATTEMPTS: u32 = 5;
/// The first lockout, in seconds; each later one doubles.
pub const FIRST_LOCKOUT_SECONDS: u32 = 30;
/// The longest lockout, in seconds.
pub const MAX_LOCKOUT_SECONDS: u32 = 3600;

/// Stored between attempts, across reloads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lockout {
    /// Wrong tries since the last right one.
    pub failures: u32,
    /// Milliseconds still to wait before any try is taken, counted down
    /// only by [`Lockout::elapse`].
    #[serde(default)]
    pub wait_ms: u64,
    /// Written by builds that kept the end of the wait as a clock time;
    /// read only, and turned into a whole wait by
    /// [`Lockout::from_older_build`] (the clock is not trusted).
    #[serde(default, skip_serializing)]
    pub locked_until: Option<crate::time::Timestamp>,
}

/// The outcome of a try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The PIN (or code) was right.
    Unlocked,
    /// Wrong; this many tries remain before a wait.
    Wrong {
        /// Tries left before the area locks.
        left: u32,
    },
    /// A wait is running (now, or begun by this wrong try); nothing was
    /// checked, or the check did not count.
    Locked {
        /// Milliseconds still to wait.
        wait_ms: u64,
    },
}

/// The wait after the `failures`-th wrong try (none before the fifth).
pub fn wait_after(failures: u32) -> u64 {
    if failures < FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(16);
    let seconds = FIRST_LOCKOUT_SECONDS
        .saturating_mul(1 << doublings)
        .min(MAX_LOCKOUT_SECONDS);
    u64::from(seconds) * 1000
}

impl Lockout {
    /// A value stored by an older build, made safe: a wait it had begun
    /// starts again whole, whatever the clock now says.
    pub fn from_older_build(mut self) -> Lockout {
        if self.locked_until.take().is_some() {
            self.wait_ms = self
                .wait_ms
                .max(wait_after(self.failures.max(FREE_ATTEMPTS)));
        }
        self
    }

    /// True while tries are refused.
    pub fn is_locked(&self) -> bool {
        self.wait_ms > 0
    }

    /// Counts `ms` of time that passed on a clock that only moves forward.
    pub fn elapse(&mut self, ms: u64) {
        self.wait_ms = self.wait_ms.saturating_sub(ms);
    }

    /// Records a try whose secret was `right`. While a wait runs the try
    /// does not count, and the secret need not even be checked (`right` is
    /// then ignored).
    pub fn attempt(&mut self, right: bool) -> Attempt {
        if self.is_locked() {
            return Attempt::Locked {
                wait_ms: self.wait_ms,
            };
        }
        if right {
            *self = Lockout::default();
            return Attempt::Unlocked;
        }
        self.failures = self.failures.saturating_add(1);
        self.wait_ms = wait_after(self.failures);
        if self.is_locked() {
            Attempt::Locked {
                wait_ms: self.wait_ms,
            }
        } else {
            Attempt::Wrong {
                left: FREE_ATTEMPTS - self.failures,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = 1000;

    #[test]
    fn five_wrong_then_growing_waits() {
        let mut l = Lockout::default();
        for left in (1..5).rev() {
            assert_eq!(l.attempt(false), Attempt::Wrong { left });
        }
        assert_eq!(l.attempt(false), Attempt::Locked { wait_ms: 30 * S });
        // While locked, even the right PIN is not taken.
        l.elapse(10 * S);
        assert_eq!(l.attempt(true), Attempt::Locked { wait_ms: 20 * S });
        l.elapse(20 * S);
        assert_eq!(l.attempt(false), Attempt::Locked { wait_ms: 60 * S });
        l.elapse(60 * S);
        assert_eq!(l.attempt(false), Attempt::Locked { wait_ms: 120 * S });
        for _ in 0..20 {
            l.elapse(l.wait_ms);
            l.attempt(false);
        }
        assert_eq!(l.wait_ms, u64::from(MAX_LOCKOUT_SECONDS) * S);
    }

    #[test]
    fn only_time_that_passed_ends_a_wait() {
        let mut l = Lockout {
            failures: 4,
            ..Lockout::default()
        };
        l.attempt(false);
        l.elapse(29_999);
        assert!(l.is_locked());
        l.elapse(1);
        assert!(!l.is_locked());
        assert_eq!(l.attempt(true), Attempt::Unlocked);
        assert_eq!(l, Lockout::default());
    }

    #[test]
    fn an_older_builds_clock_time_becomes_a_whole_wait() {
        let old: Lockout =
            serde_json::from_str(r#"{"failures":6,"locked_until":1800000000000}"#).expect("old");
        let l = old.from_older_build();
        assert_eq!(l.wait_ms, 60 * S);
        assert_eq!(l.locked_until, None);
        let written = serde_json::to_string(&l).expect("writes");
        assert!(!written.contains("locked_until"), "{written}");
        let none: Lockout =
            serde_json::from_str(r#"{"failures":2,"locked_until":null}"#).expect("old");
        assert_eq!(none.from_older_build().wait_ms, 0);
    }
}
