//! Replacing the whole content in one undoable step (an import, merged or replacing): what
//! disappears leaves tombstones and what differs gets a revision above the current one, so
//! other tabs follow.

use std::collections::{HashMap, HashSet};

use super::{
    clean_name, Annotation, AnnotationId, Document, Speaker, SpeakerId, SpeakerTombstone, Tombstone,
};
use crate::core::palette::PALETTE;

use super::action::*;

impl Document {
    pub(super) fn replace_content(
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
