//! The plain objects the compare handle returns (`agreement()`, `feedback(name)`), built as JSON
//! values here so their shape is tested natively. Undefined numbers are `null`.

use serde_json::{json, Value};

use crate::core::agreement::{AgreementReport, Feedback, Outcome, Span};
use crate::core::document::AnnotationKind;

fn kind_name(kind: AnnotationKind) -> &'static str {
    match kind {
        AnnotationKind::Quote => "quote",
        AnnotationKind::Highlight => "highlight",
    }
}

/// `{ pairs: [{ a, b, spanF1Exact, spanF1Overlap, speakerAgreement, kappa }], alphaU,
/// alphaSpeaker, annotators: [{ name, spans, meanSpanF1Exact, … }], notes: [text] }`; the pair
/// scores are over quotes and highlights together (the "all" layer).
pub fn agreement_plain(report: &AgreementReport) -> Value {
    let name = |index: usize| report.annotators.get(index).cloned().unwrap_or_default();
    let pairs: Vec<Value> = report
        .pairs
        .iter()
        .map(|pair| {
            json!({
                "a": name(pair.left),
                "b": name(pair.right),
                "spanF1Exact": pair.all.exact,
                "spanF1Overlap": pair.all.overlap,
                "speakerAgreement": pair.speakers.proportion,
                "kappa": pair.speakers.kappa,
            })
        })
        .collect();
    let annotators: Vec<Value> = report
        .per_annotator
        .iter()
        .map(|summary| {
            json!({
                "name": summary.name,
                "spans": summary.spans,
                "meanSpanF1Exact": summary.mean_exact_f1,
                "meanSpanF1Overlap": summary.mean_overlap_f1,
                "meanSpeakerAgreement": summary.mean_speaker_agreement,
                "meanKappa": summary.mean_kappa,
            })
        })
        .collect();
    let notes: Vec<Value> = report
        .notes
        .iter()
        .chain(report.speaker_alpha.notes.iter())
        .map(|note| Value::from(note.text.clone()))
        .collect();
    json!({
        "pairs": pairs,
        "alphaU": report.unitizing.marked.alpha,
        "alphaSpeaker": report.speaker_alpha.alpha,
        "annotators": annotators,
        "notes": notes,
    })
}

fn span_plain(span: &Span) -> Value {
    json!({
        "start": span.range.start,
        "end": span.range.end,
        "kind": kind_name(span.kind),
        "speaker": span.speaker.as_ref().map(|label| label.name.clone()),
    })
}

/// `{ name, found, boundaryOff, wrongSpeaker, missed, extra, score, items: [{ key, student,
/// outcome: "found" | "boundary off" | "missed", wrongSpeaker, credit }], extras: [span] }`.
pub fn feedback_plain(feedback: &Feedback) -> Value {
    let items: Vec<Value> = feedback
        .items
        .iter()
        .map(|item| {
            json!({
                "key": span_plain(&item.key),
                "student": item.student.as_ref().map(span_plain),
                "outcome": outcome_name(item.outcome),
                "wrongSpeaker": item.wrong_speaker,
                "credit": item.credit,
            })
        })
        .collect();
    json!({
        "name": feedback.name,
        "found": feedback.found,
        "boundaryOff": feedback.boundary_off,
        "wrongSpeaker": feedback.wrong_speaker,
        "missed": feedback.missed,
        "extra": feedback.extra_count(),
        "score": (feedback.score * 10.0).round() / 10.0,
        "items": items,
        "extras": feedback.extra.iter().map(span_plain).collect::<Vec<_>>(),
    })
}

pub fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Found => "found",
        Outcome::BoundaryOff { .. } => "boundary off",
        Outcome::Missed => "missed",
    }
}
