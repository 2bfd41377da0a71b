//! What a question screen reads aloud: one item, or a group's heading and
//! each of its items, each in screen order.

use super::{Part, Piece};
use crate::answer::MissingCode;
use crate::answer_text::choice_label;
use crate::instrument::{Instrument, Item, ItemKind};
use crate::messages::Messages;

/// The options of a choice-like item in the order shown, with their words.
pub fn shown_choices(instrument: &Instrument, item: &Item, locale: &str) -> Vec<(i64, String)> {
    let codes: Vec<i64> = match &item.kind {
        ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => {
            choices.iter().map(|c| c.code).collect()
        }
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => {
            item.kind.shared_scale_codes().unwrap_or_default().to_vec()
        }
        ItemKind::Scale010 { .. }
        | ItemKind::Scale020 { .. }
        | ItemKind::Number { .. }
        | ItemKind::FreeText { .. } => Vec::new(),
    };
    codes
        .into_iter()
        .filter_map(|code| choice_label(instrument, item, code, locale).map(|l| (code, l)))
        .collect()
}

/// A question screen of one item: the section's introduction (with its
/// first item), then the item as [`item_script`] reads it.
pub fn question_script(
    instrument: &Instrument,
    item: &Item,
    locale: &str,
    m: &Messages,
    open: &[usize],
) -> Vec<Piece> {
    let mut script: Vec<Piece> = section_intro(instrument, item, locale)
        .into_iter()
        .collect();
    script.extend(item_script(instrument, item, locale, m, open));
    script
}

/// A screen of several items (a group): the section's introduction (when
/// the screen opens its section), the group's heading, then each item as
/// [`item_script`] reads it, its parts marked with its variable
/// ([`Part::Item`]). `open` lists the hard words opened, by item and index.
pub fn group_script(
    instrument: &Instrument,
    items: &[&Item],
    locale: &str,
    m: &Messages,
    open: &[(String, usize)],
) -> Vec<Piece> {
    let fallback = instrument.locale.as_str();
    let Some(first) = items.first() else {
        return Vec::new();
    };
    let mut script: Vec<Piece> = section_intro(instrument, first, locale)
        .into_iter()
        .collect();
    if let Some(group) = instrument.group_of(first) {
        script.extend(Piece::new(
            Part::Heading,
            group.heading.get(locale, fallback),
        ));
    }
    for item in items {
        let opened: Vec<usize> = open
            .iter()
            .filter(|(v, _)| *v == item.variable)
            .map(|(_, i)| *i)
            .collect();
        script.extend(
            item_script(instrument, item, locale, m, &opened)
                .into_iter()
                .map(|piece| Piece {
                    text: piece.text,
                    part: Part::Item(item.variable.clone(), Box::new(piece.part)),
                }),
        );
    }
    script
}

/// The section's introduction, when `item` opens its section.
fn section_intro(instrument: &Instrument, item: &Item, locale: &str) -> Option<Piece> {
    let section = instrument.section_of(&item.variable)?;
    let first_of_section = section.items.first().map(|i| &i.variable) == Some(&item.variable);
    let intro = section.intro.as_ref().filter(|_| first_of_section)?;
    Piece::new(Part::Intro, intro.get(locale, &instrument.locale))
}

/// One item: the question, its help, the explanation of each hard word the
/// person opened (`open`, by index), the options in order, and "Does not
/// apply" / "Don't know" / "Prefer not to say" after "Or". A 0-10 or 0-20
/// scale is read by its two ends, as an interviewer would ("0, Not at all
/// sure ... 10, Very sure").
pub fn item_script(
    instrument: &Instrument,
    item: &Item,
    locale: &str,
    m: &Messages,
    open: &[usize],
) -> Vec<Piece> {
    let fallback = instrument.locale.as_str();
    let mut script = Vec::new();
    script.push(Piece::new(Part::Heading, item.text.get(locale, fallback)));
    if let Some(help) = &item.help {
        script.push(Piece::new(Part::Help, help.get(locale, fallback)));
    }
    for (i, entry) in item.glossary.iter().enumerate() {
        if open.contains(&i) {
            let said = m.fill(
                "read.glossary",
                &[
                    ("term", entry.term.get(locale, fallback)),
                    ("explanation", entry.explanation.get(locale, fallback)),
                ],
            );
            script.push(Piece::new(Part::Glossary(i), said));
        }
    }
    match (item.kind.scale_ends(), item.kind.scale_max()) {
        (Some((low_label, high_label)), Some(max)) => {
            for (code, label) in [(0, low_label), (max, high_label)] {
                let said = m.fill(
                    "answer.scale_end",
                    &[
                        ("n", &code.to_string()),
                        ("label", label.get(locale, fallback)),
                    ],
                );
                script.push(Piece::new(Part::Choice(code), said));
            }
        }
        _ => script.extend(
            shown_choices(instrument, item, locale)
                .into_iter()
                .map(|(code, label)| Piece::new(Part::Choice(code), label)),
        ),
    }
    let offered = crate::validate::offered_options(
        item.prefer_not_to_say,
        item.dont_know,
        item.does_not_apply,
    );
    if !offered.is_empty() {
        script.push(Piece::new(Part::Or, m.get("answer.or")));
        for code in offered {
            if let Some(label) = missing_label(instrument, code, locale) {
                script.push(Piece::new(Part::Missing(code), label));
            }
        }
    }
    script.into_iter().flatten().collect()
}

/// The instrument's words for a missing-code option a participant can pick.
pub fn missing_label(instrument: &Instrument, code: MissingCode, locale: &str) -> Option<String> {
    let scales = &instrument.scales;
    let fallback = instrument.locale.as_str();
    let text = match code {
        MissingCode::PreferNotToSay => Some(&scales.prefer_not_to_say),
        MissingCode::DontKnow => Some(&scales.dont_know),
        MissingCode::DoesNotApply => scales.does_not_apply.as_ref(),
        MissingCode::Unanswered | MissingCode::NotReached => None,
    }?;
    Some(text.get(locale, fallback).to_owned())
}
