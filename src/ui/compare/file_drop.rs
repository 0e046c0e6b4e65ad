//! Opening a class's files: a file picker that takes several files at once and a drop zone,
//! then the list of files loaded (with how each was read) and of files left out (with why).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, FileList, HtmlInputElement};
use yew::prelude::*;

use super::model::{CompareAction, View};
use crate::core::interchange::MAX_IMPORT_BYTES;

#[derive(Properties, PartialEq)]
pub struct FileDropProps {
    pub view: View,
}

/// Reads every file's text, then hands them over in one action (one rescoring, one message).
fn read_files(list: FileList, dispatch: Callback<CompareAction>) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::new();
        let mut problems = Vec::new();
        for file in files {
            let name = file.name();
            // Too big to be a class file; never read into memory.
            if file.size() > MAX_IMPORT_BYTES as f64 {
                problems.push(format!("“{name}” is too large to be an exported file."));
                continue;
            }
            match JsFuture::from(file.text()).await {
                Ok(text) => read.push((name, text.as_string().unwrap_or_default())),
                Err(_) => problems.push(format!("“{name}” could not be read.")),
            }
        }
        if !read.is_empty() {
            dispatch.emit(CompareAction::AddFiles(read));
        }
        if !problems.is_empty() {
            dispatch.emit(CompareAction::Say(problems.join(" ")));
        }
    });
}

#[component]
pub fn FileDrop(props: &FileDropProps) -> Html {
    let model = &props.view.model;
    let over = use_state(|| false);
    let onchange = {
        let dispatch = props.view.dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(list) = input.files() {
                read_files(list, dispatch.clone());
            }
            // The same files can be chosen again later.
            input.set_value("");
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let dispatch = props.view.dispatch.clone();
        let over = over.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(false);
            if let Some(list) = event.data_transfer().and_then(|data| data.files()) {
                read_files(list, dispatch.clone());
            }
        })
    };
    let zone = classes!(
        "qm-compare-drop",
        (*over).then_some("qm-compare-drop--over")
    );
    html! {
        <div class="qm-compare-files">
            <div class={zone} {ondragover} {ondragleave} {ondrop}>
                <label class="qm-compare-open">
                    {"Open files…"}
                    <input type="file" multiple=true accept=".json,.jsonld,application/json,application/ld+json"
                        class="qm-compare-input" data-qm-compare-files="" {onchange} />
                </label>
                <span>{" or drop exported files here."}</span>
            </div>
            if !model.class.files.is_empty() {
                <ul class="qm-compare-loaded" aria-label="Files loaded">
                    { for model.class.files.iter().map(|file| html! {
                        <li key={file.name.clone()}>
                            <strong>{file.name.clone()}</strong>
                            if file.name != file.file_name {
                                <span class="qm-compare-muted">{format!(" ({})", file.file_name)}</span>
                            }
                            {" — "}{file.summary()}
                        </li>
                    }) }
                </ul>
            }
            if !model.class.refused.is_empty() {
                <div role="alert">
                    <ul class="qm-compare-refused" aria-label="Files left out">
                        { for model.class.refused.iter().map(|refused| html! {
                            <li>{refused.message.clone()}</li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}
