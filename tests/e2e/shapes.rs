//! Article shapes (issue 10, item 5): an HTML article with a table and an image, loaded through
//! the demo's *Load another article*, renders a real table and a figure that shows the image's
//! description; a quote dragged with the mouse inside a cell gets the exact text and the code
//! point position the native loader computes; axe-core finds nothing with both present.

use quotemark::core::article::ArticleSource;
use quotemark::core::text::CharRange;
use serde_json::json;

use crate::hostile::load_in_demo;
use crate::person::axe_violations;
use fantoccini::key::Key;

use crate::person::{
    chord, click_in_widget, marked_text, native_text_content, press, press_and_drag,
    quote_with_mouse, release_mouse, type_text, wait_for_toolbar, with_helpers, DEMO,
};
use crate::support::text::code_point_range;
use crate::support::{Browser, WIDGET};

const ARTICLE: &str = r#"<!doctype html><html><head><title>Harbour vote</title></head><body>
<h1>Harbour council votes on the plan</h1>
<p>The council met on Tuesday to vote on the harbour plan.</p>
<figure><img src="https://images.example/harbour.jpg" alt="Boats in the harbour at dawn">
<figcaption>The harbour, photographed in May.</figcaption></figure>
<table>
  <thead><tr><th>Member</th><th>What they said</th></tr></thead>
  <tbody>
    <tr><td>Aino Virtanen</td><td>We will <em>not</em> give up the harbour.</td></tr>
    <tr><td>Mika Korhonen</td><td>The plan needs more time.</td></tr>
  </tbody>
</table>
<p>The vote passed by one voice.</p>
</body></html>"#;

#[tokio::test]
async fn a_table_and_a_figure_render_and_a_quote_inside_a_cell_is_exact() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    load_in_demo(&browser, "html", ARTICLE).await;
    browser
        .wait_for(
            "the article with a table",
            &format!("{WIDGET} return !!root?.querySelector('article table');"),
        )
        .await;
    DEMO.wait_ready(&browser).await;
    let shape = browser
        .js(
            &format!(
                "{WIDGET} const article = root.querySelector('article');
                 const table = article.querySelector('table');
                 const texts = (selector) => [...table.querySelectorAll(selector)].map(e => e.textContent);
                 const figure = article.querySelector('figure');
                 const visible = (e) => !!e && e.getBoundingClientRect().height > 0
                   && getComputedStyle(e).visibility !== 'hidden';
                 return {{
                   headers: texts('thead th'),
                   scopes: [...table.querySelectorAll('thead th')].map(th => th.getAttribute('scope')),
                   rows: [...table.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(c => c.textContent)),
                   image: figure?.querySelector('.qm-image')?.textContent,
                   imageVisible: visible(figure?.querySelector('.qm-image')),
                   caption: figure?.querySelector('figcaption')?.textContent,
                   captionVisible: visible(figure?.querySelector('figcaption')),
                   imgElements: article.querySelectorAll('img').length,
                   imageInBlock: !!figure?.querySelector('.qm-image')?.closest('[data-qm-block]'),
                 }};"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        shape,
        json!({
            "headers": ["Member", "What they said"],
            "scopes": ["col", "col"],
            "rows": [
                ["Aino Virtanen", "We will not give up the harbour."],
                ["Mika Korhonen", "The plan needs more time."],
            ],
            "image": "Image: Boats in the harbour at dawnOpen image: Boats in the harbour at dawn",
            "imageVisible": true,
            "caption": "The harbour, photographed in May.",
            "captionVisible": true,
            // The image is described, never loaded: no request leaves for its host.
            "imgElements": 0,
            // Its description is not article text: no position can point into it.
            "imageInBlock": false,
        })
    );

    let dragged = quote_with_mouse(
        &browser,
        DEMO,
        "not give up the harbour",
        0,
        "Aino Virtanen",
    )
    .await;
    assert_eq!(dragged.selected, "not give up the harbour");
    let annotations = DEMO.annotations(&browser).await;
    let text = native_text_content(ArticleSource::Html(ARTICLE.to_owned()));
    let CharRange { start, end } = code_point_range(&text, "not give up the harbour", 0);
    assert_eq!(annotations[0]["exact"], json!("not give up the harbour"));
    assert_eq!(annotations[0]["speaker"], json!("Aino Virtanen"));
    assert_eq!(
        (
            annotations[0]["start"].clone(),
            annotations[0]["end"].clone()
        ),
        (json!(start), json!(end))
    );
    let id = annotations[0]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(marked_text(&browser, &id).await, "not give up the harbour");
    let in_cell = browser
        .js(
            &format!("{WIDGET} return [...root.querySelectorAll('article td mark')].length > 0;"),
            vec![],
        )
        .await;
    assert_eq!(
        in_cell,
        json!(true),
        "the highlight is drawn inside the cell"
    );
    let exported: serde_json::Value =
        serde_json::from_str(&DEMO.call_string(&browser, "exportW3c()").await).expect("W3C JSON");
    let selectors = &exported["first"]["items"][0]["target"]["selector"];
    assert_eq!(selectors[0]["exact"], json!("not give up the harbour"));
    assert_eq!(selectors[1]["start"], json!(start));
    assert_eq!(selectors[1]["end"], json!(end));

    let violations = axe_violations(&browser).await;
    assert!(violations.is_empty(), "{}", violations.join("\n"));
    browser.close().await;
}

