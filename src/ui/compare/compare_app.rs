//! The compare view's root: subscribes to the store, lays out the parts, and takes Ctrl+Z /
//! Ctrl+Shift+Z (and Ctrl+Y) for the key curation's undo and redo.

use std::rc::Rc;

use yew::prelude::*;

use super::compare_filters::CompareFilters;
use super::feedback_table::FeedbackTable;
use super::file_drop::FileDrop;
use super::key_curator::KeyCurator;
use super::model::{CompareAction, CompareStore, View};
use super::passage_article::PassageArticle;
use super::passage_details::PassageDetails;
use super::score_board::ScoreBoard;

#[derive(Properties, PartialEq)]
pub struct CompareAppProps {
    pub store: Rc<CompareStore>,
}

/// True when the key press is for a text field, which keeps its own undo.
fn in_text_field(event: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    event
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .is_ok_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

#[component]
pub fn CompareApp(props: &CompareAppProps) -> Html {
    let update = use_force_update();
    {
        let store = props.store.clone();
        use_effect_with((), move |_| {
            let id = store.subscribe(move || update.force_update());
            move || store.unsubscribe(id)
        });
    }
    let model = props.store.model();
    let dispatch = {
        let store = props.store.clone();
        Callback::from(move |action| store.dispatch(action))
    };
    let view = View {
        model: model.clone(),
        dispatch: dispatch.clone(),
    };
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            if !(event.ctrl_key() || event.meta_key()) || in_text_field(&event) {
                return;
            }
            let key = event.key().to_lowercase();
            let action = match key.as_str() {
                "z" if event.shift_key() => CompareAction::Redo,
                "z" => CompareAction::Undo,
                "y" => CompareAction::Redo,
                _ => return,
            };
            event.prevent_default();
            dispatch.emit(action);
        })
    };
    let title = if model.article.title.trim().is_empty() {
        "this article".to_owned()
    } else {
        model.article.title.clone()
    };
    let has_files = !model.class.files.is_empty();
    html! {
        <section class="qm-compare" aria-label="Compare a class's files" {onkeydown}>
            <h2 class="qm-compare-title">{format!("Compare a class's files: {title}")}</h2>
            <p class="qm-compare-status" role="status" aria-live="polite" aria-atomic="true">
                <span key={model.serial.to_string()}>{model.message.clone()}</span>
            </p>
            <FileDrop view={view.clone()} />
            if has_files {
                <CompareFilters view={view.clone()} />
                <div class="qm-compare-reading">
                    <PassageArticle view={view.clone()} />
                    <PassageDetails view={view.clone()} />
                </div>
                <ScoreBoard view={view.clone()} />
                <KeyCurator view={view.clone()} />
                <FeedbackTable view={view} />
            } else {
                <p class="qm-compare-hint">
                    {"Open or drop the files your students exported from Quotemark for this article (several at once)."}
                </p>
            }
        </section>
    }
}
