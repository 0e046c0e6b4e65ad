//! What an integrator builds with Quotemark (issue 14): the `<quote-mark>` element, a site
//! without a bundler, a site that keeps the annotations in its own backend, and the npm package
//! layout of `dist/`. Each example page in `examples/` is driven by a person's real mouse and
//! keyboard, and the test checks what the reader and the backend see.

use serde_json::{json, Value};

use crate::embedding::Widget;
use crate::person::click_at;
use crate::support::Browser;

const ELEMENT: Widget = Widget {
    host: "quote-mark",
    handle: "document.querySelector('quote-mark')",
};
const NO_BUNDLER: Widget = Widget {
    host: "#story",
    handle: "window.exampleHandle",
};
const SYNC: Widget = NO_BUNDLER;

/// Clicks the middle of the page's own element `selector` (outside the widget).
async fn click_page(browser: &Browser, selector: &str) {
    let point = browser
        .js(
            "const element = document.querySelector(arguments[0]);
             element.scrollIntoView({ block: 'center' });
             const r = element.getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![json!(selector)],
        )
        .await;
    let [x, y]: [f64; 2] = serde_json::from_value(point.clone())
        .unwrap_or_else(|_| panic!("no {selector} on the page ({point})"));
    click_at(browser, x, y).await;
}

/// The first ```html block after the README's line starting with `heading`, as written there.
fn readme_snippet(heading: &str) -> String {
    let readme = include_str!("../../README.md");
    let after = readme
        .split_once(&format!("\n{heading}"))
        .unwrap_or_else(|| panic!("the README has no line {heading:?}"))
        .1;
    let block = after
        .split_once("```html\n")
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .unwrap_or_else(|| panic!("no html block under {heading:?}"));
    block.0.to_owned()
}

/// Opens an empty page on the test server and pastes `html` into its body as a page would
/// have it (scripts run, in order), collecting what it logs with `console.log` in
/// `window.logged`.
async fn paste_into_page(browser: &Browser, html: &str) {
    browser.goto("/pages/blank.html").await;
    browser
        .js(
            "window.logged = [];
             console.log = (...parts) => window.logged.push(parts.join(' '));
             const template = document.createElement('template');
             template.innerHTML = arguments[0];
             for (const node of [...template.content.childNodes]) {
               if (node.nodeName !== 'SCRIPT') { document.body.append(node); continue; }
               const script = document.createElement('script');
               for (const { name, value } of node.attributes) script.setAttribute(name, value);
               script.textContent = node.textContent;
               document.body.append(script);
             }",
            vec![json!(html)],
        )
        .await;
}

const FERRY_QUOTE: &str = "Islanders told us the evening gap was the real problem";

