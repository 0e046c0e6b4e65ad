//! Pairing spans of two annotators one-to-one, exactly or by overlap, and the span F1 scores.
//!
//! **Overlap rule.** Two spans can pair when |A ∩ B| / |A ∪ B| ≥ 0.5 (intersection over union,
//! compared in integers so that exactly one half counts). Several candidates may qualify, so
//! pairs are chosen greedily: highest IoU first; ties go to the pair whose earlier start is
//! earliest, then whose later start is earliest, then the shorter union, then input order.
//! Each span is used at most once, so one long span cannot match two short ones.

use std::cmp::Ordering;

use crate::core::text::CharRange;

/// Intersection and union lengths of two ranges, in code points.
pub fn intersection_union(a: CharRange, b: CharRange) -> (usize, usize) {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.len() + b.len() - inter;
    (inter, union)
}

/// IoU as a float, for reports and partial credit; 0 for two empty ranges.
pub fn iou(a: CharRange, b: CharRange) -> f64 {
    let (inter, union) = intersection_union(a, b);
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// IoU ≥ 0.5, decided without rounding.
pub fn overlap_matches(a: CharRange, b: CharRange) -> bool {
    let (inter, union) = intersection_union(a, b);
    inter > 0 && 2 * inter >= union
}

/// All index pairs `(i, j)` whose ranges share at least one code point, found by a sweep over
/// starts so that the cost follows the number of overlaps, not |A|·|B|.
pub fn overlapping_pairs(a: &[CharRange], b: &[CharRange]) -> Vec<(usize, usize)> {
    let mut events: Vec<(usize, bool, usize)> = a
        .iter()
        .enumerate()
        .map(|(i, range)| (range.start, false, i))
        .chain(
            b.iter()
                .enumerate()
                .map(|(j, range)| (range.start, true, j)),
        )
        .collect();
    events.sort_unstable();
    let mut active_a: Vec<usize> = Vec::new();
    let mut active_b: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (start, from_b, index) in events {
        active_a.retain(|&i| a[i].end > start);
        active_b.retain(|&j| b[j].end > start);
        // Everything still active started no later and ends after this start, so it overlaps
        // (unless this span is empty).
        if from_b {
            if !b[index].is_empty() {
                pairs.extend(active_a.iter().map(|&i| (i, index)));
            }
            active_b.push(index);
        } else {
            if !a[index].is_empty() {
                pairs.extend(active_b.iter().map(|&j| (index, j)));
            }
            active_a.push(index);
        }
    }
    pairs
}

/// Compares the IoU of two pairs exactly: i1/u1 against i2/u2.
fn compare_iou((i1, u1): (usize, usize), (i2, u2): (usize, usize)) -> Ordering {
    (i1 as u128 * u2 as u128).cmp(&(i2 as u128 * u1 as u128))
}

/// One-to-one overlap pairing (see the module comment for the rule). Returns `(i, j)` pairs.
pub fn match_overlap(a: &[CharRange], b: &[CharRange]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(usize, usize, (usize, usize))> = overlapping_pairs(a, b)
        .into_iter()
        .filter(|&(i, j)| overlap_matches(a[i], b[j]))
        .map(|(i, j)| (i, j, intersection_union(a[i], b[j])))
        .collect();
    candidates.sort_by(|&(i1, j1, s1), &(i2, j2, s2)| {
        let starts = |i: usize, j: usize| {
            let (x, y) = (a[i].start, b[j].start);
            (x.min(y), x.max(y))
        };
        compare_iou(s2, s1)
            .then_with(|| starts(i1, j1).cmp(&starts(i2, j2)))
            .then_with(|| s1.1.cmp(&s2.1))
            .then_with(|| (i1, j1).cmp(&(i2, j2)))
    });
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut pairs = Vec::new();
    for (i, j, _) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Number of one-to-one pairs with identical start and end (a multiset intersection).
pub fn count_exact(a: &[CharRange], b: &[CharRange]) -> usize {
    let mut a: Vec<CharRange> = a.to_vec();
    let mut b: Vec<CharRange> = b.to_vec();
    a.sort_unstable();
    b.sort_unstable();
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// Span F1 of one layer between two annotators.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpanF1 {
    pub left: usize,
    pub right: usize,
    pub exact_matches: usize,
    pub overlap_matches: usize,
    /// 2·exact / (|A| + |B|); 1.0 when both are empty (they agree there is nothing to mark).
    pub exact: f64,
    /// 2·overlap / (|A| + |B|); 1.0 when both are empty.
    pub overlap: f64,
}

impl SpanF1 {
    pub fn both_empty(&self) -> bool {
        self.left == 0 && self.right == 0
    }
}

pub fn f1(matches: usize, left: usize, right: usize) -> f64 {
    if left + right == 0 {
        1.0
    } else {
        2.0 * matches as f64 / (left + right) as f64
    }
}

pub fn span_f1(a: &[CharRange], b: &[CharRange]) -> SpanF1 {
    SpanF1::from_counts(
        a.len(),
        b.len(),
        count_exact(a, b),
        match_overlap(a, b).len(),
    )
}

impl SpanF1 {
    pub fn from_counts(
        left: usize,
        right: usize,
        exact_matches: usize,
        overlap_matches: usize,
    ) -> Self {
        SpanF1 {
            left,
            right,
            exact_matches,
            overlap_matches,
            exact: f1(exact_matches, left, right),
            overlap: f1(overlap_matches, left, right),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize) -> CharRange {
        CharRange::new(start, end)
    }

    #[test]
    fn sweep_finds_exactly_the_overlapping_pairs() {
        let a = [r(0, 10), r(5, 6), r(20, 30), r(30, 31)];
        let b = [r(9, 21), r(0, 1), r(10, 20), r(31, 40)];
        let mut found = overlapping_pairs(&a, &b);
        found.sort_unstable();
        let mut brute = Vec::new();
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                if x.overlaps(y) {
                    brute.push((i, j));
                }
            }
        }
        assert_eq!(found, brute);
    }

    #[test]
    fn iou_half_is_decided_exactly() {
        // [0,10) and [5,15): 5 shared of 15 → 1/3, no; [0,10) and [0,5): 5 of 10 → exactly 1/2.
        assert!(!overlap_matches(r(0, 10), r(5, 15)));
        assert!(overlap_matches(r(0, 10), r(0, 5)));
        assert!(!overlap_matches(r(0, 10), r(0, 4)));
    }

    #[test]
    fn equal_iou_goes_to_the_earliest_start() {
        // [10,20) has IoU 8/12 with both [8,18) and [12,22); the pair starting at 8 wins.
        let a = [r(10, 20)];
        let b = [r(12, 22), r(8, 18)];
        assert_eq!(match_overlap(&a, &b), vec![(0, 1)]);
        assert_eq!(match_overlap(&b, &a), vec![(1, 0)]);
    }

    #[test]
    fn greedy_prefers_the_higher_iou() {
        // b[0] fits a[1] better (IoU 1) than a[0] (IoU 0.8): the better pair wins, a[0] is free.
        let a = [r(0, 10), r(2, 10)];
        let b = [r(2, 10)];
        assert_eq!(match_overlap(&a, &b), vec![(1, 0)]);
    }
}
