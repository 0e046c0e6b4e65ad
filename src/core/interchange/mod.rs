//! File formats: export of a document as native Quotemark JSON, W3C Web Annotation JSON-LD and
//! CSV, and import of native or W3C files with a per-item report.
//!
//! The schemas, limits and import rules are documented for users and other tools in
//! `docs/formats.md`; keep the two in step.
//!
//! Everything read from a file is treated as plain text: no string from a file is ever
//! interpreted as markup, a URL to fetch, or a formula.
//!
//! Reading a file happens in two steps. [`parse_file`] checks the file as a whole (size, JSON,
//! format, version) and each item's shape on its own, producing a format-neutral
//! [`ParsedFile`]; [`import::import`] then checks the items against the current article,
//! anchors them, and merges them with (or replaces) the current document.

pub mod csv;
pub mod import;
pub mod native;
pub mod timestamp;
pub mod w3c;

pub(crate) mod fields;

use std::fmt;

use serde_json::Value;

use crate::core::anchoring::Selectors;
use crate::core::article::{Article, SourceFormat};
use crate::core::document::{AnnotationKind, Tombstone};

pub use csv::export_csv;
pub use import::{
    import, import_action, import_parsed_action, ArticleMatch, ImportMode, ImportOutcome,
    ImportReport, OtherArticle,
};
pub use native::{export_native, export_native_by, parse_native};
pub use w3c::{export_w3c, export_w3c_by, parse_w3c};

/// Files larger than this (in bytes of UTF-8) are refused before parsing. 16 MiB holds about
/// 39,000 annotations as native JSON or 14,000 as W3C JSON-LD (measured at ~430 and ~1,200
/// bytes each with 32-character context) — beyond the 5,000 a long article with several
/// readers' work may carry — and keeps a mistaken pick (a video, a database dump) from
/// freezing the page.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;
/// Longest accepted quote, in code points; a longer one is skipped.
pub const MAX_QUOTE_CHARS: usize = 10_000;
/// Longest kept prefix or suffix context, in code points; longer context is shortened to the
/// part nearest the quote (which is the part that matters for anchoring).
pub const MAX_CONTEXT_CHARS: usize = 500;
/// Longest accepted note, in code points; an annotation with a longer note is skipped rather
/// than having its note cut.
pub const MAX_NOTE_CHARS: usize = 20_000;
/// Longest accepted speaker name or alias, in code points.
pub const MAX_NAME_CHARS: usize = 200;
/// Most aliases accepted for one speaker.
pub const MAX_ALIASES: usize = 32;
/// Most annotations read from one file; the rest are skipped.
pub const MAX_ANNOTATIONS: usize = 20_000;
/// Longest accepted id (annotation, speaker or tombstone), in bytes.
pub const MAX_ID_LEN: usize = 64;
/// Longest kept foreign id (a host's record id, a server's IRI), in code points.
pub const MAX_SOURCE_ID_CHARS: usize = 2_000;

/// What export needs to know about the article, without needing the article itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleMeta {
    /// The host-given article id (often its URL), else the content hash.
    pub id: String,
    pub title: String,
    pub source: SourceFormat,
    /// [`crate::core::article::content_hash`] of the text content the positions count over.
    pub content_hash: String,
}

impl ArticleMeta {
    /// How an export describes `article`, whose document calls it `id` (the document's
    /// `article_id`).
    pub fn of(article: &Article, id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            title: article.title.clone(),
            source: article.source,
            content_hash: article.content_hash(),
        }
    }
}

/// Which format a file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// Quotemark's own JSON (`"format": "quotemark"`).
    Native,
    /// W3C Web Annotation JSON-LD.
    W3c,
}

impl fmt::Display for FileFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileFormat::Native => "Quotemark JSON",
            FileFormat::W3c => "W3C Web Annotation JSON-LD",
        })
    }
}

/// Why a whole file could not be imported. Per-item problems never end up here: they are
/// reported in [`SkippedItem`]s and the rest of the file is imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// The file is empty or only whitespace.
    Empty,
    /// The JSON stops in the middle, as a partly downloaded or copied file does.
    Truncated,
    /// The file is not JSON at all.
    NotJson { detail: String },
    /// JSON, but neither a Quotemark file nor Web Annotations.
    UnknownFormat { detail: String },
    /// A Quotemark file written by a newer version of the format than this build reads.
    NewerVersion { found: u64, supported: u64 },
    /// The right format, but its overall structure is broken (e.g. `annotations` is not a list).
    WrongShape { detail: String },
    /// The file was made on a different article (see [`import::ArticleMatch`]): refused unless
    /// the reader asks for it. `found` of its `total` annotations are in this article.
    DifferentArticle {
        title: Option<String>,
        found: usize,
        total: usize,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "The file is too large to import ({:.1} MiB; the limit is {} MiB).",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            ImportError::Empty => f.write_str("The file is empty."),
            ImportError::Truncated => f.write_str(
                "The file ends unexpectedly; it may be incomplete. Try exporting or downloading it again.",
            ),
            ImportError::NotJson { detail } => {
                write!(f, "The file is not JSON, so it cannot be imported ({detail}).")
            }
            ImportError::UnknownFormat { detail } => write!(
                f,
                "The file is JSON but not Quotemark annotations or W3C Web Annotations ({detail})."
            ),
            ImportError::NewerVersion { found, supported } => write!(
                f,
                "The file was written by a newer version of Quotemark (format version {found}; \
                 this version reads up to {supported}). Please update Quotemark to import it."
            ),
            ImportError::WrongShape { detail } => {
                write!(f, "The file is damaged or incomplete: {detail}.")
            }
            ImportError::DifferentArticle {
                title,
                found,
                total,
            } => {
                f.write_str("The file was made on a different article")?;
                if let Some(title) = title {
                    write!(f, " ({})", fields::excerpt(title))?;
                }
                write!(
                    f,
                    ": only {found} of its {total} annotations are in this one. Import it anyway only if you meant to."
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Which list in the file a skipped item came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Annotation,
    Speaker,
    Tombstone,
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemKind::Annotation => "annotation",
            ItemKind::Speaker => "speaker",
            ItemKind::Tombstone => "deleted-annotation record",
        })
    }
}