#[tokio::test]
async fn the_quote_mark_element_is_an_article_its_attributes_and_its_events() {
    let browser = Browser::start().await;
    browser.goto("/quotemark/examples/element.html").await;
    ELEMENT.wait_ready(&browser).await;

    // Defined by the loader; the attributes are reflected as properties, and `ready` resolves.
    let element = browser
        .client
        .execute_async(
            "const done = arguments[0];
             const story = document.querySelector('quote-mark');
             story.ready.then(() => done({
               defined: customElements.get('quote-mark') === story.constructor,
               articleId: story.articleId,
               speakers: story.speakers,
               readOnly: story.readOnly,
               mounted: story.mounted,
               lightDom: story.querySelector('h1').textContent,
               // The light DOM article is not shown twice: only the widget renders.
               shown: story.shadowRoot.childElementCount,
             }));",
            vec![],
        )
        .await
        .expect("read the element");
    assert_eq!(
        element,
        json!({
            "defined": true, "articleId": "example-ferry-story",
            "speakers": "Aino Virtanen; Mikko Lahti", "readOnly": false, "mounted": true,
            "lightDom": "Ferry timetable changes from June", "shown": 1,
        })
    );

    // The page's theme reaches into the widget through the custom properties.
    let accent = ELEMENT
        .js(
            &browser,
            "return getComputedStyle(root.querySelector('.qm-app'))
               .getPropertyValue('--quotemark-accent').trim();",
            vec![],
        )
        .await;
    assert_eq!(accent, json!("#00695c"));

    // A person quotes a sentence; the page's listener on the element hears `quotemark-create`.
    let quote = ELEMENT.quote(&browser, FERRY_QUOTE, "Aino Virtanen").await;
    assert_eq!(quote["speaker"], json!("Aino Virtanen"));
    let heard = browser
        .wait_for(
            "the create event on the element",
            "return window.eventLog.find(e => e.name === 'create');",
        )
        .await;
    assert_eq!(heard["detail"]["id"], quote["id"]);
    assert_eq!(heard["detail"]["exact"], json!(FERRY_QUOTE));
    let log = browser
        .js(
            "return document.getElementById('event-log').textContent;",
            vec![],
        )
        .await;
    assert!(
        log.as_str().unwrap_or_default().contains(FERRY_QUOTE),
        "the page's event log shows the quote: {log}"
    );
    // The element's methods are the handle's.
    let exported = browser
        .js(
            "const file = JSON.parse(document.querySelector('quote-mark').exportJson());
             return file.annotations.map(a => a.exact);",
            vec![],
        )
        .await;
    assert_eq!(exported, json!([FERRY_QUOTE]));

    // The page's read-only checkbox sets the `readonly` property: the widget becomes a
    // reader view at once, without a remount (the quote is still there).
    click_page(&browser, "#readonly-toggle").await;
    ELEMENT
        .wait_for(
            &browser,
            "the reader view",
            "return !!root.querySelector('.qm-app.qm-read-only')
               && document.querySelector('quote-mark').hasAttribute('readonly');",
        )
        .await;
    assert_eq!(ELEMENT.annotations(&browser).await.len(), 1);
    click_page(&browser, "#readonly-toggle").await;
    ELEMENT
        .wait_for(
            &browser,
            "the editable view again",
            "return !root.querySelector('.qm-read-only');",
        )
        .await;

    // Taken out of the page, the widget is destroyed; put back, it mounts again with the
    // annotation it saved. A move within one task keeps the same widget.
    let cycle = browser
        .client
        .execute_async(
            "const done = arguments[0];
             const story = document.querySelector('quote-mark');
             const parent = story.parentElement;
             const first = story.handle;
             parent.append(story);           // a move: same widget
             const moved = story.handle === first;
             story.remove();
             queueMicrotask(() => setTimeout(() => {
               const destroyed = !first.mounted && story.handle === null && !story.mounted;
               parent.append(story);
               setTimeout(async () => {
                 await story.ready;
                 done({ moved, destroyed, again: story.mounted && story.handle !== first,
                        annotations: story.annotations().map(a => a.exact) });
               }, 0);
             }, 0));",
            vec![],
        )
        .await
        .expect("remove and re-insert the element");
    assert_eq!(
        cycle,
        json!({ "moved": true, "destroyed": true, "again": true, "annotations": [FERRY_QUOTE] })
    );
    ELEMENT.wait_ready(&browser).await;

    // Changing another attribute remounts: a new article id starts with nothing.
    browser
        .js(
            "document.querySelector('quote-mark').articleId = 'example-ferry-story-2';",
            vec![],
        )
        .await;
    browser
        .wait_for(
            "the remounted widget",
            "const story = document.querySelector('quote-mark');
             return story.mounted && story.annotations().length === 0;",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn the_readme_element_snippet_works_as_written() {
    let browser = Browser::start().await;
    paste_into_page(&browser, &readme_snippet("### The `<quote-mark>` element")).await;
    ELEMENT.wait_ready(&browser).await;
    browser
        .wait_for(
            "the snippet's count",
            "return window.logged.includes('0 annotations');",
        )
        .await;
    let needle = "We will not give up,";
    ELEMENT.quote(&browser, needle, "Mika Korhonen").await;
    let logged = browser
        .wait_for(
            "the snippet's create listener",
            "return window.logged.find(line => line.startsWith('new '));",
        )
        .await;
    assert_eq!(logged, json!(format!("new {needle} Mika Korhonen")));
    let story = browser
        .js(
            "const story = document.querySelector('quote-mark');
             return { id: story.articleId, speakers: story.speakers };",
            vec![],
        )
        .await;
    assert_eq!(
        story,
        json!({ "id": "story-42", "speakers": "Aino Virtanen; Mika Korhonen" })
    );
    browser.close().await;
}

#[tokio::test]
async fn the_readme_snippet_for_add_update_remove_works_as_written() {
    let browser = Browser::start().await;
    let snippet = readme_snippet("**Adding, changing and removing annotations from code**");
    paste_into_page(&browser, &snippet).await;
    let logged = browser
        .wait_for(
            "the snippet's log",
            "return window.logged.length > 0 && window.logged;",
        )
        .await;
    assert_eq!(logged, json!(["1 1"]));
    // Removed at the end: no mark is left, and the page has no error.
    let widget = Widget {
        host: "#story",
        handle: "true",
    };
    widget
        .wait_for(
            &browser,
            "no mark left",
            "return !!root.querySelector('[data-qm-block]')
               && root.querySelectorAll('mark[data-qm-ids]').length === 0;",
        )
        .await;
    browser.close().await;
}

const FERRY_ARTICLE_START: &str = "Ferry timetable changes from June";

#[tokio::test]
async fn the_element_offers_the_whole_handle_and_its_parts() {
    let browser = Browser::start().await;
    browser.goto("/quotemark/examples/element.html").await;
    ELEMENT.wait_ready(&browser).await;

    // The page's ::part rule reaches the article through the element's shadow root.
    let article = ELEMENT
        .js(
            &browser,
            "const style = getComputedStyle(root.querySelector('[part~=\"article\"]'));
             return [style.borderLeftStyle, style.borderLeftWidth, style.borderLeftColor];",
            vec![],
        )
        .await;
    assert_eq!(article, json!(["solid", "4px", "rgb(0, 105, 92)"]));

    // add, rendered, update (with `previous` in the element's event), removeAnnotation, text,
    // diagnostics: all through the element.
    let calls = browser
        .client
        .execute_async(
            "const done = arguments[0];
             (async () => {
               const story = document.querySelector('quote-mark');
               const heard = [];
               for (const name of ['create', 'update', 'delete']) {
                 story.addEventListener(`quotemark-${name}`, (event) => heard.push([name, event.detail]));
               }
               const text = story.text();
               const added = story.add({ exact: 'the evening gap', speaker: 'Aino Virtanen', id: 'cms-7' });
               await story.rendered();
               const marks = story.shadowRoot.firstElementChild.querySelector('[data-quotemark-host]')
                 .shadowRoot.querySelectorAll('mark[data-qm-ids]').length;
               const updated = story.update(added.id, { note: 'Checked', kind: 'highlight' });
               const diagnostics = story.diagnostics();
               story.removeAnnotation(added.id);
               let unknown = null;
               try { story.update('no-such-id', { note: 'x' }); } catch (error) { unknown = error.message; }
               await story.rendered();
               done({
                 starts: text.slice(0, 33), added, updated, marks, diagnostics, unknown,
                 heard: heard.map(([name, detail]) => [name, detail.id,
                   name === 'update' ? [detail.previous.note, detail.note, detail.previous.kind, detail.kind] : null]),
                 left: story.annotations().length,
               });
             })().catch((error) => done({ error: String(error) }));",
            vec![],
        )
        .await
        .expect("call the element's methods");
    assert_eq!(calls["starts"], json!(FERRY_ARTICLE_START));
    assert_eq!(calls["added"]["exact"], json!("the evening gap"));
    assert_eq!(calls["added"]["kind"], json!("quote"));
    assert_eq!(calls["added"]["sourceId"], json!("cms-7"));
    assert_eq!(calls["marks"], json!(1), "{calls}");
    assert_eq!(calls["updated"]["note"], json!("Checked"));
    assert_eq!(calls["updated"]["kind"], json!("highlight"));
    let id = calls["added"]["id"].clone();
    assert_eq!(
        calls["heard"],
        json!([
            ["create", id, null],
            ["update", id, ["", "Checked", "quote", "highlight"]],
            ["delete", id, null],
        ])
    );
    assert_eq!(calls["diagnostics"]["annotations"], json!(1));
    assert_eq!(calls["diagnostics"]["readOnly"], json!(false));
    assert!(
        calls["diagnostics"]["storageKey"]
            .as_str()
            .is_some_and(|key| key.contains("example-ferry-story")),
        "{calls}"
    );
    assert!(
        calls["diagnostics"]["wasmMemoryBytes"]
            .as_u64()
            .unwrap_or(0)
            > 0
    );
    assert!(
        calls["unknown"]
            .as_str()
            .is_some_and(|m| m.contains("no-such-id")),
        "a readable error: {calls}"
    );
    assert_eq!(calls["left"], json!(0));

    // creation="highlight": the attribute remounts the widget; a mouse selection is a
    // highlight at once, with no toolbar.
    browser
        .js(
            "document.querySelector('quote-mark').creation = 'highlight';",
            vec![],
        )
        .await;
    browser
        .wait_for(
            "the remounted widget",
            "const story = document.querySelector('quote-mark');
             return story.mounted && story.options().creation === 'highlight';",
        )
        .await;
    ELEMENT.wait_ready(&browser).await;
    let needle = "Forty minutes is still too long in winter";
    let selected = ELEMENT.drag_over(&browser, needle).await;
    assert_eq!(selected, needle);
    let made = ELEMENT.wait_for_annotations(&browser, 1).await;
    assert_eq!(made[0]["exact"], json!(needle));
    assert_eq!(made[0]["kind"], json!("highlight"));
    let toolbar = ELEMENT
        .js(
            &browser,
            "return !!root.querySelector('.qm-toolbar');",
            vec![],
        )
        .await;
    assert_eq!(toolbar, json!(false), "no toolbar in highlight mode");
    browser.close().await;
}

#[tokio::test]
async fn positions_convert_between_code_points_and_utf16_through_the_element() {
    let browser = Browser::start().await;
    browser.goto("/pages/blank.html").await;
    let converted = browser
        .client
        .execute_async(
            "const done = arguments[0];
             (async () => {
               await import('/quotemark/quotemark-element.js');
               const story = document.createElement('quote-mark');
               story.storage = 'none';
               story.innerHTML = '<h1>Family news</h1><p>The family 👩‍👩‍👧 said “we are home”.</p>';
               document.body.append(story);
               await story.ready;
               const text = story.text();
               const at = text.indexOf('we are home');          // UTF-16
               const start = story.fromUtf16(at);                // code points
               const added = story.add({ start, end: start + 11 });
               return {
                 utf16: at, start, back: story.toUtf16(start), exact: added.exact,
                 sliced: text.slice(story.toUtf16(added.start), story.toUtf16(added.end)),
               };
             })().then(done, (error) => done({ error: String(error) }));",
            vec![],
        )
        .await
        .expect("convert positions");
    // The family emoji is 8 UTF-16 units but 5 code points: 3 apart after it.
    let utf16 = converted["utf16"].as_u64().unwrap_or(0);
    assert_eq!(converted["start"], json!(utf16 - 3), "{converted}");
    assert_eq!(converted["back"], json!(utf16));
    assert_eq!(converted["exact"], json!("we are home"));
    assert_eq!(converted["sliced"], json!("we are home"));
    browser.close().await;
}

#[tokio::test]
async fn an_element_made_by_script_mounts_and_reports_bad_attributes() {
    let browser = Browser::start().await;
    browser.goto("/quotemark/examples/element.html").await;
    ELEMENT.wait_ready(&browser).await;
    let made = browser
        .client
        .execute_async(
            "const done = arguments[0];
             const element = document.createElement('quote-mark');
             document.body.append(element);
             // Content and attributes set after insertion, in the same task, still count.
             element.innerHTML = '<h1>Made by script</h1><p>It said hello to the world.</p>';
             element.storage = 'none';
             element.readOnly = true;
             element.ready.then(() => {
               const bad = document.createElement('quote-mark');
               bad.setAttribute('storage', 'nowhere');
               bad.innerHTML = '<p>Text</p>';
               document.body.append(bad);
               bad.ready.then(() => done({ error: 'mounted' }), (error) => done({
                 text: [...element.shadowRoot.firstElementChild
                   .querySelector('[data-quotemark-host]').shadowRoot
                   .querySelectorAll('[data-qm-block]')].map(b => b.textContent).join(' '),
                 readOnly: element.readOnly,
                 error: String(error.message ?? error),
                 badMounted: bad.mounted,
                 threw: (() => { try { bad.exportJson(); return false; } catch (e) { return true; } })(),
               }));
             }, (error) => done({ error: String(error) }));",
            vec![],
        )
        .await
        .expect("make elements by script");
    assert!(
        made["text"]
            .as_str()
            .unwrap_or_default()
            .contains("It said hello to the world."),
        "{made}"
    );
    assert_eq!(made["readOnly"], json!(true));
    assert!(
        made["error"]
            .as_str()
            .unwrap_or_default()
            .contains("nowhere"),
        "a readable error names the bad value: {made}"
    );
    assert_eq!(made["badMounted"], json!(false));
    assert_eq!(made["threw"], json!(true));
    browser.close().await;
}

#[tokio::test]
async fn a_site_without_a_bundler_mounts_and_follows_events() {
    let browser = Browser::start().await;
    browser.goto("/quotemark/examples/no-bundler.html").await;
    NO_BUNDLER.wait_ready(&browser).await;
    let needle = "Sunday is when families actually have time";
    NO_BUNDLER.quote(&browser, needle, "Liisa Koskinen").await;
    let page = browser
        .wait_for(
            "the page's counter and last quote",
            "const count = document.getElementById('count').value;
             const last = document.getElementById('last').value;
             return count === '1' && { count, last };",
        )
        .await;
    assert_eq!(page["last"], json!(format!("“{needle}” — Liisa Koskinen")));
    browser.close().await;
}

const BRIDGE_QUOTE: &str = "The dry autumn let the crews work every single day";

#[tokio::test]
async fn a_site_keeps_the_annotations_in_its_own_backend() {
    let browser = Browser::start().await;
    let store = browser.server.api.clone();
    browser.goto("/quotemark/examples/backend-sync.html").await;
    SYNC.wait_ready(&browser).await;
    browser
        .wait_for(
            "the page's status",
            "return document.getElementById('sync-status').value === '0 loaded';",
        )
        .await;

    // A person quotes a sentence: the page POSTs it to the backend.
    let quote = SYNC.quote(&browser, BRIDGE_QUOTE, "Aino Virtanen").await;
    let id = quote["id"].as_str().unwrap_or_default().to_owned();
    browser
        .wait_for(
            "the saved status",
            "return document.getElementById('sync-status').value === 'saved';",
        )
        .await;
    let records = store.records();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["id"], json!(id));
    assert_eq!(records[0]["exact"], json!(BRIDGE_QUOTE));
    assert_eq!(records[0]["speaker"], json!("Aino Virtanen"));
    assert_eq!(records[0]["kind"], json!("quote"));

    // A note typed in the panel: the page PUTs the changed annotation.
    SYNC.add_note(&browser, &id, "Confirmed by the agency")
        .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while store.records().first().map(|r| r["note"].clone())
        != Some(json!("Confirmed by the agency"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the backend never got the note: {:?}",
            store.records()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // A reload: nothing is in the browser's storage, so the annotation comes back from the
    // backend through add(), with its note and speaker, marked in the article, and is not
    // sent back as new.
    browser.goto("/quotemark/examples/backend-sync.html").await;
    SYNC.wait_ready(&browser).await;
    browser
        .wait_for(
            "the page's status",
            "return document.getElementById('sync-status').value === '1 loaded';",
        )
        .await;
    let back = SYNC.wait_for_annotations(&browser, 1).await;
    assert_eq!(back[0]["exact"], json!(BRIDGE_QUOTE));
    assert_eq!(back[0]["note"], json!("Confirmed by the agency"));
    assert_eq!(back[0]["speaker"], json!("Aino Virtanen"));
    let marked = SYNC
        .wait_for(
            &browser,
            "the mark in the article",
            "return [...root.querySelectorAll('mark[data-qm-ids]')].map(m => m.textContent).join('');",
        )
        .await;
    assert!(
        marked.as_str().unwrap_or_default().contains(BRIDGE_QUOTE),
        "marked: {marked}"
    );
    let widget_id = back[0]["id"].as_str().unwrap_or_default().to_owned();

    // Deleted in the panel: the page DELETEs the backend's record (by the backend's id).
    SYNC.click(
        &browser,
        &format!("[data-qm-annotation=\"{widget_id}\"] button"),
        "Show in article",
    )
    .await;
    SYNC.click(
        &browser,
        &format!("[data-qm-annotation=\"{widget_id}\"] button"),
        "Delete",
    )
    .await;
    SYNC.wait_for_annotations(&browser, 0).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !store.records().is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the backend still has {:?}",
            store.records()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let requests = store.requests();
    assert_eq!(
        requests,
        vec![
            "GET /api/annotations".to_owned(),
            "POST /api/annotations".to_owned(),
            format!("PUT /api/annotations/{id}"),
            "GET /api/annotations".to_owned(),
            format!("DELETE /api/annotations/{id}"),
        ]
    );
    browser.close().await;
}

#[tokio::test]
async fn the_package_json_in_dist_names_files_that_are_there() {
    let dist = std::env::var_os("QUOTEMARK_DIST")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    let text = std::fs::read_to_string(dist.join("package.json")).expect("dist/package.json");
    let package: Value = serde_json::from_str(&text).expect("package.json is JSON");
    assert_eq!(package["name"], json!("quotemark"));
    assert_eq!(package["type"], json!("module"));
    let mut named = vec![package["types"].clone(), package["module"].clone()];
    for entry in [".", "./auto", "./element"] {
        let target = &package["exports"][entry];
        assert!(target.is_object(), "exports has {entry}");
        named.push(target["types"].clone());
        named.push(target["import"].clone());
    }
    for file in named {
        let file = file.as_str().expect("a path");
        assert!(
            dist.join(file).exists(),
            "dist/{file} is named by package.json but missing"
        );
    }
}
