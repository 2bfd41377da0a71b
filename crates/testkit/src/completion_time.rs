//! How long a questionnaire takes someone who answers everything, estimated
//! from what each screen shows and asks.
//!
//! The model is of a typical participant shown every item (every condition
//! true) who answers every item, free text included:
//!
//! - **Reading** at [`WORDS_PER_MINUTE`] (180, three words a second): about
//!   three quarters of an average adult's silent reading speed (about 240
//!   words a minute), for text written at a reading age of 9 to 11, and
//!   about the pace of the app's own reading aloud (a device voice at 0.9 of
//!   its normal speed). Read once: the consent screen; on each question
//!   screen, the group heading and each item's question, help and unit; a
//!   section's title and introduction on its first screen; and each option's
//!   words the first time they appear in the survey. A scale seen before
//!   (the agreement scale comes back on several screens) is known by then:
//!   the person finds their answer without reading it all again.
//! - **Answering** each item ([`answer_seconds`]): a tap on a choice or a
//!   scale 2 seconds, a number typed 6 seconds (a count of days takes some
//!   thought), several ticks 4 seconds, a short comment typed 25 seconds
//!   (a sentence of about eight words at twenty words a minute).
//! - **Moving on**: [`SECONDS_PER_SCREEN`] (1.5) a screen, Next included.
//! - **Review**: its heading and introduction read, then
//!   [`SECONDS_PER_REVIEW_ROW`] (half a second) a glance at each answer.
//!
//! For comparison, the Pew Research Center budgets about 10 seconds for an
//! ordinary stand-alone question in its online panel; this model gives a
//! stand-alone agreement item of ten words about 7 seconds once its scale
//! is known (3.3 reading, 2 answering, 1.5 moving on), and the first one
//! about 11.
//!
//! ```
//! use candour_testkit::completion_time::{estimate, WORDS_PER_MINUTE};
//! # let instrument = candour_core::instrument::default::default_instrument().unwrap();
//! let e = estimate(&instrument, &candour_core::messages::Messages::english());
//! assert!(e.seconds > 0.0 && WORDS_PER_MINUTE == 180.0);
//! ```

use candour_core::instrument::{Instrument, Item, ItemKind};
use candour_core::messages::Messages;
use candour_core::read_aloud::{missing_label, shown_choices};
use candour_core::screen::every_screen;
use candour_core::validate::offered_options;
use std::collections::BTreeSet;

/// Reading speed of the model, in words a minute.
pub const WORDS_PER_MINUTE: f64 = 180.0;

/// Seconds to find and press Next on a screen.
pub const SECONDS_PER_SCREEN: f64 = 1.5;

/// Seconds spent glancing at each answer on the review screen.
pub const SECONDS_PER_REVIEW_ROW: f64 = 0.5;

/// The estimate and what it was made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// Screens seen from consent to review, both included.
    pub screens: usize,
    /// Items answered.
    pub items: usize,
    /// Words read.
    pub words: usize,
    /// Seconds spent reading.
    pub reading_seconds: f64,
    /// Seconds spent answering and moving on.
    pub acting_seconds: f64,
    /// The whole, in seconds.
    pub seconds: f64,
}

impl Estimate {
    /// The whole, in minutes.
    pub fn minutes(&self) -> f64 {
        self.seconds / 60.0
    }
}

/// Seconds to give one answer to an item of this kind.
pub fn answer_seconds(kind: &ItemKind) -> f64 {
    match kind {
        ItemKind::SingleChoice { .. }
        | ItemKind::Agreement
        | ItemKind::Difficulty
        | ItemKind::YesNoNotSure
        | ItemKind::Scale010 { .. }
        | ItemKind::Scale020 { .. } => 2.0,
        ItemKind::Number { .. } => 6.0,
        ItemKind::MultipleChoice { .. } => 4.0,
        ItemKind::FreeText { .. } => 25.0,
    }
}

/// The number of words in a text.
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The texts read on one screen; `known` holds the option labels read on
/// earlier screens, which are not read again (and gains this screen's).
fn screen_texts(
    instrument: &Instrument,
    items: &[&Item],
    known: &mut BTreeSet<String>,
) -> Vec<String> {
    let locale = instrument.locale.as_str();
    let get = |t: &candour_core::text::Text| t.get(locale, locale).to_owned();
    let mut texts = Vec::new();
    let Some(first) = items.first() else {
        return texts;
    };
    if let Some(section) = instrument.section_of(&first.variable) {
        if section.items.first().map(|i| &i.variable) == Some(&first.variable) {
            texts.push(get(&section.title));
            texts.extend(section.intro.as_ref().map(get));
        }
    }
    if let Some(group) = instrument.group_of(first) {
        texts.push(get(&group.heading));
    }
    let mut labels: BTreeSet<String> = BTreeSet::new();
    for item in items {
        texts.push(get(&item.text));
        texts.extend(item.help.as_ref().map(get));
        match &item.kind {
            ItemKind::Number {
                unit,
                unit_singular,
                ..
            } => {
                texts.push(get(unit_singular.as_ref().unwrap_or(unit)));
            }
            kind => {
                if let Some((low, high)) = kind.scale_ends() {
                    labels.insert(get(low));
                    labels.insert(get(high));
                }
            }
        }
        labels.extend(
            shown_choices(instrument, item, locale)
                .into_iter()
                .map(|(_, l)| l),
        );
        for code in offered_options(item.prefer_not_to_say, item.dont_know, item.does_not_apply) {
            labels.extend(missing_label(instrument, code, locale));
        }
    }
    texts.extend(labels.into_iter().filter(|l| known.insert(l.clone())));
    texts
}

/// The estimate for `instrument`, read in its own locale; `m` gives the
/// app's words on the consent and review screens.
pub fn estimate(instrument: &Instrument, m: &Messages) -> Estimate {
    let locale = instrument.locale.as_str();
    let screens = every_screen(instrument);
    let items: usize = screens.iter().map(Vec::len).sum();
    let consent = [
        instrument.title.get(locale, locale),
        instrument.information.get(locale, locale),
        instrument.consent.get(locale, locale),
        m.get("consent.yes"),
    ];
    let review = [m.get("review.heading"), m.get("review.intro")];
    let mut word_count: usize = consent.iter().chain(&review).map(|t| words(t)).sum();
    let mut acting = 2.0 * SECONDS_PER_SCREEN + items as f64 * SECONDS_PER_REVIEW_ROW;
    let mut known = BTreeSet::new();
    for screen in &screens {
        word_count += screen_texts(instrument, screen, &mut known)
            .iter()
            .map(|t| words(t))
            .sum::<usize>();
        acting += SECONDS_PER_SCREEN;
        acting += screen.iter().map(|i| answer_seconds(&i.kind)).sum::<f64>();
    }
    let reading = word_count as f64 / WORDS_PER_MINUTE * 60.0;
    Estimate {
        screens: screens.len() + 2,
        items,
        words: word_count,
        reading_seconds: reading,
        acting_seconds: acting,
        seconds: reading + acting,
    }
}
