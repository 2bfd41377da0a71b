//! One survey window at a time, where the browser has no Web Locks API.
//!
//! The app holds a Web Lock (`navigator.locks`) while a window is open:
//! the browser gives it to one window only and takes it back when that
//! window closes or crashes. Browsers without the API (Safari and iPadOS
//! before 15.4, Firefox before 96, and any page not served over https or
//! from localhost) use a lease in `localStorage` instead, decided here.
//!
//! The window holding the lease renews it every [`RENEW_MS`] by counting
//! its `beat` up, and gives it up when the page is left. Another window
//! watches it, and may take it only when there is none, or when it has not
//! changed for [`EXPIRY_MS`] on the watcher's own clock that only moves
//! forward: no tablet clock is compared, so changing the clock neither lets
//! a second window in early nor keeps it out. A window that finds its lease
//! taken (its timers were held back while it was hidden) stops writing at
//! once, so a draft is never written by two windows.

use serde::{Deserialize, Serialize};

/// How often the holder renews its lease, in milliseconds.
pub const RENEW_MS: u32 = 1_000;
/// How long a lease may go unrenewed before a watcher may take it.
pub const EXPIRY_MS: f64 = 10_000.0;

/// The lease as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    /// A random id of the holding window.
    pub holder: String,
    /// Counted up at every renewal.
    pub beat: u64,
}

/// What a window that wants the lease has seen of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Watch {
    last_seen: Option<Lease>,
    /// When (on the watcher's monotonic clock) the lease was last seen to
    /// change.
    changed_at_ms: f64,
}

impl Watch {
    /// Looks at the stored lease at `now_ms` (the watcher's monotonic
    /// clock) and says whether the window `me` may take it now.
    pub fn may_take(&mut self, stored: Option<&Lease>, me: &str, now_ms: f64) -> bool {
        let Some(lease) = stored else {
            return true;
        };
        if lease.holder == me {
            return true;
        }
        if self.last_seen.as_ref() != Some(lease) {
            self.last_seen = Some(lease.clone());
            self.changed_at_ms = now_ms;
            return false;
        }
        now_ms - self.changed_at_ms >= EXPIRY_MS
    }
}

/// True while the stored lease is still `me`'s: checked before every write.
pub fn still_held(stored: Option<&Lease>, me: &str) -> bool {
    stored.is_some_and(|lease| lease.holder == me)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lease(holder: &str, beat: u64) -> Lease {
        Lease {
            holder: holder.into(),
            beat,
        }
    }

    #[test]
    fn a_free_or_own_lease_is_taken_at_once() {
        let mut watch = Watch::default();
        assert!(watch.may_take(None, "b", 0.0));
        assert!(watch.may_take(Some(&lease("b", 3)), "b", 0.0));
    }

    #[test]
    fn a_renewed_lease_is_never_taken_and_an_abandoned_one_is_after_the_expiry() {
        let mut watch = Watch::default();
        let mut now = 0.0;
        for beat in 0..50 {
            assert!(
                !watch.may_take(Some(&lease("a", beat)), "b", now),
                "beat {beat}"
            );
            now += 1_000.0;
        }
        // The holder crashed: its last beat stays as it was.
        let last = lease("a", 49);
        assert!(!watch.may_take(Some(&last), "b", now + EXPIRY_MS - 1_001.0));
        assert!(watch.may_take(Some(&last), "b", now + EXPIRY_MS));
        assert!(still_held(Some(&last), "a"));
        assert!(!still_held(Some(&last), "b"));
        assert!(!still_held(None, "a"));
    }
}
