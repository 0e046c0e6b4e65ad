//! The content filter: which tags and text are visible at all (dropped elements and the
//! document head), shared by the HTML walker and the Markdown loader's inline HTML.

use super::elements::*;
use super::MAX_OPEN_ELEMENTS;

/// An element whose content is being dropped.
pub(super) struct DroppedElement {
    pub(super) name: Vec<u8>,
    pub(super) kind: DropKind,
    /// Elements opened inside it and not closed yet, so their end tags are not mistaken for
    /// the end of something around it. Capped at [`MAX_OPEN_ELEMENTS`].
    pub(super) open_inside: Vec<Vec<u8>>,
    /// How many kept elements were open when it started: an end tag for one of them means the
    /// dropped element was left unclosed, and a browser would close it there too.
    pub(super) open_below: usize,
}

/// Decides which tags and text are visible at all: the part of the sanitiser that drops
/// elements with their content and the document head. Shared with the Markdown loader for
/// inline HTML.
pub(crate) struct ContentFilter {
    pub(super) dropping: Option<DroppedElement>,
    pub(super) in_head: bool,
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

    pub(super) fn in_title(&self) -> bool {
        self.dropping
            .as_ref()
            .is_some_and(|dropped| dropped.name == b"title")
    }
}
