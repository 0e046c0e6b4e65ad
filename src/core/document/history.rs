//! Undo and redo: each step stores the before-image of only what one action touched (the
//! annotations and speakers by id, with their tombstones), never a whole-document snapshot.
//!
//! # Undo is a change, not time travel
//!
//! The document is also shared with other tabs through [`Document::merge_from`], so restoring
//! a before-image is recorded like any other edit: restored annotations and speakers get a
//! revision above every revision they ever had (and `modified = now`), and whatever a restore
//! removes leaves a tombstone. Otherwise another tab still holding the undone version would
//! win the next merge and silently redo it.
//!
//! Undoing a create therefore leaves a tombstone for the new id (its revision is the
//! annotation's), so a tab that already received the annotation deletes it too. Redoing the
//! create removes that tombstone and brings the annotation back at a higher revision than the
//! tombstone, so the tombstone can never win a later merge against it: no tombstone outlives
//! the annotation it deleted in a way that makes a merge lose the annotation.

use std::collections::{HashMap, HashSet, VecDeque};

use super::{Annotation, AnnotationId, Document, Speaker, SpeakerId, SpeakerTombstone, Tombstone};
use crate::core::text::CharRange;

/// How many steps are kept; the oldest step is dropped beyond this.
pub const HISTORY_LIMIT: usize = 200;

/// The state of one annotation id before a change.
#[derive(Clone, Debug)]
pub(super) struct AnnotationBefore {
    pub id: AnnotationId,
    pub annotation: Option<Annotation>,
    pub tombstone: Option<Tombstone>,
}

/// The state of one speaker id before a change, with its position in the speaker list.
#[derive(Clone, Debug)]
pub(super) struct SpeakerBefore {
    pub id: SpeakerId,
    pub speaker: Option<(usize, Speaker)>,
    pub tombstone: Option<SpeakerTombstone>,
}

/// Before-images of what one change touched.
#[derive(Clone, Debug, Default)]
pub(super) struct Patch {
    pub annotations: Vec<AnnotationBefore>,
    pub speakers: Vec<SpeakerBefore>,
}

#[derive(Clone, Debug)]
struct Step {
    /// What the change did, as told to the user ("Quote by Sarah Sanders added").
    description: String,
    before: Patch,
}

/// The session's undo and redo stacks. Not saved and not part of document equality.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// What the next undo would undo, for a button's tooltip.
    pub fn undo_description(&self) -> Option<&str> {
        self.undo.back().map(|step| step.description.as_str())
    }

    /// What the next redo would redo.
    pub fn redo_description(&self) -> Option<&str> {
        self.redo.last().map(|step| step.description.as_str())
    }

    /// Forgets all steps (e.g. when another article is loaded).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Drops every undo and redo step whose before-image holds one of these annotations or
    /// speakers: another tab changed them since, and restoring the image would undo that.
    pub(super) fn forget_touching(
        &mut self,
        annotations: &HashSet<AnnotationId>,
        speakers: &HashSet<SpeakerId>,
    ) {
        if annotations.is_empty() && speakers.is_empty() {
            return;
        }
        let keeps = |step: &Step| {
            !step
                .before
                .annotations
                .iter()
                .any(|a| annotations.contains(&a.id))
                && !step
                    .before
                    .speakers
                    .iter()
                    .any(|s| speakers.contains(&s.id))
        };
        self.undo.retain(keeps);
        self.redo.retain(keeps);
    }

    /// Records a new change: it becomes the step to undo, and redo is no longer possible.
    pub(super) fn record(&mut self, description: String, before: Patch) {
        self.redo.clear();
        self.push_undo(Step {
            description,
            before,
        });
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push_back(step);
        while self.undo.len() > HISTORY_LIMIT {
            self.undo.pop_front();
        }
    }
}

/// Which way a history step is travelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    Undo,
    Redo,
}

/// What a restore changed, for building an `Applied`.
pub(super) struct Restored {
    pub description: String,
    pub annotations: Vec<AnnotationId>,
    pub speakers: Vec<SpeakerId>,
    pub ranges: Vec<CharRange>,
}

impl Document {
    /// The current state of the given ids, to be stored as a step's before-image.
    pub(super) fn capture(
        &self,
        annotation_ids: &[AnnotationId],
        speaker_ids: &[SpeakerId],
    ) -> Patch {
        // A map only pays for itself when many ids are looked up (imports, speaker merges).
        let annotations = if annotation_ids.len() <= 8 {
            annotation_ids
                .iter()
                .map(|id| AnnotationBefore {
                    id: id.clone(),
                    annotation: self.annotation(id).cloned(),
                    tombstone: self.tombstones.iter().find(|t| &t.id == id).cloned(),
                })
                .collect()
        } else {
            let live: HashMap<&AnnotationId, &Annotation> =
                self.annotations.iter().map(|a| (&a.id, a)).collect();
            let dead: HashMap<&AnnotationId, &Tombstone> =
                self.tombstones.iter().map(|t| (&t.id, t)).collect();
            annotation_ids
                .iter()
                .map(|id| AnnotationBefore {
                    id: id.clone(),
                    annotation: live.get(id).map(|a| (*a).clone()),
                    tombstone: dead.get(id).map(|t| (*t).clone()),
                })
                .collect()
        };
        let speakers = speaker_ids
            .iter()
            .map(|id| SpeakerBefore {
                id: id.clone(),
                speaker: self
                    .speaker_index(id)
                    .map(|index| (index, self.speakers[index].clone())),
                tombstone: self
                    .speaker_tombstones
                    .iter()
                    .find(|t| &t.id == id)
                    .cloned(),
            })
            .collect();
        Patch {
            annotations,
            speakers,
        }
    }

