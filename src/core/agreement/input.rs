//! The input model: one annotator's anchored spans, with speakers reduced to comparable labels.

use crate::core::document::{AnnotationKind, Document};
use crate::core::text::typography::name_key;
use crate::core::text::CharRange;

/// A speaker as the scoring sees it: only names matter, because two students' files give the
/// same person unrelated ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerLabel {
    pub name: String,
    pub aliases: Vec<String>,
}

impl SpeakerLabel {
    pub fn new(name: impl Into<String>, aliases: &[&str]) -> Self {
        Self {
            name: name.into(),
            aliases: aliases.iter().map(|alias| alias.to_string()).collect(),
        }
    }

    /// Every name this label answers to, in the normalised form used for comparison.
    pub fn keys(&self) -> impl Iterator<Item = String> + '_ {
        std::iter::once(&self.name)
            .chain(self.aliases.iter())
            .map(|name| name_key(name))
            .filter(|key| !key.is_empty())
    }

    /// True when some name or alias of one equals some name or alias of the other, ignoring case
    /// and whitespace differences.
    pub fn agrees_with(&self, other: &SpeakerLabel) -> bool {
        let mine: Vec<String> = self.keys().collect();
        other.keys().any(|key| mine.contains(&key))
    }
}

/// Unknown speakers (`None`) agree with each other and with nobody else.
pub fn labels_agree(a: Option<&SpeakerLabel>, b: Option<&SpeakerLabel>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.agrees_with(b),
        _ => false,
    }
}

/// One anchored annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub range: CharRange,
    pub kind: AnnotationKind,
    /// `None` is "unknown speaker", which is a label of its own. Always `None` for highlights.
    pub speaker: Option<SpeakerLabel>,
}

impl Span {
    pub fn quote(start: usize, end: usize, speaker: Option<SpeakerLabel>) -> Self {
        Self {
            range: CharRange::new(start, end),
            kind: AnnotationKind::Quote,
            speaker,
        }
    }

    pub fn highlight(start: usize, end: usize) -> Self {
        Self {
            range: CharRange::new(start, end),
            kind: AnnotationKind::Highlight,
            speaker: None,
        }
    }
}

/// One person's (or the key's) annotations of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotator {
    pub name: String,
    pub spans: Vec<Span>,
}

impl Annotator {
    pub fn new(name: impl Into<String>, spans: Vec<Span>) -> Self {
        Self {
            name: name.into(),
            spans,
        }
    }

    /// Orphans and empty ranges are left out: neither says anything about where the text is.
    /// A quote whose speaker is missing from the document or has only blank names is "unknown".
    /// A highlight's speaker is dropped because only quotes are scored for speakers.
    pub fn from_document(name: impl Into<String>, doc: &Document) -> Self {
        let spans = doc
            .annotations()
            .iter()
            .filter_map(|annotation| {
                let range = annotation.range.filter(|range| !range.is_empty())?;
                let speaker = match annotation.kind {
                    AnnotationKind::Highlight => None,
                    AnnotationKind::Quote => annotation
                        .speaker
                        .as_ref()
                        .and_then(|id| doc.speaker(id))
                        .map(|speaker| SpeakerLabel {
                            name: speaker.name.clone(),
                            aliases: speaker.aliases.clone(),
                        })
                        // A speaker with only blank names could agree with nobody, not even
                        // itself; it says no more than "unknown", so it counts as that.
                        .filter(|label| label.keys().next().is_some()),
                };
                Some(Span {
                    range,
                    kind: annotation.kind,
                    speaker,
                })
            })
            .collect();
        Self {
            name: name.into(),
            spans,
        }
    }

    /// The spans of one layer, in their original order.
    pub fn layer(&self, layer: Layer) -> Vec<&Span> {
        self.spans
            .iter()
            .filter(|span| layer.includes(span.kind))
            .collect()
    }
}

/// Which annotations a span score looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    Quotes,
    Highlights,
    /// Quotes and highlights together, matched on range alone: "did they mark the same
    /// passages", whatever they called them.
    All,
}

impl Layer {
    pub const EVERY: [Layer; 3] = [Layer::Quotes, Layer::Highlights, Layer::All];

    pub fn includes(self, kind: AnnotationKind) -> bool {
        match self {
            Layer::Quotes => kind == AnnotationKind::Quote,
            Layer::Highlights => kind == AnnotationKind::Highlight,
            Layer::All => true,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Layer::Quotes => "quotes",
            Layer::Highlights => "highlights",
            Layer::All => "all",
        }
    }
}

