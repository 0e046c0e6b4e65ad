//! File formats end to end: native and W3C exports round-trip through import without loss on
//! text with emoji, combining marks, CJK and right-to-left scripts; the W3C export has every
//! field the Web Annotation model requires; CSV is safe for spreadsheets; imports report what
//! they did and never half-apply a broken file.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::anchoring::{Selectors, TextPositionSelector, TextQuoteSelector};
use quotemark::core::article::{content_hash, SourceFormat};
use quotemark::core::document::{
    Action, Annotation, AnnotationId, AnnotationKind, Document, DocumentParts, SpeakerId, Tombstone,
};
use quotemark::core::interchange::{
    export_csv, export_native, export_w3c, import, import_action, parse_file, parse_native,
    parse_w3c, timestamp, ArticleMatch, ArticleMeta, FileFormat, ImportError, ImportMode,
    ImportOutcome, ItemKind, OtherArticle, MAX_IMPORT_BYTES,
};
use quotemark::core::text::CharRange;
use serde_json::{json, Value};

#[path = "support/text.rs"]
mod text;

use text::code_point_range;

#[path = "support/documents.rs"]
mod documents;

use documents::speaker;

const ARTICLE: &str = include_str!("fixtures/imports/article.txt");
const NATIVE_GOLDEN: &str = include_str!("fixtures/imports/native_full.json");
const NATIVE_GOLDEN_PATH: &str = "tests/fixtures/imports/native_full.json";
const NATIVE_WITH_PROBLEMS: &str = include_str!("fixtures/imports/native_with_problems.json");
const W3C_QUOTE_ONLY: &str = include_str!("fixtures/imports/w3c_quote_only.json");

const CREATED: i64 = 1_714_564_800_123; // 2024-05-01T12:00:00.123Z
const NOW: i64 = 1_717_243_200_000; // 2024-06-01T12:00:00.000Z

// ---------------------------------------------------------------------------------------------
// Helpers

fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

/// Selectors as captured at `range`: exact text plus up to 16 code points of context.
fn captured(range: CharRange) -> Selectors {
    let text = chars(ARTICLE);
    let context_start = range.start.saturating_sub(16);
    let context_end = (range.end + 16).min(text.len());
    Selectors {
        quote: TextQuoteSelector {
            exact: text[range.start..range.end].iter().collect(),
            prefix: text[context_start..range.start].iter().collect(),
            suffix: text[range.end..context_end].iter().collect(),
        },
        position: Some(TextPositionSelector {
            start: range.start,
            end: range.end,
        }),
    }
}

fn annotation(
    id: &str,
    kind: AnnotationKind,
    range: CharRange,
    speaker: Option<&str>,
    note: &str,
) -> Annotation {
    Annotation {
        id: AnnotationId(id.to_string()),
        kind,
        range: Some(range),
        selectors: captured(range),
        status: AnchorStatus::Anchored,
        speaker: speaker.map(|id| SpeakerId(id.to_string())),
        note: note.to_string(),
        created: CREATED,
        modified: CREATED + 60_000,
        revision: 1,
        source_id: None,
    }
}

fn article_meta() -> ArticleMeta {
    ArticleMeta {
        id: "https://news.example.org/harbour".to_string(),
        title: "Harbour talks — “港” 🇫🇮".to_string(),
        source: SourceFormat::Markdown,
        content_hash: content_hash(ARTICLE),
    }
}

/// A document exercising everything: repeated sentences, a moved annotation, an orphan,
/// emoji (ZWJ family, flag), a combining accent, CJK, Arabic and Hebrew, curly and straight
/// quotes, notes that look like spreadsheet formulas, a tombstone.
fn sample_document() -> Document {
    use AnnotationKind::{Highlight, Quote};
    let quote = code_point_range(ARTICLE, "We will not give up,", 0);
    let mut moved = annotation(
        "a2",
        Quote,
        code_point_range(ARTICLE, "We will not give up.", 0),
        Some("s1"),
        "",
    );
    // Captured when the sentence sat four code points earlier; found again unchanged.
    moved.selectors.position = Some(TextPositionSelector {
        start: moved.selectors.position.map_or(0, |p| p.start) - 4,
        end: moved.selectors.position.map_or(0, |p| p.end) - 4,
    });
    moved.status = AnchorStatus::Moved;
    let mut repeated = annotation(
        "a9",
        Quote,
        code_point_range(ARTICLE, "We will not give up.", 1),
        None,
        "-2 is a formula too",
    );
    repeated.revision = 7;
    let orphan = Annotation {
        id: AnnotationId("a10".to_string()),
        kind: Highlight,
        range: None,
        selectors: Selectors {
            quote: TextQuoteSelector {
                exact: "A sentence that was edited away.".to_string(),
                prefix: "resume — ".to_string(),
                suffix: String::new(),
            },
            position: Some(TextPositionSelector { start: 10, end: 42 }),
        },
        status: AnchorStatus::Orphan,
        speaker: None,
        note: "Was in the first draft".to_string(),
        created: CREATED,
        modified: CREATED,
        revision: 0,
        source_id: None,
    };
    valid(DocumentParts {
        article_id: article_meta().id,
        speakers: vec![
            speaker("s1", "Aino Virtanen", &["A. Virtanen"], 0),
            speaker("s2", "محمد", &["Mohammed"], 1),
            speaker("s3", "נועה", &[], 2),
            speaker("s4", "東京の代表", &[], 3),
        ],
        annotations: vec![
            annotation("a1", Quote, quote, Some("s1"), "Opening line 🇫🇮"),
            moved,
            annotation(
                "a3",
                Highlight,
                code_point_range(
                    ARTICLE,
                    "👩\u{200d}👩\u{200d}👧 arrived at the cafe\u{301}",
                    0,
                ),
                None,
                "combining e\u{301}, not é",
            ),
            annotation(
                "a4",
                Quote,
                code_point_range(ARTICLE, "港は皆のものだ", 0),
                Some("s4"),
                "",
            ),
            annotation(
                "a5",
                Quote,
                code_point_range(ARTICLE, "الميناء للجميع", 0),
                Some("s2"),
                "RTL: Arabic",
            ),
            annotation(
                "a6",
                Quote,
                code_point_range(ARTICLE, "הנמל שלנו", 0),
                Some("s3"),
                "",
            ),
            annotation(
                "a7",
                Highlight,
                code_point_range(ARTICLE, "Straight \"quotes\" and curly ‘quotes’", 0),
                None,
                "=HYPERLINK(\"http://evil.example\")\nsecond line, with comma",
            ),
            repeated,
            orphan,
        ],
        tombstones: vec![Tombstone {
            id: AnnotationId("a8".to_string()),
            revision: 3,
            deleted: CREATED + 3_600_000,
            created: 0,
        }],
        next_id: 12,
        ..DocumentParts::default()
    })
}

