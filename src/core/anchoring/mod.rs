//! Anchoring: capturing selectors for a new annotation, and finding its text again after the
//! article changed — never by a silent wrong match.
//!
//! # Capture
//!
//! [`capture`] records the exact text, a position, and a prefix and suffix of context: the
//! *shortest* context that makes prefix + exact + suffix unique in the text, at least
//! [`MIN_CONTEXT`] and at most [`MAX_CONTEXT`] code points each side (less only at the ends of
//! the text), widened outward to whole words. The same length is used on both sides.
//!
//! # Re-anchoring, in order
//!
//! 1. **Position.** The text at the recorded position equals `exact`, the position does not
//!    split a grapheme cluster, and the context there agrees at least [`MOVED_MIN_CONTEXT`]
//!    (so a short quote that merely happens to sit at the old offset after an edit is not
//!    taken) → [`AnchorStatus::Anchored`].
//! 2. **Quote.** Every occurrence of `exact` is scored by its context (below). The best one is
//!    accepted straight away when its score is at least [`CONFIDENT_SCORE`] and no other
//!    non-overlapping occurrence comes within [`AMBIGUITY_MARGIN`] of it.
//! 3. **Approximate.** Otherwise Myers' bit-parallel search ([`fuzzy`]) looks for
//!    the quote with at most [`MAX_ERROR_RATE`] × its length edits, first within
//!    [`NEAR_WINDOW`] code points of the old position, then (if nothing acceptable is near) in
//!    the whole text. Candidates from steps 2 and 3 are scored alike; the best is accepted if
//!    its score is at least [`MIN_SCORE`] and it is not ambiguous.
//!
//! Nothing accepted → [`AnchorStatus::Orphan`] with no range. **Ambiguity is never guessed
//! away:** when two non-overlapping candidates score within [`AMBIGUITY_MARGIN`] of each
//! other (a paragraph repeated together with its context, say), the annotation is reported as
//! an orphan for the reader to re-attach. Nearness to the old position is deliberately *not*
//! a tie-breaker between whole-text candidates: after an edit near the top of an article,
//! nearness is exactly what makes offset-based tools attach notes to the wrong copy. (It does
//! decide which part of the text is searched first for approximate matches.)
//!
//! # Scores
//!
//! `score = w · quote + (1 − w) · context`, where
//! - `quote` is 1 − (edits between `exact` and the found text) / (the longer length), where an
//!   edit that only changes typography (see below) counts a quarter;
//! - `context` is the mean of the two sides' agreement: the share of the recorded prefix that
//!   is a suffix of the text before the candidate, and the share of the recorded suffix that is
//!   a prefix of the text after it. An empty recorded side (the quote was at an end of the
//!   text) agrees only when the candidate is at that end too;
//! - `w` grows linearly from 0.5 for quotes of 8 code points or fewer to 0.75 for 32 or more:
//!   a long quote identifies itself, a short one ("No.") means little without its context.
//!
//! A selector with no context at all (hand-written, or imported from a tool that records
//! none) has nothing to contradict: its context agreement counts as 1, only the quote step is
//! tried (approximate matching without context is exactly how notes end up on lookalike
//! sentences), and a quote occurring twice is ambiguous, hence an orphan.
//!
//! So an unchanged long quote whose whole surroundings were rewritten still scores 0.75 and is
//! found (as Fuzzy, for review), a short one is not, and a lookalike sentence elsewhere (a few
//! words different, unrelated context) scores well under [`MIN_SCORE`].
//!
//! # Status of an accepted candidate
//!
//! - text identical to `exact` and context agreement at least [`MOVED_MIN_CONTEXT`] →
//!   `Anchored` if at the recorded position (or none was recorded), else `Moved`;
//! - anything else → `Fuzzy { score }` with `score < 1`: the reader should look at it.
//!
//! # Typography
//!
//! Matching compares *normalised* text: quotation marks fold as
//! [`crate::core::text::typography`] says (every double mark, `“ ” „ « »「 」` and the rest,
//! to `"`; every single mark and apostrophe, `‘ ’ ‚ ‹ ›`, to `'`), and every run of whitespace
//! to one space — or to one line break if it has one: the blank line between blocks is structure, and
//! context that ends a paragraph must not agree with the same words followed by a space.
//! A sentence whose straight quotes were made curly, or whose spacing was tidied, is
//! therefore found by the quote step; because its characters
//! did change it is reported as high-score `Fuzzy` (about 0.95 for a sentence with a pair of
//! quotation marks), never as unchanged.
//!
//! Every range returned is snapped to grapheme clusters.

