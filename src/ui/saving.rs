//! Loading and saving a document in localStorage: the reads and writes that carry out the
//! rules of `core::storage::policy`, with every failure turned into a status the reader sees.

use crate::core::article::Article;
use crate::core::document::Document;
use crate::core::storage::envelope::{self, CorruptReason, Decoded};
use crate::core::storage::policy::{
    self, fingerprint, plan_save, reanchored, SavePlan, SaveStatus,
};
use crate::core::storage::saved_articles::{closest_earlier_version, EarlierVersion};
use crate::platform::storage::{self, StorageError};

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
            document: reanchored(article.text_content(), document),
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
/// build, or when the copy fails — left where it is, with saving stopped (the status says
/// which).
fn set_aside(
    key: &str,
    article_key: &str,
    stored: &str,
    reason: &CorruptReason,
    now: i64,
) -> SaveStatus {
    let kept_at = policy::quarantine_for(reason, article_key, now)
        .filter(|quarantine_key| storage::write(quarantine_key, stored).is_ok());
    policy::set_aside_status(reason, key, kept_at)
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
    let stored = match storage::read(&key) {
        Ok(stored) => stored,
        Err(error) => return unchanged(status_for(&error)),
    };
    let text = article.text_content();
    let status = match plan_save(&key, text, document, stored.as_deref(), known, current) {
        SavePlan::Write { status } => status,
        SavePlan::MergeFirst {
            remote,
            fingerprint,
        } => {
            return Saved::MergeFirst {
                remote,
                fingerprint,
            }
        }
        SavePlan::SetAsideFirst { reason } => {
            let status = set_aside(
                &key,
                article_key,
                stored.as_deref().unwrap_or(""),
                &reason,
                now,
            );
            if policy::is_stopped(&status, &key) {
                return unchanged(status);
            }
            status
        }
    };
    let encoded = envelope::encode_titled(document, Some(&article.title), now);
    match storage::write(&key, &encoded) {
        Ok(()) => Saved::Done {
            status,
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
