//! Numbers: the range and step of a number item, and reading what a person
//! typed in a number box.

use super::{ok_if, validate_answer, AnswerError};
use crate::answer::AnswerValue;
use crate::instrument::{Item, ItemKind};

/// Tolerance for comparing floats that went through decimal text, relative
/// to the size of the numbers compared.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether `n` is in range and on the step grid from `min`.
pub(super) fn check_number(n: f64, min: f64, max: f64, step: f64) -> Result<(), AnswerError> {
    ok_if(n.is_finite(), AnswerError::NotANumber)?;
    ok_if(n >= 0.0, AnswerError::Negative { min, max })?;
    let in_range = (n >= min || close(n, min)) && (n <= max || close(n, max));
    ok_if(in_range, AnswerError::OutOfRange { min, max })?;
    // An instrument with a bad step is refused by the loader; never divide by it.
    if !(step.is_finite() && step > 0.0 && min.is_finite()) {
        return Ok(());
    }
    let steps = (n - min) / step;
    if close(steps, steps.round()) {
        return Ok(());
    }
    let whole_grid = step.fract() == 0.0 && min.fract() == 0.0;
    if whole_grid && n.fract() != 0.0 {
        return Err(AnswerError::NotWhole);
    }
    let examples = (0..3)
        .map(|k| min + step * f64::from(k))
        .filter(|v| *v <= max || close(*v, max))
        .collect();
    Err(AnswerError::OffStep { step, examples })
}

/// Reads what a person typed in a number box: spaces around it are ignored and
/// a decimal comma ("12,5") is accepted. The result is validated against the item.
pub fn parse_number_input(item: &Item, input: &str) -> Result<AnswerValue, AnswerError> {
    let ItemKind::Number { min, max, .. } = &item.kind else {
        return Err(AnswerError::WrongKind);
    };
    let typed = input.trim();
    if typed.is_empty() {
        return Err(AnswerError::EmptyNumber);
    }
    // U+2212 is the minus sign some keyboards and pasted text use.
    if let Some(rest) = typed.strip_prefix(['-', '\u{2212}']) {
        if parse_plain(rest.trim_start()).is_ok() {
            return Err(AnswerError::Negative {
                min: *min,
                max: *max,
            });
        }
        return Err(AnswerError::NotANumber);
    }
    let value = parse_plain(typed)?;
    // Hundreds of digits parse as infinity: that is too big, not "not a number".
    if value.is_infinite() {
        return Err(AnswerError::OutOfRange {
            min: *min,
            max: *max,
        });
    }
    let answer = AnswerValue::Number(value);
    validate_answer(item, &answer)?;
    Ok(answer)
}