mod capture;
mod context;
pub mod fuzzy;
mod normalized;
mod reanchor;
mod selector;
mod status;

pub use selector::{Selectors, TextPositionSelector, TextQuoteSelector};
pub use status::AnchorStatus;

use std::cell::OnceCell;
use std::fmt;

use crate::core::text::CharRange;
use crate::core::text::TextIndex;
use normalized::{GramIndex, Normalized};

/// Fewest code points of context captured on each side (fewer only at the ends of the text).
pub const MIN_CONTEXT: usize = 8;
/// Most code points of context captured on each side, however repetitive the text.
pub const MAX_CONTEXT: usize = 64;
/// Lowest score at which a re-anchoring candidate is accepted.
pub const MIN_SCORE: f32 = 0.75;
/// Score at which an occurrence of the exact quote is accepted without an approximate search.
pub const CONFIDENT_SCORE: f32 = 0.9;
/// Two candidates scoring within this of each other are ambiguous.
pub const AMBIGUITY_MARGIN: f32 = 0.02;
/// Most edits the approximate search allows, as a share of the quote's length.
pub const MAX_ERROR_RATE: f32 = 0.25;
/// Least context agreement for an unchanged quote to count as `Moved` rather than `Fuzzy`.
pub const MOVED_MIN_CONTEXT: f32 = 0.5;
/// Code points either side of the old position searched first for approximate matches.
pub const NEAR_WINDOW: usize = 2048;

/// Approximate candidates considered per search.
const MAX_APPROXIMATE_CANDIDATES: usize = 32;
/// Length of the character n-grams the exact-quote index is keyed on.
const GRAM_LEN: usize = 8;
/// How far (in normalised characters) an approximate match's ends may move to line up with
/// the recorded context.
const EDGE_SLACK: usize = 2;
/// What a typographic edit (quote style, spacing) costs relative to a change of wording.
const TYPOGRAPHIC_EDIT_WEIGHT: f32 = 0.25;
/// Largest score a `Fuzzy` result reports, so that `Fuzzy` never claims to be identical.
const MAX_FUZZY_SCORE: f32 = 0.999;

/// Where an annotation was found, and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchoring {
    /// `None` exactly when `status` is `Orphan`.
    pub range: Option<CharRange>,
    pub status: AnchorStatus,
}

impl Anchoring {
    fn orphan() -> Self {
        Anchoring {
            range: None,
            status: AnchorStatus::Orphan,
        }
    }
}

/// Why selectors could not be captured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorError {
    /// The range is reversed or ends past the end of the text.
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    /// The range selects nothing.
    EmptyRange { at: usize },
}

impl fmt::Display for AnchorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnchorError::OutOfBounds { start, end, len } => write!(
                f,
                "cannot annotate {start}..{end}: the text has {len} code points"
            ),
            AnchorError::EmptyRange { at } => {
                write!(f, "cannot annotate an empty selection (at {at})")
            }
        }
    }
}

impl std::error::Error for AnchorError {}

/// Captures selectors for `range` of `text`. See the module documentation.
pub fn capture(text: &str, range: CharRange) -> Result<Selectors, AnchorError> {
    Anchorer::new(text).capture(range)
}

/// Finds one annotation in `text`. See the module documentation.
pub fn reanchor(text: &str, selectors: &Selectors) -> Anchoring {
    Anchorer::new(text).reanchor(selectors)
}

/// Finds many annotations in `text`, indexing the text once.
pub fn reanchor_all(text: &str, items: &[Selectors]) -> Vec<Anchoring> {
    let anchorer = Anchorer::new(text);
    items
        .iter()
        .map(|selectors| anchorer.reanchor(selectors))
        .collect()
}

/// One text prepared for capturing and re-anchoring: its [`TextIndex`], its normalised form,
/// and (built on first need) an n-gram index for finding quotes.
pub struct Anchorer<'a> {
    index: TextIndex<'a>,
    normalized: Normalized,
    grams: OnceCell<Option<GramIndex>>,
}

impl<'a> Anchorer<'a> {
    /// Prepares `text` in O(n).
    pub fn new(text: &'a str) -> Self {
        Anchorer {
            index: TextIndex::new(text),
            normalized: Normalized::new(text),
            grams: OnceCell::new(),
        }
    }

    /// The text's position index.
    pub fn index(&self) -> &TextIndex<'a> {
        &self.index
    }

    /// The text of a range known to be valid.
    fn slice(&self, range: CharRange) -> &'a str {
        self.index.slice(range).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
