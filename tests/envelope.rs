//! The storage codec: saved documents come back identical, older envelopes load as the
//! documents they described, and damaged or newer data is reported as corrupt (never as
//! "nothing saved", which would let the caller overwrite it).
#![cfg(not(target_arch = "wasm32"))]

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::anchoring::{Selectors, TextPositionSelector, TextQuoteSelector};
use quotemark::core::document::{
    Annotation, AnnotationId, AnnotationKind, Document, DocumentParts, SpeakerId, Tombstone,
};
use quotemark::core::storage::envelope::{
    decode, encode, quarantine_key, storage_key, CorruptReason, Decoded, ENVELOPE_VERSION,
};
use quotemark::core::text::CharRange;
use serde_json::Value;

#[path = "support/documents.rs"]
mod documents;

use documents::speaker;

const V1: &str = include_str!("fixtures/envelopes/v1.json");
const V2: &str = include_str!("fixtures/envelopes/v2.json");
const TRUNCATED: &str = include_str!("fixtures/envelopes/truncated.json");
const NOT_JSON: &str = include_str!("fixtures/envelopes/not_json.txt");
const WRONG_SHAPE: &str = include_str!("fixtures/envelopes/wrong_shape.json");
const NEWER: &str = include_str!("fixtures/envelopes/newer.json");
const NOT_ENVELOPE: &str = include_str!("fixtures/envelopes/not_envelope.json");

/// `savedAt` in the v2 fixture.
const V2_SAVED_AT: i64 = 1_714_565_100_000;

fn selectors(exact: &str, prefix: &str, suffix: &str, start: usize, end: usize) -> Selectors {
    Selectors {
        quote: TextQuoteSelector {
            exact: exact.to_string(),
            prefix: prefix.to_string(),
            suffix: suffix.to_string(),
        },
        position: Some(TextPositionSelector { start, end }),
    }
}

/// The document `v2.json` holds: every status (including a fuzzy score and an orphan), a
/// tombstone, emoji, a combining accent, CJK, Arabic, curly and straight quotes.
fn v2_document() -> Document {
    valid(DocumentParts {
        article_id: "harbour-2024".to_string(),
        speakers: vec![
            speaker("s1", "Aino Virtanen", &["A. Virtanen"], 0),
            speaker("s2", "محمد", &[], 1),
        ],
        annotations: vec![
            Annotation {
                id: AnnotationId("a1".to_string()),
                kind: AnnotationKind::Quote,
                range: Some(CharRange { start: 24, end: 44 }),
                selectors: selectors("We will not give up,", "resume — “", "” said", 24, 44),
                status: AnchorStatus::Anchored,
                speaker: Some(SpeakerId("s1".to_string())),
                note: "🇫🇮 👩\u{200d}👩\u{200d}👧".to_string(),
                created: 1_714_564_800_123,
                modified: 1_714_564_860_123,
                revision: 2,
                source_id: None,
            },
            Annotation {
                id: AnnotationId("a3".to_string()),
                kind: AnnotationKind::Highlight,
                range: Some(CharRange {
                    start: 166,
                    end: 173,
                }),
                selectors: selectors("港は皆のものだ", "東京の代表は「", "」と述べた", 160, 167),
                status: AnchorStatus::Fuzzy { score: 0.75 },
                speaker: None,
                note: "cafe\u{301} “curly” \"straight\"".to_string(),
                created: 1_714_564_800_000,
                modified: 1_714_564_800_000,
                revision: 0,
                source_id: None,
            },
            Annotation {
                id: AnnotationId("a4".to_string()),
                kind: AnnotationKind::Quote,
                range: None,
                selectors: selectors("الميناء للجميع", "قال محمد: \"", "\".", 192, 206),
                status: AnchorStatus::Orphan,
                speaker: Some(SpeakerId("s2".to_string())),
                note: String::new(),
                created: 1_714_564_800_000,
                modified: 1_714_564_900_000,
                revision: 1,
                source_id: None,
            },
        ],
        tombstones: vec![Tombstone {
            id: AnnotationId("a2".to_string()),
            revision: 3,
            deleted: 1_714_565_000_000,
            created: 1_714_560_000_000,
        }],
        next_id: 6,
        ..DocumentParts::default()
    })
}

