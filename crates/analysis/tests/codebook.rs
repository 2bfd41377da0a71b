#![cfg(not(target_arch = "wasm32"))]
//! The codebook: golden CSV, JSON, entries and condition descriptions.

use candour_testkit::codebook_support;

use candour_analysis::codebook::{codebook, describe_condition, type_name, Codebook};
use candour_core::hash::content_hash;
use candour_core::instrument::{Condition, ItemKind};
use codebook_support::{eq, small};
use serde_json::{json, Value};

/// Written out by hand from `small()`: lists are `code=label` joined by `; `,
/// texts with commas or quotes are quoted by the csv writer, and every
/// missing-codes cell of an item starts with a negative code, so it carries
/// the formula-injection quote `'`. Two rows per scored domain follow the
/// items (the small instrument is built in code, unchecked: its domain E
/// scores no item).
const GOLDEN_CSV: &[&str] = &[
    "\u{FEFF}variable,domain,section,text,type,choices,unit,min,max,step,max_length,direction,reverse_keyed,shown_if,missing_codes,columns",
    "b1_visits,B,visits,How many times a day do you come here?,number,,visits,0,4,1,,higher_worse,false,,'-97=Shown but not answered; -95=Not reached (the survey ended before this item),b1_visits",
    "b7_work,,visits,Do you work or study?,yes_no_not_sure,1=Yes; 0=No; 2=Not sure,,,,,,neutral,false,,'-97=Shown but not answered; -95=Not reached (the survey ended before this item),b7_work",
    "b8_work_effect,B,visits,Coming here makes work hard.,agreement,1=Strongly disagree; 2=Disagree; 3=Not sure; 4=Agree; 5=Strongly agree,,,,,,higher_worse,true,shown if b7_work is 1 (Yes),'-97=Shown but not answered; -95=Not reached (the survey ended before this item); blank=Not shown (skip logic),b8_work_effect",
    "b5_reason,,visits,What was the main reason you missed a dose?,single_choice,1=Travel; 2=Ill; 3=Work; -99=Prefer not to say,,,,,,neutral,false,shown if b1_visits is more than 2,'-99=Prefer not to say; -97=Shown but not answered; -95=Not reached (the survey ended before this item); blank=Not shown (skip logic),b5_reason",
    "e1_drugs,E,about,\"Which have you used, if any?\",multiple_choice,1=Heroin; 2=Crack; 5=Other; -99=Prefer not to say; -98=Don't know,,,,,,neutral,false,,'-99=Prefer not to say; -98=Don't know; -97=Shown but not answered; -95=Not reached (the survey ended before this item),e1_drugs_1; e1_drugs_2; e1_drugs_5",
    "f1_overall,F,about,\"Overall, how happy are you with the service?\",scale_010,0=Very unhappy; 10=Very happy,,,,,,higher_better,false,,'-97=Shown but not answered; -95=Not reached (the survey ended before this item),f1_overall",
    "g1_best,,about,\"What is the best thing, \"\"in a word\"\", about it?\",free_text,,,,,,500,neutral,false,,'-97=Shown but not answered; -95=Not reached (the survey ended before this item),g1_best",
    "score_b,B,,\"Domain score B (B): mean of the answered items after reverse-keying (b1_visits, b8_work_effect (reversed)), counting only the items shown that apply; blank when under 75% of them were answered\",domain_score,,,0,5,,,neutral,false,,blank=No score: too few of the domain's items answered,score_b",
    "score_b_100,B,,Domain score B (B) on 0 to 100: (score - 0) / (5 - 0) x 100,domain_score,,,0,100,,,neutral,false,,blank=No score: too few of the domain's items answered,score_b_100",
    "score_e,E,,\"Domain score E (E): no item enters this score, so it is always blank\",domain_score,,,,,,,neutral,false,,blank=No score: too few of the domain's items answered,score_e",
    "score_e_100,E,,\"Domain score E (E) on 0 to 100: no item enters this score, so it is always blank\",domain_score,,,,,,,neutral,false,,blank=No score: too few of the domain's items answered,score_e_100",
    "score_f,F,,\"Domain score F (F): mean of the answered items after reverse-keying (f1_overall), counting only the items shown that apply; blank when under 75% of them were answered\",domain_score,,,0,10,,,neutral,false,,blank=No score: too few of the domain's items answered,score_f",
    "score_f_100,F,,Domain score F (F) on 0 to 100: (score - 0) / (10 - 0) x 100,domain_score,,,0,100,,,neutral,false,,blank=No score: too few of the domain's items answered,score_f_100",
];

#[test]
fn golden_csv() {
    let expected: String = GOLDEN_CSV
        .iter()
        .map(|line| format!("{line}\r\n"))
        .collect();
    assert_eq!(codebook(&small(), "en").to_csv(), expected);
}

