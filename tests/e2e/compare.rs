//! A teacher's path through the compare view (issue 16), in the demo page: show an invented
//! article, open "Compare a class's files", open three students' files (and one made on another
//! article, refused by name), see agreement per passage, open a passage's details by keyboard,
//! filter, export the scores, curate a key by majority with accept / reject / undo, reload and
//! find the key kept, open the key in a normal widget, read feedback and the gradebook.

use fantoccini::key::Key;
use fantoccini::Locator;
use quotemark::core::article::{content_hash, ArticleSource, SourceFormat};
use quotemark::core::document::{AnnotationKind, Document};
use quotemark::core::interchange::{export_native_by, ArticleMeta};
use serde_json::{json, Value};

use crate::hostile::load_in_demo;
use crate::person::{chord, click_at, native_text_content, press, type_text, DEMO};
use crate::support::documents::{annotate, speaker_called};
use crate::support::text::code_point_range;
use crate::support::Browser;

const ARTICLE: &str = "Harbour news\n\n\"We will rebuild the pier,\" said Mayor Ada Holm. \
The fishers were sceptical. \"Nobody asked us,\" said Bo Lind.\n\n\
\"The pier is older than I am,\" Holm added.";

/// `root` is the compare view's shadow root.
const ROOT: &str =
    "const root = document.querySelector('#quotemark-compare [data-quotemark-host]')?.shadowRoot;";

/// A student's native export: `(exact, speaker)` marks, a quote when a speaker is given.
fn student_file(annotator: Option<&str>, text: &str, marks: &[(&str, Option<&str>)]) -> String {
    let mut document = Document::new("harbour-news");
    for (exact, speaker) in marks {
        let speaker = speaker.map(|name| speaker_called(&mut document, name, 1));
        let kind = if speaker.is_some() {
            AnnotationKind::Quote
        } else {
            AnnotationKind::Highlight
        };
        let range = code_point_range(text, exact, 0);
        annotate(&mut document, text, kind, range, speaker, "", 2);
    }
    export_native_by(
        &document,
        &ArticleMeta {
            id: content_hash(text),
            title: "Harbour news".into(),
            source: SourceFormat::Text,
            content_hash: content_hash(text),
        },
        annotator,
    )
}

fn class_files() -> Value {
    let text = native_text_content(ArticleSource::Text(ARTICLE.to_owned()));
    let other = native_text_content(ArticleSource::Text(
        "Rail news\n\nThe trains will run late all winter, said the operator.".to_owned(),
    ));
    json!([
        { "name": "ann.json", "content": student_file(Some("Ann"), &text, &[
            ("We will rebuild the pier,", Some("Ada Holm")),
            ("Nobody asked us,", Some("Bo Lind")),
            ("The pier is older than I am,", Some("Ada Holm")),
        ]) },
        { "name": "ben.json", "content": student_file(None, &text, &[
            ("We will rebuild the pier,", Some("Ada Holm")),
            ("The fishers were sceptical.", None),
            ("Nobody asked us", Some("Ada Holm")),
        ]) },
        { "name": "cy.json", "content": student_file(Some("Cy"), &text, &[
            ("We will rebuild the pier,", Some("Mayor Ada Holm")),
            ("The pier is older than I am,", Some("Ada Holm")),
        ]) },
        { "name": "other.json", "content": student_file(Some("Dee"), &other, &[
            ("The trains will run late", Some("the operator")),
            ("all winter", None),
        ]) },
    ])
}

async fn js(browser: &Browser, body: &str, args: Vec<Value>) -> Value {
    browser.js(&format!("{ROOT}\n{body}"), args).await
}

async fn wait(browser: &Browser, what: &str, body: &str) -> Value {
    browser.wait_for(what, &format!("{ROOT}\n{body}")).await
}

/// Clicks the middle of the first element in the compare view matching `selector`.
async fn click(browser: &Browser, selector: &str) {
    let point = js(
        browser,
        "const element = root.querySelector(arguments[0]);
         if (!element) return null;
         element.scrollIntoView({ block: 'center' });
         const r = element.getBoundingClientRect();
         return [r.left + r.width / 2, r.top + r.height / 2];",
        vec![json!(selector)],
    )
    .await;
    let (x, y): (f64, f64) = serde_json::from_value(point.clone())
        .unwrap_or_else(|_| panic!("nothing matches {selector:?} in the compare view ({point})"));
    click_at(browser, x, y).await;
}

