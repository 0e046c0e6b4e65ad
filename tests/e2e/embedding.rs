//! Embedding in someone else's page (the example pages in `examples/`, served from
//! `dist/examples/`): hostile host CSS and clashing globals, two widgets and their events,
//! destroy, a read-only reader view, and a strict Content Security Policy.

use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::person::{chord, click_at, press, press_and_drag, release_mouse, type_text};
use crate::support::Browser;

/// One widget on a page, found through its host element (the element it was mounted on, or a
/// `<quote-mark>` element, whose shadow root holds the element it mounted on). Shared with
/// `integrators.rs`.
#[derive(Clone, Copy)]
pub(crate) struct Widget {
    /// CSS selector of the host element.
    pub(crate) host: &'static str,
    /// JavaScript expression for the widget's handle (or a `<quote-mark>` element, which is one).
    pub(crate) handle: &'static str,
}

const CMS_STORY: Widget = Widget {
    host: "#story",
    handle: "window.quotemarkModule.handleFor(document.getElementById('story'))",
};
const HARBOUR: Widget = Widget {
    host: "#harbour",
    handle: "window.exampleHandles.harbour",
};
const MARKET: Widget = Widget {
    host: "#market",
    handle: "window.exampleHandles.market",
};
const READER: Widget = Widget {
    host: "#reader",
    handle: "window.Quotemark.handleFor(document.getElementById('reader'))",
};
const CSP_STORY: Widget = Widget {
    host: "#story",
    handle: "window.Quotemark.handleFor(document.getElementById('story'))",
};

/// Helpers prefixed to every widget script: `root` (this widget's shadow root), `qmFind`
/// (block and UTF-16 offsets of the first occurrence of a text), `qmCharRect` (viewport
/// rectangle of one character of a block) and `qmCentre` (centre of an element).
const HELPERS: &str = r#"
function qmFind(needle) {
  for (const block of root.querySelectorAll('[data-qm-block]')) {
    const at = block.textContent.indexOf(needle);
    if (at >= 0) return { block, start: at, end: at + needle.length };
  }
  return null;
}
function qmCharRect(block, offset) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let node, seen = 0;
  while ((node = walker.nextNode())) {
    if (offset < seen + node.data.length) {
      const range = document.createRange();
      const at = offset - seen;
      const wide = node.data.codePointAt(at) > 0xffff;
      range.setStart(node, at);
      range.setEnd(node, at + (wide ? 2 : 1));
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      return rects[rects.length - 1] ?? range.getBoundingClientRect();
    }
    seen += node.data.length;
  }
  return null;
}
function qmCentre(element) {
  const r = element.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}
"#;

impl Widget {
    /// `body` run with `root` and the helpers in scope.
    pub(crate) fn script(self, body: &str) -> String {
        format!(
            "const qmHost = document.querySelector({host});
             const root = (qmHost?.localName === 'quote-mark' ? qmHost.shadowRoot.firstElementChild : qmHost)
               ?.querySelector(':scope > [data-quotemark-host]')?.shadowRoot;
             {HELPERS}
             {body}",
            host = json!(self.host)
        )
    }

    pub(crate) async fn js(self, browser: &Browser, body: &str, args: Vec<Value>) -> Value {
        browser.js(&self.script(body), args).await
    }

    pub(crate) async fn wait_for(self, browser: &Browser, what: &str, body: &str) -> Value {
        browser.wait_for(what, &self.script(body)).await
    }

    /// Waits until the article is rendered and the handle answers.
    pub(crate) async fn wait_ready(self, browser: &Browser) {
        self.wait_for(
            browser,
            &format!("the widget in {}", self.host),
            &format!(
                "return !!root?.querySelector('[data-qm-block]') && !!({});",
                self.handle
            ),
        )
        .await;
    }

    pub(crate) async fn annotations(self, browser: &Browser) -> Vec<Value> {
        let value = browser
            .js(&format!("return {}.annotations();", self.handle), vec![])
            .await;
        serde_json::from_value(value).unwrap_or_default()
    }

    pub(crate) async fn wait_for_annotations(self, browser: &Browser, count: usize) -> Vec<Value> {
        let value = browser
            .wait_for(
                &format!("{count} annotations in {}", self.host),
                &format!(
                    "const all = {}.annotations(); return all.length === {count} && all;",
                    self.handle
                ),
            )
            .await;
        serde_json::from_value(value).unwrap_or_default()
    }

