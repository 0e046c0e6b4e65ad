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

#[test]
fn creating_a_quote_gives_a_fresh_anchored_annotation_and_a_spoken_message() {
    let mut document = fixture();
    let range = find("We will win,", 1);
    let applied = document
        .apply(
            Action::CreateAnnotation {
                kind: AnnotationKind::Quote,
                range,
                selectors: selectors(range),
                speaker: Some(s("s1")),
                note: "repeated".to_owned(),
            },
            5000,
        )
        .unwrap();
    assert_eq!(applied.message, "Quote by Sarah Sanders added");
    assert_eq!(applied.new_annotation, Some(a("a6")));
    assert_eq!(applied.annotations, vec![a("a6")]);
    assert_eq!(applied.ranges, vec![range]);
    let created = document.annotation(&a("a6")).unwrap();
    assert_eq!(created.status, AnchorStatus::Anchored);
    assert_eq!(
        (created.created, created.modified, created.revision),
        (5000, 5000, 1)
    );
    assert_eq!(created.selectors.quote.exact, "We will win,");
    assert_eq!(document.next_id, 7);
    check(&document);
}

#[test]
fn messages_name_the_change_for_screen_readers() {
    let cases: Vec<(Action, &str)> = vec![
        (quote("Nyet.", 0, None), "Quote by unknown speaker added"),
        (
            Action::CreateAnnotation {
                kind: AnnotationKind::Highlight,
                range: find("Cafe\u{301}", 0),
                selectors: selectors(find("Cafe\u{301}", 0)),
                speaker: None,
                note: String::new(),
            },
            "Highlight added",
        ),
        (
            Action::SetNote {
                id: a("a3"),
                note: "check".into(),
            },
            "Note updated",
        ),
        (
            Action::SetSpeaker {
                id: a("a5"),
                speaker: Some(s("s2")),
            },
            "Speaker set to Putin",
        ),
        (
            Action::SetKind {
                id: a("a3"),
                kind: AnnotationKind::Highlight,
            },
            "Changed to highlight",
        ),
        (
            Action::DeleteAnnotation { id: a("a4") },
            "Quote by Putin deleted",
        ),
        (
            add_speaker("  محمد   بن سلمان "),
            "Speaker محمد بن سلمان added",
        ),
        (
            Action::RenameSpeaker {
                id: s("s2"),
                name: "Vladimir Putin".into(),
            },
            "Speaker Putin renamed to Vladimir Putin",
        ),
        (
            Action::MergeSpeakers {
                from: s("s2"),
                into: s("s1"),
            },
            "Putin merged into Sarah Sanders",
        ),
        (
            Action::DeleteSpeaker { id: s("s1") },
            "Speaker Sarah Sanders deleted; 1 quote is now unattributed",
        ),
        (
            Action::SetSpeakerColour {
                id: s("s1"),
                colour: 5,
            },
            "Colour of Sarah Sanders changed to mint",
        ),
    ];
    for (action, expected) in cases {
        let mut document = fixture();
        let applied = document.apply(action.clone(), 9000).unwrap();
        assert_eq!(applied.message, expected, "{action:?}");
        let undone = document.apply(Action::Undo, 9001).unwrap();
        assert_eq!(undone.message, format!("Undone: {expected}"));
        let redone = document.apply(Action::Redo, 9002).unwrap();
        assert_eq!(redone.message, format!("Redone: {expected}"));
        check(&document);
    }
}

