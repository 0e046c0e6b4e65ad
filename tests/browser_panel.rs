//! Browser tier for the side panel: the panel rendered on its own around a real state, driven
//! through its controls as a reader would. Waits on Yew's scheduler, never on time.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::article::Article;
use quotemark::core::document::{Action, AnnotationKind, Document, SpeakerId};
use quotemark::core::render::panel::PAGE;
use quotemark::ui::components::side_panel::SidePanel;
use quotemark::ui::state::AppState;
use quotemark::ui::store::{use_store, StateHandle, Store};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/documents.rs"]
mod documents;
#[path = "support/text.rs"]
mod text;

use text::code_point_range;

/// The panel with its own state, as the App provides it.
#[derive(Properties, Clone)]
struct WrapperProps {
    store: Rc<Store>,
}

impl PartialEq for WrapperProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

#[component]
fn Wrapper(props: &WrapperProps) -> Html {
    let state = use_store(&props.store);
    html! {
        <ContextProvider<StateHandle> context={state}>
            <SidePanel />
        </ContextProvider<StateHandle>>
    }
}

const ARTICLE: &str = "Summit ends without a deal\n\n\
\"We made progress,\" said Sarah Sanders. 👩‍👩‍👧 families waited outside the palace.\n\n\
Putin replied: «Мы готовы». The 🇫🇮 flag flew over Helsinki.\n\n\
東京の記者は「合意はない」と書いた。\n\n\
قال المتحدث: \"لا تعليق\". The cafe\u{301} stayed open.\n\n\
\"We made progress,\" said the press secretary again.";

const NOTE: &str = "Count them\nagain <b>later</b>";

fn speaker_id(document: &Document, name: &str) -> SpeakerId {
    document
        .speaker_named(name)
        .map(|speaker| speaker.id.clone())
        .unwrap_or_else(|| panic!("no speaker {name}"))
}

fn annotate(
    document: &mut Document,
    text: &str,
    kind: AnnotationKind,
    (needle, occurrence): (&str, usize),
    speaker: Option<&str>,
    note: &str,
) {
    let range = code_point_range(text, needle, occurrence);
    let speaker = speaker.map(|name| speaker_id(document, name));
    documents::annotate(document, text, kind, range, speaker, note, 1_000);
}

/// Three speakers and six annotations over text with emoji, Cyrillic, Japanese, Arabic and
/// a combining mark; the same sentence is quoted twice.
fn fixture() -> AppState {
    let (article, document) = fixture_parts();
    AppState::new(article, "panel-test".to_owned(), document)
}

fn fixture_parts() -> (Article, Document) {
    let article = Article::from_text(ARTICLE).expect("article");
    let text = article.text_content().to_owned();
    let mut document = Document::new("panel-test");
    for name in ["Sarah Sanders", "Vladimir Putin", "Press Secretary"] {
        document
            .apply(
                Action::AddSpeaker {
                    name: name.to_owned(),
                },
                1_000,
            )
            .expect("add speaker");
    }
    use AnnotationKind::{Highlight, Quote};
    annotate(
        &mut document,
        &text,
        Quote,
        ("We made progress,", 0),
        Some("Sarah Sanders"),
        "",
    );
    annotate(
        &mut document,
        &text,
        Highlight,
        ("👩‍👩‍👧 families waited outside the palace.", 0),
        None,
        NOTE,
    );
    annotate(
        &mut document,
        &text,
        Quote,
        ("Мы готовы", 0),
        Some("Vladimir Putin"),
        "",
    );
    annotate(&mut document, &text, Quote, ("合意はない", 0), None, "");
    annotate(
        &mut document,
        &text,
        Quote,
        ("لا تعليق", 0),
        Some("Press Secretary"),
        "",
    );
    annotate(
        &mut document,
        &text,
        Quote,
        ("We made progress,", 1),
        Some("Press Secretary"),
        "",
    );
    (article, document)
}

const QUOTES_IN_ORDER: [&str; 6] = [
    "We made progress,",
    "👩‍👩‍👧 families waited outside the palace.",
    "Мы готовы",
    "合意はない",
    "لا تعليق",
    "We made progress,",
];

