//! What the side panel shows, decided natively: the filter and which annotations it lets
//! through, which need review, how kinds and statuses are named, speakers as the panel shows
//! them, and the class names and element ids the panel's markup uses.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::anchoring::AnchorStatus;
use crate::core::document::{Annotation, AnnotationKind, Document, Speaker, SpeakerId};
use crate::core::palette::{initials, PALETTE};

/// Which annotations the side panel lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// `None`: every speaker; `Some(None)`: quotes with an unknown speaker.
    pub speaker: Option<Option<SpeakerId>>,
    pub kind: Option<AnnotationKind>,
    pub query: String,
}

/// Annotations shown (or revealed by "Show more") at a time, so a document with thousands of
/// annotations never renders thousands of cards.
pub const PAGE: usize = 50;

/// What a card, chip or row shows of a speaker. Cheap to compare, so memoised components
/// can tell quickly that nothing they show changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerInfo {
    pub id: SpeakerId,
    pub name: String,
    pub colour: u8,
    pub initials: String,
}

impl SpeakerInfo {
    pub fn of(speaker: &Speaker) -> Self {
        Self {
            id: speaker.id.clone(),
            name: speaker.name.clone(),
            colour: palette_slot(speaker.colour),
            initials: initials(&speaker.name),
        }
    }
}

/// Every speaker of `document`, in speaker-list order.
pub fn speaker_infos(document: &Document) -> Vec<SpeakerInfo> {
    document.speakers().iter().map(SpeakerInfo::of).collect()
}

/// [`speaker_infos`] as the same `Rc` (kept in `cache`) for as long as the speakers look the
/// same, so that components given it see unchanged props and are not drawn again.
pub fn cached_speaker_infos(
    cache: &RefCell<Rc<Vec<SpeakerInfo>>>,
    document: &Document,
) -> Rc<Vec<SpeakerInfo>> {
    let fresh = speaker_infos(document);
    let mut cache = cache.borrow_mut();
    if **cache != fresh {
        *cache = Rc::new(fresh);
    }
    cache.clone()
}

/// A stored colour index folded into the palette (hand-edited files may hold any number).
pub fn palette_slot(colour: u8) -> u8 {
    // PALETTE has 9 slots, so the remainder always fits in a u8.
    (usize::from(colour) % PALETTE.len()) as u8
}

/// The class giving a chip or swatch its speaker's colour: `qm-c{slot}`, or `qm-c-unknown`.
pub fn colour_class(colour: Option<u8>) -> String {
    match colour {
        Some(colour) => format!("qm-c{}", palette_slot(colour)),
        None => "qm-c-unknown".to_owned(),
    }
}

pub fn kind_label(kind: AnnotationKind) -> &'static str {
    match kind {
        AnnotationKind::Quote => "Quote",
        AnnotationKind::Highlight => "Highlight",
    }
}

/// How an annotation's anchoring is described to the reader; `None` when it sits where it
/// was made, which needs no mention.
pub fn status_label(status: AnchorStatus) -> Option<String> {
    match status {
        AnchorStatus::Anchored => None,
        AnchorStatus::Moved => Some("moved".to_owned()),
        AnchorStatus::Fuzzy { score } => {
            let percent = (score.clamp(0.0, 1.0) * 100.0).round() as u32;
            Some(format!("fuzzy {percent} %"))
        }
        AnchorStatus::Orphan => Some("orphan — not found".to_owned()),
    }
}

/// True for annotations the reader should look at again: approximate matches and orphans.
pub fn needs_review(annotation: &Annotation) -> bool {
    matches!(
        annotation.status,
        AnchorStatus::Fuzzy { .. } | AnchorStatus::Orphan
    )
}

/// A bar-width class for `part` of `whole`: `qm-w-0` to `qm-w-100` in steps of 5. Anything
/// above zero gets at least the smallest visible bar.
pub fn width_class(part: usize, whole: usize) -> String {
    let steps = if whole == 0 || part == 0 {
        0
    } else {
        ((part.min(whole) * 20 + whole / 2) / whole).max(1)
    };
    format!("qm-w-{}", steps * 5)
}

/// The `<select>` value standing for a filter's speaker choice.
pub fn speaker_filter_value(speaker: &Option<Option<SpeakerId>>) -> String {
    match speaker {
        None => "all".to_owned(),
        Some(None) => "unknown".to_owned(),
        Some(Some(id)) => format!("speaker:{id}"),
    }
}

/// The filter speaker choice a `<select>` value stands for (unknown values show everything).
pub fn speaker_filter_from_value(value: &str) -> Option<Option<SpeakerId>> {
    match value {
        "unknown" => Some(None),
        _ => value
            .strip_prefix("speaker:")
            .map(|id| Some(SpeakerId(id.to_owned()))),
    }
}

/// Indices into `document.annotations` (so in article order) of the annotations `filter`
/// lets through. The search is case-insensitive over the quoted text and the note.
pub fn matching(document: &Document, filter: &Filter) -> Vec<usize> {
    let query = filter.query.trim().to_lowercase();
    document
        .annotations()
        .iter()
        .enumerate()
        .filter(|(_, annotation)| {
            let speaker_ok = match &filter.speaker {
                None => true,
                Some(None) => {
                    annotation.kind == AnnotationKind::Quote && annotation.speaker.is_none()
                }
                Some(Some(id)) => annotation.speaker.as_ref() == Some(id),
            };
            let kind_ok = filter.kind.is_none_or(|kind| annotation.kind == kind);
            let query_ok = query.is_empty()
                || annotation
                    .selectors
                    .quote
                    .exact
                    .to_lowercase()
                    .contains(&query)
                || annotation.note.to_lowercase().contains(&query);
            speaker_ok && kind_ok && query_ok
        })
        .map(|(index, _)| index)
        .collect()
}

/// An element id for `raw` (an annotation or speaker id, which an imported file may spell
/// with any characters) that is safe inside an `aria-describedby` list: characters other
/// than ASCII letters, digits and `-` are written as `_` plus their hex code, so distinct ids
/// stay distinct.
pub fn dom_id(prefix: &str, raw: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + raw.len() + 1);
    id.push_str(prefix);
    id.push('-');
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            id.push(c);
        } else {
            id.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    id
}
