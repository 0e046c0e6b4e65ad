//! What a person does to the widget, as real WebDriver input: drag the mouse over words, click,
//! type, press shortcuts. Coordinates come from the rendered text inside the shadow root, so a
//! drag starts and ends on exactly the characters a person would aim at.

use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions,
    MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::support::{Browser, WIDGET};

/// A page with one widget and the global that holds its handle.
#[derive(Clone, Copy)]
pub struct Page {
    pub path: &'static str,
    pub handle: &'static str,
}

/// The demo page with the Helsinki article.
pub const DEMO: Page = Page {
    path: "/",
    handle: "window.quotemarkDemo",
};

impl Page {
    /// Opens the page and waits until the article is shown and the handle is ready.
    pub async fn open(self, browser: &Browser) {
        browser.goto(self.path).await;
        self.wait_ready(browser).await;
    }

    /// Waits (after a load or reload) until the article is shown and the handle is ready.
    pub async fn wait_ready(self, browser: &Browser) {
        browser
            .wait_for(
                &format!("the widget on {}", self.path),
                &format!(
                    "{WIDGET} return !!({handle}) && !!root?.querySelector('[data-qm-block]');",
                    handle = self.handle
                ),
            )
            .await;
    }

    /// `annotations()` from the handle: plain objects in article order.
    pub async fn annotations(self, browser: &Browser) -> Value {
        browser
            .js(&format!("return {}.annotations();", self.handle), vec![])
            .await
    }

    /// Waits until the handle reports `count` annotations, and returns them.
    pub async fn wait_for_annotations(self, browser: &Browser, count: usize) -> Value {
        browser
            .wait_for(
                &format!("{count} annotations"),
                &format!(
                    "const all = {}.annotations(); return all.length === {count} && all;",
                    self.handle
                ),
            )
            .await
    }

    /// Runs a handle method that returns a string (an export), e.g. `exportJson()`.
    pub async fn call_string(self, browser: &Browser, call: &str) -> String {
        let value = browser
            .js(&format!("return {}.{call};", self.handle), vec![])
            .await;
        value.as_str().map(str::to_owned).unwrap_or_else(|| {
            panic!("{call} returned {value}, not a string");
        })
    }
}

/// JavaScript helpers prefixed to scripts: `root` (the shadow root), `qmFind(needle, nth)` (the
/// block and UTF-16 offsets of the nth occurrence of `needle` in one block's rendered text),
/// `qmCharRect(block, offset)` (the viewport rectangle of the character at `offset`) and
/// `qmSelectionText()` (what the reader has selected, as the browser reports it).
const HELPERS: &str = r#"
const root = document.querySelector('[data-quotemark-host]')?.shadowRoot;
function qmBlocks() { return [...root.querySelectorAll('[data-qm-block]')]; }
function qmFind(needle, nth) {
  let seen = 0;
  for (const block of qmBlocks()) {
    let from = 0;
    for (;;) {
      const at = block.textContent.indexOf(needle, from);
      if (at < 0) break;
      if (seen === nth) return { block, start: at, end: at + needle.length };
      seen += 1;
      from = at + 1;
    }
  }
  return null;
}
function qmPoint(block, offset) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let node, seen = 0;
  while ((node = walker.nextNode())) {
    if (offset < seen + node.data.length) return [node, offset - seen];
    seen += node.data.length;
  }
  return null;
}
function qmCharRect(block, offset) {
  const [node, at] = qmPoint(block, offset);
  const code = node.data.codePointAt(at);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + (code > 0xffff ? 2 : 1));
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  return rects[rects.length - 1] ?? range.getBoundingClientRect();
}
function qmSelectionText() {
  const selection = root.getSelection ? root.getSelection() : document.getSelection();
  return selection ? selection.toString() : '';
}
"#;

/// Runs `body` after the helpers above.
pub async fn with_helpers(browser: &Browser, body: &str, args: Vec<Value>) -> Value {
    browser.js(&format!("{HELPERS}\n{body}"), args).await
}

#[derive(Debug, Deserialize)]
struct DragPath {
    from: (f64, f64),
    to: (f64, f64),
}

/// What a drag selected, read from the browser just before the mouse button went up.
#[derive(Debug)]
pub struct Dragged {
    pub selected: String,
}

/// Drags the mouse from the first character of the `nth` occurrence of `needle` to its last,
/// as a person selecting those words would (first character's left part to the last
/// character's right part), and releases. Returns the browser's selection before release.
pub async fn drag_over(browser: &Browser, needle: &str, nth: usize) -> Dragged {
    let path = drag_path(browser, needle, nth).await;
    let selected = press_drag_release(browser, &path).await;
    Dragged { selected }
}

