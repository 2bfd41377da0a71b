#![cfg(not(target_arch = "wasm32"))]
//! Summaries on the small questionnaire: every chart's counts, missing
//! codes, multiple-choice options, histograms, domain statistics, and
//! suppression of a whole dataset smaller than the threshold. Also the
//! command-line text, which shows the same hidden counts.

use candour_analysis::summary::text::render;
use candour_analysis::summary::{summarise, Alpha, Chart, Count, DatasetSummary, Threshold};
use candour_core::export::build_export;
use candour_core::export::ExportFile;
use candour_testkit::export_support::t;
use candour_testkit::export_support::{plausible_records, small, small_export};

fn item<'a>(s: &'a DatasetSummary, variable: &str) -> &'a candour_analysis::summary::ItemSummary {
    s.items
        .iter()
        .find(|i| i.variable == variable)
        .expect("item")
}

fn big() -> ExportFile {
    let i = small();
    build_export(&plausible_records(&i, "p", 60), &[&i], "Tablet", t(5)).expect("export")
}

#[test]
fn a_dataset_below_the_threshold_hides_every_count() {
    let s = &summarise(&small_export(), Threshold::default(), "en")[0];
    assert_eq!(s.records, Count::Hidden, "4 records");
    assert!(s.statuses.iter().all(|c| *c == Count::Hidden));
    for item in &s.items {
        assert_eq!(item.n, Count::Hidden, "{}", item.variable);
        assert!(item.missing.iter().all(|m| m.count == Count::Hidden));
    }
    let d = &s.domains[0];
    assert_eq!((d.n, d.mean, d.sd), (Count::Hidden, None, None));
    let text = render(&summarise(&small_export(), Threshold::default(), "en"));
    assert!(text.contains("Records: fewer than 5"), "{text}");
    assert!(!text.contains("n = 2"), "{text}");
}

#[test]
fn counts_add_up_to_the_records_and_match_the_data() {
    let file = big();
    let s = &summarise(&file, Threshold::default(), "en")[0];
    assert_eq!(s.records, Count::Shown(60));
    let respect = item(s, "s1_respect");
    let Chart::Bars(bars) = &respect.chart else {
        panic!("bars")
    };
    assert_eq!(bars.len(), 5);
    for bar in bars {
        let actual = file
            .records
            .iter()
            .filter(|r| {
                r.answers
                    .get("s1_respect")
                    .and_then(|v| v.as_ref())
                    .map(|v| v.cell().into_owned())
                    == Some(bar.code.to_string())
            })
            .count() as u64;
        match bar.count {
            Count::Shown(n) => assert_eq!(n, actual, "code {}", bar.code),
            Count::Hidden => assert!(actual < 5 || bars.iter().any(|b| b.count == Count::Hidden)),
        }
    }
    let total: u64 = bars.iter().filter_map(|b| b.count.shown()).sum();
    assert_eq!(
        Count::Shown(total),
        respect.n,
        "no bar hidden here, so they add up to n"
    );

    let help = item(s, "s4_help");
    assert!(matches!(help.chart, Chart::Options(ref o) if o.len() == 4));
    let days = item(s, "u1_days");
    let Chart::Histogram(bins) = &days.chart else {
        panic!("histogram")
    };
    assert_eq!(bins.len(), 10, "0 to 28 days in 10 ranges");
    assert!(
        days.missing.iter().any(|m| m.code == Some(-99)),
        "offered: prefer not to say"
    );
    let comment = item(s, "u3_comment");
    assert!(matches!(comment.chart, Chart::None));
    let dealer = item(s, "u2_dealer");
    assert!(
        dealer.missing.iter().any(|m| m.code.is_none()),
        "not shown (skip logic)"
    );

    let d = &s.domains[0];
    assert_eq!(d.code, "S");
    assert!(d.mean.is_some() && d.sd.is_some());
    assert!(
        matches!(
            d.alpha,
            Alpha::Value {
                cases: 60,
                items: 3,
                ..
            } | Alpha::NotDefined
        ),
        "{:?}",
        d.alpha
    );
}

#[test]
fn alpha_needs_thirty_complete_cases() {
    let i = small();
    let file =
        build_export(&plausible_records(&i, "p", 20), &[&i], "Tablet", t(5)).expect("export");
    let s = &summarise(&file, Threshold::default(), "en")[0];
    assert_eq!(s.domains[0].alpha, Alpha::TooFewCases);
}

#[test]
fn the_text_shows_the_same_hidden_counts() {
    let file = big();
    let summaries = summarise(&file, Threshold::new(10), "en");
    let text = render(&summaries);
    assert!(
        text.contains("Counts below 10 are shown as \"fewer than 10\""),
        "{text}"
    );
    for item in &summaries[0].items {
        if let Chart::Bars(bars) = &item.chart {
            for bar in bars.iter().filter(|b| b.count == Count::Hidden) {
                assert!(
                    text.contains(&format!("{}: fewer than 10", bar.label)),
                    "{}",
                    bar.label
                );
            }
        }
    }
}

#[test]
fn a_yes_no_item_is_reported_as_percent_endorsing_and_only_from_shown_counts() {
    let file = big();
    let s = &summarise(&file, Threshold::default(), "en")[0];
    let dealer = item(s, "u2_dealer");
    let Count::Shown(n) = dealer.n else {
        panic!("n shown for 60 records")
    };
    let yes = file
        .records
        .iter()
        .filter(|r| {
            r.answers
                .get("u2_dealer")
                .and_then(|v| v.as_ref())
                .map(|v| v.cell().into_owned())
                .as_deref()
                == Some("1")
        })
        .count() as f64;
    let Chart::Bars(bars) = &dealer.chart else {
        panic!("bars")
    };
    match bars.iter().find(|b| b.code == 1).map(|b| b.count) {
        Some(Count::Shown(_)) => {
            let pct = dealer.endorsing.expect("computed when shown");
            assert!((pct - 100.0 * yes / n as f64).abs() < 1e-9, "{pct}");
            let text = render(&summarise(&file, Threshold::default(), "en"));
            assert!(
                text.contains(&format!(
                    "endorsing (Yes, of those who answered): {pct:.1}%"
                )),
                "{text}"
            );
        }
        _ => assert_eq!(dealer.endorsing, None, "never from a hidden count"),
    }
    assert_eq!(
        item(s, "s1_respect").endorsing,
        None,
        "only yes / no / not sure items"
    );
    let hidden = &summarise(&small_export(), Threshold::default(), "en")[0];
    assert_eq!(item(hidden, "u2_dealer").endorsing, None, "n hidden");
}
