//! Annotating without surprises (issue 10): each problem a new user met, reproduced by the input
//! a person uses (mouse, keyboard, touch) and shown fixed — the right speaker every time, the
//! right file, README examples that run as written, finds that scroll, work that is found again,
//! highlights that explain themselves on a phone, distinct colours, a quiet panel, overlaps,
//! the shortcut list, printing and the dark theme, all with zero axe-core violations.

use fantoccini::key::Key;
use quotemark::core::article::{content_hash, ArticleSource, SourceFormat};
use quotemark::core::document::{AnnotationKind, Document};
use quotemark::core::interchange::{export_native, ArticleMeta};
use serde_json::{json, Value};

use crate::hostile::load_in_demo;
use crate::person::{
    axe_violations, chord, click_in_widget, drag_over, focused_in_widget, native_text_content,
    press, quote_with_mouse, tap_at, type_text, wait_for_toolbar, DEMO,
};
use crate::support::documents::{annotate, speaker_called};
use crate::support::text::code_point_range;
use crate::support::{Browser, WIDGET};

const HELSINKI: &str = include_str!("../../assets/helsinki-summit.txt");
const README: &str = include_str!("../../README.md");

fn helsinki_text() -> String {
    native_text_content(ArticleSource::Text(HELSINKI.to_owned()))
}

/// A native export of `text` with a quote for each `(exact, nth, speaker, note)`, made the way
/// another reader's Quotemark would make it (the real capture and export code).
pub(crate) fn file_for(
    article_id: &str,
    title: &str,
    text: &str,
    quotes: &[(&str, usize, &str, &str)],
) -> String {
    file_made_at(2, article_id, title, text, quotes)
}

/// [`file_for`], with its annotations made at `created` (ms since the epoch).
pub(crate) fn file_made_at(
    created: i64,
    article_id: &str,
    title: &str,
    text: &str,
    quotes: &[(&str, usize, &str, &str)],
) -> String {
    let mut document = Document::new(article_id);
    for (exact, nth, speaker, note) in quotes {
        let speaker = speaker_called(&mut document, speaker, 1);
        let range = code_point_range(text, exact, *nth);
        annotate(
            &mut document,
            text,
            AnnotationKind::Quote,
            range,
            Some(speaker),
            note,
            created,
        );
    }
    export_native(
        &document,
        &ArticleMeta {
            id: article_id.to_owned(),
            title: title.to_owned(),
            source: SourceFormat::Text,
            content_hash: content_hash(text),
        },
    )
}

/// Imports a file through the handle (setup for tests about something else).
async fn import(browser: &Browser, file: &str) -> Value {
    browser
        .js(
            "return window.quotemarkDemo.importJson(arguments[0], 'merge');",
            vec![json!(file)],
        )
        .await
}

fn speakers_of(annotations: &Value) -> Vec<Value> {
    annotations
        .as_array()
        .map(|all| all.iter().map(|a| a["speaker"].clone()).collect())
        .unwrap_or_default()
}

// ---- 1. Speaker names ------------------------------------------------------------------------

