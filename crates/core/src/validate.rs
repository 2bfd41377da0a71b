//! Checking one answer against its item, with messages for the participant.
//!
//! Many participants read with difficulty, so every message is one or two
//! short sentences (reading age about 9 to 11), says what to do rather than
//! what went wrong, and gives the real limits in numbers.

use crate::answer::{AnswerValue, MissingCode};
use crate::answer_text::format_number;
use crate::instrument::{Item, ItemKind};
use std::collections::HashSet;
use thiserror::Error;

mod number;
mod words;

pub use number::parse_number_input;

/// Why an answer cannot be accepted, said as the participant will read it.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum AnswerError {
    /// The value is of another type than the item asks for (an app fault,
    /// but the participant still needs words).
    #[error("This answer does not fit this question. Please answer again.")]
    WrongKind,
    /// A code that is not one of the item's answers.
    #[error("Please choose one of the answers shown.")]
    NotAChoice,
    /// A 0 to 10 (or 0 to 20) scale value outside the scale.
    #[error("Please choose a number from 0 to {max}.")]
    ScaleOutOfRange {
        /// The scale's highest number.
        max: i64,
    },
    /// A multiple-choice answer with a code that is not shown.
    #[error("Please choose only from the answers shown.")]
    UnknownChoices,
    /// A multiple-choice answer with a code twice.
    #[error("Please choose each answer only once.")]
    RepeatedChoice,
    /// An answer that goes on its own ("None of these") picked with others.
    #[error("One of your answers can only be chosen on its own. Please choose it alone, or choose the others.")]
    ExclusiveWithOthers,
    /// Nothing typed in a number box.
    #[error("Please type a number.")]
    EmptyNumber,
    /// Letters or signs in a number box.
    #[error("Please type a number using digits, like 12 or 12.5.")]
    NotANumber,
    /// A comma that could mean thousands ("1,500") or a decimal point
    /// ("1,5" in many countries); guessing could store a wrong value.
    #[error("Please type the number without a comma, like 1500 or 1.5.")]
    UnclearComma,
    /// A number below zero.
    #[error("Please type a number without a minus sign, from {} to {}.", format_number(*.min), format_number(*.max))]
    Negative {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// A number outside the item's range.
    #[error("Please type a number from {} to {}.", format_number(*.min), format_number(*.max))]
    OutOfRange {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// A fraction where only whole numbers are allowed.
    #[error("Please use a whole number.")]
    NotWhole,
    /// A number between two allowed steps.
    #[error("Please use steps of {}, like {}.", format_number(*.step), list(.examples))]
    OffStep {
        /// The item's step.
        step: f64,
        /// The first allowed values, to show what is meant.
        examples: Vec<f64>,
    },
    /// Free text longer than the item allows.
    #[error("Please use {max} characters or fewer. You have used {used}.")]
    TooLong {
        /// Most characters allowed.
        max: u32,
        /// Characters typed.
        used: usize,
    },
    /// "Prefer not to say" given where it is not offered.
    #[error("\"Prefer not to say\" is not an answer to this question.")]
    PreferNotToSayNotOffered,
    /// "Don't know" given where it is not offered.
    #[error("\"Don't know\" is not an answer to this question.")]
    DontKnowNotOffered,
    /// "Does not apply" given where it is not offered.
    #[error("\"Does not apply\" is not an answer to this question.")]
    DoesNotApplyNotOffered,
    /// A required item has no answer yet.
    #[error("{}{}", .need, other_options(*.prefer_not_to_say, *.dont_know, *.does_not_apply))]
    Required {
        /// What the item needs.
        need: Need,
        /// Whether "prefer not to say" is offered instead.
        prefer_not_to_say: bool,
        /// Whether "don't know" is offered instead.
        dont_know: bool,
        /// Whether "does not apply" is offered instead.
        does_not_apply: bool,
    },
}

/// What a required item needs before the participant can go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Need {
    /// One answer from a list or a scale.
    #[error("Please choose one answer to go on.")]
    ChooseOne,
    /// One or more answers from a list.
    #[error("Please choose at least one answer to go on.")]
    ChooseSome,
    /// A number in a box.
    #[error("Please type a number to go on.")]
    TypeNumber,
    /// Some words in a box.
    #[error("Please write an answer to go on.")]
    WriteText,
}

/// "0, 5 or 10".
fn list(values: &[f64]) -> String {
    let shown: Vec<String> = values.iter().map(|v| format_number(*v)).collect();
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The missing-code options an item offers, in the order the screen shows
/// them ("Does not apply", "Don't know", "Prefer not to say").
pub fn offered_options(
    prefer_not_to_say: bool,
    dont_know: bool,
    does_not_apply: bool,
) -> Vec<MissingCode> {
    [
        (does_not_apply, MissingCode::DoesNotApply),
        (dont_know, MissingCode::DontKnow),
        (prefer_not_to_say, MissingCode::PreferNotToSay),
    ]
    .into_iter()
    .filter_map(|(offered, code)| offered.then_some(code))
    .collect()
}

fn other_options(prefer_not_to_say: bool, dont_know: bool, does_not_apply: bool) -> String {
    let names: Vec<String> = offered_options(prefer_not_to_say, dont_know, does_not_apply)
        .into_iter()
        .map(|code| format!("\"{}\"", code.meaning()))
        .collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => format!(" You can also choose {last}."),
        Some((last, rest)) => format!(" You can also choose {} or {last}.", rest.join(", ")),
    }
}

