//! What is wrong with a questionnaire, or with storing or using one, in
//! words.

use crate::instrument::load::{InstrumentErrors, InstrumentProblem};
use crate::instrument::texts::{ItemText, TextPlace};
use crate::messages::Messages;
use crate::storage::instruments::{SaveError, StoredProblem};

impl SaveError {
    /// Why the questionnaire was not stored, in the language of `m`. A
    /// file that is not text is said as the questionnaire panels say it;
    /// an invalid one lists its problems one per line.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            SaveError::NotText => m.get("researcher.instrument_not_text").to_owned(),
            SaveError::Invalid(errors) => errors.in_words(m),
            SaveError::Store(e) => e.in_words(m),
        }
    }
}

impl StoredProblem {
    /// Why the chosen questionnaire cannot be used, in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            StoredProblem::Store(e) => {
                m.fill("stored_problem.store", &[("problem", &e.in_words(m))])
            }
            StoredProblem::Damaged(detail) => {
                m.fill("stored_problem.damaged", &[("detail", detail)])
            }
            StoredProblem::Missing(id) => m.fill("stored_problem.missing", &[("id", id)]),
            StoredProblem::NoLongerValid(errors) => m.fill(
                "stored_problem.no_longer_valid",
                &[("problems", &errors.in_words(m))],
            ),
            StoredProblem::HashChanged(detail) => {
                m.fill("stored_problem.hash_changed", &[("detail", detail)])
            }
        }
    }
}

