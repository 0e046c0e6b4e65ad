//! Work survives (issue 5): reloads, export and import, a full storage, corrupt stored data, and
//! two tabs editing the same article at once.

use serde_json::{json, Value};

use fantoccini::key::Key;

use crate::person::{
    chord, click_in_widget, drag_over, press, quote_with_mouse, type_text, wait_for_toolbar, DEMO,
};
use crate::support::documents::annotate;
use crate::support::text::code_point_range;
use crate::support::{Browser, WIDGET};

const STORAGE_KEY: &str = "quotemark:v1:helsinki-summit";

/// Two quotes and a highlight on the Helsinki article, made with the mouse.
async fn annotate_helsinki(browser: &Browser) -> Value {
    quote_with_mouse(browser, DEMO, "\"tragic mistake\"", 0, "John McCain").await;
    quote_with_mouse(
        browser,
        DEMO,
        "\"the most serious mistake\"",
        0,
        "Newt Gingrich",
    )
    .await;
    drag_over(
        browser,
        "outrage from both Democrat and Republican politicians",
        0,
    )
    .await;
    wait_for_toolbar(browser).await;
    press(browser, 'n').await;
    DEMO.wait_for_annotations(browser, 3).await
}

/// The save status line: its text, and whether it is actually visible.
async fn save_status(browser: &Browser) -> Value {
    browser
        .js(
            &format!(
                "{WIDGET} const s = root.querySelector('.qm-save');
                 if (!s) return null;
                 const r = s.getBoundingClientRect();
                 const style = getComputedStyle(s);
                 return {{ text: s.textContent, class: s.className,
                          visible: r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0' }};"
            ),
            vec![],
        )
        .await
}

async fn wait_for_status(browser: &Browser, text: &str) -> Value {
    browser
        .wait_for(
            &format!("the save status {text:?}"),
            &format!(
                "{WIDGET} return root.querySelector('.qm-save')?.textContent === {};",
                json!(text)
            ),
        )
        .await;
    save_status(browser).await
}

async fn reload(browser: &Browser) {
    browser.client.refresh().await.expect("reload the page");
    DEMO.wait_ready(browser).await;
}

#[tokio::test]
async fn annotations_are_identical_after_a_reload() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let before = annotate_helsinki(&browser).await;
    wait_for_status(&browser, "Saved in this browser").await;
    reload(&browser).await;
    assert_eq!(DEMO.annotations(&browser).await, before);
    browser.close().await;
}

#[tokio::test]
async fn an_export_imported_into_cleared_storage_restores_every_annotation() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let before = annotate_helsinki(&browser).await;
    let exported = DEMO.call_string(&browser, "exportJson()").await;
    browser
        .js("localStorage.clear(); return true;", vec![])
        .await;
    reload(&browser).await;
    assert_eq!(
        DEMO.annotations(&browser).await,
        json!([]),
        "storage was cleared"
    );
    let report = browser
        .js(
            "return window.quotemarkDemo.importJson(arguments[0], 'merge');",
            vec![json!(exported)],
        )
        .await;
    assert_eq!(report["added"], json!(3), "{report}");
    assert_eq!(DEMO.wait_for_annotations(&browser, 3).await, before);
    browser.close().await;
}

/// Fills localStorage with junk until not even one more character fits; returns the number
/// of junk keys written.
async fn fill_storage(browser: &Browser) -> Value {
    browser
        .js(
            "let size = 1 << 20, written = 0;
             while (size >= 1) {
               try { localStorage.setItem('junk:' + written, 'x'.repeat(size)); written += 1; }
               catch (error) {
                 if (error.name !== 'QuotaExceededError') throw error;
                 size = Math.floor(size / 2);
               }
             }
             return written;",
            vec![],
        )
        .await
}

#[tokio::test]
async fn a_full_storage_shows_a_warning_and_keeps_the_work_in_memory() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let junk = fill_storage(&browser).await;
    assert!(junk.as_u64().is_some_and(|n| n > 0), "{junk}");
    let words = "\"tragic mistake\"";
    quote_with_mouse(&browser, DEMO, words, 0, "John McCain").await;
    let status = wait_for_status(&browser, "Not saved: browser storage is full").await;
    assert_eq!(status["visible"], json!(true), "{status}");
    let annotations = DEMO.wait_for_annotations(&browser, 1).await;
    assert_eq!(annotations[0]["exact"], json!("tragic mistake"));
    let exported: Value =
        serde_json::from_str(&DEMO.call_string(&browser, "exportJson()").await).unwrap_or_default();
    assert_eq!(
        exported["annotations"][0]["exact"],
        json!("tragic mistake"),
        "{exported}"
    );
    let stored = browser
        .js(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(STORAGE_KEY)],
        )
        .await;
    assert_eq!(stored, Value::Null, "nothing could have been stored");

    // Once there is room again, the next change saves everything.
    browser
        .js(
            "Object.keys(localStorage).filter(k => k.startsWith('junk:')).forEach(k => localStorage.removeItem(k));
             return true;",
            vec![],
        )
        .await;
    quote_with_mouse(
        &browser,
        DEMO,
        "\"the most serious mistake\"",
        0,
        "Newt Gingrich",
    )
    .await;
    wait_for_status(&browser, "Saved in this browser").await;
    let stored = browser
        .js(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(STORAGE_KEY)],
        )
        .await;
    let stored = stored.as_str().unwrap_or_default();
    assert!(
        stored.contains("tragic mistake") && stored.contains("the most serious mistake"),
        "{stored}"
    );
    browser.close().await;
}

