//! One block of the article. Memoised on its props, so a change elsewhere in the article does
//! not re-render it.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::{Article, BlockKind, Span};

#[derive(Properties, Clone)]
pub struct BlockViewProps {
    pub article: Rc<Article>,
    pub index: usize,
}

impl PartialEq for BlockViewProps {
    fn eq(&self, other: &Self) -> bool {
        // Same article allocation and index means the same block content.
        Rc::ptr_eq(&self.article, &other.article) && self.index == other.index
    }
}

#[component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    let Some(block) = props.article.blocks.get(props.index) else {
        return Html::default();
    };
    let content: Html = block.spans.iter().map(render_span).collect();
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
        BlockKind::FigureCaption => {
            html! { <p class="qm-caption" data-qm-block={index}>{content}</p> }
        }
    }
}

/// Renders one span with its formatting. Text always goes through Yew's text nodes, so nothing
/// from an article is ever interpreted as markup.
fn render_span(span: &Span) -> Html {
    let mut node = html! { {span.text.clone()} };
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
