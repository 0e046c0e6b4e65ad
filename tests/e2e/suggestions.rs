//! Suggested quotes (issue 15) as a reader reviews them — by mouse and by keyboard — and as a
//! host page drives them through the handle; pending suggestions are never saved or exported.

use fantoccini::key::Key;
use quotemark::core::article::Article;
use quotemark::core::document::Document;
use quotemark::core::suggest::{for_document, Suggestion};
use serde_json::{json, Value};

use crate::person::{axe_violations, chord, click_in_widget, press, type_text, DEMO};
use crate::support::{Browser, WIDGET};

const HELSINKI: &str = include_str!("../../assets/helsinki-summit.txt");

/// What the core suggests for a fresh document of `text`, natively: the widget must offer
/// exactly these, at the same code point positions.
fn native_suggestions(text: &str) -> Vec<Suggestion> {
    let article = Article::from_text(text).expect("the article loads");
    for_document(article.text_content(), &Document::new("native"), None)
}

async fn listed(browser: &Browser) -> Value {
    browser
        .js(
            &format!(
                "{WIDGET} return [...root.querySelectorAll('.qm-suggestion')].map(li => ({{
                   id: li.dataset.qmSuggestion,
                   exact: li.querySelector('blockquote').textContent,
                   speaker: li.querySelector('input').value,
                 }}));"
            ),
            vec![],
        )
        .await
}

#[tokio::test]
async fn a_reader_reviews_suggestions_by_mouse_and_keyboard() {
    let expected = native_suggestions(HELSINKI);
    assert!(
        expected.len() >= 5,
        "the demo article has quotes to suggest"
    );
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    click_in_widget(&browser, ".qm-suggestions .qm-primary").await;
    browser
        .wait_for(
            "the suggestions",
            &format!("{WIDGET} return root.querySelectorAll('.qm-suggestion').length;"),
        )
        .await;
    let shown = listed(&browser).await;
    assert_eq!(
        shown.as_array().map(Vec::len),
        Some(expected.len()),
        "{shown}"
    );
    for (item, suggestion) in shown.as_array().into_iter().flatten().zip(&expected) {
        assert_eq!(item["id"], json!(suggestion.id()));
        assert_eq!(
            item["speaker"],
            json!(suggestion.speaker.clone().unwrap_or_default())
        );
    }
    // Drawn in the article, outlined and unfilled: not an annotation yet.
    let drawn = browser
        .js(
            &format!(
                "{WIDGET} const marks = [...root.querySelectorAll('mark.qm-suggested')];
                 const style = marks[0] && getComputedStyle(marks[0]);
                 return {{ count: marks.length, fill: style?.backgroundColor,
                           outline: style?.outlineStyle }};"
            ),
            vec![],
        )
        .await;
    assert!(
        drawn["count"].as_u64() >= Some(expected.len() as u64),
        "{drawn}"
    );
    assert_eq!(drawn["fill"], json!("rgba(0, 0, 0, 0)"), "{drawn}");
    assert_eq!(drawn["outline"], json!("dashed"), "{drawn}");
    // Pending suggestions are not annotations: nothing to export or save.
    assert_eq!(DEMO.annotations(&browser).await, json!([]));
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());

    // Keyboard: into the first suggestion's speaker field, a different name, Enter.
    click_in_widget(&browser, ".qm-suggestion:first-child .qm-suggested-speaker").await;
    chord(&browser, &[Key::Control], 'a').await;
    type_text(&browser, "Ilkka Reviewer").await;
    press(&browser, Key::Enter).await;
    let annotations = DEMO.wait_for_annotations(&browser, 1).await;
    assert_eq!(annotations[0]["exact"], json!(expected[0].exact));
    assert_eq!(annotations[0]["start"], json!(expected[0].start));
    assert_eq!(annotations[0]["speaker"], json!("Ilkka Reviewer"));
    assert_eq!(
        listed(&browser).await.as_array().map(Vec::len),
        Some(expected.len() - 1)
    );

    // One undo takes back the quote and the speaker it brought, together.
    browser
        .js(
            &format!("{WIDGET} root.querySelector('article').focus(); return true;"),
            vec![],
        )
        .await;
    chord(&browser, &[Key::Control], 'z').await;
    DEMO.wait_for_annotations(&browser, 0).await;
    let speakers: Value =
        serde_json::from_str(&DEMO.call_string(&browser, "exportJson()").await).expect("JSON");
    assert_eq!(speakers["speakers"], json!([]), "the new speaker went too");

    // Mouse: reject one, then accept all the rest with their suggested speakers.
    click_in_widget(&browser, ".qm-suggestion:first-child button:last-child").await;
    let left = expected.len() - 2;
    browser
        .wait_for(
            "one rejected",
            &format!("{WIDGET} return root.querySelectorAll('.qm-suggestion').length === {left};"),
        )
        .await;
    click_in_widget(&browser, ".qm-suggestions > .qm-actions .qm-primary").await;
    let annotations = DEMO.wait_for_annotations(&browser, left).await;
    let got: Vec<(Value, Value)> = annotations
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| (a["exact"].clone(), a["speaker"].clone()))
        .collect();
    let want: Vec<(Value, Value)> = expected[2..]
        .iter()
        .map(|s| (json!(s.exact), json!(s.speaker)))
        .collect();
    assert_eq!(got, want);
    browser.close().await;
}

