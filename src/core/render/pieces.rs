//! Cutting a block into the runs the renderer draws: wherever either the inline formatting or
//! the set of covering highlights changes, a new piece begins. One element per piece, never one
//! per character.

use crate::core::article::Span;
use crate::core::text::CharRange;

/// A run of a block's text with one formatting and one set of covering highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// Index of the span whose formatting the piece has.
    pub span: usize,
    /// Index of the highlight layer covering the piece (into the `layers` passed to
    /// [`cut_block`]), or `None` for unhighlighted text.
    pub layer: Option<usize>,
}

/// Cuts a block whose spans start at code point `block_start` of the text content into pieces,
/// given highlight `layers` as absolute, non-overlapping ranges in ascending order (the
/// segments of the annotation index). Parts of a layer outside the block are ignored.
pub fn cut_block(spans: &[Span], block_start: usize, layers: &[CharRange]) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(spans.len() + layers.len() * 2);
    let mut span_start = block_start;
    let mut layer_index = 0;
    for (span_index, span) in spans.iter().enumerate() {
        let span_len = span.text.chars().count();
        let span_end = span_start + span_len;
        let mut position = span_start;
        let mut rest = span.text.as_str();
        while position < span_end {
            while layer_index < layers.len() && layers[layer_index].end <= position {
                layer_index += 1;
            }
            let (piece_end, layer) = match layers.get(layer_index) {
                Some(layer) if layer.start <= position => {
                    (layer.end.min(span_end), Some(layer_index))
                }
                Some(layer) if layer.start < span_end => (layer.start, None),
                _ => (span_end, None),
            };
            let take = piece_end - position;
            let split = rest
                .char_indices()
                .nth(take)
                .map_or(rest.len(), |(byte, _)| byte);
            let (text, remainder) = rest.split_at(split);
            pieces.push(Piece {
                text: text.to_owned(),
                span: span_index,
                layer,
            });
            rest = remainder;
            position = piece_end;
        }
        span_start = span_end;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::article::SpanStyle;

    fn span(text: &str, emphasis: bool) -> Span {
        Span {
            text: text.to_owned(),
            style: SpanStyle {
                emphasis,
                ..SpanStyle::default()
            },
        }
    }

    /// A piece as (text, span index, layer index).
    type Shape<'a> = (&'a str, usize, Option<usize>);

    fn shape(pieces: &[Piece]) -> Vec<Shape<'_>> {
        pieces
            .iter()
            .map(|p| (p.text.as_str(), p.span, p.layer))
            .collect()
    }

    #[test]
    fn cuts_where_formatting_or_highlights_change() {
        // "Putin 🇷🇺 said " + emphasised "“great”" + " success"; the block starts at 10.
        let spans = [
            span("Putin 🇷🇺 said ", false),
            span("“great”", true),
            span(" success", false),
        ];
        let cases: &[(&[CharRange], Vec<Shape>)] = &[
            (
                &[],
                vec![
                    ("Putin 🇷🇺 said ", 0, None),
                    ("“great”", 1, None),
                    (" success", 2, None),
                ],
            ),
            (
                // A highlight across the emphasis boundary: "said “gr"
                &[CharRange::new(19, 27)],
                vec![
                    ("Putin 🇷🇺 ", 0, None),
                    ("said ", 0, Some(0)),
                    ("“gr", 1, Some(0)),
                    ("eat”", 1, None),
                    (" success", 2, None),
                ],
            ),
            (
                // Two adjacent layers and one outside the block.
                &[
                    CharRange::new(0, 11),
                    CharRange::new(16, 18),
                    CharRange::new(18, 19),
                    CharRange::new(40, 50),
                ],
                vec![
                    ("P", 0, Some(0)),
                    ("utin ", 0, None),
                    ("🇷🇺", 0, Some(1)),
                    (" ", 0, Some(2)),
                    ("said ", 0, None),
                    ("“great”", 1, None),
                    (" success", 2, None),
                ],
            ),
        ];
        for (layers, expected) in cases {
            assert_eq!(
                shape(&cut_block(&spans, 10, layers)),
                *expected,
                "{layers:?}"
            );
        }
    }

    #[test]
    fn pieces_always_rebuild_the_block_text() {
        let spans = [span("e\u{301}té 東京 שלום", false), span(" 👩‍👩‍👧!", true)];
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        let len = text.chars().count();
        for start in 0..len {
            for end in start + 1..=len {
                let pieces = cut_block(&spans, 0, &[CharRange::new(start, end)]);
                let rebuilt: String = pieces.iter().map(|p| p.text.as_str()).collect();
                assert_eq!(rebuilt, text);
                let covered: usize = pieces
                    .iter()
                    .filter(|p| p.layer.is_some())
                    .map(|p| p.text.chars().count())
                    .sum();
                assert_eq!(covered, end - start);
            }
        }
    }
}
