//! The panel's filters: by speaker, by kind and by a case-insensitive search over quoted text
//! and notes, with the number of annotations they let through.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::document::AnnotationKind;
use crate::core::render::panel::Filter;
use crate::core::render::panel::{speaker_filter_from_value, speaker_filter_value};
use crate::ui::hooks::use_select_value;
use crate::ui::state::AppAction;
use crate::ui::store::StateHandle;

#[derive(Properties, Clone, PartialEq)]
pub struct PanelFiltersProps {
    /// Annotations the filters let through.
    pub shown: usize,
    /// All annotations.
    pub total: usize,
}

#[component]
pub fn PanelFilters(props: &PanelFiltersProps) -> Html {
    let state = use_context::<StateHandle>();
    let speaker_select = use_select_value(state.as_ref().map_or_else(String::new, |state| {
        speaker_filter_value(&state.filter.speaker)
    }));
    let kind_select = use_select_value(
        state
            .as_ref()
            .and_then(|state| state.filter.kind)
            .map_or("all", AnnotationKind::wire_name)
            .to_owned(),
    );
    {
        // A speaker filtered by was merged away or deleted: show everything rather than a
        // list that is empty for a reason the reader can no longer see.
        let gone = state
            .as_ref()
            .and_then(|state| match &state.filter.speaker {
                Some(Some(id)) if state.document().speaker(id).is_none() => {
                    Some((state.dispatcher(), state.filter.clone()))
                }
                _ => None,
            });
        use_effect(move || {
            if let Some((dispatcher, filter)) = gone {
                dispatcher.emit(AppAction::SetFilter(Filter {
                    speaker: None,
                    ..filter
                }));
            }
        });
    }
    let Some(state) = state else {
        return Html::default();
    };
    let filter = state.filter.clone();
    let dispatcher = state.dispatcher();
    let update = move |change: &dyn Fn(&mut Filter)| {
        let mut next = filter.clone();
        change(&mut next);
        dispatcher.emit(AppAction::SetFilter(next));
    };

    let on_speaker = {
        let update = update.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let speaker = speaker_filter_from_value(&select.value());
                update(&move |filter: &mut Filter| filter.speaker = speaker.clone());
            }
        })
    };
    let on_kind = {
        let update = update.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let kind = AnnotationKind::from_wire_name(&select.value());
                update(&move |filter: &mut Filter| filter.kind = kind);
            }
        })
    };
    let on_query = {
        let update = update.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                let query = input.value();
                update(&move |filter: &mut Filter| filter.query = query.clone());
            }
        })
    };

    let speaker_options: Html = state
        .document()
        .speakers()
        .iter()
        .map(|speaker| {
            let value = speaker_filter_value(&Some(Some(speaker.id.clone())));
            html! {
                <option {value}>{speaker.name.clone()}</option>
            }
        })
        .collect();
    let count = format!("{} of {} annotations", props.shown, props.total);

    html! {
        <div class="qm-filters" role="search" aria-label="Filter annotations">
            <label class="qm-field">
                <span class="qm-label">{"Speaker"}</span>
                <select ref={speaker_select} class="qm-filter-speaker" onchange={on_speaker}>
                    <option value="all">{"All speakers"}</option>
                    <option value="unknown">
                        {"Unknown speaker"}
                    </option>
                    {speaker_options}
                </select>
            </label>
            <label class="qm-field">
                <span class="qm-label">{"Kind"}</span>
                <select ref={kind_select} class="qm-filter-kind" onchange={on_kind}>
                    <option value="all">{"All kinds"}</option>
                    <option value={AnnotationKind::Quote.wire_name()}>
                        {"Quotes"}
                    </option>
                    <option value={AnnotationKind::Highlight.wire_name()}
                       >{"Highlights"}</option>
                </select>
            </label>
            <label class="qm-field qm-field-wide">
                <span class="qm-label">{"Search quotes and notes"}</span>
                <input type="search" class="qm-filter-query" value={state.filter.query.clone()}
                    oninput={on_query} />
            </label>
            <p class="qm-count" role="status">{count}</p>
        </div>
    }
}