/// Imports `file` into `current` on the article fixture as the widget does: through
/// `import_action`, which re-anchors every annotation with the real anchorer. A file made on
/// another article is let in (`OtherArticle::Allow`); the refusal has its own tests. Returns
/// the content the action would apply, with the report.
fn run_import(
    current: &Document,
    file: &str,
    mode: ImportMode,
) -> Result<ImportOutcome, ImportError> {
    let (action, report) = import_action(current, ARTICLE, file, mode, OtherArticle::Allow, NOW)?;
    let Action::ReplaceContent {
        speakers,
        annotations,
        tombstones,
        next_id,
    } = action
    else {
        panic!("an import applies as one ReplaceContent action, not {action:?}");
    };
    Ok(ImportOutcome {
        speakers,
        annotations,
        tombstones,
        next_id,
        report,
    })
}

fn empty_document() -> Document {
    valid(DocumentParts {
        article_id: article_meta().id,
        ..DocumentParts::default()
    })
}

fn speaker_name(outcome: &ImportOutcome, annotation: &Annotation) -> Option<String> {
    let id = annotation.speaker.as_ref()?;
    outcome
        .speakers
        .iter()
        .find(|speaker| &speaker.id == id)
        .map(|speaker| speaker.name.clone())
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|error| panic!("not JSON ({error}): {text}"))
}

// ---------------------------------------------------------------------------------------------
// Native format

#[test]
fn native_round_trip_is_lossless() {
    let doc = sample_document();
    let exported = export_native(&doc, &article_meta());
    let outcome = run_import(&empty_document(), &exported, ImportMode::Replace)
        .unwrap_or_else(|error| panic!("import failed: {error}"));

    assert_eq!(outcome.speakers, doc.speakers());
    assert_eq!(outcome.annotations, doc.annotations());
    assert_eq!(outcome.tombstones, doc.tombstones());
    assert_eq!(outcome.next_id, doc.next_id());
    let report = &outcome.report;
    assert_eq!(report.format, FileFormat::Native);
    assert_eq!((report.added, report.orphans, report.duplicates), (9, 1, 0));
    assert_eq!(report.skipped, vec![]);
    assert_eq!((report.speakers_added, report.speakers_mapped), (4, 0));
    assert_eq!(report.article_match, ArticleMatch::Same);
}

#[test]
fn native_export_matches_the_documented_golden_file() {
    // The committed file is the schema example in docs/formats.md; any change to the exported
    // shape must be deliberate (and usually needs a new format version).
    // Run with QUOTEMARK_BLESS=1 to rewrite it after such a change.
    let exported = export_native(&sample_document(), &article_meta());
    if std::env::var_os("QUOTEMARK_BLESS").is_some() {
        let written = std::fs::write(NATIVE_GOLDEN_PATH, format!("{exported}\n"));
        assert!(
            written.is_ok(),
            "could not write {NATIVE_GOLDEN_PATH}: {written:?}"
        );
        return;
    }
    assert_eq!(json(&exported), json(NATIVE_GOLDEN));
}

#[test]
fn native_export_uses_documented_names_and_iso_times() {
    let exported = json(&export_native(&sample_document(), &article_meta()));
    assert_eq!(exported["format"], "quotemark");
    assert_eq!(exported["version"], 1);
    assert_eq!(exported["article"]["source"], "markdown");
    assert_eq!(exported["article"]["contentHash"], content_hash(ARTICLE));
    let first = &exported["annotations"][0];
    assert_eq!(first["created"], "2024-05-01T12:00:00.123Z");
    assert_eq!(first["modified"], "2024-05-01T12:01:00.123Z");
    assert_eq!(first["speaker"], "s1");
    assert_eq!(first["start"], 24);
    assert_eq!(first["end"], 44);
    assert!(
        first.get("range").is_none(),
        "range is written only when it differs"
    );
    let moved = &exported["annotations"][1];
    assert_eq!(
        (moved["start"].clone(), moved["end"].clone()),
        (json!(65), json!(85))
    );
    assert_eq!(moved["range"], json!({"start": 69, "end": 89}));
    assert_eq!(moved["status"], "moved");
    let unknown_speaker = &exported["annotations"][7];
    assert_eq!(unknown_speaker["speaker"], Value::Null);
    assert_eq!(
        exported["tombstones"][0]["deleted"],
        "2024-05-01T13:00:00.123Z"
    );
}

#[test]
fn parse_native_reads_the_golden_file() {
    let parsed = parse_native(NATIVE_GOLDEN).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(parsed.format, FileFormat::Native);
    assert_eq!(parsed.article, Some(article_meta()));
    assert_eq!(parsed.next_id, Some(12));
    assert_eq!(parsed.speakers.len(), 4);
    assert_eq!(parsed.annotations.len(), 9);
    assert_eq!(parsed.skipped, vec![]);
    assert_eq!(parsed.annotations[0].created, Some(CREATED));
}

// ---------------------------------------------------------------------------------------------
// W3C Web Annotation

/// An absolute IRI: a scheme, a colon, and no characters that IRIs forbid.
fn is_absolute_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
}

fn is_utc_date_time(value: &Value) -> bool {
    value
        .as_str()
        .and_then(timestamp::parse)
        .is_some_and(|ms| value.as_str() == Some(timestamp::format_utc(ms).as_str()))
}

