//! The persistence codec: how a document is written to, and read back from, one browser
//! storage entry per article, including migration of older envelopes and a clear distinction
//! between "nothing stored" and "stored but unreadable". Schema: `docs/formats.md`.
//!
//! The stored shape is spelled out here field by field (camelCase, explicit names), never
//! derived from the document's Rust types, so renaming a Rust field or type can never
//! silently change, or orphan, what people have saved. Likewise the storage key is a fixed
//! string, not a Rust type name.
//!
//! Envelope versions: 1 was the first release's shape (flat quote fields, speakers as plain
//! names, no revisions or deletion records); 2 is current. Version 1 is migrated on read.
//!
//! The file is long because both versions' shapes, the migration between them and the checks
//! on reading stay together: a change to one must be seen next to the others.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::anchoring::AnchorStatus;
use crate::core::anchoring::{Selectors, TextPositionSelector, TextQuoteSelector};
use crate::core::document::{
    Annotation, AnnotationId, AnnotationKind, Document, DocumentParts, Speaker, SpeakerId,
    SpeakerTombstone, Tombstone,
};
use crate::core::text::CharRange;

/// The envelope version this build writes, and the newest it reads.
pub const ENVELOPE_VERSION: u64 = 2;

/// Prefix of every storage key. Its `v1` is the version of the *key scheme*, which stays fixed
/// across envelope versions so that a newer build finds (and migrates) older data.
pub const STORAGE_KEY_PREFIX: &str = "quotemark:v1:";

/// Prefix of the keys under which unreadable data is kept aside.
pub const QUARANTINE_KEY_PREFIX: &str = "quotemark:quarantine:";

/// The storage key for an article: `"quotemark:v1:" + article_key`.
pub fn storage_key(article_key: &str) -> String {
    format!("{STORAGE_KEY_PREFIX}{article_key}")
}

/// Where to move unreadable data before writing fresh data under [`storage_key`]:
/// `"quotemark:quarantine:" + now + ":" + article_key`. The time keeps successive quarantines
/// of the same article apart; the prefix keeps them out of any scan of live keys.
pub fn quarantine_key(article_key: &str, now: i64) -> String {
    format!("{QUARANTINE_KEY_PREFIX}{now}:{article_key}")
}

/// The result of reading a storage entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded {
    /// Nothing stored for this article: start an empty document.
    Missing,
    /// A current envelope.
    Loaded(Document),
    /// An older envelope, upgraded. The caller should save it again (with [`encode`]) so the
    /// upgrade happens once.
    Migrated {
        document: Document,
        from_version: u64,
    },
    /// Something is stored but cannot be read. The caller must not overwrite it: move it to
    /// [`quarantine_key`] first (or leave it and do not save).
    Corrupt { reason: CorruptReason },
}

/// Why stored data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorruptReason {
    /// The stored value is an empty (or all-whitespace) string.
    Empty,
    /// The JSON stops in the middle, as after a write cut short.
    Truncated,
    /// The value is not JSON.
    NotJson { detail: String },
    /// JSON, but not a Quotemark envelope (no `quotemark` version field).
    NotAnEnvelope,
    /// A Quotemark envelope whose contents are not the expected shape.
    WrongShape { detail: String },
    /// Written by a newer build, which may store things this build would lose.
    NewerVersion { found: u64, supported: u64 },
}

impl fmt::Display for CorruptReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorruptReason::Empty => f.write_str("the saved annotations are empty"),
            CorruptReason::Truncated => {
                f.write_str("the saved annotations are cut off (the last save did not finish)")
            }
            CorruptReason::NotJson { detail } => {
                write!(f, "the saved annotations are not readable data ({detail})")
            }
            CorruptReason::NotAnEnvelope => {
                f.write_str("the saved data was not written by Quotemark")
            }
            CorruptReason::WrongShape { detail } => {
                write!(f, "the saved annotations are damaged: {detail}")
            }
            CorruptReason::NewerVersion { found, supported } => write!(
                f,
                "the annotations were saved by a newer version of Quotemark (storage version \
                 {found}; this version reads up to {supported})"
            ),
        }
    }
}