struct Mounted {
    root: Element,
    app: Option<yew::AppHandle<Wrapper>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

async fn mount(initial: AppState) -> Mounted {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let app = yew::Renderer::<Wrapper>::with_root_and_props(
        root.clone(),
        WrapperProps {
            store: Store::new(initial),
        },
    )
    .render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        app: Some(app),
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(text).collect()
}

/// The card quotes, in the order the list shows them.
fn card_quotes(root: &Element) -> Vec<String> {
    texts(root, ".qm-cards > li .qm-card-quote")
}

fn count_text(root: &Element) -> String {
    text(&one(root, ".qm-count"))
}

async fn click(element: &Element) {
    element
        .dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .click();
    yew::scheduler::flush().await;
}

/// Selects the card quoting `quote` ("Show in article"), as a reader does before using its
/// actions (only the selected card offers them), and returns it as re-rendered.
async fn select_card(root: &Element, quote: &str) -> Element {
    let cards = all(root, ".qm-cards > li");
    click(&button(card_with_quote(&cards, quote), "Show in article")).await;
    let cards = all(root, ".qm-cards > li");
    let card = card_with_quote(&cards, quote).clone();
    assert!(card.class_name().contains("qm-card-focused"));
    card
}

/// The first button inside `scope` whose text is `label`.
fn button(scope: &Element, label: &str) -> Element {
    all(scope, "button")
        .into_iter()
        .find(|b| text(b).trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

async fn choose(select: &Element, value: &str) {
    let select = select.dyn_ref::<HtmlSelectElement>().expect("a select");
    select.set_value(value);
    assert_eq!(select.value(), value, "the select offers {value:?}");
    select
        .dispatch_event(&Event::new("change").expect("event"))
        .expect("dispatch");
    yew::scheduler::flush().await;
}

async fn type_into(input: &Element, value: &str) {
    if let Some(input) = input.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(textarea) = input.dyn_ref::<HtmlTextAreaElement>() {
        textarea.set_value(value);
    } else {
        panic!("not a text field");
    }
    input
        .dispatch_event(&Event::new("input").expect("event"))
        .expect("dispatch");
    yew::scheduler::flush().await;
}

/// A keydown as a keyboard makes it (web-sys is built without `KeyboardEventInit`).
async fn key_down(target: &Element, key: &str, ctrl: bool) {
    let init = js_sys::Object::new();
    for (name, value) in [
        ("key", wasm_bindgen::JsValue::from_str(key)),
        ("ctrlKey", ctrl.into()),
        ("bubbles", true.into()),
        ("cancelable", true.into()),
    ] {
        js_sys::Reflect::set(&init, &name.into(), &value).expect("set");
    }
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"KeyboardEvent".into())
            .expect("KeyboardEvent")
            .dyn_into()
            .expect("a constructor");
    let event =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&"keydown".into(), &init))
            .expect("construct");
    target
        .dispatch_event(event.unchecked_ref::<Event>())
        .expect("dispatch");
    yew::scheduler::flush().await;
}

fn speaker_row(root: &Element, name: &str) -> Element {
    all(root, ".qm-speaker")
        .into_iter()
        .find(|row| text(&one(row, ".qm-speaker-name")) == name)
        .unwrap_or_else(|| panic!("no speaker row for {name}"))
}

fn speaker_row_id(root: &Element, name: &str) -> String {
    speaker_row(root, name)
        .get_attribute("data-qm-speaker")
        .expect("row id")
}

/// (speaker, quotes, words, bar class) per summary row, in table order.
fn summary(root: &Element) -> Vec<(String, String, String, String)> {
    all(root, ".qm-summary tbody tr")
        .iter()
        .map(|row| {
            let bar = one(row, ".qm-bar").class_name();
            (
                text(&one(row, ".qm-chip-name")),
                text(&one(row, ".qm-summary-quotes")),
                text(&one(row, ".qm-summary-words")),
                bar.split_whitespace()
                    .find(|c| c.starts_with("qm-w-"))
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect()
}

fn card_with_quote<'a>(cards: &'a [Element], quote: &str) -> &'a Element {
    cards
        .iter()
        .find(|card| text(&one(card, ".qm-card-quote")) == quote)
        .unwrap_or_else(|| panic!("no card quoting {quote:?}"))
}

#[wasm_bindgen_test]
async fn list_shows_every_annotation_in_article_order_with_speaker_cues() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    assert_eq!(
        one(root, "aside").get_attribute("aria-label").as_deref(),
        Some("Annotations panel")
    );
    assert_eq!(card_quotes(root), QUOTES_IN_ORDER);
    assert_eq!(
        texts(root, ".qm-cards > li .qm-kind"),
        ["Quote", "Highlight", "Quote", "Quote", "Quote", "Quote"]
    );
    // Colour and initials together; the highlight has no speaker chip.
    let cards = all(root, ".qm-cards > li");
    let chip = |card: &Element| {
        card.query_selector(".qm-chip .qm-swatch")
            .expect("selector")
            .map(|swatch| (text(&swatch), swatch.class_name()))
    };
    let (initials, class) = chip(&cards[0]).expect("a chip");
    assert_eq!(initials, "SS");
    assert!(class.split_whitespace().any(|c| c == "qm-c0"), "{class}");
    assert_eq!(chip(&cards[1]), None);
    assert_eq!(chip(&cards[2]).map(|c| c.0).as_deref(), Some("VP"));
    let (initials, class) = chip(&cards[3]).expect("an unknown-speaker chip");
    assert_eq!(initials, "?");
    assert!(class.contains("qm-c-unknown"), "{class}");
    assert_eq!(text(&one(&cards[3], ".qm-chip-name")), "Unknown speaker");
    assert_eq!(count_text(root), "6 of 6 annotations");
}

