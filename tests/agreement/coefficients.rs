//! Cohen's κ, Krippendorff's α and unitizing α against published and hand-computed values.

use quotemark::core::agreement::coefficients::{cohen_kappa, krippendorff_alpha_nominal};
use quotemark::core::agreement::report::speaker_alpha;
use quotemark::core::agreement::{unitizing_alpha, unitizing_alpha_pooled, Annotator, Span};
use quotemark::core::text::CharRange;

use super::{close, label, r};

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