#[tokio::test]
async fn typed_speaker_names_are_never_glued_onto_the_last_one() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    quote_with_mouse(&browser, DEMO, "\"tragic mistake\"", 0, "John McCain").await;

    // q, then type: the name must be exactly what was typed.
    drag_over(&browser, "\"the most serious mistake\"", 0).await;
    wait_for_toolbar(&browser).await;
    press(&browser, 'q').await;
    type_text(&browser, "Newt Gingrich").await;
    press(&browser, Key::Enter).await;
    DEMO.wait_for_annotations(&browser, 2).await;

    // A click into the field, then type.
    drag_over(&browser, "'great success'", 0).await;
    wait_for_toolbar(&browser).await;
    click_in_widget(&browser, "#qm-speaker-input").await;
    type_text(&browser, "Donald Trump").await;
    press(&browser, Key::Enter).await;
    DEMO.wait_for_annotations(&browser, 3).await;

    // A quick Enter gives the quote to nobody, not to the previous speaker.
    drag_over(&browser, "\"extremely strong and powerful\"", 0).await;
    wait_for_toolbar(&browser).await;
    press(&browser, 'q').await;
    press(&browser, Key::Enter).await;
    let annotations = DEMO.wait_for_annotations(&browser, 4).await;

    assert_eq!(
        speakers_of(&annotations),
        vec![
            Value::Null,
            json!("John McCain"),
            json!("Newt Gingrich"),
            json!("Donald Trump"),
        ],
        "{annotations}"
    );
    let exported: Value =
        serde_json::from_str(&DEMO.call_string(&browser, "exportJson()").await).expect("JSON");
    let names: Vec<&str> = exported["speakers"]
        .as_array()
        .map(|all| all.iter().filter_map(|s| s["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, vec!["John McCain", "Newt Gingrich", "Donald Trump"]);
    browser.close().await;
}

// ---- 2. A file of another article --------------------------------------------------------------

/// Picks `file` in the panel's import field, as the file chooser would.
async fn pick_import_file(browser: &Browser, name: &str, contents: &str) {
    browser
        .js(
            &format!(
                "{WIDGET} const input = root.querySelector('.qm-files-import input[type=file]');
                 const transfer = new DataTransfer();
                 transfer.items.add(new File([arguments[1]], arguments[0], {{ type: 'application/json' }}));
                 input.files = transfer.files;
                 input.dispatchEvent(new Event('change', {{ bubbles: true }}));
                 return true;"
            ),
            vec![json!(name), json!(contents)],
        )
        .await;
}

#[tokio::test]
async fn a_file_of_another_article_is_refused_until_the_reader_insists() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    quote_with_mouse(&browser, DEMO, "\"tragic mistake\"", 0, "John McCain").await;
    let football = "Late goal keeps the title race open\n\n\
        “We never stopped believing,” the coach said after the match.\n\n\
        The captain was more cautious. “It is one win, nothing more,” she said.";
    let other = file_for(
        "https://sport.example.org/late-goal",
        "Late goal keeps the title race open",
        football,
        &[
            ("We never stopped believing,", 0, "Coach", ""),
            ("It is one win, nothing more,", 0, "Captain", ""),
        ],
    );
    pick_import_file(&browser, "late-goal.quotemark.json", &other).await;
    let refusal = browser
        .wait_for(
            "the refusal",
            &format!(
                "{WIDGET} const e = [...root.querySelectorAll('.qm-files .qm-error')].pop();
                 return e && e.textContent;"
            ),
        )
        .await;
    let refusal = refusal.as_str().unwrap_or_default();
    assert!(
        refusal.contains("different article")
            && refusal.contains("Late goal keeps the title race open")
            && refusal.contains("0 of its 2"),
        "{refusal}"
    );
    let annotations = DEMO.annotations(&browser).await;
    assert_eq!(
        annotations.as_array().map(Vec::len),
        Some(1),
        "nothing merged"
    );
    let summary = browser
        .js(
            &format!("{WIDGET} return root.querySelector('.qm-summary')?.textContent ?? '';"),
            vec![],
        )
        .await;
    assert!(!summary.to_string().contains("Coach"), "{summary}");
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());

    // Only when the reader insists, and then the report says what was found here.
    click_in_widget(&browser, ".qm-files .qm-error button:first-of-type").await;
    let report = browser
        .wait_for(
            "the import report",
            &format!("{WIDGET} return root.querySelector('.qm-import-report')?.textContent;"),
        )
        .await;
    assert!(
        report
            .as_str()
            .is_some_and(|r| r.contains("different article: 0 of its annotations were found")),
        "{report}"
    );
    DEMO.wait_for_annotations(&browser, 3).await;

    // The handle refuses the same way, with a readable Error, and imports when allowed.
    let thrown = browser
        .js(
            "try { window.quotemarkDemo.importJson(arguments[0], 'replace'); return 'imported'; }
             catch (error) { return error.message; }",
            vec![json!(other)],
        )
        .await;
    assert!(
        thrown
            .as_str()
            .is_some_and(|m| m.contains("different article")),
        "{thrown}"
    );
    let allowed = browser
        .js(
            "return window.quotemarkDemo.importJson(arguments[0], 'merge', { allowOtherArticle: true });",
            vec![json!(other)],
        )
        .await;
    assert_eq!(allowed["article"], json!("different"), "{allowed}");

    // An edited version of this article comes in without asking.
    let edited = helsinki_text().replace("tragic mistake", "tragic error");
    let same_story = file_for(
        "helsinki-summit",
        "Helsinki",
        &edited,
        &[("the most serious mistake", 0, "Newt Gingrich", "")],
    );
    let report = import(&browser, &same_story).await;
    assert_eq!(report["article"], json!("edited"), "{report}");
    browser.close().await;
}