/// What `v1.json` must become: speakers get ids from the counter (s4, s5, and s6 for a name
/// only an annotation used), colours in order; flat quote fields become selectors; the range
/// is the recorded position; revisions start at 0; no tombstones.
fn v1_document_migrated() -> Document {
    let annotation = |id: &str,
                      kind: AnnotationKind,
                      selectors: Selectors,
                      speaker: Option<&str>,
                      note: &str,
                      created: i64,
                      modified: i64| {
        let position = selectors.position.unwrap_or_default();
        Annotation {
            id: AnnotationId(id.to_string()),
            kind,
            range: Some(CharRange {
                start: position.start,
                end: position.end,
            }),
            selectors,
            status: AnchorStatus::Anchored,
            speaker: speaker.map(|id| SpeakerId(id.to_string())),
            note: note.to_string(),
            created,
            modified,
            revision: 0,
            source_id: None,
        }
    };
    valid(DocumentParts {
        article_id: "harbour-2024".to_string(),
        speakers: vec![
            speaker("s4", "Aino Virtanen", &[], 0),
            speaker("s5", "محمد", &[], 1),
            speaker("s6", "נועה", &[], 2),
        ],
        annotations: vec![
            annotation(
                "a1",
                AnnotationKind::Quote,
                selectors("We will not give up,", "resume — “", "” said", 24, 44),
                Some("s4"),
                "🇫🇮",
                1_713_999_000_000,
                1_713_999_060_000,
            ),
            annotation(
                "a2",
                AnnotationKind::Highlight,
                selectors("港は皆のものだ", "", "", 166, 173),
                None,
                "",
                1_713_999_100_000,
                1_713_999_100_000,
            ),
            annotation(
                "a3",
                AnnotationKind::Quote,
                selectors("הנמל שלנו", "אמרה נועה: '", "'.", 221, 230),
                Some("s6"),
                "cafe\u{301}",
                1_713_999_200_000,
                1_713_999_200_000,
            ),
        ],
        tombstones: Vec::new(),
        next_id: 7,
        ..DocumentParts::default()
    })
}

fn valid(parts: DocumentParts) -> Document {
    Document::from_parts(parts).expect("the fixture keeps the document's rules")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|error| panic!("not JSON ({error}): {text}"))
}

#[test]
fn the_current_envelope_loads_as_the_expected_document() {
    assert_eq!(decode(Some(V2)), Decoded::Loaded(v2_document()));
}

#[test]
fn encode_writes_exactly_the_documented_current_envelope() {
    assert_eq!(ENVELOPE_VERSION, 2);
    assert_eq!(json(&encode(&v2_document(), V2_SAVED_AT)), json(V2));
}

#[test]
fn a_version_1_envelope_migrates_to_the_expected_document() {
    assert_eq!(
        decode(Some(V1)),
        Decoded::Migrated {
            document: v1_document_migrated(),
            from_version: 1
        }
    );
}

#[test]
fn a_migrated_document_saves_and_reloads_as_current() {
    let saved = encode(&v1_document_migrated(), 1_714_600_000_000);
    assert_eq!(json(&saved)["quotemark"], 2);
    assert_eq!(
        decode(Some(&saved)),
        Decoded::Loaded(v1_document_migrated())
    );
}

#[test]
fn encode_then_decode_gives_back_an_identical_document() {
    let mut awkward = v2_document().into_parts();
    awkward.article_id = "https://example.org/a b?c=d#🇫🇮".to_string();
    awkward.annotations[0].selectors.position = None;
    awkward.annotations[0].note = "line\nbreak\r\n\"quoted\" \\ backslash \u{0}".to_string();
    awkward.annotations[1].status = AnchorStatus::Fuzzy {
        score: 0.333_333_34,
    };
    awkward.annotations[2].status = AnchorStatus::Moved;
    awkward.annotations[2].range = Some(CharRange { start: 0, end: 0 });
    awkward.annotations[2].created = -1;
    awkward.annotations[2].revision = u32::MAX;
    awkward.next_id = u64::MAX;
    // An empty range at 0 comes first: the document puts its annotations in article order.
    let awkward = Document::from_parts(awkward).expect("still a valid document");
    let documents = [
        Document::default(),
        v2_document(),
        v1_document_migrated(),
        awkward,
    ];
    for document in documents {
        let stored = encode(&document, 1);
        assert_eq!(decode(Some(&stored)), Decoded::Loaded(document), "{stored}");
    }
}

