//! Small-count suppression: which counts of a table may be shown.
//!
//! A count below the threshold (but above zero) could point at a person,
//! so it is shown only as "fewer than N" (primary suppression). Hiding one
//! cell is not enough when the row's total is shown: the total minus the
//! shown cells gives it back. So whenever a row has a hidden cell, more
//! cells are hidden (complementary suppression), smallest first, until at
//! least two are hidden and the hidden cells add up to at least the
//! threshold, or the whole row is hidden. A row whose total is itself
//! hidden is hidden whole, since its cells would add up to that total.

/// The smallest threshold anyone may set.
pub const MIN_THRESHOLD: u64 = 3;
/// The threshold used unless another is set.
pub const DEFAULT_THRESHOLD: u64 = 5;

/// A suppression threshold: counts from 1 to one less than it are hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold(u64);

impl Threshold {
    /// The threshold `n`, raised to [`MIN_THRESHOLD`] if lower.
    pub fn new(n: u64) -> Self {
        Threshold(n.max(MIN_THRESHOLD))
    }

    /// Its value.
    pub fn get(self) -> u64 {
        self.0
    }

    /// True when a count of `n` must be hidden by itself.
    pub fn hides(self, n: u64) -> bool {
        n > 0 && n < self.0
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold(DEFAULT_THRESHOLD)
    }
}

/// A count as a summary may show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Shown as it is.
    Shown(u64),
    /// Hidden: shown as "fewer than" the threshold, with no chart, total or
    /// difference that would give it back.
    Hidden,
}

impl Count {
    /// The shown value, `None` when hidden.
    pub fn shown(self) -> Option<u64> {
        match self {
            Count::Shown(n) => Some(n),
            Count::Hidden => None,
        }
    }
}

/// Which cells of a row to hide, given the row's counts and whether its
/// total is hidden (then every cell is). See the module documentation.
pub fn hide_row(cells: &[u64], threshold: Threshold, total_hidden: bool) -> Vec<bool> {
    if total_hidden {
        return vec![true; cells.len()];
    }
    let mut hidden: Vec<bool> = cells.iter().map(|&n| threshold.hides(n)).collect();
    if !hidden.contains(&true) {
        return hidden;
    }
    loop {
        let count = hidden.iter().filter(|h| **h).count();
        let sum: u64 = cells
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .map(|(n, _)| n)
            .sum();
        if count >= 2 && sum >= threshold.get() {
            return hidden;
        }
        // The smallest shown cell; a zero only when no other is left, since
        // hiding a zero adds nothing to the hidden sum.
        let next = cells
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden[*i])
            .min_by_key(|(_, n)| (**n == 0, **n));
        match next {
            Some((i, _)) => hidden[i] = true,
            None => return hidden,
        }
    }
}

/// The row's cells as counts to show, after [`hide_row`].
pub fn counts(cells: &[u64], threshold: Threshold, total_hidden: bool) -> Vec<Count> {
    hide_row(cells, threshold, total_hidden)
        .into_iter()
        .zip(cells)
        .map(|(hide, &n)| if hide { Count::Hidden } else { Count::Shown(n) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Threshold {
        Threshold::default()
    }

    #[test]
    fn thresholds_never_go_below_three() {
        assert_eq!(Threshold::new(1).get(), 3);
        assert_eq!(Threshold::new(10).get(), 10);
        assert_eq!(t().get(), 5);
        assert!(t().hides(4) && t().hides(1));
        assert!(!t().hides(0) && !t().hides(5));
    }

    #[test]
    fn nothing_small_hides_nothing() {
        assert_eq!(hide_row(&[10, 0, 7], t(), false), [false, false, false]);
    }

    #[test]
    fn one_small_cell_takes_the_next_smallest_with_it() {
        // 2 alone could be worked out from the total 2 + 9 + 20 = 31.
        assert_eq!(hide_row(&[9, 2, 20], t(), false), [true, true, false]);
    }

    #[test]
    fn hidden_cells_add_up_to_the_threshold() {
        // 1 and 2 are both small, but their sum (3) would say too much.
        assert_eq!(
            hide_row(&[1, 2, 8, 30], t(), false),
            [true, true, true, false]
        );
        // Two small cells whose sum reaches the threshold are enough.
        assert_eq!(hide_row(&[3, 4, 30], t(), false), [true, true, false]);
    }

    #[test]
    fn zeros_are_hidden_only_when_nothing_else_is_left() {
        assert_eq!(hide_row(&[0, 2, 6], t(), false), [false, true, true]);
        assert_eq!(hide_row(&[0, 2], t(), false), [true, true]);
    }

    #[test]
    fn a_hidden_total_hides_the_row() {
        assert_eq!(hide_row(&[30, 40], t(), true), [true, true]);
        assert_eq!(
            counts(&[2, 9, 20], t(), false),
            [Count::Hidden, Count::Hidden, Count::Shown(20)]
        );
    }

    /// No row with a shown total lets a hidden cell be worked out exactly:
    /// either nothing is hidden, or at least two cells are.
    #[test]
    fn a_single_hidden_cell_never_stands_alone() {
        for a in 0..8u64 {
            for b in 0..8u64 {
                for c in 0..8u64 {
                    let row = [a, b, c];
                    let hidden = hide_row(&row, t(), false);
                    let n = hidden.iter().filter(|h| **h).count();
                    assert!(n != 1, "{row:?} -> {hidden:?}");
                    for (cell, h) in row.iter().zip(&hidden) {
                        assert!(!t().hides(*cell) || *h, "{row:?} shows a small cell");
                    }
                }
            }
        }
    }
}
