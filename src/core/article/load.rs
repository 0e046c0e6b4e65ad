//! Loading an article from any supported input: the input types, the checks every input passes
//! first (size, binary, empty) and the errors a reader sees when loading fails.

use std::fmt;

use unicode_segmentation::UnicodeSegmentation;

use super::builder::collapse_whitespace;
use super::{Article, Block, BlockKind};

/// Largest input accepted, in bytes of UTF-8: 10 MiB. Real articles are far smaller (a long
/// feature is ~100 kB); the limit only protects the page from a wrong file being dropped in.
pub const MAX_ARTICLE_BYTES: usize = 10 * 1024 * 1024;

/// Longest derived title, in code points, when it has to be cut from body text.
const MAX_DERIVED_TITLE_CHARS: usize = 80;

/// Share of suspicious code points (control characters other than tab, LF, CR and form feed, or
/// U+FFFD from lossy UTF-8 decoding) above which an input is taken for binary: one in ten. Text
/// in a legacy 8-bit encoding read as UTF-8 stays well below it (accented letters are a few
/// per cent of the text), while images, PDFs and archives are far above it.
const BINARY_SUSPICIOUS_PER_TEN: usize = 1;

/// The format and text of an article to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleSource {
    Text(String),
    Markdown(String),
    Html(String),
}

/// An article to load, with an optional title that overrides the one derived from the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleInput {
    pub source: ArticleSource,
    pub title: Option<String>,
}

/// Why an input could not be loaded as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The input is empty, only whitespace, or has no readable text once sanitised (for
    /// example an HTML file that only contains a script).
    Empty,
    /// The input looks like a binary file (NUL bytes, or many control or U+FFFD characters).
    Binary,
    /// The input is larger than [`MAX_ARTICLE_BYTES`].
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Empty => write!(
                f,
                "The article is empty: it has no readable text to show and annotate."
            ),
            LoadError::Binary => write!(
                f,
                "The article does not look like text: it seems to be a binary file (such as an \
                 image, a PDF or an archive) or text in an encoding other than UTF-8. Load a \
                 UTF-8 plain-text, Markdown or HTML file."
            ),
            LoadError::TooLarge { bytes, limit } => write!(
                f,
                "The article is too large: it is {} but at most {} can be loaded.",
                human_size(*bytes),
                human_size(*limit)
            ),
        }
    }
}

impl std::error::Error for LoadError {}

fn human_size(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB {
        // Rounded up, so an input just over the limit never reads as equal to it.
        let tenths = (bytes * 10).div_ceil(MIB);
        format!("{}.{} MiB", tenths / 10, tenths % 10)
    } else {
        format!("{bytes} bytes")
    }
}

impl Article {
    /// Loads an article from any supported format, reading HTML with html5gum; see
    /// [`Article::load_with`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load(input: ArticleInput) -> Result<Article, LoadError> {
        Article::load_with(input, &super::html5gum_tokenizer::Html5gum)
    }

    /// Loads an article from any supported format, reading HTML with `tokenizer`. A given
    /// title (after whitespace collapsing) overrides the derived one; a blank one is ignored.
    pub fn load_with(
        input: ArticleInput,
        tokenizer: &dyn super::HtmlTokenizer,
    ) -> Result<Article, LoadError> {
        let mut article = match &input.source {
            ArticleSource::Text(text) => Article::from_text(text)?,
            ArticleSource::Markdown(markdown) => Article::from_markdown_with(markdown, tokenizer)?,
            ArticleSource::Html(html) => Article::from_html_with(html, tokenizer)?,
        };
        if let Some(title) = input.title.as_deref().map(collapse_whitespace) {
            if !title.is_empty() {
                article.title = title;
            }
        }
        Ok(article)
    }
}

/// The checks every input passes before it is parsed, in the order a reader would want to hear
/// about them. Returns the input without a leading byte order mark, which editors on Windows
/// write and which would otherwise become an invisible first character of the article.
pub(crate) fn check_input(input: &str) -> Result<&str, LoadError> {
    if input.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: input.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if looks_binary(input) {
        return Err(LoadError::Binary);
    }
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.chars().all(char::is_whitespace) {
        return Err(LoadError::Empty);
    }
    Ok(input)
}

fn looks_binary(input: &str) -> bool {
    if input.contains('\0') {
        return true;
    }
    let mut total = 0usize;
    let mut suspicious = 0usize;
    for ch in input.chars() {
        total += 1;
        let is_suspicious_control = ch.is_control() && !matches!(ch, '\t' | '\n' | '\r' | '\u{c}');
        if is_suspicious_control || ch == char::REPLACEMENT_CHARACTER {
            suspicious += 1;
        }
    }
    suspicious * 10 > total * BINARY_SUSPICIOUS_PER_TEN
}

