//! The teacher's side: key proposal, student feedback, gradebook and scores CSV.

use quotemark::core::agreement::{
    compare, export_scores_csv, feedback, gradebook_csv, propose_key, Annotator, KeyRule, Outcome,
    Span, SpeakerLabel,
};
use quotemark::core::document::AnnotationKind;
use quotemark::core::text::CharRange;

use super::{close, label, r};

// ---------------------------------------------------------------- key proposal

fn jane() -> Option<SpeakerLabel> {
    Some(SpeakerLabel::new("Jane Roe", &["Sen. Jane Roe"]))
}

fn classroom() -> Vec<Annotator> {
    vec![
        Annotator::new(
            "A",
            vec![
                Span::quote(0, 10, jane()),
                Span::quote(20, 30, jane()),
                Span::quote(40, 50, jane()),
                Span::highlight(60, 70),
            ],
        ),
        Annotator::new(
            "B",
            vec![
                Span::quote(0, 10, jane()),
                Span::quote(20, 30, jane()),
                Span::quote(40, 50, label("John Doe")),
            ],
        ),
        Annotator::new(
            "C",
            vec![
                Span::quote(0, 10, label("jane roe")),
                Span::quote(21, 30, label("Sen. Jane Roe")),
            ],
        ),
    ]
}

#[test]
fn key_rules_accept_by_support() {
    let class = classroom();
    let accepted = |rule| -> Vec<CharRange> {
        propose_key(&class, rule)
            .accepted()
            .map(|passage| passage.range)
            .collect()
    };
    assert_eq!(accepted(KeyRule::Unanimous), vec![r(0, 10), r(20, 30)]);
    assert_eq!(
        accepted(KeyRule::Majority),
        vec![r(0, 10), r(20, 30), r(40, 50)]
    );
    assert_eq!(accepted(KeyRule::AtLeast(3)), vec![r(0, 10), r(20, 30)]);
    assert_eq!(accepted(KeyRule::AtLeast(1)).len(), 4);
}

#[test]
fn key_passages_carry_support_and_disputes() {
    let key = propose_key(&classroom(), KeyRule::Majority);
    assert_eq!(key.passages.len(), 4);
    let [unanimous, shifted, split, lonely] = [0, 1, 2, 3].map(|i| &key.passages[i]);

    assert_eq!(unanimous.supporters, 3);
    assert!(!unanimous.disputed, "same range, speakers agree by alias");

    // Two of three chose [20,30): that is the key's range; the boundaries are disputed.
    assert_eq!(shifted.range, r(20, 30));
    assert!(shifted.boundaries_disputed && !shifted.speaker_disputed && shifted.disputed);
    assert_eq!(shifted.support.len(), 3);
    assert_eq!(shifted.support[2].name, "C");
    assert_eq!(shifted.support[2].range, r(21, 30));

    // One Jane, one John: a tie goes to the label seen first; support is below unanimity.
    assert_eq!(split.supporters, 2);
    assert!(split.speaker_disputed && split.disputed && split.accepted);
    assert_eq!(split.speaker, jane());

    assert_eq!(lonely.kind, AnnotationKind::Highlight);
    assert!(!lonely.accepted && lonely.disputed);
}

#[test]
fn key_range_ties_go_to_the_earliest() {
    let class = vec![
        Annotator::new("A", vec![Span::highlight(2, 10)]),
        Annotator::new("B", vec![Span::highlight(0, 10)]),
    ];
    let key = propose_key(&class, KeyRule::Unanimous);
    assert_eq!(key.passages[0].range, r(0, 10));
}

// ---------------------------------------------------------------- feedback