const MOTIVATIONS: [&str; 13] = [
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

#[test]
fn w3c_export_has_every_required_field() {
    let doc = sample_document();
    let exported = json(&export_w3c(&doc, &article_meta(), ARTICLE));
    let context = "http://www.w3.org/ns/anno.jsonld";

    // Collection (Web Annotation Data Model §5.1).
    assert_eq!(exported["@context"], context);
    assert!(
        exported["id"].as_str().is_some_and(is_absolute_iri),
        "collection id"
    );
    assert_eq!(exported["type"], "AnnotationCollection");
    assert!(exported["label"]
        .as_str()
        .is_some_and(|label| label.contains("Harbour talks")));
    assert_eq!(exported["total"], doc.annotations().len());
    // Page (§5.2).
    let page = &exported["first"];
    assert!(page["id"].as_str().is_some_and(is_absolute_iri), "page id");
    assert_eq!(page["type"], "AnnotationPage");
    assert_eq!(page["partOf"], exported["id"]);
    assert_eq!(page["startIndex"], 0);
    let items = page["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), doc.annotations().len());

    let text = chars(ARTICLE);
    // The collection, the page, the article and every annotation have distinct IRIs.
    let mut ids = HashSet::new();
    for iri in [&exported["id"], &page["id"], &items[0]["target"]["source"]] {
        assert!(
            ids.insert(iri.as_str().unwrap_or_default().to_string()),
            "{iri} repeated"
        );
    }
    for (item, annotation) in items.iter().zip(doc.annotations()) {
        let label = &annotation.id.0;
        // Annotation (§3.1): @context, a unique IRI id, type, at least one target.
        assert_eq!(item["@context"], context, "{label}");
        let id = item["id"].as_str().unwrap_or_default();
        assert!(is_absolute_iri(id), "{label}: id {id}");
        assert!(ids.insert(id.to_string()), "{label}: id repeated");
        assert_eq!(
            id,
            format!("urn:quotemark:https%3A%2F%2Fnews.example.org%2Fharbour:{label}")
        );
        assert_eq!(item["type"], "Annotation", "{label}");
        assert_eq!(item["motivation"], "highlighting", "{label}");
        assert!(MOTIVATIONS.contains(&item["motivation"].as_str().unwrap_or_default()));
        assert!(is_utc_date_time(&item["created"]), "{label}: created");
        assert!(is_utc_date_time(&item["modified"]), "{label}: modified");

        // Target (§3.2, §4.2): a source IRI and selectors.
        let target = &item["target"];
        assert_eq!(target["source"], "https://news.example.org/harbour");
        let selectors = target["selector"].as_array().cloned().unwrap_or_default();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap_or_else(|| panic!("{label}: no TextQuoteSelector"));
        let exact = quote["exact"].as_str().unwrap_or_default();
        assert!(!exact.is_empty(), "{label}: exact must be present");
        assert!(
            quote["prefix"].is_string() && quote["suffix"].is_string(),
            "{label}"
        );
        assert_eq!(exact, annotation.selectors.quote.exact);
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector");
        // The current place of an annotation that has one; else the recorded one.
        let expected_position = annotation
            .range
            .map(|range| TextPositionSelector {
                start: range.start,
                end: range.end,
            })
            .or(annotation.selectors.position);
        match (position, expected_position) {
            (Some(position), Some(expected)) => {
                let start = position["start"].as_u64().unwrap_or(u64::MAX) as usize;
                let end = position["end"].as_u64().unwrap_or(0) as usize;
                assert!(start <= end && end <= text.len(), "{label}: {start}..{end}");
                assert_eq!((start, end), (expected.start, expected.end), "{label}");
                // Positions are code points: for an anchored annotation they select the quote.
                if annotation.status == AnchorStatus::Anchored {
                    let selected: String = text[start..end].iter().collect();
                    assert_eq!(selected, exact, "{label}");
                }
            }
            (None, None) => {}
            other => panic!("{label}: position mismatch {other:?}"),
        }

        // Bodies (§3.2.4): every TextualBody has a value and a purpose from the vocabulary.
        let bodies = item["body"].as_array().cloned().unwrap_or_default();
        for body in &bodies {
            assert_eq!(body["type"], "TextualBody", "{label}");
            assert!(body["value"].is_string(), "{label}");
            assert!(
                MOTIVATIONS.contains(&body["purpose"].as_str().unwrap_or_default()),
                "{label}"
            );
        }
        let with_purpose = |purpose: &str| {
            bodies
                .iter()
                .find(|body| body["purpose"] == purpose)
                .cloned()
        };
        let kind = match annotation.kind {
            AnnotationKind::Quote => "quote",
            AnnotationKind::Highlight => "highlight",
        };
        assert_eq!(
            with_purpose("tagging").map(|b| b["value"].clone()),
            Some(json!(kind)),
            "{label}"
        );
        let speaker = annotation
            .speaker
            .as_ref()
            .and_then(|id| doc.speakers().iter().find(|s| &s.id == id))
            .map(|s| json!(s.name));
        assert_eq!(
            with_purpose("identifying").map(|b| b["value"].clone()),
            speaker,
            "{label}"
        );
        let note = with_purpose("commenting");
        if annotation.note.is_empty() {
            assert!(note.is_none(), "{label}");
        } else {
            let note = note.unwrap_or_default();
            assert_eq!(note["value"], annotation.note.as_str(), "{label}");
            assert_eq!(note["format"], "text/plain", "{label}");
        }
    }
}

#[test]
fn w3c_export_carries_the_current_place_of_a_quote_only_import_and_keeps_changed_originals() {
    // A bare quote, as other tools write it: no context, no position.
    let bare = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "target": { "source": "https://news.example.org/harbour", "selector": [
            { "type": "TextQuoteSelector", "exact": "We will not give up," }
        ]}
    })
    .to_string();
    let mut document = empty_document();
    let (action, report) = import_action(
        &document,
        ARTICLE,
        &bare,
        ImportMode::Merge,
        OtherArticle::Refuse,
        NOW,
    )
    .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(report.added, 1);
    document.apply(action, NOW).expect("apply");
    let range = document.annotations()[0].range.expect("anchored");
    assert_eq!(range, code_point_range(ARTICLE, "We will not give up,", 0));

    let exported = json(&export_w3c(&document, &article_meta(), ARTICLE));
    let target = &exported["first"]["items"][0]["target"];
    let selectors = target["selector"].as_array().expect("selectors");
    let quote = selectors
        .iter()
        .find(|s| s["type"] == "TextQuoteSelector")
        .expect("quote");
    assert_eq!(quote["exact"], json!("We will not give up,"));
    assert!(
        !quote["prefix"].as_str().unwrap_or_default().is_empty()
            && !quote["suffix"].as_str().unwrap_or_default().is_empty(),
        "context is exported: {quote}"
    );
    let position = selectors
        .iter()
        .find(|s| s["type"] == "TextPositionSelector")
        .expect("the current position is exported");
    assert_eq!(
        (position["start"].clone(), position["end"].clone()),
        (json!(range.start), json!(range.end))
    );
    assert!(
        target.get("quotemark:original").is_none(),
        "the bare quote is the same text at the same place: nothing else to keep"
    );

    // A moved annotation (recorded four code points earlier) exports where it is now, and
    // keeps what it was made with; importing that export gives the same annotation back.
    let doc = sample_document();
    let moved = doc.annotation(&AnnotationId("a2".into())).expect("a2");
    let exported = json(&export_w3c(&doc, &article_meta(), ARTICLE));
    let item = exported["first"]["items"]
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .find(|item| item["id"].as_str().is_some_and(|id| id.ends_with(":a2")))
        })
        .expect("a2 exported");
    let current = item["target"]["selector"]
        .as_array()
        .and_then(|list| list.iter().find(|s| s["type"] == "TextPositionSelector"))
        .expect("position");
    let range = moved.range.expect("a2 is anchored");
    assert_eq!(current["start"], json!(range.start));
    let original = item["target"]["quotemark:original"]
        .as_array()
        .and_then(|list| list.iter().find(|s| s["type"] == "TextPositionSelector"))
        .expect("the recorded position is kept");
    assert_eq!(
        original["start"],
        json!(moved.selectors.position.expect("recorded").start)
    );
}

