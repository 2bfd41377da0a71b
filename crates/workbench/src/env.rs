//! What every workbench component reads from its context: the texts.

use candour_core::messages::Messages;
use std::rc::Rc;

/// The workbench's own English texts, embedded only in its build (the
/// tablet app never carries them).
pub const WORKBENCH_EN: &str = include_str!("../../../locales/workbench/en.json");

/// The workbench's environment, provided at the root.
#[derive(Clone, PartialEq)]
pub struct AppEnv {
    /// The texts of the page's locale, the workbench's own included.
    pub messages: Rc<Messages>,
}
