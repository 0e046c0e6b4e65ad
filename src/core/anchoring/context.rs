//! Context scoring: an annotation's quote selector normalised for matching, and how much of
//! its recorded prefix and suffix agrees with the text around a candidate.

use super::normalized::normalize;
use super::MIN_CONTEXT;
use crate::core::anchoring::TextQuoteSelector;

/// An annotation's quote selector, normalised for matching.
pub(super) struct Query<'s> {
    pub(super) exact: &'s str,
    pub(super) exact_chars: Vec<char>,
    pub(super) pattern: Vec<char>,
    pub(super) prefix: Vec<char>,
    pub(super) suffix: Vec<char>,
    /// Context shorter than [`MIN_CONTEXT`] was cut short by the end of the text.
    pub(super) prefix_reaches_start: bool,
    pub(super) suffix_reaches_end: bool,
    pub(super) starts_with_space: bool,
    pub(super) ends_with_space: bool,
    pub(super) quote_weight: f32,
}

impl<'s> Query<'s> {
    pub(super) fn new(quote: &'s TextQuoteSelector) -> Self {
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
    pub(super) fn has_context(&self) -> bool {
        !self.prefix.is_empty() || !self.suffix.is_empty()
    }

    /// Mean agreement of the recorded prefix and suffix with the text around normalised range
    /// `start..end`, each in 0..=1.
    pub(super) fn context_agreement(&self, chars: &[char], start: usize, end: usize) -> f32 {
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

/// Agreement of one side of the context, 0..=1: the share of the recorded side that agrees.
/// A side recorded shorter than [`MIN_CONTEXT`] was cut short by the end of the text, and
/// that end counts as one more character of it, agreeing only when the candidate is at the
/// same end (so an empty recorded prefix agrees only at the start of the text).
///
/// `available` is how much text the candidate has on that side.
pub(super) fn side_agreement(
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
pub(super) fn common_suffix_len(a: &[char], b: &[char], limit: usize) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take(limit)
        .take_while(|(x, y)| x == y)
        .count()
}

/// Length of the longest common prefix of `a` and `b`, at most `limit`.
pub(super) fn common_prefix_len(a: &[char], b: &[char], limit: usize) -> usize {
    a.iter()
        .zip(b)
        .take(limit)
        .take_while(|(x, y)| x == y)
        .count()
}