#[tokio::test]
async fn a_pasted_markdown_table_renders_as_a_table_with_its_alignment() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let markdown = "# Votes\n\n| Member | Vote | Seats |\n|:--|:-:|--:|\n| **Aino** | yes | 12 |\n| Mika | *no* | 3 |\n\n![Chart of the vote](chart.png)\n";
    load_in_demo(&browser, "markdown", markdown).await;
    browser
        .wait_for(
            "the Markdown table",
            &format!("{WIDGET} return !!root?.querySelector('article table');"),
        )
        .await;
    let shape = browser
        .js(
            &format!(
                "{WIDGET} const table = root.querySelector('article table');
                 return {{
                   pipes: root.querySelector('article').textContent.includes('|'),
                   head: [...table.querySelectorAll('thead th')].map(th => [th.textContent, th.className]),
                   strong: table.querySelector('tbody strong')?.textContent,
                   image: root.querySelector('article figure .qm-image-alt')?.textContent,
                 }};"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        shape,
        json!({
            "pipes": false,
            "head": [["Member", "qm-align-left"], ["Vote", "qm-align-center"], ["Seats", "qm-align-right"]],
            "strong": "Aino",
            "image": "Chart of the vote",
        })
    );
    let violations = axe_violations(&browser).await;
    assert!(violations.is_empty(), "{}", violations.join("\n"));
    browser.close().await;
}

#[tokio::test]
async fn a_quote_dragged_across_two_cells_spans_both_blocks() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    load_in_demo(&browser, "html", ARTICLE).await;
    browser
        .wait_for(
            "the article with a table",
            &format!("{WIDGET} return !!root?.querySelector('article table');"),
        )
        .await;
    DEMO.wait_ready(&browser).await;
    // From the first letter of a member's name to the end of "needs" in the next cell.
    let path = with_helpers(
        &browser,
        "const from = qmFind('Mika Korhonen', 0), to = qmFind('needs', 0);
         from.block.scrollIntoView({ block: 'center' });
         const first = qmCharRect(from.block, from.start), last = qmCharRect(to.block, to.end - 1);
         return [[first.left + 1, (first.top + first.bottom) / 2],
                 [last.right - 1, (last.top + last.bottom) / 2]];",
        vec![],
    )
    .await;
    let point = |i: usize| {
        (
            path[i][0].as_f64().unwrap_or_default(),
            path[i][1].as_f64().unwrap_or_default(),
        )
    };
    press_and_drag(&browser, point(0), point(1)).await;
    release_mouse(&browser).await;
    wait_for_toolbar(&browser).await;
    click_in_widget(&browser, "#qm-speaker-input").await;
    chord(&browser, &[Key::Control], 'a').await;
    type_text(&browser, "Mika Korhonen").await;
    press(&browser, Key::Enter).await;
    let annotations = DEMO.wait_for_annotations(&browser, 1).await;
    let exact = "Mika Korhonen\n\nThe plan needs";
    let text = native_text_content(ArticleSource::Html(ARTICLE.to_owned()));
    let CharRange { start, end } = code_point_range(&text, exact, 0);
    assert_eq!(annotations[0]["exact"], json!(exact));
    assert_eq!(
        (
            annotations[0]["start"].clone(),
            annotations[0]["end"].clone()
        ),
        (json!(start), json!(end))
    );
    let marked = browser
        .js(
            &format!(
                "{WIDGET} return [...root.querySelectorAll('article td mark')].map(m => m.textContent);"
            ),
            vec![],
        )
        .await;
    assert_eq!(marked, json!(["Mika Korhonen", "The plan needs"]));
    browser.close().await;
}