    /// Drags the mouse over the first occurrence of `needle`, as a person selecting those
    /// words would, and releases. Returns what the browser had selected.
    pub(crate) async fn drag_over(self, browser: &Browser, needle: &str) -> String {
        let path = self
            .js(
                browser,
                "const found = qmFind(arguments[0]);
                 if (!found) return null;
                 found.block.scrollIntoView({ block: 'center' });
                 const first = qmCharRect(found.block, found.start);
                 const last = qmCharRect(found.block, found.end - 1);
                 return [first.left + Math.min(2, first.width / 4), (first.top + first.bottom) / 2,
                         last.right - Math.min(2, last.width / 4), (last.top + last.bottom) / 2];",
                vec![json!(needle)],
            )
            .await;
        let [x0, y0, x1, y1]: [f64; 4] = serde_json::from_value(path.clone())
            .unwrap_or_else(|_| panic!("{needle:?} is not in {}: {path}", self.host));
        press_and_drag(browser, (x0, y0), (x1, y1)).await;
        let selected = self
            .js(
                browser,
                "const s = root.getSelection ? root.getSelection() : document.getSelection();
                 return s ? s.toString() : '';",
                vec![],
            )
            .await;
        release_mouse(browser).await;
        selected.as_str().unwrap_or_default().to_owned()
    }

    /// Clicks the middle of the first element matching `selector` inside the widget whose
    /// text is `text` (any text when empty).
    pub(crate) async fn click(self, browser: &Browser, selector: &str, text: &str) {
        let point = self
            .js(
                browser,
                "const element = [...root.querySelectorAll(arguments[0])]
                   .find(e => !arguments[1] || e.textContent.trim() === arguments[1]);
                 if (!element) return null;
                 element.scrollIntoView({ block: 'center' });
                 return qmCentre(element);",
                vec![json!(selector), json!(text)],
            )
            .await;
        let [x, y]: [f64; 2] = match serde_json::from_value(point.clone()) {
            Ok(point) => point,
            Err(_) => {
                let buttons = self
                    .js(
                        browser,
                        "return [...root.querySelectorAll('button')].map(b => b.textContent.trim());",
                        vec![],
                    )
                    .await;
                panic!(
                    "no {selector:?} {text:?} in {}; its buttons: {buttons}",
                    self.host
                )
            }
        };
        click_at(browser, x, y).await;
    }

    pub(crate) async fn wait_for_toolbar(self, browser: &Browser) {
        self.wait_for(
            browser,
            "the selection toolbar",
            "return !!root.querySelector('.qm-toolbar');",
        )
        .await;
    }

    /// Selects `needle` with the mouse and quotes it as `speaker`'s words, typed into the
    /// toolbar and confirmed with Enter. Returns the new annotation.
    pub(crate) async fn quote(self, browser: &Browser, needle: &str, speaker: &str) -> Value {
        let before = self.annotations(browser).await.len();
        let selected = self.drag_over(browser, needle).await;
        assert_eq!(selected, needle, "the drag selected something else");
        self.wait_for_toolbar(browser).await;
        self.click(browser, "#qm-speaker-input", "").await;
        chord(browser, &[Key::Control], 'a').await;
        type_text(browser, speaker).await;
        press(browser, Key::Enter).await;
        let after = self.wait_for_annotations(browser, before + 1).await;
        after
            .into_iter()
            .find(|a| a["exact"] == json!(needle))
            .unwrap_or_else(|| panic!("no annotation quotes {needle:?}"))
    }

    /// Adds `note` to annotation `id` through its card's note editor (opening it with "Add
    /// note" unless it is open already, as after the toolbar's Note).
    pub(crate) async fn add_note(self, browser: &Browser, id: &str, note: &str) {
        let card = format!("[data-qm-annotation=\"{id}\"]");
        let open = self
            .js(
                browser,
                "return !!root.querySelector(arguments[0] + ' .qm-note-input');",
                vec![json!(card)],
            )
            .await;
        if open == json!(true) {
            self.click(browser, &format!("{card} .qm-note-input"), "")
                .await;
        } else {
            self.click(browser, &format!("{card} button"), "Add note")
                .await;
        }
        self.wait_for(
            browser,
            "the note editor",
            "return root.activeElement?.classList.contains('qm-note-input');",
        )
        .await;
        type_text(browser, note).await;
        chord(browser, &[Key::Control], Key::Enter).await;
        self.wait_for(
            browser,
            "the saved note",
            &format!(
                "return {}.annotations().some(a => a.id === {} && a.note === {});",
                self.handle,
                json!(id),
                json!(note)
            ),
        )
        .await;
    }
}

