//! The widget's root component: owns the state, shares it through a context, lays out the
//! article and the panel, saves after every change (an effect, never the reducer), merges
//! changes saved by another tab, and handles the widget-wide keyboard shortcuts.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::document::{Action, AnnotationKind};
use crate::core::storage::envelope::{self, Decoded};
use crate::core::storage::policy::{fingerprint, reanchored};
use crate::platform::storage;
use crate::ui::components::article_view::{focus_mark, start_mark, ArticleView};
use crate::ui::components::live_region::LiveRegion;
use crate::ui::components::print_summary::PrintSummary;
use crate::ui::components::selection_toolbar::{SelectionToolbar, SPEAKER_INPUT_CLASS};
use crate::ui::components::shortcut_help::ShortcutHelp;
use crate::ui::components::side_panel::SidePanel;
use crate::ui::components::status_bar::StatusBar;
use crate::ui::saving::{self, Saved};
use crate::ui::state::{AppAction, SpeakerChoice};
use crate::ui::store::{use_store, StateHandle, Store};
use crate::ui::time::now;

#[derive(Properties, Clone)]
pub struct AppProps {
    /// Where the state lives; the host page's handle shares it.
    pub store: Rc<Store>,
    /// Called after each render with the store generation it drew (the handle's `ready` and
    /// `rendered()` wait on it).
    #[prop_or_default]
    pub on_rendered: Callback<u64>,
    /// Who is annotating (the `annotator` mount option), written into exported files.
    #[prop_or_default]
    pub annotator: ExportAnnotator,
}

/// The `annotator` mount option, given to the export buttons as a context so that the state
/// value stays about the document; `None` leaves exports unsigned.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportAnnotator(pub Option<AttrValue>);

