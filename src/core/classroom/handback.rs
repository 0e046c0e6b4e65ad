//! The feedback file a student opens in the widget: an ordinary native file in which the key's
//! passages are **quotes** (with the key's speaker) and the student's own marks are
//! **highlights**, each with a note that says what became of it. The convention is documented in
//! `docs/formats.md` ("Feedback files").

use crate::core::agreement::{Feedback, Outcome, Span};
use crate::core::anchoring::Anchorer;
use crate::core::document::{Action, AnnotationKind, Document, NewAnnotation};
use crate::core::interchange::{export_native_by, ArticleMeta};

/// The note on a key passage, e.g. "Key: found — speaker: you gave Ada, the key says Bo.".
fn key_note(outcome: Outcome, wrong_speaker: bool, student: Option<&Span>, key: &Span) -> String {
    let mut note = match outcome {
        Outcome::Found => "Key: found.".to_owned(),
        Outcome::BoundaryOff { distance, .. } => format!(
            "Key: found, boundary off by {distance} character{}.",
            if distance == 1 { "" } else { "s" }
        ),
        Outcome::Missed => "Key: missed.".to_owned(),
    };
    if wrong_speaker {
        let named = |span: Option<&Span>| {
            span.and_then(|s| s.speaker.as_ref())
                .map_or_else(|| "an unknown speaker".to_owned(), |l| l.name.clone())
        };
        note.push_str(&format!(
            " Wrong speaker: you gave {}, the key says {}.",
            named(student),
            named(Some(key))
        ));
    }
    note
}

/// Builds the feedback document (positions in the article whose text is `text_content`).
pub fn feedback_document(article_id: &str, text_content: &str, feedback: &Feedback) -> Document {
    let mut document = Document::new(article_id);
    let anchorer = Anchorer::new(text_content);
    let add = |document: &mut Document, span: &Span, quote: bool, note: String| {
        let Ok(selectors) = anchorer.capture(span.range) else {
            return;
        };
        let kind = if quote {
            AnnotationKind::Quote
        } else {
            AnnotationKind::Highlight
        };
        // A highlight takes no speaker: `AddAnnotation` leaves it out for that kind.
        let speaker = span.speaker.as_ref().map(|l| l.name.clone());
        let action = Action::AddAnnotation(NewAnnotation::selected(
            kind,
            span.range,
            selectors,
            speaker.unwrap_or_default(),
            note,
        ));
        let _ = document.apply(action, 0);
    };
    for item in &feedback.items {
        // A key highlight stays a highlight; its note says it is the key's.
        let quote = item.key.kind == AnnotationKind::Quote;
        add(
            &mut document,
            &item.key,
            quote,
            key_note(
                item.outcome,
                item.wrong_speaker,
                item.student.as_ref(),
                &item.key,
            ),
        );
        if let Some(student) = &item.student {
            let note = match item.outcome {
                Outcome::BoundaryOff { .. } => "Your mark: boundary off.",
                _ => "Your mark: found.",
            };
            add(&mut document, &highlight(student), false, note.to_owned());
        }
    }
    for extra in &feedback.extra {
        add(
            &mut document,
            &highlight(extra),
            false,
            "Your mark: extra (not in the key).".to_owned(),
        );
    }
    document.forget_history();
    document
}

fn highlight(span: &Span) -> Span {
    Span::highlight(span.range.start, span.range.end)
}

/// The feedback as a native file, with the student's name as its annotator.
pub fn feedback_file(article: &ArticleMeta, text_content: &str, feedback: &Feedback) -> String {
    let document = feedback_document(&article.id, text_content, feedback);
    export_native_by(
        &document,
        article,
        Some(&format!("Feedback for {}", feedback.name)),
    )
}
