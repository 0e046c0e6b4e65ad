//! Who marked what over the selected passage: each annotator's span, its kind, its speaker and
//! its text, read out politely when it changes.

use yew::prelude::*;

use super::model::{CompareAction, View};
use crate::core::classroom::passage_details;
use crate::core::document::AnnotationKind;

#[derive(Properties, PartialEq)]
pub struct PassageDetailsProps {
    pub view: View,
}

#[component]
pub fn PassageDetails(props: &PassageDetailsProps) -> Html {
    let model = &props.view.model;
    let Some(range) = model.selected else {
        return html! {
            <aside class="qm-compare-details" aria-live="polite" data-qm-compare-details="">
                <p class="qm-compare-muted">{"No passage selected."}</p>
            </aside>
        };
    };
    let details = passage_details(
        &model.annotators,
        &model.filter,
        range,
        model.article.text_content(),
    );
    let close = {
        let dispatch = props.view.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(CompareAction::Select(None)))
    };
    html! {
        <aside class="qm-compare-details" aria-live="polite" data-qm-compare-details="">
            <h3>{format!("Who marked this passage ({})", details.len())}</h3>
            <ul>
                { for details.iter().map(|detail| {
                    let what = match (detail.kind, &detail.speaker) {
                        (AnnotationKind::Quote, Some(name)) => format!("quote, speaker {name}"),
                        (AnnotationKind::Quote, None) => "quote, unknown speaker".to_owned(),
                        (AnnotationKind::Highlight, _) => "highlight".to_owned(),
                    };
                    html! {
                        <li data-qm-detail={detail.annotator.clone()}>
                            <strong>{detail.annotator.clone()}</strong>{format!(": {what} — ")}
                            <q>{detail.text.clone()}</q>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" onclick={close}>{"Close"}</button>
        </aside>
    }
}
