//! The mutation-XSS family of issue 11, shared by the native tests (`tests/article_loading.rs`),
//! the browser-parser tests (`tests/browser.rs`) and the end-to-end tests in Chromium
//! (`tests/e2e/hostile.rs`): an element whose content the sanitiser drops (or a browser shows
//! as raw text), with closing-tag-like text hidden in an attribute or a comment, with and
//! without its real end tag, between two paragraphs whose text must survive whatever each
//! parser makes of it.
// Each includer uses the part it needs.
#![allow(dead_code)]

/// A payload for [`mxss_articles`] that shows up as "alert" if its markup became text.
pub const MXSS_PAYLOAD: &str = "<img src=x onerror=alert(1)><script>alert(2)</script>";

/// The paragraphs around the hostile `element` that `text` lost, one line each, labelled.
pub fn lost_paragraphs(element: &str, label: &str, text: &str) -> Vec<String> {
    [
        format!("Before the {element}."),
        format!("After the {element}."),
    ]
    .into_iter()
    .filter(|expected| !text.contains(expected.as_str()))
    .map(|expected| format!("{label}: {expected:?} lost from {text:?}"))
    .collect()
}

/// What is wrong with the text of an article loaded from one of [`mxss_articles`] with
/// [`MXSS_PAYLOAD`]: a paragraph around the element lost, or the payload shown as text.
/// `xmp` and `plaintext` show their content as text, as a browser does; anywhere else the
/// payload is markup and must not appear as text either.
pub fn text_problems(element: &str, label: &str, text: &str) -> Vec<String> {
    let mut problems = lost_paragraphs(element, label, text);
    if !matches!(element, "xmp" | "plaintext") && text.contains("alert") {
        problems.push(format!("{label}: script text shown: {text:?}"));
    }
    problems
}

/// (element, an element to hide the payload's attribute in)
pub const MXSS_FAMILY: &[(&str, &str)] = &[
    ("noscript", "p"),
    ("template", "p"),
    ("style", "p"),
    ("textarea", "p"),
    ("title", "p"),
    ("xmp", "p"),
    ("iframe", "p"),
    ("noembed", "p"),
    ("noframes", "p"),
    ("plaintext", "p"),
    ("select", "option"),
    ("svg", "desc"),
    ("math", "mi"),
];

/// The hostile articles for one element of [`MXSS_FAMILY`], each trying to run `payload`:
/// (label, html). Each has the paragraphs "Before the {element}." and "After the {element}.".
pub fn mxss_articles(element: &str, inner: &str, payload: &str) -> Vec<(String, String)> {
    let end = format!("</{element}>");
    let mut shapes = vec![
        (
            "attribute",
            format!("<{element}><{inner} title=\"{end}{payload}\"></{inner}>{end}"),
        ),
        (
            "comment",
            format!("<{element}><!-- {end}{payload} -->{end}"),
        ),
        (
            "attribute, unclosed",
            format!("<{element}><{inner} title=\"{end}{payload}\">"),
        ),
        (
            "comment, unclosed",
            format!("<{element}><!-- {end}{payload} -->"),
        ),
        // Raw text inside it: where a parser reads the element as markup, the end tag is
        // hidden in the child's text.
        (
            "raw-text child, unclosed",
            format!("<{element}><textarea>{end}{payload}</textarea>"),
        ),
    ];
    // An unclosed `template` or `select` holds the rest of the document in a browser too (inert
    // template content; text in a select is not shown), so only the closed shapes apply.
    if matches!(element, "template" | "select") {
        shapes.truncate(2);
    }
    shapes
        .into_iter()
        .map(|(shape, hostile)| {
            (
                format!("{element}, {shape}"),
                format!(
                    "<h1>Headline</h1><p>Before the {element}.</p>{hostile}<p>After the {element}.</p>"
                ),
            )
        })
        .collect()
}
