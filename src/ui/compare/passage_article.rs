//! The article with the class's passages drawn over it: each passage shaded by how many of the
//! shown annotators marked it, underlined in a matching style and followed by a count ("2/3"),
//! so the level never rests on colour alone. A passage is a button: a click, Enter or Space
//! opens who marked what.

use yew::prelude::*;

use super::model::{CompareAction, View};
use crate::core::article::BlockKind;
use crate::core::classroom::PassageRun;
use crate::core::render::pieces::cut_block;
use crate::core::text::CharRange;

#[derive(Properties, PartialEq)]
pub struct PassageArticleProps {
    pub view: View,
}

fn passage_label(passage: &PassageRun, shown: usize) -> String {
    let mut label = format!(
        "{}: {} of {}",
        passage.level.label(),
        passage.annotators.len(),
        shown
    );
    if !passage.speakers.is_empty() {
        label.push_str(&format!("; speakers: {}", passage.speakers.join(", ")));
    }
    label
}

#[component]
pub fn PassageArticle(props: &PassageArticleProps) -> Html {
    let model = &props.view.model;
    let shown = model.filter.shown_count(model.annotators.len());
    let select = |range: CharRange| {
        let dispatch = props.view.dispatch.clone();
        (
            {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.emit(CompareAction::Select(Some(range)))
                })
            },
            Callback::from(move |event: KeyboardEvent| {
                if event.key() == "Enter" || event.key() == " " {
                    event.prevent_default();
                    dispatch.emit(CompareAction::Select(Some(range)));
                }
            }),
        )
    };
    let blocks = model
        .article
        .blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let passages: &[PassageRun] = model.passages.get(index).map_or(&[], Vec::as_slice);
            let marks: Vec<CharRange> = passages.iter().map(|p| p.range).collect();
            let pieces = cut_block(&block.spans, block.start, &marks);
            let marks_of: Vec<Option<usize>> = pieces.iter().map(|piece| piece.mark).collect();
            // Each piece's first code point, so a text selection maps back to the article
            // (the key editor's "Use the selected text").
            let starts: Vec<usize> = pieces
                .iter()
                .scan(block.start, |at, piece| {
                    let start = *at;
                    *at += piece.text.chars().count();
                    Some(start)
                })
                .collect();
            let content = pieces.into_iter().enumerate().map(|(at, piece)| {
            let piece_start = starts[at].to_string();
            let Some(mark) = piece.mark else {
                return html! { <span data-qm-at={piece_start}>{piece.text}</span> };
            };
            let passage = &passages[mark];
            // One tab stop per passage, on its first piece; the rest answer clicks.
            let first = at == 0 || marks_of[at - 1] != Some(mark);
            let last = marks_of.get(at + 1).copied().flatten() != Some(mark);
            let (onclick, onkeydown) = select(passage.range);
            let selected = model.selected == Some(passage.range);
            // The visible text first, then the level in words: a voice user says what they see.
            let name = first.then(|| format!("{}: {}", piece.text, passage_label(passage, shown)));
            let class = classes!(
                "qm-agree",
                format!("qm-agree--{}", passage.level.class()),
                selected.then_some("qm-agree--selected")
            );
            html! {
                <>
                    <mark {class} {onclick}
                        data-qm-at={piece_start}
                        data-qm-passage={format!("{}-{}", passage.range.start, passage.range.end)}
                        data-level={passage.level.class()}
                        role={first.then_some("button")}
                        tabindex={first.then_some("0")}
                        aria-pressed={first.then(|| selected.to_string())}
                        aria-label={name}
                        onkeydown={first.then_some(onkeydown)}
                        title={passage_label(passage, shown)}>
                        {piece.text}
                    </mark>
                    if last {
                        // The count is the level in words for sighted readers; the button's
                        // label already says it to screen readers.
                        <sup class="qm-agree-count" aria-hidden="true">
                            {format!("{}/{}", passage.annotators.len(), shown)}
                        </sup>
                    }
                </>
            }
        });
            let class = match block.kind {
                BlockKind::Heading { .. } => "qm-compare-block qm-compare-block--heading",
                BlockKind::BlockQuote => "qm-compare-block qm-compare-block--quote",
                BlockKind::ListItem { .. } => "qm-compare-block qm-compare-block--item",
                _ => "qm-compare-block",
            };
            html! {
                <p {class} key={index} data-qm-compare-block={index.to_string()}>{ for content }</p>
            }
        });
    html! {
        <div class="qm-compare-article" aria-label="The article with everyone's marks">
            <p class="qm-compare-legend">
                <span class="qm-agree qm-agree--all">{"all marked"}</span>{" "}
                <span class="qm-agree qm-agree--some">{"some marked"}</span>{" "}
                <span class="qm-agree qm-agree--one">{"one marked"}</span>
                {" — select a passage (click, or Tab then Enter) to see who marked what."}
            </p>
            { for blocks }
        </div>
    }
}
