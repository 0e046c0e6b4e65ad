//! What a click or tap on a highlight shows, where the reader is looking: the speaker, the
//! note and the status of that annotation, with a way to edit the note or open its card. On
//! a phone the panel is far below the article; a hover tooltip never appears on touch.

use yew::prelude::*;

use crate::core::document::AnnotationKind;
use crate::core::render::panel::{kind_label, status_label, SpeakerInfo};
use crate::ui::components::article_view::{focus_mark, start_mark};
use crate::ui::components::speaker_chip::SpeakerChip;
use crate::ui::state::AppAction;
use crate::ui::store::StateHandle;

/// Longest excerpt of the quote shown, in characters.
const EXCERPT_CHARS: usize = 90;

#[component]
pub fn MarkCallout() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let Some(id) = state.focused.clone().filter(|_| state.callout) else {
        return Html::default();
    };
    let document = state.document();
    let Some(annotation) = document.annotation(&id) else {
        return Html::default();
    };
    let speaker = annotation
        .speaker
        .as_ref()
        .and_then(|id| document.speaker(id))
        .map(SpeakerInfo::of);
    let is_quote = annotation.kind == AnnotationKind::Quote;
    let exact = &annotation.selectors.quote.exact;
    let mut excerpt: String = exact.chars().take(EXCERPT_CHARS).collect();
    if exact.chars().count() > EXCERPT_CHARS {
        excerpt.push('…');
    }
    let note = annotation.note.trim().to_owned();
    let status = status_label(annotation.status);
    let kind = kind_label(annotation.kind);

    // Closing gives keyboard focus back to the highlight, never to the page's body.
    let close = {
        let state = state.clone();
        let id = id.clone();
        Callback::from(move |event: MouseEvent| {
            state.dispatch(AppAction::CloseCallout);
            refocus(&event, &id);
        })
    };
    let onkeydown = {
        let state = state.clone();
        let id = id.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                state.dispatch(AppAction::CloseCallout);
                refocus(&event, &id);
            }
        })
    };
    let edit_note = {
        let state = state.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(AppAction::Focus(Some(id.clone())));
            state.dispatch(AppAction::EditNote(Some(id.clone())));
        })
    };
    let open_card = {
        let state = state.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::Focus(Some(id.clone()))))
    };
    html! {
        <section class="qm-callout" role="region" aria-label={format!("{kind}: who said it and the note")}
                 {onkeydown}>
            <p class="qm-callout-meta">
                <span class="qm-kind">{kind}</span>
                if is_quote {
                    <SpeakerChip {speaker} />
                }
                if let Some(status) = status {
                    <span class="qm-callout-status">{status}</span>
                }
            </p>
            <p class="qm-callout-quote">{format!("“{excerpt}”")}</p>
            if note.is_empty() {
                <p class="qm-callout-note qm-callout-empty">{"No note."}</p>
            } else {
                <p class="qm-callout-note">{note}</p>
            }
            <div class="qm-callout-actions">
                if !state.read_only {
                    <button type="button" onclick={edit_note}>{"Edit note"}</button>
                }
                <button type="button" onclick={open_card}>{"Show in list"}</button>
                <button type="button" onclick={close}>{"Close"}</button>
            </div>
        </section>
    }
}

/// Moves keyboard focus from the callout back to the highlight it describes.
fn refocus(event: &Event, id: &crate::core::document::AnnotationId) {
    let article = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|element| element.closest("article").ok().flatten());
    if let Some(mark) = article.and_then(|article| start_mark(&article, id)) {
        focus_mark(&mark);
    }
}
