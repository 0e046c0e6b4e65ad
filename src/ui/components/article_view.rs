//! The article: its blocks with their highlights. Turns the reader's selections, clicks and
//! arrow keys into actions, and brings the focused annotation into view.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::prelude::*;

use crate::core::article::Article;
use crate::core::document::{AnnotationId, AnnotationKind};
use crate::core::host::options::CreationMode;
use crate::core::render::chunks::chunk_ranges;
use crate::core::render::marks::step_through;
use crate::core::text::CharRange;
use crate::core::text::{Rounding, TextIndex};
use crate::platform::selection::{self, BlockPoint};
use crate::ui::components::block_chunk::BlockChunk;
use crate::ui::components::mark_callout::MarkCallout;
use crate::ui::components::overlap_chooser::OverlapChooser;
use crate::ui::state::{AppAction, SpeakerChoice};
use crate::ui::store::StateHandle;
use crate::ui::time::now;

/// Chunks drawn in the first render (about a hundred blocks: more than a tall screen), so the
/// first paint is quick.
const FIRST_CHUNKS: usize = 1;
/// Chunks added per later render, each in its own task, so the page stays responsive while a
/// long article (thousands of paragraphs) finishes drawing.
const MORE_CHUNKS: usize = 4;

#[component]
pub fn ArticleView() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let article_ref = use_node_ref();
    let chunks = use_memo(state.article.clone(), |article| chunk_ranges(article));
    let chunk_count = chunks.len();
    let drawn = use_state_eq(|| FIRST_CHUNKS.min(chunk_count));
    {
        let drawn = drawn.clone();
        use_effect_with((*drawn, chunk_count), move |&(count, total)| {
            let pending = (count < total).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    drawn.set((count + MORE_CHUNKS).min(total));
                })
            });
            move || drop(pending)
        });
    }
    let complete = *drawn >= chunk_count;
    // True while a mouse button or finger is down: the selection is still being made.
    let dragging = use_mut_ref(|| false);

    let read_selection = {
        let state = state.clone();
        let article_ref = article_ref.clone();
        Rc::new(move |clear_when_empty: bool| {
            let Some(article_element) = article_ref.cast::<Element>() else {
                return;
            };
            let range = shadow_root_of(&article_element)
                .and_then(|shadow| selection::current_range(&shadow))
                .and_then(|range| selection::block_selection(&article_element, &range))
                .map(|found| to_char_range(&state.article, found.start, found.end));
            match range {
                Some(range) => {
                    let unchanged = state.pending.as_ref().is_some_and(|p| p.range == range);
                    if !unchanged {
                        state.dispatch(AppAction::Select {
                            range: Some(range),
                            drawn: false,
                        });
                    }
                }
                None if clear_when_empty && state.pending.as_ref().is_some_and(|p| !p.drawn) => {
                    state.dispatch(AppAction::Select {
                        range: None,
                        drawn: false,
                    });
                }
                None => {}
            }
        })
    };

    // Touch selection handles move the selection without any event on the article itself.
    {
        let read_selection = read_selection.clone();
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|window| window.document())
                .map(|document| {
                    EventListener::new(&document, "selectionchange", move |_| {
                        if !*dragging.borrow() {
                            read_selection(false);
                        }
                    })
                });
            move || drop(listener)
        });
    }

    // Give the focused annotation keyboard focus (and bring it into view when the reader asked
    // to go there) — once per change of focus, not after every edit.
    {
        let article_ref = article_ref.clone();
        let focused = state.focused.clone();
        let reveal = state.reveal_focused;
        let editing = state.editing_note.clone();
        use_effect_with((focused, complete), move |(focused, _)| {
            let (Some(id), Some(article)) = (focused, article_ref.cast::<Element>()) else {
                return;
            };
            let Some(mark) = start_mark(&article, id) else {
                return;
            };
            if reveal {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
            if editing.as_ref() != Some(id) {
                focus_mark(&mark);
            }
        });
    }

    // A passage found with Find and mark is drawn as a pending mark: bring it into view, or
    // "Match 1 of 1 selected" would change nothing on screen.
    {
        let article_ref = article_ref.clone();
        let found = state.pending.as_ref().filter(|p| p.drawn).map(|p| p.range);
        use_effect_with((found, complete), move |(found, _)| {
            if found.is_none() {
                return;
            }
            let mark = article_ref
                .cast::<Element>()
                .and_then(|article| article.query_selector("mark.qm-pending").ok().flatten());
            if let Some(mark) = mark {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }

    let onpointerdown = {
        let dragging = dragging.clone();
        let article_ref = article_ref.clone();
        Callback::from(move |_: PointerEvent| {
            *dragging.borrow_mut() = true;
            // A pointer starts a selection: nothing here may stay focusable (see focus_mark).
            if let Some(article) = article_ref.cast::<Element>() {
                if let Ok(marks) = article.query_selector_all("mark[tabindex]") {
                    for index in 0..marks.length() {
                        if let Some(mark) =
                            marks.item(index).and_then(|n| n.dyn_into::<Element>().ok())
                        {
                            let _ = mark.remove_attribute("tabindex");
                        }
                    }
                }
            }
        })
    };
    let onpointerup = {
        let dragging = dragging.clone();
        let read_selection = read_selection.clone();
        let state = state.clone();
        Callback::from(move |_: PointerEvent| {
            *dragging.borrow_mut() = false;
            read_selection(true);
            // Highlight mode: letting go makes the highlight (the reducer ignores this when
            // nothing is selected or the widget is read-only).
            if state.creation == CreationMode::Highlight && !state.read_only {
                state.dispatch(AppAction::CreateFromPending {
                    kind: AnnotationKind::Highlight,
                    speaker: SpeakerChoice::Unknown,
                    note: String::new(),
                    now: now(),
                });
            }
        })
    };
    let onkeyup = {
        let read_selection = read_selection.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.shift_key() {
                read_selection(true);
            }
        })
    };
    let onfocusout = Callback::from(|event: FocusEvent| {
        if let Some(mark) = event_element(&event).filter(|e| e.local_name() == "mark") {
            let _ = mark.remove_attribute("tabindex");
        }
    });
    let onclick = {
        let state = state.clone();
        Callback::from(move |event: MouseEvent| {
            if state.pending.as_ref().is_some_and(|p| !p.drawn) {
                return;
            }
            if let Some(mark) =
                event_element(&event).and_then(|e| e.closest("mark[data-qm-ids]").ok().flatten())
            {
                inspect_mark(&state, &mark);
            }
        })
    };
    let onkeydown = {
        let state = state.clone();
        let article_ref = article_ref.clone();
        Callback::from(move |event: KeyboardEvent| {
            let mark = event_element(&event).filter(|e| e.local_name() == "mark");
            // Enter on a highlight does what a click does; Escape closes what it opened.
            match (event.key().as_str(), &mark) {
                ("Enter", Some(mark)) => {
                    event.prevent_default();
                    inspect_mark(&state, mark);
                    return;
                }
                ("Escape", Some(_)) if state.callout => {
                    event.prevent_default();
                    state.dispatch(AppAction::CloseCallout);
                    return;
                }
                _ => {}
            }
            let step: isize = match event.key().as_str() {
                "ArrowDown" | "ArrowRight" | "]" | "j" => 1,
                "ArrowUp" | "ArrowLeft" | "[" | "k" => -1,
                _ => return,
            };
            let on_mark = event_element(&event).is_some_and(|e| e.local_name() == "mark");
            let arrows = event.key().starts_with("Arrow");
            if arrows && !on_mark || event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let current = state.focused.as_ref().filter(|_| on_mark);
            let Some(id) = step_through(state.document(), current, step) else {
                return;
            };
            event.prevent_default();
            // Already the focused annotation (keyboard focus was elsewhere): the state does not
            // change, so nothing would move focus to it; do it here.
            if state.focused.as_ref() == Some(&id) {
                if let Some(mark) = article_ref
                    .cast::<Element>()
                    .and_then(|article| start_mark(&article, &id))
                {
                    focus_mark(&mark);
                }
            }
            state.dispatch(AppAction::Focus(Some(id)));
        })
    };

    let article = &state.article;
    let drawn_chunks: Html = chunks
        .iter()
        .take(*drawn)
        .map(|blocks| {
            html! {
                <BlockChunk
                    key={blocks.start}
                    article={article.clone()}
                    blocks={blocks.clone()}
                    marks={state.marks.blocks().clone()}
                />
            }
        })
        .collect();
    html! {
        <article
            class="qm-article"
            part="article"
            ref={article_ref}
            aria-busy={(!complete).then_some("true")}
            tabindex="0"
            aria-label={format!("Article: {}", article.title)}
            aria-describedby="qm-article-help"
            {onpointerdown}
            {onpointerup}
            {onkeyup}
            {onkeydown}
            {onclick}
            {onfocusout}
        >
            <p id="qm-article-help" class="qm-visually-hidden">
                {"Select text to annotate it. Press ] or [ to move between highlights, \
                  or use Find and mark to select a passage with the keyboard."}
            </p>
            {drawn_chunks}
            <OverlapChooser />
            <MarkCallout />
        </article>
    }
}

/// A click, tap or Enter on a highlight: show the one annotation there, or offer a choice
/// where several overlap.
fn inspect_mark(state: &StateHandle, mark: &Element) {
    let Some(mark) = mark.closest("mark[data-qm-ids]").ok().flatten() else {
        return;
    };
    let mut ids: Vec<AnnotationId> = mark
        .get_attribute("data-qm-ids")
        .unwrap_or_default()
        .split_whitespace()
        .map(|id| AnnotationId(id.to_owned()))
        .collect();
    match ids.len() {
        0 => {}
        1 => state.dispatch(AppAction::Inspect(ids.remove(0))),
        _ => state.dispatch(AppAction::Choose(Some(ids))),
    }
}

/// Converts a selection in block-relative UTF-16 offsets to a range of the text content.
fn to_char_range(article: &Article, start: BlockPoint, end: BlockPoint) -> CharRange {
    // An end inside a surrogate pair rounds up, a start down: never drop half an emoji.
    let position = |point: BlockPoint, round_up: bool| {
        article.blocks.get(point.block).map_or(0, |block| {
            let text = block.text();
            let rounding = if round_up {
                Rounding::Up
            } else {
                Rounding::Down
            };
            block.start + TextIndex::new(&text).utf16_to_char_clamped(point.utf16_offset, rounding)
        })
    };
    let (start, end) = (position(start, false), position(end, true));
    CharRange::new(start.min(end), end.max(start))
}

fn shadow_root_of(element: &Element) -> Option<ShadowRoot> {
    element.get_root_node().dyn_into::<ShadowRoot>().ok()
}

fn event_element(event: &Event) -> Option<Element> {
    event.composed_path().get(0).dyn_into::<Element>().ok()
}

/// Gives a highlight keyboard focus. It is focusable only while focused (the tabindex goes on
/// blur): Chromium starts no text selection on a focusable element, so a permanent tabindex
/// would stop readers from selecting across the start of a highlight.
pub fn focus_mark(mark: &HtmlElement) {
    let _ = mark.set_attribute("tabindex", "-1");
    // Scrolling, where wanted, is the caller's: a highlight just made is where the reader is.
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = mark.focus_with_options(&options);
}

/// The mark where annotation `id` begins.
pub fn start_mark(article: &Element, id: &AnnotationId) -> Option<HtmlElement> {
    let selector = format!("mark[data-qm-starts~=\"{}\"]", css_escape(&id.0));
    article
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|mark| mark.dyn_into::<HtmlElement>().ok())
}

/// Ids are ours ("a12"), but an imported file may carry anything: keep the selector valid.
fn css_escape(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '"' | '\\' => format!("\\{c}"),
            c if c.is_control() => format!("\\{:x} ", c as u32),
            c => c.to_string(),
        })
        .collect()
}
