//! Every change to a document, as one closed [`Action`] enum, and the one function that applies
//! it: [`Document::apply`]. A failed action changes nothing (it is validated before anything
//! is touched) and records no history. The actions are carried out in the sibling modules
//! `annotations`, `speakers` and `replace`; undo and redo in `history`.

use std::collections::HashSet;

use super::history::{Direction, Restored};
use super::{Annotation, AnnotationId, AnnotationKind, Document, Speaker, SpeakerId, Tombstone};
use crate::core::anchoring::AnchorStatus;
use crate::core::anchoring::Selectors;
use crate::core::palette::PALETTE;
use crate::core::text::CharRange;

/// A change a user (or an import) makes to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A new annotation. The caller has already trimmed/snapped `range` and captured
    /// `selectors`; the id comes from the document's counter.
    CreateAnnotation {
        kind: AnnotationKind,
        range: CharRange,
        selectors: Selectors,
        speaker: Option<SpeakerId>,
        note: String,
    },
    /// A new annotation whose speaker is given by name (see [`NewAnnotation`]): the reader's
    /// quote with a typed name, a host's `add()`. One undo step, a new speaker included.
    AddAnnotation(NewAnnotation),
    /// Several changes to one annotation as one undo step (a host's `update()`).
    UpdateAnnotation {
        id: AnnotationId,
        changes: AnnotationChanges,
    },
    SetNote {
        id: AnnotationId,
        note: String,
    },
    /// `speaker: None` means "unknown speaker".
    SetSpeaker {
        id: AnnotationId,
        speaker: Option<SpeakerId>,
    },
    SetKind {
        id: AnnotationId,
        kind: AnnotationKind,
    },
    /// The user re-selected the annotation's text; it is anchored there from now on.
    SetRange {
        id: AnnotationId,
        range: CharRange,
        selectors: Selectors,
    },
    /// Removes the annotation, leaving a [`Tombstone`].
    DeleteAnnotation {
        id: AnnotationId,
    },
    /// A reviewed moved/fuzzy annotation is accepted where it is now; `selectors` are those
    /// the caller re-captured at its current range.
    AcceptAnchor {
        id: AnnotationId,
        selectors: Selectors,
    },
    AddSpeaker {
        name: String,
    },
    RenameSpeaker {
        id: SpeakerId,
        name: String,
    },
    /// `from`'s name and aliases become aliases of `into`, its quotes move to `into`, and
    /// `from` is removed.
    MergeSpeakers {
        from: SpeakerId,
        into: SpeakerId,
    },
    /// Removes the speaker; its quotes become unattributed (they are not deleted).
    DeleteSpeaker {
        id: SpeakerId,
    },
    SetSpeakerColour {
        id: SpeakerId,
        colour: u8,
    },
    /// Replaces the whole content (an import, replacing or merged). Undoable. Annotations and
    /// speakers that disappear get tombstones so other tabs drop them too; entries that
    /// differ from the current ones get a revision above the current one so they win merges.
    ReplaceContent {
        speakers: Vec<Speaker>,
        annotations: Vec<Annotation>,
        tombstones: Vec<Tombstone>,
        next_id: u64,
    },
    Undo,
    Redo,
}

/// What an applied action changed, so the UI re-renders only what it must and can tell a
/// screen-reader user what happened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// Annotations added, changed or removed.
    pub annotations: Vec<AnnotationId>,
    /// Speakers added, changed or removed.
    pub speakers: Vec<SpeakerId>,
    /// Text whose rendering may have changed: old and new ranges of the changed annotations,
    /// and the ranges of quotes of changed speakers (their colour or initials changed).
    pub ranges: Vec<CharRange>,
    /// The id given to a new annotation.
    pub new_annotation: Option<AnnotationId>,
    /// The id given to a new speaker.
    pub new_speaker: Option<SpeakerId>,
    /// One short sentence for a live region, e.g. "Quote by Sarah Sanders added".
    pub message: String,
}

impl Applied {
    /// True when nothing changed (e.g. a note set to the text it already had).
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.speakers.is_empty()
    }

    pub fn speakers_changed(&self) -> bool {
        !self.speakers.is_empty()
    }

    pub(super) fn unchanged() -> Self {
        Self {
            message: "No change".to_owned(),
            ..Self::default()
        }
    }
}

/// A new annotation as the reader or a host describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct NewAnnotation {
    pub kind: AnnotationKind,
    /// Where it is in the article now.
    pub range: CharRange,
    pub selectors: Selectors,
    /// How it was found there: `Anchored` for a passage the reader selected; what anchoring
    /// found for one a host describes by its quote.
    pub status: AnchorStatus,
    /// As typed: an existing speaker's name or alias, else a new speaker; empty for an
    /// unknown speaker. Ignored for highlights.
    pub speaker: String,
    pub note: String,
    /// The id it has where it came from (a host's record), kept for mapping back.
    pub source_id: Option<String>,
}

