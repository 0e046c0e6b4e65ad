//! What a host page's `add(annotation)` and `update(id, changes)` ask for, read from plain
//! objects (the shape `annotations()` gives) or W3C Web Annotations, checked like an import and
//! placed in the article. Every problem is a sentence the host can show or log.

use serde_json::{Map, Value};

use crate::core::anchoring::{self, AnchorStatus, Selectors};
use crate::core::document::{AnnotationChanges, AnnotationKind, NewAnnotation};
use crate::core::interchange::fields::excerpt;
use crate::core::interchange::{native, w3c, MAX_NOTE_CHARS};
use crate::core::text::{CharRange, TextIndex};

/// The annotation `value` describes, placed in `text`: a plain object with `exact` (and
/// optionally `prefix`, `suffix`, `start`, `end`) or just `start` and `end`, plus `kind`,
/// `speaker` (a name), `note` and `id` (kept as the source id); or a W3C `Annotation`.
pub fn annotation_to_add(value: &Value, text: &str) -> Result<NewAnnotation, String> {
    let object = value
        .as_object()
        .ok_or("The annotation must be an object, such as one annotations() returns.")?;
    if is_w3c(object) {
        return w3c_annotation(value, text);
    }
    check_keys(
        object,
        &[
            "id", "sourceId", "kind", "exact", "prefix", "suffix", "start", "end", "speaker",
            "note", "status", "score", "created", "modified",
        ],
    )?;
    let speaker = optional_text(object, "speaker")?.unwrap_or_default();
    let kind = match optional_text(object, "kind")? {
        Some(kind) => parse_kind(&kind)?,
        None if speaker.trim().is_empty() => AnnotationKind::Highlight,
        None => AnnotationKind::Quote,
    };
    let note = optional_text(object, "note")?.unwrap_or_default();
    check_note(&note)?;
    let source_id = native::source_id(
        optional_text(object, "sourceId")?
            .or(optional_text(object, "id")?)
            .as_deref(),
    )?;
    let position = optional_position(object)?;
    let (range, selectors, status) = match optional_text(object, "exact")? {
        Some(exact) => {
            let quote = native::quote_selector(
                &exact,
                &optional_text(object, "prefix")?.unwrap_or_default(),
                &optional_text(object, "suffix")?.unwrap_or_default(),
            )?;
            let selectors = Selectors {
                quote,
                position: native::position_selector(
                    position.map(|p| p.start),
                    position.map(|p| p.end),
                )?,
            };
            place_by_quote(selectors, text)?
        }
        None => {
            let range = position.ok_or(
                "The annotation needs its text (\"exact\") or its place (\"start\" and \"end\").",
            )?;
            let selectors = capture_at(range, text)?;
            (range, selectors, AnchorStatus::Anchored)
        }
    };
    Ok(NewAnnotation {
        kind,
        range,
        selectors,
        status,
        speaker,
        note,
        source_id,
    })
}

/// The changes `value` asks for: any of `note`, `speaker` (a name, or `null` for an unknown
/// speaker), `kind`, and `start` with `end` (a new place in `text`).
pub fn changes_to_make(value: &Value, text: &str) -> Result<AnnotationChanges, String> {
    let object = value
        .as_object()
        .ok_or("The changes must be an object, such as { note: \"…\" }.")?;
    check_keys(object, &["note", "speaker", "kind", "start", "end"])?;
    let note = optional_text(object, "note")?;
    if let Some(note) = &note {
        check_note(note)?;
    }
    let speaker = match object.get("speaker") {
        None => None,
        Some(Value::Null) => Some(String::new()),
        Some(Value::String(name)) => Some(name.clone()),
        Some(other) => {
            return Err(format!(
                "\"speaker\" must be a name or null, not {}.",
                crate::core::interchange::fields::describe(other)
            ))
        }
    };
    let kind = optional_text(object, "kind")?
        .map(|kind| parse_kind(&kind))
        .transpose()?;
    let place = optional_position(object)?
        .map(|range| capture_at(range, text).map(|selectors| (range, selectors)))
        .transpose()?;
    Ok(AnnotationChanges {
        note,
        speaker,
        kind,
        place,
    })
}

