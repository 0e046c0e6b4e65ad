//! What actions refuse and the limits they keep: failures change nothing, names stay unique,
//! colours spread out, history is capped, ids are never reused.

use super::*;

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
