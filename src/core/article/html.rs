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

use super::builder::{collapse_whitespace, ArticleBuilder};
use super::load::{check_input, derived_title};
use super::url::sanitize_link_url;
use super::{Article, BlockKind, CellAlign, LoadError, SourceFormat, SpanStyle};

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

/// What an element does to the model.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Role {
    Heading(u8),
    Paragraph,
    Quote,
    List {
        ordered: bool,
    },
    Item,
    Caption,
    /// A table that is not inside another table's cell, with its number and the index its
    /// next row gets.
    Table {
        id: u32,
        next_row: u32,
    },
    /// `thead` (`head: true`), `tbody` or `tfoot`.
    TableSection {
        head: bool,
    },
    /// A row, with its index and the column its next cell gets.
    Row {
        index: u32,
        next_column: u32,
    },
    /// A cell, with the coordinates its text blocks get.
    Cell {
        table: u32,
        row: u32,
        column: u32,
        header: bool,
    },
    /// A table inside a table's cell: its rows and cells are read as more blocks of that cell.
    NestedTable,
    /// A block-level element whose loose text becomes paragraphs.
    Container,
    Emphasis,
    Strong,
    Code,
    /// A link with its sanitised target (`None` when unsafe or missing).
    Link(Option<String>),
}

impl Role {
    fn is_block(&self) -> bool {
        !matches!(
            self,
            Role::Emphasis | Role::Strong | Role::Code | Role::Link(_)
        )
    }
}

/// The role of a kept element, or `None` for an element whose tag is dropped (text kept).
fn role_of(name: &[u8]) -> Option<Role> {
    let role = match name {
        b"h1" => Role::Heading(1),
        b"h2" => Role::Heading(2),
        b"h3" => Role::Heading(3),
        b"h4" => Role::Heading(4),
        b"h5" => Role::Heading(5),
        b"h6" => Role::Heading(6),
        b"p" => Role::Paragraph,
        b"blockquote" => Role::Quote,
        b"ul" | b"menu" | b"dir" => Role::List { ordered: false },
        b"ol" => Role::List { ordered: true },
        b"li" => Role::Item,
        b"figcaption" => Role::Caption,
        // The walker fills in the numbers (see `Walker::table_role`).
        b"table" => Role::Table { id: 0, next_row: 0 },
        b"thead" => Role::TableSection { head: true },
        b"tbody" | b"tfoot" => Role::TableSection { head: false },
        b"tr" => Role::Row {
            index: 0,
            next_column: 0,
        },
        b"td" | b"th" => Role::Cell {
            table: 0,
            row: 0,
            column: 0,
            header: name == b"th",
        },
        b"html" | b"body" | b"div" | b"section" | b"article" | b"main" | b"header" | b"footer"
        | b"nav" | b"aside" | b"figure" | b"address" | b"hgroup" | b"center" | b"pre"
        | b"listing" | b"details" | b"summary" | b"dialog" | b"search" | b"fieldset"
        | b"legend" | b"dl" | b"dt" | b"dd" | b"caption" => Role::Container,
        b"em" | b"i" => Role::Emphasis,
        b"strong" | b"b" => Role::Strong,
        b"code" => Role::Code,
        b"a" => Role::Link(None),
        _ => return None,
    };
    Some(role)
}

/// How an element whose content is dropped ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DropKind {
    /// Raw text for the tokenizer: only its own end tag ends it.
    RawText,
    /// SVG or MathML: self-closing is honoured, same-name elements nest, and the HTML elements
    /// a browser breaks out of foreign content for end it.
    Foreign,
    /// May contain itself (`object`, `template`, media).
    Nesting,
    /// Cannot contain itself in a browser (`button`, `select`, `option`).
    Flat,
}

fn drop_kind(name: &[u8]) -> Option<DropKind> {
    let kind = match name {
        b"script" | b"style" | b"iframe" | b"noscript" | b"noembed" | b"noframes" | b"textarea"
        | b"title" => DropKind::RawText,
        b"svg" | b"math" => DropKind::Foreign,
        b"template" | b"object" | b"applet" | b"canvas" | b"video" | b"audio" | b"frameset" => {
            DropKind::Nesting
        }
        b"button" | b"select" | b"option" | b"optgroup" | b"datalist" => DropKind::Flat,
        _ => return None,
    };
    Some(kind)
}