#[test]
fn annotations_stay_in_article_order_whatever_order_they_are_made_in() {
    let mut document = Document::new("x");
    run(
        &mut document,
        vec![
            quote("again.", 0, None),
            quote("אמר דוד", 0, None),
            quote("We will win,", 0, None),
            // Overlaps the previous one and starts earlier.
            quote("\u{201c}We will", 0, None),
            // Same start, longer: after the shorter one.
            quote("\u{201c}We will win,\u{201d} said", 0, None),
        ],
    );
    let starts: Vec<(usize, usize)> = document
        .annotations
        .iter()
        .map(|a| a.range.map(|r| (r.start, r.end)).unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    check(&document);

    // Moving a range re-sorts just that annotation; an orphan goes last.
    let last = document.annotations.last().unwrap().id.clone();
    let to = find("Putin", 0);
    run(
        &mut document,
        vec![Action::SetRange {
            id: last.clone(),
            range: to,
            selectors: selectors(to),
        }],
    );
    assert_eq!(document.annotations[3].id, last);
    check(&document);
}

#[test]
fn every_edit_bumps_revision_and_modified() {
    let edits = vec![
        Action::SetNote {
            id: a("a3"),
            note: "n".into(),
        },
        Action::SetSpeaker {
            id: a("a3"),
            speaker: Some(s("s2")),
        },
        Action::SetSpeaker {
            id: a("a3"),
            speaker: None,
        },
        Action::SetKind {
            id: a("a3"),
            kind: AnnotationKind::Highlight,
        },
        Action::SetRange {
            id: a("a3"),
            range: find("win", 1),
            selectors: selectors(find("win", 1)),
        },
    ];
    for edit in edits {
        let mut document = fixture();
        let before = document.annotation(&a("a3")).unwrap().revision;
        document.apply(edit.clone(), 7777).unwrap();
        let after = document.annotation(&a("a3")).unwrap();
        assert_eq!(
            (after.revision, after.modified),
            (before + 1, 7777),
            "{edit:?}"
        );
    }
}

#[test]
fn set_range_and_accept_anchor_make_an_annotation_anchored() {
    let mut document = fixture();
    let index = document.annotation_index(&a("a4")).unwrap();
    document.annotations[index].status = AnchorStatus::Fuzzy { score: 0.8 };
    let old = document.annotations[index].range.unwrap();
    let fresh = selectors(old);
    let applied = document
        .apply(
            Action::AcceptAnchor {
                id: a("a4"),
                selectors: fresh.clone(),
            },
            10,
        )
        .unwrap();
    assert_eq!(applied.message, "Position accepted");
    assert_eq!(
        document.annotation(&a("a4")).unwrap().status,
        AnchorStatus::Anchored
    );

    let to = find("Putin said", 0);
    let applied = document
        .apply(
            Action::SetRange {
                id: a("a4"),
                range: to,
                selectors: selectors(to),
            },
            11,
        )
        .unwrap();
    // The UI re-renders both where it was and where it is now.
    assert!(applied.ranges.contains(&old) && applied.ranges.contains(&to));

    // An orphan has nothing to accept.
    let index = document.annotation_index(&a("a5")).unwrap();
    let mut orphan = document.annotations.remove(index);
    orphan.range = None;
    orphan.status = AnchorStatus::Orphan;
    document.insert_in_order(orphan);
    assert_eq!(
        document.annotations.last().unwrap().id,
        a("a5"),
        "orphans last"
    );
    let before = document.clone();
    assert_eq!(
        document.apply(
            Action::AcceptAnchor {
                id: a("a5"),
                selectors: fresh
            },
            12
        ),
        Err(ActionError::CannotAcceptOrphan(a("a5")))
    );
    assert_eq!(document, before);
}

#[test]
fn merging_speakers_moves_quotes_and_names_and_undoes_completely() {
    let mut document = fixture();
    run(
        &mut document,
        vec![
            add_speaker("Vladimir Putin"),
            quote("Nyet.", 0, Some("s6")),
            Action::RenameSpeaker {
                id: s("s2"),
                name: "Putin".into(),
            },
        ],
    );
    let before = visible(&document);
    let applied = document
        .apply(
            Action::MergeSpeakers {
                from: s("s2"),
                into: s("s6"),
            },
            2000,
        )
        .unwrap();
    let into = document.speaker(&s("s6")).unwrap();
    assert_eq!(into.aliases, vec!["Putin".to_owned()]);
    assert!(document.speaker(&s("s2")).is_none());
    assert_eq!(
        document.annotation(&a("a4")).unwrap().speaker,
        Some(s("s6"))
    );
    assert_eq!(
        document.speaker_named("putin").map(|s| &s.id),
        Some(&s("s6"))
    );
    assert!(applied.annotations.contains(&a("a4")));
    assert!(applied.speakers.contains(&s("s2")) && applied.speakers.contains(&s("s6")));
    check(&document);
    let after = visible(&document);

    document.apply(Action::Undo, 2001).unwrap();
    assert_eq!(visible(&document), before);
    check(&document);
    document.apply(Action::Redo, 2002).unwrap();
    assert_eq!(visible(&document), after);
    check(&document);
}

#[test]
fn deleting_a_speaker_keeps_its_quotes_unattributed() {
    let mut document = fixture();
    let before = visible(&document);
    run(&mut document, vec![Action::DeleteSpeaker { id: s("s1") }]);
    let quote = document.annotation(&a("a3")).unwrap();
    assert_eq!((quote.kind, &quote.speaker), (AnnotationKind::Quote, &None));
    assert_eq!(document.annotations.len(), 3);
    assert!(document.speaker(&s("s1")).is_none());
    document.apply(Action::Undo, 5).unwrap();
    assert_eq!(visible(&document), before);
    assert_eq!(
        document.speakers[0].id,
        s("s1"),
        "restored at its old place"
    );
    check(&document);
}

#[test]
fn deleting_an_annotation_leaves_a_tombstone_that_undo_removes() {
    let mut document = fixture();
    run(
        &mut document,
        vec![Action::DeleteAnnotation { id: a("a4") }],
    );
    assert!(document.annotation(&a("a4")).is_none());
    let tombstone = document
        .tombstones
        .iter()
        .find(|t| t.id == a("a4"))
        .unwrap()
        .clone();
    document.apply(Action::Undo, 3000).unwrap();
    let back = document.annotation(&a("a4")).unwrap();
    assert!(document.tombstones.is_empty());
    assert!(
        back.revision > tombstone.revision,
        "the restored one beats the tombstone in merges"
    );
    check(&document);
}

#[test]
fn undo_of_a_create_leaves_a_tombstone_and_redo_clears_it() {
    let mut document = fixture();
    run(&mut document, vec![quote("Cafe\u{301} opened", 0, None)]);
    let made = document.annotation(&a("a6")).unwrap().clone();
    document.apply(Action::Undo, 4000).unwrap();
    assert!(document.annotation(&a("a6")).is_none());
    let tombstone = document
        .tombstones
        .iter()
        .find(|t| t.id == a("a6"))
        .unwrap();
    assert_eq!(
        (tombstone.revision, tombstone.created),
        (made.revision, made.created)
    );
    document.apply(Action::Redo, 4001).unwrap();
    assert!(document.tombstones.is_empty());
    assert!(document.annotation(&a("a6")).unwrap().revision > made.revision);
    // The counter never goes back: the next annotation is a7.
    let applied = document.apply(quote("Putin", 0, None), 4002).unwrap();
    assert_eq!(applied.new_annotation, Some(a("a7")));
}

#[test]
fn undo_redo_chains_walk_back_and_forth_and_a_new_change_clears_redo() {
    let mut document = fixture();
    let mut states = vec![visible(&document)];
    let steps = vec![
        quote("Cafe\u{301}", 0, Some("s1")),
        quote("🇫🇮", 0, None),
        Action::SetSpeaker {
            id: a("a3"),
            speaker: Some(s("s2")),
        },
        Action::SetNote {
            id: a("a4"),
            note: "said in Russian — \u{201c}no\u{201d}".into(),
        },
        add_speaker("דוד"),
        quote("אמר דוד", 0, Some("s8")),
        Action::DeleteAnnotation { id: a("a5") },
    ];
    for (i, step) in steps.into_iter().enumerate() {
        document.apply(step, 100 + i as i64).unwrap();
        states.push(visible(&document));
        check(&document);
    }
    for (i, expected) in states.iter().rev().skip(1).enumerate() {
        document.apply(Action::Undo, 200 + i as i64).unwrap();
        assert_eq!(&visible(&document), expected, "after {} undos", i + 1);
        check(&document);
    }
    assert_eq!(
        document.apply(Action::Undo, 300),
        Err(ActionError::NothingToUndo)
    );
    for (i, expected) in states.iter().skip(1).take(3).enumerate() {
        document.apply(Action::Redo, 400 + i as i64).unwrap();
        assert_eq!(&visible(&document), expected, "after {} redos", i + 1);
    }
    assert!(document.can_redo());
    document
        .apply(
            Action::SetKind {
                id: a("a3"),
                kind: AnnotationKind::Highlight,
            },
            500,
        )
        .unwrap();
    assert!(!document.can_redo());
    assert_eq!(
        document.apply(Action::Redo, 501),
        Err(ActionError::NothingToRedo)
    );
}

#[test]
fn replace_content_is_undoable_and_touches_only_what_differs() {
    let mut document = fixture();
    let before = visible(&document);
    let mut speakers = document.speakers.clone();
    speakers[1].name = "Vladimir Putin".into();
    let mut annotations = document.annotations.clone();
    annotations[0].note = "imported note".into();
    annotations.retain(|x| x.id != a("a5"));
    let range = find("سننتصر", 0);
    annotations.push(Annotation {
        id: a("a40"),
        kind: AnnotationKind::Quote,
        range: Some(range),
        selectors: selectors(range),
        status: AnchorStatus::Moved,
        speaker: None,
        note: String::new(),
        created: 50,
        modified: 50,
        revision: 3,
        source_id: None,
    });
    let applied = document
        .apply(
            Action::ReplaceContent {
                speakers,
                annotations,
                tombstones: vec![],
                next_id: 12,
            },
            6000,
        )
        .unwrap();
    let mut touched = applied.annotations.clone();
    touched.sort();
    assert_eq!(touched, vec![a("a3"), a("a40"), a("a5")]);
    assert_eq!(applied.speakers, vec![s("s2")]);
    assert_eq!(document.next_id, 41, "never below an imported id");
    assert!(
        document.tombstones.iter().any(|t| t.id == a("a5")),
        "removal reaches other tabs"
    );
    assert!(document.annotation(&a("a3")).unwrap().revision > 1);
    check(&document);
    let after = visible(&document);

    document.apply(Action::Undo, 6001).unwrap();
    assert_eq!(visible(&document), before);
    check(&document);
    document.apply(Action::Redo, 6002).unwrap();
    assert_eq!(visible(&document), after);
    check(&document);
}

#[test]
fn failed_actions_change_nothing() {
    let long_ago = {
        let mut d = fixture();
        d.apply(
            Action::SetNote {
                id: a("a3"),
                note: "x".into(),
            },
            1,
        )
        .unwrap();
        d
    };
    let mut orphaned = long_ago.annotations.clone();
    orphaned[0].speaker = Some(s("s99"));
    let mut twice = long_ago.annotations.clone();
    twice.push(twice[0].clone());
    let cases: Vec<(Action, ActionError)> = vec![
        (
            Action::SetNote {
                id: a("a99"),
                note: "x".into(),
            },
            ActionError::UnknownAnnotation(a("a99")),
        ),
        (
            Action::SetSpeaker {
                id: a("a3"),
                speaker: Some(s("s99")),
            },
            ActionError::UnknownSpeaker(s("s99")),
        ),
        (
            Action::SetSpeaker {
                id: a("a99"),
                speaker: None,
            },
            ActionError::UnknownAnnotation(a("a99")),
        ),
        (
            Action::DeleteAnnotation { id: a("s1") },
            ActionError::UnknownAnnotation(a("s1")),
        ),
        (
            quote("Nyet", 0, Some("s99")),
            ActionError::UnknownSpeaker(s("s99")),
        ),
        (
            Action::CreateAnnotation {
                kind: AnnotationKind::Quote,
                range: CharRange { start: 5, end: 5 },
                selectors: Selectors::default(),
                speaker: None,
                note: String::new(),
            },
            ActionError::EmptyRange(CharRange { start: 5, end: 5 }),
        ),
        (
            Action::SetRange {
                id: a("a3"),
                range: CharRange { start: 9, end: 4 },
                selectors: Selectors::default(),
            },
            ActionError::EmptyRange(CharRange { start: 9, end: 4 }),
        ),
        (add_speaker("   \t "), ActionError::EmptySpeakerName),
        (
            add_speaker("sarah  SANDERS"),
            ActionError::SpeakerExists(s("s1")),
        ),
        (
            Action::RenameSpeaker {
                id: s("s2"),
                name: "Sarah Sanders".into(),
            },
            ActionError::SpeakerExists(s("s1")),
        ),
        (
            Action::RenameSpeaker {
                id: s("s2"),
                name: "".into(),
            },
            ActionError::EmptySpeakerName,
        ),
        (
            Action::RenameSpeaker {
                id: s("s9"),
                name: "X".into(),
            },
            ActionError::UnknownSpeaker(s("s9")),
        ),
        (
            Action::MergeSpeakers {
                from: s("s1"),
                into: s("s1"),
            },
            ActionError::MergeIntoSelf(s("s1")),
        ),
        (
            Action::MergeSpeakers {
                from: s("s1"),
                into: s("s9"),
            },
            ActionError::UnknownSpeaker(s("s9")),
        ),
        (
            Action::DeleteSpeaker { id: s("s9") },
            ActionError::UnknownSpeaker(s("s9")),
        ),
        (
            Action::SetSpeakerColour {
                id: s("s1"),
                colour: 9,
            },
            ActionError::UnknownColour(9),
        ),
        (Action::Redo, ActionError::NothingToRedo),
        (
            Action::ReplaceContent {
                speakers: vec![],
                annotations: orphaned,
                tombstones: vec![],
                next_id: 1,
            },
            ActionError::InvalidContent("annotation a3 refers to missing speaker s99".into()),
        ),
        (
            Action::ReplaceContent {
                speakers: long_ago.speakers.clone(),
                annotations: twice,
                tombstones: vec![],
                next_id: 1,
            },
            ActionError::InvalidContent("annotation id a3 appears twice".into()),
        ),
    ];
    for (action, expected) in cases {
        let mut document = long_ago.clone();
        let result = document.apply(action.clone(), 99);
        assert_eq!(result, Err(expected), "{action:?}");
        assert_eq!(document, long_ago, "{action:?} changed the document");
        assert_eq!(document.history.undo_len(), 1, "{action:?} touched history");
        assert!(!result.unwrap_err().to_string().is_empty());
    }
    let mut empty = Document::new("x");
    assert_eq!(
        empty.apply(Action::Undo, 1),
        Err(ActionError::NothingToUndo)
    );
}

#[test]
fn error_messages_read_as_sentences() {
    assert_eq!(
        ActionError::UnknownAnnotation(a("a9")).to_string(),
        "there is no annotation a9"
    );
    assert_eq!(
        ActionError::EmptySpeakerName.to_string(),
        "a speaker's name cannot be empty"
    );
    assert_eq!(
        ActionError::UnknownColour(12).to_string(),
        "colour 12 is not in the palette (0 to 8)"
    );
}

#[test]
fn actions_that_change_nothing_record_no_undo_step() {
    let mut document = fixture();
    let noops = vec![
        Action::SetNote {
            id: a("a3"),
            note: String::new(),
        },
        Action::SetSpeaker {
            id: a("a3"),
            speaker: Some(s("s1")),
        },
        Action::SetKind {
            id: a("a3"),
            kind: AnnotationKind::Quote,
        },
        Action::RenameSpeaker {
            id: s("s1"),
            name: " Sarah  Sanders ".into(),
        },
        Action::SetSpeakerColour {
            id: s("s1"),
            colour: 0,
        },
    ];
    for action in noops {
        let before = document.clone();
        let applied = document.apply(action.clone(), 5).unwrap();
        assert!(applied.is_empty(), "{action:?}");
        assert_eq!(document, before);
        assert!(!document.can_undo(), "{action:?}");
    }
}

#[test]
fn speaker_names_are_unique_across_names_and_aliases() {
    let mut document = fixture();
    run(
        &mut document,
        vec![Action::MergeSpeakers {
            from: s("s2"),
            into: s("s1"),
        }],
    );
    // "Putin" is now an alias of Sarah Sanders (s1).
    assert_eq!(
        document.apply(add_speaker("PUTIN"), 1),
        Err(ActionError::SpeakerExists(s("s1")))
    );
    // Renaming to one's own alias makes it the name.
    run(
        &mut document,
        vec![Action::RenameSpeaker {
            id: s("s1"),
            name: "putin".into(),
        }],
    );
    let speaker = document.speaker(&s("s1")).unwrap();
    assert_eq!((speaker.name.as_str(), speaker.aliases.len()), ("putin", 0));
}

#[test]
fn new_speakers_take_the_least_used_colour() {
    let mut document = Document::new("x");
    let names = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"];
    let applied = run(
        &mut document,
        names.iter().map(|n| add_speaker(n)).collect(),
    );
    let colours: Vec<u8> = document.speakers.iter().map(|s| s.colour).collect();
    assert_eq!(colours, vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1]);
    // Freeing slot 3 makes it the next one.
    let d = applied[3].new_speaker.clone().unwrap();
    run(
        &mut document,
        vec![Action::DeleteSpeaker { id: d }, add_speaker("L")],
    );
    assert_eq!(document.speakers.last().unwrap().colour, 3);
}

