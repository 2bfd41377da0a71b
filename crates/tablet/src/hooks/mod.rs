//! Custom hooks, one per file.

pub mod use_area_lock;
pub mod use_countdown;
pub mod use_flush_on_hide;
pub mod use_focus_heading;
pub mod use_idle;
pub mod use_lockout_clock;
pub mod use_offline_copy;
pub mod use_persistence;
pub mod use_read_aloud;
pub mod use_startup;
pub mod use_still_shown;
pub mod use_voices;
pub mod use_window_lock;
