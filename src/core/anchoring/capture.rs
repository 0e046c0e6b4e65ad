//! Capture: the selectors recorded for a new annotation, with the shortest context that makes
//! the quote unique, widened to whole words.

use super::context::{common_prefix_len, common_suffix_len};
use super::{AnchorError, Anchorer, MAX_CONTEXT, MIN_CONTEXT};
use crate::core::anchoring::{Selectors, TextPositionSelector, TextQuoteSelector};
use crate::core::text::typography::is_cjk;
use crate::core::text::CharRange;

impl Anchorer<'_> {
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
}