impl ExportAnnotator {
    pub fn name(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
            && self.on_rendered == other.on_rendered
            && self.annotator == other.annotator
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let drawn = props.store.generation();
    let state = use_store(&props.store);
    {
        let on_rendered = props.on_rendered.clone();
        use_effect(move || on_rendered.emit(drawn));
    }
    // The fingerprint of the stored value this widget last read or wrote: a different one
    // means someone else (another tab, another widget on the page) saved since.
    let known = use_mut_ref(|| state.stored_fingerprint.clone());
    // Save right after each change the reader made here (an effect, never the reducer).
    {
        let state = state.clone();
        let known = known.clone();
        use_effect_with(state.local_version, move |local_version| {
            if *local_version == 0 || !state.storage_enabled || state.read_only {
                return;
            }
            let timing = SaveTiming::start();
            let saved = saving::save(
                &state.article,
                &state.article_key,
                state.document(),
                known.borrow().as_deref(),
                &state.save_status,
                now(),
            );
            timing.finish();
            match saved {
                Saved::Done {
                    status,
                    fingerprint,
                } => {
                    let wrote = fingerprint != *known.borrow();
                    *known.borrow_mut() = fingerprint;
                    if wrote {
                        announce_save(&state.article_key);
                    }
                    if status != state.save_status {
                        state.dispatch(AppAction::SaveStatus(status));
                    }
                }
                Saved::MergeFirst {
                    remote,
                    fingerprint,
                } => {
                    // The merge saves the union (it counts as a local change when this widget
                    // had work the stored value lacked).
                    *known.borrow_mut() = Some(fingerprint);
                    state.dispatch(AppAction::MergeRemote(remote));
                }
            }
        });
    }
    // Someone else saved the same article — another tab (`storage`), another widget on this
    // page (`quotemark-saved`) — or this page came back from the back/forward cache
    // (`pageshow`): merge the stored work into ours.
    {
        let state = state.clone();
        let known = known.clone();
        use_effect_with(state.storage_enabled, move |enabled| {
            let listeners = enabled.then(web_sys::window).flatten().map(|window| {
                let state_key = state.article_key.clone();
                let pull = std::rc::Rc::new(move || {
                    let key = envelope::storage_key(&state.article_key);
                    let Ok(Some(stored)) = storage::read(&key) else {
                        return;
                    };
                    if Some(fingerprint(&stored)) == *known.borrow() {
                        return;
                    }
                    if let Decoded::Loaded(remote)
                    | Decoded::Migrated {
                        document: remote, ..
                    } = envelope::decode(Some(&stored))
                    {
                        let remote = reanchored(state.article.text_content(), remote);
                        state.dispatch(AppAction::MergeRemote(Box::new(remote)));
                    }
                });
                // Only events about this article: the stored value can be megabytes, and a
                // host page may use localStorage for much else.
                let key = envelope::storage_key(&state_key);
                ["storage", SAVED_EVENT, "pageshow"].map(|name| {
                    let pull = pull.clone();
                    let (key, article_key) = (key.clone(), state_key.clone());
                    EventListener::new(&window, name, move |event| {
                        let about_this =
                            if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
                                event.key().is_none_or(|changed| changed == key)
                            } else if let Some(event) = event.dyn_ref::<web_sys::CustomEvent>() {
                                event
                                    .detail()
                                    .as_string()
                                    .is_some_and(|saved| saved == article_key)
                            } else {
                                true
                            };
                        if about_this {
                            pull();
                        }
                    })
                })
            });
            move || drop(listeners)
        });
    }
    // A change can remove the focused element (undo of a create, a deleted card, a highlight
    // redrawn when another tab's work arrives): keep keyboard focus inside the widget, or the
    // next shortcut goes nowhere. Only when our own render took the focus away: the widget had
    // it, nothing else has it now, and it was not given to anything outside.
    let app_ref = use_node_ref();
    let last_focused = use_mut_ref(|| None::<web_sys::Element>);
    {
        let app_ref = app_ref.clone();
        let last_focused = last_focused.clone();
        let focused = state.focused.clone();
        use_effect_with(state.version, move |_| {
            let Some(app) = app_ref.cast::<web_sys::HtmlElement>() else {
                return;
            };
            // Something in the widget had focus and nothing outside took it since: the
            // render removed or moved that element (a moved node loses focus too).
            let lost = last_focused.borrow().is_some();
            let shadow = app.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok();
            let focus_inside = shadow.is_some_and(|shadow| shadow.active_element().is_some());
            let focus_on_page = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.active_element())
                .is_some_and(|element| element.local_name() != "body");
            if !lost || focus_inside || focus_on_page {
                return;
            }
            let mark = focused.as_ref().and_then(|id| {
                app.query_selector("article")
                    .ok()
                    .flatten()
                    .and_then(|article| start_mark(&article, id))
            });
            match mark {
                Some(mark) => focus_mark(&mark),
                None => {
                    if let Some(article) = app
                        .query_selector("article")
                        .ok()
                        .flatten()
                        .and_then(|article| article.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = article.focus();
                    }
                }
            }
        });
    }
    let onfocusout = {
        let last_focused = last_focused.clone();
        let app_ref = app_ref.clone();
        Callback::from(move |event: FocusEvent| {
            // Focus given to something outside the widget: the reader moved on.
            let outside = event
                .related_target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|target| {
                    app_ref
                        .cast::<web_sys::Node>()
                        .is_none_or(|app| !app.contains(Some(&target)))
                });
            if outside {
                *last_focused.borrow_mut() = None;
            }
        })
    };
    let onfocusin = {
        let last_focused = last_focused.clone();
        Callback::from(move |event: FocusEvent| {
            *last_focused.borrow_mut() = event
                .composed_path()
                .get(0)
                .dyn_into::<web_sys::Element>()
                .ok();
        })
    };
    // A pasted article with nothing saved under its own key: look for the work saved on an
    // earlier version of it (once, after the first render, since it reads all stored work).
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let fresh = {
                let document = state.document();
                document.annotations().is_empty() && document.tombstones().is_empty()
            };
            if fresh && state.storage_enabled && !state.read_only {
                if let Some(earlier) = saving::earlier_version(&state.article, &state.article_key) {
                    state.dispatch(AppAction::OfferEarlier(Some(std::rc::Rc::new(earlier))));
                }
            }
        });
    }
    // Printing draws the list of quotes by speaker; only then, so the screen pays nothing.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|window| {
                [("beforeprint", true), ("afterprint", false)].map(|(name, printing)| {
                    let state = state.clone();
                    EventListener::new(&window, name, move |_| {
                        state.dispatch(AppAction::Printing(printing))
                    })
                })
            });
            move || drop(listeners)
        });
    }
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| on_shortcut(&state, &event))
    };
    let read_only = state.read_only;
    html! {
        <ContextProvider<ExportAnnotator> context={props.annotator.clone()}>
        <ContextProvider<StateHandle> context={state.clone()}>
            <div class={classes!("qm-app", read_only.then_some("qm-read-only"))} part="app" ref={app_ref} {onkeydown} {onfocusin} {onfocusout}>
                <div class="qm-main">
                    <StatusBar />
                    <ArticleView />
                    <SelectionToolbar />
                    <PrintSummary />
                </div>
                <SidePanel />
                <ShortcutHelp />
                <LiveRegion />
            </div>
        </ContextProvider<StateHandle>>
        </ContextProvider<ExportAnnotator>>
    }
}

