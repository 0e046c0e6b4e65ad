//! Loading and saving a document in localStorage, with every failure kept visible and no
//! stored work ever lost: corrupt data is copied aside before anything is written over it.

use crate::core::anchor::Anchorer;
use crate::core::article::Article;
use crate::core::document::{AnchorStatus, Document};
use crate::core::persist::{self, Decoded};
use crate::platform::storage::{self, StorageError};
use crate::ui::state::SaveStatus;

/// The document stored for `article_key` (re-anchored to `article`), or a new one, and the
/// status to show.
pub fn load(article: &Article, article_key: &str, now: i64) -> (Document, SaveStatus) {
    let key = persist::storage_key(article_key);
    let stored = match storage::read(&key) {
        Ok(stored) => stored,
        Err(error) => {
            return (Document::new(article_key), status_for(&error));
        }
    };
    match persist::decode(stored.as_deref()) {
        Decoded::Missing => (Document::new(article_key), SaveStatus::Idle),
        Decoded::Loaded(document) | Decoded::Migrated { document, .. } => {
            (reanchor(article, document), SaveStatus::Saved)
        }
        Decoded::Corrupt { reason } => {
            let quarantine_key = persist::quarantine_key(article_key, now);
            let kept = stored
                .as_deref()
                .map(|raw| storage::write(&quarantine_key, raw));
            let status = match kept {
                Some(Ok(())) => SaveStatus::Corrupt {
                    reason: reason.to_string(),
                    quarantine_key,
                },
                // Couldn't copy it aside: never write over the original then.
                _ => SaveStatus::Corrupt {
                    reason: reason.to_string(),
                    quarantine_key: key,
                },
            };
            (Document::new(article_key), status)
        }
    }
}

/// Where each annotation is in this article's text, which may differ from the text it was
/// made on (the article was corrected since).
pub fn reanchor(article: &Article, mut document: Document) -> Document {
    let anchorer = Anchorer::new(article.text_content());
    for annotation in &mut document.annotations {
        let found = anchorer.reanchor(&annotation.selectors);
        // A reviewed status stays; only a change of place or a loss is news.
        let unchanged = found.range == annotation.range && found.status == AnchorStatus::Anchored;
        if !unchanged {
            annotation.range = found.range;
            annotation.status = found.status;
        }
    }
    document
        .annotations
        .sort_by(crate::core::document::article_order);
    document
}

/// Saves the document; the status says whether it reached storage.
pub fn save(article_key: &str, document: &Document, now: i64, current: &SaveStatus) -> SaveStatus {
    let key = persist::storage_key(article_key);
    if let SaveStatus::Corrupt { quarantine_key, .. } = current {
        if *quarantine_key == key {
            // The damaged original could not be copied aside; it stays untouched.
            return current.clone();
        }
    }
    let encoded = persist::encode(document, now);
    match storage::write(&key, &encoded) {
        Ok(()) => match current {
            // Keep telling the reader about the data kept aside.
            SaveStatus::Corrupt { .. } => current.clone(),
            _ => SaveStatus::Saved,
        },
        Err(error) => status_for(&error),
    }
}

fn status_for(error: &StorageError) -> SaveStatus {
    match error {
        StorageError::QuotaExceeded => SaveStatus::Full,
        StorageError::Unavailable(detail) | StorageError::Failed(detail) => {
            SaveStatus::Unavailable(detail.clone())
        }
    }
}
