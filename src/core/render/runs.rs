//! Splitting each block's text into runs for rendering: maximal stretches of text covered by the
//! same set of annotations. Nested and overlapping annotations produce several runs; uncovered
//! text is a run with no annotations, so a block's runs tile it exactly.
//!
//! [`AnnotationIndex`] answers "which annotations overlap this range" with an interval tree
//! (annotations sorted by start, plus a max-end segment tree over them), so one block is
//! cut into runs in O(log A + k log A) without scanning every annotation, and an annotation
//! that spans many blocks is still found from each of them.
//!
//! All ranges here are in text-content code points (not block-relative).

use std::ops::Range;

use crate::core::article::Article;
use crate::core::document::Document;
use crate::core::text::CharRange;

/// Covering sets are small (nesting depth), so up to this many indices live inline.
const INLINE: usize = 4;

/// A short list of annotation indices that does not allocate for up to four entries.
#[derive(Clone, Default)]
pub struct SmallList {
    len: u8,
    inline: [u32; INLINE],
    spill: Vec<u32>,
}

impl SmallList {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, value: u32) {
        if self.spill.is_empty() && usize::from(self.len) < INLINE {
            self.inline[usize::from(self.len)] = value;
            self.len += 1;
        } else {
            if self.spill.is_empty() {
                self.spill
                    .extend_from_slice(&self.inline[..usize::from(self.len)]);
                self.len = 0;
            }
            self.spill.push(value);
        }
    }

    pub fn as_slice(&self) -> &[u32] {
        if self.spill.is_empty() {
            &self.inline[..usize::from(self.len)]
        } else {
            &self.spill
        }
    }

    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, u32> {
        self.as_slice().iter()
    }
}

impl From<&[u32]> for SmallList {
    fn from(values: &[u32]) -> Self {
        let mut list = Self::new();
        for &value in values {
            list.push(value);
        }
        list
    }
}

impl PartialEq for SmallList {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for SmallList {}

impl std::fmt::Debug for SmallList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

/// A stretch of one block's text covered by one set of annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub range: CharRange,
    /// Indices into the annotation list the index was built from (for a document,
    /// `document.annotations`), ascending, i.e. in article order: outer/earlier first.
    pub annotations: SmallList,
}

/// Each block's range in the text content.
pub fn block_ranges(article: &Article) -> Vec<CharRange> {
    article
        .blocks
        .iter()
        .map(|block| CharRange::new(block.start, block.end()))
        .collect()
}

/// Finds annotations by position and blocks by annotation.
#[derive(Clone, Debug)]
pub struct AnnotationIndex {
    blocks: Vec<CharRange>,
    /// Each annotation's range by its index; `None` for orphans and empty ranges.
    ranges: Vec<Option<CharRange>>,
    /// Ranged annotations sorted by (start, end, index).
    starts: Vec<usize>,
    indices: Vec<u32>,
    /// Max-end segment tree over the sorted entries: node 1 is the root, leaves start at
    /// `leaves`. Lets a query skip every subtree whose annotations all end too early.
    max_end: Vec<usize>,
    leaves: usize,
}

impl AnnotationIndex {
    /// Builds the index. `blocks` must be in text order and not overlap (as an article's
    /// blocks are); `annotation_ranges[i]` is annotation `i`'s range. O(A log A + B).
    pub fn new(blocks: Vec<CharRange>, annotation_ranges: Vec<Option<CharRange>>) -> Self {
        let ranges: Vec<Option<CharRange>> = annotation_ranges
            .into_iter()
            .map(|range| range.filter(|r| r.start < r.end))
            .collect();
        let mut entries: Vec<(usize, usize, u32)> = ranges
            .iter()
            .enumerate()
            .filter_map(|(index, range)| {
                let index = u32::try_from(index).ok()?;
                range.map(|r| (r.start, r.end, index))
            })
            .collect();
        entries.sort_unstable();
        let leaves = entries.len().next_power_of_two();
        let mut max_end = vec![0; 2 * leaves];
        for (slot, &(_, end, _)) in entries.iter().enumerate() {
            max_end[leaves + slot] = end;
        }
        for node in (1..leaves).rev() {
            max_end[node] = max_end[2 * node].max(max_end[2 * node + 1]);
        }
        Self {
            blocks,
            ranges,
            starts: entries.iter().map(|e| e.0).collect(),
            indices: entries.iter().map(|e| e.2).collect(),
            max_end,
            leaves,
        }
    }

