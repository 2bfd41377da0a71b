//! The idle rule, in one place: after `idle_seconds` without a touch the
//! participant is asked "Are you still there?"; after `still_there_seconds`
//! more, the survey counts as abandoned and its draft is kept as a partial
//! record. The survey screen asks by it ([`idle_state`]); start-up decides
//! by it whether a draft left behind may be resumed
//! ([`crate::settings::Settings::abandon_after_seconds`]).

use crate::settings::Settings;

/// The idle times staff may set, in seconds: at least half a minute, so a
/// slow reader is not interrupted, and at most an hour, so an abandoned
/// survey does not stay open on the tablet for the next person.
pub const IDLE_SECONDS_RANGE: (u32, u32) = (30, 3600);

/// Where a survey stands after some time without a touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleState {
    /// Touched recently: nothing to ask.
    Active,
    /// "Are you still there?" is asked, with this many seconds left.
    Asking {
        /// Seconds until the survey counts as abandoned.
        seconds_left: u32,
    },
    /// Nobody answered: keep the draft as a partial record.
    Abandoned,
}

/// The state of a survey untouched for `idle_for` seconds under `settings`.
pub fn idle_state(settings: &Settings, idle_for: i64) -> IdleState {
    let left = i64::from(settings.abandon_after_seconds()) - idle_for;
    if idle_for < i64::from(settings.idle_seconds) {
        IdleState::Active
    } else if left > 0 {
        IdleState::Asking {
            seconds_left: u32::try_from(left).unwrap_or(u32::MAX),
        }
    } else {
        IdleState::Abandoned
    }
}

/// Reads an idle time typed by staff: whole seconds within
/// [`IDLE_SECONDS_RANGE`], or `None`.
pub fn parse_idle_seconds(typed: &str) -> Option<u32> {
    let (shortest, longest) = IDLE_SECONDS_RANGE;
    typed
        .trim()
        .parse()
        .ok()
        .filter(|s| (shortest..=longest).contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asked_after_the_idle_time_and_abandoned_after_the_wait() {
        let settings = Settings {
            idle_seconds: 180,
            still_there_seconds: 30,
            ..Settings::default()
        };
        assert_eq!(idle_state(&settings, 0), IdleState::Active);
        assert_eq!(idle_state(&settings, 179), IdleState::Active);
        assert_eq!(
            idle_state(&settings, 180),
            IdleState::Asking { seconds_left: 30 }
        );
        assert_eq!(
            idle_state(&settings, 209),
            IdleState::Asking { seconds_left: 1 }
        );
        assert_eq!(idle_state(&settings, 210), IdleState::Abandoned);
        assert_eq!(settings.abandon_after_seconds(), 210);
    }

    #[test]
    fn idle_times_outside_the_range_or_not_numbers_are_refused() {
        assert_eq!(parse_idle_seconds(" 30 "), Some(30));
        assert_eq!(parse_idle_seconds("3600"), Some(3600));
        for refused in ["29", "3601", "", "two minutes", "-40", "60.5"] {
            assert_eq!(parse_idle_seconds(refused), None, "{refused}");
        }
    }
}