// ---- 3. README examples -------------------------------------------------------------------------

/// The ```html blocks of the README section headed `heading`.
fn readme_html_blocks(heading: &str) -> Vec<String> {
    let section = README
        .split("\n### ")
        .find(|section| section.starts_with(heading))
        .unwrap_or_else(|| panic!("the README has no section {heading:?}"));
    section
        .split("```html\n")
        .skip(1)
        .filter_map(|block| block.split("\n```").next())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_readme_examples_run_as_written() {
    let pages = std::env::temp_dir().join(format!("quotemark-readme-{}", std::process::id()));
    std::fs::create_dir_all(&pages).expect("a folder for the example pages");
    // The declarative section's second block adds code to the first one's page, as it says.
    let declarative = readme_html_blocks("One script, one element");
    let javascript = readme_html_blocks("JavaScript");
    assert_eq!(
        (declarative.len(), javascript.len()),
        (2, 2),
        "the README's embedding examples"
    );
    let blocks = [
        ("declarative.html".to_owned(), declarative[0].clone()),
        (
            "declarative-and-code.html".to_owned(),
            declarative.join("\n"),
        ),
        ("javascript.html".to_owned(), javascript[0].clone()),
        // add, update and remove from code (checked in detail by integrators.rs).
        ("javascript-edits.html".to_owned(), javascript[1].clone()),
    ];
    // Every uncaught error or rejected promise on the page is recorded.
    let recorder = "<script>window.__errors = [];\
        addEventListener('error', (e) => __errors.push(e.message));\
        addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));</script>";
    for (name, block) in &blocks {
        std::fs::write(pages.join(name), format!("{recorder}\n{block}\n"))
            .expect("write an example page");
    }
    let browser = Browser::start_with(&[], Some(pages.clone())).await;
    for (name, block) in &blocks {
        browser.goto(&format!("/data/{name}")).await;
        let shown = browser
            .wait_for(
                &format!("the widget of {name}"),
                "const root = document.querySelector('[data-quotemark-host]')?.shadowRoot;
                 return root?.querySelector('[data-qm-block]')?.textContent;",
            )
            .await;
        assert!(
            shown.as_str().is_some_and(|t| !t.is_empty()),
            "{name}: {shown}"
        );
        // The module scripts ran to their end (an await in them resolved, nothing threw).
        let errors = browser
            .wait_for(
                &format!("{name} to finish"),
                "return document.readyState === 'complete' && window.__errors;",
            )
            .await;
        assert_eq!(errors, json!([]), "{name} threw:\n{block}");
    }
    browser.close().await;
    let _ = std::fs::remove_dir_all(&pages);
}

// ---- 4. Find and mark scrolls --------------------------------------------------------------------

#[tokio::test]
async fn find_and_mark_brings_its_match_into_view() {
    let browser = Browser::start().await;
    browser
        .client
        .set_window_size(1000, 600)
        .await
        .expect("a short window");
    DEMO.open(&browser).await;
    click_in_widget(&browser, "#qm-find-input").await;
    type_text(&browser, "they can ALL be solved").await;
    press(&browser, Key::Enter).await;
    let visible = browser
        .wait_for(
            "the match on screen",
            &format!(
                "{WIDGET} const mark = root.querySelector('mark.qm-pending');
                 if (!mark) return false;
                 const r = mark.getBoundingClientRect();
                 return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;"
            ),
        )
        .await;
    assert_eq!(visible, json!(true));
    browser.close().await;
}

// ---- 6. Work on a pasted article is found again ---------------------------------------------------

async fn paste_article(browser: &Browser, text: &str) {
    load_in_demo(browser, "text", text).await;
    let headline = text.lines().next().unwrap_or_default().to_owned();
    browser
        .wait_for(
            "the pasted article",
            &format!(
                "{WIDGET} return !!window.quotemarkDemo && root?.querySelector('[data-qm-block]')?.textContent === {};",
                json!(headline)
            ),
        )
        .await;
}

#[tokio::test]
async fn a_pasted_article_with_a_word_changed_offers_its_earlier_work() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let first = "Ferry strike ends\n\n\
        “We have a deal,” the union leader said. “Ships sail again on Monday.”\n\n\
        Passengers were relieved. “Finally,” said one commuter at the terminal.";
    paste_article(&browser, first).await;
    quote_with_mouse(&browser, DEMO, "We have a deal,", 0, "Union leader").await;
    quote_with_mouse(&browser, DEMO, "Finally,", 0, "A commuter").await;
    browser
        .wait_for(
            "saved",
            &format!("{WIDGET} return root.querySelector('.qm-save')?.textContent === 'Saved in this browser';"),
        )
        .await;

    // Pasted again after a reload, with one word changed: a new key, nothing under it.
    browser.client.refresh().await.expect("reload");
    DEMO.wait_ready(&browser).await;
    paste_article(&browser, &first.replace("Monday", "Tuesday")).await;
    assert_eq!(DEMO.annotations(&browser).await, json!([]));
    let offer = browser
        .wait_for(
            "the offer of the earlier work",
            &format!(
                "{WIDGET} return root.querySelector('[aria-label=\"Earlier work on this article\"]')?.textContent;"
            ),
        )
        .await;
    assert!(
        offer
            .as_str()
            .is_some_and(|o| o.contains("2 annotations") && o.contains("Ferry strike ends")),
        "{offer}"
    );
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());
    click_in_widget(
        &browser,
        "[aria-label=\"Earlier work on this article\"] .qm-primary",
    )
    .await;
    let annotations = DEMO.wait_for_annotations(&browser, 2).await;
    assert_eq!(
        speakers_of(&annotations),
        vec![json!("Union leader"), json!("A commuter")]
    );
    assert!(annotations
        .as_array()
        .is_some_and(|all| all.iter().all(|a| a["status"] != json!("orphan"))));

    // The list of what this browser holds names both versions and the demo article.
    click_in_widget(&browser, ".qm-saved summary").await;
    let listed = browser
        .wait_for(
            "the saved articles",
            &format!(
                "{WIDGET} const rows = [...root.querySelectorAll('.qm-saved-article')].map(r => r.textContent);
                 return rows.length >= 2 && rows;"
            ),
        )
        .await;
    let listed = listed.to_string();
    assert!(
        listed.contains("Ferry strike ends") && listed.contains("(this article)"),
        "{listed}"
    );
    browser.close().await;
}