/// The level (`all`, `some`, `one`) of the passage whose text includes `needle`, if drawn.
async fn level_of(browser: &Browser, needle: &str) -> Value {
    js(
        browser,
        "const mark = [...root.querySelectorAll('mark[data-qm-passage]')]
           .find(m => m.textContent.includes(arguments[0]));
         return mark ? mark.dataset.level : null;",
        vec![json!(needle)],
    )
    .await
}

/// Makes every download's blob readable: `window.qmDownloads` collects them.
async fn catch_downloads(browser: &Browser) {
    browser
        .js(
            "window.qmDownloads = [];
             const original = URL.createObjectURL;
             URL.createObjectURL = (blob) => { window.qmDownloads.push(blob); return original.call(URL, blob); };
             return true;",
            vec![],
        )
        .await;
}

/// The text of the `index`-th download.
async fn download_text(browser: &Browser, index: usize) -> String {
    browser
        .wait_for(
            &format!("download {index}"),
            &format!("return (window.qmDownloads?.length ?? 0) > {index};"),
        )
        .await;
    browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.qmDownloads[arguments[0]].text().then(done);",
            vec![json!(index)],
        )
        .await
        .expect("read the download")
        .as_str()
        .expect("text")
        .to_owned()
}

/// Opens the class's files with the view's file picker (several at once), as a teacher does.
async fn open_files(browser: &Browser, files: &Value) {
    js(
        browser,
        "const input = root.querySelector('[data-qm-compare-files]');
         const data = new DataTransfer();
         for (const file of arguments[0]) data.items.add(new File([file.content], file.name, { type: 'application/json' }));
         input.files = data.files;
         input.dispatchEvent(new Event('change', { bubbles: true }));
         return true;",
        vec![files.clone()],
    )
    .await;
}

