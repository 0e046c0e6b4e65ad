//! Re-anchoring: the three strategies in order (position, exact quote, approximate match),
//! each candidate scored alike, and the decision that accepts one or reports an orphan.

use super::context::{common_prefix_len, common_suffix_len, side_agreement, Query};
use super::fuzzy::{edit_distance, find_approximate};
use super::normalized::{normalize, GramIndex};
use super::AnchorStatus;
use super::{
    Anchorer, Anchoring, AMBIGUITY_MARGIN, CONFIDENT_SCORE, EDGE_SLACK, GRAM_LEN,
    MAX_APPROXIMATE_CANDIDATES, MAX_CONTEXT, MAX_ERROR_RATE, MAX_FUZZY_SCORE, MIN_CONTEXT,
    MIN_SCORE, MOVED_MIN_CONTEXT, NEAR_WINDOW, TYPOGRAPHIC_EDIT_WEIGHT,
};
use crate::core::anchoring::{Selectors, TextQuoteSelector};
use crate::core::text::CharRange;

impl Anchorer<'_> {
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

    /// Starts (normalised offsets) of every occurrence of `pattern` in the normalised text,
    /// overlapping ones included, in order.
    pub(super) fn find_exact(&self, pattern: &[char]) -> Vec<usize> {
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
