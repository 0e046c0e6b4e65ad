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
//! 3. **Approximate.** Otherwise Myers' bit-parallel search ([`crate::core::fuzzy`]) looks for
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

pub mod fuzzy;
mod selector;

pub use selector::{Selectors, TextPositionSelector, TextQuoteSelector};

use std::cell::OnceCell;
use std::fmt;

use crate::core::document::AnchorStatus;
use crate::core::text::typography::{fold_quote_mark, is_cjk};
use crate::core::text::CharRange;
use crate::core::text::TextIndex;
use fuzzy::{edit_distance, find_approximate};

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

    /// Captures selectors for `range` (snapped to grapheme clusters first).
    pub fn capture(&self, range: CharRange) -> Result<Selectors, AnchorError> {
        let len = self.index.len_chars();
        if range.start > range.end || range.end > len {
            return Err(AnchorError::OutOfBounds {
                start: range.start,
                end: range.end,
                len,
            });
        }
        if range.is_empty() {
            return Err(AnchorError::EmptyRange { at: range.start });
        }
        let range = self.index.snap_to_graphemes(range);
        let exact = self.slice(range);
        let (normalized_start, normalized_end) = self.normalized.bounds(range);
        let chars = &self.normalized.chars;
        let pattern = &chars[normalized_start..normalized_end];

        // Context needed to tell this occurrence from each other one: one more than they share
        // on the side that shares less, unless one side cannot differ at all (this occurrence
        // is at an end of the text and the other one matches all the way there).
        let available_before = normalized_start;
        let available_after = chars.len() - normalized_end;
        let mut needed = 0;
        for other in self.find_exact(pattern) {
            if other == normalized_start {
                continue;
            }
            let shared_before =
                common_suffix_len(&chars[..other], &chars[..normalized_start], MAX_CONTEXT);
            let shared_after = common_prefix_len(
                &chars[other + pattern.len()..],
                &chars[normalized_end..],
                MAX_CONTEXT,
            );
            let before_can_differ = shared_before < available_before.min(MAX_CONTEXT);
            let after_can_differ = shared_after < available_after.min(MAX_CONTEXT);
            let needed_here = match (before_can_differ, after_can_differ) {
                (true, true) => shared_before.min(shared_after) + 1,
                (true, false) => shared_before + 1,
                (false, true) => shared_after + 1,
                (false, false) => MAX_CONTEXT,
            };
            needed = needed.max(needed_here);
        }
        let context = needed.clamp(MIN_CONTEXT, MAX_CONTEXT);

        let prefix_start =
            self.context_start(range.start, normalized_start.saturating_sub(context));
        let suffix_end = self.context_end(range.end, (normalized_end + context).min(chars.len()));
        Ok(Selectors {
            quote: TextQuoteSelector {
                exact: exact.to_owned(),
                prefix: self
                    .slice(CharRange::new(prefix_start, range.start))
                    .to_owned(),
                suffix: self.slice(CharRange::new(range.end, suffix_end)).to_owned(),
            },
            position: Some(TextPositionSelector {
                start: range.start,
                end: range.end,
            }),
        })
    }

    /// Finds an annotation in this text. See the module documentation.
    pub fn reanchor(&self, selectors: &Selectors) -> Anchoring {
        let exact = selectors.quote.exact.as_str();
        if exact.is_empty() {
            return Anchoring::orphan();
        }
        let recorded = selectors
            .position
            .filter(|position| position.start <= position.end)
            .map(|position| CharRange::new(position.start, position.end));

        // 1. Position.
        if let Some(range) = recorded {
            let unsplit = self.index.is_grapheme_boundary(range.start)
                && self.index.is_grapheme_boundary(range.end);
            if unsplit
                && self.index.slice(range).is_ok_and(|found| found == exact)
                && self.context_agreement_in_place(&selectors.quote, range) >= MOVED_MIN_CONTEXT
            {
                return Anchoring {
                    range: Some(range),
                    status: AnchorStatus::Anchored,
                };
            }
        }

        let query = Query::new(&selectors.quote);
        let pattern_len = query.pattern.len();

        // 2. Quote.
        let mut candidates: Vec<Candidate> = self
            .find_exact(&query.pattern)
            .into_iter()
            .filter_map(|start| self.evaluate(&query, start, start + pattern_len))
            .collect();
        match decide(&candidates) {
            Decision::Accept(best) if best.score >= CONFIDENT_SCORE => {
                return conclude(best, recorded)
            }
            Decision::Ambiguous => return Anchoring::orphan(),
            _ => {}
        }

        // 3. Approximate: near the old position first, then everywhere.
        let max_errors = (pattern_len as f32 * MAX_ERROR_RATE) as usize;
        if max_errors > 0 && query.has_context() {
            let text_len = self.normalized.chars.len();
            if let Some(range) = recorded {
                let center = self
                    .normalized
                    .bounds_start(range.start.min(self.index.len_chars()));
                let window_start = center.saturating_sub(NEAR_WINDOW + max_errors);
                let window_end = (center + pattern_len + max_errors + NEAR_WINDOW).min(text_len);
                self.add_approximate(
                    &query,
                    window_start,
                    window_end,
                    max_errors,
                    &mut candidates,
                );
                if let Decision::Accept(best) = decide(&candidates) {
                    return conclude(best, recorded);
                }
            }
            self.add_approximate(&query, 0, text_len, max_errors, &mut candidates);
        }
        match decide(&candidates) {
            Decision::Accept(best) => conclude(best, recorded),
            Decision::Ambiguous | Decision::NotFound => Anchoring::orphan(),
        }
    }

    /// Context agreement (as in the module documentation, but on the text as it is) around
    /// a range where the exact quote is: a short quote that merely happens to be at the old
    /// offset after an edit must not count as anchored there.
    fn context_agreement_in_place(&self, quote: &TextQuoteSelector, range: CharRange) -> f32 {
        if quote.prefix.is_empty() && quote.suffix.is_empty() {
            return 1.0;
        }
        let before = self.slice(CharRange::new(0, range.start));
        let after = self.slice(CharRange::new(range.end, self.index.len_chars()));
        let agreeing_before = quote
            .prefix
            .chars()
            .rev()
            .zip(before.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let agreeing_after = quote
            .suffix
            .chars()
            .zip(after.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let (prefix_len, suffix_len) = (quote.prefix.chars().count(), quote.suffix.chars().count());
        (side_agreement(
            agreeing_before,
            prefix_len,
            prefix_len < MIN_CONTEXT,
            range.start,
        ) + side_agreement(
            agreeing_after,
            suffix_len,
            suffix_len < MIN_CONTEXT,
            self.index.len_chars() - range.end,
        )) / 2.0
    }

    /// The text of a range known to be valid.
    fn slice(&self, range: CharRange) -> &'a str {
        self.index.slice(range).unwrap_or_default()
    }

    /// Start (in code points) of a prefix reaching back to normalised offset
    /// `normalized_start`, widened to a word boundary, at most [`MAX_CONTEXT`] code points
    /// before `quote_start`.
    fn context_start(&self, quote_start: usize, normalized_start: usize) -> usize {
        let limit = quote_start.saturating_sub(MAX_CONTEXT);
        let mut start = self.normalized.text_offset(normalized_start).max(limit);
        while start > limit && !self.is_word_boundary(start) {
            start -= 1;
        }
        let snapped = self.index.grapheme_boundary_at_or_before(start);
        if snapped < limit {
            self.index.grapheme_boundary_at_or_after(start)
        } else {
            snapped
        }
    }

    /// End (in code points) of a suffix reaching to normalised offset `normalized_end`,
    /// widened to a word boundary, at most [`MAX_CONTEXT`] code points after `quote_end`.
    fn context_end(&self, quote_end: usize, normalized_end: usize) -> usize {
        let limit = (quote_end + MAX_CONTEXT).min(self.index.len_chars());
        let mut end = self.normalized.text_offset(normalized_end).min(limit);
        while end < limit && !self.is_word_boundary(end) {
            end += 1;
        }
        let snapped = self.index.grapheme_boundary_at_or_after(end);
        if snapped > limit {
            self.index.grapheme_boundary_at_or_before(end)
        } else {
            snapped
        }
    }

    /// True unless `offset` is between two letters or digits of one word. Ideographs and
    /// kana are words by themselves, as they are written without spaces.
    fn is_word_boundary(&self, offset: usize) -> bool {
        if offset == 0 {
            return true;
        }
        let is_word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
        !(is_word_char(self.index.char_at(offset - 1)) && is_word_char(self.index.char_at(offset)))
    }

    /// Starts (normalised offsets) of every occurrence of `pattern` in the normalised text,
    /// overlapping ones included, in order.
    fn find_exact(&self, pattern: &[char]) -> Vec<usize> {
        let chars = &self.normalized.chars;
        if pattern.is_empty() || pattern.len() > chars.len() {
            return Vec::new();
        }
        let matches_at = |start: usize| chars.get(start..start + pattern.len()) == Some(pattern);
        if pattern.len() >= GRAM_LEN {
            let grams = self.grams.get_or_init(|| GramIndex::new(chars));
            if let Some(grams) = grams {
                return grams
                    .candidates(&pattern[..GRAM_LEN])
                    .filter(|&start| matches_at(start))
                    .collect();
            }
        }
        (0..=chars.len() - pattern.len())
            .filter(|&start| chars[start] == pattern[0] && matches_at(start))
            .collect()
    }

    /// Adds the approximate matches found in normalised `start..end` to `candidates`.
    fn add_approximate(
        &self,
        query: &Query,
        start: usize,
        end: usize,
        max_errors: usize,
        candidates: &mut Vec<Candidate>,
    ) {
        let window = &self.normalized.chars[start..end];
        for found in find_approximate(
            &query.pattern,
            window,
            max_errors,
            MAX_APPROXIMATE_CANDIDATES,
        ) {
            let (match_start, match_end) =
                self.align_to_context(query, start + found.start, start + found.end);
            if let Some(candidate) = self.evaluate(query, match_start, match_end) {
                candidates.push(candidate);
            }
        }
    }

    /// Moves an approximate match's ends by up to [`EDGE_SLACK`] characters where that lines
    /// them up with more of the recorded context (an edit at the very edge of a quote leaves
    /// the aligner a choice the context can settle).
    fn align_to_context(&self, query: &Query, start: usize, end: usize) -> (usize, usize) {
        let chars = &self.normalized.chars;
        let best_start = (start.saturating_sub(EDGE_SLACK)..=(start + EDGE_SLACK).min(end))
            .max_by_key(|&candidate| {
                let agreement = common_suffix_len(&query.prefix, &chars[..candidate], MAX_CONTEXT);
                (agreement, std::cmp::Reverse(candidate.abs_diff(start)))
            })
            .unwrap_or(start);
        let best_end = (end.saturating_sub(EDGE_SLACK).max(best_start)
            ..=(end + EDGE_SLACK).min(chars.len()))
            .max_by_key(|&candidate| {
                let agreement = common_prefix_len(&query.suffix, &chars[candidate..], MAX_CONTEXT);
                (agreement, std::cmp::Reverse(candidate.abs_diff(end)))
            })
            .unwrap_or(end);
        (best_start, best_end)
    }

    /// Scores normalised range `start..end` as the place of the query's quote.
    fn evaluate(&self, query: &Query, start: usize, end: usize) -> Option<Candidate> {
        let mut text_start = self.normalized.text_offset(start);
        let mut text_end = self.normalized.text_offset(end);
        // Whitespace is only part of the quote where the quote itself has it.
        let is_space = |offset: usize| self.index.char_at(offset).is_some_and(char::is_whitespace);
        if !query.starts_with_space {
            while text_start < text_end && is_space(text_start) {
                text_start += 1;
            }
        }
        if !query.ends_with_space {
            while text_end > text_start && is_space(text_end - 1) {
                text_end -= 1;
            }
        }
        if text_start == text_end {
            return None;
        }
        let range = self
            .index
            .snap_to_graphemes(CharRange::new(text_start, text_end));
        let found = self.index.slice(range).ok()?;
        let unchanged = found == query.exact;
        let quote_similarity = if unchanged {
            1.0
        } else {
            let found_chars: Vec<char> = found.chars().collect();
            let longer = found_chars.len().max(query.exact_chars.len()).max(1);
            let edits = edit_distance(&query.exact_chars, &found_chars);
            let content_edits = edit_distance(&query.pattern, &normalize(found));
            let typographic_edits = edits.saturating_sub(content_edits);
            let weighted =
                content_edits as f32 + TYPOGRAPHIC_EDIT_WEIGHT * typographic_edits as f32;
            (1.0 - weighted / longer as f32).max(0.0)
        };
        let (start, end) = self.normalized.bounds(range);
        let context = query.context_agreement(&self.normalized.chars, start, end);
        let weight = query.quote_weight;
        Some(Candidate {
            range,
            score: weight * quote_similarity + (1.0 - weight) * context,
            unchanged,
            context,
        })
    }
}

