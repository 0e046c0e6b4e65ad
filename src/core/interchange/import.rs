//! Import: turns a native or W3C file into the complete new content of the document, merged
//! with or replacing the current content, plus a report of what happened to every item.
//!
//! The function is pure: the current document is only read, and a file that cannot be used at
//! all returns an [`ImportError`] and changes nothing. The caller applies the outcome as one
//! undoable action.
//!
//! The file is a little over 600 lines because the steps of one import (matching speakers,
//! placing annotations, recording what was replaced, counting it all for the report) feed each
//! other and are read together.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::fields::{self, excerpt};
use super::{
    parse_file, ArticleMeta, FileAnnotation, FileFormat, ImportError, ItemKind, ParsedFile,
    SkippedItem,
};
use crate::core::anchoring::AnchorStatus;
use crate::core::anchoring::Selectors;
use crate::core::article::content_hash;
use crate::core::document::{
    Annotation, AnnotationId, AnnotationKind, Document, Speaker, SpeakerId, Tombstone,
};
use crate::core::palette::least_used_slot;
use crate::core::text::typography::name_key;
use crate::core::text::wording::plural;
use crate::core::text::CharRange;

/// How imported content combines with the document's current content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep everything, add what is new, drop exact duplicates, reuse matching speakers.
    Merge,
    /// The file's content becomes the document's content.
    Replace,
}

/// What an import did, for showing to the person who asked for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    pub format: FileFormat,
    /// Annotations imported.
    pub added: usize,
    /// Of those, how many could not be found in the article (kept for review as orphans).
    pub orphans: usize,
    /// Annotations left out because the same annotation is already there.
    pub duplicates: usize,
    /// Items left out because they were unusable, each with its reason.
    pub skipped: Vec<SkippedItem>,
    /// Speakers added to the document.
    pub speakers_added: usize,
    /// Speakers in the file that matched a speaker already present (by name or alias).
    pub speakers_mapped: usize,
    /// How the file's article relates to this one (see [`ArticleMatch`]).
    pub article_match: ArticleMatch,
    /// The title the file gives its article (native files), for telling the reader which
    /// article a refused file belongs to.
    pub file_title: Option<String>,
}

/// How the article a file was made on relates to the article being annotated. Telling an
/// edited version (re-anchor, as usual) from another article (refuse unless asked) is what
/// keeps a classmate's file for another story out of this one's *Who is quoted*.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleMatch {
    /// The file was made on exactly this text (its content hash matches).
    Same,
    /// Another version of this article: the file names the same host-given article id, or at
    /// least half of its annotations were found here. Positions were re-anchored.
    Edited,
    /// Most of the file's annotations are not in this article: it was made on another one.
    Different,
    /// Nothing to tell by: a file without annotations that does not name its article.
    Unknown,
}

impl ArticleMatch {
    /// The wire string used in the handle's report (`"same"`, `"edited"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleMatch::Same => "same",
            ArticleMatch::Edited => "edited",
            ArticleMatch::Different => "different",
            ArticleMatch::Unknown => "unknown",
        }
    }

    /// Decides from what the file says and how its annotations anchored here. A host-given id
    /// (not a content hash) is the host's word that two texts are one article; otherwise the
    /// quotes decide: an edited article keeps most of them, another article almost none.
    fn decide(
        file_article: Option<&ArticleMeta>,
        current: &Document,
        text_content: &str,
        found: usize,
        attempted: usize,
    ) -> Self {
        if let Some(article) = file_article {
            if article.content_hash == content_hash(text_content) {
                return ArticleMatch::Same;
            }
            let host_given = !article.id.is_empty() && article.id != article.content_hash;
            if host_given && article.id == current.article_id() {
                return ArticleMatch::Edited;
            }
        }
        match attempted {
            0 => ArticleMatch::Unknown,
            _ if found * 2 >= attempted => ArticleMatch::Edited,
            _ => ArticleMatch::Different,
        }
    }
}

/// Whether an import may bring in a file made on a different article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherArticle {
    /// Refuse it with [`ImportError::DifferentArticle`], changing nothing (the default).
    Refuse,
    /// The reader asked for it: import, and report what was found here.
    Allow,
}

