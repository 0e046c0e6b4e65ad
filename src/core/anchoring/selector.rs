//! The W3C selectors an annotation is captured with and re-anchored from, shared by the
//! annotation document and the file formats.

use serde::{Deserialize, Serialize};

/// W3C `TextQuoteSelector`: the exact text plus enough context on each side to make it unique.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// W3C `TextPositionSelector`: code point offsets into the text content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextPositionSelector {
    pub start: usize,
    pub end: usize,
}

/// Both selectors, captured once when an annotation is made and kept unchanged afterwards, so
/// that an annotation can always be re-anchored (or exported) as it was first made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Selectors {
    pub quote: TextQuoteSelector,
    pub position: Option<TextPositionSelector>,
}