// ---- 7. A tap on a highlight on a phone ------------------------------------------------------------

#[tokio::test]
async fn a_tap_on_a_highlight_shows_its_speaker_and_note_where_the_reader_is_looking() {
    let browser = Browser::start().await;
    browser
        .client
        .set_window_size(390, 844)
        .await
        .expect("a phone-sized window");
    DEMO.open(&browser).await;
    let text = helsinki_text();
    let file = file_for(
        "helsinki-summit",
        "Helsinki",
        &text,
        &[(
            "tragic mistake",
            0,
            "John McCain",
            "Said on Twitter, not in the Senate.",
        )],
    );
    import(&browser, &file).await;
    DEMO.wait_for_annotations(&browser, 1).await;
    let point = browser
        .wait_for(
            "the highlight",
            &format!(
                "{WIDGET} const mark = root.querySelector('mark[data-qm-starts]');
                 if (!mark) return null;
                 mark.scrollIntoView({{ block: 'center' }});
                 const r = mark.getClientRects()[0];
                 return [r.left + r.width / 2, r.top + r.height / 2, scrollY];"
            ),
        )
        .await;
    let (x, y, scroll_before): (f64, f64, f64) =
        serde_json::from_value(point.clone()).expect("a point");
    tap_at(&browser, x, y).await;
    let callout = browser
        .wait_for(
            "the callout",
            &format!(
                "{WIDGET} const c = root.querySelector('.qm-callout');
                 if (!c) return null;
                 const r = c.getBoundingClientRect();
                 return {{ text: c.textContent, top: r.top, bottom: r.bottom, scroll: scrollY }};"
            ),
        )
        .await;
    let shown = callout["text"].as_str().unwrap_or_default();
    assert!(
        shown.contains("John McCain") && shown.contains("Said on Twitter, not in the Senate."),
        "{callout}"
    );
    let height = browser.js("return innerHeight;", vec![]).await;
    assert!(
        callout["top"].as_f64() >= Some(0.0) && callout["bottom"].as_f64() <= height.as_f64(),
        "the callout is on screen: {callout}, viewport {height}"
    );
    assert_eq!(
        callout["scroll"].as_f64(),
        Some(scroll_before),
        "the page did not jump to the panel"
    );
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());
    // Close gives focus back to the highlight.
    click_in_widget(&browser, ".qm-callout-actions button:last-child").await;
    assert_eq!(focused_in_widget(&browser).await["tag"], json!("mark"));
    browser.close().await;
}

