//! Storage soak (issue 11): for a bounded time, two tabs of one article take random turns at
//! editing, reloading, and suffering full storage, storage that throws, and corrupt values
//! written by a third party. Invariant: every change a tab reported as saved ("Saved in this
//! browser") is present after the last reload, in one tab or the other, or in the quarantine.
//!
//! CI runs it for `QUOTEMARK_SOAK_SECONDS` (default 20) with a fixed seed; longer:
//! `QUOTEMARK_SOAK_SECONDS=900 QUOTEMARK_SOAK_SEED=7 ./quotemark test` or, after a build,
//! `QUOTEMARK_DIST=dist QUOTEMARK_SOAK_SECONDS=900 cargo test --test e2e soak -- --nocapture`.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use fantoccini::wd::WindowHandle;
use serde_json::{json, Value};

use crate::person::{native_text_content, DEMO};
use crate::support::seeded::SplitMix;
use crate::support::{Browser, WIDGET};
use crate::surprises::file_made_at;

const HELSINKI: &str = include_str!("../../assets/helsinki-summit.txt");
const STORAGE_KEY: &str = "quotemark:v1:helsinki-summit";

/// Phrases of the demo article the soak annotates (each edit adds one with a unique note).
const PHRASES: [&str; 6] = [
    "tragic mistake",
    "the most serious mistake",
    "great success",
    "extremely strong and powerful",
    "working level dialogue",
    "looks forward",
];

#[derive(Default)]
struct Tally {
    edits: usize,
    saved: usize,
    reloads: usize,
    full: usize,
    throwing: usize,
    corrupted: usize,
}

struct Tabs {
    handles: [WindowHandle; 2],
    /// Tabs whose `setItem` throws (not a quota error: storage that fails outright).
    throwing: [bool; 2],
    /// After a third party wrote garbage over the stored value, the work saved before lives
    /// only in the tabs' memory until both tabs have saved again (each save merges what is
    /// stored first, so then storage holds both). Which tabs have.
    resaved_since_corruption: Option<[bool; 2]>,
}

async fn switch(browser: &Browser, tabs: &Tabs, tab: usize) {
    browser
        .client
        .switch_to_window(tabs.handles[tab].clone())
        .await
        .expect("switch tabs");
}

