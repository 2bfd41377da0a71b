//! One big answer tile: a native radio or checkbox whose whole tile is its
//! `<label>`, so that a tap anywhere on it answers and the option's words are
//! the control's accessible name.

use yew::prelude::*;

/// What kind of native control a tile wraps.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TileKind {
    /// One of a group: `<input type="radio">`.
    Radio,
    /// Any of a group: `<input type="checkbox">`.
    Checkbox,
}

/// Everything one tile shows and does.
pub(super) struct Tile {
    /// Radio or checkbox.
    pub kind: TileKind,
    /// The input's id, unique on the page.
    pub id: AttrValue,
    /// The group's name (the item's variable), shared by its inputs.
    pub name: AttrValue,
    /// The code stored when this tile is chosen.
    pub code: i64,
    /// Whether the tile is chosen now.
    pub checked: bool,
    /// The tile's words; they become the control's accessible name.
    pub content: Html,
    /// An extra class for the tile (e.g. the small square of a 0-10 scale).
    pub class: Option<&'static str>,
    /// Whether its words are being read aloud now (the tile is highlighted).
    pub reading: bool,
    /// Called with the input's new checked state after a change.
    pub on_toggle: Callback<bool>,
}

/// Renders one tile. The native input stays in the page (invisible but over
/// the whole tile) so that keyboard use, screen readers and forced colours
/// all get the real control; the mark beside the words is only drawn.
pub(super) fn tile(tile: Tile) -> Html {
    let Tile {
        kind,
        id,
        name,
        code,
        checked,
        content,
        class,
        reading,
        on_toggle,
    } = tile;
    let (input_type, mark) = match kind {
        TileKind::Radio => ("radio", "answer-mark answer-mark-radio"),
        TileKind::Checkbox => ("checkbox", "answer-mark answer-mark-checkbox"),
    };
    let onchange = Callback::from(move |e: Event| {
        // Read what the browser now shows; if the target is somehow not an
        // input, a change event on a radio or checkbox still means "chosen".
        let now = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_none_or(|input| input.checked());
        on_toggle.emit(now);
    });
    html! {
        <label class={classes!("answer-tile", class, reading.then_some("reading"))} for={id.clone()}>
            <input class="answer-tile-input" type={input_type} {id} {name}
                value={code.to_string()} {checked} {onchange} />
            <span class={mark} aria-hidden="true"></span>
            <span class="answer-tile-text">{ content }</span>
        </label>
    }
}
