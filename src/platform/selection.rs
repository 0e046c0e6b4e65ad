//! The reader's text selection inside the widget, turned into block-relative UTF-16 offsets
//! (the DOM's unit). Converting those to model positions is the core's job.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Range, Selection, ShadowRoot};

/// Attribute that marks a rendered article block with its index.
pub const BLOCK_ATTRIBUTE: &str = "data-qm-block";

/// A point in the article: a block and a UTF-16 offset into that block's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockPoint {
    pub block: usize,
    pub utf16_offset: usize,
}

/// A selection of article text, from its first point to its last (document order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockSelection {
    pub start: BlockPoint,
    pub end: BlockPoint,
}

/// The selection inside `shadow`, if any. Chromium exposes a shadow root's own selection
/// through `ShadowRoot.getSelection`; elsewhere `Selection.getComposedRanges` gives it.
pub fn current_range(shadow: &ShadowRoot) -> Option<Range> {
    let own = js_sys::Reflect::get(shadow, &JsValue::from_str("getSelection"))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .and_then(|function| function.call0(shadow).ok())
        .and_then(|selection| selection.dyn_into::<Selection>().ok());
    let selection = match own {
        Some(selection) => selection,
        None => web_sys::window()?.get_selection().ok()??,
    };
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    selection.get_range_at(0).ok()
}

/// Clears the reader's selection (after it became an annotation).
pub fn clear(shadow: &ShadowRoot) {
    if let Some(range) = current_range(shadow) {
        range.collapse();
    }
    if let Some(selection) =
        web_sys::window().and_then(|window| window.get_selection().ok().flatten())
    {
        let _ = selection.remove_all_ranges();
    }
}

/// Maps a DOM range to article blocks, or `None` when it touches no article text.
pub fn block_selection(article: &Element, range: &Range) -> Option<BlockSelection> {
    let start = point(
        article,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
        Edge::Start,
    )?;
    let end = point(
        article,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
        Edge::End,
    )?;
    (start.block < end.block || (start.block == end.block && start.utf16_offset < end.utf16_offset))
        .then_some(BlockSelection { start, end })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

fn block_element_of(node: &Node) -> Option<Element> {
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    element.closest(&format!("[{BLOCK_ATTRIBUTE}]")).ok()?
}

fn block_index(element: &Element) -> Option<usize> {
    element.get_attribute(BLOCK_ATTRIBUTE)?.parse().ok()
}

/// UTF-16 length of the text between the block's start and (node, offset): exactly what the
/// DOM counts, since a block holds article text only (decorations are CSS-generated).
fn offset_in_block(block: &Element, node: &Node, offset: u32) -> Option<usize> {
    let document = block.owner_document()?;
    let range = document.create_range().ok()?;
    range.set_start(block, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(String::from(range.to_string()).encode_utf16().count())
}

fn point(article: &Element, node: &Node, offset: u32, edge: Edge) -> Option<BlockPoint> {
    if let Some(block) = block_element_of(node) {
        return Some(BlockPoint {
            block: block_index(&block)?,
            utf16_offset: offset_in_block(&block, node, offset)?,
        });
    }
    // The point lies between blocks (or around the article): snap to the nearest block edge
    // inside the selection — the next block's start, or the previous block's end.
    let blocks = article
        .query_selector_all(&format!("[{BLOCK_ATTRIBUTE}]"))
        .ok()?;
    let document = article.owner_document()?;
    let boundary = document.create_range().ok()?;
    boundary.set_start(node, offset).ok()?;
    let mut candidates =
        (0..blocks.length()).filter_map(|i| blocks.item(i)?.dyn_into::<Element>().ok());
    match edge {
        Edge::Start => candidates
            .filter(|block| boundary.compare_point(block, 0).unwrap_or(-1) >= 0)
            .find_map(|block| {
                Some(BlockPoint {
                    block: block_index(&block)?,
                    utf16_offset: 0,
                })
            }),
        Edge::End => candidates
            .rfind(|block| boundary.compare_point(block, 0).unwrap_or(1) < 0)
            .and_then(|block| {
                Some(BlockPoint {
                    block: block_index(&block)?,
                    utf16_offset: block
                        .text_content()
                        .unwrap_or_default()
                        .encode_utf16()
                        .count(),
                })
            }),
    }
}