impl fmt::Display for ImportReport {
    /// One or two sentences summarising the import, e.g. "Imported 3 annotations (1 not found
    /// in the article). 2 duplicates left out. 1 item skipped. 1 speaker added."
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Imported {}", plural(self.added, "annotation"))?;
        if self.orphans > 0 {
            write!(f, " ({} not found in the article)", self.orphans)?;
        }
        f.write_str(".")?;
        if self.duplicates > 0 {
            write!(f, " {} left out.", plural(self.duplicates, "duplicate"))?;
        }
        if !self.skipped.is_empty() {
            write!(
                f,
                " {} skipped.",
                plural(self.skipped.len(), "unusable item")
            )?;
        }
        if self.speakers_added > 0 {
            write!(f, " {} added.", plural(self.speakers_added, "speaker"))?;
        }
        if self.speakers_mapped > 0 {
            write!(
                f,
                " {} matched existing speakers.",
                plural(self.speakers_mapped, "speaker")
            )?;
        }
        match self.article_match {
            ArticleMatch::Edited => {
                f.write_str(" The file was made on another version of this article; positions were re-anchored.")?
            }
            ArticleMatch::Different => write!(
                f,
                " The file was made on a different article: {} of its annotations were found in this one.",
                self.added - self.orphans
            )?,
            ArticleMatch::Same | ArticleMatch::Unknown => {}
        }
        Ok(())
    }
}

/// The complete new content of the document after an import, and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOutcome {
    pub speakers: Vec<Speaker>,
    /// In article order (by range start, then end; orphans last).
    pub annotations: Vec<Annotation>,
    pub tombstones: Vec<Tombstone>,
    pub next_id: u64,
    pub report: ImportReport,
}

/// Imports `file_text` (native or W3C, detected) into a copy of `current`'s content.
///
/// `text_content` is the current article's text; `anchor` finds each imported annotation's
/// range and status from its selectors in that text; `now` (ms since the Unix epoch) stamps
/// items whose file gives no time and records deletions. See `docs/formats.md` for the rules.
pub fn import(
    current: &Document,
    text_content: &str,
    file_text: &str,
    mode: ImportMode,
    anchor: &dyn Fn(&Selectors) -> (Option<CharRange>, AnchorStatus),
    now: i64,
) -> Result<ImportOutcome, ImportError> {
    let parsed = parse_file(file_text)?;
    Ok(combine(current, text_content, parsed, mode, anchor, now))
}