/// HTML start tags that make a browser leave SVG/MathML content (HTML spec, "parsing main in
/// foreign content"); their text is visible, so it must not be dropped with the `svg`.
fn breaks_out_of_foreign_content(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
    )
}

/// Elements a browser keeps where they are inside a table (outside a cell); everything else
/// there is moved before the table.
fn is_table_structure(name: &[u8]) -> bool {
    matches!(
        name,
        b"table"
            | b"caption"
            | b"colgroup"
            | b"col"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"tr"
            | b"td"
            | b"th"
            | b"script"
            | b"style"
            | b"template"
            | b"input"
            | b"form"
    )
}

/// Elements that may stay in `head`; any other start tag means the body has begun.
fn belongs_in_head(name: &[u8]) -> bool {
    matches!(
        name,
        b"title"
            | b"meta"
            | b"link"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"style"
            | b"script"
            | b"noscript"
            | b"template"
    )
}

/// Elements that never have content or an end tag.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"keygen"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// An element whose content is being dropped.
struct DroppedElement {
    name: Vec<u8>,
    kind: DropKind,
    /// Elements opened inside it and not closed yet, so their end tags are not mistaken for
    /// the end of something around it. Capped at [`MAX_OPEN_ELEMENTS`].
    open_inside: Vec<Vec<u8>>,
    /// How many kept elements were open when it started: an end tag for one of them means the
    /// dropped element was left unclosed, and a browser would close it there too.
    open_below: usize,
}

/// Decides which tags and text are visible at all: the part of the sanitiser that drops
/// elements with their content and the document head. Shared with the Markdown loader for
/// inline HTML.
pub(crate) struct ContentFilter {
    dropping: Option<DroppedElement>,
    in_head: bool,
}

impl ContentFilter {
    pub(crate) fn new() -> Self {
        Self {
            dropping: None,
            in_head: false,
        }
    }

    /// Feeds a start tag; true when the tag itself is visible and should be interpreted.
    /// `open_elements` is how many kept elements the caller has open.
    pub(crate) fn start_tag(
        &mut self,
        name: &[u8],
        self_closing: bool,
        open_elements: usize,
    ) -> bool {
        if let Some(dropped) = self.dropping.as_mut() {
            let breaks_out =
                dropped.kind == DropKind::Foreign && breaks_out_of_foreign_content(name);
            if !breaks_out {
                // A browser closes an open `button`/`option`/… when another one starts, so
                // those are not counted as open inside.
                let closes_itself =
                    dropped.kind == DropKind::Flat && name == dropped.name.as_slice();
                let has_no_end_tag =
                    is_void(name) || (dropped.kind == DropKind::Foreign && self_closing);
                if !closes_itself
                    && !has_no_end_tag
                    && dropped.open_inside.len() < MAX_OPEN_ELEMENTS
                {
                    dropped.open_inside.push(name.to_vec());
                }
                return false;
            }
            self.dropping = None;
        }
        if let Some(kind) = drop_kind(name) {
            // Self-closing only means something in foreign content; `<script/>` still opens a
            // script (and the tokenizer has switched to script data).
            if !(kind == DropKind::Foreign && self_closing) {
                self.dropping = Some(DroppedElement {
                    name: name.to_vec(),
                    kind,
                    open_inside: Vec::new(),
                    open_below: open_elements,
                });
            }
            return false;
        }
        match name {
            b"head" => {
                self.in_head = true;
                return false;
            }
            b"body" => self.in_head = false,
            _ if self.in_head && !belongs_in_head(name) => self.in_head = false,
            _ => {}
        }
        !self.in_head
    }

