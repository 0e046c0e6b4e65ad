//! When saving may write and what it must do first, without touching storage: the rules that
//! keep another tab's (or another widget's) stored work from ever being written over, decided
//! natively; the browser edge (`ui/saving.rs`) only reads, writes and reports.
//!
//! Before each write the stored value is read again. If it is not what this widget last read
//! or wrote (its [fingerprint] differs), someone else saved since: readable work is merged in
//! first (the merge is then saved as the union), unreadable work is kept aside under a
//! quarantine key, and work from a newer build is left alone with saving stopped.

use crate::core::anchoring::Anchorer;
use crate::core::article::content_hash;
use crate::core::document::Document;
use crate::core::storage::envelope::{self, CorruptReason, Decoded};

/// Whether the latest change reached browser storage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    #[default]
    Idle,
    Saved,
    /// Storage is full; the work is in memory and the next change retries.
    Full,
    /// Storage can't be used at all; the work lives only in this page.
    Unavailable(String),
    /// Stored data could not be read; it was kept aside under `quarantine_key`.
    Corrupt {
        reason: String,
        quarantine_key: String,
    },
    /// The host asked for no storage.
    Disabled,
}

/// A fingerprint of a stored value, to notice cheaply that someone else wrote since.
pub fn fingerprint(stored: &str) -> String {
    content_hash(stored)
}

/// `document` placed in `text`, which may differ from the text it was made on (the article
/// was corrected since): every annotation is found again from its selectors.
pub fn reanchored(text: &str, mut document: Document) -> Document {
    let anchorer = Anchorer::new(text);
    document.reanchor_with(|selectors| {
        let found = anchorer.reanchor(selectors);
        (found.range, found.status)
    });
    document
}

/// What a save must do, given what storage holds now.
#[derive(Debug)]
pub enum SavePlan {
    /// Nothing stands in the way: write, then show `status`.
    Write { status: SaveStatus },
    /// Someone else stored work this document lacks: merge `remote` in first (the merge then
    /// saves the union). `fingerprint` is the value that was read.
    MergeFirst {
        remote: Box<Document>,
        fingerprint: String,
    },
    /// The stored value can't be read: keep it aside first ([`set_aside_status`]), then
    /// write if it was kept.
    SetAsideFirst { reason: CorruptReason },
}

/// Decides what saving `document` under `key` must do. `stored` is the value storage holds
/// now, `known` the fingerprint of the value this widget last read or wrote, `current` the
/// status shown, `text` the article's text content (remote work is re-anchored to it).
pub fn plan_save(
    key: &str,
    text: &str,
    document: &Document,
    stored: Option<&str>,
    known: Option<&str>,
    current: &SaveStatus,
) -> SavePlan {
    // Saving stopped because the stored value could not be kept aside (storage was full, say)
    // or is a newer build's. Each change tries again: the value is read afresh and, if it is
    // still unreadable, copied aside before anything is written — never written over.
    let stopped = is_stopped(current, key);
    let status = match current {
        SaveStatus::Corrupt { .. } if !stopped => current.clone(),
        _ => SaveStatus::Saved,
    };
    let Some(stored) = stored else {
        return SavePlan::Write { status };
    };
    let stored_fingerprint = fingerprint(stored);
    // While stopped, the known fingerprint may be the unreadable value's own: read it.
    if !stopped && Some(stored_fingerprint.as_str()) == known {
        return SavePlan::Write { status };
    }
    match envelope::decode(Some(stored)) {
        Decoded::Loaded(remote)
        | Decoded::Migrated {
            document: remote, ..
        } => {
            let remote = reanchored(text, remote);
            let mut union = document.clone();
            if union.merge_from(&remote).is_empty() {
                SavePlan::Write { status }
            } else {
                SavePlan::MergeFirst {
                    remote: Box::new(remote),
                    fingerprint: stored_fingerprint,
                }
            }
        }
        Decoded::Corrupt { reason } => SavePlan::SetAsideFirst { reason },
        Decoded::Missing => SavePlan::Write { status },
    }
}

/// True when `status` says saving under `key` is stopped: the unreadable value still sits
/// at the live key.
pub fn is_stopped(status: &SaveStatus, key: &str) -> bool {
    matches!(status, SaveStatus::Corrupt { quarantine_key, .. } if quarantine_key == key)
}

/// Where an unreadable stored value should be kept: `None` when it must be left where it is
/// (data from a newer build, which this one must not touch).
pub fn quarantine_for(reason: &CorruptReason, article_key: &str, now: i64) -> Option<String> {
    match reason {
        CorruptReason::NewerVersion { .. } => None,
        _ => Some(envelope::quarantine_key(article_key, now)),
    }
}

/// The status after trying to keep an unreadable value aside: kept under `kept_at`, or (when
/// `None`: not copied) left at `key` with saving stopped.
pub fn set_aside_status(reason: &CorruptReason, key: &str, kept_at: Option<String>) -> SaveStatus {
    SaveStatus::Corrupt {
        reason: reason.to_string(),
        quarantine_key: kept_at.unwrap_or_else(|| key.to_owned()),
    }
}
