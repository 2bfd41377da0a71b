//! The content hash that every record and codebook carries, so that an answer
//! can always be matched to the exact wording and coding it was given under.

use crate::instrument::Instrument;
use sha2::{Digest, Sha256};

/// `"sha256:"` and the lowercase hex SHA-256 of the instrument's canonical form.
///
/// The canonical form is `serde_json` of the parsed instrument, not the file's
/// bytes: struct fields serialise in declaration order and every map is a
/// `BTreeMap`, so re-indenting the file, reordering its keys or writing `1`
/// for `1.0` leaves the hash alone, while any change of wording, code,
/// condition or option changes it. Defaults are written out, so stating
/// `"required": false` and leaving it out hash the same.
///
/// Changing a model type's fields or their order changes every hash; the
/// golden test below exists to make that a deliberate act.
pub fn content_hash(instrument: &Instrument) -> String {
    let canonical = match serde_json::to_vec(instrument) {
        Ok(bytes) => bytes,
        // Unreachable for these types (all map keys are strings and no
        // serialiser is custom); `Debug` is still a pure function of the
        // content, so the hash stays meaningful instead of panicking.
        Err(_) => format!("{instrument:?}").into_bytes(),
    };
    format!("sha256:{}", to_hex(&Sha256::digest(&canonical)))
}

/// Lowercase hexadecimal of the bytes, two digits per byte.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::{
        Choice, Condition, Direction, Domain, Item, ItemKind, Scales, Section,
    };
    use crate::text::Text;
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

    fn item(variable: &str, text: Text, kind: ItemKind) -> Item {
        Item {
            variable: variable.into(),
            text,
            help: None,
            kind,
            required: false,
            prefer_not_to_say: false,
            dont_know: false,
            does_not_apply: false,
            show_if: None,
            direction: Direction::Neutral,
            reverse_keyed: false,
            domain: None,
            in_score: true,
            group: None,
            glossary: vec![],
        }
    }

    /// Built in Rust so that the golden value does not depend on parsing.
    fn small() -> Instrument {
        let mut respect = item(
            "c2_respect",
            Text::Localized(BTreeMap::from([("en".into(), "Staff respect me.".into())])),
            ItemKind::Agreement,
        );
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
                    item("c1_work", "Do you work?".into(), ItemKind::YesNoNotSure),
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
}
