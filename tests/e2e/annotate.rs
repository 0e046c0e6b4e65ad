//! Annotating as a person does (issue 3): select with the mouse or find with the keyboard, say
//! who said it, reach overlapping highlights, undo and redo, and stay accessible throughout.

use fantoccini::key::Key;
use quotemark::core::article::ArticleSource;
use quotemark::core::text::CharRange;
use serde_json::{json, Value};

use crate::person::{
    axe_violations, chord, click_in_widget, click_text, drag_over, focused_in_widget, marked_text,
    native_text_content, press, quote_with_mouse, start_mark, type_text, wait_for_toolbar, Page,
    DEMO,
};
use crate::support::text::code_point_range;
use crate::support::{Browser, WIDGET};

const HELSINKI: &str = include_str!("../../assets/helsinki-summit.txt");
const LINK_ARTICLE: &str = include_str!("../pages/link-article.md");

const LINK_PAGE: Page = Page {
    path: "/pages/link-article.html",
    handle: "window.quotemarkHandle",
};

fn helsinki_text() -> String {
    native_text_content(ArticleSource::Text(HELSINKI.to_owned()))
}

fn annotation_with_exact<'a>(annotations: &'a Value, exact: &str) -> &'a Value {
    annotations
        .as_array()
        .and_then(|all| all.iter().find(|a| a["exact"] == json!(exact)))
        .unwrap_or_else(|| panic!("no annotation quotes {exact:?}: {annotations}"))
}

