//! Robustness (issue 11): a hostile page cannot hide or collapse the widget through rules on
//! the element the widget lives in.

use serde_json::json;

use crate::person::Page;
use crate::support::{Browser, WIDGET};

const HOSTILE_HOST: Page = Page {
    path: "/pages/hostile-host.html",
    handle: "window.quotemarkHandle",
};

#[tokio::test]
async fn page_rules_on_the_host_element_cannot_hide_or_collapse_the_widget() {
    let browser = Browser::start().await;
    HOSTILE_HOST.open(&browser).await;
    let seen = browser
        .js(
            &format!(
                "{WIDGET} const host = document.querySelector('[data-quotemark-host]');
                 const style = getComputedStyle(host);
                 const r = host.getBoundingClientRect();
                 const block = root.querySelector('[data-qm-block]').getBoundingClientRect();
                 const x = block.left + Math.min(20, block.width / 2), y = block.top + block.height / 2;
                 return {{
                   display: style.display, visibility: style.visibility, opacity: style.opacity,
                   width: r.width, height: r.height, left: r.left,
                   hit: document.elementFromPoint(x, y) === host,
                 }};"
            ),
            vec![],
        )
        .await;
    assert_eq!(seen["display"], json!("block"), "{seen}");
    assert_eq!(seen["visibility"], json!("visible"), "{seen}");
    assert_eq!(seen["opacity"], json!("1"), "{seen}");
    assert!(
        seen["width"].as_f64() > Some(300.0) && seen["height"].as_f64() > Some(100.0),
        "{seen}"
    );
    assert!(seen["left"].as_f64() >= Some(0.0), "on the page: {seen}");
    assert_eq!(seen["hit"], json!(true), "a reader can click it: {seen}");
    browser.close().await;
}