#[tokio::test]
async fn compare_a_teacher_goes_from_a_folder_of_files_to_a_key_and_feedback() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    load_in_demo(&browser, "text", ARTICLE).await;
    browser
        .wait_for(
            "the invented article in the widget",
            "const root = document.querySelector('#quotemark-demo [data-quotemark-host]')?.shadowRoot;
             return root?.textContent.includes('Nobody asked us');",
        )
        .await;
    catch_downloads(&browser).await;

    // Open the compare view from the demo page, and the class's files.
    browser
        .client
        .find(Locator::Css("#compare-open"))
        .await
        .expect("the compare button")
        .click()
        .await
        .expect("press it");
    wait(
        &browser,
        "the compare view",
        "return !!root?.querySelector('[data-qm-compare-files]');",
    )
    .await;
    let files = class_files();
    let three = json!(files.as_array().map(|all| all[..3].to_vec()));
    open_files(&browser, &three).await;
    wait(
        &browser,
        "three files loaded",
        "return root.querySelectorAll('.qm-compare-loaded li').length === 3;",
    )
    .await;
    // The fourth, made on another article, is dropped on the view.
    js(
        &browser,
        "const file = arguments[0];
         const data = new DataTransfer();
         data.items.add(new File([file.content], file.name, { type: 'application/json' }));
         root.querySelector('.qm-compare-drop').dispatchEvent(
           new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
         return true;",
        vec![files[3].clone()],
    )
    .await;
    wait(
        &browser,
        "the dropped file refused",
        "return !!root.querySelector('.qm-compare-refused');",
    )
    .await;
    wait(
        &browser,
        "three files loaded",
        "return root.querySelectorAll('.qm-compare-loaded li').length === 3;",
    )
    .await;
    let refused = js(
        &browser,
        "return root.querySelector('.qm-compare-refused')?.textContent;",
        vec![],
    )
    .await;
    assert!(
        refused
            .as_str()
            .unwrap_or_default()
            .contains("“other.json” was made on a different article"),
        "{refused}"
    );
    let names = js(
        &browser,
        "return [...root.querySelectorAll('.qm-compare-loaded strong')].map(e => e.textContent);",
        vec![],
    )
    .await;
    assert_eq!(names, json!(["Ann", "ben", "Cy"]));

    // Agreement per passage: a shade and a count, never colour alone.
    assert_eq!(level_of(&browser, "We will rebuild").await, "all");
    assert_eq!(level_of(&browser, "Nobody asked us").await, "some");
    assert_eq!(level_of(&browser, "older than I am").await, "some");
    assert_eq!(level_of(&browser, "fishers were").await, "one");
    let counts = js(
        &browser,
        "return [...root.querySelectorAll('.qm-agree-count')].map(e => e.textContent);",
        vec![],
    )
    .await;
    assert!(
        counts
            .as_array()
            .is_some_and(|c| c.contains(&json!("3/3")) && c.contains(&json!("1/3"))),
        "{counts}"
    );
    let agreement = browser
        .js("return window.quotemarkCompare.agreement();", vec![])
        .await;
    assert_eq!(
        agreement["pairs"].as_array().map(Vec::len),
        Some(3),
        "{agreement}"
    );
    assert_eq!(
        (
            agreement["pairs"][0]["a"].as_str(),
            agreement["pairs"][0]["b"].as_str()
        ),
        (Some("Ann"), Some("ben"))
    );
    assert!(agreement["alphaU"].is_number(), "{agreement}");
    assert!(agreement["pairs"][0]["spanF1Overlap"]
        .as_f64()
        .is_some_and(|f| f > 0.0));

    // A passage's details, by keyboard: Tab to it, then Enter.
    js(
        &browser,
        "const marks = [...root.querySelectorAll('mark[role=button]')];
                  const before = marks.find(m => m.textContent.includes('Nobody asked us'));
                  marks[marks.indexOf(before) - 1].focus(); return true;",
        vec![],
    )
    .await;
    press(&browser, Key::Tab).await;
    press(&browser, Key::Enter).await;
    let details = wait(&browser, "the passage's details", "const items = [...root.querySelectorAll('[data-qm-detail]')].map(li => li.textContent); return items.length === 2 && items;").await;
    assert!(
        details[0]
            .as_str()
            .unwrap_or_default()
            .contains("Ann: quote, speaker Bo Lind"),
        "{details}"
    );
    assert!(
        details[1]
            .as_str()
            .unwrap_or_default()
            .contains("ben: quote, speaker Ada Holm"),
        "{details}"
    );

    assert_eq!(
        crate::person::axe_violations_in(&browser, "#quotemark-compare [data-quotemark-host]")
            .await,
        Vec::<String>::new()
    );

    // Filters: without Cy, the old-pier passage is one person's; by speaker, only Bo Lind's.
    click(&browser, "[data-qm-filter-annotator=\"Cy\"]").await;
    wait(&browser, "levels recounted without Cy", "return [...root.querySelectorAll('mark[data-qm-passage]')].find(m => m.textContent.includes('older than'))?.dataset.level === 'one';").await;
    assert_eq!(level_of(&browser, "We will rebuild").await, "all");
    js(&browser, "const select = root.querySelector('[data-qm-filter-speaker]'); select.value = 'Bo Lind'; select.dispatchEvent(new Event('change', { bubbles: true })); return true;", vec![]).await;
    wait(
        &browser,
        "only Bo Lind's quotes",
        "return root.querySelectorAll('mark[role=button]').length === 1;",
    )
    .await;
    assert_eq!(level_of(&browser, "Nobody asked us").await, "one");
    js(&browser, "const select = root.querySelector('[data-qm-filter-speaker]'); select.value = ''; select.dispatchEvent(new Event('change', { bubbles: true })); return true;", vec![]).await;
    click(&browser, "[data-qm-filter-annotator=\"Cy\"]").await;
    wait(
        &browser,
        "everyone shown",
        "return root.querySelectorAll('mark[role=button]').length === 5;",
    )
    .await;

    // Export scores (CSV): the download is the scores CSV.
    click(&browser, "[data-qm-compare-export-scores]").await;
    let scores = download_text(&browser, 0).await;
    let expected = browser
        .js("return window.quotemarkCompare.scoresCsv();", vec![])
        .await;
    // Blob.text() decodes UTF-8 and drops the byte order mark the file starts with.
    assert_eq!(
        scores,
        expected
            .as_str()
            .unwrap_or_default()
            .trim_start_matches('\u{feff}')
    );
    assert!(scores.contains("Ann") && scores.contains("Cy"), "{scores}");

    // The key by majority: three passages; accept the one-person passage, reject the old pier,
    // undo the rejection with Ctrl+Z, reject it again.
    js(&browser, "const select = root.querySelector('[data-qm-rule]'); select.value = 'unanimous'; select.dispatchEvent(new Event('change', { bubbles: true })); return true;", vec![]).await;
    wait(
        &browser,
        "unanimous: one passage",
        "return root.querySelector('[data-qm-key-count]')?.textContent.startsWith('1 of 4');",
    )
    .await;
    js(&browser, "const select = root.querySelector('[data-qm-rule]'); select.value = 'majority'; select.dispatchEvent(new Event('change', { bubbles: true })); return true;", vec![]).await;
    wait(
        &browser,
        "majority: three passages",
        "return root.querySelector('[data-qm-key-count]')?.textContent.startsWith('3 of 4');",
    )
    .await;
    let passage = |needle: &str| {
        format!(
            "const item = [...root.querySelectorAll('[data-qm-key-passage]')].find(li => li.textContent.includes({needle:?}));"
        )
    };
    let fishers_id = js(
        &browser,
        &format!(
            "{} return item.dataset.qmKeyPassage;",
            passage("fishers were")
        ),
        vec![],
    )
    .await;
    let older_id = js(
        &browser,
        &format!(
            "{} return item.dataset.qmKeyPassage;",
            passage("older than")
        ),
        vec![],
    )
    .await;
    click(
        &browser,
        &format!(
            "[data-qm-key-passage=\"{}\"] [data-qm-accept]",
            fishers_id.as_str().expect("id")
        ),
    )
    .await;
    wait(
        &browser,
        "four in the key",
        "return root.querySelector('[data-qm-key-count]')?.textContent.startsWith('4 of 4');",
    )
    .await;
    let reject = format!(
        "[data-qm-key-passage=\"{}\"] [data-qm-reject]",
        older_id.as_str().expect("id")
    );
    click(&browser, &reject).await;
    wait(
        &browser,
        "the old pier rejected",
        "return root.querySelector('[data-qm-key-count]')?.textContent.startsWith('3 of 4');",
    )
    .await;
    chord(&browser, &[Key::Control], 'z').await;
    wait(
        &browser,
        "the rejection undone",
        "return root.querySelector('[data-qm-key-count]')?.textContent.startsWith('4 of 4');",
    )
    .await;
    click(&browser, &reject).await;
    wait(
        &browser,
        "rejected again",
        "return root.querySelector('[data-qm-key-count]')?.textContent.startsWith('3 of 4');",
    )
    .await;

    // Edit a passage's speaker by keyboard: the "Nobody asked us" quote is Bo Lind's.
    let nobody_id = js(
        &browser,
        &format!(
            "{} return item.dataset.qmKeyPassage;",
            passage("Nobody asked")
        ),
        vec![],
    )
    .await;
    let nobody = format!(
        "[data-qm-key-passage=\"{}\"]",
        nobody_id.as_str().expect("id")
    );
    click(&browser, &format!("{nobody} [data-qm-edit]")).await;
    // Its boundaries from a text selection: "Nobody asked us," with the comma, as Ann had it.
    js(
        &browser,
        "const marks = [...root.querySelectorAll('mark[data-qm-at]')];
         const first = marks.find(m => m.textContent === 'Nobody asked us');
         const comma = marks[marks.indexOf(first) + 1];
         const range = document.createRange();
         range.setStart(first.firstChild, 0);
         range.setEnd(comma.firstChild, 1);
         const selection = root.getSelection ? root.getSelection() : document.getSelection();
         selection.removeAllRanges();
         selection.addRange(range);
         return selection.toString();",
        vec![],
    )
    .await;
    click(&browser, &format!("{nobody} [data-qm-edit-from-selection]")).await;
    let text_len = ARTICLE.chars().count();
    let bounds = wait(
        &browser,
        "the boundaries from the selection",
        &format!(
            "const start = root.querySelector('{sel} [data-qm-edit-start]').value;
             const end = root.querySelector('{sel} [data-qm-edit-end]').value;
             return Number(end) - Number(start) === 16 && Number(end) <= {text_len} && [start, end];",
            sel = nobody
        ),
    )
    .await;
    assert!(bounds.is_array(), "{bounds}");
    click(&browser, &format!("{nobody} [data-qm-edit-speaker]")).await;
    chord(&browser, &[Key::Control], 'a').await;
    type_text(&browser, "Bo Lind").await;
    press(&browser, Key::Enter).await;
    wait(&browser, "the speaker edited", &format!("{} return item.textContent.includes('Quote — Bo Lind') && item.textContent.includes('edited');", passage("Nobody asked"))).await;

    // Feedback and the gradebook against the curated key (pier, nobody, fishers).
    let ann = browser
        .js("return window.quotemarkCompare.feedback('Ann');", vec![])
        .await;
    assert_eq!(
        ann["found"].as_u64().unwrap_or(0) + ann["boundaryOff"].as_u64().unwrap_or(0),
        2,
        "{ann}"
    );
    assert_eq!(
        (ann["missed"].clone(), ann["extra"].clone()),
        (json!(1), json!(1)),
        "{ann}"
    );
    let cy = browser
        .js("return window.quotemarkCompare.feedback('Cy');", vec![])
        .await;
    assert_eq!(
        (
            cy["wrongSpeaker"].clone(),
            cy["missed"].clone(),
            cy["extra"].clone()
        ),
        (json!(1), json!(2), json!(1)),
        "{cy}"
    );
    let ben = browser
        .js("return window.quotemarkCompare.feedback('ben');", vec![])
        .await;
    assert_eq!(
        (ben["missed"].clone(), ben["extra"].clone()),
        (json!(0), json!(0)),
        "{ben}"
    );
    assert_eq!(
        browser
            .js("return window.quotemarkCompare.feedback('nobody');", vec![])
            .await,
        Value::Null
    );
    click(&browser, "[data-qm-gradebook]").await;
    let gradebook = download_text(&browser, 1).await;
    let rows: Vec<&str> = gradebook.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 4, "{gradebook}");
    assert!(
        rows[0].ends_with("name,found,boundary_off,wrong_speaker,missed,extra,score"),
        "{gradebook}"
    );
    assert!(
        rows[1].starts_with("Ann,") && rows[2].starts_with("ben,") && rows[3].starts_with("Cy,"),
        "{gradebook}"
    );
    assert!(
        rows[2].ends_with(",0,0,100.0") || rows[2].contains(",0,0,"),
        "{gradebook}"
    );
    let handed_back = browser
        .js("return window.quotemarkCompare.feedbackFile('Cy');", vec![])
        .await;
    assert!(
        handed_back
            .as_str()
            .unwrap_or_default()
            .contains("Key: missed."),
        "{handed_back}"
    );

    // Reload: the curation is kept for this article; the teacher opens the same files again.
    browser.client.refresh().await.expect("reload");
    DEMO.wait_ready(&browser).await;
    let text = json!(ARTICLE);
    browser
        .js(
            "window.quotemarkCompare = window.wasmBindings.compare(document.getElementById('quotemark-compare'),
               { article: { text: arguments[0] }, files: arguments[1] });
             return true;",
            vec![text.clone(), files.clone()],
        )
        .await;
    wait(
        &browser,
        "the key kept after a reload",
        "return root?.querySelector('[data-qm-key-count]')?.textContent.startsWith('3 of 4');",
    )
    .await;
    let kept = js(
        &browser,
        &format!("{} return item.dataset.inKey;", passage("older than")),
        vec![],
    )
    .await;
    assert_eq!(kept, "false");

    // key() is an ordinary file: a normal widget opens it.
    let key = browser
        .js("return window.quotemarkCompare.key();", vec![])
        .await;
    let opened = browser
        .js(
            "const element = document.createElement('div');
             document.body.append(element);
             const handle = window.wasmBindings.mount(element, { article: { text: arguments[0] }, annotations: arguments[1], storage: 'none' });
             return handle.annotations().map(a => [a.kind, a.exact, a.speaker ?? null]);",
            vec![text, key],
        )
        .await;
    let opened = opened.as_array().cloned().unwrap_or_default();
    assert_eq!(opened.len(), 3, "{opened:?}");
    assert_eq!(opened[0][0], "quote");
    assert!(
        opened[0][1]
            .as_str()
            .unwrap_or_default()
            .contains("We will rebuild the pier"),
        "{opened:?}"
    );
    assert!(
        opened
            .iter()
            .any(|a| a[0] == "highlight" && a[1] == "The fishers were sceptical."),
        "{opened:?}"
    );
    browser.close().await;
}

