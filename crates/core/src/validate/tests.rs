//! Every message, and the edges: Unicode length, decimal comma, steps.

use super::*;
use crate::instrument::Choice;

pub(super) fn item(kind: ItemKind) -> Item {
    let json = serde_json::json!({"variable": "x1", "text": "Question?", "type": "agreement"});
    let mut item: Item = serde_json::from_value(json).unwrap();
    item.kind = kind;
    item
}

fn choices(codes: &[i64]) -> Vec<Choice> {
    codes
        .iter()
        .map(|&code| Choice {
            code,
            label: "A choice".into(),
            exclusive: false,
        })
        .collect()
}

pub(super) fn number(min: f64, max: f64, step: f64) -> Item {
    item(ItemKind::Number {
        unit: "minutes".into(),
        unit_singular: Some("minute".into()),
        min,
        max,
        step,
    })
}

fn text(max_length: u32) -> Item {
    item(ItemKind::FreeText { max_length })
}

pub(super) fn message(result: Result<impl std::fmt::Debug, AnswerError>) -> String {
    result.unwrap_err().to_string()
}

#[test]
fn codes_must_fit_the_item() {
    let single = item(ItemKind::SingleChoice {
        choices: choices(&[1, 2, 5]),
    });
    assert_eq!(validate_answer(&single, &AnswerValue::Code(5)), Ok(()));
    assert_eq!(
        validate_answer(&single, &AnswerValue::Code(3)),
        Err(AnswerError::NotAChoice)
    );
    let agreement = item(ItemKind::Agreement);
    assert_eq!(validate_answer(&agreement, &AnswerValue::Code(1)), Ok(()));
    assert_eq!(validate_answer(&agreement, &AnswerValue::Code(5)), Ok(()));
    for bad in [0, 6, -99] {
        assert_eq!(
            validate_answer(&agreement, &AnswerValue::Code(bad)),
            Err(AnswerError::NotAChoice)
        );
    }
    let yes_no = item(ItemKind::YesNoNotSure);
    for ok in [0, 1, 2] {
        assert_eq!(validate_answer(&yes_no, &AnswerValue::Code(ok)), Ok(()));
    }
    assert_eq!(
        message(validate_answer(&yes_no, &AnswerValue::Code(3))),
        "Please choose one of the answers shown."
    );
    let scale = item(ItemKind::Scale010 {
        low_label: "Bad".into(),
        high_label: "Good".into(),
    });
    assert_eq!(validate_answer(&scale, &AnswerValue::Code(0)), Ok(()));
    assert_eq!(validate_answer(&scale, &AnswerValue::Code(10)), Ok(()));
    assert_eq!(
        message(validate_answer(&scale, &AnswerValue::Code(11))),
        "Please choose a number from 0 to 10."
    );
}

#[test]
fn multiple_choice_codes_are_known_and_not_repeated() {
    let multi = item(ItemKind::MultipleChoice {
        choices: choices(&[1, 2, 3]),
    });
    assert_eq!(
        validate_answer(&multi, &AnswerValue::Codes(vec![1, 3])),
        Ok(())
    );
    assert_eq!(validate_answer(&multi, &AnswerValue::Codes(vec![])), Ok(()));
    let unknown = validate_answer(&multi, &AnswerValue::Codes(vec![1, 4]));
    assert_eq!(
        message(unknown),
        "Please choose only from the answers shown."
    );
    let twice = validate_answer(&multi, &AnswerValue::Codes(vec![2, 2]));
    assert_eq!(message(twice), "Please choose each answer only once.");
}

#[test]
fn a_value_of_the_wrong_type_is_refused() {
    let cases = [
        (item(ItemKind::Agreement), AnswerValue::Number(3.0)),
        (
            item(ItemKind::MultipleChoice {
                choices: choices(&[1]),
            }),
            AnswerValue::Code(1),
        ),
        (number(0.0, 10.0, 1.0), AnswerValue::Code(3)),
        (text(10), AnswerValue::Code(1)),
        (
            item(ItemKind::YesNoNotSure),
            AnswerValue::Text("yes".into()),
        ),
    ];
    for (item, value) in cases {
        let result = validate_answer(&item, &value);
        assert_eq!(
            message(result),
            "This answer does not fit this question. Please answer again."
        );
    }
}

