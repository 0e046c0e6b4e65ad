//! The classroom comparison: every pair of annotators, each annotator's average, and the
//! overall coefficients, with reading notes where a number needs a caveat.

use crate::core::document::AnnotationKind;
use crate::core::text::CharRange;

use super::clusters::cluster_spans;
use super::coefficients::{cohen_kappa, krippendorff_alpha_nominal};
use super::input::{
    keyed_agree, unify_keyed, unify_labels, Annotator, KeyedLabel, LabelInterner, Layer,
    SpeakerLabel,
};
use super::matching::{count_exact, match_overlap, span_f1, SpanF1};
use super::notes::{label_notes, Note, BOUNDARY_GAP};
use super::unitizing::{unitizing_alpha, unitizing_alpha_pooled, Unitizing};

/// Speaker agreement over the quote pairs that overlap-matched.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpeakerAgreement {
    pub matched: usize,
    pub agreeing: usize,
    /// agreeing / matched; `None` without matched quotes.
    pub proportion: Option<f64>,
    /// Cohen's κ with categories unified across the pair by the alias rule.
    pub kappa: Option<f64>,
}

/// Everything measured between two annotators (indices into the compared list, left < right).
#[derive(Clone, Debug, PartialEq)]
pub struct PairScores {
    pub left: usize,
    pub right: usize,
    pub quotes: SpanF1,
    pub highlights: SpanF1,
    pub all: SpanF1,
    pub speakers: SpeakerAgreement,
    pub notes: Vec<Note>,
}

impl PairScores {
    pub fn layer(&self, layer: Layer) -> &SpanF1 {
        match layer {
            Layer::Quotes => &self.quotes,
            Layer::Highlights => &self.highlights,
            Layer::All => &self.all,
        }
    }
}

/// One annotator's mean over all pairs they are in; undefined pair values are left out of the
/// means rather than counted as zero.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotatorSummary {
    pub name: String,
    pub pairs: usize,
    pub spans: usize,
    /// Means of the all-layer F1.
    pub mean_exact_f1: Option<f64>,
    pub mean_overlap_f1: Option<f64>,
    pub mean_speaker_agreement: Option<f64>,
    pub mean_kappa: Option<f64>,
}

/// α_U for "marked at all", for quotes and highlights as categories of their own, and pooled
/// over the two kinds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitizingScores {
    pub marked: Unitizing,
    pub quotes: Unitizing,
    pub highlights: Unitizing,
    pub by_kind: Unitizing,
}

/// Krippendorff's nominal α on speakers, over clusters of overlapping quotes.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerAlpha {
    pub alpha: Option<f64>,
    /// Clusters with at least two annotators' labels (the pairable units).
    pub units: usize,
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AgreementReport {
    pub annotators: Vec<String>,
    pub text_len: usize,
    /// Every pair (i, j) with i < j, in order (0,1), (0,2), …, (1,2), …
    pub pairs: Vec<PairScores>,
    pub per_annotator: Vec<AnnotatorSummary>,
    pub speaker_alpha: SpeakerAlpha,
    pub unitizing: UnitizingScores,
    pub notes: Vec<Note>,
}

impl AgreementReport {
    /// The scores of annotators `a` and `b`, in either order.
    pub fn pair(&self, a: usize, b: usize) -> Option<&PairScores> {
        let (i, j) = (a.min(b), a.max(b));
        let n = self.annotators.len();
        if i == j || j >= n {
            return None;
        }
        // Pairs before row i: (n−1) + (n−2) + … + (n−i).
        let index = i * (2 * n - i - 1) / 2 + (j - i - 1);
        self.pairs.get(index)
    }
}

fn layer_ranges(annotator: &Annotator, layer: Layer) -> Vec<CharRange> {
    annotator
        .layer(layer)
        .iter()
        .map(|span| span.range)
        .collect()
}

/// An annotator ready for many comparisons: ranges per layer and interned quote speakers, so
/// that each of the m(m−1)/2 pairs does no allocation-heavy preparation of its own.
struct Prepared {
    /// Indexed like [`Layer::EVERY`].
    layers: [Vec<CharRange>; 3],
    /// One per quote, in the order of `layers[0]`.
    quote_labels: Vec<Option<KeyedLabel>>,
}

