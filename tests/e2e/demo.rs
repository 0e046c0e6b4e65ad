//! The demo page and a hand-written host page: articles render, hostile input runs nothing.

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::hostile::let_handlers_run;
use crate::support::{Browser, WIDGET};

const HELSINKI: &str = include_str!("../../assets/helsinki-summit.txt");

/// The text of every rendered block of the first widget, in order.
const BLOCK_TEXTS: &str =
    "return root && [...root.querySelectorAll('[data-qm-block]')].map(b => b.textContent);";

async fn block_texts(browser: &Browser) -> Vec<String> {
    let value = browser.js(&format!("{WIDGET} {BLOCK_TEXTS}"), vec![]).await;
    serde_json::from_value(value).unwrap_or_default()
}

async fn open_demo(browser: &Browser) {
    browser.goto("/").await;
    browser
        .wait_for(
            "the demo article",
            &format!("{WIDGET} return root?.querySelector('h1')?.textContent;"),
        )
        .await;
}

/// Pastes `article` into the demo page's loader as `format` and submits it.
async fn paste_article(browser: &Browser, format: &str, article: &str) {
    let client = &browser.client;
    client
        .find(Locator::Css(".demo-loader summary"))
        .await
        .expect("loader")
        .click()
        .await
        .expect("open loader");
    let select = client
        .find(Locator::Css("#article-format"))
        .await
        .expect("format");
    select.select_by_value(format).await.expect("choose format");
    let input = client
        .find(Locator::Css("#article-input"))
        .await
        .expect("textarea");
    input.clear().await.expect("clear");
    input.send_keys(article).await.expect("type the article");
    client
        .find(Locator::Css("#article-show"))
        .await
        .expect("button")
        .click()
        .await
        .expect("submit");
}

fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

#[tokio::test]
async fn demo_page_shows_the_helsinki_article_in_full() {
    let browser = Browser::start().await;
    open_demo(&browser).await;
    let expected = paragraphs(HELSINKI);
    let headline = browser
        .js(
            &format!("{WIDGET} return root.querySelector('h1').textContent;"),
            vec![],
        )
        .await;
    assert_eq!(headline, json!(expected[0]));
    assert_eq!(block_texts(&browser).await, expected);
    let body_paragraphs = browser
        .js(
            &format!("{WIDGET} return root.querySelectorAll('article p[data-qm-block]').length;"),
            vec![],
        )
        .await;
    assert_eq!(body_paragraphs, json!(expected.len() - 1));
    browser.close().await;
}

