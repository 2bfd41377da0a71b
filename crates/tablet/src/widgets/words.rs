//! The few words the widgets show that are not the instrument's ("Or", the
//! characters-left count, the punctuation of "0, Not at all sure", the
//! problems with a typed number). Like every app text they come from the locale file
//! through the app's [`AppEnv`] context; a widget mounted alone (in a test)
//! reads the embedded English locale file instead.

use crate::state::AppEnv;
use candour_core::messages::Messages;
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

    /// All the texts, for the core's messages in words.
    pub fn messages(&self) -> &Messages {
        &self.0
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.0.fill(key, values)
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