async fn status(browser: &Browser) -> String {
    browser
        .js(
            &format!("{WIDGET} return root.querySelector('.qm-save')?.textContent ?? '';"),
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Adds one annotation with `note` through the handle and returns the status the tab reports
/// once the change is drawn and its save has run.
async fn edit(browser: &Browser, text: &str, phrase: &str, note: &str, at: i64) -> String {
    // Each edit is made at its own time, as a person's are: two tabs' annotations that share
    // an id and a creation time are one annotation to the two-tab merge.
    let file = file_made_at(
        at,
        "helsinki-summit",
        "Helsinki",
        text,
        &[(phrase, 0, "Soak Speaker", note)],
    );
    browser
        .js(
            "window.quotemarkDemo.importJson(arguments[0], 'merge'); return true;",
            vec![json!(file)],
        )
        .await;
    browser
        .wait_for(
            "the edit drawn and saved (or not)",
            &format!(
                "{WIDGET} return window.quotemarkDemo.annotations().some(a => a.note === {})
                   && root.querySelector('.qm-save')?.textContent;",
                json!(note)
            ),
        )
        .await;
    status(browser).await
}

/// The statuses that tell the reader the change was written: plainly saved, or saved after
/// unreadable data was copied aside (the widget keeps saying so while it goes on saving).
fn reported_saved(status: &str) -> bool {
    status == "Saved in this browser"
        || status == "Stored data was unreadable: a copy is kept aside"
}

async fn set_throwing(browser: &Browser, throwing: bool) {
    browser
        .js(
            "if (arguments[0]) {
               if (!window.__realSetItem) window.__realSetItem = Storage.prototype.setItem;
               Storage.prototype.setItem = function () { throw new Error('storage broke'); };
             } else if (window.__realSetItem) {
               Storage.prototype.setItem = window.__realSetItem;
             }
             return true;",
            vec![json!(throwing)],
        )
        .await;
}

async fn fill_storage(browser: &Browser) {
    browser
        .js(
            "const setItem = window.__realSetItem ?? Storage.prototype.setItem;
             let size = 1 << 20, written = 0;
             while (size >= 1) {
               try { setItem.call(localStorage, 'soak-junk:' + written, 'x'.repeat(size)); written += 1; }
               catch (error) { size = Math.floor(size / 2); }
             }
             return written;",
            vec![],
        )
        .await;
}

async fn free_storage(browser: &Browser) {
    browser
        .js(
            "Object.keys(localStorage).filter(k => k.startsWith('soak-junk:'))
               .forEach(k => localStorage.removeItem(k));
             return true;",
            vec![],
        )
        .await;
}

/// Reloads the current tab (which also brings back the page's own `Storage.setItem`).
async fn reload(browser: &Browser) {
    browser.client.refresh().await.expect("reload");
    DEMO.wait_ready(browser).await;
}

/// Every note present in this tab's annotations.
async fn notes(browser: &Browser) -> BTreeSet<String> {
    let value = browser
        .js(
            "return window.quotemarkDemo.annotations().map(a => a.note);",
            vec![],
        )
        .await;
    serde_json::from_value::<Vec<String>>(value)
        .unwrap_or_default()
        .into_iter()
        .collect()
}

#[tokio::test]
async fn a_storage_soak_loses_nothing_a_tab_reported_saved() {
    let seconds: u64 = std::env::var("QUOTEMARK_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("QUOTEMARK_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_202);
    let text = native_text_content(quotemark::core::article::ArticleSource::Text(
        HELSINKI.to_owned(),
    ));
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let first = browser.client.window().await.expect("the first tab");
    let second = browser.client.new_window(true).await.expect("a second tab");
    let mut tabs = Tabs {
        handles: [first, second.handle],
        throwing: [false, false],
        resaved_since_corruption: None,
    };
    switch(&browser, &tabs, 1).await;
    DEMO.open(&browser).await;

    let mut rng = SplitMix(seed);
    let mut tally = Tally::default();
    let mut saved: BTreeSet<String> = BTreeSet::new();
    let mut storage_full = false;
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(seconds) {
        let tab = rng.below(2);
        switch(&browser, &tabs, tab).await;
        match rng.below(12) {
            0..=5 => {
                let note = format!("soak-{}", tally.edits);
                let phrase = PHRASES[rng.below(PHRASES.len())];
                tally.edits += 1;
                let at = 1_800_000_000_000 + tally.edits as i64;
                if reported_saved(&edit(&browser, &text, phrase, &note, at).await) {
                    saved.insert(note);
                    tally.saved += 1;
                    if let Some(resaved) = tabs.resaved_since_corruption.as_mut() {
                        resaved[tab] = true;
                        if resaved == &[true, true] {
                            tabs.resaved_since_corruption = None;
                        }
                    }
                }
            }
            6 | 7 => {
                // A reload while a third party's garbage holds the only stored copy would drop
                // the work that only memory still holds: the third party's loss, not the
                // widget's, so the soak waits until both tabs have written it back.
                if tabs.resaved_since_corruption.is_none() {
                    reload(&browser).await;
                    tabs.throwing[tab] = false;
                    tally.reloads += 1;
                }
            }
            8 => {
                if storage_full {
                    free_storage(&browser).await;
                } else {
                    fill_storage(&browser).await;
                    tally.full += 1;
                }
                storage_full = !storage_full;
            }
            9 => {
                tabs.throwing[tab] = !tabs.throwing[tab];
                set_throwing(&browser, tabs.throwing[tab]).await;
                tally.throwing += usize::from(tabs.throwing[tab]);
            }
            _ => {
                let garbage = [
                    "{\"quotemark\": 2, \"document\": ",
                    "not json",
                    "",
                    "[1,2,3]",
                ][rng.below(4)];
                // A full storage refuses the third party's write too.
                let written = browser
                    .js(
                        "try {
                           (window.__realSetItem ?? Storage.prototype.setItem)
                             .call(localStorage, arguments[0], arguments[1]);
                           return true;
                         } catch (error) { return false; }",
                        vec![json!(STORAGE_KEY), json!(garbage)],
                    )
                    .await;
                if written == json!(true) {
                    tabs.resaved_since_corruption = Some([false, false]);
                    tally.corrupted += 1;
                }
            }
        }
    }

    // The faults end; each tab saves what it holds, then both reload.
    free_storage(&browser).await;
    for tab in 0..2 {
        switch(&browser, &tabs, tab).await;
        set_throwing(&browser, false).await;
        let note = format!("soak-final-{tab}");
        let at = 1_900_000_000_000 + tab as i64;
        if reported_saved(&edit(&browser, &text, PHRASES[0], &note, at).await) {
            saved.insert(note);
        }
    }
    let mut present: BTreeSet<String> = BTreeSet::new();
    for tab in 0..2 {
        switch(&browser, &tabs, tab).await;
        reload(&browser).await;
        present.extend(notes(&browser).await);
    }
    let quarantined: Value = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('quotemark:quarantine:'))
               .map(k => localStorage.getItem(k)).join('\\n');",
            vec![],
        )
        .await;
    let quarantined = quarantined.as_str().unwrap_or_default();
    let lost: Vec<&String> = saved
        .iter()
        .filter(|note| !present.contains(*note) && !quarantined.contains(note.as_str()))
        .collect();
    println!(
        "storage soak: seed {seed}, {:.0} s, {} edits ({} reported saved), {} reloads, \
         storage filled {} times, made to throw {} times, corrupted {} times; {} saved changes \
         checked, {} lost",
        started.elapsed().as_secs_f64(),
        tally.edits,
        tally.saved,
        tally.reloads,
        tally.full,
        tally.throwing,
        tally.corrupted,
        saved.len(),
        lost.len()
    );
    assert!(
        tally.saved > 0,
        "the soak saved nothing, so it checked nothing"
    );
    assert!(
        lost.is_empty(),
        "changes reported saved were lost: {lost:?} (seed {seed})"
    );
    browser.close().await;
}
