//! Checks of screen groups: items shown together on one screen.

use super::P;
use crate::condition::variables;
use crate::ident::is_identifier;
use crate::instrument::{Condition, Instrument, Item};
use std::collections::HashSet;

/// Pushes the problems of every section's groups and of the items that name them.
pub(super) fn check_groups(instrument: &Instrument, out: &mut Vec<P>) {
    let mut seen = HashSet::new();
    for section in &instrument.sections {
        for (i, group) in section.groups.iter().enumerate() {
            if !is_identifier(&group.id) {
                out.push(P::BadGroupId {
                    section: section.id.clone(),
                    position: i + 1,
                });
                continue;
            }
            if !seen.insert(group.id.as_str()) {
                out.push(P::DuplicateGroup {
                    group: group.id.clone(),
                });
            }
            if group.heading.is_blank() {
                out.push(P::BlankGroupHeading {
                    group: group.id.clone(),
                });
            }
            if !section
                .items
                .iter()
                .any(|item| item.group.as_deref() == Some(group.id.as_str()))
            {
                out.push(P::EmptyGroup {
                    group: group.id.clone(),
                });
            }
        }
        // A group's items must follow each other: once another item has
        // come between, the group is closed.
        let mut closed: HashSet<&str> = HashSet::new();
        let mut current: Option<&str> = None;
        for item in &section.items {
            let group = item.group.as_deref();
            if let Some(id) = group {
                if !section.groups.iter().any(|g| g.id == id) {
                    out.push(P::UnknownGroup {
                        variable: item.variable.clone(),
                        group: id.to_owned(),
                    });
                } else if current != Some(id) && closed.contains(id) {
                    out.push(P::GroupNotTogether {
                        group: id.to_owned(),
                        variable: item.variable.clone(),
                    });
                }
            }
            if current != group {
                if let Some(before) = current {
                    closed.insert(before);
                }
                current = group;
            }
        }
    }
}

/// Pushes a problem when `item`'s condition reads an item of its own group:
/// a screen is shown whole, so nothing on it can wait for another answer on it.
pub(super) fn check_condition_in_group(
    instrument: &Instrument,
    item: &Item,
    condition: &Condition,
    out: &mut Vec<P>,
) {
    let Some(group) = item.group.as_deref() else {
        return;
    };
    let Some(section) = instrument.section_of(&item.variable) else {
        return;
    };
    for uses in variables(condition) {
        let same = section
            .items
            .iter()
            .any(|i| i.variable == uses && i.group.as_deref() == Some(group));
        if same && uses != item.variable {
            out.push(P::ConditionWithinGroup {
                variable: item.variable.clone(),
                uses: uses.to_owned(),
                group: group.to_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::instrument::check::tests::{expect, problems_of, with_sections};
    use crate::instrument::problem::InstrumentProblem as P;

    /// One section with these groups (a JSON list) and items.
    fn section(groups: &str, items: &str) -> String {
        let sections = format!(
            r#"[{{"id": "s1", "title": "Section one", "groups": {groups}, "items": [{items}]}}]"#
        );
        with_sections("[]", &sections)
    }

    fn agree(variable: &str, group: &str) -> String {
        format!(
            r#"{{"variable": "{variable}", "text": "A question?", "type": "agreement", "group": "{group}"}}"#
        )
    }

    const ALONE: &str = r#"{"variable": "x9_alone", "text": "Alone?", "type": "agreement"}"#;
    const HARD: &str = r#"[{"id": "g_hard", "heading": "How hard is it?"}]"#;

    #[test]
    fn a_group_of_items_next_to_each_other_is_fine() {
        let json = section(
            HARD,
            &format!(
                "{}, {}, {ALONE}",
                agree("a1_x", "g_hard"),
                agree("a2_y", "g_hard")
            ),
        );
        assert_eq!(problems_of(&json), vec![]);
    }

    #[test]
    fn bad_and_duplicate_group_ids() {
        let groups = r#"[{"id": "G 1", "heading": "H"}, {"id": "g_two", "heading": "H"},
                         {"id": "g_two", "heading": "H"}]"#;
        let json = section(groups, &agree("a1_x", "g_two"));
        expect(
            &json,
            P::BadGroupId {
                section: "s1".into(),
                position: 1,
            },
            "Section s1: group 1",
        );
        expect(
            &json,
            P::DuplicateGroup {
                group: "g_two".into(),
            },
            "Group g_two",
        );
    }

    #[test]
    fn blank_heading_and_empty_group() {
        let json = section(r#"[{"id": "g_blank", "heading": " "}]"#, ALONE);
        expect(
            &json,
            P::BlankGroupHeading {
                group: "g_blank".into(),
            },
            "Group g_blank: its heading",
        );
        expect(
            &json,
            P::EmptyGroup {
                group: "g_blank".into(),
            },
            "Group g_blank has no items",
        );
    }

    #[test]
    fn unknown_group() {
        let json = section(
            HARD,
            &format!("{}, {}", agree("a1_x", "g_hard"), agree("a2_y", "g_soft")),
        );
        expect(
            &json,
            P::UnknownGroup {
                variable: "a2_y".into(),
                group: "g_soft".into(),
            },
            "Item a2_y: its group g_soft",
        );
    }

    #[test]
    fn items_of_a_group_must_be_together() {
        let json = section(
            HARD,
            &format!(
                "{}, {ALONE}, {}",
                agree("a1_x", "g_hard"),
                agree("a2_y", "g_hard")
            ),
        );
        expect(
            &json,
            P::GroupNotTogether {
                group: "g_hard".into(),
                variable: "a2_y".into(),
            },
            "Group g_hard: its items are not next to each other",
        );
    }

    #[test]
    fn a_condition_cannot_read_its_own_screen() {
        let shown_if = r#"{"variable": "a2_y", "text": "Then?", "type": "agreement", "group": "g_hard",
            "show_if": {"equals": {"variable": "a1_x", "value": 5}}}"#;
        let json = section(HARD, &format!("{}, {shown_if}", agree("a1_x", "g_hard")));
        expect(
            &json,
            P::ConditionWithinGroup {
                variable: "a2_y".into(),
                uses: "a1_x".into(),
                group: "g_hard".into(),
            },
            "same screen",
        );
        // Reading an item of an earlier screen is fine.
        let earlier = r#"{"variable": "a2_y", "text": "Then?", "type": "agreement", "group": "g_hard",
            "show_if": {"equals": {"variable": "x0_first", "value": 5}}}"#;
        let first = r#"{"variable": "x0_first", "text": "First?", "type": "agreement"}"#;
        let json = section(
            HARD,
            &format!("{first}, {}, {earlier}", agree("a1_x", "g_hard")),
        );
        assert_eq!(problems_of(&json), vec![]);
    }
}
