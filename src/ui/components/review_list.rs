//! Annotations to review after the article changed: approximate matches (accept where they
//! are now, or re-select) and orphans (re-select or delete). Renders nothing when there are
//! none.

use yew::prelude::*;

use crate::core::anchoring;
use crate::core::document::{Action, AnnotationId};
use crate::core::render::panel::{dom_id, kind_label, needs_review, status_label, PAGE};
use crate::core::text::TextIndex;
use crate::ui::state::AppAction;
use crate::ui::store::StateHandle;
use crate::ui::time::now;

#[component]
pub fn ReviewList() -> Html {
    let state = use_context::<StateHandle>();
    // The annotation the reader is re-selecting a passage for.
    let reselecting = use_state_eq(|| None::<AnnotationId>);
    let problem = use_state_eq(|| None::<String>);
    let limit = use_state_eq(|| PAGE);
    let Some(state) = state else {
        return Html::default();
    };
    let document = state.document();
    let to_review: Vec<_> = document
        .annotations()
        .iter()
        .filter(|a| needs_review(a))
        .collect();
    if to_review.is_empty() {
        return Html::default();
    }

    let dispatch = state.dispatcher();
    let text = state.article.text_content();
    let mut text_index: Option<TextIndex> = None;
    let read_only = state.read_only;
    let items: Html = to_review
        .iter()
        .take(*limit)
        .map(|annotation| {
            let id = annotation.id.clone();
            let current = annotation.range.and_then(|range| {
                text_index
                    .get_or_insert_with(|| TextIndex::new(text))
                    .slice(range)
                    .ok()
                    .map(str::to_owned)
            });
            let accept = annotation.range.map(|range| {
                let dispatch = dispatch.clone();
                let problem = problem.clone();
                let id = id.clone();
                let article = state.article.clone();
                Callback::from(move |_: MouseEvent| match anchoring::capture(article.text_content(), range) {
                    Ok(selectors) => {
                        problem.set(None);
                        dispatch.emit(AppAction::Apply {
                            action: Action::AcceptAnchor {
                                id: id.clone(),
                                selectors,
                            },
                            now: now(),
                        });
                    }
                    Err(error) => problem.set(Some(format!("Could not accept it: {error}"))),
                })
            });
            let reselect = {
                let dispatch = dispatch.clone();
                let reselecting = reselecting.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.emit(AppAction::Focus(Some(id.clone())));
                    reselecting.set(Some(id.clone()));
                })
            };
            let update_range = {
                let dispatch = dispatch.clone();
                let reselecting = reselecting.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.emit(AppAction::MovePendingTo {
                        id: id.clone(),
                        now: now(),
                    });
                    reselecting.set(None);
                })
            };
            let delete = {
                let dispatch = dispatch.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.emit(AppAction::Apply {
                        action: Action::DeleteAnnotation { id: id.clone() },
                        now: now(),
                    })
                })
            };
            let quote_id = dom_id("qm-review", &id.0);
            let is_reselecting = reselecting.as_ref() == Some(&id);
            html! {
                <li key={id.0.clone()} class="qm-review-item" data-qm-annotation={id.0.clone()}>
                    <p class="qm-card-meta">
                        <span class="qm-kind">{kind_label(annotation.kind)}</span>
                        <span class="qm-status">{status_label(annotation.status).unwrap_or_default()}</span>
                    </p>
                    <blockquote id={quote_id.clone()} class="qm-card-quote">
                        {annotation.selectors.quote.exact.clone()}
                    </blockquote>
                    if let Some(current) = current {
                        <p class="qm-was">{"Now matches: "}{current}</p>
                    }
                    if !read_only {
                        <div class="qm-actions">
                            if let Some(accept) = accept {
                                <button type="button" class="qm-button qm-accept" onclick={accept}
                                    aria-describedby={quote_id.clone()}>
                                    {"Accept"}
                                </button>
                            }
                            <button type="button" class="qm-button qm-reselect" onclick={reselect}
                                aria-describedby={quote_id.clone()}>
                                {"Re-select"}
                            </button>
                            if is_reselecting {
                                <button type="button" class="qm-button qm-primary"
                                    onclick={update_range}
                                    disabled={state.pending.is_none()}
                                    aria-describedby={quote_id.clone()}>{"Update range"}</button>
                            }
                            <button type="button" class="qm-button qm-danger" onclick={delete}
                                aria-describedby={quote_id.clone()}>
                                {"Delete"}
                            </button>
                        </div>
                    }
                    if is_reselecting {
                        <p class="qm-hint" role="status">
                            {"Select the right passage in the article, then choose Update range."}
                        </p>
                    }
                </li>
            }
        })
        .collect();
    let remaining = to_review.len().saturating_sub(*limit);
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    html! {
        <>
            <p class="qm-hint">
                {"The article changed since these were made. Check where they landed."}
            </p>
            if let Some(problem) = (*problem).clone() {
                <p class="qm-problem" role="alert">{problem}</p>
            }
            <ol class="qm-review" aria-label="Annotations to review">{items}</ol>
            if remaining > 0 {
                <button type="button" class="qm-button qm-more" onclick={show_more}>
                    {format!("Show {} more", remaining.min(PAGE))}
                </button>
            }
        </>
    }
}
