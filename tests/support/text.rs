//! Where a needle is in an article's text, in code points (the unit the model, the selectors
//! and the W3C export count in). Shared by every tier: the native tests and the wasm browser
//! tests include it with `#[path = "support/text.rs"] mod text;`, the end-to-end crate and the
//! browser benchmark through `support::text`. It needs nothing but the crate's core.
// Each includer uses the part it needs.
#![allow(dead_code)]

use quotemark::core::text::CharRange;

/// The code point range of the `nth` (from 0) occurrence of `needle` in `text`. Occurrences
/// do not overlap (as `str::match_indices` finds them). Panics, naming the needle, if there
/// are fewer than `nth + 1`.
pub fn code_point_range(text: &str, needle: &str, nth: usize) -> CharRange {
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .map(|(at, _)| at)
        .unwrap_or_else(|| panic!("{needle:?} (occurrence {nth}) is not in the text"));
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

/// The code point range of `needle` in `text`, which must hold it exactly once: for tests
/// where finding the wrong one of two occurrences would pass by accident.
pub fn only_code_point_range(text: &str, needle: &str) -> CharRange {
    let occurrences = text.matches(needle).count();
    assert_eq!(occurrences, 1, "{needle:?} occurs {occurrences} times");
    code_point_range(text, needle, 0)
}
