//! The small toolbar beside a selection: Quote (with who said it), Note, "this is a name",
//! Cancel. Each has a shortcut, so it works without a mouse.
//!
//! "Who said it?" starts empty for every quote: a field pre-filled with the last speaker glued
//! typed names onto it ("John McCainNewt Gingrich") and let a quick Enter give the quote to the
//! previous speaker. Names used before are offered as the reader types.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};
use yew::prelude::*;

use crate::core::document::AnnotationKind;
use crate::platform::selection;
use crate::ui::state::{AppAction, SpeakerChoice};
use crate::ui::store::StateHandle;
use crate::ui::time::now;

/// Class of the speaker field, which the `q` shortcut focuses.
pub const SPEAKER_INPUT_CLASS: &str = "qm-speaker-input";

#[component]
pub fn SelectionToolbar() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let toolbar_ref = use_node_ref();
    let input_ref = use_node_ref();

    // Place the toolbar just below the selection (CSSOM, so a strict CSP allows it).
    {
        let toolbar_ref = toolbar_ref.clone();
        use_effect_with(state.pending.clone(), move |pending| {
            if pending.is_some() {
                position_toolbar(&toolbar_ref);
            }
        });
    }

    let Some(pending) = state.pending.clone() else {
        return Html::default();
    };

    let clear_selection = {
        let toolbar_ref = toolbar_ref.clone();
        move || {
            if let Some(shadow) = toolbar_ref
                .cast::<Element>()
                .and_then(|e| e.get_root_node().dyn_into::<ShadowRoot>().ok())
            {
                selection::clear(&shadow);
            }
        }
    };
    let create = {
        let state = state.clone();
        let input_ref = input_ref.clone();
        let clear_selection = clear_selection.clone();
        move |kind: AnnotationKind| {
            let typed = input_ref
                .cast::<HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            let speaker = match kind {
                AnnotationKind::Highlight => SpeakerChoice::Unknown,
                AnnotationKind::Quote => SpeakerChoice::Named(typed),
            };
            clear_selection();
            state.dispatch(AppAction::CreateFromPending {
                kind,
                speaker,
                note: String::new(),
                now: now(),
            });
        }
    };
    let cancel = {
        let state = state.clone();
        let clear_selection = clear_selection.clone();
        move || {
            clear_selection();
            state.dispatch(AppAction::Select {
                range: None,
                drawn: false,
            });
        }
    };
    let on_quote = {
        let create = create.clone();
        Callback::from(move |_: MouseEvent| create(AnnotationKind::Quote))
    };
    let on_note = {
        let create = create.clone();
        Callback::from(move |_: MouseEvent| create(AnnotationKind::Highlight))
    };
    let on_name = {
        let state = state.clone();
        let clear_selection = clear_selection.clone();
        Callback::from(move |_: MouseEvent| {
            clear_selection();
            state.dispatch(AppAction::SpeakerFromPending { now: now() });
        })
    };
    let on_cancel = {
        let cancel = cancel.clone();
        Callback::from(move |_: MouseEvent| cancel())
    };
    let on_input_keydown = {
        let create = create.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                create(AnnotationKind::Quote);
            }
        })
    };
    let onkeydown = {
        let cancel = cancel.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                cancel();
            }
        })
    };

    let document = state.document();
    let names: Html = document
        .speakers()
        .iter()
        .flat_map(|speaker| std::iter::once(&speaker.name).chain(speaker.aliases.iter()))
        .map(|name| html! { <option value={name.clone()} /> })
        .collect();
    let excerpt: String = pending.exact.chars().take(80).collect();
    html! {
        <div class="qm-toolbar" part="toolbar" ref={toolbar_ref} role="toolbar"
             aria-label="Annotate the selected passage" {onkeydown}>
            <p class="qm-toolbar-excerpt" id="qm-toolbar-excerpt">
                {format!("“{excerpt}{}”", if pending.exact.chars().count() > 80 { "…" } else { "" })}
            </p>
            <div class="qm-toolbar-row">
                <label class="qm-toolbar-label" for="qm-speaker-input">{"Who said it?"}</label>
                <input
                    id="qm-speaker-input"
                    class={SPEAKER_INPUT_CLASS}
                    ref={input_ref}
                    type="text"
                    list="qm-speaker-names"
                    autocomplete="off"
                    placeholder="Name, or leave empty"
                    onkeydown={on_input_keydown}
                />
                <datalist id="qm-speaker-names">{names}</datalist>
            </div>
            <div class="qm-toolbar-row">
                <button type="button" class="qm-primary" onclick={on_quote}
                        aria-keyshortcuts="q" title="Quote (Q, then type who said it and press Enter)">
                    {"Quote"}
                </button>
                <button type="button" onclick={on_note} aria-keyshortcuts="n" title="Highlight with a note (N)">
                    {"Note"}
                </button>
                <button type="button" onclick={on_name} title="Add the selected words as a speaker">
                    {"This is a name"}
                </button>
                <button type="button" onclick={on_cancel} aria-keyshortcuts="Escape" title="Cancel (Esc)">
                    {"Cancel"}
                </button>
            </div>
        </div>
    }
}

/// Puts the toolbar under the selection (or the drawn pending mark), inside the article column.
fn position_toolbar(toolbar_ref: &NodeRef) {
    let Some(toolbar) = toolbar_ref.cast::<HtmlElement>() else {
        return;
    };
    let Some(container) = toolbar.offset_parent() else {
        return;
    };
    let shadow = toolbar.get_root_node().dyn_into::<ShadowRoot>().ok();
    let rect = shadow
        .as_ref()
        .and_then(selection::current_range)
        .map(|range| range.get_bounding_client_rect())
        .or_else(|| {
            shadow
                .as_ref()
                .and_then(|shadow| shadow.query_selector("mark.qm-pending").ok().flatten())
                .map(|mark| mark.get_bounding_client_rect())
        });
    let Some(rect) = rect else {
        return;
    };
    let origin = container.get_bounding_client_rect();
    let top = rect.bottom() - origin.top() + 8.0;
    let left = (rect.left() - origin.left()).max(0.0);
    let style = toolbar.style();
    let _ = style.set_property("top", &format!("{top:.0}px"));
    let _ = style.set_property("left", &format!("{left:.0}px"));
}
