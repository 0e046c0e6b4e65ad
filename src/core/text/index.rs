//! Text positions: conversions between code points (the model's unit), UTF-8 bytes (Rust's
//! unit) and UTF-16 code units (the DOM's unit), and grapheme-cluster snapping. (Trimming a
//! selected quote down to its words is typographic: [`crate::core::text::typography`].)
//! The file passes 600 lines only because its tests check every offset of every fixture in
//! every unit; the code is under 400.
//!
//! # Units and rounding
//!
//! A [`TextIndex`] is built once per text content in O(n); afterwards code point → byte and code
//! point → UTF-16 conversions are O(1) and the reverse conversions O(log n). A byte or UTF-16
//! offset that falls inside a character (the middle of a UTF-8 sequence, or between the two
//! halves of a surrogate pair) is rounded as the caller asks with [`Rounding`]; range
//! conversions round outward, so a selection never loses half of a character.
//!
//! # Grapheme clusters
//!
//! What a reader sees as one character may be several code points: `"e\u{301}"`, a flag
//! (two regional indicators), or a ZWJ family like 👩‍👩‍👧. A highlight that splits one would
//! render half an emoji, so every range the model stores is snapped to extended grapheme
//! cluster boundaries (Unicode UAX #29, via `unicode-segmentation`): the start moves back to
//! its cluster's start, the end forward to its cluster's end.
//!
//! # Bidirectional text
//!
//! All positions are in *logical* (memory) order, the order the characters are typed and
//! stored, never visual order. In a right-to-left paragraph (Arabic, Hebrew) or a mixed one,
//! offset 0 is still the first character stored, even where it is displayed at the right; the
//! browser's Selection API also reports logical offsets, so no reordering happens anywhere.

use std::fmt;

use unicode_segmentation::UnicodeSegmentation;

use crate::core::text::CharRange;

/// The unit an offset was given in, for error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    CodePoint,
    Utf8Byte,
    Utf16Unit,
}

impl fmt::Display for OffsetUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OffsetUnit::CodePoint => "code points",
            OffsetUnit::Utf8Byte => "UTF-8 bytes",
            OffsetUnit::Utf16Unit => "UTF-16 units",
        })
    }
}

/// Why a position could not be converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    /// The offset is past the end of the text.
    OffsetOutOfRange {
        offset: usize,
        len: usize,
        unit: OffsetUnit,
    },
    /// The range's start is after its end, or its end is past the end of the text.
    RangeOutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextError::OffsetOutOfRange { offset, len, unit } => {
                write!(
                    f,
                    "offset {offset} is past the end of a text of {len} {unit}"
                )
            }
            TextError::RangeOutOfBounds { start, end, len } => write!(
                f,
                "range {start}..{end} is not a valid range in a text of {len} code points"
            ),
        }
    }
}

impl std::error::Error for TextError {}

/// Which way to round an offset that falls inside a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// To the start of the character containing the offset.
    Down,
    /// To the end of the character containing the offset.
    Up,
}

/// Offsets of every code point boundary in another unit, or nothing when that unit counts
/// exactly like code points (ASCII text for bytes, text without astral characters for UTF-16):
/// most articles are mostly ASCII, and this keeps their index small.
#[derive(Clone, Debug)]
enum OffsetTable {
    Identity,
    /// `offsets[i]` is where code point `i` starts; the last entry is the total length.
    Table(Vec<usize>),
}

impl OffsetTable {
    fn offset_of_char(&self, char_offset: usize) -> usize {
        match self {
            OffsetTable::Identity => char_offset,
            OffsetTable::Table(offsets) => offsets[char_offset],
        }
    }

    fn char_at_offset(&self, offset: usize, rounding: Rounding) -> usize {
        match self {
            OffsetTable::Identity => offset,
            OffsetTable::Table(offsets) => match offsets.binary_search(&offset) {
                Ok(exact) => exact,
                // `offset` lies inside code point `next - 1`.
                Err(next) => match rounding {
                    Rounding::Down => next - 1,
                    Rounding::Up => next,
                },
            },
        }
    }
}