#[test]
fn header_and_identity() {
    let c = codebook(&small(), "en");
    assert_eq!(c.instrument_id, "tiny");
    assert_eq!(c.instrument_version, "1.2.0");
    assert_eq!(c.instrument_hash, content_hash(&small()));
    assert_eq!(c.locale, "en");
    let codes: Vec<_> = c.missing_codes.iter().map(|m| m.code).collect();
    assert_eq!(
        codes,
        [Some(-99), Some(-98), Some(-97), Some(-96), Some(-95), None]
    );
    let labels: Vec<&str> = c.missing_codes.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels[3], "Does not apply",
        "the core's words, no label in the instrument"
    );
    assert_eq!(labels[4], "Not reached (the survey ended before this item)");
    let scores: Vec<_> = c.scores.iter().map(|v| v.variable.as_str()).collect();
    assert_eq!(
        scores,
        [
            "score_b",
            "score_b_100",
            "score_e",
            "score_e_100",
            "score_f",
            "score_f_100"
        ]
    );
    let variables: Vec<_> = c.variables.iter().map(|v| v.variable.as_str()).collect();
    assert_eq!(
        variables,
        [
            "b1_visits",
            "b7_work",
            "b8_work_effect",
            "b5_reason",
            "e1_drugs",
            "f1_overall",
            "g1_best"
        ]
    );
}

#[test]
fn texts_follow_the_locale_and_fall_back() {
    let c = codebook(&small(), "fr");
    let by = |v: &str| {
        c.variables
            .iter()
            .find(|e| e.variable == v)
            .expect("variable")
    };
    assert_eq!(
        by("b8_work_effect").text,
        "Venir ici rend le travail difficile."
    );
    assert_eq!(
        by("b8_work_effect").shown_if.as_deref(),
        Some("shown if b7_work is 1 (Oui)")
    );
    assert_eq!(by("b1_visits").unit.as_deref(), Some("visites"));
    // No French text: the instrument's own locale, never an empty cell.
    assert_eq!(by("b7_work").text, "Do you work or study?");
    assert_eq!(by("b7_work").choices[2].label, "Not sure");
    assert_eq!(c.missing_codes[0].label, "Je préfère ne pas répondre");
    assert_eq!(
        codebook(&small(), "de").variables[2].text,
        "Coming here makes work hard."
    );
}

