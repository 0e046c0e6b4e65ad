//! Curating an answer key: the teacher picks a merge rule, then accepts, rejects or edits
//! (boundaries, speaker) each proposed passage. A curation is a small value — the rule and one
//! verdict per touched passage — so undo is a list of earlier values and saving is a short JSON
//! text. The key itself is built as an ordinary [`Document`] through core actions, so it
//! exports (and imports) like any reader's file.

use serde::{Deserialize, Serialize};

use crate::core::agreement::{propose_key, Annotator, KeyPassage, KeyRule, ProposedKey, Span};
use crate::core::anchoring::Anchorer;
use crate::core::document::{Action, AnnotationKind, Document, NewAnnotation};
use crate::core::interchange::{export_native_by, ArticleMeta};
use crate::core::text::CharRange;

/// The merge rule as the teacher picks it (and as it is saved).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "rule", content = "k")]
pub enum RuleChoice {
    Unanimous,
    Majority,
    AtLeast(usize),
}

impl RuleChoice {
    pub fn key_rule(self) -> KeyRule {
        match self {
            RuleChoice::Unanimous => KeyRule::Unanimous,
            RuleChoice::Majority => KeyRule::Majority,
            RuleChoice::AtLeast(k) => KeyRule::AtLeast(k.max(1)),
        }
    }
}

/// What the teacher decided about one proposed passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "verdict")]
pub enum Verdict {
    Accept,
    Reject,
    /// In the key with these boundaries and speaker (`None`: unknown speaker).
    Edit {
        start: usize,
        end: usize,
        speaker: Option<String>,
    },
}

/// A passage's identity across rule changes and reloads: its kind and proposed range (the
/// clustering does not depend on the rule, so neither does this).
pub fn passage_id(passage: &KeyPassage) -> String {
    let kind = match passage.kind {
        AnnotationKind::Quote => "q",
        AnnotationKind::Highlight => "h",
    };
    format!("{kind}{}-{}", passage.range.start, passage.range.end)
}

/// The rule and the verdicts given so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Curation {
    pub rule: RuleChoice,
    /// `(passage id, verdict)`, at most one per passage.
    pub verdicts: Vec<(String, Verdict)>,
}

impl Default for Curation {
    fn default() -> Self {
        Self {
            rule: RuleChoice::Majority,
            verdicts: Vec::new(),
        }
    }
}