/// The second half of [`import`], for callers that already hold a [`ParsedFile`] (for
/// example to preview it). Never fails: every problem left is per item.
pub fn combine(
    current: &Document,
    text_content: &str,
    parsed: ParsedFile,
    mode: ImportMode,
    anchor: &dyn Fn(&Selectors) -> (Option<CharRange>, AnchorStatus),
    now: i64,
) -> ImportOutcome {
    let merging = mode == ImportMode::Merge;
    let text_length = text_content.chars().count();
    let mut report = ImportReport {
        format: parsed.format,
        added: 0,
        orphans: 0,
        duplicates: 0,
        skipped: parsed.skipped.clone(),
        speakers_added: 0,
        speakers_mapped: 0,
        article_match: ArticleMatch::Unknown,
        file_title: parsed.article.as_ref().map(|article| article.title.clone()),
    };
    // Annotations of the file that were looked for here, and how many of those were found.
    let (mut attempted, mut found) = (0usize, 0usize);
    let mut ids = IdAllocator::new(current, &parsed, merging);

    // Speakers: match by name or alias, else add.
    let mut speakers: Vec<Speaker> = if merging {
        current.speakers().to_owned()
    } else {
        Vec::new()
    };
    let mut speaker_by_name: HashMap<String, SpeakerId> = HashMap::new();
    for speaker in &speakers {
        for name in names_of(&speaker.name, &speaker.aliases) {
            speaker_by_name
                .entry(name)
                .or_insert_with(|| speaker.id.clone());
        }
    }
    let mut file_speaker_ids: Vec<SpeakerId> = Vec::with_capacity(parsed.speakers.len());
    for file_speaker in &parsed.speakers {
        let names = names_of(&file_speaker.name, &file_speaker.aliases);
        if let Some(existing) = names.iter().find_map(|name| speaker_by_name.get(name)) {
            file_speaker_ids.push(existing.clone());
            report.speakers_mapped += 1;
            continue;
        }
        let id = ids.speaker_id(file_speaker.id.as_deref());
        // The file's colour only while no speaker here has it: two speakers of one article
        // must not look alike while the palette has free slots.
        let colour = file_speaker
            .colour
            .filter(|colour| speakers.iter().all(|speaker| speaker.colour != *colour))
            .unwrap_or_else(|| least_used_slot(speakers.iter().map(|speaker| speaker.colour)));
        for name in names {
            speaker_by_name.entry(name).or_insert_with(|| id.clone());
        }
        speakers.push(Speaker {
            id: id.clone(),
            name: file_speaker.name.clone(),
            aliases: file_speaker.aliases.clone(),
            colour,
            // Files carry no speaker creation time; 0 means "unknown" to the two-tab merge.
            created: 0,
            revision: 0,
        });
        file_speaker_ids.push(id);
        report.speakers_added += 1;
    }

    // Annotations: check against the article, anchor, drop duplicates, assign ids.
    let mut annotations: Vec<Annotation> = if merging {
        current.annotations().to_owned()
    } else {
        Vec::new()
    };
    let mut seen: HashSet<DuplicateKey> = annotations.iter().map(DuplicateKey::of).collect();
    let current_revisions: HashMap<&str, u32> = current
        .annotations()
        .iter()
        .map(|annotation| (annotation.id.0.as_str(), annotation.revision))
        .collect();
    let mut imported_ids: HashSet<String> = HashSet::new();
    for file_annotation in &parsed.annotations {
        let anchored = anchor_checked(file_annotation, text_length, anchor);
        let (range, status) = match anchored {
            Ok(anchored) => {
                attempted += 1;
                found += usize::from(anchored.0.is_some());
                anchored
            }
            Err(reason) => {
                report.skipped.push(SkippedItem {
                    item: ItemKind::Annotation,
                    index: file_annotation.index,
                    reason,
                });
                continue;
            }
        };
        let speaker = file_annotation
            .speaker
            .and_then(|position| file_speaker_ids.get(position).cloned());
        let mut annotation = Annotation {
            id: AnnotationId(String::new()),
            kind: file_annotation.kind,
            range,
            selectors: file_annotation.selectors.clone(),
            status,
            speaker,
            note: file_annotation.note.clone(),
            created: file_annotation.created.unwrap_or(now),
            modified: file_annotation.modified.unwrap_or(now),
            revision: file_annotation.revision,
            source_id: file_annotation.source_id.clone(),
        };
        if !seen.insert(DuplicateKey::of(&annotation)) {
            report.duplicates += 1;
            continue;
        }
        annotation.id = ids.annotation_id(file_annotation.id.as_deref());
        // Replacing an annotation with the same id is an edit of it: its revision must rise so
        // that another open tab's copy does not win a later merge.
        if let Some(previous) = current_revisions.get(annotation.id.0.as_str()) {
            annotation.revision = annotation.revision.max(previous.saturating_add(1));
        }
        if annotation.range.is_none() {
            report.orphans += 1;
        }
        imported_ids.insert(annotation.id.0.clone());
        annotations.push(annotation);
        report.added += 1;
    }
    report.article_match = ArticleMatch::decide(
        parsed.article.as_ref(),
        current,
        text_content,
        found,
        attempted,
    );
    annotations.sort_by_key(|annotation| match annotation.range {
        Some(range) => (false, range.start, range.end),
        None => (true, 0, 0),
    });

    let tombstones = if merging {
        // The file's deletion records name the file's ids, which may have been renumbered
        // here, so only the document's own records are kept.
        current.tombstones().to_owned()
    } else {
        replaced_tombstones(current, &parsed, &annotations, now)
    };

    let next_id = ids.next_id_after(&speakers, &annotations, &tombstones);
    ImportOutcome {
        speakers,
        annotations,
        tombstones,
        next_id,
        report,
    }
}