#[test]
fn json_has_the_expected_fields_and_round_trips() {
    let c = codebook(&small(), "en");
    let v: Value = serde_json::from_str(&c.to_json()).expect("valid JSON");
    assert_eq!(v["instrument_id"], "tiny");
    assert!(v["instrument_hash"]
        .as_str()
        .is_some_and(|h| h.starts_with("sha256:") && h.len() == 71));
    assert_eq!(
        v["missing_codes"][5],
        json!({"code": null, "label": "Not shown (skip logic)"})
    );
    let visits = &v["variables"][0];
    assert_eq!(visits["type"], "number");
    assert_eq!(visits["unit"], "visits");
    assert_eq!(
        (visits["min"].as_f64(), visits["max"].as_f64()),
        (Some(0.0), Some(4.0))
    );
    assert_eq!(visits["direction"], "higher_worse");
    assert_eq!(visits["shown_if"], Value::Null);
    let drugs = &v["variables"][4];
    assert_eq!(
        drugs["columns"],
        json!(["e1_drugs_1", "e1_drugs_2", "e1_drugs_5"])
    );
    assert_eq!(
        drugs["choices"][3],
        json!({"code": -99, "label": "Prefer not to say"})
    );
    assert_eq!(drugs["missing_codes"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["variables"][2]["reverse_keyed"], true);
    assert_eq!(v["variables"][6]["max_length"], 500);
    let back: Codebook = serde_json::from_value(v).expect("deserialises");
    assert_eq!(back, c);
}

#[test]
fn type_names_match_the_file_format() {
    for (kind, name) in [
        (ItemKind::Agreement, "agreement"),
        (ItemKind::YesNoNotSure, "yes_no_not_sure"),
        (
            ItemKind::Scale010 {
                low_label: "a".into(),
                high_label: "b".into(),
            },
            "scale_010",
        ),
        (ItemKind::FreeText { max_length: 1 }, "free_text"),
    ] {
        assert_eq!(type_name(&kind), name);
    }
}

fn describe(c: &Condition) -> String {
    describe_condition(c, &small(), "en")
}

#[test]
fn conditions_in_words() {
    let gt = Condition::GreaterThan {
        variable: "b1_visits".into(),
        value: 2.0,
    };
    let lt = Condition::LessThan {
        variable: "b1_visits".into(),
        value: 1.5,
    };
    assert_eq!(describe(&eq("b7_work", 1.0)), "shown if b7_work is 1 (Yes)");
    assert_eq!(describe(&eq("b7_work", 0.0)), "shown if b7_work is 0 (No)");
    assert_eq!(describe(&eq("b1_visits", 2.0)), "shown if b1_visits is 2");
    assert_eq!(
        describe(&eq("b8_work_effect", 4.0)),
        "shown if b8_work_effect is 4 (Agree)"
    );
    assert_eq!(
        describe(&eq("f1_overall", 10.0)),
        "shown if f1_overall is 10 (Very happy)"
    );
    assert_eq!(describe(&eq("f1_overall", 5.0)), "shown if f1_overall is 5");
    assert_eq!(
        describe(&eq("e1_drugs", 2.0)),
        "shown if e1_drugs includes 2 (Crack)"
    );
    assert_eq!(describe(&eq("nowhere", 3.0)), "shown if nowhere is 3");
    assert_eq!(describe(&gt), "shown if b1_visits is more than 2");
    assert_eq!(describe(&lt), "shown if b1_visits is less than 1.5");
    let one_of = Condition::OneOf {
        variable: "b5_reason".into(),
        values: vec![1.0, 3.0],
    };
    assert_eq!(
        describe(&one_of),
        "shown if b5_reason is one of 1 (Travel), 3 (Work)"
    );
    let any_drug = Condition::OneOf {
        variable: "e1_drugs".into(),
        values: vec![1.0, 5.0],
    };
    assert_eq!(
        describe(&any_drug),
        "shown if e1_drugs includes any of 1 (Heroin), 5 (Other)"
    );
    let any = Condition::Any(vec![eq("b7_work", 1.0), gt.clone()]);
    assert_eq!(
        describe(&any),
        "shown if any of: b7_work is 1 (Yes); b1_visits is more than 2"
    );
    let all = Condition::All(vec![lt.clone(), any.clone()]);
    assert_eq!(
        describe(&all),
        "shown if all of: b1_visits is less than 1.5; (any of: b7_work is 1 (Yes); b1_visits is more than 2)"
    );
    let not = Condition::Not(Box::new(eq("b7_work", 1.0)));
    assert_eq!(describe(&not), "shown if not (b7_work is 1 (Yes))");
    assert_eq!(
        describe(&Condition::All(vec![gt.clone()])),
        "shown if b1_visits is more than 2"
    );
    assert_eq!(describe(&Condition::All(vec![])), "shown if always");
    assert_eq!(describe(&Condition::Any(vec![])), "shown if never");
    let not_all = Condition::Not(Box::new(Condition::All(vec![gt, lt])));
    assert_eq!(
        describe(&not_all),
        "shown if not (all of: b1_visits is more than 2; b1_visits is less than 1.5)"
    );
}

#[test]
fn the_default_questionnaire_codebook_describes_version_2() {
    let instrument = candour_core::instrument::default::default_instrument().expect("loads");
    let c = codebook(&instrument, "en");
    let by = |v: &str| {
        c.variables
            .iter()
            .find(|e| e.variable == v)
            .expect("variable")
    };
    // An item shown in a group reads whole: the heading, then its text.
    assert_eq!(
        by("b6_hard_family").text,
        "Because you come here for your doses, how hard is it to do these things? See your family"
    );
    assert_eq!(by("b6_hard_family").item_type, "difficulty");
    let hard: Vec<(i64, &str)> = by("b6_hard_family")
        .choices
        .iter()
        .map(|c| (c.code, c.label.as_str()))
        .collect();
    assert_eq!(
        hard,
        [
            (1, "Not hard"),
            (2, "A little hard"),
            (3, "Fairly hard"),
            (4, "Hard"),
            (5, "Very hard"),
            (-96, "Does not apply to me")
        ]
    );
    let codes: Vec<Option<i64>> = by("b6_hard_family")
        .missing_codes
        .iter()
        .map(|m| m.code)
        .collect();
    assert_eq!(codes, [Some(-97), Some(-96), Some(-95)]);
    let top = by("e10_physical");
    assert_eq!(top.item_type, "scale_020");
    assert_eq!(top.choices[1].code, 20);
    // "On my own" goes alone, and the CSV says so.
    let how = by("p5_how_done");
    assert!(how.choices.iter().any(|c| c.exclusive && c.code == 4));
    assert!(c
        .to_csv()
        .contains("4=On my own, with no help (only on its own)"));
    assert_eq!(by("b1_visits").unit.as_deref(), Some("times a day"));
    // Two rows per scored domain: the mean and the 0-100 score.
    let scores: Vec<&str> = c.scores.iter().map(|e| e.variable.as_str()).collect();
    assert_eq!(
        scores,
        [
            "score_a1",
            "score_a1_100",
            "score_a2",
            "score_a2_100",
            "score_b",
            "score_b_100",
            "score_c",
            "score_c_100",
            "score_d",
            "score_d_100"
        ]
    );
    let b = &c.scores[4];
    assert!(
        b.text.contains("b5_hard_work, b6_hard_family"),
        "{}",
        b.text
    );
    assert!(
        !b.text.contains("b1_visits"),
        "counts stay out of the score"
    );
    assert_eq!((b.min, b.max), (Some(1.0), Some(5.0)));
    assert!(
        c.scores[3].text.contains("(score - 1) / (5 - 1) x 100"),
        "{}",
        c.scores[3].text
    );
    assert!(c.scores[2].text.contains("a5_worry_close (reversed)"));
}
