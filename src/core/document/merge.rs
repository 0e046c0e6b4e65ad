//! Two-tab merge: folds another tab's copy of the document into this one without losing
//! either side's work. Not undoable (it is synchronisation, not an edit).
//!
//! Rules, chosen so that both tabs reach the same content whichever merges first:
//! - Annotations (and speakers) are the same entity when id and `created` agree (`created`
//!   0 means unknown and matches anything). Of two versions the higher `revision` wins; a tie
//!   goes to the later `modified`, then to the larger serialised content.
//! - A tombstone with `revision` ≥ the other side's annotation revision keeps it deleted; an
//!   annotation edited after the deletion (higher revision) comes back.
//! - Two different annotations that two tabs independently gave the same id both survive:
//!   the one with the earlier `created` keeps the id, the other becomes `"{id}-{created:x}"`.
//!   The new id is derived from the annotation itself, so each tab picks the same one. (Most
//!   often the renamed one is the incoming, newer annotation.)
//! - Speakers merge by id, then by name or alias: two speakers with the same name are one
//!   person; the one created first keeps its id and the other becomes its alias, leaving a
//!   speaker tombstone that redirects quotes.
//! - Speaker references rewritten by a merge keep their revision: the rewrite follows from
//!   the tombstones, which both tabs end up sharing, so both make it.

use std::collections::{HashMap, HashSet};

use super::{
    Annotation, AnnotationId, Applied, Document, Speaker, SpeakerId, SpeakerTombstone, Tombstone,
};
use crate::core::text::CharRange;

/// True when `a` and `b` can be the same entity by creation time (0 = unknown).
fn same_birth(a: i64, b: i64) -> bool {
    a == b || a == 0 || b == 0
}

fn content_key<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// True when `incoming` should replace `ours` (two versions of one annotation).
fn incoming_wins(ours: &Annotation, incoming: &Annotation) -> bool {
    (incoming.revision, incoming.modified)
        .cmp(&(ours.revision, ours.modified))
        .then_with(|| content_key(incoming).cmp(&content_key(ours)))
        .is_gt()
}

fn incoming_speaker_wins(ours: &Speaker, incoming: &Speaker) -> bool {
    incoming
        .revision
        .cmp(&ours.revision)
        .then_with(|| content_key(incoming).cmp(&content_key(ours)))
        .is_gt()
}

/// The id the later of two same-id twins moves to.
fn twin_id(id: &str, created: i64) -> String {
    format!("{id}-{created:x}")
}

/// Collects what a merge changed.
#[derive(Default)]
struct Changes {
    annotations: HashSet<AnnotationId>,
    speakers: HashSet<SpeakerId>,
    ranges: Vec<CharRange>,
}

impl Document {
    /// Folds `other` (another tab's copy) into this document; see the module notes for the
    /// rules. Returns what changed here. The undo history is kept, except the steps that touch
    /// what the merge changed: their before-images predate the other tab's edit, so undoing
    /// them would silently put older text back over it. Undoing any other step is a new
    /// change that the other tab will receive in turn.
    pub fn merge_from(&mut self, other: &Document) -> Applied {
        let mut changes = Changes::default();
        let speaker_map = self.merge_speakers_from(other, &mut changes);
        self.merge_speaker_tombstones_from(other, &mut changes);

        let mut entries: HashMap<AnnotationId, Entry> = HashMap::new();
        for tombstone in self.tombstones.drain(..) {
            entries.insert(tombstone.id.clone(), Entry::Dead(tombstone));
        }
        for annotation in self.annotations.drain(..) {
            entries.insert(annotation.id.clone(), Entry::Live(annotation));
        }
        for tombstone in &other.tombstones {
            merge_entry(&mut entries, Entry::Dead(tombstone.clone()), &mut changes);
        }
        for incoming in &other.annotations {
            let mut incoming = incoming.clone();
            if let Some(speaker) = &incoming.speaker {
                if let Some(mapped) = speaker_map.get(speaker) {
                    incoming.speaker = mapped.clone();
                }
            }
            merge_entry(&mut entries, Entry::Live(incoming), &mut changes);
        }
        for entry in entries.into_values() {
            match entry {
                Entry::Live(annotation) => self.annotations.push(annotation),
                Entry::Dead(tombstone) => self.tombstones.push(tombstone),
            }
        }
        self.annotations.sort_by(super::article_order);
        self.tombstones.sort_by(|a, b| a.id.cmp(&b.id));
        self.next_id = self.next_id.max(other.next_id).max(self.counter_floor());

        for (id, range) in self.repair_speaker_references(None) {
            changes.ranges.extend(range);
            changes.annotations.insert(id);
        }
        self.history
            .forget_touching(&changes.annotations, &changes.speakers);
        let touched_speakers: Vec<SpeakerId> = changes.speakers.iter().cloned().collect();
        let speaker_ranges: Vec<CharRange> = self
            .annotations
            .iter()
            .filter(|a| {
                a.speaker
                    .as_ref()
                    .is_some_and(|s| changes.speakers.contains(s))
            })
            .filter_map(|a| a.range)
            .collect();
        changes.ranges.extend(speaker_ranges);
        let now_ranges: Vec<CharRange> = self
            .annotations
            .iter()
            .filter(|a| changes.annotations.contains(&a.id))
            .filter_map(|a| a.range)
            .collect();
        changes.ranges.extend(now_ranges);

        let mut annotations: Vec<AnnotationId> = changes.annotations.into_iter().collect();
        annotations.sort();
        let mut speakers = touched_speakers;
        speakers.sort();
        let message = if annotations.is_empty() && speakers.is_empty() {
            "No change".to_owned()
        } else {
            "Changes from another tab merged".to_owned()
        };
        Applied {
            annotations,
            speakers,
            ranges: changes.ranges,
            message,
            ..Applied::default()
        }
    }

