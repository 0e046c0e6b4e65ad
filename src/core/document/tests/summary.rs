//! Who is quoted: quotes and words per speaker, the printable list, word counts.

use super::*;

#[test]
fn who_is_quoted_counts_quotes_and_words_per_speaker() {
    let mut document = fixture();
    run(
        &mut document,
        vec![
            quote(
                "\u{201c}We will win,\u{201d} said Sarah Sanders again.",
                0,
                Some("s1"),
            ),
            quote("قال محمد: \"سننتصر\"", 0, None),
            Action::CreateAnnotation {
                kind: AnnotationKind::Highlight,
                range: find("Putin", 0),
                selectors: selectors(find("Putin", 0)),
                speaker: Some(s("s2")),
                note: String::new(),
            },
        ],
    );
    let summary = who_is_quoted(&document, TEXT);
    assert_eq!(
        summary,
        vec![
            SpeakerSummary {
                speaker: Some(s("s1")),
                quotes: 2,
                words: 3 + 7
            },
            // "我們會贏。" = 4 CJK words, plus "قال محمد سننتصر" = 3.
            SpeakerSummary {
                speaker: None,
                quotes: 2,
                words: 7
            },
            SpeakerSummary {
                speaker: Some(s("s2")),
                quotes: 1,
                words: 1
            },
        ]
    );
}

#[test]
fn quotes_by_speaker_groups_in_speaker_order_with_unknown_last_and_no_highlights() {
    let mut document = fixture();
    run(
        &mut document,
        vec![
            quote("قال محمد: \"سننتصر\"", 0, None),
            Action::CreateAnnotation {
                kind: AnnotationKind::Highlight,
                range: find("Putin", 0),
                selectors: selectors(find("Putin", 0)),
                speaker: Some(s("s2")),
                note: String::new(),
            },
        ],
    );
    let grouped: Vec<(Option<SpeakerId>, Vec<String>)> = quotes_by_speaker(&document)
        .into_iter()
        .map(|(speaker, quotes)| {
            let texts = quotes
                .iter()
                .map(|q| q.selectors.quote.exact.clone())
                .collect();
            (speaker, texts)
        })
        .collect();
    let expected_speakers: Vec<Option<SpeakerId>> = document
        .speakers
        .iter()
        .map(|speaker| Some(speaker.id.clone()))
        .filter(|id| {
            document
                .annotations
                .iter()
                .any(|a| a.kind == AnnotationKind::Quote && a.speaker.as_ref() == id.as_ref())
        })
        .chain([None])
        .collect();
    assert_eq!(
        grouped.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>(),
        expected_speakers
    );
    let (_, unknown) = grouped.last().unwrap();
    assert!(unknown.iter().any(|q| q.contains("سننتصر")), "{unknown:?}");
    assert!(
        grouped
            .iter()
            .all(|(_, quotes)| quotes.iter().all(|q| q != "Putin")),
        "highlights are not quotes"
    );
    // Within a group, article order.
    for (_, quotes) in quotes_by_speaker(&document) {
        let starts: Vec<_> = quotes
            .iter()
            .filter_map(|q| q.range.map(|r| r.start))
            .collect();
        let mut sorted = starts.clone();
        sorted.sort_unstable();
        assert_eq!(starts, sorted);
    }
}

#[test]
fn word_counts_table() {
    let cases = [
        ("", 0),
        ("We will win", 3),
        ("\u{201c}We will win,\u{201d}", 3),
        ("don't stop", 2),
        ("Cafe\u{301} opened", 2),
        ("👩\u{200d}👩\u{200d}👧 🇫🇮", 0),
        ("習近平說", 4),
        ("我們會贏。", 4),
        ("Tシャツ", 4),
        ("سننتصر قال", 2),
        ("אמר דוד", 2),
        ("3.14 is pi", 3),
        ("김정은 위원장", 2),
    ];
    for (text, expected) in cases {
        assert_eq!(count_words(text), expected, "{text:?}");
    }
}
