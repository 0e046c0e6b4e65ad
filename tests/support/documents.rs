//! Building a document the way the widget does: speakers added by name, annotations over a
//! range with their selectors captured from the text. Shared by every tier (native tests with
//! `#[path = "support/documents.rs"] mod documents;`, the wasm browser tests likewise, the
//! end-to-end crate through `support::documents`); it needs nothing but the crate's core.
// Each includer uses the part it needs.
#![allow(dead_code)]

use quotemark::core::anchoring::capture;
use quotemark::core::document::{
    Action, AnnotationId, AnnotationKind, Document, NewAnnotation, Speaker, SpeakerId,
};
use quotemark::core::text::CharRange;

/// The id of the speaker called `name` (or with it as an alias), adding one at `now` if the
/// document has none.
pub fn speaker_called(document: &mut Document, name: &str, now: i64) -> SpeakerId {
    if document.speaker_named(name).is_none() {
        document
            .apply(
                Action::AddSpeaker {
                    name: name.to_owned(),
                },
                now,
            )
            .unwrap_or_else(|error| panic!("add the speaker {name:?}: {error:?}"));
    }
    document
        .speaker_named(name)
        .map(|speaker| speaker.id.clone())
        .expect("the speaker was just added")
}

/// Adds an annotation of `kind` over `range` of `text` at `now`, with the selectors the widget
/// captures there, as one undoable action.
pub fn annotate(
    document: &mut Document,
    text: &str,
    kind: AnnotationKind,
    range: CharRange,
    speaker: Option<SpeakerId>,
    note: &str,
    now: i64,
) {
    let selectors = capture(text, range)
        .unwrap_or_else(|error| panic!("capture {range:?} of the text: {error}"));
    document
        .apply(
            Action::CreateAnnotation {
                kind,
                range,
                selectors,
                speaker,
                note: note.to_owned(),
            },
            now,
        )
        .unwrap_or_else(|error| panic!("create the annotation at {range:?}: {error:?}"));
}

/// Marks `range` of `text` as the reader does with the toolbar: a quote by `speaker` (a typed
/// name: an existing speaker's, else a new one, in the same step) or, for `None`, a
/// highlight; with `note`. Returns the new annotation's id.
pub fn mark(
    document: &mut Document,
    text: &str,
    range: CharRange,
    speaker: Option<&str>,
    note: &str,
    now: i64,
) -> AnnotationId {
    let selectors = capture(text, range)
        .unwrap_or_else(|error| panic!("capture {range:?} of the text: {error}"));
    let kind = match speaker {
        Some(_) => AnnotationKind::Quote,
        None => AnnotationKind::Highlight,
    };
    let new = NewAnnotation::selected(
        kind,
        range,
        selectors,
        speaker.unwrap_or_default().to_owned(),
        note.to_owned(),
    );
    document
        .apply(Action::AddAnnotation(new), now)
        .unwrap_or_else(|error| panic!("mark {range:?}: {error:?}"))
        .new_annotation
        .expect("a new annotation")
}

/// A speaker as a file or a stored document holds it, for fixtures built field by field
/// (created and revision 0).
pub fn speaker(id: &str, name: &str, aliases: &[&str], colour: u8) -> Speaker {
    Speaker {
        id: SpeakerId(id.to_owned()),
        name: name.to_owned(),
        aliases: aliases.iter().map(|alias| (*alias).to_owned()).collect(),
        colour,
        created: 0,
        revision: 0,
    }
}
