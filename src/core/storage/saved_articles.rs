//! What this browser holds for other articles: a summary of each stored document for the
//! list of saved articles, and the earlier version of a pasted article whose annotations fit
//! it best. A pasted article is keyed by a hash of its text, so one changed word gives it a
//! new key; this is how its earlier work is found again instead of seeming to vanish.

use crate::core::anchoring::Anchorer;
use crate::core::document::Document;
use crate::core::storage::envelope::{self, Decoded};

/// One article's stored annotations, as the list shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedArticle {
    /// The article part of the storage key (host id or content hash).
    pub article_key: String,
    /// The title the saving widget recorded, if any.
    pub title: Option<String>,
    pub annotations: usize,
    pub speakers: usize,
    /// When it was last saved, ms since the Unix epoch.
    pub saved_at: i64,
}

/// Summaries of the stored entries `(storage key, value)` that are readable Quotemark
/// documents, newest first. Quarantined and foreign keys are skipped.
pub fn summarize(entries: &[(String, String)]) -> Vec<SavedArticle> {
    let mut saved: Vec<SavedArticle> = entries
        .iter()
        .filter_map(|(key, value)| {
            let article_key = key.strip_prefix(envelope::STORAGE_KEY_PREFIX)?;
            let (title, saved_at) = envelope::envelope_header(value)?;
            let document = readable(value)?;
            Some(SavedArticle {
                article_key: article_key.to_owned(),
                title,
                annotations: document.annotations().len(),
                speakers: document.speakers().len(),
                saved_at,
            })
        })
        .collect();
    saved.sort_by(|a, b| {
        b.saved_at
            .cmp(&a.saved_at)
            .then_with(|| a.article_key.cmp(&b.article_key))
    });
    saved
}

/// An earlier version's work that fits the article being opened.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlierVersion {
    pub article_key: String,
    pub title: Option<String>,
    pub saved_at: i64,
    pub document: Document,
    /// Of its annotations, how many were found in the new text.
    pub found: usize,
    pub total: usize,
}

/// The stored document (other than `own_key`'s) whose annotations are best found in
/// `text_content`: the most found, at least half of its annotations (the same rule that tells
/// an edited version of an article from another article on import). `None` when no stored
/// document qualifies.
pub fn closest_earlier_version(
    text_content: &str,
    own_key: &str,
    entries: &[(String, String)],
) -> Option<EarlierVersion> {
    let anchorer = Anchorer::new(text_content);
    entries
        .iter()
        .filter_map(|(key, value)| {
            let article_key = key.strip_prefix(envelope::STORAGE_KEY_PREFIX)?;
            if article_key == own_key {
                return None;
            }
            let document = readable(value)?;
            let total = document.annotations().len();
            let found = document
                .annotations()
                .iter()
                .filter(|a| anchorer.reanchor(&a.selectors).range.is_some())
                .count();
            if total == 0 || found * 2 < total {
                return None;
            }
            let (title, saved_at) = envelope::envelope_header(value).unwrap_or((None, 0));
            Some(EarlierVersion {
                article_key: article_key.to_owned(),
                title,
                saved_at,
                document,
                found,
                total,
            })
        })
        .max_by(|a, b| {
            (a.found, a.saved_at)
                .cmp(&(b.found, b.saved_at))
                .then_with(|| b.article_key.cmp(&a.article_key))
        })
}

fn readable(value: &str) -> Option<Document> {
    match envelope::decode(Some(value)) {
        Decoded::Loaded(document) | Decoded::Migrated { document, .. } => Some(document),
        Decoded::Missing | Decoded::Corrupt { .. } => None,
    }
}