#[wasm_bindgen_test]
async fn notes_keep_line_breaks_and_stay_text() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let note = one(root, ".qm-note");
    assert_eq!(text(&note), NOTE);
    assert!(root
        .query_selector(".qm-note b")
        .expect("selector")
        .is_none());
}

#[wasm_bindgen_test]
async fn filters_narrow_the_list_by_speaker_kind_and_search() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let sarah = speaker_row_id(root, "Sarah Sanders");

    choose(
        &one(root, ".qm-filter-speaker"),
        &format!("speaker:{sarah}"),
    )
    .await;
    assert_eq!(card_quotes(root), ["We made progress,"]);
    assert_eq!(count_text(root), "1 of 6 annotations");

    choose(&one(root, ".qm-filter-speaker"), "unknown").await;
    assert_eq!(card_quotes(root), ["合意はない"]);

    choose(&one(root, ".qm-filter-speaker"), "all").await;
    choose(&one(root, ".qm-filter-kind"), "highlight").await;
    assert_eq!(
        card_quotes(root),
        ["👩‍👩‍👧 families waited outside the palace."]
    );
    choose(&one(root, ".qm-filter-kind"), "quote").await;
    assert_eq!(card_quotes(root).len(), 5);
    assert_eq!(count_text(root), "5 of 6 annotations");

    choose(&one(root, ".qm-filter-kind"), "all").await;
    // Case-insensitive, over quoted text and notes alike.
    type_into(&one(root, ".qm-filter-query"), "PROGRESS").await;
    assert_eq!(
        card_quotes(root),
        ["We made progress,", "We made progress,"]
    );
    type_into(&one(root, ".qm-filter-query"), "count them").await;
    assert_eq!(
        card_quotes(root),
        ["👩‍👩‍👧 families waited outside the palace."]
    );
    type_into(&one(root, ".qm-filter-query"), "мы").await;
    assert_eq!(card_quotes(root), ["Мы готовы"]);
    type_into(&one(root, ".qm-filter-query"), "nobody said this").await;
    assert!(card_quotes(root).is_empty());
    assert_eq!(count_text(root), "0 of 6 annotations");
    assert!(text(&one(root, ".qm-empty")).contains("No annotations match"));
}