#[test]
fn w3c_round_trip_is_lossless() {
    let doc = sample_document();
    let exported = export_w3c(&doc, &article_meta(), ARTICLE);
    let outcome = run_import(&empty_document(), &exported, ImportMode::Replace)
        .unwrap_or_else(|error| panic!("import failed: {error}"));
    assert_eq!(outcome.report.format, FileFormat::W3c);
    assert_eq!(outcome.report.skipped, vec![]);
    assert_eq!(outcome.annotations.len(), doc.annotations().len());
    for (imported, original) in outcome.annotations.iter().zip(doc.annotations()) {
        assert_eq!(imported.id, original.id);
        assert_eq!(imported.kind, original.kind);
        assert_eq!(imported.selectors, original.selectors);
        assert_eq!(imported.range, original.range);
        assert_eq!(imported.status, original.status);
        assert_eq!(imported.note, original.note);
        assert_eq!(
            (imported.created, imported.modified),
            (original.created, original.modified)
        );
        let original_speaker = original
            .speaker
            .as_ref()
            .and_then(|id| doc.speakers().iter().find(|s| &s.id == id))
            .map(|s| s.name.clone());
        assert_eq!(
            speaker_name(&outcome, imported),
            original_speaker,
            "{}",
            original.id.0
        );
    }
    let names: HashSet<&str> = outcome.speakers.iter().map(|s| s.name.as_str()).collect();
    let expected: HashSet<&str> = doc.speakers().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, expected);
    // New speaker ids never collide with imported annotation ids' numbers.
    assert!(outcome.next_id > 10);
}

#[test]
fn w3c_import_accepts_annotations_with_only_a_quote_selector() {
    let outcome = run_import(&empty_document(), W3C_QUOTE_ONLY, ImportMode::Merge)
        .unwrap_or_else(|error| panic!("import failed: {error}"));
    assert_eq!(outcome.report.skipped, vec![]);
    type Found = (
        String,
        Option<CharRange>,
        Option<String>,
        AnnotationKind,
        String,
    );
    let found: Vec<Found> = outcome
        .annotations
        .iter()
        .map(|a| {
            assert_eq!(a.selectors.position, None, "no position selector was given");
            (
                a.selectors.quote.exact.clone(),
                a.range,
                speaker_name(&outcome, a),
                a.kind,
                a.note.clone(),
            )
        })
        .collect();
    use AnnotationKind::{Highlight, Quote};
    let expected = vec![
        (
            "We will not give up,".to_string(),
            Some(code_point_range(ARTICLE, "We will not give up,", 0)),
            Some("Aino Virtanen".to_string()),
            Quote,
            "said in Finnish".to_string(),
        ),
        (
            "港は皆のものだ".to_string(),
            Some(code_point_range(ARTICLE, "港は皆のものだ", 0)),
            None,
            Highlight,
            "A plain-string body".to_string(),
        ),
        (
            "الميناء للجميع".to_string(),
            Some(code_point_range(ARTICLE, "الميناء للجميع", 0)),
            Some("محمد".to_string()),
            Quote,
            String::new(),
        ),
        (
            "הנמל שלנו".to_string(),
            Some(code_point_range(ARTICLE, "הנמל שלנו", 0)),
            None,
            Highlight,
            "Noted".to_string(),
        ),
        // The prefix picks the second of two identical sentences.
        (
            "We will not give up.".to_string(),
            Some(code_point_range(ARTICLE, "We will not give up.", 1)),
            None,
            Highlight,
            "Repeated at the end".to_string(),
        ),
    ];
    assert_eq!(found, expected);
    let arabic = &outcome.annotations[2];
    assert_eq!(
        arabic.created, 1_714_564_800_000,
        "offset +02:00 converted to UTC"
    );
    // A missing time is the import time; foreign ids get fresh Quotemark ids.
    let hebrew = &outcome.annotations[3];
    assert_eq!((hebrew.created, hebrew.modified), (NOW, NOW));
    let ids: Vec<&str> = outcome
        .annotations
        .iter()
        .map(|a| a.id.0.as_str())
        .collect();
    assert!(ids.iter().all(|id| id.starts_with('a')), "{ids:?}");
}

fn one_annotation(selector: Value, body: Value) -> Value {
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://tool.example/anno/1",
        "type": "Annotation",
        "body": body,
        "target": {"source": "https://news.example.org/harbour", "selector": selector}
    })
}

