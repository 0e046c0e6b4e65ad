//! Browser benchmark: the release `dist/` in headless Chromium, with a deterministic
//! ~200,000-character article and seeded sets of 100 / 1,000 / 5,000 / 20,000 annotations
//! (plus the Helsinki article with 20). Times, in the page and over fresh page loads: mount to
//! everything painted (annotations loaded through `importJson`, and from localStorage), a real
//! mouse-up to the selection toolbar painted and Enter to the new highlight painted, scrolling
//! to 20–100 % of the article, saving, exporting W3C JSON; memory after loading; the shipped
//! transfer size. Prints tables and the budgets with PASS/MISS, and writes
//! `bench-results/browser.json`.
//!
//! Run with `./quotemark bench` (builds `dist/` first) or `cargo bench --bench browser`.
//! `QUOTEMARK_BENCH_RUNS` sets the page loads per workload and mode (default 5; 20,000 gets
//! at most 5, see `runs_for`).

#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(native::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::time::{Duration, Instant};

    use fantoccini::actions::{
        InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
    };
    use fantoccini::key::Key;
    use fantoccini::wd::TimeoutConfiguration;
    use serde_json::{json, Value};

    use quotemark::core::anchoring::Anchorer;
    use quotemark::core::article::{Article, ArticleInput, ArticleSource, BlockKind};
    use quotemark::core::document::{Action, AnnotationKind, Document, SpeakerId};
    use quotemark::core::interchange::{export_native, ArticleMeta};
    use quotemark::core::storage::envelope;
    use quotemark::core::text::CharRange;

    use crate::support::Browser;

    const SYNTHETIC_ID: &str = "bench-200k";
    const HELSINKI_ID: &str = "bench-helsinki";
    const SIZES: [usize; 4] = [100, 1_000, 5_000, 20_000];
    const SCROLL_FRACTIONS: [f64; 5] = [0.2, 0.4, 0.6, 0.8, 1.0];
    /// A fixed "now" for the generated documents: the workload is the same on every run.
    const GENERATED_AT: i64 = 1_767_225_600_000;

    /// xorshift64*: small, seedable, deterministic across platforms.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }

        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    const WORDS: &[&str] = &[
        "the",
        "council",
        "said",
        "bridge",
        "will",
        "reopen",
        "after",
        "flood",
        "repairs",
        "mayor",
        "residents",
        "budget",
        "engineer",
        "traffic",
        "monday",
        "spring",
        "river",
        "city",
        "plan",
        "vote",
        "approved",
        "against",
        "every",
        "bolt",
        "safe",
        "years",
        "shop",
        "owners",
        "business",
        "morning",
        "evening",
        "week",
        "month",
        "agency",
        "report",
        "minister",
        "summit",
        "press",
        "question",
        "answer",
        "told",
        "reporters",
        "statement",
        "election",
        "court",
        "ruling",
        "officials",
        "police",
        "school",
        "teachers",
        "union",
    ];
    const ACCENTED: &[&str] = &[
        "café",
        "naïve",
        "Zoë",
        "Müller",
        "Ångström",
        "São",
        "Paulo",
        "Gdańsk",
        "Hämäläinen",
        "Dvořák",
        "façade",
        "résumé",
        "e\u{301}lan",
        "jalapeño",
        "Ørsted",
        "Şişli",
    ];
    const EMOJI: &[&str] = &["🎉", "🇫🇮", "👩\u{200D}👩\u{200D}👧", "👍🏽", "🌊", "🚧"];
    const CJK: &[&str] = &[
        "市议会表示大桥将在洪水修复后重新开放。",
        "東京の市長は記者団に対し、予算は承認されたと述べた。",
        "서울시는 다리가 봄에 다시 열릴 것이라고 밝혔다.",
        "居民们说，他们等待了很多年。",
    ];

    fn sentence(random: &mut XorShift) -> String {
        let count = 6 + random.below(12);
        let mut words: Vec<String> = (0..count)
            .map(|_| {
                if random.chance(10) {
                    random.pick(ACCENTED).to_owned()
                } else if random.chance(2) {
                    random.pick(EMOJI).to_owned()
                } else {
                    random.pick(WORDS).to_owned()
                }
            })
            .collect();
        if let Some(first) = words.first_mut() {
            let mut chars = first.chars();
            if let Some(initial) = chars.next() {
                *first = initial.to_uppercase().chain(chars).collect();
            }
        }
        let body = words.join(" ");
        match random.below(20) {
            0 => format!("“{body},” said {}.", random.pick(ACCENTED)),
            1 => format!("\"{body},\" she said."),
            2 => random.pick(CJK).to_owned(),
            _ => format!("{body}."),
        }
    }

    /// A headline and ~1,000 paragraphs of 150–250 code points: ~200,000 code points.
    fn synthetic_article() -> String {
        let mut random = XorShift(0x5EED_0FA2_71C1_E5A7);
        let mut paragraphs = vec!["Bench: the council, the bridge and the summit".to_owned()];
        let mut total = 0;
        while total < 200_000 {
            let target = 150 + random.below(100);
            let mut paragraph = sentence(&mut random);
            while paragraph.chars().count() < target {
                paragraph.push(' ');
                paragraph.push_str(&sentence(&mut random));
            }
            total += paragraph.chars().count() + 2;
            paragraphs.push(paragraph);
        }
        paragraphs.join("\n\n")
    }

    /// One generated workload, written to the served data folder.
    struct Workload {
        name: String,
        annotations: usize,
        article_id: &'static str,
        text_file: String,
        native_file: String,
        envelope_file: String,
        /// A paragraph without annotations, where the benchmark drags a new selection.
        clean_block: usize,
        article_chars: usize,
        paragraphs: usize,
        native_bytes: usize,
        envelope_bytes: usize,
        overlapping: usize,
    }

    /// The paragraph nearest the middle of the article that is long, plain ASCII-led prose
    /// (so the drag lands on text), kept free of annotations.
    fn clean_block(article: &Article) -> usize {
        let middle = article.blocks.len() / 2;
        let suitable = |index: usize| {
            let block = &article.blocks[index];
            block.kind == BlockKind::Paragraph
                && block.len >= 140
                && block.text().chars().take(140).all(|c| c.is_ascii())
        };
        (0..article.blocks.len())
            .map(|offset| {
                if offset % 2 == 0 {
                    middle + offset / 2
                } else {
                    middle.saturating_sub(offset / 2 + 1)
                }
            })
            .find(|&index| index < article.blocks.len() && suitable(index))
            .unwrap_or(middle)
    }

    /// Builds `count` annotations with the project's own core (capture, actions, export,
    /// persistence codec) and writes the native file and the storage envelope.
    #[allow(clippy::too_many_arguments)]
    fn generate(
        data: &Path,
        name: &str,
        text_file: &str,
        text: &str,
        article_id: &'static str,
        count: usize,
        seed: u64,
    ) -> Workload {
        let article = Article::load(ArticleInput {
            source: ArticleSource::Text(text.to_owned()),
            title: None,
        })
        .expect("the generated article loads");
        let content = article.text_content();
        let anchorer = Anchorer::new(content);
        let clean = clean_block(&article);
        let targets: Vec<usize> = (0..article.blocks.len())
            .filter(|&index| index != clean && article.blocks[index].len >= 10)
            .filter(|&index| article.blocks[index].kind == BlockKind::Paragraph)
            .collect();

        let mut document = Document::new(article_id);
        let speakers: Vec<SpeakerId> = [
            "Sarah Sanders",
            "Vladimir Putin",
            "Donald Trump",
            "Zoë Müller",
            "王小明",
            "Ørsted spokesperson",
        ]
        .iter()
        .filter_map(|name| {
            document
                .apply(
                    Action::AddSpeaker {
                        name: (*name).to_owned(),
                    },
                    GENERATED_AT,
                )
                .ok()
                .and_then(|applied| applied.new_speaker)
        })
        .collect();

        let mut random = XorShift(seed);
        let mut previous: Option<(usize, CharRange)> = None;
        let mut overlapping = 0;
        let mut ranges = std::collections::HashSet::new();
        while document.annotations().len() < count {
            let (block_index, start) = match previous {
                // Every seventh starts inside the previous one: overlaps at every size.
                Some((block, range)) if random.chance(14) => {
                    overlapping += 1;
                    (block, range.start + random.below(range.len()))
                }
                _ => {
                    let block = targets[random.below(targets.len())];
                    let len = article.blocks[block].len;
                    (
                        block,
                        article.blocks[block].start + random.below(len.saturating_sub(10)),
                    )
                }
            };
            let block = &article.blocks[block_index];
            let length = 10 + random.below(191);
            let end = (start + length).min(block.start + block.len);
            let start = start.min(end.saturating_sub(10)).max(block.start);
            let Ok(selectors) = anchorer.capture(CharRange::new(start, end)) else {
                continue;
            };
            let Some(position) = selectors.position.as_ref() else {
                continue;
            };
            let range = CharRange::new(position.start, position.end);
            // Import leaves out an annotation with the same range as another (a duplicate).
            if !ranges.insert((range.start, range.end)) {
                continue;
            }
            let (kind, speaker) = if random.chance(70) {
                (
                    AnnotationKind::Quote,
                    Some(speakers[random.below(speakers.len())].clone()),
                )
            } else {
                (AnnotationKind::Highlight, None)
            };
            let note = if random.chance(10) {
                format!("Check this against the recording ({}).", random.below(1000))
            } else {
                String::new()
            };
            let created = document.apply(
                Action::CreateAnnotation {
                    kind,
                    range,
                    selectors,
                    speaker,
                    note,
                },
                GENERATED_AT + document.annotations().len() as i64,
            );
            if created.is_ok() {
                previous = Some((block_index, range));
            }
        }
        document.forget_history();

        let meta = ArticleMeta {
            id: article_id.to_owned(),
            title: article.title.clone(),
            source: article.source,
            content_hash: article.content_hash(),
        };
        let native = export_native(&document, &meta);
        let envelope = envelope::encode(&document, GENERATED_AT);
        let slug = name.replace(' ', "-");
        let native_file = format!("{slug}.native.json");
        let envelope_file = format!("{slug}.envelope.json");
        std::fs::write(data.join(&native_file), &native).expect("write the native file");
        std::fs::write(data.join(&envelope_file), &envelope).expect("write the envelope");
        Workload {
            name: name.to_owned(),
            annotations: document.annotations().len(),
            article_id,
            text_file: text_file.to_owned(),
            native_file,
            envelope_file,
            clean_block: clean,
            article_chars: content.chars().count(),
            paragraphs: article.blocks.len(),
            native_bytes: native.len(),
            envelope_bytes: envelope.len(),
            overlapping,
        }
    }

    fn workloads(data: &Path) -> Vec<Workload> {
        let helsinki = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/helsinki-summit.txt"),
        )
        .expect("read assets/helsinki-summit.txt");
        std::fs::write(data.join("helsinki.txt"), &helsinki).expect("write the article");
        let synthetic = synthetic_article();
        std::fs::write(data.join("article-200k.txt"), &synthetic).expect("write the article");
        let mut all = vec![generate(
            data,
            "helsinki 20",
            "helsinki.txt",
            &helsinki,
            HELSINKI_ID,
            20,
            0x4E15_1241,
        )];
        for (index, &size) in SIZES.iter().enumerate() {
            all.push(generate(
                data,
                &format!("200k {size}"),
                "article-200k.txt",
                &synthetic,
                SYNTHETIC_ID,
                size,
                0xA77E_0000 + index as u64,
            ));
        }
        all
    }

    /// A folder served at `/data/`, removed at the end.
    struct DataDir(PathBuf);

    impl Drop for DataDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Page loads per workload and mode.
    fn runs_for(workload: &Workload) -> usize {
        let requested = std::env::var("QUOTEMARK_BENCH_RUNS")
            .ok()
            .and_then(|runs| runs.parse().ok())
            .unwrap_or(5usize)
            .max(1);
        if workload.annotations >= 20_000 {
            requested.min(5)
        } else {
            requested
        }
    }

    /// Everything measured in one fresh page load.
    type Sample = BTreeMap<String, f64>;

    /// Profiles (JS Self-Profiling summaries) taken during a run: (phase, summary).
    type Profiles = Vec<(&'static str, Value)>;

    async fn one_run(
        browser: &Browser,
        workload: &Workload,
        mode: &str,
        profile: bool,
    ) -> Result<(Sample, Profiles), String> {
        browser.goto("/pages/bench.html").await;
        browser
            .wait_for("the bench page", "return window.benchReady")
            .await;
        let options = json!({
            "mode": mode,
            "textUrl": format!("/data/{}", workload.text_file),
            "jsonUrl": format!("/data/{}", workload.native_file),
            "envelopeUrl": format!("/data/{}", workload.envelope_file),
            "storageKey": envelope::storage_key(workload.article_id),
            "articleId": workload.article_id,
            "expected": workload.annotations,
            "profile": profile,
        });
        let load = call(browser, "benchLoad", vec![options]).await?;
        if let Some(error) = load.get("seedError").and_then(Value::as_str) {
            return Err(format!("seeding localStorage failed: {error}"));
        }
        let mut sample = Sample::new();
        let mut profiles = Profiles::new();
        if !load["profile"].is_null() {
            profiles.push(("mount → painted", load["profile"].clone()));
        }
        let put = |sample: &mut Sample, key: &str, value: Option<f64>| {
            if let Some(value) = value {
                sample.insert(key.to_owned(), value);
            }
        };
        for key in [
            "mountCall",
            "firstRender",
            "importCall",
            "importRendered",
            "found",
            "painted",
            "checkMs",
            "started",
            "marks",
        ] {
            put(&mut sample, &format!("load.{key}"), load[key].as_f64());
        }
        let started = load["started"].as_u64().unwrap_or(0) as usize;
        if started < workload.annotations {
            return Err(format!(
                "only {started} of {} annotations showed within 30 s (import report: {})",
                workload.annotations,
                load["report"].as_str().unwrap_or("none")
            ));
        }
        let heap = load["loaded"]["jsHeap"].as_f64().unwrap_or(0.0);
        let wasm = load["loaded"]["wasm"].as_f64().unwrap_or(0.0);
        put(&mut sample, "memory.jsHeap", Some(heap));
        put(&mut sample, "memory.wasm", Some(wasm));
        put(&mut sample, "memory.total", Some(heap + wasm));
        put(
            &mut sample,
            "memory.baseline",
            Some(
                load["baseline"]["jsHeap"].as_f64().unwrap_or(0.0)
                    + load["baseline"]["wasm"].as_f64().unwrap_or(0.0),
            ),
        );

        let scroll = call(browser, "benchScroll", vec![json!(SCROLL_FRACTIONS)]).await?;
        let mut worst: f64 = 0.0;
        for entry in scroll.as_array().into_iter().flatten() {
            let fraction = entry["fraction"].as_f64().unwrap_or(0.0);
            let ms = entry["ms"].as_f64().unwrap_or(f64::NAN);
            worst = worst.max(ms);
            put(
                &mut sample,
                &format!("scroll.{:.0}", fraction * 100.0),
                Some(ms),
            );
        }
        put(&mut sample, "scroll.worst", Some(worst));

        let drag = call(browser, "benchArmDrag", vec![json!(workload.clean_block)]).await?;
        let point = |name: &str, axis: usize| drag[name][axis].as_f64().unwrap_or(0.0);
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: point("from", 0),
                y: point("from", 1),
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(100)),
                x: point("to", 0),
                y: point("to", 1),
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        browser
            .client
            .perform_actions(mouse)
            .await
            .map_err(|error| format!("drag: {error}"))?;
        let toolbar = call(browser, "benchAwaitDrag", vec![]).await?;
        put(&mut sample, "drag.painted", toolbar["fromEvent"].as_f64());
        put(&mut sample, "drag.dom", toolbar["domFromEvent"].as_f64());
        put(&mut sample, "drag.handler", toolbar["fromHandler"].as_f64());

        call(
            browser,
            "benchArmEnter",
            vec![json!(workload.clean_block), json!(profile)],
        )
        .await?;
        let enter = KeyActions::new("keyboard".into())
            .then(KeyAction::Down {
                value: Key::Enter.into(),
            })
            .then(KeyAction::Up {
                value: Key::Enter.into(),
            });
        browser
            .client
            .perform_actions(enter)
            .await
            .map_err(|error| format!("Enter: {error}"))?;
        let created = call(browser, "benchAwaitEnter", vec![]).await?;
        put(&mut sample, "enter.painted", created["fromEvent"].as_f64());
        put(&mut sample, "enter.dom", created["domFromEvent"].as_f64());
        put(&mut sample, "save", created["save"].as_f64());
        if !created["profile"].is_null() {
            profiles.push(("Enter → highlight painted", created["profile"].clone()));
        }
        let _ = browser.client.release_actions().await;

        let export = call(browser, "benchExport", vec![]).await?;
        put(&mut sample, "export.w3c", export["w3cMs"].as_f64());
        put(&mut sample, "export.w3cBytes", export["w3cBytes"].as_f64());
        put(&mut sample, "export.native", export["nativeMs"].as_f64());
        Ok((sample, profiles))
    }

    /// Calls `window[name](...args)` in the page, awaiting its promise.
    async fn call(browser: &Browser, name: &str, args: Vec<Value>) -> Result<Value, String> {
        let script = format!(
            "const done = arguments[arguments.length - 1];
             const args = Array.from(arguments).slice(0, -1);
             Promise.resolve()
               .then(() => window.{name}(...args))
               .then((value) => done({{ ok: value ?? null }}))
               .catch((error) => done({{ error: String(error && error.stack || error) }}));"
        );
        let value = browser
            .client
            .execute_async(&script, args)
            .await
            .map_err(|error| format!("{name}: {error}"))?;
        match value.get("error").and_then(Value::as_str) {
            Some(error) => Err(format!("{name}: {error}")),
            None => Ok(value.get("ok").cloned().unwrap_or(Value::Null)),
        }
    }

    /// Median, min and max of one metric over the runs.
    #[derive(Clone, Copy, Debug)]
    struct Stats {
        median: f64,
        min: f64,
        max: f64,
        n: usize,
    }

    fn stats(samples: &[Sample], key: &str) -> Option<Stats> {
        let mut values: Vec<f64> = samples
            .iter()
            .filter_map(|sample| sample.get(key).copied())
            .filter(|value| value.is_finite())
            .collect();
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        };
        Some(Stats {
            median,
            min: values[0],
            max: values[n - 1],
            n,
        })
    }

    /// Results of one workload in one mode.
    struct Measured {
        workload: usize,
        mode: &'static str,
        samples: Vec<Sample>,
        failure: Option<String>,
    }

    fn find<'a>(measured: &'a [Measured], workload: usize, mode: &str) -> Option<&'a Measured> {
        measured
            .iter()
            .find(|m| m.workload == workload && m.mode == mode)
    }

    fn metric(measured: &[Measured], workload: usize, mode: &str, key: &str) -> Option<Stats> {
        find(measured, workload, mode).and_then(|m| stats(&m.samples, key))
    }

    #[derive(Clone, Copy)]
    enum Unit {
        Ms,
        Mb,
    }

    fn cell(stats: Option<Stats>, unit: Unit) -> String {
        let Some(s) = stats else {
            return "n/a".to_owned();
        };
        match unit {
            Unit::Ms => format!("{:.1} [{:.1}–{:.1}]", s.median, s.min, s.max),
            Unit::Mb => format!(
                "{:.2} [{:.2}–{:.2}]",
                s.median / 1e6,
                s.min / 1e6,
                s.max / 1e6
            ),
        }
    }

    fn print_table(title: &str, header: &[&str], rows: &[Vec<String>]) -> String {
        let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for row in rows {
            for (i, value) in row.iter().enumerate() {
                widths[i] = widths[i].max(value.chars().count());
            }
        }
        let line = |values: Vec<&str>| {
            let cells: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(i, value)| format!("{value:<width$}", width = widths[i]))
                .collect();
            format!("| {} |", cells.join(" | "))
        };
        let mut out = format!("\n{title}\n\n");
        out.push_str(&line(header.to_vec()));
        out.push('\n');
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        out.push_str(&format!("|-{}-|\n", rule.join("-|-")));
        for row in rows {
            out.push_str(&line(row.iter().map(String::as_str).collect()));
            out.push('\n');
        }
        print!("{out}");
        out
    }

    /// Each shipped file (the module, its JS glue, and any stylesheet besides the demo
    /// page's own) with its raw and `gzip -9` sizes.
    fn transfer(dist: &Path) -> Vec<(String, u64, u64)> {
        let mut names = vec!["quotemark_bg.wasm".to_owned(), "quotemark.js".to_owned()];
        names.extend(
            std::fs::read_dir(dist)
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(|entry| entry.file_name().into_string().ok())
                .filter(|name| name.ends_with(".css") && name != "demo.css"),
        );
        names
            .into_iter()
            .filter_map(|name| {
                let path = dist.join(&name);
                let raw = std::fs::metadata(&path).ok()?.len();
                let gzipped = std::process::Command::new("gzip")
                    .arg("-9c")
                    .arg(&path)
                    .output()
                    .ok()
                    .filter(|output| output.status.success())
                    .map(|output| output.stdout.len() as u64)?;
                Some((name, raw, gzipped))
            })
            .collect()
    }

    struct Budget {
        name: String,
        measured: Option<f64>,
        limit: f64,
        unit: &'static str,
    }

    impl Budget {
        fn verdict(&self) -> &'static str {
            match self.measured {
                Some(value) if value <= self.limit => "PASS",
                Some(_) => "MISS",
                None => "n/a",
            }
        }
    }

    pub async fn run() {
        let started = Instant::now();
        let dist = std::env::var_os("QUOTEMARK_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
        let data =
            DataDir(std::env::temp_dir().join(format!("quotemark-bench-{}", std::process::id())));
        std::fs::create_dir_all(&data.0).expect("create the data folder");
        let generating = Instant::now();
        let workloads = workloads(&data.0);
        println!(
            "Workloads generated in {:.1} s (article: {} code points in {} blocks)",
            generating.elapsed().as_secs_f64(),
            workloads[1].article_chars,
            workloads[1].paragraphs
        );
        for workload in &workloads {
            println!(
                "  {:<12} {:>6} annotations ({} overlapping the previous), native JSON {:.2} MB, storage envelope {:.2} MB, drag in block {}",
                workload.name,
                workload.annotations,
                workload.overlapping,
                workload.native_bytes as f64 / 1e6,
                workload.envelope_bytes as f64 / 1e6,
                workload.clean_block
            );
        }

        let browser = Browser::start_with(
            // No back/forward cache: the previous page load must not count in this one's heap.
            &[
                "--enable-precise-memory-info",
                "--js-flags=--expose-gc",
                "--disable-features=BackForwardCache",
            ],
            Some(data.0.clone()),
        )
        .await;
        browser
            .client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(300)),
                Some(Duration::from_secs(120)),
                None,
            ))
            .await
            .expect("set WebDriver timeouts");
        let chromium = browser
            .client
            .execute("return navigator.userAgent", vec![])
            .await
            .ok()
            .and_then(|agent| agent.as_str().map(str::to_owned))
            .unwrap_or_default();

        // QUOTEMARK_BENCH_ONLY=5000 runs only the workloads whose name contains "5000".
        let only = std::env::var("QUOTEMARK_BENCH_ONLY").unwrap_or_default();
        // QUOTEMARK_BENCH_PROFILE=1 samples the first run of each workload and mode with the JS
        // Self-Profiling API and prints where the time went (profiling slows those runs).
        let profiling = std::env::var_os("QUOTEMARK_BENCH_PROFILE").is_some();
        let mut profiles: Vec<(String, &'static str, &'static str, Value)> = Vec::new();
        let mut measured = Vec::new();
        for (index, workload) in workloads.iter().enumerate() {
            if !workload.name.contains(only.as_str()) {
                continue;
            }
            for mode in ["import", "storage"] {
                let runs = runs_for(workload);
                let mut samples = Vec::new();
                let mut failure = None;
                for run in 0..runs {
                    let began = Instant::now();
                    match one_run(&browser, workload, mode, profiling && run == 0).await {
                        Ok((sample, taken)) => {
                            for (phase, summary) in taken {
                                profiles.push((workload.name.clone(), mode, phase, summary));
                            }
                            eprintln!(
                                "  {} / {mode} run {}: painted {:.1} ms ({:.1} s)",
                                workload.name,
                                run + 1,
                                sample.get("load.painted").copied().unwrap_or(f64::NAN),
                                began.elapsed().as_secs_f64()
                            );
                            samples.push(sample);
                        }
                        Err(error) => {
                            eprintln!("  {} / {mode} run {}: {error}", workload.name, run + 1);
                            failure = Some(error);
                            break;
                        }
                    }
                }
                measured.push(Measured {
                    workload: index,
                    mode,
                    samples,
                    failure,
                });
            }
        }
        browser.close().await;

        let mut report = String::new();
        let names: Vec<String> = workloads
            .iter()
            .map(|w| format!("{} ({} runs)", w.name, runs_for(w)))
            .collect();
        let row = |index: usize, columns: &[(&str, &str, Unit)]| -> Vec<String> {
            let mut row = vec![names[index].clone()];
            for (mode, key, unit) in columns {
                let value = match find(&measured, index, mode) {
                    Some(m) if m.samples.is_empty() => m
                        .failure
                        .as_deref()
                        .map(|f| {
                            let first = f.lines().next().unwrap_or_default();
                            format!("failed: {}", first.chars().take(60).collect::<String>())
                        })
                        .unwrap_or_else(|| "n/a".into()),
                    _ => cell(metric(&measured, index, mode, key), *unit),
                };
                row.push(value);
            }
            row
        };
        let table =
            |report: &mut String, title: &str, header: &[&str], columns: &[(&str, &str, Unit)]| {
                let rows: Vec<Vec<String>> =
                    (0..workloads.len()).map(|i| row(i, columns)).collect();
                report.push_str(&print_table(title, header, &rows));
            };
        println!(
            "\nAll times in ms, median [min–max] over fresh page loads; memory in MB (10^6 bytes)."
        );
        table(
            &mut report,
            "Loading: mount → article and every highlight painted",
            &[
                "workload",
                "importJson: painted",
                "importJson: all in DOM",
                "localStorage: painted",
                "localStorage: all in DOM",
            ],
            &[
                ("import", "load.painted", Unit::Ms),
                ("import", "load.found", Unit::Ms),
                ("storage", "load.painted", Unit::Ms),
                ("storage", "load.found", Unit::Ms),
            ],
        );
        table(
            &mut report,
            "Where loading time goes (ms since mount was called)",
            &[
                "workload",
                "import: mount() returned",
                "import: first render",
                "import: importJson() call",
                "import: rendered",
                "storage: mount() returned",
                "storage: rendered",
            ],
            &[
                ("import", "load.mountCall", Unit::Ms),
                ("import", "load.firstRender", Unit::Ms),
                ("import", "load.importCall", Unit::Ms),
                ("import", "load.importRendered", Unit::Ms),
                ("storage", "load.mountCall", Unit::Ms),
                ("storage", "load.firstRender", Unit::Ms),
            ],
        );
        table(
            &mut report,
            "Input: real mouse-up → selection toolbar painted; Enter in the toolbar → new highlight painted",
            &[
                "workload",
                "mouse-up → toolbar (storage: none)",
                "mouse-up → toolbar (localStorage)",
                "Enter → highlight (storage: none)",
                "Enter → highlight (localStorage)",
                "save (quotemark-save)",
            ],
            &[
                ("import", "drag.painted", Unit::Ms),
                ("storage", "drag.painted", Unit::Ms),
                ("import", "enter.painted", Unit::Ms),
                ("storage", "enter.painted", Unit::Ms),
                ("storage", "save", Unit::Ms),
            ],
        );
        table(
            &mut report,
            "Scroll: scrollIntoView → that part painted (importJson runs)",
            &["workload", "20 %", "40 %", "60 %", "80 %", "100 %"],
            &[
                ("import", "scroll.20", Unit::Ms),
                ("import", "scroll.40", Unit::Ms),
                ("import", "scroll.60", Unit::Ms),
                ("import", "scroll.80", Unit::Ms),
                ("import", "scroll.100", Unit::Ms),
            ],
        );
        table(
            &mut report,
            "Export and memory (JS heap after GC + wasm linear memory, after loading)",
            &[
                "workload",
                "exportW3c()",
                "exportJson()",
                "memory (importJson)",
                "memory (localStorage)",
                "memory before mount (page only)",
            ],
            &[
                ("import", "export.w3c", Unit::Ms),
                ("import", "export.native", Unit::Ms),
                ("import", "memory.total", Unit::Mb),
                ("storage", "memory.total", Unit::Mb),
                ("import", "memory.baseline", Unit::Mb),
            ],
        );

        let files = transfer(&dist);
        let (raw_total, gzip_total) = files
            .iter()
            .fold((0, 0), |(r, g), (_, raw, gz)| (r + raw, g + gz));
        let mut transfer_rows: Vec<Vec<String>> = files
            .iter()
            .map(|(name, raw, gz)| {
                vec![
                    name.clone(),
                    format!("{:.1} KB", *raw as f64 / 1e3),
                    format!("{:.1} KB", *gz as f64 / 1e3),
                ]
            })
            .collect();
        transfer_rows.push(vec![
            "total (the widget's CSS is inside the wasm)".into(),
            format!("{:.1} KB", raw_total as f64 / 1e3),
            format!("{:.1} KB", gzip_total as f64 / 1e3),
        ]);
        report.push_str(&print_table(
            "Shipped transfer (KB = 1,000 bytes)",
            &["file", "raw", "gzip -9"],
            &transfer_rows,
        ));

        // Budgets, against medians. Indexes: 0 Helsinki, 1..=4 the sizes in SIZES.
        let at = |size: usize| 1 + SIZES.iter().position(|&s| s == size).unwrap_or(0);
        let median = |index: usize, mode: &str, key: &str| {
            metric(&measured, index, mode, key).map(|s| s.median)
        };
        let worst_scroll = (1..=SIZES.len())
            .filter_map(|i| median(i, "import", "scroll.worst"))
            .fold(None, |worst: Option<f64>, v| {
                Some(worst.map_or(v, |w| w.max(v)))
            });
        let growth_limit = (20_000f64 * 20_000f64.ln()) / (1_000f64 * 1_000f64.ln());
        let growth = |mode: &str, key: &str| {
            Some(median(at(20_000), mode, key)? / median(at(1_000), mode, key)?)
        };
        let budgets = vec![
            Budget {
                name: "mount → painted, 5,000 (importJson)".into(),
                measured: median(at(5_000), "import", "load.painted"),
                limit: 150.0,
                unit: "ms",
            },
            Budget {
                name: "mount → painted, 5,000 (localStorage)".into(),
                measured: median(at(5_000), "storage", "load.painted"),
                limit: 150.0,
                unit: "ms",
            },
            Budget {
                name: "mount → painted, 20,000 (importJson)".into(),
                measured: median(at(20_000), "import", "load.painted"),
                limit: 300.0,
                unit: "ms",
            },
            Budget {
                name: "mount → painted, 20,000 (localStorage)".into(),
                measured: median(at(20_000), "storage", "load.painted"),
                limit: 300.0,
                unit: "ms",
            },
            Budget {
                name: "every highlight in the DOM, 5,000 (importJson)".into(),
                measured: median(at(5_000), "import", "load.found"),
                limit: 1000.0,
                unit: "ms",
            },
            Budget {
                name: "every highlight in the DOM, 5,000 (localStorage)".into(),
                measured: median(at(5_000), "storage", "load.found"),
                limit: 1000.0,
                unit: "ms",
            },
            Budget {
                name: "scroll → highlights painted (worst position, any N)".into(),
                measured: worst_scroll,
                limit: 50.0,
                unit: "ms",
            },
            Budget {
                name: "mouse-up → toolbar painted, 5,000".into(),
                measured: median(at(5_000), "storage", "drag.painted"),
                limit: 25.0,
                unit: "ms",
            },
            Budget {
                name: "Enter → highlight painted, 5,000 (localStorage)".into(),
                measured: median(at(5_000), "storage", "enter.painted"),
                limit: 25.0,
                unit: "ms",
            },
            Budget {
                name: "Enter → highlight painted, 5,000 (storage: none)".into(),
                measured: median(at(5_000), "import", "enter.painted"),
                limit: 25.0,
                unit: "ms",
            },
            Budget {
                name: "save to localStorage, 5,000".into(),
                measured: median(at(5_000), "storage", "save"),
                limit: 20.0,
                unit: "ms",
            },
            Budget {
                name: "JS heap + wasm after loading, 5,000 (importJson)".into(),
                measured: median(at(5_000), "import", "memory.total").map(|b| b / 1e6),
                limit: 20.0,
                unit: "MB",
            },
            Budget {
                name: "JS heap + wasm after loading, 5,000 (localStorage)".into(),
                measured: median(at(5_000), "storage", "memory.total").map(|b| b / 1e6),
                limit: 20.0,
                unit: "MB",
            },
            Budget {
                name: "transfer, gzipped (wasm + JS + CSS)".into(),
                measured: Some(gzip_total as f64 / 1e3),
                limit: 150.0,
                unit: "KB",
            },
            Budget {
                name: "growth 1,000 → 20,000, mount → painted (importJson)".into(),
                measured: growth("import", "load.painted"),
                limit: growth_limit,
                unit: "×",
            },
            Budget {
                name: "growth 1,000 → 20,000, mount → painted (localStorage)".into(),
                measured: growth("storage", "load.painted"),
                limit: growth_limit,
                unit: "×",
            },
            Budget {
                name: "growth 1,000 → 20,000, save".into(),
                measured: growth("storage", "save"),
                limit: growth_limit,
                unit: "×",
            },
            Budget {
                name: "growth 1,000 → 20,000, exportW3c".into(),
                measured: growth("import", "export.w3c"),
                limit: growth_limit,
                unit: "×",
            },
        ];
        let budget_rows: Vec<Vec<String>> = budgets
            .iter()
            .map(|b| {
                vec![
                    b.name.clone(),
                    b.measured
                        .map_or("n/a".into(), |v| format!("{v:.1} {}", b.unit)),
                    format!("≤ {:.1} {}", b.limit, b.unit),
                    b.verdict().into(),
                ]
            })
            .collect();
        report.push_str(&print_table(
            "Budgets (medians; growth = t(20,000) / t(1,000), n log n allows 28.7×)",
            &["budget", "measured", "budget", "verdict"],
            &budget_rows,
        ));

        for (workload, mode, phase, summary) in &profiles {
            let line = |entry: &Value| {
                format!(
                    "{:>6} {}",
                    entry["samples"].as_u64().unwrap_or(0),
                    entry["name"].as_str().unwrap_or("?")
                )
            };
            let mut text = format!(
                "\nProfile: {workload} / {mode} / {phase}: {} samples, one per {:.1} ms; {} outside script (style, layout, paint, idle)\n  by self time:\n",
                summary["samples"],
                summary["interval"].as_f64().unwrap_or(f64::NAN),
                summary["noScript"]
            );
            for entry in summary["self"].as_array().into_iter().flatten().take(12) {
                text.push_str(&format!("    {}\n", line(entry)));
            }
            text.push_str("  hottest frames' callers (innermost first):\n");
            for hot in summary["callers"].as_array().into_iter().flatten() {
                for chain in hot["chains"].as_array().into_iter().flatten() {
                    text.push_str(&format!("    {}\n", line(chain)));
                }
            }
            text.push_str("  by total time:\n");
            for entry in summary["total"].as_array().into_iter().flatten().take(15) {
                text.push_str(&format!("    {}\n", line(entry)));
            }
            print!("{text}");
            report.push_str(&text);
        }

        let elapsed = started.elapsed().as_secs_f64();
        println!("\nChromium: {chromium}\nBenchmark took {elapsed:.0} s");

        let results = json!({
            "chromium": chromium,
            "seconds": elapsed,
            "workloads": workloads.iter().map(|w| json!({
                "name": w.name,
                "annotations": w.annotations,
                "overlappingPrevious": w.overlapping,
                "articleChars": w.article_chars,
                "blocks": w.paragraphs,
                "nativeBytes": w.native_bytes,
                "envelopeBytes": w.envelope_bytes,
                "dragBlock": w.clean_block,
                "runs": runs_for(w),
            })).collect::<Vec<_>>(),
            "results": measured.iter().map(|m| {
                let keys: std::collections::BTreeSet<&String> =
                    m.samples.iter().flat_map(|s| s.keys()).collect();
                json!({
                    "workload": workloads[m.workload].name,
                    "mode": m.mode,
                    "failure": m.failure,
                    "stats": keys.iter().filter_map(|key| {
                        stats(&m.samples, key).map(|s| ((*key).clone(), json!({
                            "median": s.median, "min": s.min, "max": s.max, "n": s.n,
                        })))
                    }).collect::<serde_json::Map<String, Value>>(),
                    "samples": m.samples,
                })
            }).collect::<Vec<_>>(),
            "transfer": files.iter().map(|(name, raw, gz)| json!({
                "file": name, "raw": raw, "gzip9": gz,
            })).collect::<Vec<_>>(),
            "budgets": budgets.iter().map(|b| json!({
                "name": b.name, "measured": b.measured, "limit": b.limit,
                "unit": b.unit, "verdict": b.verdict(),
            })).collect::<Vec<_>>(),
            "profiles": profiles.iter().map(|(workload, mode, phase, summary)| json!({
                "workload": workload, "mode": mode, "phase": phase, "summary": summary,
            })).collect::<Vec<_>>(),
            "tables": report,
        });
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench-results");
        std::fs::create_dir_all(&out).expect("create bench-results/");
        let path = out.join("browser.json");
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&results).unwrap_or_default(),
        )
        .expect("write bench-results/browser.json");
        println!("Wrote {}", path.display());
    }
}
