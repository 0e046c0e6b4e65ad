//! The handle as an integrator's script uses it: one annotation at a time with `add`,
//! `update` and `remove` (events carrying the previous version), `rendered()` before reading
//! the DOM, the text and UTF-16 conversions, imports given as values, `diagnostics()`, and
//! the highlight-on-release creation mode driven with a real mouse.

use serde_json::{json, Value};

use crate::person::{drag_over, Page};
use crate::support::{Browser, WIDGET};

const PAGE: Page = Page {
    path: "/pages/handle.html",
    handle: "window.qm",
};

/// An article with a character outside the Basic Multilingual Plane, so that UTF-16 offsets
/// and code points differ after it.
const ARTICLE: &str = "Ferry timetable changes\n\n\
🚢 \"Boats will leave every forty minutes,\" said harbour master Ada Brandt.\n\n\
Commuters said the change came too late.";

/// Opens the page and mounts a widget with `options` (the article is added here).
async fn mount(browser: &Browser, mut options: Value) {
    browser.goto(PAGE.path).await;
    browser
        .wait_for(
            "the page's module",
            "return typeof window.mountHere === 'function';",
        )
        .await;
    options["article"] = json!({ "text": ARTICLE });
    options["storage"] = json!("none");
    browser
        .js("return window.mountHere(arguments[0]);", vec![options])
        .await;
    PAGE.wait_ready(browser).await;
}

/// Runs `body` as an async function (see [`Browser::js_async`]).
async fn run(browser: &Browser, body: &str) -> Value {
    browser.js_async(body).await
}

#[tokio::test]
async fn add_update_and_remove_one_annotation_with_events_and_a_drawn_mark() {
    let browser = Browser::start().await;
    mount(&browser, json!({})).await;
    let added = run(
        &browser,
        &format!(
            "const a = qm.add({{ id: 'cms-42', exact: 'Boats will leave every forty minutes,',
                               speaker: 'Ada Brandt' }});
             await qm.rendered();
             {WIDGET}
             const marks = [...root.querySelectorAll('mark[data-qm-ids]')]
               .filter(m => m.dataset.qmIds.split(' ').includes(a.id));
             return {{ a, drawn: marks.map(m => m.textContent).join('') }};"
        ),
    )
    .await;
    let annotation = &added["a"];
    assert_eq!(annotation["sourceId"], "cms-42", "{added}");
    assert_eq!(annotation["speaker"], "Ada Brandt");
    assert_eq!(annotation["kind"], "quote");
    assert_eq!(
        added["drawn"], "Boats will leave every forty minutes,",
        "rendered() resolves once the mark is in the DOM"
    );
    let id = annotation["id"].as_str().expect("an id").to_owned();

    let updated = run(
        &browser,
        &format!(
            "const a = qm.update({id:?}, {{ note: 'Check the new timetable', speaker: 'A. Brandt' }});
             const event = heard.filter(h => h.name === 'update').pop();
             return {{ a, event }};"
        ),
    )
    .await;
    assert_eq!(updated["a"]["note"], "Check the new timetable");
    assert_eq!(
        updated["a"]["speaker"], "A. Brandt",
        "a new speaker, in the same step"
    );
    assert_eq!(
        updated["event"]["detail"]["note"],
        "Check the new timetable"
    );
    assert_eq!(
        updated["event"]["detail"]["previous"]["note"], "",
        "the update event carries the previous version"
    );
    assert_eq!(
        updated["event"]["detail"]["previous"]["speaker"],
        "Ada Brandt"
    );

    let removed = run(
        &browser,
        &format!(
            "qm.remove({id:?});
             return {{ left: qm.annotations().length,
                       deleted: heard.filter(h => h.name === 'delete').map(h => h.detail.id) }};"
        ),
    )
    .await;
    assert_eq!(removed, json!({ "left": 0, "deleted": [id] }));
    browser.close().await;
}