    /// The index of a document's annotations over the given blocks (see [`block_ranges`]).
    pub fn from_document(document: &Document, blocks: Vec<CharRange>) -> Self {
        Self::new(
            blocks,
            document.annotations().iter().map(|a| a.range).collect(),
        )
    }

    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }

    pub fn blocks(&self) -> &[CharRange] {
        &self.blocks
    }

    /// Indices of the annotations sharing at least one code point with `range`, ascending.
    pub fn overlapping(&self, range: CharRange) -> Vec<u32> {
        let mut found = Vec::new();
        if range.start >= range.end {
            return found;
        }
        // Only entries starting before the range's end can overlap it.
        let limit = self.starts.partition_point(|&start| start < range.end);
        let mut stack = vec![(1usize, 0usize, self.leaves)];
        while let Some((node, low, high)) = stack.pop() {
            if low >= limit || self.max_end[node] <= range.start {
                continue;
            }
            if high - low == 1 {
                found.push(self.indices[low]);
                continue;
            }
            let middle = (low + high) / 2;
            stack.push((2 * node + 1, middle, high));
            stack.push((2 * node, low, middle));
        }
        found.sort_unstable();
        found
    }

    /// The blocks (as an index range into the block list) sharing a code point with `range`;
    /// empty when it lies wholly between blocks.
    pub fn blocks_touching(&self, range: CharRange) -> Range<usize> {
        let first = self
            .blocks
            .partition_point(|block| block.end <= range.start);
        let end = self.blocks.partition_point(|block| block.start < range.end);
        first..end.max(first)
    }

    /// The runs of one block. `overlay` adds stretches that are drawn like annotations but are
    /// not in the index (the reader's pending selection, suggestions), each with the number
    /// its runs list it under; callers number them from [`Self::len`] on.
    pub fn block_runs(&self, block: usize, overlay: &[(CharRange, u32)]) -> Vec<Run> {
        let Some(&block_range) = self.blocks.get(block) else {
            return Vec::new();
        };
        let clip = |range: CharRange, index: u32| {
            let (start, end) = (
                range.start.max(block_range.start),
                range.end.min(block_range.end),
            );
            (start < end).then_some((start, end, index))
        };
        let covering: Vec<(usize, usize, u32)> = self
            .overlapping(block_range)
            .into_iter()
            .filter_map(|index| {
                let range = self
                    .ranges
                    .get(usize::try_from(index).ok()?)
                    .copied()
                    .flatten()?;
                clip(range, index)
            })
            .chain(
                overlay
                    .iter()
                    .filter_map(|&(range, index)| clip(range, index)),
            )
            .collect();
        sweep(block_range, covering)
    }

    /// How many annotations the index was built from (ranged or not).
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }
}

