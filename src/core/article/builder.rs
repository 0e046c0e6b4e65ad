//! The one place the text-content rules (see the [module docs](super)) are applied: every loader
//! feeds blocks of raw, styled text into [`ArticleBuilder`], which collapses whitespace, trims
//! block edges, merges spans, drops empty blocks and computes code point offsets.

use super::url::sanitize_image_url;
use super::{
    Article, Block, BlockKind, Figure, LoadError, SourceFormat, Span, SpanStyle, BLOCK_SEPARATOR,
};

/// Code points in [`BLOCK_SEPARATOR`].
const SEPARATOR_CHARS: usize = 2;

/// Whitespace the text-content rule collapses: ASCII whitespace as HTML defines it (space, tab,
/// LF, form feed, CR). U+00A0 and other Unicode spaces are text and stay as they are, exactly as
/// a browser keeps `&nbsp;`.
pub(crate) fn is_collapsible_whitespace(ch: char) -> bool {
    ch.is_ascii_whitespace()
}

/// `text` with every collapsible whitespace run replaced by one space and the edges trimmed:
/// the text-content rule for a single string (used for titles).
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text
        .split(is_collapsible_whitespace)
        .filter(|word| !word.is_empty())
    {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

/// A block being filled.
struct OpenBlock {
    kind: BlockKind,
    spans: Vec<Span>,
    /// Code points pushed so far.
    len: usize,
    /// The last code point pushed is a space standing for a collapsed whitespace run, so further
    /// whitespace is absorbed by it (and it is removed again if the block ends here).
    ends_in_collapsed_space: bool,
    /// Whether any code point is visible (not whitespace of any kind). A block of only
    /// U+00A0 — the classic CMS spacer `<p>&nbsp;</p>` — counts as empty.
    has_visible_text: bool,
}

/// Assembles an [`Article`] block by block. Text may arrive in any number of pieces; the result
/// only depends on the concatenated text and styles, never on how it was split.
pub(crate) struct ArticleBuilder {
    blocks: Vec<Block>,
    text_content: String,
    /// Code points in `text_content`, kept so offsets cost nothing to compute.
    text_content_chars: usize,
    open: Option<OpenBlock>,
    figures: Vec<Figure>,
    /// Foster parenting (see [`Self::set_foster`]): the table each finished block and each
    /// figure belongs before, where the source put it inside that table but outside its cells.
    foster: Option<u32>,
    block_foster: Vec<Option<u32>>,
    figure_foster: Vec<Option<u32>>,
    /// Index of the first block of each table, by table number.
    table_starts: Vec<usize>,
}

impl ArticleBuilder {
    pub(crate) fn new() -> Self {
        Self {
            blocks: Vec::new(),
            text_content: String::new(),
            text_content_chars: 0,
            open: None,
            figures: Vec::new(),
            foster: None,
            block_foster: Vec::new(),
            figure_foster: Vec::new(),
            table_starts: Vec::new(),
        }
    }

    /// Ends the open block, if any, and opens a new one of `kind`.
    pub(crate) fn start_block(&mut self, kind: BlockKind) {
        self.end_block();
        self.open = Some(OpenBlock {
            kind: clamp_kind(kind),
            spans: Vec::new(),
            len: 0,
            ends_in_collapsed_space: false,
            has_visible_text: false,
        });
    }

    /// Opens a block of `kind` unless one is already open.
    pub(crate) fn ensure_block(&mut self, kind: BlockKind) {
        if self.open.is_none() {
            self.start_block(kind);
        }
    }

    pub(crate) fn has_open_block(&self) -> bool {
        self.open.is_some()
    }

    /// Appends raw text to the open block (opening a paragraph if none is open), collapsing
    /// whitespace runs — also across pieces and style changes — into one space. The space takes
    /// the style of the text where the run started, as in a browser.
    pub(crate) fn push_text(&mut self, text: &str, style: &SpanStyle) {
        if text.is_empty() {
            return;
        }
        self.ensure_block(BlockKind::Paragraph);
        let Some(block) = self.open.as_mut() else {
            return;
        };
        let mut rest = text;
        while !rest.is_empty() {
            let word_end = rest.find(is_collapsible_whitespace).unwrap_or(rest.len());
            let (word, after_word) = rest.split_at(word_end);
            if !word.is_empty() {
                block.append(word, style);
                block.ends_in_collapsed_space = false;
                if !block.has_visible_text {
                    block.has_visible_text = word.chars().any(|ch| !ch.is_whitespace());
                }
            }
            let spaces_end = after_word
                .find(|ch: char| !is_collapsible_whitespace(ch))
                .unwrap_or(after_word.len());
            if spaces_end > 0 && block.len > 0 && !block.ends_in_collapsed_space {
                block.append(" ", style);
                block.ends_in_collapsed_space = true;
            }
            rest = &after_word[spaces_end..];
        }
    }

    /// Closes the open block: trims its trailing collapsed space, drops it if it has no visible
    /// text, otherwise records its offsets and appends its text to the text content.
    pub(crate) fn end_block(&mut self) {
        let Some(mut block) = self.open.take() else {
            return;
        };
        if block.ends_in_collapsed_space {
            block.remove_last_char();
        }
        if !block.has_visible_text || block.len == 0 {
            return;
        }
        if !self.blocks.is_empty() {
            self.text_content.push_str(BLOCK_SEPARATOR);
            self.text_content_chars += SEPARATOR_CHARS;
        }
        let start = self.text_content_chars;
        for span in &block.spans {
            self.text_content.push_str(&span.text);
        }
        self.text_content_chars += block.len;
        self.block_foster.push(self.foster);
        self.blocks.push(Block {
            kind: block.kind,
            spans: block.spans,
            start,
            len: block.len,
        });
    }

    /// Records an image at the current position: before the next block, or after the open
    /// block when that already has text (an image inside a paragraph is drawn after it). Its
    /// `src` goes through [`sanitize_image_url`]; its alt text is collapsed like block text and
    /// never enters the text content.
    pub(crate) fn push_image(&mut self, src: Option<&str>, alt: &str) {
        let open_has_text = self.open.as_ref().is_some_and(|open| open.has_visible_text);
        self.figures.push(Figure {
            at: self.blocks.len() + usize::from(open_has_text),
            src: src.and_then(sanitize_image_url),
            alt: collapse_whitespace(alt),
        });
        self.figure_foster.push(self.foster);
    }

    /// Records that table number `table` starts here, before the next block.
    pub(crate) fn start_table(&mut self, table: u32) {
        let Ok(table) = usize::try_from(table) else {
            return;
        };
        if self.table_starts.len() <= table {
            self.table_starts.resize(table + 1, self.blocks.len());
        }
        self.table_starts[table] = self.blocks.len();
    }

    /// The table that blocks finished from now on (and images pushed) belong before: a browser
    /// moves content found inside a table but outside its cells to just before the table
    /// ("foster parenting"), and the browser's own parser has already done so, so the native
    /// reader must too for both to give the same text content. `finish` does the moving.
    pub(crate) fn set_foster(&mut self, table: Option<u32>) {
        self.foster = table;
    }

    pub(crate) fn foster(&self) -> Option<u32> {
        self.foster
    }

    /// Moves fostered blocks and figures before their table (keeping document order among
    /// them) and recomputes offsets and the text content. Linear, without sorting: content is
    /// only ever moved to just before the start of its table.
    fn apply_foster_parenting(&mut self) {
        let count = self.blocks.len();
        // Where an item at `index` fostered to `table` goes: before block `start`, when its
        // table started before it.
        let moved_before = |index: usize, table: Option<u32>| {
            table
                .and_then(|table| usize::try_from(table).ok())
                .and_then(|table| self.table_starts.get(table).copied())
                .filter(|&start| start < index)
        };
        let targets: Vec<Option<usize>> = (0..count)
            .map(|index| moved_before(index, self.block_foster.get(index).copied().flatten()))
            .collect();
        if targets.iter().all(Option::is_none) {
            return;
        }
        let mut moved: Vec<Vec<usize>> = vec![Vec::new(); count + 1];
        for (index, target) in targets.iter().enumerate() {
            if let Some(start) = target {
                moved[*start].push(index);
            }
        }
        // The new order, and for each old position where the blocks moved before it begin in
        // the new order (`moved_at`) and where the block itself lands (`stays_at`).
        let mut order = Vec::with_capacity(count);
        let mut moved_at = Vec::with_capacity(count + 1);
        let mut stays_at = Vec::with_capacity(count + 1);
        for position in 0..=count {
            moved_at.push(order.len());
            order.extend_from_slice(&moved[position]);
            stays_at.push(order.len());
            if position < count && targets[position].is_none() {
                order.push(position);
            }
        }
        let mut old: Vec<Option<Block>> = std::mem::take(&mut self.blocks)
            .into_iter()
            .map(Some)
            .collect();
        self.text_content.clear();
        self.text_content_chars = 0;
        for index in order {
            let Some(mut block) = old.get_mut(index).and_then(Option::take) else {
                continue;
            };
            if !self.blocks.is_empty() {
                self.text_content.push_str(BLOCK_SEPARATOR);
                self.text_content_chars += SEPARATOR_CHARS;
            }
            block.start = self.text_content_chars;
            for span in &block.spans {
                self.text_content.push_str(&span.text);
            }
            self.text_content_chars += block.len;
            self.blocks.push(block);
        }
        // A figure stays before the block it preceded, or goes before its table after the
        // content fostered there before it. Each kind stays in document order, so the two are
        // merged, not sorted.
        let mut staying = Vec::new();
        let mut fostered = Vec::new();
        for (index, mut figure) in std::mem::take(&mut self.figures).into_iter().enumerate() {
            let table = self.figure_foster.get(index).copied().flatten();
            match moved_before(figure.at, table) {
                Some(start) => {
                    let earlier = moved[start].partition_point(|&block| block < figure.at);
                    figure.at = moved_at[start] + earlier;
                    fostered.push(figure);
                }
                None => {
                    figure.at = stays_at[figure.at.min(count)];
                    staying.push(figure);
                }
            }
        }
        let mut staying = staying.into_iter().peekable();
        let mut fostered = fostered.into_iter().peekable();
        while let Some(next) = match (staying.peek(), fostered.peek()) {
            (Some(a), Some(b)) if b.at < a.at => fostered.next(),
            (Some(_), _) => staying.next(),
            (None, _) => fostered.next(),
        } {
            self.figures.push(next);
        }
    }

    /// The blocks finished so far.
    pub(crate) fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Ends the open block and returns the article, or [`LoadError::Empty`] when no block has
    /// any visible text. `title` is collapsed by the same whitespace rule as block text.
    pub(crate) fn finish(
        mut self,
        title: &str,
        source: SourceFormat,
    ) -> Result<Article, LoadError> {
        self.end_block();
        if self.blocks.is_empty() {
            return Err(LoadError::Empty);
        }
        self.apply_foster_parenting();
        Ok(Article {
            title: collapse_whitespace(title),
            blocks: self.blocks,
            source,
            figures: self.figures,
            text_content: self.text_content,
        })
    }
}

impl OpenBlock {
    /// Appends `text` to the last span when the style matches (so adjacent equal styles are
    /// merged as they arrive), otherwise starts a new span.
    fn append(&mut self, text: &str, style: &SpanStyle) {
        self.len += text.chars().count();
        match self.spans.last_mut() {
            Some(last) if last.style == *style => last.text.push_str(text),
            _ => self.spans.push(Span {
                text: text.to_owned(),
                style: style.clone(),
            }),
        }
    }

    fn remove_last_char(&mut self) {
        if let Some(last) = self.spans.last_mut() {
            if last.text.pop().is_some() {
                self.len -= 1;
            }
            if last.text.is_empty() {
                self.spans.pop();
            }
        }
    }
}

fn clamp_kind(kind: BlockKind) -> BlockKind {
    match kind {
        BlockKind::Heading { level } => BlockKind::Heading {
            level: level.clamp(1, 6),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> SpanStyle {
        SpanStyle::default()
    }

    fn strong() -> SpanStyle {
        SpanStyle {
            strong: true,
            ..SpanStyle::default()
        }
    }

    fn build(blocks: &[&[(&str, SpanStyle)]]) -> Result<Article, LoadError> {
        let mut builder = ArticleBuilder::new();
        for pieces in blocks {
            builder.start_block(BlockKind::Paragraph);
            for (text, style) in pieces.iter() {
                builder.push_text(text, style);
            }
        }
        builder.finish("  A \t title\n", SourceFormat::Text)
    }

    #[test]
    fn collapses_whitespace_across_pieces_and_trims_edges() {
        let article = build(&[&[
            (" \r\n\tOne ", plain()),
            ("\u{c}  two", plain()),
            ("\n\nthree \t", plain()),
        ]])
        .unwrap();
        assert_eq!(article.text_content(), "One two three");
        assert_eq!(article.title, "A title");
        assert_eq!(article.blocks[0].spans.len(), 1, "equal styles merge");
    }

    #[test]
    fn keeps_non_breaking_spaces() {
        let article = build(&[&[("\u{a0}10\u{a0}000 \u{a0} kr\u{a0}", plain())]]).unwrap();
        assert_eq!(article.text_content(), "\u{a0}10\u{a0}000 \u{a0} kr\u{a0}");
    }

    #[test]
    fn space_takes_the_style_where_the_run_started() {
        let article =
            build(&[&[("Say ", plain()), ("hello ", strong()), (" world", plain())]]).unwrap();
        let spans = &article.blocks[0].spans;
        assert_eq!(
            spans.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
            ["Say ", "hello ", "world"]
        );
        assert!(spans[1].style.strong);
    }

    #[test]
    fn trailing_space_in_its_own_span_is_dropped_with_the_span() {
        let article = build(&[&[("word", plain()), (" \n", strong())]]).unwrap();
        assert_eq!(article.blocks[0].spans.len(), 1);
        assert!(!article.blocks[0].spans[0].style.strong);
    }

    #[test]
    fn drops_empty_and_blank_blocks_and_computes_offsets() {
        let article = build(&[
            &[("  ", plain())],
            &[("Ünïcödé 👩\u{200d}👩\u{200d}👧", plain())],
            &[],
            &[("\u{a0}", plain())],
            &[("e\u{301} 🇫🇮", plain())],
        ])
        .unwrap();
        assert_eq!(article.blocks.len(), 2);
        let text: Vec<char> = article.text_content().chars().collect();
        for block in &article.blocks {
            let slice: String = text[block.start..block.end()].iter().collect();
            assert_eq!(slice, block.text());
        }
        assert_eq!(article.blocks[1].start, article.blocks[0].len + 2);
    }

    #[test]
    fn nothing_visible_is_empty() {
        assert_eq!(build(&[&[(" \n ", plain())]]), Err(LoadError::Empty));
        assert_eq!(build(&[]), Err(LoadError::Empty));
    }

    #[test]
    fn heading_levels_are_clamped() {
        let mut builder = ArticleBuilder::new();
        builder.start_block(BlockKind::Heading { level: 9 });
        builder.push_text("Deep", &plain());
        let article = builder.finish("", SourceFormat::Html).unwrap();
        assert_eq!(article.blocks[0].kind, BlockKind::Heading { level: 6 });
    }

    #[test]
    fn collapse_whitespace_matches_block_rule() {
        assert_eq!(collapse_whitespace("\t a\r\n b\u{a0} "), "a b\u{a0}");
        assert_eq!(collapse_whitespace(" \n "), "");
    }
}