/// The README's compare example runs as written: the view appears and nothing throws.
#[tokio::test]
async fn compare_the_readme_example_runs_as_written() {
    const README: &str = include_str!("../../README.md");
    let section = README
        .split("\n### ")
        .find(|section| section.starts_with("Comparing a class's files"))
        .expect("the README's compare section");
    let block = section
        .split("```html\n")
        .nth(1)
        .and_then(|block| block.split("\n```").next())
        .expect("its example");
    let pages = std::env::temp_dir().join(format!("quotemark-compare-{}", std::process::id()));
    std::fs::create_dir_all(&pages).expect("a folder for the example page");
    let recorder = "<script>window.__errors = [];\
        addEventListener('error', (e) => __errors.push(e.message));\
        addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));</script>";
    std::fs::write(pages.join("compare.html"), format!("{recorder}\n{block}\n"))
        .expect("write the example page");
    let browser = Browser::start_with(&[], Some(pages.clone())).await;
    browser.goto("/data/compare.html").await;
    browser
        .wait_for(
            "the compare view of the README example",
            "const root = document.querySelector('[data-quotemark-host]')?.shadowRoot;
             return root?.querySelector('.qm-compare-title')?.textContent.includes('Harbour news');",
        )
        .await;
    let errors = browser
        .wait_for(
            "the example to finish",
            "return document.readyState === 'complete' && window.__errors;",
        )
        .await;
    assert_eq!(
        errors,
        json!([]),
        "the README's compare example threw:\n{block}"
    );
    browser.close().await;
    let _ = std::fs::remove_dir_all(&pages);
}

