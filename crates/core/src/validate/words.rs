//! Answer problems in the participant's language: the same sentences as the
//! English `Display` of [`AnswerError`], but taken from the locale file, so
//! that a participant never reads English in a survey shown in another
//! language.

use super::{AnswerError, Need};
use crate::answer_text::format_number;
use crate::messages::Messages;

impl AnswerError {
    /// The message in the language of `m` (in English, exactly the text of
    /// `Display`, which tests and logs use).
    pub fn in_words(&self, m: &Messages) -> String {
        let n = |v: &f64| format_number(*v);
        match self {
            AnswerError::WrongKind => m.get("error.wrong_kind").to_owned(),
            AnswerError::NotAChoice => m.get("error.not_a_choice").to_owned(),
            AnswerError::ScaleOutOfRange { max } => {
                m.fill("error.scale_out_of_range", &[("max", &max.to_string())])
            }
            AnswerError::UnknownChoices => m.get("error.unknown_choices").to_owned(),
            AnswerError::RepeatedChoice => m.get("error.repeated_choice").to_owned(),
            AnswerError::ExclusiveWithOthers => m.get("error.exclusive_with_others").to_owned(),
            AnswerError::EmptyNumber => m.get("error.empty_number").to_owned(),
            AnswerError::NotANumber => m.get("error.not_a_number").to_owned(),
            AnswerError::UnclearComma => m.get("error.unclear_comma").to_owned(),
            AnswerError::Negative { min, max } => {
                m.fill("error.negative", &[("min", &n(min)), ("max", &n(max))])
            }
            AnswerError::OutOfRange { min, max } => {
                m.fill("error.out_of_range", &[("min", &n(min)), ("max", &n(max))])
            }
            AnswerError::NotWhole => m.get("error.not_whole").to_owned(),
            AnswerError::OffStep { step, examples } => m.fill(
                "error.off_step",
                &[("step", &n(step)), ("examples", &list(examples, m))],
            ),
            AnswerError::TooLong { max, used } => m.fill(
                "error.too_long",
                &[("max", &max.to_string()), ("used", &used.to_string())],
            ),
            AnswerError::PreferNotToSayNotOffered => {
                m.get("error.prefer_not_to_say_not_offered").to_owned()
            }
            AnswerError::DontKnowNotOffered => m.get("error.dont_know_not_offered").to_owned(),
            AnswerError::DoesNotApplyNotOffered => {
                m.get("error.does_not_apply_not_offered").to_owned()
            }
            AnswerError::Required {
                need,
                prefer_not_to_say,
                dont_know,
                does_not_apply,
            } => {
                let need = need.in_words(m);
                let names: Vec<String> =
                    super::offered_options(*prefer_not_to_say, *dont_know, *does_not_apply)
                        .into_iter()
                        .map(|code| m.get(option_key(code)).to_owned())
                        .collect();
                if names.is_empty() {
                    return need;
                }
                let options = join_or(&names, m);
                let also = m.fill("error.also", &[("options", &options)]);
                m.fill("error.required_also", &[("need", &need), ("also", &also)])
            }
        }
    }
}

impl Need {
    /// What the item needs, in the language of `m`.
    pub fn in_words(self, m: &Messages) -> String {
        let key = match self {
            Need::ChooseOne => "error.need_choose_one",
            Need::ChooseSome => "error.need_choose_some",
            Need::TypeNumber => "error.need_type_number",
            Need::WriteText => "error.need_write_text",
        };
        m.get(key).to_owned()
    }
}

/// The key of the quoted name of a missing-code option, as messages say it.
fn option_key(code: crate::answer::MissingCode) -> &'static str {
    use crate::answer::MissingCode;
    match code {
        MissingCode::DoesNotApply => "error.option_does_not_apply",
        MissingCode::DontKnow => "error.option_dont_know",
        _ => "error.option_prefer_not_to_say",
    }
}

/// "0, 5 or 10" in the language of `m`.
fn list(values: &[f64], m: &Messages) -> String {
    let shown: Vec<String> = values.iter().map(|v| format_number(*v)).collect();
    join_or(&shown, m)
}

/// "a, b or c" in the language of `m`.
fn join_or(shown: &[String], m: &Messages) -> String {
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => m.fill(
            "error.list_or",
            &[("list", &rest.join(", ")), ("last", last)],
        ),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every problem, with every combination of its details.
    fn every_problem() -> Vec<AnswerError> {
        let mut all = vec![
            AnswerError::WrongKind,
            AnswerError::NotAChoice,
            AnswerError::ScaleOutOfRange { max: 10 },
            AnswerError::ScaleOutOfRange { max: 20 },
            AnswerError::UnknownChoices,
            AnswerError::RepeatedChoice,
            AnswerError::ExclusiveWithOthers,
            AnswerError::DoesNotApplyNotOffered,
            AnswerError::EmptyNumber,
            AnswerError::NotANumber,
            AnswerError::UnclearComma,
            AnswerError::Negative {
                min: 0.0,
                max: 28.0,
            },
            AnswerError::OutOfRange {
                min: 0.5,
                max: 100.0,
            },
            AnswerError::NotWhole,
            AnswerError::OffStep {
                step: 5.0,
                examples: vec![0.0, 5.0, 10.0],
            },
            AnswerError::OffStep {
                step: 0.5,
                examples: vec![0.5],
            },
            AnswerError::OffStep {
                step: 1.0,
                examples: vec![],
            },
            AnswerError::TooLong {
                max: 500,
                used: 512,
            },
            AnswerError::PreferNotToSayNotOffered,
            AnswerError::DontKnowNotOffered,
        ];
        for need in [
            Need::ChooseOne,
            Need::ChooseSome,
            Need::TypeNumber,
            Need::WriteText,
        ] {
            for options in 0..8u8 {
                all.push(AnswerError::Required {
                    need,
                    prefer_not_to_say: options & 1 != 0,
                    dont_know: options & 2 != 0,
                    does_not_apply: options & 4 != 0,
                });
            }
        }
        all
    }

    #[test]
    fn in_english_the_locale_file_says_exactly_what_display_says() {
        let m = Messages::english();
        for problem in every_problem() {
            assert_eq!(problem.in_words(&m), problem.to_string(), "{problem:?}");
        }
    }

    #[test]
    fn in_another_locale_no_english_is_left() {
        let m = Messages::for_locale(crate::locale::PSEUDO_LONG);
        for problem in every_problem() {
            let said = problem.in_words(&m);
            let english = said
                .split(|c: char| !c.is_ascii_alphabetic())
                .find(|w| w.len() >= 2);
            assert_eq!(english, None, "{said}");
        }
    }
}
