//! Large and pathological articles, shared by the native tests that check they load
//! (`tests/article_loading.rs`) and the benchmark that times loading them (`benches/load.rs`).
//! Plain Rust with no dependencies, so any tier can include it with `#[path]`.

/// About 5 MB of paragraphs in `format` ("text", "markdown" or "html"), with a headline, and
/// how many blocks it loads as. The last paragraph starts "9999: The minister".
pub fn five_megabytes(format: &str) -> (String, usize) {
    const PARAGRAPHS: usize = 10_000;
    let sentence = "The minister said \u{201c}we\u{2019}ll see\u{201d} and left; 👩\u{200d}👩\u{200d}👧 日本語 e\u{301}. ";
    let body = sentence.repeat(500 / sentence.len() + 1);
    let mut input = String::with_capacity(PARAGRAPHS * (body.len() + 32));
    match format {
        "text" => input.push_str("Big headline\n\n"),
        "markdown" => input.push_str("# Big headline\n\n"),
        _ => input.push_str("<html><head><title>Big</title></head><body><h1>Big headline</h1>\n"),
    }
    for number in 0..PARAGRAPHS {
        match format {
            "html" => input.push_str(&format!("<p>{number}: <em>{body}</em></p>\n")),
            _ => input.push_str(&format!("{number}: {body}\n\n")),
        }
    }
    (input, PARAGRAPHS + 1)
}

/// HTML shaped to make a naive sanitiser quadratic: deep unclosed nesting, unmatched end
/// tags, an unclosed dropped element, endless list and table nesting. Each case is
/// (input, how many "x" must be visible, text the visible text must start with).
pub fn pathological_html() -> Vec<(String, usize, &'static str)> {
    const N: usize = 50_000;
    vec![
        ("<b>x".repeat(N), N, "xxx"),
        ("<div><i>x".repeat(N), N, "x\n\nx"),
        (format!("<p>{}</p>", "</span>x".repeat(N)), N, "xxx"),
        (
            format!("<p>a</p><div>{}", "<ul><li>x".repeat(N)),
            N,
            "a\n\nx",
        ),
        (format!("<p>{}</p>", "<a href=/y>x".repeat(N)), N, "xxx"),
        ("<table><tr><td>x".repeat(N), N, "x\n\nx"),
        ("<td>x<tr>".repeat(N), N, "xxx"),
        ("<table>x<tr>".repeat(N), N, "x\n\nx"),
        (
            format!(
                "<p>a</p><table><td>c</td>{}",
                "<img alt=i><p>x</p>".repeat(N)
            ),
            N,
            "a\n\nx\n\nx",
        ),
        (
            format!("<p>kept</p><svg>{}", "<g><text>x</text>".repeat(N)),
            0,
            "kept",
        ),
    ]
}