#[tokio::test]
async fn corrupt_stored_data_is_reported_and_kept() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let corrupt = "{\"format\":\"quotemark-storage\",\"version\":1,\"document\":{\"annotations\":[{\"exact\":\"tragic";
    browser
        .js(
            "localStorage.setItem(arguments[0], arguments[1]); return true;",
            vec![json!(STORAGE_KEY), json!(corrupt)],
        )
        .await;
    reload(&browser).await;
    let status = save_status(&browser).await;
    assert_eq!(status["class"], json!("qm-save qm-save-bad"), "{status}");
    assert_eq!(status["visible"], json!(true), "{status}");
    assert!(
        status["text"]
            .as_str()
            .unwrap_or_default()
            .contains("kept aside"),
        "the reader must be told about the unreadable data: {status}"
    );

    /// Every stored value equal to the corrupt one, by key.
    const KEPT: &str = "return Object.keys(localStorage)
        .filter(k => localStorage.getItem(k) === arguments[0]).sort();";
    let kept = browser.js(KEPT, vec![json!(corrupt)]).await;
    let kept: Vec<String> = serde_json::from_value(kept).unwrap_or_default();
    assert!(
        kept.iter()
            .any(|key| key == STORAGE_KEY || key.starts_with("quotemark:quarantine:")),
        "the corrupt value is gone: kept under {kept:?}"
    );

    // Working on (which writes the storage key) must not lose the copy.
    quote_with_mouse(&browser, DEMO, "\"tragic mistake\"", 0, "John McCain").await;
    browser
        .wait_for(
            "the new work saved",
            &format!(
                "return (localStorage.getItem({}) ?? '').includes('tragic mistake');",
                json!(STORAGE_KEY)
            ),
        )
        .await;
    let kept = browser.js(KEPT, vec![json!(corrupt)]).await;
    let kept: Vec<String> = serde_json::from_value(kept).unwrap_or_default();
    assert!(
        kept.iter()
            .any(|key| key.starts_with("quotemark:quarantine:")),
        "the corrupt value must survive under a quarantine key: {kept:?}"
    );
    let status = save_status(&browser).await;
    let text = status["text"].as_str().unwrap_or_default();
    assert!(text.contains("kept aside"), "{status}");
    assert!(
        !text.starts_with("Not saved"),
        "the new work is in storage, the status must not say otherwise: {status}"
    );
    browser.close().await;
}