/// An annotation's quote selector, normalised for matching.
struct Query<'s> {
    exact: &'s str,
    exact_chars: Vec<char>,
    pattern: Vec<char>,
    prefix: Vec<char>,
    suffix: Vec<char>,
    /// Context shorter than [`MIN_CONTEXT`] was cut short by the end of the text.
    prefix_reaches_start: bool,
    suffix_reaches_end: bool,
    starts_with_space: bool,
    ends_with_space: bool,
    quote_weight: f32,
}

impl<'s> Query<'s> {
    fn new(quote: &'s TextQuoteSelector) -> Self {
        let exact_chars: Vec<char> = quote.exact.chars().collect();
        // From 0.5 at 8 code points or fewer to 0.75 at 32 or more.
        let length_share = ((exact_chars.len() as f32 - 8.0) / 24.0).clamp(0.0, 1.0);
        Query {
            exact: &quote.exact,
            pattern: normalize(&quote.exact),
            prefix: normalize(&quote.prefix),
            suffix: normalize(&quote.suffix),
            prefix_reaches_start: quote.prefix.chars().count() < MIN_CONTEXT,
            suffix_reaches_end: quote.suffix.chars().count() < MIN_CONTEXT,
            starts_with_space: exact_chars.first().is_some_and(|c| c.is_whitespace()),
            ends_with_space: exact_chars.last().is_some_and(|c| c.is_whitespace()),
            exact_chars,
            quote_weight: 0.5 + 0.25 * length_share,
        }
    }

