//! Markdown articles: CommonMark with GFM tables, parsed by pulldown-cmark (no other extension)
//! and mapped onto the article model. Raw HTML is never markup here: inline tags are dropped with their text kept
//! (except the content of elements the HTML sanitiser drops, such as `<script>`), and HTML blocks
//! contribute only their visible text.

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use super::builder::ArticleBuilder;
use super::html::{lists_around, raw_text_end, visible_text, ContentFilter, HtmlTokenizer};
use super::load::{check_input, derived_title};
use super::url::sanitize_link_url;
use super::{Article, BlockKind, CellAlign, LoadError, SourceFormat, SpanStyle};

impl Article {
    /// Loads a CommonMark article. Headings, paragraphs, block quotes (each inner paragraph a
    /// [`BlockKind::BlockQuote`]), list items with their depth (every paragraph of a loose item
    /// is a list-item block), emphasis, strong, inline code and links with a safe target are
    /// kept; code blocks become code-styled blocks; GFM tables become table cells (with their
    /// column alignment); images become [`Figure`](super::Figure)s, their alt text outside the
    /// text content. The title is the first heading's text, else the start of the first block.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_markdown(input: &str) -> Result<Article, LoadError> {
        Article::from_markdown_with(input, &super::html5gum_tokenizer::Html5gum)
    }

    /// As [`Article::from_markdown`], reading raw HTML blocks with `tokenizer` (their visible
    /// text is kept, never their markup).
    pub fn from_markdown_with(
        input: &str,
        tokenizer: &dyn HtmlTokenizer,
    ) -> Result<Article, LoadError> {
        let input = check_input(input)?;
        let mut loader = MarkdownLoader::new(tokenizer);
        for event in Parser::new_ext(input, Options::ENABLE_TABLES) {
            loader.event(event);
        }
        let builder = loader.builder;
        let title = derived_title(builder.blocks(), |kind| {
            matches!(kind, BlockKind::Heading { .. })
        });
        builder.finish(&title, SourceFormat::Markdown)
    }
}

fn cell_align(alignment: Alignment) -> CellAlign {
    match alignment {
        Alignment::None => CellAlign::Default,
        Alignment::Left => CellAlign::Left,
        Alignment::Center => CellAlign::Center,
        Alignment::Right => CellAlign::Right,
    }
}

/// One inline HTML tag, as CommonMark hands it over (a whole tag, comment or declaration).
#[derive(Debug, PartialEq, Eq)]
enum InlineTag {
    Start { name: String, self_closing: bool },
    End { name: String },
}

/// Reads the element name of a single inline tag (`<b>`, `</span>`, `<br/>`); comments,
/// declarations and processing instructions give `None`. CommonMark has already checked the
/// tag's syntax, so only the name and the closing slash matter here.
fn single_tag(html: &str) -> Option<InlineTag> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (end, rest) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(if end {
        InlineTag::End { name }
    } else {
        InlineTag::Start {
            self_closing: inner.trim_end().ends_with('/'),
            name,
        }
    })
}

/// The GFM table being read.
struct OpenTable {
    id: u32,
    alignments: Vec<CellAlign>,
    row: u32,
    column: u32,
    in_head: bool,
}

/// An image being read: its destination and the alt text gathered so far.
struct OpenImage {
    dest: String,
    alt: String,
    /// Images nested in its alt text (their text is alt text too).
    nested: usize,
}

/// A container block the current position is inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Container {
    Quote,
    List { ordered: bool },
    Item,
}

struct MarkdownLoader<'t> {
    tokenizer: &'t dyn HtmlTokenizer,
    builder: ArticleBuilder,
    containers: Vec<Container>,
    emphasis: usize,
    strong: usize,
    code_block: bool,
    /// Targets of the links the position is inside, innermost last (`None` when unsafe).
    links: Vec<Option<String>>,
    /// Raw HTML of the HTML block being read.
    html_block: Option<String>,
    /// Visibility of text between inline HTML tags; reset with every block, as inline HTML
    /// cannot span blocks.
    inline_html: ContentFilter,
    table: Option<OpenTable>,
    next_table: u32,
    image: Option<OpenImage>,
}

