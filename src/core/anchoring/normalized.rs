//! The text as matching sees it: quotation marks folded, whitespace runs collapsed, with the
//! map back to the text's offsets, and an n-gram index for finding quotes in long texts.

use super::GRAM_LEN;
use crate::core::text::typography::fold_quote_mark;
use crate::core::text::CharRange;

/// `text` normalised for matching: see [`fold_into`].
pub(super) fn normalize(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.len());
    let mut after_space = false;
    for c in text.chars() {
        fold_into(c, &mut after_space, &mut chars);
    }
    chars
}

/// Appends `c` to normalised text `out`, folding quotation marks, and collapsing each run of
/// whitespace to one character: a line break if the run has one (the text content's block
/// separator, which context should not confuse with a space), else a space. Returns whether
/// a character was appended (false when `c` joined the run before it).
pub(super) fn fold_into(c: char, after_space: &mut bool, out: &mut Vec<char>) -> bool {
    let is_space = c.is_whitespace();
    let joins_run = is_space && *after_space;
    *after_space = is_space;
    let is_break = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    if joins_run {
        if let (true, Some(last)) = (is_break, out.last_mut()) {
            *last = '\n';
        }
        return false;
    }
    out.push(match c {
        _ if is_break => '\n',
        _ if is_space => ' ',
        _ => fold_quote_mark(c),
    });
    true
}

/// The normalised text and the correspondence between its offsets and the text's.
pub(super) struct Normalized {
    pub(super) chars: Vec<char>,
    /// `text_offsets[i]`: code point offset in the text where normalised character `i`
    /// starts; one extra entry, the text's length.
    text_offsets: Vec<usize>,
    /// `of_text[j]`: the normalised character that text code point `j` became part of; one
    /// extra entry, the normalised length.
    of_text: Vec<usize>,
}

impl Normalized {
    pub(super) fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut text_offsets = Vec::with_capacity(text.len() + 1);
        let mut of_text = Vec::with_capacity(text.len() + 1);
        let mut after_space = false;
        let mut len = 0;
        for (offset, c) in text.chars().enumerate() {
            if fold_into(c, &mut after_space, &mut chars) {
                text_offsets.push(offset);
            }
            of_text.push(chars.len() - 1);
            len = offset + 1;
        }
        text_offsets.push(len);
        of_text.push(chars.len());
        Normalized {
            chars,
            text_offsets,
            of_text,
        }
    }

    /// Text offset where normalised offset `normalized` starts.
    pub(super) fn text_offset(&self, normalized: usize) -> usize {
        self.text_offsets[normalized.min(self.chars.len())]
    }

    /// The normalised offset containing text offset `offset`.
    pub(super) fn bounds_start(&self, offset: usize) -> usize {
        self.of_text[offset.min(self.of_text.len() - 1)]
    }

    /// The normalised range covering text range `range`.
    pub(super) fn bounds(&self, range: CharRange) -> (usize, usize) {
        let start = self.bounds_start(range.start);
        let end = if range.end == 0 {
            0
        } else {
            self.bounds_start(range.end - 1) + 1
        };
        (start, end.max(start))
    }
}

/// Occurrences of every [`GRAM_LEN`]-character n-gram of the normalised text, chained by
/// hash bucket, so a quote's candidates are found without scanning the whole text.
pub(super) struct GramIndex {
    shift: u32,
    /// First position in each bucket, or [`GramIndex::NONE`].
    heads: Vec<u32>,
    /// Next position in the same bucket, or [`GramIndex::NONE`].
    next: Vec<u32>,
}

impl GramIndex {
    const NONE: u32 = u32::MAX;

    /// `None` for texts too short to index, or too long for 32-bit positions.
    pub(super) fn new(chars: &[char]) -> Option<Self> {
        if chars.len() < GRAM_LEN || chars.len() >= Self::NONE as usize {
            return None;
        }
        let positions = chars.len() - GRAM_LEN + 1;
        let bits = (positions * 2).next_power_of_two().trailing_zeros().max(4);
        let shift = 64 - bits;
        let mut heads = vec![Self::NONE; 1 << bits];
        let mut next = vec![Self::NONE; positions];
        // Inserted backwards so that each chain lists positions in increasing order.
        for position in (0..positions).rev() {
            let bucket = (gram_hash(&chars[position..position + GRAM_LEN]) >> shift) as usize;
            next[position] = heads[bucket];
            heads[bucket] = position as u32;
        }
        Some(GramIndex { shift, heads, next })
    }

    /// Positions whose n-gram may equal `gram` (same bucket; the caller verifies).
    pub(super) fn candidates(&self, gram: &[char]) -> impl Iterator<Item = usize> + '_ {
        let bucket = (gram_hash(gram) >> self.shift) as usize;
        let mut position = self.heads[bucket];
        std::iter::from_fn(move || {
            if position == Self::NONE {
                return None;
            }
            let current = position;
            position = self.next[current as usize];
            Some(current as usize)
        })
    }
}

pub(super) fn gram_hash(gram: &[char]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in gram {
        hash = (hash ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    // Mix the high bits, which pick the bucket.
    hash ^= hash >> 29;
    hash.wrapping_mul(0xbf58_476d_1ce4_e5b9)
}
