//! The bar above the article: undo and redo, whether work is saved, find-and-mark, and any
//! error the last action produced.

use yew::prelude::*;

use crate::core::document::Action;
use crate::core::storage::envelope;
use crate::core::storage::policy::SaveStatus;
use crate::ui::components::earlier_version_banner::EarlierVersionBanner;
use crate::ui::components::find_and_mark::FindAndMark;
use crate::ui::components::storage_banner::StorageBanner;
use crate::ui::state::AppAction;
use crate::ui::store::StateHandle;
use crate::ui::time::now;

#[component]
pub fn StatusBar() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let apply = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(AppAction::Apply {
                action: action.clone(),
                now: now(),
            })
        })
    };
    let (can_undo, can_redo, undo_title, redo_title) = {
        let document = state.document();
        let history = &document.history();
        (
            history.can_undo(),
            history.can_redo(),
            history
                .undo_description()
                .map_or("Undo (Ctrl+Z)".to_owned(), |d| {
                    format!("Undo: {d} (Ctrl+Z)")
                }),
            history
                .redo_description()
                .map_or("Redo (Ctrl+Shift+Z)".to_owned(), |d| {
                    format!("Redo: {d} (Ctrl+Shift+Z)")
                }),
        )
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::DismissError))
    };
    let storage_key = envelope::storage_key(&state.article_key);
    let (save_class, save_text) = save_indicator(&state.save_status, &storage_key);
    let show_help = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::ShowHelp(true)))
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div class="qm-status" part="status">
            if !state.read_only {
                <div class="qm-status-row">
                    <button type="button" onclick={apply(Action::Undo)} disabled={!can_undo}
                            title={undo_title.clone()} aria-label={undo_title} aria-keyshortcuts="Control+Z">
                        {"↶ Undo"}
                    </button>
                    <button type="button" onclick={apply(Action::Redo)} disabled={!can_redo}
                            title={redo_title.clone()} aria-label={redo_title}
                            aria-keyshortcuts="Control+Shift+Z">
                        {"↷ Redo"}
                    </button>
                    <span class={classes!("qm-save", save_class)}>{save_text}</span>
                    <button type="button" class="qm-status-aside" onclick={show_help}
                            aria-keyshortcuts="?" title="Keyboard shortcuts (?)">{"Shortcuts"}</button>
                    <button type="button" onclick={print} title="Print the article with its quotes by speaker">
                        {"Print"}
                    </button>
                </div>
                <FindAndMark />
            }
            <StorageBanner />
            <EarlierVersionBanner />
            if let Some(error) = state.error.clone() {
                <div class="qm-error" role="alert">
                    <span>{error}</span>
                    <button type="button" onclick={dismiss}>{"Dismiss"}</button>
                </div>
            }
        </div>
    }
}

fn save_indicator(status: &SaveStatus, storage_key: &str) -> (&'static str, String) {
    match status {
        SaveStatus::Idle => ("qm-save-idle", "Nothing to save yet".to_owned()),
        SaveStatus::Saved => ("qm-save-ok", "Saved in this browser".to_owned()),
        SaveStatus::Full => (
            "qm-save-bad",
            "Not saved: browser storage is full".to_owned(),
        ),
        SaveStatus::Unavailable(_) => ("qm-save-bad", "Not saved: storage unavailable".to_owned()),
        // The unreadable data could not be copied aside, so nothing is written over it.
        SaveStatus::Corrupt { quarantine_key, .. } if quarantine_key == storage_key => (
            "qm-save-bad",
            "Not saved: stored data is unreadable (left untouched)".to_owned(),
        ),
        // Copied aside: saving goes on as usual, and the reader keeps being told.
        SaveStatus::Corrupt { .. } => (
            "qm-save-bad",
            "Stored data was unreadable: a copy is kept aside".to_owned(),
        ),
        SaveStatus::Disabled => ("qm-save-idle", "Not saved (storage off)".to_owned()),
    }
}
