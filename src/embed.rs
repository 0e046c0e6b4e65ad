//! The JavaScript entry point: `mount(element, options)` and the handle it returns, through
//! which a host page exports, imports, reads annotations, listens to changes and destroys.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::{AppHandle, Callback};

use crate::core::article::Article;
use crate::core::document::{Action, Annotation, AnnotationId, Document};
use crate::core::host::options::{MountOptions, StorageMode};
use crate::core::host::plain;
use crate::core::interchange::{self, ArticleMeta, ImportMode, OtherArticle};
use crate::core::suggest;
use crate::platform::{host::WidgetHost, html::BrowserHtml, panic};
use crate::ui::components::app::{App, AppProps};
use crate::ui::persistence;
use crate::ui::state::{AppAction, AppState, ChangeKind, SaveStatus, Startup, StateHandle};
use crate::ui::time::now;

/// The events a host can listen to, with `on(name, fn)` or as DOM `CustomEvent`s named
/// `quotemark-<name>` on the host element.
const EVENTS: [&str; 6] = ["ready", "create", "update", "delete", "change", "select"];

/// A change touching more annotations than this (an import, another tab's work) fires only
/// `change`, which lists the ids, instead of one event per annotation.
const MAX_EVENTS_PER_CHANGE: usize = 100;

/// Attribute that marks an element whose own content becomes a widget's article.
const DECLARATIVE_ATTRIBUTE: &str = "data-quotemark";

thread_local! {
    /// Widgets mounted from `data-quotemark` elements, so `handleFor(element)` can find them.
    static DECLARED: RefCell<Vec<(Element, QuotemarkHandle)>> = const { RefCell::new(Vec::new()) };
}

/// Called once when the module is instantiated: mounts every `data-quotemark` element.
pub fn start() {
    panic::install();
    if let Err(error) = mount_all() {
        web_sys::console::error_1(&error.into());
    }
}

/// Mounts every `[data-quotemark]` element not mounted yet, with its own content (through the
/// sanitiser) as the article and its `data-quotemark-*` attributes as options: `-id`,
/// `-title`, `-readonly`, `-storage` (`local` or `none`), `-speakers` (names separated by
/// `;`), `-annotations` (`#id` of a `<script type="application/json">` holding an exported
/// file). Returns how many were mounted; an element that can't be mounted gets an error
/// message logged and keeps its content.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() -> Result<u32, JsError> {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return Ok(0);
    };
    let elements = document
        .query_selector_all(&format!("[{DECLARATIVE_ATTRIBUTE}]"))
        .map_err(|_| JsError::new("could not look for data-quotemark elements"))?;
    let mut mounted = 0;
    for index in 0..elements.length() {
        let Some(element) = elements
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        // A destroyed widget's element can be mounted again.
        DECLARED.with(|declared| declared.borrow_mut().retain(|(_, handle)| handle.mounted()));
        let known = DECLARED.with(|declared| declared.borrow().iter().any(|(e, _)| *e == element));
        if known {
            continue;
        }
        match mount(element.clone(), declared_options(&document, &element)) {
            Ok(handle) => {
                DECLARED.with(|declared| declared.borrow_mut().push((element, handle)));
                mounted += 1;
            }
            Err(error) => web_sys::console::error_2(
                &"Quotemark: a data-quotemark element could not be mounted:".into(),
                &JsValue::from(error),
            ),
        }
    }
    Ok(mounted)
}

/// The handle of the widget mounted on `element` from its `data-quotemark` attribute.
#[wasm_bindgen(js_name = handleFor)]
pub fn handle_for(element: &Element) -> Option<QuotemarkHandle> {
    DECLARED.with(|declared| {
        declared
            .borrow()
            .iter()
            .find(|(known, handle)| known == element && handle.mounted())
            .map(|(_, handle)| handle.clone())
    })
}

/// Mount options read from a declarative element's attributes.
fn declared_options(document: &web_sys::Document, element: &Element) -> JsValue {
    let attribute = |name: &str| element.get_attribute(&format!("{DECLARATIVE_ATTRIBUTE}-{name}"));
    let mut options = serde_json::json!({
        "article": { "html": element.inner_html() },
        "readOnly": attribute("readonly").is_some_and(|value| value != "false"),
    });
    if let Some(id) = attribute("id") {
        options["id"] = id.into();
    }
    if let Some(title) = attribute("title") {
        options["article"]["title"] = title.into();
    }
    if let Some(storage) = attribute("storage") {
        options["storage"] = storage.into();
    }
    if let Some(speakers) = attribute("speakers") {
        options["speakers"] = speakers
            .split(';')
            .map(|name| serde_json::Value::from(name.trim()))
            .collect();
    }
    if let Some(source) = attribute("annotations") {
        let file = source
            .strip_prefix('#')
            .and_then(|id| document.get_element_by_id(id))
            .and_then(|script| script.text_content());
        if let Some(file) = file {
            options["annotations"] = file.into();
        }
    }
    js_sys::JSON::parse(&options.to_string()).unwrap_or(JsValue::NULL)
}

