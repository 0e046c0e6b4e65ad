//! How each covered run of the article is drawn: the colour of the innermost annotation, the
//! tone of an outer one running through it, the label shown where an annotation starts (the
//! non-colour cue) and the description a screen reader gives.
//!
//! Marks are computed per block and kept behind an `Rc` per block, so that a change redraws
//! only the blocks whose marks differ: [`ArticleMarks::update`] recomputes just the blocks a
//! change touched (the ranges [`crate::core::document::Applied`] reports) and hands every
//! other block's `Rc` on untouched, which is what lets the view skip them.

use std::rc::Rc;

use crate::core::article::Article;
use crate::core::document::{
    Annotation, AnnotationId, AnnotationKind, Document, Speaker, SpeakerId,
};
use crate::core::palette::initials;
use crate::core::render::runs::{block_ranges, AnnotationIndex};
use crate::core::text::CharRange;

/// How one annotation's highlight is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// A quote by a speaker with this palette slot.
    Speaker(u8),
    /// A quote whose speaker is unknown.
    Unknown,
    /// A plain highlight.
    Highlight,
}

/// How one covered run is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Absolute code point range in the text content.
    pub range: CharRange,
    /// Annotations covering the run, outermost first.
    pub ids: Vec<AnnotationId>,
    /// Palette slot of the innermost covering quote's speaker (`None`: unknown / highlight).
    pub colour: Option<u8>,
    /// True when the innermost covering annotation is a plain highlight.
    pub highlight: bool,
    /// Where highlights overlap: how the outermost of the others is drawn, so that it visibly
    /// runs on through the overlap instead of seeming to end where the inner one begins.
    pub outer: Option<Tone>,
    /// Annotations that start in this run, with the label shown before them (the non-colour
    /// cue: a speaker's initials, "?" for unknown, "✎" for a highlight).
    pub starts: Vec<(AnnotationId, String)>,
    /// Accessible description: who said it, for every covering annotation.
    pub description: String,
    /// True for the reader's pending selection (not an annotation yet).
    pub pending: bool,
    /// True where a suggested quote waits for review.
    pub suggested: bool,
}

/// The marks of one block, in text order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BlockMarks {
    pub marks: Vec<Mark>,
}

/// Stretches drawn like annotations that are not (yet) in the document.
#[derive(Clone, Copy, Debug, Default)]
pub struct Overlay<'a> {
    /// The reader's pending selection, when it is drawn (found with the keyboard).
    pub pending: Option<CharRange>,
    /// Suggested quotes waiting for review.
    pub suggestions: &'a [CharRange],
}

impl Overlay<'_> {
    /// Every overlay stretch, numbered after the `annotations` document annotations: the
    /// pending selection first, then the suggestions.
    fn numbered(&self, annotations: usize) -> Vec<(CharRange, u32)> {
        let base = u32::try_from(annotations).unwrap_or(u32::MAX);
        self.pending
            .iter()
            .chain(self.suggestions)
            .zip(base..)
            .map(|(&range, number)| (range, number))
            .collect()
    }

    /// Everything the overlay covers, for working out what a change of overlay redraws.
    pub fn ranges(&self) -> impl Iterator<Item = CharRange> + '_ {
        self.pending
            .into_iter()
            .chain(self.suggestions.iter().copied())
    }
}

/// The marks of every block of an article, with the index they were computed from.
#[derive(Clone, Debug)]
pub struct ArticleMarks {
    blocks: Rc<Vec<Rc<BlockMarks>>>,
    index: Rc<AnnotationIndex>,
}

impl PartialEq for ArticleMarks {
    /// Equal when they are the same computation: blocks are compared by `Rc`, which is what
    /// the view compares too.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.blocks, &other.blocks)
    }
}

impl ArticleMarks {
    /// Marks every block (on load, or when everything may have changed).
    pub fn new(article: &Article, document: &Document, overlay: Overlay<'_>) -> Self {
        let index = Rc::new(AnnotationIndex::from_document(
            document,
            block_ranges(article),
        ));
        let painter = Painter::new(document, &index, overlay);
        let blocks = (0..index.block_count())
            .map(|block| Rc::new(painter.block(block)))
            .collect();
        Self {
            blocks: Rc::new(blocks),
            index,
        }
    }

    /// The marks after a change that can only have redrawn `touched`: blocks touching none of
    /// these ranges keep their `Rc`. `document_changed` says whether the annotations changed
    /// (the index is rebuilt then) or only the overlay did.
    pub fn update(
        &self,
        document: &Document,
        overlay: Overlay<'_>,
        document_changed: bool,
        touched: impl IntoIterator<Item = CharRange>,
    ) -> Self {
        let index = if document_changed {
            Rc::new(AnnotationIndex::from_document(
                document,
                self.index.blocks().to_vec(),
            ))
        } else {
            self.index.clone()
        };
        let mut redraw = vec![false; index.block_count()];
        for range in touched {
            for block in index.blocks_touching(range) {
                redraw[block] = true;
            }
        }
        let painter = Painter::new(document, &index, overlay);
        let blocks = self
            .blocks
            .iter()
            .enumerate()
            .map(|(block, old)| {
                if !redraw[block] {
                    return old.clone();
                }
                let marks = painter.block(block);
                if **old == marks {
                    old.clone()
                } else {
                    Rc::new(marks)
                }
            })
            .collect();
        Self {
            blocks: Rc::new(blocks),
            index,
        }
    }