impl<'t> MarkdownLoader<'t> {
    fn new(tokenizer: &'t dyn HtmlTokenizer) -> Self {
        Self {
            tokenizer,
            builder: ArticleBuilder::new(),
            containers: Vec::new(),
            emphasis: 0,
            strong: 0,
            code_block: false,
            links: Vec::new(),
            html_block: None,
            inline_html: ContentFilter::new(),
            table: None,
            next_table: 0,
            image: None,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, false),
            Event::Code(code) | Event::InlineMath(code) | Event::DisplayMath(code) => {
                self.text(&code, true)
            }
            Event::Html(html) => match self.html_block.as_mut() {
                Some(block) => block.push_str(&html),
                None => self.inline_html(&html),
            },
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::SoftBreak | Event::HardBreak => self.text(" ", false),
            Event::Rule => self.end_block(),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.start_block(self.context_kind()),
            Tag::Heading { level, .. } => {
                self.start_block(BlockKind::Heading { level: level as u8 })
            }
            Tag::BlockQuote(_) => {
                self.end_block();
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(_) => {
                self.start_block(self.context_kind());
                self.code_block = true;
            }
            Tag::HtmlBlock => {
                self.end_block();
                self.html_block = Some(String::new());
            }
            Tag::List(first_number) => {
                self.end_block();
                self.containers.push(Container::List {
                    ordered: first_number.is_some(),
                });
            }
            Tag::Item => {
                self.end_block();
                self.containers.push(Container::Item);
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link { dest_url, .. } => self.links.push(sanitize_link_url(&dest_url)),
            // The alt text arrives as text events, which `text` gathers.
            Tag::Image { dest_url, .. } => match self.image.as_mut() {
                Some(image) => image.nested += 1,
                None => {
                    self.image = Some(OpenImage {
                        dest: dest_url.into_string(),
                        alt: String::new(),
                        nested: 0,
                    })
                }
            },
            Tag::Table(alignments) => {
                self.end_block();
                let id = self.next_table;
                self.next_table = self.next_table.saturating_add(1);
                self.table = Some(OpenTable {
                    id,
                    alignments: alignments.into_iter().map(cell_align).collect(),
                    row: 0,
                    column: 0,
                    in_head: false,
                });
            }
            Tag::TableHead => {
                if let Some(table) = self.table.as_mut() {
                    table.in_head = true;
                    table.column = 0;
                }
            }
            Tag::TableRow => {
                if let Some(table) = self.table.as_mut() {
                    table.column = 0;
                }
            }
            Tag::TableCell => {
                if let Some(table) = self.table.as_mut() {
                    let column = table.column;
                    table.column = table.column.saturating_add(1);
                    let kind = BlockKind::TableCell {
                        table: table.id,
                        row: table.row,
                        column,
                        header: table.in_head,
                        align: usize::try_from(column)
                            .ok()
                            .and_then(|column| table.alignments.get(column).copied())
                            .unwrap_or_default(),
                    };
                    self.start_block(kind);
                }
            }
            // Footnotes and the other extensions are not enabled.
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.end_block(),
            TagEnd::CodeBlock => {
                self.end_block();
                self.code_block = false;
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html_block.take() {
                    let text = visible_text(&html, self.tokenizer);
                    if !text.is_empty() {
                        self.start_block(self.context_kind());
                        self.text(&text, false);
                        self.end_block();
                    }
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                self.end_block();
                self.containers.pop();
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Image => match self.image.as_mut() {
                Some(image) if image.nested > 0 => image.nested -= 1,
                _ => {
                    if let Some(image) = self.image.take() {
                        self.builder.push_image(Some(&image.dest), &image.alt);
                    }
                }
            },
            TagEnd::TableCell => self.end_block(),
            TagEnd::TableHead | TagEnd::TableRow => {
                self.end_block();
                if let Some(table) = self.table.as_mut() {
                    table.in_head = false;
                    table.row = table.row.saturating_add(1);
                }
            }
            TagEnd::Table => {
                self.end_block();
                self.table = None;
            }
            _ => {}
        }
    }

    fn start_block(&mut self, kind: BlockKind) {
        self.end_block();
        self.builder.start_block(kind);
    }

    fn end_block(&mut self) {
        self.builder.end_block();
        self.inline_html = ContentFilter::new();
    }

    fn text(&mut self, text: &str, code: bool) {
        if !self.inline_html.shows_text() {
            return;
        }
        if let Some(image) = self.image.as_mut() {
            image.alt.push_str(text);
            return;
        }
        let style = SpanStyle {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            code: code || self.code_block,
            link: self.links.last().cloned().flatten(),
        };
        // Text straight inside a tight list item has no paragraph around it.
        self.builder.ensure_block(self.context_kind());
        self.builder.push_text(text, &style);
    }

    /// Inline HTML arrives one tag (or comment) at a time: the tag is dropped, and it only
    /// decides whether the text after it is visible.
    fn inline_html(&mut self, html: &str) {
        // Inside a raw-text element (`<noscript>`, `<style>`, …) a browser reads the source as
        // text up to the element's end tag, even one CommonMark sees inside an attribute or a
        // comment (`<i title="</noscript>">`): end it there, or the rest of the paragraph would
        // be dropped with it. What follows the end tag is markup to the browser.
        if let Some(name) = self.inline_html.raw_text_element().map(<[u8]>::to_vec) {
            if let Some((_, rest)) = raw_text_end(html, &name) {
                self.inline_html.end_tag(&name, false);
                let text = visible_text(&html[rest..], self.tokenizer);
                if !text.is_empty() {
                    self.text(&text, false);
                }
                return;
            }
        }
        match single_tag(html) {
            Some(InlineTag::Start { name, self_closing }) => {
                let visible = self.inline_html.start_tag(name.as_bytes(), self_closing, 0);
                if visible && name == "br" {
                    self.text(" ", false);
                }
            }
            Some(InlineTag::End { name }) => {
                self.inline_html.end_tag(name.as_bytes(), false);
            }
            None => {}
        }
    }

    /// The kind of a paragraph starting here: a list item inside an item (at the depth of its
    /// list), a block quote paragraph inside a quote, else a paragraph.
    fn context_kind(&self) -> BlockKind {
        for (index, container) in self.containers.iter().enumerate().rev() {
            match container {
                Container::Item => {
                    let (lists, ordered) =
                        lists_around(self.containers[..index].iter().map(|outer| match outer {
                            Container::List { ordered } => Some(*ordered),
                            _ => None,
                        }));
                    return BlockKind::ListItem {
                        ordered,
                        depth: u8::try_from(lists.saturating_sub(1)).unwrap_or(u8::MAX),
                    };
                }
                Container::Quote => return BlockKind::BlockQuote,
                Container::List { .. } => {}
            }
        }
        BlockKind::Paragraph
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::article::Block;

    fn kinds_and_texts(article: &Article) -> Vec<(BlockKind, String)> {
        article
            .blocks
            .iter()
            .map(|block| (block.kind, block.text()))
            .collect()
    }

    fn item(ordered: bool, depth: u8) -> BlockKind {
        BlockKind::ListItem { ordered, depth }
    }

    #[test]
    fn headings_paragraphs_quotes_and_lists() {
        let markdown = "# Headline\n\nFirst\nparagraph.\n\n## Section\n\n\
            > Quoted one\n>\n> Quoted two\n\n\
            - Top\n  - Nested\n    1. Deep\n- Second\n\n\
            1. Loose one\n\n   Continued\n2. Loose two\n\n\
            ---\n\nAfter rule\n";
        let article = Article::from_markdown(markdown).unwrap();
        assert_eq!(article.title, "Headline");
        assert_eq!(article.source, SourceFormat::Markdown);
        let expected = [
            (BlockKind::Heading { level: 1 }, "Headline"),
            (BlockKind::Paragraph, "First paragraph."),
            (BlockKind::Heading { level: 2 }, "Section"),
            (BlockKind::BlockQuote, "Quoted one"),
            (BlockKind::BlockQuote, "Quoted two"),
            (item(false, 0), "Top"),
            (item(false, 1), "Nested"),
            (item(true, 2), "Deep"),
            (item(false, 0), "Second"),
            (item(true, 0), "Loose one"),
            (item(true, 0), "Continued"),
            (item(true, 0), "Loose two"),
            (BlockKind::Paragraph, "After rule"),
        ];
        let expected: Vec<(BlockKind, String)> = expected
            .iter()
            .map(|(kind, text)| (*kind, text.to_string()))
            .collect();
        assert_eq!(kinds_and_texts(&article), expected);
    }

    #[test]
    fn inline_styles_and_links() {
        let article = Article::from_markdown(
            "She said *it was very* **clearly `fine`** — [read *more*](https://example.com/x \"t\") \
             or [not this](javascript:alert(1)).",
        )
        .unwrap();
        let spans = &article.blocks[0].spans;
        let describe: Vec<(&str, bool, bool, bool, Option<&str>)> = spans
            .iter()
            .map(|span| {
                (
                    span.text.as_str(),
                    span.style.emphasis,
                    span.style.strong,
                    span.style.code,
                    span.style.link.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            describe,
            [
                ("She said ", false, false, false, None),
                ("it was very", true, false, false, None),
                (" ", false, false, false, None),
                ("clearly ", false, true, false, None),
                ("fine", false, true, true, None),
                (" — ", false, false, false, None),
                ("read ", false, false, false, Some("https://example.com/x")),
                ("more", true, false, false, Some("https://example.com/x")),
                (" or not this.", false, false, false, None),
            ]
        );
    }

    #[test]
    fn raw_html_is_dropped_safely() {
        let cases = [
            (
                "Hi <b>bold</b> and <span onclick=\"x\">span</span>.",
                "Hi bold and span.",
            ),
            ("A <script>alert(1)</script> B", "A B"),
            ("A<br>B", "A B"),
            (
                "<div onclick=\"alert(1)\">\n<p>Block <em>html</em></p>\n</div>\n\nNext",
                "Block html\n\nNext",
            ),
            ("<script>\nalert(1)\n</script>\n\nAfter", "After"),
            ("Text <!-- <script>alert(1)</script> --> more", "Text more"),
            ("<a href=\"javascript:alert(1)\">link</a> text", "link text"),
            ("x <img src=x onerror=alert(1)> y", "x y"),
        ];
        for (markdown, expected) in cases {
            let article = Article::from_markdown(markdown).unwrap();
            assert_eq!(article.text_content(), expected, "{markdown:?}");
            assert!(
                article
                    .blocks
                    .iter()
                    .flat_map(|block| &block.spans)
                    .all(|span| span.style.link.is_none()),
                "{markdown:?}"
            );
        }
    }

    #[test]
    fn images_code_blocks_and_unsafe_links() {
        let markdown = "Look: ![A *red* kite](kite.png \"t\") flies.\n\n```rust\nfn main() {\n    x();\n}\n```\n\n\
            [data](data:text/html,hi) [vb](vbscript:x) [rel](/story.html) [mail](mailto:a@b.c)\n\n\
            <https://example.com/auto>";
        let article = Article::from_markdown(markdown).unwrap();
        let texts: Vec<String> = article.blocks.iter().map(Block::text).collect();
        assert_eq!(
            texts,
            [
                "Look: flies.",
                "fn main() { x(); }",
                "data vb rel mail",
                "https://example.com/auto"
            ]
        );
        // The image is a figure after its paragraph; its alt text is not article text.
        assert_eq!(article.figures.len(), 1);
        assert_eq!(article.figures[0].alt, "A red kite");
        assert_eq!(article.figures[0].at, 1);
        assert!(article.blocks[1].spans.iter().all(|span| span.style.code));
        assert_eq!(article.blocks[1].kind, BlockKind::Paragraph);
        let links: Vec<Option<&str>> = article.blocks[2]
            .spans
            .iter()
            .map(|span| span.style.link.as_deref())
            .collect();
        assert!(!links.contains(&Some("data:text/html,hi")));
        assert!(links.contains(&Some("/story.html")));
        assert!(links.contains(&Some("mailto:a@b.c")));
        assert_eq!(
            article.blocks[3].spans[0].style.link.as_deref(),
            Some("https://example.com/auto")
        );
        // No heading: the title comes from the first block.
        assert_eq!(article.title, "Look: flies.");
    }

    #[test]
    fn entity_obfuscated_link_targets_are_rejected() {
        for target in [
            "&#106;avascript:alert(1)",
            "java&#x09;script:alert(1)",
            "JAVASCRIPT:x",
        ] {
            let article = Article::from_markdown(&format!("[x]({target})")).unwrap();
            assert_eq!(article.blocks[0].spans[0].style.link, None, "{target}");
        }
    }

    #[test]
    fn nothing_visible_is_empty() {
        for markdown in [
            "",
            "   \n\n",
            "<script>alert(1)</script>",
            "<!-- note -->",
            "---",
        ] {
            assert_eq!(
                Article::from_markdown(markdown),
                Err(LoadError::Empty),
                "{markdown:?}"
            );
        }
    }

    #[test]
    fn single_inline_tags_are_read_by_name() {
        let cases = [
            (
                "<b>",
                Some(InlineTag::Start {
                    name: "b".into(),
                    self_closing: false,
                }),
            ),
            (
                "<BR/>",
                Some(InlineTag::Start {
                    name: "br".into(),
                    self_closing: true,
                }),
            ),
            (
                "<span class=\"x\">",
                Some(InlineTag::Start {
                    name: "span".into(),
                    self_closing: false,
                }),
            ),
            (
                "</Script >",
                Some(InlineTag::End {
                    name: "script".into(),
                }),
            ),
            ("<!-- note -->", None),
            ("<?php x ?>", None),
            ("<!DOCTYPE html>", None),
        ];
        for (html, expected) in cases {
            assert_eq!(single_tag(html), expected, "{html}");
        }
    }
}