// ---- 8. Colours stay distinct ----------------------------------------------------------------------

#[tokio::test]
async fn an_imported_speaker_gets_a_colour_no_one_here_has() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    quote_with_mouse(
        &browser,
        DEMO,
        "invite President Putin",
        0,
        "Vladimir Putin",
    )
    .await;
    // Another reader's file, where McCain had the first palette slot (as Putin has here).
    let file = file_for(
        "helsinki-summit",
        "Helsinki",
        &helsinki_text(),
        &[("tragic mistake", 0, "John McCain", "")],
    );
    import(&browser, &file).await;
    DEMO.wait_for_annotations(&browser, 2).await;
    let classes = browser
        .js(
            &format!(
                "{WIDGET} return [...root.querySelectorAll('mark[data-qm-starts]')]
                   .map(m => [...m.classList].find(c => /^qm-c\\d$/.test(c)));"
            ),
            vec![],
        )
        .await;
    let classes: Vec<String> = serde_json::from_value(classes.clone()).expect("{classes}");
    assert_eq!(classes.len(), 2);
    assert_ne!(classes[0], classes[1], "Putin and McCain look alike");
    browser.close().await;
}

// ---- 9. A quiet panel, and keys on highlights --------------------------------------------------------

#[tokio::test]
async fn only_the_selected_card_offers_actions_and_highlights_answer_n_and_enter() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let file = file_for(
        "helsinki-summit",
        "Helsinki",
        &helsinki_text(),
        &[
            ("extremely strong and powerful", 0, "Donald Trump", ""),
            ("tragic mistake", 0, "John McCain", ""),
            ("the most serious mistake", 0, "Newt Gingrich", ""),
            ("great success", 0, "Donald Trump", ""),
        ],
    );
    import(&browser, &file).await;
    DEMO.wait_for_annotations(&browser, 4).await;
    let stops = |scope: &str| {
        format!(
            "{WIDGET} return [...root.querySelectorAll('{scope} button, {scope} select, {scope} textarea')]
               .filter(e => !e.disabled).length;"
        )
    };
    assert_eq!(
        browser.js(&stops(".qm-cards"), vec![]).await,
        json!(4),
        "one tab stop per card"
    );
    let overflow = browser
        .js(
            &format!(
                "{WIDGET} const p = root.querySelector('.qm-panel');
                 return p.scrollWidth - p.clientWidth;"
            ),
            vec![],
        )
        .await;
    assert_eq!(overflow, json!(0), "the panel never scrolls sideways");
    click_in_widget(&browser, ".qm-cards > li:nth-child(2) .qm-button").await;
    let actions = browser
        .wait_for(
            "the selected card's actions",
            &format!(
                "{WIDGET} const card = root.querySelector('.qm-card-focused');
                 return card && [...card.querySelectorAll('button')].map(b => b.textContent);"
            ),
        )
        .await;
    assert!(actions.to_string().contains("Delete"), "{actions}");
    assert!(actions.to_string().contains("Add note"), "{actions}");

    // ] focuses a highlight; n opens its note; Ctrl+Enter saves it.
    click_in_widget(&browser, "#qm-find-input").await;
    press(&browser, Key::Escape).await;
    browser
        .js(
            &format!("{WIDGET} root.querySelector('article').focus(); return true;"),
            vec![],
        )
        .await;
    press(&browser, ']').await;
    assert_eq!(focused_in_widget(&browser).await["tag"], json!("mark"));
    press(&browser, 'n').await;
    browser
        .wait_for(
            "the note editor",
            &format!("{WIDGET} return root.activeElement?.localName === 'textarea';"),
        )
        .await;
    type_text(&browser, "Check the transcript").await;
    chord(&browser, &[Key::Control], Key::Enter).await;
    let annotations = browser
        .wait_for(
            "the note saved",
            "const all = window.quotemarkDemo.annotations();
             return all.some(a => a.note === 'Check the transcript') && all;",
        )
        .await;
    assert_eq!(annotations[0]["note"], json!("Check the transcript"));

    // Enter on a highlight does what a click does: shows who said it.
    browser
        .js(
            &format!("{WIDGET} root.querySelector('article').focus(); return true;"),
            vec![],
        )
        .await;
    press(&browser, ']').await;
    press(&browser, Key::Enter).await;
    let callout = browser
        .wait_for(
            "the callout",
            &format!("{WIDGET} return root.querySelector('.qm-callout')?.textContent;"),
        )
        .await;
    assert!(callout.to_string().contains("Donald Trump"), "{callout}");
    assert!(
        callout.to_string().contains("Check the transcript"),
        "{callout}"
    );
    press(&browser, Key::Escape).await;
    browser
        .wait_for(
            "the callout closed",
            &format!("{WIDGET} return !root.querySelector('.qm-callout');"),
        )
        .await;
    browser.close().await;
}