/// A `quotemark-save` entry in the page's performance timeline around each save, so a
/// benchmark (or a developer in DevTools) can read how long saving took without patching the
/// widget. Costs two timeline entries per save; nothing when the Performance API is missing.
struct SaveTiming(Option<web_sys::Performance>);

impl SaveTiming {
    const START: &'static str = "quotemark-save-start";

    fn start() -> Self {
        let performance = web_sys::window().and_then(|window| window.performance());
        if let Some(performance) = &performance {
            let _ = performance.mark(Self::START);
        }
        Self(performance)
    }

    fn finish(self) {
        if let Some(performance) = self.0 {
            let _ = performance.measure_with_start_mark("quotemark-save", Self::START);
            performance.clear_marks_with_mark_name(Self::START);
        }
    }
}

/// Fired on `window` after a widget saved, so other widgets of the same article on the page
/// (which get no `storage` event for their own page's writes) merge the change.
const SAVED_EVENT: &str = "quotemark-saved";

fn announce_save(article_key: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&wasm_bindgen::JsValue::from_str(article_key));
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        web_sys::CustomEvent::new_with_event_init_dict(SAVED_EVENT, &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// Undo/redo anywhere in the widget; q / n / Escape while a passage is selected.
fn on_shortcut(state: &StateHandle, event: &KeyboardEvent) {
    let target = event
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .ok();
    // A field that has just found a passage (Find and mark) lets the passage shortcuts through.
    let in_text_field = target.as_ref().is_some_and(|element| {
        (matches!(
            element.local_name().as_str(),
            "input" | "textarea" | "select"
        ) || element.has_attribute("contenteditable"))
            && !element.has_attribute("data-qm-shortcuts")
    });
    let key = event.key().to_lowercase();
    // Undo in a field undoes typing; a field with nothing typed has no undo of its own, so
    // there (e.g. the note editor that `n` just opened) it undoes the last change.
    let empty_field = target
        .as_ref()
        .and_then(|element| {
            element
                .dyn_ref::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.value())
                .or_else(|| {
                    element
                        .dyn_ref::<web_sys::HtmlInputElement>()
                        .map(|i| i.value())
                })
        })
        .is_some_and(|value| value.is_empty());
    let command = event.ctrl_key() || event.meta_key();
    if (in_text_field && !(command && empty_field)) || event.alt_key() {
        return;
    }
    if command {
        let action = match key.as_str() {
            "z" if event.shift_key() => Action::Redo,
            "z" => Action::Undo,
            "y" => Action::Redo,
            _ => return,
        };
        event.prevent_default();
        state.dispatch(AppAction::Apply { action, now: now() });
        return;
    }
    if key == "?" {
        event.prevent_default();
        state.dispatch(AppAction::ShowHelp(!state.help_open));
        return;
    }
    if state.read_only {
        return;
    }
    // On a focused highlight, `n` opens its note, as it does for a fresh selection.
    let on_mark = target
        .as_ref()
        .is_some_and(|element| element.local_name() == "mark");
    if state.pending.is_none() && on_mark && key == "n" {
        if let Some(id) = state.focused.clone() {
            event.prevent_default();
            state.dispatch(AppAction::Focus(Some(id.clone())));
            state.dispatch(AppAction::EditNote(Some(id)));
        }
        return;
    }
    if state.pending.is_none() {
        return;
    }
    match key.as_str() {
        "q" => {
            // Quote: go to "who said it?"; Enter there makes the quote.
            let input = target
                .and_then(|element| element.closest(".qm-app").ok().flatten())
                .and_then(|app| {
                    app.query_selector(&format!(".{SPEAKER_INPUT_CLASS}"))
                        .ok()
                        .flatten()
                })
                .and_then(|input| input.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(input) = input {
                event.prevent_default();
                let _ = input.focus();
            }
        }
        "n" => {
            event.prevent_default();
            state.dispatch(AppAction::CreateFromPending {
                kind: AnnotationKind::Highlight,
                speaker: SpeakerChoice::Unknown,
                note: String::new(),
                now: now(),
            });
        }
        "escape" => {
            event.prevent_default();
            state.dispatch(AppAction::Select {
                range: None,
                drawn: false,
            });
        }
        _ => {}
    }
}
