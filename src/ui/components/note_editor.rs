//! The inline note editor of one annotation card: a textarea that takes focus when it opens.
//! Ctrl+Enter (Cmd+Enter on a Mac) or Save keeps the note; Escape or Cancel closes it unchanged.
//! Closed any other way — another card's editor opened, a filter hid the card — it keeps what
//! was typed (an undoable change), since only Cancel says "throw this away".

use web_sys::{HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::core::document::{Action, AnnotationId};
use crate::core::render::panel::dom_id;
use crate::ui::state::AppAction;
use crate::ui::time::now;

#[derive(Properties, Clone, PartialEq)]
pub struct NoteEditorProps {
    pub id: AnnotationId,
    /// The note as saved; the editor starts from it.
    pub note: String,
    /// Describes the textarea (the id of the card's quoted text).
    pub described_by: AttrValue,
    pub dispatch: Callback<AppAction>,
}

#[component]
pub fn NoteEditor(props: &NoteEditorProps) -> Html {
    let draft = use_state({
        let note = props.note.clone();
        move || note
    });
    let textarea = use_node_ref();
    // What is typed now, and whether Save or Cancel already settled it, for the closing check.
    let typed = use_mut_ref({
        let note = props.note.clone();
        move || note
    });
    let settled = use_mut_ref(|| false);
    {
        let typed = typed.clone();
        let settled = settled.clone();
        let id = props.id.clone();
        let dispatch = props.dispatch.clone();
        let opened_with = props.note.clone();
        use_effect_with((), move |_| {
            move || {
                // Only what was typed here: an editor that closes untouched changes nothing.
                if !*settled.borrow() && *typed.borrow() != opened_with {
                    dispatch.emit(AppAction::KeepNoteDraft {
                        id,
                        note: typed.borrow().clone(),
                        now: now(),
                    });
                }
            }
        });
    }
    {
        let textarea = textarea.clone();
        use_effect_with((), move |_| {
            if let Some(element) = textarea.cast::<HtmlTextAreaElement>() {
                // Focus moves into the editor that the reader just opened.
                let _ = element.focus();
            }
        });
    }

    let save = {
        let draft = draft.clone();
        let id = props.id.clone();
        let saved = props.note.clone();
        let dispatch = props.dispatch.clone();
        let settled = settled.clone();
        Callback::from(move |()| {
            *settled.borrow_mut() = true;
            if *draft != saved {
                dispatch.emit(AppAction::Apply {
                    action: Action::SetNote {
                        id: id.clone(),
                        note: (*draft).clone(),
                    },
                    now: now(),
                });
            }
            dispatch.emit(AppAction::EditNote(None));
        })
    };
    let cancel = {
        let dispatch = props.dispatch.clone();
        let settled = settled.clone();
        Callback::from(move |()| {
            *settled.borrow_mut() = true;
            dispatch.emit(AppAction::EditNote(None))
        })
    };

    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(element) = event.target_dyn_into::<HtmlTextAreaElement>() {
                *typed.borrow_mut() = element.value();
                draft.set(element.value());
            }
        })
    };
    let onkeydown = {
        let save = save.clone();
        let cancel = cancel.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" if event.ctrl_key() || event.meta_key() => {
                event.prevent_default();
                save.emit(());
            }
            "Escape" => {
                // Handled here: the Escape must not also close anything around the panel.
                event.prevent_default();
                event.stop_propagation();
                cancel.emit(());
            }
            _ => {}
        })
    };
    let textarea_id = dom_id("qm-note", &props.id.0);
    html! {
        <div class="qm-note-editor">
            <label for={textarea_id.clone()}>{"Note"}</label>
            <textarea
                id={textarea_id}
                ref={textarea}
                class="qm-note-input"
                rows="4"
                value={(*draft).clone()}
                aria-describedby={props.described_by.clone()}
                {oninput}
                {onkeydown}
            />
            <p class="qm-hint">{"Ctrl+Enter saves, Escape cancels."}</p>
            <div class="qm-actions">
                <button type="button" class="qm-button qm-primary"
                    onclick={save.reform(|_: MouseEvent| ())}>{"Save"}</button>
                <button type="button" class="qm-button"
                    onclick={cancel.reform(|_: MouseEvent| ())}>{"Cancel"}</button>
            </div>
        </div>
    }
}
