//! HTML that the native tokenizer and the browser's parser (`DOMParser`) must read alike:
//! tables with header cells, spans and stray content, and images. `tests/article_loading.rs`
//! loads each input natively and `tests/browser.rs` through the browser's parser; both check
//! the result with the same function here, so the two tiers cannot drift apart. Needs only the
//! crate's core; include it with `#[path]`.
// Each includer uses the part it needs.
#![allow(dead_code)]

use quotemark::core::article::{Article, BlockKind};

/// Two tables (the second with omitted end tags), a figure with a caption, and an image whose
/// `javascript:` source must be dropped.
pub const TABLES_AND_IMAGES: &str = "<p>Before</p><table><caption>Who said it</caption>\
    <thead><tr><th>Speaker</th><th>Quote</th></tr></thead>\
    <tbody><tr><th>Aino</th><td>We will <em>not</em> give up</td></tr>\
    <tr><td colspan=\"2\">Spans both columns</td></tr>\
    <tr><td></td><td>After an empty cell</td></tr>\
    <tr><td><p>Two</p><p>paragraphs</p></td><td rowspan=3>Tall</td></tr></tbody>\
    </table><table><td>a<td>b<tr><td>c</table>\
    <figure><img src=\"https://img.example/h.jpg\" alt=\"The harbour\"><figcaption>Cap</figcaption></figure>\
    <p><img src=\"javascript:alert(1)\" alt=\"Hostile\">End</p>";

/// What [`TABLES_AND_IMAGES`] must load as: every cell with its table, row, column and
/// header flag, the text content, and the figures with where they stand.
pub fn assert_tables_and_images(article: &Article) {
    assert_eq!(
        cells(article),
        vec![
            cell("Speaker", 0, 0, 0, true),
            cell("Quote", 0, 0, 1, true),
            cell("Aino", 0, 1, 0, true),
            cell("We will not give up", 0, 1, 1, false),
            cell("Spans both columns", 0, 2, 0, false),
            cell("After an empty cell", 0, 3, 1, false),
            cell("Two", 0, 4, 0, false),
            cell("paragraphs", 0, 4, 0, false),
            cell("Tall", 0, 4, 1, false),
            cell("a", 1, 0, 0, false),
            cell("b", 1, 0, 1, false),
            cell("c", 1, 1, 0, false),
        ]
    );
    assert_eq!(
        article.text_content(),
        "Before\n\nWho said it\n\nSpeaker\n\nQuote\n\nAino\n\nWe will not give up\n\n\
         Spans both columns\n\nAfter an empty cell\n\nTwo\n\nparagraphs\n\nTall\n\na\n\nb\n\nc\n\nCap\n\nEnd"
    );
    assert_eq!(
        figures(article),
        [
            (14, Some("https://img.example/h.jpg"), "The harbour"),
            (15, None, "Hostile"),
        ]
    );
}

/// A cell block as (text, table, row, column, header), for compact expectations.
pub type Cell = (String, u32, u32, u32, bool);

/// The article's table cells, in order.
pub fn cells(article: &Article) -> Vec<Cell> {
    article
        .blocks
        .iter()
        .filter_map(|block| match block.kind {
            BlockKind::TableCell {
                table,
                row,
                column,
                header,
                ..
            } => Some((block.text(), table, row, column, header)),
            _ => None,
        })
        .collect()
}

pub fn cell(text: &str, table: u32, row: u32, column: u32, header: bool) -> Cell {
    (text.to_owned(), table, row, column, header)
}

/// Content inside a table but outside its cells, which the browser's parser moves before the
/// table ("foster parenting").
pub const FOSTERED: &str = "<p>Intro</p><table><caption>Cap</caption>stray <b>text</b>\
    <tr><td>x</td></tr><p>para<tr><td>y<img alt=inside></td></tr><img alt=f></table><p>End</p>";

/// What [`FOSTERED`] must load as: the stray text and image before the table.
pub fn assert_foster_parenting(article: &Article) {
    assert_eq!(
        article.text_content(),
        "Intro\n\nstray text\n\npara\n\nCap\n\nx\n\ny\n\nEnd"
    );
    assert_eq!(figures(article), [(3, None, "f"), (6, None, "inside")]);
}

/// Each figure as (block it stands before, source, alt text).
fn figures(article: &Article) -> Vec<(usize, Option<&str>, &str)> {
    article
        .figures
        .iter()
        .map(|figure| (figure.at, figure.src.as_deref(), figure.alt.as_str()))
        .collect()
}
