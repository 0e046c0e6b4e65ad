//! Bounded approximate string matching over code points: Myers' bit-parallel edit distance
//! (Myers 1999, "A fast bit-vector algorithm for approximate string matching based on dynamic
//! programming"), in its blocked form so patterns of any length work — 64 pattern characters
//! per machine word, O(⌈m/64⌉) word operations per text character.
//!
//! Used by re-anchoring to find a quote whose text was lightly edited. Distances are
//! Levenshtein distances (insert, delete, substitute one code point, each costing 1).

/// Bit-parallel form of a pattern: for each character, the bit mask of the pattern positions
/// holding it (Myers' `Peq`), in blocks of 64 positions.
struct BitPattern {
    len: usize,
    blocks: usize,
    /// The bit of the pattern's last position within the last block.
    last_bit: u64,
    /// `blocks` words per ASCII character, indexed by `character * blocks + block`.
    ascii: Vec<u64>,
    /// The pattern's distinct non-ASCII characters, sorted, and their masks.
    other_chars: Vec<char>,
    other_masks: Vec<u64>,
}

/// Which row-0 boundary the dynamic programme uses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A match may start anywhere in the text (row 0 is all zeros).
    Search,
    /// The match starts at the first text character (row 0 counts up: 0, 1, 2, ...).
    Global,
}

impl BitPattern {
    fn new(pattern: &[char]) -> Self {
        let len = pattern.len();
        let blocks = len.div_ceil(64).max(1);
        let mut other_chars: Vec<char> =
            pattern.iter().copied().filter(|c| !c.is_ascii()).collect();
        other_chars.sort_unstable();
        other_chars.dedup();
        let mut ascii = vec![0u64; 128 * blocks];
        let mut other_masks = vec![0u64; other_chars.len() * blocks];
        for (position, &character) in pattern.iter().enumerate() {
            let (block, bit) = (position / 64, 1u64 << (position % 64));
            if character.is_ascii() {
                ascii[character as usize * blocks + block] |= bit;
            } else if let Ok(row) = other_chars.binary_search(&character) {
                other_masks[row * blocks + block] |= bit;
            }
        }
        BitPattern {
            len,
            blocks,
            last_bit: 1 << ((len.max(1) - 1) % 64),
            ascii,
            other_chars,
            other_masks,
        }
    }

    #[inline]
    /// The masks of `character`, one per block, or `None` when it is not in the pattern.
    fn masks(&self, character: char) -> Option<&[u64]> {
        if character.is_ascii() {
            let start = character as usize * self.blocks;
            return Some(&self.ascii[start..start + self.blocks]);
        }
        let row = self.other_chars.binary_search(&character).ok()?;
        Some(&self.other_masks[row * self.blocks..(row + 1) * self.blocks])
    }

    /// Runs the dynamic programme over `text`, calling `on_column(j, distance)` after text
    /// character `j` with the edit distance between the whole pattern and the best text
    /// substring ending at `j` (Search) or the text prefix `..=j` (Global).
    fn scan(
        &self,
        text: impl Iterator<Item = char>,
        mode: Mode,
        mut on_column: impl FnMut(usize, usize),
    ) {
        // Vertical deltas of each column: positive (pv) and negative (mv) bit vectors.
        let mut positive = vec![u64::MAX; self.blocks];
        let mut negative = vec![0u64; self.blocks];
        let mut distance = self.len;
        let top_delta = match mode {
            Mode::Search => 0,
            Mode::Global => 1,
        };
        if self.blocks == 1 {
            // Most quotes fit one word: keep the state in registers.
            let (mut pv, mut mv) = (u64::MAX, 0u64);
            for (column, character) in text.enumerate() {
                let equal = self.masks(character).map_or(0, |masks| masks[0]);
                let carry = advance_block(&mut pv, &mut mv, equal, top_delta, self.last_bit);
                distance = distance.wrapping_add_signed(carry as isize);
                on_column(column, distance);
            }
            return;
        }
        let zeros = vec![0u64; self.blocks];
        for (column, character) in text.enumerate() {
            let masks = self.masks(character).unwrap_or(&zeros);
            let mut carry = top_delta;
            for block in 0..self.blocks {
                let high_bit = if block + 1 == self.blocks {
                    self.last_bit
                } else {
                    1 << 63
                };
                carry = advance_block(
                    &mut positive[block],
                    &mut negative[block],
                    masks[block],
                    carry,
                    high_bit,
                );
            }
            // `carry` is now the horizontal delta of the pattern's last row.
            distance = distance.wrapping_add_signed(carry as isize);
            on_column(column, distance);
        }
    }
}

