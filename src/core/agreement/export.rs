//! The comparison as one CSV for spreadsheets: a row per pair, a row per annotator (their
//! means) and one overall row, in a single table so every row has the same columns (RFC 4180).

use crate::core::interchange::csv::{csv_field, CSV_BOM};

use super::notes::Note;
use super::report::AgreementReport;

/// The column names, in order. Cells that do not apply to a row's scope are empty, as are
/// undefined values.
pub const SCORES_HEADER: [&str; 16] = [
    "scope",
    "annotator",
    "other",
    "quotes_exact_f1",
    "quotes_overlap_f1",
    "highlights_exact_f1",
    "highlights_overlap_f1",
    "all_exact_f1",
    "all_overlap_f1",
    "matched_quotes",
    "speaker_agreement",
    "speaker_kappa",
    "speaker_alpha",
    "unitizing_alpha_marked",
    "unitizing_alpha_by_kind",
    "notes",
];

fn number(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.4}")).unwrap_or_default()
}

fn notes_cell(notes: &[Note]) -> String {
    let joined: Vec<&str> = notes.iter().map(|note| note.text.as_str()).collect();
    csv_field(&joined.join(" "))
}

/// Pairs first (in report order), then annotators, then the overall row; with a byte order mark
/// and CRLF line ends like the annotation export.
pub fn export_scores_csv(report: &AgreementReport) -> String {
    let mut out = String::from(CSV_BOM);
    push_row(&mut out, SCORES_HEADER.iter().map(|name| csv_field(name)));
    let name = |index: usize| {
        csv_field(
            report
                .annotators
                .get(index)
                .map(String::as_str)
                .unwrap_or_default(),
        )
    };
    for pair in &report.pairs {
        push_row(
            &mut out,
            [
                "pair".to_string(),
                name(pair.left),
                name(pair.right),
                number(Some(pair.quotes.exact)),
                number(Some(pair.quotes.overlap)),
                number(Some(pair.highlights.exact)),
                number(Some(pair.highlights.overlap)),
                number(Some(pair.all.exact)),
                number(Some(pair.all.overlap)),
                pair.speakers.matched.to_string(),
                number(pair.speakers.proportion),
                number(pair.speakers.kappa),
                String::new(),
                String::new(),
                String::new(),
                notes_cell(&pair.notes),
            ]
            .into_iter(),
        );
    }
    for summary in &report.per_annotator {
        push_row(
            &mut out,
            [
                "annotator".to_string(),
                csv_field(&summary.name),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                number(summary.mean_exact_f1),
                number(summary.mean_overlap_f1),
                String::new(),
                number(summary.mean_speaker_agreement),
                number(summary.mean_kappa),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
            .into_iter(),
        );
    }
    let overall_notes: Vec<Note> = report
        .notes
        .iter()
        .chain(&report.speaker_alpha.notes)
        .cloned()
        .collect();
    push_row(
        &mut out,
        [
            "overall".to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            report.speaker_alpha.units.to_string(),
            String::new(),
            String::new(),
            number(report.speaker_alpha.alpha),
            number(report.unitizing.marked.alpha),
            number(report.unitizing.by_kind.alpha),
            notes_cell(&overall_notes),
        ]
        .into_iter(),
    );
    out
}

/// Cells arrive already escaped: text through `csv_field`, numbers as written by us (never
/// neutralised, so a negative κ stays a number in the spreadsheet).
pub(crate) fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (column, cell) in cells.enumerate() {
        if column > 0 {
            out.push(',');
        }
        out.push_str(&cell);
    }
    out.push_str("\r\n");
}
