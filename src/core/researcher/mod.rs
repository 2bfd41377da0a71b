//! The researcher area's decisions: the PIN, the lockout, the dashboard,
//! and combining exports from several tablets.

pub mod combine;
pub mod dashboard;
pub mod lockout;
pub mod pin;
pub mod secrets;
