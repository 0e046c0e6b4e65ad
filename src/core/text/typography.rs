//! The typographic rules every layer must agree on: which characters are quotation marks and
//! how they fold for matching, which scripts are written without spaces between words, and how
//! a person's name is cleaned and compared, and trimming a selection down to the quoted words.
//!
//! # Quotation marks fold by weight, not by language
//!
//! The same passage is typeset with different marks by different publishers, and a reader who
//! types `"we agreed"` or re-opens an article that a translation desk re-typeset expects to
//! find it all the same. So every double mark — straight `"`, English `“ ”`, German `„ “`,
//! French and Swiss `« »`, the reversed `‟`, the full-width `＂`, the CJK corner brackets
//! `「 」 『 』` and the CJK double primes `〝 〞 〟` — folds to `"`, and every single mark —
//! `'`, `‘ ’ ‚ ‛`, `‹ ›` — folds to `'`. Opening and closing marks fold alike because languages
//! disagree on which is which (`“` opens in English and closes in German). Single and double
//! stay apart: `’` is far more often an apostrophe than a quotation mark, and folding it to
//! `"` would let `don’t` match `don"t`.
//!
//! Anchoring ([`crate::core::anchoring`]), "Find and mark" ([`crate::core::text::find`]) and the
//! quotation finder behind suggestions all read marks through this module, so a quote captured
//! between `“ ”` re-anchors in a text that uses `« »`, and typing it with `"` finds both.

use crate::core::text::{CharRange, TextIndex};

/// What a quotation mark folds to when texts are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMark {
    /// Folds to `"`.
    Double,
    /// Folds to `'`; these marks double as apostrophes, see [`may_be_apostrophe`].
    Single,
}

/// Whether `c` is a quotation mark, and of which weight.
pub fn quote_mark(c: char) -> Option<QuoteMark> {
    match c {
        '"' | '\u{201C}' // “
        | '\u{201D}' // ”
        | '\u{201E}' // „
        | '\u{201F}' // ‟
        | '\u{AB}' // «
        | '\u{BB}' // »
        | '\u{FF02}' // ＂
        | '\u{300C}' // 「
        | '\u{300D}' // 」
        | '\u{300E}' // 『
        | '\u{300F}' // 』
        | '\u{301D}' // 〝
        | '\u{301E}' // 〞
        | '\u{301F}' // 〟
        => Some(QuoteMark::Double),
        '\'' | '\u{2018}' // ‘
        | '\u{2019}' // ’
        | '\u{201A}' // ‚
        | '\u{201B}' // ‛
        | '\u{2039}' // ‹
        | '\u{203A}' // ›
        | '\u{FF07}' // ＇
        => Some(QuoteMark::Single),
        _ => None,
    }
}

/// True for every character that may be a quotation mark.
pub fn is_quote_mark(c: char) -> bool {
    quote_mark(c).is_some()
}

/// True for the single marks that are also written as apostrophes (`don’t`, `'90s`,
/// `rock ‘n’ roll`), so that a lone one at the edge of a selection may belong to the words.
/// The angle marks `‹ ›` are never apostrophes.
pub fn may_be_apostrophe(c: char) -> bool {
    quote_mark(c) == Some(QuoteMark::Single) && !matches!(c, '\u{2039}' | '\u{203A}')
}

/// `c` as compared: a double quotation mark becomes `"`, a single one `'`, anything else is
/// itself. One character in, one out, so folded offsets stay the text's offsets.
pub fn fold_quote_mark(c: char) -> char {
    match quote_mark(c) {
        Some(QuoteMark::Double) => '"',
        Some(QuoteMark::Single) => '\'',
        None => c,
    }
}

/// True for characters of scripts written without spaces between words, where each character
/// stands for a word: Han ideographs (all extensions and compatibility forms), Hiragana and
/// Katakana (with their phonetic extensions and half-width forms). Hangul is written with
/// spaces and is not included.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width Katakana
        | 0x20000..=0x3FFFF) // planes 2 and 3: CJK extensions B and later, compatibility supplement
}

/// A name as stored: trimmed, inner whitespace runs collapsed to one space. Names arrive typed,
/// selected across a line break, pasted from a host page or read from a file, and all must
/// come out the same.
pub fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The form in which names are compared: cleaned and lower-cased, so that "Jane  DOE" and
/// "jane doe" are one person.
pub fn name_key(name: &str) -> String {
    clean_name(name).to_lowercase()
}

