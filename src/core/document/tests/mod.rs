//! Behaviour of the document: the reducer over action sequences, undo/redo, two-tab merge and
//! the who-is-quoted summary, over text with emoji, combining marks, CJK and RTL scripts.

use super::*;
use crate::core::anchoring::{Selectors, TextPositionSelector, TextQuoteSelector};
use crate::core::text::CharRange;

/// Curly and straight quotes, a ZWJ family, a flag, a combining accent, CJK, Arabic, Hebrew
/// and a repeated sentence.
const TEXT: &str = "\u{201c}We will win,\u{201d} said Sarah Sanders 👩\u{200d}👩\u{200d}👧. \
Putin said: \"Nyet.\" 🇫🇮 Cafe\u{301} opened.\n\n\
習近平說：「我們會贏。」 قال محمد: \"سننتصر\". אמר דוד: 'ננצח'.\n\n\
\u{201c}We will win,\u{201d} said Sarah Sanders again.";

/// The code point range of the `nth` (0-based) occurrence of `needle` in [`TEXT`].
fn find(needle: &str, nth: usize) -> CharRange {
    let (byte, _) = TEXT
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in fixture"));
    let start = TEXT[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn selectors(range: CharRange) -> Selectors {
    let chars: Vec<char> = TEXT.chars().collect();
    let take = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    Selectors {
        quote: TextQuoteSelector {
            exact: take(range.start, range.end),
            prefix: take(range.start.saturating_sub(8), range.start),
            suffix: take(range.end, (range.end + 8).min(chars.len())),
        },
        position: Some(TextPositionSelector {
            start: range.start,
            end: range.end,
        }),
    }
}

fn s(id: &str) -> SpeakerId {
    SpeakerId(id.to_owned())
}

fn a(id: &str) -> AnnotationId {
    AnnotationId(id.to_owned())
}

fn quote(needle: &str, nth: usize, speaker: Option<&str>) -> Action {
    let range = find(needle, nth);
    Action::CreateAnnotation {
        kind: AnnotationKind::Quote,
        range,
        selectors: selectors(range),
        speaker: speaker.map(s),
        note: String::new(),
    }
}

fn add_speaker(name: &str) -> Action {
    Action::AddSpeaker {
        name: name.to_owned(),
    }
}

/// Applies actions at times 1000, 1001, ...; every one must succeed.
fn run(document: &mut Document, actions: Vec<Action>) -> Vec<Applied> {
    actions
        .into_iter()
        .enumerate()
        .map(|(i, action)| {
            let now = 1000 + i as i64;
            document
                .apply(action.clone(), now)
                .unwrap_or_else(|e| panic!("{action:?} failed: {e}"))
        })
        .collect()
}

/// A document with Sarah Sanders (s1), Putin (s2) and three quotes: a3 Sarah's first "We will
/// win", a4 Putin's "Nyet.", a5 the CJK sentence by nobody known.
fn fixture() -> Document {
    let mut document = Document::new("article-1");
    run(
        &mut document,
        vec![
            add_speaker("Sarah Sanders"),
            add_speaker("Putin"),
            quote("We will win,", 0, Some("s1")),
            quote("\"Nyet.\"", 0, Some("s2")),
            quote("我們會贏。", 0, None),
        ],
    );
    document.history.clear();
    document
}

/// What the user sees, without revisions and times: for "undo restores" comparisons.
fn visible(document: &Document) -> String {
    let annotations: Vec<String> = document
        .annotations
        .iter()
        .map(|a| {
            format!(
                "{}:{:?}:{:?}:{:?}:{:?}:{}",
                a.id, a.kind, a.range, a.speaker, a.status, a.note
            )
        })
        .collect();
    let speakers: Vec<String> = document
        .speakers
        .iter()
        .map(|s| format!("{}:{}:{:?}:{}", s.id, s.name, s.aliases, s.colour))
        .collect();
    format!("{annotations:?} {speakers:?}")
}

fn check(document: &Document) {
    if let Err(problem) = document.check_invariants() {
        panic!("invariant broken: {problem}\n{document:#?}");
    }
}

mod actions;
mod merge;
mod rules;
mod scale;
mod summary;
