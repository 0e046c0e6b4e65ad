//! CSV export for spreadsheets: one row per annotation, RFC 4180 quoting, CRLF line endings,
//! and formula-injection neutralising. Details: `docs/formats.md`.

use crate::core::document::Document;

/// The header row's column names, in order.
pub const CSV_HEADER: [&str; 7] = ["quote", "speaker", "note", "kind", "start", "end", "status"];

/// A UTF-8 byte order mark, written first so that spreadsheet programs (Excel in particular)
/// read the file as UTF-8 rather than a legacy code page that would garble non-ASCII text.
pub const CSV_BOM: &str = "\u{feff}";

/// The document as CSV: a byte order mark, the header row, then one row per annotation in
/// document order, every row ending with CRLF.
///
/// `start`/`end` are code points where the annotation currently is, or where it was captured
/// for an orphan (empty when neither is known). An unknown speaker is an empty cell.
pub fn export_csv(doc: &Document) -> String {
    let mut out = String::from(CSV_BOM);
    push_row(&mut out, CSV_HEADER.iter().map(|name| name.to_string()));
    for annotation in doc.annotations() {
        let speaker = annotation
            .speaker
            .as_ref()
            .and_then(|id| doc.speakers().iter().find(|speaker| &speaker.id == id))
            .map(|speaker| speaker.name.clone())
            .unwrap_or_default();
        let (start, end) = match (annotation.range, annotation.selectors.position) {
            (Some(range), _) => (range.start.to_string(), range.end.to_string()),
            (None, Some(position)) => (position.start.to_string(), position.end.to_string()),
            (None, None) => (String::new(), String::new()),
        };
        push_row(
            &mut out,
            [
                annotation.selectors.quote.exact.clone(),
                speaker,
                annotation.note.clone(),
                annotation.kind.wire_name().to_string(),
                start,
                end,
                annotation.status.wire_name().to_string(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (column, field) in fields.enumerate() {
        if column > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(&field));
    }
    out.push_str("\r\n");
}

/// One cell: neutralised against formula injection, then quoted per RFC 4180 when needed.
pub fn csv_field(text: &str) -> String {
    let neutralised = neutralise_formula(text);
    if neutralised.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutralised.replace('"', "\"\""))
    } else {
        neutralised
    }
}

/// Spreadsheets run a cell starting with `=`, `+`, `-`, `@`, TAB or CR as a formula (which can
/// fetch URLs or run commands). Such a cell gets a leading apostrophe, which spreadsheets
/// display as text and do not show; the quote text in the file therefore differs from the
/// article by that apostrophe.
pub fn neutralise_formula(text: &str) -> String {
    // Spreadsheets skip leading blanks and read full-width signs as formulas too.
    let formula_signs = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
    if text.starts_with(['\t', '\r', '\n']) || text.trim_start().starts_with(formula_signs) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("line\nbreak", "\"line\nbreak\""),
            ("line\r\nbreak", "\"line\r\nbreak\""),
            ("“curly” ‘quotes’", "“curly” ‘quotes’"),
            ("👩‍👩‍👧 🇫🇮", "👩‍👩‍👧 🇫🇮"),
        ];
        for (input, expected) in cases {
            assert_eq!(csv_field(input), expected, "{input:?}");
        }
    }

    #[test]
    fn formula_starts_are_neutralised() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("a=b", "a=b"),
            (" =1", "' =1"),
            ("\n=1", "\"'\n=1\""),
            ("＝1+1", "'＝1+1"),
            ("'already", "'already"),
        ];
        for (input, expected) in cases {
            assert_eq!(csv_field(input), expected, "{input:?}");
        }
    }
}
