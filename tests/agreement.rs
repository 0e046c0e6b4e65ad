//! Classroom agreement (issue 16) on worked examples: published values for Cohen's κ,
//! Krippendorff's α and unitizing α, hand-computed span scores, key proposal, feedback and the
//! CSV exports.
#![cfg(not(target_arch = "wasm32"))]

use quotemark::core::agreement::coefficients::{cohen_kappa, krippendorff_alpha_nominal};
use quotemark::core::agreement::report::speaker_alpha;
use quotemark::core::agreement::{
    compare, compare_pair, export_scores_csv, feedback, gradebook_csv, propose_key, span_f1,
    unitizing_alpha, unitizing_alpha_pooled, Annotator, KeyRule, NoteKind, Outcome, Span,
    SpeakerLabel,
};
use quotemark::core::document::{
    AnchorStatus, Annotation, AnnotationId, AnnotationKind, Document, Speaker, SpeakerId,
};
use quotemark::core::selector::{CharRange, Selectors};

fn r(start: usize, end: usize) -> CharRange {
    CharRange::new(start, end)
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

fn label(name: &str) -> Option<SpeakerLabel> {
    Some(SpeakerLabel::new(name, &[]))
}

// ---------------------------------------------------------------- Cohen's κ

/// Pairs for a 2×2 table: both yes, A yes/B no, A no/B yes, both no.
fn two_by_two(yes_yes: usize, yes_no: usize, no_yes: usize, no_no: usize) -> Vec<(usize, usize)> {
    let mut pairs = vec![(1, 1); yes_yes];
    pairs.extend(vec![(1, 0); yes_no]);
    pairs.extend(vec![(0, 1); no_yes]);
    pairs.extend(vec![(0, 0); no_no]);
    pairs
}

#[test]
fn cohen_kappa_textbook_table() {
    // The common textbook table (e.g. the worked example in Wikipedia's "Cohen's kappa"):
    // 50 items, 20 both yes, 5 A-yes/B-no, 10 A-no/B-yes, 15 both no.
    // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
    let kappa = cohen_kappa(&two_by_two(20, 5, 10, 15)).expect("defined");
    close(kappa, 0.4, 1e-12);
}

#[test]
fn cohen_kappa_perfect_and_chance() {
    assert_eq!(cohen_kappa(&two_by_two(10, 0, 0, 7)), Some(1.0));
    // Independent coders: p_o = 0.5 = p_e, κ = 0.
    close(
        cohen_kappa(&two_by_two(5, 5, 5, 5)).expect("defined"),
        0.0,
        1e-12,
    );
    // Systematic disagreement is below chance.
    assert_eq!(cohen_kappa(&two_by_two(0, 5, 5, 0)), Some(-1.0));
}

/// Krippendorff (1995: p. 57), example A (Bertha and Bill) digitised to 24 unit intervals, as
/// tabulated in DKPro Statistics' Krippendorff1995Test: κ = 0.385, nominal α = 0.329.
fn bertha_and_bill() -> Vec<(usize, usize)> {
    let bertha = "001111111100001111110000";
    let bill = "000011110000000110000000";
    bertha
        .bytes()
        .zip(bill.bytes())
        .map(|(a, b)| (usize::from(a - b'0'), usize::from(b - b'0')))
        .collect()
}

#[test]
fn cohen_kappa_and_alpha_on_krippendorff_1995_digitised_example() {
    let pairs = bertha_and_bill();
    close(cohen_kappa(&pairs).expect("defined"), 0.385, 0.001);
    let units: Vec<Vec<Option<usize>>> =
        pairs.iter().map(|&(a, b)| vec![Some(a), Some(b)]).collect();
    close(
        krippendorff_alpha_nominal(&units).expect("defined"),
        0.329,
        0.001,
    );
}

// ---------------------------------------------------------------- Krippendorff's α (nominal)

/// Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", the 4 observers × 12 units
/// example with missing values (also Krippendorff 2004, p. 230, and DKPro Statistics'
/// Krippendorff2004Test.createExample3). Rows are observers A–D, `0` = missing.
const KRIPPENDORFF_2011: [[usize; 12]; 4] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
    [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
];

#[test]
fn krippendorff_alpha_nominal_published_example() {
    let units: Vec<Vec<Option<usize>>> = (0..12)
        .map(|u| {
            KRIPPENDORFF_2011
                .iter()
                .map(|row| (row[u] != 0).then_some(row[u]))
                .collect()
        })
        .collect();
    // Published: α_nominal = 0.743 (D_o = 0.200, D_e = 0.779).
    close(
        krippendorff_alpha_nominal(&units).expect("defined"),
        0.743,
        0.0005,
    );
}

#[test]
fn speaker_alpha_over_quote_clusters_reproduces_the_published_example() {
    // The same data as quotes: unit u is the passage [100u, 100u+10), value v is speaker "Sv",
    // a missing value is an unmarked passage. Observer C's passages are shifted by one code
    // point (IoU 9/11 ≥ 0.5) so that clustering, not exact ranges, makes the units.
    let annotators: Vec<Annotator> = KRIPPENDORFF_2011
        .iter()
        .enumerate()
        .map(|(observer, row)| {
            let shift = usize::from(observer == 2);
            let spans = row
                .iter()
                .enumerate()
                .filter(|(_, &value)| value != 0)
                .map(|(u, value)| {
                    let start = 100 * u + shift;
                    Span::quote(start, start + 10, label(&format!("S{value}")))
                })
                .collect();
            Annotator::new(format!("observer {observer}"), spans)
        })
        .collect();
    let result = speaker_alpha(&annotators);
    // Unit 12 has a single value and is not pairable.
    assert_eq!(result.units, 11);
    close(result.alpha.expect("defined"), 0.743, 0.0005);
}

// ---------------------------------------------------------------- unitizing α

#[test]
fn unitizing_alpha_hand_computed() {
    // Continuum [0, 10), two coders. Coder 1 marks [2,6), coder 2 marks [3,6).
    // Segments: coder 1 gap[0,2) unit[2,6) gap[6,10); coder 2 gap[0,3) unit[3,6) gap[6,10).
    // Observed: only the two units intersect with a non-zero δ² = (2−3)² + (6−6)² = 1 (the unit
    // [2,6) only partly overlaps gap[0,3), which scores 0). D_o = 2·1 / (2·1·10²) = 0.01.
    // Expected: unit lengths 4 and 3 (N = 2), gap lengths 2, 4, 3, 4.
    //   l = 4: (N−1)(2·64 − 3·16 + 4)/3 = 28, gaps ≥ 4: (1 + 1)·16 = 32 → 60
    //   l = 3: (2·27 − 3·9 + 3)/3 = 10, gaps ≥ 3: (2 + 1 + 2)·9 = 45 → 55
    //   numerator = (2/10)·115 = 23; denominator = 20·19 − (4·3 + 3·2) = 362.
    // D_e = 23/362; α_U = 1 − 0.01·362/23 = 1 − 3.62/23 ≈ 0.8426.
    let result = unitizing_alpha(&[vec![r(2, 6)], vec![r(3, 6)]], r(0, 10));
    close(result.observed, 0.01, 1e-12);
    close(result.expected, 23.0 / 362.0, 1e-12);
    close(result.alpha.expect("defined"), 1.0 - 3.62 / 23.0, 1e-12);
}

/// Krippendorff (2004: p. 254) example as used by DKPro Statistics' unitizing
/// Krippendorff2004Test: continuum [150, 450), two coders, categories c and k.
fn krippendorff_2004_unitizing() -> (Vec<Vec<CharRange>>, Vec<Vec<CharRange>>) {
    let c = vec![
        vec![r(225, 295), r(370, 400)],
        vec![r(220, 300), r(355, 375), r(400, 420)],
    ];
    let k = vec![
        vec![r(180, 240), r(300, 350)],
        vec![r(180, 240), r(300, 350)],
    ];
    (c, k)
}

#[test]
fn unitizing_alpha_krippendorff_2004_example() {
    let (c, k) = krippendorff_2004_unitizing();
    let continuum = r(150, 450);
    // δ² by hand: 5² + 5² = 50, 15² + 25² = 850, a unit of 20 inside a gap: 400 → D_o =
    // 2·1300 / (2·300²) = 0.01444.
    let alpha_c = unitizing_alpha(&c, continuum);
    close(alpha_c.observed, 0.0144, 0.0001);
    close(alpha_c.expected, 0.0532, 0.0001);
    close(alpha_c.alpha.expect("defined"), 0.7286, 0.0001);
    let alpha_k = unitizing_alpha(&k, continuum);
    assert_eq!(alpha_k.observed, 0.0);
    close(alpha_k.expected, 0.0490, 0.0001);
    assert_eq!(alpha_k.alpha, Some(1.0));
    close(
        unitizing_alpha_pooled(&[c, k], continuum)
            .alpha
            .expect("defined"),
        0.8591,
        0.0005,
    );
}

/// Per coder, units as (start, end) on the 24-interval continuum.
type Coders = Vec<Vec<(usize, usize)>>;

#[test]
fn unitizing_alpha_krippendorff_1995_examples() {
    // Krippendorff (1995: p. 57), four pairs of coders on 24 intervals, as tabulated in DKPro
    // Statistics' Krippendorff1995Test. Observed disagreements are exact at length 24; the
    // expected ones and α are published for a fine-grained continuum (stretched 50,000 times)
    // and DKPro notes a small error in the published D_E, hence the wider tolerances.
    let examples: [(&str, Coders, f64, f64, f64); 4] = [
        (
            "A",
            vec![vec![(2, 10), (14, 20)], vec![(4, 8), (15, 17)]],
            0.03125,
            0.06990,
            0.553,
        ),
        (
            "B",
            vec![
                vec![(0, 18)],
                vec![(0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 9), (9, 10)],
            ],
            2.26736,
            1.17731,
            -0.926,
        ),
        (
            "C",
            vec![
                vec![(2, 8), (10, 12), (14, 18), (20, 22)],
                vec![(0, 2), (4, 8), (10, 14), (16, 18), (20, 22)],
            ],
            0.02777,
            0.08642,
            0.679,
        ),
        (
            "D",
            vec![
                vec![(0, 2), (2, 10), (10, 14), (14, 20), (20, 24)],
                vec![(0, 4), (4, 8), (8, 15), (15, 17), (17, 24)],
            ],
            0.38715,
            0.41445,
            0.066,
        ),
    ];
    for (name, coders, observed, expected, alpha) in examples {
        let at = |stretch: usize| -> Vec<Vec<CharRange>> {
            coders
                .iter()
                .map(|units| {
                    units
                        .iter()
                        .map(|&(s, e)| r(s * stretch, e * stretch))
                        .collect()
                })
                .collect()
        };
        let small = unitizing_alpha(&at(1), r(0, 24));
        close(small.observed, observed, 0.00001);
        let fine = unitizing_alpha(&at(50_000), r(0, 24 * 50_000));
        close(fine.expected, expected, 0.005);
        let value = fine.alpha.expect("defined");
        assert!((value - alpha).abs() <= 0.02, "{name}: {value} vs {alpha}");
    }
}

#[test]
fn unitizing_alpha_is_undefined_when_nobody_marks_anything() {
    let result = unitizing_alpha(&[vec![], vec![]], r(0, 100));
    assert_eq!(result.alpha, None);
}

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
    }
}

#[test]
fn documents_become_annotators_with_alias_aware_speakers() {
    let mut senator = Speaker::new(SpeakerId("s1".into()), "Jane Roe", 0);
    senator.aliases.push("Sen. Jane Roe".into());
    let mut first = Document::new("article");
    first.speakers.push(senator);
    first.annotations.push(quote("a1", 0, 10, Some("s1")));
    let mut orphan = quote("a2", 20, 30, Some("s1"));
    orphan.range = None;
    orphan.status = AnchorStatus::Orphan;
    first.annotations.push(orphan);
    let mut highlight = quote("a3", 40, 50, Some("s1"));
    highlight.kind = AnnotationKind::Highlight;
    first.annotations.push(highlight);

    let mut second = Document::new("article");
    second.speakers.push(Speaker::new(
        SpeakerId("x9".into()),
        "  sen. JANE   roe ",
        3,
    ));
    second.annotations.push(quote("b1", 1, 10, Some("x9")));

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