#[tokio::test]
async fn two_tabs_editing_the_same_article_both_end_with_both_annotations() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let first_tab = browser.client.window().await.expect("this tab");
    let second_tab = browser.client.new_window(true).await.expect("a second tab");
    browser
        .client
        .switch_to_window(second_tab.handle.clone())
        .await
        .expect("go to the second tab");
    DEMO.open(&browser).await;

    // Both tabs have the article open; each makes its own annotation.
    browser
        .client
        .switch_to_window(first_tab.clone())
        .await
        .expect("back to the first tab");
    quote_with_mouse(&browser, DEMO, "\"tragic mistake\"", 0, "John McCain").await;
    browser
        .client
        .switch_to_window(second_tab.handle.clone())
        .await
        .expect("to the second tab");
    quote_with_mouse(
        &browser,
        DEMO,
        "\"the most serious mistake\"",
        0,
        "Newt Gingrich",
    )
    .await;
    let in_second = DEMO.wait_for_annotations(&browser, 2).await;

    browser
        .client
        .switch_to_window(first_tab)
        .await
        .expect("back to the first tab");
    let in_first = DEMO.wait_for_annotations(&browser, 2).await;
    let quotes = |all: &Value| -> Vec<(Value, Value)> {
        all.as_array()
            .map(|all| {
                all.iter()
                    .map(|a| (a["exact"].clone(), a["speaker"].clone()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let expected = vec![
        (json!("tragic mistake"), json!("John McCain")),
        (json!("the most serious mistake"), json!("Newt Gingrich")),
    ];
    assert_eq!(quotes(&in_first), expected);
    assert_eq!(quotes(&in_second), expected);
    // Both marks are drawn in the first tab too, not only in its memory.
    let marks = browser
        .js(
            &format!("{WIDGET} return root.querySelectorAll('mark[data-qm-starts]').length;"),
            vec![],
        )
        .await;
    assert_eq!(marks, json!(2));
    // And undo in the first tab undoes its own quote, not the other tab's.
    chord(&browser, &[fantoccini::key::Key::Control], 'z').await;
    let after_undo = DEMO.wait_for_annotations(&browser, 1).await;
    assert_eq!(
        quotes(&after_undo),
        vec![(json!("the most serious mistake"), json!("Newt Gingrich"))]
    );
    browser.close().await;
}

/// What storage holds for the demo article, decoded natively.
async fn stored_quotes(browser: &Browser) -> Vec<String> {
    let stored = browser
        .js(
            &format!("return localStorage.getItem({});", json!(STORAGE_KEY)),
            vec![],
        )
        .await;
    let stored = stored.as_str().unwrap_or_default();
    match quotemark::core::storage::envelope::decode(Some(stored)) {
        quotemark::core::storage::envelope::Decoded::Loaded(document) => document
            .annotations()
            .iter()
            .map(|a| a.selectors.quote.exact.clone())
            .collect(),
        other => panic!("storage does not hold a document: {other:?}"),
    }
}

#[tokio::test]
async fn a_save_never_overwrites_work_this_tab_did_not_hear_about() {
    // A tab that missed another's save (frozen in the background, restored from the
    // back/forward cache) must merge what is stored before writing over it.
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    quote_with_mouse(&browser, DEMO, "\"tragic mistake\"", 0, "John McCain").await;
    // Another tab's save, written without this page hearing of it: the stored document plus
    // one quote made elsewhere.
    let elsewhere = match quotemark::core::storage::envelope::decode(Some(
        browser
            .js(
                &format!("return localStorage.getItem({});", json!(STORAGE_KEY)),
                vec![],
            )
            .await
            .as_str()
            .unwrap_or_default(),
    )) {
        quotemark::core::storage::envelope::Decoded::Loaded(document) => document,
        other => panic!("nothing saved: {other:?}"),
    };
    let text = quotemark::core::article::Article::from_text(include_str!(
        "../../assets/helsinki-summit.txt"
    ))
    .expect("the demo article");
    let range = code_point_range(text.text_content(), "great success", 0);
    // The other tab's counter is elsewhere: its new id must not collide with this tab's.
    let mut parts = elsewhere.into_parts();
    parts.next_id += 100;
    let mut elsewhere =
        quotemark::core::document::Document::from_parts(parts).expect("a valid document");
    annotate(
        &mut elsewhere,
        text.text_content(),
        quotemark::core::document::AnnotationKind::Highlight,
        range,
        None,
        "made in another tab",
        1_800_000_000_000,
    );
    let planted = quotemark::core::storage::envelope::encode(&elsewhere, 1_800_000_000_000);
    browser
        .js(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(STORAGE_KEY), json!(planted)],
        )
        .await;
    // This tab makes a change of its own, and saves (the merge then shows three quotes).
    drag_over(&browser, "\"the most serious mistake\"", 0).await;
    wait_for_toolbar(&browser).await;
    click_in_widget(&browser, "#qm-speaker-input").await;
    type_text(&browser, "Newt Gingrich").await;
    press(&browser, Key::Enter).await;
    browser
        .wait_for(
            "the union in storage",
            &format!(
                "const v = localStorage.getItem({}); return v && v.includes('great success') && v.includes('the most serious mistake');",
                json!(STORAGE_KEY)
            ),
        )
        .await;
    let mut quotes = stored_quotes(&browser).await;
    quotes.sort();
    assert_eq!(
        quotes,
        vec![
            "great success",
            "the most serious mistake",
            "tragic mistake"
        ]
    );
    // And this tab shows the other tab's work too.
    DEMO.wait_for_annotations(&browser, 3).await;
    browser.close().await;
}

#[tokio::test]
async fn data_saved_by_a_newer_version_is_never_written_over() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let newer = r#"{"quotemark":99,"savedAt":0,"document":{"from":"the future"}}"#;
    browser
        .js(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(STORAGE_KEY), json!(newer)],
        )
        .await;
    browser.client.refresh().await.expect("reload");
    DEMO.wait_ready(&browser).await;
    quote_with_mouse(&browser, DEMO, "\"tragic mistake\"", 0, "John McCain").await;
    browser
        .wait_for(
            "the warning",
            &format!(
                "{WIDGET} return root.querySelector('.qm-banner')?.textContent.includes('newer');"
            ),
        )
        .await;
    let stored = browser
        .js(
            &format!("return localStorage.getItem({});", json!(STORAGE_KEY)),
            vec![],
        )
        .await;
    assert_eq!(
        stored,
        json!(newer),
        "the newer build's data was written over"
    );
    browser.close().await;
}
