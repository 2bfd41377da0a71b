//! Checks of one item on its own: text, choices, ranges, lengths, labels.

use super::P;
use crate::instrument::texts::{ItemText, TextPlace};
use crate::instrument::{Item, ItemKind};
use crate::text::Text;
use std::collections::HashSet;

/// Pushes the problems of `item` taken alone (its condition and domain are checked elsewhere).
pub(super) fn check_item(item: &Item, out: &mut Vec<P>) {
    let variable = || item.variable.clone();
    if item.text.is_blank() {
        out.push(P::BlankItemText {
            variable: variable(),
        });
    }
    if item.help.as_ref().is_some_and(Text::is_blank) {
        out.push(P::BlankText {
            place: TextPlace::Item(item.variable.clone(), ItemText::Help),
        });
    }
    for (i, entry) in item.glossary.iter().enumerate() {
        let n = i + 1;
        let texts = [
            (ItemText::GlossaryTerm(n), &entry.term),
            (ItemText::GlossaryExplanation(n), &entry.explanation),
        ];
        for (which, text) in texts {
            if text.is_blank() {
                let place = TextPlace::Item(item.variable.clone(), which);
                out.push(P::BlankText { place });
            }
        }
    }
    match &item.kind {
        ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => {
            if choices.is_empty() {
                out.push(P::NoChoices {
                    variable: variable(),
                });
            }
            let mut seen = HashSet::new();
            for choice in choices {
                let code = choice.code;
                if !seen.insert(code) {
                    out.push(P::DuplicateChoiceCode {
                        variable: variable(),
                        code,
                    });
                }
                if code < 0 {
                    out.push(P::NegativeChoiceCode {
                        variable: variable(),
                        code,
                    });
                }
                if choice.label.is_blank() {
                    out.push(P::BlankChoiceLabel {
                        variable: variable(),
                        code,
                    });
                }
            }
            check_exclusive(item, out);
        }
        ItemKind::Number {
            min,
            max,
            step,
            unit_singular,
            ..
        } => {
            if unit_singular.as_ref().is_some_and(Text::is_blank) {
                out.push(P::BlankText {
                    place: TextPlace::Item(item.variable.clone(), ItemText::UnitSingular),
                });
            }
            let settings = [("min", *min), ("max", *max), ("step", *step)];
            let mut all_finite = true;
            for (field, value) in settings {
                if !value.is_finite() {
                    all_finite = false;
                    out.push(P::NonFiniteNumber {
                        variable: variable(),
                        field,
                    });
                }
            }
            if all_finite {
                if *min < 0.0 {
                    out.push(P::NegativeMin {
                        variable: variable(),
                        min: *min,
                    });
                }
                if min > max {
                    out.push(P::MinAboveMax {
                        variable: variable(),
                        min: *min,
                        max: *max,
                    });
                }
                if *step <= 0.0 {
                    out.push(P::BadStep {
                        variable: variable(),
                        step: *step,
                    });
                }
            }
        }
        ItemKind::FreeText { max_length } => {
            if *max_length == 0 {
                out.push(P::ZeroMaxLength {
                    variable: variable(),
                });
            }
            let offered = [
                (item.prefer_not_to_say, "prefer not to say"),
                (item.dont_know, "don't know"),
                (item.does_not_apply, "does not apply"),
            ];
            for (_, option) in offered.iter().filter(|(on, _)| *on) {
                out.push(P::MissingCodeOnFreeText {
                    variable: variable(),
                    option,
                });
            }
        }
        ItemKind::Scale010 { .. } | ItemKind::Scale020 { .. } => {
            let (low_label, high_label) = match item.kind.scale_ends() {
                Some(ends) => ends,
                None => return,
            };
            let top = item
                .kind
                .scale_max()
                .and_then(|m| u8::try_from(m).ok())
                .unwrap_or(10);
            for (end, value, label) in [("low", 0, low_label), ("high", top, high_label)] {
                if label.is_blank() {
                    out.push(P::BlankScaleEnd {
                        variable: variable(),
                        end,
                        value,
                    });
                }
            }
        }
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => {}
    }
}