#[wasm_bindgen_test]
async fn merging_speakers_in_the_panel_keeps_the_old_name_as_an_alias() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let sarah = speaker_row_id(root, "Sarah Sanders");
    let secretary_id = speaker_row_id(root, "Press Secretary");
    choose(
        &one(root, ".qm-filter-speaker"),
        &format!("speaker:{secretary_id}"),
    )
    .await;
    assert_eq!(count_text(root), "2 of 6 annotations");
    let secretary = speaker_row(root, "Press Secretary");
    assert!(button(&secretary, "Merge").has_attribute("disabled"));
    choose(&one(&secretary, ".qm-merge-select"), &sarah).await;
    click(&button(&speaker_row(root, "Press Secretary"), "Merge")).await;

    assert_eq!(
        texts(root, ".qm-speaker-name"),
        ["Sarah Sanders", "Vladimir Putin"]
    );
    // The filtered speaker is gone, so the filter lets everything through again.
    assert_eq!(count_text(root), "6 of 6 annotations");
    assert_eq!(
        one(root, ".qm-filter-speaker")
            .dyn_into::<HtmlSelectElement>()
            .expect("select")
            .value(),
        "all"
    );
    let sarah_row = speaker_row(root, "Sarah Sanders");
    assert_eq!(
        text(&one(&sarah_row, ".qm-aliases")),
        "Also called: Press Secretary"
    );
    assert_eq!(text(&one(&sarah_row, ".qm-speaker-count")), "3 quotes");
    // The moved quotes now show Sarah on their cards.
    let cards = all(root, ".qm-cards > li");
    for quote in ["لا تعليق", "We made progress,"] {
        let card = cards
            .iter()
            .rfind(|card| text(&one(card, ".qm-card-quote")) == quote)
            .expect("card");
        assert_eq!(
            text(&one(card, ".qm-chip-name")),
            "Sarah Sanders",
            "{quote}"
        );
    }
    // The summary follows.
    assert_eq!(
        summary(root)[0],
        (
            "Sarah Sanders".to_owned(),
            "3".to_owned(),
            "8".to_owned(),
            "qm-w-100".to_owned()
        )
    );
}

#[wasm_bindgen_test]
async fn deleting_a_speaker_keeps_its_quotes_as_unknown() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let putin = speaker_row(root, "Vladimir Putin");
    let delete = button(&putin, "Delete");
    // The consequence is part of the button's description.
    let described_by = delete.get_attribute("aria-describedby").expect("described");
    let hint = described_by
        .split_whitespace()
        .map(|id| text(&one(root, &format!("[id='{id}']"))))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(hint.contains("stay, with an unknown speaker"), "{hint}");
    click(&delete).await;

    assert_eq!(
        texts(root, ".qm-speaker-name"),
        ["Sarah Sanders", "Press Secretary"]
    );
    assert_eq!(card_quotes(root), QUOTES_IN_ORDER);
    let cards = all(root, ".qm-cards > li");
    assert_eq!(
        text(&one(card_with_quote(&cards, "Мы готовы"), ".qm-chip-name")),
        "Unknown speaker"
    );
    let unknown = summary(root)
        .into_iter()
        .find(|row| row.0 == "Unknown speaker")
        .expect("an unknown row");
    assert_eq!((unknown.1.as_str(), unknown.2.as_str()), ("2", "7"));
}

#[wasm_bindgen_test]
async fn summary_counts_quotes_and_words_per_speaker() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let row = |name: &str, quotes: &str, words: &str, bar: &str| {
        (
            name.to_owned(),
            quotes.to_owned(),
            words.to_owned(),
            bar.to_owned(),
        )
    };
    // Most quotes first, then most words; the highlight is not a quote. Japanese counts a
    // word per character.
    assert_eq!(
        summary(root),
        [
            row("Press Secretary", "2", "5", "qm-w-100"),
            row("Unknown speaker", "1", "5", "qm-w-100"),
            row("Sarah Sanders", "1", "3", "qm-w-60"),
            row("Vladimir Putin", "1", "2", "qm-w-40"),
        ]
    );
    assert_eq!(
        all(root, ".qm-summary .qm-bar-track")
            .iter()
            .filter(|bar| bar.get_attribute("aria-hidden").as_deref() == Some("true"))
            .count(),
        4
    );
}

#[wasm_bindgen_test]
async fn show_in_article_marks_the_card_current() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let cards = all(root, ".qm-cards > li");
    click(&button(&cards[2], "Show in article")).await;
    let current: Vec<String> = all(root, ".qm-cards > li[aria-current='true']")
        .iter()
        .map(|card| text(&one(card, ".qm-card-quote")))
        .collect();
    assert_eq!(current, ["Мы готовы"]);
    assert!(all(root, ".qm-cards > li")[2]
        .class_name()
        .contains("qm-card-focused"));
}