#[tokio::test]
async fn a_pasted_markdown_article_renders_headings_and_links() {
    let browser = Browser::start().await;
    open_demo(&browser).await;
    let markdown = "# Budget vote tonight\n\nThe mayor said *it will pass*.\n\n## Reactions\n\nRead [the council minutes](https://example.org/minutes) for details.\n\n- first point\n- second point\n";
    paste_article(&browser, "markdown", markdown).await;
    browser
        .wait_for(
            "the Markdown article",
            &format!(
                "{WIDGET} return root?.querySelector('h1')?.textContent === 'Budget vote tonight';"
            ),
        )
        .await;
    let shape = browser
        .js(
            &format!(
                "{WIDGET} const a = root.querySelector('article a');
                 return {{
                   h2: root.querySelector('article h2')?.textContent,
                   em: root.querySelector('article em')?.textContent,
                   href: a?.getAttribute('href'), rel: a?.getAttribute('rel'), text: a?.textContent,
                   items: root.querySelectorAll('article ul > li').length,
                 }};"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        shape,
        json!({
            "h2": "Reactions", "em": "it will pass",
            "href": "https://example.org/minutes", "rel": "noopener noreferrer",
            "text": "the council minutes", "items": 2,
        })
    );
    browser.close().await;
}

const HOSTILE_HTML: &str = r#"<h1>Council meeting</h1>
<p>Opening <img src="x" onerror="window.__pwned='img'"> remarks.</p>
<script>window.__pwned = 'script'</script>
<p>The <svg onload="window.__pwned='svg'"><circle r="4"/></svg>chair spoke.</p>
<p><a href="javascript:window.__pwned='link'">Minutes</a> and <a href="JaVaScRiPt:window.__pwned='case'">agenda</a>.</p>
<p><a href="data:text/html,<script>window.__pwned='data'</script>">Annex</a></p>
<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
<p onclick="window.__pwned='click'" style="background:url(javascript:alert(1))">Budget approved.</p>
<details open ontoggle="window.__pwned='toggle'"><summary>More</summary>Closing words.</details>
<object data="javascript:window.__pwned='object'"></object><embed src="javascript:window.__pwned='embed'">
<form action="javascript:window.__pwned='form'"><button>Vote</button></form>
<body onload="window.__pwned='body'"><video src=x onerror="window.__pwned='video'"></video>
<style>*{display:none!important}</style>
<math><mtext><img src=x onerror="window.__pwned='math'"></mtext></math>
"#;

#[tokio::test]
async fn a_hostile_html_article_executes_nothing_and_keeps_its_text() {
    let browser = Browser::start().await;
    open_demo(&browser).await;
    paste_article(&browser, "html", HOSTILE_HTML).await;
    browser
        .wait_for(
            "the hostile article",
            &format!(
                "{WIDGET} return root?.querySelector('h1')?.textContent === 'Council meeting';"
            ),
        )
        .await;
    // A failing image of our own: by the time its error event fires, an injected one would have.
    let_handlers_run(&browser).await;
    let report = browser
        .js(
            &format!(
                "{WIDGET} const all = [...root.querySelectorAll('article, article *')];
                 return {{
                   pwned: window.__pwned ?? null,
                   dangerous: all.filter(e => /^(script|img|svg|iframe|object|embed|form|style|video|math|button)$/i.test(e.localName)).length,
                   handlers: all.filter(e => [...e.attributes].some(a => /^on/i.test(a.name) || a.name === 'style')).length,
                   badLinks: all.filter(e => /^\\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') ?? '')).length,
                   text: root.querySelector('article').textContent,
                 }};"
            ),
            vec![],
        )
        .await;
    assert_eq!(report["pwned"], Value::Null, "a payload ran: {report}");
    assert_eq!(report["dangerous"], json!(0), "{report}");
    assert_eq!(report["handlers"], json!(0), "{report}");
    assert_eq!(report["badLinks"], json!(0), "{report}");
    let text = report["text"].as_str().unwrap_or_default();
    for legitimate in [
        "Opening",
        "remarks.",
        "chair spoke.",
        "Minutes",
        "agenda",
        "Annex",
        "Budget approved.",
        "Closing words.",
    ] {
        assert!(
            text.contains(legitimate),
            "lost {legitimate:?} from {text:?}"
        );
    }
    browser.close().await;
}

#[tokio::test]
async fn empty_input_gives_a_clear_message_and_keeps_the_article() {
    let browser = Browser::start().await;
    open_demo(&browser).await;
    paste_article(&browser, "text", "   \n\n  ").await;
    let message = browser
        .wait_for(
            "the error message",
            "const m = document.getElementById('demo-message'); return !m.hidden && m.textContent;",
        )
        .await;
    assert!(
        message.as_str().unwrap_or_default().contains("empty"),
        "unclear message: {message}"
    );
    assert_eq!(block_texts(&browser).await, paragraphs(HELSINKI));
    browser.close().await;
}

#[tokio::test]
async fn a_binary_file_gives_a_clear_message() {
    let browser = Browser::start().await;
    open_demo(&browser).await;
    let file = std::env::temp_dir().join(format!("quotemark-binary-{}.txt", std::process::id()));
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    std::fs::write(&file, bytes).expect("write a binary file");
    browser
        .client
        .find(Locator::Css(".demo-loader summary"))
        .await
        .expect("loader")
        .click()
        .await
        .expect("open loader");
    browser
        .client
        .find(Locator::Css("#article-file"))
        .await
        .expect("file input")
        .send_keys(&file.display().to_string())
        .await
        .expect("choose the file");
    let message = browser
        .wait_for(
            "the error message",
            "const m = document.getElementById('demo-message'); return !m.hidden && m.textContent;",
        )
        .await;
    let _ = std::fs::remove_file(&file);
    assert!(
        message.as_str().unwrap_or_default().contains("binary"),
        "unclear message: {message}"
    );
    assert_eq!(block_texts(&browser).await, paragraphs(HELSINKI));
    browser.close().await;
}

#[tokio::test]
async fn a_hand_written_page_can_import_the_module_and_mount() {
    let browser = Browser::start().await;
    browser.goto("/pages/embed.html").await;
    browser
        .wait_for(
            "the hand-mounted article",
            &format!("{WIDGET} return root?.querySelector('h1')?.textContent === 'Hand-mounted headline';"),
        )
        .await;
    let link = browser
        .js(
            &format!("{WIDGET} return root.querySelector('a').href;"),
            vec![],
        )
        .await;
    assert_eq!(link, json!("https://example.org/"));
    // destroy() gives the host element back exactly as it was (empty here).
    let after = browser
        .js(
            "window.quotemarkHandle.destroy();
             return document.getElementById('article-slot').innerHTML;",
            vec![],
        )
        .await;
    assert_eq!(after, json!(""));
    browser.close().await;
}

#[tokio::test]
async fn a_five_megabyte_article_loads_and_draws_completely() {
    let browser = Browser::start().await;
    browser.goto("/pages/long-article.html").await;
    browser
        .wait_for(
            "the first screen",
            &format!(
                "{WIDGET} return root?.querySelector('h1')?.textContent === 'A very long report';"
            ),
        )
        .await;
    let first_screen = browser
        .js("return performance.now() - window.mountStarted;", vec![])
        .await;
    browser
        .wait_for(
            "the whole article",
            &format!("{WIDGET} return root && !root.querySelector('article[aria-busy]');"),
        )
        .await;
    let report = browser
        .js(
            &format!(
                "{WIDGET} return {{
                   blocks: root.querySelectorAll('[data-qm-block]').length,
                   expected: window.expectedBlocks, bytes: window.textBytes,
                   mount: window.mountReturnedAfter, done: performance.now() - window.mountStarted,
                   longestTask: window.longestTask,
                 }};"
            ),
            vec![],
        )
        .await;
    eprintln!("5 MB article: first screen after {first_screen} ms; {report}");
    assert!(report["bytes"].as_u64().unwrap_or(0) >= 5 * 1024 * 1024 - 1024);
    assert_eq!(report["blocks"], report["expected"], "{report}");
    browser.close().await;
}
