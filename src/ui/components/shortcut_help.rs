//! The list of keyboard shortcuts, opened with `?` from anywhere in the widget (outside a text
//! field). Escape or Close shuts it and gives focus back to where the reader was.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::state::AppAction;
use crate::ui::store::StateHandle;

/// Every shortcut, as the reader presses it, with what it does.
const SHORTCUTS: [(&str, &str); 12] = [
    (
        "Q",
        "Quote the selected passage: type who said it, then Enter",
    ),
    (
        "N",
        "Highlight the selected passage and write a note; on a highlight, edit its note",
    ),
    ("Esc", "Cancel the selection, or close what is open"),
    ("] or ↓ →", "Next highlight"),
    ("[ or ↑ ←", "Previous highlight"),
    ("Enter", "On a highlight: show who said it and the note"),
    ("Ctrl+Z / ⌘Z", "Undo"),
    ("Ctrl+Shift+Z / ⌘⇧Z", "Redo"),
    ("Shift+arrows", "Extend a selection with the keyboard"),
    (
        "Find and mark",
        "Type words of a passage, Enter selects it (again for the next match)",
    ),
    ("Ctrl+Enter", "In the note editor: save the note"),
    ("?", "Show or hide this list"),
];

#[component]
pub fn ShortcutHelp() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let close_button = use_node_ref();
    // Where focus was when the list opened, to give it back on close.
    let opener = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let close_button = close_button.clone();
        let opener = opener.clone();
        use_effect_with(state.help_open, move |&open| {
            if open {
                *opener.borrow_mut() = close_button
                    .cast::<web_sys::Element>()
                    .and_then(|button| {
                        button
                            .get_root_node()
                            .dyn_into::<web_sys::ShadowRoot>()
                            .ok()
                    })
                    .and_then(|shadow| shadow.active_element())
                    .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(button) = close_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            } else if let Some(previous) = opener.borrow_mut().take() {
                let _ = previous.focus();
            }
        });
    }
    if !state.help_open {
        return Html::default();
    }
    let close = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::ShowHelp(false)))
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" || event.key() == "?" {
                event.prevent_default();
                event.stop_propagation();
                state.dispatch(AppAction::ShowHelp(false));
            }
        })
    };
    let rows: Html = SHORTCUTS
        .iter()
        .map(|(keys, what)| {
            html! {
                <>
                    <dt><kbd>{*keys}</kbd></dt>
                    <dd>{*what}</dd>
                </>
            }
        })
        .collect();
    html! {
        <div class="qm-help" role="dialog" aria-modal="false" aria-labelledby="qm-help-title" {onkeydown}>
            <h2 id="qm-help-title" class="qm-help-title">{"Keyboard shortcuts"}</h2>
            <dl class="qm-help-list">{rows}</dl>
            <button type="button" ref={close_button} onclick={close}>{"Close"}</button>
        </div>
    }
}