/// Splits `block` at every start and end of the (already clipped) covering annotations.
fn sweep(block: CharRange, mut covering: Vec<(usize, usize, u32)>) -> Vec<Run> {
    covering.sort_unstable();
    let mut ends: Vec<(usize, u32)> = covering
        .iter()
        .map(|&(_, end, index)| (end, index))
        .collect();
    ends.sort_unstable();
    let mut runs = Vec::new();
    let mut active: Vec<u32> = Vec::new();
    let (mut next_start, mut next_end) = (0, 0);
    let mut position = block.start;
    while position < block.end {
        while next_end < ends.len() && ends[next_end].0 <= position {
            if let Ok(at) = active.binary_search(&ends[next_end].1) {
                active.remove(at);
            }
            next_end += 1;
        }
        while next_start < covering.len() && covering[next_start].0 <= position {
            if let Err(at) = active.binary_search(&covering[next_start].2) {
                active.insert(at, covering[next_start].2);
            }
            next_start += 1;
        }
        let boundary = [
            covering.get(next_start).map(|c| c.0),
            ends.get(next_end).map(|e| e.0),
            Some(block.end),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(block.end);
        runs.push(Run {
            range: CharRange::new(position, boundary),
            annotations: SmallList::from(active.as_slice()),
        });
        position = boundary;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize) -> CharRange {
        CharRange::new(start, end)
    }

    /// Runs as (start, end, [indices]) for readable tables.
    fn flat(runs: &[Run]) -> Vec<(usize, usize, Vec<u32>)> {
        runs.iter()
            .map(|s| {
                (
                    s.range.start,
                    s.range.end,
                    s.annotations.as_slice().to_vec(),
                )
            })
            .collect()
    }

    /// The obvious O(A·n) answer, to compare the index against.
    fn brute_force(
        block: CharRange,
        ranges: &[Option<CharRange>],
    ) -> Vec<(usize, usize, Vec<u32>)> {
        let cover = |p: usize| -> Vec<u32> {
            (0..ranges.len() as u32)
                .filter(|&i| ranges[i as usize].is_some_and(|r| r.start <= p && p < r.end))
                .collect()
        };
        let mut out: Vec<(usize, usize, Vec<u32>)> = Vec::new();
        for p in block.start..block.end {
            let set = cover(p);
            match out.last_mut() {
                Some(last) if last.2 == set => last.1 = p + 1,
                _ => out.push((p, p + 1, set)),
            }
        }
        out
    }

    #[test]
    fn run_table() {
        // Blocks: [0,10) and [12,20) (the "\n\n" gap is 10..12).
        let blocks = vec![r(0, 10), r(12, 20)];
        type Case = (
            &'static str,
            Vec<Option<CharRange>>,
            Vec<Vec<(usize, usize, Vec<u32>)>>,
        );
        let cases: Vec<Case> = vec![
            (
                "no annotations",
                vec![],
                vec![vec![(0, 10, vec![])], vec![(12, 20, vec![])]],
            ),
            (
                "nested",
                vec![Some(r(1, 9)), Some(r(3, 5))],
                vec![
                    vec![
                        (0, 1, vec![]),
                        (1, 3, vec![0]),
                        (3, 5, vec![0, 1]),
                        (5, 9, vec![0]),
                        (9, 10, vec![]),
                    ],
                    vec![(12, 20, vec![])],
                ],
            ),
            (
                "overlapping",
                vec![Some(r(0, 6)), Some(r(4, 10))],
                vec![
                    vec![(0, 4, vec![0]), (4, 6, vec![0, 1]), (6, 10, vec![1])],
                    vec![(12, 20, vec![])],
                ],
            ),
            (
                "adjacent stay separate",
                vec![Some(r(2, 5)), Some(r(5, 8))],
                vec![
                    vec![
                        (0, 2, vec![]),
                        (2, 5, vec![0]),
                        (5, 8, vec![1]),
                        (8, 10, vec![]),
                    ],
                    vec![(12, 20, vec![])],
                ],
            ),
            (
                "same range twice",
                vec![Some(r(2, 5)), Some(r(2, 5))],
                vec![
                    vec![(0, 2, vec![]), (2, 5, vec![0, 1]), (5, 10, vec![])],
                    vec![(12, 20, vec![])],
                ],
            ),
            (
                "across the block gap",
                vec![Some(r(8, 15))],
                vec![
                    vec![(0, 8, vec![]), (8, 10, vec![0])],
                    vec![(12, 15, vec![0]), (15, 20, vec![])],
                ],
            ),
            (
                "orphan and empty ranges are ignored",
                vec![None, Some(r(3, 3)), Some(r(4, 6))],
                vec![
                    vec![(0, 4, vec![]), (4, 6, vec![2]), (6, 10, vec![])],
                    vec![(12, 20, vec![])],
                ],
            ),
            (
                "only in the gap",
                vec![Some(r(10, 12))],
                vec![vec![(0, 10, vec![])], vec![(12, 20, vec![])]],
            ),
            (
                "five deep spills the small list",
                vec![
                    Some(r(0, 10)),
                    Some(r(1, 9)),
                    Some(r(2, 8)),
                    Some(r(3, 7)),
                    Some(r(4, 6)),
                ],
                vec![
                    vec![
                        (0, 1, vec![0]),
                        (1, 2, vec![0, 1]),
                        (2, 3, vec![0, 1, 2]),
                        (3, 4, vec![0, 1, 2, 3]),
                        (4, 6, vec![0, 1, 2, 3, 4]),
                        (6, 7, vec![0, 1, 2, 3]),
                        (7, 8, vec![0, 1, 2]),
                        (8, 9, vec![0, 1]),
                        (9, 10, vec![0]),
                    ],
                    vec![(12, 20, vec![])],
                ],
            ),
        ];
        for (name, ranges, expected) in cases {
            let index = AnnotationIndex::new(blocks.clone(), ranges.clone());
            let got: Vec<_> = (0..blocks.len())
                .map(|block| flat(&index.block_runs(block, &[])))
                .collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn a_long_annotation_is_found_from_every_block_it_spans() {
        // One annotation over blocks 1..=98, then many short ones after it in start order:
        // a max-end scan would have to walk them all; the tree must still find the long one.
        let blocks: Vec<CharRange> = (0..100).map(|b| r(b * 12, b * 12 + 10)).collect();
        let mut ranges = vec![Some(r(15, 98 * 12 + 5))];
        ranges.extend((0..100).map(|b| Some(r(b * 12 + 1, b * 12 + 3))));
        let index = AnnotationIndex::new(blocks.clone(), ranges.clone());
        assert_eq!(index.blocks_touching(r(15, 98 * 12 + 5)), 1..99);
        for block in [0, 1, 50, 98, 99] {
            let got = flat(&index.block_runs(block, &[]));
            assert_eq!(got, brute_force(blocks[block], &ranges), "block {block}");
        }
        assert_eq!(index.overlapping(r(50 * 12, 50 * 12 + 1)), vec![0]);
        assert_eq!(index.overlapping(r(50 * 12, 50 * 12 + 2)), vec![0, 51]);
    }

    #[test]
    fn index_agrees_with_brute_force_on_a_dense_mix() {
        // Deterministic pseudo-random ranges (no randomness in the core, so a tiny LCG here).
        let mut state: u64 = 42;
        let mut next = |bound: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % bound
        };
        let blocks: Vec<CharRange> = (0..20).map(|b| r(b * 32, b * 32 + 30)).collect();
        let ranges: Vec<Option<CharRange>> = (0..150)
            .map(|_| {
                if next(10) == 0 {
                    return None;
                }
                let start = next(640);
                let len = if next(8) == 0 { next(200) } else { next(12) };
                Some(r(start, (start + len).min(640)))
            })
            .collect();
        let index = AnnotationIndex::new(blocks.clone(), ranges.clone());
        for (block, &range) in blocks.iter().enumerate() {
            assert_eq!(
                flat(&index.block_runs(block, &[])),
                brute_force(range, &ranges),
                "block {block}"
            );
        }
        for probe in [r(0, 1), r(31, 33), r(100, 300), r(639, 640), r(5, 5)] {
            let expected: Vec<u32> = (0..ranges.len() as u32)
                .filter(|&i| {
                    ranges[i as usize]
                        .is_some_and(|a| a.start.max(probe.start) < a.end.min(probe.end))
                })
                .collect();
            assert_eq!(index.overlapping(probe), expected, "{probe:?}");
        }
    }

    #[test]
    fn blocks_touching_table() {
        let index = AnnotationIndex::new(vec![r(0, 10), r(12, 20), r(22, 30)], vec![]);
        let cases = [
            (r(0, 1), 0..1),
            (r(9, 13), 0..2),
            (r(10, 12), 1..1),
            (r(5, 25), 0..3),
            (r(20, 22), 2..2),
            (r(29, 40), 2..3),
            (r(30, 40), 3..3),
        ];
        for (range, expected) in cases {
            assert_eq!(index.blocks_touching(range), expected, "{range:?}");
        }
    }

    #[test]
    fn runs_tile_every_block_with_twenty_thousand_annotations() {
        // The size the benchmark measures (benches/reanchor.rs times it): here, only that the
        // runs of every block cover it exactly, once, in order.
        let blocks: Vec<CharRange> = (0..1000).map(|b| r(b * 602, b * 602 + 600)).collect();
        let text_end = 1000 * 602;
        let ranges: Vec<Option<CharRange>> = (0..20_000usize)
            .map(|i| {
                let start = (i * 7919) % text_end;
                // Mostly sentence-length, some spanning several blocks.
                let len = if i % 500 == 0 { 3000 } else { 20 + i % 80 };
                Some(r(start, (start + len).min(text_end)))
            })
            .collect();
        let index = AnnotationIndex::new(blocks.clone(), ranges);
        for (block, range) in blocks.iter().enumerate() {
            let runs = index.block_runs(block, &[]);
            let mut position = range.start;
            for run in &runs {
                assert_eq!(
                    run.range.start, position,
                    "block {block}: runs are contiguous"
                );
                position = run.range.end;
            }
            assert_eq!(
                position, range.end,
                "block {block}: runs reach the block's end"
            );
        }
    }

    #[test]
    fn overlay_stretches_are_cut_into_runs_under_their_own_numbers() {
        let index = AnnotationIndex::new(vec![r(0, 10), r(12, 20)], vec![Some(r(2, 6))]);
        let runs = flat(&index.block_runs(0, &[(r(4, 15), 7)]));
        assert_eq!(
            runs,
            vec![
                (0, 2, vec![]),
                (2, 4, vec![0]),
                (4, 6, vec![0, 7]),
                (6, 10, vec![7]),
            ]
        );
        assert_eq!(
            flat(&index.block_runs(1, &[(r(4, 15), 7)]))[0],
            (12, 15, vec![7])
        );
    }

    #[test]
    fn small_list_keeps_order_across_the_inline_limit() {
        let mut list = SmallList::new();
        for value in 0..7 {
            list.push(value);
            assert_eq!(list.as_slice(), (0..=value).collect::<Vec<_>>().as_slice());
        }
        assert_eq!(list.len(), 7);
        assert!(SmallList::new().is_empty());
    }
}