#[test]
fn a_non_finite_fuzzy_score_still_saves_readably() {
    let with_score = |score: f32| {
        let mut parts = v2_document().into_parts();
        parts.annotations[1].status = AnchorStatus::Fuzzy { score };
        Document::from_parts(parts).expect("a valid document")
    };
    let (document, expected) = (with_score(f32::NAN), with_score(0.0));
    assert_eq!(
        decode(Some(&encode(&document, 1))),
        Decoded::Loaded(expected)
    );
}

#[test]
fn unreadable_data_is_corrupt_with_a_distinct_reason_never_missing() {
    type IsExpected = fn(&CorruptReason) -> bool;
    let cases: Vec<(&str, &str, IsExpected)> = vec![
        ("empty string", "", |r| *r == CorruptReason::Empty),
        ("truncated", TRUNCATED, |r| *r == CorruptReason::Truncated),
        ("not JSON", NOT_JSON, |r| {
            matches!(r, CorruptReason::NotJson { .. })
        }),
        ("not an envelope", NOT_ENVELOPE, |r| {
            *r == CorruptReason::NotAnEnvelope
        }),
        ("a bare number", "42", |r| {
            *r == CorruptReason::NotAnEnvelope
        }),
        ("wrong shape", WRONG_SHAPE, |r| {
            matches!(r, CorruptReason::WrongShape { .. })
        }),
        (
            "no document",
            r#"{"quotemark":2,"savedAt":0}"#,
            |r| matches!(r, CorruptReason::WrongShape { detail } if detail == "there is no document"),
        ),
        (
            "version 0",
            r#"{"quotemark":0,"document":{}}"#,
            |r| matches!(r, CorruptReason::WrongShape { detail } if detail.contains("version 0")),
        ),
        (
            "version as text",
            r#"{"quotemark":"2","document":{}}"#,
            |r| matches!(r, CorruptReason::WrongShape { .. }),
        ),
        (
            "newer, reshaped",
            r#"{"quotemark":3,"data":"zstd:..."}"#,
            |r| matches!(r, CorruptReason::NewerVersion { found: 3, .. }),
        ),
        ("newer version", NEWER, |r| {
            *r == CorruptReason::NewerVersion {
                found: 3,
                supported: 2,
            }
        }),
    ];
    let mut messages = Vec::new();
    for (label, stored, is_expected) in cases {
        match decode(Some(stored)) {
            Decoded::Corrupt { reason } => {
                assert!(is_expected(&reason), "{label}: {reason:?}");
                messages.push(reason.to_string());
            }
            other => panic!("{label}: expected corrupt, got {other:?}"),
        }
    }
    // Each kind of damage reads differently to the person who has to decide what to do.
    let distinct: std::collections::HashSet<&String> = messages.iter().collect();
    assert!(distinct.len() >= 7, "{messages:#?}");
    assert!(messages
        .iter()
        .any(|m| m.contains("newer version of Quotemark")));
    assert!(messages.iter().any(|m| m.contains("cut off")));
}

#[test]
fn missing_is_only_the_absence_of_a_value() {
    assert_eq!(decode(None), Decoded::Missing);
}

#[test]
fn keys_are_stable_strings_and_quarantine_keys_stay_apart() {
    assert_eq!(
        storage_key("c1f23bc2d1398d06"),
        "quotemark:v1:c1f23bc2d1398d06"
    );
    let first = quarantine_key("c1f23bc2d1398d06", 1_714_565_100_000);
    let second = quarantine_key("c1f23bc2d1398d06", 1_714_565_100_001);
    assert_ne!(first, second);
    assert_ne!(first, storage_key("c1f23bc2d1398d06"));
    assert!(!first.starts_with("quotemark:v1:"));
    assert!(first.ends_with("c1f23bc2d1398d06"));
}