impl Curation {
    pub fn verdict(&self, id: &str) -> Option<&Verdict> {
        self.verdicts.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    fn with_verdict(&self, id: &str, verdict: Option<Verdict>) -> Self {
        let mut next = self.clone();
        next.verdicts.retain(|(k, _)| k != id);
        if let Some(verdict) = verdict {
            next.verdicts.push((id.to_owned(), verdict));
        }
        next
    }
}

/// One proposed passage with the teacher's verdict applied.
#[derive(Clone, Debug, PartialEq)]
pub struct CuratedPassage {
    pub id: String,
    pub proposal: KeyPassage,
    pub verdict: Option<Verdict>,
    /// In the key after the verdict (or, without one, by the rule).
    pub in_key: bool,
    pub range: CharRange,
    pub speaker: Option<String>,
}

/// The proposal under the curation's rule, with every verdict applied, in article order.
pub fn curate(annotators: &[Annotator], curation: &Curation) -> (ProposedKey, Vec<CuratedPassage>) {
    let proposal = propose_key(annotators, curation.rule.key_rule());
    let curated = proposal
        .passages
        .iter()
        .map(|passage| {
            let id = passage_id(passage);
            let verdict = curation.verdict(&id).cloned();
            let proposed_speaker = passage.speaker.as_ref().map(|label| label.name.clone());
            let (in_key, range, speaker) = match &verdict {
                None => (passage.accepted, passage.range, proposed_speaker),
                Some(Verdict::Accept) => (true, passage.range, proposed_speaker),
                Some(Verdict::Reject) => (false, passage.range, proposed_speaker),
                Some(Verdict::Edit {
                    start,
                    end,
                    speaker,
                }) => (true, CharRange::new(*start, *end), speaker.clone()),
            };
            CuratedPassage {
                id,
                proposal: passage.clone(),
                verdict,
                in_key,
                range,
                speaker,
            }
        })
        .collect();
    (proposal, curated)
}

/// The curated key as an annotator, to score students against.
pub fn key_annotator(curated: &[CuratedPassage]) -> Annotator {
    Annotator::new(
        "Key",
        curated
            .iter()
            .filter(|p| p.in_key)
            .map(|p| Span {
                range: p.range,
                kind: p.proposal.kind,
                speaker: (p.proposal.kind == AnnotationKind::Quote)
                    .then(|| {
                        p.speaker
                            .as_ref()
                            .map(|name| crate::core::agreement::SpeakerLabel::new(name, &[]))
                    })
                    .flatten(),
            })
            .collect(),
    )
}

/// The key as a document built through core actions: one quote (speaker by name) or highlight
/// per passage in the key, with the selectors captured from the article.
pub fn key_document(article_id: &str, text_content: &str, curated: &[CuratedPassage]) -> Document {
    let mut document = Document::new(article_id);
    let anchorer = Anchorer::new(text_content);
    for passage in curated.iter().filter(|p| p.in_key) {
        let Ok(selectors) = anchorer.capture(passage.range) else {
            continue;
        };
        let action = match passage.proposal.kind {
            AnnotationKind::Quote => Action::AddAnnotation(NewAnnotation::selected(
                AnnotationKind::Quote,
                passage.range,
                selectors,
                passage.speaker.clone().unwrap_or_default(),
                String::new(),
            )),
            AnnotationKind::Highlight => Action::CreateAnnotation {
                kind: AnnotationKind::Highlight,
                range: passage.range,
                selectors,
                speaker: None,
                note: String::new(),
            },
        };
        // A refused passage (say, an empty edited range) is left out rather than failing the
        // whole key; the view shows what is in it.
        let _ = document.apply(action, 0);
    }
    document.forget_history();
    document
}

/// The key as an ordinary native file, with "Answer key" as its annotator.
pub fn key_file(article: &ArticleMeta, text_content: &str, curated: &[CuratedPassage]) -> String {
    let document = key_document(&article.id, text_content, curated);
    export_native_by(&document, article, Some("Answer key"))
}

/// The current curation with what came before it (for undo) and after (for redo).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurationHistory {
    pub current: Curation,
    pub past: Vec<Curation>,
    #[serde(default)]
    pub future: Vec<Curation>,
}

/// Undo steps kept (and saved): plenty for a marking session, small in localStorage.
const MAX_UNDO: usize = 200;
/// The saved value's format marker and version.
const SAVED_FORMAT: &str = "quotemark-key-curation";
const SAVED_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    format: String,
    version: u64,
    history: CurationHistory,
}

impl CurationHistory {
    fn push(&mut self, next: Curation) -> bool {
        if next == self.current {
            return false;
        }
        let before = std::mem::replace(&mut self.current, next);
        self.past.push(before);
        if self.past.len() > MAX_UNDO {
            self.past.remove(0);
        }
        self.future.clear();
        true
    }

    pub fn set_rule(&mut self, rule: RuleChoice) -> bool {
        let mut next = self.current.clone();
        next.rule = rule;
        self.push(next)
    }

    /// Gives (or, with `None`, withdraws) a passage's verdict. One undo step.
    pub fn decide(&mut self, id: &str, verdict: Option<Verdict>) -> bool {
        let next = self.current.with_verdict(id, verdict);
        self.push(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.past.pop() else {
            return false;
        };
        let now = std::mem::replace(&mut self.current, previous);
        self.future.push(now);
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.future.pop() else {
            return false;
        };
        let now = std::mem::replace(&mut self.current, next);
        self.past.push(now);
        true
    }

    /// The localStorage key for one article's curation (beside, never over, the widget's own).
    pub fn storage_key(article_key: &str) -> String {
        format!("quotemark:key-curation:{article_key}")
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(&Saved {
            format: SAVED_FORMAT.to_owned(),
            version: SAVED_VERSION,
            history: self.clone(),
        })
        .unwrap_or_default()
    }

    /// Reads a saved value; anything unreadable or from a newer build is `None` (the caller
    /// starts afresh and does not write over a newer build's value).
    pub fn decode(text: &str) -> Option<Self> {
        let saved: Saved = serde_json::from_str(text).ok()?;
        (saved.format == SAVED_FORMAT && saved.version == SAVED_VERSION).then_some(saved.history)
    }

    /// True when a saved text is from a newer build, which must not be overwritten.
    pub fn is_newer(text: &str) -> bool {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("version").and_then(serde_json::Value::as_u64))
            .is_some_and(|version| version > SAVED_VERSION)
    }
}
