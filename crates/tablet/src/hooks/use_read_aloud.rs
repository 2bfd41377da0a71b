//! Reads a screen aloud, piece by piece, and tells the screen which part is
//! being read so it can highlight it.

use crate::hooks::use_voices::use_voices;
use crate::services::speech::{Playback, Speech, SpeechEvent};
use crate::state::AppEnv;
use candour_core::locale::speech_language;
use candour_core::read_aloud::{choose_voice, Part, Piece};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The part of the screen being read aloud, shared through context with the
/// widgets so a tile can light up while its words are spoken. Outside a
/// screen that reads aloud (a widget mounted alone) there is none:
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadingNow(pub Option<Part>);

impl ReadingNow {
    /// Whether `part` is being read now.
    pub fn is(&self, part: &Part) -> bool {
        self.0.as_ref() == Some(part)
    }

    /// What is being read of the item `variable` on a screen of several
    /// items, as that item's own parts (its question as `Heading`, its
    /// options as `Choice`), so that its widgets light up as on a screen
    /// of their own; nothing while another item is read.
    pub fn within(&self, variable: &str) -> ReadingNow {
        ReadingNow(match &self.0 {
            Some(Part::Item(v, part)) if v == variable => Some((**part).clone()),
            _ => None,
        })
    }
}

/// What [`use_read_aloud`] gives a screen.
#[derive(Clone, PartialEq)]
pub struct ReadAloud {
    /// Whether the device has a voice of its own for this language; without
    /// one the screen shows no read-aloud button.
    pub available: bool,
    /// Whether the screen is being read now.
    pub speaking: bool,
    /// The part of the screen being read now.
    pub reading: ReadingNow,
    /// Reads the whole screen, or stops if it is being read.
    pub toggle: Callback<()>,
    /// Stops reading (when the person answers or moves on).
    pub stop: Callback<()>,
    /// Reads these pieces instead of whatever is being read (e.g. the
    /// explanation of a hard word the person just opened).
    pub read: Callback<Vec<Piece>>,
}

/// Reads `script` (the screen, top to bottom) aloud when asked, with the
/// voice, speed and language the settings and the locale give, and by
/// itself once the voice is known if the settings say so. Reading stops
/// when the screen goes (and whenever `stop` is called).
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_read_aloud(script: Vec<Piece>) -> ReadAloud {
    let env = use_context::<AppEnv>();
    let voices = use_voices();
    let settings = env.as_ref().map(|e| e.settings.clone()).unwrap_or_default();
    let locale = env
        .as_ref()
        .map_or_else(|| "en".to_owned(), |e| e.messages.locale().to_owned());
    let voice =
        choose_voice(&voices, &settings.voice, &locale).and_then(|i| voices.get(i).cloned());
    let available = voice.is_some();

    let reading = use_state_eq(|| None::<Part>);
    let speaking = use_state_eq(|| false);
    let playback = use_mut_ref(|| None::<Playback>);
    // The latest script, so that a tap reads what the screen shows now
    // (e.g. with the hard word just opened).
    let latest = use_mut_ref(Vec::<Piece>::new);
    *latest.borrow_mut() = script;
    let auto_read_done = use_mut_ref(|| false);

    let stop = {
        let (reading, speaking, playback) = (reading.clone(), speaking.clone(), playback.clone());
        Callback::from(move |()| {
            quiet(&playback);
            reading.set(None);
            speaking.set(false);
        })
    };

    let read = {
        let (reading, speaking, playback) = (reading.clone(), speaking.clone(), playback.clone());
        let lang = speech_language(&locale);
        let rate = settings.speech_rate();
        let voice = voice.clone();
        Callback::from(move |pieces: Vec<Piece>| {
            quiet(&playback);
            let Some(speech) = Speech::get() else { return };
            let parts: Vec<Part> = pieces.iter().map(|p| p.part.clone()).collect();
            let texts: Vec<String> = pieces.into_iter().map(|p| p.text).collect();
            let last = texts.len().saturating_sub(1);
            let on_event = {
                let (reading, speaking) = (reading.clone(), speaking.clone());
                move |event| match event {
                    SpeechEvent::Started(i) => reading.set(parts.get(i).cloned()),
                    SpeechEvent::Finished(i) => {
                        reading.set(None);
                        if i >= last {
                            speaking.set(false);
                        }
                    }
                }
            };
            speaking.set(!texts.is_empty());
            match speech.speak(&texts, voice.as_ref(), &lang, rate, on_event) {
                Ok(started) => *playback.borrow_mut() = Some(started),
                Err(_) => speaking.set(false),
            }
        })
    };

    let toggle = {
        let (read, stop, latest) = (read.clone(), stop.clone(), latest.clone());
        let speaking = *speaking;
        Callback::from(move |()| {
            if speaking {
                stop.emit(());
            } else {
                read.emit(latest.borrow().clone());
            }
        })
    };

    {
        // Read by itself once per screen, as soon as a voice is known (the
        // voices may arrive a moment after the screen).
        let (read, latest) = (read.clone(), latest.clone());
        let auto_read = settings.auto_read;
        use_effect_with(available, move |&available| {
            if available && auto_read && !auto_read_done.replace(true) {
                read.emit(latest.borrow().clone());
            }
        });
    }
    {
        // The screen is going: whatever it was saying stops with it.
        let playback = playback.clone();
        use_effect_with((), move |()| move || quiet(&playback));
    }

    ReadAloud {
        available,
        speaking: *speaking,
        reading: ReadingNow((*reading).clone()),
        toggle,
        stop,
        read,
    }
}

/// Stops what this screen started, if anything: its events are no longer
/// heard, and the speech stops.
fn quiet(playback: &Rc<RefCell<Option<Playback>>>) {
    // Take first, so no borrow is held while the browser runs its handlers.
    let started = playback.borrow_mut().take();
    if started.is_some() {
        if let Some(speech) = Speech::get() {
            speech.cancel();
        }
    }
}
