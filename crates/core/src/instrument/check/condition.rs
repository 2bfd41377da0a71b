//! Checks of an item's showing condition against the items before it.

use super::P;
use crate::instrument::{Condition, Item, ItemKind};
use std::collections::HashMap;

/// The codes an item's answer can take, when it has a fixed set.
fn codes(kind: &ItemKind) -> Option<Vec<i64>> {
    match kind {
        ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => {
            Some(choices.iter().map(|c| c.code).collect())
        }
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => {
            kind.shared_scale_codes().map(<[i64]>::to_vec)
        }
        ItemKind::Scale010 { .. } | ItemKind::Scale020 { .. } => {
            Some((0..=kind.scale_max().unwrap_or(10)).collect())
        }
        ItemKind::Number { .. } | ItemKind::FreeText { .. } => None,
    }
}

/// Checks the condition of `items[index]`; `first_index` maps each variable to
/// where it is first asked, which is the answer a condition would read.
pub(super) fn check_condition(
    items: &[&Item],
    first_index: &HashMap<&str, usize>,
    index: usize,
    condition: &Condition,
    out: &mut Vec<P>,
) {
    let Some(item) = items.get(index) else { return };
    let mut found = Vec::new();
    walk(condition, &mut |leaf| {
        let variable = item.variable.clone();
        let (uses, values, compares) = match leaf {
            Condition::Equals { variable, value } => (variable, std::slice::from_ref(value), false),
            Condition::OneOf { variable, values } => (variable, values.as_slice(), false),
            Condition::GreaterThan { variable, .. } | Condition::LessThan { variable, .. } => {
                (variable, &[][..], true)
            }
            Condition::All(parts) | Condition::Any(parts) => {
                if parts.is_empty() {
                    found.push(P::EmptyCondition { variable });
                }
                return;
            }
            Condition::Not(_) => return,
        };
        if matches!(leaf, Condition::OneOf { .. }) && values.is_empty() {
            found.push(P::EmptyCondition {
                variable: variable.clone(),
            });
        }
        if *uses == item.variable {
            found.push(P::ConditionOnItself { variable });
            return;
        }
        let Some(&at) = first_index.get(uses.as_str()) else {
            found.push(P::ConditionUnknownVariable {
                variable,
                uses: uses.clone(),
            });
            return;
        };
        let Some(earlier) = items.get(at).filter(|_| at < index) else {
            found.push(P::ConditionOnLaterItem {
                variable,
                uses: uses.clone(),
            });
            return;
        };
        match &earlier.kind {
            ItemKind::FreeText { .. } => {
                found.push(P::ConditionOnFreeText {
                    variable,
                    uses: uses.clone(),
                });
                return;
            }
            ItemKind::MultipleChoice { .. } if compares => {
                found.push(P::ConditionCompareMultipleChoice {
                    variable,
                    uses: uses.clone(),
                });
                return;
            }
            _ => {}
        }
        if let Some(codes) = codes(&earlier.kind) {
            for &value in values {
                let known = value.fract() == 0.0 && codes.iter().any(|&c| c as f64 == value);
                if !known {
                    let uses = uses.clone();
                    found.push(P::ConditionUnknownCode {
                        variable: variable.clone(),
                        uses,
                        value,
                    });
                }
            }
        }
    });
    for problem in found {
        if !out.contains(&problem) {
            out.push(problem);
        }
    }
}