#[test]
fn history_is_capped() {
    let mut document = fixture();
    for i in 0..250 {
        document
            .apply(
                Action::SetNote {
                    id: a("a3"),
                    note: format!("note {i}"),
                },
                i,
            )
            .unwrap();
    }
    assert_eq!(document.history.undo_len(), history::HISTORY_LIMIT);
    for i in 0..history::HISTORY_LIMIT {
        document.apply(Action::Undo, 1000 + i as i64).unwrap();
    }
    assert_eq!(document.annotation(&a("a3")).unwrap().note, "note 49");
    assert!(!document.can_undo());
}

#[test]
fn history_is_session_only() {
    let mut document = fixture();
    run(
        &mut document,
        vec![Action::SetNote {
            id: a("a3"),
            note: "x".into(),
        }],
    );
    let json = serde_json::to_string(&document).unwrap();
    assert!(!json.contains("history"));
    let loaded: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(loaded, document, "equality is content only");
    assert!(!loaded.can_undo());
}

#[test]
fn documents_saved_before_the_new_fields_still_load() {
    let json = r#"{"article_id":"x","speakers":[{"id":"s1","name":"Sarah","colour":2}],
        "annotations":[],"next_id":2}"#;
    let loaded: Document = serde_json::from_str(json).unwrap();
    assert_eq!(loaded.speakers[0].revision, 0);
    assert!(loaded.speaker_tombstones.is_empty());
}