/// Mounts a Quotemark widget in `element`. Throws an `Error` with a readable message when the
/// options or the article can't be used; the element is left untouched then.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Result<QuotemarkHandle, JsError> {
    panic::install();
    let json = if options.is_undefined() || options.is_null() {
        "null".to_owned()
    } else {
        js_sys::JSON::stringify(&options)
            .map_err(|_| JsError::new("The mount options must be a plain object."))?
            .as_string()
            .unwrap_or_default()
    };
    let options =
        MountOptions::from_json(&json).map_err(|error| JsError::new(&error.to_string()))?;
    let article = Article::load_with(options.article, &BrowserHtml)
        .map_err(|error| JsError::new(&error.to_string()))?;
    let article_key = options
        .article_id
        .clone()
        .unwrap_or_else(|| article.content_hash());
    let storage_enabled = options.storage == StorageMode::Local;
    let persistence::Loaded {
        mut document,
        status: save_status,
        fingerprint,
    } = if storage_enabled {
        persistence::load(&article, &article_key, now())
    } else {
        persistence::Loaded {
            document: Document::new(article_key.clone()),
            status: SaveStatus::Disabled,
            fingerprint: None,
        }
    };
    add_predefined_speakers(&mut document, &options.speakers);
    if let Some(file) = &options.annotations {
        document = with_file(&article, document, file)?;
    }

    let host = WidgetHost::attach(&element)
        .map_err(|_| JsError::new("could not attach the widget to the element"))?;
    for (property, value) in &options.theme {
        host.set_custom_property(property, value);
    }
    panic::register_root(host.app_root());
    let initial = AppState::new(article, article_key, document).with_settings(
        options.read_only,
        storage_enabled,
        save_status,
        fingerprint,
    );
    let mut resolve_ready = None;
    let ready = js_sys::Promise::new(&mut |resolve, _reject| resolve_ready = Some(resolve));
    let startup = Startup::new(initial.clone());
    if options.suggest {
        // Through the reducer, like a click on Suggest quotes, before the first render.
        let _ = startup.dispatch(AppAction::Suggest);
    }
    let bridge = Rc::new(Bridge {
        article: initial.article.clone(),
        document: initial.document_cell(),
        startup: startup.clone(),
        ready,
        resolve_ready: RefCell::new(resolve_ready),
        state: RefCell::new(None),
        listeners: RefCell::new(Vec::new()),
        event_target: element,
        seen_version: Cell::new(0),
        seen_focus: RefCell::new(None),
    });
    let on_state = {
        let bridge = Rc::downgrade(&bridge);
        Callback::from(move |state: StateHandle| {
            if let Some(bridge) = bridge.upgrade() {
                bridge.observe(state);
            }
        })
    };
    let app = yew::Renderer::<App>::with_root_and_props(
        host.app_root().clone(),
        AppProps { startup, on_state },
    )
    .render();
    Ok(QuotemarkHandle {
        mounted: Rc::new(RefCell::new(Some(Mounted { host, app, bridge }))),
    })
}

/// The document with an exported file merged in (as its starting point, not undoable).
fn with_file(article: &Article, mut document: Document, file: &str) -> Result<Document, JsError> {
    let (action, _) = interchange::import_action(
        &document,
        article.text_content(),
        file,
        ImportMode::Merge,
        OtherArticle::Refuse,
        now(),
    )
    .map_err(|error| JsError::new(&format!("options.annotations can't be used: {error}")))?;
    document
        .apply(action, now())
        .map_err(|error| JsError::new(&error.to_string()))?;
    document.history.clear();
    Ok(document)
}

/// Adds the host's speakers that the document doesn't know yet, as its starting point (not
/// an undoable change).
fn add_predefined_speakers(document: &mut Document, names: &[String]) {
    let mut added = false;
    for name in names {
        if document.speaker_named(name).is_none() {
            added |= document
                .apply(Action::AddSpeaker { name: name.clone() }, 0)
                .is_ok();
        }
    }
    if added {
        document.history.clear();
    }
}

