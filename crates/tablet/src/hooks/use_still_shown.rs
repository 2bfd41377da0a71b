//! Whether a component is still on screen, for work it started that ends
//! later: hashing a PIN, reading a file, a database read. Such work checks
//! it before acting on its result, so that work finishing after its screen
//! went away (staff left, the area locked itself) changes nothing: a PIN
//! checked for a gate that is gone opens no area.

use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// True while the component that asked is mounted; cheap to clone into
/// a task.
#[derive(Clone, Debug)]
pub struct StillShown(Rc<Cell<bool>>);

impl PartialEq for StillShown {
    /// The same component's flag (compared by identity, so it can be a prop).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl StillShown {
    /// Whether the component is still on screen.
    pub fn get(&self) -> bool {
        self.0.get()
    }
}

/// A [`StillShown`] that turns false when the component is removed.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_still_shown() -> StillShown {
    let shown = use_memo((), |()| Rc::new(Cell::new(true)));
    {
        let shown = Rc::clone(&shown);
        use_effect_with((), move |()| {
            shown.set(true);
            move || shown.set(false)
        });
    }
    StillShown(Rc::clone(&shown))
}