fn prepare(annotator: &Annotator, interner: &mut LabelInterner) -> Prepared {
    Prepared {
        layers: Layer::EVERY.map(|layer| layer_ranges(annotator, layer)),
        quote_labels: annotator
            .layer(Layer::Quotes)
            .iter()
            .map(|span| span.speaker.as_ref().map(|label| interner.intern(label)))
            .collect(),
    }
}

/// All scores between two annotators; `left`/`right` are only recorded, not used.
pub fn compare_pair(a: &Annotator, b: &Annotator, left: usize, right: usize) -> PairScores {
    let mut interner = LabelInterner::default();
    let (a, b) = (prepare(a, &mut interner), prepare(b, &mut interner));
    compare_prepared(&a, &b, left, right)
}

fn compare_prepared(a: &Prepared, b: &Prepared, left: usize, right: usize) -> PairScores {
    let [quotes_a, highlights_a, all_a] = &a.layers;
    let [quotes_b, highlights_b, all_b] = &b.layers;
    // Quote pairs serve both the quote F1 and speaker agreement.
    let quote_pairs = match_overlap(quotes_a, quotes_b);
    let quotes = SpanF1::from_counts(
        quotes_a.len(),
        quotes_b.len(),
        count_exact(quotes_a, quotes_b),
        quote_pairs.len(),
    );
    let highlights = span_f1(highlights_a, highlights_b);
    let all = span_f1(all_a, all_b);

    let mut labels: Vec<Option<&[u32]>> = Vec::with_capacity(quote_pairs.len() * 2);
    let mut agreeing = 0;
    for &(i, j) in &quote_pairs {
        let (x, y) = (a.quote_labels[i].as_deref(), b.quote_labels[j].as_deref());
        agreeing += usize::from(keyed_agree(x, y));
        labels.push(x);
        labels.push(y);
    }
    let categories = unify_keyed(&labels);
    let category_pairs: Vec<(usize, usize)> = categories
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .collect();
    let matched = quote_pairs.len();
    let speakers = SpeakerAgreement {
        matched,
        agreeing,
        proportion: (matched > 0).then(|| agreeing as f64 / matched as f64),
        kappa: cohen_kappa(&category_pairs),
    };

    let mut notes = Vec::new();
    for (layer, f1) in Layer::EVERY.iter().zip([&quotes, &highlights, &all]) {
        if f1.both_empty() {
            notes.push(Note::both_empty(layer.name()));
        } else if f1.overlap - f1.exact > BOUNDARY_GAP {
            notes.push(Note::boundaries(layer.name(), f1.exact, f1.overlap));
        }
    }
    if speakers.matched == 0 {
        if !quotes.both_empty() {
            notes.push(Note::undefined(
                "Speaker agreement",
                "no quotes of the two overlap",
            ));
        }
    } else {
        notes.extend(label_notes("speaker kappa", speakers.matched, &categories));
        if speakers.kappa.is_none() {
            notes.push(Note::undefined(
                "Speaker kappa",
                "both gave every matched quote the same single speaker",
            ));
        }
    }
    PairScores {
        left,
        right,
        quotes,
        highlights,
        all,
        speakers,
        notes,
    }
}

