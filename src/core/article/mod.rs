//! The article model: a title and a list of blocks of styled text, loaded from plain text,
//! Markdown or (sanitised) HTML.
//!
//! # Text content
//!
//! Every position in Quotemark counts over an article's *text content*, defined once here and
//! identical whichever input produced the article:
//!
//! - each block contributes its text: the concatenation of its spans' text, where every run of
//!   whitespace (space, tab, CR, LF, form feed, and CRLF line endings) has been collapsed to one
//!   U+0020 space and the block's leading and trailing whitespace removed — the same collapsing
//!   a browser applies to HTML with `white-space: normal`;
//! - blocks are joined with a blank line, `"\n\n"`, in document order; empty blocks are dropped;
//! - no other normalisation is applied (no Unicode normalisation, no quote straightening), so
//!   what the reader sees is what positions count;
//! - a table contributes its cells' text, each cell a block ([`BlockKind::TableCell`]) in
//!   source order, row by row; images ([`Figure`]) contribute nothing, alt text included (a
//!   figure's caption is a block of its own).
//!
//! "Whitespace" here is ASCII whitespace as HTML defines it: U+00A0 no-break spaces and other
//! Unicode spaces are text and are kept as they are, as a browser keeps `&nbsp;`. A block whose
//! text has no visible character (only whitespace of any kind, e.g. the `<p>&nbsp;</p>` spacer)
//! counts as empty. These rules are applied in exactly one place, the builder every loader uses.
//!
//! Positions are Unicode code points (see [`crate::core::selector`]).
//!
//! # Loading
//!
//! [`Article::from_text`], [`Article::from_markdown`], [`Article::from_html`] and
//! [`Article::load`] return `Result<Article, LoadError>`. HTML goes through an allow-list
//! sanitiser (see the `html` module) and every link target through [`sanitize_link_url`]; the
//! model holds text and styles only, never markup. The renderer must escape all text and give
//! every kept link `rel="noopener noreferrer"`.

use serde::{Deserialize, Serialize};

mod builder;
mod html;
#[cfg(not(target_arch = "wasm32"))]
mod html5gum_tokenizer;
mod load;
mod markdown;
mod plain;
mod url;

// The browser tokenizer (`platform::html`) ends a `noscript` by the same rule.
#[cfg(target_arch = "wasm32")]
pub(crate) use html::raw_text_end;
pub use html::{HtmlToken, HtmlTokenizer};
#[cfg(not(target_arch = "wasm32"))]
pub use html5gum_tokenizer::Html5gum;
pub use load::{ArticleInput, ArticleSource, LoadError, MAX_ARTICLE_BYTES};
pub use url::{sanitize_image_url, sanitize_link_url};

/// What a block is, which decides the HTML element it is rendered as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BlockKind {
    /// `h1`..`h6`; the level is clamped to 1..=6.
    Heading {
        level: u8,
    },
    Paragraph,
    /// A paragraph inside a block quote.
    BlockQuote,
    /// One item of a list; `depth` is 0 for a top-level list.
    ListItem {
        ordered: bool,
        depth: u8,
    },
    /// The caption of a figure. The image itself is a [`Figure`], outside the text content.
    FigureCaption,
    /// Text in a table cell. A cell's text is one block, or several when the cell holds
    /// several blocks (paragraphs, list items, a nested table's cells), all with the same
    /// coordinates. Consecutive cell blocks of one `table` are drawn as one table; cells with
    /// no text have no block (the renderer fills the gap), and `colspan`/`rowspan` are ignored.
    TableCell {
        /// Which table, counted from 0 in document order.
        table: u32,
        /// The row in its table, counted from 0 (rows without text are not counted).
        row: u32,
        /// The column in its row, counted from 0 over every cell of the source row.
        column: u32,
        /// A header cell (`th`, a cell in `thead`, or a Markdown table's head row).
        header: bool,
        #[serde(default, skip_serializing_if = "CellAlign::is_default")]
        align: CellAlign,
    },
}

/// The horizontal alignment a Markdown table gives a column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CellAlign {
    #[default]
    Default,
    Left,
    Center,
    Right,
}

impl CellAlign {
    fn is_default(&self) -> bool {
        *self == CellAlign::Default
    }
}

/// An image in the article. Images are not text: they are not part of the text content, no
/// position can point into them, and they cannot be annotated. The widget shows each one as a
/// figure with its alternative text (and its caption, a [`BlockKind::FigureCaption`] block,
/// right after it), without loading the image (see the README's Formats section).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// Index of the block the figure is drawn before; `blocks.len()` for after the last block.
    /// An image inside a paragraph is drawn after that paragraph.
    pub at: usize,
    /// The image's address if it is `http:`, `https:` or relative (see [`sanitize_image_url`]);
    /// `None` for anything else (`javascript:`, `data:`, …) or when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// The alternative text, whitespace collapsed; empty when the source gives none.
    pub alt: String,
}

/// Inline formatting carried by a span. Nested formatting is flattened into these flags.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanStyle {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emphasis: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strong: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub code: bool,
    /// A link target that passed the sanitiser (`http:`, `https:`, `mailto:`, or relative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    #[serde(flatten)]
    pub style: SpanStyle,
}

/// One block of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub spans: Vec<Span>,
    /// Offset of the block's first code point in the article's text content.
    pub start: usize,
    /// Number of code points in the block's text.
    pub len: usize,
}

impl Block {
    /// The block's text: its spans' text concatenated.
    pub fn text(&self) -> String {
        self.spans.iter().map(|span| span.text.as_str()).collect()
    }

    /// Offset one past the block's last code point in the text content.
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// Which input format an article came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
}

/// A loaded article. Build it with the loaders (`from_text`, `from_markdown`, `from_html`) so
/// that block offsets and the text content always agree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    pub blocks: Vec<Block>,
    pub source: SourceFormat,
    /// The images, in document order (see [`Figure`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    text_content: String,
}

/// Separator between blocks in the text content.
pub const BLOCK_SEPARATOR: &str = "\n\n";

impl Article {
    /// The text content all positions count over.
    pub fn text_content(&self) -> &str {
        &self.text_content
    }

    /// A stable key for this article's text: FNV-1a 64 of the text content's UTF-8, as 16 hex
    /// digits. Used as the storage key when the host gives no article id.
    pub fn content_hash(&self) -> String {
        content_hash(&self.text_content)
    }
}

/// FNV-1a 64-bit hash of `text`, as 16 lowercase hex digits. Chosen for being tiny and fully
/// specified (the value is stored in exported files and must never change between builds).
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}
