//! The actions on one annotation: create (with a speaker by id or by name), add a host's,
//! update several fields as one step, the single-field edits and delete.

use super::{
    clean_name, Annotation, AnnotationId, AnnotationKind, Document, Speaker, SpeakerId, Tombstone,
};
use crate::core::anchoring::AnchorStatus;
use crate::core::anchoring::Selectors;
use crate::core::palette::least_used_slot;
use crate::core::text::CharRange;

use super::action::*;

impl Document {
    pub(super) fn create_annotation(
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
    pub(super) fn speaker_by_name(
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
    pub(super) fn add_named_speaker(
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

    pub(super) fn add_annotation(
        &mut self,
        new: NewAnnotation,
        now: i64,
    ) -> Result<Applied, ActionError> {
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

    pub(super) fn update_annotation(
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
    pub(super) fn edit_annotation(
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

    pub(super) fn delete_annotation(
        &mut self,
        id: &AnnotationId,
        now: i64,
    ) -> Result<Applied, ActionError> {
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
}

/// A just-made annotation: anchored where it was made, first revision, made and modified now.
pub(super) fn fresh_annotation(
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
