//! Quotemark's own JSON file format (`"format": "quotemark"`, version 1): everything in a
//! document, so that export followed by import loses nothing. Schema: `docs/formats.md`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use super::fields::{
    self, check_length, describe, excerpt, is_usable_id, keep_first_chars, keep_last_chars,
    optional_count, optional_str, optional_timestamp, optional_u32, required_str, shown, Object,
};
use super::{
    parse_json, timestamp, ArticleMeta, FileAnnotation, FileFormat, FileSpeaker, ImportError,
    ItemKind, ParsedFile, SkippedItem, MAX_ALIASES, MAX_ANNOTATIONS, MAX_CONTEXT_CHARS,
    MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_QUOTE_CHARS, MAX_SOURCE_ID_CHARS,
};
use crate::core::anchoring::AnchorStatus;
use crate::core::anchoring::{Selectors, TextPositionSelector, TextQuoteSelector};
use crate::core::article::SourceFormat;
use crate::core::document::{Annotation, AnnotationId, AnnotationKind, Document, Tombstone};
use crate::core::text::typography::clean_name;
use crate::core::text::CharRange;

/// The value of the `format` field.
pub const NATIVE_FORMAT: &str = "quotemark";
/// The newest native format version this build writes and reads.
pub const NATIVE_VERSION: u64 = 1;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NativeFile<'a> {
    format: &'static str,
    version: u64,
    /// Who made the file (the `annotator` mount option); left out when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
    article: NativeArticle<'a>,
    next_id: u64,
    speakers: Vec<NativeSpeaker<'a>>,
    annotations: Vec<NativeAnnotation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tombstones: Vec<NativeTombstone<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NativeArticle<'a> {
    id: &'a str,
    title: &'a str,
    source: SourceFormat,
    content_hash: &'a str,
}

#[derive(Serialize)]
struct NativeSpeaker<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    colour: u8,
}

#[derive(Serialize)]
struct NativeAnnotation<'a> {
    id: &'a str,
    kind: AnnotationKind,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<CharRange>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
    speaker: Option<&'a str>,
    note: &'a str,
    created: String,
    modified: String,
    revision: u32,
    #[serde(rename = "sourceId", skip_serializing_if = "Option::is_none")]
    source_id: Option<&'a str>,
}

#[derive(Serialize)]
struct NativeTombstone<'a> {
    id: &'a str,
    revision: u32,
    deleted: String,
}

/// The document as a pretty-printed native file.
pub fn export_native(doc: &Document, article: &ArticleMeta) -> String {
    export_native_by(doc, article, None)
}

/// [`export_native`] with the annotator's name written at the top level (`"annotator"`), so a
/// teacher comparing a class's files sees whose file is whose whatever it was renamed to.
pub fn export_native_by(doc: &Document, article: &ArticleMeta, annotator: Option<&str>) -> String {
    let file = NativeFile {
        format: NATIVE_FORMAT,
        version: NATIVE_VERSION,
        annotator: annotator.map(str::trim).filter(|name| !name.is_empty()),
        article: NativeArticle {
            id: &article.id,
            title: &article.title,
            source: article.source,
            content_hash: &article.content_hash,
        },
        next_id: doc.next_id(),
        speakers: doc
            .speakers()
            .iter()
            .map(|speaker| NativeSpeaker {
                id: &speaker.id.0,
                name: &speaker.name,
                aliases: &speaker.aliases,
                colour: speaker.colour,
            })
            .collect(),
        annotations: doc.annotations().iter().map(native_annotation).collect(),
        tombstones: doc
            .tombstones()
            .iter()
            .map(|tombstone| NativeTombstone {
                id: &tombstone.id.0,
                revision: tombstone.revision,
                deleted: timestamp::format_utc(tombstone.deleted),
            })
            .collect(),
    };
    to_pretty_json(&file)
}

