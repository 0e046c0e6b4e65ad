//! Plain-text articles: paragraphs separated by blank lines, the first paragraph being the
//! headline (and the title), e.g. "Donald Trump asks senior aide to invite Vladimir Putin to
//! Washington DC\n\nPresident Trump earlier said ...".

use super::builder::{is_collapsible_whitespace, ArticleBuilder};
use super::load::check_input;
use super::{Article, BlockKind, LoadError, SourceFormat, SpanStyle};

impl Article {
    /// Loads a plain-text article. Line endings may be LF, CRLF or CR; a line holding only
    /// whitespace is blank; one or more blank lines end a paragraph; line breaks inside a
    /// paragraph read as spaces. The first paragraph becomes a level-1 heading and the title.
    pub fn from_text(input: &str) -> Result<Article, LoadError> {
        let input = check_input(input)?;
        let style = SpanStyle::default();
        let mut builder = ArticleBuilder::new();
        for line in lines(input) {
            if line.chars().all(is_collapsible_whitespace) {
                builder.end_block();
                continue;
            }
            if !builder.has_open_block() {
                let kind = if builder.blocks().is_empty() {
                    BlockKind::Heading { level: 1 }
                } else {
                    BlockKind::Paragraph
                };
                builder.start_block(kind);
            }
            builder.push_text(line, &style);
            builder.push_text("\n", &style);
        }
        builder.end_block();
        let title = builder
            .blocks()
            .first()
            .map(|headline| headline.text())
            .unwrap_or_default();
        builder.finish(&title, SourceFormat::Text)
    }
}

/// The lines of `input` split at LF, CRLF or lone CR, without their line endings.
fn lines(input: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(input);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\n', '\r']) {
            Some(end) => {
                let ending_len = if text[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&text[end + ending_len..]);
                Some(&text[..end])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO_START: &str = "Donald Trump asks senior aide to invite Vladimir Putin to \
        Washington DC\n\nPresident Trump earlier said he would be \"very happy\" to meet the \
        Russian leader.\n\n\u{201c}We\u{2019}ll see what happens,\u{201d} he added.";

    #[test]
    fn demo_article_headline_becomes_heading_and_title() {
        let article = Article::from_text(DEMO_START).unwrap();
        assert_eq!(
            article.title,
            "Donald Trump asks senior aide to invite Vladimir Putin to Washington DC"
        );
        assert_eq!(article.source, SourceFormat::Text);
        let kinds: Vec<BlockKind> = article.blocks.iter().map(|block| block.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading { level: 1 },
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(article.text_content(), DEMO_START);
    }

    #[test]
    fn line_endings_blank_lines_and_tabs() {
        // (input, expected text content, expected number of blocks)
        let cases: &[(&str, &str, usize)] = &[
            ("Title\n\nOne\ntwo", "Title\n\nOne two", 2),
            ("Title\r\n\r\nOne\r\ntwo\r\n", "Title\n\nOne two", 2),
            ("Title\r\rOne\rtwo\r", "Title\n\nOne two", 2),
            ("Title\n\n\n\n\nOne", "Title\n\nOne", 2),
            ("\n\n  \nTitle\n\nOne\n\n \t \n", "Title\n\nOne", 2),
            (
                "Title\n \t\nOne\t\ttab\u{c}feed",
                "Title\n\nOne tab feed",
                2,
            ),
            ("Multi\nline title\n\nBody", "Multi line title\n\nBody", 2),
            ("Only a headline", "Only a headline", 1),
            (
                "Title\n\n10\u{a0}000\u{a0}km",
                "Title\n\n10\u{a0}000\u{a0}km",
                2,
            ),
            ("Title\r\n\n\rA\n\r\nB", "Title\n\nA\n\nB", 3),
        ];
        for (input, expected, blocks) in cases {
            let article = Article::from_text(input).unwrap();
            assert_eq!(article.text_content(), *expected, "input {input:?}");
            assert_eq!(article.blocks.len(), *blocks, "input {input:?}");
        }
    }

    #[test]
    fn byte_order_mark_is_not_part_of_the_headline() {
        let article = Article::from_text("\u{feff}Headline\r\n\r\nBody").unwrap();
        assert_eq!(article.title, "Headline");
        assert_eq!(article.text_content(), "Headline\n\nBody");
    }

    #[test]
    fn empty_and_binary_inputs_are_rejected() {
        assert_eq!(Article::from_text(""), Err(LoadError::Empty));
        assert_eq!(Article::from_text("\r\n \t\r\n"), Err(LoadError::Empty));
        assert_eq!(Article::from_text("%PDF\0\u{1}"), Err(LoadError::Binary));
    }

    #[test]
    fn lines_split_on_every_line_ending() {
        let split: Vec<&str> = lines("a\r\nb\rc\nd").collect();
        assert_eq!(split, ["a", "b", "c", "d"]);
        assert_eq!(lines("").collect::<Vec<_>>(), [""]);
    }
}