/// The title of an article that declares none: its first heading that `is_title` accepts,
/// else the start of its first block, else nothing.
pub(crate) fn derived_title(blocks: &[Block], is_title: impl Fn(&BlockKind) -> bool) -> String {
    blocks
        .iter()
        .find(|block| is_title(&block.kind))
        .map(|heading| heading.text())
        .or_else(|| {
            blocks
                .first()
                .map(|block| title_from_body_text(&block.text()))
        })
        .unwrap_or_default()
}

/// A title cut from body text: at most [`MAX_DERIVED_TITLE_CHARS`] code points, cut at a word
/// boundary when there is one in reach (else at a grapheme boundary, so an emoji or an accented
/// letter is never split), marked with an ellipsis when shortened.
pub(crate) fn title_from_body_text(text: &str) -> String {
    if text.chars().count() <= MAX_DERIVED_TITLE_CHARS {
        return text.to_owned();
    }
    let budget = MAX_DERIVED_TITLE_CHARS - 1; // room for the ellipsis
    let mut cut_at = 0;
    let mut chars_used = 0;
    let mut last_space = None;
    for (offset, grapheme) in text.grapheme_indices(true) {
        let chars = grapheme.chars().count();
        if chars_used + chars > budget {
            break;
        }
        if grapheme == " " {
            last_space = Some(offset);
        }
        chars_used += chars;
        cut_at = offset + grapheme.len();
    }
    // Prefer a word boundary unless it would throw away more than half of the title.
    if let Some(space) = last_space.filter(|&space| space * 2 >= cut_at) {
        cut_at = space;
    }
    let mut title = text[..cut_at].trim_end().to_owned();
    title.push('…');
    title
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn input_checks() {
        let cases: &[(&str, Result<&str, LoadError>)] = &[
            ("Hello", Ok("Hello")),
            ("\u{feff}Hello\u{feff}", Ok("Hello\u{feff}")),
            ("\u{feff}", Err(LoadError::Empty)),
            ("", Err(LoadError::Empty)),
            (" \r\n\t\u{c}\u{a0}", Err(LoadError::Empty)),
            ("GIF89a\0\0\u{1}", Err(LoadError::Binary)),
            (
                "\u{fffd}PNG\u{1a}\n\u{fffd}\u{fffd}\u{fffd}\u{3}",
                Err(LoadError::Binary),
            ),
            // A legacy-encoded French sentence read lossily is still text.
            (
                "Le caf\u{fffd} est pr\u{fffd}t depuis longtemps, dit-il.",
                Ok("Le caf\u{fffd} est pr\u{fffd}t depuis longtemps, dit-il."),
            ),
            (
                "Tabs\tand\u{c}feeds\r\nare text",
                Ok("Tabs\tand\u{c}feeds\r\nare text"),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(&check_input(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn too_large_is_reported_with_sizes() {
        let big = "a".repeat(MAX_ARTICLE_BYTES + 1);
        let error = check_input(&big).unwrap_err();
        assert_eq!(
            error,
            LoadError::TooLarge {
                bytes: MAX_ARTICLE_BYTES + 1,
                limit: MAX_ARTICLE_BYTES
            }
        );
        assert_eq!(
            error.to_string(),
            "The article is too large: it is 10.1 MiB but at most 10.0 MiB can be loaded."
        );
        assert!(check_input(&"a".repeat(5_000_000)).is_ok());
    }

    #[test]
    fn errors_read_well() {
        assert!(LoadError::Empty
            .to_string()
            .starts_with("The article is empty: "));
        assert!(LoadError::Binary.to_string().contains("binary file"));
    }

    #[test]
    fn derived_titles_are_cut_at_words_and_graphemes() {
        assert_eq!(title_from_body_text("Short one"), "Short one");
        let long = "word ".repeat(40);
        let title = title_from_body_text(long.trim_end());
        assert!(title.ends_with("word…"), "{title}");
        assert!(title.chars().count() <= MAX_DERIVED_TITLE_CHARS);
        let family = "👩\u{200d}👩\u{200d}👧".repeat(30);
        let title = title_from_body_text(&family);
        assert!(title.chars().count() <= MAX_DERIVED_TITLE_CHARS);
        let without_ellipsis = title.trim_end_matches('…');
        assert_eq!(without_ellipsis.chars().count() % 5, 0, "no family split");
    }
}