    /// Feeds an end tag; true when it is visible and should be interpreted.
    /// `closes_open_element` says whether the caller has an element of that name open from
    /// before the current dropped element started (see [`Self::open_below_dropped`]).
    pub(crate) fn end_tag(&mut self, name: &[u8], closes_open_element: bool) -> bool {
        if let Some(dropped) = self.dropping.as_mut() {
            if let Some(index) = dropped.open_inside.iter().rposition(|inner| inner == name) {
                dropped.open_inside.truncate(index);
                return false;
            }
            if name == dropped.name.as_slice() {
                self.dropping = None;
                return false;
            }
            let leaves_unclosed = closes_open_element || matches!(name, b"body" | b"html");
            if dropped.kind != DropKind::RawText && leaves_unclosed {
                self.dropping = None;
                return true;
            }
            return false;
        }
        if name == b"head" {
            self.in_head = false;
            return false;
        }
        !self.in_head
    }

    /// How many of the caller's open elements were open before the current dropped element.
    pub(crate) fn open_below_dropped(&self) -> Option<usize> {
        self.dropping.as_ref().map(|dropped| dropped.open_below)
    }

    pub(crate) fn shows_text(&self) -> bool {
        self.dropping.is_none() && !self.in_head
    }

    /// The name of the raw-text element (`style`, `noscript`, `textarea`, …) whose content is
    /// being dropped, if that is what is being dropped.
    pub(crate) fn raw_text_element(&self) -> Option<&[u8]> {
        self.dropping
            .as_ref()
            .filter(|dropped| dropped.kind == DropKind::RawText)
            .map(|dropped| dropped.name.as_slice())
    }

    fn in_title(&self) -> bool {
        self.dropping
            .as_ref()
            .is_some_and(|dropped| dropped.name == b"title")
    }
}

struct OpenElement {
    name: Vec<u8>,
    role: Role,
}

struct Walker {
    builder: ArticleBuilder,
    filter: ContentFilter,
    open: Vec<OpenElement>,
    /// The style for text at the current position; `None` after the open elements changed.
    style: Option<SpanStyle>,
    title: Option<String>,
    title_text: Option<String>,
    /// The number the next (outermost) table gets.
    next_table: u32,
    /// Foster parenting: an element started inside a table but outside its cells, as
    /// (how many elements were open below it, the table). Its content belongs before the table.
    fostered: Option<(usize, u32)>,
}

impl Walker {
    fn new() -> Self {
        Self {
            builder: ArticleBuilder::new(),
            filter: ContentFilter::new(),
            open: Vec::new(),
            style: None,
            title: None,
            title_text: None,
            next_table: 0,
            fostered: None,
        }
    }

    fn start_tag(
        &mut self,
        name: &[u8],
        self_closing: bool,
        href: Option<&str>,
        (src, alt): (Option<&str>, Option<&str>),
    ) {
        let was_in_title = self.filter.in_title();
        let visible = self.filter.start_tag(name, self_closing, self.open.len());
        if !was_in_title && self.filter.in_title() && self.title.is_none() {
            self.title_text = Some(String::new());
        }
        if !visible {
            return;
        }
        match name {
            b"br" => {
                if self.builder.has_open_block() {
                    let style = self.current_style();
                    self.builder.push_text(" ", &style);
                }
                return;
            }
            b"hr" => {
                self.builder.end_block();
                return;
            }
            // `image` is what a browser's parser renames to `img`.
            b"img" | b"image" => {
                let foster = self.foster_target();
                self.builder.set_foster(foster);
                self.builder.push_image(src, alt.unwrap_or_default());
                return;
            }
            _ => {}
        }
        let Some(role) = role_of(name) else {
            return;
        };
        let role = match role {
            Role::Link(_) => Role::Link(href.and_then(sanitize_link_url)),
            other => other,
        };
        let role = match role {
            Role::Table { .. }
            | Role::TableSection { .. }
            | Role::Row { .. }
            | Role::Cell { .. } => match self.table_placement(role) {
                Some(role) => role,
                None => return,
            },
            other => other,
        };
        if role.is_block() {
            self.builder.end_block();
            self.close_implicitly(&role);
        }
        let Some(role) = self.number_table_role(role) else {
            return;
        };
        if let Role::Table { id, .. } = role {
            self.builder.start_table(id);
        }
        // Anything but table structure inside a table and outside its cells is moved before
        // the table by a browser; so is all of its content.
        self.expire_foster();
        if self.fostered.is_none() && !is_table_structure(name) {
            if let Some(table) = self.table_context() {
                self.fostered = Some((self.open.len(), table));
            }
        }
        if name == b"a" {
            // Links cannot nest: a new one ends the open one.
            self.remove_nearest(b"a");
        }
        if self.open.len() < MAX_OPEN_ELEMENTS {
            self.open.push(OpenElement {
                name: name.to_vec(),
                role,
            });
            self.style = None;
        }
    }

