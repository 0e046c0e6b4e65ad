//! Positions from a real mouse selection (issue 4): text after emoji, flags, combining marks,
//! CJK and Hebrew is exported as code point offsets, computed here natively from the same
//! article, never as the browser's UTF-16 offsets.

use quotemark::core::article::ArticleSource;
use quotemark::core::text::CharRange;
use serde_json::{json, Value};

use crate::person::{native_text_content, quote_with_mouse, Page};
use crate::support::text::code_point_range;
use crate::support::Browser;

const EMOJI_ARTICLE: &str = include_str!("../pages/emoji-article.txt");

const EMOJI_PAGE: Page = Page {
    path: "/pages/emoji-article.html",
    handle: "window.quotemarkHandle",
};

/// (text dragged over with the mouse, the quote it must become)
const SELECTIONS: [(&str, &str); 4] = [
    // After a ZWJ family (5 code points, 8 UTF-16 units) and a flag (2 and 4).
    ("“we will build it”", "we will build it"),
    ("Mayor said", "Mayor said"),
    // After combining marks, an emoji with a skin tone, CJK and Hebrew.
    ("“a good day”", "a good day"),
    // A word starting with a combining sequence: the mark stays with its letter.
    ("“e\u{301}norme”", "e\u{301}norme"),
];

/// The `TextQuoteSelector.exact` and `TextPositionSelector` of every annotation in a W3C export.
fn w3c_positions(export: &str) -> Vec<(String, Value, Value)> {
    let collection: Value = serde_json::from_str(export)
        .unwrap_or_else(|error| panic!("the W3C export is not JSON ({error}): {export}"));
    let items = collection["first"]["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no first.items in the W3C export: {collection}"));
    items
        .iter()
        .map(|item| {
            let selectors = item["target"]["selector"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let of_type = |kind: &str| {
                selectors
                    .iter()
                    .find(|s| s["type"] == json!(kind))
                    .cloned()
                    .unwrap_or_else(|| panic!("no {kind} in {item}"))
            };
            let quote = of_type("TextQuoteSelector");
            let position = of_type("TextPositionSelector");
            (
                quote["exact"].as_str().unwrap_or_default().to_owned(),
                position["start"].clone(),
                position["end"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_mouse_selection_after_emoji_exports_code_point_positions() {
    let browser = Browser::start().await;
    EMOJI_PAGE.open(&browser).await;
    let text = native_text_content(ArticleSource::Text(EMOJI_ARTICLE.to_owned()));
    for (dragged_over, _) in SELECTIONS {
        let dragged = quote_with_mouse(&browser, EMOJI_PAGE, dragged_over, 0, "Mayor").await;
        assert_eq!(
            dragged.selected, dragged_over,
            "the browser selected something else"
        );
    }
    let exported = w3c_positions(&EMOJI_PAGE.call_string(&browser, "exportW3c()").await);
    assert_eq!(exported.len(), SELECTIONS.len(), "{exported:?}");
    for (_, quote) in SELECTIONS {
        let CharRange { start, end } = code_point_range(&text, quote, 0);
        let utf16_start = text[..text.find(quote).unwrap_or(0)].encode_utf16().count();
        let found = exported
            .iter()
            .find(|(exact, ..)| exact == quote)
            .unwrap_or_else(|| panic!("no exported quote {quote:?} in {exported:?}"));
        assert_eq!(
            (found.1.clone(), found.2.clone()),
            (json!(start), json!(end)),
            "{quote:?}: code points {start}..{end}, UTF-16 would start at {utf16_start}"
        );
        // The fixture is only a test of the unit if the two units disagree here.
        assert_ne!(
            start, utf16_start,
            "{quote:?} is not after any astral character"
        );
    }
    browser.close().await;
}
