//! Krippendorff's unitizing α (α_U): agreement on *where* the marked stretches of a continuum
//! are, chance-corrected over all ways the same units could have been placed.
//!
//! This is the α_U of Krippendorff (1995) "On the reliability of unitizing continuous data",
//! Sociological Methodology 25, as restated in Content Analysis (2nd ed., 2004) — not the
//! later uα family of the 4th edition (2019). The tests reproduce the published examples of
//! both sources. For one category, every coder's continuum of length L is cut into units
//! (marked) and gaps; for coders i ≠ j and segments g of i, h of j that intersect:
//!
//! * both units: δ² = (b_g − b_h)² + (e_g − e_h)² (start and end offsets);
//! * a unit lying wholly inside a gap of the other: δ² = l_g²;
//! * otherwise 0 (a unit that only partly overlaps a gap is accounted for by its overlapping
//!   unit).
//!
//! D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ² / (m(m−1)L²).
//!
//! D_e = (2/L) · Σ_{units g} [ (N−1)(2l_g³ − 3l_g² + l_g)/3 + l_g² Σ_{gaps h, l_h ≥ l_g}
//! (l_h − l_g + 1) ] / [ mL(mL − 1) − Σ_{units g} l_g(l_g − 1) ], N = number of units, all
//! sums over all coders. α_U = 1 − D_o/D_e.
//!
//! Several categories: each is scored with the other categories' units treated as gaps, and
//! the overall α = 1 − ΣD_o / ΣD_e (the ratio of the mean disagreements, which reproduces the
//! pooled value DKPro Statistics tests for the 2004 example).

use crate::core::text::CharRange;

/// Disagreements and α_U of one category (or the pooled ratio of several).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unitizing {
    pub observed: f64,
    pub expected: f64,
    /// `None` when the expected disagreement is zero: nobody marked anything, or there are
    /// fewer than two coders.
    pub alpha: Option<f64>,
}

