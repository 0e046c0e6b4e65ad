//! What the compare view draws over the article: every annotator's spans cut into runs (the
//! same [`AnnotationIndex`] the widget draws with), adjacent runs marked by the same people
//! joined into one passage, each with its agreement level and the speakers given; and, for one
//! passage, who marked what.

use crate::core::agreement::{Annotator, SpeakerLabel};
use crate::core::document::AnnotationKind;
use crate::core::render::runs::AnnotationIndex;
use crate::core::text::typography::name_key;
use crate::core::text::CharRange;

/// How many of the shown annotators marked a passage. Drawn as a shade *and* a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Every shown annotator (at least two).
    All,
    /// More than one, not all.
    Some,
    /// Exactly one.
    One,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::All => "all marked",
            Level::Some => "some marked",
            Level::One => "one marked",
        }
    }

    /// The CSS modifier (`qm-agree--all`…).
    pub fn class(self) -> &'static str {
        match self {
            Level::All => "all",
            Level::Some => "some",
            Level::One => "one",
        }
    }
}

/// Which spans are shown: the chosen annotators (indices) and, optionally, only quotes given
/// to one speaker (by any of its names, ignoring case and spacing).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// `None` shows everyone.
    pub annotators: Option<Vec<usize>>,
    pub speaker: Option<String>,
}

impl Filter {
    pub fn shows_annotator(&self, index: usize) -> bool {
        self.annotators
            .as_ref()
            .is_none_or(|chosen| chosen.contains(&index))
    }

    fn shows_speaker(&self, label: Option<&SpeakerLabel>) -> bool {
        let Some(wanted) = &self.speaker else {
            return true;
        };
        let wanted = name_key(wanted);
        label.is_some_and(|label| label.keys().any(|key| key == wanted))
    }

    /// How many annotators the levels are counted against.
    pub fn shown_count(&self, total: usize) -> usize {
        (0..total).filter(|&i| self.shows_annotator(i)).count()
    }
}

/// One stretch of a block marked by the same set of annotators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassageRun {
    pub range: CharRange,
    /// Distinct annotators (indices), ascending.
    pub annotators: Vec<usize>,
    pub level: Level,
    /// The distinct speaker names given on quotes covering it, in order of first appearance.
    pub speakers: Vec<String>,
    pub has_quote: bool,
}

/// The shown spans, flattened as (annotator, span index).
fn shown_spans(annotators: &[Annotator], filter: &Filter) -> Vec<(usize, usize)> {
    annotators
        .iter()
        .enumerate()
        .filter(|(index, _)| filter.shows_annotator(*index))
        .flat_map(|(index, annotator)| {
            annotator
                .spans
                .iter()
                .enumerate()
                .filter(|(_, span)| {
                    filter.speaker.is_none()
                        || (span.kind == AnnotationKind::Quote
                            && filter.shows_speaker(span.speaker.as_ref()))
                })
                .map(move |(span, _)| (index, span))
        })
        .collect()
}

/// The passages of every block (`blocks` as [`crate::core::render::runs::block_ranges`] gives
/// them), in text order; unmarked text has no passage.
pub fn passage_view(
    blocks: &[CharRange],
    annotators: &[Annotator],
    filter: &Filter,
) -> Vec<Vec<PassageRun>> {
    let spans = shown_spans(annotators, filter);
    let shown = filter.shown_count(annotators.len());
    let index = AnnotationIndex::new(
        blocks.to_vec(),
        spans
            .iter()
            .map(|&(a, s)| Some(annotators[a].spans[s].range))
            .collect(),
    );
    (0..blocks.len())
        .map(|block| {
            let mut passages: Vec<PassageRun> = Vec::new();
            for run in index.block_runs(block, &[]) {
                if run.annotations.is_empty() {
                    continue;
                }
                let mut who: Vec<usize> = Vec::new();
                let mut speakers: Vec<String> = Vec::new();
                let mut has_quote = false;
                for &entry in run.annotations.iter() {
                    let (a, s) = spans[entry as usize];
                    who.push(a);
                    let span = &annotators[a].spans[s];
                    if span.kind == AnnotationKind::Quote {
                        has_quote = true;
                        let name = span
                            .speaker
                            .as_ref()
                            .map_or_else(|| "unknown speaker".to_owned(), |l| l.name.clone());
                        if !speakers.contains(&name) {
                            speakers.push(name);
                        }
                    }
                }
                who.sort_unstable();
                who.dedup();
                let level = if who.len() >= 2 && who.len() >= shown {
                    Level::All
                } else if who.len() >= 2 {
                    Level::Some
                } else {
                    Level::One
                };
                // Adjacent runs marked by the same people read as one passage.
                if let Some(last) = passages.last_mut() {
                    if last.range.end == run.range.start && last.annotators == who {
                        last.range.end = run.range.end;
                        for name in speakers {
                            if !last.speakers.contains(&name) {
                                last.speakers.push(name);
                            }
                        }
                        last.has_quote |= has_quote;
                        continue;
                    }
                }
                passages.push(PassageRun {
                    range: run.range,
                    annotators: who,
                    level,
                    speakers,
                    has_quote,
                });
            }
            passages
        })
        .collect()
}

/// One annotator's span over a passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub annotator: String,
    pub kind: AnnotationKind,
    pub speaker: Option<String>,
    pub range: CharRange,
    /// The span's text, for reading it out.
    pub text: String,
}

/// Who marked what over `range`: every shown span sharing a code point with it, by annotator.
pub fn passage_details(
    annotators: &[Annotator],
    filter: &Filter,
    range: CharRange,
    text_content: &str,
) -> Vec<Detail> {
    let chars: Vec<char> = text_content.chars().collect();
    shown_spans(annotators, filter)
        .into_iter()
        .filter_map(|(a, s)| {
            let span = &annotators[a].spans[s];
            (span.range.start < range.end && range.start < span.range.end).then(|| Detail {
                annotator: annotators[a].name.clone(),
                kind: span.kind,
                speaker: span.speaker.as_ref().map(|label| label.name.clone()),
                range: span.range,
                text: chars
                    .get(span.range.start..span.range.end.min(chars.len()))
                    .map(|c| c.iter().collect())
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Every speaker name given in the class, one per person (first spelling wins), sorted.
pub fn speaker_names(annotators: &[Annotator]) -> Vec<String> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for span in annotators.iter().flat_map(|a| a.spans.iter()) {
        if let Some(label) = &span.speaker {
            let key = name_key(&label.name);
            if !seen.iter().any(|(k, _)| *k == key) {
                seen.push((key, label.name.clone()));
            }
        }
    }
    let mut names: Vec<String> = seen.into_iter().map(|(_, name)| name).collect();
    names.sort_by_key(|name| name.to_lowercase());
    names
}
