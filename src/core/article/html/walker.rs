//! The walker: turns the filtered token stream into blocks and spans, repairing misnesting
//! with a few of the browser's tree-building rules.

use super::elements::*;
use super::filter::ContentFilter;
use super::{lists_around, MAX_OPEN_ELEMENTS};
use crate::core::article::builder::{collapse_whitespace, ArticleBuilder};
use crate::core::article::url::sanitize_link_url;
use crate::core::article::{BlockKind, CellAlign, SpanStyle};

pub(super) struct OpenElement {
    pub(super) name: Vec<u8>,
    pub(super) role: Role,
}

pub(super) struct Walker {
    pub(super) builder: ArticleBuilder,
    pub(super) filter: ContentFilter,
    pub(super) open: Vec<OpenElement>,
    /// The style for text at the current position; `None` after the open elements changed.
    pub(super) style: Option<SpanStyle>,
    pub(super) title: Option<String>,
    pub(super) title_text: Option<String>,
    /// The number the next (outermost) table gets.
    pub(super) next_table: u32,
    /// Foster parenting: an element started inside a table but outside its cells, as
    /// (how many elements were open below it, the table). Its content belongs before the table.
    pub(super) fostered: Option<(usize, u32)>,
}

impl Walker {
    pub(super) fn new() -> Self {
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

    pub(super) fn start_tag(
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
    pub(super) fn close_implicitly(&mut self, role: &Role) {
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
    pub(super) fn foster_target(&mut self) -> Option<u32> {
        self.expire_foster();
        match self.fostered {
            Some((_, table)) => Some(table),
            None => self.table_context(),
        }
    }

    /// Forgets the fostered element once it is closed (checked after every end tag, before
    /// anything else can open an element in its place).
    pub(super) fn expire_foster(&mut self) {
        if self
            .fostered
            .is_some_and(|(below, _)| self.open.len() <= below)
        {
            self.fostered = None;
        }
    }

    pub(super) fn table_context(&self) -> Option<u32> {
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
    pub(super) fn table_placement(&self, role: Role) -> Option<Role> {
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
    pub(super) fn number_table_role(&mut self, role: Role) -> Option<Role> {
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

    pub(super) fn end_tag(&mut self, name: &[u8]) {
        self.end_tag_inner(name);
        self.expire_foster();
    }

    pub(super) fn end_tag_inner(&mut self, name: &[u8]) {
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
    pub(super) fn remove_nearest(&mut self, name: &[u8]) {
        if let Some(index) = self.open.iter().rposition(|element| element.name == name) {
            self.open.remove(index);
            self.style = None;
        }
    }

    pub(super) fn text(&mut self, text: &str) {
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

    pub(super) fn current_style(&mut self) -> SpanStyle {
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
    pub(super) fn context_kind(&self) -> BlockKind {
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