#[wasm_bindgen_test]
async fn note_editor_saves_with_ctrl_enter_and_cancels_with_escape() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let first_quote = text(&one(&all(root, ".qm-cards > li")[0], ".qm-card-quote"));
    let first = &select_card(root, &first_quote).await;
    // Unselected cards offer no actions of their own; the selected one does.
    for other in &all(root, ".qm-cards > li")[1..] {
        assert_eq!(
            all(other, "button").iter().map(text).collect::<Vec<_>>(),
            ["Show in article"]
        );
    }
    click(&button(first, "Add note")).await;
    let textarea = one(root, ".qm-note-input");
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    assert_eq!(active.as_ref(), Some(&textarea), "the editor takes focus");
    type_into(&textarea, "Said twice:\n— once here").await;
    key_down(&textarea, "Enter", true).await;
    assert!(root
        .query_selector(".qm-note-input")
        .expect("selector")
        .is_none());
    let first = &all(root, ".qm-cards > li")[0];
    assert_eq!(text(&one(first, ".qm-note")), "Said twice:\n— once here");

    click(&button(first, "Edit note")).await;
    let textarea = one(root, ".qm-note-input");
    type_into(&textarea, "discarded").await;
    key_down(&textarea, "Escape", false).await;
    assert!(root
        .query_selector(".qm-note-input")
        .expect("selector")
        .is_none());
    let first = &all(root, ".qm-cards > li")[0];
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    assert_eq!(
        active,
        Some(button(first, "Edit note")),
        "focus returns to the button"
    );
    assert_eq!(text(&one(first, ".qm-note")), "Said twice:\n— once here");
}

#[wasm_bindgen_test]
async fn a_note_draft_is_kept_when_another_editor_opens_or_a_filter_hides_its_card() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let quotes = card_quotes(root);
    // Two cards without notes yet.
    let (first, second) = (quotes[0].clone(), "Мы готовы".to_owned());
    assert_ne!(first, second);
    click(&button(&select_card(root, &first).await, "Add note")).await;
    type_into(&one(root, ".qm-note-input"), "typed, never saved").await;
    // Another card's editor opens: the first editor closes, and what was typed stays.
    click(&button(&select_card(root, &second).await, "Add note")).await;
    let cards = all(root, ".qm-cards > li");
    assert_eq!(
        text(&one(card_with_quote(&cards, &first), ".qm-note")),
        "typed, never saved"
    );
    // A filter hides the card being edited: its draft is kept too.
    type_into(&one(root, ".qm-note-input"), "second draft").await;
    type_into(&one(root, ".qm-filter-query"), "nobody said this").await;
    assert!(card_quotes(root).is_empty());
    type_into(&one(root, ".qm-filter-query"), "").await;
    // Back in view, its editor is still open, on the kept text; Escape leaves it saved.
    let editor = one(root, ".qm-note-input");
    assert_eq!(
        editor.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value()),
        Some("second draft".to_owned())
    );
    key_down(&editor, "Escape", false).await;
    let cards = all(root, ".qm-cards > li");
    assert_eq!(
        text(&one(card_with_quote(&cards, &second), ".qm-note")),
        "second draft"
    );
}

#[wasm_bindgen_test]
async fn card_actions_change_speaker_and_kind_and_delete() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let putin = speaker_row_id(root, "Vladimir Putin");
    let unknown_card = &select_card(root, "合意はない").await;
    // Update range needs a pending selection first.
    assert!(button(unknown_card, "Update range").has_attribute("disabled"));
    choose(&one(unknown_card, ".qm-card-speaker"), &putin).await;
    let cards = all(root, ".qm-cards > li");
    assert_eq!(
        text(&one(card_with_quote(&cards, "合意はない"), ".qm-chip-name")),
        "Vladimir Putin"
    );
    assert_eq!(
        text(&one(
            &speaker_row(root, "Vladimir Putin"),
            ".qm-speaker-count"
        )),
        "2 quotes"
    );

    click(&button(
        &select_card(root, "Мы готовы").await,
        "Make highlight",
    ))
    .await;
    let cards = all(root, ".qm-cards > li");
    let card = card_with_quote(&cards, "Мы готовы");
    assert_eq!(text(&one(card, ".qm-kind")), "Highlight");
    assert!(card.query_selector(".qm-chip").expect("selector").is_none());
    button(card, "Make quote");

    click(&button(card, "Delete")).await;
    assert_eq!(card_quotes(root).len(), 5);
    assert!(!card_quotes(root).contains(&"Мы готовы".to_owned()));
    assert_eq!(count_text(root), "5 of 5 annotations");
}

