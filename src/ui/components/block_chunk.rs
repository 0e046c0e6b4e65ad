//! A run of consecutive blocks (see `core::chunks`), the unit the article is drawn and diffed in. A long article
//! has thousands of blocks; comparing a few hundred chunks per change (each only looking at
//! its own blocks' highlight runs) keeps every re-render proportional to what changed.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::{Article, BlockKind};
use crate::core::render::chunks::same_table;
use crate::ui::components::block_view::BlockView;
use crate::ui::components::figure_view::{figures_at, FigureView};
use crate::ui::components::table_view::TableView;
use crate::ui::state::BlockMarks;

/// A run of the article's blocks with their marks: what a chunk and a table draw.
#[derive(Properties, Clone)]
pub struct BlockRangeProps {
    pub article: Rc<Article>,
    pub blocks: Range<usize>,
    pub marks: Rc<Vec<Rc<BlockMarks>>>,
}

impl PartialEq for BlockRangeProps {
    fn eq(&self, other: &Self) -> bool {
        let same_marks = |i: usize| match (self.marks.get(i), other.marks.get(i)) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        Rc::ptr_eq(&self.article, &other.article)
            && self.blocks == other.blocks
            && self.blocks.clone().all(same_marks)
    }
}

#[component]
pub fn BlockChunk(props: &BlockRangeProps) -> Html {
    let article = &props.article;
    let empty = Rc::new(BlockMarks::default());
    let block = |i: usize| {
        let marks = props.marks.get(i).cloned().unwrap_or_else(|| empty.clone());
        html! { <BlockView key={i} article={article.clone()} index={i} {marks} /> }
    };
    let mut groups: Vec<Html> = Vec::new();
    let mut index = props.blocks.start;
    let end = props.blocks.end.min(article.blocks.len());
    // Consecutive list items share one <ul>/<ol>, as the source had them; consecutive cells of
    // a table one <table>; images go before the block they precede, in one <figure> with the
    // caption when that block is one.
    while index < end {
        let images = figures_at(article, index);
        let kind = article.blocks[index].kind;
        if !images.is_empty() && kind != BlockKind::FigureCaption {
            groups.push(html! {
                <FigureView key={format!("figure-{index}")} article={article.clone()} {images} />
            });
        }
        match kind {
            BlockKind::FigureCaption => {
                let images = figures_at(article, index);
                groups.push(html! {
                    <FigureView key={format!("figure-{index}")} article={article.clone()} {images}>
                        {block(index)}
                    </FigureView>
                });
                index += 1;
            }
            BlockKind::TableCell { .. } => {
                let first = index;
                while index < end
                    && same_table(article.blocks[first].kind, article.blocks[index].kind)
                {
                    index += 1;
                }
                groups.push(html! {
                    <TableView
                        key={format!("table-{first}")}
                        article={article.clone()}
                        blocks={first..index}
                        marks={props.marks.clone()}
                    />
                });
            }
            BlockKind::ListItem { ordered, .. } => {
                let first = index;
                // An image in a list item splits the list there (a list holds only items);
                // an ordered list then goes on with its numbering.
                while index < end
                    && matches!(article.blocks[index].kind,
                        BlockKind::ListItem { ordered: o, .. } if o == ordered)
                    && (index == first || figures_at(article, index).is_empty())
                {
                    index += 1;
                }
                let items: Html = (first..index).map(block).collect();
                groups.push(if ordered {
                    let before = article.blocks[..first]
                        .iter()
                        .rev()
                        .take_while(|block| {
                            matches!(block.kind, BlockKind::ListItem { ordered: true, .. })
                        })
                        .count();
                    let start = (before > 0).then(|| (before + 1).to_string());
                    html! { <ol key={format!("list-{first}")} {start}>{items}</ol> }
                } else {
                    html! { <ul key={format!("list-{first}")}>{items}</ul> }
                });
            }
            _ => {
                groups.push(block(index));
                index += 1;
            }
        }
    }
    if end == article.blocks.len() {
        let images = figures_at(article, end);
        if !images.is_empty() {
            groups.push(html! {
                <FigureView key={format!("figure-{end}")} article={article.clone()} {images} />
            });
        }
    }
    // `content-visibility: auto` (see the stylesheet) lets the browser skip style and layout
    // of chunks far off screen, which is most of a long article.
    html! { <div class="qm-chunk">{ for groups }</div> }
}