fn is_w3c(object: &Map<String, Value>) -> bool {
    object.contains_key("target") || object.contains_key("@context")
}

/// A W3C annotation, read exactly as an imported file's would be.
fn w3c_annotation(value: &Value, text: &str) -> Result<NewAnnotation, String> {
    let parsed = w3c::parse_w3c_value(value).map_err(|error| error.to_string())?;
    if let Some(skipped) = parsed.skipped.first() {
        return Err(format!("The annotation can't be used: {}.", skipped.reason));
    }
    let annotation = parsed
        .annotations
        .into_iter()
        .next()
        .ok_or("The W3C value holds no annotation.")?;
    let speaker = annotation
        .speaker
        .and_then(|index| parsed.speakers.get(index))
        .map(|speaker| speaker.name.clone())
        .unwrap_or_default();
    let (range, selectors, status) = place_by_quote(annotation.selectors, text)?;
    Ok(NewAnnotation {
        kind: annotation.kind,
        range,
        selectors,
        status,
        speaker,
        note: annotation.note,
        source_id: annotation.source_id,
    })
}

/// Finds the quote in the article as an import would; refuses one that is not there, since
/// a host adding it expects to see it.
fn place_by_quote(
    selectors: Selectors,
    text: &str,
) -> Result<(CharRange, Selectors, AnchorStatus), String> {
    let found = anchoring::reanchor(text, &selectors);
    match found.range {
        Some(range) => Ok((range, selectors, found.status)),
        None => Err(format!(
            "The quote {} is not in this article.",
            excerpt(&selectors.quote.exact)
        )),
    }
}

/// Selectors for the passage at `range`, which must be in the article and hold some text.
fn capture_at(range: CharRange, text: &str) -> Result<Selectors, String> {
    let length = TextIndex::new(text).len_chars();
    if range.end > length {
        return Err(format!(
            "The place {}–{} is outside the article, which has {length} characters.",
            range.start, range.end
        ));
    }
    let selectors = anchoring::capture(text, range).map_err(|error| error.to_string())?;
    if selectors.quote.exact.trim().is_empty() {
        return Err(format!(
            "The place {}–{} holds no text to annotate.",
            range.start, range.end
        ));
    }
    Ok(selectors)
}

fn parse_kind(kind: &str) -> Result<AnnotationKind, String> {
    AnnotationKind::from_wire_name(kind).ok_or_else(|| {
        format!(
            "\"kind\" must be \"{}\" or \"{}\", not {}.",
            AnnotationKind::Quote.wire_name(),
            AnnotationKind::Highlight.wire_name(),
            excerpt(kind)
        )
    })
}

fn check_note(note: &str) -> Result<(), String> {
    if note.chars().count() > MAX_NOTE_CHARS {
        Err(format!(
            "The note is longer than {MAX_NOTE_CHARS} characters."
        ))
    } else {
        Ok(())
    }
}

/// `start` and `end` together, as code points, or neither.
fn optional_position(object: &Map<String, Value>) -> Result<Option<CharRange>, String> {
    let number = |key: &str| -> Result<Option<usize>, String> {
        match object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => value
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| format!("\"{key}\" must be a whole number of characters.")),
        }
    };
    match (number("start")?, number("end")?) {
        (None, None) => Ok(None),
        (Some(start), Some(end)) if start < end => Ok(Some(CharRange::new(start, end))),
        (Some(start), Some(end)) => Err(format!(
            "\"start\" ({start}) must be before \"end\" ({end})."
        )),
        _ => Err("Give \"start\" and \"end\" together.".to_owned()),
    }
}

fn optional_text(object: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(other) => Err(format!(
            "\"{key}\" must be text, not {}.",
            crate::core::interchange::fields::describe(other)
        )),
    }
}

/// Refuses a key the object may not have, so that a misspelt field is not silently ignored.
fn check_keys(object: &Map<String, Value>, known: &[&str]) -> Result<(), String> {
    match object.keys().find(|key| !known.contains(&key.as_str())) {
        None => Ok(()),
        Some(key) => Err(format!(
            "Unknown field {}; expected one of: {}.",
            excerpt(key),
            known.join(", ")
        )),
    }
}