#[test]
fn allocated_ids_skip_numbers_already_taken() {
    let mut document = fixture();
    document.next_id = 3; // stale counter, e.g. from a hand-edited file
    let applied = document.apply(quote("Putin", 0, None), 1).unwrap();
    assert_eq!(applied.new_annotation, Some(a("a6")));
}

// ---------------------------------------------------------------- two-tab merge

/// Merges both ways; both tabs must end with the same content.
fn sync(left: &Document, right: &Document) -> Document {
    let mut l = left.clone();
    l.merge_from(right);
    let mut r = right.clone();
    r.merge_from(left);
    check(&l);
    check(&r);
    assert_eq!(l, r, "the two tabs disagree after merging");
    // Merging again changes nothing.
    let mut again = l.clone();
    assert!(again.merge_from(&r).is_empty());
    l
}

#[test]
fn edits_to_different_annotations_in_two_tabs_are_both_kept() {
    let base = fixture();
    let (mut left, mut right) = (base.clone(), base.clone());
    left.apply(
        Action::SetNote {
            id: a("a3"),
            note: "left".into(),
        },
        10,
    )
    .unwrap();
    right
        .apply(
            Action::SetSpeaker {
                id: a("a5"),
                speaker: Some(s("s2")),
            },
            11,
        )
        .unwrap();
    let merged = sync(&left, &right);
    assert_eq!(merged.annotation(&a("a3")).unwrap().note, "left");
    assert_eq!(merged.annotation(&a("a5")).unwrap().speaker, Some(s("s2")));
    let mut probe = left.clone();
    let applied = probe.merge_from(&right);
    assert_eq!(applied.annotations, vec![a("a5")]);
    assert_eq!(applied.message, "Changes from another tab merged");
}