#[test]
fn missing_codes_only_when_offered() {
    let mut it = item(ItemKind::Agreement);
    let prefer = AnswerValue::Missing(MissingCode::PreferNotToSay);
    let dont_know = AnswerValue::Missing(MissingCode::DontKnow);
    let unanswered = AnswerValue::Missing(MissingCode::Unanswered);
    assert_eq!(validate_answer(&it, &unanswered), Ok(()));
    assert_eq!(
        message(validate_answer(&it, &prefer)),
        "\"Prefer not to say\" is not an answer to this question."
    );
    assert_eq!(
        message(validate_answer(&it, &dont_know)),
        "\"Don't know\" is not an answer to this question."
    );
    it.prefer_not_to_say = true;
    it.dont_know = true;
    assert_eq!(validate_answer(&it, &prefer), Ok(()));
    assert_eq!(validate_answer(&it, &dont_know), Ok(()));
}

#[test]
fn free_text_length_counts_characters_not_bytes() {
    let short = text(5);
    // Five characters, fifteen bytes in UTF-8.
    assert_eq!(
        validate_answer(&short, &AnswerValue::Text("€€€€€".into())),
        Ok(())
    );
    assert_eq!(
        validate_answer(&short, &AnswerValue::Text("😀😀😀😀😀".into())),
        Ok(())
    );
    let long = validate_answer(&short, &AnswerValue::Text("😀😀😀😀😀😀".into()));
    assert_eq!(long, Err(AnswerError::TooLong { max: 5, used: 6 }));
    let essay = validate_answer(&text(500), &AnswerValue::Text("a".repeat(512)));
    assert_eq!(
        message(essay),
        "Please use 500 characters or fewer. You have used 512."
    );
    assert_eq!(
        validate_answer(&short, &AnswerValue::Text(String::new())),
        Ok(())
    );
}

#[test]
fn required_items_say_what_they_need() {
    let mut single = item(ItemKind::Agreement);
    assert_eq!(missing_required(&single, None), None, "not required");
    single.required = true;
    let need =
        |it: &Item, value: Option<&AnswerValue>| missing_required(it, value).map(|e| e.to_string());
    assert_eq!(
        need(&single, None).as_deref(),
        Some("Please choose one answer to go on.")
    );
    let unanswered = AnswerValue::Missing(MissingCode::Unanswered);
    assert_eq!(
        need(&single, Some(&unanswered)).as_deref(),
        Some("Please choose one answer to go on.")
    );
    assert_eq!(need(&single, Some(&AnswerValue::Code(3))), None);
    assert_eq!(
        need(&single, Some(&AnswerValue::Missing(MissingCode::DontKnow))),
        None
    );
    single.prefer_not_to_say = true;
    let with_prefer =
        "Please choose one answer to go on. You can also choose \"Prefer not to say\".";
    assert_eq!(need(&single, None).as_deref(), Some(with_prefer));
    single.dont_know = true;
    let with_both = "Please choose one answer to go on. You can also choose \"Don't know\" or \"Prefer not to say\".";
    assert_eq!(need(&single, None).as_deref(), Some(with_both));
    single.prefer_not_to_say = false;
    let with_dont_know = "Please choose one answer to go on. You can also choose \"Don't know\".";
    assert_eq!(need(&single, None).as_deref(), Some(with_dont_know));
    single.does_not_apply = true;
    single.prefer_not_to_say = true;
    let with_three = "Please choose one answer to go on. You can also choose \"Does not apply\", \"Don't know\" or \"Prefer not to say\".";
    assert_eq!(need(&single, None).as_deref(), Some(with_three));
    assert_eq!(
        need(
            &single,
            Some(&AnswerValue::Missing(MissingCode::DoesNotApply))
        ),
        None,
        "\"does not apply\" is an answer"
    );

    let mut multi = item(ItemKind::MultipleChoice {
        choices: choices(&[1, 2]),
    });
    multi.required = true;
    let none_chosen = AnswerValue::Codes(vec![]);
    assert_eq!(
        need(&multi, Some(&none_chosen)).as_deref(),
        Some("Please choose at least one answer to go on.")
    );
    let mut minutes = number(0.0, 600.0, 1.0);
    minutes.required = true;
    assert_eq!(
        need(&minutes, None).as_deref(),
        Some("Please type a number to go on.")
    );
    let mut words = text(100);
    words.required = true;
    let blank = AnswerValue::Text("  ".into());
    assert_eq!(
        need(&words, Some(&blank)).as_deref(),
        Some("Please write an answer to go on.")
    );
    assert_eq!(need(&words, Some(&AnswerValue::Text("Good".into()))), None);
}