    /// Undoes or redoes one step. `None` when there is nothing to travel.
    pub(super) fn travel(&mut self, direction: Direction, now: i64) -> Option<Restored> {
        let step = match direction {
            Direction::Undo => self.history.undo.pop_back()?,
            Direction::Redo => self.history.redo.pop()?,
        };
        let annotation_ids: Vec<AnnotationId> = step
            .before
            .annotations
            .iter()
            .map(|b| b.id.clone())
            .collect();
        let speaker_ids: Vec<SpeakerId> =
            step.before.speakers.iter().map(|b| b.id.clone()).collect();
        let inverse = self.capture(&annotation_ids, &speaker_ids);
        let ranges = self.restore(step.before, now);
        let restored = Restored {
            description: step.description.clone(),
            annotations: annotation_ids,
            speakers: speaker_ids,
            ranges,
        };
        let back = Step {
            description: step.description,
            before: inverse,
        };
        match direction {
            Direction::Undo => self.history.redo.push(back),
            Direction::Redo => self.history.push_undo(back),
        }
        Some(restored)
    }

    /// Puts the patch's before-images back as a new change (see the module notes). Returns the
    /// text ranges affected: the ranges replaced and the ranges restored.
    fn restore(&mut self, patch: Patch, now: i64) -> Vec<CharRange> {
        let mut ranges = Vec::new();
        self.restore_speakers(patch.speakers, now);

        let touched: HashSet<AnnotationId> =
            patch.annotations.iter().map(|b| b.id.clone()).collect();
        let mut current: HashMap<AnnotationId, Annotation> = HashMap::new();
        if touched.len() <= 16 {
            // The usual undo touches one annotation: remove in place, no new list.
            for id in &touched {
                if let Some(index) = self.annotation_index(id) {
                    current.insert(id.clone(), self.annotations.remove(index));
                }
            }
        } else {
            let mut kept = Vec::with_capacity(self.annotations.len());
            for annotation in self.annotations.drain(..) {
                if touched.contains(&annotation.id) {
                    current.insert(annotation.id.clone(), annotation);
                } else {
                    kept.push(annotation);
                }
            }
            self.annotations = kept;
        }
        let mut current_tombstones: HashMap<AnnotationId, Tombstone> = HashMap::new();
        self.tombstones.retain(|t| {
            if touched.contains(&t.id) {
                current_tombstones.insert(t.id.clone(), t.clone());
                false
            } else {
                true
            }
        });

        let mut revived = Vec::new();
        for before in patch.annotations {
            let now_live = current.remove(&before.id);
            let now_dead = current_tombstones.remove(&before.id);
            let highest = now_live
                .as_ref()
                .map(|a| a.revision)
                .into_iter()
                .chain(now_dead.as_ref().map(|t| t.revision))
                .max()
                .unwrap_or(0);
            if let Some(range) = now_live.as_ref().and_then(|a| a.range) {
                ranges.push(range);
            }
            match before.annotation {
                Some(mut annotation) => {
                    annotation.revision = annotation.revision.max(highest) + 1;
                    annotation.modified = now;
                    if let Some(range) = annotation.range {
                        ranges.push(range);
                    }
                    revived.push(annotation);
                }
                None => {
                    let tombstone = match (now_live, now_dead) {
                        (Some(live), _) => Some(Tombstone {
                            id: live.id,
                            revision: live.revision,
                            deleted: now,
                            created: live.created,
                        }),
                        (None, dead) => dead.or(before.tombstone),
                    };
                    self.tombstones.extend(tombstone);
                }
            }
        }
        self.insert_all(revived);
        ranges
    }

    fn restore_speakers(&mut self, befores: Vec<SpeakerBefore>, now: i64) {
        let mut reinsert: Vec<(usize, Speaker)> = Vec::new();
        for before in befores {
            let now_index = self.speaker_index(&before.id);
            let now_live = now_index.map(|index| self.speakers.remove(index));
            let tombstone_index = self
                .speaker_tombstones
                .iter()
                .position(|t| t.id == before.id);
            let now_dead = tombstone_index.map(|index| self.speaker_tombstones.remove(index));
            let highest = now_live
                .as_ref()
                .map(|s| s.revision)
                .into_iter()
                .chain(now_dead.as_ref().map(|t| t.revision))
                .max()
                .unwrap_or(0);
            match before.speaker {
                Some((index, mut speaker)) => {
                    speaker.revision = speaker.revision.max(highest) + 1;
                    reinsert.push((index, speaker));
                }
                None => {
                    let merged_into = before
                        .tombstone
                        .as_ref()
                        .and_then(|t| t.merged_into.clone());
                    let tombstone = match (now_live, now_dead) {
                        (Some(live), _) => Some(SpeakerTombstone {
                            id: live.id,
                            revision: live.revision,
                            deleted: now,
                            created: live.created,
                            merged_into,
                        }),
                        (None, dead) => dead.or(before.tombstone),
                    };
                    self.speaker_tombstones.extend(tombstone);
                }
            }
        }
        // Ascending positions, so each lands where it was when the step was recorded.
        reinsert.sort_by_key(|(index, _)| *index);
        for (index, speaker) in reinsert {
            let at = index.min(self.speakers.len());
            self.speakers.insert(at, speaker);
        }
    }

    /// Inserts many annotations keeping article order: one by one when few, else one sort.
    pub(super) fn insert_all(&mut self, annotations: Vec<Annotation>) {
        if annotations.len() <= 16 {
            for annotation in annotations {
                self.insert_in_order(annotation);
            }
        } else {
            self.annotations.extend(annotations);
            self.annotations.sort_by(super::article_order);
        }
    }
}
