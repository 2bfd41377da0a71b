//! The checks an instrument must pass before anyone is asked a question.
//!
//! Each check pushes a problem and carries on, so that a researcher sees every
//! mistake at once. Nothing here panics, whatever the instrument holds: the
//! input is a hand-edited file.

mod condition;
mod domain;
mod group;
mod item;
mod locale;

use super::problem::InstrumentProblem as P;
use super::texts::TextPlace;
use super::{Domain, Instrument, Item, ItemKind, Scales, FIVE_POINT_CODES, YES_NO_NOT_SURE_CODES};
use crate::export::columns::{option_codes, option_column};
use crate::ident::is_identifier;
use crate::text::Text;
use crate::visibility::all_items;
use std::collections::{HashMap, HashSet};

/// Every problem of an already-parsed instrument, in file order where possible.
pub fn check_instrument(instrument: &Instrument) -> Vec<P> {
    let mut out = Vec::new();
    let items: Vec<&Item> = all_items(instrument).collect();
    check_header(instrument, &mut out);
    check_domains(&instrument.domains, &mut out);
    check_sections(instrument, &mut out);
    group::check_groups(instrument, &mut out);
    check_variables(&items, &mut out);
    let mut first_index: HashMap<&str, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        first_index.entry(item.variable.as_str()).or_insert(i);
    }
    for (index, item) in items.iter().enumerate() {
        item::check_item(item, &mut out);
        check_scales_needed(&instrument.scales, item, &mut out);
        if let Some(condition) = &item.show_if {
            condition::check_condition(&items, &first_index, index, condition, &mut out);
            group::check_condition_in_group(instrument, item, condition, &mut out);
        }
    }
    domain::check_scoring(&instrument.domains, &items, &mut out);
    locale::check_locales(instrument, &mut out);
    out
}

fn check_header(ins: &Instrument, out: &mut Vec<P>) {
    let plain = [
        ("id", &ins.id),
        ("version", &ins.version),
        ("locale", &ins.locale),
    ];
    for (field, value) in plain {
        if value.trim().is_empty() {
            out.push(P::BlankField {
                field: field.into(),
            });
        }
    }
    let texts = [
        ("title", Some(&ins.title)),
        ("information", Some(&ins.information)),
        ("consent", Some(&ins.consent)),
        (
            "scales.prefer_not_to_say",
            Some(&ins.scales.prefer_not_to_say),
        ),
        ("scales.dont_know", Some(&ins.scales.dont_know)),
        ("scales.does_not_apply", ins.scales.does_not_apply.as_ref()),
    ];
    for (field, text) in texts {
        if text.is_some_and(Text::is_blank) {
            out.push(P::BlankField {
                field: field.into(),
            });
        }
    }
    let mut scales = vec![
        (
            "scales.agreement",
            &ins.scales.agreement,
            FIVE_POINT_CODES.len(),
        ),
        (
            "scales.yes_no_not_sure",
            &ins.scales.yes_no_not_sure,
            YES_NO_NOT_SURE_CODES.len(),
        ),
    ];
    if let Some(difficulty) = &ins.scales.difficulty {
        scales.push(("scales.difficulty", difficulty, FIVE_POINT_CODES.len()));
    }
    for (scale, labels, expected) in scales {
        if labels.len() != expected {
            out.push(P::ScaleLabelCount {
                scale,
                expected,
                found: labels.len(),
            });
        }
        for (i, label) in labels.iter().enumerate() {
            if label.is_blank() {
                out.push(P::BlankScaleLabel {
                    scale,
                    position: i + 1,
                });
            }
        }
    }
}

/// An item offering "does not apply", or on the difficulty scale, needs
/// the words of that option or scale in the instrument's `scales`.
fn check_scales_needed(scales: &Scales, item: &Item, out: &mut Vec<P>) {
    let needs = [
        (
            item.does_not_apply && scales.does_not_apply.is_none(),
            "scales.does_not_apply",
        ),
        (
            matches!(item.kind, ItemKind::Difficulty) && scales.difficulty.is_none(),
            "scales.difficulty",
        ),
    ];
    for (_, scale) in needs.iter().filter(|(missing, _)| *missing) {
        out.push(P::MissingScale {
            variable: item.variable.clone(),
            scale,
        });
    }
}

fn check_domains(domains: &[Domain], out: &mut Vec<P>) {
    let mut seen = HashSet::new();
    for (i, domain) in domains.iter().enumerate() {
        if domain.code.trim().is_empty() {
            out.push(P::BlankDomainCode { position: i + 1 });
            continue;
        }
        if !crate::ident::is_domain_code(&domain.code) {
            out.push(P::BadDomainCode {
                domain: domain.code.clone(),
            });
        }
        if !seen.insert(domain.code.as_str()) {
            out.push(P::DuplicateDomain {
                domain: domain.code.clone(),
            });
        }
        if domain.name.is_blank() {
            out.push(P::BlankDomainName {
                domain: domain.code.clone(),
            });
        }
    }
}

fn check_sections(ins: &Instrument, out: &mut Vec<P>) {
    if ins.sections.is_empty() {
        out.push(P::NoSections);
    }
    let mut seen = HashSet::new();
    for (i, section) in ins.sections.iter().enumerate() {
        let id = section.id.clone();
        if id.trim().is_empty() {
            out.push(P::BlankSectionId { position: i + 1 });
        } else if !seen.insert(section.id.as_str()) {
            out.push(P::DuplicateSectionId {
                section: id.clone(),
            });
        }
        if section.title.is_blank() {
            out.push(P::BlankSectionTitle {
                section: id.clone(),
            });
        }
        if section.intro.as_ref().is_some_and(Text::is_blank) {
            out.push(P::BlankText {
                place: TextPlace::SectionIntro(id.clone()),
            });
        }
        if section.items.is_empty() {
            out.push(P::EmptySection {
                section: id.clone(),
            });
        }
        for (j, item) in section.items.iter().enumerate() {
            if item.variable.trim().is_empty() {
                out.push(P::BlankVariable {
                    section: id.clone(),
                    position: j + 1,
                });
            }
        }
    }
}

fn check_variables(items: &[&Item], out: &mut Vec<P>) {
    let mut seen = HashSet::new();
    for item in items {
        let variable = &item.variable;
        if variable.trim().is_empty() {
            continue; // reported with its section, which is all that names it
        }
        if !is_identifier(variable) {
            out.push(P::BadVariableName {
                variable: variable.clone(),
            });
        } else if let Some(codes) = option_codes(item) {
            // Each option is a column `<variable>_<code>` of the wide table,
            // named in syntax files, so it must be an identifier too.
            for code in codes.into_iter().filter(|c| *c >= 0) {
                let column = option_column(variable, code);
                if !is_identifier(&column) {
                    out.push(P::OptionColumnTooLong {
                        variable: variable.clone(),
                        column,
                    });
                }
            }
        }
        if !seen.insert(variable.as_str()) {
            out.push(P::DuplicateVariable {
                variable: variable.clone(),
            });
        }
    }
}

#[cfg(test)]
pub(super) mod tests;
