//! The article: its blocks, grouped into lists and block quotes where the model says so.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::{Article, BlockKind};
use crate::ui::components::block_view::BlockView;

#[derive(Properties, Clone, PartialEq)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
}

#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let mut groups: Vec<Html> = Vec::new();
    let mut index = 0;
    // Consecutive list items share one <ul>/<ol>, as the source had them.
    while index < article.blocks.len() {
        let block = &article.blocks[index];
        match block.kind {
            BlockKind::ListItem { ordered, .. } => {
                let first = index;
                while index < article.blocks.len()
                    && matches!(article.blocks[index].kind,
                        BlockKind::ListItem { ordered: o, .. } if o == ordered)
                {
                    index += 1;
                }
                let items: Html = (first..index)
                    .map(|i| html! { <BlockView key={i} article={article.clone()} index={i} /> })
                    .collect();
                groups.push(if ordered {
                    html! { <ol key={format!("list-{first}")}>{items}</ol> }
                } else {
                    html! { <ul key={format!("list-{first}")}>{items}</ul> }
                });
            }
            _ => {
                groups.push(
                    html! { <BlockView key={index} article={article.clone()} index={index} /> },
                );
                index += 1;
            }
        }
    }
    html! {
        <article class="qm-article" lang="" aria-label={article.title.clone()}>
            { for groups }
        </article>
    }
}