/// Lets the page run a few animation frames (for checking that something did NOT happen).
async fn settle(browser: &Browser) {
    browser
        .client
        .execute_async(
            "const done = arguments[0]; let n = 0;
             const tick = () => (++n < 10 ? requestAnimationFrame(tick) : done(true));
             requestAnimationFrame(tick);",
            vec![],
        )
        .await
        .expect("wait a few frames");
}

fn px(value: &Value) -> f64 {
    value
        .as_str()
        .and_then(|text| text.strip_suffix("px"))
        .and_then(|number| number.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The host element's markup as the page's source has it (parsed from the page itself), to
/// compare with what `destroy()` leaves behind.
async fn source_inner_html(browser: &Browser, host: &str) -> Value {
    browser
        .client
        .execute_async(
            "const [selector, done] = arguments;
             fetch(location.href).then(r => r.text()).then(html => {
               const parsed = new DOMParser().parseFromString(html, 'text/html');
               done(parsed.querySelector(selector)?.innerHTML ?? null);
             });",
            vec![json!(host)],
        )
        .await
        .expect("read the page source")
}

const RED: &str = "rgb(255, 0, 0)";

#[tokio::test]
async fn a_hostile_cms_page_and_the_widget_leave_each_other_alone() {
    let browser = Browser::start().await;
    browser.goto("/examples/cms-article.html").await;
    CMS_STORY.wait_ready(&browser).await;

    // The page's globals with the module's internal names are untouched, and the page's own
    // window.Quotemark wins over the loader's.
    let globals = browser
        .js(
            "return { init: window.init(), mount: window.mount(), wasm,
                      wbg: __wbg_init(), quotemark: window.Quotemark,
                      module: typeof window.quotemarkModule?.mount };",
            vec![],
        )
        .await;
    assert_eq!(
        globals,
        json!({
            "init": "host init", "mount": "host mount", "wasm": "host wasm",
            "wbg": "host __wbg_init", "quotemark": "host's own", "module": "function",
        })
    );

    // The widget's own typography, whatever the page says about p, article and inheritance.
    let text = CMS_STORY
        .js(
            &browser,
            "const p = root.querySelector('article p[data-qm-block]');
             const style = getComputedStyle(p);
             return { size: style.fontSize, transform: style.textTransform,
                      spacing: style.letterSpacing, words: style.wordSpacing,
                      visible: p.getBoundingClientRect().height > 0 };",
            vec![],
        )
        .await;
    let size = px(&text["size"]);
    assert!(
        (17.0..=19.0).contains(&size),
        "article text is {size}px: {text}"
    );
    assert_eq!(text["transform"], json!("none"), "{text}");
    assert_eq!(text["spacing"], json!("normal"), "{text}");
    assert_eq!(text["words"], json!("0px"), "{text}");
    assert_eq!(text["visible"], json!(true), "{text}");

    // A real selection opens the toolbar, above everything the page stacks at z-index max.
    let needle = "This budget fixes the quays first.";
    assert_eq!(CMS_STORY.drag_over(&browser, needle).await, needle);
    CMS_STORY.wait_for_toolbar(&browser).await;
    let toolbar = CMS_STORY
        .js(
            &browser,
            "const toolbar = root.querySelector('.qm-toolbar');
             const [x, y] = qmCentre(toolbar);
             const atPoint = root.elementFromPoint(x, y);
             const hostAtPoint = document.elementFromPoint(x, y);
             const buttons = [...toolbar.querySelectorAll('button')].map(b => {
               const s = getComputedStyle(b);
               return [b.textContent, s.backgroundColor, s.color, s.display];
             });
             return { onTop: toolbar.contains(atPoint),
                      atPoint: atPoint?.outerHTML.slice(0, 80) ?? null,
                      hostIsOnTop: hostAtPoint === root.host,
                      display: getComputedStyle(toolbar).display, buttons };",
            vec![],
        )
        .await;
    assert_eq!(toolbar["onTop"], json!(true), "covered: {toolbar}");
    assert_eq!(toolbar["hostIsOnTop"], json!(true), "{toolbar}");
    assert_ne!(toolbar["display"], json!("none"), "{toolbar}");
    let buttons = toolbar["buttons"].as_array().cloned().unwrap_or_default();
    assert!(buttons.len() >= 4, "{toolbar}");
    for button in &buttons {
        assert_ne!(button[1], json!(RED), "red background: {button}");
        assert_ne!(button[2], json!(RED), "red text: {button}");
        assert_ne!(button[3], json!("none"), "hidden: {button}");
    }

    // Quoting works, and its marks show, with a background, despite `mark { display: none }`.
    CMS_STORY.click(&browser, "#qm-speaker-input", "").await;
    type_text(&browser, "Aino Virtanen").await;
    press(&browser, Key::Enter).await;
    let made = CMS_STORY.wait_for_annotations(&browser, 1).await;
    assert_eq!(made[0]["exact"], json!(needle));
    assert_eq!(made[0]["speaker"], json!("Aino Virtanen"));
    let marks = CMS_STORY
        .js(
            &browser,
            "return [...root.querySelectorAll('mark[data-qm-ids]')].map(m => {
               const s = getComputedStyle(m);
               return { display: s.display, background: s.backgroundColor,
                        height: m.getBoundingClientRect().height };
             });",
            vec![],
        )
        .await;
    let marks = marks.as_array().cloned().unwrap_or_default();
    assert!(!marks.is_empty(), "no marks rendered");
    for mark in &marks {
        assert_eq!(mark["display"], json!("inline"), "{mark}");
        assert_ne!(mark["background"], json!("rgba(0, 0, 0, 0)"), "{mark}");
        assert!(mark["height"].as_f64().unwrap_or(0.0) > 0.0, "{mark}");
    }

    // Nothing of the widget's CSS leaks out: the page's own elements look as the page says.
    let host = browser
        .js(
            "const style = id => getComputedStyle(document.getElementById(id));
             return { p: style('host-paragraph').fontSize, mark: style('host-mark').display,
                      button: [style('host-button').backgroundColor, style('host-button').color],
                      promo: style('host-qm-promo').display,
                      kicker: style('host-kicker').fontSize };",
            vec![],
        )
        .await;
    assert_eq!(
        host,
        json!({ "p": "40px", "mark": "none", "button": [RED, RED], "promo": "none", "kicker": "40px" })
    );
    browser.close().await;
}