#[test]
fn the_higher_revision_of_one_annotation_wins_then_the_later_edit() {
    let base = fixture();
    let (mut left, mut right) = (base.clone(), base.clone());
    left.apply(
        Action::SetNote {
            id: a("a3"),
            note: "one".into(),
        },
        10,
    )
    .unwrap();
    left.apply(
        Action::SetNote {
            id: a("a3"),
            note: "two".into(),
        },
        11,
    )
    .unwrap();
    right
        .apply(
            Action::SetNote {
                id: a("a3"),
                note: "other".into(),
            },
            50,
        )
        .unwrap();
    assert_eq!(
        sync(&left, &right).annotation(&a("a3")).unwrap().note,
        "two"
    );

    let (mut left, mut right) = (base.clone(), base.clone());
    left.apply(
        Action::SetNote {
            id: a("a3"),
            note: "earlier".into(),
        },
        10,
    )
    .unwrap();
    right
        .apply(
            Action::SetNote {
                id: a("a3"),
                note: "later".into(),
            },
            20,
        )
        .unwrap();
    assert_eq!(
        sync(&left, &right).annotation(&a("a3")).unwrap().note,
        "later"
    );

    let (mut left, mut right) = (base.clone(), base);
    left.apply(
        Action::SetNote {
            id: a("a3"),
            note: "b".into(),
        },
        10,
    )
    .unwrap();
    right
        .apply(
            Action::SetNote {
                id: a("a3"),
                note: "a".into(),
            },
            10,
        )
        .unwrap();
    let merged = sync(&left, &right);
    assert!(["a", "b"].contains(&merged.annotation(&a("a3")).unwrap().note.as_str()));
}

#[test]
fn deletions_win_over_stale_copies_but_not_over_later_edits() {
    let base = fixture();
    let (mut left, right) = (base.clone(), base.clone());
    left.apply(Action::DeleteAnnotation { id: a("a4") }, 10)
        .unwrap();
    let merged = sync(&left, &right);
    assert!(merged.annotation(&a("a4")).is_none());

    let (mut left, mut right) = (base.clone(), base);
    left.apply(Action::DeleteAnnotation { id: a("a4") }, 10)
        .unwrap();
    right
        .apply(
            Action::SetNote {
                id: a("a4"),
                note: "keep me".into(),
            },
            20,
        )
        .unwrap();
    let merged = sync(&left, &right);
    assert_eq!(merged.annotation(&a("a4")).unwrap().note, "keep me");
}

