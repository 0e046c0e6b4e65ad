//! How the sanitiser classifies elements: what each kept one does to the model, which are
//! dropped with their content, and the HTML parsing rules (void, head, table, foreign
//! content) the walker needs to repair misnesting as a browser does.

/// What an element does to the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Role {
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
    pub(super) fn is_block(&self) -> bool {
        !matches!(
            self,
            Role::Emphasis | Role::Strong | Role::Code | Role::Link(_)
        )
    }
}

/// The role of a kept element, or `None` for an element whose tag is dropped (text kept).
pub(super) fn role_of(name: &[u8]) -> Option<Role> {
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
pub(super) enum DropKind {
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

pub(super) fn drop_kind(name: &[u8]) -> Option<DropKind> {
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
pub(super) fn breaks_out_of_foreign_content(name: &[u8]) -> bool {
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
pub(super) fn is_table_structure(name: &[u8]) -> bool {
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
pub(super) fn belongs_in_head(name: &[u8]) -> bool {
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
pub(super) fn is_void(name: &[u8]) -> bool {
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
