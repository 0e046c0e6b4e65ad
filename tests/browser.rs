//! Browser tier: the widget and the platform edge in headless Chromium (wasm-bindgen-test).
//! Waits on Yew's scheduler, never on time.
#![cfg(target_arch = "wasm32")]

use quotemark::embed::{mount, QuotemarkHandle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const HELSINKI: &str = include_str!("../assets/helsinki-summit.txt");

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn host_element(inner_html: &str) -> Element {
    let element = document().create_element("div").expect("div");
    element.set_inner_html(inner_html);
    document()
        .body()
        .expect("body")
        .append_child(&element)
        .expect("append");
    element
}

fn options(json: serde_json::Value) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(&json.to_string()).expect("valid JSON")
}

fn shadow(host: &Element) -> ShadowRoot {
    host.query_selector("[data-quotemark-host]")
        .ok()
        .flatten()
        .and_then(|container| container.shadow_root())
        .expect("the widget's shadow root")
}

fn texts(root: &ShadowRoot, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect()
}

async fn mounted(host: &Element, json: serde_json::Value) -> QuotemarkHandle {
    let handle = mount(host.clone(), options(json)).unwrap_or_else(|_| panic!("mount failed"));
    yew::scheduler::flush().await;
    handle
}

#[wasm_bindgen_test]
async fn renders_the_plain_text_article_with_its_headline() {
    let host = host_element("");
    let handle = mounted(
        &host,
        serde_json::json!({ "article": { "text": HELSINKI } }),
    )
    .await;
    let root = shadow(&host);
    assert_eq!(
        texts(&root, "article h1"),
        vec!["Donald Trump asks senior aide to invite Vladimir Putin to Washington DC"]
    );
    let paragraphs = texts(&root, "article p[data-qm-block]");
    assert_eq!(paragraphs.len(), HELSINKI.split("\n\n").count() - 1);
    assert!(paragraphs
        .iter()
        .any(|p| p.starts_with("Republican Senator John McCain called the summit")));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn renders_markdown_structure_semantically() {
    let host = host_element("");
    let markdown = "# Title\n\n## Section\n\n> Quoted *words*.\n\n1. one\n2. two\n\nSee [site](https://example.org).";
    let handle = mounted(
        &host,
        serde_json::json!({ "article": { "markdown": markdown } }),
    )
    .await;
    let root = shadow(&host);
    assert_eq!(texts(&root, "article h2"), vec!["Section"]);
    assert_eq!(texts(&root, "article blockquote em"), vec!["words"]);
    assert_eq!(texts(&root, "article ol > li"), vec!["one", "two"]);
    let link = root
        .query_selector("article a")
        .expect("a valid selector")
        .expect("a link");
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn hostile_html_leaves_no_executable_markup() {
    let host = host_element("");
    let html = r#"<p>Safe <img src=x onerror="alert(1)"> text<script>alert(2)</script></p>
        <p><a href="javascript:alert(3)">link text</a><svg onload="alert(4)"></svg></p>"#;
    let handle = mounted(&host, serde_json::json!({ "article": { "html": html } })).await;
    let root = shadow(&host);
    for tag in ["img", "script", "svg"] {
        assert!(
            root.query_selector(&format!("article {tag}"))
                .expect("a valid selector")
                .is_none(),
            "{tag} survived"
        );
    }
    // The only link left is the image's own (a figure's "Open image", to the relative `x`).
    let anchors = root
        .query_selector_all("article a[href]")
        .expect("a valid selector");
    let hrefs: Vec<String> = (0..anchors.length())
        .filter_map(|i| anchors.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(hrefs, vec!["x"], "the javascript: link kept its href");
    let text = root
        .query_selector("article")
        .expect("a valid selector")
        .and_then(|a| a.text_content())
        .unwrap_or_default();
    assert!(text.contains("Safe text") || text.contains("Safe  text") || text.contains("Safe"));
    assert!(text.contains("link text"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn unusable_input_throws_a_readable_error_and_leaves_the_element_alone() {
    let host = host_element("<p>host content</p>");
    for (json, expected) in [
        (
            serde_json::json!({ "article": { "text": "  \n\n " } }),
            "empty",
        ),
        (serde_json::json!({ "article": {} }), "article"),
        (
            serde_json::json!({ "article": { "text": "a", "html": "b" } }),
            "exactly one",
        ),
    ] {
        let error = match mount(host.clone(), options(json)) {
            Ok(_) => panic!("mount accepted unusable input"),
            Err(error) => wasm_bindgen::JsValue::from(error),
        };
        let message = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        assert!(message.contains(expected), "unclear: {message}");
        assert_eq!(host.inner_html(), "<p>host content</p>");
    }
}

#[wasm_bindgen_test]
async fn destroy_gives_the_host_element_back_as_it_was() {
    let host = host_element("<p>The host's own <b>content</b></p>");
    let handle = mounted(
        &host,
        serde_json::json!({ "article": { "text": "Headline\n\nBody." } }),
    )
    .await;
    assert!(handle.mounted());
    assert!(host
        .query_selector("[data-quotemark-host]")
        .expect("a valid selector")
        .is_some());
    handle.destroy();
    handle.destroy();
    assert!(!handle.mounted());
    assert_eq!(host.inner_html(), "<p>The host's own <b>content</b></p>");
}

/// Lets the widget's chunked rendering run: each turn yields one task, then flushes Yew.
async fn until(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..10_000 {
        if done() {
            return true;
        }
        gloo::timers::future::TimeoutFuture::new(0).await;
        yew::scheduler::flush().await;
    }
    done()
}

#[wasm_bindgen_test]
async fn a_long_article_shows_its_first_screen_then_all_of_it() {
    let paragraph = "Ministers met in Helsinki on Monday and said the talks were “constructive”; \
                     critics called the summit a mistake. 東京 🇫🇮 ";
    // Debug wasm is slow: 1,500 paragraphs show the chunking; e2e loads 5 MB in release.
    let paragraphs = 1_500;
    let text = format!(
        "A very long report\n\n{}",
        vec![paragraph; paragraphs].join("\n\n")
    );
    let host = host_element("");
    let handle = mounted(
        &host,
        serde_json::json!({ "article": { "text": text }, "storage": "none" }),
    )
    .await;
    let root = shadow(&host);
    let blocks = || {
        root.query_selector_all("[data-qm-block]")
            .expect("a valid selector")
            .length() as usize
    };
    assert!(
        blocks() > 0 && blocks() < paragraphs,
        "first screen first: {}",
        blocks()
    );
    let busy = || {
        root.query_selector("article")
            .expect("a valid selector")
            .is_some_and(|article| article.has_attribute("aria-busy"))
    };
    assert!(
        until(|| !busy()).await,
        "the article never finished drawing"
    );
    assert_eq!(blocks(), paragraphs + 1);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_browser_parser_feeds_the_same_sanitiser() {
    let html = r#"<html><head><title>Page title</title><style>p{}</style></head>
        <body><h2>Sub &amp; head</h2><p>One <em>two</em> <a href="/x">three</a>
        <a href="&#106;avascript:alert(1)">four</a></p><ul><li>a<li>b</ul>
        <noscript><p>hidden</p></noscript><template><p>inert</p></template></body></html>"#;
    let host = host_element("");
    let handle = mounted(
        &host,
        serde_json::json!({ "article": { "html": html }, "storage": "none" }),
    )
    .await;
    let root = shadow(&host);
    assert_eq!(
        texts(&root, "[data-qm-block]"),
        vec!["Sub & head", "One two three four", "a", "b"]
    );
    let links: Vec<String> = {
        let list = root
            .query_selector_all("article a")
            .expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .map(|a| a.get_attribute("href").unwrap_or_default())
            .collect()
    };
    assert_eq!(links, vec!["/x"], "only the safe link keeps an href");
    assert_eq!(
        root.query_selector("article")
            .expect("a valid selector")
            .expect("the article")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Article: Page title")
    );
    handle.destroy();
}

#[path = "support/mxss.rs"]
mod mxss;

#[path = "support/parser_agreement.rs"]
mod parser_agreement;

use parser_agreement::{
    assert_foster_parenting, assert_tables_and_images, FOSTERED, TABLES_AND_IMAGES,
};

/// The mutation-XSS family through the browser's parser (`DOMParser`, scripting disabled),
/// which reads `noscript` as markup where the reader's browser reads raw text.
#[wasm_bindgen_test]
fn the_browser_parser_keeps_the_text_around_the_mutation_xss_family() {
    use quotemark::core::article::Article;
    use quotemark::platform::html::BrowserHtml;
    let mut problems = Vec::new();
    for (element, inner) in mxss::MXSS_FAMILY {
        for (label, html) in mxss::mxss_articles(element, inner, mxss::MXSS_PAYLOAD) {
            let article = Article::from_html_with(&html, &BrowserHtml)
                .unwrap_or_else(|error| panic!("{label}: {error}"));
            problems.extend(mxss::text_problems(element, &label, article.text_content()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Tables and images read by the browser's parser come out as the native tokenizer reads them
/// (`tests/article_loading.rs` checks the same input with the same function).
#[wasm_bindgen_test]
fn the_browser_parser_reads_tables_and_images_like_the_native_one() {
    use quotemark::core::article::Article;
    use quotemark::platform::html::BrowserHtml;
    let article = Article::from_html_with(TABLES_AND_IMAGES, &BrowserHtml).expect("loads");
    assert_tables_and_images(&article);
}

/// Every image is drawn, wherever it was: in a list item (the list is split around it, and an
/// ordered one keeps its numbering), in a table cell, after the last block.
#[wasm_bindgen_test]
async fn images_in_lists_cells_and_at_the_end_are_drawn() {
    let html = "<h1>Figures</h1><ol><li>One</li><li><img alt=\"Inline chart\">Two</li></ol>\
        <table><tr><td>A</td><td><img src=\"/c.png\" alt=\"Cell image\">B</td></tr></table>\
        <p>Last</p><img alt=\"Closing photo\">";
    let host = host_element("");
    let handle = mounted(
        &host,
        serde_json::json!({ "article": { "html": html }, "storage": "none" }),
    )
    .await;
    let root = shadow(&host);
    assert_eq!(
        texts(&root, "article .qm-image-alt"),
        vec!["Inline chart", "Cell image", "Closing photo"]
    );
    assert_eq!(texts(&root, "article td .qm-image-alt"), vec!["Cell image"]);
    let starts: Vec<Option<String>> = {
        let list = root
            .query_selector_all("article ol")
            .expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .map(|ol| ol.get_attribute("start"))
            .collect()
    };
    assert_eq!(starts, vec![None, Some("2".to_owned())]);
    assert_eq!(texts(&root, "article ol > li"), vec!["One", "Two"]);
    handle.destroy();
}

/// Content inside a table but outside its cells: `DOMParser` moves it before the table (the
/// native reader does the same; `tests/article_loading.rs` checks this input too).
#[wasm_bindgen_test]
fn the_browser_parser_moves_stray_table_content_before_the_table_like_the_native_one() {
    use quotemark::core::article::Article;
    use quotemark::platform::html::BrowserHtml;
    let article = Article::from_html_with(FOSTERED, &BrowserHtml).expect("loads");
    assert_foster_parenting(&article);
}

#[wasm_bindgen_test]
async fn a_create_listener_may_call_back_into_the_handle() {
    use wasm_bindgen::closure::Closure;
    let quote = |exact: &str| {
        serde_json::json!({
            "type": "Annotation",
            "target": { "selector": { "type": "TextQuoteSelector", "exact": exact } }
        })
        .to_string()
    };
    let host = host_element("");
    let handle = mounted(
        &host,
        serde_json::json!({ "article": { "text": HELSINKI }, "storage": "none" }),
    )
    .await;
    // The first create imports another file from inside the listener, as a host syncing
    // to its own records might; this used to run while the document was borrowed.
    let inner = handle.clone();
    let second = quote("great success");
    let mut called = false;
    let listener = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |_| {
        if !called {
            called = true;
            inner
                .import_json(JsValue::from_str(&second), None, None)
                .unwrap_or_else(|_| panic!("the import from the listener failed"));
        }
    });
    handle
        .on(
            "create",
            listener
                .as_ref()
                .unchecked_ref::<js_sys::Function>()
                .clone(),
        )
        .unwrap_or_else(|_| panic!("on"));
    handle
        .import_json(JsValue::from_str(&quote("tragic mistake")), None, None)
        .unwrap_or_else(|_| panic!("import"));
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
    let exacts: Vec<String> = js_sys::Array::from(
        &handle
            .annotations()
            .unwrap_or_else(|_| panic!("annotations")),
    )
    .iter()
    .filter_map(|a| js_sys::Reflect::get(&a, &"exact".into()).ok())
    .filter_map(|v| v.as_string())
    .collect();
    assert_eq!(exacts, ["tragic mistake", "great success"]);
    drop(listener);
    handle.destroy();
}
