//! [`CharRange`], the one way the whole project names a stretch of article text.
//!
//! **The model's offset unit is the Unicode code point** (a Rust `char`), counted over the
//! article's text content (see [`crate::core::article`]). It is the unit the W3C Web Annotation
//! model prescribes for `TextPositionSelector`, so exported positions need no conversion; the
//! DOM's UTF-16 offsets are converted at the browser edge (see [`super::TextIndex`]).

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of code points in an article's text content.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct CharRange {
    pub start: usize,
    pub end: usize,
}

impl CharRange {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "range start {start} after end {end}");
        Self { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two ranges share at least one code point.
    pub fn overlaps(&self, other: &CharRange) -> bool {
        self.start < other.end && other.start < self.end
    }
}