#[test]
fn w3c_import_accepts_every_container_and_field_shape() {
    let quote = json!({"type": "TextQuoteSelector", "exact": "港は皆のものだ"});
    let position = json!({"type": "TextPositionSelector", "start": 166, "end": 173});
    let note = json!({"type": "TextualBody", "purpose": "commenting", "value": "a note"});
    let single = one_annotation(json!([quote, position]), json!([note]));
    let cases: Vec<(&str, Value, Option<TextPositionSelector>)> = vec![
        (
            "single annotation",
            single.clone(),
            Some(TextPositionSelector {
                start: 166,
                end: 173,
            }),
        ),
        (
            "bare list",
            json!([single.clone()]),
            Some(TextPositionSelector {
                start: 166,
                end: 173,
            }),
        ),
        (
            "page",
            json!({"type": "AnnotationPage", "id": "urn:x:p", "items": [single.clone()]}),
            Some(TextPositionSelector {
                start: 166,
                end: 173,
            }),
        ),
        (
            "collection",
            json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
                   "id": "urn:x:c", "first": {"type": "AnnotationPage", "items": [single.clone()]}}),
            Some(TextPositionSelector {
                start: 166,
                end: 173,
            }),
        ),
        (
            "selector as object",
            one_annotation(quote.clone(), json!([note])),
            None,
        ),
        (
            "body as object",
            one_annotation(json!([quote.clone()]), note.clone()),
            None,
        ),
        (
            "body as string",
            one_annotation(json!([quote.clone()]), json!("a note")),
            None,
        ),
        (
            "type as list, bodyValue",
            json!({"type": ["Annotation"], "bodyValue": "a note",
                   "target": {"selector": quote.clone()}}),
            None,
        ),
    ];
    for (label, file, position) in cases {
        let outcome = run_import(&empty_document(), &file.to_string(), ImportMode::Merge)
            .unwrap_or_else(|error| panic!("{label}: {error}"));
        assert_eq!(outcome.report.skipped, vec![], "{label}");
        assert_eq!(outcome.annotations.len(), 1, "{label}");
        let imported = &outcome.annotations[0];
        assert_eq!(imported.selectors.quote.exact, "港は皆のものだ", "{label}");
        assert_eq!(imported.selectors.position, position, "{label}");
        assert_eq!(
            imported.range,
            Some(code_point_range(ARTICLE, "港は皆のものだ", 0)),
            "{label}"
        );
        assert_eq!(imported.note, "a note", "{label}");
    }
}

#[test]
fn w3c_collections_follow_embedded_pages_and_refuse_linked_ones() {
    let item = |exact: &str| {
        one_annotation(
            json!({"type": "TextQuoteSelector", "exact": exact}),
            json!(null),
        )
    };
    let chained = json!({"type": "AnnotationCollection", "id": "urn:x",
        "first": {"type": "AnnotationPage", "items": [item("港は皆のものだ")],
                  "next": {"type": "AnnotationPage", "items": [item("הנמל שלנו")]}}});
    let parsed = parse_w3c(&chained.to_string()).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(parsed.annotations.len(), 2);

    let linked =
        json!({"type": "AnnotationCollection", "id": "urn:x", "first": "https://x.example/page1"});
    assert!(matches!(
        parse_w3c(&linked.to_string()),
        Err(ImportError::WrongShape { .. })
    ));
    let empty = json!({"type": "AnnotationCollection", "id": "urn:x", "total": 0});
    assert_eq!(
        parse_w3c(&empty.to_string()).map(|p| p.annotations.len()),
        Ok(0)
    );
}

#[test]
fn w3c_items_without_a_usable_quote_are_skipped_with_reasons() {
    let position_only = one_annotation(
        json!({"type": "TextPositionSelector", "start": 1, "end": 4}),
        json!(null),
    );
    let no_target = json!({"type": "Annotation", "body": "x"});
    let whole_page = json!({"type": "Annotation", "target": "https://news.example.org/harbour"});
    let not_annotation = json!({"type": "Person", "name": "x"});
    let bad_position = one_annotation(
        json!([{"type": "TextQuoteSelector", "exact": "港"}, {"type": "TextPositionSelector", "start": 5}]),
        json!(null),
    );
    let file = json!([
        position_only,
        no_target,
        whole_page,
        not_annotation,
        bad_position,
        7
    ]);
    let outcome = run_import(&empty_document(), &file.to_string(), ImportMode::Merge)
        .unwrap_or_else(|error| panic!("{error}"));
    let reasons: Vec<(usize, String)> = outcome
        .report
        .skipped
        .iter()
        .map(|s| (s.index, s.reason.clone()))
        .collect();
    let expected = [
        (0, "no TextQuoteSelector"),
        (1, "no target"),
        (2, "whole document"),
        (3, "not Annotation"),
        (4, "both \"start\" and \"end\""),
        (5, "not an annotation"),
    ];
    assert_eq!(reasons.len(), expected.len(), "{reasons:?}");
    for ((index, reason), (expected_index, expected_reason)) in reasons.iter().zip(expected) {
        assert_eq!(*index, expected_index);
        assert!(reason.contains(expected_reason), "{index}: {reason}");
    }
    assert_eq!(outcome.report.added, 0);
}

// ---------------------------------------------------------------------------------------------
// CSV

/// A strict RFC 4180 reader, to check what a spreadsheet would see.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("bare LF line ending"),
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "last row lacks CRLF");
    rows
}

#[test]
fn csv_export_is_spreadsheet_safe_and_complete() {
    let doc = sample_document();
    let csv = export_csv(&doc);
    assert!(csv.starts_with("\u{feff}quote,speaker,note,kind,start,end,status\r\n"));
    let rows = read_csv(csv.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 1 + doc.annotations().len());
    let expected: Vec<Vec<&str>> = vec![
        vec!["quote", "speaker", "note", "kind", "start", "end", "status"],
        vec![
            "We will not give up,",
            "Aino Virtanen",
            "Opening line 🇫🇮",
            "quote",
            "24",
            "44",
            "anchored",
        ],
        vec![
            "We will not give up.",
            "Aino Virtanen",
            "",
            "quote",
            "69",
            "89",
            "moved",
        ],
        vec![
            "👩\u{200d}👩\u{200d}👧 arrived at the cafe\u{301}",
            "",
            "combining e\u{301}, not é",
            "highlight",
            "102",
            "128",
            "anchored",
        ],
        vec![
            "港は皆のものだ",
            "東京の代表",
            "",
            "quote",
            "166",
            "173",
            "anchored",
        ],
        vec![
            "الميناء للجميع",
            "محمد",
            "RTL: Arabic",
            "quote",
            "192",
            "206",
            "anchored",
        ],
        vec!["הנמל שלנו", "נועה", "", "quote", "221", "230", "anchored"],
        vec![
            "Straight \"quotes\" and curly ‘quotes’",
            "",
            "'=HYPERLINK(\"http://evil.example\")\nsecond line, with comma",
            "highlight",
            "234",
            "270",
            "anchored",
        ],
        vec![
            "We will not give up.",
            "",
            "'-2 is a formula too",
            "quote",
            "283",
            "303",
            "anchored",
        ],
        vec![
            "A sentence that was edited away.",
            "",
            "Was in the first draft",
            "highlight",
            "10",
            "42",
            "orphan",
        ],
    ];
    assert_eq!(rows, expected);
    // Quotes are doubled inside quoted fields.
    assert!(csv.contains("\"Straight \"\"quotes\"\" and curly ‘quotes’\""));
}

