//! The researcher area's decisions: the PIN, the lockout, and the dashboard.

pub mod dashboard;
pub mod lockout;
pub mod pin;
pub mod secrets;
