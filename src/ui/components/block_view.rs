//! One block of the article with its highlights. Memoised on its props: a change elsewhere in
//! the article leaves it alone, because its `BlockMarks` keep their `Rc` while unchanged.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::{Article, BlockKind, Span};
use crate::core::render::pieces::cut_block;
use crate::ui::state::{BlockMarks, MarkLayer, Tone};

#[derive(Properties, Clone)]
pub struct BlockViewProps {
    pub article: Rc<Article>,
    pub index: usize,
    pub marks: Rc<BlockMarks>,
}

impl PartialEq for BlockViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && self.index == other.index
            && Rc::ptr_eq(&self.marks, &other.marks)
    }
}

#[component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    let Some(block) = props.article.blocks.get(props.index) else {
        return Html::default();
    };
    let layers = &props.marks.layers;
    let ranges: Vec<_> = layers.iter().map(|layer| layer.range).collect();
    // Pieces of one span are formatted together, so a highlight ending inside a link leaves
    // one link (one element for assistive technology), with the mark inside it.
    let mut groups: Vec<(usize, Vec<Html>)> = Vec::new();
    for piece in cut_block(&block.spans, block.start, &ranges) {
        let text = html! { {piece.text} };
        let marked = match piece.layer.and_then(|layer| layers.get(layer)) {
            Some(layer) => render_mark(layer, text),
            None => text,
        };
        match groups.last_mut() {
            Some((span, nodes)) if *span == piece.span => nodes.push(marked),
            _ => groups.push((piece.span, vec![marked])),
        }
    }
    let content: Html = groups
        .into_iter()
        .filter_map(|(span, nodes)| {
            let span = block.spans.get(span)?;
            Some(format_span(span, nodes.into_iter().collect()))
        })
        .collect();
    let index = props.index.to_string();
    match block.kind {
        BlockKind::Heading { level } => {
            let tag = format!("h{}", level.clamp(1, 6));
            html! { <@{tag} data-qm-block={index}>{content}</@> }
        }
        BlockKind::Paragraph => html! { <p data-qm-block={index}>{content}</p> },
        BlockKind::BlockQuote => {
            html! { <blockquote><p data-qm-block={index}>{content}</p></blockquote> }
        }
        BlockKind::ListItem { depth, .. } => {
            let class = format!("qm-depth-{}", depth.min(6));
            html! { <li class={class} data-qm-block={index}>{content}</li> }
        }
        // Always inside a `<figure>` (see `BlockChunk`).
        BlockKind::FigureCaption => {
            html! { <figcaption class="qm-caption" data-qm-block={index}>{content}</figcaption> }
        }
        // Inside its `<td>`/`<th>` (see `TableView`); a cell may hold several blocks.
        BlockKind::TableCell { .. } => {
            html! { <p class="qm-cell-text" data-qm-block={index}>{content}</p> }
        }
    }
}

/// A highlight run: a real `<mark>` that assistive technology reads, described by who said
/// it. The speaker's initials are drawn by CSS from `data-qm-label`, so the DOM holds article
/// text only and selection offsets stay exact.
fn render_mark(layer: &MarkLayer, text: Html) -> Html {
    let mut class = classes!("qm-mark");
    match layer.colour {
        Some(colour) => class.push(format!("qm-c{colour}")),
        None if layer.highlight => class.push("qm-highlight"),
        None if !layer.ids.is_empty() => class.push("qm-unknown"),
        None => {}
    }
    if layer.ids.len() > 1 {
        class.push("qm-overlap");
    }
    match layer.outer {
        Some(Tone::Speaker(colour)) => class.push(format!("qm-outer-c{colour}")),
        Some(Tone::Unknown) => class.push("qm-outer-unknown"),
        Some(Tone::Highlight) => class.push("qm-outer-highlight"),
        None => {}
    }
    if layer.pending {
        class.push("qm-pending");
    }
    if layer.suggested {
        class.push("qm-suggested");
    }
    let ids = join_ids(layer.ids.iter().map(|id| id.0.as_str()));
    let starts = join_ids(layer.starts.iter().map(|(id, _)| id.0.as_str()));
    let label = layer
        .starts
        .iter()
        .map(|(_, label)| label.as_str())
        .collect::<Vec<_>>()
        .join("·");
    let description = if layer.pending && layer.ids.is_empty() {
        "Selected passage".to_owned()
    } else if layer.suggested && layer.ids.is_empty() {
        "Suggested quote, not yet accepted".to_owned()
    } else {
        layer.description.clone()
    };
    html! {
        <mark
            {class}
            data-qm-ids={ids}
            data-qm-starts={starts}
            data-qm-label={(!label.is_empty()).then_some(label)}
            aria-description={description.clone()}
            title={description}
        >
            {text}
        </mark>
    }
}

fn join_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Option<String> {
    let joined = ids.collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// Wraps a piece in its span's formatting. Text always goes through Yew's text nodes, so
/// nothing from an article is ever interpreted as markup.
fn format_span(span: &Span, mut node: Html) -> Html {
    if span.style.code {
        node = html! { <code>{node}</code> };
    }
    if span.style.emphasis {
        node = html! { <em>{node}</em> };
    }
    if span.style.strong {
        node = html! { <strong>{node}</strong> };
    }
    if let Some(href) = &span.style.link {
        node = html! {
            <a href={href.clone()} rel="noopener noreferrer" target="_blank">{node}</a>
        };
    }
    node
}