/// One item of a file that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedItem {
    pub item: ItemKind,
    /// Zero-based position in the file's list of that kind of item (for W3C files, across all
    /// pages in order).
    pub index: usize,
    /// A sentence for people, e.g. "the quote is empty".
    pub reason: String,
}

impl fmt::Display for SkippedItem {
    /// Numbers items from 1, as people count: "annotation 3: the quote is empty".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.item, self.index + 1, self.reason)
    }
}

/// A speaker as read from a file, before it is matched with the document's speakers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSpeaker {
    /// The id used in the file (native files); `None` for W3C files, which name speakers only.
    pub id: Option<String>,
    /// Trimmed, non-empty.
    pub name: String,
    pub aliases: Vec<String>,
    /// Palette index from a native file.
    pub colour: Option<u8>,
}

/// An annotation as read from a file: well-formed on its own, but not yet checked against the
/// article it is imported into.
#[derive(Clone, Debug, PartialEq)]
pub struct FileAnnotation {
    /// Zero-based position among the file's annotations (for reports).
    pub index: usize,
    /// The annotation's id in the file, when it had a usable one.
    pub id: Option<String>,
    pub kind: AnnotationKind,
    /// Quote non-empty; position (if any) has `start <= end`.
    pub selectors: Selectors,
    /// Index into [`ParsedFile::speakers`].
    pub speaker: Option<usize>,
    pub note: String,
    /// Milliseconds since the Unix epoch; `None` when the file did not say.
    pub created: Option<i64>,
    pub modified: Option<i64>,
    pub revision: u32,
    /// The id the annotation had where it came from: a native file's `sourceId`, or a W3C
    /// annotation's own IRI when Quotemark did not mint it (or its `via`).
    pub source_id: Option<String>,
}

/// A file read into a format-neutral shape; see [`import::import`] for what happens next.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedFile {
    pub format: FileFormat,
    /// The article the file was exported from, when the file says (native files).
    pub article: Option<ArticleMeta>,
    /// The exporting document's id counter (native files).
    pub next_id: Option<u64>,
    pub speakers: Vec<FileSpeaker>,
    pub annotations: Vec<FileAnnotation>,
    pub tombstones: Vec<Tombstone>,
    /// Items that were malformed on their own.
    pub skipped: Vec<SkippedItem>,
    /// Who made the file, when it says (native `annotator`, W3C `creator`): how a classroom
    /// comparison names each file. Trimmed, non-empty, at most [`MAX_NAME_CHARS`].
    pub annotator: Option<String>,
}

/// Reads an import file, detecting its format: an object with `"format": "quotemark"` is a
/// native file; an array, or an object whose `type` is `Annotation`, `AnnotationPage` or
/// `AnnotationCollection`, is W3C Web Annotation JSON-LD.
pub fn parse_file(file_text: &str) -> Result<ParsedFile, ImportError> {
    let value = parse_json(file_text)?;
    if is_native(&value) {
        native::parse_native_value(&value)
    } else {
        w3c::parse_w3c_value(&value)
    }
}

/// Size check, then JSON parsing with the failure classified for the reader.
pub(crate) fn parse_json(file_text: &str) -> Result<Value, ImportError> {
    if file_text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: file_text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    // A UTF-8 byte order mark is common in files saved by Windows editors.
    let trimmed = file_text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    serde_json::from_str(trimmed).map_err(|error| {
        if error.is_eof() {
            ImportError::Truncated
        } else {
            ImportError::NotJson {
                detail: format!("line {}, column {}", error.line(), error.column()),
            }
        }
    })
}

/// A file's annotator name as kept: whitespace collapsed, empty refused, and cut to
/// [`MAX_NAME_CHARS`] so a hostile file can't make a name that floods the view.
pub(crate) fn clean_annotator(name: &str) -> Option<String> {
    let collapsed = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then(|| collapsed.chars().take(MAX_NAME_CHARS).collect())
}

pub(crate) fn is_native(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|object| object.contains_key("format"))
}