impl NewAnnotation {
    /// The reader's own quote or highlight at `range`, as selected.
    pub fn selected(
        kind: AnnotationKind,
        range: CharRange,
        selectors: Selectors,
        speaker: String,
        note: String,
    ) -> Self {
        Self {
            kind,
            range,
            selectors,
            status: AnchorStatus::Anchored,
            speaker,
            note,
            source_id: None,
        }
    }
}

/// Changes to one annotation; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotationChanges {
    pub note: Option<String>,
    /// By name, as in [`NewAnnotation::speaker`]; `Some("")` for an unknown speaker.
    pub speaker: Option<String>,
    pub kind: Option<AnnotationKind>,
    /// A new place, with the selectors captured there.
    pub place: Option<(CharRange, Selectors)>,
}

/// Why an action was refused. The document is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum ActionError {
    UnknownAnnotation(AnnotationId),
    UnknownSpeaker(SpeakerId),
    /// The range selects no text, or ends before it starts.
    EmptyRange(CharRange),
    EmptySpeakerName,
    /// Another speaker already has this name or alias.
    SpeakerExists(SpeakerId),
    MergeIntoSelf(SpeakerId),
    /// An orphan has no current range to accept.
    CannotAcceptOrphan(AnnotationId),
    UnknownColour(u8),
    /// Content given to `ReplaceContent` breaks the document's rules.
    InvalidContent(String),
    NothingToUndo,
    NothingToRedo,
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownAnnotation(id) => write!(f, "there is no annotation {id}"),
            Self::UnknownSpeaker(id) => write!(f, "there is no speaker {id}"),
            Self::EmptyRange(range) => write!(
                f,
                "the selection {}..{} contains no text",
                range.start, range.end
            ),
            Self::EmptySpeakerName => f.write_str("a speaker's name cannot be empty"),
            Self::SpeakerExists(id) => write!(f, "speaker {id} already has that name"),
            Self::MergeIntoSelf(id) => write!(f, "speaker {id} cannot be merged into itself"),
            Self::CannotAcceptOrphan(id) => write!(
                f,
                "annotation {id} was not found in the article, so there is no position to accept"
            ),
            Self::UnknownColour(colour) => write!(
                f,
                "colour {colour} is not in the palette (0 to {})",
                PALETTE.len() - 1
            ),
            Self::InvalidContent(why) => write!(f, "the imported content is invalid: {why}"),
            Self::NothingToUndo => f.write_str("there is nothing to undo"),
            Self::NothingToRedo => f.write_str("there is nothing to redo"),
        }
    }
}

impl std::error::Error for ActionError {}

pub(super) fn kind_word(kind: AnnotationKind) -> &'static str {
    match kind {
        AnnotationKind::Quote => "Quote",
        AnnotationKind::Highlight => "Highlight",
    }
}

/// A range that selects at least one code point.
pub(super) fn check_range(range: CharRange) -> Result<CharRange, ActionError> {
    if range.start < range.end {
        Ok(range)
    } else {
        Err(ActionError::EmptyRange(range))
    }
}

impl Document {
    /// Applies one action at time `now` (milliseconds since the Unix epoch). On error nothing
    /// changed. Every change except `Undo`/`Redo` becomes one undo step and clears redo;
    /// actions that would change nothing succeed with an empty [`Applied`] and record nothing.
    pub fn apply(&mut self, action: Action, now: i64) -> Result<Applied, ActionError> {
        match action {
            Action::CreateAnnotation {
                kind,
                range,
                selectors,
                speaker,
                note,
            } => self.create_annotation(kind, range, selectors, speaker, note, now),
            Action::AddAnnotation(new) => self.add_annotation(new, now),
            Action::UpdateAnnotation { id, changes } => self.update_annotation(&id, changes, now),
            Action::SetNote { id, note } => {
                self.edit_annotation(&id, now, "Note updated".to_owned(), |a| {
                    if a.note == note {
                        return false;
                    }
                    a.note = note;
                    true
                })
            }
            Action::SetSpeaker { id, speaker } => {
                if let Some(speaker) = &speaker {
                    self.require_speaker(speaker)?;
                }
                let message = format!("Speaker set to {}", self.speaker_label(speaker.as_ref()));
                self.edit_annotation(&id, now, message, |a| {
                    if a.speaker == speaker {
                        return false;
                    }
                    a.speaker = speaker;
                    true
                })
            }
            Action::SetKind { id, kind } => {
                let message = format!("Changed to {}", kind_word(kind).to_lowercase());
                self.edit_annotation(&id, now, message, |a| {
                    if a.kind == kind {
                        return false;
                    }
                    a.kind = kind;
                    true
                })
            }
            Action::SetRange {
                id,
                range,
                selectors,
            } => {
                let range = check_range(range)?;
                self.edit_annotation(&id, now, "Range updated".to_owned(), |a| {
                    if a.range == Some(range)
                        && a.selectors == selectors
                        && a.status == AnchorStatus::Anchored
                    {
                        return false;
                    }
                    a.range = Some(range);
                    a.selectors = selectors;
                    a.status = AnchorStatus::Anchored;
                    true
                })
            }
            Action::AcceptAnchor { id, selectors } => {
                let annotation = self.require_annotation(&id)?;
                if annotation.range.is_none() {
                    return Err(ActionError::CannotAcceptOrphan(id));
                }
                self.edit_annotation(&id, now, "Position accepted".to_owned(), |a| {
                    if a.status == AnchorStatus::Anchored && a.selectors == selectors {
                        return false;
                    }
                    a.status = AnchorStatus::Anchored;
                    a.selectors = selectors;
                    true
                })
            }
            Action::DeleteAnnotation { id } => self.delete_annotation(&id, now),
            Action::AddSpeaker { name } => self.add_speaker(&name, now),
            Action::RenameSpeaker { id, name } => self.rename_speaker(&id, &name),
            Action::MergeSpeakers { from, into } => self.merge_speakers(&from, &into, now),
            Action::DeleteSpeaker { id } => self.delete_speaker(&id, now),
            Action::SetSpeakerColour { id, colour } => self.set_speaker_colour(&id, colour),
            Action::ReplaceContent {
                speakers,
                annotations,
                tombstones,
                next_id,
            } => self.replace_content(speakers, annotations, tombstones, next_id, now),
            Action::Undo => {
                let restored = self
                    .travel(Direction::Undo, now)
                    .ok_or(ActionError::NothingToUndo)?;
                Ok(self.after_travel(restored, "Undone", now))
            }
            Action::Redo => {
                let restored = self
                    .travel(Direction::Redo, now)
                    .ok_or(ActionError::NothingToRedo)?;
                Ok(self.after_travel(restored, "Redone", now))
            }
        }
    }