#[test]
fn feedback_categories_and_score() {
    let key = Annotator::new(
        "key",
        vec![
            Span::quote(0, 10, jane()),
            Span::quote(20, 30, jane()),
            Span::quote(40, 50, label("John Doe")),
            Span::highlight(60, 70),
        ],
    );
    let student = Annotator::new(
        "Sam",
        vec![
            Span::quote(0, 10, label("SEN. JANE ROE")),
            Span::quote(22, 30, jane()),
            Span::quote(40, 50, jane()),
            Span::quote(80, 90, None),
        ],
    );
    let result = feedback(&student, &key);
    assert_eq!(result.found, 2);
    assert_eq!(result.boundary_off, 1);
    assert_eq!(result.wrong_speaker, 1);
    assert_eq!(result.missed, 1);
    assert_eq!(result.extra_count(), 1);
    assert_eq!(result.extra[0].range, r(80, 90));
    match result.items[1].outcome {
        Outcome::BoundaryOff { distance, iou } => {
            assert_eq!(distance, 2);
            close(iou, 0.8, 1e-12);
        }
        other => panic!("expected a boundary miss, got {other:?}"),
    }
    assert!(result.items[2].wrong_speaker);
    assert_eq!(result.items[3].outcome, Outcome::Missed);
    // Credits 1 + 0.8 + 0.5 (wrong speaker halves) + 0 = 2.3; 100·2·2.3 / (4 + 4) = 57.5.
    close(result.score, 57.5, 1e-9);
}

#[test]
fn feedback_perfect_and_empty() {
    let key = Annotator::new("key", vec![Span::quote(0, 10, jane())]);
    let copy = Annotator::new("Ada", key.spans.clone());
    assert_eq!(feedback(&copy, &key).score, 100.0);
    let nothing = Annotator::new("Zed", vec![]);
    let result = feedback(&nothing, &key);
    assert_eq!((result.missed, result.score), (1, 0.0));
    assert_eq!(
        feedback(&nothing, &Annotator::new("key", vec![])).score,
        100.0
    );
}

#[test]
fn feedback_from_a_proposed_key() {
    let class = classroom();
    let key = propose_key(&class, KeyRule::Unanimous).to_annotator("key");
    assert_eq!(key.spans.len(), 2);
    let result = feedback(&class[2], &key);
    assert_eq!(
        (result.found, result.boundary_off, result.missed),
        (1, 1, 0)
    );
}

// ---------------------------------------------------------------- CSV

#[test]
fn gradebook_csv_quotes_and_neutralises_names() {
    let key = Annotator::new("key", vec![Span::quote(0, 10, None)]);
    let students = [
        feedback(
            &Annotator::new("Doe, \"JJ\"", vec![Span::quote(0, 10, None)]),
            &key,
        ),
        feedback(&Annotator::new("=HYPERLINK(\"x\")", vec![]), &key),
        feedback(&Annotator::new("-1", vec![Span::quote(0, 6, None)]), &key),
    ];
    let csv = gradebook_csv(&students);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines,
        vec![
            "name,found,boundary_off,wrong_speaker,missed,extra,score",
            "\"Doe, \"\"JJ\"\"\",1,0,0,0,0,100.0",
            "\"'=HYPERLINK(\"\"x\"\")\",0,0,0,1,0,0.0",
            // [0,6) against [0,10): IoU 0.6; 100·2·0.6/2 = 60.
            "'-1,0,1,0,0,0,60.0",
            "",
        ]
    );
}

#[test]
fn scores_csv_has_one_table_with_safe_names_and_plain_numbers() {
    let a = Annotator::new(
        "@alice",
        vec![
            Span::quote(0, 10, label("X")),
            Span::quote(20, 30, label("Y")),
        ],
    );
    let b = Annotator::new(
        "Bob, Jr.",
        vec![
            Span::quote(0, 10, label("Y")),
            Span::quote(20, 30, label("X")),
        ],
    );
    let report = compare(&[a, b], 100);
    let csv = export_scores_csv(&report);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .trim_end()
        .split("\r\n")
        .collect();
    // Header, one pair, two annotators, overall.
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("scope,annotator,other,quotes_exact_f1"));
    assert!(
        lines[1].starts_with(
            "pair,'@alice,\"Bob, Jr.\",1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,2,0.0000,-1.0000,"
        ),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("annotator,'@alice,,"));
    assert!(lines[4].starts_with("overall,"));
}
