//! Domain scores, by the rule of INSTRUMENT.md: the mean of the answered items
//! after reverse-keying, reported only when at least 75% of the domain's items
//! shown to the person were answered; otherwise missing. Each score is also
//! given on 0-100: (mean - min) / (max - min) x 100, on the domain's scale.
//!
//! Only items actually shown count: an item skipped by logic (blank), never
//! reached in a partial record (-95, or blank in records made before that
//! code existed), or marked "does not apply" (-96) is not held against the
//! person. "Don't know", "prefer not to say" and "shown but not answered"
//! count as shown and not answered.

use crate::answer::{AnswerValue, Answers, MissingCode};
use crate::instrument::{Instrument, Item, ItemKind};
use crate::visibility::{all_items, visible_items};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Share of a domain's shown items that must be answered for a score. Fewer
/// would let one or two answers stand for a whole construct.
pub const MIN_ANSWERED_SHARE: f64 = 0.75;

/// One domain's score for one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainScore {
    /// Mean of the answered items after reverse-keying, unrounded (rounding is
    /// the export's business), or `None` when too few items were answered.
    pub score: Option<f64>,
    /// The same score on 0 to 100: (mean - min) / (max - min) x 100, where
    /// min and max are the ends of the domain's scale. `None` when `score`
    /// is. (Absent from files written before it existed; readers fill it in.)
    #[serde(default)]
    pub score_100: Option<f64>,
    /// Shown items of the domain with a real value (a missing code such as
    /// "prefer not to say" is not an answer here).
    pub answered: usize,
    /// Items of the domain that were shown and apply to the person: not
    /// skipped by logic, not reached, or "does not apply".
    pub shown: usize,
}

/// What a record holds for one item, as scoring sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Held {
    /// A real value (a code or a number).
    Value(f64),
    /// A missing code.
    Missing(MissingCode),
    /// Nothing: blank, skipped by logic (or, in old records, never reached).
    Blank,
    /// Something that is not a value a scale can hold (text, a list).
    Other,
}

impl Held {
    /// What a stored answer holds.
    pub fn of(answer: Option<&AnswerValue>) -> Held {
        match answer {
            None => Held::Blank,
            Some(AnswerValue::Missing(code)) => Held::Missing(*code),
            Some(a) => a.as_number().map_or(Held::Other, Held::Value),
        }
    }
}

/// The score of every domain marked `scored`, keyed by domain code, from a
/// record's answers. An answer left on an item that skip logic hides (in a
/// hand-made file) is not counted: that item was not shown.
pub fn domain_scores(instrument: &Instrument, answers: &Answers) -> BTreeMap<String, DomainScore> {
    let shown: HashSet<&str> = visible_items(instrument, answers)
        .into_iter()
        .map(|i| i.variable.as_str())
        .collect();
    domain_scores_with(instrument, |variable| {
        if shown.contains(variable) {
            Held::of(answers.get(variable))
        } else {
            Held::Blank
        }
    })
}

/// The score of every scored domain, reading each item's value through
/// `held` (so that an export's values are scored as a record's are).
pub fn domain_scores_with(
    instrument: &Instrument,
    held: impl Fn(&str) -> Held,
) -> BTreeMap<String, DomainScore> {
    instrument
        .domains
        .iter()
        .filter(|d| d.scored)
        .map(|domain| {
            let items: Vec<(&Item, (f64, f64))> = scored_items(instrument, &domain.code).collect();
            (domain.code.clone(), score_items(&items, &held))
        })
        .collect()
}

/// The items that enter the score of domain `code`, each with its scale's
/// ends. Only items on a scale take part (the loader refuses others in a
/// scored domain unless they say `"in_score": false`).
pub fn scored_items<'a>(
    instrument: &'a Instrument,
    code: &'a str,
) -> impl Iterator<Item = (&'a Item, (f64, f64))> + 'a {
    all_items(instrument)
        .filter(move |item| item.domain.as_deref() == Some(code) && item.in_score)
        .filter_map(|item| scale_range(&item.kind).map(|range| (item, range)))
}

/// The ends of domain `code`'s scale (min and max over its scored items,
/// which share one scale), `None` when it scores no item.
pub fn domain_range(instrument: &Instrument, code: &str) -> Option<(f64, f64)> {
    scored_items(instrument, code)
        .map(|(_, range)| range)
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// The lowest and highest value an item's scale allows, or `None` when the
/// item cannot enter a mean. Reverse-keying maps `v` to `min + max - v`,
/// which keeps every value inside the same range.
pub fn scale_range(kind: &ItemKind) -> Option<(f64, f64)> {
    match kind {
        ItemKind::Agreement | ItemKind::Difficulty => {
            let codes = kind.shared_scale_codes()?;
            let min = codes.iter().min()?;
            let max = codes.iter().max()?;
            Some((*min as f64, *max as f64))
        }
        ItemKind::Scale010 { .. } => Some((0.0, 10.0)),
        ItemKind::Scale020 { .. } => Some((0.0, 20.0)),
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

/// `score` on 0 to 100 for a scale from `min` to `max`; `None` for a scale
/// without width.
pub fn to_100(score: f64, (min, max): (f64, f64)) -> Option<f64> {
    (max > min).then(|| (score - min) / (max - min) * 100.0)
}

fn score_items(items: &[(&Item, (f64, f64))], held: &impl Fn(&str) -> Held) -> DomainScore {
    let mut shown = 0;
    let mut values = Vec::new();
    for (item, (min, max)) in items {
        match held(&item.variable) {
            Held::Blank
            | Held::Missing(MissingCode::NotReached)
            | Held::Missing(MissingCode::DoesNotApply) => {}
            Held::Value(v) => {
                shown += 1;
                values.push(if item.reverse_keyed { min + max - v } else { v });
            }
            Held::Missing(_) | Held::Other => shown += 1,
        }
    }
    let answered = values.len();
    let enough = shown > 0 && answered as f64 >= MIN_ANSWERED_SHARE * shown as f64;
    let score = enough.then(|| values.iter().sum::<f64>() / answered as f64);
    let range = items
        .iter()
        .map(|(_, range)| *range)
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
    let score_100 = score.zip(range).and_then(|(s, r)| to_100(s, r));
    DomainScore {
        score,
        score_100,
        answered,
        shown,
    }
}
