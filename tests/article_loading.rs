//! Article loading across formats: the same logical article gives the same text content from
//! plain text, Markdown and HTML; block offsets agree with the text content for any script;
//! large articles load; the input-level errors and the title override.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/mxss.rs"]
mod mxss;

#[path = "support/large_articles.rs"]
mod large_articles;

use large_articles::{five_megabytes, pathological_html};

#[path = "support/parser_agreement.rs"]
mod parser_agreement;

use parser_agreement::{
    assert_foster_parenting, assert_tables_and_images, cell, cells, FOSTERED, TABLES_AND_IMAGES,
};

use mxss::{mxss_articles, text_problems, MXSS_FAMILY, MXSS_PAYLOAD};

use quotemark::core::article::{
    Article, ArticleInput, ArticleSource, BlockKind, CellAlign, Figure, LoadError,
    MAX_ARTICLE_BYTES,
};

/// The headline and paragraphs of a logical article, free of Markdown syntax characters so
/// that the three encodings below are exact equivalents.
const HEADLINE: &str = "Donald Trump asks senior aide to invite Vladimir Putin to Washington DC";
const PARAGRAPHS: &[&str] = &[
    "President Trump earlier said he would be \"very happy\" to meet the Russian leader.",
    "\u{201c}We\u{2019}ll see what happens,\u{201d} he added. \u{201c}We\u{2019}ll see what happens,\u{201d} he added.",
    "A family 👩\u{200d}👩\u{200d}👧 and a flag 🇫🇮 and a thumbs up 👍🏽 arrived.",
    "Cafe\u{301} and re\u{301}sume\u{301} keep their combining marks.",
    "日本語の記事です。中文新闻报道。한국어 기사.",
    "Arabic العربية and Hebrew עברית read right to left.",
    "Prices: 10\u{a0}000\u{a0}€ and 'single' quotes & ampersands.",
];

