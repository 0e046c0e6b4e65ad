//! The handle `mount` returns: the methods a host page calls on one widget (export, import,
//! read, suggest, listen, destroy), each going through the widget's store.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::core::host::plain;
use crate::core::interchange::{self, ImportMode, OtherArticle};
use crate::core::suggest;
use crate::platform::{host::WidgetHost, panic};
use crate::ui::components::app::App;
use crate::ui::state::AppAction;
use crate::ui::time::now;

use super::bridge::{Bridge, EVENTS};

pub(super) struct Mounted {
    pub(super) host: WidgetHost,
    pub(super) app: AppHandle<App>,
    pub(super) bridge: Rc<Bridge>,
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
    pub(super) mounted: Rc<RefCell<Option<Mounted>>>,
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
            bridge.subscription.borrow_mut().take();
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
        Ok(interchange::export_native(
            bridge.state().document(),
            &bridge.article_meta(),
        ))
    }

    /// The annotations as a W3C Web Annotation `AnnotationCollection` (JSON-LD).
    #[wasm_bindgen(js_name = exportW3c)]
    pub fn export_w3c(&self) -> Result<String, JsError> {
        let bridge = self.bridge()?;
        let state = bridge.state();
        Ok(interchange::export_w3c(
            state.document(),
            &bridge.article_meta(),
            state.article.text_content(),
        ))
    }

    /// The annotations as CSV for spreadsheets.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsError> {
        Ok(interchange::export_csv(self.bridge()?.state().document()))
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
        let state = bridge.state();
        let (action, report) = interchange::import_action(
            state.document(),
            state.article.text_content(),
            json,
            mode,
            other_article,
            now(),
        )
        .map_err(|error| JsError::new(&error.to_string()))?;
        let report = plain::report_object(&report);
        bridge.dispatch(AppAction::Apply { action, now: now() });
        js_sys::JSON::parse(&report.to_string()).map_err(|_| JsError::new("report"))
    }

    /// Every annotation as a plain object: `id`, `kind`, `exact`, `prefix`, `suffix`, `start`
    /// and `end` (code points), `speaker` (name or null), `note`, `status`, `score`.
    pub fn annotations(&self) -> Result<JsValue, JsError> {
        let bridge = self.bridge()?;
        let value = plain::annotations_array(bridge.state().document());
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
        let state = bridge.state();
        let found = suggest::for_document(state.article.text_content(), state.document(), None);
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