#[test]
fn csv_neutralises_every_formula_start_in_every_column() {
    let mut doc = sample_document().into_parts();
    doc.speakers[0].name = "@SUM(1+1)".to_string();
    doc.annotations[0].selectors.quote.exact = "+cmd".to_string();
    doc.annotations[0].note = "\tTAB".to_string();
    doc.annotations[1].note = "\rCR".to_string();
    let doc = valid(doc);
    let rows = read_csv(export_csv(&doc).trim_start_matches('\u{feff}'));
    assert_eq!(rows[1][0], "'+cmd");
    assert_eq!(rows[1][1], "'@SUM(1+1)");
    assert_eq!(rows[1][2], "'\tTAB");
    assert_eq!(rows[2][2], "'\rCR");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Import reports and rules

#[test]
fn import_reports_added_duplicates_and_each_skipped_item_with_its_reason() {
    let outcome = run_import(&empty_document(), NATIVE_WITH_PROBLEMS, ImportMode::Merge)
        .unwrap_or_else(|error| panic!("{error}"));
    let report = &outcome.report;
    // Annotation 4's position (290–400) is past the end of this shorter article: it is not
    // skipped but looked for by its quote, which occurs twice here with no context to choose
    // between them, so the anchorer keeps it as an orphan rather than guess. Annotation 13's
    // quote is nowhere in the article: the other orphan.
    assert_eq!((report.added, report.orphans, report.duplicates), (3, 2, 1));
    let orphans: Vec<&str> = outcome
        .annotations
        .iter()
        .filter(|annotation| annotation.status == AnchorStatus::Orphan)
        .map(|annotation| annotation.selectors.quote.exact.as_str())
        .collect();
    assert_eq!(
        orphans,
        [
            "We will not give up.",
            "Nothing like this is in the article"
        ]
    );
    assert_eq!((report.speakers_added, report.speakers_mapped), (1, 0));
    let expected: Vec<(ItemKind, usize, &str)> = vec![
        (ItemKind::Speaker, 1, "the name is empty"),
        (
            ItemKind::Speaker,
            2,
            "another speaker already has the id \"s1\"",
        ),
        (ItemKind::Speaker, 3, "is text, not a speaker"),
        (ItemKind::Annotation, 1, "the quote is empty"),
        (
            ItemKind::Annotation,
            2,
            "its start (50) is after its end (40)",
        ),
        (
            ItemKind::Annotation,
            4,
            "its speaker \"s9\" is not in the file",
        ),
        (ItemKind::Annotation, 5, "its speaker \"s2\" was skipped"),
        (
            ItemKind::Annotation,
            6,
            "the kind \"comment\" is not \"quote\" or \"highlight\"",
        ),
        (
            ItemKind::Annotation,
            7,
            "\"exact\" should be text, not a number",
        ),
        (
            ItemKind::Annotation,
            8,
            "\"created\" is not a date and time",
        ),
        (
            ItemKind::Annotation,
            9,
            "\"start\" should be a whole number of 0 or more, not \"12\"",
        ),
        (ItemKind::Annotation, 11, "is a number, not an annotation"),
        (
            ItemKind::Annotation,
            13,
            "it has a \"start\" but no \"end\"",
        ),
        (
            ItemKind::Annotation,
            14,
            "the quote is too long (10001 characters; at most 10000)",
        ),
        (ItemKind::Tombstone, 1, "the id \"bad id!\" is not usable"),
    ];
    let found: Vec<(ItemKind, usize, String)> = report
        .skipped
        .iter()
        .map(|s| (s.item, s.index, s.reason.clone()))
        .collect();
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((item, index, reason), (expected_item, expected_index, expected_reason)) in
        found.iter().zip(&expected)
    {
        assert_eq!((item, index), (expected_item, expected_index), "{reason}");
        assert!(
            reason.starts_with(expected_reason),
            "{item} {index}: {reason:?} vs {expected_reason:?}"
        );
    }
    assert_eq!(
        report.skipped[3].to_string(),
        "annotation 2: the quote is empty",
        "items are numbered from 1 for people"
    );
    assert_eq!(
        report.to_string(),
        "Imported 3 annotations (2 not found in the article). 1 duplicate left out. \
         15 unusable items skipped. 1 speaker added. \
         The file was made on another version of this article; positions were re-anchored."
    );
}

fn current_document() -> Document {
    let mut doc = sample_document().into_parts();
    doc.annotations.truncate(2); // a1 (Aino, 24..44) and a2
    doc.tombstones.clear();
    doc.next_id = 20;
    valid(doc)
}

fn valid(parts: DocumentParts) -> Document {
    Document::from_parts(parts).expect("the fixture keeps the document's rules")
}

/// A native file in the shape another person's Quotemark would export.
fn native_file(speakers: Value, annotations: Value) -> String {
    json!({"format": "quotemark", "version": 1, "speakers": speakers, "annotations": annotations})
        .to_string()
}

fn native_item(id: &str, exact: &str, nth: usize, speaker: Value, note: &str) -> Value {
    let range = code_point_range(ARTICLE, exact, nth);
    json!({"id": id, "kind": "quote", "exact": exact, "prefix": "", "suffix": "",
           "start": range.start, "end": range.end, "speaker": speaker, "note": note,
           "created": "2024-05-02T08:00:00Z", "modified": "2024-05-02T08:00:00Z"})
}

#[test]
fn merge_maps_speakers_by_name_or_alias_ignoring_case_and_renumbers_colliding_ids() {
    let current = current_document();
    let file = native_file(
        json!([
            {"id": "s1", "name": "a. VIRTANEN", "aliases": [], "colour": 5},
            {"id": "s2", "name": "Mo", "aliases": ["mohammed"], "colour": 6},
            {"id": "s7", "name": "Leila", "aliases": [], "colour": 1}
        ]),
        json!([
            // Same as the current a1 except for the speaker's spelling: a duplicate.
            native_item(
                "a1",
                "We will not give up,",
                0,
                json!("s1"),
                "Opening line 🇫🇮"
            ),
            // Same text and range but a different note: new, and its id "a2" is taken.
            native_item(
                "a2",
                "We will not give up.",
                0,
                json!("s1"),
                "another reading"
            ),
            native_item("a5", "الميناء للجميع", 0, json!("s2"), ""),
            native_item("a6", "הנמל שלנו", 0, json!("s7"), ""),
        ]),
    );
    let outcome =
        run_import(&current, &file, ImportMode::Merge).unwrap_or_else(|error| panic!("{error}"));
    let report = &outcome.report;
    assert_eq!((report.added, report.duplicates), (3, 1));
    assert_eq!((report.speakers_added, report.speakers_mapped), (1, 2));
    assert_eq!(report.skipped, vec![]);

    // Existing content is kept untouched, speakers included.
    assert_eq!(
        outcome.speakers[..current.speakers().len()],
        current.speakers()[..]
    );
    for existing in current.annotations() {
        assert!(
            outcome.annotations.contains(existing),
            "{} kept",
            existing.id.0
        );
    }
    let leila = &outcome.speakers[current.speakers().len()];
    // The file gave Leila slot 1, which a speaker here already has: she takes the least used
    // slot instead, so no two speakers of the article look alike.
    assert!(current.speakers().iter().any(|s| s.colour == 1));
    assert_eq!(
        (leila.id.0.as_str(), leila.name.as_str(), leila.colour),
        ("s7", "Leila", 4)
    );

    let by_exact = |exact: &str, note: &str| {
        outcome
            .annotations
            .iter()
            .find(|a| a.selectors.quote.exact == exact && a.note == note)
            .unwrap_or_else(|| panic!("{exact} missing"))
    };
    let renumbered = by_exact("We will not give up.", "another reading");
    assert_eq!(
        renumbered.id.0, "a20",
        "the colliding id gets the next number"
    );
    assert_eq!(
        renumbered.speaker,
        Some(SpeakerId("s1".into())),
        "mapped by alias"
    );
    let arabic = by_exact("الميناء للجميع", "");
    assert_eq!(arabic.id.0, "a5", "a free id is kept");
    assert_eq!(
        arabic.speaker,
        Some(SpeakerId("s2".into())),
        "mapped by alias, any case"
    );
    assert_eq!(
        by_exact("הנמל שלנו", "").speaker,
        Some(SpeakerId("s7".into()))
    );
    assert_eq!(outcome.next_id, 21);
    assert_eq!(outcome.tombstones, current.tombstones());

    // Annotations stay in article order.
    let starts: Vec<usize> = outcome
        .annotations
        .iter()
        .filter_map(|a| a.range.map(|r| r.start))
        .collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
}

#[test]
fn merging_the_same_file_twice_adds_nothing_the_second_time() {
    let file = export_native(&sample_document(), &article_meta());
    let first =
        run_import(&empty_document(), &file, ImportMode::Merge).unwrap_or_else(|e| panic!("{e}"));
    let merged = valid(DocumentParts {
        article_id: article_meta().id,
        speakers: first.speakers.clone(),
        annotations: first.annotations.clone(),
        tombstones: first.tombstones.clone(),
        next_id: first.next_id,
        ..DocumentParts::default()
    });
    let second = run_import(&merged, &file, ImportMode::Merge).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((second.report.added, second.report.duplicates), (0, 9));
    assert_eq!(second.report.speakers_mapped, 4);
    assert_eq!(second.annotations, merged.annotations());
    assert_eq!(second.speakers, merged.speakers());
}

#[test]
fn replace_keeps_only_the_file_and_records_what_it_removed() {
    let mut current = current_document().into_parts();
    current.tombstones = vec![Tombstone {
        id: AnnotationId("a15".into()),
        revision: 4,
        deleted: CREATED,
        created: 0,
    }];
    let current = valid(current);
    let file = native_file(
        json!([{"id": "s1", "name": "Leila", "aliases": [], "colour": 2}]),
        json!([
            // Same id as a current annotation: replaces it as a newer revision.
            native_item("a1", "港は皆のものだ", 0, json!("s1"), ""),
            // The id of a deleted annotation is never brought back to life.
            native_item("a15", "הנמל שלנו", 0, Value::Null, ""),
        ]),
    );
    let outcome =
        run_import(&current, &file, ImportMode::Replace).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outcome.speakers, vec![speaker("s1", "Leila", &[], 2)]);
    let ids: Vec<&str> = outcome
        .annotations
        .iter()
        .map(|a| a.id.0.as_str())
        .collect();
    assert_eq!(ids, vec!["a1", "a20"]);
    assert_eq!(
        outcome.annotations[0].revision, 2,
        "above the replaced revision 1"
    );
    assert_eq!(
        outcome.annotations[0].selectors.quote.exact,
        "港は皆のものだ"
    );
    let tombstones: Vec<(&str, u32, i64)> = outcome
        .tombstones
        .iter()
        .map(|t| (t.id.0.as_str(), t.revision, t.deleted))
        .collect();
    assert_eq!(tombstones, vec![("a15", 4, CREATED), ("a2", 1, NOW)]);
    assert_eq!(outcome.next_id, 21);
    assert_eq!(
        (outcome.report.added, outcome.report.speakers_added),
        (2, 1)
    );
}

