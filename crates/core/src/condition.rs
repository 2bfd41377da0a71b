//! Evaluating an item's showing condition on the answers so far.

use crate::answer::{AnswerValue, Answers};
use crate::instrument::Condition;

/// Whether `condition` holds on `answers`. An absent answer, a missing code,
/// or a text answer makes every comparison false; `not` inverts that.
pub fn holds(condition: &Condition, answers: &Answers) -> bool {
    match condition {
        Condition::Equals { variable, value } => matches_any(answers.get(variable), &[*value]),
        Condition::OneOf { variable, values } => matches_any(answers.get(variable), values),
        Condition::GreaterThan { variable, value } => answers
            .get(variable)
            .and_then(AnswerValue::as_number)
            .is_some_and(|n| n > *value),
        Condition::LessThan { variable, value } => answers
            .get(variable)
            .and_then(AnswerValue::as_number)
            .is_some_and(|n| n < *value),
        Condition::All(parts) => parts.iter().all(|c| holds(c, answers)),
        Condition::Any(parts) => parts.iter().any(|c| holds(c, answers)),
        Condition::Not(inner) => !holds(inner, answers),
    }
}

/// Whether `condition` holds, when that can be known: `None` when it reads
/// an item whose answer is `unknown` (never reached) and the other parts do
/// not settle it. `all` is false as soon as one part is false, `any` true as
/// soon as one part is true, whatever the unknown parts would have been.
pub fn decide(
    condition: &Condition,
    answers: &Answers,
    unknown: &dyn Fn(&str) -> bool,
) -> Option<bool> {
    match condition {
        Condition::Equals { variable, .. }
        | Condition::OneOf { variable, .. }
        | Condition::GreaterThan { variable, .. }
        | Condition::LessThan { variable, .. } => {
            (!unknown(variable)).then(|| holds(condition, answers))
        }
        Condition::All(parts) => decide_parts(parts, answers, unknown, false),
        Condition::Any(parts) => decide_parts(parts, answers, unknown, true),
        Condition::Not(inner) => decide(inner, answers, unknown).map(|b| !b),
    }
}

/// True when the answer equals one of `values`; for multiple choice, when any
/// selected code is one of them.
fn matches_any(answer: Option<&AnswerValue>, values: &[f64]) -> bool {
    match answer {
        Some(AnswerValue::Codes(codes)) => codes.iter().any(|c| values.contains(&(*c as f64))),
        Some(other) => other.as_number().is_some_and(|n| values.contains(&n)),
        None => false,
    }
}

/// Every variable a condition reads, in the order written.
pub fn variables(condition: &Condition) -> Vec<&str> {
    let mut out = Vec::new();
    collect(condition, &mut out);
    out
}

fn collect<'a>(condition: &'a Condition, out: &mut Vec<&'a str>) {
    match condition {
        Condition::Equals { variable, .. }
        | Condition::OneOf { variable, .. }
        | Condition::GreaterThan { variable, .. }
        | Condition::LessThan { variable, .. } => out.push(variable),
        Condition::All(parts) | Condition::Any(parts) => parts.iter().for_each(|c| collect(c, out)),
        Condition::Not(inner) => collect(inner, out),
    }
}

/// `all` (`settles` false) or `any` (`settles` true) of `parts`, when that
/// can be known: one part decided `settles` decides the whole, whatever
/// the unknown parts would have been; otherwise one unknown part leaves the
/// whole unknown. One rule for both, as each is the other turned over.
fn decide_parts(
    parts: &[Condition],
    answers: &Answers,
    unknown: &dyn Fn(&str) -> bool,
    settles: bool,
) -> Option<bool> {
    let decided: Vec<Option<bool>> = parts.iter().map(|c| decide(c, answers, unknown)).collect();
    if decided.contains(&Some(settles)) {
        Some(settles)
    } else if decided.contains(&None) {
        None
    } else {
        Some(!settles)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn eq(variable: &str, value: f64) -> Condition {
        Condition::Equals {
            variable: variable.into(),
            value,
        }
    }

    #[test]
    fn equals_compares_codes_and_numbers() {
        let a = answers(&[("x", AnswerValue::Code(1)), ("n", AnswerValue::Number(2.5))]);
        assert!(holds(&eq("x", 1.0), &a));
        assert!(!holds(&eq("x", 2.0), &a));
        assert!(holds(&eq("n", 2.5), &a));
    }

    #[test]
    fn absent_or_missing_answers_make_comparisons_false() {
        use crate::answer::MissingCode;
        let a = answers(&[("x", AnswerValue::Missing(MissingCode::PreferNotToSay))]);
        assert!(!holds(&eq("x", -99.0), &a));
        assert!(!holds(&eq("absent", 1.0), &a));
        let gt = Condition::GreaterThan {
            variable: "x".into(),
            value: -1000.0,
        };
        assert!(!holds(&gt, &a));
        assert!(holds(&Condition::Not(Box::new(eq("absent", 1.0))), &a));
    }

    #[test]
    fn multiple_choice_matches_any_selected_code() {
        let a = answers(&[("m", AnswerValue::Codes(vec![2, 5]))]);
        assert!(holds(&eq("m", 5.0), &a));
        let one_of = Condition::OneOf {
            variable: "m".into(),
            values: vec![1.0, 2.0],
        };
        assert!(holds(&one_of, &a));
        assert!(!holds(&eq("m", 3.0), &a));
    }

    #[test]
    fn comparisons_and_combinators() {
        let a = answers(&[("n", AnswerValue::Number(10.0))]);
        let gt = Condition::GreaterThan {
            variable: "n".into(),
            value: 5.0,
        };
        let lt = Condition::LessThan {
            variable: "n".into(),
            value: 5.0,
        };
        assert!(holds(&gt, &a));
        assert!(!holds(&lt, &a));
        assert!(holds(&Condition::Any(vec![gt.clone(), lt.clone()]), &a));
        assert!(!holds(&Condition::All(vec![gt, lt]), &a));
        assert!(holds(&Condition::All(vec![]), &a));
    }

    #[test]
    fn an_unreached_answer_leaves_a_condition_undecided_unless_settled() {
        let a = answers(&[("x", AnswerValue::Code(1))]);
        let unknown = |v: &str| v == "u";
        assert_eq!(decide(&eq("x", 1.0), &a, &unknown), Some(true));
        assert_eq!(decide(&eq("u", 1.0), &a, &unknown), None);
        let not_u = Condition::Not(Box::new(eq("u", 1.0)));
        assert_eq!(decide(&not_u, &a, &unknown), None);
        let all = Condition::All(vec![eq("x", 2.0), eq("u", 1.0)]);
        assert_eq!(
            decide(&all, &a, &unknown),
            Some(false),
            "one false part settles all"
        );
        let all = Condition::All(vec![eq("x", 1.0), eq("u", 1.0)]);
        assert_eq!(decide(&all, &a, &unknown), None);
        let any = Condition::Any(vec![eq("x", 1.0), eq("u", 1.0)]);
        assert_eq!(
            decide(&any, &a, &unknown),
            Some(true),
            "one true part settles any"
        );
        let any = Condition::Any(vec![eq("x", 2.0), eq("u", 1.0)]);
        assert_eq!(decide(&any, &a, &unknown), None);
    }

    #[test]
    fn variables_lists_every_reference() {
        let c = Condition::All(vec![eq("a", 1.0), Condition::Not(Box::new(eq("b", 2.0)))]);
        assert_eq!(variables(&c), vec!["a", "b"]);
    }
}
