//! The rules saving follows before it writes, natively: nobody's stored work is ever written
//! over — another tab's is merged in first, an unreadable value is kept aside, a newer build's
//! is left alone with saving stopped — and stored work is re-anchored to the current text.

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::document::Document;
use quotemark::core::storage::envelope::{encode, storage_key, CorruptReason};
use quotemark::core::storage::policy::{
    fingerprint, is_stopped, plan_save, quarantine_for, reanchored, set_aside_status, SavePlan,
    SaveStatus,
};

const TEXT: &str = "The ferry will run every hour, the harbour master said on Monday.";
const NEWER: &str = include_str!("fixtures/envelopes/newer.json");

#[path = "support/documents.rs"]
mod documents;
#[path = "support/text.rs"]
mod text;

fn with_highlight(mut document: Document, needle: &str, now: i64) -> Document {
    let range = text::only_code_point_range(TEXT, needle);
    documents::mark(&mut document, TEXT, range, None, "", now);
    document
}

fn key() -> String {
    storage_key("ferry")
}

#[test]
fn nothing_stored_or_our_own_last_write_is_simply_written_over() {
    let mine = with_highlight(Document::new("ferry"), "every hour", 1);
    let plan = plan_save(&key(), TEXT, &mine, None, None, &SaveStatus::Idle);
    assert!(matches!(
        plan,
        SavePlan::Write {
            status: SaveStatus::Saved
        }
    ));

    let ours = encode(&mine, 2);
    let plan = plan_save(
        &key(),
        TEXT,
        &mine,
        Some(&ours),
        Some(&fingerprint(&ours)),
        &SaveStatus::Saved,
    );
    assert!(matches!(plan, SavePlan::Write { .. }));
}

#[test]
fn another_tabs_work_is_merged_in_before_anything_is_written() {
    let mine = with_highlight(Document::new("ferry"), "every hour", 1);
    let theirs = with_highlight(mine.clone(), "harbour master", 5);
    let stored = encode(&theirs, 6);
    let known = encode(&mine, 2);
    match plan_save(
        &key(),
        TEXT,
        &mine,
        Some(&stored),
        Some(&fingerprint(&known)),
        &SaveStatus::Saved,
    ) {
        SavePlan::MergeFirst {
            remote,
            fingerprint: read,
        } => {
            assert_eq!(
                remote.annotations().len(),
                2,
                "the other tab's highlight is kept"
            );
            assert_eq!(read, fingerprint(&stored));
        }
        other => panic!("expected a merge first, got {other:?}"),
    }
}

#[test]
fn a_stored_value_that_adds_nothing_is_written_over_after_all() {
    let mine = with_highlight(Document::new("ferry"), "every hour", 1);
    // Someone stored an older copy of our own work: nothing of theirs would be lost.
    let stored = encode(&Document::new("ferry"), 0);
    let plan = plan_save(&key(), TEXT, &mine, Some(&stored), None, &SaveStatus::Saved);
    assert!(matches!(plan, SavePlan::Write { .. }));
}

#[test]
fn an_unreadable_value_is_kept_aside_first_and_a_newer_builds_is_never_touched() {
    let mine = Document::new("ferry");
    let plan = plan_save(
        &key(),
        TEXT,
        &mine,
        Some("{not json"),
        None,
        &SaveStatus::Saved,
    );
    let SavePlan::SetAsideFirst { reason } = plan else {
        panic!("expected the damaged value to be kept aside, got {plan:?}");
    };
    let quarantine = quarantine_for(&reason, "ferry", 7).expect("a damaged value is copied");
    let status = set_aside_status(&reason, &key(), Some(quarantine.clone()));
    assert!(!is_stopped(&status, &key()), "kept aside: saving goes on");

    let plan = plan_save(&key(), TEXT, &mine, Some(NEWER), None, &SaveStatus::Saved);
    let SavePlan::SetAsideFirst { reason } = plan else {
        panic!("expected a newer build's data to be refused, got {plan:?}");
    };
    assert!(matches!(reason, CorruptReason::NewerVersion { .. }));
    assert_eq!(
        quarantine_for(&reason, "ferry", 7),
        None,
        "never copied or moved"
    );
    let status = set_aside_status(&reason, &key(), None);
    assert!(is_stopped(&status, &key()), "left in place: saving stops");
}

#[test]
fn while_stopped_every_save_reads_the_value_again_even_when_it_is_the_one_we_know() {
    let mine = Document::new("ferry");
    let stopped = SaveStatus::Corrupt {
        reason: "damaged".to_owned(),
        quarantine_key: key(),
    };
    let damaged = "{still not json";
    let plan = plan_save(
        &key(),
        TEXT,
        &mine,
        Some(damaged),
        Some(&fingerprint(damaged)),
        &stopped,
    );
    assert!(matches!(plan, SavePlan::SetAsideFirst { .. }));
}

#[test]
fn stored_work_is_found_again_in_a_corrected_article() {
    let stored = with_highlight(Document::new("ferry"), "harbour master", 1);
    let corrected = format!("UPDATED: {TEXT}");
    let placed = reanchored(&corrected, stored);
    let annotation = &placed.annotations()[0];
    assert_eq!(
        annotation.range,
        Some(text::only_code_point_range(&corrected, "harbour master"))
    );
    assert_eq!(annotation.status, AnchorStatus::Moved);
}