    /// False for a selector with neither prefix nor suffix (hand-written or imported).
    fn has_context(&self) -> bool {
        !self.prefix.is_empty() || !self.suffix.is_empty()
    }

    /// Mean agreement of the recorded prefix and suffix with the text around normalised range
    /// `start..end`, each in 0..=1.
    fn context_agreement(&self, chars: &[char], start: usize, end: usize) -> f32 {
        if !self.has_context() {
            return 1.0;
        }
        let before = common_suffix_len(&self.prefix, &chars[..start], usize::MAX);
        let after = common_prefix_len(&self.suffix, &chars[end..], usize::MAX);
        (side_agreement(before, self.prefix.len(), self.prefix_reaches_start, start)
            + side_agreement(
                after,
                self.suffix.len(),
                self.suffix_reaches_end,
                chars.len() - end,
            ))
            / 2.0
    }
}

#[derive(Clone, Copy, Debug)]
struct Candidate {
    range: CharRange,
    score: f32,
    unchanged: bool,
    context: f32,
}

enum Decision {
    Accept(Candidate),
    Ambiguous,
    NotFound,
}

/// The best candidate, if it is good enough and clearly better than any candidate elsewhere.
fn decide(candidates: &[Candidate]) -> Decision {
    let Some(best) =
        candidates
            .iter()
            .copied()
            .reduce(|best, next| if next.score > best.score { next } else { best })
    else {
        return Decision::NotFound;
    };
    if best.score < MIN_SCORE {
        return Decision::NotFound;
    }
    let rival = candidates.iter().any(|other| {
        !other.range.overlaps(&best.range) && other.score >= best.score - AMBIGUITY_MARGIN
    });
    if rival {
        Decision::Ambiguous
    } else {
        Decision::Accept(best)
    }
}

