//! One annotation in the panel's list: kind, quoted text, speaker, note, anchoring status and
//! the actions on it. Memoised on cheap props (no context subscription), so a change to one
//! annotation re-renders only its own card.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlSelectElement, ScrollIntoViewOptions, ScrollLogicalPosition,
};
use yew::prelude::*;

use crate::core::document::{Action, Annotation, AnnotationKind, SpeakerId};
use crate::core::render::panel::{dom_id, kind_label, status_label, SpeakerInfo};
use crate::ui::components::note_editor::NoteEditor;
use crate::ui::components::speaker_chip::SpeakerChip;
use crate::ui::hooks::use_select_value;
use crate::ui::state::AppAction;
use crate::ui::time::now;

#[derive(Properties, Clone, PartialEq)]
pub struct AnnotationCardProps {
    pub annotation: Annotation,
    /// The quote's speaker (`None`: unknown, or a highlight).
    pub speaker: Option<SpeakerInfo>,
    /// Every speaker, for the speaker picker. Shared between cards and kept while unchanged.
    pub speakers: Rc<Vec<SpeakerInfo>>,
    /// The text at the annotation's current range when it differs from what was quoted
    /// (a fuzzy match).
    #[prop_or_default]
    pub current_text: Option<String>,
    /// The annotation is the focused one ("Show in article", or its highlight clicked).
    pub focused: bool,
    /// Bring the card into view when it becomes focused: yes when the reader went to the
    /// annotation, no for one just made (the reader is working in the article).
    #[prop_or_default]
    pub reveal: bool,
    /// Its note editor is open.
    pub editing: bool,
    /// There is a pending selection its range can be moved to.
    pub can_update_range: bool,
    pub read_only: bool,
    pub dispatch: Callback<AppAction>,
}

