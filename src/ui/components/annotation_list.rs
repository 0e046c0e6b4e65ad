//! The panel's list of annotations in article order, one card each, showing at most a page of
//! [`PAGE`] cards at a time with a "Show more" button for the rest.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::anchoring::AnchorStatus;
use crate::core::render::panel::Filter;
use crate::core::render::panel::{cached_speaker_infos, SpeakerInfo, PAGE};
use crate::core::text::TextIndex;
use crate::ui::components::annotation_card::AnnotationCard;
use crate::ui::store::StateHandle;

#[derive(Properties, Clone, PartialEq)]
pub struct AnnotationListProps {
    /// Indices into the document's annotations that the filter lets through, in order.
    pub matches: Rc<Vec<usize>>,
}

#[component]
pub fn AnnotationList(props: &AnnotationListProps) -> Html {
    let state = use_context::<StateHandle>();
    // How many cards the reader asked to see, for the filter it was asked under: a new filter
    // starts again from one page.
    let shown = use_state_eq(|| (Filter::default(), PAGE));
    // The same Rc while the speakers look the same, so cards see unchanged props.
    let speakers_cache = use_mut_ref(|| Rc::new(Vec::<SpeakerInfo>::new()));
    let Some(state) = state else {
        return Html::default();
    };

    let document = state.document();
    let speakers = cached_speaker_infos(&speakers_cache, document);

    let matches = &props.matches;
    let asked = if shown.0 == state.filter {
        shown.1
    } else {
        PAGE
    };
    // The focused annotation's card is always rendered, so it can be scrolled to.
    let focused_position = state.focused.as_ref().and_then(|id| {
        matches.iter().position(|&index| {
            document
                .annotations()
                .get(index)
                .is_some_and(|annotation| &annotation.id == id)
        })
    });
    let limit = match focused_position {
        Some(position) if position >= asked => (position / PAGE + 1) * PAGE,
        _ => asked,
    };

    if document.annotations().is_empty() {
        return html! {
            <p class="qm-empty">
                {"No annotations yet. Select a passage in the article to quote or highlight it."}
            </p>
        };
    }
    if matches.is_empty() {
        return html! { <p class="qm-empty">{"No annotations match these filters."}</p> };
    }

    let text = state.article.text_content();
    let mut text_index: Option<TextIndex> = None;
    let dispatch = state.dispatcher();
    let can_update_range = state.pending.is_some();
    let cards: Html = matches
        .iter()
        .take(limit)
        .filter_map(|&index| document.annotations().get(index))
        .map(|annotation| {
            let speaker = annotation
                .speaker
                .as_ref()
                .and_then(|id| speakers.iter().find(|speaker| &speaker.id == id))
                .cloned();
            // An approximate match reads differently from what was quoted: show what is there.
            let current_text = match (annotation.status, annotation.range) {
                (AnchorStatus::Fuzzy { .. }, Some(range)) => text_index
                    .get_or_insert_with(|| TextIndex::new(text))
                    .slice(range)
                    .ok()
                    .map(str::to_owned),
                _ => None,
            };
            html! {
                <AnnotationCard
                    key={annotation.id.0.clone()}
                    annotation={annotation.clone()}
                    {speaker}
                    speakers={speakers.clone()}
                    {current_text}
                    focused={state.focused.as_ref() == Some(&annotation.id)}
                    reveal={state.reveal_focused}
                    editing={state.editing_note.as_ref() == Some(&annotation.id)}
                    {can_update_range}
                    read_only={state.read_only}
                    dispatch={dispatch.clone()}
                />
            }
        })
        .collect();

    let remaining = matches.len().saturating_sub(limit);
    let show_more = {
        let shown = shown.clone();
        let filter = state.filter.clone();
        Callback::from(move |_: MouseEvent| shown.set((filter.clone(), limit + PAGE)))
    };
    html! {
        <>
            <ol class="qm-cards" aria-label="Annotations">{cards}</ol>
            if remaining > 0 {
                <button type="button" class="qm-button qm-more" onclick={show_more}>
                    {format!("Show {} more", remaining.min(PAGE))}
                </button>
            }
        </>
    }
}
