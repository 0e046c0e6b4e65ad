//! A host page editing one annotation at a time, natively: `add` from a plain object or a
//! W3C annotation (placed by its quote, a foreign id kept as `sourceId`), `update` as one undo
//! step (a new speaker included), and every refusal a sentence that changes nothing.

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::article::Article;
use quotemark::core::document::{Action, AnnotationKind, Document};
use quotemark::core::host::edits::{annotation_to_add, changes_to_make};
use quotemark::core::host::plain::annotations_array;
use quotemark::core::interchange::{
    export_native, export_w3c, import_action, ArticleMeta, ImportMode, OtherArticle,
};
use quotemark::core::text::CharRange;
use serde_json::json;

const TEXT: &str = "Budget vote delayed\n\n\
\"We need another week,\" said treasurer Lena Ortiz. The opposition called it a stall.";

#[path = "support/text.rs"]
mod text;

fn position(needle: &str) -> (usize, usize) {
    let range = text::only_code_point_range(TEXT, needle);
    (range.start, range.end)
}

fn add(document: &mut Document, value: serde_json::Value) -> Result<String, String> {
    let new = annotation_to_add(&value, TEXT)?;
    let applied = document
        .apply(Action::AddAnnotation(new), 10)
        .map_err(|error| error.to_string())?;
    Ok(applied.new_annotation.expect("an id").0)
}

#[test]
fn a_plain_object_is_placed_by_its_quote_and_keeps_the_hosts_id() {
    let mut document = Document::new("budget");
    let id = add(
        &mut document,
        json!({ "id": "cms-record-77", "exact": "We need another week,", "speaker": "Lena Ortiz",
                "note": "Confirm with the minutes" }),
    )
    .expect("added");
    let object = &annotations_array(&document)[0];
    let (start, end) = position("We need another week,");
    assert_eq!(object["id"], id.as_str());
    assert_eq!(
        (object["start"].clone(), object["end"].clone()),
        (json!(start), json!(end))
    );
    assert_eq!(object["kind"], "quote", "a speaker makes it a quote");
    assert_eq!(object["speaker"], "Lena Ortiz");
    assert_eq!(object["sourceId"], "cms-record-77");
    assert_eq!(
        document.speakers().len(),
        1,
        "the new speaker came in the same step"
    );
    assert_eq!(document.history().undo_len(), 1, "one undo step");
}

#[test]
fn a_place_alone_is_enough_and_a_quote_found_elsewhere_is_marked_moved() {
    let mut document = Document::new("budget");
    let (start, end) = position("called it a stall");
    add(&mut document, json!({ "start": start, "end": end })).expect("added by place");
    let highlight = &document.annotations()[0];
    assert_eq!(
        highlight.kind,
        AnnotationKind::Highlight,
        "no speaker: a highlight"
    );
    assert_eq!(highlight.selectors.quote.exact, "called it a stall");

    add(
        &mut document,
        json!({ "exact": "The opposition", "start": 0, "end": 14 }),
    )
    .expect("found by its quote");
    let moved = document
        .annotations()
        .iter()
        .find(|a| a.selectors.quote.exact == "The opposition")
        .expect("added");
    assert_eq!(
        moved.status,
        AnchorStatus::Moved,
        "not where the host said: moved"
    );
}

#[test]
fn a_w3c_annotation_from_a_server_keeps_its_iri_and_round_trips_through_the_exports() {
    let mut document = Document::new("budget");
    let (start, end) = position("another week");
    add(
        &mut document,
        json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "https://annotations.example/budget/41",
            "type": "Annotation",
            "body": [{ "type": "TextualBody", "purpose": "identifying", "value": "Lena Ortiz" }],
            "target": { "selector": [
                { "type": "TextQuoteSelector", "exact": "another week" },
                { "type": "TextPositionSelector", "start": start, "end": end }
            ]}
        }),
    )
    .expect("added");
    assert_eq!(
        document.annotations()[0].source_id.as_deref(),
        Some("https://annotations.example/budget/41")
    );
    let article = Article::from_text(TEXT).expect("the article loads");
    assert_eq!(
        article.text_content(),
        TEXT,
        "positions count over this text"
    );
    let meta = ArticleMeta::of(&article, "budget");
    for file in [
        export_native(&document, &meta),
        export_w3c(&document, &meta, TEXT),
    ] {
        let (action, _) = import_action(
            &Document::new("budget"),
            TEXT,
            &file,
            ImportMode::Replace,
            OtherArticle::Allow,
            20,
        )
        .expect("imports");
        let Action::ReplaceContent { annotations, .. } = action else {
            panic!("an import replaces content");
        };
        assert_eq!(
            annotations[0].source_id.as_deref(),
            Some("https://annotations.example/budget/41"),
            "kept through {file}"
        );
    }
}