#[inline(always)]
/// One column step of one 64-row block (Myers 1999, fig. 7 `advance_block`): updates the
/// block's vertical deltas for text character mask `equal` given the horizontal delta
/// entering from the block above, and returns the horizontal delta leaving its bottom row.
fn advance_block(
    positive: &mut u64,
    negative: &mut u64,
    equal: u64,
    delta_in: i8,
    high_bit: u64,
) -> i8 {
    let (pv, mv) = (*positive, *negative);
    let xv = equal | mv;
    let equal = if delta_in < 0 { equal | 1 } else { equal };
    let xh = (((equal & pv).wrapping_add(pv)) ^ pv) | equal;
    let mut ph = mv | !(xh | pv);
    let mut mh = pv & xh;
    let delta_out = if ph & high_bit != 0 {
        1
    } else if mh & high_bit != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if delta_in < 0 {
        mh |= 1;
    } else if delta_in > 0 {
        ph |= 1;
    }
    *positive = mh | !(xv | ph);
    *negative = ph & xv;
    delta_out
}

/// The Levenshtein distance between `a` and `b`, counted in code points.
/// O(|b| · ⌈|a|/64⌉) word operations.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    if a.is_empty() {
        return b.len();
    }
    let mut distance = a.len();
    BitPattern::new(a).scan(b.iter().copied(), Mode::Global, |_, d| distance = d);
    distance
}

/// An approximate occurrence of a pattern: `text[start..end]` is within `distance` edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApproxMatch {
    pub start: usize,
    pub end: usize,
    pub distance: usize,
}

/// Occurrences in `text` within `max_errors` edits of `pattern`, at most `limit` of them (the
/// closest first, then by position).
///
/// Where the text matches, a run of neighbouring end positions all qualify; each run yields
/// its best end positions (the least distance, at most four of them), and for each the start
/// that gives that distance, preferring a length nearest the pattern's. So one lightly edited
/// quote gives one or two overlapping matches, not dozens.
pub fn find_approximate(
    pattern: &[char],
    text: &[char],
    max_errors: usize,
    limit: usize,
) -> Vec<ApproxMatch> {
    if pattern.is_empty() || limit == 0 {
        return Vec::new();
    }
    const ENDS_PER_RUN: usize = 4;
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<(usize, usize)>, ends: &mut Vec<(usize, usize)>| {
        if let Some(best) = run.iter().map(|&(_, d)| d).min() {
            ends.extend(run.iter().filter(|&&(_, d)| d == best).take(ENDS_PER_RUN));
        }
        run.clear();
    };
    BitPattern::new(pattern).scan(text.iter().copied(), Mode::Search, |column, distance| {
        if distance <= max_errors {
            run.push((column + 1, distance));
        } else if !run.is_empty() {
            flush(&mut run, &mut ends);
        }
    });
    flush(&mut run, &mut ends);

    ends.sort_by_key(|&(end, distance)| (distance, end));
    ends.truncate(limit);
    let reversed: Vec<char> = pattern.iter().rev().copied().collect();
    let reversed_pattern = BitPattern::new(&reversed);
    let mut matches: Vec<ApproxMatch> = ends
        .into_iter()
        .map(|(end, distance)| {
            let earliest = end.saturating_sub(pattern.len() + max_errors);
            let (start, distance) = best_start(&reversed_pattern, text, earliest, end, distance);
            ApproxMatch {
                start,
                end,
                distance,
            }
        })
        .collect();
    matches.sort_by_key(|m| (m.distance, m.start, m.end));
    matches.dedup();
    matches
}