// ---- 10. Overlaps ------------------------------------------------------------------------------------

#[tokio::test]
async fn an_overlap_shows_the_outer_highlight_running_on_and_escape_returns_to_it() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let file = file_for(
        "helsinki-summit",
        "Helsinki",
        &helsinki_text(),
        &[
            (
                "agreed to ongoing working level dialogue between the two security council staffs",
                0,
                "Sarah Sanders",
                "",
            ),
            ("working level dialogue", 0, "Donald Trump", ""),
        ],
    );
    import(&browser, &file).await;
    DEMO.wait_for_annotations(&browser, 2).await;
    let overlap = browser
        .js(
            &format!(
                "{WIDGET} const m = root.querySelector('mark.qm-overlap');
                 const outer = [...root.querySelectorAll('mark[data-qm-starts]')]
                   .find(x => x.textContent.startsWith('agreed'));
                 return {{
                   classes: m.className,
                   text: m.textContent,
                   band: getComputedStyle(m).boxShadow,
                   outerLine: getComputedStyle(outer).textDecorationColor,
                 }};"
            ),
            vec![],
        )
        .await;
    assert_eq!(overlap["text"], json!("working level dialogue"));
    assert!(
        overlap["classes"]
            .as_str()
            .is_some_and(|c| c.contains("qm-outer-c")),
        "{overlap}"
    );
    let band = overlap["band"].as_str().unwrap_or_default();
    let outer_line = overlap["outerLine"].as_str().unwrap_or_default();
    assert!(
        !outer_line.is_empty() && band.contains(outer_line),
        "the band is drawn in the outer highlight's colour: {overlap}"
    );

    // A click on the overlap offers a choice; Escape gives focus back to the highlight.
    click_in_widget(&browser, "mark.qm-overlap").await;
    browser
        .wait_for(
            "the chooser",
            &format!("{WIDGET} return root.activeElement?.closest('.qm-chooser');"),
        )
        .await;
    press(&browser, Key::Escape).await;
    let focused = focused_in_widget(&browser).await;
    assert_eq!(focused["tag"], json!("mark"), "{focused}");
    let on_body = browser
        .js("return document.activeElement === document.body;", vec![])
        .await;
    assert_eq!(on_body, json!(false));
    browser.close().await;
}

// ---- Shortcuts, printing, dark theme ------------------------------------------------------------------

