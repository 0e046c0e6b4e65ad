//! Getting annotations in and out as files: download or copy the native JSON, W3C JSON-LD or
//! CSV, and import a native or W3C file (merge, or replace after a confirmation), with a report
//! of what was added, what was a duplicate and what was skipped and why.

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use gloo::file::File;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::interchange::{
    self, ImportError, ImportMode, ImportReport, OtherArticle, MAX_IMPORT_BYTES,
};
use crate::platform::download;
use crate::ui::components::app::ExportAnnotator;
use crate::ui::state::{AppAction, AppState};
use crate::ui::store::StateHandle;
use crate::ui::time::now;

/// The formats offered for export.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Native,
    W3c,
    Csv,
}

impl ExportFormat {
    fn file_suffix(self) -> &'static str {
        match self {
            Self::Native => "quotemark.json",
            Self::W3c => "w3c.jsonld",
            Self::Csv => "csv",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Self::Native => "application/json",
            Self::W3c => "application/ld+json",
            Self::Csv => "text/csv;charset=utf-8",
        }
    }
}

/// The export text of the current document in `format`, signed by `annotator` when given.
pub fn export_text(state: &AppState, format: ExportFormat, annotator: Option<&str>) -> String {
    let document = state.document();
    let meta = interchange::ArticleMeta::of(&state.article, document.article_id().to_owned());
    match format {
        ExportFormat::Native => interchange::export_native_by(document, &meta, annotator),
        ExportFormat::W3c => {
            interchange::export_w3c_by(document, &meta, state.article.text_content(), annotator)
        }
        ExportFormat::Csv => interchange::export_csv(document),
    }
}

/// Offers the current annotations as a file download.
pub fn download_export(
    state: &AppState,
    format: ExportFormat,
    annotator: Option<&str>,
) -> Result<(), String> {
    let name = format!("{}.{}", file_stem(&state.article_key), format.file_suffix());
    download::download(&name, format.mime(), &export_text(state, format, annotator))
        .map_err(|_| "The browser refused the download.".to_owned())
}

/// A file name from an article key: letters, digits, dashes.
fn file_stem(key: &str) -> String {
    let stem: String = key
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(60)
        .collect();
    if stem.trim_matches('-').is_empty() {
        "annotations".to_owned()
    } else {
        stem
    }
}

/// What the import part shows.
#[derive(Clone, PartialEq)]
enum ImportView {
    Idle,
    Reading(String),
    /// A replace waiting for the reader's confirmation.
    ConfirmReplace {
        file_name: String,
        text: Rc<String>,
    },
    Done(Rc<ImportReport>),
    Failed(String),
    /// The file was made on a different article: imported only if the reader insists.
    OtherArticle {
        message: String,
        text: Rc<String>,
        mode: ImportMode,
    },
}

