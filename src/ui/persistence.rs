//! Loading and saving a document in localStorage, with every failure kept visible and no
//! stored work ever lost: before writing, whatever someone else stored since (another tab,
//! another widget on the page, a newer build) is merged in or kept aside, never written over.

use crate::core::anchoring::Anchorer;
use crate::core::article::{content_hash, Article};
use crate::core::document::{AnchorStatus, Document};
use crate::core::storage::envelope::{self, CorruptReason, Decoded};
use crate::core::storage::saved_articles::{closest_earlier_version, EarlierVersion};
use crate::platform::storage::{self, StorageError};
use crate::ui::state::SaveStatus;

/// A fingerprint of a stored value, to notice cheaply that someone else wrote since.
pub fn fingerprint(stored: &str) -> String {
    content_hash(stored)
}

/// What a widget starts with: the document, the status to show, and the fingerprint of the
/// stored value it was read from (or wrote), for [`save`] to compare against.
pub struct Loaded {
    pub document: Document,
    pub status: SaveStatus,
    pub fingerprint: Option<String>,
}

/// The document stored for `article_key` (re-anchored to `article`), or a new one.
pub fn load(article: &Article, article_key: &str, now: i64) -> Loaded {
    let key = envelope::storage_key(article_key);
    let stored = match storage::read(&key) {
        Ok(stored) => stored,
        Err(error) => {
            return Loaded {
                document: Document::new(article_key),
                status: status_for(&error),
                fingerprint: None,
            }
        }
    };
    let fingerprint = stored.as_deref().map(fingerprint);
    match envelope::decode(stored.as_deref()) {
        Decoded::Missing => Loaded {
            document: Document::new(article_key),
            status: SaveStatus::Idle,
            fingerprint,
        },
        Decoded::Loaded(document) | Decoded::Migrated { document, .. } => Loaded {
            document: reanchor(article, document),
            status: SaveStatus::Saved,
            fingerprint,
        },
        Decoded::Corrupt { reason } => {
            let document = Document::new(article_key);
            let status = set_aside(
                &key,
                article_key,
                stored.as_deref().unwrap_or(""),
                &reason,
                now,
            );
            // Once the damaged value is safe elsewhere, replace it with the empty document the
            // widget starts from, so the next load doesn't copy it aside again.
            let fingerprint = match &status {
                SaveStatus::Corrupt { quarantine_key, .. } if *quarantine_key != key => {
                    let empty = envelope::encode_titled(&document, Some(&article.title), now);
                    storage::write(&key, &empty)
                        .ok()
                        .map(|()| self::fingerprint(&empty))
                }
                _ => fingerprint,
            };
            Loaded {
                document,
                status,
                fingerprint,
            }
        }
    }
}

/// Keeps an unreadable stored value: copied under a quarantine key, or — for data from a newer
/// build, which this one must not touch, or when the copy fails — left where it is, with
/// saving stopped. The status says which (`quarantine_key` equal to the live key: stopped).
fn set_aside(
    key: &str,
    article_key: &str,
    stored: &str,
    reason: &CorruptReason,
    now: i64,
) -> SaveStatus {
    let stopped = SaveStatus::Corrupt {
        reason: reason.to_string(),
        quarantine_key: key.to_owned(),
    };
    if matches!(reason, CorruptReason::NewerVersion { .. }) {
        return stopped;
    }
    let quarantine_key = envelope::quarantine_key(article_key, now);
    match storage::write(&quarantine_key, stored) {
        Ok(()) => SaveStatus::Corrupt {
            reason: reason.to_string(),
            quarantine_key,
        },
        Err(_) => stopped,
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

/// What became of a save.
pub enum Saved {
    /// Written (or not), as the status says; `fingerprint` is what storage now holds.
    Done {
        status: SaveStatus,
        fingerprint: Option<String>,
    },
    /// Someone else stored work this document lacks: merge it in first (the merge then saves
    /// the union). `fingerprint` is the value that was read.
    MergeFirst {
        remote: Box<Document>,
        fingerprint: String,
    },
}

/// Saves the document, unless storage holds work it would overwrite: `known` is the
/// fingerprint of the value this widget last read or wrote.
pub fn save(
    article: &Article,
    article_key: &str,
    document: &Document,
    known: Option<&str>,
    current: &SaveStatus,
    now: i64,
) -> Saved {
    let key = envelope::storage_key(article_key);
    let unchanged = |status: SaveStatus| Saved::Done {
        status,
        fingerprint: known.map(str::to_owned),
    };
    // Saving stopped because the stored value could not be kept aside (storage was full, say)
    // or is a newer build's. Each change tries again: the value is read afresh and, if it is
    // still unreadable, copied aside before anything is written — never written over.
    let stopped =
        matches!(current, SaveStatus::Corrupt { quarantine_key, .. } if *quarantine_key == key);
    let stored = match storage::read(&key) {
        Ok(stored) => stored,
        Err(error) => return unchanged(status_for(&error)),
    };
    let mut status_after = match current {
        SaveStatus::Corrupt { .. } if !stopped => current.clone(),
        _ => SaveStatus::Saved,
    };
    if let Some(stored) = stored.as_deref() {
        let stored_fingerprint = fingerprint(stored);
        // While stopped, the known fingerprint may be the unreadable value's own: read it.
        if stopped || Some(stored_fingerprint.as_str()) != known {
            match envelope::decode(Some(stored)) {
                Decoded::Loaded(remote)
                | Decoded::Migrated {
                    document: remote, ..
                } => {
                    let remote = reanchor(article, remote);
                    let mut union = document.clone();
                    if !union.merge_from(&remote).is_empty() {
                        return Saved::MergeFirst {
                            remote: Box::new(remote),
                            fingerprint: stored_fingerprint,
                        };
                    }
                }
                Decoded::Corrupt { reason } => {
                    status_after = set_aside(&key, article_key, stored, &reason, now);
                    if matches!(&status_after, SaveStatus::Corrupt { quarantine_key, .. } if *quarantine_key == key)
                    {
                        return unchanged(status_after);
                    }
                }
                Decoded::Missing => {}
            }
        }
    }
    let encoded = envelope::encode_titled(document, Some(&article.title), now);
    match storage::write(&key, &encoded) {
        Ok(()) => Saved::Done {
            status: status_after,
            fingerprint: Some(fingerprint(&encoded)),
        },
        Err(error) => unchanged(status_for(&error)),
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

/// The work saved on an earlier version of this article, when it is keyed by its text (a
/// pasted article) and nothing is stored under its own key yet. Reads every stored document,
/// so it runs once, after the first render.
pub fn earlier_version(article: &Article, article_key: &str) -> Option<EarlierVersion> {
    if article_key != article.content_hash() {
        return None;
    }
    let entries = storage::entries_with_prefix(envelope::STORAGE_KEY_PREFIX).ok()?;
    closest_earlier_version(article.text_content(), article_key, &entries)
}
