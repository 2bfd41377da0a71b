//! Domain summaries: the scores each record carries (mean, SD, n) and
//! Cronbach's alpha over the complete cases of the domain's items.

use super::item::Context;
use super::stats::{cronbach_alpha, mean_sd};
use super::suppress::{counts, Count};
use super::{Alpha, DomainSummary, ALPHA_MIN_CASES};
use candour_core::export::columns::scored_domains;
use candour_core::export::ordered::Cursor;
use candour_core::export::{ExportRecord, ExportValue};
use candour_core::record::Status;
use candour_core::scoring::scale_range;
use candour_core::visibility::all_items;

/// Every scored domain's summary.
pub(super) fn summarise_domains(
    ctx: &Context<'_>,
    records: &[&ExportRecord],
) -> Vec<DomainSummary> {
    scored_domains(ctx.instrument)
        .map(|code| summarise_domain(ctx, records, code))
        .collect()
}

fn summarise_domain(ctx: &Context<'_>, records: &[&ExportRecord], code: &str) -> DomainSummary {
    let name = ctx
        .instrument
        .domains
        .iter()
        .find(|d| d.code == code)
        .map(|d| ctx.text(&d.name))
        .unwrap_or_default();
    let scores: Vec<f64> = records
        .iter()
        .filter_map(|r| r.domain_scores.get(code).and_then(|s| s.score))
        .collect();
    let with = scores.len() as u64;
    let row = counts(&[with, ctx.total - with], ctx.threshold, ctx.total_hidden);
    let n = row[0];
    let (mean, sd) = match n {
        Count::Shown(n) if n > 0 => mean_sd(&scores),
        _ => (None, None),
    };
    DomainSummary {
        code: code.to_owned(),
        name,
        n,
        mean,
        sd,
        alpha: alpha(ctx, records, code),
    }
}

/// Alpha over the records that answered every item of the domain with a
/// real value (after reverse-keying, as the score uses them).
fn alpha(ctx: &Context<'_>, records: &[&ExportRecord], code: &str) -> Alpha {
    let items: Vec<(&str, (f64, f64), bool)> = all_items(ctx.instrument)
        .filter(|i| i.domain.as_deref() == Some(code))
        .filter_map(|i| Some((i.variable.as_str(), scale_range(&i.kind)?, i.reverse_keyed)))
        .collect();
    if items.len() < 2 {
        return Alpha::NotDefined;
    }
    let cases: Vec<Vec<f64>> = records
        .iter()
        .filter(|r| r.status != Status::DeclinedConsent)
        .filter_map(|r| {
            let mut answers = Cursor::new(&r.answers);
            items
                .iter()
                .map(|(variable, (min, max), reverse)| {
                    let v = match answers.get(variable).and_then(Option::as_ref)? {
                        v if v.missing_code().is_some() => return None,
                        ExportValue::Integer(c) => *c as f64,
                        ExportValue::Number(x) => *x,
                        _ => return None,
                    };
                    Some(if *reverse { min + max - v } else { v })
                })
                .collect::<Option<Vec<f64>>>()
        })
        .collect();
    let n = cases.len() as u64;
    if n < ALPHA_MIN_CASES || ctx.threshold.hides(n) {
        return Alpha::TooFewCases;
    }
    match cronbach_alpha(&cases) {
        Some(alpha) => Alpha::Value {
            alpha,
            cases: n,
            items: items.len(),
        },
        None => Alpha::NotDefined,
    }
}