    /// Merges the other tab's speakers; returns how its speaker ids map to ours (`None`:
    /// the speaker is deleted here).
    fn merge_speakers_from(
        &mut self,
        other: &Document,
        changes: &mut Changes,
    ) -> HashMap<SpeakerId, Option<SpeakerId>> {
        let mut map = HashMap::new();
        for incoming in &other.speakers {
            let original = incoming.id.clone();
            let target = self.merge_speaker(incoming.clone(), changes);
            map.insert(original, target);
        }
        // One order in every tab: by creation, then id.
        self.speakers
            .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        map
    }

    fn merge_speaker(&mut self, mut incoming: Speaker, changes: &mut Changes) -> Option<SpeakerId> {
        // Each pass settles the speaker or moves it to a longer twin id; bounded for safety.
        for _ in 0..8 {
            if let Some(at) = self
                .speaker_tombstones
                .iter()
                .position(|t| t.id == incoming.id)
            {
                let tombstone = &self.speaker_tombstones[at];
                if !same_birth(tombstone.created, incoming.created) {
                    incoming.id = SpeakerId(twin_id(&incoming.id.0, incoming.created));
                    continue;
                }
                if tombstone.revision >= incoming.revision {
                    return self.resolve_speaker(&incoming.id);
                }
                // Edited there after it was removed here: the edit brings it back.
                self.speaker_tombstones.remove(at);
            }
            if let Some(index) = self.speaker_index(&incoming.id) {
                let ours = &self.speakers[index];
                if same_birth(ours.created, incoming.created) {
                    if incoming_speaker_wins(ours, &incoming) {
                        changes.speakers.insert(incoming.id.clone());
                        self.speakers[index] = incoming.clone();
                    }
                    return Some(incoming.id);
                }
                if ours.answers_to(&incoming.name) || incoming.answers_to(&ours.name) {
                    return Some(self.unify_speakers(index, incoming, changes));
                }
                // Two different people given one id in two tabs: the later one moves.
                if ours.created <= incoming.created {
                    incoming.id = SpeakerId(twin_id(&incoming.id.0, incoming.created));
                    continue;
                }
                let moved = SpeakerId(twin_id(&ours.id.0, ours.created));
                self.rename_speaker_id(index, moved, changes);
            }
            if let Some(index) = self.speakers.iter().position(|s| {
                s.id != incoming.id
                    && (s.answers_to(&incoming.name) || incoming.answers_to(&s.name))
            }) {
                return Some(self.unify_speakers(index, incoming, changes));
            }
            changes.speakers.insert(incoming.id.clone());
            let id = incoming.id.clone();
            self.speakers.push(incoming);
            return Some(id);
        }
        None
    }

    /// Our speaker at `index` and `incoming` (different ids) are one person. The one created
    /// first keeps its id; the other's names become aliases and it leaves a redirecting
    /// tombstone. Returns the surviving id.
    fn unify_speakers(
        &mut self,
        index: usize,
        incoming: Speaker,
        changes: &mut Changes,
    ) -> SpeakerId {
        let ours = self.speakers[index].clone();
        let ours_survives = (ours.created, &ours.id) <= (incoming.created, &incoming.id);
        let (mut survivor, absorbed) = if ours_survives {
            (ours, incoming)
        } else {
            (incoming, ours)
        };
        for name in std::iter::once(&absorbed.name).chain(&absorbed.aliases) {
            if !survivor.answers_to(name) {
                survivor.aliases.push(name.clone());
            }
        }
        let survivor_id = survivor.id.clone();
        changes.speakers.insert(survivor_id.clone());
        changes.speakers.insert(absorbed.id.clone());
        self.speakers[index] = survivor;
        self.speaker_tombstones.retain(|t| t.id != absorbed.id);
        self.speaker_tombstones.push(SpeakerTombstone {
            id: absorbed.id,
            revision: absorbed.revision,
            deleted: 0,
            created: absorbed.created,
            merged_into: Some(survivor_id.clone()),
        });
        survivor_id
    }

