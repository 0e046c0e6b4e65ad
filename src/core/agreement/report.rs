//! The classroom comparison: every pair of annotators, each annotator's average, and the
//! overall coefficients, with reading notes where a number needs a caveat.

use crate::core::document::AnnotationKind;
use crate::core::selector::CharRange;

use super::clusters::cluster_spans;
use super::coefficients::{cohen_kappa, krippendorff_alpha_nominal};
use super::input::{labels_agree, unify_labels, Annotator, Layer, SpeakerLabel};
use super::matching::{match_overlap, span_f1, SpanF1};
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

/// Speaker agreement on overlap-matched quotes, plus the category sequence for the notes.
fn speaker_agreement(a: &Annotator, b: &Annotator) -> (SpeakerAgreement, Vec<usize>) {
    let quotes_a = a.layer(Layer::Quotes);
    let quotes_b = b.layer(Layer::Quotes);
    let ranges_a: Vec<CharRange> = quotes_a.iter().map(|span| span.range).collect();
    let ranges_b: Vec<CharRange> = quotes_b.iter().map(|span| span.range).collect();
    let matched = match_overlap(&ranges_a, &ranges_b);
    let mut labels: Vec<Option<&SpeakerLabel>> = Vec::with_capacity(matched.len() * 2);
    let mut agreeing = 0;
    for &(i, j) in &matched {
        let (x, y) = (quotes_a[i].speaker.as_ref(), quotes_b[j].speaker.as_ref());
        agreeing += usize::from(labels_agree(x, y));
        labels.push(x);
        labels.push(y);
    }
    let categories = unify_labels(&labels);
    let pairs: Vec<(usize, usize)> = categories
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .collect();
    let count = matched.len();
    (
        SpeakerAgreement {
            matched: count,
            agreeing,
            proportion: (count > 0).then(|| agreeing as f64 / count as f64),
            kappa: cohen_kappa(&pairs),
        },
        categories,
    )
}

/// All scores between two annotators; `left`/`right` are only recorded, not used.
pub fn compare_pair(a: &Annotator, b: &Annotator, left: usize, right: usize) -> PairScores {
    let [quotes, highlights, all] =
        Layer::EVERY.map(|layer| span_f1(&layer_ranges(a, layer), &layer_ranges(b, layer)));
    let (speakers, categories) = speaker_agreement(a, b);
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
    let mut pairs = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            pairs.push(compare_pair(&annotators[i], &annotators[j], i, j));
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
