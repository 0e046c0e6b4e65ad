//! HTML articles: a tokenizer (the browser's own parser in the widget, html5gum natively; see
//! [`HtmlTokenizer`]) feeding an allow-list sanitiser that builds the article model (never HTML — the renderer escapes all text, and renders a kept link with its
//! sanitised `href` and `rel="noopener noreferrer"`).
//!
//! - Kept structure: `h1`–`h6`, `p`, `blockquote`, `ul`/`ol`/`li` (with depth), `figcaption`,
//!   tables (`table`, `thead`/`tbody`/`tfoot`, `tr`, `td`/`th`: every block of text in a cell is
//!   a [`BlockKind::TableCell`] with the cell's coordinates; `colspan`/`rowspan` are ignored, and
//!   a table inside a cell is read as more blocks of that cell; text and elements inside a
//!   table but outside its cells and caption are moved before the table, as a browser's
//!   parser moves them, so both tokenizers agree); containers (`div`, `section`,
//!   `article`, `caption`, …) contribute their loose text as paragraphs; `br` reads as a space,
//!   `hr` ends a block.
//! - Images: each visible `img` becomes a [`Figure`](super::Figure) with its alt text and its
//!   `src` if [`sanitize_image_url`](super::sanitize_image_url) accepts it; neither is text
//!   content.
//! - Kept inline: `em`/`i`, `strong`/`b`, `code`, `a` (its `href` only if
//!   [`sanitize_link_url`](super::sanitize_link_url) accepts it). No other attribute survives.
//! - Dropped with their content: `script`, `style`, `template`, `iframe`, `object`, `embed`,
//!   `noscript`, `svg`, `math`, form controls (`button`, `input`, `select`, `option`,
//!   `textarea`, …), media fallback content, and everything
//!   in `head` except `title`, which becomes the title (else the first `h1`).
//! - Everything else: the tag is dropped, its text kept. That includes `form` itself: pages
//!   built with ASP.NET WebForms wrap the whole body in one `<form>`, and dropping its content
//!   would drop the article. Its attributes go like all others and its controls are dropped
//!   with their content, so nothing of it can act.
//!
//! The tokenizer does no tree building, so misnesting is repaired here with a few of the
//! browser's rules (a new block closes an open `p`, a new `li` closes the previous one, a new
//! cell or row closes the open one, an end tag closes what is open inside its element);
//! whatever the nesting, no text outside the dropped elements is lost.
//!
//! Where a dropped element ends decides what else is dropped, so it must end where it ends for
//! the reader, whose browser runs scripts: a raw-text element (`script`, `style`, `noscript`,
//! `textarea`, `title`, `iframe`, `noembed`, `noframes`, `xmp`) ends at the first `</name` in
//! the source — even one that another parser sees inside an attribute or a comment (the
//! mutation-XSS shape `<noscript><p title="</noscript>…">`). Every reader applies that rule
//! ([`raw_text_end`]): html5gum by its tokenizer states (told about `noframes`, which its
//! table misses), the browser tokenizer for `noscript` (which `DOMParser`, parsing with
//! scripting disabled, reads as markup), and the Markdown loader for inline HTML. Otherwise an
//! end tag hidden that way leaves the element open, and the rest of the article is dropped
//! with it.

mod elements;
mod filter;
mod walker;

use super::builder::ArticleBuilder;
use super::load::{check_input, derived_title};
use super::{Article, BlockKind, LoadError, SourceFormat};
pub(crate) use filter::ContentFilter;
use walker::Walker;

/// Deepest element nesting tracked. Deeper elements keep their text but not their structure;
/// the cap bounds the work per token on hostile input such as a million unclosed `<b>`.
const MAX_OPEN_ELEMENTS: usize = 256;

/// One thing an HTML tokenizer saw. Element names are lower-case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HtmlToken<'a> {
    Start {
        name: &'a str,
        self_closing: bool,
        /// The `href` attribute, entities decoded.
        href: Option<&'a str>,
        /// For an `img` only: its `src` and `alt` attributes, entities decoded. Every other
        /// attribute is ignored.
        src: Option<&'a str>,
        alt: Option<&'a str>,
    },
    End {
        name: &'a str,
    },
    /// Text, entities decoded.
    Text(&'a str),
}