#[tokio::test]
async fn a_quote_in_one_widget_fires_events_on_that_widget_only() {
    let browser = Browser::start().await;
    browser.goto("/examples/two-widgets.html").await;
    HARBOUR.wait_ready(&browser).await;
    MARKET.wait_ready(&browser).await;
    // Listeners on each host element, to tell exactly where each DOM event was dispatched.
    browser
        .js(
            "window.atHost = [];
             for (const id of ['harbour', 'market']) {
               for (const name of ['create', 'update', 'delete', 'change', 'select']) {
                 document.getElementById(id).addEventListener('quotemark-' + name,
                   e => window.atHost.push({ host: id, name, target: e.target.id }));
               }
             }",
            vec![],
        )
        .await;

    // A selection in one widget is that widget's alone: the other opens no toolbar.
    let words = "The summer market opens";
    assert_eq!(MARKET.drag_over(&browser, words).await, words);
    MARKET.wait_for_toolbar(&browser).await;
    settle(&browser).await;
    let elsewhere = HARBOUR
        .js(
            &browser,
            "return !!root.querySelector('.qm-toolbar');",
            vec![],
        )
        .await;
    assert_eq!(
        elsewhere,
        json!(false),
        "the other widget took the selection"
    );
    MARKET.click(&browser, ".qm-toolbar button", "Cancel").await;

    let quote = MARKET
        .quote(
            &browser,
            "People asked for it every single week,",
            "Liisa Koskinen",
        )
        .await;
    let id = quote["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(quote["speaker"], json!("Liisa Koskinen"));
    let events = browser
        .wait_for(
            "the create and change events",
            "return window.atHost.some(e => e.name === 'change') && {
               atHost: window.atHost.filter(e => e.name !== 'select'),
               handle: window.handleEvents.filter(e => e.name !== 'select')
                 .map(e => [e.widget, e.name, e.detail?.id ?? e.detail?.annotations]),
               log: window.eventLog.filter(e => e.name !== 'select').map(e => [e.widget, e.name]),
               shown: document.getElementById('event-log').textContent,
             };",
        )
        .await;
    assert_eq!(
        events["atHost"],
        json!([
            { "host": "market", "name": "create", "target": "market" },
            { "host": "market", "name": "change", "target": "market" },
        ]),
        "{events}"
    );
    assert_eq!(
        events["handle"],
        json!([["market", "create", id], ["market", "change", 1]]),
        "{events}"
    );
    assert_eq!(
        events["log"],
        json!([["market", "create"], ["market", "change"]]),
        "{events}"
    );
    let shown = events["shown"].as_str().unwrap_or_default();
    assert!(
        shown.contains("[market] create") && shown.contains("Liisa Koskinen"),
        "{shown}"
    );
    assert!(HARBOUR.annotations(&browser).await.is_empty());

    // Delete from the market widget's panel card: a delete event, from the market only.
    browser
        .js("window.atHost = []; window.handleEvents = [];", vec![])
        .await;
    MARKET
        .click(
            &browser,
            &format!("[data-qm-annotation=\"{id}\"] button"),
            "Delete",
        )
        .await;
    let deleted = browser
        .wait_for(
            "the delete event",
            "return window.atHost.some(e => e.name === 'change') && {
               atHost: window.atHost.filter(e => e.name !== 'select').map(e => [e.host, e.name]),
               handle: window.handleEvents.filter(e => e.name === 'delete')
                 .map(e => [e.widget, e.detail]),
             };",
        )
        .await;
    assert_eq!(
        deleted["atHost"],
        json!([["market", "delete"], ["market", "change"]]),
        "{deleted}"
    );
    assert_eq!(
        deleted["handle"],
        json!([["market", { "id": id }]]),
        "{deleted}"
    );

    // In the other widget: a quote, then Ctrl+Z undoes it, which deletes it.
    browser
        .js("window.atHost = []; window.handleEvents = [];", vec![])
        .await;
    let harbour_quote = HARBOUR
        .quote(
            &browser,
            "We will not let the harbour fall apart while we argue about paint,",
            "Aino Virtanen",
        )
        .await;
    HARBOUR.click(&browser, "article h1", "").await;
    chord(&browser, &[Key::Control], 'z').await;
    HARBOUR.wait_for_annotations(&browser, 0).await;
    let undone = browser
        .wait_for(
            "the undo's delete event",
            "return window.atHost.some(e => e.name === 'delete') && {
               atHost: window.atHost.filter(e => e.name !== 'select').map(e => [e.host, e.name]),
               handle: window.handleEvents.filter(e => e.name === 'delete')
                 .map(e => [e.widget, e.detail]),
             };",
        )
        .await;
    assert_eq!(
        undone["atHost"],
        json!([
            ["harbour", "create"],
            ["harbour", "change"],
            ["harbour", "delete"],
            ["harbour", "change"]
        ]),
        "{undone}"
    );
    assert_eq!(
        undone["handle"],
        json!([["harbour", { "id": harbour_quote["id"] }]]),
        "{undone}"
    );
    browser.close().await;
}