#[wasm_bindgen_test]
async fn speakers_can_be_added_renamed_and_recoloured() {
    let panel = mount(fixture()).await;
    let root = &panel.root;
    let names: Vec<String> = all(root, "#qm-speaker-names option")
        .iter()
        .filter_map(|option| option.get_attribute("value"))
        .collect();
    assert_eq!(
        names,
        ["Sarah Sanders", "Vladimir Putin", "Press Secretary"]
    );

    let input = one(root, ".qm-add-speaker-input");
    type_into(&input, "  sarah   SANDERS ").await;
    click(&button(root, "Add speaker")).await;
    assert!(text(&one(root, ".qm-problem")).contains("Sarah Sanders is already in the list"));
    assert_eq!(texts(root, ".qm-speaker-name").len(), 3);

    type_into(&one(root, ".qm-add-speaker-input"), "محمد بن سلمان").await;
    click(&button(root, "Add speaker")).await;
    assert_eq!(
        texts(root, ".qm-speaker-name"),
        [
            "Sarah Sanders",
            "Vladimir Putin",
            "Press Secretary",
            "محمد بن سلمان"
        ]
    );
    let added = speaker_row(root, "محمد بن سلمان");
    assert_eq!(text(&one(&added, ".qm-swatch")), "مس");
    assert_eq!(
        one(root, ".qm-add-speaker-input")
            .dyn_into::<HtmlInputElement>()
            .expect("input")
            .value(),
        ""
    );

    click(&button(&speaker_row(root, "Press Secretary"), "Rename")).await;
    let field = one(root, ".qm-rename-input");
    type_into(&field, "Ré\u{301}gis 👩‍👩‍👧 Porte-parole").await;
    click(&button(root, "Save name")).await;
    let renamed = speaker_row(root, "Ré\u{301}gis 👩‍👩‍👧 Porte-parole");
    assert_eq!(text(&one(&renamed, ".qm-swatch")), "RP");
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    assert_eq!(
        active,
        Some(button(&renamed, "Rename")),
        "focus returns to Rename"
    );
    assert_eq!(
        text(&one(
            card_with_quote(&all(root, ".qm-cards > li"), "لا تعليق"),
            ".qm-chip-name"
        )),
        "Ré\u{301}gis 👩‍👩‍👧 Porte-parole"
    );

    choose(&one(&renamed, ".qm-colour-select"), "5").await;
    let swatch = one(
        &speaker_row(root, "Ré\u{301}gis 👩‍👩‍👧 Porte-parole"),
        ".qm-swatch",
    );
    assert!(swatch.class_name().split_whitespace().any(|c| c == "qm-c5"));
    let card_swatch = one(
        card_with_quote(&all(root, ".qm-cards > li"), "لا تعليق"),
        ".qm-swatch",
    );
    assert!(card_swatch
        .class_name()
        .split_whitespace()
        .any(|c| c == "qm-c5"));
}

#[wasm_bindgen_test]
async fn review_list_offers_accept_for_fuzzy_and_hides_when_empty() {
    // What re-anchoring after an article edit would have left.
    let (article, mut document) = fixture_parts();
    let fuzzy = document.annotations()[2].selectors.clone();
    let orphan = document.annotations()[3].selectors.clone();
    let ranges: Vec<_> = document
        .annotations()
        .iter()
        .map(|a| (a.selectors.clone(), a.range))
        .collect();
    document.reanchor_with(|selectors| {
        if *selectors == fuzzy {
            (ranges[2].1, AnchorStatus::Fuzzy { score: 0.82 })
        } else if *selectors == orphan {
            (None, AnchorStatus::Orphan)
        } else {
            let range = ranges
                .iter()
                .find(|(s, _)| s == selectors)
                .and_then(|(_, r)| *r);
            (range, AnchorStatus::Anchored)
        }
    });
    let panel = mount(AppState::new(article, "panel-test".to_owned(), document)).await;
    let root = &panel.root;
    assert!(texts(root, "h2").contains(&"For review (2)".to_owned()));
    let statuses = texts(root, ".qm-cards .qm-status");
    assert_eq!(statuses, ["fuzzy 82 %", "orphan — not found"]);

    let items = all(root, ".qm-review > li");
    assert_eq!(items.len(), 2);
    let fuzzy = items
        .iter()
        .find(|item| text(&one(item, ".qm-card-quote")) == "Мы готовы")
        .expect("fuzzy item");
    let orphan = items
        .iter()
        .find(|item| text(&one(item, ".qm-card-quote")) == "合意はない")
        .expect("orphan item");
    // An orphan has no position to accept.
    assert!(all(orphan, "button").iter().all(|b| text(b) != "Accept"));

    click(&button(orphan, "Re-select")).await;
    let orphan = all(root, ".qm-review > li")
        .into_iter()
        .find(|item| text(&one(item, ".qm-card-quote")) == "合意はない")
        .expect("orphan item");
    assert!(text(&orphan).contains("Select the right passage in the article"));
    assert_eq!(
        texts(root, ".qm-cards > li[aria-current='true'] .qm-card-quote"),
        ["合意はない"]
    );

    click(&button(fuzzy, "Accept")).await;
    assert_eq!(all(root, ".qm-review > li").len(), 1);
    assert_eq!(texts(root, ".qm-cards .qm-status"), ["orphan — not found"]);

    let orphan = one(root, ".qm-review > li");
    click(&button(&orphan, "Delete")).await;
    assert!(root
        .query_selector(".qm-review")
        .expect("selector")
        .is_none());
    assert!(!texts(root, "h2")
        .iter()
        .any(|h| h.starts_with("For review")));
    assert_eq!(count_text(root), "5 of 5 annotations");
}

