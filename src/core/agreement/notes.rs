//! Reading notes: plain-English warnings attached to scores that should not be taken at face
//! value, so a teacher does not over-read a κ of 0.2 from six quotes.

use super::coefficients::dominant_share;

/// Fewer matched quote pairs than this and κ swings wildly with one changed label.
pub const MIN_ITEMS_FOR_KAPPA: usize = 10;

/// When one speaker accounts for more than this share of the labels, κ and α can be low even
/// with near-total agreement (the "κ paradox", Feinstein & Cicchetti 1990).
pub const DOMINANCE_SHARE: f64 = 0.85;

/// Overlap F1 this much above exact F1 means most disagreement is about where passages start
/// and end, not about which passages they are.
pub const BOUNDARY_GAP: f64 = 0.2;

/// Why a score may mislead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoteKind {
    BothEmpty,
    TooFewItems,
    DominantLabel,
    BoundaryDisagreement,
    Undefined,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
}

impl Note {
    pub fn both_empty(layer: &str) -> Self {
        Self {
            kind: NoteKind::BothEmpty,
            text: format!(
                "Neither marked any {layer}; the F1 of 1.0 means they agree there is nothing to mark, not that they agree on anything marked."
            ),
        }
    }

    pub fn too_few(what: &str, count: usize) -> Self {
        Self {
            kind: NoteKind::TooFewItems,
            text: format!(
                "Only {count} {what}; with fewer than {MIN_ITEMS_FOR_KAPPA} one changed label moves the score a lot, so read it as a rough indication."
            ),
        }
    }

    pub fn dominant(what: &str, share: f64) -> Self {
        Self {
            kind: NoteKind::DominantLabel,
            text: format!(
                "One speaker accounts for {:.0}% of the {what}; chance agreement is then so high that {what} can look unreliable even when almost every label agrees (the kappa paradox). Look at the raw proportion too.",
                share * 100.0
            ),
        }
    }

    pub fn boundaries(layer: &str, exact: f64, overlap: f64) -> Self {
        Self {
            kind: NoteKind::BoundaryDisagreement,
            text: format!(
                "For {layer}, overlap F1 ({overlap:.2}) is much higher than exact F1 ({exact:.2}): they mostly found the same passages but drew the boundaries differently."
            ),
        }
    }

    pub fn undefined(what: &str, why: &str) -> Self {
        Self {
            kind: NoteKind::Undefined,
            text: format!("{what} cannot be computed: {why}."),
        }
    }
}

/// Notes on a speaker coefficient computed from `labels` (unified category numbers), where
/// `items` is the number of units (matched pairs or clusters) it rests on.
pub fn label_notes(what: &str, items: usize, labels: &[usize]) -> Vec<Note> {
    let mut notes = Vec::new();
    if items < MIN_ITEMS_FOR_KAPPA {
        notes.push(Note::too_few(&format!("items behind {what}"), items));
    }
    if let Some(share) = dominant_share(labels.iter().copied()) {
        if share > DOMINANCE_SHARE && labels.len() > 1 {
            notes.push(Note::dominant(what, share));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dominance_and_small_samples_are_flagged() {
        let kinds: Vec<NoteKind> = label_notes("kappa", 4, &[0, 0, 0, 0, 0, 0, 0, 1])
            .iter()
            .map(|note| note.kind)
            .collect();
        assert_eq!(kinds, vec![NoteKind::TooFewItems, NoteKind::DominantLabel]);
        assert!(label_notes("kappa", 20, &[0, 1, 0, 1]).is_empty());
    }
}