/// The start in `earliest..=end` minimising the edit distance between the pattern (given
/// reversed) and `text[start..end]`; among equals, the length nearest the pattern's.
/// Scanning backwards from `end` with the reversed pattern in global mode gives that distance
/// for every start in one pass.
fn best_start(
    reversed_pattern: &BitPattern,
    text: &[char],
    earliest: usize,
    end: usize,
    fallback: usize,
) -> (usize, usize) {
    let pattern_len = reversed_pattern.len;
    // Taking no text at all costs the whole pattern.
    let mut best = (pattern_len, pattern_len, end);
    let backwards = text[earliest..end].iter().rev().copied();
    reversed_pattern.scan(backwards, Mode::Global, |column, distance| {
        let taken = column + 1;
        let key = (distance, taken.abs_diff(pattern_len));
        if key < (best.0, best.1) {
            best = (distance, taken.abs_diff(pattern_len), end - taken);
        }
    });
    debug_assert!(
        best.0 <= fallback,
        "start search found {} > {}",
        best.0,
        fallback
    );
    (best.2, best.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Textbook dynamic programme, the reference for the bit-parallel one.
    fn reference_distance(a: &[char], b: &[char]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, &ca) in a.iter().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for (j, &cb) in b.iter().enumerate() {
                let substitute = diagonal + usize::from(ca != cb);
                diagonal = row[j + 1];
                row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
            }
        }
        row[b.len()]
    }

    /// Best distance of `pattern` against any substring of `text` ending at each position.
    fn reference_search(pattern: &[char], text: &[char]) -> Vec<usize> {
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut result = Vec::new();
        for &t in text {
            let mut next = vec![0; pattern.len() + 1];
            for i in 1..=pattern.len() {
                next[i] = (column[i - 1] + usize::from(pattern[i - 1] != t))
                    .min(column[i] + 1)
                    .min(next[i - 1] + 1);
            }
            result.push(next[pattern.len()]);
            column = next;
        }
        result
    }

    /// A tiny deterministic generator (xorshift) for randomised comparisons.
    struct Xorshift(u64);
    impl Xorshift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn text(&mut self, len: usize, alphabet: &[char]) -> Vec<char> {
            (0..len)
                .map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize])
                .collect()
        }
    }

    const ALPHABET: &[char] = &['a', 'b', 'c', 'é', '字', '👍', ' '];

    #[test]
    fn edit_distance_agrees_with_the_textbook_programme_across_block_sizes() {
        let mut random = Xorshift(0x9E37_79B9_7F4A_7C15);
        for &len in &[1, 5, 63, 64, 65, 127, 128, 129, 200] {
            for _ in 0..20 {
                let a = random.text(len, ALPHABET);
                let b_len = (random.next() % (len as u64 + 20)) as usize;
                let b = random.text(b_len, ALPHABET);
                assert_eq!(
                    edit_distance(&a, &b),
                    reference_distance(&a, &b),
                    "len {len}"
                );
            }
        }
    }

    #[test]
    fn search_distances_agree_with_the_textbook_programme() {
        let mut random = Xorshift(12345);
        for &len in &[3, 64, 65, 150] {
            for _ in 0..10 {
                let pattern = random.text(len, ALPHABET);
                let text = random.text(300, ALPHABET);
                let mut distances = Vec::new();
                BitPattern::new(&pattern)
                    .scan(text.iter().copied(), Mode::Search, |_, d| distances.push(d));
                assert_eq!(distances, reference_search(&pattern, &text), "len {len}");
            }
        }
    }

    #[test]
    fn edit_distance_examples() {
        let cases = [
            ("", "", 0),
            ("", "abc", 3),
            ("kitten", "sitting", 3),
            ("“quoted”", "\"quoted\"", 2),
            ("👩\u{200D}👩\u{200D}👧", "👩\u{200D}👩\u{200D}👦", 1),
            ("e\u{301}", "é", 2),
        ];
        for (a, b, expected) in cases {
            assert_eq!(
                edit_distance(&chars(a), &chars(b)),
                expected,
                "{a:?} vs {b:?}"
            );
        }
    }

    #[test]
    fn finds_an_edited_phrase_with_its_exact_extent() {
        let text = chars("Officials said the bridge will reopen in spring. Nobody believed them.");
        let pattern = chars("the brige will reopen in sprng");
        let found = find_approximate(&pattern, &text, 5, 8);
        assert_eq!(found.len(), 1, "{found:?}");
        let start = 15;
        assert_eq!(
            text[found[0].start..found[0].end]
                .iter()
                .collect::<String>(),
            "the bridge will reopen in spring"
        );
        assert_eq!((found[0].start, found[0].distance), (start, 2));
    }

    #[test]
    fn finds_long_patterns_across_blocks() {
        let sentence = "A long sentence that is definitely longer than sixty-four code points, with ümlauts and 字.";
        let text = chars(&format!("Intro text. {sentence} Outro text."));
        let edited = sentence
            .replace("definitely", "definately")
            .replace("ümlauts", "umlauts");
        let found = find_approximate(&chars(&edited), &text, 10, 8);
        assert_eq!(found[0].distance, 2);
        assert_eq!(
            text[found[0].start..found[0].end]
                .iter()
                .collect::<String>(),
            sentence
        );
    }

    #[test]
    fn reports_nothing_beyond_the_error_bound() {
        let text = chars("completely unrelated words here");
        assert!(find_approximate(&chars("the minister"), &text, 2, 8).is_empty());
        assert!(find_approximate(&[], &text, 2, 8).is_empty());
    }

    #[test]
    fn repeated_phrases_give_one_match_each() {
        let text = chars("we will win. they will wim. we will win.");
        let found = find_approximate(&chars("we will win"), &text, 3, 8);
        let found: Vec<(usize, usize)> = found.iter().map(|m| (m.start, m.distance)).collect();
        // "they will wim" is three edits away ("ey" for "we", "m" for "n").
        // Its run of qualifying end positions has two equally good ends ("wi", "wim"): both
        // are reported, overlapping, and nothing else is.
        assert_eq!(found[..2], [(0, 0), (28, 0)]);
        assert!(!found[2..].is_empty());
        assert!(
            found[2..]
                .iter()
                .all(|&(start, distance)| (13..=16).contains(&start) && distance == 3),
            "{found:?}"
        );
    }
}
