//! Fuzzing on stable Rust (proptest): random and mutated inputs for everything that reads the
//! outside world — import files (native and W3C), stored envelopes, Markdown and HTML articles
//! (the native tokenizer path), mount options — and for re-anchoring. A panic in the shipped
//! wasm aborts the widget, so every panic found here is a bug.
//!
//! Invariants: nothing panics; every error is a readable sentence; an import either yields one
//! action that applies completely to a valid document, or an error and no change; loading
//! gives blocks that tile the text content; re-anchoring never returns a range outside the
//! article or inside a grapheme cluster.
//!
//! CI runs each property with `PROPTEST_CASES` cases (256 by default). Longer runs:
//! `./quotemark fuzz 60` loops them with fresh seeds for 60 minutes and prints the cases run.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};

use quotemark::core::anchoring::{capture, reanchor};
use quotemark::core::anchoring::{Selectors, TextPositionSelector, TextQuoteSelector};
use quotemark::core::article::{content_hash, Article, ArticleInput, ArticleSource, SourceFormat};
use quotemark::core::document::{Action, AnnotationKind, Document};
use quotemark::core::host::options::MountOptions;
use quotemark::core::interchange::{
    export_native, export_w3c, import_action, ArticleMeta, ImportMode, OtherArticle,
};
use quotemark::core::storage::envelope::{decode, encode_titled, Decoded};
use quotemark::core::text::CharRange;
use quotemark::core::text::TextIndex;

#[path = "support/text.rs"]
mod text;

use text::code_point_range;

#[path = "support/documents.rs"]
mod documents;

use documents::annotate;

/// Text with what breaks naive code: emoji (ZWJ, flags, skin tones), combining marks, CJK,
/// right-to-left scripts, quotation marks, markup characters, whitespace of every kind.
const PIECES: &[&str] = &[
    "We will not give up",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    ",",
    ".",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "„",
    "'",
    "’",
    "👩\u{200d}👩\u{200d}👧",
    "🇫🇮",
    "👍🏽",
    "e\u{301}",
    "你好",
    "שלום",
    "مرحبا",
    "<",
    ">",
    "&amp;",
    "&",
    "#",
    "*",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "|",
    "-",
    "\\",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\r\n",
    "Aino",
    "harbour",
    "🙂",
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|parts| parts.concat())
}

/// Markup-heavy input for the article loaders.
const MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<li>",
    "<ul>",
    "</ul>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "<th>",
    "<img src=x alt=\"a\">",
    "<figure>",
    "<figcaption>",
    "<a href=\"javascript:alert(1)\">",
    "<a href=\"https://example.org\">",
    "</a>",
    "<script>",
    "</script>",
    "<style>",
    "<noscript>",
    "</noscript>",
    "<template>",
    "<textarea>",
    "<title>",
    "<xmp>",
    "<iframe>",
    "<select>",
    "<svg>",
    "<math>",
    "<!--",
    "-->",
    "<p title=\"</noscript><p>x\">",
    "<b>",
    "</b>",
    "<em>",
    "<br>",
    "<plaintext>",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "| a | b |\n|---|---|\n| c | d |\n",
    "**",
    "```",
    "\n\n",
    "text",
    "“quoted”",
    "👩\u{200d}👩\u{200d}👧",
    "&lt;",
    "&#x1F600;",
];

fn markup_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(MARKUP), 0..60).prop_map(|parts| parts.concat())
}

/// A readable sentence: not empty, starts with a capital or a quotation mark, ends a sentence.
fn assert_sentence(message: &str) {
    let first = message.chars().next();
    assert!(
        first.is_some_and(|c| c.is_uppercase() || c == '“' || c == '"'),
        "not a sentence: {message:?}"
    );
    assert!(
        message.ends_with('.') || message.ends_with(')') || message.ends_with('”'),
        "not a sentence: {message:?}"
    );
}

fn config() -> Config {
    // PROPTEST_CASES overrides the default; failures shrink to a minimal case and are kept in
    // tests/fuzz.proptest-regressions to replay first.
    Config::default()
}

const ARTICLE: &str = "Council approves the harbour plan\n\n\
“We will not give up,” the mayor said. “The harbour belongs to everyone.” 👩\u{200d}👩\u{200d}👧\n\n\
Fishermen were sceptical. “Nobody asked us about the quay,” said Leila Haddad 🇫🇮.\n\n\
Café owners e\u{301} agreed: «C’est bien», they said. 你好. שלום.";