async fn drag_path(browser: &Browser, needle: &str, nth: usize) -> DragPath {
    let value = with_helpers(
        browser,
        "const found = qmFind(arguments[0], arguments[1]);
         if (!found) return null;
         found.block.scrollIntoView({ block: 'center' });
         const first = qmCharRect(found.block, found.start);
         const lastCode = found.block.textContent.codePointAt(found.end - 1);
         const lastAt = (lastCode >= 0xdc00 && lastCode <= 0xdfff) ? found.end - 2 : found.end - 1;
         const last = qmCharRect(found.block, lastAt);
         const inset = r => Math.min(2, r.width * 0.25);
         return {
           from: [first.left + inset(first), (first.top + first.bottom) / 2],
           to: [last.right - inset(last), (last.top + last.bottom) / 2],
         };",
        vec![json!(needle), json!(nth)],
    )
    .await;
    serde_json::from_value(value.clone())
        .unwrap_or_else(|_| panic!("{needle:?} (occurrence {nth}) is not in the article: {value}"))
}

async fn press_drag_release(browser: &Browser, path: &DragPath) -> String {
    press_and_drag(browser, path.from, path.to).await;
    let selected = with_helpers(browser, "return qmSelectionText();", vec![]).await;
    release_mouse(browser).await;
    selected.as_str().unwrap_or_default().to_owned()
}

/// Presses the left button at `from` and drags, through the middle, to `to` (viewport points),
/// keeping the button down so the caller can look at the selection first.
pub async fn press_and_drag(browser: &Browser, from: (f64, f64), to: (f64, f64)) {
    let middle = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
    let press_and_drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: from.0.round(),
            y: from.1.round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(40)),
            x: middle.0.round(),
            y: middle.1.round(),
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(40)),
            x: to.0.round(),
            y: to.1.round(),
        });
    browser
        .client
        .perform_actions(press_and_drag)
        .await
        .expect("press and drag the mouse");
}

/// Releases the left button.
pub async fn release_mouse(browser: &Browser) {
    let release = MouseActions::new("mouse".into()).then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    browser
        .client
        .perform_actions(release)
        .await
        .expect("release the mouse button");
}

/// Taps a finger at a viewport point (a touch pointer, as on a phone).
pub async fn tap_at(browser: &Browser, x: f64, y: f64) {
    browser
        .client
        .perform_actions(press_at(TouchActions::new("finger".into()), x, y))
        .await
        .expect("tap the screen");
}

/// A pointer (mouse or finger) moved to a viewport point, pressed and released there.
fn press_at<S: InputSource<Action = PointerAction>>(source: S, x: f64, y: f64) -> S {
    source
        .then(PointerAction::MoveTo {
            duration: None,
            x: x.round(),
            y: y.round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        })
}

/// Clicks the left button at a viewport point.
pub async fn click_at(browser: &Browser, x: f64, y: f64) {
    browser
        .client
        .perform_actions(press_at(MouseActions::new("mouse".into()), x, y))
        .await
        .expect("click the mouse");
}

/// Clicks the middle of the first element inside the widget matching `selector`, after
/// scrolling it into view.
pub async fn click_in_widget(browser: &Browser, selector: &str) {
    let point = browser
        .js(
            &format!(
                "{WIDGET} const element = root.querySelector(arguments[0]);
                 if (!element) return null;
                 element.scrollIntoView({{ block: 'center' }});
                 const r = element.getBoundingClientRect();
                 return [r.left + r.width / 2, r.top + r.height / 2];"
            ),
            vec![json!(selector)],
        )
        .await;
    let (x, y): (f64, f64) = serde_json::from_value(point.clone())
        .unwrap_or_else(|_| panic!("nothing matches {selector:?} in the widget ({point})"));
    click_at(browser, x, y).await;
}

/// Clicks the middle of the character `offset` characters (UTF-16) into the `nth` occurrence
/// of `needle`.
pub async fn click_text(browser: &Browser, needle: &str, nth: usize, offset: usize) {
    let point = with_helpers(
        browser,
        "const found = qmFind(arguments[0], arguments[1]);
         if (!found) return null;
         found.block.scrollIntoView({ block: 'center' });
         const r = qmCharRect(found.block, found.start + arguments[2]);
         return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];",
        vec![json!(needle), json!(nth), json!(offset)],
    )
    .await;
    let (x, y): (f64, f64) = serde_json::from_value(point.clone())
        .unwrap_or_else(|_| panic!("{needle:?} is not in the article ({point})"));
    click_at(browser, x, y).await;
}

/// Types `text` on the keyboard, into whatever has focus.
pub async fn type_text(browser: &Browser, text: &str) {
    let mut keys = KeyActions::new("keyboard".into());
    for character in text.chars() {
        keys = keys
            .then(KeyAction::Down { value: character })
            .then(KeyAction::Up { value: character });
    }
    browser
        .client
        .perform_actions(keys)
        .await
        .expect("type on the keyboard");
}

/// Presses one key (a character or a [`Key`]).
pub async fn press(browser: &Browser, key: impl Into<char>) {
    chord(browser, &[], key).await;
}