impl InstrumentErrors {
    /// Every problem in the language of `m`, one per line.
    pub fn in_words(&self, m: &Messages) -> String {
        self.problems
            .iter()
            .map(|p| p.in_words(m))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl InstrumentProblem {
    /// The problem in the language of `m`. What names a place in the file
    /// (a variable, a section, a field, a JSON reader's words) stays as
    /// written there.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            InstrumentProblem::NotJson {
                line,
                column,
                detail,
            } => m.fill(
                "instrument_problem.not_json",
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("detail", detail),
                ],
            ),
            InstrumentProblem::EndsEarly { line, column } => m.fill(
                "instrument_problem.ends_early",
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            InstrumentProblem::WrongShape {
                line,
                column,
                detail,
            } => m.fill(
                "instrument_problem.wrong_shape",
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("detail", detail),
                ],
            ),
            InstrumentProblem::UnknownItemField { variable, field } => m.fill(
                "instrument_problem.unknown_item_field",
                &[("variable", variable), ("field", field)],
            ),
            InstrumentProblem::BlankField { field } => {
                m.fill("instrument_problem.blank_field", &[("field", field)])
            }
            InstrumentProblem::ScaleLabelCount {
                scale,
                expected,
                found,
            } => m.fill(
                "instrument_problem.scale_label_count",
                &[
                    ("scale", scale),
                    ("expected", &expected.to_string()),
                    ("found", &found.to_string()),
                ],
            ),
            InstrumentProblem::BlankScaleLabel { scale, position } => m.fill(
                "instrument_problem.blank_scale_label",
                &[("scale", scale), ("position", &position.to_string())],
            ),
            InstrumentProblem::MissingLocale { place, locale } => m.fill(
                "instrument_problem.missing_locale",
                &[("place", &place.in_words(m)), ("locale", locale)],
            ),
            InstrumentProblem::BlankText { place } => m.fill(
                "instrument_problem.blank_text",
                &[("place", &place.in_words(m))],
            ),
            InstrumentProblem::BlankDomainCode { position } => m.fill(
                "instrument_problem.blank_domain_code",
                &[("position", &position.to_string())],
            ),
            InstrumentProblem::BadDomainCode { domain } => m.fill(
                "instrument_problem.bad_domain_code",
                &[("domain", &format!("{domain:?}"))],
            ),
            InstrumentProblem::BlankDomainName { domain } => m.fill(
                "instrument_problem.blank_domain_name",
                &[("domain", domain)],
            ),
            InstrumentProblem::DuplicateDomain { domain } => {
                m.fill("instrument_problem.duplicate_domain", &[("domain", domain)])
            }
            InstrumentProblem::ScoredDomainWithoutItems { domain } => m.fill(
                "instrument_problem.scored_domain_without_items",
                &[("domain", domain)],
            ),
            InstrumentProblem::MixedScalesInDomain {
                domain,
                first_item,
                other_item,
            } => m.fill(
                "instrument_problem.mixed_scales_in_domain",
                &[
                    ("domain", domain),
                    ("first_item", first_item),
                    ("other_item", other_item),
                ],
            ),
            InstrumentProblem::NoSections => m.get("instrument_problem.no_sections").to_owned(),
            InstrumentProblem::BlankSectionId { position } => m.fill(
                "instrument_problem.blank_section_id",
                &[("position", &position.to_string())],
            ),
            InstrumentProblem::DuplicateSectionId { section } => m.fill(
                "instrument_problem.duplicate_section_id",
                &[("section", section)],
            ),
            InstrumentProblem::BlankSectionTitle { section } => m.fill(
                "instrument_problem.blank_section_title",
                &[("section", section)],
            ),
            InstrumentProblem::EmptySection { section } => {
                m.fill("instrument_problem.empty_section", &[("section", section)])
            }
            InstrumentProblem::BlankVariable { section, position } => m.fill(
                "instrument_problem.blank_variable",
                &[("section", section), ("position", &position.to_string())],
            ),
            InstrumentProblem::BadVariableName { variable } => m.fill(
                "instrument_problem.bad_variable_name",
                &[("variable", variable)],
            ),
            InstrumentProblem::OptionColumnTooLong { variable, column } => m.fill(
                "instrument_problem.option_column_too_long",
                &[("variable", variable), ("column", column)],
            ),
            InstrumentProblem::DuplicateVariable { variable } => m.fill(
                "instrument_problem.duplicate_variable",
                &[("variable", variable)],
            ),
            InstrumentProblem::BlankItemText { variable } => m.fill(
                "instrument_problem.blank_item_text",
                &[("variable", variable)],
            ),
            InstrumentProblem::NoChoices { variable } => {
                m.fill("instrument_problem.no_choices", &[("variable", variable)])
            }
            InstrumentProblem::DuplicateChoiceCode { variable, code } => m.fill(
                "instrument_problem.duplicate_choice_code",
                &[("variable", variable), ("code", &code.to_string())],
            ),
            InstrumentProblem::NegativeChoiceCode { variable, code } => m.fill(
                "instrument_problem.negative_choice_code",
                &[("variable", variable), ("code", &code.to_string())],
            ),
            InstrumentProblem::BlankChoiceLabel { variable, code } => m.fill(
                "instrument_problem.blank_choice_label",
                &[("variable", variable), ("code", &code.to_string())],
            ),
            InstrumentProblem::NonFiniteNumber { variable, field } => m.fill(
                "instrument_problem.non_finite_number",
                &[("variable", variable), ("field", field)],
            ),
            InstrumentProblem::NegativeMin { variable, min } => m.fill(
                "instrument_problem.negative_min",
                &[("variable", variable), ("min", &min.to_string())],
            ),
            InstrumentProblem::MinAboveMax { variable, min, max } => m.fill(
                "instrument_problem.min_above_max",
                &[
                    ("variable", variable),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            InstrumentProblem::BadStep { variable, step } => m.fill(
                "instrument_problem.bad_step",
                &[("variable", variable), ("step", &step.to_string())],
            ),
            InstrumentProblem::ZeroMaxLength { variable } => m.fill(
                "instrument_problem.zero_max_length",
                &[("variable", variable)],
            ),
            InstrumentProblem::BlankScaleEnd {
                variable,
                end,
                value,
            } => m.fill(
                "instrument_problem.blank_scale_end",
                &[
                    ("variable", variable),
                    ("end", end_words(end, m)),
                    ("value", &value.to_string()),
                ],
            ),
            InstrumentProblem::MissingCodeOnFreeText { variable, option } => m.fill(
                "instrument_problem.missing_code_on_free_text",
                &[("variable", variable), ("option", option_words(option, m))],
            ),
            InstrumentProblem::ConditionUnknownVariable { variable, uses } => m.fill(
                "instrument_problem.condition_unknown_variable",
                &[("variable", variable), ("uses", uses)],
            ),
            InstrumentProblem::ConditionOnItself { variable } => m.fill(
                "instrument_problem.condition_on_itself",
                &[("variable", variable)],
            ),
            InstrumentProblem::ConditionOnLaterItem { variable, uses } => m.fill(
                "instrument_problem.condition_on_later_item",
                &[("variable", variable), ("uses", uses)],
            ),
            InstrumentProblem::ConditionOnFreeText { variable, uses } => m.fill(
                "instrument_problem.condition_on_free_text",
                &[("variable", variable), ("uses", uses)],
            ),
            InstrumentProblem::ConditionUnknownCode {
                variable,
                uses,
                value,
            } => m.fill(
                "instrument_problem.condition_unknown_code",
                &[
                    ("variable", variable),
                    ("uses", uses),
                    ("value", &value.to_string()),
                ],
            ),
            InstrumentProblem::ConditionCompareMultipleChoice { variable, uses } => m.fill(
                "instrument_problem.condition_compare_multiple_choice",
                &[("variable", variable), ("uses", uses)],
            ),
            InstrumentProblem::EmptyCondition { variable } => m.fill(
                "instrument_problem.empty_condition",
                &[("variable", variable)],
            ),
            InstrumentProblem::UnknownDomain { variable, domain } => m.fill(
                "instrument_problem.unknown_domain",
                &[("variable", variable), ("domain", domain)],
            ),
            InstrumentProblem::ScoredItemNotScaled { variable, domain } => m.fill(
                "instrument_problem.scored_item_not_scaled",
                &[("variable", variable), ("domain", domain)],
            ),
            InstrumentProblem::ReverseKeyedNotScaled { variable } => m.fill(
                "instrument_problem.reverse_keyed_not_scaled",
                &[("variable", variable)],
            ),
            InstrumentProblem::ReverseKeyedWithoutScore { variable } => m.fill(
                "instrument_problem.reverse_keyed_without_score",
                &[("variable", variable)],
            ),
            InstrumentProblem::MissingScale { variable, scale } => m.fill(
                "instrument_problem.missing_scale",
                &[("variable", variable), ("scale", scale)],
            ),
            InstrumentProblem::ExclusiveNotMultiple { variable, code } => m.fill(
                "instrument_problem.exclusive_not_multiple",
                &[("variable", variable), ("code", &code.to_string())],
            ),
            InstrumentProblem::EveryChoiceExclusive { variable } => m.fill(
                "instrument_problem.every_choice_exclusive",
                &[("variable", variable)],
            ),
            InstrumentProblem::BadGroupId { section, position } => m.fill(
                "instrument_problem.bad_group_id",
                &[("section", section), ("position", &position.to_string())],
            ),
            InstrumentProblem::DuplicateGroup { group } => {
                m.fill("instrument_problem.duplicate_group", &[("group", group)])
            }
            InstrumentProblem::BlankGroupHeading { group } => m.fill(
                "instrument_problem.blank_group_heading",
                &[("group", group)],
            ),
            InstrumentProblem::UnknownGroup { variable, group } => m.fill(
                "instrument_problem.unknown_group",
                &[("variable", variable), ("group", group)],
            ),
            InstrumentProblem::GroupNotTogether { group, variable } => m.fill(
                "instrument_problem.group_not_together",
                &[("group", group), ("variable", variable)],
            ),
            InstrumentProblem::EmptyGroup { group } => {
                m.fill("instrument_problem.empty_group", &[("group", group)])
            }
            InstrumentProblem::ConditionWithinGroup {
                variable,
                uses,
                group,
            } => m.fill(
                "instrument_problem.condition_within_group",
                &[("variable", variable), ("uses", uses), ("group", group)],
            ),
        }
    }
}