/// `exclusive` is for a choice that goes alone among several ("None of
/// these"): only multiple choice has several, and not every choice can.
fn check_exclusive(item: &Item, out: &mut Vec<P>) {
    match &item.kind {
        ItemKind::SingleChoice { choices } => {
            for choice in choices.iter().filter(|c| c.exclusive) {
                out.push(P::ExclusiveNotMultiple {
                    variable: item.variable.clone(),
                    code: choice.code,
                });
            }
        }
        ItemKind::MultipleChoice { choices }
            if choices.len() > 1 && choices.iter().all(|c| c.exclusive) =>
        {
            out.push(P::EveryChoiceExclusive {
                variable: item.variable.clone(),
            });
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::instrument::check::tests::{expect, instrument, item, problems_of};
    use crate::instrument::problem::InstrumentProblem as P;
    use crate::instrument::texts::{ItemText, TextPlace};

    fn number(min: &str, max: &str, step: &str) -> String {
        let rest = format!(
            r#""type": "number", "unit": "minutes", "min": {min}, "max": {max}, "step": {step}"#
        );
        instrument(&item("b2_min", &rest))
    }

    fn choices(list: &str) -> String {
        instrument(&item(
            "p1_age",
            &format!(r#""type": "single_choice", "choices": [{list}]"#),
        ))
    }

    fn variable() -> String {
        "b2_min".into()
    }

    #[test]
    fn blank_item_text() {
        let json = instrument(r#"{"variable": "a1_t", "text": {"en": " "}, "type": "agreement"}"#);
        expect(
            &json,
            P::BlankItemText {
                variable: "a1_t".into(),
            },
            "Item a1_t: its text is blank.",
        );
    }

    #[test]
    fn no_choices() {
        let json = instrument(&item(
            "b6_why",
            r#""type": "multiple_choice", "choices": []"#,
        ));
        expect(
            &json,
            P::NoChoices {
                variable: "b6_why".into(),
            },
            "Item b6_why",
        );
    }

    #[test]
    fn duplicate_choice_code() {
        let json = choices(r#"{"code": 1, "label": "One"}, {"code": 1, "label": "Also one"}"#);
        let problem = P::DuplicateChoiceCode {
            variable: "p1_age".into(),
            code: 1,
        };
        expect(&json, problem, "Item p1_age: code 1");
    }

    #[test]
    fn negative_choice_code() {
        let json = choices(r#"{"code": 1, "label": "One"}, {"code": -99, "label": "Refused"}"#);
        let problem = P::NegativeChoiceCode {
            variable: "p1_age".into(),
            code: -99,
        };
        expect(&json, problem, "Item p1_age: choice code -99");
    }

    #[test]
    fn blank_choice_label() {
        let json = choices(r#"{"code": 1, "label": "One"}, {"code": 3, "label": " "}"#);
        let problem = P::BlankChoiceLabel {
            variable: "p1_age".into(),
            code: 3,
        };
        expect(&json, problem, "Item p1_age");
    }

    #[test]
    fn non_finite_number() {
        // JSON cannot write infinity, so this comes from an instrument built in code.
        let json = number("0", "10", "1");
        let mut ins: crate::instrument::Instrument = serde_json::from_str(&json).unwrap();
        if let super::ItemKind::Number { max, .. } = &mut ins.sections[0].items[0].kind {
            *max = f64::INFINITY;
        }
        let problem = P::NonFiniteNumber {
            variable: variable(),
            field: "max",
        };
        assert_eq!(
            crate::instrument::load::check_instrument(&ins),
            vec![problem.clone()]
        );
        assert!(problem.to_string().contains("Item b2_min: its max"));
    }

    #[test]
    fn negative_min() {
        let problem = P::NegativeMin {
            variable: variable(),
            min: -1.0,
        };
        expect(
            &number("-1", "10", "1"),
            problem,
            "Item b2_min: its min is -1.",
        );
    }

    #[test]
    fn min_above_max() {
        let problem = P::MinAboveMax {
            variable: variable(),
            min: 10.0,
            max: 2.5,
        };
        expect(
            &number("10", "2.5", "1"),
            problem,
            "Item b2_min: its min (10) is bigger than its max (2.5).",
        );
    }

    #[test]
    fn bad_step() {
        expect(
            &number("0", "10", "0"),
            P::BadStep {
                variable: variable(),
                step: 0.0,
            },
            "Item b2_min",
        );
        let problem = P::BadStep {
            variable: variable(),
            step: -0.5,
        };
        expect(&number("0", "10", "-0.5"), problem, "its step is -0.5");
    }

    #[test]
    fn a_valid_number_passes() {
        assert_eq!(problems_of(&number("0", "0", "0.25")), vec![]);
    }

    #[test]
    fn zero_max_length() {
        let json = instrument(&item("g1_best", r#""type": "free_text", "max_length": 0"#));
        expect(
            &json,
            P::ZeroMaxLength {
                variable: "g1_best".into(),
            },
            "Item g1_best",
        );
    }

    #[test]
    fn missing_code_on_free_text() {
        let rest =
            r#""type": "free_text", "max_length": 9, "prefer_not_to_say": true, "dont_know": true"#;
        let json = instrument(&item("g1_best", rest));
        for option in ["prefer not to say", "don't know"] {
            let problem = P::MissingCodeOnFreeText {
                variable: "g1_best".into(),
                option,
            };
            expect(&json, problem, "Item g1_best");
        }
    }

    #[test]
    fn exclusive_only_on_multiple_choice_and_not_on_every_choice() {
        let single = choices(
            r#"{"code": 1, "label": "One"}, {"code": 2, "label": "None", "exclusive": true}"#,
        );
        expect(
            &single,
            P::ExclusiveNotMultiple {
                variable: "p1_age".into(),
                code: 2,
            },
            "Item p1_age: the choice with code 2 is exclusive",
        );
        let every = instrument(&item(
            "b5_why",
            r#""type": "multiple_choice", "choices": [{"code": 1, "label": "A", "exclusive": true},
                {"code": 2, "label": "B", "exclusive": true}]"#,
        ));
        expect(
            &every,
            P::EveryChoiceExclusive {
                variable: "b5_why".into(),
            },
            "Item b5_why: every choice is exclusive",
        );
        let fine = instrument(&item(
            "b5_why",
            r#""type": "multiple_choice", "choices": [{"code": 1, "label": "A"},
                {"code": 2, "label": "None of these", "exclusive": true}]"#,
        ));
        assert_eq!(problems_of(&fine), vec![]);
    }

    #[test]
    fn blank_unit_singular() {
        let rest = r#""type": "number", "unit": "days", "unit_singular": " ", "min": 0, "max": 28, "step": 1"#;
        expect(
            &instrument(&item("e1_days", rest)),
            P::BlankText {
                place: TextPlace::Item("e1_days".into(), ItemText::UnitSingular),
            },
            "Item e1_days, unit_singular",
        );
        let rest = r#""type": "number", "unit": "days", "unit_singular": "day", "min": 0, "max": 28, "step": 1"#;
        assert_eq!(problems_of(&instrument(&item("e1_days", rest))), vec![]);
    }

    #[test]
    fn blank_end_of_a_0_to_20_scale() {
        let rest = r#""type": "scale_020", "low_label": "", "high_label": "Good""#;
        let problem = P::BlankScaleEnd {
            variable: "e9_health".into(),
            end: "low",
            value: 0,
        };
        expect(
            &instrument(&item("e9_health", rest)),
            problem,
            "Say what 0 means",
        );
        let rest = r#""type": "scale_020", "low_label": "Poor", "high_label": " ""#;
        let problem = P::BlankScaleEnd {
            variable: "e9_health".into(),
            end: "high",
            value: 20,
        };
        expect(
            &instrument(&item("e9_health", rest)),
            problem,
            "Say what 20 means",
        );
    }

    #[test]
    fn does_not_apply_on_free_text() {
        let rest = r#""type": "free_text", "max_length": 9, "does_not_apply": true"#;
        let problem = P::MissingCodeOnFreeText {
            variable: "g1_best".into(),
            option: "does not apply",
        };
        expect(&instrument(&item("g1_best", rest)), problem, "Item g1_best");
    }

    #[test]
    fn blank_scale_end() {
        let rest = r#""type": "scale_010", "low_label": "Awful", "high_label": """#;
        let problem = P::BlankScaleEnd {
            variable: "f1_sat".into(),
            end: "high",
            value: 10,
        };
        expect(
            &instrument(&item("f1_sat", rest)),
            problem,
            "Item f1_sat: the high end label",
        );
    }
}