#[tokio::test]
async fn unusable_input_throws_a_readable_error_and_changes_nothing() {
    let browser = Browser::start().await;
    mount(&browser, json!({})).await;
    for (call, expected) in [
        (
            "qm.add({ exact: 'not in this story' })",
            "is not in this article",
        ),
        (
            "qm.add({ exact: 'every forty', notes: 'typo' })",
            "Unknown field",
        ),
        ("qm.update('a999', { note: 'x' })", "a999"),
        ("qm.remove('a999')", "a999"),
    ] {
        let outcome = run(&browser, &format!("{call}; return 'no error';")).await;
        let message = outcome["thrown"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{call}: {outcome}");
    }
    assert_eq!(PAGE.annotations(&browser).await, json!([]));
    browser.close().await;
}

#[tokio::test]
async fn positions_convert_between_code_points_and_the_doms_utf16() {
    let browser = Browser::start().await;
    mount(&browser, json!({})).await;
    let checked = run(
        &browser,
        "const a = qm.add({ exact: 'every forty minutes' });
         const text = qm.text();
         const from = qm.toUtf16(a.start), to = qm.toUtf16(a.end);
         return { sliced: text.slice(from, to), shift: from - a.start,
                  back: qm.fromUtf16(from) === a.start };",
    )
    .await;
    assert_eq!(checked["sliced"], "every forty minutes", "{checked}");
    assert_eq!(
        checked["shift"], 1,
        "the ship emoji is two UTF-16 units, one code point"
    );
    assert_eq!(checked["back"], true);
    browser.close().await;
}

#[tokio::test]
async fn imports_take_a_parsed_file_or_an_array_of_w3c_annotations() {
    let browser = Browser::start().await;
    mount(&browser, json!({})).await;
    let outcome = run(
        &browser,
        "qm.add({ exact: 'Commuters said', speaker: null });
         const file = JSON.parse(qm.exportW3c());
         const items = file.first.items;
         qm.remove(qm.annotations()[0].id);
         const fromObject = qm.importJson(file, 'merge');
         qm.remove(qm.annotations()[0].id);
         const fromArray = qm.importJson(items);
         return { fromObject: fromObject.added, fromArray: fromArray.added,
                  count: qm.annotations().length };",
    )
    .await;
    assert_eq!(
        outcome,
        json!({ "fromObject": 1, "fromArray": 1, "count": 1 }),
        "a parsed collection and a bare array import like the file's text"
    );
    browser.close().await;
}

#[tokio::test]
async fn diagnostics_report_what_the_widget_holds() {
    let browser = Browser::start().await;
    mount(&browser, json!({ "speakers": ["Ada Brandt"] })).await;
    let report = run(
        &browser,
        "qm.add({ exact: 'too late' });
         return qm.diagnostics();",
    )
    .await;
    assert_eq!(report["annotations"], 1, "{report}");
    assert_eq!(report["speakers"], 1);
    assert_eq!(report["readOnly"], false);
    assert_eq!(report["saveStatus"], "not stored");
    assert_eq!(report["storageKey"], Value::Null);
    assert_eq!(report["undo"], 1);
    assert!(report["wasmMemoryBytes"].as_u64().unwrap_or(0) > 0);
    browser.close().await;
}

#[tokio::test]
async fn in_highlight_mode_letting_go_of_the_mouse_makes_a_highlight_without_a_toolbar() {
    let browser = Browser::start().await;
    mount(&browser, json!({ "creation": "highlight" })).await;
    drag_over(&browser, "the change came too late", 0).await;
    let annotations = PAGE.wait_for_annotations(&browser, 1).await;
    assert_eq!(annotations[0]["kind"], "highlight");
    assert_eq!(annotations[0]["exact"], "the change came too late");
    let toolbar = browser
        .js(
            &format!("{WIDGET} return !!root.querySelector('.qm-toolbar');"),
            vec![],
        )
        .await;
    assert_eq!(toolbar, false, "no toolbar in highlight mode");
    let editor = browser
        .js(
            &format!("{WIDGET} return !!root.querySelector('.qm-note-editor');"),
            vec![],
        )
        .await;
    assert_eq!(editor, false, "and no note editor opened over the text");
    browser.close().await;
}
