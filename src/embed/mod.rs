//! The JavaScript entry point: `mount(element, options)`, `data-quotemark` elements, and the
//! handle a host page gets back ([`handle`]), which talks to the running widget through its
//! [`bridge`].

mod bridge;
mod compare;
mod handle;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::{AttrValue, Callback};

use crate::core::article::Article;
use crate::core::document::{Action, Document};
use crate::core::host::options::{MountOptions, StorageMode};
use crate::core::interchange::{self, ImportMode, OtherArticle};
use crate::core::storage::policy::SaveStatus;
use crate::platform::{host::WidgetHost, html::BrowserHtml, panic};
use crate::ui::components::app::{App, AppProps, ExportAnnotator};
use crate::ui::saving;
use crate::ui::state::{AppAction, AppState};
use crate::ui::store::Store;
use crate::ui::time::now;

use bridge::Bridge;
use handle::Mounted;
pub use handle::QuotemarkHandle;

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
/// `-title`, `-readonly`, `-storage` (`local` or `none`), `-creation` (`toolbar` or
/// `highlight`), `-suggest`, `-speakers` (names separated by `;`), `-annotations` (`#id` of a `<script type="application/json">` holding an exported
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
    if let Some(creation) = attribute("creation") {
        options["creation"] = creation.into();
    }
    if attribute("suggest").is_some_and(|value| value != "false") {
        options["suggest"] = true.into();
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

/// The options a host passed, as JSON text (the browser serialises the object); `what` names
/// the call in the error.
fn options_text(options: &JsValue, what: &str) -> Result<String, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok("null".to_owned());
    }
    Ok(js_sys::JSON::stringify(options)
        .map_err(|_| JsError::new(&format!("The {what} options must be a plain object.")))?
        .as_string()
        .unwrap_or_default())
}

/// The article the options describe (HTML through the browser's parser) and the key its work
/// is kept under: the host's id, else a hash of the text.
fn load_article(
    input: crate::core::article::ArticleInput,
    id: Option<String>,
) -> Result<(Article, String), JsError> {
    let article = Article::load_with(input, &BrowserHtml)
        .map_err(|error| JsError::new(&error.to_string()))?;
    let key = id.unwrap_or_else(|| article.content_hash());
    Ok((article, key))
}

/// Mounts a Quotemark widget in `element`. Throws an `Error` with a readable message when the
/// options or the article can't be used; the element is left untouched then.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Result<QuotemarkHandle, JsError> {
    panic::install();
    let options = MountOptions::from_json(&options_text(&options, "mount")?)
        .map_err(|error| JsError::new(&error.to_string()))?;
    let (article, article_key) = load_article(options.article, options.article_id.clone())?;
    let storage_enabled = options.storage == StorageMode::Local;
    let saving::Loaded {
        mut document,
        status: save_status,
        fingerprint,
    } = if storage_enabled {
        saving::load(&article, &article_key, now())
    } else {
        saving::Loaded {
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
    let initial = AppState::new(article, article_key, document)
        .with_settings(options.read_only, storage_enabled, save_status, fingerprint)
        .with_creation(options.creation);
    let mut resolve_ready = None;
    let ready = js_sys::Promise::new(&mut |resolve, _reject| resolve_ready = Some(resolve));
    let store = Store::new(initial);
    if options.suggest {
        // Through the reducer, like a click on Suggest quotes, before the first render.
        store.dispatch(AppAction::Suggest);
    }
    let bridge = Rc::new(Bridge {
        store: store.clone(),
        ready,
        resolve_ready: RefCell::new(resolve_ready),
        listeners: RefCell::new(Vec::new()),
        event_target: element,
        seen: RefCell::new(store.state()),
        drawn: Cell::new(None),
        waiting: RefCell::new(Vec::new()),
        outbox: RefCell::new(VecDeque::new()),
        telling: Cell::new(false),
        subscription: RefCell::new(None),
        annotator: options.annotator.clone(),
    });
    let subscription = {
        let bridge = Rc::downgrade(&bridge);
        store.subscribe(move |state| {
            if let Some(bridge) = bridge.upgrade() {
                bridge.observe(state);
            }
        })
    };
    *bridge.subscription.borrow_mut() = Some(subscription);
    let on_rendered = {
        let bridge = Rc::downgrade(&bridge);
        Callback::from(move |generation| {
            if let Some(bridge) = bridge.upgrade() {
                bridge.rendered(generation);
            }
        })
    };
    let app = yew::Renderer::<App>::with_root_and_props(
        host.app_root().clone(),
        AppProps {
            store,
            on_rendered,
            annotator: ExportAnnotator(options.annotator.clone().map(AttrValue::from)),
        },
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
    document.forget_history();
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
        document.forget_history();
    }
}