/// What the handle shares with the running app.
struct Bridge {
    article: Rc<Article>,
    document: Rc<RefCell<crate::core::document::Document>>,
    /// The starting state, which host calls act on until the first render takes it.
    startup: Startup,
    /// Resolved after the first render (`handle.ready`).
    ready: js_sys::Promise,
    resolve_ready: RefCell<Option<js_sys::Function>>,
    /// The latest state handle, for dispatching actions from the host.
    state: RefCell<Option<StateHandle>>,
    listeners: RefCell<Vec<(String, js_sys::Function)>>,
    event_target: Element,
    seen_version: Cell<u64>,
    seen_focus: RefCell<Option<crate::core::document::AnnotationId>>,
}

impl Bridge {
    /// Called after each change: remembers the state and tells the host what changed.
    fn observe(&self, state: StateHandle) {
        // Every event is worked out first and told after the document is no longer borrowed
        // and the new state is in place: a listener may call back into the handle (an import
        // from a `create` listener), which changes the document.
        let mut events: Vec<(&'static str, serde_json::Value)> = Vec::new();
        if state.version != self.seen_version.get() {
            self.seen_version.set(state.version);
            let document = state.document();
            let ids = |wanted: ChangeKind| -> Vec<&str> {
                state
                    .last_change
                    .iter()
                    .filter(|(kind, _)| *kind == wanted)
                    .map(|(_, id)| id.0.as_str())
                    .collect()
            };
            // One event per annotation for ordinary edits; a bulk change (an import, a merge
            // from another tab) is told once, in `change`, rather than thousands of times.
            if state.last_change.len() <= MAX_EVENTS_PER_CHANGE {
                let by_id: HashMap<&AnnotationId, &Annotation> =
                    document.annotations.iter().map(|a| (&a.id, a)).collect();
                for (kind, id) in state.last_change.iter() {
                    events.push(match (kind, by_id.get(id)) {
                        (ChangeKind::Deleted, _) => ("delete", serde_json::json!({ "id": id.0 })),
                        (ChangeKind::Created, Some(annotation)) => {
                            ("create", plain::annotation_object(&document, annotation))
                        }
                        (ChangeKind::Updated, Some(annotation)) => {
                            ("update", plain::annotation_object(&document, annotation))
                        }
                        (_, None) => continue,
                    });
                }
            }
            events.push((
                "change",
                serde_json::json!({
                    "annotations": document.annotations.len(),
                    "created": ids(ChangeKind::Created),
                    "updated": ids(ChangeKind::Updated),
                    "deleted": ids(ChangeKind::Deleted),
                }),
            ));
        }
        if *self.seen_focus.borrow() != state.focused {
            *self.seen_focus.borrow_mut() = state.focused.clone();
            let document = state.document();
            let detail = state
                .focused
                .as_ref()
                .and_then(|id| document.annotation(id))
                .map_or(serde_json::Value::Null, |a| {
                    plain::annotation_object(&document, a)
                });
            events.push(("select", detail));
        }
        *self.state.borrow_mut() = Some(state);
        if let Some(resolve) = self.resolve_ready.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::NULL);
            events.push(("ready", serde_json::Value::Null));
        }
        for (name, detail) in events {
            self.emit(name, &detail);
        }
    }

    fn emit(&self, name: &str, detail: &serde_json::Value) {
        let detail = js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL);
        // Listeners may call back into the handle (e.g. `off`): call them from a copy.
        let listeners: Vec<js_sys::Function> = self
            .listeners
            .borrow()
            .iter()
            .filter(|(event, _)| event == name)
            .map(|(_, function)| function.clone())
            .collect();
        for listener in listeners {
            if let Err(error) = listener.call1(&JsValue::NULL, &detail) {
                web_sys::console::error_2(
                    &format!("Quotemark: a \"{name}\" listener threw").into(),
                    &error,
                );
            }
        }
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        // `quotemark-ready` is the loader's event on `document` (the module is ready): a
        // widget's own first render is told as `quotemark-widget-ready`, so the two never mix.
        let dom_name = match name {
            "ready" => "quotemark-widget-ready".to_owned(),
            other => format!("quotemark-{other}"),
        };
        if let Ok(event) = CustomEvent::new_with_event_init_dict(&dom_name, &init) {
            let _ = self.event_target.dispatch_event(&event);
        }
    }

    /// Sends an action to the widget: to the live state, or, before the first render, to the
    /// starting state (so a call right after `mount()` works and the first render shows it).
    fn dispatch(&self, action: AppAction) {
        let action = match self.startup.dispatch(action) {
            Ok(()) => return,
            Err(action) => action,
        };
        let state = self.state.borrow().clone();
        if let Some(state) = state {
            state.dispatch(action);
        }
    }

    /// An error unless suggestion `id` is pending (or would be, after `suggest()` just now).
    fn require_suggestion(&self, id: &str) -> Result<(), JsError> {
        let pending = self
            .startup
            .peek(|state| state.suggestions.clone())
            .or_else(|| {
                self.state
                    .borrow()
                    .as_ref()
                    .map(|state| state.suggestions.clone())
            })
            .flatten();
        let known = match pending {
            Some(pending) => pending.iter().any(|s| s.id() == id),
            // Asked right after suggest(), before the widget rendered it: the same list.
            None => {
                suggest::for_document(self.article.text_content(), &self.document.borrow(), None)
                    .iter()
                    .any(|s| s.id() == id)
            }
        };
        if known {
            Ok(())
        } else {
            Err(JsError::new(&format!(
                "There is no pending suggestion {id:?}: call suggest() first."
            )))
        }
    }

    fn read_only(&self) -> bool {
        self.startup
            .peek(|state| state.read_only)
            .or_else(|| self.state.borrow().as_ref().map(|state| state.read_only))
            .unwrap_or(false)
    }

    fn article_meta(&self) -> ArticleMeta {
        ArticleMeta::of(&self.article, self.document.borrow().article_id.clone())
    }
}

