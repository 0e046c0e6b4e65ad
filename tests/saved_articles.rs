//! What this browser holds: the list of saved articles names each with its title, counts and
//! save time, and a pasted article with one word changed finds the work saved on its earlier
//! version (and never another article's).
#![cfg(not(target_arch = "wasm32"))]

use quotemark::core::article::content_hash;
use quotemark::core::document::{AnnotationKind, Document};
use quotemark::core::storage::envelope::{encode, encode_titled, quarantine_key, storage_key};
use quotemark::core::storage::saved_articles::{closest_earlier_version, summarize};

#[path = "support/text.rs"]
mod text;

use text::code_point_range;

#[path = "support/documents.rs"]
mod documents;

use documents::{annotate, speaker_called};

const FIRST: &str = "Ferry strike ends\n\n\
“We have a deal,” the union leader said. “Ships sail again on Monday.”\n\n\
Passengers were relieved. “Finally,” said one commuter at the terminal.";

/// The same article pasted again with one word changed ("Monday" → "Tuesday").
const PASTED_AGAIN: &str = "Ferry strike ends\n\n\
“We have a deal,” the union leader said. “Ships sail again on Tuesday.”\n\n\
Passengers were relieved. “Finally,” said one commuter at the terminal.";

const OTHER: &str = "Library reopens\n\n\
“Books are back,” the librarian said, smiling at the first visitors.";

fn annotated(text: &str, quotes: &[&str]) -> Document {
    let mut document = Document::new(content_hash(text));
    let speaker = speaker_called(&mut document, "Union leader", 1);
    for exact in quotes {
        let range = code_point_range(text, exact, 0);
        annotate(
            &mut document,
            text,
            AnnotationKind::Quote,
            range,
            Some(speaker.clone()),
            "",
            2,
        );
    }
    document
}

fn entries() -> Vec<(String, String)> {
    let first = annotated(
        FIRST,
        &["We have a deal,", "Ships sail again on Monday.", "Finally,"],
    );
    let other = annotated(OTHER, &["Books are back,"]);
    vec![
        (
            storage_key(&content_hash(FIRST)),
            encode_titled(&first, Some("Ferry strike ends"), 1_000),
        ),
        (
            storage_key(&content_hash(OTHER)),
            encode_titled(&other, Some("Library reopens"), 2_000),
        ),
        // Written by an older build: no title.
        (
            storage_key("https://news.example.org/untitled"),
            encode(&Document::new("https://news.example.org/untitled"), 500),
        ),
        // Not the list's business: unreadable data kept aside, another app's key, garbage.
        (quarantine_key("x", 5), "{\"quotemark\": 2".into()),
        ("someone-else:settings".into(), "{}".into()),
        (storage_key("broken"), "not json".into()),
    ]
}

#[test]
fn the_list_names_every_readable_saved_article_newest_first() {
    let saved = summarize(&entries());
    let rows: Vec<(Option<&str>, usize, i64)> = saved
        .iter()
        .map(|s| (s.title.as_deref(), s.annotations, s.saved_at))
        .collect();
    assert_eq!(
        rows,
        vec![
            (Some("Library reopens"), 1, 2_000),
            (Some("Ferry strike ends"), 3, 1_000),
            (None, 0, 500),
        ]
    );
    assert_eq!(saved[1].article_key, content_hash(FIRST));
    assert_eq!(saved[1].speakers, 1);
}

#[test]
fn a_pasted_article_with_one_word_changed_finds_its_earlier_work() {
    let earlier = closest_earlier_version(PASTED_AGAIN, &content_hash(PASTED_AGAIN), &entries())
        .expect("the earlier version is found");
    assert_eq!(earlier.article_key, content_hash(FIRST));
    assert_eq!(earlier.title.as_deref(), Some("Ferry strike ends"));
    assert_eq!(
        (earlier.found, earlier.total),
        (3, 3),
        "the sentence with the changed word is found too, as a fuzzy match"
    );
    assert_eq!(earlier.document.annotations().len(), 3);
}

#[test]
fn another_article_or_the_article_itself_is_never_offered() {
    assert_eq!(
        closest_earlier_version(FIRST, &content_hash(FIRST), &entries()).map(|e| e.article_key),
        None,
        "its own key is not an earlier version; the library story does not fit"
    );
    let unrelated = "Weather\n\nRain all week, the forecaster said.";
    assert_eq!(
        closest_earlier_version(unrelated, &content_hash(unrelated), &entries()),
        None
    );
}