/// Calls `visit` on every node of a condition, parents before children.
fn walk(condition: &Condition, visit: &mut dyn FnMut(&Condition)) {
    visit(condition);
    match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|c| walk(c, visit));
        }
        Condition::Not(inner) => walk(inner, visit),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::instrument::check::tests::{expect, instrument, item, problems_of};
    use crate::instrument::problem::InstrumentProblem as P;

    /// `b1_work` (yes/no), `b2_how` (multiple choice), `b3_say` (free text),
    /// then `c1_cond` shown if `condition`, then `c2_later`.
    fn conditional(condition: &str) -> String {
        let how = r#""type": "multiple_choice", "choices": [{"code": 1, "label": "Bus"}, {"code": 2, "label": "Car"}]"#;
        let items = [
            item("b1_work", r#""type": "yes_no_not_sure""#),
            item("b2_how", how),
            item("b3_say", r#""type": "free_text", "max_length": 100"#),
            item(
                "c1_cond",
                &format!(r#""type": "agreement", "show_if": {condition}"#),
            ),
            item("c2_later", r#""type": "agreement""#),
        ];
        instrument(&items.join(","))
    }

    fn c1() -> String {
        "c1_cond".into()
    }

    #[test]
    fn valid_conditions_pass() {
        let condition = r#"{"all": [{"equals": {"variable": "b1_work", "value": 1}},
            {"not": {"one_of": {"variable": "b2_how", "values": [1, 2]}}},
            {"any": [{"greater_than": {"variable": "b1_work", "value": 0}}]}]}"#;
        assert_eq!(problems_of(&conditional(condition)), vec![]);
    }

    /// Each condition on an item it cannot use: the problem it makes of
    /// `c1_cond` and the item used, and what the message names.
    #[test]
    fn conditions_on_items_they_cannot_use() {
        type Problem = fn(String, String) -> P;
        let cases: [(&str, Problem, &str, &str); 4] = [
            (
                r#"{"equals": {"variable": "z9_nope", "value": 1}}"#,
                |variable, uses| P::ConditionUnknownVariable { variable, uses },
                "z9_nope",
                "Item c1_cond: its condition uses z9_nope",
            ),
            (
                r#"{"any": [{"less_than": {"variable": "c2_later", "value": 3}}]}"#,
                |variable, uses| P::ConditionOnLaterItem { variable, uses },
                "c2_later",
                "Item c1_cond: its condition uses c2_later, which comes after it. A condition can only use earlier items.",
            ),
            (
                r#"{"equals": {"variable": "b3_say", "value": 1}}"#,
                |variable, uses| P::ConditionOnFreeText { variable, uses },
                "b3_say",
                "Item c1_cond",
            ),
            (
                r#"{"greater_than": {"variable": "b2_how", "value": 1}}"#,
                |variable, uses| P::ConditionCompareMultipleChoice { variable, uses },
                "b2_how",
                "Item c1_cond",
            ),
        ];
        for (condition, problem, uses, needle) in cases {
            expect(&conditional(condition), problem(c1(), uses.into()), needle);
        }
    }

    #[test]
    fn condition_on_itself() {
        let json = conditional(r#"{"not": {"equals": {"variable": "c1_cond", "value": 1}}}"#);
        expect(
            &json,
            P::ConditionOnItself { variable: c1() },
            "Item c1_cond",
        );
    }

    #[test]
    fn condition_unknown_code() {
        let json = conditional(r#"{"one_of": {"variable": "b1_work", "values": [1, 3, 0.5]}}"#);
        for value in [3.0, 0.5] {
            let problem = P::ConditionUnknownCode {
                variable: c1(),
                uses: "b1_work".into(),
                value,
            };
            expect(
                &json,
                problem,
                "Item c1_cond: its condition compares b1_work",
            );
        }
        assert_eq!(problems_of(&json).len(), 2);
    }

    #[test]
    fn empty_condition() {
        let one_of = r#"{"one_of": {"variable": "b1_work", "values": []}}"#;
        for empty in [r#"{"all": []}"#, r#"{"any": []}"#, one_of] {
            expect(
                &conditional(empty),
                P::EmptyCondition { variable: c1() },
                "Item c1_cond",
            );
        }
    }

    #[test]
    fn a_repeated_reference_is_reported_once() {
        let zz = |v: u8| format!(r#"{{"equals": {{"variable": "zz", "value": {v}}}}}"#);
        let json = conditional(&format!(r#"{{"all": [{}, {}]}}"#, zz(1), zz(2)));
        assert_eq!(problems_of(&json).len(), 1);
    }
}