    /// Moves our speaker at `index` to a new id, taking its quotes along.
    fn rename_speaker_id(&mut self, index: usize, new_id: SpeakerId, changes: &mut Changes) {
        let old_id = std::mem::replace(&mut self.speakers[index].id, new_id.clone());
        for annotation in &mut self.annotations {
            if annotation.speaker.as_ref() == Some(&old_id) {
                annotation.speaker = Some(new_id.clone());
                changes.annotations.insert(annotation.id.clone());
            }
        }
        changes.speakers.insert(new_id);
        changes.speakers.insert(old_id);
    }

    fn merge_speaker_tombstones_from(&mut self, other: &Document, changes: &mut Changes) {
        for tombstone in &other.speaker_tombstones {
            if let Some(index) = self.speaker_index(&tombstone.id) {
                let ours = &self.speakers[index];
                if !same_birth(ours.created, tombstone.created) {
                    continue;
                }
                if tombstone.revision >= ours.revision {
                    changes.speakers.insert(tombstone.id.clone());
                    self.speakers.remove(index);
                    self.speaker_tombstones.push(tombstone.clone());
                }
                continue;
            }
            match self
                .speaker_tombstones
                .iter_mut()
                .find(|t| t.id == tombstone.id)
            {
                Some(known) => {
                    if (tombstone.revision, tombstone.merged_into.is_some())
                        > (known.revision, known.merged_into.is_some())
                    {
                        *known = tombstone.clone();
                    }
                }
                None => self.speaker_tombstones.push(tombstone.clone()),
            }
        }
    }
}

/// One annotation id's state on one side: live, or deleted.
#[derive(Clone, Debug)]
enum Entry {
    Live(Annotation),
    Dead(Tombstone),
}

impl Entry {
    fn id(&self) -> &AnnotationId {
        match self {
            Entry::Live(a) => &a.id,
            Entry::Dead(t) => &t.id,
        }
    }

    fn created(&self) -> i64 {
        match self {
            Entry::Live(a) => a.created,
            Entry::Dead(t) => t.created,
        }
    }

    fn range(&self) -> Option<CharRange> {
        match self {
            Entry::Live(a) => a.range,
            Entry::Dead(_) => None,
        }
    }

    fn move_to_twin_id(&mut self) {
        let created = self.created();
        let twin = AnnotationId(twin_id(&self.id().0, created));
        match self {
            Entry::Live(a) => a.id = twin,
            Entry::Dead(t) => t.id = twin,
        }
    }
}

/// Which of two versions of one annotation survives; `None` keeps ours.
fn pick_version(ours: &Entry, incoming: &Entry) -> Option<Entry> {
    let take = match (ours, incoming) {
        // Equal copies are the common case; checked first so that no tie-break serialises.
        (Entry::Live(o), Entry::Live(i)) => o != i && incoming_wins(o, i),
        (Entry::Live(o), Entry::Dead(t)) => t.revision >= o.revision,
        (Entry::Dead(t), Entry::Live(i)) => i.revision > t.revision,
        (Entry::Dead(a), Entry::Dead(b)) => b.revision > a.revision,
    };
    take.then(|| incoming.clone())
}

/// Folds one incoming entry into `entries`. Two different annotations under one id (their
/// `created` differ) are twins: the earlier created keeps the id, the later moves to its
/// derived twin id, whichever side each came from, so both tabs end with the same ids.
fn merge_entry(entries: &mut HashMap<AnnotationId, Entry>, incoming: Entry, changes: &mut Changes) {
    let mut incoming = incoming;
    // Each pass settles the entry or moves one twin to a longer derived id; the bound only
    // guards against pathological hand-made files.
    for _ in 0..16 {
        let id = incoming.id().clone();
        let Some(ours) = entries.get(&id) else {
            if let Entry::Live(annotation) = &incoming {
                changes.annotations.insert(id.clone());
                changes.ranges.extend(annotation.range);
            }
            entries.insert(id, incoming);
            return;
        };
        if same_birth(ours.created(), incoming.created()) {
            if let Some(winner) = pick_version(ours, &incoming) {
                // A newer revision of identical content is adopted silently.
                let visible = match (ours, &winner) {
                    (Entry::Live(o), Entry::Live(w)) => !o.same_content(w),
                    (Entry::Dead(_), Entry::Dead(_)) => false,
                    _ => true,
                };
                if visible {
                    changes.annotations.insert(id.clone());
                    changes.ranges.extend(ours.range());
                }
                entries.insert(id, winner);
            }
            return;
        }
        if ours.created() <= incoming.created() {
            incoming.move_to_twin_id();
        } else if let Some(mut moved) = entries.remove(&id) {
            if let Entry::Live(annotation) = &moved {
                changes.annotations.insert(id.clone());
                changes.ranges.extend(annotation.range);
            }
            moved.move_to_twin_id();
            if let Entry::Live(annotation) = &incoming {
                changes.annotations.insert(id.clone());
                changes.ranges.extend(annotation.range);
            }
            entries.insert(id, incoming);
            incoming = moved;
        }
    }
}
