//! What every workbench component reads from its context: the texts.

use candour_core::messages::Messages;
use std::rc::Rc;

/// The workbench's environment, provided at the root.
#[derive(Clone, PartialEq)]
pub struct AppEnv {
    /// The texts of the page's locale.
    pub messages: Rc<Messages>,
}
