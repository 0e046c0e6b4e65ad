//! The annotation document: speakers, annotations and notes for one article, changed only
//! through [`Action`]s applied by [`Document::apply`], with undo and redo kept in the document.
//!
//! Time and new ids enter as data: the caller passes `now` (milliseconds since the Unix epoch)
//! and ids come from a counter stored in the document, so the core stays deterministic.

use serde::{Deserialize, Serialize};

use crate::core::selector::{CharRange, Selectors};

/// Identifies a speaker within one document ("s1", "s2", ...).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpeakerId(pub String);

/// Identifies an annotation within one document ("a1", "a2", ...).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

/// A person (or organisation) quoted in the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: SpeakerId,
    pub name: String,
    /// Other names for the same speaker; a merged speaker's name becomes an alias.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Index into the accessible palette (see `palette`), stable for the speaker's life.
    pub colour: u8,
}

/// What an annotation says about its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationKind {
    /// Somebody's words; `speaker: None` means explicitly "unknown speaker".
    Quote,
    /// A plain highlight, usually with a note.
    Highlight,
}

/// How an annotation's range was found in the current article text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "status")]
pub enum AnchorStatus {
    /// At its recorded position, text unchanged.
    Anchored,
    /// Text found unchanged (by quote and context) at another position.
    Moved,
    /// Found by approximate match; `score` in 0..=1 (1 = identical). Needs review.
    Fuzzy { score: f32 },
    /// Not found; kept with its original selectors for review.
    Orphan,
}

/// One annotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: AnnotationId,
    pub kind: AnnotationKind,
    /// Where it is in the current article; `None` only for orphans.
    pub range: Option<CharRange>,
    /// As captured when the annotation was made (or its range last set by the user).
    pub selectors: Selectors,
    pub status: AnchorStatus,
    pub speaker: Option<SpeakerId>,
    #[serde(default)]
    pub note: String,
    /// Milliseconds since the Unix epoch, passed in by the caller.
    pub created: i64,
    pub modified: i64,
    /// Incremented on every change; used to merge concurrent edits from two tabs.
    #[serde(default)]
    pub revision: u32,
}

/// A deleted annotation, remembered so that a merge with another tab's copy of the document
/// does not bring it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: AnnotationId,
    /// The annotation's revision when it was deleted.
    pub revision: u32,
    /// When it was deleted, milliseconds since the Unix epoch.
    pub deleted: i64,
}

/// Everything annotated on one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The host-given article id, else the article's content hash.
    pub article_id: String,
    pub speakers: Vec<Speaker>,
    /// Kept in article order (by range start, then end; orphans last).
    pub annotations: Vec<Annotation>,
    #[serde(default)]
    pub tombstones: Vec<Tombstone>,
    /// The next number used for a new id; ids are never reused within a document.
    pub next_id: u64,
}