/// Wraps a paragraph over several lines, as files do.
fn wrapped(paragraph: &str) -> String {
    let words: Vec<&str> = paragraph.split(' ').collect();
    words
        .chunks(4)
        .map(|chunk| chunk.join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn as_text(crlf: bool) -> String {
    let mut text = format!("\n{HEADLINE}\n\n");
    for paragraph in PARAGRAPHS {
        text.push_str(&wrapped(paragraph));
        text.push_str("\n\n\n");
    }
    if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    }
}

fn as_markdown() -> String {
    let mut markdown = format!("# {HEADLINE}\n\n");
    for paragraph in PARAGRAPHS {
        markdown.push_str(&wrapped(paragraph).replace('\n', "\n   "));
        markdown.push_str("\n\n");
    }
    markdown
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('\u{a0}', "&nbsp;")
}

fn as_html() -> String {
    let mut html = format!(
        "<!doctype html>\n<html>\n<head><title>{}</title></head>\n<body>\n  <article>\n    <h1>{}</h1>\n",
        escape_html(HEADLINE),
        escape_html(HEADLINE)
    );
    for paragraph in PARAGRAPHS {
        let wrapped = wrapped(&escape_html(paragraph)).replace('\n', "\n      ");
        html.push_str(&format!("    <p>\n      {wrapped}\n    </p>\n"));
    }
    html.push_str("  </article>\n</body>\n</html>\n");
    html
}

fn expected_text_content() -> String {
    let mut blocks = vec![HEADLINE];
    blocks.extend_from_slice(PARAGRAPHS);
    blocks.join("\n\n")
}

/// Every block's `start`/`len` must select exactly its text in the text content, in code
/// points, and blocks must be separated by exactly the blank line.
fn assert_offsets_agree(article: &Article) {
    let chars: Vec<char> = article.text_content().chars().collect();
    let mut expected_start = 0;
    for block in &article.blocks {
        assert_eq!(block.start, expected_start, "block {:?}", block.text());
        let selected: String = chars[block.start..block.end()].iter().collect();
        assert_eq!(selected, block.text());
        assert_eq!(block.len, block.text().chars().count());
        expected_start = block.end() + 2;
    }
    assert_eq!(
        article.blocks.last().map(|block| block.end()),
        Some(chars.len())
    );
}

#[test]
fn same_article_in_every_format_has_the_same_text_content() {
    let expected = expected_text_content();
    let loaded = [
        ("text", Article::from_text(&as_text(false))),
        ("text with CRLF", Article::from_text(&as_text(true))),
        (
            "text with CR",
            Article::from_text(&as_text(false).replace('\n', "\r")),
        ),
        ("markdown", Article::from_markdown(&as_markdown())),
        ("html", Article::from_html(&as_html())),
        (
            "markdown with a byte order mark",
            Article::from_markdown(&format!("\u{feff}{}", as_markdown())),
        ),
        (
            "html with a byte order mark",
            Article::from_html(&format!("\u{feff}{}", as_html())),
        ),
    ];
    for (format, article) in loaded {
        let article = article.unwrap_or_else(|error| panic!("{format}: {error}"));
        assert_eq!(article.text_content(), expected, "{format}");
        assert_eq!(article.title, HEADLINE, "{format}");
        assert_eq!(
            article.blocks[0].kind,
            BlockKind::Heading { level: 1 },
            "{format}"
        );
        assert!(
            article.blocks[1..]
                .iter()
                .all(|block| block.kind == BlockKind::Paragraph),
            "{format}"
        );
        assert_offsets_agree(&article);
    }
}

#[test]
fn unicode_offsets_agree_in_every_format_and_block_kind() {
    let html = "<h2>👩\u{200d}👩\u{200d}👧 family</h2>\
        <blockquote><p>\u{201c}e\u{301}\u{201d} she said 🇫🇮</p></blockquote>\
        <ul><li>日本語<ul><li>שָׁלוֹם and سلام</li></ul></li></ul>\
        <figure><figcaption>Caption 🇸🇪🇫🇮</figcaption></figure>\
        <p><em>Ünï</em><b>cödé</b> <a href=\"/x\">👍🏽</a></p>";
    let markdown = "## 👩\u{200d}👩\u{200d}👧 family\n\n> \u{201c}e\u{301}\u{201d} she said 🇫🇮\n\n\
        - 日本語\n  - שָׁלוֹם and سلام\n\n*Ünï*__cödé__ [👍🏽](/x)\n";
    for article in [
        Article::from_html(html).unwrap(),
        Article::from_markdown(markdown).unwrap(),
    ] {
        assert_offsets_agree(&article);
        assert!(article.text_content().contains("שָׁלוֹם and سلام"));
        let family = &article.blocks[0];
        assert_eq!(family.len, "👩\u{200d}👩\u{200d}👧 family".chars().count());
        assert_eq!(family.len, 12);
    }
}

/// A 5 MB article loads completely in every format: every paragraph, up to the last, with
/// block offsets that reach the end of the text. `cargo bench --bench load` times it.
#[test]
fn five_megabyte_articles_load() {
    for format in ["text", "markdown", "html"] {
        let (input, blocks) = five_megabytes(format);
        assert!(input.len() > 5_000_000 && input.len() < MAX_ARTICLE_BYTES);
        let article = match format {
            "text" => Article::from_text(&input),
            "markdown" => Article::from_markdown(&input),
            _ => Article::from_html(&input),
        }
        .unwrap_or_else(|error| panic!("{format}: {error}"));
        assert_eq!(article.blocks.len(), blocks, "{format}");
        let last = article.blocks.last().map(|block| block.text());
        assert!(last.is_some_and(|text| text.starts_with("9999: The minister")));
        assert_eq!(
            article.blocks.last().map(|block| block.end()),
            Some(article.text_content().chars().count())
        );
    }
}

#[test]
fn load_applies_the_given_title() {
    let cases = [
        (
            ArticleSource::Text("Headline\n\nBody".into()),
            None,
            "Headline",
        ),
        (
            ArticleSource::Text("Headline\n\nBody".into()),
            Some("  Given\n title "),
            "Given title",
        ),
        (
            ArticleSource::Markdown("Body only".into()),
            Some(" \t "),
            "Body only",
        ),
        (
            ArticleSource::Html("<title>Doc</title><p>Body</p>".into()),
            Some("Given"),
            "Given",
        ),
        (
            ArticleSource::Html("<title>Doc</title><p>Body</p>".into()),
            None,
            "Doc",
        ),
    ];
    for (source, title, expected) in cases {
        let article = Article::load(ArticleInput {
            source: source.clone(),
            title: title.map(str::to_owned),
        })
        .unwrap();
        assert_eq!(article.title, expected, "{source:?} with {title:?}");
    }
}

#[test]
fn load_errors_for_every_format() {
    let too_large = "a ".repeat(MAX_ARTICLE_BYTES / 2 + 1);
    let binary = "\u{fffd}\u{fffd}PNG\r\n\u{1a}\n\u{fffd}\u{fffd}\u{fffd}\u{3}\u{fffd}IHDR";
    type MakeSource = fn(String) -> ArticleSource;
    let cases: Vec<(String, MakeSource, LoadError)> = vec![
        (String::new(), ArticleSource::Text, LoadError::Empty),
        (" \r\n\t ".into(), ArticleSource::Markdown, LoadError::Empty),
        (
            "<script>alert(1)</script>".into(),
            ArticleSource::Html,
            LoadError::Empty,
        ),
        (
            "<html><head><style>p{}</style></head><body></body></html>".into(),
            ArticleSource::Html,
            LoadError::Empty,
        ),
        ("a\0b".into(), ArticleSource::Text, LoadError::Binary),
        (binary.into(), ArticleSource::Html, LoadError::Binary),
        (
            too_large.clone(),
            ArticleSource::Text,
            LoadError::TooLarge {
                bytes: too_large.len(),
                limit: MAX_ARTICLE_BYTES,
            },
        ),
    ];
    for (input, source, expected) in cases {
        let result = Article::load(ArticleInput {
            source: source(input.clone()),
            title: Some("Ignored".into()),
        });
        assert_eq!(result, Err(expected.clone()), "{:?}", input.get(..40));
        assert!(!expected.to_string().is_empty());
    }
    assert!(LoadError::Empty
        .to_string()
        .starts_with("The article is empty: "));
}

/// Inputs shaped to make a naive sanitiser quadratic (deep unclosed nesting, unmatched end
/// tags, an unclosed dropped element, endless list nesting) still load, keeping their text.
/// How long they take is measured by `cargo bench --bench load`.
#[test]
fn pathological_html_loads() {
    for (html, xs, visible) in pathological_html() {
        let article = Article::from_html(&html).unwrap_or_else(|error| panic!("{error}"));
        let text = article.text_content();
        assert_eq!(text.matches('x').count(), xs, "{}", &html[..40]);
        assert!(text.starts_with(visible), "{}", &html[..40]);
    }
}

#[test]
fn html_tables_keep_rows_cells_and_header_cells() {
    let html = "<p>Before</p><table><caption>Who said it</caption>\
        <thead><tr><th>Speaker</th><th>Quote</th></tr></thead>\
        <tbody><tr><th>Aino</th><td>\u{201c}We will <em>not</em> give up\u{201d}</td></tr>\
        <tr><td colspan=\"2\">Spans both columns</td></tr>\
        <tr><td></td><td>After an empty cell</td></tr>\
        <tr><td><p>Two</p><p>paragraphs</p></td><td rowspan=3>Tall</td></tr></tbody>\
        </table><p>After</p>";
    let article = Article::from_html(html).unwrap();
    assert_eq!(
        cells(&article),
        [
            cell("Speaker", 0, 0, 0, true),
            cell("Quote", 0, 0, 1, true),
            cell("Aino", 0, 1, 0, true),
            cell("\u{201c}We will not give up\u{201d}", 0, 1, 1, false),
            cell("Spans both columns", 0, 2, 0, false),
            cell("After an empty cell", 0, 3, 1, false),
            cell("Two", 0, 4, 0, false),
            cell("paragraphs", 0, 4, 0, false),
            cell("Tall", 0, 4, 1, false),
        ]
    );
    let emphasised = article
        .blocks
        .iter()
        .find(|block| block.text().contains("We will"))
        .unwrap();
    assert!(emphasised
        .spans
        .iter()
        .any(|span| span.text == "not" && span.style.emphasis));
    // Each cell is a block, so the text content is what it was when every cell was a
    // paragraph: exports made before tables were kept still anchor.
    assert_eq!(
        article.text_content(),
        "Before\n\nWho said it\n\nSpeaker\n\nQuote\n\nAino\n\n\u{201c}We will not give up\u{201d}\n\n\
         Spans both columns\n\nAfter an empty cell\n\nTwo\n\nparagraphs\n\nTall\n\nAfter"
    );
    assert_eq!(article.blocks.last().unwrap().kind, BlockKind::Paragraph);
    assert_offsets_agree(&article);
}

#[test]
fn html_tables_without_explicit_rows_nested_tables_and_tables_in_lists() {
    // A browser inserts the missing `tbody`/`tr` and closes cells and rows implicitly.
    let implicit = Article::from_html("<table><td>a<td>b<tr><td>c</table><p>x</p>").unwrap();
    assert_eq!(
        cells(&implicit),
        [
            cell("a", 0, 0, 0, false),
            cell("b", 0, 0, 1, false),
            cell("c", 0, 1, 0, false)
        ]
    );
    // A table inside a cell stays in that cell: its cells' text are blocks of the outer cell.
    let nested = Article::from_html(
        "<table><tr><td>Outer <table><tr><td>Inner A</td><td>Inner B</td></tr></table> tail</td>\
         <td>Second</td></tr></table><table><tr><th>Next table</th></tr></table>",
    )
    .unwrap();
    assert_eq!(
        cells(&nested),
        [
            cell("Outer", 0, 0, 0, false),
            cell("Inner A", 0, 0, 0, false),
            cell("Inner B", 0, 0, 0, false),
            cell("tail", 0, 0, 0, false),
            cell("Second", 0, 0, 1, false),
            cell("Next table", 1, 0, 0, true),
        ]
    );
    let in_list = Article::from_html(
        "<ul><li>Item<table><tr><td>In the list</td></tr></table></li><li>Next</li></ul>",
    )
    .unwrap();
    let kinds: Vec<_> = in_list.blocks.iter().map(|b| (b.text(), b.kind)).collect();
    let item = BlockKind::ListItem {
        ordered: false,
        depth: 0,
    };
    assert_eq!(kinds[0], ("Item".to_owned(), item));
    assert_eq!(cells(&in_list), [cell("In the list", 0, 0, 0, false)]);
    assert_eq!(kinds[2], ("Next".to_owned(), item));
    for article in [implicit, nested, in_list] {
        assert_offsets_agree(&article);
    }
}

#[test]
fn markdown_gfm_tables_with_alignment_and_inline_formatting() {
    let markdown = "# Quotes\n\n\
        | Speaker | Quote | Count |\n\
        |:--------|:-----:|------:|\n\
        | **Aino** | *We will* `not` | 3 |\n\
        | Mika | [source](https://news.example/x) | |\n\
        | Pipe \\| inside | [bad](javascript:alert(1)) | 1 |\n\n\
        After the table.\n";
    let article = Article::from_markdown(markdown).unwrap();
    assert_eq!(
        cells(&article),
        [
            cell("Speaker", 0, 0, 0, true),
            cell("Quote", 0, 0, 1, true),
            cell("Count", 0, 0, 2, true),
            cell("Aino", 0, 1, 0, false),
            cell("We will not", 0, 1, 1, false),
            cell("3", 0, 1, 2, false),
            cell("Mika", 0, 2, 0, false),
            cell("source", 0, 2, 1, false),
            cell("Pipe | inside", 0, 3, 0, false),
            cell("bad", 0, 3, 1, false),
            cell("1", 0, 3, 2, false),
        ]
    );
    let aligns: Vec<CellAlign> = article.blocks[1..4]
        .iter()
        .filter_map(|block| match block.kind {
            BlockKind::TableCell { align, .. } => Some(align),
            _ => None,
        })
        .collect();
    assert_eq!(
        aligns,
        [CellAlign::Left, CellAlign::Center, CellAlign::Right]
    );
    let spans = |text: &str| {
        article
            .blocks
            .iter()
            .find(|block| block.text() == text)
            .unwrap()
            .spans
            .clone()
    };
    assert!(spans("Aino")[0].style.strong);
    let quote = spans("We will not");
    assert!(quote[0].style.emphasis && quote.iter().any(|s| s.style.code && s.text == "not"));
    assert_eq!(
        spans("source")[0].style.link.as_deref(),
        Some("https://news.example/x")
    );
    assert_eq!(spans("bad")[0].style.link, None);
    assert!(
        !article.text_content().contains('|') || article.text_content().contains("Pipe | inside")
    );
    assert_eq!(article.blocks.last().unwrap().text(), "After the table.");
    assert_offsets_agree(&article);
}

#[test]
fn the_same_table_gives_the_same_text_content_in_html_and_markdown() {
    let markdown = "| Name | Said |\n|---|---|\n| Aino | Yes |\n| Mika | No |\n";
    let html = "<table><thead><tr><th>Name</th><th>Said</th></tr></thead>\
        <tbody><tr><td>Aino</td><td>Yes</td></tr><tr><td>Mika</td><td>No</td></tr></tbody></table>";
    let from_markdown = Article::from_markdown(markdown).unwrap();
    let from_html = Article::from_html(html).unwrap();
    assert_eq!(from_markdown.text_content(), from_html.text_content());
    assert_eq!(cells(&from_markdown), cells(&from_html));
}

fn figure(at: usize, src: Option<&str>, alt: &str) -> Figure {
    Figure {
        at,
        src: src.map(str::to_owned),
        alt: alt.to_owned(),
    }
}

#[test]
fn html_images_become_figures_outside_the_text_content() {
    let html = "<h1>Harbour</h1>\
        <figure><img src=\"https://img.example/harbour.jpg\" alt=\"The  harbour\n at dawn\">\
        <figcaption>Boats return, 2024</figcaption></figure>\
        <p>Before<img src=\"/media/inline.png\">after</p>\
        <p><img src=\"javascript:alert(1)\" alt=\"Hostile\"></p>\
        <p><img src=\"&#106;avascript:alert(1)\" alt=x><img src=\"data:image/svg+xml,<svg onload=alert(1)>\"></p>\
        <noscript><img src=\"fallback.jpg\" alt=\"Hidden fallback\"></noscript>\
        <video><img src=v.jpg alt=\"Video fallback\"></video><p>End</p>";
    let article = Article::from_html(html).unwrap();
    assert_eq!(
        article.text_content(),
        "Harbour\n\nBoats return, 2024\n\nBeforeafter\n\nEnd"
    );
    assert_eq!(article.blocks[1].kind, BlockKind::FigureCaption);
    assert_eq!(
        article.figures,
        [
            figure(
                1,
                Some("https://img.example/harbour.jpg"),
                "The harbour at dawn"
            ),
            figure(3, Some("/media/inline.png"), ""),
            figure(3, None, "Hostile"),
            figure(3, None, "x"),
            figure(3, None, ""),
        ]
    );
    assert_offsets_agree(&article);
}

#[test]
fn markdown_images_become_figures_and_their_alt_text_leaves_the_text_content() {
    let markdown = "# Harbour\n\n![Boats at *dawn*](https://img.example/b.jpg \"Title\")\n\n\
        Text with ![inline](rel/i.png) image.\n\n![bad](javascript:alert(1))\n\n\
        [![linked](https://img.example/l.jpg)](https://news.example/)\n\nEnd.\n";
    let article = Article::from_markdown(markdown).unwrap();
    assert_eq!(
        article.text_content(),
        "Harbour\n\nText with image.\n\nEnd."
    );
    assert_eq!(
        article.figures,
        [
            figure(1, Some("https://img.example/b.jpg"), "Boats at dawn"),
            figure(2, Some("rel/i.png"), "inline"),
            figure(2, None, "bad"),
            figure(2, Some("https://img.example/l.jpg"), "linked"),
        ]
    );
    assert_offsets_agree(&article);
}

/// What is wrong with the article loaded from one hostile input of [`mxss_articles`], if anything.
fn mxss_problems(element: &str, label: &str, article: &Article) -> Vec<String> {
    let mut problems = text_problems(element, label, article.text_content());
    for figure in &article.figures {
        if figure.src.as_deref().is_some_and(|src| src != "x") {
            problems.push(format!(
                "{label}: unexpected image address {:?}",
                figure.src
            ));
        }
    }
    problems
}

#[test]
fn mutation_xss_shapes_never_drop_the_text_around_them() {
    let mut problems = Vec::new();
    for (element, inner) in MXSS_FAMILY {
        for (label, html) in mxss_articles(element, inner, MXSS_PAYLOAD) {
            let article =
                Article::from_html(&html).unwrap_or_else(|error| panic!("{label}: {error}"));
            problems.extend(mxss_problems(element, &label, &article));
            assert_offsets_agree(&article);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The input of `the_browser_parser_reads_tables_and_images_like_the_native_one` in
/// `tests/browser.rs`, with the same expectations (`support/parser_agreement.rs`): both
/// tokenizers must agree.
#[test]
fn tables_and_images_read_natively_as_the_browser_reads_them() {
    let article = Article::from_html(TABLES_AND_IMAGES).unwrap_or_else(|error| panic!("{error}"));
    assert_tables_and_images(&article);
    assert_offsets_agree(&article);
    let fostered = Article::from_html(FOSTERED).unwrap_or_else(|error| panic!("{error}"));
    assert_foster_parenting(&fostered);
    assert_offsets_agree(&fostered);
}

/// Raw inline HTML in a Markdown paragraph: a browser reads a raw-text element's content up to
/// its end tag, even one hidden in another tag's attribute or in a comment, so the words after
/// it in the paragraph are visible and must stay.
#[test]
fn markdown_inline_raw_text_elements_end_where_a_browser_ends_them() {
    let mut problems = Vec::new();
    for element in [
        "noscript", "style", "textarea", "title", "iframe", "noembed", "noframes",
    ] {
        let end = format!("</{element}>");
        for hostile in [
            format!("<{element}><i title=\"{end}\">"),
            format!("<{element}><!-- {end} -->"),
            format!("<{element}><i title=\"{end}{MXSS_PAYLOAD}\"></i>{end}"),
        ] {
            let markdown = format!("# Headline\n\nBefore the {element}. {hostile} after it.\n");
            let article = Article::from_markdown(&markdown).unwrap();
            let text = article.text_content();
            if !text.contains(&format!("Before the {element}.")) || !text.contains("after it.") {
                problems.push(format!("{hostile}: lost text from {text:?}"));
            }
            if text.contains("alert") {
                problems.push(format!("{hostile}: script text shown: {text:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
