//! Sanitiser tests: what survives of hostile, broken and real-world HTML.

use super::*;
use crate::core::article::url::sanitize_link_url;
use crate::core::article::{Block, CellAlign, SpanStyle};

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
        let article = Article::from_html(html).unwrap_or_else(|error| panic!("{html}: {error}"));
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