#[tokio::test]
async fn a_mouse_drag_across_a_link_boundary_quotes_exactly_the_selected_words() {
    let browser = Browser::start().await;
    LINK_PAGE.open(&browser).await;
    let text = native_text_content(ArticleSource::Markdown(LINK_ARTICLE.to_owned()));
    // (words dragged over, which link boundary they cross)
    let cases = [
        // In through the link's start and out through its end.
        ("said the revised budget plan would pass", 0),
        // Ends inside the link's text.
        ("Critics called the pl", 0),
    ];
    for (count, (words, nth)) in cases.into_iter().enumerate() {
        let dragged = quote_with_mouse(&browser, LINK_PAGE, words, nth, "Council Critic").await;
        assert_eq!(
            dragged.selected, words,
            "the browser selected something else"
        );
        let annotations = LINK_PAGE.wait_for_annotations(&browser, count + 1).await;
        let made = annotation_with_exact(&annotations, words);
        let CharRange { start, end } = code_point_range(&text, words, nth);
        assert_eq!(
            (made["start"].clone(), made["end"].clone()),
            (json!(start), json!(end)),
            "{made}"
        );
        let id = made["id"].as_str().unwrap_or_default();
        assert_eq!(marked_text(&browser, id).await, words);
    }
    // The link still works as a link: its element and target are intact around the marks.
    let links = browser
        .js(
            &format!(
                "{WIDGET} return [...root.querySelectorAll('article a')].map(a => [a.textContent, a.getAttribute('href')]);"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        links,
        json!([
            ["revised budget plan", "https://example.org/plan"],
            ["plan", "https://example.org/critics"]
        ])
    );
    assert_eq!(
        browser.client.windows().await.map(|w| w.len()).ok(),
        Some(1),
        "a drag that ends on a link must not open it"
    );
    browser.close().await;
}

/// (text dragged over with the mouse, the quote it must become, speaker, initials)
const MOUSE_QUOTES: [(&str, &str, &str, &str); 5] = [
    (
        "\"In Helsinki, [President Trump] agreed to ongoing working level dialogue between the two security council staffs.",
        "In Helsinki, [President Trump] agreed to ongoing working level dialogue between the two security council staffs.",
        "Sarah Sanders",
        "SS",
    ),
    (
        "\"extremely strong and powerful\"",
        "extremely strong and powerful",
        "Donald Trump",
        "DT",
    ),
    ("\"tragic mistake\"", "tragic mistake", "John McCain", "JM"),
    ("'great success'", "great success", "Donald Trump", "DT"),
    (
        "\"I look forward to our second meeting so that we can start implementing some of the many things discussed, including stopping terrorism, security for Israel, nuclear proliferation, cyber attacks, trade, Ukraine, Middle East peace, North Korea and more.",
        "I look forward to our second meeting so that we can start implementing some of the many things discussed, including stopping terrorism, security for Israel, nuclear proliferation, cyber attacks, trade, Ukraine, Middle East peace, North Korea and more.",
        "Donald Trump",
        "DT",
    ),
];

/// Presses Tab (Shift+Tab when `backwards`) until `selector` has focus in the widget.
async fn tab_to(browser: &Browser, selector: &str, backwards: bool) {
    for _ in 0..30 {
        let there = browser
            .js(
                &format!("{WIDGET} return root.activeElement?.matches(arguments[0]) ?? false;"),
                vec![json!(selector)],
            )
            .await;
        if there == json!(true) {
            return;
        }
        if backwards {
            chord(browser, &[Key::Shift], Key::Tab).await;
        } else {
            press(browser, Key::Tab).await;
        }
    }
    panic!(
        "Tab never reached {selector}; focus is on {}",
        focused_in_widget(browser).await
    );
}

#[tokio::test]
async fn helsinki_quotes_by_mouse_and_by_keyboard_are_marked_labelled_and_trimmed() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let text = helsinki_text();
    for (count, (dragged_over, _, speaker, _)) in MOUSE_QUOTES.iter().enumerate() {
        let dragged = quote_with_mouse(&browser, DEMO, dragged_over, 0, speaker).await;
        assert_eq!(
            dragged.selected, *dragged_over,
            "the browser selected something else"
        );
        DEMO.wait_for_annotations(&browser, count + 1).await;
    }

    // Keyboard only: Tab to Find and mark, type, Enter, q, the speaker, Enter.
    tab_to(&browser, "#qm-find-input", true).await;
    type_text(&browser, "the most serious mistake").await;
    press(&browser, Key::Enter).await;
    browser
        .wait_for(
            "the found passage drawn as pending",
            &format!(
                "{WIDGET} return root.querySelector('mark.qm-pending')?.textContent === 'the most serious mistake';"
            ),
        )
        .await;
    wait_for_toolbar(&browser).await;
    press(&browser, 'q').await;
    let focus = focused_in_widget(&browser).await;
    assert_eq!(
        focus["id"],
        json!("qm-speaker-input"),
        "q after Find and mark must go to \"Who said it?\" (focus is on {focus})"
    );
    chord(&browser, &[Key::Control], 'a').await;
    type_text(&browser, "Newt Gingrich").await;
    press(&browser, Key::Enter).await;
    let annotations = DEMO.wait_for_annotations(&browser, 6).await;

    let mut expected: Vec<(&str, &str, &str)> = MOUSE_QUOTES
        .iter()
        .map(|(_, exact, speaker, initials)| (*exact, *speaker, *initials))
        .collect();
    expected.push(("the most serious mistake", "Newt Gingrich", "NG"));
    let mut colour_of_speaker = std::collections::BTreeMap::new();
    for (exact, speaker, initials) in expected {
        let made = annotation_with_exact(&annotations, exact);
        let CharRange { start, end } = code_point_range(&text, exact, 0);
        assert_eq!(made["kind"], json!("quote"), "{made}");
        assert_eq!(made["speaker"], json!(speaker), "{made}");
        assert_eq!(
            (made["start"].clone(), made["end"].clone()),
            (json!(start), json!(end)),
            "{exact:?}"
        );
        let id = made["id"].as_str().unwrap_or_default();
        assert_eq!(
            marked_text(&browser, id).await,
            exact,
            "what is highlighted"
        );
        let mark = start_mark(&browser, id).await;
        assert_eq!(mark["label"], json!(initials), "{mark}");
        assert_eq!(
            mark["description"],
            json!(format!("Quote by {speaker}")),
            "{mark}"
        );
        let colour = mark["class"]
            .as_str()
            .unwrap_or_default()
            .split_whitespace()
            .find(|class| class.starts_with("qm-c"))
            .unwrap_or_else(|| panic!("no colour class on {mark}"))
            .to_owned();
        let known = colour_of_speaker
            .entry(speaker)
            .or_insert_with(|| colour.clone());
        assert_eq!(*known, colour, "{speaker} changed colour");
    }
    let colours: std::collections::BTreeSet<_> = colour_of_speaker.values().collect();
    assert_eq!(
        colours.len(),
        4,
        "four speakers, four colours: {colour_of_speaker:?}"
    );
    browser.close().await;
}

