//! The annotation document: speakers, annotations and notes for one article, changed only
//! through [`Action`]s applied by [`Document::apply`], with undo and redo kept in the document.
//!
//! Time and new ids enter as data: the caller passes `now` (milliseconds since the Unix epoch)
//! and ids come from a counter stored in the document, so the core stays deterministic.
//!
//! # Revisions, tombstones and identity
//!
//! Two browser tabs can edit the same document; [`Document::merge_from`] reconciles them. For
//! that every annotation and speaker carries a `revision` that grows on every change made to it
//! (including undo and redo, which are changes too), and deletions leave tombstones. Ids are
//! allocated per tab, so two tabs can make different annotations with the same id; the
//! immutable `created` time tells such independent twins apart from two versions of one
//! annotation.

mod action;
mod annotations;
mod history;
mod merge;
mod replace;
mod speakers;
mod summary;

#[cfg(test)]
mod tests;

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::core::anchoring::{AnchorStatus, Selectors};
use crate::core::text::typography::{clean_name, name_key};
use crate::core::text::CharRange;

pub use action::{Action, ActionError, AnnotationChanges, Applied, NewAnnotation};
pub use history::History;
pub use summary::{count_words, quotes_by_speaker, who_is_quoted, SpeakerSummary};

/// Identifies a speaker within one document ("s1", "s2", ...).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpeakerId(pub String);

/// Identifies an annotation within one document ("a1", "a2", ...).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

impl std::fmt::Display for SpeakerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

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
    /// When the speaker was added, milliseconds since the Unix epoch. Never changes; tells two
    /// speakers that two tabs independently gave the same id apart.
    #[serde(default)]
    pub created: i64,
    /// Incremented on every change; used to merge concurrent edits from two tabs.
    #[serde(default)]
    pub revision: u32,
}

impl Speaker {
    /// A speaker at revision 0 created at time 0 (for imports and tests).
    pub fn new(id: SpeakerId, name: impl Into<String>, colour: u8) -> Self {
        Self {
            id,
            name: name.into(),
            aliases: Vec::new(),
            colour,
            created: 0,
            revision: 0,
        }
    }

    /// True when `name` is this speaker's name or one of its aliases, ignoring case and
    /// differences in whitespace.
    pub fn answers_to(&self, name: &str) -> bool {
        let wanted = name_key(name);
        name_key(&self.name) == wanted || self.aliases.iter().any(|alias| name_key(alias) == wanted)
    }
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

impl AnnotationKind {
    /// The kind as spelled in files, in the host API and in the panel's filter (the same as
    /// its serde name, so saved documents and exports agree).
    pub fn wire_name(self) -> &'static str {
        match self {
            AnnotationKind::Quote => "quote",
            AnnotationKind::Highlight => "highlight",
        }
    }

    /// The kind spelled `name` by [`Self::wire_name`], if any.
    pub fn from_wire_name(name: &str) -> Option<Self> {
        [AnnotationKind::Quote, AnnotationKind::Highlight]
            .into_iter()
            .find(|kind| kind.wire_name() == name)
    }
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
    /// The id the annotation had where it came from (a host's record, a W3C server's IRI),
    /// kept so the host can map it back; `None` for annotations made here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
}

impl Annotation {
    /// Equal in everything the user can see or edit: all fields except `revision` and
    /// `modified`.
    pub fn same_content(&self, other: &Annotation) -> bool {
        self.id == other.id
            && self.kind == other.kind
            && self.range == other.range
            && self.selectors == other.selectors
            && self.status == other.status
            && self.speaker == other.speaker
            && self.note == other.note
            && self.created == other.created
            && self.source_id == other.source_id
    }
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
    /// The deleted annotation's `created`, so that a different annotation another tab made
    /// with the same id is not deleted by this tombstone. 0 when unknown (matches any).
    #[serde(default)]
    pub created: i64,
}

/// A deleted or merged-away speaker, remembered so that a merge with another tab neither
/// brings it back nor loses the attribution of quotes that tab made to it meanwhile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerTombstone {
    pub id: SpeakerId,
    /// The speaker's revision when it was removed.
    pub revision: u32,
    /// When it was removed, milliseconds since the Unix epoch.
    pub deleted: i64,
    /// The removed speaker's `created` (0 when unknown: matches any).
    #[serde(default)]
    pub created: i64,
    /// Set when the speaker was merged into another: quotes attributed to it go there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<SpeakerId>,
}

