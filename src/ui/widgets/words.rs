//! The few words the widgets show that are not the instrument's ("Or", the
//! characters-left count). Like every app text they come from the locale file
//! through the app's [`AppEnv`] context; a widget mounted alone (in a test)
//! reads the embedded English locale file instead.

use crate::core::messages::Messages;
use crate::ui::state::AppEnv;
use std::rc::Rc;
use yew::prelude::*;

/// The app's texts.
#[derive(Clone, PartialEq)]
pub(super) struct Words(Rc<Messages>);

impl Words {
    /// The text for `key`.
    pub fn get(&self, key: &str) -> String {
        self.0.get(key).to_owned()
    }

    /// "12 characters left" (or "1 character left").
    pub fn characters_left(&self, n: usize) -> String {
        if n == 1 {
            self.get("answer.character_left")
        } else {
            self.0
                .fill("answer.characters_left", &[("n", &n.to_string())])
        }
    }
}

/// The app's texts from context, for the widget calling it.
#[hook]
pub(super) fn use_words() -> Words {
    let env = use_context::<AppEnv>();
    Words(env.map_or_else(|| Rc::new(Messages::english()), |env| env.messages))
}
