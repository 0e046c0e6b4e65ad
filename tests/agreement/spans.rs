//! Span F1 (exact and overlap), reading notes, speakers from documents, the pair report.

use quotemark::core::agreement::{compare, compare_pair, span_f1, Annotator, NoteKind, Span};
use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::anchoring::Selectors;
use quotemark::core::document::{
    Annotation, AnnotationId, AnnotationKind, Document, DocumentParts, Speaker, SpeakerId,
};

use super::{close, label, r};

// ---------------------------------------------------------------- span F1

#[test]
fn boundary_shifts_count_for_overlap_but_not_exact() {
    let a = [r(0, 10), r(20, 30), r(40, 50)];
    let b = [r(0, 10), r(21, 30), r(42, 50)];
    let f1 = span_f1(&a, &b);
    assert_eq!((f1.exact_matches, f1.overlap_matches), (1, 3));
    close(f1.exact, 2.0 / 6.0, 1e-12);
    assert_eq!(f1.overlap, 1.0);
}

#[test]
fn iou_of_exactly_one_half_counts() {
    // [0,10) vs [0,5): 5 shared of 10 → IoU = 0.5 exactly; [0,4) gives 0.4.
    assert_eq!(span_f1(&[r(0, 10)], &[r(0, 5)]).overlap_matches, 1);
    assert_eq!(span_f1(&[r(0, 10)], &[r(0, 4)]).overlap_matches, 0);
}

#[test]
fn one_long_span_cannot_match_two_short_ones() {
    // Each half has IoU 0.5 with the whole, but the whole pairs only once: F1 = 2·1/3.
    let f1 = span_f1(&[r(0, 20)], &[r(0, 10), r(10, 20)]);
    assert_eq!(f1.overlap_matches, 1);
    close(f1.overlap, 2.0 / 3.0, 1e-12);
}

#[test]
fn both_empty_is_one_with_a_note() {
    let a = Annotator::new("a", vec![Span::quote(0, 10, None)]);
    let b = Annotator::new("b", vec![Span::quote(0, 10, None)]);
    let pair = compare_pair(&a, &b, 0, 1);
    assert_eq!(pair.highlights.exact, 1.0);
    assert!(pair.highlights.both_empty());
    assert!(pair
        .notes
        .iter()
        .any(|note| note.kind == NoteKind::BothEmpty && note.text.contains("highlights")));
    assert!(!pair
        .notes
        .iter()
        .any(|note| note.kind == NoteKind::BothEmpty && note.text.contains("quotes")));
}

#[test]
fn boundary_disagreement_is_noted() {
    let spans = |shift: usize| -> Vec<Span> {
        (0..4)
            .map(|i| Span::highlight(100 * i + shift, 100 * i + 20))
            .collect()
    };
    let pair = compare_pair(
        &Annotator::new("a", spans(0)),
        &Annotator::new("b", spans(2)),
        0,
        1,
    );
    assert_eq!((pair.highlights.exact, pair.highlights.overlap), (0.0, 1.0));
    assert!(pair
        .notes
        .iter()
        .any(|note| note.kind == NoteKind::BoundaryDisagreement));
}

// ---------------------------------------------------------------- speakers and documents

fn quote(id: &str, start: usize, end: usize, speaker: Option<&str>) -> Annotation {
    Annotation {
        id: AnnotationId(id.to_string()),
        kind: AnnotationKind::Quote,
        range: Some(r(start, end)),
        selectors: Selectors::default(),
        status: AnchorStatus::Anchored,
        speaker: speaker.map(|s| SpeakerId(s.to_string())),
        note: String::new(),
        created: 0,
        modified: 0,
        revision: 0,
        source_id: None,
    }
}