fn sample_document() -> Document {
    let mut document = Document::new("harbour");
    for name in ["Aino Virtanen", "Leila Haddad"] {
        document
            .apply(Action::AddSpeaker { name: name.into() }, 1)
            .expect("speaker");
    }
    for (exact, speaker) in [
        ("We will not give up,", Some(0)),
        ("Nobody asked us about the quay,", Some(1)),
        ("C’est bien", None),
    ] {
        let range = code_point_range(ARTICLE, exact, 0);
        let speaker = speaker.map(|i: usize| document.speakers()[i].id.clone());
        annotate(
            &mut document,
            ARTICLE,
            AnnotationKind::Quote,
            range,
            speaker,
            "a note",
            2,
        );
    }
    document
}

fn meta() -> ArticleMeta {
    ArticleMeta {
        id: "harbour".into(),
        title: "Harbour".into(),
        source: SourceFormat::Text,
        content_hash: content_hash(ARTICLE),
    }
}

/// A random JSON value, small and deep enough to stand in for any field.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        (0u64..100_000).prop_map(Value::from),
        text_strategy(8).prop_map(Value::from),
        Just(json!("quote")),
        Just(json!("TextQuoteSelector")),
        Just(json!("2024-05-01T12:00:00Z")),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{1,6}", inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Replaces the value at a random path in `value` (chosen by `picks`) with `replacement`, or
