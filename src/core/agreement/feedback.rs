//! Feedback for one student against the key: what they found, where their boundaries were off,
//! which speakers they got wrong, what they missed and what they added; a score; a gradebook.
//!
//! **Matching.** Key passages and the student's spans of the same kind are paired one-to-one by
//! the overlap rule of `matching` (IoU ≥ 0.5, greedy by IoU, so exact pairs go first). A
//! student's highlight on a key quote is therefore one miss and one extra.
//!
//! **Score.** Each key passage earns credit: 1 when found exactly; its IoU (0.5 ≤ IoU < 1) when
//! the boundaries are off; 0 when missed; a quote with the wrong speaker earns half of that.
//! The score is a soft F1 so that extras cost as much as misses:
//! `score = 100 · 2·Σcredit / (|key| + |student spans|)`, and 100 when both are empty.

use crate::core::document::AnnotationKind;
use crate::core::interchange::csv::{csv_field, CSV_BOM};
use crate::core::text::CharRange;

use super::export::push_row;
use super::input::{labels_agree, Annotator, Span};
use super::matching::{iou, match_overlap};

/// What became of one key passage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    Found,
    /// Matched by overlap; `distance` = |Δstart| + |Δend| in code points.
    BoundaryOff {
        distance: usize,
        iou: f64,
    },
    Missed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyItem {
    pub key: Span,
    pub student: Option<Span>,
    pub outcome: Outcome,
    /// A matched quote whose speaker disagrees with the key's (alias rule applies).
    pub wrong_speaker: bool,
    pub credit: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    pub name: String,
    /// One per key passage, in key order.
    pub items: Vec<KeyItem>,
    /// The student's spans that match no key passage.
    pub extra: Vec<Span>,
    pub found: usize,
    pub boundary_off: usize,
    /// Counted in addition to `found` / `boundary_off`: a found quote with the wrong speaker is
    /// both.
    pub wrong_speaker: usize,
    pub missed: usize,
    /// 0–100, see the module comment.
    pub score: f64,
}

/// Scores `student` against `key`.
pub fn feedback(student: &Annotator, key: &Annotator) -> Feedback {
    let mut items: Vec<Option<KeyItem>> = vec![None; key.spans.len()];
    let mut extra = Vec::new();
    for kind in [AnnotationKind::Quote, AnnotationKind::Highlight] {
        let key_indices: Vec<usize> = (0..key.spans.len())
            .filter(|&i| key.spans[i].kind == kind)
            .collect();
        let student_indices: Vec<usize> = (0..student.spans.len())
            .filter(|&i| student.spans[i].kind == kind)
            .collect();
        let key_ranges: Vec<CharRange> = key_indices.iter().map(|&i| key.spans[i].range).collect();
        let student_ranges: Vec<CharRange> = student_indices
            .iter()
            .map(|&i| student.spans[i].range)
            .collect();
        let mut student_used = vec![false; student_indices.len()];
        for (k, s) in match_overlap(&key_ranges, &student_ranges) {
            student_used[s] = true;
            let key_span = &key.spans[key_indices[k]];
            let student_span = &student.spans[student_indices[s]];
            let (kr, sr) = (key_span.range, student_span.range);
            let outcome = if kr == sr {
                Outcome::Found
            } else {
                Outcome::BoundaryOff {
                    distance: kr.start.abs_diff(sr.start) + kr.end.abs_diff(sr.end),
                    iou: iou(kr, sr),
                }
            };
            let wrong_speaker = kind == AnnotationKind::Quote
                && !labels_agree(key_span.speaker.as_ref(), student_span.speaker.as_ref());
            let base = match outcome {
                Outcome::Found => 1.0,
                Outcome::BoundaryOff { iou, .. } => iou,
                Outcome::Missed => 0.0,
            };
            items[key_indices[k]] = Some(KeyItem {
                key: key_span.clone(),
                student: Some(student_span.clone()),
                outcome,
                wrong_speaker,
                credit: if wrong_speaker { base / 2.0 } else { base },
            });
        }
        extra.extend(
            student_indices
                .iter()
                .zip(&student_used)
                .filter(|(_, used)| !**used)
                .map(|(&i, _)| student.spans[i].clone()),
        );
    }
    let items: Vec<KeyItem> = items
        .into_iter()
        .zip(&key.spans)
        .map(|(item, key_span)| {
            item.unwrap_or_else(|| KeyItem {
                key: key_span.clone(),
                student: None,
                outcome: Outcome::Missed,
                wrong_speaker: false,
                credit: 0.0,
            })
        })
        .collect();
    extra.sort_by_key(|span| span.range);
    let count = |wanted: fn(&KeyItem) -> bool| items.iter().filter(|item| wanted(item)).count();
    let credit: f64 = items.iter().map(|item| item.credit).sum();
    let total = key.spans.len() + student.spans.len();
    Feedback {
        name: student.name.clone(),
        found: count(|item| item.outcome == Outcome::Found),
        boundary_off: count(|item| matches!(item.outcome, Outcome::BoundaryOff { .. })),
        wrong_speaker: count(|item| item.wrong_speaker),
        missed: count(|item| item.outcome == Outcome::Missed),
        score: if total == 0 {
            100.0
        } else {
            100.0 * 2.0 * credit / total as f64
        },
        items,
        extra,
    }
}

impl Feedback {
    pub fn extra_count(&self) -> usize {
        self.extra.len()
    }
}

/// The gradebook's column names, in order.
pub const GRADEBOOK_HEADER: [&str; 7] = [
    "name",
    "found",
    "boundary_off",
    "wrong_speaker",
    "missed",
    "extra",
    "score",
];

/// One row per student, CSV as in `interchange::csv`: byte order mark, RFC 4180 quoting, CRLF,
/// formula-neutralised names. The score has one decimal.
pub fn gradebook_csv(students: &[Feedback]) -> String {
    let mut out = String::from(CSV_BOM);
    push_row(
        &mut out,
        GRADEBOOK_HEADER.iter().map(|name| csv_field(name)),
    );
    for student in students {
        push_row(
            &mut out,
            [
                csv_field(&student.name),
                student.found.to_string(),
                student.boundary_off.to_string(),
                student.wrong_speaker.to_string(),
                student.missed.to_string(),
                student.extra_count().to_string(),
                format!("{:.1}", student.score),
            ]
            .into_iter(),
        );
    }
    out
}
