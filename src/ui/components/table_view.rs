//! A run of table-cell blocks drawn as one `<table>`: rows by the blocks' row numbers, cells
//! by their columns (a column with no text gets an empty cell, so the grid holds), header
//! cells as `<th>`, and leading all-header rows as the `<thead>`. Each block keeps its own
//! `data-qm-block` element inside its cell, so selection and highlights work as anywhere.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::{BlockKind, CellAlign};
use crate::core::render::marks::BlockMarks;
use crate::ui::components::block_chunk::BlockRangeProps;
use crate::ui::components::block_view::BlockView;
use crate::ui::components::figure_view::{figures_at, FigureView};

/// One cell of the source: its blocks, header flag and alignment.
struct Cell {
    column: u32,
    header: bool,
    align: CellAlign,
    blocks: Vec<usize>,
}

#[component]
pub fn TableView(props: &BlockRangeProps) -> Html {
    let article = &props.article;
    let end = props.blocks.end.min(article.blocks.len());
    // Rows of cells, in document order.
    let mut rows: Vec<(u32, Vec<Cell>)> = Vec::new();
    let mut table_number = 0;
    for index in props.blocks.start..end {
        let BlockKind::TableCell {
            table,
            row,
            column,
            header,
            align,
        } = article.blocks[index].kind
        else {
            continue;
        };
        table_number = table;
        if rows.last().is_none_or(|(last, _)| *last != row) {
            rows.push((row, Vec::new()));
        }
        let Some((_, cells)) = rows.last_mut() else {
            continue;
        };
        match cells.last_mut() {
            Some(cell) if cell.column == column => cell.blocks.push(index),
            _ => cells.push(Cell {
                column,
                header,
                align,
                blocks: vec![index],
            }),
        }
    }
    let columns = rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|cell| cell.column + 1))
        .max()
        .unwrap_or(0);
    let empty = Rc::new(BlockMarks::default());
    let block = |i: usize| {
        let marks = props.marks.get(i).cloned().unwrap_or_else(|| empty.clone());
        // An image in a cell is drawn in the cell, before the text that followed it.
        let images = figures_at(article, i);
        let figure = (i != props.blocks.start && !images.is_empty())
            .then(|| html! { <FigureView article={article.clone()} {images} /> });
        html! { <>{figure}<BlockView article={article.clone()} index={i} {marks} /></> }
    };
    let head_rows = rows
        .iter()
        .take_while(|(_, cells)| cells.iter().all(|cell| cell.header))
        .count();
    let render_row = |(row, cells): &(u32, Vec<Cell>), in_head: bool| -> Html {
        let mut drawn: Vec<Html> = Vec::new();
        let mut cells = cells.iter().peekable();
        for column in 0..columns {
            let cell = cells.next_if(|cell| cell.column == column);
            let Some(cell) = cell else {
                drawn.push(html! { <td class="qm-cell-empty"></td> });
                continue;
            };
            let class = classes!(match cell.align {
                CellAlign::Default => None,
                CellAlign::Left => Some("qm-align-left"),
                CellAlign::Center => Some("qm-align-center"),
                CellAlign::Right => Some("qm-align-right"),
            });
            let content: Html = cell.blocks.iter().map(|&i| block(i)).collect();
            drawn.push(if cell.header {
                let scope = if in_head { "col" } else { "row" };
                html! { <th {class} {scope}>{content}</th> }
            } else {
                html! { <td {class}>{content}</td> }
            });
        }
        html! { <tr key={*row}>{drawn}</tr> }
    };
    let head: Html = rows[..head_rows]
        .iter()
        .map(|row| render_row(row, true))
        .collect();
    let body: Html = rows[head_rows..]
        .iter()
        .map(|row| render_row(row, false))
        .collect();
    // The wrapper scrolls a wide table sideways on a narrow screen; it is focusable so that
    // keyboard users can scroll it too.
    html! {
        <div
            class="qm-table-wrap"
            role="group"
            tabindex="0"
            aria-label={format!("Table {}", table_number + 1)}
        >
            <table class="qm-table">
                if head_rows > 0 { <thead>{head}</thead> }
                if head_rows < rows.len() { <tbody>{body}</tbody> }
            </table>
        </div>
    }
}