struct Mounted {
    host: WidgetHost,
    app: AppHandle<App>,
    bridge: Rc<Bridge>,
}

#[wasm_bindgen]
extern "C" {
    /// `importJson`'s optional third argument.
    pub type ImportOptions;

    /// `true`: import a file made on a different article (refused otherwise).
    #[wasm_bindgen(method, getter = allowOtherArticle)]
    fn allow_other_article(this: &ImportOptions) -> Option<bool>;
}

/// What `mount` returns: the host page's handle on one widget. Clones share the widget.
#[wasm_bindgen]
#[derive(Clone)]
pub struct QuotemarkHandle {
    mounted: Rc<RefCell<Option<Mounted>>>,
}

impl QuotemarkHandle {
    fn bridge(&self) -> Result<Rc<Bridge>, JsError> {
        self.mounted
            .borrow()
            .as_ref()
            .map(|mounted| mounted.bridge.clone())
            .ok_or_else(|| JsError::new("this Quotemark widget was destroyed"))
    }
}

#[wasm_bindgen]
impl QuotemarkHandle {
    /// Removes the widget and gives the element back its own content. Safe to call twice.
    pub fn destroy(&self) {
        let mounted = self.mounted.borrow_mut().take();
        if let Some(Mounted { host, app, bridge }) = mounted {
            panic::unregister_root(host.app_root());
            bridge.listeners.borrow_mut().clear();
            bridge.state.borrow_mut().take();
            app.destroy();
            host.restore();
        }
    }