#[test]
fn new_annotations_from_both_tabs_survive_even_with_the_same_id() {
    let base = fixture();
    let (mut left, mut right) = (base.clone(), base.clone());
    // Both tabs hand out "a6" for different quotes.
    let l = left
        .apply(quote("Cafe\u{301}", 0, Some("s1")), 100)
        .unwrap();
    let r = right.apply(quote("אמר דוד", 0, None), 200).unwrap();
    assert_eq!(
        (l.new_annotation, r.new_annotation),
        (Some(a("a6")), Some(a("a6")))
    );
    let merged = sync(&left, &right);
    assert_eq!(merged.annotations.len(), 5);
    let cafe = merged
        .annotations
        .iter()
        .find(|x| x.selectors.quote.exact == "Cafe\u{301}")
        .unwrap();
    let hebrew = merged
        .annotations
        .iter()
        .find(|x| x.selectors.quote.exact == "אמר דוד")
        .unwrap();
    assert_eq!(cafe.id, a("a6"), "the earlier keeps the id");
    assert_eq!(hebrew.id, a("a6-c8"));
    assert!(merged.next_id >= 7);

    // One tab deletes its twin meanwhile; the other tab's twin is not touched.
    let (mut left, mut right) = (base.clone(), base);
    left.apply(quote("Cafe\u{301}", 0, None), 100).unwrap();
    left.apply(Action::DeleteAnnotation { id: a("a6") }, 101)
        .unwrap();
    right.apply(quote("אמר דוד", 0, None), 200).unwrap();
    let merged = sync(&left, &right);
    assert_eq!(merged.annotations.len(), 4);
    assert!(merged
        .annotations
        .iter()
        .any(|x| x.selectors.quote.exact == "אמר דוד"));
}

#[test]
fn undo_of_a_synced_create_deletes_it_in_the_other_tab_and_redo_brings_it_back() {
    let mut left = fixture();
    left.apply(quote("🇫🇮", 0, None), 100).unwrap();
    let mut right = fixture();
    right.merge_from(&left);
    assert!(right.annotation(&a("a6")).is_some());
    left.apply(Action::Undo, 101).unwrap();
    right.merge_from(&left);
    assert!(
        right.annotation(&a("a6")).is_none(),
        "undo reached the other tab"
    );
    left.apply(Action::Redo, 102).unwrap();
    right.merge_from(&left);
    assert!(
        right.annotation(&a("a6")).is_some(),
        "redo reached the other tab"
    );
    assert_eq!(right.tombstones.len(), 0);
}

#[test]
fn undo_after_an_edit_is_not_reverted_by_the_other_tab() {
    let mut left = fixture();
    left.apply(
        Action::SetNote {
            id: a("a3"),
            note: "oops".into(),
        },
        10,
    )
    .unwrap();
    let mut right = left.clone();
    right.history.clear();
    left.apply(Action::Undo, 11).unwrap();
    left.merge_from(&right);
    assert_eq!(left.annotation(&a("a3")).unwrap().note, "");
}

#[test]
fn the_same_speaker_added_in_two_tabs_becomes_one() {
    let base = fixture();
    let (mut left, mut right) = (base.clone(), base);
    left.apply(add_speaker("محمد"), 100).unwrap();
    left.apply(quote("سننتصر", 0, Some("s6")), 101).unwrap();
    right.apply(add_speaker("  محمد "), 200).unwrap();
    right
        .apply(
            Action::RenameSpeaker {
                id: s("s6"),
                name: "Muhammad".into(),
            },
            201,
        )
        .unwrap();
    right.apply(add_speaker("محمد"), 202).unwrap();
    right.apply(quote("قال محمد", 0, Some("s7")), 203).unwrap();
    let merged = sync(&left, &right);
    let muhammads: Vec<&Speaker> = merged
        .speakers
        .iter()
        .filter(|s| s.answers_to("محمد"))
        .collect();
    assert_eq!(muhammads.len(), 1, "{:?}", merged.speakers);
    let id = muhammads[0].id.clone();
    let quoted: Vec<_> = merged
        .annotations
        .iter()
        .filter(|a| a.speaker.as_ref() == Some(&id))
        .map(|a| a.selectors.quote.exact.as_str())
        .collect();
    assert_eq!(
        quoted.len(),
        2,
        "both tabs' quotes stay attributed: {quoted:?}"
    );
    assert!(
        merged.speakers.iter().any(|s| s.name == "Muhammad"),
        "the other s6 survives"
    );
}

#[test]
fn a_quote_tagged_with_a_speaker_merged_away_in_the_other_tab_follows_the_merge() {
    let base = fixture();
    let (mut left, mut right) = (base.clone(), base);
    left.apply(
        Action::MergeSpeakers {
            from: s("s2"),
            into: s("s1"),
        },
        10,
    )
    .unwrap();
    right.apply(quote("Putin said", 0, Some("s2")), 20).unwrap();
    let merged = sync(&left, &right);
    assert!(merged.speaker(&s("s2")).is_none());
    assert!(merged
        .annotations
        .iter()
        .all(|a| a.speaker != Some(s("s2"))));
    let new_quote = merged
        .annotations
        .iter()
        .find(|a| a.selectors.quote.exact == "Putin said")
        .unwrap();
    assert_eq!(new_quote.speaker, Some(s("s1")));
}

