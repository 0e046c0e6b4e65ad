//! Feedback for each student against the curated key: found, boundary off (partial credit),
//! wrong speaker, missed, extra and the score; a feedback file per student (opens in the
//! widget) and the gradebook as CSV.

use yew::prelude::*;

use super::model::{CompareAction, View};
use crate::core::agreement::gradebook_csv;
use crate::platform::download;

#[derive(Properties, PartialEq)]
pub struct FeedbackTableProps {
    pub view: View,
}

#[component]
pub fn FeedbackTable(props: &FeedbackTableProps) -> Html {
    let model = &props.view.model;
    let dispatch = props.view.dispatch.clone();
    let say = |dispatch: &Callback<CompareAction>,
               done: Result<(), wasm_bindgen::JsValue>,
               what: &str| {
        dispatch.emit(CompareAction::Say(match done {
            Ok(()) => format!("{what} download started."),
            Err(_) => "The browser refused the download.".to_owned(),
        }))
    };
    let gradebook = {
        let model = model.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = gradebook_csv(&model.feedback);
            let done = download::download(
                &model.file_name("gradebook", "csv"),
                "text/csv;charset=utf-8",
                &csv,
            );
            say(&dispatch, done, "Gradebook");
        })
    };
    html! {
        <section class="qm-compare-feedback" aria-labelledby="qm-compare-feedback-title">
            <h3 id="qm-compare-feedback-title">{"Feedback for each student"}</h3>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{"Student"}</th>
                        <th scope="col">{"Found"}</th>
                        <th scope="col">{"Boundary off"}</th>
                        <th scope="col">{"Wrong speaker"}</th>
                        <th scope="col">{"Missed"}</th>
                        <th scope="col">{"Extra"}</th>
                        <th scope="col">{"Score"}</th>
                        <th scope="col">{"File"}</th>
                    </tr>
                </thead>
                <tbody>
                    { for model.feedback.iter().map(|student| {
                        let download_one = {
                            let model = model.clone();
                            let dispatch = dispatch.clone();
                            let name = student.name.clone();
                            Callback::from(move |_: MouseEvent| {
                                let Some(file) = model.feedback_file(&name) else { return };
                                let done = download::download(
                                    &model.file_name(&format!("feedback-{name}"), "quotemark.json"),
                                    "application/json",
                                    &file,
                                );
                                say(&dispatch, done, "Feedback");
                            })
                        };
                        html! {
                            <tr data-qm-feedback={student.name.clone()}>
                                <th scope="row">{student.name.clone()}</th>
                                <td>{student.found}</td>
                                <td>{student.boundary_off}</td>
                                <td>{student.wrong_speaker}</td>
                                <td>{student.missed}</td>
                                <td>{student.extra_count()}</td>
                                <td>{format!("{:.1}", student.score)}</td>
                                <td>
                                    <button type="button" onclick={download_one}
                                        aria-label={format!("Download feedback for {}", student.name)}>
                                        {"Download feedback"}
                                    </button>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <button type="button" onclick={gradebook} data-qm-gradebook="">{"Download gradebook (CSV)"}</button>
        </section>
    }
}
