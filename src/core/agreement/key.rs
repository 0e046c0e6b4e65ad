//! Proposing an answer key from the class's files: passages enough annotators marked, with the
//! boundaries and speaker most of them chose, and the evidence behind each so a teacher can
//! accept, edit or reject it.

use std::collections::HashMap;

use crate::core::document::AnnotationKind;
use crate::core::text::CharRange;

use super::clusters::cluster_spans;
use super::input::{unify_labels, Annotator, Span, SpeakerLabel};

/// How many annotators must have marked a passage for it to enter the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyRule {
    Unanimous,
    /// More than half of the annotators.
    Majority,
    AtLeast(usize),
}

impl KeyRule {
    pub fn accepts(self, supporters: usize, annotators: usize) -> bool {
        match self {
            KeyRule::Unanimous => supporters == annotators,
            KeyRule::Majority => 2 * supporters > annotators,
            KeyRule::AtLeast(k) => supporters >= k,
        }
    }
}

/// One annotator's part in a candidate passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Support {
    pub annotator: usize,
    pub name: String,
    pub range: CharRange,
    pub speaker: Option<SpeakerLabel>,
}

/// A candidate passage: a cluster of overlapping spans of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyPassage {
    pub kind: AnnotationKind,
    /// The most common exact range among the members; ties go to the earliest, then shortest.
    pub range: CharRange,
    /// The most common speaker (after alias unification) among a quote's members; `None` for
    /// unknown speaker and for highlights.
    pub speaker: Option<SpeakerLabel>,
    /// Every member span, in order of range. One annotator can appear more than once.
    pub support: Vec<Support>,
    /// Distinct annotators among the members.
    pub supporters: usize,
    /// True when the cluster reaches the rule.
    pub accepted: bool,
    pub boundaries_disputed: bool,
    pub speaker_disputed: bool,
    /// Boundaries or speaker disputed, or not everybody marked it.
    pub disputed: bool,
}

/// Every candidate passage in article order; accepted ones form the key.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposedKey {
    pub rule: KeyRule,
    pub annotators: usize,
    pub passages: Vec<KeyPassage>,
}

impl ProposedKey {
    pub fn accepted(&self) -> impl Iterator<Item = &KeyPassage> {
        self.passages.iter().filter(|passage| passage.accepted)
    }

    /// The accepted passages as an annotator, to score students against.
    pub fn to_annotator(&self, name: impl Into<String>) -> Annotator {
        Annotator::new(
            name,
            self.accepted()
                .map(|passage| Span {
                    range: passage.range,
                    kind: passage.kind,
                    speaker: passage.speaker.clone(),
                })
                .collect(),
        )
    }
}

/// The most frequent value; ties go to the smallest by `tie` order.
fn most_common<T: Copy + Eq + std::hash::Hash, K: Ord>(
    values: impl Iterator<Item = T>,
    tie: impl Fn(T) -> K,
) -> Option<T> {
    let mut counts: HashMap<T, usize> = HashMap::new();
    for value in values {
        *counts.entry(value).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|(v1, c1), (v2, c2)| c1.cmp(c2).then_with(|| tie(*v2).cmp(&tie(*v1))))
        .map(|(value, _)| value)
}

fn passage(
    annotators: &[Annotator],
    members: &[super::clusters::Member],
    kind: AnnotationKind,
    rule: KeyRule,
) -> KeyPassage {
    let support: Vec<Support> = members
        .iter()
        .map(|member| {
            let annotator = &annotators[member.annotator];
            let span = &annotator.spans[member.span];
            Support {
                annotator: member.annotator,
                name: annotator.name.clone(),
                range: span.range,
                speaker: span.speaker.clone(),
            }
        })
        .collect();
    let range =
        most_common(support.iter().map(|s| s.range), |r| (r.start, r.len())).unwrap_or_default();
    let mut distinct: Vec<usize> = support.iter().map(|s| s.annotator).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let supporters = distinct.len();
    let boundaries_disputed = support.iter().any(|s| s.range != range);

    let (speaker, speaker_disputed) = if kind == AnnotationKind::Quote {
        let labels: Vec<Option<&SpeakerLabel>> =
            support.iter().map(|s| s.speaker.as_ref()).collect();
        let categories = unify_labels(&labels);
        // Categories are numbered by first appearance, which follows article order.
        let winner = most_common(categories.iter().copied(), |c| c);
        let speaker = winner.and_then(|winner| {
            // Within the winning category, prefer the label of a member with the key's range.
            let in_winner = |index: &usize| categories[*index] == winner;
            (0..support.len())
                .filter(in_winner)
                .find(|&index| support[index].range == range)
                .or_else(|| (0..support.len()).find(in_winner))
                .and_then(|index| support[index].speaker.clone())
        });
        (speaker, categories.iter().any(|&c| Some(c) != winner))
    } else {
        (None, false)
    };
    KeyPassage {
        kind,
        range,
        speaker,
        supporters,
        accepted: rule.accepts(supporters, annotators.len()),
        boundaries_disputed,
        speaker_disputed,
        disputed: boundaries_disputed || speaker_disputed || supporters < annotators.len(),
        support,
    }
}

/// Clusters everyone's spans (per kind, IoU ≥ 0.5 across annotators) and proposes a key.
pub fn propose_key(annotators: &[Annotator], rule: KeyRule) -> ProposedKey {
    let mut passages: Vec<KeyPassage> = [AnnotationKind::Quote, AnnotationKind::Highlight]
        .into_iter()
        .flat_map(|kind| {
            cluster_spans(annotators, kind)
                .into_iter()
                .map(move |members| (kind, members))
        })
        .map(|(kind, members)| passage(annotators, &members, kind, rule))
        .collect();
    passages.sort_by_key(|passage| (passage.range, passage.kind == AnnotationKind::Highlight));
    ProposedKey {
        rule,
        annotators: annotators.len(),
        passages,
    }
}