/// Validates an annotation's position against the text, then anchors it and checks the
/// anchoring's answer too.
fn anchor_checked(
    annotation: &FileAnnotation,
    text_length: usize,
    anchor: &dyn Fn(&Selectors) -> (Option<CharRange>, AnchorStatus),
) -> Result<(Option<CharRange>, AnchorStatus), String> {
    // A position past the end comes from a longer version of the article (a paragraph was
    // cut since): the quote may well still be here, so look for it by its text alone.
    let quote_only;
    let selectors = match annotation.selectors.position {
        Some(position) if position.end > text_length => {
            quote_only = Selectors {
                quote: annotation.selectors.quote.clone(),
                position: None,
            };
            &quote_only
        }
        _ => &annotation.selectors,
    };
    let (range, status) = anchor(selectors);
    match range {
        Some(range) if range.start > range.end || range.end > text_length => Err(format!(
            "it was anchored at an impossible position {}–{} (quote {})",
            range.start,
            range.end,
            excerpt(&annotation.selectors.quote.exact)
        )),
        Some(range) => Ok((Some(range), status)),
        None => Ok((None, AnchorStatus::Orphan)),
    }
}

/// Everything that makes two annotations the same for duplicate detection. The speaker is
/// compared by id after name mapping, so "same speaker name" includes aliases.
#[derive(Hash, PartialEq, Eq)]
struct DuplicateKey {
    quote: bool,
    exact: String,
    range: Option<CharRange>,
    speaker: Option<SpeakerId>,
    note: String,
}

impl DuplicateKey {
    fn of(annotation: &Annotation) -> Self {
        Self {
            quote: annotation.kind == AnnotationKind::Quote,
            exact: annotation.selectors.quote.exact.clone(),
            range: annotation.range,
            speaker: annotation.speaker.clone(),
            note: annotation.note.clone(),
        }
    }
}

/// A speaker's name and aliases in the form names are compared in.
fn names_of(name: &str, aliases: &[String]) -> Vec<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(name_key)
        .filter(|name| !name.is_empty())
        .collect()
}

/// Tombstones after a replace: the document's and the file's, plus one for every current
/// annotation that the replace removes (so another tab's copy cannot bring it back).
fn replaced_tombstones(
    current: &Document,
    parsed: &ParsedFile,
    annotations: &[Annotation],
    now: i64,
) -> Vec<Tombstone> {
    let live: HashSet<&str> = annotations
        .iter()
        .map(|annotation| annotation.id.0.as_str())
        .collect();
    let mut tombstones: Vec<Tombstone> = Vec::new();
    let mut position_by_id: HashMap<String, usize> = HashMap::new();
    let removed = current
        .annotations()
        .iter()
        .filter(|annotation| !live.contains(annotation.id.0.as_str()))
        .map(|annotation| Tombstone {
            id: annotation.id.clone(),
            revision: annotation.revision,
            deleted: now,
            created: annotation.created,
        });
    let candidates = current
        .tombstones()
        .iter()
        .cloned()
        .chain(parsed.tombstones.iter().cloned())
        .chain(removed);
    for tombstone in candidates {
        if live.contains(tombstone.id.0.as_str()) {
            continue;
        }
        match position_by_id.get(&tombstone.id.0) {
            // Keep the record with the highest revision for an id.
            Some(&position) => {
                if tombstone.revision > tombstones[position].revision {
                    tombstones[position] = tombstone;
                }
            }
            None => {
                position_by_id.insert(tombstone.id.0.clone(), tombstones.len());
                tombstones.push(tombstone);
            }
        }
    }
    tombstones
}

/// Hands out ids: the file's own when usable and free, else fresh ones numbered from a counter
/// that starts above every number already in use.
struct IdAllocator {
    counter: u64,
    taken_annotations: HashSet<String>,
    taken_speakers: HashSet<String>,
}

impl IdAllocator {
    fn new(current: &Document, parsed: &ParsedFile, merging: bool) -> Self {
        // Ids of deleted annotations are never reused; when merging, live ids are taken too.
        let mut taken_annotations: HashSet<String> = current
            .tombstones()
            .iter()
            .map(|tombstone| tombstone.id.0.clone())
            .collect();
        let mut taken_speakers = HashSet::new();
        if merging {
            taken_annotations.extend(current.annotations().iter().map(|a| a.id.0.clone()));
            taken_speakers.extend(current.speakers().iter().map(|s| s.id.0.clone()));
        }
        let numbers_in_use = current
            .annotations()
            .iter()
            .map(|a| a.id.0.as_str())
            .chain(current.speakers().iter().map(|s| s.id.0.as_str()))
            .chain(current.tombstones().iter().map(|t| t.id.0.as_str()))
            .chain(parsed.annotations.iter().filter_map(|a| a.id.as_deref()))
            .chain(parsed.speakers.iter().filter_map(|s| s.id.as_deref()))
            .chain(parsed.tombstones.iter().map(|t| t.id.0.as_str()))
            .filter_map(usable_id_number);
        let mut counter = current.next_id().max(1);
        if !merging {
            counter = counter.max(parsed.next_id.unwrap_or(0));
        }
        for number in numbers_in_use {
            counter = counter.max(number + 1);
        }
        Self {
            counter,
            taken_annotations,
            taken_speakers,
        }
    }