#[tokio::test]
async fn overlapping_quotes_are_both_reachable_by_click_and_by_keyboard() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let (long_words, long_exact, ..) = MOUSE_QUOTES[0];
    quote_with_mouse(&browser, DEMO, long_words, 0, "Sarah Sanders").await;
    let inner = "working level dialogue";
    quote_with_mouse(&browser, DEMO, inner, 0, "Sarah Sanders").await;
    let annotations = DEMO.wait_for_annotations(&browser, 2).await;
    let outer_id = annotation_with_exact(&annotations, long_exact)["id"].clone();
    let inner_id = annotation_with_exact(&annotations, inner)["id"].clone();

    // Clicking inside the overlap offers both.
    click_text(&browser, inner, 0, 8).await;
    let choices = browser
        .wait_for(
            "the overlap chooser",
            &format!(
                "{WIDGET} const c = root.querySelector('.qm-chooser');
                 return c && [...c.querySelectorAll('li button')].map(b => b.textContent);"
            ),
        )
        .await;
    let choices: Vec<String> = serde_json::from_value(choices).unwrap_or_default();
    assert_eq!(choices.len(), 2, "{choices:?}");
    assert!(
        choices.iter().any(|c| c.contains("“In Helsinki"))
            && choices
                .iter()
                .any(|c| c.contains("“working level dialogue”")),
        "{choices:?}"
    );
    // Each choice leads to its own annotation.
    for (index, id) in [(2, &inner_id), (1, &outer_id)] {
        if index == 1 {
            click_text(&browser, inner, 0, 8).await;
        }
        browser
            .wait_for(
                "the overlap chooser",
                &format!("{WIDGET} return !!root.querySelector('.qm-chooser');"),
            )
            .await;
        click_in_widget(
            &browser,
            &format!(".qm-chooser li:nth-child({index}) button"),
        )
        .await;
        browser
            .wait_for(
                "the chosen annotation focused",
                &format!(
                    "{WIDGET} return !root.querySelector('.qm-chooser') &&
                       root.activeElement?.getAttribute('data-qm-starts')?.split(' ').includes({id});"
                ),
            )
            .await;
    }

    // From the outer quote (chosen last), `]` visits the next in article order and wraps
    // around; `[` goes back.
    for (key, id) in [(']', &inner_id), (']', &outer_id), ('[', &inner_id)] {
        press(&browser, key).await;
        let focus = focused_in_widget(&browser).await;
        let starts = focus["starts"].as_str().unwrap_or_default();
        assert!(
            starts.split(' ').any(|s| json!(s) == *id),
            "expected {id} to be focused, focus is on {focus}"
        );
    }
    browser.close().await;
}

#[tokio::test]
async fn ctrl_z_removes_a_highlight_and_ctrl_shift_z_restores_it() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let words = "outrage from both Democrat and Republican politicians";
    drag_over(&browser, words, 0).await;
    wait_for_toolbar(&browser).await;
    press(&browser, 'n').await;
    let created = DEMO.wait_for_annotations(&browser, 1).await;
    let id = created[0]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(created[0]["kind"], json!("highlight"));
    assert_eq!(marked_text(&browser, &id).await, words);
    assert_eq!(start_mark(&browser, &id).await["label"], json!("✎"));

    chord(&browser, &[Key::Control], 'z').await;
    DEMO.wait_for_annotations(&browser, 0).await;
    browser
        .wait_for(
            "the mark gone",
            &format!("{WIDGET} return !root.querySelector('mark[data-qm-ids]');"),
        )
        .await;

    chord(&browser, &[Key::Control, Key::Shift], 'z').await;
    let mut restored = DEMO.wait_for_annotations(&browser, 1).await;
    // Redo is a new change (other tabs must see it as newer than the deletion): only the
    // modification time may differ.
    let mut created = created;
    for annotation in [&mut restored[0], &mut created[0]] {
        annotation["modified"] = Value::Null;
    }
    assert_eq!(
        restored, created,
        "redo must bring back the same annotation"
    );
    browser
        .wait_for(
            "the mark back",
            &format!("{WIDGET} return !!root.querySelector('mark[data-qm-ids]');"),
        )
        .await;
    assert_eq!(marked_text(&browser, &id).await, words);
    browser.close().await;
}

