//! A summary as plain text, for the command-line tool: the same counts, the
//! same suppression, in English.

use super::{Alpha, Chart, Count, DatasetSummary};
use std::fmt::Write;

/// A count as a summary says it: the number, or "fewer than N".
pub fn count_text(count: Count, summary: &DatasetSummary) -> String {
    match count {
        Count::Shown(n) => n.to_string(),
        Count::Hidden => format!("fewer than {}", summary.threshold.get()),
    }
}

/// A number with two decimals.
pub fn decimal(x: f64) -> String {
    format!("{x:.2}")
}

/// Every dataset's summary as text.
pub fn render(summaries: &[DatasetSummary]) -> String {
    let mut out = String::new();
    for s in summaries {
        let c = |count: Count| count_text(count, s);
        let _ = writeln!(
            out,
            "{} ({} version {}, {})\nRecords: {} (complete {}, partial {}, declined {}). \
             Counts below {} are shown as \"fewer than {}\".\n",
            s.title,
            s.id,
            s.version,
            s.hash,
            c(s.records),
            c(s.statuses[0]),
            c(s.statuses[1]),
            c(s.statuses[2]),
            s.threshold.get(),
            s.threshold.get()
        );
        for item in &s.items {
            let _ = writeln!(out, "{}  {}\n  n = {}", item.variable, item.text, c(item.n));
            let bars: Vec<String> = match &item.chart {
                Chart::Bars(bars) | Chart::Options(bars) => bars
                    .iter()
                    .map(|b| {
                        if b.label == b.code.to_string() {
                            format!("{}: {}", b.code, c(b.count))
                        } else {
                            format!("{} {}: {}", b.code, b.label, c(b.count))
                        }
                    })
                    .collect(),
                Chart::Histogram(bins) => bins
                    .iter()
                    .map(|b| {
                        let range = if b.from == b.to {
                            decimal_trim(b.from)
                        } else {
                            format!("{} to {}", decimal_trim(b.from), decimal_trim(b.to))
                        };
                        format!("{range}: {}", c(b.count))
                    })
                    .collect(),
                Chart::None => Vec::new(),
            };
            if matches!(item.chart, Chart::Options(_)) {
                out.push_str("  picked, of those who answered:\n");
            }
            for line in bars {
                let _ = writeln!(out, "  {line}");
            }
            if let Some(pct) = item.endorsing {
                let _ = writeln!(out, "  endorsing (Yes, of those who answered): {pct:.1}%");
            }
            let missing: Vec<String> = item
                .missing
                .iter()
                .map(|m| match m.code {
                    Some(code) => format!("{code} {}: {}", m.label, c(m.count)),
                    None => format!("{}: {}", m.label, c(m.count)),
                })
                .collect();
            let _ = writeln!(out, "  missing: {}", missing.join("; "));
        }
        for d in &s.domains {
            let stat = |x: Option<f64>| x.map_or_else(|| "-".to_owned(), decimal);
            let alpha = match &d.alpha {
                Alpha::Value {
                    alpha,
                    cases,
                    items,
                } => {
                    format!(
                        "{} ({cases} complete cases, {items} items)",
                        decimal(*alpha)
                    )
                }
                Alpha::TooFewCases => "not computed (fewer than 30 complete cases)".to_owned(),
                Alpha::NotDefined => "not defined".to_owned(),
            };
            let _ = writeln!(
                out,
                "Domain {} {}: n = {}, mean = {}, SD = {}, Cronbach's alpha = {alpha}",
                d.code,
                d.name,
                c(d.n),
                stat(d.mean),
                stat(d.sd)
            );
        }
        out.push('\n');
    }
    out
}

/// A number without trailing zeros (`2`, `2.5`).
fn decimal_trim(x: f64) -> String {
    candour_core::answer_text::format_number(x)
}
