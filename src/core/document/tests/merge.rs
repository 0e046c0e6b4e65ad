//! Two tabs editing one document: every merge converges, keeps both sides' work, and lets
//! neither an undo nor a stale copy bring back what the other side changed.

use super::*;

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
