//! Each action on its own: what it makes, the message it speaks, the order it keeps, undo and redo.

use super::*;

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
