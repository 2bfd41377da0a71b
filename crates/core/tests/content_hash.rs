#![cfg(not(target_arch = "wasm32"))]
//! The instrument's content hash: its golden value, and what changes it
//! and what does not.

use candour_core::hash::{content_hash, to_hex};
use candour_core::instrument::{Choice, Condition, Domain, Instrument, ItemKind, Scales, Section};
use candour_core::text::Text;
use candour_testkit::codebook_support::item;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The instrument of [`small`], as a file would hold it.
const SMALL: &str = r#"{
    "id": "tiny", "version": "1.0.0", "locale": "en",
    "title": "Tiny", "information": "About this.", "consent": "Do you agree?",
    "scales": {
        "agreement": ["SD", "D", "N", "A", "SA"],
        "yes_no_not_sure": ["Yes", "No", "Not sure"],
        "prefer_not_to_say": "Prefer not to say",
        "dont_know": "Don't know"
    },
    "domains": [{"code": "C", "name": "Staff", "scored": true}],
    "sections": [{
        "id": "staff", "title": "Staff",
        "items": [
            {"variable": "c1_work", "text": "Do you work?", "type": "yes_no_not_sure"},
            {"variable": "c2_respect", "text": {"en": "Staff respect me."},
             "type": "agreement", "domain": "C",
             "show_if": {"equals": {"variable": "c1_work", "value": 1}}}
        ]
    }]
}"#;

/// The same instrument: keys reordered, whitespace gone, `1.0` for `1`,
/// and defaults written out.
const SMALL_REFORMATTED: &str = r#"{"sections":[{"items":[{"type":"yes_no_not_sure","text":"Do you work?","variable":"c1_work","required":false},{"domain":"C","show_if":{"equals":{"value":1.0,"variable":"c1_work"}},"type":"agreement","text":{"en":"Staff respect me."},"variable":"c2_respect","direction":"neutral"}],"title":"Staff","id":"staff"}],"domains":[{"scored":true,"name":"Staff","code":"C"}],"scales":{"dont_know":"Don't know","prefer_not_to_say":"Prefer not to say","yes_no_not_sure":["Yes","No","Not sure"],"agreement":["SD","D","N","A","SA"]},"consent":"Do you agree?","information":"About this.","title":"Tiny","locale":"en","version":"1.0.0","id":"tiny"}"#;

/// Built in Rust so that the golden value does not depend on parsing.
fn small() -> Instrument {
    let mut respect = item("c2_respect", "", ItemKind::Agreement);
    respect.text = Text::Localized(BTreeMap::from([("en".into(), "Staff respect me.".into())]));
    respect.domain = Some("C".into());
    respect.show_if = Some(Condition::Equals {
        variable: "c1_work".into(),
        value: 1.0,
    });
    Instrument {
        id: "tiny".into(),
        version: "1.0.0".into(),
        locale: "en".into(),
        title: "Tiny".into(),
        information: "About this.".into(),
        consent: "Do you agree?".into(),
        scales: Scales {
            agreement: ["SD", "D", "N", "A", "SA"].map(Text::from).to_vec(),
            yes_no_not_sure: ["Yes", "No", "Not sure"].map(Text::from).to_vec(),
            prefer_not_to_say: "Prefer not to say".into(),
            dont_know: "Don't know".into(),
            does_not_apply: None,
            difficulty: None,
        },
        domains: vec![Domain {
            code: "C".into(),
            name: "Staff".into(),
            scored: true,
        }],
        sections: vec![Section {
            id: "staff".into(),
            title: "Staff".into(),
            intro: None,
            groups: vec![],
            items: vec![
                item("c1_work", "Do you work?", ItemKind::YesNoNotSure),
                respect,
            ],
        }],
    }
}

fn parse(json: &str) -> Instrument {
    serde_json::from_str(json).expect("test instrument parses")
}

#[test]
fn golden_value() {
    // Update only when the canonical form is changed on purpose: every
    // stored record names its instrument by this hash.
    assert_eq!(
        content_hash(&small()),
        "sha256:66da78ee2ebf52e76a55b252caac7559ecb1ac0e9db3849953ab018c24c6a0f7"
    );
    assert_eq!(
        content_hash(&small()),
        content_hash(&small()),
        "stable across calls"
    );
}

#[test]
fn formatting_and_key_order_do_not_matter() {
    let golden = content_hash(&small());
    assert_eq!(content_hash(&parse(SMALL)), golden);
    assert_eq!(content_hash(&parse(SMALL_REFORMATTED)), golden);
}

#[test]
fn changes_of_content_change_the_hash() {
    let base = small();
    let h = content_hash(&base);

    let mut text = base.clone();
    text.sections[0].items[0].text = Text::from("Do you have a job?");
    assert_ne!(content_hash(&text), h, "text");

    let mut kind = base.clone();
    kind.sections[0].items[0].kind = ItemKind::SingleChoice { choices: vec![] };
    assert_ne!(content_hash(&kind), h, "type");

    let mut cond = base.clone();
    cond.sections[0].items[1].show_if = Some(Condition::Equals {
        variable: "c1_work".into(),
        value: 0.0,
    });
    assert_ne!(content_hash(&cond), h, "condition");

    let mut reverse = base.clone();
    reverse.sections[0].items[1].reverse_keyed = true;
    assert_ne!(content_hash(&reverse), h, "reverse keying");
}

#[test]
fn changed_choice_code_changes_the_hash() {
    let with_code = |code| {
        let mut i = small();
        i.sections[0].items[0].kind = ItemKind::SingleChoice {
            choices: vec![Choice {
                code,
                label: "Yes".into(),
                exclusive: false,
            }],
        };
        content_hash(&i)
    };
    assert_ne!(with_code(1), with_code(2));
}

#[test]
fn hex_is_lowercase_two_digits_per_byte() {
    assert_eq!(to_hex(&[]), "");
    assert_eq!(to_hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    // SHA-256 of the empty string, a published test vector.
    assert_eq!(
        to_hex(&Sha256::digest(b"")),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}