/// Whether `value` is an acceptable answer to `item`. `Missing(Unanswered)` is
/// always accepted: it is what the app records for a shown but skipped item.
pub fn validate_answer(item: &Item, value: &AnswerValue) -> Result<(), AnswerError> {
    match (value, &item.kind) {
        (AnswerValue::Missing(code), _) => missing_allowed(item, *code),
        (AnswerValue::Code(c), ItemKind::SingleChoice { choices }) => ok_if(
            choices.iter().any(|ch| ch.code == *c),
            AnswerError::NotAChoice,
        ),
        (
            AnswerValue::Code(c),
            ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure,
        ) => ok_if(
            item.kind
                .shared_scale_codes()
                .unwrap_or_default()
                .contains(c),
            AnswerError::NotAChoice,
        ),
        (AnswerValue::Code(c), ItemKind::Scale010 { .. } | ItemKind::Scale020 { .. }) => {
            let max = item.kind.scale_max().unwrap_or(10);
            ok_if((0..=max).contains(c), AnswerError::ScaleOutOfRange { max })
        }
        (AnswerValue::Codes(codes), ItemKind::MultipleChoice { choices }) => {
            let known = codes.iter().all(|c| choices.iter().any(|ch| ch.code == *c));
            ok_if(known, AnswerError::UnknownChoices)?;
            let mut seen = HashSet::new();
            ok_if(
                codes.iter().all(|c| seen.insert(*c)),
                AnswerError::RepeatedChoice,
            )?;
            let exclusive = choices
                .iter()
                .any(|ch| ch.exclusive && codes.contains(&ch.code));
            ok_if(
                !(exclusive && codes.len() > 1),
                AnswerError::ExclusiveWithOthers,
            )
        }
        (AnswerValue::Number(n), ItemKind::Number { min, max, step, .. }) => {
            number::check_number(*n, *min, *max, *step)
        }
        (AnswerValue::Text(text), ItemKind::FreeText { max_length }) => {
            let used = text.chars().count();
            ok_if(
                used <= *max_length as usize,
                AnswerError::TooLong {
                    max: *max_length,
                    used,
                },
            )
        }
        _ => Err(AnswerError::WrongKind),
    }
}

fn ok_if(condition: bool, error: AnswerError) -> Result<(), AnswerError> {
    if condition {
        Ok(())
    } else {
        Err(error)
    }
}

fn missing_allowed(item: &Item, code: MissingCode) -> Result<(), AnswerError> {
    match code {
        MissingCode::PreferNotToSay => ok_if(
            item.prefer_not_to_say,
            AnswerError::PreferNotToSayNotOffered,
        ),
        MissingCode::DontKnow => ok_if(item.dont_know, AnswerError::DontKnowNotOffered),
        MissingCode::DoesNotApply => {
            ok_if(item.does_not_apply, AnswerError::DoesNotApplyNotOffered)
        }
        MissingCode::Unanswered => Ok(()),
        // Only the engine codes an item as never reached, when it ends a
        // partial record; as an answer it is refused.
        MissingCode::NotReached => Err(AnswerError::WrongKind),
    }
}

/// The selection after ticking (`now` true) or unticking `code` of a
/// multiple-choice item whose exclusive choices ("None of these") have the
/// codes `exclusive`, starting from `before`: the codes ascending, as
/// records store them, or `None` when nothing is left (an empty selection
/// is no answer). Ticking an exclusive choice clears every other; ticking
/// any other clears the exclusive ones.
pub fn toggle_choice(
    exclusive: &[i64],
    before: &[i64],
    code: i64,
    now: bool,
) -> Option<AnswerValue> {
    let exclusive = |c: i64| exclusive.contains(&c);
    let mut codes: Vec<i64> = before.iter().copied().filter(|c| *c != code).collect();
    if now {
        if exclusive(code) {
            codes.clear();
        } else {
            codes.retain(|c| !exclusive(*c));
        }
        codes.push(code);
    }
    codes.sort_unstable();
    codes.dedup();
    (!codes.is_empty()).then_some(AnswerValue::Codes(codes))
}

/// What a required item still needs, when it has no answer (or only "left
/// unanswered", an empty selection or blank text). `None` when the item is
/// not required or is answered; a missing code the person chose counts as an answer.
pub fn missing_required(item: &Item, value: Option<&AnswerValue>) -> Option<AnswerError> {
    if !item.required {
        return None;
    }
    let answered = match value {
        None | Some(AnswerValue::Missing(MissingCode::Unanswered)) => false,
        Some(AnswerValue::Codes(codes)) => !codes.is_empty(),
        Some(AnswerValue::Text(text)) => !text.trim().is_empty(),
        Some(_) => true,
    };
    if answered {
        return None;
    }
    let need = match item.kind {
        ItemKind::MultipleChoice { .. } => Need::ChooseSome,
        ItemKind::Number { .. } => Need::TypeNumber,
        ItemKind::FreeText { .. } => Need::WriteText,
        ItemKind::SingleChoice { .. }
        | ItemKind::Agreement
        | ItemKind::Difficulty
        | ItemKind::Scale010 { .. }
        | ItemKind::Scale020 { .. }
        | ItemKind::YesNoNotSure => Need::ChooseOne,
    };
    Some(AnswerError::Required {
        need,
        prefer_not_to_say: item.prefer_not_to_say,
        dont_know: item.dont_know,
        does_not_apply: item.does_not_apply,
    })
}

#[cfg(test)]
pub(crate) mod tests;
