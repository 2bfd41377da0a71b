//! The statistics of a summary: mean, standard deviation and Cronbach's
//! alpha, computed in one pass where they can be.

/// Mean and sample standard deviation (n - 1); the SD is `None` below two
/// values, both are `None` for none.
pub fn mean_sd(values: &[f64]) -> (Option<f64>, Option<f64>) {
    if values.is_empty() {
        return (None, None);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sd = (values.len() > 1).then(|| {
        let ss: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
        (ss / (n - 1.0)).sqrt()
    });
    (Some(mean), sd)
}

/// Cronbach's alpha of `cases`, each a complete row of item values (every
/// row as long as the first): k / (k - 1) * (1 - sum of item variances /
/// variance of the row totals). `None` with fewer than two items or two
/// cases, or when the totals do not vary.
pub fn cronbach_alpha(cases: &[Vec<f64>]) -> Option<f64> {
    let k = cases.first()?.len();
    if k < 2 || cases.len() < 2 || cases.iter().any(|c| c.len() != k) {
        return None;
    }
    let variance = |xs: &[f64]| mean_sd(xs).1.map(|sd| sd * sd);
    let item_variances: f64 = (0..k)
        .map(|i| {
            let column: Vec<f64> = cases.iter().map(|c| c[i]).collect();
            variance(&column).unwrap_or(0.0)
        })
        .sum();
    let totals: Vec<f64> = cases.iter().map(|c| c.iter().sum()).collect();
    let total_variance = variance(&totals)?;
    if total_variance <= 0.0 {
        return None;
    }
    let k = k as f64;
    Some(k / (k - 1.0) * (1.0 - item_variances / total_variance))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn mean_and_sd() {
        let (m, sd) = mean_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert!(close(m.unwrap(), 5.0));
        // Sample SD of this classic set: sqrt(32 / 7).
        assert!(close(sd.unwrap(), (32.0f64 / 7.0).sqrt()));
        assert_eq!(mean_sd(&[3.0]), (Some(3.0), None));
        assert_eq!(mean_sd(&[]), (None, None));
    }

    /// A worked example, checked by hand: items (1,2,3), (2,3,3), (3,4,5),
    /// (4,4,5), (5,5,4).
    #[test]
    fn alpha_of_a_worked_example() {
        let cases = vec![
            vec![1.0, 2.0, 3.0],
            vec![2.0, 3.0, 3.0],
            vec![3.0, 4.0, 5.0],
            vec![4.0, 4.0, 5.0],
            vec![5.0, 5.0, 4.0],
        ];
        // Item variances 2.5, 1.3, 1.0 (sum 4.8); totals 6, 8, 12, 13, 14
        // have variance 11.8; alpha = 1.5 * (1 - 4.8 / 11.8).
        let expected = 1.5 * (1.0 - 4.8 / 11.8);
        assert!(close(cronbach_alpha(&cases).unwrap(), expected));
    }

    #[test]
    fn alpha_needs_two_items_two_cases_and_variation() {
        assert_eq!(cronbach_alpha(&[vec![1.0], vec![2.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![3.0, 3.0], vec![3.0, 3.0]]), None);
        assert_eq!(cronbach_alpha(&[]), None);
        // Perfectly parallel items: alpha 1.
        let parallel = vec![vec![1.0, 1.0], vec![2.0, 2.0], vec![3.0, 3.0]];
        assert!(close(cronbach_alpha(&parallel).unwrap(), 1.0));
    }
}
