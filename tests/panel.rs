//! What the side panel lists and how the reader moves between highlights, natively: the
//! filter (speaker, unknown speaker, kind, search), what needs review, and stepping from
//! highlight to highlight in article order with wrap-around, skipping orphans.

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::document::{AnnotationId, AnnotationKind, Document, SpeakerId};
use quotemark::core::render::marks::step_through;
use quotemark::core::render::panel::{
    dom_id, matching, needs_review, speaker_filter_from_value, speaker_filter_value, status_label,
    width_class, Filter,
};
use quotemark::core::text::CharRange;

const TEXT: &str = "\"Rents must fall,\" said Ada Moreno. The council met at noon. \
\"Not this year,\" said Ben Okafor. Critics called the plan vague.";

#[path = "support/documents.rs"]
mod documents;
#[path = "support/text.rs"]
mod text;

fn range_of(needle: &str) -> CharRange {
    text::only_code_point_range(TEXT, needle)
}

/// Ada's quote, a quote by nobody known, Ben's quote, and a highlight with a note.
fn document() -> Document {
    let mut document = Document::new("rents");
    for (needle, speaker, note) in [
        ("Rents must fall,", Some("Ada Moreno"), ""),
        ("The council met at noon.", Some(""), ""),
        ("Not this year,", Some("Ben Okafor"), "Check the date"),
        ("Critics called the plan vague.", None, "Which critics?"),
    ] {
        documents::mark(&mut document, TEXT, range_of(needle), speaker, note, 1);
    }
    document
}

fn ids(document: &Document, indices: Vec<usize>) -> Vec<String> {
    indices
        .into_iter()
        .map(|i| document.annotations()[i].selectors.quote.exact.clone())
        .collect()
}

#[test]
fn the_filter_narrows_by_speaker_unknown_speaker_kind_and_search() {
    let document = document();
    let ada = document
        .speaker_named("Ada Moreno")
        .expect("Ada")
        .id
        .clone();
    let by = |filter: Filter| ids(&document, matching(&document, &filter));

    assert_eq!(by(Filter::default()).len(), 4, "no filter lists everything");
    assert_eq!(
        by(Filter {
            speaker: Some(Some(ada)),
            ..Filter::default()
        }),
        ["Rents must fall,"]
    );
    assert_eq!(
        by(Filter {
            speaker: Some(None),
            ..Filter::default()
        }),
        ["The council met at noon."],
        "unknown speaker means quotes without one, not highlights"
    );
    assert_eq!(
        by(Filter {
            kind: Some(AnnotationKind::Highlight),
            ..Filter::default()
        }),
        ["Critics called the plan vague."]
    );
    assert_eq!(
        by(Filter {
            query: "  check THE ".to_owned(),
            ..Filter::default()
        }),
        ["Not this year,"],
        "search is case-insensitive over notes too, and ignores surrounding spaces"
    );
}

#[test]
fn the_speaker_choice_survives_the_round_trip_through_the_select() {
    for choice in [None, Some(None), Some(Some(SpeakerId("s2".to_owned())))] {
        let value = speaker_filter_value(&choice);
        let back = speaker_filter_from_value(&value);
        assert_eq!(back, choice, "{value}");
    }
    assert_eq!(
        speaker_filter_from_value("nonsense"),
        None,
        "unknown values show all"
    );
}

#[test]
fn fuzzy_matches_and_orphans_need_review_and_say_why() {
    let mut document = document();
    assert!(document.annotations().iter().all(|a| !needs_review(a)));
    assert_eq!(status_label(AnchorStatus::Anchored), None);
    assert_eq!(
        status_label(AnchorStatus::Fuzzy { score: 0.874 }).as_deref(),
        Some("fuzzy 87 %")
    );
    document.reanchor_with(|selectors| {
        if selectors.quote.exact.starts_with("Critics") {
            (None, AnchorStatus::Orphan)
        } else {
            (None, AnchorStatus::Fuzzy { score: 0.5 })
        }
    });
    assert!(document.annotations().iter().all(needs_review));
}

#[test]
fn stepping_between_highlights_wraps_around_and_skips_orphans() {
    let mut document = document();
    let order: Vec<AnnotationId> = document
        .annotations()
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let id = |n: usize| order[n - 1].clone();
    assert_eq!(step_through(&document, None, 1), Some(id(1)), "first");
    assert_eq!(step_through(&document, None, -1), Some(id(4)), "last");
    assert_eq!(step_through(&document, Some(&id(2)), 1), Some(id(3)));
    assert_eq!(
        step_through(&document, Some(&id(4)), 1),
        Some(id(1)),
        "wraps"
    );
    assert_eq!(
        step_through(&document, Some(&id(1)), -1),
        Some(id(4)),
        "wraps back"
    );

    let orphaned = document.annotations()[2].selectors.quote.exact.clone();
    document.reanchor_with(|selectors| {
        if selectors.quote.exact == orphaned {
            (None, AnchorStatus::Orphan)
        } else {
            let range = range_of(&selectors.quote.exact);
            (Some(range), AnchorStatus::Anchored)
        }
    });
    assert_eq!(
        step_through(&document, Some(&id(2)), 1),
        Some(id(4)),
        "the orphan has no highlight to go to"
    );
    assert_eq!(step_through(&Document::new("empty"), None, 1), None);
}

#[test]
fn element_ids_stay_distinct_and_bars_never_vanish() {
    assert_ne!(dom_id("card", "a 1"), dom_id("card", "a_1"));
    assert!(dom_id("card", "<x>\"")
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(width_class(0, 10), "qm-w-0");
    assert_eq!(
        width_class(1, 1000),
        "qm-w-5",
        "anything above zero is visible"
    );
    assert_eq!(width_class(10, 10), "qm-w-100");
}