    /// The browser's implied end tags for a new block: it closes an open `p`; a new `li` closes
    /// the previous item of the same list; a heading closes a heading still open. In a table, a
    /// new section, row or cell closes everything open back to its table, section or row
    /// ("clear the stack back to a table context"): the previous cell or row, and whatever
    /// was left open in it or moved before the table.
    fn close_implicitly(&mut self, role: &Role) {
        if matches!(
            role,
            Role::Cell { .. } | Role::Row { .. } | Role::TableSection { .. }
        ) {
            let context = self.open.iter().rposition(|element| {
                matches!(
                    (&element.role, role),
                    (Role::Table { .. }, _)
                        | (
                            Role::TableSection { .. },
                            Role::Row { .. } | Role::Cell { .. }
                        )
                        | (Role::Row { .. }, Role::Cell { .. })
                )
            });
            if let Some(index) = context {
                self.open.truncate(index + 1);
                self.style = None;
            }
            return;
        }
        let position_to_close = |open: &[OpenElement]| -> Option<usize> {
            for (index, element) in open.iter().enumerate().rev() {
                match (&element.role, role) {
                    (Role::Paragraph, _) => return Some(index),
                    (Role::Item, Role::Item) => return Some(index),
                    (Role::Heading(_), Role::Heading(_)) => return Some(index),
                    (
                        Role::List { .. }
                        | Role::Quote
                        | Role::Container
                        | Role::Cell { .. }
                        | Role::Table { .. }
                        | Role::NestedTable,
                        _,
                    ) => return None,
                    _ => {}
                }
            }
            None
        };
        if let Some(index) = position_to_close(&self.open) {
            self.open.truncate(index);
            self.style = None;
        }
    }

    /// The table that content here belongs before (see [`ArticleBuilder::set_foster`]): the
    /// table an open fostered element started in, else the table whose structure (not a cell or
    /// caption) is the innermost open element.
    fn foster_target(&mut self) -> Option<u32> {
        self.expire_foster();
        match self.fostered {
            Some((_, table)) => Some(table),
            None => self.table_context(),
        }
    }

    /// Forgets the fostered element once it is closed (checked after every end tag, before
    /// anything else can open an element in its place).
    fn expire_foster(&mut self) {
        if self
            .fostered
            .is_some_and(|(below, _)| self.open.len() <= below)
        {
            self.fostered = None;
        }
    }

    fn table_context(&self) -> Option<u32> {
        for element in self.open.iter().rev() {
            match element.role {
                Role::Table { id, .. } => return Some(id),
                Role::TableSection { .. } | Role::Row { .. } => {}
                _ => return None,
            }
        }
        None
    }

    /// Where a table element goes: inside a cell (or a table nested in one) a table is a
    /// [`Role::NestedTable`] and its sections, rows and cells plain containers, so a nested
    /// table is read as more blocks of the enclosing cell; a section, row or cell outside any
    /// table is ignored, as a browser ignores it (its text stays, as loose text).
    fn table_placement(&self, role: Role) -> Option<Role> {
        let innermost = self
            .open
            .iter()
            .rev()
            .find_map(|element| match element.role {
                Role::Table { .. } | Role::NestedTable | Role::Cell { .. } => Some(&element.role),
                _ => None,
            });
        let is_table = matches!(role, Role::Table { .. });
        match innermost {
            Some(Role::Cell { .. } | Role::NestedTable) if is_table => Some(Role::NestedTable),
            Some(Role::NestedTable) => Some(Role::Container),
            None if !is_table => None,
            _ => Some(role),
        }
    }