#[tokio::test]
async fn two_widgets_keep_their_own_saved_annotations_across_a_reload() {
    let browser = Browser::start().await;
    browser.goto("/examples/two-widgets.html").await;
    HARBOUR.wait_ready(&browser).await;
    MARKET.wait_ready(&browser).await;
    let harbour_words = "It is a plan for the next election,";
    let market_words = "with sixty stalls.";
    HARBOUR.quote(&browser, harbour_words, "Mikko Lahti").await;
    MARKET.quote(&browser, market_words, "").await;

    let saved = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('quotemark:')).sort()
               .map(k => [k, localStorage.getItem(k)]);",
            vec![],
        )
        .await;
    let saved = saved.as_array().cloned().unwrap_or_default();
    let keys: Vec<&Value> = saved.iter().map(|entry| &entry[0]).collect();
    assert_eq!(
        keys,
        [
            &json!("quotemark:v1:example-harbour-story"),
            &json!("quotemark:v1:example-market-story")
        ]
    );
    let harbour_saved = saved[0][1].as_str().unwrap_or_default();
    let market_saved = saved[1][1].as_str().unwrap_or_default();
    assert!(harbour_saved.contains(harbour_words) && !harbour_saved.contains(market_words));
    assert!(market_saved.contains(market_words) && !market_saved.contains(harbour_words));

    browser.client.refresh().await.expect("reload");
    HARBOUR.wait_ready(&browser).await;
    MARKET.wait_ready(&browser).await;
    let exacts =
        |all: Vec<Value>| -> Vec<Value> { all.into_iter().map(|a| a["exact"].clone()).collect() };
    assert_eq!(
        exacts(HARBOUR.annotations(&browser).await),
        [json!(harbour_words)]
    );
    assert_eq!(
        exacts(MARKET.annotations(&browser).await),
        [json!(market_words)]
    );
    for (widget, words) in [(HARBOUR, harbour_words), (MARKET, market_words)] {
        let marked = widget
            .js(
                &browser,
                "return [...root.querySelectorAll('mark[data-qm-ids]')].map(m => m.textContent).join('');",
                vec![],
            )
            .await;
        assert_eq!(marked, json!(words));
    }
    browser.close().await;
}