/// Parses digits with at most one decimal point or one decimal comma.
fn parse_plain(typed: &str) -> Result<f64, AnswerError> {
    let commas = typed.matches(',').count();
    let normalized = match (commas, typed.split_once(',')) {
        (0, _) => typed.to_owned(),
        // Three digits after a lone comma read as thousands in the UK: refuse to guess.
        (1, Some((before, after))) if !typed.contains('.') && after.len() != 3 => {
            format!("{before}.{after}")
        }
        _ => return Err(AnswerError::UnclearComma),
    };
    let digits = normalized.chars().filter(char::is_ascii_digit).count();
    let points = normalized.matches('.').count();
    let only_digits = normalized.chars().all(|c| c.is_ascii_digit() || c == '.');
    if digits == 0 || points > 1 || !only_digits {
        return Err(AnswerError::NotANumber);
    }
    normalized
        .parse::<f64>()
        .map_err(|_| AnswerError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::tests::{item, message, number};

    #[test]
    fn numbers_within_range_and_on_the_step() {
        let minutes = number(0.0, 600.0, 1.0);
        assert_eq!(validate_answer(&minutes, &AnswerValue::Number(0.0)), Ok(()));
        assert_eq!(
            validate_answer(&minutes, &AnswerValue::Number(600.0)),
            Ok(())
        );
        assert_eq!(
            message(validate_answer(&minutes, &AnswerValue::Number(601.0))),
            "Please type a number from 0 to 600."
        );
        assert_eq!(
            message(validate_answer(&minutes, &AnswerValue::Number(2.5))),
            "Please use a whole number."
        );
        let nan = validate_answer(&minutes, &AnswerValue::Number(f64::NAN));
        assert_eq!(
            message(nan),
            "Please type a number using digits, like 12 or 12.5."
        );
        let negative = validate_answer(&minutes, &AnswerValue::Number(-1.0));
        assert_eq!(
            message(negative),
            "Please type a number without a minus sign, from 0 to 600."
        );
        let pounds = number(0.0, 100.0, 0.01);
        assert_eq!(
            validate_answer(&pounds, &AnswerValue::Number(12.34)),
            Ok(())
        );
        assert_eq!(
            validate_answer(&pounds, &AnswerValue::Number(0.1 + 0.2)),
            Ok(())
        );
        let halves = number(0.5, 10.0, 0.5);
        let off = validate_answer(&halves, &AnswerValue::Number(1.2));
        assert_eq!(message(off), "Please use steps of 0.5, like 0.5, 1 or 1.5.");
        let fives = number(0.0, 60.0, 5.0);
        assert_eq!(
            message(validate_answer(&fives, &AnswerValue::Number(7.0))),
            "Please use steps of 5, like 0, 5 or 10."
        );
        assert_eq!(
            message(validate_answer(&fives, &AnswerValue::Number(7.5))),
            "Please use a whole number."
        );
        let range = validate_answer(&number(1.5, 2.5, 0.5), &AnswerValue::Number(3.0));
        assert_eq!(message(range), "Please type a number from 1.5 to 2.5.");
    }

    #[test]
    fn step_examples_stop_at_the_max() {
        let short = number(0.0, 5.0, 5.0);
        assert_eq!(
            message(validate_answer(&short, &AnswerValue::Number(3.0))),
            "Please use steps of 5, like 0 or 5."
        );
    }

    #[test]
    fn typed_numbers_are_read_kindly() {
        let days = number(0.0, 28.0, 1.0);
        assert_eq!(
            parse_number_input(&days, "12"),
            Ok(AnswerValue::Number(12.0))
        );
        assert_eq!(
            parse_number_input(&days, "  7 \n"),
            Ok(AnswerValue::Number(7.0))
        );
        assert_eq!(
            parse_number_input(&days, "12.0"),
            Ok(AnswerValue::Number(12.0))
        );
        let pounds = number(0.0, 100.0, 0.5);
        assert_eq!(
            parse_number_input(&pounds, "12.5"),
            Ok(AnswerValue::Number(12.5))
        );
        assert_eq!(
            parse_number_input(&pounds, "12,5"),
            Ok(AnswerValue::Number(12.5))
        );
        assert_eq!(
            parse_number_input(&pounds, "0,50"),
            Ok(AnswerValue::Number(0.5))
        );
        assert_eq!(
            parse_number_input(&pounds, ".5"),
            Ok(AnswerValue::Number(0.5))
        );
    }

    #[test]
    fn typed_numbers_that_are_refused() {
        let days = number(0.0, 28.0, 1.0);
        let said = |input: &str| message(parse_number_input(&days, input));
        assert_eq!(said(""), "Please type a number.");
        assert_eq!(said("   "), "Please type a number.");
        for letters in [
            "twelve", "12 days", "1e3", "inf", "NaN", "+5", "1.2.3", ".", "١٢", "0x10",
        ] {
            assert_eq!(
                said(letters),
                "Please type a number using digits, like 12 or 12.5.",
                "{letters}"
            );
        }
        assert_eq!(
            said("-3"),
            "Please type a number without a minus sign, from 0 to 28."
        );
        assert_eq!(
            said("\u{2212}3"),
            "Please type a number without a minus sign, from 0 to 28."
        );
        assert_eq!(
            said("-"),
            "Please type a number using digits, like 12 or 12.5."
        );
        assert_eq!(said("29"), "Please type a number from 0 to 28.");
        assert_eq!(said(&"9".repeat(400)), "Please type a number from 0 to 28.");
        assert_eq!(said("2.5"), "Please use a whole number.");
        assert_eq!(said("2,5"), "Please use a whole number.");
        for unclear in ["1,500", "1,234.5", "1,2,3"] {
            assert_eq!(
                said(unclear),
                "Please type the number without a comma, like 1500 or 1.5.",
                "{unclear}"
            );
        }
        assert_eq!(
            parse_number_input(&item(ItemKind::Agreement), "3"),
            Err(AnswerError::WrongKind)
        );
    }
}
