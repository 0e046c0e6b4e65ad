//! The plain data the JavaScript handle gives a host page: annotations as simple objects and
//! import reports, shaped here (natively tested) so the browser edge only hands over JSON.

use serde_json::{json, Value};

use crate::core::document::{Annotation, Document};
use crate::core::interchange::{FileFormat, ImportReport};

/// One annotation as a host script sees it. Positions are code points of the article's text
/// content; `start`/`end` are where it is now (`null` for an orphan that was not found).
pub fn annotation_object(document: &Document, annotation: &Annotation) -> Value {
    let speaker = annotation
        .speaker
        .as_ref()
        .and_then(|id| document.speaker(id))
        .map(|speaker| speaker.name.clone());
    json!({
        "id": annotation.id.0,
        "kind": annotation.kind.wire_name(),
        "exact": annotation.selectors.quote.exact,
        "prefix": annotation.selectors.quote.prefix,
        "suffix": annotation.selectors.quote.suffix,
        "start": annotation.range.map(|range| range.start),
        "end": annotation.range.map(|range| range.end),
        "speaker": speaker,
        "note": annotation.note,
        "status": annotation.status.wire_name(),
        "score": annotation.status.score(),
        "created": annotation.created,
        "modified": annotation.modified,
        "sourceId": annotation.source_id,
    })
}

/// Every annotation, in article order.
pub fn annotations_array(document: &Document) -> Value {
    Value::Array(
        document
            .annotations()
            .iter()
            .map(|annotation| annotation_object(document, annotation))
            .collect(),
    )
}

/// A suggested quote as the handle's `suggest()` gives it (positions in code points).
pub fn suggestion_object(suggestion: &crate::core::suggest::Suggestion) -> Value {
    json!({
        "id": suggestion.id(),
        "exact": suggestion.exact,
        "start": suggestion.start,
        "end": suggestion.end,
        "speaker": suggestion.speaker,
        "confidence": suggestion.confidence,
        "reason": suggestion.reason,
    })
}

/// An import report: counts, every skipped item with its reason, and a one-line summary.
pub fn report_object(report: &ImportReport) -> Value {
    json!({
        "format": match report.format {
            FileFormat::Native => "quotemark",
            FileFormat::W3c => "w3c",
        },
        "added": report.added,
        "orphans": report.orphans,
        "duplicates": report.duplicates,
        "skipped": report.skipped.iter().map(|item| json!({
            "index": item.index,
            "reason": item.reason,
            "message": item.to_string(),
        })).collect::<Vec<_>>(),
        "speakersAdded": report.speakers_added,
        "speakersMapped": report.speakers_mapped,
        "article": report.article_match.as_str(),
        "summary": report.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchoring::capture;
    use crate::core::anchoring::AnchorStatus;
    use crate::core::document::{Action, AnnotationKind};
    use crate::core::text::CharRange;

    /// The wire names are the serde names, so the host API, exports and saved documents
    /// spell kinds and statuses alike.
    #[test]
    fn wire_names_are_the_serde_names_and_parse_back() {
        for kind in [AnnotationKind::Quote, AnnotationKind::Highlight] {
            assert_eq!(
                serde_json::to_value(kind).ok(),
                Some(json!(kind.wire_name()))
            );
            assert_eq!(AnnotationKind::from_wire_name(kind.wire_name()), Some(kind));
        }
        assert_eq!(AnnotationKind::from_wire_name("Quote"), None);
        for status in [
            AnchorStatus::Anchored,
            AnchorStatus::Moved,
            AnchorStatus::Fuzzy { score: 0.5 },
            AnchorStatus::Orphan,
        ] {
            let serialised = serde_json::to_value(status).unwrap_or_default();
            assert_eq!(serialised["status"], json!(status.wire_name()));
        }
    }

    #[test]
    fn annotations_are_plain_objects_with_code_point_positions() {
        let text = "👩‍👩‍👧 Aino said “we stay” today.";
        let mut document = Document::new("t");
        document
            .apply(
                Action::AddSpeaker {
                    name: "Aino".into(),
                },
                1,
            )
            .unwrap();
        let speaker = document.speakers()[0].id.clone();
        // "we stay" starts after the 5-code-point family emoji and " Aino said “".
        let range = CharRange::new(17, 24);
        let action = Action::CreateAnnotation {
            kind: AnnotationKind::Quote,
            range,
            selectors: capture(text, range).unwrap(),
            speaker: Some(speaker),
            note: "<b>not markup</b>".into(),
        };
        document.apply(action, 2).unwrap();
        let objects = annotations_array(&document);
        let first = &objects[0];
        assert_eq!(first["exact"], "we stay");
        assert_eq!(
            (first["start"].clone(), first["end"].clone()),
            (json!(17), json!(24))
        );
        assert_eq!(first["speaker"], "Aino");
        assert_eq!(first["kind"], "quote");
        assert_eq!(first["status"], "anchored");
        assert_eq!(first["note"], "<b>not markup</b>");
    }
}
