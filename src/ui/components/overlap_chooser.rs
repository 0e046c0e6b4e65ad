//! Where highlights overlap, a click offers a choice between them, so each stays reachable.

use yew::prelude::*;

use wasm_bindgen::JsCast;

use crate::core::document::{AnnotationId, AnnotationKind};
use crate::ui::components::article_view::{focus_mark, start_mark};
use crate::ui::state::AppAction;
use crate::ui::store::StateHandle;

/// Longest excerpt shown for each choice, in characters.
const EXCERPT_CHARS: usize = 60;

#[component]
pub fn OverlapChooser() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let first_button = use_node_ref();
    {
        let first_button = first_button.clone();
        use_effect_with(state.choice.clone(), move |choice| {
            if choice.is_some() {
                if let Some(button) = first_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let Some(ids) = state.choice.clone() else {
        return Html::default();
    };
    let document = state.document();
    let choices: Html = ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let annotation = document.annotation(id)?;
            let what = match annotation.kind {
                AnnotationKind::Highlight => "Highlight".to_owned(),
                AnnotationKind::Quote => {
                    format!(
                        "Quote by {}",
                        document.speaker_label(annotation.speaker.as_ref())
                    )
                }
            };
            let exact = &annotation.selectors.quote.exact;
            let mut excerpt: String = exact.chars().take(EXCERPT_CHARS).collect();
            if exact.chars().count() > EXCERPT_CHARS {
                excerpt.push('…');
            }
            let onclick = {
                let state = state.clone();
                let id = id.clone();
                Callback::from(move |event: MouseEvent| {
                    state.dispatch(AppAction::Inspect(id.clone()));
                    // When `id` already was the focused annotation (e.g. the one just made)
                    // the state does not change and nothing would move keyboard focus off
                    // this button, which is about to go: move it to the chosen mark here.
                    let article = event
                        .target_dyn_into::<web_sys::Element>()
                        .and_then(|button| button.closest("article").ok().flatten());
                    if let Some(mark) = article.and_then(|article| start_mark(&article, &id)) {
                        focus_mark(&mark);
                    }
                })
            };
            let node_ref = if i == 0 {
                first_button.clone()
            } else {
                NodeRef::default()
            };
            Some(html! {
                <li key={id.0.clone()}>
                    <button type="button" ref={node_ref} {onclick}>
                        <span class="qm-chooser-what">{what}</span>
                        <span class="qm-chooser-excerpt">{format!("“{excerpt}”")}</span>
                    </button>
                </li>
            })
        })
        .collect();
    // Closing without a choice gives keyboard focus back to the highlight the chooser was
    // opened from: the chooser's buttons are about to go, and focus must not fall to the page.
    let close = {
        let state = state.clone();
        let ids = ids.clone();
        Callback::from(move |event: MouseEvent| {
            state.dispatch(AppAction::Choose(None));
            refocus_overlap(&event, &ids);
        })
    };
    let onkeydown = {
        let state = state.clone();
        let ids = ids.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                state.dispatch(AppAction::Choose(None));
                refocus_overlap(&event, &ids);
            }
        })
    };
    html! {
        <div class="qm-chooser" role="group" aria-label="Overlapping highlights: choose one" {onkeydown}>
            <p class="qm-chooser-title">{"Several highlights overlap here:"}</p>
            <ul>{choices}</ul>
            <button type="button" class="qm-chooser-close" onclick={close}>{"Close"}</button>
        </div>
    }
}

/// Focuses the highlight run covered by exactly `ids` (the one that was clicked), else where
/// the first of them starts.
fn refocus_overlap(event: &Event, ids: &[AnnotationId]) {
    let Some(article) = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|element| element.closest("article").ok().flatten())
    else {
        return;
    };
    let joined: Vec<&str> = ids.iter().map(|id| id.0.as_str()).collect();
    let run = article
        .query_selector_all("mark[data-qm-ids]")
        .ok()
        .and_then(|marks| {
            (0..marks.length())
                .filter_map(|index| marks.item(index))
                .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
                .find(|mark| {
                    mark.get_attribute("data-qm-ids")
                        .is_some_and(|value| value.split_whitespace().eq(joined.iter().copied()))
                })
        });
    if let Some(mark) = run.or_else(|| ids.first().and_then(|id| start_mark(&article, id))) {
        focus_mark(&mark);
    }
}
