//! Between the running widget and the host page: the bridge subscribes to the widget's store,
//! works out which events each change means (`create`, `update`, `delete`, `change`,
//! `select`, `ready`) and tells them, in order, to the host's listeners and as DOM events.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::core::document::{Annotation, AnnotationId};
use crate::core::host::plain;
use crate::core::interchange::ArticleMeta;
use crate::ui::state::{AppAction, AppState, ChangeKind};
use crate::ui::store::{Store, Subscription};

/// The events a host can listen to, with `on(name, fn)` or as DOM `CustomEvent`s named
/// `quotemark-<name>` on the host element.
pub(super) const EVENTS: [&str; 6] = ["ready", "create", "update", "delete", "change", "select"];

/// A change touching more annotations than this (an import, another tab's work) fires only
/// `change`, which lists the ids, instead of one event per annotation.
const MAX_EVENTS_PER_CHANGE: usize = 100;

/// What the handle shares with the running app.
pub(super) struct Bridge {
    pub(super) store: Rc<Store>,
    /// Resolved after the first render (`handle.ready`).
    pub(super) ready: js_sys::Promise,
    pub(super) resolve_ready: RefCell<Option<js_sys::Function>>,
    pub(super) listeners: RefCell<Vec<(String, js_sys::Function)>>,
    pub(super) event_target: Element,
    /// The state the host was last told about.
    pub(super) seen: RefCell<Rc<AppState>>,
    /// Events waiting to be told, in order: a listener that changes the widget queues the
    /// events of its change behind the ones being told.
    pub(super) outbox: RefCell<VecDeque<(&'static str, serde_json::Value)>>,
    pub(super) telling: Cell<bool>,
    pub(super) subscription: RefCell<Option<Subscription>>,
    /// The store generation last drawn, `None` before the first render.
    pub(super) drawn: Cell<Option<u64>>,
    /// `rendered()` promises waiting for a generation to be drawn.
    pub(super) waiting: RefCell<Vec<(u64, js_sys::Function)>>,
    /// Who is annotating (the `annotator` mount option), written into the handle's exports.
    pub(super) annotator: Option<String>,
}

impl Bridge {
    /// Called by the store after each change, with the new state in place and nothing
    /// borrowed: works out what the host should hear, then tells it.
    pub(super) fn observe(&self, state: &Rc<AppState>) {
        let previous = self.seen.replace(state.clone());
        let events = changes_between(&previous, state);
        self.outbox.borrow_mut().extend(events);
        self.tell();
    }

    /// The widget drew store generation `generation`: the first time, `ready` resolves; every
    /// `rendered()` waiting for it or an earlier one resolves.
    pub(super) fn rendered(&self, generation: u64) {
        self.drawn.set(Some(generation));
        let done: Vec<js_sys::Function> = {
            let mut waiting = self.waiting.borrow_mut();
            let (done, left): (Vec<_>, Vec<_>) = waiting
                .drain(..)
                .partition(|(wanted, _)| *wanted <= generation);
            *waiting = left;
            done.into_iter().map(|(_, resolve)| resolve).collect()
        };
        for resolve in done {
            let _ = resolve.call0(&JsValue::NULL);
        }
        let resolve = self.resolve_ready.borrow_mut().take();
        if let Some(resolve) = resolve {
            let _ = resolve.call0(&JsValue::NULL);
            self.outbox
                .borrow_mut()
                .push_back(("ready", serde_json::Value::Null));
            self.tell();
        }
    }

    /// A promise resolved once everything asked of the widget so far is drawn.
    pub(super) fn when_rendered(&self) -> js_sys::Promise {
        let wanted = self.store.generation();
        if self.drawn.get().is_some_and(|drawn| drawn >= wanted) {
            return js_sys::Promise::resolve(&JsValue::NULL);
        }
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |resolve_fn, _| resolve = Some(resolve_fn));
        if let Some(resolve) = resolve {
            self.waiting.borrow_mut().push((wanted, resolve));
        }
        promise
    }

    /// Emits queued events until none are left; a nested call (from a listener) only queues.
    pub(super) fn tell(&self) {
        if self.telling.replace(true) {
            return;
        }
        loop {
            let next = self.outbox.borrow_mut().pop_front();
            let Some((name, detail)) = next else { break };
            self.emit(name, &detail);
        }
        self.telling.set(false);
    }

    pub(super) fn emit(&self, name: &str, detail: &serde_json::Value) {
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

    pub(super) fn state(&self) -> Rc<AppState> {
        self.store.state()
    }

    pub(super) fn dispatch(&self, action: AppAction) {
        self.store.dispatch(action);
    }

    /// An error unless suggestion `id` is pending.
    pub(super) fn require_suggestion(&self, id: &str) -> Result<(), JsError> {
        let known = self
            .state()
            .suggestions
            .as_ref()
            .is_some_and(|pending| pending.iter().any(|s| s.id() == id));
        if known {
            Ok(())
        } else {
            Err(JsError::new(&format!(
                "There is no pending suggestion {id:?}: call suggest() first."
            )))
        }
    }

    pub(super) fn read_only(&self) -> bool {
        self.state().read_only
    }

    pub(super) fn article_meta(&self) -> ArticleMeta {
        let state = self.state();
        ArticleMeta::of(&state.article, state.document().article_id().to_owned())
    }
}

/// What the host hears about the change from `previous` to `state`: one event per annotation
/// for ordinary edits, `change` for every document change, `select` when focus moved.
fn changes_between(
    previous: &AppState,
    state: &AppState,
) -> Vec<(&'static str, serde_json::Value)> {
    let mut events = Vec::new();
    let document = state.document();
    if state.version != previous.version {
        let ids = |wanted: ChangeKind| -> Vec<&str> {
            state
                .last_change
                .iter()
                .filter(|(kind, _)| *kind == wanted)
                .map(|(_, id)| id.0.as_str())
                .collect()
        };
        // A bulk change (an import, a merge from another tab) is told once, in `change`,
        // rather than thousands of times.
        if state.last_change.len() <= MAX_EVENTS_PER_CHANGE {
            let by_id: HashMap<&AnnotationId, &Annotation> =
                document.annotations().iter().map(|a| (&a.id, a)).collect();
            for (kind, id) in state.last_change.iter() {
                events.push(match (kind, by_id.get(id)) {
                    (ChangeKind::Deleted, _) => ("delete", serde_json::json!({ "id": id.0 })),
                    (ChangeKind::Created, Some(annotation)) => {
                        ("create", plain::annotation_object(document, annotation))
                    }
                    (ChangeKind::Updated, Some(annotation)) => {
                        let mut detail = plain::annotation_object(document, annotation);
                        if let Some(before) = previous.document().annotation(id) {
                            detail["previous"] =
                                plain::annotation_object(previous.document(), before);
                        }
                        ("update", detail)
                    }
                    (_, None) => continue,
                });
            }
        }
        events.push((
            "change",
            serde_json::json!({
                "annotations": document.annotations().len(),
                "created": ids(ChangeKind::Created),
                "updated": ids(ChangeKind::Updated),
                "deleted": ids(ChangeKind::Deleted),
            }),
        ));
    }
    if state.focused != previous.focused {
        let detail = state
            .focused
            .as_ref()
            .and_then(|id| document.annotation(id))
            .map_or(serde_json::Value::Null, |a| {
                plain::annotation_object(document, a)
            });
        events.push(("select", detail));
    }
    events
}