/// Turns HTML into [`HtmlToken`]s. The sanitiser needs nothing else from a parser, so the
/// widget hands it the browser's own HTML parser (an inert `DOMParser` document: nothing in
/// it runs or loads) and ships no parser of its own, while native code and tests use html5gum.
/// Either way the allow-list below decides what survives.
pub trait HtmlTokenizer {
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlToken<'_>));
}

impl Article {
    /// Loads an HTML article (a full document or a fragment) with html5gum; see
    /// [`Article::from_html_with`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_html(input: &str) -> Result<Article, LoadError> {
        Article::from_html_with(input, &super::html5gum_tokenizer::Html5gum)
    }

    /// Loads an HTML article (a full document or a fragment) through the sanitiser described
    /// in this module. Text is decoded from entities; nothing of the markup survives but the
    /// block structure, inline emphasis and safe link targets.
    pub fn from_html_with(
        input: &str,
        tokenizer: &dyn HtmlTokenizer,
    ) -> Result<Article, LoadError> {
        let input = check_input(input)?;
        let walked = walk(input, tokenizer);
        let builder = walked.builder;
        let title = walked
            .title
            .filter(|title| !title.is_empty())
            .unwrap_or_else(|| {
                derived_title(builder.blocks(), |kind| {
                    *kind == BlockKind::Heading { level: 1 }
                })
            });
        builder.finish(&title, SourceFormat::Html)
    }
}

/// The text a reader would see in an HTML fragment, with its blocks joined by spaces. Used for
/// raw HTML inside Markdown, which is shown as text, never as markup.
pub(crate) fn visible_text(html: &str, tokenizer: &dyn HtmlTokenizer) -> String {
    let walked = walk(html, tokenizer);
    let blocks = walked.builder.blocks();
    let mut text = String::new();
    for block in blocks {
        if !text.is_empty() {
            text.push(' ');
        }
        for span in &block.spans {
            text.push_str(&span.text);
        }
    }
    text
}

struct Walked {
    builder: ArticleBuilder,
    title: Option<String>,
}

fn walk(html: &str, tokenizer: &dyn HtmlTokenizer) -> Walked {
    let mut walker = Walker::new();
    tokenizer.tokenize(html, &mut |token| match token {
        HtmlToken::Start {
            name,
            self_closing,
            href,
            src,
            alt,
        } => walker.start_tag(name.as_bytes(), self_closing, href, (src, alt)),
        HtmlToken::End { name } => walker.end_tag(name.as_bytes()),
        HtmlToken::Text(text) => walker.text(text),
    });
    walker.builder.end_block();
    Walked {
        builder: walker.builder,
        title: walker.title,
    }
}

/// Where raw text of element `name` ends in `text`, as the HTML tokenizer decides it: at the
/// first `</name` (any case) followed by whitespace, `/` or `>`. Returns where that end tag
/// starts and where the text after it (after its `>`) begins. Used where a parser other than a
/// scripting-enabled tokenizer has hidden the end tag inside something else (an attribute, a
/// comment, a raw-text child): the reader's browser ends the element there all the same.
pub(crate) fn raw_text_end(text: &str, name: &[u8]) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let tag_len = name.len() + 2;
    let start = bytes.windows(tag_len + 1).position(|window| {
        window.starts_with(b"</")
            && window[2..tag_len].eq_ignore_ascii_case(name)
            && matches!(
                window[tag_len],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
            )
    })?;
    let after_name = start + tag_len;
    let rest = text[after_name..]
        .find('>')
        .map_or(text.len(), |offset| after_name + offset + 1);
    Some((start, rest))
}

/// How many lists enclose a list item, and whether the innermost is ordered, from its
/// ancestors (outermost first; `Some(ordered)` for a list).
pub(crate) fn lists_around(ancestors: impl Iterator<Item = Option<bool>>) -> (usize, bool) {
    ancestors
        .flatten()
        .fold((0, false), |(lists, _), ordered| (lists + 1, ordered))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
