//! One speaker in the speaker manager: colour swatch with initials, name, aliases and quote
//! count, with inline rename, colour choice, merge into another speaker and delete.

use std::rc::Rc;

use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::document::Action;
use crate::core::palette::PALETTE;
use crate::core::render::panel::{colour_class, dom_id, SpeakerInfo};
use crate::ui::hooks::use_select_value;
use crate::ui::state::AppAction;
use crate::ui::time::now;

#[derive(Properties, Clone, PartialEq)]
pub struct SpeakerRowProps {
    pub speaker: SpeakerInfo,
    pub aliases: Vec<String>,
    /// Quotes attributed to this speaker.
    pub quotes: usize,
    /// Every speaker, for the merge target picker.
    pub speakers: Rc<Vec<SpeakerInfo>>,
    pub read_only: bool,
    pub dispatch: Callback<AppAction>,
}

fn quotes_phrase(count: usize) -> String {
    match count {
        1 => "1 quote".to_owned(),
        n => format!("{n} quotes"),
    }
}

#[component]
pub fn SpeakerRow(props: &SpeakerRowProps) -> Html {
    let renaming = use_state_eq(|| None::<String>);
    let merge_target = use_state_eq(String::new);
    let rename_input = use_node_ref();
    let rename_button = use_node_ref();
    let was_renaming = use_mut_ref(|| false);
    let colour_select = use_select_value(props.speaker.colour.to_string());
    let merge_select = use_select_value((*merge_target).clone());
    {
        let rename_input = rename_input.clone();
        let rename_button = rename_button.clone();
        use_effect_with(renaming.is_some(), move |&open| {
            let was_open = was_renaming.replace(open);
            if open {
                if let Some(input) = rename_input.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            } else if was_open {
                // Back to the button that opened the editor.
                if let Some(button) = rename_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }

    let speaker = &props.speaker;
    let id = speaker.id.clone();
    let apply = {
        let dispatch = props.dispatch.clone();
        move |action: Action| dispatch.emit(AppAction::Apply { action, now: now() })
    };
    let read_only = props.read_only;
    let key = dom_id("qm-speaker", &id.0);

    let start_rename = {
        let renaming = renaming.clone();
        let name = speaker.name.clone();
        Callback::from(move |_: MouseEvent| renaming.set(Some(name.clone())))
    };
    let rename_input_changed = {
        let renaming = renaming.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                renaming.set(Some(input.value()));
            }
        })
    };
    let save_rename = {
        let renaming = renaming.clone();
        let apply = apply.clone();
        let id = id.clone();
        let current = speaker.name.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(name) = (*renaming).clone() {
                if name.trim() != current {
                    apply(Action::RenameSpeaker {
                        id: id.clone(),
                        name,
                    });
                }
            }
            renaming.set(None);
        })
    };
    let cancel_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(None))
    };
    let rename_keys = {
        let renaming = renaming.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                event.stop_propagation();
                renaming.set(None);
            }
        })
    };

    let set_colour = {
        let apply = apply.clone();
        let id = id.clone();
        Callback::from(move |event: Event| {
            let colour = event
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|select| select.value().parse::<u8>().ok());
            if let Some(colour) = colour {
                apply(Action::SetSpeakerColour {
                    id: id.clone(),
                    colour,
                });
            }
        })
    };
    let choose_merge_target = {
        let merge_target = merge_target.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                merge_target.set(select.value());
            }
        })
    };
    let merge_into = props
        .speakers
        .iter()
        .find(|other| other.id.0 == *merge_target && other.id != id)
        .map(|other| other.id.clone());
    let merge = {
        let apply = apply.clone();
        let id = id.clone();
        let into = merge_into.clone();
        let merge_target = merge_target.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(into) = into.clone() {
                apply(Action::MergeSpeakers {
                    from: id.clone(),
                    into,
                });
                merge_target.set(String::new());
            }
        })
    };
    let delete = {
        let apply = apply.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| apply(Action::DeleteSpeaker { id: id.clone() }))
    };

    let name_id = format!("{key}-name");
    let delete_hint_id = format!("{key}-delete-hint");
    let merge_hint_id = format!("{key}-merge-hint");
    let merge_options: Html = props
        .speakers
        .iter()
        .filter(|other| other.id != id)
        .map(|other| {
            html! {
                <option value={other.id.0.clone()}>
                    {other.name.clone()}
                </option>
            }
        })
        .collect();
    let colour_options: Html = PALETTE
        .iter()
        .enumerate()
        .map(|(slot, colour)| {
            html! {
                <option value={slot.to_string()}>
                    {colour.name}
                </option>
            }
        })
        .collect();
    let has_others = props.speakers.iter().any(|other| other.id != id);

    // A reader view lists the speakers without the tools to change them.
    let editor = if read_only {
        Html::default()
    } else if let Some(draft) = (*renaming).clone() {
        html! {
            <form class="qm-rename" onsubmit={save_rename}>
                <label class="qm-field">
                    <span class="qm-label">{format!("New name for {}", speaker.name)}</span>
                    <input ref={rename_input} type="text" class="qm-rename-input" value={draft}
                        oninput={rename_input_changed} onkeydown={rename_keys} />
                </label>
                <div class="qm-actions">
                    <button type="submit" class="qm-button qm-primary">{"Save name"}</button>
                    <button type="button" class="qm-button" onclick={cancel_rename}>
                        {"Cancel"}
                    </button>
                </div>
            </form>
        }
    } else {
        html! {
            <div class="qm-speaker-tools">
                <div class="qm-actions">
                    <button ref={rename_button} type="button" class="qm-button qm-rename-button"
                        onclick={start_rename}
                        aria-describedby={name_id.clone()}>{"Rename"}</button>
                    <button type="button" class="qm-button qm-danger qm-delete-speaker"
                        onclick={delete}
                        aria-describedby={format!("{name_id} {delete_hint_id}")}>
                        {"Delete"}
                    </button>
                    <span id={delete_hint_id} class="qm-visually-hidden">
                        {format!("Its {} stay, with an unknown speaker.", quotes_phrase(props.quotes))}
                    </span>
                </div>
                <label class="qm-field">
                    <span class="qm-label">{"Colour"}</span>
                    <select ref={colour_select} class="qm-colour-select" onchange={set_colour}
                        aria-describedby={name_id.clone()}>
                        {colour_options}
                    </select>
                </label>
                if has_others {
                    <div class="qm-merge">
                        <label class="qm-field">
                            <span class="qm-label">{format!("Merge {} into", speaker.name)}</span>
                            <select ref={merge_select} class="qm-merge-select" onchange={choose_merge_target}>
                                <option value="">
                                    {"Choose a speaker"}
                                </option>
                                {merge_options}
                            </select>
                        </label>
                        <button type="button" class="qm-button qm-merge-button" onclick={merge}
                            disabled={merge_into.is_none()}
                            aria-describedby={merge_hint_id.clone()}>{"Merge"}</button>
                        <span id={merge_hint_id} class="qm-visually-hidden">
                            {format!("{} becomes another name of the chosen speaker, who gets its quotes.", speaker.name)}
                        </span>
                    </div>
                }
            </div>
        }
    };

    html! {
        <li class="qm-speaker" data-qm-speaker={id.0.clone()}>
            <div class="qm-speaker-head">
                <span class={classes!("qm-swatch", colour_class(Some(speaker.colour)))}
                    aria-hidden="true">{speaker.initials.clone()}</span>
                <span id={name_id} class="qm-speaker-name">{speaker.name.clone()}</span>
                <span class="qm-speaker-count">{quotes_phrase(props.quotes)}</span>
            </div>
            if !props.aliases.is_empty() {
                <p class="qm-aliases">{"Also called: "}{props.aliases.join(", ")}</p>
            }
            {editor}
        </li>
    }
}
