//! Checks of domains and the items that score into them.

use super::P;
use crate::instrument::{Domain, Item, ItemKind};
use std::collections::HashMap;

/// Which scale an item's value is on, when it can enter a domain mean or be
/// reversed; `None` for formats without an ordered scale.
fn scale_of(kind: &ItemKind) -> Option<&'static str> {
    match kind {
        ItemKind::Agreement => Some("agreement"),
        ItemKind::Difficulty => Some("difficulty"),
        ItemKind::Scale010 { .. } => Some("scale_010"),
        ItemKind::Scale020 { .. } => Some("scale_020"),
        _ => None,
    }
}

/// Whether the item takes part in its domain's score (its domain is scored
/// and the item does not opt out with `"in_score": false`).
fn in_score(item: &Item, declared: &HashMap<&str, bool>) -> bool {
    item.in_score
        && item
            .domain
            .as_deref()
            .is_some_and(|d| declared.get(d).copied().unwrap_or(false))
}

/// Pushes the problems of item domains, reverse keying and scored domains.
pub(super) fn check_scoring(domains: &[Domain], items: &[&Item], out: &mut Vec<P>) {
    let declared: HashMap<&str, bool> = domains
        .iter()
        .map(|d| (d.code.as_str(), d.scored))
        .collect();
    for item in items {
        let variable = item.variable.clone();
        if let Some(domain) = item.domain.as_deref() {
            if !declared.contains_key(domain) {
                out.push(P::UnknownDomain {
                    variable,
                    domain: domain.into(),
                });
                continue;
            }
        }
        let scored = in_score(item, &declared);
        let scaled = scale_of(&item.kind).is_some();
        if scored && !scaled {
            let domain = item.domain.clone().unwrap_or_default();
            out.push(P::ScoredItemNotScaled { variable, domain });
        } else if item.reverse_keyed && !scaled {
            out.push(P::ReverseKeyedNotScaled { variable });
        } else if item.reverse_keyed && !scored {
            out.push(P::ReverseKeyedWithoutScore { variable });
        }
    }
    for domain in domains
        .iter()
        .filter(|d| d.scored && !d.code.trim().is_empty())
    {
        let members: Vec<&&Item> = items
            .iter()
            .filter(|i| i.domain.as_deref() == Some(domain.code.as_str()) && i.in_score)
            .collect();
        let scaled: Vec<(&str, &str)> = members
            .iter()
            .filter_map(|i| Some((i.variable.as_str(), scale_of(&i.kind)?)))
            .collect();
        if members.is_empty() {
            out.push(P::ScoredDomainWithoutItems {
                domain: domain.code.clone(),
            });
        } else if let Some((first_item, first_scale)) = scaled.first() {
            if let Some((other_item, _)) = scaled.iter().find(|(_, s)| s != first_scale) {
                out.push(P::MixedScalesInDomain {
                    domain: domain.code.clone(),
                    first_item: (*first_item).to_owned(),
                    other_item: (*other_item).to_owned(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::instrument::check::tests::{expect, item, problems_of, with_domains, OK};
    use crate::instrument::problem::InstrumentProblem as P;

    const DOMAINS: &str =
        r#"[{"code": "B", "name": "Burden"}, {"code": "C", "name": "Staff", "scored": true}]"#;

    fn one(variable: &str, rest: &str) -> String {
        let anchor = item("c9_anchor", r#""type": "agreement", "domain": "C""#);
        with_domains(DOMAINS, &format!("{anchor}, {}", item(variable, rest)))
    }

    #[test]
    fn unknown_domain() {
        let json = one("a1_q", r#""type": "agreement", "domain": "Q""#);
        let problem = P::UnknownDomain {
            variable: "a1_q".into(),
            domain: "Q".into(),
        };
        expect(&json, problem, "Item a1_q: its domain Q");
        assert_eq!(problems_of(&json).len(), 1);
    }

    #[test]
    fn scored_item_not_scaled() {
        let json = one(
            "b1_visits",
            r#""type": "yes_no_not_sure", "domain": "C", "reverse_keyed": true"#,
        );
        let problem = P::ScoredItemNotScaled {
            variable: "b1_visits".into(),
            domain: "C".into(),
        };
        expect(&json, problem, "Item b1_visits");
        assert_eq!(problems_of(&json).len(), 1, "not also reported as reversed");
    }

    #[test]
    fn reverse_keyed_not_scaled() {
        let rest = r#""type": "number", "unit": "days", "min": 0, "max": 28, "step": 1, "reverse_keyed": true"#;
        let problem = P::ReverseKeyedNotScaled {
            variable: "b2_rev".into(),
        };
        expect(&one("b2_rev", rest), problem, "Item b2_rev");
    }

    #[test]
    fn reverse_keyed_without_score() {
        let json = one(
            "b3_rev",
            r#""type": "agreement", "domain": "B", "reverse_keyed": true"#,
        );
        let problem = P::ReverseKeyedWithoutScore {
            variable: "b3_rev".into(),
        };
        expect(&json, problem, "Item b3_rev");
        let json = one(
            "c1_rev",
            r#""type": "agreement", "domain": "C", "reverse_keyed": true"#,
        );
        assert_eq!(
            problems_of(&json),
            vec![],
            "reversed within a scored domain is fine"
        );
    }

    #[test]
    fn scored_domain_without_items() {
        let json = with_domains(r#"[{"code": "D", "name": "Rules", "scored": true}]"#, OK);
        let problem = P::ScoredDomainWithoutItems { domain: "D".into() };
        expect(
            &json,
            problem,
            "Domain D is scored, but no item scores into it.",
        );
    }

    #[test]
    fn mixed_scales_in_domain() {
        // C's anchor is an agreement item: either number scale mixes with it.
        for (variable, scale, needle) in [
            ("c2_sat", "scale_010", "c2_sat"),
            ("c3_top", "scale_020", "different scales"),
        ] {
            let rest = format!(
                r#""type": "{scale}", "low_label": "Bad", "high_label": "Good", "domain": "C""#
            );
            let problem = P::MixedScalesInDomain {
                domain: "C".into(),
                first_item: "c9_anchor".into(),
                other_item: variable.into(),
            };
            expect(&one(variable, &rest), problem, needle);
        }
    }

    #[test]
    fn an_item_kept_out_of_the_score_may_be_of_any_format() {
        let rest = r#""type": "number", "unit": "visits", "min": 0, "max": 4, "step": 1,
            "domain": "C", "in_score": false"#;
        assert_eq!(problems_of(&one("c1_visits", rest)), vec![]);
        // Reversing an item kept out of the score has no effect.
        let json = one(
            "c2_rev",
            r#""type": "agreement", "domain": "C", "in_score": false, "reverse_keyed": true"#,
        );
        let problem = P::ReverseKeyedWithoutScore {
            variable: "c2_rev".into(),
        };
        expect(&json, problem, "Item c2_rev");
        // A scored domain whose every item is kept out has no score.
        let json = with_domains(
            r#"[{"code": "D", "name": "Rules", "scored": true}]"#,
            &item(
                "d1_x",
                r#""type": "agreement", "domain": "D", "in_score": false"#,
            ),
        );
        expect(
            &json,
            P::ScoredDomainWithoutItems { domain: "D".into() },
            "Domain D",
        );
    }

    #[test]
    fn difficulty_and_0_20_items_can_be_scored_and_reversed() {
        let domains = r#"[{"code": "E", "name": "Outcomes", "scored": true}]"#;
        let items = [
            item("e1_a", r#""type": "scale_020", "low_label": "Poor", "high_label": "Good", "domain": "E""#),
            item("e2_b", r#""type": "scale_020", "low_label": "Poor", "high_label": "Good", "domain": "E", "reverse_keyed": true"#),
        ]
        .join(", ");
        assert_eq!(problems_of(&with_domains(domains, &items)), vec![]);
    }
}