/// Positions in one text, precomputed so conversions and grapheme queries are cheap.
#[derive(Clone, Debug)]
pub struct TextIndex<'a> {
    text: &'a str,
    len_chars: usize,
    len_utf16: usize,
    bytes: OffsetTable,
    utf16: OffsetTable,
    /// Bit `i` is set when code point offset `i` is a grapheme cluster boundary (0 and the
    /// length always are).
    grapheme_boundaries: Vec<u64>,
}

impl<'a> TextIndex<'a> {
    /// Indexes `text` in one pass over its characters plus one over its grapheme clusters.
    pub fn new(text: &'a str) -> Self {
        let mut byte_offsets = Vec::new();
        let mut utf16_offsets = Vec::new();
        let is_ascii = text.is_ascii();
        let mut has_astral = false;
        let mut len_chars = 0;
        let mut len_utf16 = 0;
        if is_ascii {
            len_chars = text.len();
            len_utf16 = text.len();
        } else {
            byte_offsets.reserve(text.len() + 1);
            utf16_offsets.reserve(text.len() + 1);
            for (byte, character) in text.char_indices() {
                byte_offsets.push(byte);
                utf16_offsets.push(len_utf16);
                len_utf16 += character.len_utf16();
                has_astral |= character.len_utf16() == 2;
                len_chars += 1;
            }
            byte_offsets.push(text.len());
            utf16_offsets.push(len_utf16);
        }

        let mut grapheme_boundaries = vec![0u64; len_chars / 64 + 1];
        let mut set_boundary =
            |offset: usize| grapheme_boundaries[offset / 64] |= 1 << (offset % 64);
        let mut offset = 0;
        set_boundary(0);
        for cluster in text.graphemes(true) {
            offset += if is_ascii {
                cluster.len()
            } else {
                cluster.chars().count()
            };
            set_boundary(offset);
        }

        TextIndex {
            text,
            len_chars,
            len_utf16,
            bytes: if is_ascii {
                OffsetTable::Identity
            } else {
                OffsetTable::Table(byte_offsets)
            },
            utf16: if has_astral {
                OffsetTable::Table(utf16_offsets)
            } else {
                OffsetTable::Identity
            },
            grapheme_boundaries,
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Length in code points.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Length in UTF-8 bytes.
    pub fn len_bytes(&self) -> usize {
        self.text.len()
    }

    /// Length in UTF-16 code units (the DOM's `length` of the text).
    pub fn len_utf16(&self) -> usize {
        self.len_utf16
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn check_char_offset(&self, char_offset: usize) -> Result<(), TextError> {
        if char_offset > self.len_chars {
            return Err(TextError::OffsetOutOfRange {
                offset: char_offset,
                len: self.len_chars,
                unit: OffsetUnit::CodePoint,
            });
        }
        Ok(())
    }

    fn check_range(&self, range: CharRange) -> Result<(), TextError> {
        if range.start > range.end || range.end > self.len_chars {
            return Err(TextError::RangeOutOfBounds {
                start: range.start,
                end: range.end,
                len: self.len_chars,
            });
        }
        Ok(())
    }

    /// The UTF-8 byte offset where code point `char_offset` starts. O(1).
    pub fn char_to_byte(&self, char_offset: usize) -> Result<usize, TextError> {
        self.check_char_offset(char_offset)?;
        Ok(self.bytes.offset_of_char(char_offset))
    }

    /// The UTF-16 offset where code point `char_offset` starts. O(1).
    pub fn char_to_utf16(&self, char_offset: usize) -> Result<usize, TextError> {
        self.check_char_offset(char_offset)?;
        Ok(self.utf16.offset_of_char(char_offset))
    }

    /// The code point offset of UTF-8 byte offset `byte`; a byte inside a multi-byte character
    /// is rounded as asked. O(log n).
    pub fn byte_to_char(&self, byte: usize, rounding: Rounding) -> Result<usize, TextError> {
        if byte > self.text.len() {
            return Err(TextError::OffsetOutOfRange {
                offset: byte,
                len: self.text.len(),
                unit: OffsetUnit::Utf8Byte,
            });
        }
        Ok(self.bytes.char_at_offset(byte, rounding))
    }

    /// The code point offset of UTF-16 offset `utf16`; an offset between the two halves of a
    /// surrogate pair is rounded as asked. O(log n).
    pub fn utf16_to_char(&self, utf16: usize, rounding: Rounding) -> Result<usize, TextError> {
        if utf16 > self.len_utf16 {
            return Err(TextError::OffsetOutOfRange {
                offset: utf16,
                len: self.len_utf16,
                unit: OffsetUnit::Utf16Unit,
            });
        }
        Ok(self.utf16.char_at_offset(utf16, rounding))
    }

    /// [`Self::utf16_to_char`] for an offset the DOM reported, clamped to the end of the text
    /// instead of an error: a selection point may come from a text node that has changed since
    /// this index was built, and the nearest valid position is then the useful answer.
    pub fn utf16_to_char_clamped(&self, utf16: usize, rounding: Rounding) -> usize {
        self.utf16
            .char_at_offset(utf16.min(self.len_utf16), rounding)
    }

    /// The code point range covering UTF-16 range `start..end`, rounded outward (a start inside
    /// a surrogate pair moves back, an end inside one moves forward). The ends may come in
    /// either order, as a backward DOM selection gives them.
    pub fn utf16_range_to_chars(&self, start: usize, end: usize) -> Result<CharRange, TextError> {
        let (start, end) = (start.min(end), start.max(end));
        Ok(CharRange::new(
            self.utf16_to_char(start, Rounding::Down)?,
            self.utf16_to_char(end, Rounding::Up)?,
        ))
    }

    /// The UTF-16 offsets `(start, end)` of a code point range.
    pub fn char_range_to_utf16(&self, range: CharRange) -> Result<(usize, usize), TextError> {
        self.check_range(range)?;
        Ok((
            self.utf16.offset_of_char(range.start),
            self.utf16.offset_of_char(range.end),
        ))
    }

    /// The text of a code point range. O(1).
    pub fn slice(&self, range: CharRange) -> Result<&'a str, TextError> {
        self.check_range(range)?;
        let start = self.bytes.offset_of_char(range.start);
        let end = self.bytes.offset_of_char(range.end);
        Ok(&self.text[start..end])
    }

    /// The character starting at code point `char_offset`, if there is one.
    pub fn char_at(&self, char_offset: usize) -> Option<char> {
        if char_offset >= self.len_chars {
            return None;
        }
        self.text[self.bytes.offset_of_char(char_offset)..]
            .chars()
            .next()
    }

    /// True when a highlight may start or end at `char_offset` without splitting a grapheme
    /// cluster. False past the end of the text.
    pub fn is_grapheme_boundary(&self, char_offset: usize) -> bool {
        char_offset <= self.len_chars
            && self.grapheme_boundaries[char_offset / 64] & (1 << (char_offset % 64)) != 0
    }

    /// The nearest boundary at or before `char_offset` (clamped to the text).
    pub fn grapheme_boundary_at_or_before(&self, char_offset: usize) -> usize {
        let offset = char_offset.min(self.len_chars);
        let mut word = offset / 64;
        // Keep bits 0..=offset%64 of the first word looked at.
        let mut bits = self.grapheme_boundaries[word] & (u64::MAX >> (63 - offset % 64));
        loop {
            if bits != 0 {
                return word * 64 + 63 - bits.leading_zeros() as usize;
            }
            // Offset 0 is always a boundary, so the loop ends before `word` underflows.
            word -= 1;
            bits = self.grapheme_boundaries[word];
        }
    }

    /// The nearest boundary at or after `char_offset` (clamped to the text).
    pub fn grapheme_boundary_at_or_after(&self, char_offset: usize) -> usize {
        let offset = char_offset.min(self.len_chars);
        let mut word = offset / 64;
        let mut bits = self.grapheme_boundaries[word] & (u64::MAX << (offset % 64));
        loop {
            if bits != 0 {
                return word * 64 + bits.trailing_zeros() as usize;
            }
            // The text's length is always a boundary, so the loop ends inside the vector.
            word += 1;
            bits = self.grapheme_boundaries[word];
        }
    }

    /// Widens `range` to whole grapheme clusters: the start moves back to its cluster's start,
    /// the end forward to its cluster's end. An empty range stays empty, at the start of the
    /// cluster it is in. Out-of-range input is clamped to the text and ordered.
    pub fn snap_to_graphemes(&self, range: CharRange) -> CharRange {
        let start = range.start.min(range.end).min(self.len_chars);
        let end = range.start.max(range.end).min(self.len_chars);
        let snapped_start = self.grapheme_boundary_at_or_before(start);
        if start == end {
            return CharRange::new(snapped_start, snapped_start);
        }
        CharRange::new(snapped_start, self.grapheme_boundary_at_or_after(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts whose every offset is checked exhaustively.
    const FIXTURES: &[&str] = &[
        "",
        "plain ascii text",
        "Family 👩\u{200D}👩\u{200D}👧 at the start",
        "👩\u{200D}👩\u{200D}👧👨\u{200D}👨\u{200D}👦 two families, flags 🇫🇮🇸🇪 and 👍🏽 skin tone",
        "“Café” — cafe\u{301} with a combining accent, and a\u{301}\u{302}\u{303} stacked",
        "中文引号「你好」和『世界』，日本語の文章。",
        "مرحبا بالعالم 123 and English",
        "עברית עם מספרים 2024 ו-English באמצע",
        "Mixed: he said «שלום» then «مرحبا» 42 times 🇮🇱🇵🇸.",
        "tail emoji 👩\u{200D}👩\u{200D}👧",
        "𝕏 astral letters 𝔸𝔹 and 🇫🇮",
        "Paragraph one.\n\nParagraph two with 🇫🇮.",
    ];

    /// A straightforward reference for the grapheme boundaries, by code point offset.
    fn reference_boundaries(text: &str) -> Vec<usize> {
        let mut boundaries = vec![0];
        let mut offset = 0;
        for cluster in text.graphemes(true) {
            offset += cluster.chars().count();
            boundaries.push(offset);
        }
        boundaries
    }

    #[test]
    fn every_code_point_offset_round_trips_through_bytes_and_utf16() {
        for text in FIXTURES {
            let index = TextIndex::new(text);
            assert_eq!(index.len_chars(), text.chars().count(), "{text:?}");
            assert_eq!(index.len_utf16(), text.encode_utf16().count(), "{text:?}");
            for offset in 0..=index.len_chars() {
                let byte = index.char_to_byte(offset).unwrap();
                let utf16 = index.char_to_utf16(offset).unwrap();
                let expected_byte: usize = text.chars().take(offset).map(char::len_utf8).sum();
                assert_eq!(byte, expected_byte, "{text:?} @ {offset}");
                let expected_utf16: usize = text.chars().take(offset).map(char::len_utf16).sum();
                assert_eq!(utf16, expected_utf16, "{text:?} @ {offset}");
                for rounding in [Rounding::Down, Rounding::Up] {
                    assert_eq!(index.byte_to_char(byte, rounding), Ok(offset));
                    assert_eq!(index.utf16_to_char(utf16, rounding), Ok(offset));
                }
                assert_eq!(
                    index.utf16_to_char_clamped(utf16, Rounding::Down),
                    offset,
                    "{text:?} @ {offset}"
                );
            }
        }
    }

    #[test]
    fn offsets_inside_a_character_round_to_its_ends() {
        for text in FIXTURES {
            let index = TextIndex::new(text);
            for byte in 0..=text.len() {
                let down = index.byte_to_char(byte, Rounding::Down).unwrap();
                let up = index.byte_to_char(byte, Rounding::Up).unwrap();
                if text.is_char_boundary(byte) {
                    assert_eq!(down, up);
                } else {
                    assert_eq!(up, down + 1, "{text:?} byte {byte}");
                    assert!(index.char_to_byte(down).unwrap() < byte);
                    assert!(index.char_to_byte(up).unwrap() > byte);
                }
            }
            for utf16 in 0..=index.len_utf16() {
                let down = index.utf16_to_char(utf16, Rounding::Down).unwrap();
                let up = index.utf16_to_char(utf16, Rounding::Up).unwrap();
                let inside_pair = index.char_to_utf16(down).unwrap() != utf16;
                assert_eq!(up, down + usize::from(inside_pair), "{text:?} unit {utf16}");
                assert_eq!(index.utf16_to_char_clamped(utf16, Rounding::Down), down);
                assert_eq!(index.utf16_to_char_clamped(utf16, Rounding::Up), up);
                let range = index.utf16_range_to_chars(utf16, utf16).unwrap();
                assert_eq!((range.start, range.end), (down, up));
            }
        }
    }

    #[test]
    fn a_dom_range_inside_a_surrogate_pair_widens_to_the_whole_emoji() {
        // "a🇫🇮b": a=0, 🇫=1..3, 🇮=3..5, b=5 in UTF-16 units.
        let text = "a🇫🇮b";
        let index = TextIndex::new(text);
        let range = index.utf16_range_to_chars(2, 4).unwrap();
        assert_eq!(range, CharRange::new(1, 3), "both regional indicators");
        assert_eq!(index.snap_to_graphemes(range), CharRange::new(1, 3));
        // Only the first half of the flag selected: still the whole flag once snapped.
        let half = index.utf16_range_to_chars(1, 2).unwrap();
        assert_eq!(index.snap_to_graphemes(half), CharRange::new(1, 3));
        assert_eq!(index.utf16_range_to_chars(4, 2), Ok(CharRange::new(1, 3)));
    }

    #[test]
    fn out_of_range_input_is_an_error_or_clamped_never_a_panic() {
        let index = TextIndex::new("héllo");
        assert_eq!(
            index.char_to_byte(6),
            Err(TextError::OffsetOutOfRange {
                offset: 6,
                len: 5,
                unit: OffsetUnit::CodePoint
            })
        );
        assert!(index.utf16_to_char(99, Rounding::Down).is_err());
        assert!(index.byte_to_char(99, Rounding::Down).is_err());
        assert!(index.slice(CharRange { start: 3, end: 2 }).is_err());
        assert!(index.slice(CharRange { start: 0, end: 6 }).is_err());
        assert_eq!(
            index
                .slice(CharRange { start: 0, end: 9 })
                .unwrap_err()
                .to_string(),
            "range 0..9 is not a valid range in a text of 5 code points"
        );
        assert!(!index.is_grapheme_boundary(6));
        assert_eq!(
            index.snap_to_graphemes(CharRange { start: 4, end: 40 }),
            CharRange::new(4, 5)
        );
        assert_eq!(index.utf16_to_char_clamped(99, Rounding::Down), 5);
        let emoji = TextIndex::new("h👍");
        assert_eq!(emoji.utf16_to_char_clamped(99, Rounding::Up), 2);
        assert_eq!(emoji.utf16_to_char_clamped(2, Rounding::Down), 1);
        assert_eq!(emoji.utf16_to_char_clamped(2, Rounding::Up), 2);
    }

    #[test]
    fn grapheme_boundaries_match_uax29_at_every_offset() {
        for text in FIXTURES {
            let index = TextIndex::new(text);
            let boundaries = reference_boundaries(text);
            for offset in 0..=index.len_chars() {
                assert_eq!(
                    index.is_grapheme_boundary(offset),
                    boundaries.contains(&offset),
                    "{text:?} @ {offset}"
                );
            }
        }
    }

    #[test]
    fn snapping_never_leaves_an_end_inside_a_cluster_and_only_widens() {
        for text in FIXTURES {
            let index = TextIndex::new(text);
            let len = index.len_chars();
            let boundaries = reference_boundaries(text);
            for start in 0..=len {
                for end in start..=len {
                    let snapped = index.snap_to_graphemes(CharRange::new(start, end));
                    assert!(
                        index.is_grapheme_boundary(snapped.start),
                        "{text:?} {start}..{end}"
                    );
                    assert!(
                        index.is_grapheme_boundary(snapped.end),
                        "{text:?} {start}..{end}"
                    );
                    assert!(snapped.start <= start, "{text:?} {start}..{end}");
                    if start < end {
                        assert!(snapped.end >= end, "{text:?} {start}..{end}");
                    }
                    // Snapping moves each end by less than one cluster.
                    assert!(!boundaries.iter().any(|&b| snapped.start < b && b <= start));
                    assert!(
                        start == end || !boundaries.iter().any(|&b| end <= b && b < snapped.end)
                    );
                    let trimmed = index.trim_quote(CharRange::new(start, end));
                    assert!(index.is_grapheme_boundary(trimmed.start));
                    assert!(index.is_grapheme_boundary(trimmed.end));
                }
            }
        }
    }

    #[test]
    fn snapping_widens_to_whole_emoji_and_accented_letters() {
        let text = "Hi 👩\u{200D}👩\u{200D}👧 e\u{301} 🇫🇮 👍🏽!";
        let index = TextIndex::new(text);
        let chars: Vec<char> = text.chars().collect();
        let family = 3..8;
        let accented = 9..11;
        let flag = 12..14;
        let thumb = 15..17;
        assert_eq!(chars[family.start], '👩');
        let cases = [
            (
                CharRange::new(4, 6),
                CharRange::new(family.start, family.end),
            ),
            (
                CharRange::new(10, 11),
                CharRange::new(accented.start, accented.end),
            ),
            (
                CharRange::new(13, 13),
                CharRange::new(flag.start, flag.start),
            ),
            (
                CharRange::new(13, 16),
                CharRange::new(flag.start, thumb.end),
            ),
            (CharRange::new(0, 2), CharRange::new(0, 2)),
        ];
        for (input, expected) in cases {
            assert_eq!(index.snap_to_graphemes(input), expected, "{input:?}");
        }
    }

    #[test]
    fn slices_by_code_point_range() {
        let text = "«שלום» said 👩\u{200D}👩\u{200D}👧 to مرحبا";
        let index = TextIndex::new(text);
        assert_eq!(index.slice(CharRange::new(1, 5)), Ok("שלום"));
        assert_eq!(
            index.slice(CharRange::new(12, 17)),
            Ok("👩\u{200D}👩\u{200D}👧")
        );
        assert_eq!(index.slice(CharRange::new(21, 26)), Ok("مرحبا"));
        assert_eq!(
            index.char_range_to_utf16(CharRange::new(12, 17)),
            Ok((12, 20))
        );
    }

    #[test]
    fn bidirectional_positions_are_in_logical_order() {
        // The Hebrew word is displayed right-to-left but counted in stored order: its first
        // stored letter, ש, is at the lower offset even though it is shown rightmost.
        let text = "Score 3–2: «שלום עולם» 2024, مرحبا 15 times.";
        let index = TextIndex::new(text);
        let start = text.chars().position(|c| c == 'ש').unwrap();
        let end = text.chars().position(|c| c == '»').unwrap();
        assert_eq!(index.slice(CharRange::new(start, end)), Ok("שלום עולם"));
        let arabic = text.chars().position(|c| c == 'م').unwrap();
        assert_eq!(
            index.slice(CharRange::new(arabic, arabic + 8)),
            Ok("مرحبا 15")
        );
        let utf16 = index.char_to_utf16(arabic).unwrap();
        assert_eq!(index.utf16_to_char(utf16, Rounding::Down), Ok(arabic));
        assert_eq!(
            index.trim_quote(CharRange::new(start - 2, end + 1)),
            CharRange::new(start, end)
        );
    }
}