/// Presses `key` while holding `modifiers` (e.g. Control, Shift).
pub async fn chord(browser: &Browser, modifiers: &[Key], key: impl Into<char>) {
    let key = key.into();
    let mut keys = KeyActions::new("keyboard".into());
    for modifier in modifiers {
        keys = keys.then(KeyAction::Down {
            value: (*modifier).into(),
        });
    }
    keys = keys
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    for modifier in modifiers.iter().rev() {
        keys = keys.then(KeyAction::Up {
            value: (*modifier).into(),
        });
    }
    browser
        .client
        .perform_actions(keys)
        .await
        .expect("press keys");
}

/// What has keyboard focus inside the widget, described as `tag#id.class[data-qm-starts]`.
pub async fn focused_in_widget(browser: &Browser) -> Value {
    browser
        .js(
            &format!(
                "{WIDGET} const e = root.activeElement;
                 return e && {{ tag: e.localName, id: e.id, starts: e.getAttribute('data-qm-starts') }};"
            ),
            vec![],
        )
        .await
}

/// Waits until the selection toolbar is shown.
pub async fn wait_for_toolbar(browser: &Browser) {
    browser
        .wait_for(
            "the selection toolbar",
            &format!("{WIDGET} return !!root.querySelector('.qm-toolbar');"),
        )
        .await;
}

/// Selects the `nth` occurrence of `needle` with the mouse and makes it a quote by `speaker`,
/// typed into the toolbar's "Who said it?" field and confirmed with Enter. Returns what the
/// browser had selected.
pub async fn quote_with_mouse(
    browser: &Browser,
    page: Page,
    needle: &str,
    nth: usize,
    speaker: &str,
) -> Dragged {
    let before = page
        .annotations(browser)
        .await
        .as_array()
        .map_or(0, Vec::len);
    let dragged = drag_over(browser, needle, nth).await;
    wait_for_toolbar(browser).await;
    click_in_widget(browser, "#qm-speaker-input").await;
    type_text(browser, speaker).await;
    press(browser, Key::Enter).await;
    page.wait_for_annotations(browser, before + 1).await;
    dragged
}

/// The attributes of the mark where annotation `id` starts.
pub async fn start_mark(browser: &Browser, id: &str) -> Value {
    browser
        .js(
            &format!(
                "{WIDGET} const m = [...root.querySelectorAll('mark[data-qm-starts]')]
                   .find(m => m.getAttribute('data-qm-starts').split(' ').includes(arguments[0]));
                 return m ? {{
                   label: m.getAttribute('data-qm-label'),
                   description: m.getAttribute('aria-description'),
                   class: m.className,
                   ids: m.getAttribute('data-qm-ids'),
                 }} : null;"
            ),
            vec![json!(id)],
        )
        .await
}

/// The text of each run marked for annotation `id`, joined: what the reader sees highlighted.
pub async fn marked_text(browser: &Browser, id: &str) -> String {
    browser
        .js(
            &format!(
                "{WIDGET} return [...root.querySelectorAll('mark[data-qm-ids]')]
                   .filter(m => m.getAttribute('data-qm-ids').split(' ').includes(arguments[0]))
                   .map(m => m.textContent).join('');"
            ),
            vec![json!(id)],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The text content of an article, loaded natively exactly as the widget loads it.
pub fn native_text_content(source: quotemark::core::article::ArticleSource) -> String {
    use quotemark::core::article::{Article, ArticleInput};
    Article::load(ArticleInput {
        source,
        title: None,
    })
    .unwrap_or_else(|error| panic!("the fixture article must load: {error}"))
    .text_content()
    .to_owned()
}

const AXE: &str = include_str!("../../node_modules/axe-core/axe.min.js");

/// axe-core's violations inside the widget, each as "rule (impact): help — targets".
pub async fn axe_violations(browser: &Browser) -> Vec<String> {
    axe_violations_in(browser, "[data-quotemark-host]").await
}

/// axe-core's violations inside the shadow host `host` (a CSS selector), as
/// [`axe_violations`] gives them.
pub async fn axe_violations_in(browser: &Browser, host: &str) -> Vec<String> {
    let loaded = browser
        .js("return typeof window.axe === 'object';", vec![])
        .await;
    if loaded != json!(true) {
        browser.js(&format!("{AXE}\nreturn true;"), vec![]).await;
    }
    let result = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const host = document.querySelector(arguments[0]);
             axe.run(host)
               .then(r => done({
                 passed: r.passes.reduce((n, rule) => n + rule.nodes.length, 0),
                 violations: r.violations.map(v =>
                   `${v.id} (${v.impact}): ${v.help} — ` +
                   v.nodes.map(n => JSON.stringify(n.target) + ' ' + n.failureSummary.replace(/\\s+/g, ' ')).join(' | ')),
               }))
               .catch(e => done({ error: String(e) }));",
            vec![json!(host)],
        )
        .await
        .expect("run axe");
    assert!(
        result["passed"].as_u64().is_some_and(|n| n > 20),
        "axe did not check {host}: {result}"
    );
    serde_json::from_value(result["violations"].clone())
        .unwrap_or_else(|_| panic!("axe gave no list of violations: {result}"))
}
