//! Where highlights overlap, a click offers a choice between them, so each stays reachable.

use yew::prelude::*;

use crate::core::document::AnnotationKind;
use crate::ui::components::article_view::{focus_mark, start_mark};
use crate::ui::state::{AppAction, StateHandle};

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
                    state.dispatch(AppAction::Focus(Some(id.clone())));
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
    drop(document);
    let close = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::Choose(None)))
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                state.dispatch(AppAction::Choose(None));
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
