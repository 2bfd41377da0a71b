//! "% endorsing" of a yes / no / not sure item: of those who answered it
//! (Yes, No or Not sure), the share who said Yes. The questionnaire's
//! service-change items ("Would each of these help you stay in
//! treatment?") are reported this way.

use super::{Chart, Count};
use candour_core::instrument::ItemKind;

/// The code of "Yes" on the yes / no / not sure scale.
const YES: i64 = 1;

/// The percentage endorsing, from an item's already suppressed counts:
/// `None` unless the item is yes / no / not sure and both the Yes count and
/// the item's n are shown (a share of hidden counts could give them back).
pub(super) fn endorsing(kind: &ItemKind, n: Count, chart: &Chart) -> Option<f64> {
    if !matches!(kind, ItemKind::YesNoNotSure) {
        return None;
    }
    let Chart::Bars(bars) = chart else {
        return None;
    };
    let yes = bars.iter().find(|b| b.code == YES)?.count.shown()?;
    let n = n.shown().filter(|n| *n > 0)?;
    Some(100.0 * yes as f64 / n as f64)
}