impl TextIndex<'_> {
    /// Trims whitespace and enclosing quotation marks from both ends of a selection, so that a
    /// reader who drags across `“We will win,” she said` from the opening mark gets the words.
    ///
    /// Rule, applied repeatedly until nothing changes:
    /// - whitespace at either end is removed;
    /// - a quotation mark that is never an apostrophe (every double mark, `«` `»` `‹` `›`
    ///   `「` `」` …: see [`quote_mark`]) at either end is removed;
    /// - a mark that [`may_be_apostrophe`] (`'` `‘` `’` `‚` …) is removed from one end only
    ///   when the other end is also a quotation mark of any kind. Single marks double as apostrophes (`’tis`,
    ///   `rock ’n’ roll`, `the players’`), and a lone one at an end is far more often an
    ///   apostrophe than a quote, so it stays.
    ///
    /// Only a grapheme cluster that is exactly one such character is removed (a mark carrying
    /// a combining accent is text), so the result never splits a cluster; it is snapped to
    /// grapheme clusters. If trimming would leave nothing (a selection of only marks or
    /// spaces), the snapped input is returned unchanged rather than an empty range.
    pub fn trim_quote(&self, range: CharRange) -> CharRange {
        let snapped = self.snap_to_graphemes(range);
        let (mut start, mut end) = (snapped.start, snapped.end);
        loop {
            let first = self.single_char_cluster(start, end, Side::Start);
            let last = self.single_char_cluster(start, end, Side::End);
            let first_kind = first.map(trim_kind);
            let last_kind = last.map(trim_kind);
            let first_is_mark = matches!(
                first_kind,
                Some(TrimKind::DoubleMark | TrimKind::SingleMark)
            );
            let last_is_mark =
                matches!(last_kind, Some(TrimKind::DoubleMark | TrimKind::SingleMark));
            let trim_start = match first_kind {
                Some(TrimKind::Space | TrimKind::DoubleMark) => true,
                Some(TrimKind::SingleMark) => last_is_mark,
                _ => false,
            };
            let trim_end = match last_kind {
                Some(TrimKind::Space | TrimKind::DoubleMark) => true,
                Some(TrimKind::SingleMark) => first_is_mark,
                _ => false,
            };
            if !trim_start && !trim_end {
                break;
            }
            if trim_start {
                start += 1;
            }
            if trim_end && end > start {
                end -= 1;
            }
            if start >= end {
                return snapped;
            }
        }
        CharRange::new(start, end)
    }

    /// The character at one end of `start..end` if the grapheme cluster there is that single
    /// character.
    fn single_char_cluster(&self, start: usize, end: usize, side: Side) -> Option<char> {
        if start >= end {
            return None;
        }
        match side {
            Side::Start if self.is_grapheme_boundary(start + 1) => self.char_at(start),
            Side::End if self.is_grapheme_boundary(end - 1) => self.char_at(end - 1),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
enum Side {
    Start,
    End,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TrimKind {
    Space,
    DoubleMark,
    SingleMark,
    Text,
}

fn trim_kind(character: char) -> TrimKind {
    match character {
        c if c.is_whitespace() => TrimKind::Space,
        c if may_be_apostrophe(c) => TrimKind::SingleMark,
        c if is_quote_mark(c) => TrimKind::DoubleMark,
        _ => TrimKind::Text,
    }
}

/// [`TextIndex::trim_quote`] for a one-off call. Indexes the whole text (O(n)); when the text
/// has an index already, call the method instead.
pub fn trim_quote(text: &str, range: CharRange) -> CharRange {
    TextIndex::new(text).trim_quote(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(text: &str) -> &str {
        let index = TextIndex::new(text);
        let range = index.trim_quote(CharRange::new(0, index.len_chars()));
        index.slice(range).unwrap()
    }

    #[test]
    fn trims_spaces_and_enclosing_quotation_marks() {
        let cases = [
            ("  plain  ", "plain"),
            ("\"straight\"", "straight"),
            ("“curly,” ", "curly,"),
            ("\"'nested'\"", "nested"),
            ("“‘nested curly’”", "nested curly"),
            ("«Guillemets»", "Guillemets"),
            ("„Anführung“", "Anführung"),
            ("‚einfach‘", "einfach"),
            ("‹single angle›", "single angle"),
            ("「你好」", "你好"),
            ("『世界』", "世界"),
            ("“Unclosed opening", "Unclosed opening"),
            ("unclosed closing”", "unclosed closing"),
            ("'single'", "single"),
            ("‘single curly’", "single curly"),
            // Apostrophes at one end only are part of the words.
            ("’tis the season", "’tis the season"),
            ("'twas brillig", "'twas brillig"),
            ("the players’", "the players’"),
            ("the players'", "the players'"),
            ("“’tis true”", "’tis true"),
            ("«שלום»", "שלום"),
            ("“مرحبا”", "مرحبا"),
            ("“👩\u{200D}👩\u{200D}👧”", "👩\u{200D}👩\u{200D}👧"),
            // A mark carrying a combining accent is not a bare mark.
            ("\"\u{301}x\"", "\"\u{301}x"),
            // Nothing but marks or spaces: unchanged, never empty.
            ("“”", "“”"),
            ("\"", "\""),
            ("' '", "' '"),
            ("   ", "   "),
        ];
        for (input, expected) in cases {
            assert_eq!(trimmed(input), expected, "trimming {input:?}");
        }
    }

    #[test]
    fn trim_quote_on_part_of_a_text_and_clamps() {
        let text = "He said “we will win” today.";
        let start = text.chars().position(|c| c == '“').unwrap();
        let end = text.chars().position(|c| c == '”').unwrap() + 1;
        let range = trim_quote(text, CharRange::new(start - 1, end + 1));
        assert_eq!(TextIndex::new(text).slice(range), Ok("we will win"));
        assert_eq!(
            trim_quote("ab", CharRange::new(1, 50)),
            CharRange::new(1, 2)
        );
        assert_eq!(trim_quote("", CharRange::new(0, 0)), CharRange::new(0, 0));
    }

    #[test]
    fn marks_fold_by_weight() {
        for c in "\"“”„‟«»＂「」『』〝〞〟".chars() {
            assert_eq!(fold_quote_mark(c), '"', "{c:?}");
            assert!(!may_be_apostrophe(c), "{c:?}");
        }
        for c in "'‘’‚‛‹›＇".chars() {
            assert_eq!(fold_quote_mark(c), '\'', "{c:?}");
        }
        for c in "a1 -—「".chars().filter(|c| !is_quote_mark(*c)) {
            assert_eq!(fold_quote_mark(c), c);
        }
        assert!(may_be_apostrophe('’') && may_be_apostrophe('\''));
        assert!(!may_be_apostrophe('‹') && !may_be_apostrophe('›'));
    }

    #[test]
    fn cjk_covers_every_script_written_without_spaces() {
        for c in "東京で合意したカタカナㇰｶ㐀豈𠀀𪜀𰀀".chars() {
            assert!(is_cjk(c), "{c:?}");
        }
        for c in "aé한글 ،。「".chars() {
            assert!(!is_cjk(c), "{c:?}");
        }
    }

    #[test]
    fn names_are_cleaned_and_compared_alike() {
        assert_eq!(clean_name("  Jane \n\t Doe "), "Jane Doe");
        assert_eq!(clean_name(" \n "), "");
        assert_eq!(name_key("Jane  DOE"), name_key("jane doe"));
        assert_ne!(name_key("Jane Doe"), name_key("JaneDoe"));
    }

    /// The three readers of quotation marks — anchoring, "Find and mark" and the suggestion
    /// finder — see the same passage whatever marks it is typeset with.
    #[test]
    fn anchoring_find_and_suggestions_agree_on_the_marks() {
        use crate::core::anchoring::{capture, reanchor};
        use crate::core::suggest::suggest_in;
        use crate::core::text::find::find_all;
        use crate::core::text::CharRange;

        let styles = [
            ("“", "”"),
            ("«", "»"),
            ("„", "“"),
            ("\"", "\""),
            ("「", "」"),
        ];
        let text_in = |(open, close): (&str, &str)| {
            format!("The council met on Tuesday. {open}We will rebuild the bridge,{close} said Mayor Jane Kessler, who was re-elected in May.")
        };
        let curly = text_in(styles[0]);
        // The quote captured with its marks, as a reader's selection often is.
        let start = curly.chars().position(|c| c == '“').unwrap_or(0);
        let captured = capture(&curly, CharRange::new(start, start + 29)).unwrap();
        assert_eq!(captured.quote.exact, "“We will rebuild the bridge,”");
        let mut spans = Vec::new();
        for style in styles {
            let text = text_in(style);
            let expected = CharRange::new(start, start + 29);
            let anchored = reanchor(&text, &captured);
            assert_eq!(anchored.range, Some(expected), "anchoring in {style:?}");
            for typed in [
                "\"we will rebuild the bridge,\"",
                "«We will rebuild the bridge,»",
            ] {
                assert_eq!(
                    find_all(&text, typed),
                    vec![expected],
                    "find {typed:?} in {style:?}"
                );
            }
            let found: Vec<(usize, usize)> = suggest_in(&text, &[], Some("en"))
                .iter()
                .map(|suggestion| (suggestion.start, suggestion.end))
                .collect();
            spans.push((style, found));
        }
        // The suggestion finder pairs Western marks; CJK corner brackets are left to it only
        // as marks, so the comparison covers the pairs it knows.
        let western = &spans[..4];
        assert!(
            !western[0].1.is_empty(),
            "a suggestion in {:?}",
            western[0].0
        );
        for (style, found) in western {
            assert_eq!(*found, western[0].1, "suggestions in {style:?}");
        }
    }
}