/// removes it: the structured mutations a damaged or hand-edited file carries.
fn mutate(value: &mut Value, picks: &[usize], replacement: Option<Value>) {
    let Some((&pick, rest)) = picks.split_first() else {
        if let Some(replacement) = replacement {
            *value = replacement;
        }
        return;
    };
    let last = rest.is_empty();
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(pick % map.len())
                .cloned()
                .unwrap_or_default();
            match (last, replacement) {
                (true, Some(replacement)) => {
                    map.insert(key, replacement);
                }
                (true, None) => {
                    map.remove(&key);
                }
                (false, replacement) => {
                    if let Some(next) = map.get_mut(&key) {
                        mutate(next, rest, replacement);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let index = pick % items.len();
            match (last, replacement) {
                (true, Some(replacement)) => items[index] = replacement,
                (true, None) => {
                    items.remove(index);
                }
                (false, replacement) => mutate(&mut items[index], rest, replacement),
            }
        }
        other => {
            if let Some(replacement) = replacement {
                *other = replacement;
            }
        }
    }
}

/// Imports `file` into a copy of `document`: either an error (and the document unchanged, as
/// the import is pure) or one action that applies completely, leaving a valid document.
fn check_import(document: &Document, file: &str) {
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        match import_action(document, ARTICLE, file, mode, OtherArticle::Allow, 3) {
            Err(error) => assert_sentence(&error.to_string()),
            Ok((action, report)) => {
                for skipped in &report.skipped {
                    assert!(!skipped.to_string().is_empty());
                }
                let mut applied = document.clone();
                applied
                    .apply(action, 4)
                    .unwrap_or_else(|error| panic!("an import action failed to apply: {error}"));
                applied
                    .check_invariants()
                    .unwrap_or_else(|problem| panic!("import broke the document: {problem}"));
                let text_len = ARTICLE.chars().count();
                for annotation in applied.annotations() {
                    if let Some(range) = annotation.range {
                        assert!(range.start <= range.end && range.end <= text_len);
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn import_of_random_bytes_is_refused_in_a_sentence_or_applies_whole(
        bytes in prop::collection::vec(any::<u8>(), 0..400)
    ) {
        check_import(&sample_document(), &String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn import_of_mutated_native_and_w3c_files_never_half_applies(
        w3c in any::<bool>(),
        mutations in prop::collection::vec(
            (prop::collection::vec(0usize..16, 1..6), prop::option::of(json_value())),
            1..6,
        ),
        truncate in prop::option::of(0usize..4000),
    ) {
        let document = sample_document();
        let exported = if w3c {
            export_w3c(&document, &meta(), ARTICLE)
        } else {
            export_native(&document, &meta())
        };
        let mut value: Value = serde_json::from_str(&exported).expect("an export is JSON");
        for (picks, replacement) in mutations {
            mutate(&mut value, &picks, replacement);
        }
        let mut file = value.to_string();
        if let Some(at) = truncate {
            let cut = file.char_indices().nth(at).map_or(file.len(), |(i, _)| i);
            file.truncate(cut);
        }
        check_import(&Document::new("harbour"), &file);
        check_import(&document, &file);
    }

    #[test]
    fn stored_envelopes_decode_or_say_why_never_panic(
        mutations in prop::collection::vec(
            (prop::collection::vec(0usize..16, 1..6), prop::option::of(json_value())),
            0..6,
        ),
        truncate in prop::option::of(0usize..3000),
        junk in text_strategy(20),
    ) {
        let stored = encode_titled(&sample_document(), Some("Harbour"), 5);
        let mut value: Value = serde_json::from_str(&stored).expect("an envelope is JSON");
        for (picks, replacement) in mutations {
            mutate(&mut value, &picks, replacement);
        }
        let mut text = value.to_string();
        if let Some(at) = truncate {
            let cut = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
            text.truncate(cut);
        }
        for candidate in [text, junk] {
            match decode(Some(&candidate)) {
                Decoded::Loaded(document) | Decoded::Migrated { document, .. } => {
                    document
                        .check_invariants()
                        .unwrap_or_else(|problem| panic!("decoded an invalid document: {problem}"));
                }
                Decoded::Corrupt { reason } => {
                    let message = reason.to_string();
                    prop_assert!(!message.is_empty());
                }
                Decoded::Missing => prop_assert!(false, "a present value is never missing"),
            }
        }
    }

    #[test]
    fn articles_load_or_say_why_and_their_blocks_tile_the_text(
        markup in markup_strategy(),
        plain in text_strategy(60),
        which in 0u8..3,
    ) {
        let source = match which {
            0 => ArticleSource::Html(markup),
            1 => ArticleSource::Markdown(markup),
            _ => ArticleSource::Text(plain),
        };
        match Article::load(ArticleInput { source, title: None }) {
            Err(error) => assert_sentence(&error.to_string()),
            Ok(article) => {
                let text = article.text_content();
                let mut expected_start = 0;
                for (index, block) in article.blocks.iter().enumerate() {
                    prop_assert_eq!(block.start, expected_start, "block {} starts where it should", index);
                    let block_text = block.text();
                    prop_assert_eq!(block_text.chars().count(), block.len);
                    let found: String = text.chars().skip(block.start).take(block.len).collect();
                    prop_assert_eq!(found, block_text);
                    expected_start = block.start + block.len + 2;
                }
            }
        }
    }

    #[test]
    fn mount_options_are_read_or_refused_in_a_sentence(
        options in json_value(),
        article in prop::option::of(text_strategy(20)),
        format in prop::sample::select(&["text", "markdown", "html", "other"][..]),
    ) {
        let mut value = options;
        if let (Some(article), Value::Object(map)) = (article, &mut value) {
            map.insert("article".into(), json!({ format: article }));
        }
        if let Err(error) = MountOptions::from_json(&value.to_string()) {
            assert_sentence(&error.to_string());
        }
    }

    #[test]
    fn re_anchoring_stays_inside_the_article_and_on_grapheme_boundaries(
        text in text_strategy(80),
        exact in text_strategy(6),
        prefix in text_strategy(3),
        suffix in text_strategy(3),
        position in prop::option::of((0usize..400, 0usize..400)),
    ) {
        let selectors = Selectors {
            quote: TextQuoteSelector { exact, prefix, suffix },
            position: position.map(|(a, b)| TextPositionSelector { start: a.min(b), end: a.max(b) }),
        };
        let found = reanchor(&text, &selectors);
        if let Some(range) = found.range {
            let index = TextIndex::new(&text);
            prop_assert!(range.start <= range.end && range.end <= index.len_chars(), "{:?}", range);
            prop_assert!(index.is_grapheme_boundary(range.start), "{:?} splits a grapheme", range);
            prop_assert!(index.is_grapheme_boundary(range.end), "{:?} splits a grapheme", range);
        }
    }

    #[test]
    fn capture_then_reanchor_finds_every_range_again(
        text in text_strategy(80),
        a in 0usize..400,
        b in 0usize..400,
    ) {
        let len = text.chars().count();
        let (start, end) = (a.min(b).min(len), a.max(b).min(len));
        let range = CharRange::new(start, end);
        if let Ok(selectors) = capture(&text, range) {
            let found = reanchor(&text, &selectors);
            let index = TextIndex::new(&text);
            let snapped = index.snap_to_graphemes(range);
            prop_assert_eq!(found.range, Some(snapped), "selectors {:?}", selectors);
        }
    }
}