impl TextPlace {
    /// Where the text stands, in the language of `m`; the file's own names
    /// (variable, id, code, field) stay as written.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            TextPlace::Title => m.get("text_place.title").to_owned(),
            TextPlace::Information => m.get("text_place.information").to_owned(),
            TextPlace::Consent => m.get("text_place.consent").to_owned(),
            TextPlace::ScaleAnswer(name) => m.fill("text_place.scale_answer", &[("name", name)]),
            TextPlace::ScaleLabel(name, n) => m.fill(
                "text_place.scale_label",
                &[("name", name), ("n", &n.to_string())],
            ),
            TextPlace::DomainName(code) => m.fill("text_place.domain_name", &[("code", code)]),
            TextPlace::SectionTitle(id) => m.fill("text_place.section_title", &[("id", id)]),
            TextPlace::SectionIntro(id) => m.fill("text_place.section_intro", &[("id", id)]),
            TextPlace::GroupHeading(id) => m.fill("text_place.group_heading", &[("id", id)]),
            TextPlace::Item(variable, text) => {
                let (key, number) = match text {
                    ItemText::Text => ("text_place.item_text", String::new()),
                    ItemText::Help => ("text_place.item_help", String::new()),
                    ItemText::GlossaryTerm(n) => ("text_place.item_glossary_term", n.to_string()),
                    ItemText::GlossaryExplanation(n) => {
                        ("text_place.item_glossary_explanation", n.to_string())
                    }
                    ItemText::Choice(code) => ("text_place.item_choice", code.to_string()),
                    ItemText::LowLabel => ("text_place.item_low_label", String::new()),
                    ItemText::HighLabel => ("text_place.item_high_label", String::new()),
                    ItemText::Unit => ("text_place.item_unit", String::new()),
                    ItemText::UnitSingular => ("text_place.item_unit_singular", String::new()),
                };
                m.fill(key, &[("variable", variable), ("n", &number)])
            }
        }
    }
}

/// Which end of a 0-10 scale (`low` or `high`), in words.
fn end_words<'a>(end: &'a str, m: &'a Messages) -> &'a str {
    match end {
        "low" => m.get("instrument_problem.end_low"),
        "high" => m.get("instrument_problem.end_high"),
        other => other,
    }
}

/// Which missing-data option a free-text item may not offer, in words.
fn option_words<'a>(option: &'a str, m: &'a Messages) -> &'a str {
    match option {
        "prefer not to say" => m.get("instrument_problem.prefer_not_to_say"),
        "don't know" => m.get("instrument_problem.dont_know"),
        other => other,
    }
}
