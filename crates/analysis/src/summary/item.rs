//! Item summaries: one pass over the records tallies every item, then each
//! tally is turned into suppressed counts.

use super::suppress::{counts, Count, Threshold};
use super::{Bar, Bin, Chart, ItemSummary, MissingCount};
use crate::codebook::NOT_SHOWN_LABEL;
use candour_core::answer::MissingCode;
use candour_core::export::ordered::Cursor;
use candour_core::export::{ExportRecord, ExportValue};
use candour_core::instrument::{Instrument, Item, ItemKind};
use candour_core::text::Text;
use candour_core::visibility::all_items;

/// The code of the bar that gathers values which are no code of the item
/// (a file written by another tool): never a real code, which is never
/// negative.
pub const OTHER_CODE: i64 = -1;

/// Most bins of a number item's histogram before values are grouped.
const MAX_VALUE_BINS: usize = 12;
/// Bins of a grouped histogram.
const GROUPED_BINS: usize = 10;

/// What every summary of one dataset shares.
pub(super) struct Context<'a> {
    pub instrument: &'a Instrument,
    pub locale: &'a str,
    pub threshold: Threshold,
    pub total: u64,
    pub total_hidden: bool,
}

impl Context<'_> {
    pub(super) fn text(&self, t: &Text) -> String {
        t.get(self.locale, &self.instrument.locale).to_owned()
    }
}

/// The codes an item's bars are drawn for, with their labels.
fn codes(ctx: &Context<'_>, kind: &ItemKind) -> Vec<(i64, String)> {
    let scales = &ctx.instrument.scales;
    match kind {
        ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => choices
            .iter()
            .map(|c| (c.code, ctx.text(&c.label)))
            .collect(),
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => scales
            .coded_labels(kind)
            .unwrap_or_default()
            .into_iter()
            .map(|(code, t)| (code, ctx.text(t)))
            .collect(),
        ItemKind::Scale010 { .. } | ItemKind::Scale020 { .. } => {
            let (Some((low, high)), Some(max)) = (kind.scale_ends(), kind.scale_max()) else {
                return Vec::new();
            };
            (0..=max)
                .map(|code| {
                    let label = match code {
                        0 => format!("0 ({})", ctx.text(low)),
                        n if n == max => format!("{max} ({})", ctx.text(high)),
                        n => n.to_string(),
                    };
                    (code, label)
                })
                .collect()
        }
        ItemKind::Number { .. } | ItemKind::FreeText { .. } => Vec::new(),
    }
}

/// The label of a missing code: the codebook's (the questionnaire's words
/// for the codes a participant picks, the codebook's for the others).
pub(super) fn missing_label(ctx: &Context<'_>, code: MissingCode) -> String {
    crate::codebook::missing_entry(Some(code), ctx.instrument, ctx.locale).label
}

/// The histogram's bins of a number item: one per allowed value when they
/// are few, otherwise equal ranges.
fn bins(min: f64, max: f64, step: f64) -> Vec<(f64, f64)> {
    let values = ((max - min) / step).floor() as usize + 1;
    if step > 0.0 && values <= MAX_VALUE_BINS {
        (0..values)
            .map(|i| {
                let v = min + step * i as f64;
                (v, v)
            })
            .collect()
    } else {
        let width = (max - min) / GROUPED_BINS as f64;
        (0..GROUPED_BINS)
            .map(|i| (min + width * i as f64, min + width * (i + 1) as f64))
            .collect()
    }
}

/// Which bin a value falls in (values outside the range go to the end bins).
fn bin_of(bins: &[(f64, f64)], value: f64) -> usize {
    bins.iter()
        .position(|(from, to)| value < *to || (from == to && value <= *to))
        .unwrap_or(bins.len().saturating_sub(1))
}

/// The tally of one item over the records.
struct Tally<'a> {
    item: &'a Item,
    codes: Vec<(i64, String)>,
    bins: Vec<(f64, f64)>,
    /// Per code (or option, or bin), then one more for other values.
    cells: Vec<u64>,
    real: u64,
    missing: [u64; MissingCode::ALL.len()],
    not_shown: u64,
}

impl<'a> Tally<'a> {
    fn new(ctx: &Context<'_>, item: &'a Item) -> Self {
        let codes = codes(ctx, &item.kind);
        let bins = match &item.kind {
            ItemKind::Number { min, max, step, .. } => bins(*min, *max, *step),
            _ => Vec::new(),
        };
        let cells = vec![0; codes.len().max(bins.len()) + 1];
        Tally {
            item,
            codes,
            bins,
            cells,
            real: 0,
            missing: [0; MissingCode::ALL.len()],
            not_shown: 0,
        }
    }

    fn add(&mut self, value: Option<&ExportValue>) {
        let Some(value) = value else {
            self.not_shown += 1;
            return;
        };
        if let Some(code) = value.missing_code() {
            if let Some(i) = MissingCode::ALL.iter().position(|m| *m == code) {
                self.missing[i] += 1;
            }
            return;
        }
        self.real += 1;
        let other = self.cells.len() - 1;
        match value {
            ExportValue::Codes(selected) => {
                for code in selected {
                    let at = self.codes.iter().position(|(c, _)| c == code);
                    self.cells[at.unwrap_or(other)] += 1;
                }
            }
            ExportValue::Integer(code) if self.bins.is_empty() => {
                let at = self.codes.iter().position(|(c, _)| c == code);
                self.cells[at.unwrap_or(other)] += 1;
            }
            ExportValue::Integer(v) => self.cells[bin_of(&self.bins, *v as f64)] += 1,
            ExportValue::Number(v) if !self.bins.is_empty() => {
                self.cells[bin_of(&self.bins, *v)] += 1
            }
            ExportValue::Number(_) | ExportValue::Text(_) => {
                if !self.codes.is_empty() {
                    self.cells[other] += 1;
                }
            }
        }
    }