fn native_annotation(annotation: &Annotation) -> NativeAnnotation<'_> {
    let position = annotation.selectors.position;
    let position_range = position.map(|p| CharRange {
        start: p.start,
        end: p.end,
    });
    let (status, score) = status_name(annotation.status);
    NativeAnnotation {
        id: &annotation.id.0,
        kind: annotation.kind,
        exact: &annotation.selectors.quote.exact,
        prefix: &annotation.selectors.quote.prefix,
        suffix: &annotation.selectors.quote.suffix,
        start: position.map(|p| p.start),
        end: position.map(|p| p.end),
        range: annotation
            .range
            .filter(|range| Some(*range) != position_range),
        status,
        score,
        speaker: annotation.speaker.as_ref().map(|id| id.0.as_str()),
        note: &annotation.note,
        created: timestamp::format_utc(annotation.created),
        modified: timestamp::format_utc(annotation.modified),
        revision: annotation.revision,
        source_id: annotation.source_id.as_deref(),
    }
}

/// The status as written in files, with the fuzzy match score when there is one.
pub(crate) fn status_name(status: AnchorStatus) -> (&'static str, Option<f32>) {
    // A non-finite score would be written as `null`; 0 keeps the file readable.
    let score = status
        .score()
        .map(|score| if score.is_finite() { score } else { 0.0 });
    (status.wire_name(), score)
}

/// Serialises one of this module's plain structs. These hold only text, integers, finite
/// floats, options and lists, which serde_json cannot fail on; should it ever, the error is
/// returned as a JSON string instead of panicking.
pub(crate) fn to_pretty_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|error| {
        Value::String(format!("Quotemark could not write this file: {error}")).to_string()
    })
}

/// Reads a native file. Per-item problems are collected in [`ParsedFile::skipped`].
pub fn parse_native(json: &str) -> Result<ParsedFile, ImportError> {
    parse_native_value(&parse_json(json)?)
}

pub(crate) fn parse_native_value(value: &Value) -> Result<ParsedFile, ImportError> {
    let object = value
        .as_object()
        .ok_or_else(|| ImportError::UnknownFormat {
            detail: format!("the file holds {}, not an object", describe(value)),
        })?;
    check_format_and_version(object)?;

    let mut skipped = Vec::new();
    let (speakers, speaker_index, skipped_speaker_ids) =
        parse_speakers(list(object, "speakers", false)?, &mut skipped);

    let mut annotations = Vec::new();
    for (index, item) in list(object, "annotations", true)?.iter().enumerate() {
        if index >= MAX_ANNOTATIONS {
            skipped.push(SkippedItem {
                item: ItemKind::Annotation,
                index,
                reason: format!("the file has more than {MAX_ANNOTATIONS} annotations"),
            });
            continue;
        }
        match parse_annotation(index, item, &speaker_index, &skipped_speaker_ids) {
            Ok(annotation) => annotations.push(annotation),
            Err(reason) => skipped.push(SkippedItem {
                item: ItemKind::Annotation,
                index,
                reason,
            }),
        }
    }

    let mut tombstones = Vec::new();
    for (index, item) in list(object, "tombstones", false)?.iter().enumerate() {
        match parse_tombstone(item) {
            Ok(tombstone) => tombstones.push(tombstone),
            Err(reason) => skipped.push(SkippedItem {
                item: ItemKind::Tombstone,
                index,
                reason,
            }),
        }
    }

    Ok(ParsedFile {
        annotator: object
            .get("annotator")
            .and_then(Value::as_str)
            .and_then(super::clean_annotator),
        format: FileFormat::Native,
        article: object.get("article").and_then(parse_article),
        // The counter only ever helps avoid id reuse, so an unreadable one is ignored.
        next_id: optional_count(object, "nextId")
            .ok()
            .flatten()
            .map(|n| n as u64)
            .filter(|n| *n <= fields::MAX_ID_NUMBER),
        speakers,
        annotations,
        tombstones,
        skipped,
    })
}

