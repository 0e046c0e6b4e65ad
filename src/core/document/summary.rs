//! "Who is quoted": quotes and words per speaker, for the summary panel.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use super::{Annotation, AnnotationKind, Document, SpeakerId};
use crate::core::text::typography::is_cjk;

/// How much one speaker (or, with `speaker: None`, nobody known) is quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerSummary {
    pub speaker: Option<SpeakerId>,
    pub quotes: usize,
    pub words: usize,
}

/// Per-speaker quote and word counts over `text_content` (the article's text content, which
/// the annotations' ranges index by code point). Only speakers with quotes appear; sorted by
/// quotes, then words, descending, then in speaker-list order with unattributed last.
///
/// Orphaned quotes have no current text; they count as quotes with the words of the text
/// they were made on (their quote selector).
pub fn who_is_quoted(document: &Document, text_content: &str) -> Vec<SpeakerSummary> {
    let quotes: Vec<_> = document
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Quote)
        .collect();

    // One pass over the text maps every needed code point offset to a byte offset.
    let mut offsets: Vec<usize> = quotes
        .iter()
        .filter_map(|a| a.range)
        .flat_map(|r| [r.start, r.end])
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut byte_at: HashMap<usize, usize> = HashMap::with_capacity(offsets.len());
    let mut wanted = offsets.iter().peekable();
    for (char_index, (byte, _)) in text_content
        .char_indices()
        .chain(std::iter::once((text_content.len(), ' ')))
        .enumerate()
    {
        while wanted.peek().is_some_and(|&&w| w == char_index) {
            byte_at.insert(char_index, byte);
            wanted.next();
        }
        if wanted.peek().is_none() {
            break;
        }
    }

    let live_speaker = |id: &Option<SpeakerId>| {
        id.as_ref()
            .filter(|id| document.speaker(id).is_some())
            .cloned()
    };
    let mut totals: HashMap<Option<SpeakerId>, (usize, usize)> = HashMap::new();
    for quote in quotes {
        let text = match quote.range {
            Some(range) => match (byte_at.get(&range.start), byte_at.get(&range.end)) {
                (Some(&start), Some(&end)) => text_content.get(start..end).unwrap_or(""),
                // A range past the end of the text: nothing to count.
                _ => "",
            },
            None => quote.selectors.quote.exact.as_str(),
        };
        let entry = totals.entry(live_speaker(&quote.speaker)).or_default();
        entry.0 += 1;
        entry.1 += count_words(text);
    }

    let rank = |speaker: &Option<SpeakerId>| match speaker {
        Some(id) => document.speaker_index(id).unwrap_or(usize::MAX - 1),
        None => usize::MAX,
    };
    let mut summary: Vec<SpeakerSummary> = totals
        .into_iter()
        .map(|(speaker, (quotes, words))| SpeakerSummary {
            speaker,
            quotes,
            words,
        })
        .collect();
    summary.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then(b.words.cmp(&a.words))
            .then_with(|| rank(&a.speaker).cmp(&rank(&b.speaker)))
    });
    summary
}

/// Every quote grouped by who said it, for the printed list: speakers in the speaker list's
/// order, then quotes with an unknown speaker; within a group, quotes in article order (the
/// document's order). Speakers without quotes are left out.
pub fn quotes_by_speaker(document: &Document) -> Vec<(Option<SpeakerId>, Vec<&Annotation>)> {
    let mut groups: Vec<(Option<SpeakerId>, Vec<&Annotation>)> = document
        .speakers
        .iter()
        .map(|speaker| (Some(speaker.id.clone()), Vec::new()))
        .chain(std::iter::once((None, Vec::new())))
        .collect();
    let slot_of: HashMap<&SpeakerId, usize> = document
        .speakers
        .iter()
        .enumerate()
        .map(|(slot, speaker)| (&speaker.id, slot))
        .collect();
    let unknown = groups.len() - 1;
    for quote in document
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Quote)
    {
        let slot = quote
            .speaker
            .as_ref()
            .and_then(|id| slot_of.get(id).copied())
            .unwrap_or(unknown);
        groups[slot].1.push(quote);
    }
    groups.retain(|(_, quotes)| !quotes.is_empty());
    groups
}

/// Words in `text`: Unicode word boundaries (UAX #29), counting only words with a letter or
/// digit, and each CJK character as one word.
pub fn count_words(text: &str) -> usize {
    text.unicode_words()
        .map(|word| {
            let cjk = word.chars().filter(|&c| is_cjk(c)).count();
            // Runs of other letters inside the same word (e.g. "Tシャツ") count once each.
            let mut other_runs = 0;
            let mut in_run = false;
            for c in word.chars() {
                let other = !is_cjk(c) && c.is_alphanumeric();
                if other && !in_run {
                    other_runs += 1;
                }
                in_run = other || (in_run && !is_cjk(c));
            }
            cjk + other_runs
        })
        .sum()
}
