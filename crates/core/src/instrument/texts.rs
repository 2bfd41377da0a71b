//! Every text of an instrument, each with where it stands. The locale check
//! (every text must carry the instrument's own locale) and the
//! pseudo-translation (every text gets a translation) both need all of
//! them: one walk here means a text added to the model cannot be checked
//! but left untranslated, or the reverse.

use super::{Instrument, ItemKind};
use crate::text::Text;
use std::fmt;

/// Where a text stands in an instrument, as a problem names it to the
/// file's author ("Item a1_x, help" in English). The names it holds (a
/// variable, a section id, a field of `scales`) are the file's own, so they
/// stay as written in every language; the words around them come from the
/// locale files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPlace {
    /// The instrument's title.
    Title,
    /// The information shown before consent.
    Information,
    /// The consent question.
    Consent,
    /// A shared answer of `scales` (its field name, e.g. `dont_know`).
    ScaleAnswer(&'static str),
    /// A label of a scale of `scales` (its field name, and the label's
    /// place counted from 1).
    ScaleLabel(&'static str, usize),
    /// The name of the domain with this code.
    DomainName(String),
    /// The title of the section with this id.
    SectionTitle(String),
    /// The introduction of the section with this id.
    SectionIntro(String),
    /// The heading of the group with this id.
    GroupHeading(String),
    /// A text of the item with this variable.
    Item(String, ItemText),
}

/// Which text of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemText {
    /// The question.
    Text,
    /// Its help.
    Help,
    /// The term of a glossary entry (counted from 1). Hard words are found
    /// in the question by this text, so a translation must keep it findable.
    GlossaryTerm(usize),
    /// The explanation of a glossary entry (counted from 1).
    GlossaryExplanation(usize),
    /// The label of the choice with this code.
    Choice(i64),
    /// The worded low end of a 0-to-n scale.
    LowLabel,
    /// The worded high end of a 0-to-n scale.
    HighLabel,
    /// A number's unit.
    Unit,
    /// A number's unit for the value 1.
    UnitSingular,
}

impl fmt::Display for TextPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextPlace::Title => write!(f, "The title"),
            TextPlace::Information => write!(f, "The information"),
            TextPlace::Consent => write!(f, "The consent question"),
            TextPlace::ScaleAnswer(name) => write!(f, "scales.{name}"),
            TextPlace::ScaleLabel(name, n) => write!(f, "scales.{name}, label {n}"),
            TextPlace::DomainName(code) => write!(f, "Domain {code}, name"),
            TextPlace::SectionTitle(id) => write!(f, "Section {id}, title"),
            TextPlace::SectionIntro(id) => write!(f, "Section {id}, intro"),
            TextPlace::GroupHeading(id) => write!(f, "Group {id}, heading"),
            TextPlace::Item(v, text) => match text {
                ItemText::Text => write!(f, "Item {v}, text"),
                ItemText::Help => write!(f, "Item {v}, help"),
                ItemText::GlossaryTerm(n) => write!(f, "Item {v}, glossary entry {n} term"),
                ItemText::GlossaryExplanation(n) => {
                    write!(f, "Item {v}, glossary entry {n} explanation")
                }
                ItemText::Choice(code) => write!(f, "Item {v}, choice {code}"),
                ItemText::LowLabel => write!(f, "Item {v}, low label"),
                ItemText::HighLabel => write!(f, "Item {v}, high label"),
                ItemText::Unit => write!(f, "Item {v}, unit"),
                ItemText::UnitSingular => write!(f, "Item {v}, unit_singular"),
            },
        }
    }
}

/// The walk itself, written once for both borrows: `$($m)?` is empty for
/// [`Instrument::each_text`] and `mut` for [`Instrument::each_text_mut`].
/// Instrument-wide texts come first, then every section's own texts, then
/// every item's, in order.
macro_rules! walk_texts {
    ($ins:expr, $visit:expr, $($m:tt)?) => {{
        let ins = $ins;
        let visit = $visit;
        visit(TextPlace::Title, &$($m)? ins.title);
        visit(TextPlace::Information, &$($m)? ins.information);
        visit(TextPlace::Consent, &$($m)? ins.consent);
        let scales = &$($m)? ins.scales;
        visit(TextPlace::ScaleAnswer("prefer_not_to_say"), &$($m)? scales.prefer_not_to_say);
        visit(TextPlace::ScaleAnswer("dont_know"), &$($m)? scales.dont_know);
        if let Some(label) = &$($m)? scales.does_not_apply {
            visit(TextPlace::ScaleAnswer("does_not_apply"), label);
        }
        for (i, label) in (&$($m)? scales.agreement).into_iter().enumerate() {
            visit(TextPlace::ScaleLabel("agreement", i + 1), label);
        }
        for (i, label) in (&$($m)? scales.yes_no_not_sure).into_iter().enumerate() {
            visit(TextPlace::ScaleLabel("yes_no_not_sure", i + 1), label);
        }
        if let Some(labels) = &$($m)? scales.difficulty {
            for (i, label) in labels.into_iter().enumerate() {
                visit(TextPlace::ScaleLabel("difficulty", i + 1), label);
            }
        }
        for domain in &$($m)? ins.domains {
            visit(TextPlace::DomainName(domain.code.clone()), &$($m)? domain.name);
        }
        for section in &$($m)? ins.sections {
            visit(TextPlace::SectionTitle(section.id.clone()), &$($m)? section.title);
            if let Some(intro) = &$($m)? section.intro {
                visit(TextPlace::SectionIntro(section.id.clone()), intro);
            }
            for group in &$($m)? section.groups {
                visit(TextPlace::GroupHeading(group.id.clone()), &$($m)? group.heading);
            }
        }
        for item in (&$($m)? ins.sections).into_iter().flat_map(|s| &$($m)? s.items) {
            let at = |text| TextPlace::Item(item.variable.clone(), text);
            visit(at(ItemText::Text), &$($m)? item.text);
            if let Some(help) = &$($m)? item.help {
                visit(at(ItemText::Help), help);
            }
            for (i, entry) in (&$($m)? item.glossary).into_iter().enumerate() {
                visit(at(ItemText::GlossaryTerm(i + 1)), &$($m)? entry.term);
                visit(at(ItemText::GlossaryExplanation(i + 1)), &$($m)? entry.explanation);
            }
            match &$($m)? item.kind {
                ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => {
                    for choice in choices {
                        visit(at(ItemText::Choice(choice.code)), &$($m)? choice.label);
                    }
                }
                ItemKind::Scale010 { low_label, high_label }
                | ItemKind::Scale020 { low_label, high_label } => {
                    visit(at(ItemText::LowLabel), low_label);
                    visit(at(ItemText::HighLabel), high_label);
                }
                ItemKind::Number { unit, unit_singular, .. } => {
                    visit(at(ItemText::Unit), unit);
                    if let Some(singular) = unit_singular {
                        visit(at(ItemText::UnitSingular), singular);
                    }
                }
                ItemKind::Agreement
                | ItemKind::Difficulty
                | ItemKind::FreeText { .. }
                | ItemKind::YesNoNotSure => {}
            }
        }
    }};
}

impl Instrument {
    /// Calls `visit` on every text of the instrument with where it stands.
    pub(crate) fn each_text(&self, mut visit: impl FnMut(TextPlace, &Text)) {
        walk_texts!(self, &mut visit,);
    }

    /// Calls `visit` on every text of the instrument with where it stands,
    /// to change it.
    pub(crate) fn each_text_mut(&mut self, mut visit: impl FnMut(TextPlace, &mut Text)) {
        walk_texts!(self, &mut visit, mut);
    }
}
