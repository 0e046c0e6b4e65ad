//! Every change to a document, as one closed [`Action`] enum, and the one function that applies
//! it: [`Document::apply`]. A failed action changes nothing (it is validated before anything
//! is touched) and records no history.

use std::collections::{HashMap, HashSet};

use super::history::{Direction, Restored};
use super::{
    clean_name, Annotation, AnnotationId, AnnotationKind, Document, Speaker, SpeakerId,
    SpeakerTombstone, Tombstone,
};
use crate::core::anchoring::AnchorStatus;
use crate::core::anchoring::Selectors;
use crate::core::palette::{least_used_slot, PALETTE};
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

    fn unchanged() -> Self {
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

fn kind_word(kind: AnnotationKind) -> &'static str {
    match kind {
        AnnotationKind::Quote => "Quote",
        AnnotationKind::Highlight => "Highlight",
    }
}

/// A range that selects at least one code point.
fn check_range(range: CharRange) -> Result<CharRange, ActionError> {
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

    fn require_annotation(&self, id: &AnnotationId) -> Result<&Annotation, ActionError> {
        self.annotation(id)
            .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))
    }

    fn require_speaker(&self, id: &SpeakerId) -> Result<&Speaker, ActionError> {
        self.speaker(id)
            .ok_or_else(|| ActionError::UnknownSpeaker(id.clone()))
    }

    /// Records `before` as an undo step and describes the change.
    fn commit(
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

    fn quote_ranges_of<'a>(
        &'a self,
        speakers: &'a [SpeakerId],
    ) -> impl Iterator<Item = CharRange> + 'a {
        self.annotations
            .iter()
            .filter(move |a| a.speaker.as_ref().is_some_and(|s| speakers.contains(s)))
            .filter_map(|a| a.range)
    }

    fn after_travel(&mut self, restored: Restored, verb: &str, now: i64) -> Applied {
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

    fn create_annotation(
        &mut self,
        kind: AnnotationKind,
        range: CharRange,
        selectors: Selectors,
        speaker: Option<SpeakerId>,
        note: String,
        now: i64,
    ) -> Result<Applied, ActionError> {
        let range = check_range(range)?;
        if let Some(speaker) = &speaker {
            self.require_speaker(speaker)?;
        }
        let message = match kind {
            AnnotationKind::Quote => {
                format!("Quote by {} added", self.speaker_label(speaker.as_ref()))
            }
            AnnotationKind::Highlight => "Highlight added".to_owned(),
        };
        let id = AnnotationId(self.allocate_id('a'));
        let before = self.capture(std::slice::from_ref(&id), &[]);
        self.insert_in_order(fresh_annotation(
            id.clone(),
            kind,
            range,
            selectors,
            speaker,
            note,
            now,
        ));
        let mut applied = self.commit(before, message, Vec::new());
        applied.new_annotation = Some(id);
        Ok(applied)
    }

    /// The speaker a typed `name` means: an existing one (by name or alias), a new one to add
    /// (with its cleaned name), or none for an empty name. Checked before any id is handed
    /// out, so a refused action changes nothing.
    fn speaker_by_name(
        &self,
        name: &str,
    ) -> Result<(Option<SpeakerId>, Option<String>), ActionError> {
        let name = clean_name(name);
        if name.is_empty() {
            return Ok((None, None));
        }
        match self.speaker_named(&name) {
            Some(speaker) => Ok((Some(speaker.id.clone()), None)),
            None => Ok((None, Some(self.check_name_free(&name, None)?))),
        }
    }

    /// Adds the speaker a typed name asked for, if it is new; returns the speaker to use.
    fn add_named_speaker(
        &mut self,
        existing: Option<SpeakerId>,
        new_name: Option<String>,
        new_id: Option<&SpeakerId>,
        now: i64,
    ) -> Option<SpeakerId> {
        if let (Some(id), Some(name)) = (new_id, new_name) {
            let colour = least_used_slot(self.speakers.iter().map(|s| s.colour));
            self.speakers.push(Speaker {
                id: id.clone(),
                name,
                aliases: Vec::new(),
                colour,
                created: now,
                revision: 1,
            });
            return Some(id.clone());
        }
        existing
    }

    fn add_annotation(&mut self, new: NewAnnotation, now: i64) -> Result<Applied, ActionError> {
        let range = check_range(new.range)?;
        let (existing, new_name) = match new.kind {
            AnnotationKind::Quote => self.speaker_by_name(&new.speaker)?,
            AnnotationKind::Highlight => (None, None),
        };
        let new_speaker = new_name.as_ref().map(|_| SpeakerId(self.allocate_id('s')));
        let id = AnnotationId(self.allocate_id('a'));
        let before = self.capture(std::slice::from_ref(&id), new_speaker.as_slice());
        let speaker = self.add_named_speaker(existing, new_name, new_speaker.as_ref(), now);
        let message = match new.kind {
            AnnotationKind::Quote => {
                format!("Quote by {} added", self.speaker_label(speaker.as_ref()))
            }
            AnnotationKind::Highlight => "Highlight added".to_owned(),
        };
        let mut annotation = fresh_annotation(
            id.clone(),
            new.kind,
            range,
            new.selectors,
            speaker,
            new.note,
            now,
        );
        annotation.status = new.status;
        annotation.source_id = new.source_id;
        self.insert_in_order(annotation);
        let mut applied = self.commit(before, message, Vec::new());
        applied.new_annotation = Some(id);
        applied.new_speaker = new_speaker;
        Ok(applied)
    }

    fn update_annotation(
        &mut self,
        id: &AnnotationId,
        changes: AnnotationChanges,
        now: i64,
    ) -> Result<Applied, ActionError> {
        let index = self
            .annotation_index(id)
            .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))?;
        let place = match changes.place {
            Some((range, selectors)) => Some((check_range(range)?, selectors)),
            None => None,
        };
        let (existing, new_name) = match &changes.speaker {
            Some(name) => self.speaker_by_name(name)?,
            None => (None, None),
        };
        let current = &self.annotations[index];
        let mut edited = current.clone();
        if let Some(note) = changes.note {
            edited.note = note;
        }
        if let Some(kind) = changes.kind {
            edited.kind = kind;
        }
        if changes.speaker.is_some() && new_name.is_none() {
            edited.speaker = existing.clone();
        }
        if let Some((range, selectors)) = place.clone() {
            edited.range = Some(range);
            edited.selectors = selectors;
            edited.status = AnchorStatus::Anchored;
        }
        if new_name.is_none() && edited == *current {
            return Ok(Applied::unchanged());
        }
        let new_speaker = new_name.as_ref().map(|_| SpeakerId(self.allocate_id('s')));
        let before = self.capture(std::slice::from_ref(id), new_speaker.as_slice());
        if new_speaker.is_some() {
            edited.speaker = self.add_named_speaker(existing, new_name, new_speaker.as_ref(), now);
        }
        edited.revision += 1;
        edited.modified = now;
        let old_range = self.annotations[index].range;
        if edited.range == old_range {
            self.annotations[index] = edited;
        } else {
            self.annotations.remove(index);
            self.insert_in_order(edited);
        }
        let mut applied = self.commit(before, "Annotation updated".to_owned(), Vec::new());
        applied.new_speaker = new_speaker;
        Ok(applied)
    }

    /// Changes one annotation in place when `change` returns true, keeping article order.
    fn edit_annotation(
        &mut self,
        id: &AnnotationId,
        now: i64,
        message: String,
        change: impl FnOnce(&mut Annotation) -> bool,
    ) -> Result<Applied, ActionError> {
        let index = self
            .annotation_index(id)
            .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))?;
        let before = self.capture(std::slice::from_ref(id), &[]);
        let mut edited = self.annotations[index].clone();
        if !change(&mut edited) {
            return Ok(Applied::unchanged());
        }
        edited.revision += 1;
        edited.modified = now;
        if edited.range == self.annotations[index].range {
            self.annotations[index] = edited;
        } else {
            self.annotations.remove(index);
            self.insert_in_order(edited);
        }
        Ok(self.commit(before, message, Vec::new()))
    }

    fn delete_annotation(&mut self, id: &AnnotationId, now: i64) -> Result<Applied, ActionError> {
        let index = self
            .annotation_index(id)
            .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))?;
        let before = self.capture(std::slice::from_ref(id), &[]);
        let removed = self.annotations.remove(index);
        let message = match removed.kind {
            AnnotationKind::Quote => {
                format!(
                    "Quote by {} deleted",
                    self.speaker_label(removed.speaker.as_ref())
                )
            }
            AnnotationKind::Highlight => "Highlight deleted".to_owned(),
        };
        self.tombstones.retain(|t| &t.id != id);
        self.tombstones.push(Tombstone {
            id: removed.id,
            revision: removed.revision,
            deleted: now,
            created: removed.created,
        });
        Ok(self.commit(before, message, Vec::new()))
    }

    /// The speaker (other than `except`) already called `name`, as an error.
    fn check_name_free(
        &self,
        name: &str,
        except: Option<&SpeakerId>,
    ) -> Result<String, ActionError> {
        let name = clean_name(name);
        if name.is_empty() {
            return Err(ActionError::EmptySpeakerName);
        }
        match self
            .speakers
            .iter()
            .find(|s| Some(&s.id) != except && s.answers_to(&name))
        {
            Some(existing) => Err(ActionError::SpeakerExists(existing.id.clone())),
            None => Ok(name),
        }
    }

    fn add_speaker(&mut self, name: &str, now: i64) -> Result<Applied, ActionError> {
        let name = self.check_name_free(name, None)?;
        let colour = least_used_slot(self.speakers.iter().map(|s| s.colour));
        let id = SpeakerId(self.allocate_id('s'));
        let before = self.capture(&[], std::slice::from_ref(&id));
        self.speakers.push(Speaker {
            id: id.clone(),
            name: name.clone(),
            aliases: Vec::new(),
            colour,
            created: now,
            revision: 1,
        });
        let mut applied = self.commit(before, format!("Speaker {name} added"), Vec::new());
        applied.new_speaker = Some(id);
        Ok(applied)
    }

    fn rename_speaker(&mut self, id: &SpeakerId, name: &str) -> Result<Applied, ActionError> {
        let index = self
            .speaker_index(id)
            .ok_or_else(|| ActionError::UnknownSpeaker(id.clone()))?;
        let name = self.check_name_free(name, Some(id))?;
        if self.speakers[index].name == name {
            return Ok(Applied::unchanged());
        }
        let before = self.capture(&[], std::slice::from_ref(id));
        let speaker = &mut self.speakers[index];
        let old = std::mem::replace(&mut speaker.name, name.clone());
        // Renaming to one of its own aliases: that alias is now the name.
        let key = super::name_key(&name);
        speaker
            .aliases
            .retain(|alias| super::name_key(alias) != key);
        speaker.revision += 1;
        Ok(self.commit(
            before,
            format!("Speaker {old} renamed to {name}"),
            Vec::new(),
        ))
    }

    fn merge_speakers(
        &mut self,
        from: &SpeakerId,
        into: &SpeakerId,
        now: i64,
    ) -> Result<Applied, ActionError> {
        if from == into {
            return Err(ActionError::MergeIntoSelf(from.clone()));
        }
        let from_index = self
            .speaker_index(from)
            .ok_or_else(|| ActionError::UnknownSpeaker(from.clone()))?;
        let into_index = self
            .speaker_index(into)
            .ok_or_else(|| ActionError::UnknownSpeaker(into.clone()))?;
        let moved = self.attributed_to(from);
        let before = self.capture(&moved, &[from.clone(), into.clone()]);

        let absorbed = self.speakers[from_index].clone();
        let target = &mut self.speakers[into_index];
        for name in std::iter::once(&absorbed.name).chain(&absorbed.aliases) {
            if !target.answers_to(name) {
                target.aliases.push(name.clone());
            }
        }
        target.revision += 1;
        let message = format!("{} merged into {}", absorbed.name, target.name);
        self.speakers.remove(from_index);
        self.retire_speaker(absorbed, Some(into.clone()), now);
        Ok(self.commit(before, message, Vec::new()))
    }

    /// The annotations attributed to `speaker`.
    fn attributed_to(&self, speaker: &SpeakerId) -> Vec<AnnotationId> {
        self.annotations
            .iter()
            .filter(|a| a.speaker.as_ref() == Some(speaker))
            .map(|a| a.id.clone())
            .collect()
    }

    /// Leaves a tombstone for a speaker just taken out of the list, and gives its quotes to
    /// `heir` (`None`: an unknown speaker), each as a change of its own for merging.
    fn retire_speaker(&mut self, speaker: Speaker, heir: Option<SpeakerId>, now: i64) {
        for annotation in &mut self.annotations {
            if annotation.speaker.as_ref() == Some(&speaker.id) {
                annotation.speaker = heir.clone();
                annotation.revision += 1;
                annotation.modified = now;
            }
        }
        self.speaker_tombstones.retain(|t| t.id != speaker.id);
        self.speaker_tombstones.push(SpeakerTombstone {
            id: speaker.id,
            revision: speaker.revision,
            deleted: now,
            created: speaker.created,
            merged_into: heir,
        });
    }

    fn delete_speaker(&mut self, id: &SpeakerId, now: i64) -> Result<Applied, ActionError> {
        let index = self
            .speaker_index(id)
            .ok_or_else(|| ActionError::UnknownSpeaker(id.clone()))?;
        let orphaned = self.attributed_to(id);
        let before = self.capture(&orphaned, std::slice::from_ref(id));
        let removed = self.speakers.remove(index);
        let message = match orphaned.len() {
            0 => format!("Speaker {} deleted", removed.name),
            1 => format!(
                "Speaker {} deleted; 1 quote is now unattributed",
                removed.name
            ),
            n => format!(
                "Speaker {} deleted; {n} quotes are now unattributed",
                removed.name
            ),
        };
        self.retire_speaker(removed, None, now);
        Ok(self.commit(before, message, Vec::new()))
    }

    fn set_speaker_colour(&mut self, id: &SpeakerId, colour: u8) -> Result<Applied, ActionError> {
        let index = self
            .speaker_index(id)
            .ok_or_else(|| ActionError::UnknownSpeaker(id.clone()))?;
        if usize::from(colour) >= PALETTE.len() {
            return Err(ActionError::UnknownColour(colour));
        }
        if self.speakers[index].colour == colour {
            return Ok(Applied::unchanged());
        }
        let before = self.capture(&[], std::slice::from_ref(id));
        let speaker = &mut self.speakers[index];
        speaker.colour = colour;
        speaker.revision += 1;
        let message = format!(
            "Colour of {} changed to {}",
            speaker.name,
            PALETTE[usize::from(colour)].name
        );
        Ok(self.commit(before, message, Vec::new()))
    }

    fn replace_content(
        &mut self,
        speakers: Vec<Speaker>,
        annotations: Vec<Annotation>,
        tombstones: Vec<Tombstone>,
        next_id: u64,
        now: i64,
    ) -> Result<Applied, ActionError> {
        let invalid = |why: String| Err(ActionError::InvalidContent(why));
        let mut speaker_ids: HashSet<SpeakerId> = HashSet::new();
        for speaker in &speakers {
            if !speaker_ids.insert(speaker.id.clone()) {
                return invalid(format!("speaker id {} appears twice", speaker.id));
            }
            if clean_name(&speaker.name).is_empty() {
                return invalid(format!("speaker {} has no name", speaker.id));
            }
            if usize::from(speaker.colour) >= PALETTE.len() {
                return invalid(format!(
                    "speaker {} has unknown colour {}",
                    speaker.id, speaker.colour
                ));
            }
        }
        let mut annotation_ids: HashSet<AnnotationId> = HashSet::new();
        for annotation in &annotations {
            if !annotation_ids.insert(annotation.id.clone()) {
                return invalid(format!("annotation id {} appears twice", annotation.id));
            }
            if let Some(range) = annotation.range {
                if range.start >= range.end {
                    return invalid(format!("annotation {} has an empty range", annotation.id));
                }
            }
            if let Some(speaker) = &annotation.speaker {
                if !speaker_ids.contains(speaker) {
                    return invalid(format!(
                        "annotation {} refers to missing speaker {speaker}",
                        annotation.id
                    ));
                }
            }
        }

        // Only what differs is touched: an import that changes three annotations of 20,000
        // stores three before-images.
        let old_annotations: HashMap<&AnnotationId, &Annotation> =
            self.annotations.iter().map(|a| (&a.id, a)).collect();
        let old_tombstones: HashMap<&AnnotationId, &Tombstone> =
            self.tombstones.iter().map(|t| (&t.id, t)).collect();
        let new_tombstones: HashMap<&AnnotationId, &Tombstone> = tombstones
            .iter()
            .filter(|t| !annotation_ids.contains(&t.id))
            .map(|t| (&t.id, t))
            .collect();
        let mut touched: Vec<AnnotationId> = Vec::new();
        let mut final_annotations = Vec::with_capacity(annotations.len());
        for mut annotation in annotations {
            match old_annotations.get(&annotation.id) {
                Some(old) if old.same_content(&annotation) => {
                    final_annotations.push((*old).clone())
                }
                old => {
                    let floor = old
                        .map(|a| a.revision)
                        .into_iter()
                        .chain(old_tombstones.get(&annotation.id).map(|t| t.revision))
                        .max();
                    if let Some(floor) = floor {
                        annotation.revision = annotation.revision.max(floor) + 1;
                        annotation.modified = now;
                    }
                    touched.push(annotation.id.clone());
                    final_annotations.push(annotation);
                }
            }
        }
        let mut final_tombstones: Vec<Tombstone> =
            new_tombstones.values().map(|t| (*t).clone()).collect();
        for old in &self.annotations {
            if annotation_ids.contains(&old.id) {
                continue;
            }
            touched.push(old.id.clone());
            // Removed by the import: remembered so other tabs drop it as well.
            if !new_tombstones.contains_key(&old.id) {
                final_tombstones.push(Tombstone {
                    id: old.id.clone(),
                    revision: old.revision,
                    deleted: now,
                    created: old.created,
                });
            }
        }
        for old in &self.tombstones {
            if annotation_ids.contains(&old.id) {
                continue;
            }
            match new_tombstones.get(&old.id) {
                Some(new) if *new == old => {}
                Some(_) => touched.push(old.id.clone()),
                // Forgetting a deletion would let another tab resurrect it: keep it.
                None => final_tombstones.push(old.clone()),
            }
        }
        for new in new_tombstones.values() {
            if !old_annotations.contains_key(&new.id) && !old_tombstones.contains_key(&new.id) {
                touched.push(new.id.clone());
            }
        }

        let mut touched_speakers: Vec<SpeakerId> = Vec::new();
        let old_speakers: HashMap<&SpeakerId, (usize, &Speaker)> = self
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, (i, s)))
            .collect();
        let mut final_speakers = Vec::with_capacity(speakers.len());
        for (index, mut speaker) in speakers.into_iter().enumerate() {
            speaker.name = clean_name(&speaker.name);
            match old_speakers.get(&speaker.id) {
                Some((old_index, old)) if *old_index == index && speaker_same(old, &speaker) => {
                    final_speakers.push((*old).clone());
                }
                old => {
                    if let Some((_, old)) = old {
                        speaker.revision = speaker.revision.max(old.revision) + 1;
                    }
                    touched_speakers.push(speaker.id.clone());
                    final_speakers.push(speaker);
                }
            }
        }
        let mut final_speaker_tombstones: Vec<SpeakerTombstone> = self
            .speaker_tombstones
            .iter()
            .filter(|t| !speaker_ids.contains(&t.id))
            .cloned()
            .collect();
        for old in &self.speakers {
            if !speaker_ids.contains(&old.id) {
                touched_speakers.push(old.id.clone());
                final_speaker_tombstones.push(SpeakerTombstone {
                    id: old.id.clone(),
                    revision: old.revision,
                    deleted: now,
                    created: old.created,
                    merged_into: None,
                });
            }
        }
        touched_speakers.extend(
            self.speaker_tombstones
                .iter()
                .filter(|t| speaker_ids.contains(&t.id))
                .map(|t| t.id.clone()),
        );
        // Speakers whose position alone changed are touched too, so undo restores the order.
        if touched.is_empty() && touched_speakers.is_empty() {
            self.next_id = self.next_id.max(next_id);
            return Ok(Applied::unchanged());
        }
        touched.sort();
        touched.dedup();
        touched_speakers.sort();
        touched_speakers.dedup();

        let before = self.capture(&touched, &touched_speakers);
        let count = final_annotations.len();
        self.speakers = final_speakers;
        self.annotations = final_annotations;
        self.annotations.sort_by(super::article_order);
        self.tombstones = final_tombstones;
        self.tombstones.sort_by(|a, b| a.id.cmp(&b.id));
        self.speaker_tombstones = final_speaker_tombstones;
        self.next_id = self.next_id.max(next_id).max(self.counter_floor());
        let message = match count {
            1 => "Content replaced: 1 annotation".to_owned(),
            n => format!("Content replaced: {n} annotations"),
        };
        Ok(self.commit(before, message, Vec::new()))
    }
}

/// Equal apart from `revision`.
fn speaker_same(a: &Speaker, b: &Speaker) -> bool {
    a.id == b.id
        && a.name == b.name
        && a.aliases == b.aliases
        && a.colour == b.colour
        && a.created == b.created
}

/// A just-made annotation: anchored where it was made, first revision, made and modified now.
fn fresh_annotation(
    id: AnnotationId,
    kind: AnnotationKind,
    range: CharRange,
    selectors: Selectors,
    speaker: Option<SpeakerId>,
    note: String,
    now: i64,
) -> Annotation {
    Annotation {
        id,
        kind,
        range: Some(range),
        selectors,
        status: AnchorStatus::Anchored,
        speaker,
        note,
        created: now,
        modified: now,
        revision: 1,
        source_id: None,
    }
}
