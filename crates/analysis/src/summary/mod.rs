//! Summaries of combined data, per questionnaire version: for every item
//! its n, the counts a chart draws, and the counts of each missing code;
//! for every scored domain the mean, SD and n of its scores and, from 30
//! complete cases on, Cronbach's alpha. Every count passes through
//! small-count suppression ([`suppress`]) here, so that no screen or text
//! that draws a summary can show what it hides.
//!
//! Pure code: the workbench's components and the command-line tool's text
//! only draw what [`summarise`] returns.

mod domain;
mod endorse;
mod item;
pub mod stats;
pub mod suppress;
pub mod text;

pub use suppress::{Count, Threshold, DEFAULT_THRESHOLD, MIN_THRESHOLD};

use crate::write::datasets;
use candour_core::export::ExportFile;
use candour_core::record::Status;

/// Fewest complete cases for Cronbach's alpha.
pub const ALPHA_MIN_CASES: u64 = 30;

/// One bar: a code (or option) and how many chose it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The code.
    pub code: i64,
    /// Its label in the summary's locale.
    pub label: String,
    /// How many.
    pub count: Count,
}

/// One histogram bin: values from `from` (included) to `to` (included only
/// for the last bin).
#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    /// Lower edge.
    pub from: f64,
    /// Upper edge.
    pub to: f64,
    /// How many values fell in it.
    pub count: Count,
}

/// What an item's chart draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// One bar per code of a choice or scale item.
    Bars(Vec<Bar>),
    /// Multiple choice: per option, how many of those who answered picked it.
    Options(Vec<Bar>),
    /// Numbers: a histogram.
    Histogram(Vec<Bin>),
    /// Free text: no chart.
    None,
}

/// How many records hold one missing code (or none: not shown).
#[derive(Debug, Clone, PartialEq)]
pub struct MissingCount {
    /// The code, or `None` for "not shown" (blank).
    pub code: Option<i64>,
    /// What it means.
    pub label: String,
    /// How many.
    pub count: Count,
}

/// The summary of one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemSummary {
    /// Its variable name.
    pub variable: String,
    /// Its question, in the summary's locale.
    pub text: String,
    /// Records with a real answer.
    pub n: Count,
    /// The chart.
    pub chart: Chart,
    /// Each missing code the item had (or offers), then "not shown".
    pub missing: Vec<MissingCount>,
    /// For a yes / no / not sure item, the percentage of those who answered
    /// who said Yes; `None` for other items or when a count it needs is
    /// hidden.
    pub endorsing: Option<f64>,
}

/// Cronbach's alpha of a domain, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Alpha {
    /// The value, over `cases` complete cases of `items` items.
    Value {
        /// Alpha.
        alpha: f64,
        /// Complete cases used.
        cases: u64,
        /// Items.
        items: usize,
    },
    /// Fewer complete cases than [`ALPHA_MIN_CASES`] (or than the threshold).
    TooFewCases,
    /// Fewer than two items, or no variation: alpha is not defined.
    NotDefined,
}

/// The summary of one scored domain.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainSummary {
    /// Its code.
    pub code: String,
    /// Its name, in the summary's locale.
    pub name: String,
    /// Records with a score.
    pub n: Count,
    /// Mean score; `None` when n is hidden or zero.
    pub mean: Option<f64>,
    /// Sample SD; `None` when n is hidden or below two.
    pub sd: Option<f64>,
    /// Cronbach's alpha.
    pub alpha: Alpha,
}

/// The summary of one dataset (one questionnaire version).
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetSummary {
    /// Questionnaire id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Its content hash.
    pub hash: String,
    /// Its title in the summary's locale.
    pub title: String,
    /// Records in the dataset.
    pub records: Count,
    /// Complete, partial and declined records, in that order.
    pub statuses: [Count; 3],
    /// Every item, in the order asked.
    pub items: Vec<ItemSummary>,
    /// Every scored domain, in the questionnaire's order.
    pub domains: Vec<DomainSummary>,
    /// The threshold applied.
    pub threshold: Threshold,
}

/// The summary of every dataset of `file` (conflicting records are in no
/// dataset), with texts in `locale` and counts suppressed by `threshold`.
pub fn summarise(file: &ExportFile, threshold: Threshold, locale: &str) -> Vec<DatasetSummary> {
    datasets(file)
        .iter()
        .map(|d| {
            let instrument = d.instrument();
            let definition = &instrument.definition;
            let records = d.records();
            let total = records.len() as u64;
            let total_hidden = threshold.hides(total);
            let mut by_status = [0u64; 3];
            for r in records {
                by_status[match r.status {
                    Status::Complete => 0,
                    Status::Partial => 1,
                    Status::DeclinedConsent => 2,
                }] += 1;
            }
            let statuses = suppress::counts(&by_status, threshold, total_hidden);
            let ctx = item::Context {
                instrument: definition,
                locale,
                threshold,
                total,
                total_hidden,
            };
            DatasetSummary {
                id: instrument.id.clone(),
                version: instrument.version.clone(),
                hash: instrument.hash.clone(),
                title: definition.title.get(locale, &definition.locale).to_owned(),
                records: if total_hidden {
                    Count::Hidden
                } else {
                    Count::Shown(total)
                },
                statuses: [statuses[0], statuses[1], statuses[2]],
                items: item::summarise_items(&ctx, records),
                domains: domain::summarise_domains(&ctx, records),
                threshold,
            }
        })
        .collect()
}
