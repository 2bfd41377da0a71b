//! One component per screen of the participant's path.

pub mod consent;
pub mod ended;
pub mod question;
mod question_item;
pub mod review;
pub mod start;
pub mod still_there;