#[tokio::test]
async fn destroy_gives_each_host_element_back_as_it_was() {
    let browser = Browser::start().await;

    // Declarative, on the hostile page: the article's own markup comes back, byte for byte.
    browser.goto("/examples/cms-article.html").await;
    CMS_STORY.wait_ready(&browser).await;
    let source = source_inner_html(&browser, "#story").await;
    assert!(source.as_str().is_some_and(|html| html.contains("<h1>")));
    let after = browser
        .js(
            &format!(
                "const handle = {};
                 handle.destroy();
                 handle.destroy();
                 const story = document.getElementById('story');
                 return {{ html: story.innerHTML, mounted: handle.mounted,
                          widgets: document.querySelectorAll('[data-quotemark-host]').length,
                          attributes: story.getAttributeNames() }};",
                CMS_STORY.handle
            ),
            vec![],
        )
        .await;
    assert_eq!(after["html"], source);
    assert_eq!(after["mounted"], json!(false));
    assert_eq!(after["widgets"], json!(0));
    assert_eq!(
        after["attributes"],
        json!([
            "id",
            "data-quotemark",
            "data-quotemark-id",
            "data-quotemark-title",
            "data-quotemark-speakers"
        ])
    );

    // Both kinds on one page: each destroy removes only its own widget.
    browser.goto("/examples/two-widgets.html").await;
    HARBOUR.wait_ready(&browser).await;
    MARKET.wait_ready(&browser).await;
    let source = source_inner_html(&browser, "#harbour").await;
    let after = browser
        .js(
            "window.exampleHandles.market.destroy();
             const market = document.getElementById('market').innerHTML;
             const harbourStillThere = !!document.querySelector('#harbour > [data-quotemark-host]');
             window.exampleHandles.harbour.destroy();
             return { market, harbourStillThere,
                      harbour: document.getElementById('harbour').innerHTML };",
            vec![],
        )
        .await;
    assert_eq!(after["market"], json!(""));
    assert_eq!(after["harbourStillThere"], json!(true));
    assert_eq!(after["harbour"], source);
    browser.close().await;
}