fn conclude(candidate: Candidate, recorded: Option<CharRange>) -> Anchoring {
    let status = if candidate.unchanged && candidate.context >= MOVED_MIN_CONTEXT {
        if recorded.is_none_or(|range| range == candidate.range) {
            AnchorStatus::Anchored
        } else {
            AnchorStatus::Moved
        }
    } else {
        AnchorStatus::Fuzzy {
            score: candidate.score.min(MAX_FUZZY_SCORE),
        }
    };
    Anchoring {
        range: Some(candidate.range),
        status,
    }
}

/// Agreement of one side of the context, 0..=1: the share of the recorded side that agrees.
/// A side recorded shorter than [`MIN_CONTEXT`] was cut short by the end of the text, and
/// that end counts as one more character of it, agreeing only when the candidate is at the
/// same end (so an empty recorded prefix agrees only at the start of the text).
///
/// `available` is how much text the candidate has on that side.
fn side_agreement(
    agreeing: usize,
    recorded_len: usize,
    reaches_text_end: bool,
    available: usize,
) -> f32 {
    if reaches_text_end {
        let at_text_end = agreeing == recorded_len && available == recorded_len;
        (agreeing + usize::from(at_text_end)) as f32 / (recorded_len + 1) as f32
    } else {
        agreeing as f32 / recorded_len.max(1) as f32
    }
}

