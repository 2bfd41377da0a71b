//! The instrument format: what a questionnaire file holds, as Rust types.
//!
//! An instrument is data (JSON), so that researchers change wording or add an
//! item without touching Rust. Field names here are the file's field names.

use crate::text::Text;
use serde::{Deserialize, Serialize};

/// A whole questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Stable identifier, e.g. `candour-hat-feedback`.
    pub id: String,
    /// Version of this instrument, e.g. `1.0.0`; records name it.
    pub version: String,
    /// The locale whose texts are used when a requested locale is missing.
    pub locale: String,
    /// The questionnaire's title.
    pub title: Text,
    /// Short information for the participant, shown before consent.
    pub information: Text,
    /// The consent question, answered yes or no.
    pub consent: Text,
    /// Labels of the standard response scales shared by many items.
    pub scales: Scales,
    /// The domains that items score into.
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// The sections, in the order they are shown.
    pub sections: Vec<Section>,
}

/// Labels of the standard scales, so that they are written (and translated) once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scales {
    /// The five points of the agreement scale, coded 1 (strongly disagree) to 5
    /// (strongly agree).
    pub agreement: Vec<Text>,
    /// The labels of yes, no and not sure, coded 1, 0 and 2.
    pub yes_no_not_sure: Vec<Text>,
    /// The label of the "prefer not to say" option (code -99).
    pub prefer_not_to_say: Text,
    /// The label of the "don't know" option (code -98).
    pub dont_know: Text,
    /// The label of the "does not apply" option (code -96); needed only by
    /// an instrument with an item that offers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub does_not_apply: Option<Text>,
    /// The five points of the difficulty scale, coded 1 (not hard) to 5
    /// (very hard); needed only by an instrument with `difficulty` items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<Vec<Text>>,
}

/// A domain of the questionnaire (section letter in INSTRUMENT.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Short code, e.g. `C`.
    pub code: String,
    /// Name, e.g. "Staff relationships".
    pub name: Text,
    /// Whether a domain score is computed from the items that score into it.
    #[serde(default)]
    pub scored: bool,
}

/// A screenful of related items with a title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable identifier, e.g. `staff`.
    pub id: String,
    /// Title shown above its items.
    pub title: Text,
    /// Optional short introduction shown with the section's first item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Groups of items shown together on one screen (an item joins one by
    /// its `group`); every other item has a screen of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// The items, in the order they are asked.
    pub items: Vec<Item>,
}

/// Items shown together on one screen under one heading, e.g. several
/// statements rated on the same scale. The items of a group follow each
/// other in their section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable identifier, a lowercase slug such as `b_hard`.
    pub id: String,
    /// The screen's heading, read before the items, e.g. "In the last 4
    /// weeks, how much do you agree with each of these?". An item's full
    /// wording (codebook, syntax labels) is this heading and its own text.
    pub heading: Text,
}

/// One question.
// No `deny_unknown_fields` here: serde cannot combine it with the flattened
// `kind` (every item would be refused with "unknown field `type`"). The loader
// checks item keys itself instead (`load::unknown_item_fields`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable variable name: domain letter, number and slug, e.g. `c3_listened`.
    pub variable: String,
    /// The question as shown and read aloud.
    pub text: Text,
    /// Optional help shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// The response format.
    #[serde(flatten)]
    pub kind: ItemKind,
    /// Whether Next is refused until the item has an answer (a missing code
    /// such as "prefer not to say" counts as an answer).
    #[serde(default)]
    pub required: bool,
    /// Offer "prefer not to say" (code -99), apart from the scale.
    #[serde(default)]
    pub prefer_not_to_say: bool,
    /// Offer "don't know" (code -98), apart from the scale.
    #[serde(default)]
    pub dont_know: bool,
    /// Offer "does not apply" (code -96), apart from the scale; kept out
    /// of domain scores.
    #[serde(default, skip_serializing_if = "is_false")]
    pub does_not_apply: bool,
    /// Show the item only when this holds on earlier answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// What a high value means.
    #[serde(default)]
    pub direction: Direction,
    /// Reverse the item's value before it enters its domain score.
    #[serde(default)]
    pub reverse_keyed: bool,
    /// Code of the domain the item belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Whether the item enters its domain's score, when the domain is
    /// scored (the default). `false` keeps an item in its domain, for the
    /// codebook, without scoring it (e.g. a count of visits in the
    /// attendance domain).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub in_score: bool,
    /// Id of the group of its section it is shown with, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Hard words in the text, each with a short plain explanation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
}