#[wasm_bindgen_test]
async fn long_lists_render_a_page_at_a_time() {
    let words: Vec<String> = (0..450).map(|i| format!("w{i}")).collect();
    let body = words.join(" ");
    let article = Article::from_text(&format!("Many words\n\nx {body} x")).expect("article");
    let text = article.text_content().to_owned();
    let mut document = Document::new("long");
    for word in &words {
        let range = code_point_range(&text, &format!(" {word} "), 0);
        let range = quotemark::core::text::CharRange::new(range.start + 1, range.end - 1);
        documents::annotate(
            &mut document,
            &text,
            AnnotationKind::Highlight,
            range,
            None,
            "",
            1_000,
        );
    }
    let total = document.annotations().len();
    assert_eq!(total, 450);
    let panel = mount(AppState::new(article, "long".to_owned(), document)).await;
    let root = &panel.root;
    assert_eq!(count_text(root), format!("{total} of {total} annotations"));
    assert_eq!(all(root, ".qm-cards > li").len(), PAGE);
    assert_eq!(card_quotes(root)[0], "w0");
    assert_eq!(card_quotes(root)[PAGE - 1], format!("w{}", PAGE - 1));
    let mut shown = PAGE;
    while shown < total {
        let more = PAGE.min(total - shown);
        click(&button(root, &format!("Show {more} more"))).await;
        shown += more;
        assert_eq!(all(root, ".qm-cards > li").len(), shown);
    }
    assert!(all(root, ".qm-more").is_empty());
}

#[wasm_bindgen_test]
async fn suggestions_are_listed_for_review_and_accepting_one_makes_a_quote() {
    // A fresh document on an article with quotes nobody has marked yet.
    let article = Article::from_text(
        "Harbour plan approved\n\n\
         “We will not give up,” said Aino Virtanen. “The quay comes first.”\n\n\
         Critics were unmoved. “It is a plan for the next election,” said Mikko Lahti.",
    )
    .expect("article");
    let panel = mount(AppState::new(
        article,
        "suggest-test".to_owned(),
        Document::new("suggest-test"),
    ))
    .await;
    let root = &panel.root;
    click(&button(root, "Suggest quotes")).await;
    let quotes = texts(root, ".qm-suggestion .qm-card-quote");
    assert_eq!(
        quotes,
        [
            "We will not give up,",
            "The quay comes first.",
            "It is a plan for the next election,"
        ]
    );
    let speakers: Vec<String> = all(root, ".qm-suggested-speaker")
        .iter()
        .filter_map(|input| input.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
        .collect();
    assert_eq!(speakers, ["Aino Virtanen", "Aino Virtanen", "Mikko Lahti"]);
    assert!(card_quotes(root).is_empty(), "nothing is an annotation yet");

    let items = all(root, ".qm-suggestion");
    click(&button(&items[1], "Reject")).await;
    assert_eq!(all(root, ".qm-suggestion").len(), 2);
    let first = &all(root, ".qm-suggestion")[0];
    click(&button(first, "Accept")).await;
    assert_eq!(card_quotes(root), ["We will not give up,"]);
    assert_eq!(
        texts(root, ".qm-cards .qm-chip-name"),
        ["Aino Virtanen"],
        "the suggested speaker, added with the quote"
    );
    assert_eq!(
        texts(root, ".qm-suggestion .qm-card-quote"),
        ["It is a plan for the next election,"]
    );
}