/// Length of the longest common suffix of `a` and `b`, at most `limit`.
fn common_suffix_len(a: &[char], b: &[char], limit: usize) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take(limit)
        .take_while(|(x, y)| x == y)
        .count()
}

/// Length of the longest common prefix of `a` and `b`, at most `limit`.
fn common_prefix_len(a: &[char], b: &[char], limit: usize) -> usize {
    a.iter()
        .zip(b)
        .take(limit)
        .take_while(|(x, y)| x == y)
        .count()
}

/// `text` normalised for matching: see [`fold_into`].
fn normalize(text: &str) -> Vec<char> {
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
fn fold_into(c: char, after_space: &mut bool, out: &mut Vec<char>) -> bool {
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
struct Normalized {
    chars: Vec<char>,
    /// `text_offsets[i]`: code point offset in the text where normalised character `i`
    /// starts; one extra entry, the text's length.
    text_offsets: Vec<usize>,
    /// `of_text[j]`: the normalised character that text code point `j` became part of; one
    /// extra entry, the normalised length.
    of_text: Vec<usize>,
}

impl Normalized {
    fn new(text: &str) -> Self {
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
    fn text_offset(&self, normalized: usize) -> usize {
        self.text_offsets[normalized.min(self.chars.len())]
    }

    /// The normalised offset containing text offset `offset`.
    fn bounds_start(&self, offset: usize) -> usize {
        self.of_text[offset.min(self.of_text.len() - 1)]
    }

    /// The normalised range covering text range `range`.
    fn bounds(&self, range: CharRange) -> (usize, usize) {
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
struct GramIndex {
    shift: u32,
    /// First position in each bucket, or [`GramIndex::NONE`].
    heads: Vec<u32>,
    /// Next position in the same bucket, or [`GramIndex::NONE`].
    next: Vec<u32>,
}

impl GramIndex {
    const NONE: u32 = u32::MAX;

    /// `None` for texts too short to index, or too long for 32-bit positions.
    fn new(chars: &[char]) -> Option<Self> {
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
    fn candidates(&self, gram: &[char]) -> impl Iterator<Item = usize> + '_ {
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

fn gram_hash(gram: &[char]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in gram {
        hash = (hash ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    // Mix the high bits, which pick the bucket.
    hash ^= hash >> 29;
    hash.wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range_of(text: &str, needle: &str) -> CharRange {
        let byte = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
        let start = text[..byte].chars().count();
        CharRange::new(start, start + needle.chars().count())
    }

    fn nth_range_of(text: &str, needle: &str, n: usize) -> CharRange {
        let byte = text.match_indices(needle).nth(n).map(|(b, _)| b).unwrap();
        let start = text[..byte].chars().count();
        CharRange::new(start, start + needle.chars().count())
    }

    #[test]
    fn capture_records_the_exact_text_position_and_minimum_whole_word_context() {
        let text = "The council met on Tuesday. “We will rebuild the bridge,” said the mayor, who was re-elected in May.";
        let range = range_of(text, "We will rebuild the bridge");
        let selectors = capture(text, range).unwrap();
        assert_eq!(selectors.quote.exact, "We will rebuild the bridge");
        assert_eq!(
            selectors.position,
            Some(TextPositionSelector {
                start: range.start,
                end: range.end
            })
        );
        // Unique quote: the minimum 8 code points, widened to word boundaries.
        assert_eq!(selectors.quote.prefix, "Tuesday. “");
        assert_eq!(selectors.quote.suffix, ",” said ");
    }

    #[test]
    fn capture_lengthens_context_until_a_repeated_quote_is_unique() {
        let text = "In 2019 the chairman said: we will win this season. In 2024 the chairman said: we will win this season. The end.";
        let second = nth_range_of(text, "we will win", 1);
        let selectors = capture(text, second).unwrap();
        // Before the two occurrences, 20 characters agree (" the chairman said: "); after
        // them, 14 (" this season. "). Fifteen characters each side tell them apart, widened
        // to the word "The".
        assert_eq!(selectors.quote.suffix, " this season. The");
        assert_eq!(selectors.quote.prefix, "chairman said: ");
        assert_eq!(reanchor(text, &selectors).range, Some(second));
        // Moved, the right one is still found.
        let edited = format!("Preface. {text}");
        let shifted = CharRange::new(second.start + 9, second.end + 9);
        assert_eq!(
            reanchor(&edited, &selectors),
            Anchoring {
                range: Some(shifted),
                status: AnchorStatus::Moved
            }
        );
    }

    #[test]
    fn capture_context_is_capped_in_a_repetitive_text() {
        let text = "la ".repeat(100);
        let selectors = capture(&text, CharRange::new(150, 152)).unwrap();
        assert!(selectors.quote.prefix.chars().count() <= MAX_CONTEXT);
        assert!(selectors.quote.suffix.chars().count() <= MAX_CONTEXT);
        assert!(selectors.quote.prefix.chars().count() >= MAX_CONTEXT - 3);
    }

    #[test]
    fn capture_at_the_ends_of_the_text_takes_what_there_is() {
        let text = "Short text.";
        let selectors = capture(text, CharRange::new(0, 5)).unwrap();
        assert_eq!(selectors.quote.prefix, "");
        assert_eq!(selectors.quote.suffix, " text.");
        assert_eq!(reanchor(text, &selectors).status, AnchorStatus::Anchored);
    }

    #[test]
    fn capture_rejects_bad_ranges_with_a_clear_error() {
        let text = "abc";
        assert_eq!(
            capture(text, CharRange { start: 2, end: 9 }),
            Err(AnchorError::OutOfBounds {
                start: 2,
                end: 9,
                len: 3
            })
        );
        assert_eq!(
            capture(text, CharRange { start: 2, end: 1 })
                .unwrap_err()
                .to_string(),
            "cannot annotate 2..1: the text has 3 code points"
        );
        assert_eq!(
            capture(text, CharRange::new(1, 1)),
            Err(AnchorError::EmptyRange { at: 1 })
        );
    }

    #[test]
    fn capture_snaps_a_range_that_splits_an_emoji() {
        let text = "Go 👩\u{200D}👩\u{200D}👧 now";
        let selectors = capture(text, CharRange::new(4, 5)).unwrap();
        assert_eq!(selectors.quote.exact, "👩\u{200D}👩\u{200D}👧");
        assert_eq!(
            selectors.position,
            Some(TextPositionSelector { start: 3, end: 8 })
        );
    }

    /// Texts with tricky characters before, inside and after the annotated words.
    const FIXTURES: &[&str] = &[
        "👩\u{200D}👩\u{200D}👧 Family first: “we 👨\u{200D}👨\u{200D}👦 stay” 🇫🇮🇸🇪 👍🏽 said she.",
        "Cafe\u{301} owner Zoe\u{308} said: a\u{301}\u{302} “prix fixe” is back.",
        "記者会見で首相は「増税しない」と述べた。中文「我们会赢」。",
        "قال الوزير «سنفوز» في 2024 ثم غادر. Then he left.",
        "הוא אמר „ננצח” ב-2024, ו-English 👍🏽 too.",
        "Mixed שלום and مرحبا 42 🇮🇱 with e\u{301} at the end e\u{301}",
    ];

    #[test]
    fn every_range_of_every_fixture_reanchors_in_place_and_after_a_shift() {
        for text in FIXTURES {
            let index = TextIndex::new(text);
            let len = index.len_chars();
            let preface = "Update: 👩\u{200D}👩\u{200D}👧 ";
            let shifted = format!("{preface}{text}");
            let shift = preface.chars().count();
            let shifted_index = TextIndex::new(&shifted);
            let same = Anchorer::new(text);
            let moved = Anchorer::new(&shifted);
            let (mut found, mut total) = (0, 0);
            for start in 0..len {
                for end in start + 1..=len {
                    let selectors = same.capture(CharRange::new(start, end)).unwrap();
                    let snapped = index.snap_to_graphemes(CharRange::new(start, end));
                    assert_eq!(selectors.quote.exact, index.slice(snapped).unwrap());
                    let here = same.reanchor(&selectors);
                    assert_eq!(
                        here.status,
                        AnchorStatus::Anchored,
                        "{text:?} {start}..{end}"
                    );
                    assert_eq!(here.range, Some(snapped));

                    let there = moved.reanchor(&selectors);
                    total += 1;
                    let Some(range) = there.range else { continue };
                    found += 1;
                    assert_eq!(there.status, AnchorStatus::Moved, "{text:?} {start}..{end}");
                    assert!(
                        shifted_index.is_grapheme_boundary(range.start)
                            && shifted_index.is_grapheme_boundary(range.end)
                    );
                    // Whatever is found is the same words, shifted; ambiguous short quotes
                    // (a lone space, say) may be orphaned but never misplaced.
                    assert_eq!(
                        range,
                        CharRange::new(snapped.start + shift, snapped.end + shift),
                        "{text:?} {start}..{end} {there:?}"
                    );
                }
            }
            // Only a few very short, repeated selections (a lone space) may be orphaned.
            eprintln!("{text:?}: {found} of {total} selections found after the shift");
            assert!(
                found * 100 >= total * 95,
                "{text:?}: only {found} of {total} found"
            );
        }
    }

    #[test]
    fn reanchoring_never_splits_a_cluster_when_marks_are_added_around_the_quote() {
        // A combining accent added right after the quote makes the old end split a cluster.
        let text = "They said cafe today.";
        let range = range_of(text, "said cafe");
        let selectors = capture(text, range).unwrap();
        let edited = "They said cafe\u{301} today.";
        let anchoring = reanchor(edited, &selectors);
        let index = TextIndex::new(edited);
        let found = anchoring.range.unwrap();
        assert!(index.is_grapheme_boundary(found.start) && index.is_grapheme_boundary(found.end));
        assert_eq!(index.slice(found), Ok("said cafe\u{301}"));
        assert!(matches!(anchoring.status, AnchorStatus::Fuzzy { score } if score > MIN_SCORE));
    }

    #[test]
    fn duplicated_text_with_identical_context_is_not_guessed() {
        let paragraph = "The mayor said the bridge will reopen in spring, weather permitting.";
        let text = format!("Intro.\n\n{paragraph}\n\nOutro.");
        let selectors = capture(&text, range_of(&text, "the bridge will reopen")).unwrap();
        // The paragraph now appears twice, with the same surroundings, and moved.
        let edited = format!(
            "New intro.\n\nIntro.\n\n{paragraph}\n\nMiddle.\n\nIntro.\n\n{paragraph}\n\nOutro."
        );
        let anchoring = reanchor(&edited, &selectors);
        assert_eq!(
            anchoring,
            Anchoring {
                range: None,
                status: AnchorStatus::Orphan
            }
        );
    }

    #[test]
    fn a_short_quote_whose_surroundings_changed_is_not_trusted() {
        let text = "Asked whether he would resign, the minister said: No. Then he left.";
        let selectors = capture(text, range_of(text, "No.")).unwrap();
        let edited =
            "The minister has resigned. Asked about it, his office said No. to everything.";
        assert_eq!(reanchor(edited, &selectors).status, AnchorStatus::Orphan);
    }

    #[test]
    fn a_long_quote_whose_surroundings_changed_is_found_for_review() {
        let quote = "We will rebuild every school that the flood destroyed, whatever it costs";
        let text = format!("Opening lines. {quote}. Closing lines.");
        let selectors = capture(&text, range_of(&text, quote)).unwrap();
        let edited = format!("Completely new lead paragraph here.\n\n{quote}\n\nAnd a new ending.");
        let anchoring = reanchor(&edited, &selectors);
        assert_eq!(anchoring.range, Some(range_of(&edited, quote)));
        assert!(
            matches!(anchoring.status, AnchorStatus::Fuzzy { score } if (MIN_SCORE..1.0).contains(&score)),
            "{anchoring:?}"
        );
    }

    #[test]
    fn a_lookalike_sentence_does_not_adopt_a_deleted_quote() {
        let text = "First, the minister said the plan would fail badly. Later the minister said the plan would work well. End.";
        let selectors = capture(
            text,
            range_of(text, "the minister said the plan would fail badly"),
        )
        .unwrap();
        let edited = "First, nothing. Later the minister said the plan would work well. End.";
        assert_eq!(reanchor(edited, &selectors).status, AnchorStatus::Orphan);
    }

    #[test]
    fn curly_quotes_and_tidied_spacing_are_recovered_with_a_high_score() {
        let text = "He wrote \"we are 'ready'\" in  a   letter to staff on Friday.";
        let quote = "\"we are 'ready'\" in  a   letter";
        let selectors = capture(text, range_of(text, quote)).unwrap();
        let edited = "He wrote “we are ‘ready’” in a letter to staff on Friday.";
        let anchoring = reanchor(edited, &selectors);
        assert_eq!(
            anchoring.range,
            Some(range_of(edited, "“we are ‘ready’” in a letter"))
        );
        assert!(
            matches!(anchoring.status, AnchorStatus::Fuzzy { score } if score > 0.85),
            "{anchoring:?}"
        );
    }

    #[test]
    fn reanchor_all_matches_reanchor_one_by_one() {
        let text = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.";
        let items: Vec<Selectors> = ["beta gamma", "epsilon", "theta iota"]
            .iter()
            .map(|quote| capture(text, range_of(text, quote)).unwrap())
            .collect();
        let edited = "Prologue. Alpha beta gamma. Delta epsilon zeta. Eta theta iota.";
        let all = reanchor_all(edited, &items);
        let one_by_one: Vec<Anchoring> = items.iter().map(|s| reanchor(edited, s)).collect();
        assert_eq!(all, one_by_one);
        assert!(all.iter().all(|a| a.status == AnchorStatus::Moved));
    }

    #[test]
    fn hand_written_or_imported_selectors_without_position_or_context() {
        let text = "One line with a unique phrase in it.";
        let bare = Selectors {
            quote: TextQuoteSelector {
                exact: "unique phrase".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
            position: None,
        };
        // No context recorded: a unique exact quote is found; a repeated one is ambiguous; an
        // edited one is not searched for approximately.
        assert_eq!(
            reanchor(text, &bare),
            Anchoring {
                range: Some(range_of(text, "unique phrase")),
                status: AnchorStatus::Anchored
            }
        );
        let twice = "A unique phrase, and a unique phrase.";
        assert_eq!(reanchor(twice, &bare).status, AnchorStatus::Orphan);
        let edited = "One line with a unique phrasing in it.";
        assert_eq!(reanchor(edited, &bare).status, AnchorStatus::Orphan);
        let empty = Selectors::default();
        assert_eq!(reanchor(text, &empty).status, AnchorStatus::Orphan);
        let reversed = Selectors {
            quote: TextQuoteSelector {
                exact: "unique phrase".into(),
                prefix: "with a ".into(),
                suffix: " in it.".into(),
            },
            position: Some(TextPositionSelector { start: 20, end: 3 }),
        };
        // An unusable position counts as none recorded.
        assert_eq!(
            reanchor(text, &reversed),
            Anchoring {
                range: Some(range_of(text, "unique phrase")),
                status: AnchorStatus::Anchored
            }
        );
    }
}