    /// True until `destroy()` is called.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.mounted.borrow().is_some()
    }

    /// The annotations in Quotemark's native JSON format (see docs/formats.md).
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> Result<String, JsError> {
        let bridge = self.bridge()?;
        let document = bridge.document.borrow();
        Ok(interchange::export_native(
            &document,
            &bridge.article_meta(),
        ))
    }

    /// The annotations as a W3C Web Annotation `AnnotationCollection` (JSON-LD).
    #[wasm_bindgen(js_name = exportW3c)]
    pub fn export_w3c(&self) -> Result<String, JsError> {
        let bridge = self.bridge()?;
        let document = bridge.document.borrow();
        Ok(interchange::export_w3c(
            &document,
            &bridge.article_meta(),
            bridge.article.text_content(),
        ))
    }

    /// The annotations as CSV for spreadsheets.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsError> {
        let bridge = self.bridge()?;
        let document = bridge.document.borrow();
        Ok(interchange::export_csv(&document))
    }

    /// Imports a native or W3C JSON file. `mode` is `"merge"` (default: keep what is there,
    /// add what is new) or `"replace"` (undoable). A file made on a different article is
    /// refused unless `options.allowOtherArticle` is true. Returns the report; throws an
    /// `Error` when the file is unusable or refused, in which case nothing changed.
    #[wasm_bindgen(js_name = importJson)]
    pub fn import_json(
        &self,
        json: &str,
        mode: Option<String>,
        options: Option<ImportOptions>,
    ) -> Result<JsValue, JsError> {
        let bridge = self.bridge()?;
        if bridge.read_only() {
            return Err(JsError::new(
                "this widget is read-only: call setReadOnly(false) before importing",
            ));
        }
        let mode = match mode.as_deref() {
            None | Some("merge") => ImportMode::Merge,
            Some("replace") => ImportMode::Replace,
            Some(other) => {
                return Err(JsError::new(&format!(
                    "import mode must be \"merge\" or \"replace\", not {other:?}"
                )))
            }
        };
        let other_article = match options.and_then(|options| options.allow_other_article()) {
            Some(true) => OtherArticle::Allow,
            _ => OtherArticle::Refuse,
        };
        let (action, report) = {
            let current = bridge.document.borrow();
            interchange::import_action(
                &current,
                bridge.article.text_content(),
                json,
                mode,
                other_article,
                now(),
            )
            .map_err(|error| JsError::new(&error.to_string()))?
        };
        let report = plain::report_object(&report);
        bridge.dispatch(AppAction::Apply { action, now: now() });
        js_sys::JSON::parse(&report.to_string()).map_err(|_| JsError::new("report"))
    }

    /// Every annotation as a plain object: `id`, `kind`, `exact`, `prefix`, `suffix`, `start`
    /// and `end` (code points), `speaker` (name or null), `note`, `status`, `score`.
    pub fn annotations(&self) -> Result<JsValue, JsError> {
        let bridge = self.bridge()?;
        let value = plain::annotations_array(&bridge.document.borrow());
        js_sys::JSON::parse(&value.to_string()).map_err(|_| JsError::new("annotations"))
    }

    /// Turns editing off (`true`) or on (`false`).
    #[wasm_bindgen(js_name = setReadOnly)]
    pub fn set_read_only(&self, read_only: bool) -> Result<(), JsError> {
        self.bridge()?.dispatch(AppAction::SetReadOnly(read_only));
        Ok(())
    }

    /// Finds quotes and who said them, shows them in the widget for review, and returns them:
    /// `{ id, exact, start, end, speaker, confidence, reason }` (positions in code points).
    /// Passages already annotated are left out. Nothing is saved until one is accepted.
    pub fn suggest(&self) -> Result<JsValue, JsError> {
        let bridge = self.bridge()?;
        if bridge.read_only() {
            return Err(JsError::new(
                "This widget is read-only: it suggests nothing.",
            ));
        }
        let found = suggest::for_document(
            bridge.article.text_content(),
            &bridge.document.borrow(),
            None,
        );
        let list: Vec<serde_json::Value> = found.iter().map(plain::suggestion_object).collect();
        bridge.dispatch(AppAction::ShowSuggestions(std::rc::Rc::new(found)));
        js_sys::JSON::parse(&serde_json::Value::Array(list).to_string())
            .map_err(|_| JsError::new("suggestions"))
    }

    /// Makes suggestion `id` a quote (one undo step), by `speaker` when given, else by the
    /// suggested speaker. Throws if there is no such suggestion pending.
    #[wasm_bindgen(js_name = acceptSuggestion)]
    pub fn accept_suggestion(&self, id: &str, speaker: Option<String>) -> Result<(), JsError> {
        let bridge = self.bridge()?;
        bridge.require_suggestion(id)?;
        bridge.dispatch(AppAction::AcceptSuggestion {
            id: id.to_owned(),
            speaker,
            now: now(),
        });
        Ok(())
    }

    /// Drops suggestion `id` from the review list. Throws if there is no such suggestion.
    #[wasm_bindgen(js_name = rejectSuggestion)]
    pub fn reject_suggestion(&self, id: &str) -> Result<(), JsError> {
        let bridge = self.bridge()?;
        bridge.require_suggestion(id)?;
        bridge.dispatch(AppAction::RejectSuggestion(id.to_owned()));
        Ok(())
    }

    /// A promise resolved once the widget has rendered for the first time. Every method works
    /// before it too; await it to read the rendered widget.
    #[wasm_bindgen(getter)]
    pub fn ready(&self) -> Result<js_sys::Promise, JsError> {
        Ok(self.bridge()?.ready.clone())
    }

    /// Calls `listener(detail)` on each `event`: create, update, delete, change or select.
    pub fn on(&self, event: &str, listener: js_sys::Function) -> Result<(), JsError> {
        if !EVENTS.contains(&event) {
            return Err(JsError::new(&format!(
                "unknown event {event:?}; known: {}",
                EVENTS.join(", ")
            )));
        }
        self.bridge()?
            .listeners
            .borrow_mut()
            .push((event.to_owned(), listener));
        Ok(())
    }

    /// Stops calling `listener` for `event`.
    pub fn off(&self, event: &str, listener: &js_sys::Function) -> Result<(), JsError> {
        self.bridge()?
            .listeners
            .borrow_mut()
            .retain(|(name, known)| !(name == event && known == listener));
        Ok(())
    }
}