#[test]
fn lists_of_numbers_are_shown_as_people_write_them() {
    assert_eq!(list(&[]), "");
    assert_eq!(list(&[1.0]), "1");
}

#[test]
fn does_not_apply_only_when_offered_and_not_reached_never_as_an_answer() {
    let mut it = item(ItemKind::Difficulty);
    let does_not_apply = AnswerValue::Missing(MissingCode::DoesNotApply);
    assert_eq!(
        message(validate_answer(&it, &does_not_apply)),
        "\"Does not apply\" is not an answer to this question."
    );
    it.does_not_apply = true;
    assert_eq!(validate_answer(&it, &does_not_apply), Ok(()));
    let not_reached = AnswerValue::Missing(MissingCode::NotReached);
    assert_eq!(
        validate_answer(&it, &not_reached),
        Err(AnswerError::WrongKind),
        "only the engine codes an item as not reached"
    );
    for code in 1..=5 {
        assert_eq!(validate_answer(&it, &AnswerValue::Code(code)), Ok(()));
    }
    assert_eq!(
        validate_answer(&it, &AnswerValue::Code(6)),
        Err(AnswerError::NotAChoice)
    );
}

#[test]
fn a_0_to_20_scale_takes_0_to_20() {
    let top = item(ItemKind::Scale020 {
        low_label: "Poor".into(),
        high_label: "Good".into(),
    });
    for ok in [0, 13, 20] {
        assert_eq!(validate_answer(&top, &AnswerValue::Code(ok)), Ok(()));
    }
    assert_eq!(
        message(validate_answer(&top, &AnswerValue::Code(21))),
        "Please choose a number from 0 to 20."
    );
}

/// Choices 1 to 4, of which 4 ("None of these") goes alone.
fn with_none_of_these() -> Vec<Choice> {
    let mut list = choices(&[1, 2, 3, 4]);
    list[3].exclusive = true;
    list
}

#[test]
fn an_exclusive_choice_is_refused_with_others() {
    let multi = item(ItemKind::MultipleChoice {
        choices: with_none_of_these(),
    });
    assert_eq!(
        validate_answer(&multi, &AnswerValue::Codes(vec![4])),
        Ok(())
    );
    assert_eq!(
        validate_answer(&multi, &AnswerValue::Codes(vec![1, 3])),
        Ok(())
    );
    let both = validate_answer(&multi, &AnswerValue::Codes(vec![1, 4]));
    assert_eq!(both, Err(AnswerError::ExclusiveWithOthers));
    assert_eq!(
        message(both),
        "One of your answers can only be chosen on its own. Please choose it alone, or choose the others."
    );
}

#[test]
fn ticking_an_exclusive_choice_clears_the_others_and_the_reverse() {
    let list = [4];
    let codes = |v: Option<AnswerValue>| match v {
        Some(AnswerValue::Codes(c)) => c,
        _ => Vec::new(),
    };
    assert_eq!(codes(toggle_choice(&list, &[], 3, true)), vec![3]);
    assert_eq!(codes(toggle_choice(&list, &[3], 1, true)), vec![1, 3]);
    // "None of these" clears every other answer...
    assert_eq!(codes(toggle_choice(&list, &[1, 3], 4, true)), vec![4]);
    // ...and any other answer clears "None of these".
    assert_eq!(codes(toggle_choice(&list, &[4], 2, true)), vec![2]);
    // Unticking: the rest stays; nothing left is no answer.
    assert_eq!(codes(toggle_choice(&list, &[1, 3], 3, false)), vec![1]);
    assert_eq!(toggle_choice(&list, &[4], 4, false), None);
    // Without an exclusive choice, ticks add up.
    assert_eq!(codes(toggle_choice(&[], &[1], 2, true)), vec![1, 2]);
    // Whatever is ticked, the result always passes validation.
    let multi = item(ItemKind::MultipleChoice {
        choices: with_none_of_these(),
    });
    let mut now: Vec<i64> = Vec::new();
    for (code, on) in [
        (1, true),
        (4, true),
        (2, true),
        (3, true),
        (4, true),
        (4, false),
    ] {
        let after = toggle_choice(&list, &now, code, on);
        if let Some(value) = &after {
            assert_eq!(validate_answer(&multi, value), Ok(()), "{value:?}");
        }
        now = codes(after);
    }
}