#[test]
fn unusable_annotations_are_refused_with_a_sentence_and_change_nothing() {
    let mut document = Document::new("budget");
    let cases = [
        (json!("a string"), "must be an object"),
        (
            json!({ "exact": "not in this story" }),
            "is not in this article",
        ),
        (json!({ "note": "nothing to place" }), "needs its text"),
        (json!({ "start": 5, "end": 2 }), "must be before"),
        (json!({ "start": 0, "end": 100_000 }), "outside the article"),
        (
            json!({ "exact": "week", "kind": "comment" }),
            "\"kind\" must be",
        ),
        (json!({ "exact": "week", "notes": "typo" }), "Unknown field"),
    ];
    for (value, expected) in cases {
        let error = add(&mut document, value.clone()).expect_err("refused");
        assert!(error.contains(expected), "{value}: {error}");
    }
    assert!(document.annotations().is_empty());
    assert_eq!(document.history().undo_len(), 0);
}

#[test]
fn an_update_changes_several_fields_in_one_undo_step_and_undo_restores_them_all() {
    let mut document = Document::new("budget");
    let id = add(&mut document, json!({ "exact": "We need another week," })).expect("added");
    let before = document.annotations()[0].clone();
    let (start, end) = position("We need another week");
    let changes = changes_to_make(
        &json!({ "note": "checked", "speaker": "Lena Ortiz", "kind": "quote",
                 "start": start, "end": end }),
        TEXT,
    )
    .expect("usable changes");
    let applied = document
        .apply(
            Action::UpdateAnnotation {
                id: quotemark::core::document::AnnotationId(id.clone()),
                changes,
            },
            11,
        )
        .expect("updated");
    assert!(applied.new_speaker.is_some(), "Lena Ortiz was new");
    let after = &document.annotations()[0];
    assert_eq!(after.note, "checked");
    assert_eq!(after.kind, AnnotationKind::Quote);
    assert_eq!(after.range, Some(CharRange::new(start, end)));
    assert_eq!(document.speaker_label(after.speaker.as_ref()), "Lena Ortiz");

    document.apply(Action::Undo, 12).expect("undone");
    assert!(
        document.annotations()[0].same_content(&before),
        "one step undoes it all"
    );
    assert!(
        document.speakers().is_empty(),
        "the speaker it added goes too"
    );
}

#[test]
fn an_update_that_changes_nothing_records_nothing_and_bad_changes_are_refused() {
    let mut document = Document::new("budget");
    let id = add(&mut document, json!({ "exact": "a stall", "note": "same" })).expect("added");
    let changes = changes_to_make(&json!({ "note": "same" }), TEXT).expect("usable");
    let applied = document
        .apply(
            Action::UpdateAnnotation {
                id: quotemark::core::document::AnnotationId(id),
                changes,
            },
            11,
        )
        .expect("accepted");
    assert!(applied.is_empty());
    assert_eq!(document.history().undo_len(), 1, "only the add");

    for (value, expected) in [
        (json!({ "speaker": 7 }), "must be a name or null"),
        (json!({ "start": 3 }), "together"),
        (json!({ "colour": "red" }), "Unknown field"),
    ] {
        let error = changes_to_make(&value, TEXT).expect_err("refused");
        assert!(error.contains(expected), "{value}: {error}");
    }
    let unknown = document.apply(
        Action::UpdateAnnotation {
            id: quotemark::core::document::AnnotationId("a999".into()),
            changes: Default::default(),
        },
        13,
    );
    assert!(unknown.is_err(), "an unknown id is refused");
}