    fn annotation_id(&mut self, wanted: Option<&str>) -> AnnotationId {
        AnnotationId(Self::allocate(
            &mut self.counter,
            &mut self.taken_annotations,
            'a',
            wanted,
        ))
    }

    fn speaker_id(&mut self, wanted: Option<&str>) -> SpeakerId {
        SpeakerId(Self::allocate(
            &mut self.counter,
            &mut self.taken_speakers,
            's',
            wanted,
        ))
    }

    fn allocate(
        counter: &mut u64,
        taken: &mut HashSet<String>,
        prefix: char,
        wanted: Option<&str>,
    ) -> String {
        if let Some(wanted) = wanted.filter(|id| fields::is_usable_id(id)) {
            if taken.insert(wanted.to_string()) {
                return wanted.to_string();
            }
        }
        loop {
            let candidate = format!("{prefix}{}", *counter);
            *counter += 1;
            if taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// The document's counter after the import: above every id number now in the document.
    fn next_id_after(
        &self,
        speakers: &[Speaker],
        annotations: &[Annotation],
        tombstones: &[Tombstone],
    ) -> u64 {
        speakers
            .iter()
            .map(|s| s.id.0.as_str())
            .chain(annotations.iter().map(|a| a.id.0.as_str()))
            .chain(tombstones.iter().map(|t| t.id.0.as_str()))
            .filter_map(usable_id_number)
            .map(|number| number + 1)
            .fold(self.counter, u64::max)
    }
}

/// The number in an id like `a12`, when it is within the range ids may use.
fn usable_id_number(id: &str) -> Option<u64> {
    fields::id_number(id).filter(|number| *number <= fields::MAX_ID_NUMBER)
}

/// Imports `file_text` into `current` for the article whose text content is `text_content`,
/// re-anchoring every annotation with [`crate::core::anchoring`], and returns the one undoable
/// action that applies the result, with the report. Nothing changes until the caller applies
/// the action; an unusable file is an error and changes nothing, and so is a file made on a
/// different article unless `other_article` allows it.
pub fn import_action(
    current: &Document,
    text_content: &str,
    file_text: &str,
    mode: ImportMode,
    other_article: OtherArticle,
    now: i64,
) -> Result<(crate::core::document::Action, ImportReport), ImportError> {
    let parsed = parse_file(file_text)?;
    import_parsed_action(current, text_content, parsed, mode, other_article, now)
}

/// The second half of [`import_action`], for callers that already hold the [`ParsedFile`]
/// (a classroom comparison reads the file's annotator name from it first).
pub fn import_parsed_action(
    current: &Document,
    text_content: &str,
    parsed: ParsedFile,
    mode: ImportMode,
    other_article: OtherArticle,
    now: i64,
) -> Result<(crate::core::document::Action, ImportReport), ImportError> {
    let anchorer = crate::core::anchoring::Anchorer::new(text_content);
    let anchor = |selectors: &Selectors| {
        let found = anchorer.reanchor(selectors);
        (found.range, found.status)
    };
    let outcome = combine(current, text_content, parsed, mode, &anchor, now);
    let report = &outcome.report;
    if report.article_match == ArticleMatch::Different && other_article == OtherArticle::Refuse {
        return Err(ImportError::DifferentArticle {
            title: report
                .file_title
                .clone()
                .filter(|title| !title.trim().is_empty()),
            found: report.added - report.orphans,
            total: report.added,
        });
    }
    let action = crate::core::document::Action::ReplaceContent {
        speakers: outcome.speakers,
        annotations: outcome.annotations,
        tombstones: outcome.tombstones,
        next_id: outcome.next_id,
    };
    Ok((action, outcome.report))
}