/// Everything annotated on one article.
///
/// Equality compares the content only, never the undo history.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Document {
    /// The host-given article id, else the article's content hash.
    article_id: String,
    speakers: Vec<Speaker>,
    /// Kept in article order (by range start, then end; orphans last); see [`article_order`].
    annotations: Vec<Annotation>,
    #[serde(default)]
    tombstones: Vec<Tombstone>,
    /// The next number used for a new id; ids are never reused within a document.
    next_id: u64,
    #[serde(default)]
    speaker_tombstones: Vec<SpeakerTombstone>,
    /// Undo and redo for this session only: never saved, never merged.
    #[serde(skip)]
    history: History,
}

/// A document's content as plain data: what a file or a stored value describes, before it is
/// checked and becomes a [`Document`] through [`Document::from_parts`].
#[derive(Clone, Debug, Default)]
pub struct DocumentParts {
    pub article_id: String,
    pub speakers: Vec<Speaker>,
    /// In any order: the document sorts them.
    pub annotations: Vec<Annotation>,
    pub tombstones: Vec<Tombstone>,
    pub speaker_tombstones: Vec<SpeakerTombstone>,
    /// The next number for a new id (numbers already in use are skipped).
    pub next_id: u64,
}

impl PartialEq for Document {
    fn eq(&self, other: &Self) -> bool {
        self.article_id == other.article_id
            && self.speakers == other.speakers
            && self.annotations == other.annotations
            && self.tombstones == other.tombstones
            && self.next_id == other.next_id
            && self.speaker_tombstones == other.speaker_tombstones
    }
}

/// The order annotations are kept in: by range start, then end (orphans last), then id so the
/// order is total and the same in every tab.
pub fn article_order(a: &Annotation, b: &Annotation) -> Ordering {
    order_key(a).cmp(&order_key(b))
}

fn order_key(annotation: &Annotation) -> (bool, usize, usize, &str) {
    match annotation.range {
        Some(range) => (false, range.start, range.end, annotation.id.0.as_str()),
        None => (true, 0, 0, annotation.id.0.as_str()),
    }
}