fn check_format_and_version(object: &Object) -> Result<(), ImportError> {
    match object.get("format") {
        Some(Value::String(format)) if format == NATIVE_FORMAT => {}
        Some(other) => {
            return Err(ImportError::UnknownFormat {
                detail: format!("its \"format\" is {}", shown(other)),
            })
        }
        None => {
            return Err(ImportError::UnknownFormat {
                detail: "it has no \"format\"".to_string(),
            })
        }
    }
    let version = match object.get("version") {
        None => {
            return Err(ImportError::WrongShape {
                detail: "the format \"version\" is missing".to_string(),
            })
        }
        Some(value) => value.as_u64().ok_or_else(|| ImportError::WrongShape {
            detail: format!(
                "the format \"version\" should be a whole number, not {}",
                shown(value)
            ),
        })?,
    };
    if version > NATIVE_VERSION {
        return Err(ImportError::NewerVersion {
            found: version,
            supported: NATIVE_VERSION,
        });
    }
    if version == 0 {
        return Err(ImportError::WrongShape {
            detail: "format version 0 does not exist".to_string(),
        });
    }
    Ok(())
}

/// A top-level list; an absent optional list is empty, an absent required one is an error.
fn list<'a>(object: &'a Object, key: &str, required: bool) -> Result<&'a [Value], ImportError> {
    match object.get(key) {
        Some(Value::Array(items)) => Ok(items),
        None | Some(Value::Null) if !required => Ok(&[]),
        None => Err(ImportError::WrongShape {
            detail: format!("the list of {key} is missing"),
        }),
        Some(other) => Err(ImportError::WrongShape {
            detail: format!("\"{key}\" should be a list, not {}", describe(other)),
        }),
    }
}

fn parse_article(value: &Value) -> Option<ArticleMeta> {
    let object = value.as_object()?;
    let source = match optional_str(object, "source").ok()?? {
        "text" => SourceFormat::Text,
        "markdown" => SourceFormat::Markdown,
        "html" => SourceFormat::Html,
        _ => return None,
    };
    Some(ArticleMeta {
        id: optional_str(object, "id").ok()??.to_string(),
        title: optional_str(object, "title")
            .ok()?
            .unwrap_or_default()
            .to_string(),
        source,
        content_hash: optional_str(object, "contentHash").ok()??.to_string(),
    })
}

type SpeakerIndex = HashMap<String, usize>;

/// The file's speakers, a map from their file ids to their positions, and the ids of speakers
/// that were skipped (so that their annotations get a precise reason).
fn parse_speakers(
    items: &[Value],
    skipped: &mut Vec<SkippedItem>,
) -> (Vec<FileSpeaker>, SpeakerIndex, HashSet<String>) {
    let mut speakers = Vec::new();
    let mut index_by_id = SpeakerIndex::new();
    let mut skipped_ids = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        let parsed = parse_speaker(item).and_then(|speaker| {
            let id = speaker.id.clone().unwrap_or_default();
            if index_by_id.contains_key(&id) {
                Err(format!(
                    "another speaker already has the id {}",
                    excerpt(&id)
                ))
            } else {
                Ok((id, speaker))
            }
        });
        match parsed {
            Ok((id, speaker)) => {
                index_by_id.insert(id, speakers.len());
                speakers.push(speaker);
            }
            Err(reason) => {
                if let Some(id) = item.get("id").and_then(Value::as_str) {
                    skipped_ids.insert(id.to_string());
                }
                skipped.push(SkippedItem {
                    item: ItemKind::Speaker,
                    index,
                    reason,
                });
            }
        }
    }
    (speakers, index_by_id, skipped_ids)
}