    fn summary(self, ctx: &Context<'_>) -> ItemSummary {
        let t = ctx.threshold;
        // Row A: answered, each missing code shown, not shown; its total is
        // the dataset's record count. A missing code the item does not offer
        // and nobody has is left out (always 0).
        // "Not reached" is listed only when some record has it: most
        // items are reached by everyone.
        let offered = |code: MissingCode| match code {
            MissingCode::PreferNotToSay => self.item.prefer_not_to_say,
            MissingCode::DontKnow => self.item.dont_know,
            MissingCode::DoesNotApply => self.item.does_not_apply,
            MissingCode::Unanswered => true,
            MissingCode::NotReached => false,
        };
        let shown_codes: Vec<usize> = (0..MissingCode::ALL.len())
            .filter(|&i| offered(MissingCode::ALL[i]) || self.missing[i] > 0)
            .collect();
        let mut row: Vec<u64> = vec![self.real];
        row.extend(shown_codes.iter().map(|&i| self.missing[i]));
        row.push(self.not_shown);
        let row = counts(&row, t, ctx.total_hidden);
        let n = row[0];
        let mut missing: Vec<MissingCount> = shown_codes
            .iter()
            .zip(&row[1..])
            .map(|(&i, count)| {
                let code = MissingCode::ALL[i];
                MissingCount {
                    code: Some(code.code()),
                    label: missing_label(ctx, code),
                    count: *count,
                }
            })
            .collect();
        missing.push(MissingCount {
            code: None,
            label: NOT_SHOWN_LABEL.to_owned(),
            count: row[row.len() - 1],
        });
        let n_hidden = n == Count::Hidden;
        let other = self.cells[self.cells.len() - 1];
        let chart = match &self.item.kind {
            ItemKind::FreeText { .. } => Chart::None,
            ItemKind::Number { .. } => {
                let cells = &self.cells[..self.bins.len()];
                let shown = counts(cells, t, n_hidden);
                Chart::Histogram(
                    self.bins
                        .iter()
                        .zip(shown)
                        .map(|(&(from, to), count)| Bin { from, to, count })
                        .collect(),
                )
            }
            ItemKind::MultipleChoice { .. } => {
                // Each option is its own row: picked, not picked, of n.
                let bars = self
                    .codes
                    .iter()
                    .zip(&self.cells)
                    .map(|((code, label), &picked)| {
                        let row = [picked, self.real.saturating_sub(picked)];
                        Bar {
                            code: *code,
                            label: label.clone(),
                            count: counts(&row, t, n_hidden)[0],
                        }
                    })
                    .collect();
                Chart::Options(bars)
            }
            _ => {
                let mut cells: Vec<u64> = self.cells[..self.codes.len()].to_vec();
                let mut labels: Vec<(i64, String)> = self.codes.clone();
                if other > 0 {
                    cells.push(other);
                    labels.push((OTHER_CODE, "Other values".to_owned()));
                }
                let shown = counts(&cells, t, n_hidden);
                Chart::Bars(
                    labels
                        .into_iter()
                        .zip(shown)
                        .map(|((code, label), count)| Bar { code, label, count })
                        .collect(),
                )
            }
        };
        ItemSummary {
            variable: self.item.variable.clone(),
            text: ctx.text(&self.item.text),
            endorsing: super::endorse::endorsing(&self.item.kind, n, &chart),
            n,
            chart,
            missing,
        }
    }
}

/// Every item's summary, from one pass over the records.
pub(super) fn summarise_items(ctx: &Context<'_>, records: &[&ExportRecord]) -> Vec<ItemSummary> {
    let mut tallies: Vec<Tally<'_>> = all_items(ctx.instrument)
        .map(|item| Tally::new(ctx, item))
        .collect();
    for record in records {
        let mut answers = Cursor::new(&record.answers);
        for tally in &mut tallies {
            let value = answers.get(&tally.item.variable).and_then(Option::as_ref);
            tally.add(value);
        }
    }
    tallies.into_iter().map(|t| t.summary(ctx)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_values_get_a_bin_each_many_are_grouped() {
        assert_eq!(
            bins(0.0, 3.0, 1.0),
            [(0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (3.0, 3.0)]
        );
        let grouped = bins(0.0, 28.0, 1.0);
        assert_eq!(grouped.len(), 10);
        assert_eq!(bin_of(&grouped, 0.0), 0);
        assert_eq!(
            bin_of(&grouped, 28.0),
            9,
            "the top value is in the last bin"
        );
        assert_eq!(bin_of(&grouped, 2.8), 1);
        assert_eq!(bin_of(&bins(0.0, 3.0, 1.0), 2.0), 2);
        assert_eq!(
            bin_of(&bins(0.0, 3.0, 1.0), 99.0),
            3,
            "out of range: the end bin"
        );
    }
}
