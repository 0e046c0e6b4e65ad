//! The scores: the pair matrix (span F1 exact / overlap and Cohen's κ on speakers), each
//! annotator's averages, unitizing α_u and speaker α, the reading notes, and the CSV export.

use yew::prelude::*;

use super::model::{number, CompareAction, View};
use crate::core::agreement::export_scores_csv;
use crate::platform::download;

#[derive(Properties, PartialEq)]
pub struct ScoreBoardProps {
    pub view: View,
}

#[component]
pub fn ScoreBoard(props: &ScoreBoardProps) -> Html {
    let model = &props.view.model;
    let report = &model.report;
    let export = {
        let model = model.clone();
        let dispatch = props.view.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = export_scores_csv(&model.report);
            let said = match download::download(
                &model.file_name("scores", "csv"),
                "text/csv;charset=utf-8",
                &csv,
            ) {
                Ok(()) => "Scores download started.",
                Err(_) => "The browser refused the download.",
            };
            dispatch.emit(CompareAction::Say(said.to_owned()));
        })
    };
    let names = &report.annotators;
    let notes = report.notes.iter().chain(report.speaker_alpha.notes.iter());
    html! {
        <section class="qm-compare-scores" aria-labelledby="qm-compare-scores-title">
            <h3 id="qm-compare-scores-title">{"Agreement scores"}</h3>
            <p data-qm-compare-alpha="">
                {format!(
                    "Unitizing α_u (where passages were marked): {}. Speaker α (who said it): {} over {} passages.",
                    number(report.unitizing.marked.alpha),
                    number(report.speaker_alpha.alpha),
                    report.speaker_alpha.units
                )}
            </p>
            <div class="qm-compare-scroll">
                <table class="qm-compare-matrix">
                    <caption>{"Pairs: span F1 exact / overlap, and κ on speakers"}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"Annotator"}</th>
                            { for names.iter().map(|name| html! { <th scope="col">{name.clone()}</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for names.iter().enumerate().map(|(row, name)| html! {
                            <tr>
                                <th scope="row">{name.clone()}</th>
                                { for (0..names.len()).map(|column| match report.pair(row, column) {
                                    None => html! { <td class="qm-compare-muted">{"—"}</td> },
                                    Some(pair) => html! {
                                        <td>
                                            {format!(
                                                "{} / {}, κ {}",
                                                number(Some(pair.all.exact)),
                                                number(Some(pair.all.overlap)),
                                                number(pair.speakers.kappa)
                                            )}
                                        </td>
                                    },
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <table class="qm-compare-averages">
                <caption>{"Each annotator's averages over their pairs"}</caption>
                <thead>
                    <tr>
                        <th scope="col">{"Annotator"}</th>
                        <th scope="col">{"Marks"}</th>
                        <th scope="col">{"Span F1 exact"}</th>
                        <th scope="col">{"Span F1 overlap"}</th>
                        <th scope="col">{"Speaker agreement"}</th>
                        <th scope="col">{"κ"}</th>
                    </tr>
                </thead>
                <tbody>
                    { for report.per_annotator.iter().map(|summary| html! {
                        <tr>
                            <th scope="row">{summary.name.clone()}</th>
                            <td>{summary.spans}</td>
                            <td>{number(summary.mean_exact_f1)}</td>
                            <td>{number(summary.mean_overlap_f1)}</td>
                            <td>{number(summary.mean_speaker_agreement)}</td>
                            <td>{number(summary.mean_kappa)}</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <ul class="qm-compare-notes" aria-label="Reading notes">
                { for notes.map(|note| html! { <li>{note.text.clone()}</li> }) }
            </ul>
            <button type="button" data-qm-compare-export-scores="" onclick={export}>
                {"Export scores (CSV)"}
            </button>
        </section>
    }
}