/// Krippendorff's nominal α on speakers. Units are clusters of overlapping quotes (see
/// `clusters`); an annotator with two quotes in one cluster contributes the earlier one's label,
/// since α allows one value per coder and unit.
pub fn speaker_alpha(annotators: &[Annotator]) -> SpeakerAlpha {
    let clusters = cluster_spans(annotators, AnnotationKind::Quote);
    let mut labels: Vec<Option<&SpeakerLabel>> = Vec::new();
    // Per cluster, per annotator: index into `labels`.
    let mut slots: Vec<Vec<Option<usize>>> = Vec::with_capacity(clusters.len());
    for cluster in &clusters {
        let mut row = vec![None; annotators.len()];
        for member in cluster {
            if row[member.annotator].is_none() {
                row[member.annotator] = Some(labels.len());
                labels.push(
                    annotators[member.annotator].spans[member.span]
                        .speaker
                        .as_ref(),
                );
            }
        }
        slots.push(row);
    }
    let categories = unify_labels(&labels);
    let units: Vec<Vec<Option<usize>>> = slots
        .iter()
        .map(|row| {
            row.iter()
                .map(|slot| slot.map(|index| categories[index]))
                .collect()
        })
        .collect();
    let pairable: Vec<&Vec<Option<usize>>> = units
        .iter()
        .filter(|unit| unit.iter().flatten().count() >= 2)
        .collect();
    let pairable_labels: Vec<usize> = pairable
        .iter()
        .flat_map(|unit| unit.iter().flatten().copied())
        .collect();
    let alpha = krippendorff_alpha_nominal(&units);
    let mut notes = label_notes("speaker alpha", pairable.len(), &pairable_labels);
    if alpha.is_none() {
        notes.push(Note::undefined(
            "Speaker alpha",
            "it needs quotes marked by at least two annotators and more than one speaker among them",
        ));
    }
    SpeakerAlpha {
        alpha,
        units: pairable.len(),
        notes,
    }
}

/// α_U over the article's code points `[0, text_len)`.
pub fn unitizing_scores(annotators: &[Annotator], text_len: usize) -> UnitizingScores {
    let continuum = CharRange::new(0, text_len);
    let units = |layer: Layer| -> Vec<Vec<CharRange>> {
        annotators
            .iter()
            .map(|annotator| layer_ranges(annotator, layer))
            .collect()
    };
    let quotes = units(Layer::Quotes);
    let highlights = units(Layer::Highlights);
    UnitizingScores {
        marked: unitizing_alpha(&units(Layer::All), continuum),
        quotes: unitizing_alpha(&quotes, continuum),
        highlights: unitizing_alpha(&highlights, continuum),
        by_kind: unitizing_alpha_pooled(&[quotes, highlights], continuum),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), value| {
        (sum + value, count + 1)
    });
    (count > 0).then(|| sum / count as f64)
}

/// Compares everyone with everyone. `text_len` is the article's length in code points (the
/// continuum of α_U).
pub fn compare(annotators: &[Annotator], text_len: usize) -> AgreementReport {
    let n = annotators.len();
    let mut interner = LabelInterner::default();
    let prepared: Vec<Prepared> = annotators
        .iter()
        .map(|annotator| prepare(annotator, &mut interner))
        .collect();
    let mut pairs = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            pairs.push(compare_prepared(&prepared[i], &prepared[j], i, j));
        }
    }
    let per_annotator = annotators
        .iter()
        .enumerate()
        .map(|(k, annotator)| {
            let mine: Vec<&PairScores> = pairs
                .iter()
                .filter(|pair| pair.left == k || pair.right == k)
                .collect();
            AnnotatorSummary {
                name: annotator.name.clone(),
                pairs: mine.len(),
                spans: annotator.spans.len(),
                mean_exact_f1: mean(mine.iter().map(|pair| pair.all.exact)),
                mean_overlap_f1: mean(mine.iter().map(|pair| pair.all.overlap)),
                mean_speaker_agreement: mean(
                    mine.iter().filter_map(|pair| pair.speakers.proportion),
                ),
                mean_kappa: mean(mine.iter().filter_map(|pair| pair.speakers.kappa)),
            }
        })
        .collect();
    let unitizing = unitizing_scores(annotators, text_len);
    let mut notes = Vec::new();
    if n < 2 {
        notes.push(Note::undefined(
            "Agreement",
            "it needs at least two annotators' files",
        ));
    } else if unitizing.marked.alpha.is_none() {
        notes.push(Note::undefined(
            "Unitizing alpha",
            "nobody marked anything in the article",
        ));
    }
    AgreementReport {
        annotators: annotators.iter().map(|a| a.name.clone()).collect(),
        text_len,
        pairs,
        per_annotator,
        speaker_alpha: speaker_alpha(annotators),
        unitizing,
        notes,
    }
}