#[test]
fn documents_become_annotators_with_alias_aware_speakers() {
    let mut senator = Speaker::new(SpeakerId("s1".into()), "Jane Roe", 0);
    senator.aliases.push("Sen. Jane Roe".into());
    let mut orphan = quote("a2", 20, 30, Some("s1"));
    orphan.range = None;
    orphan.status = AnchorStatus::Orphan;
    let mut highlight = quote("a3", 40, 50, Some("s1"));
    highlight.kind = AnnotationKind::Highlight;
    let document = |speakers: Vec<Speaker>, annotations: Vec<Annotation>| {
        Document::from_parts(DocumentParts {
            article_id: "article".into(),
            speakers,
            annotations,
            next_id: 100,
            ..DocumentParts::default()
        })
        .expect("a valid document")
    };
    let first = document(
        vec![senator],
        vec![quote("a1", 0, 10, Some("s1")), orphan, highlight],
    );
    let second = document(
        vec![Speaker::new(
            SpeakerId("x9".into()),
            "  sen. JANE   roe ",
            3,
        )],
        vec![quote("b1", 1, 10, Some("x9"))],
    );
    // A speaker whose name is only spaces is no speaker to compare by.
    let blank = document(
        vec![Speaker::new(SpeakerId("b".into()), "   ", 1)],
        vec![quote("c1", 0, 10, Some("b"))],
    );
    let unknowns = Annotator::from_document("Cy", &blank);
    assert!(unknowns.spans.iter().all(|span| span.speaker.is_none()));

    let a = Annotator::from_document("Ann", &first);
    let b = Annotator::from_document("Ben", &second);
    assert_eq!(a.spans.len(), 2, "the orphan is skipped");
    assert_eq!(a.spans[1].speaker, None, "highlights carry no speaker");
    let pair = compare_pair(&a, &b, 0, 1);
    assert_eq!(pair.speakers.matched, 1);
    assert_eq!(pair.speakers.agreeing, 1);
    assert_eq!(pair.speakers.proportion, Some(1.0));
    // One matched pair, both on one speaker: κ is 0/0 and the notes say why.
    assert_eq!(pair.speakers.kappa, None);
    assert!(pair
        .notes
        .iter()
        .any(|note| note.kind == NoteKind::TooFewItems));
    assert!(pair
        .notes
        .iter()
        .any(|note| note.kind == NoteKind::Undefined));
}

#[test]
fn speaker_kappa_uses_matched_quotes_and_flags_a_dominant_speaker() {
    // 20 matched quotes: 18 both "Roe", 1 Roe/Doe, 1 both "Doe". p_o = 19/20;
    // p_e = (19/20)(18/20) + (1/20)(2/20) = 0.86; κ = 0.09/0.14 ≈ 0.643. Roe has 37/40 labels.
    let labels_a: Vec<&str> = [vec!["Roe"; 19], vec!["Doe"]].concat();
    let labels_b: Vec<&str> = [vec!["Roe"; 18], vec!["Doe"; 2]].concat();
    let spans = |labels: &[&str]| -> Vec<Span> {
        labels
            .iter()
            .enumerate()
            .map(|(i, name)| Span::quote(10 * i, 10 * i + 8, label(name)))
            .collect()
    };
    let pair = compare_pair(
        &Annotator::new("a", spans(&labels_a)),
        &Annotator::new("b", spans(&labels_b)),
        0,
        1,
    );
    assert_eq!(pair.speakers.matched, 20);
    close(pair.speakers.proportion.expect("defined"), 0.95, 1e-12);
    close(pair.speakers.kappa.expect("defined"), 0.09 / 0.14, 1e-9);
    assert!(pair
        .notes
        .iter()
        .any(|note| note.kind == NoteKind::DominantLabel));
    assert!(!pair
        .notes
        .iter()
        .any(|note| note.kind == NoteKind::TooFewItems));
}

#[test]
fn report_pairs_and_means() {
    let a = Annotator::new("a", vec![Span::quote(0, 10, None), Span::highlight(20, 30)]);
    let b = Annotator::new("b", vec![Span::quote(0, 10, None)]);
    let c = Annotator::new("c", vec![]);
    let report = compare(&[a, b, c], 100);
    assert_eq!(report.pairs.len(), 3);
    let bc = report.pair(2, 1).expect("pair exists");
    assert_eq!((bc.left, bc.right), (1, 2));
    assert_eq!(report.pair(1, 1), None);
    // a–b: all-layer exact F1 = 2·1/3; a–c: 0. a's mean = 1/3.
    close(
        report.per_annotator[0].mean_exact_f1.expect("defined"),
        1.0 / 3.0,
        1e-12,
    );
    // c took part in no speaker comparison with matched quotes.
    assert_eq!(report.per_annotator[2].mean_speaker_agreement, None);
    assert!(report.unitizing.marked.alpha.is_some());
}

#[test]
fn unitizing_by_kind_separates_quotes_from_highlights() {
    // Both mark [10,20) and [50,60), but call [50,60) a quote and a highlight respectively:
    // "marked at all" agrees perfectly, the per-kind scores do not.
    let a = Annotator::new(
        "a",
        vec![Span::quote(10, 20, None), Span::quote(50, 60, None)],
    );
    let b = Annotator::new(
        "b",
        vec![Span::quote(10, 20, None), Span::highlight(50, 60)],
    );
    let report = compare(&[a, b], 100);
    assert_eq!(report.unitizing.marked.alpha, Some(1.0));
    let by_kind = report.unitizing.by_kind.alpha.expect("defined");
    assert!(by_kind < 0.9, "{by_kind}");
    assert!(report.unitizing.quotes.alpha.expect("defined") < 1.0);
}