#[component]
pub fn AnnotationCard(props: &AnnotationCardProps) -> Html {
    let card = use_node_ref();
    let edit_button = use_node_ref();
    let was_editing = use_mut_ref(|| false);
    let speaker_select = use_select_value(
        props
            .annotation
            .speaker
            .as_ref()
            .map_or_else(String::new, |id| id.0.clone()),
    );

    {
        // The reverse link: when this annotation becomes the focused one (e.g. its highlight
        // was clicked), bring its card into view without moving keyboard focus.
        let card = card.clone();
        let reveal = props.reveal;
        use_effect_with(props.focused, move |&focused| {
            if focused && reveal {
                if let Some(element) = card.cast::<Element>() {
                    let options = ScrollIntoViewOptions::new();
                    options.set_block(ScrollLogicalPosition::Nearest);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    {
        // When the note editor closes, focus returns to the button that opened it.
        let edit_button = edit_button.clone();
        use_effect_with(props.editing, move |&editing| {
            if was_editing.replace(editing) && !editing {
                if let Some(button) = edit_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }

    let annotation = &props.annotation;
    let id = annotation.id.clone();
    let dispatch = props.dispatch.clone();
    let apply = {
        let dispatch = dispatch.clone();
        move |action: Action| dispatch.emit(AppAction::Apply { action, now: now() })
    };

    let show = {
        let dispatch = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(AppAction::Focus(Some(id.clone()))))
    };
    let edit = {
        let dispatch = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(AppAction::EditNote(Some(id.clone()))))
    };
    let set_speaker = {
        let apply = apply.clone();
        let id = id.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let value = select.value();
                let speaker = (!value.is_empty()).then_some(SpeakerId(value));
                apply(Action::SetSpeaker {
                    id: id.clone(),
                    speaker,
                });
            }
        })
    };
    let other_kind = match annotation.kind {
        AnnotationKind::Quote => AnnotationKind::Highlight,
        AnnotationKind::Highlight => AnnotationKind::Quote,
    };
    let toggle_kind = {
        let apply = apply.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            apply(Action::SetKind {
                id: id.clone(),
                kind: other_kind,
            })
        })
    };
    let update_range = {
        let dispatch = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(AppAction::MovePendingTo {
                id: id.clone(),
                now: now(),
            })
        })
    };
    let delete = {
        let apply = apply.clone();
        let id = id.clone();
        let card = card.clone();
        Callback::from(move |_: MouseEvent| {
            // The card is about to disappear; keep keyboard focus in the list.
            focus_neighbour(&card);
            apply(Action::DeleteAnnotation { id: id.clone() })
        })
    };

    let quote_id = dom_id("qm-quote", &id.0);
    let text = props
        .current_text
        .clone()
        .unwrap_or_else(|| annotation.selectors.quote.exact.clone());
    let is_quote = annotation.kind == AnnotationKind::Quote;
    let status = status_label(annotation.status);
    let read_only = props.read_only;

    let editable = !read_only;
    // A reader view shows the speaker on the chip; the picker is for editing the selected card.
    let speaker_picker = (is_quote && editable && props.focused).then(|| {
        let options: Html = props
            .speakers
            .iter()
            .map(|speaker| {
                html! {
                    <option value={speaker.id.0.clone()}>
                        {speaker.name.clone()}
                    </option>
                }
            })
            .collect();
        html! {
            <label class="qm-field">
                <span class="qm-label">{"Speaker"}</span>
                <select ref={speaker_select} class="qm-card-speaker" onchange={set_speaker}
                    aria-describedby={quote_id.clone()}>
                    <option value="">{"Unknown speaker"}</option>
                    {options}
                </select>
            </label>
        }
    });

    let note = if props.editing {
        html! {
            <NoteEditor id={id.clone()} note={annotation.note.clone()}
                described_by={quote_id.clone()} dispatch={dispatch.clone()} />
        }
    } else if annotation.note.is_empty() {
        Html::default()
    } else {
        html! { <p class="qm-note">{annotation.note.clone()}</p> }
    };
    let was_text = props.current_text.as_ref().map(|_| {
        html! {
            <p class="qm-was">{"Quoted as: "}{annotation.selectors.quote.exact.clone()}</p>
        }
    });

    html! {
        <li ref={card}
            class={classes!(
                "qm-card",
                if is_quote { "qm-card-quote-kind" } else { "qm-card-highlight-kind" },
                props.focused.then_some("qm-card-focused"),
            )}
            aria-current={props.focused.then_some("true")}
            data-qm-annotation={id.0.clone()}>
            <p class="qm-card-meta">
                <span class="qm-kind">{kind_label(annotation.kind)}</span>
                if is_quote {
                    <SpeakerChip speaker={props.speaker.clone()} />
                }
                if let Some(status) = status {
                    <span class="qm-status">{status}</span>
                }
            </p>
            <blockquote id={quote_id.clone()} class="qm-card-quote">{text}</blockquote>
            {for was_text}
            {note}
            <div class="qm-actions">
                <button type="button" class="qm-button" onclick={show}
                    aria-describedby={quote_id.clone()}>{"Show in article"}
                </button>
                // Only the selected card offers its actions: a list of thirty quotes stays
                // quick to scan and to tab through. A reader view offers no editing at all.
                if editable && props.focused {
                    if !props.editing {
                        <button type="button" class="qm-button" ref={edit_button} onclick={edit}
                            aria-describedby={quote_id.clone()}>
                            {if annotation.note.is_empty() { "Add note" } else { "Edit note" }}
                        </button>
                    }
                    <button type="button" class="qm-button" onclick={toggle_kind}
                        aria-describedby={quote_id.clone()}>
                        {match other_kind {
                            AnnotationKind::Quote => "Make quote",
                            AnnotationKind::Highlight => "Make highlight",
                        }}
                    </button>
                    <button type="button" class="qm-button" onclick={update_range}
                        disabled={!props.can_update_range}
                        title={(!props.can_update_range).then_some("Select a passage in the article first")}
                        aria-describedby={quote_id.clone()}>{"Update range"}</button>
                    <button type="button" class="qm-button qm-danger" onclick={delete}
                        aria-describedby={quote_id.clone()}>{"Delete"}</button>
                }
            </div>
            {for speaker_picker}
        </li>
    }
}

/// Moves keyboard focus to the first button of the next card (else the previous one).
fn focus_neighbour(card: &NodeRef) {
    let Some(element) = card.cast::<Element>() else {
        return;
    };
    let neighbour = element
        .next_element_sibling()
        .or_else(|| element.previous_element_sibling());
    if let Some(button) = neighbour
        .and_then(|n| n.query_selector("button").ok().flatten())
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}