#[tokio::test]
async fn the_reader_view_shows_speakers_and_notes_and_offers_no_editing() {
    let browser = Browser::start().await;
    browser.goto("/examples/reader.html").await;
    READER.wait_ready(&browser).await;
    let annotations = READER.annotations(&browser).await;
    assert!(annotations.len() >= 4, "{annotations:?}");
    assert!(annotations.iter().all(|a| a["status"] == json!("anchored")));

    // Every annotation is highlighted; quotes carry their speaker's initials.
    let view = READER
        .js(
            &browser,
            "const marks = [...root.querySelectorAll('mark[data-qm-starts]')];
             const section = heading => [...root.querySelectorAll('.qm-panel-section')]
               .find(s => s.querySelector('h2')?.textContent.startsWith(heading))?.textContent ?? '';
             return {
               starts: marks.flatMap(m => m.getAttribute('data-qm-starts').split(' ')),
               labels: marks.map(m => m.getAttribute('data-qm-label')),
               titles: marks.map(m => m.title),
               descriptions: marks.map(m => m.getAttribute('aria-description')),
               speakers: section('Speakers'),
               quoted: section('Who is quoted'),
               buttons: [...root.querySelectorAll('button')].map(b => b.textContent.trim()),
               editors: [...root.querySelectorAll(
                   '.qm-card-speaker, .qm-note-input, .qm-add-speaker-input, .qm-rename-input, '
                   + '.qm-colour-select, .qm-merge-select, input[type=file]')].map(e => e.className),
             };",
            vec![],
        )
        .await;
    let mut starts: Vec<String> =
        serde_json::from_value(view["starts"].clone()).unwrap_or_default();
    starts.sort();
    let mut ids: Vec<String> = annotations
        .iter()
        .filter_map(|a| a["id"].as_str().map(str::to_owned))
        .collect();
    ids.sort();
    assert_eq!(starts, ids, "{view}");
    let labels = view["labels"].to_string();
    for initials in ["SS", "JM", "NG", "DT"] {
        assert!(labels.contains(initials), "no {initials} label: {labels}");
    }
    for name in [
        "Sarah Sanders",
        "John McCain",
        "Newt Gingrich",
        "Donald Trump",
    ] {
        for section in ["speakers", "quoted"] {
            let text = view[section].as_str().unwrap_or_default();
            assert!(text.contains(name), "{name} missing from {section}: {text}");
        }
    }
    // Notes show on hover (title) and are read on focus (aria-description).
    for annotation in annotations.iter().filter(|a| a["note"] != json!("")) {
        let note = annotation["note"].as_str().unwrap_or_default();
        for attribute in ["titles", "descriptions"] {
            let shown = view[attribute].as_array().cloned().unwrap_or_default();
            assert!(
                shown
                    .iter()
                    .any(|text| text.as_str().is_some_and(|text| text.contains(note))),
                "note {note:?} not in the marks' {attribute}: {view}"
            );
        }
    }
    // No editing: nothing to edit with, and a selection opens no toolbar.
    let buttons = view["buttons"].to_string();
    for editing in [
        "Delete",
        "Add note",
        "Edit note",
        "Make quote",
        "Make highlight",
        "Update range",
        "Rename",
        "Merge",
        "Add speaker",
        "Undo",
    ] {
        assert!(!buttons.contains(editing), "{editing:?} offered: {buttons}");
    }
    assert_eq!(view["editors"], json!([]), "{view}");
    let words = "publicly suggesting that the Russian leader";
    assert_eq!(READER.drag_over(&browser, words).await, words);
    settle(&browser).await;
    let toolbar = READER
        .js(
            &browser,
            "return !!root.querySelector('.qm-toolbar');",
            vec![],
        )
        .await;
    assert_eq!(toolbar, json!(false), "a toolbar opened in the reader view");
    assert_eq!(READER.annotations(&browser).await.len(), annotations.len());
    browser.close().await;
}

