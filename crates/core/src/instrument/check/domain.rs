//! Checks of domains and the items that score into them.

use super::P;
use crate::instrument::{Domain, Item, ItemKind};
use std::collections::HashMap;

/// Whether an item's value can enter a domain mean or be reversed.
fn is_scaled(kind: &ItemKind) -> bool {
    matches!(kind, ItemKind::Agreement | ItemKind::Scale010 { .. })
}

/// Pushes the problems of item domains, reverse keying and scored domains.
pub(super) fn check_scoring(domains: &[Domain], items: &[&Item], out: &mut Vec<P>) {
    let declared: HashMap<&str, bool> = domains
        .iter()
        .map(|d| (d.code.as_str(), d.scored))
        .collect();
    for item in items {
        let variable = item.variable.clone();
        let scored = match item.domain.as_deref() {
            None => false,
            Some(domain) => match declared.get(domain) {
                None => {
                    out.push(P::UnknownDomain {
                        variable,
                        domain: domain.into(),
                    });
                    continue;
                }
                Some(scored) => *scored,
            },
        };
        let scaled = is_scaled(&item.kind);
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
            .filter(|i| i.domain.as_deref() == Some(domain.code.as_str()))
            .collect();
        let first = |want: fn(&ItemKind) -> bool| {
            members
                .iter()
                .find(|i| want(&i.kind))
                .map(|i| i.variable.clone())
        };
        let agreement = first(|k| matches!(k, ItemKind::Agreement));
        let scale = first(|k| matches!(k, ItemKind::Scale010 { .. }));
        if members.is_empty() {
            out.push(P::ScoredDomainWithoutItems {
                domain: domain.code.clone(),
            });
        } else if let (Some(agreement_item), Some(scale_item)) = (agreement, scale) {
            let domain = domain.code.clone();
            out.push(P::MixedScalesInDomain {
                domain,
                agreement_item,
                scale_item,
            });
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
        let json = one(
            "c2_sat",
            r#""type": "scale_010", "low_label": "Bad", "high_label": "Good", "domain": "C""#,
        );
        let problem = P::MixedScalesInDomain {
            domain: "C".into(),
            agreement_item: "c9_anchor".into(),
            scale_item: "c2_sat".into(),
        };
        expect(&json, problem, "c2_sat");
    }
}
