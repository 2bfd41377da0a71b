//! What can be wrong with an instrument file, each said as a plain sentence.
//!
//! The readers are researchers editing a JSON file by hand, often without a
//! programmer nearby, so every message names the item (or section, or field)
//! and says what to do, rather than quoting a type name.

use super::texts::TextPlace;
use thiserror::Error;

/// Every problem found in an instrument, so that a researcher can fix them all
/// in one pass instead of meeting them one reload at a time.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}", one_per_line(.problems))]
pub struct InstrumentErrors {
    /// The problems, in the order they were found (file order where possible).
    pub problems: Vec<InstrumentProblem>,
}

fn one_per_line(problems: &[InstrumentProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One thing wrong with an instrument.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum InstrumentProblem {
    /// The file is not JSON at all (a missing comma, quote or bracket).
    #[error("The file is not valid JSON at line {line}, column {column}: {detail}. Look for a missing comma, quote or bracket near there.")]
    NotJson {
        /// Line of the mistake, from 1.
        line: usize,
        /// Column of the mistake, from 1.
        column: usize,
        /// What the JSON reader expected.
        detail: String,
    },
    /// The file stops in the middle of something.
    #[error("The file ends too early at line {line}, column {column}: a bracket or a quote is not closed.")]
    EndsEarly {
        /// Line where the file ends.
        line: usize,
        /// Column where the file ends.
        column: usize,
    },
    /// The file is JSON, but a field is missing, misspelled or of the wrong kind.
    #[error(
        "The file does not fit the instrument format at line {line}, column {column}: {detail}."
    )]
    WrongShape {
        /// Line of the mistake, from 1.
        line: usize,
        /// Column of the mistake, from 1.
        column: usize,
        /// What is wrong, in words.
        detail: String,
    },
    /// An item has a field the format does not know, most often a misspelling
    /// that would otherwise be silently ignored (e.g. `show_iff`).
    #[error("Item {variable}: it has a field \"{field}\" that the format does not know. Check its spelling, or remove it.")]
    UnknownItemField {
        /// The item.
        variable: String,
        /// The unknown field name.
        field: String,
    },
    /// A required top-level text or setting is blank.
    #[error("The instrument's {field} is blank. Fill it in.")]
    BlankField {
        /// Which field, e.g. `title` or `scales.dont_know`.
        field: String,
    },
    /// A standard scale has the wrong number of labels.
    #[error("{scale} has {found} labels. It must have exactly {expected}.")]
    ScaleLabelCount {
        /// Which scale, e.g. `scales.agreement`.
        scale: &'static str,
        /// How many labels it must have.
        expected: usize,
        /// How many it has.
        found: usize,
    },
    /// A label of a standard scale is blank.
    #[error("{scale}: label {position} is blank. Every point of the scale needs words.")]
    BlankScaleLabel {
        /// Which scale.
        scale: &'static str,
        /// Position of the label, from 1.
        position: usize,
    },
    /// A translated text lacks the instrument's own locale, which is the one
    /// shown when no other fits.
    #[error("{place}: it has no \"{locale}\" text. A translated text must include the instrument's own locale.")]
    MissingLocale {
        /// Where the text is (in English, e.g. `Item c3_listened, help`).
        place: TextPlace,
        /// The instrument's locale.
        locale: String,
    },
    /// An optional text is present but blank, which would show an empty box.
    #[error("{place}: it is blank. Write it, or remove it.")]
    BlankText {
        /// Where the text is (in English, e.g. `Section staff, intro`).
        place: TextPlace,
    },
    /// A domain has a blank code.
    #[error("Domain {position} has a blank code. Give it a short code such as C.")]
    BlankDomainCode {
        /// Position of the domain, from 1.
        position: usize,
    },
    /// A domain code that a score column cannot be named after: it is
    /// written into R, SPSS and Stata syntax, where anything else could be
    /// read as a command.
    #[error("Domain {domain:?}: its code must be an upper-case letter, then upper-case letters or digits, at most 8 characters (such as C or A1).")]
    BadDomainCode {
        /// The code as written.
        domain: String,
    },
    /// A domain has a blank name.
    #[error("Domain {domain}: its name is blank. Fill it in.")]
    BlankDomainName {
        /// The domain's code.
        domain: String,
    },
    /// Two domains share a code, so items could not say which they mean.
    #[error("Domain {domain} is declared more than once. Each domain code must be used once.")]
    DuplicateDomain {
        /// The repeated code.
        domain: String,
    },
    /// A scored domain that no item scores into would always be missing.
    #[error("Domain {domain} is scored, but no item scores into it. Add items, or mark it as not scored.")]
    ScoredDomainWithoutItems {
        /// The domain's code.
        domain: String,
    },
    /// A mean across a 1-5 and a 0-10 scale means nothing.
    #[error("Domain {domain} mixes items on different scales (such as {first_item} and {other_item}). A domain score must use one scale only.")]
    MixedScalesInDomain {
        /// The domain's code.
        domain: String,
        /// The first item scored in it.
        first_item: String,
        /// An item scored in it on another scale.
        other_item: String,
    },
    /// The instrument asks nothing.
    #[error("The instrument has no sections. Add at least one section with items.")]
    NoSections,
    /// A section has a blank id.
    #[error("Section {position} has a blank id. Give it a short id such as staff.")]
    BlankSectionId {
        /// Position of the section, from 1.
        position: usize,
    },
    /// Two sections share an id.
    #[error("Section {section} is declared more than once. Each section id must be used once.")]
    DuplicateSectionId {
        /// The repeated id.
        section: String,
    },
    /// A section has a blank title.
    #[error("Section {section}: its title is blank. Fill it in.")]
    BlankSectionTitle {
        /// The section's id.
        section: String,
    },
    /// A section has no items and would show an empty screen.
    #[error("Section {section} has no items. Add items, or remove the section.")]
    EmptySection {
        /// The section's id.
        section: String,
    },
    /// An item has a blank variable name, so its answers could not be stored.
    #[error("Section {section}, item {position}: its variable name is blank. Give it one such as c3_listened.")]
    BlankVariable {
        /// The section's id.
        section: String,
        /// Position of the item in its section, from 1.
        position: usize,
    },
    /// A variable name that statistics packages may refuse or mangle.
    #[error("Item {variable}: its variable name must start with a lowercase letter, use only lowercase letters, digits and _, and be at most 32 characters long.")]
    BadVariableName {
        /// The variable name as written.
        variable: String,
    },
    /// A multiple-choice option's column name (`<variable>_<code>`) is
    /// longer than 32 characters.
    #[error("Item {variable}: the column of one of its options, {column}, is longer than 32 characters. Use a shorter variable name or smaller codes.")]
    OptionColumnTooLong {
        /// The item.
        variable: String,
        /// The column name that is too long.
        column: String,
    },
    /// Two items share a variable name, so one answer would overwrite the other.
    #[error(
        "Item {variable}: this variable name is used more than once. Each item needs its own."
    )]
    DuplicateVariable {
        /// The repeated name.
        variable: String,
    },
    /// An item has no question text.
    #[error("Item {variable}: its text is blank. Write the question.")]
    BlankItemText {
        /// The item.
        variable: String,
    },
    /// A choice item without choices cannot be answered.
    #[error("Item {variable}: it has no choices. Add at least one.")]
    NoChoices {
        /// The item.
        variable: String,
    },
    /// Two choices share a code, so the data could not tell them apart.
    #[error("Item {variable}: code {code} is used by more than one choice. Each choice needs its own code.")]
    DuplicateChoiceCode {
        /// The item.
        variable: String,
        /// The repeated code.
        code: i64,
    },
    /// Negative codes are reserved for the missing codes -99 to -95.
    #[error("Item {variable}: choice code {code} is negative. Negative codes are kept for missing data (-99 to -95).")]
    NegativeChoiceCode {
        /// The item.
        variable: String,
        /// The negative code.
        code: i64,
    },
    /// A choice without words cannot be read or read aloud.
    #[error("Item {variable}: the choice with code {code} has a blank label. Write its words.")]
    BlankChoiceLabel {
        /// The item.
        variable: String,
        /// The choice's code.
        code: i64,
    },
    /// A number setting that is infinite or not a number.
    #[error("Item {variable}: its {field} is not a real number.")]
    NonFiniteNumber {
        /// The item.
        variable: String,
        /// Which setting: `min`, `max` or `step`.
        field: &'static str,
    },
    /// Negative values would clash with the missing codes.
    #[error("Item {variable}: its min is {min}. Numbers cannot go below 0, because negative values are kept for missing data.")]
    NegativeMin {
        /// The item.
        variable: String,
        /// The min as written.
        min: f64,
    },
    /// No value could ever be accepted.
    #[error("Item {variable}: its min ({min}) is bigger than its max ({max}).")]
    MinAboveMax {
        /// The item.
        variable: String,
        /// The min as written.
        min: f64,
        /// The max as written.
        max: f64,
    },
    /// A step of zero or less would never reach another value.
    #[error("Item {variable}: its step is {step}. The step must be more than 0 (1 means whole numbers).")]
    BadStep {
        /// The item.
        variable: String,
        /// The step as written.
        step: f64,
    },
    /// A text box that accepts nothing.
    #[error("Item {variable}: its max_length is 0, so nothing could be typed. Use a length of 1 or more.")]
    ZeroMaxLength {
        /// The item.
        variable: String,
    },
    /// A 0-10 scale must say what its ends mean.
    #[error(
        "Item {variable}: the {end} end label of its 0-10 scale is blank. Say what {value} means."
    )]
    BlankScaleEnd {
        /// The item.
        variable: String,
        /// `low` or `high`.
        end: &'static str,
        /// 0 or 10, to say which point the label describes.
        value: u8,
    },
    /// Missing codes are for coded answers; a text box can simply be left empty.
    #[error("Item {variable}: it is free text, so it cannot offer \"{option}\". A text box can be left empty.")]
    MissingCodeOnFreeText {
        /// The item.
        variable: String,
        /// `prefer not to say` or `don't know`.
        option: &'static str,
    },
    /// A condition names a variable no item has.
    #[error(
        "Item {variable}: its condition uses {uses}, which is not an item of this instrument."
    )]
    ConditionUnknownVariable {
        /// The item.
        variable: String,
        /// The unknown variable.
        uses: String,
    },
    /// An item cannot depend on its own answer: it would be hidden before it is asked.
    #[error("Item {variable}: its condition uses the item itself. A condition can only use earlier items.")]
    ConditionOnItself {
        /// The item.
        variable: String,
    },
    /// The answer to a later item is not known when the item is shown.
    #[error("Item {variable}: its condition uses {uses}, which comes after it. A condition can only use earlier items.")]
    ConditionOnLaterItem {
        /// The item.
        variable: String,
        /// The later variable.
        uses: String,
    },
    /// Free text has no value a condition could compare.
    #[error("Item {variable}: its condition uses {uses}, which is free text. A condition can only use items with coded or number answers.")]
    ConditionOnFreeText {
        /// The item.
        variable: String,
        /// The free-text variable.
        uses: String,
    },
    /// Comparing with a code the earlier item cannot take is always false.
    #[error("Item {variable}: its condition compares {uses} with {value}, which is not one of its codes. The item would never be shown this way.")]
    ConditionUnknownCode {
        /// The item.
        variable: String,
        /// The variable compared.
        uses: String,
        /// The value compared with.
        value: f64,
    },
    /// Multiple-choice answers have no single number to compare.
    #[error("Item {variable}: its condition uses greater_than or less_than on {uses}, which is multiple choice. Use equals or one_of instead.")]
    ConditionCompareMultipleChoice {
        /// The item.
        variable: String,
        /// The multiple-choice variable.
        uses: String,
    },
    /// An empty `all`, `any` or `one_of` is always true or always false.
    #[error("Item {variable}: its condition has an empty all, any or one_of list. Add what it should check, or remove it.")]
    EmptyCondition {
        /// The item.
        variable: String,
    },
    /// An item names a domain that is not declared.
    #[error("Item {variable}: its domain {domain} is not declared in the instrument's domains.")]
    UnknownDomain {
        /// The item.
        variable: String,
        /// The undeclared code.
        domain: String,
    },
    /// Only items on a scale have a value a mean can use.
    #[error("Item {variable}: it scores into domain {domain}, but only agreement, difficulty, 0-10 and 0-20 items can be part of a domain score. Give it \"in_score\": false to keep it in the domain without scoring it.")]
    ScoredItemNotScaled {
        /// The item.
        variable: String,
        /// The scored domain.
        domain: String,
    },
    /// Reversing is only defined on a scale with two ends.
    #[error("Item {variable}: it is reverse-keyed, but only agreement, difficulty, 0-10 and 0-20 items can be reversed.")]
    ReverseKeyedNotScaled {
        /// The item.
        variable: String,
    },
    /// Reverse keying only acts inside a domain score.
    #[error("Item {variable}: it is reverse-keyed, but it is not in a scored domain, so reversing has no effect.")]
    ReverseKeyedWithoutScore {
        /// The item.
        variable: String,
    },
    /// An item offers an option whose words the instrument's `scales` lack,
    /// or is on a scale the instrument does not define.
    #[error("Item {variable}: it needs {scale} in the instrument's scales. Add it there.")]
    MissingScale {
        /// The item.
        variable: String,
        /// The missing entry, e.g. `scales.difficulty`.
        scale: &'static str,
    },
    /// `exclusive` only means something where several choices can be picked.
    #[error("Item {variable}: the choice with code {code} is exclusive, but only multiple-choice items can have exclusive choices.")]
    ExclusiveNotMultiple {
        /// The item.
        variable: String,
        /// The exclusive choice's code.
        code: i64,
    },
    /// Every choice exclusive is a single choice written the long way.
    #[error("Item {variable}: every choice is exclusive, so only one can ever be picked. Make it a single_choice item instead.")]
    EveryChoiceExclusive {
        /// The item.
        variable: String,
    },
    /// A group with a blank or badly formed id.
    #[error("Section {section}: group {position} needs an id of lowercase letters, digits and _, such as b_hard.")]
    BadGroupId {
        /// The section.
        section: String,
        /// Position of the group in its section, from 1.
        position: usize,
    },
    /// Two groups share an id.
    #[error("Group {group} is declared more than once. Each group id must be used once.")]
    DuplicateGroup {
        /// The repeated id.
        group: String,
    },
    /// A group's screen would have no heading.
    #[error("Group {group}: its heading is blank. Write what the screen asks.")]
    BlankGroupHeading {
        /// The group.
        group: String,
    },
    /// An item names a group its section does not declare.
    #[error("Item {variable}: its group {group} is not declared in its section's groups.")]
    UnknownGroup {
        /// The item.
        variable: String,
        /// The undeclared group.
        group: String,
    },
    /// A group's items must follow each other to share one screen.
    #[error("Group {group}: its items are not next to each other (item {variable} comes after another item). Put the items of a group together.")]
    GroupNotTogether {
        /// The group.
        group: String,
        /// The first item out of place.
        variable: String,
    },
    /// A declared group no item uses.
    #[error("Group {group} has no items. Give items \"group\": \"{group}\", or remove it.")]
    EmptyGroup {
        /// The group.
        group: String,
    },
    /// Items of one screen are shown at once, so none can wait for another's answer.
    #[error("Item {variable}: its condition uses {uses}, which is on the same screen (group {group}). A condition can only use items of earlier screens.")]
    ConditionWithinGroup {
        /// The item.
        variable: String,
        /// The item of the same group it reads.
        uses: String,
        /// The group.
        group: String,
    },
}