fn parse_speaker(item: &Value) -> Result<FileSpeaker, String> {
    let object = item
        .as_object()
        .ok_or_else(|| format!("is {}, not a speaker", describe(item)))?;
    let id = required_str(object, "id")?;
    if id.is_empty() {
        return Err("the id is empty".to_string());
    }
    let name = speaker_name(required_str(object, "name")?, "the name")?;
    let aliases = match object.get("aliases") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(values)) => {
            if values.len() > MAX_ALIASES {
                return Err(format!(
                    "has too many aliases ({}; at most {MAX_ALIASES})",
                    values.len()
                ));
            }
            let mut aliases = Vec::new();
            for value in values {
                let alias = value
                    .as_str()
                    .ok_or_else(|| format!("an alias should be text, not {}", describe(value)))?;
                aliases.push(speaker_name(alias, "an alias")?);
            }
            aliases
        }
        Some(other) => {
            return Err(format!(
                "\"aliases\" should be a list, not {}",
                describe(other)
            ))
        }
    };
    let colour = match optional_count(object, "colour")? {
        None => None,
        Some(colour) => Some(u8::try_from(colour).map_err(|_| {
            format!("\"colour\" should be a palette index from 0 to 255, not {colour}")
        })?),
    };
    Ok(FileSpeaker {
        id: Some(id.to_string()),
        name,
        aliases,
        colour,
    })
}

/// A speaker name or alias: cleaned ([`clean_name`]), non-empty, not too long.
pub(crate) fn speaker_name(raw: &str, what: &str) -> Result<String, String> {
    let name = clean_name(raw);
    if name.is_empty() {
        return Err(format!("{what} is empty"));
    }
    check_length(what, &name, MAX_NAME_CHARS)?;
    Ok(name)
}

fn parse_annotation(
    index: usize,
    item: &Value,
    speaker_index: &SpeakerIndex,
    skipped_speaker_ids: &HashSet<String>,
) -> Result<FileAnnotation, String> {
    let object = item
        .as_object()
        .ok_or_else(|| format!("is {}, not an annotation", describe(item)))?;
    let kind = required_str(object, "kind")?;
    let kind = AnnotationKind::from_wire_name(kind).ok_or_else(|| {
        format!(
            "the kind {} is not \"{}\" or \"{}\"",
            excerpt(kind),
            AnnotationKind::Quote.wire_name(),
            AnnotationKind::Highlight.wire_name()
        )
    })?;
    let quote = quote_selector(
        required_str(object, "exact")?,
        optional_str(object, "prefix")?.unwrap_or_default(),
        optional_str(object, "suffix")?.unwrap_or_default(),
    )?;
    let position = position_selector(
        optional_count(object, "start")?,
        optional_count(object, "end")?,
    )?;
    let speaker = match optional_str(object, "speaker")? {
        None => None,
        Some(id) => match speaker_index.get(id) {
            Some(position) => Some(*position),
            None if skipped_speaker_ids.contains(id) => {
                return Err(format!(
                    "its speaker {} was skipped (see the speakers)",
                    excerpt(id)
                ))
            }
            None => return Err(format!("its speaker {} is not in the file", excerpt(id))),
        },
    };
    let note = optional_str(object, "note")?.unwrap_or_default();
    check_length("the note", note, MAX_NOTE_CHARS)?;
    Ok(FileAnnotation {
        index,
        id: optional_str(object, "id")?
            .filter(|id| is_usable_id(id))
            .map(str::to_string),
        kind,
        selectors: Selectors { quote, position },
        speaker,
        note: note.to_string(),
        created: optional_timestamp(object, "created")?,
        modified: optional_timestamp(object, "modified")?,
        revision: optional_u32(object, "revision")?.unwrap_or(0),
        source_id: source_id(optional_str(object, "sourceId")?)?,
    })
}

/// A foreign id as kept: any non-empty string up to [`MAX_SOURCE_ID_CHARS`].
pub(crate) fn source_id(raw: Option<&str>) -> Result<Option<String>, String> {
    match raw.map(str::trim).filter(|id| !id.is_empty()) {
        None => Ok(None),
        Some(id) => {
            check_length("the source id", id, MAX_SOURCE_ID_CHARS)?;
            Ok(Some(id.to_owned()))
        }
    }
}

/// A checked quote selector: the quote non-empty and not too long, the context shortened.
pub(crate) fn quote_selector(
    exact: &str,
    prefix: &str,
    suffix: &str,
) -> Result<TextQuoteSelector, String> {
    if exact.is_empty() {
        return Err("the quote is empty".to_string());
    }
    check_length("the quote", exact, MAX_QUOTE_CHARS)?;
    Ok(TextQuoteSelector {
        exact: exact.to_string(),
        prefix: keep_last_chars(prefix, MAX_CONTEXT_CHARS),
        suffix: keep_first_chars(suffix, MAX_CONTEXT_CHARS),
    })
}