    /// Each block's marks, in block order.
    pub fn blocks(&self) -> &Rc<Vec<Rc<BlockMarks>>> {
        &self.blocks
    }
}

/// The annotation `step` highlights after `current` in article order (negative: before it),
/// wrapping around at either end; from no current one, the first (or, going back, the last).
/// Orphans have no highlight and are skipped. `None` when nothing is highlighted.
pub fn step_through(
    document: &Document,
    current: Option<&AnnotationId>,
    step: isize,
) -> Option<AnnotationId> {
    let anchored: Vec<&AnnotationId> = document
        .annotations()
        .iter()
        .filter(|a| a.range.is_some())
        .map(|a| &a.id)
        .collect();
    let count = isize::try_from(anchored.len()).ok().filter(|&n| n > 0)?;
    let position = current
        .and_then(|id| anchored.iter().position(|a| *a == id))
        .and_then(|p| isize::try_from(p).ok());
    let next = match position {
        Some(position) => (position + step).rem_euclid(count),
        None if step > 0 => 0,
        None => count - 1,
    };
    anchored
        .get(usize::try_from(next).ok()?)
        .map(|id| (*id).clone())
}

/// Computes one block's marks from the index, the document and the overlay.
struct Painter<'a> {
    document: &'a Document,
    index: &'a AnnotationIndex,
    overlay: Vec<(CharRange, u32)>,
    pending: Option<u32>,
    first_suggestion: u32,
}

impl<'a> Painter<'a> {
    fn new(document: &'a Document, index: &'a AnnotationIndex, overlay: Overlay<'_>) -> Self {
        let annotations = u32::try_from(index.len()).unwrap_or(u32::MAX);
        let pending = overlay.pending.map(|_| annotations);
        Self {
            document,
            index,
            overlay: overlay.numbered(index.len()),
            pending,
            first_suggestion: annotations + u32::from(pending.is_some()),
        }
    }

    fn speaker_of(&self, annotation: &Annotation) -> Option<&'a Speaker> {
        let id: &SpeakerId = annotation.speaker.as_ref()?;
        self.document.speaker(id)
    }

    fn tone(&self, annotation: &Annotation) -> Tone {
        match annotation.kind {
            AnnotationKind::Highlight => Tone::Highlight,
            AnnotationKind::Quote => self
                .speaker_of(annotation)
                .map_or(Tone::Unknown, |speaker| Tone::Speaker(speaker.colour)),
        }
    }

    fn label(&self, annotation: &Annotation) -> String {
        match annotation.kind {
            AnnotationKind::Highlight => "✎".to_owned(),
            AnnotationKind::Quote => self
                .speaker_of(annotation)
                .map_or_else(|| "?".to_owned(), |speaker| initials(&speaker.name)),
        }
    }

    fn describe(&self, annotation: &Annotation) -> String {
        let what = match annotation.kind {
            AnnotationKind::Highlight => "Highlight".to_owned(),
            AnnotationKind::Quote => match self.speaker_of(annotation) {
                Some(speaker) => format!("Quote by {}", speaker.name),
                None => "Quote by an unknown speaker".to_owned(),
            },
        };
        // Readers see the note on hover and hear it on focus.
        match annotation.note.trim() {
            "" => what,
            note => format!("{what}. Note: {note}"),
        }
    }

    fn block(&self, block: usize) -> BlockMarks {
        let marks = self
            .index
            .block_runs(block, &self.overlay)
            .into_iter()
            .filter(|run| !run.annotations.is_empty())
            .map(|run| {
                let covering = run.annotations.as_slice();
                let annotations: Vec<&Annotation> = covering
                    .iter()
                    .filter_map(|&i| self.document.annotations().get(usize::try_from(i).ok()?))
                    .collect();
                let innermost = annotations
                    .iter()
                    .min_by_key(|a| a.range.map_or(usize::MAX, |r| r.len()));
                let outer = annotations
                    .iter()
                    .filter(|a| innermost.is_none_or(|inner| inner.id != a.id))
                    .max_by_key(|a| a.range.map_or(0, |r| r.len()))
                    .map(|a| self.tone(a));
                Mark {
                    range: run.range,
                    ids: annotations.iter().map(|a| a.id.clone()).collect(),
                    colour: innermost
                        .and_then(|a| self.speaker_of(a))
                        .map(|speaker| speaker.colour),
                    highlight: innermost.is_some_and(|a| a.kind == AnnotationKind::Highlight),
                    outer,
                    starts: annotations
                        .iter()
                        .filter(|a| a.range.is_some_and(|r| r.start == run.range.start))
                        .map(|a| (a.id.clone(), self.label(a)))
                        .collect(),
                    description: annotations
                        .iter()
                        .map(|a| self.describe(a))
                        .collect::<Vec<_>>()
                        .join("; "),
                    pending: covering.iter().any(|&i| Some(i) == self.pending),
                    suggested: covering.iter().any(|&i| i >= self.first_suggestion),
                }
            })
            .collect();
        BlockMarks { marks }
    }
}