#[tokio::test]
async fn question_mark_lists_the_shortcuts_and_escape_closes_the_list() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    browser
        .js(
            &format!("{WIDGET} root.querySelector('article').focus(); return true;"),
            vec![],
        )
        .await;
    press(&browser, '?').await;
    let help = browser
        .wait_for(
            "the shortcut list",
            &format!("{WIDGET} return root.querySelector('[role=dialog]')?.textContent;"),
        )
        .await;
    for shortcut in ["Quote the selected passage", "Undo", "Next highlight"] {
        assert!(help.to_string().contains(shortcut), "{help}");
    }
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());
    press(&browser, Key::Escape).await;
    browser
        .wait_for(
            "the list closed",
            &format!("{WIDGET} return !root.querySelector('[role=dialog]');"),
        )
        .await;
    assert_eq!(
        focused_in_widget(&browser).await["tag"],
        json!("article"),
        "focus is back where it was"
    );
    browser.close().await;
}

#[tokio::test]
async fn printing_shows_the_article_then_the_quotes_by_speaker_without_the_controls() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let file = file_for(
        "helsinki-summit",
        "Helsinki",
        &helsinki_text(),
        &[
            ("tragic mistake", 0, "John McCain", "Twitter"),
            ("extremely strong and powerful", 0, "Donald Trump", ""),
            ("great success", 0, "Donald Trump", ""),
        ],
    );
    import(&browser, &file).await;
    DEMO.wait_for_annotations(&browser, 3).await;
    browser
        .js(
            "dispatchEvent(new Event('beforeprint')); return true;",
            vec![],
        )
        .await;
    let printed = browser
        .wait_for(
            "the printed list",
            &format!(
                "{WIDGET} const s = root.querySelector('.qm-print-summary');
                 return s && [...s.querySelectorAll('h3')].map(h => [h.textContent,
                   [...h.nextElementSibling.querySelectorAll('li')].map(li => li.textContent)]);"
            ),
        )
        .await;
    assert_eq!(
        printed,
        json!([
            ["John McCain", ["tragic mistakeNote: Twitter"]],
            [
                "Donald Trump",
                ["extremely strong and powerful", "great success"]
            ],
        ]),
        "speakers in the speaker list's order, quotes in article order"
    );
    // The print rules leave the panel and the controls out.
    let print_rules = browser
        .js(
            &format!(
                "{WIDGET} return [...root.adoptedStyleSheets].flatMap(s => [...s.cssRules])
                   .filter(r => r.media && [...r.media].includes('print'))
                   .map(r => r.cssText).join('\\n');"
            ),
            vec![],
        )
        .await;
    let rules = print_rules.as_str().unwrap_or_default();
    for hidden in [".qm-panel", ".qm-status", ".qm-toolbar"] {
        assert!(
            rules.contains(hidden),
            "{hidden} not hidden in print: {rules}"
        );
    }
    browser
        .js(
            "dispatchEvent(new Event('afterprint')); return true;",
            vec![],
        )
        .await;
    browser
        .wait_for(
            "the printed list gone",
            &format!("{WIDGET} return !root.querySelector('.qm-print-summary');"),
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn the_dark_theme_follows_the_system_setting_and_stays_accessible() {
    let browser = Browser::start_with(&["--force-dark-mode"], None).await;
    DEMO.open(&browser).await;
    let dark = browser
        .js(
            "return matchMedia('(prefers-color-scheme: dark)').matches;",
            vec![],
        )
        .await;
    assert_eq!(
        dark,
        json!(true),
        "the browser reports a dark system setting"
    );
    let background = browser
        .js(
            &format!(
                "{WIDGET} return getComputedStyle(root.querySelector('.qm-widget')).backgroundColor;"
            ),
            vec![],
        )
        .await;
    assert_eq!(background, json!("rgb(22, 24, 27)"));
    quote_with_mouse(&browser, DEMO, "\"tragic mistake\"", 0, "John McCain").await;
    // Suggestions outlined with no fill: their text must stay readable on the dark page.
    click_in_widget(&browser, ".qm-suggestions .qm-primary").await;
    browser
        .wait_for(
            "the suggestions",
            &format!("{WIDGET} return root.querySelectorAll('mark.qm-suggested').length;"),
        )
        .await;
    let suggested_text = browser
        .js(
            &format!(
                "{WIDGET} return getComputedStyle(root.querySelector('mark.qm-suggested')).color;"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        suggested_text,
        json!("rgb(232, 230, 227)"),
        "the theme's text colour"
    );
    drag_over(&browser, "outrage from both Democrat", 0).await;
    wait_for_toolbar(&browser).await;
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());
    browser.close().await;
}
