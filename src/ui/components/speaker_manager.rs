//! The speaker list: every speaker with colour, initials, aliases and quote count, the tools
//! to rename, recolour, merge and delete them, and a field to add a new one.

use std::collections::HashMap;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::document::{Action, AnnotationKind, SpeakerId};
use crate::core::render::panel::{cached_speaker_infos, SpeakerInfo};
use crate::ui::components::speaker_row::SpeakerRow;
use crate::ui::state::AppAction;
use crate::ui::store::StateHandle;
use crate::ui::time::now;

#[component]
pub fn SpeakerManager() -> Html {
    let state = use_context::<StateHandle>();
    let draft = use_state_eq(String::new);
    let problem = use_state_eq(|| None::<String>);
    let speakers_cache = use_mut_ref(|| Rc::new(Vec::<SpeakerInfo>::new()));
    let Some(state) = state else {
        return Html::default();
    };

    let document = state.document();
    let speakers = cached_speaker_infos(&speakers_cache, document);
    let mut quotes: HashMap<&SpeakerId, usize> = HashMap::new();
    for annotation in document.annotations() {
        if let (AnnotationKind::Quote, Some(speaker)) = (annotation.kind, &annotation.speaker) {
            *quotes.entry(speaker).or_default() += 1;
        }
    }
    let dispatch = state.dispatcher();

    let rows: Html = document
        .speakers()
        .iter()
        .zip(speakers.iter())
        .map(|(speaker, info)| {
            html! {
                <SpeakerRow
                    key={speaker.id.0.clone()}
                    speaker={info.clone()}
                    aliases={speaker.aliases.clone()}
                    quotes={quotes.get(&speaker.id).copied().unwrap_or(0)}
                    speakers={speakers.clone()}
                    read_only={state.read_only}
                    dispatch={dispatch.clone()}
                />
            }
        })
        .collect();
    // Names and aliases already in use, offered as the reader types so a second spelling of
    // an existing speaker is noticed before it is added.
    let known_names: Html = document
        .speakers()
        .iter()
        .flat_map(|speaker| std::iter::once(&speaker.name).chain(&speaker.aliases))
        .map(|name| html! { <option value={name.clone()} /> })
        .collect();

    let on_input = {
        let draft = draft.clone();
        let problem = problem.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                draft.set(input.value());
                problem.set(None);
            }
        })
    };
    let existing = document
        .speaker_named(&draft)
        .map(|speaker| speaker.name.clone());
    let on_submit = {
        let draft = draft.clone();
        let problem = problem.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let name = draft.trim().to_owned();
            if name.is_empty() {
                return;
            }
            if let Some(existing) = &existing {
                problem.set(Some(format!("{existing} is already in the list.")));
                return;
            }
            dispatch.emit(AppAction::Apply {
                action: Action::AddSpeaker { name },
                now: now(),
            });
            draft.set(String::new());
        })
    };

    html! {
        <div class="qm-speakers">
            if document.speakers().is_empty() {
                <p class="qm-empty">{"No speakers yet."}</p>
            } else {
                <ul class="qm-speaker-list" aria-label="Speakers">{rows}</ul>
            }
            if !state.read_only {
                <form class="qm-add-speaker" onsubmit={on_submit}>
                    <label class="qm-field qm-field-wide">
                        <span class="qm-label">{"New speaker"}</span>
                        <input type="text" class="qm-add-speaker-input" list="qm-speaker-names"
                            autocomplete="off" value={(*draft).clone()} oninput={on_input}
                            aria-invalid={problem.is_some().then_some("true")}
                            aria-describedby={problem.is_some().then_some("qm-add-speaker-problem")} />
                    </label>
                    <datalist id="qm-speaker-names">{known_names}</datalist>
                    <button type="submit" class="qm-button"
                        disabled={draft.trim().is_empty()}>{"Add speaker"}</button>
                    if let Some(problem) = (*problem).clone() {
                        <p id="qm-add-speaker-problem" class="qm-problem" role="alert">{problem}</p>
                    }
                </form>
            }
        </div>
    }
}