// ---------------------------------------------------------------------------------------------
// The import logic's contract with an anchorer

/// `import` takes the anchorer as a parameter (the widget passes the real one, through
/// `import_action`, as every other test here does). This test is about that contract alone,
/// so it uses a stand-in anchorer whose answers are known in advance: each annotation gets
/// exactly the range and status its anchorer gives, "not found" is an orphan whatever status
/// came with it, and a range outside the article is refused for that item, not applied.
#[test]
fn import_contract_with_the_anchorer_its_answers_are_used_as_given_and_checked() {
    let exported = export_native(&sample_document(), &article_meta());
    let past_the_end = ARTICLE.chars().count() + 1;
    let stand_in_anchorer = |selectors: &Selectors| match selectors.quote.exact.as_str() {
        "港は皆のものだ" => (
            Some(CharRange::new(0, past_the_end)),
            AnchorStatus::Anchored,
        ),
        exact if exact.contains("give up") => (None, AnchorStatus::Fuzzy { score: 0.9 }),
        _ => (
            Some(CharRange::new(3, 7)),
            AnchorStatus::Fuzzy { score: 0.75 },
        ),
    };
    let outcome = import(
        &empty_document(),
        ARTICLE,
        &exported,
        ImportMode::Replace,
        &stand_in_anchorer,
        NOW,
    )
    .unwrap_or_else(|error| panic!("{error}"));

    let given_up: Vec<&Annotation> = outcome
        .annotations
        .iter()
        .filter(|annotation| annotation.selectors.quote.exact.contains("give up"))
        .collect();
    assert_eq!(
        given_up.len(),
        3,
        "a1, a2 and a9 quote \"We will not give up\""
    );
    for annotation in &given_up {
        assert_eq!(
            (annotation.range, annotation.status),
            (None, AnchorStatus::Orphan),
            "{}",
            annotation.id.0
        );
    }
    assert_eq!(outcome.report.orphans, given_up.len());

    let placed: Vec<&Annotation> = outcome
        .annotations
        .iter()
        .filter(|annotation| annotation.range.is_some())
        .collect();
    assert_eq!(placed.len(), outcome.annotations.len() - given_up.len());
    for annotation in &placed {
        assert_eq!(
            (annotation.range, annotation.status),
            (
                Some(CharRange::new(3, 7)),
                AnchorStatus::Fuzzy { score: 0.75 }
            ),
            "{}",
            annotation.id.0
        );
    }

    assert!(
        outcome
            .annotations
            .iter()
            .all(|annotation| annotation.selectors.quote.exact != "港は皆のものだ"),
        "an impossible place is never applied"
    );
    let refused: Vec<&str> = outcome
        .report
        .skipped
        .iter()
        .map(|skipped| skipped.reason.as_str())
        .collect();
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(
        refused[0].starts_with("it was anchored at an impossible position"),
        "{refused:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Unusable files

#[test]
fn unusable_files_are_refused_whole_with_a_readable_reason_and_change_nothing() {
    let huge = format!("[{}]", " ".repeat(MAX_IMPORT_BYTES));
    let newer = json!({"format": "quotemark", "version": 2, "annotations": []}).to_string();
    let cases: Vec<(&str, String, ImportError, &str)> = vec![
        ("empty", String::new(), ImportError::Empty, "empty"),
        (
            "whitespace",
            " \n\t ".to_string(),
            ImportError::Empty,
            "empty",
        ),
        (
            "truncated",
            NATIVE_GOLDEN[..NATIVE_GOLDEN.len() / 2].to_string(),
            ImportError::Truncated,
            "ends unexpectedly",
        ),
        (
            "not JSON",
            "quote,speaker\r\nWe will not give up.,Aino\r\n".to_string(),
            ImportError::NotJson {
                detail: "line 1, column 1".to_string(),
            },
            "not JSON",
        ),
        (
            "newer version",
            newer,
            ImportError::NewerVersion {
                found: 2,
                supported: 1,
            },
            "newer version of Quotemark",
        ),
        (
            "other format",
            json!({"format": "hypothesis", "rows": []}).to_string(),
            ImportError::UnknownFormat {
                detail: "its \"format\" is \"hypothesis\"".to_string(),
            },
            "not Quotemark annotations",
        ),
        (
            "unrelated JSON",
            json!({"name": "package"}).to_string(),
            ImportError::UnknownFormat {
                detail: "it has neither \"format\" nor a Web Annotation \"type\"".to_string(),
            },
            "not Quotemark annotations",
        ),
        (
            "wrong shape",
            json!({"format": "quotemark", "version": 1, "annotations": {"a1": {}}}).to_string(),
            ImportError::WrongShape {
                detail: "\"annotations\" should be a list, not an object".to_string(),
            },
            "damaged",
        ),
        (
            "no annotations",
            json!({"format": "quotemark", "version": 1}).to_string(),
            ImportError::WrongShape {
                detail: "the list of annotations is missing".to_string(),
            },
            "damaged",
        ),
        (
            "huge",
            huge.clone(),
            ImportError::TooLarge {
                bytes: huge.len(),
                limit: MAX_IMPORT_BYTES,
            },
            "too large to import (16.0 MiB; the limit is 16 MiB)",
        ),
    ];
    let current = sample_document();
    let before = current.clone();
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        for (label, file, expected, message) in &cases {
            let result = run_import(&current, file, mode);
            assert_eq!(result.as_ref().err(), Some(expected), "{label}");
            let shown = expected.to_string();
            assert!(shown.contains(message), "{label}: {shown}");
            assert!(shown.ends_with('.'), "{label}: a full sentence: {shown}");
        }
    }
    assert_eq!(current, before, "a failed import changes nothing");
}

#[test]
fn the_import_size_limit_is_exactly_sixteen_mebibytes() {
    // The limit the docs promise (docs/formats.md, README) is the one the code enforces.
    assert_eq!(MAX_IMPORT_BYTES, 16 * 1024 * 1024);
    // At the limit the file is read (here: valid but empty); one byte over is refused.
    let at_limit = format!("[{}]", " ".repeat(MAX_IMPORT_BYTES - 2));
    assert_eq!(at_limit.len(), MAX_IMPORT_BYTES);
    assert!(parse_file(&at_limit).is_ok());
    let over = format!("{at_limit} ");
    assert_eq!(
        parse_file(&over).err(),
        Some(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
            limit: MAX_IMPORT_BYTES,
        })
    );
}

#[test]
fn strings_from_files_stay_plain_text() {
    let file = native_file(
        json!([{"id": "s1", "name": "<img src=x onerror=alert(1)>", "aliases": [], "colour": 0}]),
        json!([native_item(
            "a1",
            "港は皆のものだ",
            0,
            json!("s1"),
            "<script>alert(1)</script> **bold**"
        )]),
    );
    let outcome =
        run_import(&empty_document(), &file, ImportMode::Replace).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outcome.speakers[0].name, "<img src=x onerror=alert(1)>");
    assert_eq!(
        outcome.annotations[0].note,
        "<script>alert(1)</script> **bold**"
    );
}
