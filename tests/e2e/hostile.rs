//! Hostile HTML through the demo's *Load another article* (issue 11, item 3): the mutation-XSS
//! family, loaded as a person would load it, keeps the text around each hostile element and
//! runs nothing. The browser's parser (`DOMParser`, scripting disabled) reads some of these
//! differently from the native tokenizer, so this is the tier where a loss would show.

use fantoccini::Locator;
use serde_json::{json, Value};

#[path = "../support/mxss.rs"]
mod mxss;

use crate::person::DEMO;
use crate::support::{Browser, WIDGET};
use mxss::{lost_paragraphs, mxss_articles, MXSS_FAMILY};

/// Every way the payload could run sets `window.__pwned` (an `alert` too: the page's `alert`
/// is replaced before loading, so a dialog can never block the session instead).
const PAYLOAD: &str = "<img src=x onerror=\"window.__pwned='img'\"><script>window.__pwned='script'</script>\
    <svg onload=alert('svg')></svg><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>";

/// Puts `article` into the demo's loader as `format` and presses *Show this article* (a real
/// click). The text is set directly rather than typed, which would take minutes for dozens.
pub async fn load_in_demo(browser: &Browser, format: &str, article: &str) {
    browser
        .js(
            "document.querySelector('.demo-loader').open = true;
             document.getElementById('article-format').value = arguments[0];
             document.getElementById('article-input').value = arguments[1];
             return true;",
            vec![json!(format), json!(article)],
        )
        .await;
    browser
        .client
        .find(Locator::Css("#article-show"))
        .await
        .expect("the Show button")
        .click()
        .await
        .expect("press Show");
}

/// Lets any injected image's error handler run: a failing image of our own fires its error
/// event after one queued before it.
pub async fn let_handlers_run(browser: &Browser) {
    browser
        .client
        .execute_async(
            "const done = arguments[0]; const probe = new Image();
             probe.onerror = () => requestAnimationFrame(() => done(true)); probe.src = '/missing.png';",
            vec![],
        )
        .await
        .expect("probe image");
}

#[tokio::test]
async fn the_mutation_xss_family_keeps_the_text_around_it_and_runs_nothing() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    browser
        .js(
            "window.alert = (m) => { window.__pwned = 'alert ' + m; }; return true;",
            vec![],
        )
        .await;
    let mut problems = Vec::new();
    let mut case = 0;
    for (element, inner) in MXSS_FAMILY {
        for (label, html) in mxss_articles(element, inner, PAYLOAD) {
            case += 1;
            // A distinct headline per case tells the new article from the previous one.
            let headline = format!("Case {case}");
            let html = html.replacen("Headline", &headline, 1);
            load_in_demo(&browser, "html", &html).await;
            browser
                .wait_for(
                    &label,
                    &format!(
                        "{WIDGET} return root?.querySelector('article h1')?.textContent === {headline:?};"
                    ),
                )
                .await;
            let_handlers_run(&browser).await;
            let report = browser
                .js(
                    &format!(
                        "{WIDGET} const all = [...root.querySelectorAll('article, article *')];
                         return {{
                           pwned: window.__pwned ?? null,
                           dangerous: all.filter(e => /^(script|img|svg|math|iframe|object|embed|style|template|noscript|select|textarea)$/i.test(e.localName)).length,
                           handlers: all.filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
                           text: root.querySelector('article').textContent,
                         }};"
                    ),
                    vec![],
                )
                .await;
            problems.extend(check(element, &label, &report));
        }
    }
    eprintln!("{case} hostile articles loaded through the demo");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    browser.close().await;
}

fn check(element: &str, label: &str, report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if report["pwned"] != Value::Null {
        problems.push(format!("{label}: a payload ran: {}", report["pwned"]));
    }
    for count in ["dangerous", "handlers"] {
        if report[count] != json!(0) {
            problems.push(format!("{label}: {count} elements rendered: {report}"));
        }
    }
    let text = report["text"].as_str().unwrap_or_default();
    problems.extend(lost_paragraphs(element, label, text));
    problems
}