    pub(super) fn require_annotation(&self, id: &AnnotationId) -> Result<&Annotation, ActionError> {
        self.annotation(id)
            .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))
    }

    pub(super) fn require_speaker(&self, id: &SpeakerId) -> Result<&Speaker, ActionError> {
        self.speaker(id)
            .ok_or_else(|| ActionError::UnknownSpeaker(id.clone()))
    }

    /// Records `before` as an undo step and describes the change.
    pub(super) fn commit(
        &mut self,
        before: super::history::Patch,
        message: String,
        extra_ranges: Vec<CharRange>,
    ) -> Applied {
        let mut ranges = extra_ranges;
        let annotations: Vec<AnnotationId> =
            before.annotations.iter().map(|b| b.id.clone()).collect();
        let speakers: Vec<SpeakerId> = before.speakers.iter().map(|b| b.id.clone()).collect();
        ranges.extend(
            before
                .annotations
                .iter()
                .filter_map(|b| b.annotation.as_ref().and_then(|a| a.range)),
        );
        let wanted: HashSet<&AnnotationId> = annotations.iter().collect();
        ranges.extend(
            self.annotations
                .iter()
                .filter(|a| wanted.contains(&a.id))
                .filter_map(|a| a.range),
        );
        ranges.extend(self.quote_ranges_of(&speakers));
        self.history.record(message.clone(), before);
        Applied {
            annotations,
            speakers,
            ranges,
            message,
            ..Applied::default()
        }
    }

    pub(super) fn quote_ranges_of<'a>(
        &'a self,
        speakers: &'a [SpeakerId],
    ) -> impl Iterator<Item = CharRange> + 'a {
        self.annotations
            .iter()
            .filter(move |a| a.speaker.as_ref().is_some_and(|s| speakers.contains(s)))
            .filter_map(|a| a.range)
    }

    pub(super) fn after_travel(&mut self, restored: Restored, verb: &str, now: i64) -> Applied {
        let mut annotations = restored.annotations;
        let mut ranges = restored.ranges;
        // Another tab may have used a speaker this step removes; its quotes must not point
        // at nothing.
        for (id, range) in self.repair_speaker_references(Some(now)) {
            ranges.extend(range);
            annotations.push(id);
        }
        ranges.extend(self.quote_ranges_of(&restored.speakers));
        Applied {
            annotations,
            speakers: restored.speakers,
            ranges,
            message: format!("{verb}: {}", restored.description),
            ..Applied::default()
        }
    }

    /// Points quotes of removed speakers at the speaker they were merged into, or at nobody.
    /// With `bump_at`, each repaired annotation counts as changed at that time.
    pub(super) fn repair_speaker_references(
        &mut self,
        bump_at: Option<i64>,
    ) -> Vec<(AnnotationId, Option<CharRange>)> {
        let live: HashSet<SpeakerId> = self.speakers.iter().map(|s| s.id.clone()).collect();
        let dangling: Vec<usize> = self
            .annotations
            .iter()
            .enumerate()
            .filter(|(_, a)| a.speaker.as_ref().is_some_and(|s| !live.contains(s)))
            .map(|(index, _)| index)
            .collect();
        let mut repaired = Vec::new();
        for index in dangling {
            let resolved = self.annotations[index]
                .speaker
                .as_ref()
                .and_then(|s| self.resolve_speaker(s));
            let annotation = &mut self.annotations[index];
            annotation.speaker = resolved;
            if let Some(now) = bump_at {
                annotation.revision += 1;
                annotation.modified = now;
            }
            repaired.push((annotation.id.clone(), annotation.range));
        }
        repaired
    }
}