/// A checked position: both ends or neither, start not after end.
pub(crate) fn position_selector(
    start: Option<usize>,
    end: Option<usize>,
) -> Result<Option<TextPositionSelector>, String> {
    match (start, end) {
        (None, None) => Ok(None),
        (Some(start), Some(end)) if start <= end => Ok(Some(TextPositionSelector { start, end })),
        (Some(start), Some(end)) => Err(format!("its start ({start}) is after its end ({end})")),
        (Some(_), None) => Err("it has a \"start\" but no \"end\"".to_string()),
        (None, Some(_)) => Err("it has an \"end\" but no \"start\"".to_string()),
    }
}

fn parse_tombstone(item: &Value) -> Result<Tombstone, String> {
    let object = item
        .as_object()
        .ok_or_else(|| format!("is {}, not a record", describe(item)))?;
    let id = required_str(object, "id")?;
    if !is_usable_id(id) {
        return Err(format!("the id {} is not usable", excerpt(id)));
    }
    Ok(Tombstone {
        id: AnnotationId(id.to_string()),
        revision: optional_u32(object, "revision")?.unwrap_or(0),
        deleted: optional_timestamp(object, "deleted")?
            .ok_or_else(|| "\"deleted\" is missing".to_string())?,
        created: optional_timestamp(object, "created")?.unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::interchange::{export_w3c_by, parse_file};

    fn meta() -> ArticleMeta {
        ArticleMeta {
            id: "story".into(),
            title: "A story".into(),
            source: SourceFormat::Text,
            content_hash: "h".into(),
        }
    }

    #[test]
    fn the_annotator_is_written_and_read_back_in_both_formats() {
        let doc = Document::new("story");
        let native = export_native_by(&doc, &meta(), Some("  Ada   Lovelace "));
        let value: Value = serde_json::from_str(&native).expect("JSON");
        assert_eq!(value["annotator"], "Ada   Lovelace");
        assert_eq!(
            parse_file(&native).expect("native").annotator.as_deref(),
            Some("Ada Lovelace")
        );
        let mut doc = Document::new("story");
        let text = "She said hello to everyone.";
        let range = CharRange::new(4, 8);
        let selectors = crate::core::anchoring::capture(text, range).expect("capture");
        doc.apply(
            crate::core::document::Action::CreateAnnotation {
                kind: AnnotationKind::Highlight,
                range,
                selectors,
                speaker: None,
                note: String::new(),
            },
            0,
        )
        .expect("create");
        let w3c = export_w3c_by(&doc, &meta(), text, Some("Ada"));
        assert!(w3c.contains("\"creator\""), "{w3c}");
        assert_eq!(
            parse_file(&w3c).expect("w3c").annotator.as_deref(),
            Some("Ada")
        );
    }

    #[test]
    fn no_annotator_means_no_field_and_blank_or_odd_values_are_ignored() {
        let native = export_native(&Document::new("story"), &meta());
        assert!(!native.contains("annotator"));
        assert_eq!(parse_file(&native).expect("native").annotator, None);
        let blank = native.replacen(
            "\"version\": 1,",
            "\"version\": 1, \"annotator\": \"   \",",
            1,
        );
        assert_eq!(parse_file(&blank).expect("native").annotator, None);
        let number = native.replacen("\"version\": 1,", "\"version\": 1, \"annotator\": 7,", 1);
        assert_eq!(parse_file(&number).expect("native").annotator, None);
        let long = "x".repeat(500);
        let long_file = native.replacen(
            "\"version\": 1,",
            &format!("\"version\": 1, \"annotator\": \"{long}\","),
            1,
        );
        assert_eq!(
            parse_file(&long_file)
                .expect("native")
                .annotator
                .map(|n| n.chars().count()),
            Some(crate::core::interchange::MAX_NAME_CHARS)
        );
    }
}