/// A label as a sorted list of interned name keys: comparing and unifying these needs no
/// string work, which matters when every pair of 30 annotators is compared.
pub type KeyedLabel = Vec<u32>;

/// Hands out one number per distinct normalised name, shared by all labels of a comparison.
#[derive(Debug, Default)]
pub struct LabelInterner {
    ids: std::collections::HashMap<String, u32>,
}

impl LabelInterner {
    pub fn intern(&mut self, label: &SpeakerLabel) -> KeyedLabel {
        let mut keys: Vec<u32> = label
            .keys()
            .map(|key| {
                let next = self.ids.len() as u32;
                *self.ids.entry(key).or_insert(next)
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// [`labels_agree`] on interned labels: sorted key lists that share an element.
pub fn keyed_agree(a: Option<&[u32]>, b: Option<&[u32]>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let (mut i, mut j) = (0, 0);
            while i < a.len() && j < b.len() {
                match a[i].cmp(&b[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => return true,
                }
            }
            false
        }
        _ => false,
    }
}

/// Sorts labels into categories: labels sharing a name or alias land in one category, and so
/// does anything linked through a chain of such labels, because a category must be an
/// equivalence class for κ and α to be defined. Unknown speakers form one category of their
/// own. Returns one category number per input, numbered from 0 in order of first appearance.
pub fn unify_labels(labels: &[Option<&SpeakerLabel>]) -> Vec<usize> {
    let mut interner = LabelInterner::default();
    let keyed: Vec<Option<KeyedLabel>> = labels
        .iter()
        .map(|label| label.map(|label| interner.intern(label)))
        .collect();
    let views: Vec<Option<&[u32]>> = keyed.iter().map(|label| label.as_deref()).collect();
    unify_keyed(&views)
}

/// [`unify_labels`] on interned labels.
pub fn unify_keyed(labels: &[Option<&[u32]>]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..labels.len()).collect();
    let mut owner_of_key: std::collections::HashMap<u32, usize> = Default::default();
    let mut first_unknown: Option<usize> = None;
    for (index, label) in labels.iter().enumerate() {
        match label {
            None => match first_unknown {
                None => first_unknown = Some(index),
                Some(first) => union(&mut parent, first, index),
            },
            Some(keys) => {
                for &key in keys.iter() {
                    match owner_of_key.get(&key) {
                        Some(&owner) => union(&mut parent, owner, index),
                        None => {
                            owner_of_key.insert(key, index);
                        }
                    }
                }
            }
        }
    }
    let mut number_of_root: std::collections::HashMap<usize, usize> = Default::default();
    (0..labels.len())
        .map(|index| {
            let root = find(&mut parent, index);
            let next = number_of_root.len();
            *number_of_root.entry(root).or_insert(next)
        })
        .collect()
}

pub(crate) fn find(parent: &mut [usize], mut index: usize) -> usize {
    while parent[index] != index {
        parent[index] = parent[parent[index]];
        index = parent[index];
    }
    index
}

pub(crate) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (root_a, root_b) = (find(parent, a), find(parent, b));
    if root_a != root_b {
        // The smaller index stays the root so that results do not depend on union order.
        let (low, high) = (root_a.min(root_b), root_a.max(root_b));
        parent[high] = low;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_match_ignoring_case_and_spacing() {
        let jane = SpeakerLabel::new("Jane Roe", &["Sen. Jane Roe"]);
        assert!(jane.agrees_with(&SpeakerLabel::new("sen.  JANE roe", &[])));
        assert!(SpeakerLabel::new("Sen. Jane Roe", &[]).agrees_with(&jane));
        assert!(!jane.agrees_with(&SpeakerLabel::new("John Roe", &[])));
        assert!(labels_agree(None, None));
        assert!(!labels_agree(Some(&jane), None));
    }

    #[test]
    fn unification_is_transitive_and_unknown_is_its_own_category() {
        let a = SpeakerLabel::new("A", &["Alpha"]);
        let b = SpeakerLabel::new("Alpha", &["Beta"]);
        let c = SpeakerLabel::new("beta", &[]);
        let d = SpeakerLabel::new("Delta", &[]);
        let cats = unify_labels(&[Some(&d), Some(&a), None, Some(&c), Some(&b), None]);
        assert_eq!(cats, vec![0, 1, 2, 1, 1, 2]);
    }
}