/// Opens a page served under the strict policy, checks the widget works there without a
/// single violation, then proves the policy is in force (a blocked inline style is reported).
async fn works_under_the_strict_policy(path: &str) {
    let browser = Browser::start().await;
    browser.goto(path).await;
    CSP_STORY.wait_ready(&browser).await;
    let shown = CSP_STORY
        .js(
            &browser,
            "return { blocks: root.querySelectorAll('[data-qm-block]').length,
                      marks: root.querySelectorAll('mark[data-qm-label]').length,
                      styled: getComputedStyle(root.querySelector('article p')).fontFamily,
                      violations: window.__cspViolations };",
            vec![],
        )
        .await;
    assert!(shown["blocks"].as_u64().unwrap_or(0) > 10, "{shown}");
    assert!(shown["marks"].as_u64().unwrap_or(0) >= 4, "{shown}");
    assert!(
        shown["styled"]
            .as_str()
            .unwrap_or_default()
            .contains("Georgia"),
        "the widget's stylesheet did not apply: {shown}"
    );
    assert_eq!(shown["violations"], json!([]), "{shown}");

    // Annotating (toolbar placed through the CSSOM, marks re-rendered) stays within policy.
    let before = CSP_STORY.annotations(&browser).await.len();
    CSP_STORY
        .quote(&browser, "publicly suggesting", "Newt Gingrich")
        .await;
    let placed = CSP_STORY
        .js(
            &browser,
            "return root.querySelectorAll('mark[data-qm-ids]').length;",
            vec![],
        )
        .await;
    assert!(placed.as_u64().unwrap_or(0) > before as u64, "{placed}");
    let violations = browser.js("return window.__cspViolations;", vec![]).await;
    assert_eq!(violations, json!([]), "on {path}");

    let probe = browser
        .wait_for(
            "the policy to block an inline style",
            "if (!window.__probed) {
               window.__probed = true;
               document.body.setAttribute('style', 'outline: 3px solid red');
             }
             return window.__cspViolations.length > 0 && window.__cspViolations;",
        )
        .await;
    assert_eq!(probe[0]["directive"], json!("style-src-attr"), "{probe}");
    browser.close().await;
}

#[tokio::test]
async fn the_strict_csp_example_works_with_its_meta_policy() {
    works_under_the_strict_policy("/examples/csp-strict.html").await;
}

#[tokio::test]
async fn the_strict_csp_page_works_with_the_policy_as_a_header() {
    works_under_the_strict_policy("/examples/csp-strict.html?policy=header").await;
}

/// Not a check: remakes the export embedded in `examples/reader.html` (and the CSP pages) by
/// annotating the reader's article as a person would, and prints it. Run with
/// `cargo test --test e2e regenerate_the_reader_export -- --ignored --nocapture`.
#[tokio::test]
#[ignore]
async fn regenerate_the_reader_export() {
    let browser = Browser::start().await;
    browser.goto("/examples/reader.html").await;
    READER.wait_ready(&browser).await;
    // Give the article element its content back and mount an editable, empty widget on it.
    browser
        .js(
            &format!(
                "{}.destroy();
                 const reader = document.getElementById('reader');
                 const html = reader.innerHTML;
                 reader.replaceChildren();
                 window.scratch = window.Quotemark.mount(reader, {{
                   article: {{ html, title: reader.dataset.quotemarkTitle }},
                   id: reader.dataset.quotemarkId, storage: 'none',
                 }});",
                READER.handle
            ),
            vec![],
        )
        .await;
    let scratch = Widget {
        host: "#reader",
        handle: "window.scratch",
    };
    scratch.wait_ready(&browser).await;
    let quotes = [
        (
            "In Helsinki, [President Trump] agreed to ongoing working level dialogue between the two security council staffs.",
            "Sarah Sanders",
            "White House Press Secretary, in a tweet.",
        ),
        ("tragic mistake", "John McCain", ""),
        (
            "the most serious mistake",
            "Newt Gingrich",
            "A Trump ally, so this one carries weight.",
        ),
        (
            "I look forward to our second meeting",
            "Donald Trump",
            "From a pair of tweets the same day.",
        ),
    ];
    for (words, speaker, note) in quotes {
        let made = scratch.quote(&browser, words, speaker).await;
        if !note.is_empty() {
            let id = made["id"].as_str().unwrap_or_default();
            scratch.add_note(&browser, id, note).await;
        }
    }
    // A highlight (not a quote) with a note.
    let words = "extremely strong and powerful";
    scratch.drag_over(&browser, words).await;
    scratch.wait_for_toolbar(&browser).await;
    scratch.click(&browser, ".qm-toolbar button", "Note").await;
    let all = scratch.wait_for_annotations(&browser, 5).await;
    let highlight = all
        .iter()
        .find(|a| a["exact"] == json!(words))
        .and_then(|a| a["id"].as_str())
        .unwrap_or_default()
        .to_owned();
    scratch
        .add_note(
            &browser,
            &highlight,
            "Putin's denial, in Trump's words (\"denail\" is the source's typo).",
        )
        .await;
    let export = browser
        .js("return window.scratch.exportJson();", vec![])
        .await;
    println!("{}", export.as_str().unwrap_or_default());
    browser.close().await;
}
