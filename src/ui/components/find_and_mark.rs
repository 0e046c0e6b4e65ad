//! "Find and mark": type a passage, press Enter, and it becomes the selection — a way to
//! annotate with the keyboard alone, no mouse and no caret browsing.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::text::find::find_all;
use crate::ui::state::{AppAction, StateHandle};

#[component]
pub fn FindAndMark() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let input_ref = use_node_ref();
    // Which match Enter selects next, so pressing it again moves on.
    let next_match = use_state(|| 0usize);
    let status = use_state(String::new);
    // True while the field still holds the words of the match Enter just selected: then the
    // Q / N / U / Escape shortcuts the status line offers act on that match (see `app`).
    let matched = use_state(|| false);

    let onsubmit = {
        let state = state.clone();
        let input_ref = input_ref.clone();
        let next_match = next_match.clone();
        let status = status.clone();
        let matched = matched.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let query = input_ref
                .cast::<HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            let found = find_all(state.article.text_content(), &query);
            if found.is_empty() {
                matched.set(false);
                status.set(if query.trim().is_empty() {
                    "Type some words of the passage first.".to_owned()
                } else {
                    format!("“{}” is not in the article.", query.trim())
                });
                return;
            }
            matched.set(true);
            let index = *next_match % found.len();
            next_match.set(index + 1);
            status.set(format!(
                "Match {} of {} selected. Press Q to quote it, N to add a note, Enter for the next match.",
                index + 1,
                found.len()
            ));
            state.dispatch(AppAction::Select {
                range: Some(found[index]),
                drawn: true,
            });
        })
    };
    let oninput = {
        let next_match = next_match.clone();
        let status = status.clone();
        let matched = matched.clone();
        Callback::from(move |_: InputEvent| {
            matched.set(false);
            next_match.set(0);
            status.set(String::new());
        })
    };
    let shortcuts = *matched && state.pending.as_ref().is_some_and(|pending| pending.drawn);
    html! {
        <form class="qm-find" role="search" aria-label="Find and mark" {onsubmit}>
            <label for="qm-find-input">{"Find and mark"}</label>
            <input id="qm-find-input" ref={input_ref} type="search" autocomplete="off"
                   placeholder="Type words from the passage, then Enter" {oninput}
                   aria-describedby="qm-find-status"
                   data-qm-shortcuts={shortcuts.then_some("on")} />
            <button type="submit">{"Find"}</button>
            <p id="qm-find-status" class="qm-find-status" aria-live="polite">{(*status).clone()}</p>
        </form>
    }
}
