//! The researcher area's decisions: the PIN, the lockout, the dashboard,
//! and the secrets kept on the tablet.

pub mod dashboard;
pub mod lockout;
pub mod pin;
pub mod secrets;