    /// Gives a table, row or cell its numbers from the tables and rows open around it (after
    /// [`Self::close_implicitly`] closed the previous row or cell); other roles pass through.
    /// A cell straight in a table or section gets a row, as a browser opens one for it.
    fn number_table_role(&mut self, role: Role) -> Option<Role> {
        let table_at = self
            .open
            .iter()
            .rposition(|element| matches!(element.role, Role::Table { .. }));
        match role {
            Role::Table { .. } => {
                let id = self.next_table;
                self.next_table = self.next_table.saturating_add(1);
                Some(Role::Table { id, next_row: 0 })
            }
            Role::Row { .. } => {
                let Role::Table { next_row, .. } = &mut self.open[table_at?].role else {
                    return None;
                };
                let index = *next_row;
                *next_row = next_row.saturating_add(1);
                Some(Role::Row {
                    index,
                    next_column: 0,
                })
            }
            Role::Cell { header, .. } => {
                let table_at = table_at?;
                let row_at = match self.open[table_at..]
                    .iter()
                    .rposition(|element| matches!(element.role, Role::Row { .. }))
                {
                    Some(offset) => table_at + offset,
                    None => {
                        let row = self.number_table_role(Role::Row {
                            index: 0,
                            next_column: 0,
                        })?;
                        if self.open.len() >= MAX_OPEN_ELEMENTS {
                            return None;
                        }
                        self.open.push(OpenElement {
                            name: b"tr".to_vec(),
                            role: row,
                        });
                        self.open.len() - 1
                    }
                };
                let in_head = self.open[table_at..]
                    .iter()
                    .any(|element| element.role == Role::TableSection { head: true });
                let Role::Table { id: table, .. } = self.open[table_at].role else {
                    return None;
                };
                let Role::Row { index, next_column } = &mut self.open[row_at].role else {
                    return None;
                };
                let column = *next_column;
                *next_column = next_column.saturating_add(1);
                Some(Role::Cell {
                    table,
                    row: *index,
                    column,
                    header: header || in_head,
                })
            }
            other => Some(other),
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        self.end_tag_inner(name);
        self.expire_foster();
    }

    fn end_tag_inner(&mut self, name: &[u8]) {
        let closes_open_element = self.filter.open_below_dropped().is_some_and(|below| {
            self.open[..below.min(self.open.len())]
                .iter()
                .any(|element| element.name == name)
        });
        let was_in_title = self.filter.in_title();
        let visible = self.filter.end_tag(name, closes_open_element);
        if was_in_title && !self.filter.in_title() {
            if let Some(title) = self.title_text.take() {
                self.title = Some(collapse_whitespace(&title));
            }
        }
        if !visible {
            return;
        }
        if name == b"br" {
            // `</br>` is read as `<br>` by browsers.
            self.start_tag(name, false, None, (None, None));
            return;
        }
        let Some(role) = role_of(name) else {
            return;
        };
        if role.is_block() {
            self.builder.end_block();
            if let Some(index) = self.open.iter().rposition(|element| element.name == name) {
                self.open.truncate(index);
                self.style = None;
            }
        } else {
            self.remove_nearest(name);
        }
    }

    /// Ends the innermost open inline element called `name`, leaving the elements inside it
    /// open (`<b><i>x</b>y</i>` keeps "y" in italics, as a browser does).
    fn remove_nearest(&mut self, name: &[u8]) {
        if let Some(index) = self.open.iter().rposition(|element| element.name == name) {
            self.open.remove(index);
            self.style = None;
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(title) = self.title_text.as_mut() {
            title.push_str(text);
        }
        if !self.filter.shows_text() {
            return;
        }
        if !text.chars().all(|ch| ch.is_ascii_whitespace()) {
            let foster = self.foster_target();
            if self.builder.foster() != foster {
                self.builder.end_block();
                self.builder.set_foster(foster);
            }
        }
        if !self.builder.has_open_block() {
            if text.chars().all(|ch| ch.is_ascii_whitespace()) {
                return;
            }
            let kind = self.context_kind();
            self.builder.start_block(kind);
        }
        let style = self.current_style();
        self.builder.push_text(text, &style);
    }

    fn current_style(&mut self) -> SpanStyle {
        if let Some(style) = &self.style {
            return style.clone();
        }
        let mut style = SpanStyle::default();
        for element in &self.open {
            match &element.role {
                Role::Emphasis => style.emphasis = true,
                Role::Strong => style.strong = true,
                Role::Code => style.code = true,
                Role::Link(href) => style.link = href.clone(),
                _ => {}
            }
        }
        self.style = Some(style.clone());
        style
    }

    /// The kind of a block starting here: decided by the innermost heading, caption, list item
    /// or block quote around it.
    fn context_kind(&self) -> BlockKind {
        // Text in a cell is cell text whatever else it is in there (a heading, a list), so that
        // the table keeps its grid.
        for element in self.open.iter().rev() {
            if let Role::Cell {
                table,
                row,
                column,
                header,
            } = element.role
            {
                return BlockKind::TableCell {
                    table,
                    row,
                    column,
                    header,
                    align: CellAlign::Default,
                };
            }
        }
        for (index, element) in self.open.iter().enumerate().rev() {
            match element.role {
                Role::Heading(level) => return BlockKind::Heading { level },
                Role::Caption => return BlockKind::FigureCaption,
                Role::Item => {
                    let (lists, ordered) =
                        lists_around(self.open[..index].iter().map(|outer| match outer.role {
                            Role::List { ordered } => Some(ordered),
                            _ => None,
                        }));
                    return BlockKind::ListItem {
                        ordered,
                        depth: u8::try_from(lists.saturating_sub(1)).unwrap_or(u8::MAX),
                    };
                }
                Role::Quote => return BlockKind::BlockQuote,
                _ => {}
            }
        }
        BlockKind::Paragraph
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
mod tests {
    use super::*;
    use crate::core::article::Block;

    fn texts(article: &Article) -> Vec<String> {
        article.blocks.iter().map(Block::text).collect()
    }

    fn links(article: &Article) -> Vec<String> {
        article
            .blocks
            .iter()
            .flat_map(|block| &block.spans)
            .filter_map(|span| span.style.link.clone())
            .collect()
    }

    #[test]
    fn structure_and_kinds() {
        let html = "<!DOCTYPE html><html><head><title>The  Title</title>\
            <meta charset=utf-8><link rel=stylesheet href=x.css></head><body>\
            <h1>Headline</h1><p>First <em>para</em>.</p>\
            <blockquote><p>Quoted one</p><p>Quoted two</p></blockquote>\
            <ul><li>Top<ol><li>Inner</li></ol></li><li>Second</li></ul>\
            <figure><img src=a.jpg alt=pic><figcaption>Caption</figcaption></figure>\
            <h2>Sub</h2><div>Loose <b>text</b><br>after break</div>\
            <table><tr><td>Cell A</td><td>Cell B</td></tr></table></body></html>";
        let article = Article::from_html(html).unwrap();
        assert_eq!(article.title, "The Title");
        assert_eq!(article.source, SourceFormat::Html);
        let kinds: Vec<(String, BlockKind)> = article
            .blocks
            .iter()
            .map(|block| (block.text(), block.kind))
            .collect();
        let unordered = |depth| BlockKind::ListItem {
            ordered: false,
            depth,
        };
        let cell = |column| BlockKind::TableCell {
            table: 0,
            row: 0,
            column,
            header: false,
            align: CellAlign::Default,
        };
        assert_eq!(
            kinds,
            [
                ("Headline".into(), BlockKind::Heading { level: 1 }),
                ("First para.".into(), BlockKind::Paragraph),
                ("Quoted one".into(), BlockKind::BlockQuote),
                ("Quoted two".into(), BlockKind::BlockQuote),
                ("Top".into(), unordered(0)),
                (
                    "Inner".into(),
                    BlockKind::ListItem {
                        ordered: true,
                        depth: 1
                    }
                ),
                ("Second".into(), unordered(0)),
                ("Caption".into(), BlockKind::FigureCaption),
                ("Sub".into(), BlockKind::Heading { level: 2 }),
                ("Loose text after break".into(), BlockKind::Paragraph),
                ("Cell A".into(), cell(0)),
                ("Cell B".into(), cell(1)),
            ]
        );
        let loose = &article.blocks[9].spans;
        assert!(loose[1].style.strong && loose[1].text == "text");
    }

    #[test]
    fn title_falls_back_to_first_h1_then_body_text() {
        let cases = [
            ("<h2>Kicker</h2><h1>Main</h1><p>x</p>", "Main"),
            ("<title> </title><h1>Main</h1>", "Main"),
            ("<p>Just a paragraph</p>", "Just a paragraph"),
        ];
        for (html, title) in cases {
            assert_eq!(Article::from_html(html).unwrap().title, title, "{html}");
        }
    }

    /// Each hostile input: (html, the blocks it must produce).
    #[test]
    fn hostile_corpus_keeps_legitimate_text_and_no_unsafe_link() {
        let cases: &[(&str, &[&str])] = &[
            ("<p>Before<img src=x onerror=alert(1)>after</p>", &["Beforeafter"]),
            ("<p>Safe</p><script>alert('x')</script><p>Text</p>", &["Safe", "Text"]),
            ("<script>if (a<b && c>d) { document.write('<p>evil</p>') }</script><p>Ok</p>", &["Ok"]),
            ("<p>Icon: <svg onload=alert(1)><text>svg text</text></svg> done</p>", &["Icon: done"]),
            ("<p>A</p><iframe srcdoc=\"<script>alert(1)</script>\">fallback</iframe><p>B</p>", &["A", "B"]),
            ("<p><a href=\"javascript:alert(1)\">click</a> me</p>", &["click me"]),
            ("<p><a href=\"data:text/html,<script>alert(1)</script>\">data</a></p>", &["data"]),
            ("<p><a href=\"vbscript:msgbox(1)\">vb</a></p>", &["vb"]),
            ("<p>x<math><mi xlink:href=\"javascript:alert(1)\">math</mi></math>y</p>", &["xy"]),
            ("<style>p { color: red } </style><p>Styled</p>", &["Styled"]),
            ("<p>Obj<object data=evil.swf>fallback</object>ect</p>", &["Object"]),
            ("<p>Emb<embed src=evil.swf>ed</p>", &["Embed"]),
            ("<p>Before</p><form action=x><button formaction=\"javascript:alert(1)\">Go</button>\
              <input value=evil></form><p>After</p>", &["Before", "After"]),
            ("<body onload=alert(1)><p>Body text</p></body>", &["Body text"]),
            ("<details open ontoggle=alert(1)><summary>Sum</summary>Detail</details>", &["Sum", "Detail"]),
            ("<p><a href=\"&#106;avascript:alert(1)\">ent</a></p>", &["ent"]),
            ("<p><a href=\"&#x6A;avascript&colon;alert(1)\">hex</a></p>", &["hex"]),
            ("<p><a href=\"JaVaScRiPt:alert(1)\">case</a></p>", &["case"]),
            ("<p><a href=\"java&Tab;script:alert(1)\">tab</a></p>", &["tab"]),
            ("<p><a href=\"  javascript:alert(1)\">lead</a></p>", &["lead"]),
            ("<p><a href=\"&amp;#106;avascript:alert(1)\">double</a></p>", &["double"]),
            ("<p>Unclosed <b>bold <i>both</p><p>Next", &["Unclosed bold both", "Next"]),
            ("<p>Mis<b>nest<i>ed</b> still</i> here", &["Misnested still here"]),
            ("<p>A<!-- <script>alert(1)</script> <p>hidden</p> -->B</p>", &["AB"]),
            ("<noscript><p>No script</p></noscript><p>Visible</p>", &["Visible"]),
            // Outside SVG/MathML a browser reads CDATA as a bogus comment ending at the first
            // `>`: the rest is shown as text (never run), and so it is here.
            ("<p>C<![CDATA[<script>x()</script>]]>D</p>", &["Cx()]]>D"]),
            ("<p>E<svg><![CDATA[<script>alert(1)</script>]]></svg>F</p>", &["EF"]),
            ("<template><p>Template</p></template><p>Shown</p>", &["Shown"]),
            ("<textarea><p>Typed</p></textarea><select><option>Opt</select><p>Real</p>", &["Real"]),
            ("<p>Title <title>Hidden</title>visible</p>", &["Title visible"]),
            ("<p>Open <svg><p>Broke out</p>", &["Open", "Broke out"]),
            ("<div>Form <object><div>hidden</div></object>left <button>Click</div><p>Kept</p>", &["Form left", "Kept"]),
            ("<body><form id=aspnetForm action=\"javascript:alert(1)\"><div><h1>Whole</h1><p>page</p>\
              <input type=submit value=Send><button>Send</button></div></form>", &["Whole", "page"]),
            ("<p>An <a href=\"https://ok.example/\" onclick=\"alert(1)\" style=\"x\">ok link</a></p>", &["An ok link"]),
        ];
        for (html, expected) in cases {
            let article =
                Article::from_html(html).unwrap_or_else(|error| panic!("{html}: {error}"));
            assert_eq!(texts(&article), *expected, "html {html}");
            for link in links(&article) {
                assert!(
                    sanitize_link_url(&link).as_deref() == Some(link.as_str())
                        && !link.to_ascii_lowercase().contains("script"),
                    "unsafe link {link:?} kept from {html}"
                );
            }
            let text = article.text_content();
            assert!(
                !text.contains("alert"),
                "script text leaked from {html}: {text:?}"
            );
        }
    }

    #[test]
    fn safe_links_keep_only_their_href() {
        let article = Article::from_html(
            "<p>See <a href=\" https://example.com/a?b=1&amp;c=2 \" target=_blank>the <em>source</em></a>.</p>",
        )
        .unwrap();
        let spans = &article.blocks[0].spans;
        let link = Some("https://example.com/a?b=1&c=2".to_string());
        assert_eq!(spans[1].text, "the ");
        assert_eq!(spans[1].style.link, link);
        assert_eq!(spans[2].text, "source");
        assert!(spans[2].style.emphasis);
        assert_eq!(spans[2].style.link, link);
        assert_eq!(spans[3].text, ".");
        assert_eq!(spans[3].style, SpanStyle::default());
    }

    #[test]
    fn entities_are_decoded_and_nbsp_kept() {
        let article = Article::from_html(
            "<p>&ldquo;Caf&eacute;&rdquo; &amp; 10&nbsp;km &lt;tag&gt; &#128512;</p>",
        )
        .unwrap();
        assert_eq!(
            article.text_content(),
            "\u{201c}Café\u{201d} & 10\u{a0}km <tag> 😀"
        );
    }

    #[test]
    fn nothing_visible_is_empty() {
        for html in [
            "<script>alert(1)</script>",
            "<html><head><title>Only a title</title></head><body> </body></html>",
            "<p>&nbsp;</p><div> \n </div>",
            "<svg><text>drawing</text></svg>",
        ] {
            assert_eq!(Article::from_html(html), Err(LoadError::Empty), "{html}");
        }
    }

    #[test]
    fn visible_text_flattens_blocks() {
        assert_eq!(
            visible_text(
                "<div>\n<p>One <b>two</b></p><script>x()</script><p>three</p></div>",
                &crate::core::article::Html5gum
            ),
            "One two three"
        );
    }

    #[test]
    fn raw_text_ends_where_a_tokenizer_ends_it() {
        assert_eq!(raw_text_end("a</NoScript >b", b"noscript"), Some((1, 13)));
        assert_eq!(raw_text_end("</noscript/x>", b"noscript"), Some((0, 13)));
        assert_eq!(raw_text_end("</noscripts>", b"noscript"), None);
        assert_eq!(raw_text_end("</noscript", b"noscript"), None);
        assert_eq!(raw_text_end("x</style\ny", b"style"), Some((1, 10)));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let html = format!(
            "{}deep{}",
            "<b><div>".repeat(2000),
            "</div></b>".repeat(2000)
        );
        let article = Article::from_html(&html).unwrap();
        assert_eq!(article.text_content(), "deep");
    }
}