#[test]
fn a_quote_by_a_typed_name_is_one_step_whether_the_speaker_is_new_or_known() {
    let mut document = fixture();
    let speakers_before = document.speakers.len();
    let range = find("Putin", 0);
    let applied = document
        .apply(
            Action::AddAnnotation(NewAnnotation::selected(
                AnnotationKind::Quote,
                range,
                selectors(range),
                "  Dmitry   Peskov ".into(),
                String::new(),
            )),
            2000,
        )
        .unwrap();
    let new_speaker = applied.new_speaker.clone().expect("a new speaker");
    assert_eq!(
        document.speaker(&new_speaker).unwrap().name,
        "Dmitry Peskov"
    );
    let id = applied.new_annotation.clone().unwrap();
    assert_eq!(document.annotation(&id).unwrap().speaker, Some(new_speaker));
    assert_eq!(applied.message, "Quote by Dmitry Peskov added");
    // One undo takes back the quote and the speaker it brought.
    document.apply(Action::Undo, 2001).unwrap();
    assert!(document.annotation(&id).is_none());
    assert_eq!(document.speakers.len(), speakers_before);
    assert!(!document.history.can_undo());

    // A known name (any case) or an empty one adds no speaker.
    for (typed, expected) in [("sarah sanders", Some(s("s1"))), ("", None)] {
        let applied = document
            .apply(
                Action::AddAnnotation(NewAnnotation::selected(
                    AnnotationKind::Quote,
                    range,
                    selectors(range),
                    typed.into(),
                    String::new(),
                )),
                2002,
            )
            .unwrap();
        assert_eq!(applied.new_speaker, None);
        let id = applied.new_annotation.unwrap();
        assert_eq!(document.annotation(&id).unwrap().speaker, expected);
    }
    check(&document);
}

#[test]
fn undo_after_merging_another_tabs_newer_edit_never_restores_the_older_text() {
    let base = fixture();
    let (mut here, mut there) = (base.clone(), base);
    run(
        &mut here,
        vec![
            Action::SetNote {
                id: a("a3"),
                note: "mine".into(),
            },
            Action::SetNote {
                id: a("a4"),
                note: "unrelated".into(),
            },
        ],
    );
    there
        .apply(
            Action::SetNote {
                id: a("a3"),
                note: "theirs, later".into(),
            },
            5000,
        )
        .unwrap();
    here.merge_from(&there);
    assert_eq!(here.annotation(&a("a3")).unwrap().note, "theirs, later");
    // The step on a4 is still undoable; the one on a3 is gone with the other tab's edit.
    assert_eq!(here.history.undo_len(), 1);
    here.apply(Action::Undo, 6000).unwrap();
    assert_eq!(here.annotation(&a("a4")).unwrap().note, "");
    assert_eq!(here.annotation(&a("a3")).unwrap().note, "theirs, later");
    assert!(here.apply(Action::Undo, 6001).is_err() || !here.history.can_undo());
    assert_eq!(here.annotation(&a("a3")).unwrap().note, "theirs, later");
}

#[test]
fn speaker_edits_merge_by_revision() {
    let base = fixture();
    let (mut left, mut right) = (base.clone(), base);
    left.apply(
        Action::RenameSpeaker {
            id: s("s2"),
            name: "Vladimir Putin".into(),
        },
        10,
    )
    .unwrap();
    right
        .apply(
            Action::SetSpeakerColour {
                id: s("s1"),
                colour: 7,
            },
            20,
        )
        .unwrap();
    let merged = sync(&left, &right);
    assert_eq!(merged.speaker(&s("s2")).unwrap().name, "Vladimir Putin");
    assert_eq!(merged.speaker(&s("s1")).unwrap().colour, 7);

    let (mut left, right) = (fixture(), fixture());
    left.apply(Action::DeleteSpeaker { id: s("s2") }, 10)
        .unwrap();
    let merged = sync(&left, &right);
    assert!(
        merged.speaker(&s("s2")).is_none(),
        "a deleted speaker stays deleted"
    );
    assert_eq!(merged.annotation(&a("a4")).unwrap().speaker, None);
}

// ---------------------------------------------------------------- summary

#[test]
fn who_is_quoted_counts_quotes_and_words_per_speaker() {
    let mut document = fixture();
    run(
        &mut document,
        vec![
            quote(
                "\u{201c}We will win,\u{201d} said Sarah Sanders again.",
                0,
                Some("s1"),
            ),
            quote("قال محمد: \"سننتصر\"", 0, None),
            Action::CreateAnnotation {
                kind: AnnotationKind::Highlight,
                range: find("Putin", 0),
                selectors: selectors(find("Putin", 0)),
                speaker: Some(s("s2")),
                note: String::new(),
            },
        ],
    );
    let summary = who_is_quoted(&document, TEXT);
    assert_eq!(
        summary,
        vec![
            SpeakerSummary {
                speaker: Some(s("s1")),
                quotes: 2,
                words: 3 + 7
            },
            // "我們會贏。" = 4 CJK words, plus "قال محمد سننتصر" = 3.
            SpeakerSummary {
                speaker: None,
                quotes: 2,
                words: 7
            },
            SpeakerSummary {
                speaker: Some(s("s2")),
                quotes: 1,
                words: 1
            },
        ]
    );
}

