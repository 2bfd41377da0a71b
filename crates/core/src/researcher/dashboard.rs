//! What the researcher area's dashboard shows, decided without a browser.

use crate::record::Status;
use crate::time::Timestamp;

/// Days without an export after which the dashboard warns.
pub const EXPORT_WARNING_DAYS: u32 = 7;
/// Percent of the storage quota above which the dashboard warns.
pub const STORAGE_WARNING_PERCENT: u8 = 70;

/// The little the dashboard needs of each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordSummary {
    /// How the survey ended.
    pub status: Status,
    /// When it ended.
    pub ended_at: Timestamp,
    /// When it was first exported, if it was.
    pub exported_at: Option<Timestamp>,
}

/// Storage use as the browser reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageUse {
    /// Bytes used by this app.
    pub used_bytes: u64,
    /// Bytes the browser allows this app, where it says.
    pub quota_bytes: Option<u64>,
}

/// Something the researcher should act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// Records have waited this many days (at least 7) without an export.
    NotExported {
        /// Age in whole days of the oldest record not yet exported.
        days: u32,
    },
    /// Storage is this full (above 70%).
    StorageNearlyFull {
        /// Percent of the quota used.
        percent: u8,
    },
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    /// Complete records.
    pub complete: usize,
    /// Partial records.
    pub partial: usize,
    /// Declined-consent records.
    pub declined: usize,
    /// Records not yet exported.
    pub not_exported: usize,
    /// Age in whole days of the oldest record not yet exported.
    pub oldest_not_exported_days: Option<u32>,
    /// Storage use, where known.
    pub storage: Option<StorageUse>,
    /// Percent of the quota used, where the quota is known.
    pub percent_full: Option<u8>,
    /// What needs doing.
    pub warnings: Vec<Warning>,
}

/// The dashboard for these records at `now`.
pub fn dashboard(
    records: &[RecordSummary],
    storage: Option<StorageUse>,
    now: Timestamp,
) -> Dashboard {
    let count = |status| records.iter().filter(|r| r.status == status).count();
    let waiting: Vec<_> = records.iter().filter(|r| r.exported_at.is_none()).collect();
    let oldest_not_exported_days = waiting
        .iter()
        .map(|r| r.ended_at)
        .min()
        .map(|oldest| (now.millis_since(oldest).max(0) / 86_400_000) as u32);
    let percent_full = storage.and_then(|s| {
        s.quota_bytes
            .filter(|q| *q > 0)
            .map(|q| ((s.used_bytes.saturating_mul(100)) / q).min(100) as u8)
    });
    let mut warnings = Vec::new();
    if let Some(days) = oldest_not_exported_days.filter(|d| *d >= EXPORT_WARNING_DAYS) {
        warnings.push(Warning::NotExported { days });
    }
    if let Some(percent) = percent_full.filter(|p| *p > STORAGE_WARNING_PERCENT) {
        warnings.push(Warning::StorageNearlyFull { percent });
    }
    Dashboard {
        complete: count(Status::Complete),
        partial: count(Status::Partial),
        declined: count(Status::DeclinedConsent),
        not_exported: waiting.len(),
        oldest_not_exported_days,
        storage,
        percent_full,
        warnings,
    }
}

/// A count as a summary on the device may show it: INSTRUMENT.md hides any
/// count below 3 (other than none), so that a summary never points at one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownCount {
    /// Shown as it is (0, or 3 and more).
    Exact(usize),
    /// 1 or 2: shown as "fewer than 3".
    FewerThanThree,
}

/// How `n` may be shown in a summary.
pub fn shown_count(n: usize) -> ShownCount {
    if n == 0 || n >= 3 {
        ShownCount::Exact(n)
    } else {
        ShownCount::FewerThanThree
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    fn rec(status: Status, ended_day: i64, exported: bool) -> RecordSummary {
        RecordSummary {
            status,
            ended_at: Timestamp(ended_day * DAY),
            exported_at: exported.then_some(Timestamp(ended_day * DAY + 1)),
        }
    }

    #[test]
    fn counts_ages_and_warnings() {
        let records = [
            rec(Status::Complete, 1, true),
            rec(Status::Complete, 2, false),
            rec(Status::Partial, 5, false),
            rec(Status::DeclinedConsent, 9, false),
        ];
        let storage = StorageUse {
            used_bytes: 75,
            quota_bytes: Some(100),
        };
        let d = dashboard(&records, Some(storage), Timestamp(10 * DAY));
        assert_eq!(
            (d.complete, d.partial, d.declined, d.not_exported),
            (2, 1, 1, 3)
        );
        assert_eq!(d.oldest_not_exported_days, Some(8));
        assert_eq!(d.percent_full, Some(75));
        assert_eq!(
            d.warnings,
            vec![
                Warning::NotExported { days: 8 },
                Warning::StorageNearlyFull { percent: 75 }
            ]
        );
    }

    #[test]
    fn no_warnings_when_all_is_well() {
        let records = [rec(Status::Complete, 8, false)];
        let storage = StorageUse {
            used_bytes: 70,
            quota_bytes: Some(100),
        };
        let d = dashboard(&records, Some(storage), Timestamp(10 * DAY));
        assert!(d.warnings.is_empty());
        let d = dashboard(&[], None, Timestamp(0));
        assert_eq!(d.oldest_not_exported_days, None);
        assert_eq!(d.percent_full, None);
    }

    #[test]
    fn small_counts_are_hidden() {
        assert_eq!(shown_count(0), ShownCount::Exact(0));
        assert_eq!(shown_count(1), ShownCount::FewerThanThree);
        assert_eq!(shown_count(2), ShownCount::FewerThanThree);
        assert_eq!(shown_count(3), ShownCount::Exact(3));
    }
}
