//! The answer codes of the shared scales, defined once. The instrument
//! gives each shared scale's labels in the order they are shown; the codes
//! stored, validated, scored, read aloud and written to the codebook are
//! these.

use super::{ItemKind, Scales};
use crate::text::Text;

/// Codes of a five-point scale's labels, in their order: strongly disagree
/// (1) to strongly agree (5), not hard (1) to very hard (5).
pub const FIVE_POINT_CODES: [i64; 5] = [1, 2, 3, 4, 5];

/// Codes of the yes, no and not sure labels, in their order. "No" is 0 so
/// that the yes/no part reads as a plain 1/0 variable in analysis.
pub const YES_NO_NOT_SURE_CODES: [i64; 3] = [1, 0, 2];

impl ItemKind {
    /// The codes of the shared scale an item of this kind answers on, in
    /// the order its labels are shown; `None` for an item with its own
    /// choices, a 0 to 10 or 0 to 20 scale, a number or free text.
    pub fn shared_scale_codes(&self) -> Option<&'static [i64]> {
        match self {
            ItemKind::Agreement | ItemKind::Difficulty => Some(&FIVE_POINT_CODES),
            ItemKind::YesNoNotSure => Some(&YES_NO_NOT_SURE_CODES),
            ItemKind::SingleChoice { .. }
            | ItemKind::MultipleChoice { .. }
            | ItemKind::Scale010 { .. }
            | ItemKind::Scale020 { .. }
            | ItemKind::Number { .. }
            | ItemKind::FreeText { .. } => None,
        }
    }
}

impl Scales {
    /// The labels of the shared scale an item of `kind` answers on, each
    /// with its code, in the order shown; `None` when it answers on no
    /// shared scale. The loader checks each scale's label count, but a short
    /// list only gives fewer options, never a panic.
    pub fn coded_labels(&self, kind: &ItemKind) -> Option<Vec<(i64, &Text)>> {
        let labels: &[Text] = match kind {
            ItemKind::Agreement => &self.agreement,
            ItemKind::Difficulty => self.difficulty.as_deref().unwrap_or(&[]),
            ItemKind::YesNoNotSure => &self.yes_no_not_sure,
            _ => return None,
        };
        let codes = kind.shared_scale_codes()?;
        Some(codes.iter().copied().zip(labels).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::default::default_instrument;

    #[test]
    fn each_shared_scale_pairs_its_labels_with_its_codes_in_order() {
        let instrument = default_instrument().expect("the default loads");
        let scales = &instrument.scales;
        let codes = |kind: &ItemKind| -> Vec<i64> {
            let labels = scales.coded_labels(kind).expect("a shared scale");
            labels.into_iter().map(|(code, _)| code).collect()
        };
        assert_eq!(codes(&ItemKind::Agreement), [1, 2, 3, 4, 5]);
        assert_eq!(codes(&ItemKind::Difficulty), [1, 2, 3, 4, 5]);
        assert_eq!(codes(&ItemKind::YesNoNotSure), [1, 0, 2]);
        let yes_no = scales
            .coded_labels(&ItemKind::YesNoNotSure)
            .expect("yes/no");
        assert_eq!(yes_no[1].1.get("en", "en"), "No");
        let free = ItemKind::FreeText { max_length: 10 };
        assert_eq!(scales.coded_labels(&free), None);
        assert_eq!(free.shared_scale_codes(), None);
    }
}
