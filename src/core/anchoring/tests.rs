//! Capture and re-anchoring tests, against the rules in the module documentation.

use super::*;

fn range_of(text: &str, needle: &str) -> CharRange {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn nth_range_of(text: &str, needle: &str, n: usize) -> CharRange {
    let byte = text.match_indices(needle).nth(n).map(|(b, _)| b).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

#[test]
fn capture_records_the_exact_text_position_and_minimum_whole_word_context() {
    let text = "The council met on Tuesday. “We will rebuild the bridge,” said the mayor, who was re-elected in May.";
    let range = range_of(text, "We will rebuild the bridge");
    let selectors = capture(text, range).unwrap();
    assert_eq!(selectors.quote.exact, "We will rebuild the bridge");
    assert_eq!(
        selectors.position,
        Some(TextPositionSelector {
            start: range.start,
            end: range.end
        })
    );
    // Unique quote: the minimum 8 code points, widened to word boundaries.
    assert_eq!(selectors.quote.prefix, "Tuesday. “");
    assert_eq!(selectors.quote.suffix, ",” said ");
}

#[test]
fn capture_lengthens_context_until_a_repeated_quote_is_unique() {
    let text = "In 2019 the chairman said: we will win this season. In 2024 the chairman said: we will win this season. The end.";
    let second = nth_range_of(text, "we will win", 1);
    let selectors = capture(text, second).unwrap();
    // Before the two occurrences, 20 characters agree (" the chairman said: "); after
    // them, 14 (" this season. "). Fifteen characters each side tell them apart, widened
    // to the word "The".
    assert_eq!(selectors.quote.suffix, " this season. The");
    assert_eq!(selectors.quote.prefix, "chairman said: ");
    assert_eq!(reanchor(text, &selectors).range, Some(second));
    // Moved, the right one is still found.
    let edited = format!("Preface. {text}");
    let shifted = CharRange::new(second.start + 9, second.end + 9);
    assert_eq!(
        reanchor(&edited, &selectors),
        Anchoring {
            range: Some(shifted),
            status: AnchorStatus::Moved
        }
    );
}

#[test]
fn capture_context_is_capped_in_a_repetitive_text() {
    let text = "la ".repeat(100);
    let selectors = capture(&text, CharRange::new(150, 152)).unwrap();
    assert!(selectors.quote.prefix.chars().count() <= MAX_CONTEXT);
    assert!(selectors.quote.suffix.chars().count() <= MAX_CONTEXT);
    assert!(selectors.quote.prefix.chars().count() >= MAX_CONTEXT - 3);
}

#[test]
fn capture_at_the_ends_of_the_text_takes_what_there_is() {
    let text = "Short text.";
    let selectors = capture(text, CharRange::new(0, 5)).unwrap();
    assert_eq!(selectors.quote.prefix, "");
    assert_eq!(selectors.quote.suffix, " text.");
    assert_eq!(reanchor(text, &selectors).status, AnchorStatus::Anchored);
}

#[test]
fn capture_rejects_bad_ranges_with_a_clear_error() {
    let text = "abc";
    assert_eq!(
        capture(text, CharRange { start: 2, end: 9 }),
        Err(AnchorError::OutOfBounds {
            start: 2,
            end: 9,
            len: 3
        })
    );
    assert_eq!(
        capture(text, CharRange { start: 2, end: 1 })
            .unwrap_err()
            .to_string(),
        "cannot annotate 2..1: the text has 3 code points"
    );
    assert_eq!(
        capture(text, CharRange::new(1, 1)),
        Err(AnchorError::EmptyRange { at: 1 })
    );
}

#[test]
fn capture_snaps_a_range_that_splits_an_emoji() {
    let text = "Go 👩\u{200D}👩\u{200D}👧 now";
    let selectors = capture(text, CharRange::new(4, 5)).unwrap();
    assert_eq!(selectors.quote.exact, "👩\u{200D}👩\u{200D}👧");
    assert_eq!(
        selectors.position,
        Some(TextPositionSelector { start: 3, end: 8 })
    );
}

/// Texts with tricky characters before, inside and after the annotated words.
const FIXTURES: &[&str] = &[
    "👩\u{200D}👩\u{200D}👧 Family first: “we 👨\u{200D}👨\u{200D}👦 stay” 🇫🇮🇸🇪 👍🏽 said she.",
    "Cafe\u{301} owner Zoe\u{308} said: a\u{301}\u{302} “prix fixe” is back.",
    "記者会見で首相は「増税しない」と述べた。中文「我们会赢」。",
    "قال الوزير «سنفوز» في 2024 ثم غادر. Then he left.",
    "הוא אמר „ננצח” ב-2024, ו-English 👍🏽 too.",
    "Mixed שלום and مرحبا 42 🇮🇱 with e\u{301} at the end e\u{301}",
];

#[test]
fn every_range_of_every_fixture_reanchors_in_place_and_after_a_shift() {
    for text in FIXTURES {
        let index = TextIndex::new(text);
        let len = index.len_chars();
        let preface = "Update: 👩\u{200D}👩\u{200D}👧 ";
        let shifted = format!("{preface}{text}");
        let shift = preface.chars().count();
        let shifted_index = TextIndex::new(&shifted);
        let same = Anchorer::new(text);
        let moved = Anchorer::new(&shifted);
        let (mut found, mut total) = (0, 0);
        for start in 0..len {
            for end in start + 1..=len {
                let selectors = same.capture(CharRange::new(start, end)).unwrap();
                let snapped = index.snap_to_graphemes(CharRange::new(start, end));
                assert_eq!(selectors.quote.exact, index.slice(snapped).unwrap());
                let here = same.reanchor(&selectors);
                assert_eq!(
                    here.status,
                    AnchorStatus::Anchored,
                    "{text:?} {start}..{end}"
                );
                assert_eq!(here.range, Some(snapped));

                let there = moved.reanchor(&selectors);
                total += 1;
                let Some(range) = there.range else { continue };
                found += 1;
                assert_eq!(there.status, AnchorStatus::Moved, "{text:?} {start}..{end}");
                assert!(
                    shifted_index.is_grapheme_boundary(range.start)
                        && shifted_index.is_grapheme_boundary(range.end)
                );
                // Whatever is found is the same words, shifted; ambiguous short quotes
                // (a lone space, say) may be orphaned but never misplaced.
                assert_eq!(
                    range,
                    CharRange::new(snapped.start + shift, snapped.end + shift),
                    "{text:?} {start}..{end} {there:?}"
                );
            }
        }
        // Only a few very short, repeated selections (a lone space) may be orphaned.
        eprintln!("{text:?}: {found} of {total} selections found after the shift");
        assert!(
            found * 100 >= total * 95,
            "{text:?}: only {found} of {total} found"
        );
    }
}

#[test]
fn reanchoring_never_splits_a_cluster_when_marks_are_added_around_the_quote() {
    // A combining accent added right after the quote makes the old end split a cluster.
    let text = "They said cafe today.";
    let range = range_of(text, "said cafe");
    let selectors = capture(text, range).unwrap();
    let edited = "They said cafe\u{301} today.";
    let anchoring = reanchor(edited, &selectors);
    let index = TextIndex::new(edited);
    let found = anchoring.range.unwrap();
    assert!(index.is_grapheme_boundary(found.start) && index.is_grapheme_boundary(found.end));
    assert_eq!(index.slice(found), Ok("said cafe\u{301}"));
    assert!(matches!(anchoring.status, AnchorStatus::Fuzzy { score } if score > MIN_SCORE));
}

#[test]
fn duplicated_text_with_identical_context_is_not_guessed() {
    let paragraph = "The mayor said the bridge will reopen in spring, weather permitting.";
    let text = format!("Intro.\n\n{paragraph}\n\nOutro.");
    let selectors = capture(&text, range_of(&text, "the bridge will reopen")).unwrap();
    // The paragraph now appears twice, with the same surroundings, and moved.
    let edited = format!(
        "New intro.\n\nIntro.\n\n{paragraph}\n\nMiddle.\n\nIntro.\n\n{paragraph}\n\nOutro."
    );
    let anchoring = reanchor(&edited, &selectors);
    assert_eq!(
        anchoring,
        Anchoring {
            range: None,
            status: AnchorStatus::Orphan
        }
    );
}

#[test]
fn a_short_quote_whose_surroundings_changed_is_not_trusted() {
    let text = "Asked whether he would resign, the minister said: No. Then he left.";
    let selectors = capture(text, range_of(text, "No.")).unwrap();
    let edited = "The minister has resigned. Asked about it, his office said No. to everything.";
    assert_eq!(reanchor(edited, &selectors).status, AnchorStatus::Orphan);
}

#[test]
fn a_long_quote_whose_surroundings_changed_is_found_for_review() {
    let quote = "We will rebuild every school that the flood destroyed, whatever it costs";
    let text = format!("Opening lines. {quote}. Closing lines.");
    let selectors = capture(&text, range_of(&text, quote)).unwrap();
    let edited = format!("Completely new lead paragraph here.\n\n{quote}\n\nAnd a new ending.");
    let anchoring = reanchor(&edited, &selectors);
    assert_eq!(anchoring.range, Some(range_of(&edited, quote)));
    assert!(
        matches!(anchoring.status, AnchorStatus::Fuzzy { score } if (MIN_SCORE..1.0).contains(&score)),
        "{anchoring:?}"
    );
}

#[test]
fn a_lookalike_sentence_does_not_adopt_a_deleted_quote() {
    let text = "First, the minister said the plan would fail badly. Later the minister said the plan would work well. End.";
    let selectors = capture(
        text,
        range_of(text, "the minister said the plan would fail badly"),
    )
    .unwrap();
    let edited = "First, nothing. Later the minister said the plan would work well. End.";
    assert_eq!(reanchor(edited, &selectors).status, AnchorStatus::Orphan);
}

#[test]
fn curly_quotes_and_tidied_spacing_are_recovered_with_a_high_score() {
    let text = "He wrote \"we are 'ready'\" in  a   letter to staff on Friday.";
    let quote = "\"we are 'ready'\" in  a   letter";
    let selectors = capture(text, range_of(text, quote)).unwrap();
    let edited = "He wrote “we are ‘ready’” in a letter to staff on Friday.";
    let anchoring = reanchor(edited, &selectors);
    assert_eq!(
        anchoring.range,
        Some(range_of(edited, "“we are ‘ready’” in a letter"))
    );
    assert!(
        matches!(anchoring.status, AnchorStatus::Fuzzy { score } if score > 0.85),
        "{anchoring:?}"
    );
}

#[test]
fn reanchor_all_matches_reanchor_one_by_one() {
    let text = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.";
    let items: Vec<Selectors> = ["beta gamma", "epsilon", "theta iota"]
        .iter()
        .map(|quote| capture(text, range_of(text, quote)).unwrap())
        .collect();
    let edited = "Prologue. Alpha beta gamma. Delta epsilon zeta. Eta theta iota.";
    let all = reanchor_all(edited, &items);
    let one_by_one: Vec<Anchoring> = items.iter().map(|s| reanchor(edited, s)).collect();
    assert_eq!(all, one_by_one);
    assert!(all.iter().all(|a| a.status == AnchorStatus::Moved));
}

#[test]
fn hand_written_or_imported_selectors_without_position_or_context() {
    let text = "One line with a unique phrase in it.";
    let bare = Selectors {
        quote: TextQuoteSelector {
            exact: "unique phrase".into(),
            prefix: String::new(),
            suffix: String::new(),
        },
        position: None,
    };
    // No context recorded: a unique exact quote is found; a repeated one is ambiguous; an
    // edited one is not searched for approximately.
    assert_eq!(
        reanchor(text, &bare),
        Anchoring {
            range: Some(range_of(text, "unique phrase")),
            status: AnchorStatus::Anchored
        }
    );
    let twice = "A unique phrase, and a unique phrase.";
    assert_eq!(reanchor(twice, &bare).status, AnchorStatus::Orphan);
    let edited = "One line with a unique phrasing in it.";
    assert_eq!(reanchor(edited, &bare).status, AnchorStatus::Orphan);
    let empty = Selectors::default();
    assert_eq!(reanchor(text, &empty).status, AnchorStatus::Orphan);
    let reversed = Selectors {
        quote: TextQuoteSelector {
            exact: "unique phrase".into(),
            prefix: "with a ".into(),
            suffix: " in it.".into(),
        },
        position: Some(TextPositionSelector { start: 20, end: 3 }),
    };
    // An unusable position counts as none recorded.
    assert_eq!(
        reanchor(text, &reversed),
        Anchoring {
            range: Some(range_of(text, "unique phrase")),
            status: AnchorStatus::Anchored
        }
    );
}
