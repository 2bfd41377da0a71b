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
            AnswerError::ScaleOutOfRange => m.get("error.scale_out_of_range").to_owned(),
            AnswerError::UnknownChoices => m.get("error.unknown_choices").to_owned(),
            AnswerError::RepeatedChoice => m.get("error.repeated_choice").to_owned(),
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
            AnswerError::Required {
                need,
                prefer_not_to_say,
                dont_know,
            } => {
                let need = need.in_words(m);
                let also = match (prefer_not_to_say, dont_know) {
                    (true, true) => "error.also_both",
                    (true, false) => "error.also_prefer_not_to_say",
                    (false, true) => "error.also_dont_know",
                    (false, false) => return need,
                };
                m.fill(
                    "error.required_also",
                    &[("need", &need), ("also", m.get(also))],
                )
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

/// "0, 5 or 10" in the language of `m`.
fn list(values: &[f64], m: &Messages) -> String {
    let shown: Vec<String> = values.iter().map(|v| format_number(*v)).collect();
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
            AnswerError::ScaleOutOfRange,
            AnswerError::UnknownChoices,
            AnswerError::RepeatedChoice,
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
            for (prefer_not_to_say, dont_know) in
                [(false, false), (true, false), (false, true), (true, true)]
            {
                all.push(AnswerError::Required {
                    need,
                    prefer_not_to_say,
                    dont_know,
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
