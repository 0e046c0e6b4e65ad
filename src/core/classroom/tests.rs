//! The teacher's path natively: three invented files loaded, one refused, passages and their
//! levels, curation with undo and saving, the key and feedback files read back.

use super::curation::{curate, key_annotator, key_file};
use super::handback::feedback_file;
use super::passages::speaker_names;
use super::plain::{agreement_plain, feedback_plain};
use super::*;
use crate::core::agreement::{compare, feedback};
use crate::core::anchoring::capture;
use crate::core::article::{content_hash, SourceFormat};
use crate::core::document::{Action, AnnotationKind, Document, NewAnnotation};
use crate::core::interchange::{export_native_by, parse_file, ArticleMeta};
use crate::core::text::CharRange;

const TEXT: &str = "Harbour news\n\n\"We will rebuild the pier,\" said Mayor Ada Holm. \
                    The fishers were sceptical. \"Nobody asked us,\" said Bo Lind.";

fn range_of(needle: &str) -> CharRange {
    let byte = TEXT.find(needle).expect("needle in text");
    let start = TEXT[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn meta(text: &str) -> ArticleMeta {
    ArticleMeta {
        id: "harbour".into(),
        title: "Harbour news".into(),
        source: SourceFormat::Text,
        content_hash: content_hash(text),
    }
}

/// A native file made the way a student's widget makes it.
fn file(annotator: Option<&str>, text: &str, marks: &[(&str, Option<&str>)]) -> String {
    let mut doc = Document::new("harbour");
    for (needle, speaker) in marks {
        let byte = text.find(needle).expect("needle");
        let start = text[..byte].chars().count();
        let range = CharRange::new(start, start + needle.chars().count());
        let selectors = capture(text, range).expect("capture");
        let action = match speaker {
            Some(name) => Action::AddAnnotation(NewAnnotation::selected(
                AnnotationKind::Quote,
                range,
                selectors,
                (*name).into(),
                String::new(),
            )),
            None => Action::CreateAnnotation {
                kind: AnnotationKind::Highlight,
                range,
                selectors,
                speaker: None,
                note: String::new(),
            },
        };
        doc.apply(action, 1).expect("mark");
    }
    export_native_by(&doc, &meta(text), annotator)
}

fn class() -> Class {
    let files = vec![
        (
            "ann.json".to_owned(),
            file(
                Some("Ann"),
                TEXT,
                &[
                    ("We will rebuild the pier,", Some("Ada Holm")),
                    ("Nobody asked us,", Some("Bo Lind")),
                ],
            ),
        ),
        (
            "ben.json".to_owned(),
            file(
                None,
                TEXT,
                &[
                    ("We will rebuild the pier,", Some("Ada Holm")),
                    ("Nobody asked us", Some("Ada Holm")),
                ],
            ),
        ),
        (
            "cy.json".to_owned(),
            file(
                Some("Cy"),
                TEXT,
                &[("We will rebuild the pier,", Some("Mayor Ada Holm"))],
            ),
        ),
        (
            "other.json".to_owned(),
            file(
                Some("Dee"),
                "A completely different story about trains and buses.",
                &[("trains", None), ("buses", None)],
            )
            .replace("\"harbour\"", "\"trains\""),
        ),
    ];
    load_class("harbour", TEXT, &files, 5)
}

#[test]
fn files_are_named_by_annotator_else_file_name_and_another_article_is_refused() {
    let class = class();
    let names: Vec<&str> = class.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Ann", "ben", "Cy"]);
    assert_eq!(class.refused.len(), 1);
    let refused = &class.refused[0];
    assert!(
        refused
            .message
            .starts_with("“other.json” was made on a different article"),
        "{}",
        refused.message
    );
    assert!(class.files[0]
        .summary()
        .starts_with("Imported 2 annotations."));
}

#[test]
fn an_edited_article_re_anchors_and_says_so() {
    let edited = TEXT.replace("Harbour news", "Harbour news, updated");
    let content = file(Some("Ann"), TEXT, &[("Nobody asked us,", Some("Bo Lind"))]);
    let class = load_class("harbour", &edited, &[("a.json".into(), content)], 5);
    assert!(class.refused.is_empty());
    let summary = class.files[0].summary();
    assert!(summary.contains("re-anchored"), "{summary}");
}

#[test]
fn passages_carry_levels_speakers_and_details() {
    let class = class();
    let annotators = class.annotators();
    let blocks = vec![
        CharRange::new(0, 12),
        CharRange::new(14, TEXT.chars().count()),
    ];
    let view = passage_view(&blocks, &annotators, &Filter::default());
    assert!(view[0].is_empty());
    let pier = range_of("We will rebuild the pier,");
    let first = &view[1][0];
    assert_eq!((first.range, first.level), (pier, Level::All));
    assert_eq!(first.speakers, ["Ada Holm", "Mayor Ada Holm"]);
    let nobody = &view[1][1];
    assert_eq!(nobody.level, Level::Some);
    assert_eq!(nobody.annotators, [0, 1]);
    let details = passage_details(&annotators, &Filter::default(), nobody.range, TEXT);
    assert_eq!(details.len(), 2);
    assert_eq!(details[1].annotator, "ben");
    assert_eq!(details[1].text, "Nobody asked us");
    // Filtering by annotator recounts the levels; by speaker keeps only those quotes.
    let only_ann = Filter {
        annotators: Some(vec![0]),
        speaker: None,
    };
    let view = passage_view(&blocks, &annotators, &only_ann);
    assert!(view[1].iter().all(|p| p.level == Level::One));
    let bo = Filter {
        annotators: None,
        speaker: Some("bo  lind".into()),
    };
    let view = passage_view(&blocks, &annotators, &bo);
    assert_eq!(view[1].len(), 1);
    assert_eq!(view[1][0].annotators, [0]);
    assert_eq!(
        speaker_names(&annotators),
        ["Ada Holm", "Bo Lind", "Mayor Ada Holm"]
    );
}

#[test]
fn curation_undoes_saves_and_builds_a_key_that_imports() {
    let class = class();
    let annotators = class.annotators();
    let mut history = CurationHistory::default();
    let (_, curated) = curate(&annotators, &history.current);
    assert_eq!(curated.len(), 2);
    assert!(
        curated[0].in_key && curated[1].in_key,
        "majority: 3/3 and 2/3"
    );
    assert!(history.set_rule(RuleChoice::Unanimous));
    let (_, curated) = curate(&annotators, &history.current);
    assert!(!curated[1].in_key);
    let id = curated[1].id.clone();
    assert!(history.decide(&id, Some(Verdict::Accept)));
    let (_, curated) = curate(&annotators, &history.current);
    assert!(curated[1].in_key);
    assert!(history.undo());
    let (_, curated) = curate(&annotators, &history.current);
    assert!(!curated[1].in_key);
    assert!(history.redo());
    let nobody = range_of("Nobody asked us,");
    history.decide(
        &id,
        Some(Verdict::Edit {
            start: nobody.start,
            end: nobody.end,
            speaker: Some("Bo Lind".into()),
        }),
    );
    let saved = history.encode();
    let restored = CurationHistory::decode(&saved).expect("decodes");
    assert_eq!(restored, history);
    assert!(CurationHistory::decode("{\"format\":\"x\"}").is_none());
    assert!(CurationHistory::is_newer(
        &saved.replace("\"version\":1", "\"version\":9")
    ));

    let (_, curated) = curate(&annotators, &history.current);
    let key = key_file(&meta(TEXT), TEXT, &curated);
    let parsed = parse_file(&key).expect("the key is an ordinary file");
    assert_eq!(parsed.annotator.as_deref(), Some("Answer key"));
    assert_eq!(parsed.annotations.len(), 2);
    let loaded = load_class("harbour", TEXT, &[("key.json".into(), key)], 6);
    let key_spans = &loaded.files[0].annotator().spans;
    assert_eq!(key_spans[1].range, nobody);
    assert_eq!(
        key_spans[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Bo Lind")
    );

    // Feedback: ben found the pier and was off on "Nobody" with the wrong speaker.
    let key = key_annotator(&curated);
    let ben = feedback(&annotators[1], &key);
    let plain = feedback_plain(&ben);
    assert_eq!(plain["found"], 1);
    assert_eq!(plain["boundaryOff"], 1);
    assert_eq!(plain["wrongSpeaker"], 1);
    assert_eq!(plain["items"][1]["outcome"], "boundary off");
    let handed_back = feedback_file(&meta(TEXT), TEXT, &ben);
    let parsed = parse_file(&handed_back).expect("feedback is an ordinary file");
    let notes: Vec<&str> = parsed.annotations.iter().map(|a| a.note.as_str()).collect();
    assert!(notes.contains(&"Your mark: boundary off."), "{notes:?}");
    assert!(
        notes.iter().any(|n| n.starts_with(
            "Key: found, boundary off by 1 character. Wrong speaker: you gave Ada Holm"
        )),
        "{notes:?}"
    );
    let kinds: Vec<AnnotationKind> = parsed.annotations.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == AnnotationKind::Quote)
            .count(),
        2
    );
}

#[test]
fn the_agreement_object_has_the_documented_shape() {
    let class = class();
    let annotators = class.annotators();
    let report = compare(&annotators, TEXT.chars().count());
    let plain = agreement_plain(&report);
    assert_eq!(plain["pairs"].as_array().map(Vec::len), Some(3));
    assert_eq!(plain["pairs"][0]["a"], "Ann");
    assert_eq!(plain["pairs"][0]["b"], "ben");
    assert_eq!(plain["pairs"][0]["spanF1Overlap"], 1.0);
    assert_eq!(plain["pairs"][0]["spanF1Exact"], 0.5);
    assert!(plain["alphaU"].is_number());
    assert_eq!(plain["annotators"][2]["name"], "Cy");
    assert!(plain["notes"].is_array());
}