#[tokio::test]
async fn a_host_page_suggests_accepts_and_rejects_through_the_handle() {
    // Three times the demo article: about a thousand words, to time suggest() in the browser.
    let body = HELSINKI
        .split_once("\n\n")
        .map(|(_, rest)| rest)
        .unwrap_or(HELSINKI);
    let text = format!("Suggestions on a long page\n\n{body}\n\n{body}\n\n{body}");
    let expected = native_suggestions(&text);
    let words = text.split_whitespace().count();
    let pages = std::env::temp_dir().join(format!("quotemark-suggest-{}", std::process::id()));
    std::fs::create_dir_all(&pages).expect("a folder for the page");
    std::fs::write(
        pages.join("suggest.html"),
        "<div id=\"story\"></div>
         <script type=\"module\">
           import init, { mount } from \"/quotemark.js\";
           await init();
           const text = await (await fetch(\"/data/article.txt\")).text();
           window.handle = mount(document.getElementById(\"story\"),
             { article: { text }, storage: \"none\", suggest: true });
         </script>",
    )
    .expect("write the page");
    std::fs::write(pages.join("article.txt"), &text).expect("write the article");
    let browser = Browser::start_with(&[], Some(pages.clone())).await;
    browser.goto("/data/suggest.html").await;

    // suggest: true shows them on load, with no click.
    let on_load = browser
        .wait_for(
            "suggestions on load",
            &format!("{WIDGET} return root.querySelectorAll('.qm-suggestion').length;"),
        )
        .await;
    assert_eq!(on_load, json!(expected.len()));

    // Five calls: the first pays for compiling the code paths; the median is the steady cost.
    let timed = browser
        .js(
            "const times = [];
             let list;
             for (let i = 0; i < 5; i++) {
               const started = performance.now();
               list = window.handle.suggest();
               times.push(performance.now() - started);
             }
             const sorted = [...times].sort((a, b) => a - b);
             return { list, first: times[0], median: sorted[2] };",
            vec![],
        )
        .await;
    let list = timed["list"].as_array().cloned().unwrap_or_default();
    println!(
        "suggest() in Chromium, {words} words, {} suggestions: first call {:.1} ms, median of 5 {:.1} ms",
        list.len(),
        timed["first"].as_f64().unwrap_or(f64::NAN),
        timed["median"].as_f64().unwrap_or(f64::NAN),
    );
    assert_eq!(list.len(), expected.len());
    for (item, suggestion) in list.iter().zip(&expected) {
        assert_eq!(
            (
                item["id"].clone(),
                item["exact"].clone(),
                item["start"].clone(),
                item["end"].clone(),
                item["speaker"].clone(),
                item["reason"].clone(),
            ),
            (
                json!(suggestion.id()),
                json!(suggestion.exact),
                json!(suggestion.start),
                json!(suggestion.end),
                json!(suggestion.speaker),
                json!(suggestion.reason),
            )
        );
    }

    let first = expected[0].id();
    let second = expected[1].id();
    browser
        .js(
            "window.handle.acceptSuggestion(arguments[0], 'Named By Host');
             window.handle.rejectSuggestion(arguments[1]);
             return true;",
            vec![json!(first), json!(second)],
        )
        .await;
    let annotations = browser
        .wait_for(
            "the accepted suggestion",
            "const all = window.handle.annotations(); return all.length === 1 && all;",
        )
        .await;
    assert_eq!(annotations[0]["exact"], json!(expected[0].exact));
    assert_eq!(annotations[0]["speaker"], json!("Named By Host"));
    browser
        .wait_for(
            "the list without them",
            &format!(
                "{WIDGET} return root.querySelectorAll('.qm-suggestion').length === {};",
                expected.len() - 2
            ),
        )
        .await;
    let thrown = browser
        .js(
            "try { window.handle.rejectSuggestion('no-such'); return 'accepted'; }
             catch (error) { return error.message; }",
            vec![],
        )
        .await;
    assert!(
        thrown
            .as_str()
            .is_some_and(|m| m.contains("no pending suggestion")),
        "{thrown}"
    );
    browser.close().await;
    let _ = std::fs::remove_dir_all(&pages);
}
