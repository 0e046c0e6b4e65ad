//! Filters: which annotators are shown (levels are recounted over them) and, optionally, only
//! the quotes given to one speaker.

use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::model::{CompareAction, View};

#[derive(Properties, PartialEq)]
pub struct CompareFiltersProps {
    pub view: View,
}

#[component]
pub fn CompareFilters(props: &CompareFiltersProps) -> Html {
    let model = &props.view.model;
    let dispatch = props.view.dispatch.clone();
    let onspeaker = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(select) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            else {
                return;
            };
            let value = select.value();
            dispatch.emit(CompareAction::Speaker((!value.is_empty()).then_some(value)));
        })
    };
    let everyone = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(CompareAction::ShowEveryone))
    };
    let chosen_speaker = model.filter.speaker.clone().unwrap_or_default();
    html! {
        <div class="qm-compare-filters">
            <fieldset>
                <legend>{"Show annotators"}</legend>
                { for model.annotators.iter().enumerate().map(|(index, annotator)| {
                    let dispatch = dispatch.clone();
                    let onchange = Callback::from(move |_: Event| {
                        dispatch.emit(CompareAction::ToggleAnnotator(index))
                    });
                    html! {
                        <label class="qm-compare-check">
                            <input type="checkbox" checked={model.filter.shows_annotator(index)}
                                data-qm-filter-annotator={annotator.name.clone()} {onchange} />
                            {annotator.name.clone()}
                        </label>
                    }
                }) }
                <button type="button" onclick={everyone}>{"Everyone"}</button>
            </fieldset>
            <label class="qm-compare-speaker">
                {"Speaker "}
                <select onchange={onspeaker} data-qm-filter-speaker="">
                    <option value="" selected={chosen_speaker.is_empty()}>{"Any (quotes and highlights)"}</option>
                    { for model.speakers.iter().map(|name| html! {
                        <option value={name.clone()} selected={*name == chosen_speaker}>{name.clone()}</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