/// The number in an id such as "a12" or "s3", if it has that form.
fn id_number(id: &str) -> Option<u64> {
    let digits = id.get(1..)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

impl Document {
    /// Places every annotation where `locate` finds its selectors now (the article's text
    /// changed since they were captured), then restores article order. A status the reader
    /// reviewed stays when the annotation is still where it was, anchored.
    pub fn reanchor_with(
        &mut self,
        mut locate: impl FnMut(&Selectors) -> (Option<CharRange>, AnchorStatus),
    ) {
        for annotation in &mut self.annotations {
            let (range, status) = locate(&annotation.selectors);
            let unchanged = range == annotation.range && status == AnchorStatus::Anchored;
            if !unchanged {
                annotation.range = range;
                annotation.status = status;
            }
        }
        self.annotations.sort_by(article_order);
    }

    /// An empty document for the given article id.
    pub fn new(article_id: impl Into<String>) -> Self {
        Self {
            article_id: article_id.into(),
            next_id: 1,
            ..Self::default()
        }
    }

    /// A document with this content and no history, if the content keeps the document's rules
    /// (see [`Self::check_invariants`]); annotations are put in article order first.
    pub fn from_parts(parts: DocumentParts) -> Result<Self, String> {
        let mut document = Self {
            article_id: parts.article_id,
            speakers: parts.speakers,
            annotations: parts.annotations,
            tombstones: parts.tombstones,
            next_id: parts.next_id,
            speaker_tombstones: parts.speaker_tombstones,
            history: History::default(),
        };
        document.annotations.sort_by(article_order);
        document.check_invariants()?;
        Ok(document)
    }

    /// The content as plain data (the history is dropped).
    pub fn into_parts(self) -> DocumentParts {
        DocumentParts {
            article_id: self.article_id,
            speakers: self.speakers,
            annotations: self.annotations,
            tombstones: self.tombstones,
            speaker_tombstones: self.speaker_tombstones,
            next_id: self.next_id,
        }
    }

    /// The host-given article id, else the article's content hash.
    pub fn article_id(&self) -> &str {
        &self.article_id
    }

    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    /// Every annotation, in article order (orphans last).
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// Deleted annotations, remembered for merging.
    pub fn tombstones(&self) -> &[Tombstone] {
        &self.tombstones
    }

    /// Deleted or merged-away speakers, remembered for merging.
    pub fn speaker_tombstones(&self) -> &[SpeakerTombstone] {
        &self.speaker_tombstones
    }

    /// The number the next new id will use.
    pub fn next_id(&self) -> u64 {
        self.next_id
    }

    /// The session's undo and redo stacks.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Makes the current content the starting point: nothing before it can be undone (a
    /// host's predefined speakers and starting file are not the reader's changes).
    pub fn forget_history(&mut self) {
        self.history = History::default();
    }

    pub fn annotation(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| &a.id == id)
    }

    pub fn speaker(&self, id: &SpeakerId) -> Option<&Speaker> {
        self.speakers.iter().find(|s| &s.id == id)
    }

    /// The speaker whose name or alias is `name` (ignoring case and whitespace differences).
    pub fn speaker_named(&self, name: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.answers_to(name))
    }

    /// A speaker's display name, or "unknown speaker".
    pub fn speaker_label(&self, id: Option<&SpeakerId>) -> String {
        id.and_then(|id| self.speaker(id))
            .map_or_else(|| "unknown speaker".to_owned(), |s| s.name.clone())
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Verifies the document's own rules: unique ids, article order, speakers referenced
    /// exist. Returns a description of the first violation.
    pub fn check_invariants(&self) -> Result<(), String> {
        let mut ids = std::collections::HashSet::new();
        for annotation in &self.annotations {
            if !ids.insert(&annotation.id) {
                return Err(format!("annotation id {} appears twice", annotation.id));
            }
            if let Some(speaker) = &annotation.speaker {
                if self.speaker(speaker).is_none() {
                    return Err(format!(
                        "annotation {} refers to missing speaker {speaker}",
                        annotation.id
                    ));
                }
            }
        }
        if let Some(pair) = self
            .annotations
            .windows(2)
            .find(|pair| article_order(&pair[0], &pair[1]) != Ordering::Less)
        {
            return Err(format!("{} is not before {}", pair[0].id, pair[1].id));
        }
        let mut speaker_ids = std::collections::HashSet::new();
        for speaker in &self.speakers {
            if !speaker_ids.insert(&speaker.id) {
                return Err(format!("speaker id {} appears twice", speaker.id));
            }
        }
        if let Some(tombstone) = self.tombstones.iter().find(|t| ids.contains(&t.id)) {
            return Err(format!("{} is both live and deleted", tombstone.id));
        }
        Ok(())
    }

    pub(crate) fn annotation_index(&self, id: &AnnotationId) -> Option<usize> {
        self.annotations.iter().position(|a| &a.id == id)
    }

    pub(crate) fn speaker_index(&self, id: &SpeakerId) -> Option<usize> {
        self.speakers.iter().position(|s| &s.id == id)
    }

    /// Inserts keeping article order: a binary search and one memmove, no re-sort.
    pub(crate) fn insert_in_order(&mut self, annotation: Annotation) {
        let at = self
            .annotations
            .partition_point(|existing| article_order(existing, &annotation) == Ordering::Less);
        self.annotations.insert(at, annotation);
    }

    /// A fresh id "{prefix}{n}" from the counter, skipping any number already taken (a
    /// document loaded with a stale counter must still never reuse an id).
    pub(crate) fn allocate_id(&mut self, prefix: char) -> String {
        self.next_id = self.next_id.max(1);
        loop {
            let candidate = format!("{prefix}{}", self.next_id);
            self.next_id += 1;
            let taken = self.annotations.iter().any(|a| a.id.0 == candidate)
                || self.tombstones.iter().any(|t| t.id.0 == candidate)
                || self.speakers.iter().any(|s| s.id.0 == candidate)
                || self.speaker_tombstones.iter().any(|t| t.id.0 == candidate);
            if !taken {
                return candidate;
            }
        }
    }

    /// The smallest counter value that cannot collide with any id in the document.
    pub(crate) fn counter_floor(&self) -> u64 {
        let numbers = self
            .annotations
            .iter()
            .map(|a| a.id.0.as_str())
            .chain(self.tombstones.iter().map(|t| t.id.0.as_str()))
            .chain(self.speakers.iter().map(|s| s.id.0.as_str()))
            .chain(self.speaker_tombstones.iter().map(|t| t.id.0.as_str()))
            .filter_map(id_number);
        numbers.max().map_or(1, |n| n.saturating_add(1))
    }

    /// Follows merged-away speakers to the speaker that now holds their quotes; `None` when
    /// the speaker was deleted (or never existed).
    pub(crate) fn resolve_speaker(&self, id: &SpeakerId) -> Option<SpeakerId> {
        let mut current = id.clone();
        // Bounded walk: a cycle in hand-edited data must not hang the tab.
        for _ in 0..=self.speaker_tombstones.len() {
            if self.speaker(&current).is_some() {
                return Some(current);
            }
            let tombstone = self.speaker_tombstones.iter().find(|t| t.id == current)?;
            current = tombstone.merged_into.clone()?;
        }
        None
    }
}
