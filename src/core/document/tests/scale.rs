//! A document the size of a long article's full annotation: every rule still holds.

use super::*;

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
fn twenty_thousand_annotations_keep_every_rule_through_edits_undo_and_merges() {
    // The size the browser benchmark times; here, only that every rule still holds.
    let mut document = large(20_000);

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
    check(&document);

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
    let applied = document.merge_from(&other);
    assert_eq!(applied.annotations, vec![a("a10000")]);

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
    check(&document);
}
