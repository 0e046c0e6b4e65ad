//! Cutting an article into chunks of consecutive blocks: the unit the widget draws long
//! articles in, a chunk at a time, and compares on each change.

use std::ops::Range;

use crate::core::article::{Article, BlockKind};

/// Blocks per chunk, extended so that a list or a table is never split between two chunks.
pub const CHUNK_BLOCKS: usize = 100;

/// Cuts an article's blocks into chunks of about [`CHUNK_BLOCKS`].
pub fn chunk_ranges(article: &Article) -> Vec<Range<usize>> {
    let blocks = &article.blocks;
    let mut chunks = Vec::with_capacity(blocks.len() / CHUNK_BLOCKS + 1);
    let mut start = 0;
    for index in 1..=blocks.len() {
        let continues_group = index < blocks.len()
            && matches!(
                (blocks[index - 1].kind, blocks[index].kind),
                (BlockKind::ListItem { ordered: a, .. }, BlockKind::ListItem { ordered: b, .. })
                    if a == b
            )
            || index < blocks.len() && same_table(blocks[index - 1].kind, blocks[index].kind);
        if index == blocks.len() || (index - start >= CHUNK_BLOCKS && !continues_group) {
            chunks.push(start..index);
            start = index;
        }
    }
    chunks
}

/// Whether two blocks are cells of the same table (drawn as one `<table>`).
pub fn same_table(a: BlockKind, b: BlockKind) -> bool {
    matches!(
        (a, b),
        (BlockKind::TableCell { table: a, .. }, BlockKind::TableCell { table: b, .. }) if a == b
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_block_once_and_never_split_a_list() {
        let mut markdown = String::from("# Title\n\n");
        for i in 0..250 {
            markdown.push_str(&format!("Paragraph {i}.\n\n"));
            if i == 95 {
                for item in 0..20 {
                    markdown.push_str(&format!("- item {item}\n"));
                }
                markdown.push('\n');
            }
        }
        let article = Article::from_markdown(&markdown).unwrap();
        let chunks = chunk_ranges(&article);
        assert!(chunks.len() > 2);
        assert_eq!(chunks.first().map(|c| c.start), Some(0));
        assert_eq!(chunks.last().map(|c| c.end), Some(article.blocks.len()));
        for pair in chunks.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            let before = article.blocks[pair[0].end - 1].kind;
            let after = article.blocks[pair[1].start].kind;
            assert!(
                !matches!(
                    (before, after),
                    (BlockKind::ListItem { .. }, BlockKind::ListItem { .. })
                ),
                "a list was split at {}",
                pair[0].end
            );
        }
    }

    #[test]
    fn a_table_is_never_split() {
        let mut markdown = String::from("# Title\n\n");
        for i in 0..95 {
            markdown.push_str(&format!("Paragraph {i}.\n\n"));
        }
        markdown.push_str("| a | b |\n|---|---|\n");
        for row in 0..20 {
            markdown.push_str(&format!("| {row}a | {row}b |\n"));
        }
        markdown.push_str("\nAfter.\n");
        let article = Article::from_markdown(&markdown).unwrap();
        let chunks = chunk_ranges(&article);
        assert_eq!(chunks.len(), 2);
        assert!(!same_table(
            article.blocks[chunks[0].end - 1].kind,
            article.blocks[chunks[1].start].kind
        ));
    }

    #[test]
    fn a_short_article_is_one_chunk() {
        let article = Article::from_text("Headline\n\nOne.\n\nTwo.").unwrap();
        assert_eq!(chunk_ranges(&article), vec![0..3]);
    }
}
