//! The researcher area's decisions: the PIN and the recovery code (kept as
//! slow hashes), the lockout, when the area locks by itself, the dashboard,
//! the secrets kept on the tablet, and the tablet check.

pub mod area_lock;
pub mod dashboard;
pub mod lockout;
pub mod pin;
pub mod recovery;
pub mod secrets;
pub mod slow_hash;
pub mod tablet_check;