#[test]
fn quotes_by_speaker_groups_in_speaker_order_with_unknown_last_and_no_highlights() {
    let mut document = fixture();
    run(
        &mut document,
        vec![
            quote("قال محمد: \"سننتصر\"", 0, None),
            Action::CreateAnnotation {
                kind: AnnotationKind::Highlight,
                range: find("Putin", 0),
                selectors: selectors(find("Putin", 0)),
                speaker: Some(s("s2")),
                note: String::new(),
            },
        ],
    );
    let grouped: Vec<(Option<SpeakerId>, Vec<String>)> = quotes_by_speaker(&document)
        .into_iter()
        .map(|(speaker, quotes)| {
            let texts = quotes
                .iter()
                .map(|q| q.selectors.quote.exact.clone())
                .collect();
            (speaker, texts)
        })
        .collect();
    let expected_speakers: Vec<Option<SpeakerId>> = document
        .speakers
        .iter()
        .map(|speaker| Some(speaker.id.clone()))
        .filter(|id| {
            document
                .annotations
                .iter()
                .any(|a| a.kind == AnnotationKind::Quote && a.speaker.as_ref() == id.as_ref())
        })
        .chain([None])
        .collect();
    assert_eq!(
        grouped.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>(),
        expected_speakers
    );
    let (_, unknown) = grouped.last().unwrap();
    assert!(unknown.iter().any(|q| q.contains("سننتصر")), "{unknown:?}");
    assert!(
        grouped
            .iter()
            .all(|(_, quotes)| quotes.iter().all(|q| q != "Putin")),
        "highlights are not quotes"
    );
    // Within a group, article order.
    for (_, quotes) in quotes_by_speaker(&document) {
        let starts: Vec<_> = quotes
            .iter()
            .filter_map(|q| q.range.map(|r| r.start))
            .collect();
        let mut sorted = starts.clone();
        sorted.sort_unstable();
        assert_eq!(starts, sorted);
    }
}

#[test]
fn word_counts_table() {
    let cases = [
        ("", 0),
        ("We will win", 3),
        ("\u{201c}We will win,\u{201d}", 3),
        ("don't stop", 2),
        ("Cafe\u{301} opened", 2),
        ("👩\u{200d}👩\u{200d}👧 🇫🇮", 0),
        ("習近平說", 4),
        ("我們會贏。", 4),
        ("Tシャツ", 4),
        ("سننتصر قال", 2),
        ("אמר דוד", 2),
        ("3.14 is pi", 3),
        ("김정은 위원장", 2),
    ];
    for (text, expected) in cases {
        assert_eq!(count_words(text), expected, "{text:?}");
    }
}

// ---------------------------------------------------------------- scale

/// A document with `count` annotations over a long text, built the way an import would.
fn large(count: usize) -> Document {
    let mut document = Document::new("large");
    let speakers: Vec<Speaker> = (1..=8)
        .map(|i| {
            Speaker::new(
                SpeakerId(format!("s{i}")),
                format!("Speaker {i}"),
                (i % 9) as u8,
            )
        })
        .collect();
    let annotations: Vec<Annotation> = (0..count)
        .map(|i| {
            let start = i * 31;
            Annotation {
                id: AnnotationId(format!("a{}", i + 100)),
                kind: AnnotationKind::Quote,
                range: Some(CharRange::new(start, start + 40)),
                selectors: Selectors::default(),
                status: AnchorStatus::Anchored,
                speaker: Some(SpeakerId(format!("s{}", i % 8 + 1))),
                note: String::new(),
                created: i as i64,
                modified: i as i64,
                revision: 1,
                source_id: None,
            }
        })
        .collect();
    document
        .apply(
            Action::ReplaceContent {
                speakers,
                annotations,
                tombstones: vec![],
                next_id: 1,
            },
            0,
        )
        .unwrap();
    document.history.clear();
    document
}

#[test]
fn twenty_thousand_annotations_stay_interactive() {
    let started = std::time::Instant::now();
    let mut document = large(20_000);
    let loaded = started.elapsed();

    let started = std::time::Instant::now();
    for i in 0..50 {
        let range = CharRange::new(i * 997 + 3, i * 997 + 20);
        document
            .apply(
                Action::CreateAnnotation {
                    kind: AnnotationKind::Highlight,
                    range,
                    selectors: Selectors::default(),
                    speaker: None,
                    note: String::new(),
                },
                10 + i as i64,
            )
            .unwrap();
    }
    for i in 0..50 {
        document.apply(Action::Undo, 100 + i).unwrap();
    }
    let per_action = started.elapsed() / 100;

    let mut other = document.clone();
    other
        .apply(
            Action::SetNote {
                id: a("a10000"),
                note: "from the other tab".into(),
            },
            500,
        )
        .unwrap();
    let started = std::time::Instant::now();
    let applied = document.merge_from(&other);
    let merged = started.elapsed();
    assert_eq!(applied.annotations, vec![a("a10000")]);

    let started = std::time::Instant::now();
    let applied = document
        .apply(
            Action::MergeSpeakers {
                from: s("s2"),
                into: s("s1"),
            },
            600,
        )
        .unwrap();
    assert_eq!(applied.annotations.len(), 2_500);
    document.apply(Action::Undo, 601).unwrap();
    let speaker_merge = started.elapsed();
    check(&document);
    println!(
        "20,000 annotations (debug build): import {loaded:?}, create/undo {per_action:?} each, \
         two-tab merge {merged:?}, speaker merge + undo {speaker_merge:?}"
    );
}
