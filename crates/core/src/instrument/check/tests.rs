//! Helpers that build small instrument files, and one test per problem of the
//! header, the declared domains, the sections and the variable names. The
//! problems of items, conditions, scoring and locales are tested beside their checks.

use crate::instrument::load::load_instrument;
use crate::instrument::problem::InstrumentProblem as P;
use crate::instrument::texts::{ItemText, TextPlace};

const TEMPLATE: &str = r#"{
  "id": "test", "version": "1.0.0", "locale": "en",
  "title": "Feedback", "information": "About this.", "consent": "Do you agree?",
  "scales": {"agreement": ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"],
             "yes_no_not_sure": ["Yes", "No", "Not sure"],
             "prefer_not_to_say": "Prefer not to say", "dont_know": "Don't know"},
  "domains": DOMAINS,
  "sections": SECTIONS
}"#;

/// A valid item, to pad tests that need one.
pub(crate) const OK: &str = r#"{"variable": "a1_ok", "text": "Is it ok?", "type": "agreement"}"#;

/// An instrument with these domains (a JSON list) and sections (a JSON list).
pub(crate) fn with_sections(domains: &str, sections: &str) -> String {
    TEMPLATE
        .replace("DOMAINS", domains)
        .replace("SECTIONS", sections)
}

/// An instrument with these domains (a JSON list) and items in one section.
pub(crate) fn with_domains(domains: &str, items: &str) -> String {
    let sections = format!(r#"[{{"id": "s1", "title": "Section one", "items": [{items}]}}]"#);
    with_sections(domains, &sections)
}

/// An instrument with no domains and these items (comma-separated JSON objects).
pub(crate) fn instrument(items: &str) -> String {
    with_domains("[]", items)
}

/// An item with a question text: `rest` holds its type and other fields.
pub(crate) fn item(variable: &str, rest: &str) -> String {
    format!(r#"{{"variable": "{variable}", "text": "A question?", {rest}}}"#)
}

/// Every problem `load_instrument` reports for a file (none if it loads).
pub(crate) fn problems_of(json: &str) -> Vec<P> {
    load_instrument(json)
        .err()
        .map(|e| e.problems)
        .unwrap_or_default()
}

/// Asserts that `problem` is among those found, and that its message is a
/// sentence naming `needle` (the item, section or field at fault).
#[track_caller]
pub(crate) fn expect(json: &str, problem: P, needle: &str) {
    let found = problems_of(json);
    assert!(
        found.contains(&problem),
        "expected {problem:?}, found {found:?}"
    );
    let message = problem.to_string();
    assert!(
        message.contains(needle),
        "{message:?} should name {needle:?}"
    );
    assert!(message.ends_with('.'), "{message:?} should be a sentence");
}

/// The file with the value of a top-level field replaced by a blank string.
fn blank_top_level(field: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&instrument(OK)).unwrap();
    value[field] = serde_json::Value::String(" ".into());
    value.to_string()
}

#[test]
fn the_template_is_valid() {
    assert_eq!(problems_of(&instrument(OK)), vec![]);
}

#[test]
fn blank_field() {
    for field in ["id", "version", "locale", "title", "information", "consent"] {
        let problem = P::BlankField {
            field: field.into(),
        };
        expect(&blank_top_level(field), problem, field);
    }
    let json = instrument(OK).replace(r#""Don't know""#, r#"{"en": ""}"#);
    let problem = P::BlankField {
        field: "scales.dont_know".into(),
    };
    expect(&json, problem, "scales.dont_know");
}

#[test]
fn scale_label_count() {
    let json = instrument(OK).replace(r#""Neither", "#, "");
    let problem = P::ScaleLabelCount {
        scale: "scales.agreement",
        expected: 5,
        found: 4,
    };
    expect(
        &json,
        problem,
        "scales.agreement has 4 labels. It must have exactly 5.",
    );
    let json = instrument(OK).replace(r#""Not sure""#, r#""Not sure", "Maybe""#);
    let problem = P::ScaleLabelCount {
        scale: "scales.yes_no_not_sure",
        expected: 3,
        found: 4,
    };
    expect(&json, problem, "exactly 3");
}

#[test]
fn blank_scale_label() {
    let json = instrument(OK).replace(r#""Neither""#, r#""""#);
    let problem = P::BlankScaleLabel {
        scale: "scales.agreement",
        position: 3,
    };
    expect(&json, problem, "scales.agreement: label 3");
}

#[test]
fn blank_text() {
    let sections = format!(r#"[{{"id": "s1", "title": "One", "intro": " ", "items": [{OK}]}}]"#);
    let problem = P::BlankText {
        place: TextPlace::SectionIntro("s1".into()),
    };
    expect(
        &with_sections("[]", &sections),
        problem,
        "Section s1, intro",
    );
    let json = instrument(&item("a1_h", r#""type": "agreement", "help": " ""#));
    expect(
        &json,
        P::BlankText {
            place: TextPlace::Item("a1_h".into(), ItemText::Help),
        },
        "Item a1_h, help:",
    );
    let glossary = r#""type": "agreement", "glossary": [{"term": "dose", "explanation": ""}]"#;
    let problem = P::BlankText {
        place: TextPlace::Item("a1_g".into(), ItemText::GlossaryExplanation(1)),
    };
    let place = "Item a1_g, glossary entry 1 explanation:";
    expect(&instrument(&item("a1_g", glossary)), problem, place);
}

#[test]
fn blank_domain_code() {
    let json = with_domains(r#"[{"code": " ", "name": "Nothing"}]"#, OK);
    expect(&json, P::BlankDomainCode { position: 1 }, "Domain 1");
}

#[test]
fn blank_domain_name() {
    let json = with_domains(r#"[{"code": "C", "name": ""}]"#, OK);
    expect(&json, P::BlankDomainName { domain: "C".into() }, "Domain C");
}

#[test]
fn duplicate_domain() {
    let domains = r#"[{"code": "C", "name": "Staff"}, {"code": "C", "name": "Again"}]"#;
    let json = with_domains(domains, OK);
    expect(&json, P::DuplicateDomain { domain: "C".into() }, "Domain C");
}

#[test]
fn no_sections() {
    expect(&with_sections("[]", "[]"), P::NoSections, "no sections");
}

#[test]
fn blank_section_id() {
    let json = with_sections(
        "[]",
        &format!(r#"[{{"id": "", "title": "One", "items": [{OK}]}}]"#),
    );
    expect(&json, P::BlankSectionId { position: 1 }, "Section 1");
}

#[test]
fn duplicate_section_id() {
    let one = |v: &str| {
        format!(
            r#"{{"id": "two", "title": "T", "items": [{}]}}"#,
            item(v, r#""type": "agreement""#)
        )
    };
    let json = with_sections("[]", &format!("[{}, {}]", one("a1"), one("a2")));
    let problem = P::DuplicateSectionId {
        section: "two".into(),
    };
    expect(&json, problem, "Section two");
}

#[test]
fn blank_section_title() {
    let json = with_sections(
        "[]",
        &format!(r#"[{{"id": "two", "title": " ", "items": [{OK}]}}]"#),
    );
    let problem = P::BlankSectionTitle {
        section: "two".into(),
    };
    expect(&json, problem, "Section two: its title is blank.");
}

#[test]
fn empty_section() {
    let json = with_sections("[]", r#"[{"id": "two", "title": "Two", "items": []}]"#);
    expect(
        &json,
        P::EmptySection {
            section: "two".into(),
        },
        "Section two has no items.",
    );
}

#[test]
fn blank_variable() {
    let items = format!(r#"{OK}, {{"variable": " ", "text": "Q", "type": "agreement"}}"#);
    let problem = P::BlankVariable {
        section: "s1".into(),
        position: 2,
    };
    expect(&instrument(&items), problem, "Section s1, item 2");
}

#[test]
fn bad_variable_name() {
    let long = "a".repeat(33);
    for bad in [
        "C3_listened",
        "3c",
        "c3-listened",
        "_c3",
        "c3 listened",
        "é1",
        &long,
    ] {
        let json = instrument(&item(bad, r#""type": "agreement""#));
        expect(
            &json,
            P::BadVariableName {
                variable: bad.into(),
            },
            bad,
        );
    }
    let longest = "a".repeat(32);
    let json = instrument(&item(&longest, r#""type": "agreement""#));
    assert_eq!(problems_of(&json), vec![]);
}

#[test]
fn duplicate_variable() {
    let json = instrument(&[OK, OK].join(","));
    let problem = P::DuplicateVariable {
        variable: "a1_ok".into(),
    };
    expect(&json, problem, "Item a1_ok");
    assert_eq!(
        problems_of(&json).len(),
        1,
        "reported once, for the second use"
    );
}

#[test]
fn bad_domain_code() {
    let hostile = "A F8.0.\nHOST COMMAND=['touch /tmp/x'].\n* x";
    for bad in [hostile, "c", "A_1", "ABCDEFGHI", "Ä"] {
        let domains = serde_json::json!([{"code": bad, "name": "Hostile"}]).to_string();
        let json = with_domains(&domains, OK);
        expect(
            &json,
            P::BadDomainCode { domain: bad.into() },
            &format!("{bad:?}"),
        );
    }
    let json = with_domains(r#"[{"code": "A1", "name": "Fine"}]"#, OK);
    assert_eq!(problems_of(&json), vec![]);
}

/// The template with a difficulty scale and a "does not apply" label added.
fn with_new_scales(difficulty: &str, does_not_apply: &str, items: &str) -> String {
    instrument(items).replace(
        r#""dont_know": "Don't know"}"#,
        &format!(
            r#""dont_know": "Don't know", "difficulty": {difficulty}, "does_not_apply": {does_not_apply}}}"#
        ),
    )
}

const DIFFICULTY: &str = r#"["Not hard", "A bit hard", "Quite hard", "Hard", "Very hard"]"#;

#[test]
fn difficulty_and_does_not_apply_need_their_words_in_scales() {
    let hard = item("b6_hard", r#""type": "difficulty", "does_not_apply": true"#);
    let found = problems_of(&instrument(&hard));
    for scale in ["scales.difficulty", "scales.does_not_apply"] {
        let problem = P::MissingScale {
            variable: "b6_hard".into(),
            scale,
        };
        assert!(found.contains(&problem), "{found:?}");
        assert!(problem.to_string().contains(scale));
    }
    let json = with_new_scales(DIFFICULTY, r#""Does not apply""#, &hard);
    assert_eq!(problems_of(&json), vec![]);
}

#[test]
fn option_column_too_long() {
    let variable = "m".repeat(30);
    let rest = r#""type": "multiple_choice", "choices": [{"code": 1, "label": "One"}, {"code": 12, "label": "Twelve"}]"#;
    let json = instrument(&item(&variable, rest));
    let problem = P::OptionColumnTooLong {
        variable: variable.clone(),
        column: format!("{variable}_12"),
    };
    expect(&json, problem, &variable);
    assert_eq!(problems_of(&json).len(), 1, "the column of code 1 fits");
}

#[test]
fn the_difficulty_scale_has_five_labels_and_does_not_apply_has_words() {
    let hard = item("b6_hard", r#""type": "difficulty", "does_not_apply": true"#);
    let json = with_new_scales(r#"["Not hard", "Very hard"]"#, r#""Does not apply""#, &hard);
    let problem = P::ScaleLabelCount {
        scale: "scales.difficulty",
        expected: 5,
        found: 2,
    };
    expect(&json, problem, "scales.difficulty has 2 labels");
    let json = with_new_scales(
        r#"["Not hard", "", "Quite hard", "Hard", "Very hard"]"#,
        r#"" ""#,
        &hard,
    );
    expect(
        &json,
        P::BlankScaleLabel {
            scale: "scales.difficulty",
            position: 2,
        },
        "scales.difficulty: label 2",
    );
    expect(
        &json,
        P::BlankField {
            field: "scales.does_not_apply".into(),
        },
        "scales.does_not_apply",
    );
}
