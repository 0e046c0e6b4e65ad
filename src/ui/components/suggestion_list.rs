//! Suggested quotes, for review: *Suggest quotes* finds them (drawn in the article with a
//! dashed outline and no fill, unlike annotations); each shows its text, the suggested speaker
//! in an editable field, a confidence and the reason, with Accept and Reject. Enter in the
//! speaker field accepts. Nothing here is saved or exported until accepted.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::render::panel::dom_id;
use crate::core::suggest::Suggestion;
use crate::core::text::wording::plural;
use crate::ui::state::AppAction;
use crate::ui::store::StateHandle;
use crate::ui::time::now;

/// Longest excerpt of a suggestion shown, in characters.
const EXCERPT_CHARS: usize = 140;

#[component]
pub fn SuggestionList() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    if state.read_only {
        return Html::default();
    }
    let suggest = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::Suggest))
    };
    let Some(suggestions) = state.suggestions.clone() else {
        return html! {
            <div class="qm-suggestions">
                <p class="qm-hint">{"Find the quotations in the article and who said them, to review one by one."}</p>
                <button type="button" class="qm-button qm-primary" onclick={suggest}>{"Suggest quotes"}</button>
            </div>
        };
    };
    let accept_all = {
        let state = state.clone();
        let suggestions = suggestions.clone();
        Callback::from(move |_: MouseEvent| {
            for suggestion in suggestions.iter() {
                state.dispatch(AppAction::AcceptSuggestion {
                    id: suggestion.id(),
                    speaker: None,
                    now: now(),
                });
            }
        })
    };
    let close = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::CloseSuggestions))
    };
    let items: Html = suggestions
        .iter()
        .map(|suggestion| html! { <SuggestionItem key={suggestion.id()} suggestion={Rc::new(suggestion.clone())} /> })
        .collect();
    let count = suggestions.len();
    let names: Html = state
        .document()
        .speakers()
        .iter()
        .map(|speaker| html! { <option value={speaker.name.clone()} /> })
        .collect();
    html! {
        <div class="qm-suggestions">
            <p class="qm-suggestions-count" role="status">
                {match count {
                    0 => "No suggestions left.".to_owned(),
                    n => format!("{} to review.", plural(n, "suggestion")),
                }}
            </p>
            <div class="qm-actions">
                if count > 0 {
                    <button type="button" class="qm-button qm-primary" onclick={accept_all}>
                        {format!("Accept all ({count})")}
                    </button>
                }
                <button type="button" class="qm-button" onclick={suggest}>{"Suggest again"}</button>
                <button type="button" class="qm-button" onclick={close}>{"Done"}</button>
            </div>
            <ol class="qm-suggestion-list">{items}</ol>
            <datalist id="qm-suggestion-names">{names}</datalist>
        </div>
    }
}

#[derive(Properties, Clone, PartialEq)]
struct SuggestionItemProps {
    suggestion: Rc<Suggestion>,
}

#[component]
fn SuggestionItem(props: &SuggestionItemProps) -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let input = use_node_ref();
    let suggestion = &props.suggestion;
    let id = suggestion.id();
    let accept = {
        let state = state.clone();
        let input = input.clone();
        let id = id.clone();
        move || {
            let typed = input.cast::<HtmlInputElement>().map(|i| i.value());
            state.dispatch(AppAction::AcceptSuggestion {
                id: id.clone(),
                speaker: typed,
                now: now(),
            });
        }
    };
    let onclick_accept = {
        let accept = accept.clone();
        Callback::from(move |_: MouseEvent| accept())
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            event.prevent_default();
            accept();
        }
    });
    let reject = {
        let state = state.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::RejectSuggestion(id.clone())))
    };
    let mut excerpt: String = suggestion.exact.chars().take(EXCERPT_CHARS).collect();
    if suggestion.exact.chars().count() > EXCERPT_CHARS {
        excerpt.push('…');
    }
    let field_id = dom_id("qm-suggested-speaker", &id);
    let quote_id = dom_id("qm-suggested-quote", &id);
    let percent = (suggestion.confidence.clamp(0.0, 1.0) * 100.0).round();
    html! {
        <li class="qm-suggestion" data-qm-suggestion={id.clone()}>
            <blockquote id={quote_id.clone()} class="qm-card-quote">{excerpt}</blockquote>
            <p class="qm-suggestion-why">
                {format!("{percent:.0} % confident: {}", suggestion.reason)}
            </p>
            <label class="qm-field" for={field_id.clone()}>
                <span class="qm-label">{"Speaker"}</span>
            </label>
            <input id={field_id} ref={input} type="text" class="qm-suggested-speaker"
                   list="qm-suggestion-names" autocomplete="off"
                   value={suggestion.speaker.clone().unwrap_or_default()}
                   placeholder="Unknown speaker" aria-describedby={quote_id.clone()} {onkeydown} />
            <div class="qm-actions">
                <button type="button" class="qm-button qm-primary" onclick={onclick_accept}
                        aria-describedby={quote_id.clone()}>{"Accept"}</button>
                <button type="button" class="qm-button" onclick={reject}
                        aria-describedby={quote_id}>{"Reject"}</button>
            </div>
        </li>
    }
}