#[tokio::test]
async fn typing_an_alias_of_a_known_speaker_attributes_the_quote_to_that_speaker() {
    // Merging speakers needs the side panel (not built yet); a merged speaker is one with
    // aliases, which an import can bring in, so that is how this test gets one.
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let file = json!({
        "format": "quotemark", "version": 1,
        "article": { "id": "helsinki-summit", "title": "Helsinki" },
        "nextId": 2,
        "speakers": [{ "id": "s1", "name": "Donald Trump", "aliases": ["President Trump", "Trump"], "colour": 3 }],
        "annotations": [],
    });
    browser
        .js(
            "return window.quotemarkDemo.importJson(arguments[0], 'merge');",
            vec![json!(file.to_string())],
        )
        .await;
    quote_with_mouse(&browser, DEMO, "'great success'", 0, "President Trump").await;
    let annotations = DEMO.wait_for_annotations(&browser, 1).await;
    assert_eq!(annotations[0]["speaker"], json!("Donald Trump"));
    let id = annotations[0]["id"].as_str().unwrap_or_default();
    assert_eq!(start_mark(&browser, id).await["label"], json!("DT"));
    let exported: Value =
        serde_json::from_str(&DEMO.call_string(&browser, "exportJson()").await).unwrap_or_default();
    assert_eq!(
        exported["speakers"].as_array().map(Vec::len),
        Some(1),
        "an alias must not create a second speaker: {}",
        exported["speakers"]
    );
    browser.close().await;
}

#[tokio::test]
async fn axe_finds_no_violations_initially_with_annotations_toolbar_and_filtered_panel() {
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    let mut found = Vec::new();
    found.extend(
        axe_violations(&browser)
            .await
            .into_iter()
            .map(|v| format!("initial view: {v}")),
    );
    for (words, _, speaker, _) in &MOUSE_QUOTES[..3] {
        quote_with_mouse(&browser, DEMO, words, 0, speaker).await;
    }
    drag_over(&browser, "outrage from both Democrat", 0).await;
    wait_for_toolbar(&browser).await;
    press(&browser, 'n').await;
    DEMO.wait_for_annotations(&browser, 4).await;
    // A short quote inside a long one: overlapping marks.
    quote_with_mouse(&browser, DEMO, "working level dialogue", 0, "Sarah Sanders").await;
    found.extend(
        axe_violations(&browser)
            .await
            .into_iter()
            .map(|v| format!("with annotations: {v}")),
    );
    drag_over(&browser, "publicly suggesting that the Russian leader", 0).await;
    wait_for_toolbar(&browser).await;
    found.extend(
        axe_violations(&browser)
            .await
            .into_iter()
            .map(|v| format!("with the toolbar open: {v}")),
    );
    press(&browser, Key::Escape).await;
    // The panel filtered to one speaker's quotes, by typing in its search box.
    click_in_widget(&browser, ".qm-filter-query").await;
    type_text(&browser, "mistake").await;
    browser
        .wait_for(
            "the filtered panel",
            &format!(
                "{WIDGET} const n = root.querySelectorAll('.qm-cards > li').length;
                 return n > 0 && n < 5;"
            ),
        )
        .await;
    found.extend(
        axe_violations(&browser)
            .await
            .into_iter()
            .map(|v| format!("with the panel filtered: {v}")),
    );
    assert!(
        found.is_empty(),
        "axe-core violations:\n{}",
        found.join("\n")
    );
    browser.close().await;
}

#[tokio::test]
async fn a_new_selection_can_start_on_a_highlight_just_made() {
    // Chromium starts no text selection on a focusable element, and a new quote's mark takes
    // keyboard focus: a reader selecting across it again must still get a selection.
    let browser = Browser::start().await;
    DEMO.open(&browser).await;
    quote_with_mouse(&browser, DEMO, "tragic mistake", 0, "John McCain").await;
    let again = drag_over(&browser, "tragic mistake", 0).await;
    assert_eq!(again.selected, "tragic mistake");
    wait_for_toolbar(&browser).await;
    browser.close().await;
}
