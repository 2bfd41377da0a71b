//! Domain scores, by the rule of INSTRUMENT.md: the mean of the answered items
//! after reverse-keying, reported only when at least 75% of the domain's items
//! were answered; otherwise missing.

use crate::answer::Answers;
use crate::instrument::{Instrument, Item, ItemKind};
use crate::visibility::visible_items;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Share of a domain's shown items that must be answered for a score. Fewer
/// would let one or two answers stand for a whole construct.
pub const MIN_ANSWERED_SHARE: f64 = 0.75;

/// One domain's score for one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainScore {
    /// Mean of the answered items after reverse-keying, unrounded (rounding is
    /// the export's business), or `None` when too few items were answered.
    pub score: Option<f64>,
    /// Shown items of the domain with a real value (a missing code such as
    /// "prefer not to say" is not an answer here).
    pub answered: usize,
    /// Items of the domain shown for these answers; an item hidden by skip
    /// logic was never asked, so it is not held against the person.
    pub shown: usize,
}

/// The score of every domain marked `scored`, keyed by domain code.
///
/// Only items with a numeric scale take part: agreement, 0-10 scale, single
/// choice (by code) and number. Yes / no / not sure codes (1, 0, 2) are not
/// ordered, and multiple choice and free text have no single value, so such
/// items are left out of both the count and the denominator even when they
/// name the domain; otherwise they would block every score of that domain.
pub fn domain_scores(instrument: &Instrument, answers: &Answers) -> BTreeMap<String, DomainScore> {
    let visible = visible_items(instrument, answers);
    instrument
        .domains
        .iter()
        .filter(|d| d.scored)
        .map(|domain| {
            let items = visible
                .iter()
                .filter(|item| item.domain.as_deref() == Some(domain.code.as_str()))
                .filter_map(|item| scale_range(&item.kind).map(|range| (*item, range)));
            (domain.code.clone(), score_items(items, answers))
        })
        .collect()
}

/// The lowest and highest value an item's scale allows, or `None` when the
/// item cannot enter a mean. Reverse-keying maps `v` to `min + max - v`,
/// which keeps every value inside the same range.
pub fn scale_range(kind: &ItemKind) -> Option<(f64, f64)> {
    match kind {
        ItemKind::Agreement => Some((1.0, 5.0)),
        ItemKind::Scale010 { .. } => Some((0.0, 10.0)),
        ItemKind::Number { min, max, .. } => Some((*min, *max)),
        ItemKind::SingleChoice { choices } => {
            let codes = choices.iter().map(|c| c.code as f64);
            let min = codes.clone().reduce(f64::min)?;
            let max = codes.reduce(f64::max)?;
            Some((min, max))
        }
        ItemKind::MultipleChoice { .. } | ItemKind::FreeText { .. } | ItemKind::YesNoNotSure => {
            None
        }
    }
}

fn score_items<'a>(
    items: impl Iterator<Item = (&'a Item, (f64, f64))>,
    answers: &Answers,
) -> DomainScore {
    let mut shown = 0;
    let mut values = Vec::new();
    for (item, (min, max)) in items {
        shown += 1;
        // `as_number` is `Some` exactly for a code or a number: missing codes,
        // text and multiple choice are not values.
        if let Some(v) = answers.get(&item.variable).and_then(|a| a.as_number()) {
            values.push(if item.reverse_keyed { min + max - v } else { v });
        }
    }
    let answered = values.len();
    let enough = shown > 0 && answered as f64 >= MIN_ANSWERED_SHARE * shown as f64;
    let score = enough.then(|| values.iter().sum::<f64>() / answered as f64);
    DomainScore {
        score,
        answered,
        shown,
    }
}
