//! Cost of loading an article: a 5 MB article as plain text, Markdown and HTML, and the HTML
//! shaped to make a naive sanitiser quadratic (50,000 unclosed or unmatched tags). Prints the
//! median / min / max in ms over a few runs, and checks every load gives what the tests in
//! `tests/article_loading.rs` expect of the same inputs, so a fast wrong answer is no result.
//!
//! Run with `cargo bench --bench load`.
//! (Native only: the widget reads HTML with the browser's parser, so there is nothing of
//! this to run on wasm32.)

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/large_articles.rs"]
mod large_articles;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use quotemark::core::article::Article;

    use super::large_articles::{five_megabytes, pathological_html};

    const RUNS: usize = 5;

    /// Runs `work` `RUNS` times; returns its last result and the sorted times.
    fn measure<T>(mut work: impl FnMut() -> T) -> (T, Vec<Duration>) {
        let mut times = Vec::with_capacity(RUNS);
        let mut last = None;
        for _ in 0..RUNS {
            let started = Instant::now();
            last = Some(black_box(work()));
            times.push(started.elapsed());
        }
        times.sort();
        (last.expect("RUNS is at least one"), times)
    }

    fn report(name: &str, bytes: usize, times: &[Duration]) {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{name:<48} {:>9} bytes: median {:>8.1} ms (min {:.1}, max {:.1})",
            bytes,
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
        );
    }

    pub fn main() {
        for format in ["text", "markdown", "html"] {
            let (input, blocks) = five_megabytes(format);
            let (article, times) = measure(|| match format {
                "text" => Article::from_text(black_box(&input)),
                "markdown" => Article::from_markdown(black_box(&input)),
                _ => Article::from_html(black_box(&input)),
            });
            let article = article.unwrap_or_else(|error| panic!("{format}: {error}"));
            assert_eq!(
                article.blocks.len(),
                blocks,
                "{format}: every paragraph loads"
            );
            report(&format!("5 MB article as {format}"), input.len(), &times);
        }
        for (html, xs, visible) in pathological_html() {
            let (article, times) = measure(|| Article::from_html(black_box(&html)));
            let article = article.unwrap_or_else(|error| panic!("{}: {error}", &html[..40]));
            let text = article.text_content();
            assert_eq!(text.matches('x').count(), xs, "{}", &html[..40]);
            assert!(text.starts_with(visible), "{}", &html[..40]);
            report(
                &format!("hostile HTML {:?}…", &html[..24]),
                html.len(),
                &times,
            );
        }
    }
}
