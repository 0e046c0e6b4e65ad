//! The actions on speakers: add, rename, merge one into another, delete, recolour. A speaker
//! taken out of the list leaves a tombstone, and its quotes go to its heir (or to nobody).

use super::{clean_name, AnnotationId, Document, Speaker, SpeakerId, SpeakerTombstone};
use crate::core::palette::{least_used_slot, PALETTE};

use super::action::*;

impl Document {
    /// The speaker (other than `except`) already called `name`, as an error.
    pub(super) fn check_name_free(
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

    pub(super) fn add_speaker(&mut self, name: &str, now: i64) -> Result<Applied, ActionError> {
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

    pub(super) fn rename_speaker(
        &mut self,
        id: &SpeakerId,
        name: &str,
    ) -> Result<Applied, ActionError> {
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

    pub(super) fn merge_speakers(
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
    pub(super) fn attributed_to(&self, speaker: &SpeakerId) -> Vec<AnnotationId> {
        self.annotations
            .iter()
            .filter(|a| a.speaker.as_ref() == Some(speaker))
            .map(|a| a.id.clone())
            .collect()
    }

    /// Leaves a tombstone for a speaker just taken out of the list, and gives its quotes to
    /// `heir` (`None`: an unknown speaker), each as a change of its own for merging.
    pub(super) fn retire_speaker(&mut self, speaker: Speaker, heir: Option<SpeakerId>, now: i64) {
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

    pub(super) fn delete_speaker(
        &mut self,
        id: &SpeakerId,
        now: i64,
    ) -> Result<Applied, ActionError> {
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

    pub(super) fn set_speaker_colour(
        &mut self,
        id: &SpeakerId,
        colour: u8,
    ) -> Result<Applied, ActionError> {
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
}