#[component]
pub fn FileActions() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let annotator = use_context::<ExportAnnotator>().unwrap_or_default();
    let view = use_state(|| ImportView::Idle);
    let copied = use_state(String::new);
    let mode = use_state(|| ImportMode::Merge);
    let reader = use_mut_ref(|| None::<FileReader>);
    let file_ref = use_node_ref();

    let export = |format: ExportFormat| {
        let state = state.clone();
        let copied = copied.clone();
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| {
            match download_export(&state, format, annotator.name()) {
                Ok(()) => copied.set("Download started.".to_owned()),
                Err(message) => copied.set(message),
            }
        })
    };
    let copy = {
        let state = state.clone();
        let copied = copied.clone();
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| {
            let text = export_text(&state, ExportFormat::Native, annotator.name());
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(match download::copy_to_clipboard(&text).await {
                    Ok(()) => "Copied the JSON to the clipboard.".to_owned(),
                    Err(_) => "The browser did not allow copying; use Download instead.".to_owned(),
                });
            });
        })
    };

    let run_import = {
        let state = state.clone();
        let view = view.clone();
        Rc::new(move |text: &str, mode: ImportMode, other: OtherArticle| {
            let outcome = {
                let current = state.document();
                interchange::import_action(
                    current,
                    state.article.text_content(),
                    text,
                    mode,
                    other,
                    now(),
                )
            };
            match outcome {
                Ok((action, report)) => {
                    state.dispatch(AppAction::Apply { action, now: now() });
                    view.set(ImportView::Done(Rc::new(report)));
                }
                Err(error @ ImportError::DifferentArticle { .. }) => {
                    view.set(ImportView::OtherArticle {
                        message: format!("Nothing was imported: {error}"),
                        text: Rc::new(text.to_owned()),
                        mode,
                    })
                }
                Err(error) => {
                    view.set(ImportView::Failed(format!("Nothing was imported: {error}")))
                }
            }
        })
    };

    let onchange = {
        let view = view.clone();
        let mode = mode.clone();
        let reader = reader.clone();
        let run_import = run_import.clone();
        let file_ref = file_ref.clone();
        Callback::from(move |_: Event| {
            let Some(input) = file_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let file = File::from(file);
            let name = file.name();
            if file.size() as usize > MAX_IMPORT_BYTES {
                view.set(ImportView::Failed(format!(
                    "Nothing was imported: “{name}” is larger than the {} MiB limit.",
                    MAX_IMPORT_BYTES / (1024 * 1024)
                )));
                return;
            }
            view.set(ImportView::Reading(name.clone()));
            let view = view.clone();
            let mode = *mode;
            let run_import = run_import.clone();
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(
                &file,
                move |result| match result {
                    Err(_) => view.set(ImportView::Failed(format!(
                        "Nothing was imported: “{name}” could not be read as text."
                    ))),
                    Ok(text) if mode == ImportMode::Replace => {
                        view.set(ImportView::ConfirmReplace {
                            file_name: name,
                            text: Rc::new(text),
                        })
                    }
                    Ok(text) => run_import(&text, mode, OtherArticle::Refuse),
                },
            ));
        })
    };
    let set_mode = |value: ImportMode| {
        let mode = mode.clone();
        Callback::from(move |_: Event| mode.set(value))
    };
    let confirm = {
        let view = view.clone();
        let run_import = run_import.clone();
        Callback::from(move |_: MouseEvent| {
            if let ImportView::ConfirmReplace { text, .. } = &*view {
                run_import(text, ImportMode::Replace, OtherArticle::Refuse);
            }
        })
    };
    let import_anyway = {
        let view = view.clone();
        let run_import = run_import.clone();
        Callback::from(move |_: MouseEvent| {
            if let ImportView::OtherArticle { text, mode, .. } = &*view {
                run_import(text, *mode, OtherArticle::Allow);
            }
        })
    };
    let cancel = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(ImportView::Idle))
    };

    let report = match &*view {
        ImportView::Idle => Html::default(),
        ImportView::Reading(name) => html! { <p role="status">{format!("Reading “{name}”…")}</p> },
        ImportView::ConfirmReplace { file_name, .. } => html! {
            <div class="qm-banner qm-banner-info" role="alertdialog" aria-label="Confirm replace">
                <p>{format!(
                    "Replace all {} annotations with those in “{file_name}”? You can undo this.",
                    state.document().annotations().len()
                )}</p>
                <button type="button" class="qm-primary" onclick={confirm}>{"Replace"}</button>
                <button type="button" onclick={cancel.clone()}>{"Keep mine"}</button>
            </div>
        },
        ImportView::Done(report) => html! {
            <div class="qm-import-report" role="status">
                <p>{report.to_string()}</p>
                if !report.skipped.is_empty() {
                    <details>
                        <summary>{format!("Why {} items were skipped", report.skipped.len())}</summary>
                        <ul>
                            { for report.skipped.iter().map(|item| html! { <li>{item.to_string()}</li> }) }
                        </ul>
                    </details>
                }
            </div>
        },
        ImportView::OtherArticle { message, .. } => html! {
            <div class="qm-error" role="alert">
                <span>{message.clone()}</span>
                <button type="button" onclick={import_anyway}>{"Import anyway"}</button>
                <button type="button" onclick={cancel.clone()}>{"Dismiss"}</button>
            </div>
        },
        ImportView::Failed(message) => html! {
            <div class="qm-error" role="alert">
                <span>{message.clone()}</span>
                <button type="button" onclick={cancel}>{"Dismiss"}</button>
            </div>
        },
    };
    let read_only = state.read_only;
    html! {
        <div class="qm-files">
            <div class="qm-files-row">
                <button type="button" onclick={export(ExportFormat::Native)}>{"Download JSON"}</button>
                <button type="button" onclick={export(ExportFormat::W3c)}>{"Download W3C JSON-LD"}</button>
                <button type="button" onclick={export(ExportFormat::Csv)}>{"Download CSV"}</button>
                <button type="button" onclick={copy}>{"Copy JSON"}</button>
            </div>
            <p class="qm-files-status" role="status">{(*copied).clone()}</p>
            if !read_only {
                <fieldset class="qm-files-import">
                    <legend>{"Import annotations (Quotemark or W3C JSON)"}</legend>
                    <label>
                        <input type="radio" name="qm-import-mode" checked={*mode == ImportMode::Merge}
                               onchange={set_mode(ImportMode::Merge)} />
                        {"Merge with mine"}
                    </label>
                    <label>
                        <input type="radio" name="qm-import-mode" checked={*mode == ImportMode::Replace}
                               onchange={set_mode(ImportMode::Replace)} />
                        {"Replace mine"}
                    </label>
                    <label class="qm-files-file">
                        {"File"}
                        <input type="file" ref={file_ref} accept=".json,.jsonld,application/json,application/ld+json" {onchange} />
                    </label>
                </fieldset>
            }
            {report}
        </div>
    }
}
