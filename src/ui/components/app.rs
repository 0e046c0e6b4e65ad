//! The widget's root component: owns the state, shares it through a context, lays out the
//! article and the panel, saves after every change (an effect, never the reducer), merges
//! changes saved by another tab, and handles the widget-wide keyboard shortcuts.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
use yew::prelude::*;

use crate::core::document::{Action, AnnotationKind};
use crate::core::persist::{self, Decoded};
use crate::ui::components::article_view::ArticleView;
use crate::ui::components::live_region::LiveRegion;
use crate::ui::components::selection_toolbar::{SelectionToolbar, SPEAKER_INPUT_CLASS};
use crate::ui::components::side_panel::SidePanel;
use crate::ui::components::status_bar::StatusBar;
use crate::ui::persistence;
use crate::ui::state::{AppAction, AppState, SpeakerChoice, StateHandle};
use crate::ui::time::now;

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub initial: AppState,
    /// Told about the state after every change (the JavaScript handle listens).
    #[prop_or_default]
    pub on_state: Callback<StateHandle>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer_eq({
        let initial = props.initial.clone();
        move || initial
    });
    {
        let state = state.clone();
        let on_state = props.on_state.clone();
        use_effect_with(
            (
                state.version,
                state.read_only,
                state.save_status.clone(),
                state.focused.clone(),
            ),
            move |_| on_state.emit(state),
        );
    }
    // Save right after each change the reader made here.
    {
        let state = state.clone();
        use_effect_with(state.local_version, move |local_version| {
            if *local_version > 0 && state.storage_enabled {
                let timing = SaveTiming::start();
                let status = persistence::save(
                    &state.article_key,
                    &state.document(),
                    now(),
                    &state.save_status,
                );
                timing.finish();
                if status != state.save_status {
                    state.dispatch(AppAction::SaveStatus(status));
                }
            }
        });
    }
    // Another tab saved the same article: merge its work into ours.
    {
        let state = state.clone();
        use_effect_with(state.storage_enabled, move |enabled| {
            let key = persist::storage_key(&state.article_key);
            let article = state.article.clone();
            let listener = enabled.then(web_sys::window).flatten().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<StorageEvent>() else {
                        return;
                    };
                    if event.key().as_deref() != Some(key.as_str()) {
                        return;
                    }
                    if let Decoded::Loaded(remote)
                    | Decoded::Migrated {
                        document: remote, ..
                    } = persist::decode(event.new_value().as_deref())
                    {
                        let remote = persistence::reanchor(&article, remote);
                        state.dispatch(AppAction::MergeRemote(Box::new(remote)));
                    }
                })
            });
            move || drop(listener)
        });
    }
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| on_shortcut(&state, &event))
    };
    let read_only = state.read_only;
    html! {
        <ContextProvider<StateHandle> context={state.clone()}>
            <div class={classes!("qm-app", read_only.then_some("qm-read-only"))} {onkeydown}>
                <div class="qm-main">
                    <StatusBar />
                    <ArticleView />
                    <SelectionToolbar />
                </div>
                <SidePanel />
                <LiveRegion />
            </div>
        </ContextProvider<StateHandle>>
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

/// Undo/redo anywhere in the widget; q / n / Escape while a passage is selected.
fn on_shortcut(state: &StateHandle, event: &KeyboardEvent) {
    let target = event
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .ok();
    let in_text_field = target.as_ref().is_some_and(|element| {
        matches!(
            element.local_name().as_str(),
            "input" | "textarea" | "select"
        ) || element.has_attribute("contenteditable")
    });
    if in_text_field || event.alt_key() {
        return;
    }
    let key = event.key().to_lowercase();
    if event.ctrl_key() || event.meta_key() {
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
    if state.pending.is_none() || state.read_only {
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
