//! Chance-corrected agreement on categories: Cohen's κ for two coders and Krippendorff's α
//! (nominal, coincidence-matrix form) for any number of coders with missing values.
//!
//! Categories are plain numbers here; `input::unify_labels` turns speaker labels into them.

use std::collections::HashMap;

/// Cohen's κ (Cohen 1960) over items both coders coded: `pairs[i] = (category by A, category
/// by B)`. κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own marginals.
///
/// `None` when there are no items or p_e = 1 (both coders used one and the same category for
/// everything, so chance already explains all agreement and κ is 0/0).
pub fn cohen_kappa(pairs: &[(usize, usize)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let mut left: HashMap<usize, usize> = HashMap::new();
    let mut right: HashMap<usize, usize> = HashMap::new();
    let mut agree = 0usize;
    for &(a, b) in pairs {
        *left.entry(a).or_default() += 1;
        *right.entry(b).or_default() += 1;
        agree += usize::from(a == b);
    }
    let observed = agree as f64 / n;
    let chance: f64 = left
        .iter()
        .map(|(category, &count)| {
            let other = right.get(category).copied().unwrap_or(0);
            (count as f64 / n) * (other as f64 / n)
        })
        .sum();
    if (1.0 - chance).abs() < 1e-12 {
        return None;
    }
    Some((observed - chance) / (1.0 - chance))
}

/// Krippendorff's α for nominal data, computed from the coincidence matrix (Krippendorff 2011,
/// "Computing Krippendorff's Alpha-Reliability"): each unit lists the values coders gave it
/// (`None` = missing). A unit contributes only when it has at least two values; each ordered
/// pair of its values adds 1/(m_u − 1) to o_ck. Then
/// α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
///
/// `None` when fewer than two pairable values exist or only one category occurs (expected
/// disagreement is zero, α is 0/0).
pub fn krippendorff_alpha_nominal(units: &[Vec<Option<usize>>]) -> Option<f64> {
    let mut n_c: HashMap<usize, f64> = HashMap::new();
    let mut observed_disagreement = 0.0;
    for unit in units {
        let values: Vec<usize> = unit.iter().flatten().copied().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &value in &values {
            *counts.entry(value).or_default() += 1;
        }
        let weight = 1.0 / (m as f64 - 1.0);
        for (&category, &count) in &counts {
            // Row c of the coincidence matrix sums to count·(m−1)/(m−1) = count.
            *n_c.entry(category).or_default() += count as f64;
            // Ordered pairs (c, k≠c) in this unit: count · (m − count).
            observed_disagreement += weight * (count * (m - count)) as f64;
        }
    }
    let n: f64 = n_c.values().sum();
    let total_squares: f64 = n_c.values().map(|count| count * count).sum();
    let expected_disagreement = n * n - total_squares; // Σ_{c≠k} n_c·n_k
    if n < 2.0 || expected_disagreement <= 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * observed_disagreement / expected_disagreement)
}

/// The share of the most common category, for the "one label dominates" reading note.
pub fn dominant_share(categories: impl IntoIterator<Item = usize>) -> Option<f64> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    let mut total = 0usize;
    for category in categories {
        *counts.entry(category).or_default() += 1;
        total += 1;
    }
    let top = counts.values().copied().max()?;
    Some(top as f64 / total as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_is_undefined_when_chance_explains_everything() {
        assert_eq!(cohen_kappa(&[(0, 0), (0, 0)]), None);
        assert_eq!(cohen_kappa(&[]), None);
    }

    #[test]
    fn alpha_needs_two_categories() {
        assert_eq!(
            krippendorff_alpha_nominal(&[vec![Some(1), Some(1)], vec![Some(1), None]]),
            None
        );
    }
}