// ---- Version 2 (current) ----

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeV2 {
    quotemark: u64,
    saved_at: i64,
    /// The article's title, so the list of saved articles can name each one (added within
    /// version 2: optional, and older builds ignore it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    document: DocumentV2,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DocumentV2 {
    article_id: String,
    next_id: u64,
    speakers: Vec<SpeakerV2>,
    annotations: Vec<AnnotationV2>,
    #[serde(default)]
    tombstones: Vec<TombstoneV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    speaker_tombstones: Vec<SpeakerTombstoneV2>,
}

#[derive(Serialize, Deserialize)]
struct SpeakerV2 {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    colour: u8,
    #[serde(default)]
    created: i64,
    #[serde(default)]
    revision: u32,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum StoredKind {
    Quote,
    Highlight,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum StoredStatus {
    Anchored,
    Moved,
    Fuzzy,
    Orphan,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
struct StoredRange {
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct StoredQuote {
    exact: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
}

#[derive(Serialize, Deserialize)]
struct AnnotationV2 {
    id: String,
    kind: StoredKind,
    /// Where it currently is; `null` for orphans.
    range: Option<StoredRange>,
    quote: StoredQuote,
    position: Option<StoredRange>,
    status: StoredStatus,
    /// Only for `fuzzy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
    speaker: Option<String>,
    #[serde(default)]
    note: String,
    created: i64,
    modified: i64,
    #[serde(default)]
    revision: u32,
    /// The id the annotation had where it came from (optional; added without a version bump
    /// since older builds ignore unknown fields and newer ones default it).
    #[serde(default, rename = "sourceId", skip_serializing_if = "Option::is_none")]
    source_id: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct TombstoneV2 {
    id: String,
    revision: u32,
    deleted: i64,
    #[serde(default)]
    created: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SpeakerTombstoneV2 {
    id: String,
    revision: u32,
    deleted: i64,
    #[serde(default)]
    created: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    merged_into: Option<String>,
}

// ---- Version 1 (first release) ----

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DocumentV1 {
    article_id: String,
    next_id: u64,
    /// Speakers were plain names.
    #[serde(default)]
    speakers: Vec<String>,
    annotations: Vec<AnnotationV1>,
}

#[derive(Deserialize)]
struct AnnotationV1 {
    id: String,
    kind: StoredKind,
    quote: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    start: usize,
    end: usize,
    /// A speaker name, not an id.
    speaker: Option<String>,
    #[serde(default)]
    note: String,
    created: i64,
    modified: i64,
}

/// The document in the current envelope, as one compact JSON string. Call once per change.
pub fn encode(doc: &Document, now: i64) -> String {
    encode_titled(doc, None, now)
}

/// Like [`encode`], recording the article's title for the list of saved articles.
pub fn encode_titled(doc: &Document, title: Option<&str>, now: i64) -> String {
    let envelope = EnvelopeV2 {
        quotemark: ENVELOPE_VERSION,
        saved_at: now,
        title: title.map(str::to_owned),
        document: stored_document(doc),
    };
    // These structs hold only text, integers, finite floats, options and lists, which
    // serde_json cannot fail on; the fallback is `null`, which reads back as "not an envelope"
    // rather than as an empty document, so nothing would be silently lost.
    serde_json::to_string(&envelope).unwrap_or_else(|_| "null".to_string())
}

/// Reads a storage entry; `None` means the key is absent.
pub fn decode(stored: Option<&str>) -> Decoded {
    let Some(stored) = stored else {
        return Decoded::Missing;
    };
    match decode_present(stored) {
        Ok((document, ENVELOPE_VERSION)) => Decoded::Loaded(document),
        Ok((document, from_version)) => Decoded::Migrated {
            document,
            from_version,
        },
        Err(reason) => Decoded::Corrupt { reason },
    }
}

/// What a stored envelope says about itself, for listing what this browser holds: the title
/// (when the saving build recorded it) and when it was saved. `None` for anything unreadable.
pub fn envelope_header(stored: &str) -> Option<(Option<String>, i64)> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Header {
        quotemark: u64,
        #[serde(default)]
        saved_at: i64,
        #[serde(default)]
        title: Option<String>,
    }
    let header: Header = serde_json::from_str(stored).ok()?;
    (header.quotemark <= ENVELOPE_VERSION).then_some((header.title, header.saved_at))
}

/// The document and the envelope version it was stored in.
fn decode_present(stored: &str) -> Result<(Document, u64), CorruptReason> {
    if stored.trim().is_empty() {
        return Err(CorruptReason::Empty);
    }
    let value: Value = serde_json::from_str(stored).map_err(|error| {
        if error.is_eof() {
            CorruptReason::Truncated
        } else {
            CorruptReason::NotJson {
                detail: format!("line {}, column {}", error.line(), error.column()),
            }
        }
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(CorruptReason::NotAnEnvelope);
    };
    let version = match envelope.get("quotemark") {
        None => return Err(CorruptReason::NotAnEnvelope),
        Some(version) => version.as_u64().ok_or_else(|| CorruptReason::WrongShape {
            detail: format!("the storage version is {version}, not a whole number"),
        })?,
    };
    // Checked before anything else in the envelope: a newer build may have changed it all.
    if version > ENVELOPE_VERSION {
        return Err(CorruptReason::NewerVersion {
            found: version,
            supported: ENVELOPE_VERSION,
        });
    }
    let document = envelope
        .remove("document")
        .ok_or_else(|| CorruptReason::WrongShape {
            detail: "there is no document".to_string(),
        })?;
    let stored_document = match version {
        2 => serde_json::from_value::<DocumentV2>(document).map_err(wrong_shape)?,
        1 => migrate_v1(serde_json::from_value::<DocumentV1>(document).map_err(wrong_shape)?),
        other => {
            return Err(CorruptReason::WrongShape {
                detail: format!("storage version {other} does not exist"),
            })
        }
    };
    Ok((into_document(stored_document)?, version))
}

fn wrong_shape(error: serde_json::Error) -> CorruptReason {
    CorruptReason::WrongShape {
        detail: error.to_string(),
    }
}

/// Version 1 → 2: speakers become records with ids from the document's counter and colours in
/// list order; each annotation's flat quote fields become selectors, its range is its recorded
/// position, its speaker name becomes that speaker's id, and its revision starts at 0.
/// A speaker name used by an annotation but missing from the list gets a speaker too.
fn migrate_v1(old: DocumentV1) -> DocumentV2 {
    let mut next_id = old.next_id.max(1);
    let mut speakers: Vec<SpeakerV2> = Vec::new();
    let mut speaker_id_for = |name: &str, speakers: &mut Vec<SpeakerV2>| -> String {
        if let Some(existing) = speakers.iter().find(|speaker| speaker.name == name) {
            return existing.id.clone();
        }
        let id = format!("s{next_id}");
        next_id += 1;
        speakers.push(SpeakerV2 {
            id: id.clone(),
            name: name.to_string(),
            aliases: Vec::new(),
            colour: (speakers.len() % 256) as u8,
            created: 0,
            revision: 0,
        });
        id
    };
    for name in &old.speakers {
        speaker_id_for(name, &mut speakers);
    }
    let annotations = old
        .annotations
        .into_iter()
        .map(|annotation| {
            let range = StoredRange {
                start: annotation.start,
                end: annotation.end,
            };
            AnnotationV2 {
                id: annotation.id,
                kind: annotation.kind,
                range: Some(range),
                quote: StoredQuote {
                    exact: annotation.quote,
                    prefix: annotation.prefix,
                    suffix: annotation.suffix,
                },
                position: Some(range),
                // Version 1 did not re-anchor; the anchoring pass on load sets the real status.
                status: StoredStatus::Anchored,
                score: None,
                speaker: annotation
                    .speaker
                    .map(|name| speaker_id_for(&name, &mut speakers)),
                note: annotation.note,
                created: annotation.created,
                modified: annotation.modified,
                revision: 0,
                source_id: None,
            }
        })
        .collect();
    DocumentV2 {
        article_id: old.article_id,
        next_id,
        speakers,
        annotations,
        tombstones: Vec::new(),
        speaker_tombstones: Vec::new(),
    }
}

fn stored_document(doc: &Document) -> DocumentV2 {
    DocumentV2 {
        article_id: doc.article_id().to_owned(),
        next_id: doc.next_id(),
        speakers: doc
            .speakers()
            .iter()
            .map(|speaker| SpeakerV2 {
                id: speaker.id.0.clone(),
                name: speaker.name.clone(),
                aliases: speaker.aliases.clone(),
                colour: speaker.colour,
                created: speaker.created,
                revision: speaker.revision,
            })
            .collect(),
        annotations: doc.annotations().iter().map(stored_annotation).collect(),
        tombstones: doc
            .tombstones()
            .iter()
            .map(|tombstone| TombstoneV2 {
                id: tombstone.id.0.clone(),
                revision: tombstone.revision,
                deleted: tombstone.deleted,
                created: tombstone.created,
            })
            .collect(),
        speaker_tombstones: doc
            .speaker_tombstones()
            .iter()
            .map(|tombstone| SpeakerTombstoneV2 {
                id: tombstone.id.0.clone(),
                revision: tombstone.revision,
                deleted: tombstone.deleted,
                created: tombstone.created,
                merged_into: tombstone.merged_into.as_ref().map(|id| id.0.clone()),
            })
            .collect(),
    }
}

fn stored_annotation(annotation: &Annotation) -> AnnotationV2 {
    let (status, score) = match annotation.status {
        AnchorStatus::Anchored => (StoredStatus::Anchored, None),
        AnchorStatus::Moved => (StoredStatus::Moved, None),
        // A non-finite score would be written as `null` and fail to read back.
        AnchorStatus::Fuzzy { score } => (
            StoredStatus::Fuzzy,
            Some(if score.is_finite() { score } else { 0.0 }),
        ),
        AnchorStatus::Orphan => (StoredStatus::Orphan, None),
    };
    let quote = &annotation.selectors.quote;
    AnnotationV2 {
        id: annotation.id.0.clone(),
        kind: match annotation.kind {
            AnnotationKind::Quote => StoredKind::Quote,
            AnnotationKind::Highlight => StoredKind::Highlight,
        },
        range: annotation.range.map(|range| StoredRange {
            start: range.start,
            end: range.end,
        }),
        quote: StoredQuote {
            exact: quote.exact.clone(),
            prefix: quote.prefix.clone(),
            suffix: quote.suffix.clone(),
        },
        position: annotation.selectors.position.map(|position| StoredRange {
            start: position.start,
            end: position.end,
        }),
        status,
        score,
        speaker: annotation.speaker.as_ref().map(|id| id.0.clone()),
        note: annotation.note.clone(),
        created: annotation.created,
        modified: annotation.modified,
        revision: annotation.revision,
        source_id: annotation.source_id.clone(),
    }
}

/// The stored document as a [`Document`], refusing contents the rest of the program relies on
/// never seeing: a range that ends before it starts, or a reference to a missing speaker.
fn into_document(stored: DocumentV2) -> Result<Document, CorruptReason> {
    let speakers: Vec<Speaker> = stored
        .speakers
        .into_iter()
        .map(|speaker| Speaker {
            id: SpeakerId(speaker.id),
            name: speaker.name,
            aliases: speaker.aliases,
            colour: speaker.colour,
            created: speaker.created,
            revision: speaker.revision,
        })
        .collect();
    let mut annotations = Vec::with_capacity(stored.annotations.len());
    for annotation in stored.annotations {
        let damaged = |what: &str| CorruptReason::WrongShape {
            detail: format!("annotation {:?} {what}", annotation.id),
        };
        let range = match annotation.range {
            Some(range) => {
                Some(checked_range(range).ok_or_else(|| damaged("ends before it starts"))?)
            }
            None => None,
        };
        let position = match annotation.position {
            Some(position) => Some(
                checked_range(position)
                    .map(|range| TextPositionSelector {
                        start: range.start,
                        end: range.end,
                    })
                    .ok_or_else(|| damaged("has a position that ends before it starts"))?,
            ),
            None => None,
        };
        if let Some(speaker) = &annotation.speaker {
            if !speakers.iter().any(|known| &known.id.0 == speaker) {
                return Err(damaged(&format!("names a missing speaker {speaker:?}")));
            }
        }
        let status = match annotation.status {
            StoredStatus::Anchored => AnchorStatus::Anchored,
            StoredStatus::Moved => AnchorStatus::Moved,
            StoredStatus::Fuzzy => AnchorStatus::Fuzzy {
                score: annotation.score.unwrap_or(0.0),
            },
            StoredStatus::Orphan => AnchorStatus::Orphan,
        };
        annotations.push(Annotation {
            id: AnnotationId(annotation.id),
            kind: match annotation.kind {
                StoredKind::Quote => AnnotationKind::Quote,
                StoredKind::Highlight => AnnotationKind::Highlight,
            },
            range,
            selectors: Selectors {
                quote: TextQuoteSelector {
                    exact: annotation.quote.exact,
                    prefix: annotation.quote.prefix,
                    suffix: annotation.quote.suffix,
                },
                position,
            },
            status,
            speaker: annotation.speaker.map(SpeakerId),
            note: annotation.note,
            created: annotation.created,
            modified: annotation.modified,
            revision: annotation.revision,
            source_id: annotation.source_id,
        });
    }
    // Stored order is only a convenience: an edited or damaged value may list annotations out
    // of article order, which the document puts right. Whatever else a damaged value breaks
    // (duplicate ids, a speaker that does not exist…) makes it unreadable, to be kept aside,
    // rather than a document that misbehaves later.
    Document::from_parts(DocumentParts {
        article_id: stored.article_id,
        speakers,
        annotations,
        tombstones: stored
            .tombstones
            .into_iter()
            .map(|tombstone| Tombstone {
                id: AnnotationId(tombstone.id),
                revision: tombstone.revision,
                deleted: tombstone.deleted,
                created: tombstone.created,
            })
            .collect(),
        speaker_tombstones: stored
            .speaker_tombstones
            .into_iter()
            .map(|tombstone| SpeakerTombstone {
                id: SpeakerId(tombstone.id),
                revision: tombstone.revision,
                deleted: tombstone.deleted,
                created: tombstone.created,
                merged_into: tombstone.merged_into.map(SpeakerId),
            })
            .collect(),
        next_id: stored.next_id,
    })
    .map_err(|problem| CorruptReason::WrongShape { detail: problem })
}

fn checked_range(range: StoredRange) -> Option<CharRange> {
    (range.start <= range.end).then_some(CharRange {
        start: range.start,
        end: range.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_fixed_strings() {
        assert_eq!(
            storage_key("0123456789abcdef"),
            "quotemark:v1:0123456789abcdef"
        );
        assert_eq!(
            storage_key("https://example.org/story"),
            "quotemark:v1:https://example.org/story"
        );
        let quarantine = quarantine_key("story", 1_714_564_800_000);
        assert_eq!(quarantine, "quotemark:quarantine:1714564800000:story");
        assert!(!quarantine.starts_with(STORAGE_KEY_PREFIX));
    }

    #[test]
    fn absent_is_missing_but_empty_is_corrupt() {
        assert_eq!(decode(None), Decoded::Missing);
        for empty in ["", "   ", "\n"] {
            assert_eq!(
                decode(Some(empty)),
                Decoded::Corrupt {
                    reason: CorruptReason::Empty
                }
            );
        }
    }

    #[test]
    fn impossible_ranges_and_dangling_speakers_are_corrupt() {
        let backwards = r#"{"quotemark":2,"savedAt":0,"document":{"articleId":"x","nextId":2,
            "speakers":[],"annotations":[{"id":"a1","kind":"highlight","range":{"start":5,"end":2},
            "quote":{"exact":"q"},"position":null,"status":"anchored","speaker":null,
            "created":0,"modified":0}]}}"#;
        let dangling = backwards
            .replace(r#""start":5,"end":2"#, r#""start":0,"end":1"#)
            .replace(r#""speaker":null"#, r#""speaker":"s9""#);
        for (stored, expected) in [
            (backwards.to_string(), "ends before it starts"),
            (dangling, "missing speaker"),
        ] {
            match decode(Some(&stored)) {
                Decoded::Corrupt {
                    reason: CorruptReason::WrongShape { detail },
                } => assert!(detail.contains(expected), "{detail}"),
                other => panic!("expected wrong shape, got {other:?}"),
            }
        }
    }
}