impl Unitizing {
    fn from_parts(observed: f64, expected: f64) -> Self {
        let alpha = (expected > 0.0).then(|| 1.0 - observed / expected);
        Self {
            observed,
            expected,
            alpha,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Segment {
    start: usize,
    end: usize,
    marked: bool,
}

impl Segment {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Clips to the continuum and merges a coder's overlapping units, which α_U cannot represent
/// (one coder's units of one category must not overlap). Touching units stay separate: back to
/// back units are a legitimate unitization.
pub fn normalise_units(units: &[CharRange], continuum: CharRange) -> Vec<CharRange> {
    let mut clipped: Vec<CharRange> = units
        .iter()
        .map(|unit| {
            CharRange::new(
                unit.start.clamp(continuum.start, continuum.end),
                unit.end.clamp(continuum.start, continuum.end),
            )
        })
        .filter(|unit| !unit.is_empty())
        .collect();
    clipped.sort_unstable();
    let mut merged: Vec<CharRange> = Vec::with_capacity(clipped.len());
    for unit in clipped {
        match merged.last_mut() {
            Some(last) if unit.start < last.end => last.end = last.end.max(unit.end),
            _ => merged.push(unit),
        }
    }
    merged
}

/// Units and the gaps between them, tiling the continuum. `units` must be normalised.
fn segments(units: &[CharRange], continuum: CharRange) -> Vec<Segment> {
    let mut out = Vec::with_capacity(units.len() * 2 + 1);
    let mut pos = continuum.start;
    for unit in units {
        if unit.start > pos {
            out.push(Segment {
                start: pos,
                end: unit.start,
                marked: false,
            });
        }
        out.push(Segment {
            start: unit.start,
            end: unit.end,
            marked: true,
        });
        pos = unit.end;
    }
    if continuum.end > pos {
        out.push(Segment {
            start: pos,
            end: continuum.end,
            marked: false,
        });
    }
    out
}

fn squared(x: f64) -> f64 {
    x * x
}

fn distance(g: &Segment, h: &Segment) -> f64 {
    match (g.marked, h.marked) {
        (true, true) => {
            squared(g.start as f64 - h.start as f64) + squared(g.end as f64 - h.end as f64)
        }
        (true, false) if h.start <= g.start && g.end <= h.end => squared(g.len() as f64),
        (false, true) if g.start <= h.start && h.end <= g.end => squared(h.len() as f64),
        _ => 0.0,
    }
}

/// Σ_g Σ_h δ² over intersecting segments of two tilings, walked together in one pass.
fn pair_disagreement(a: &[Segment], b: &[Segment]) -> f64 {
    let (mut p, mut q, mut sum) = (0, 0, 0.0);
    while p < a.len() && q < b.len() {
        sum += distance(&a[p], &b[q]);
        let (end_a, end_b) = (a[p].end, b[q].end);
        if end_a <= end_b {
            p += 1;
        }
        if end_b <= end_a {
            q += 1;
        }
    }
    sum
}

/// α_U of one category: `coders[i]` are coder i's units in that category.
pub fn unitizing_alpha(coders: &[Vec<CharRange>], continuum: CharRange) -> Unitizing {
    let m = coders.len();
    let length = continuum.len();
    if m < 2 || length == 0 {
        return Unitizing::from_parts(0.0, 0.0);
    }
    let tilings: Vec<Vec<Segment>> = coders
        .iter()
        .map(|units| segments(&normalise_units(units, continuum), continuum))
        .collect();
    let (m_f, l_f) = (m as f64, length as f64);

    let mut observed = 0.0;
    for i in 0..m {
        for j in i + 1..m {
            observed += 2.0 * pair_disagreement(&tilings[i], &tilings[j]);
        }
    }
    observed /= m_f * (m_f - 1.0) * l_f * l_f;

    let unit_lengths: Vec<f64> = tilings
        .iter()
        .flatten()
        .filter(|segment| segment.marked)
        .map(|segment| segment.len() as f64)
        .collect();
    let mut gap_lengths: Vec<usize> = tilings
        .iter()
        .flatten()
        .filter(|segment| !segment.marked)
        .map(Segment::len)
        .collect();
    // Ascending, with suffix sums, so "all gaps at least l long" is one binary search.
    gap_lengths.sort_unstable();
    let mut suffix_sums = vec![0.0; gap_lengths.len() + 1];
    for index in (0..gap_lengths.len()).rev() {
        suffix_sums[index] = suffix_sums[index + 1] + gap_lengths[index] as f64;
    }
    let units = unit_lengths.len() as f64;
    let mut numerator = 0.0;
    for &l in &unit_lengths {
        let first = gap_lengths.partition_point(|&gap| (gap as f64) < l);
        let count = (gap_lengths.len() - first) as f64;
        let fitting = suffix_sums[first] - count * (l - 1.0);
        numerator += (units - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0 + l * l * fitting;
    }
    let within_units: f64 = unit_lengths.iter().map(|l| l * (l - 1.0)).sum();
    let denominator = m_f * l_f * (m_f * l_f - 1.0) - within_units;
    let expected = if denominator > 0.0 {
        2.0 / l_f * numerator / denominator
    } else {
        0.0
    };
    Unitizing::from_parts(observed, expected)
}

/// α_U over several categories: `categories[c][i]` are coder i's units of category c.
pub fn unitizing_alpha_pooled(
    categories: &[Vec<Vec<CharRange>>],
    continuum: CharRange,
) -> Unitizing {
    let (observed, expected) = categories
        .iter()
        .map(|coders| unitizing_alpha(coders, continuum))
        .fold((0.0, 0.0), |(o, e), one| {
            (o + one.observed, e + one.expected)
        });
    let count = categories.len().max(1) as f64;
    Unitizing::from_parts(observed / count, expected / count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_units_merge_but_touching_ones_stay_apart() {
        let units = [
            CharRange::new(5, 9),
            CharRange::new(0, 3),
            CharRange::new(2, 4),
            CharRange::new(9, 30),
        ];
        assert_eq!(
            normalise_units(&units, CharRange::new(0, 20)),
            vec![
                CharRange::new(0, 4),
                CharRange::new(5, 9),
                CharRange::new(9, 20)
            ]
        );
    }

    #[test]
    fn identical_unitizations_have_no_observed_disagreement() {
        let coder = vec![CharRange::new(2, 5), CharRange::new(8, 9)];
        let result = unitizing_alpha(&[coder.clone(), coder], CharRange::new(0, 10));
        assert_eq!(result.observed, 0.0);
        assert_eq!(result.alpha, Some(1.0));
    }
}
