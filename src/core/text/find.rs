//! "Find and mark": locating a typed passage in the article's text content, so that a quote can
//! be made with the keyboard alone.

use crate::core::text::typography::fold_quote_mark;
use crate::core::text::CharRange;

/// Every place `query` occurs in `text`, in order, as code point ranges. Matching ignores case
/// (simple per-character lower-casing), treats any whitespace run in either string as one space,
/// and folds quotation marks ([`fold_quote_mark`]), so that typing `"we agreed"` finds
/// `“we agreed”` and `« we agreed »`. Matches do not overlap. An empty (or all-whitespace) query finds nothing.
pub fn find_all(text: &str, query: &str) -> Vec<CharRange> {
    let needle: Vec<char> = fold(query.chars().enumerate())
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let needle: Vec<char> = trim_spaces(&needle).to_vec();
    if needle.is_empty() {
        return Vec::new();
    }
    // Each folded character remembers the code point offset it came from.
    let haystack = fold(text.chars().enumerate());
    let mut found = Vec::new();
    let mut at = 0;
    while at + needle.len() <= haystack.len() {
        if haystack[at..at + needle.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(needle.iter().copied())
        {
            let start = haystack[at].0;
            let last = haystack[at + needle.len() - 1].0;
            // The needle has no edge spaces, so its last character maps to exactly one code point.
            found.push(CharRange::new(start, last + 1));
            at += needle.len();
        } else {
            at += 1;
        }
    }
    found
}

fn trim_spaces(chars: &[char]) -> &[char] {
    let start = chars.iter().position(|c| *c != ' ').unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|c| *c != ' ')
        .map_or(start, |i| i + 1);
    &chars[start..end]
}

/// Lower-cases, folds quotation marks and folds whitespace runs into one space,
/// keeping each result character's original code point offset.
fn fold(chars: impl Iterator<Item = (usize, char)>) -> Vec<(usize, char)> {
    let mut folded: Vec<(usize, char)> = Vec::new();
    for (offset, c) in chars {
        let c = if c.is_whitespace() {
            ' '
        } else {
            fold_quote_mark(c)
        };
        if c == ' ' && folded.last().is_some_and(|(_, last)| *last == ' ') {
            continue;
        }
        // Keep a one-to-one mapping: a character whose lower case is several characters
        // (rare: 'İ') keeps its first one.
        let lower = c.to_lowercase().next().unwrap_or(c);
        folded.push((offset, lower));
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, ranges: &[CharRange]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        ranges
            .iter()
            .map(|r| chars[r.start..r.end].iter().collect())
            .collect()
    }

    #[test]
    fn finds_passages_as_typed() {
        let text =
            "She said: “We agreed.”\n\nThen 👩‍👩‍👧 he said “we   agreed” again. 東京で合意した。";
        let cases: &[(&str, &[&str])] = &[
            ("we agreed", &["We agreed", "we   agreed"]),
            ("\"we agreed\"", &["“we   agreed”"]),
            ("“we agreed”", &["“we   agreed”"]),
            ("then", &["Then"]),
            ("he said", &["he said", "he said"]), // also inside "She said": substrings match
            ("合意", &["合意"]),
            ("  ", &[]),
            ("", &[]),
            ("absent words", &[]),
        ];
        for (query, expected) in cases {
            let found = find_all(text, query);
            assert_eq!(texts(text, &found), *expected, "query {query:?}");
        }
    }

    #[test]
    fn positions_are_code_points_after_emoji() {
        let text = "🇫🇮 Helsinki: \"great success\"";
        let found = find_all(text, "great success");
        assert_eq!(found, vec![CharRange::new(14, 27)]);
    }
}
