//! The handle `mount` returns: the methods a host page calls on one widget (export, import,
//! read, suggest, listen, destroy), each going through the widget's store.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

use crate::core::document::{Action, AnnotationId};
use crate::core::host::{edits, plain};
use crate::core::interchange::{self, ImportMode, OtherArticle};
use crate::core::storage::envelope::storage_key;
use crate::core::storage::policy::SaveStatus;
use crate::core::suggest;
use crate::core::text::{Rounding, TextIndex};
use crate::platform::{host::WidgetHost, panic};
use crate::ui::components::app::App;
use crate::ui::state::{AppAction, HostReply};
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
    /// Runs a host's action through the widget; the new annotation's id, or the refusal as
    /// an `Error`.
    fn host_action(
        &self,
        bridge: &Bridge,
        action: Action,
    ) -> Result<Option<AnnotationId>, JsError> {
        let reply: HostReply = Rc::default();
        bridge.dispatch(AppAction::Host {
            action,
            now: now(),
            reply: reply.clone(),
        });
        let outcome = reply.borrow_mut().take();
        outcome
            .unwrap_or_else(|| Err("the widget did not answer".to_owned()))
            .map_err(|message| JsError::new(&message))
    }

    /// Annotation `id` (if any) as the plain object `annotations()` gives.
    fn annotation_value(
        &self,
        bridge: &Bridge,
        id: Option<AnnotationId>,
    ) -> Result<JsValue, JsError> {
        let state = bridge.state();
        let document = state.document();
        let value = id
            .as_ref()
            .and_then(|id| document.annotation(id))
            .map_or(serde_json::Value::Null, |annotation| {
                plain::annotation_object(document, annotation)
            });
        js_sys::JSON::parse(&value.to_string()).map_err(|_| JsError::new("annotation"))
    }

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
        Ok(interchange::export_native_by(
            bridge.state().document(),
            &bridge.article_meta(),
            bridge.annotator.as_deref(),
        ))
    }

    /// The annotations as a W3C Web Annotation `AnnotationCollection` (JSON-LD).
    #[wasm_bindgen(js_name = exportW3c)]
    pub fn export_w3c(&self) -> Result<String, JsError> {
        let bridge = self.bridge()?;
        let state = bridge.state();
        Ok(interchange::export_w3c_by(
            state.document(),
            &bridge.article_meta(),
            state.article.text_content(),
            bridge.annotator.as_deref(),
        ))
    }

    /// The annotations as CSV for spreadsheets.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsError> {
        Ok(interchange::export_csv(self.bridge()?.state().document()))
    }

    /// Imports a native or W3C JSON file, given as its text or as the parsed value (an
    /// array of W3C annotations too). `mode` is `"merge"` (default: keep what is there,
    /// add what is new) or `"replace"` (undoable). A file made on a different article is
    /// refused unless `options.allowOtherArticle` is true. Returns the report; throws an
    /// `Error` when the file is unusable or refused, in which case nothing changed.
    #[wasm_bindgen(js_name = importJson)]
    pub fn import_json(
        &self,
        file: JsValue,
        mode: Option<String>,
        options: Option<ImportOptions>,
    ) -> Result<JsValue, JsError> {
        let bridge = self.bridge()?;
        let json = json_text(&file, "importJson's file")?;
        let json = json.as_str();
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

    /// Adds one annotation, given as a plain object (as `annotations()` gives them: `exact`
    /// and/or `start`/`end`, `kind`, `speaker`, `note`, `id`) or a W3C `Annotation`. A foreign
    /// `id` is kept as `sourceId`. Returns the new annotation; throws an `Error` (and changes
    /// nothing) when it can't be used or its text is not in the article.
    pub fn add(&self, annotation: JsValue) -> Result<JsValue, JsError> {
        let bridge = self.bridge()?;
        let value = json_value(&annotation, "add's annotation")?;
        let state = bridge.state();
        let new = edits::annotation_to_add(&value, state.article.text_content())
            .map_err(|message| JsError::new(&message))?;
        let id = self.host_action(&bridge, Action::AddAnnotation(new))?;
        self.annotation_value(&bridge, id)
    }

    /// Changes one annotation as one undo step: any of `note`, `speaker` (a name, or `null`),
    /// `kind`, and `start` with `end`. Returns the annotation as it is now; throws for an
    /// unknown id or unusable changes.
    pub fn update(&self, id: &str, changes: JsValue) -> Result<JsValue, JsError> {
        let bridge = self.bridge()?;
        let value = json_value(&changes, "update's changes")?;
        let state = bridge.state();
        let changes = edits::changes_to_make(&value, state.article.text_content())
            .map_err(|message| JsError::new(&message))?;
        let id = AnnotationId(id.to_owned());
        self.host_action(
            &bridge,
            Action::UpdateAnnotation {
                id: id.clone(),
                changes,
            },
        )?;
        self.annotation_value(&bridge, Some(id))
    }

    /// Deletes one annotation (undoable in the widget). Throws for an unknown id.
    pub fn remove(&self, id: &str) -> Result<(), JsError> {
        let bridge = self.bridge()?;
        let id = AnnotationId(id.to_owned());
        self.host_action(&bridge, Action::DeleteAnnotation { id })?;
        Ok(())
    }

    /// The article's text content: what every position (`start`, `end`) counts in, in
    /// Unicode code points.
    pub fn text(&self) -> Result<String, JsError> {
        Ok(self.bridge()?.state().article.text_content().to_owned())
    }

    /// The UTF-16 offset (JavaScript's and the DOM's unit) of code point `position` of
    /// `text()`. Throws when it is beyond the end.
    #[wasm_bindgen(js_name = toUtf16)]
    pub fn to_utf16(&self, position: usize) -> Result<usize, JsError> {
        let state = self.bridge()?.state();
        TextIndex::new(state.article.text_content())
            .char_to_utf16(position)
            .map_err(|error| JsError::new(&error.to_string()))
    }

    /// The code point position of UTF-16 `offset` in `text()` (an offset inside a surrogate
    /// pair counts as the character's start). Throws when it is beyond the end.
    #[wasm_bindgen(js_name = fromUtf16)]
    pub fn from_utf16(&self, offset: usize) -> Result<usize, JsError> {
        let state = self.bridge()?.state();
        TextIndex::new(state.article.text_content())
            .utf16_to_char(offset, Rounding::Down)
            .map_err(|error| JsError::new(&error.to_string()))
    }

    /// A promise resolved once everything asked of the widget so far is in the DOM.
    pub fn rendered(&self) -> Result<js_sys::Promise, JsError> {
        Ok(self.bridge()?.when_rendered())
    }

    /// What the widget holds, for a host's diagnostics: counts, modes, the save status in
    /// words, the storage key, undo depth and the wasm memory in bytes.
    pub fn diagnostics(&self) -> Result<JsValue, JsError> {
        let state = self.bridge()?.state();
        let document = state.document();
        let memory = wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .ok()
            .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
            .map_or(0, |buffer| buffer.byte_length());
        let value = serde_json::json!({
            "annotations": document.annotations().len(),
            "speakers": document.speakers().len(),
            "readOnly": state.read_only,
            "saveStatus": save_status_words(&state.save_status),
            "storageKey": state.storage_enabled.then(|| storage_key(&state.article_key)),
            "suggestions": state.suggestions.as_ref().map_or(0, |s| s.len()),
            "undo": document.history().undo_len(),
            "redo": document.history().redo_len(),
            "wasmMemoryBytes": memory,
        });
        js_sys::JSON::parse(&value.to_string()).map_err(|_| JsError::new("diagnostics"))
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

/// A JSON value given from JavaScript as text or as a value.
fn json_value(value: &JsValue, what: &str) -> Result<serde_json::Value, JsError> {
    let text = json_text(value, what)?;
    serde_json::from_str(&text)
        .map_err(|error| JsError::new(&format!("{what} is not JSON ({error}).")))
}

/// The JSON text of a value given as text or as a value (objects are serialised).
fn json_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() || value.is_null() {
        return Err(JsError::new(&format!("{what} is missing.")));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| JsError::new(&format!("{what} can't be read as JSON.")))
}

/// The save status in words, as the status bar says it.
fn save_status_words(status: &SaveStatus) -> String {
    match status {
        SaveStatus::Idle => "idle".to_owned(),
        SaveStatus::Saved => "saved".to_owned(),
        SaveStatus::Full => "storage full".to_owned(),
        SaveStatus::Unavailable(detail) => format!("storage unavailable: {detail}"),
        SaveStatus::Corrupt { reason, .. } => format!("stored data unreadable: {reason}"),
        SaveStatus::Disabled => "not stored".to_owned(),
    }
}