/// A hard word and its plain explanation, shown on tap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The word as it appears in the item text.
    pub term: Text,
    /// What it means here, in plain words.
    pub explanation: Text,
}

/// The response format of an item, tagged by `"type"` in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// Exactly one of the choices.
    SingleChoice {
        /// The choices, in the order shown.
        choices: Vec<Choice>,
    },
    /// Any number of the choices.
    MultipleChoice {
        /// The choices, in the order shown.
        choices: Vec<Choice>,
    },
    /// The instrument's five-point agreement scale, coded 1 to 5.
    Agreement,
    /// A 0 to 10 scale with a worded label at each end.
    #[serde(rename = "scale_010")]
    Scale010 {
        /// Label of 0.
        low_label: Text,
        /// Label of 10.
        high_label: Text,
    },
    /// A 0 to 20 scale with a worded label at each end, as the Treatment
    /// Outcomes Profile rates health and quality of life.
    #[serde(rename = "scale_020")]
    Scale020 {
        /// Label of 0.
        low_label: Text,
        /// Label of 20.
        high_label: Text,
    },
    /// The instrument's five-point difficulty scale, coded 1 (not hard) to
    /// 5 (very hard).
    Difficulty,
    /// A number with a unit and an allowed range.
    Number {
        /// Unit shown beside the box for any number but one, e.g. "minutes"
        /// (and the unit of the codebook).
        unit: Text,
        /// Unit shown and said after exactly one, e.g. "minute"; without it
        /// `unit` is used for every number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit_singular: Option<Text>,
        /// Smallest allowed value (never negative: negatives are missing codes).
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// Step between allowed values; 1 means whole numbers.
        step: f64,
    },
    /// Free text up to a length.
    FreeText {
        /// Most characters allowed.
        max_length: u32,
    },
    /// Yes (1), no (0) or not sure (2), labelled by the instrument's scales.
    YesNoNotSure,
}

/// One choice of a choice item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Numeric code stored in records (never negative).
    pub code: i64,
    /// Label shown and read aloud.
    pub label: Text,
    /// Multiple choice only: an answer that goes on its own, such as "None
    /// of these". Picking it clears the others; picking another clears it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

/// What a high value of an item means for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better (e.g. more trust).
    HigherBetter,
    /// Higher is worse (e.g. more days using street heroin).
    HigherWorse,
    /// No better or worse (e.g. age band).
    #[default]
    Neutral,
}

/// A condition on earlier answers, e.g. `{"equals": {"variable": "b7_work", "value": 1}}`
/// or `{"all": [ ... ]}`. A condition on an item that is hidden, unanswered or
/// answered with a missing code is false (except through `not`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The answer equals the value (for multiple choice: the code is selected).
    Equals {
        /// Variable of an earlier item.
        variable: String,
        /// Code or number compared with.
        value: f64,
    },
    /// The answer is one of the values (multiple choice: any of them selected).
    OneOf {
        /// Variable of an earlier item.
        variable: String,
        /// Codes or numbers compared with.
        values: Vec<f64>,
    },
    /// The answer is greater than the value.
    GreaterThan {
        /// Variable of an earlier item.
        variable: String,
        /// Number compared with.
        value: f64,
    },
    /// The answer is less than the value.
    LessThan {
        /// Variable of an earlier item.
        variable: String,
        /// Number compared with.
        value: f64,
    },
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
}

// New fields are left out of the canonical form while they hold their
// default, so that adding them changed no earlier instrument's content hash.
fn is_false(value: &bool) -> bool {
    !*value
}

fn is_true(value: &bool) -> bool {
    *value
}

fn yes() -> bool {
    true
}