/// A whole class at once: 30 files of 50 annotations over a long article all load, draw and
/// score. Prints how long opening them took (timings are read, never asserted, in tests).
#[tokio::test]
async fn compare_thirty_files_of_fifty_annotations_load_and_draw() {
    let words = [
        "harbour", "council", "said", "the", "mayor", "pier", "fishers", "budget", "winter",
        "nobody", "asked", "rebuild", "older", "minister", "report", "vote", "town", "ferry",
    ];
    let mut article = String::from("A long harbour story\n\n");
    for i in 0..4_000 {
        article.push_str(words[(i * 7 + i / 5) % words.len()]);
        article.push_str(if i % 11 == 10 { ". " } else { " " });
        if i % 120 == 119 {
            article.push_str("\n\n");
        }
    }
    let text = native_text_content(ArticleSource::Text(article.clone()));
    let len = text.chars().count();
    let speakers = ["Ada Holm", "Bo Lind", "Cy Berg"];
    let files: Vec<Value> = (0..30)
        .map(|student| {
            let mut document = Document::new("long");
            for k in 0..50 {
                // 70 shared passages; each student marks 50 of them, some boundaries off.
                let passage = (k * 7 + student * 3) % 70;
                let start = 40 + passage * (len - 400) / 70 + (student + k) % 3;
                let range = quotemark::core::text::CharRange::new(start, start + 60);
                let quote = passage % 4 != 0;
                let speaker = quote.then(|| {
                    speaker_called(&mut document, speakers[(passage + student / 10) % 3], 1)
                });
                let kind = if quote {
                    AnnotationKind::Quote
                } else {
                    AnnotationKind::Highlight
                };
                annotate(&mut document, &text, kind, range, speaker, "", 2);
            }
            let file = export_native_by(
                &document,
                &ArticleMeta {
                    id: content_hash(&text),
                    title: "A long harbour story".into(),
                    source: SourceFormat::Text,
                    content_hash: content_hash(&text),
                },
                Some(&format!("Student {student:02}")),
            );
            json!({ "name": format!("s{student}.json"), "content": file })
        })
        .collect();
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let took = browser
        .js(
            "const element = document.getElementById('quotemark-compare');
             const started = performance.now();
             window.qmStarted = started;
             window.quotemarkCompare = window.wasmBindings.compare(element,
               { article: { text: arguments[0] }, files: arguments[1] });
             return performance.now() - started;",
            vec![json!(article), json!(files)],
        )
        .await;
    let drawn = wait(
        &browser,
        "thirty files drawn",
        "return root?.querySelectorAll('.qm-compare-loaded li').length === 30
           && root.querySelectorAll('mark[role=button]').length > 50
           && root.querySelectorAll('[data-qm-feedback]').length === 30
           && performance.now() - window.qmStarted;",
    )
    .await;
    let agreement = browser
        .js("return window.quotemarkCompare.agreement();", vec![])
        .await;
    assert_eq!(agreement["pairs"].as_array().map(Vec::len), Some(435));
    println!(
        "compare(): 30 files × 50 annotations read and scored in {took} ms, drawn (seen on the \
         next animation frame) by {drawn} ms"
    );
    browser.close().await;
}
