//! Re-anchoring across realistic revisions of a news article: for every revision, the
//! expected status and range of every annotation. A wrong anchor (a found range that is not
//! the intended words) fails the suite, and so does any recoverable annotation not recovered.
#![cfg(not(target_arch = "wasm32"))]

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::anchoring::Selectors;
use quotemark::core::anchoring::{capture, reanchor_all, Anchoring, MIN_SCORE};
use quotemark::core::text::typography::trim_quote;
use quotemark::core::text::CharRange;
use quotemark::core::text::TextIndex;

#[path = "support/text.rs"]
mod text;

use text::only_code_point_range;

const HEADLINE: &str = "Riverside bridge to reopen after flood repairs";
const LEAD: &str = "RIVERTON — The Riverside bridge will reopen to traffic on Monday, nine months after the spring flood tore away two of its spans, the city council announced on Tuesday.";
// "attemped" is a typo that one revision corrects.
const MAYOR: &str = "\"We will rebuild stronger than before,\" said Mayor Anna Mäkinen, who called the repair \"the most complex engineering job this city has ever attemped.\"";
const VOTE: &str = "The council voted 7–2 to approve the final payment of 4.2\u{A0}million euros. Councillor José Ortega, who voted against, said the budget had \"spiralled out of control\" and that residents \"deserve a full accounting of every cent.\"";
const ENGINEER: &str = "Engineers from the regional transport agency inspected the structure last week. \"The bridge is safe, and it will stay safe for fifty years,\" said chief engineer Li Wei (李伟). \"We tested every bolt.\"";
const SHOPS: &str = "Local shop owners welcomed the news. \"Business has been down by half since the flood,\" said baker Sofia Haddad, whose shop sits at the foot of the bridge. \"We will rebuild our customer base, one croissant at a time.\"";
const DOUBTERS: &str = "Not everyone is convinced. \"I won't believe it until I drive across it,\" said commuter Daniel Cohen. Others were more upbeat: one resident posted \"Finally! 🎉🇫🇮 See you on Monday 👩\u{200D}👩\u{200D}👧\" on the city's social media page.";
const CLOSING: &str =
    "The bridge will open at 6 a.m. on Monday. A ceremony with the mayor is planned for noon.";

fn article(paragraphs: &[&str]) -> String {
    paragraphs.join("\n\n")
}

fn base() -> String {
    article(&[
        HEADLINE, LEAD, MAYOR, VOTE, ENGINEER, SHOPS, DOUBTERS, CLOSING,
    ])
}

/// How an annotation is made: `Quote` selects the words with their quotation marks and lets
/// `trim_quote` take the marks off, as the UI does; `Highlight` selects exactly the text.
enum Selection {
    Quote(&'static str),
    Highlight(&'static str),
}

/// The annotations, by id: (id, selection).
const ANNOTATIONS: &[(&str, Selection)] = &[
    ("rebuild", Selection::Quote("\"We will rebuild stronger than before,\"")),
    ("complex", Selection::Quote("\"the most complex engineering job this city has ever attemped.\"")),
    ("spiralled", Selection::Quote("\"spiralled out of control\"")),
    ("accounting", Selection::Quote("\"deserve a full accounting of every cent.\"")),
    (
        "safe",
        Selection::Highlight("\"The bridge is safe, and it will stay safe for fifty years,\" said chief engineer Li Wei (李伟)."),
    ),
    ("bolt", Selection::Quote("\"We tested every bolt.\"")),
    ("business", Selection::Quote("\"Business has been down by half since the flood,\"")),
    ("croissant", Selection::Quote("\"We will rebuild our customer base, one croissant at a time.\"")),
    ("believe", Selection::Quote("\"I won't believe it until I drive across it,\"")),
    ("finally", Selection::Quote("\"Finally! 🎉🇫🇮 See you on Monday 👩\u{200D}👩\u{200D}👧\"")),
    ("payment", Selection::Highlight("4.2\u{A0}million euros")),
    ("engineer", Selection::Highlight("chief engineer Li Wei (李伟)")),
];

/// Where the intended words are in a revision: `words`, looked for inside the only
/// occurrence of `within` (which defaults to the words themselves).
#[derive(Clone, Copy)]
struct Locator {
    within: &'static str,
    words: &'static str,
}

impl Locator {
    fn range(&self, text: &str) -> CharRange {
        let outer = only_code_point_range(text, self.within);
        let inner = only_code_point_range(self.within, self.words);
        CharRange::new(outer.start + inner.start, outer.start + inner.end)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expected {
    Anchored,
    Moved,
    Fuzzy,
    Orphan,
}

/// One revision of the article and what should become of every annotation.
struct Revision {
    name: &'static str,
    text: String,
    anchored: &'static [&'static str],
    moved: &'static [&'static str],
    fuzzy: &'static [&'static str],
    orphan: &'static [&'static str],
    /// Where annotations are found when not at their original words, or when those words
    /// occur more than once in the revision.
    locate: &'static [(&'static str, Locator)],
}

fn revisions() -> Vec<Revision> {
    let same = |name, text| Revision {
        name,
        text,
        anchored: &[],
        moved: &[],
        fuzzy: &[],
        orphan: &[],
        locate: &[],
    };
    vec![
        Revision {
            anchored: &[
                "rebuild", "complex", "spiralled", "accounting", "safe", "bolt", "business", "croissant", "believe",
                "finally", "payment", "engineer",
            ],
            ..same("unchanged", base())
        },
        Revision {
            anchored: &["rebuild"],
            fuzzy: &["complex"],
            moved: &[
                "spiralled", "accounting", "safe", "bolt", "business", "croissant", "believe", "finally", "payment",
                "engineer",
            ],
            locate: &[(
                "complex",
                Locator {
                    within: "the most complex engineering job this city has ever attempted.",
                    words: "the most complex engineering job this city has ever attempted.",
                },
            )],
            ..same("typo fixed inside a quote", base().replace("attemped", "attempted"))
        },
        Revision {
            anchored: &["rebuild", "complex", "payment"],
            moved: &[
                "spiralled", "accounting", "safe", "bolt", "business", "croissant", "believe", "finally", "engineer",
            ],
            ..same(
                "word inserted just before a quote",
                base().replace("budget had \"spiralled", "budget had clearly \"spiralled"),
            )
        },
        Revision {
            moved: &[
                "rebuild", "complex", "spiralled", "accounting", "safe", "bolt", "business", "croissant", "believe",
                "finally", "payment", "engineer",
            ],
            ..same(
                "paragraph inserted near the top",
                article(&[
                    HEADLINE,
                    LEAD,
                    "The closure forced drivers onto a 40-minute detour through the industrial estate.",
                    MAYOR,
                    VOTE,
                    ENGINEER,
                    SHOPS,
                    DOUBTERS,
                    CLOSING,
                ]),
            )
        },
        Revision {
            anchored: &[
                "rebuild", "complex", "spiralled", "accounting", "safe", "bolt", "business", "croissant", "payment",
                "engineer",
            ],
            orphan: &["believe", "finally"],
            ..same(
                "paragraph with two quotes removed",
                article(&[HEADLINE, LEAD, MAYOR, VOTE, ENGINEER, SHOPS, CLOSING]),
            )
        },
        Revision {
            anchored: &["rebuild", "complex", "spiralled", "accounting", "safe", "bolt", "payment", "engineer"],
            moved: &["business", "croissant", "believe", "finally"],
            ..same(
                "paragraph moved",
                article(&[HEADLINE, LEAD, MAYOR, VOTE, ENGINEER, DOUBTERS, SHOPS, CLOSING]),
            )
        },
        Revision {
            moved: &[
                "rebuild", "complex", "spiralled", "accounting", "safe", "bolt", "business", "croissant", "believe",
                "finally", "payment", "engineer",
            ],
            // Two quoted sentences repeated in the lead, before the originals: the copies
            // must not take the annotations.
            locate: &[
                ("rebuild", Locator { within: "\"We will rebuild stronger than before,\" said Mayor", words: "We will rebuild stronger than before," }),
                ("bolt", Locator { within: "(李伟). \"We tested every bolt.\"", words: "We tested every bolt." }),
            ],
            ..same(
                "sentences duplicated elsewhere",
                base().replace(
                    "announced on Tuesday.",
                    "announced on Tuesday. \"We will rebuild stronger than before,\" the council said in a statement, adding: \"We tested every bolt.\"",
                ),
            )
        },
        Revision {
            // Quotes without marks inside are found where they were (by quote, as their
            // context changed); those with marks inside are recovered for review.
            anchored: &[
                "rebuild", "complex", "spiralled", "accounting", "bolt", "business", "croissant", "finally", "payment",
                "engineer",
            ],
            fuzzy: &["safe", "believe"],
            locate: &[
                (
                    "safe",
                    Locator {
                        within: "“The bridge is safe, and it will stay safe for fifty years,” said chief engineer Li Wei (李伟).",
                        words: "“The bridge is safe, and it will stay safe for fifty years,” said chief engineer Li Wei (李伟).",
                    },
                ),
                (
                    "believe",
                    Locator { within: "I won’t believe it until I drive across it,", words: "I won’t believe it until I drive across it," },
                ),
            ],
            ..same("straight quotes turned curly", curly(&base()))
        },
        Revision {
            anchored: &[
                "rebuild", "complex", "spiralled", "accounting", "safe", "bolt", "business", "croissant", "believe",
                "finally", "engineer",
            ],
            fuzzy: &["payment"],
            locate: &[("payment", Locator { within: "4.2 million euros", words: "4.2 million euros" })],
            ..same("whitespace normalised", base().replace('\u{A0}', " "))
        },
        Revision {
            anchored: &["rebuild", "complex", "spiralled", "accounting", "safe", "payment", "engineer"],
            moved: &["business", "croissant", "believe", "finally"],
            orphan: &["bolt"],
            ..same("a quote deleted", base().replace(" \"We tested every bolt.\"", ""))
        },
        Revision {
            fuzzy: &["complex"],
            moved: &[
                "rebuild", "spiralled", "accounting", "safe", "bolt", "business", "croissant", "believe", "finally",
                "payment", "engineer",
            ],
            locate: &[(
                "complex",
                Locator {
                    within: "the most complex engineering job this city has ever attempted.",
                    words: "the most complex engineering job this city has ever attempted.",
                },
            )],
            ..same(
                "typo fixed and a paragraph inserted above",
                article(&[
                    HEADLINE,
                    "Updated at 14:05 with comments from the council.",
                    LEAD,
                    &MAYOR.replace("attemped", "attempted"),
                    VOTE,
                    ENGINEER,
                    SHOPS,
                    DOUBTERS,
                    CLOSING,
                ]),
            )
        },
        Revision {
            moved: &[
                "rebuild", "complex", "spiralled", "accounting", "safe", "bolt", "croissant", "believe", "finally",
                "payment", "engineer",
            ],
            // The shops paragraph repeated above itself: "business" has the same context in
            // both copies, so it is not guessed. "croissant" ends the paragraph, and only the
            // original is still followed by the doubters' paragraph.
            orphan: &["business"],
            locate: &[(
                "croissant",
                Locator {
                    within: "We will rebuild our customer base, one croissant at a time.\"\n\nNot everyone",
                    words: "We will rebuild our customer base, one croissant at a time.",
                },
            )],
            ..same(
                "paragraph duplicated above the original",
                article(&[HEADLINE, LEAD, SHOPS, MAYOR, VOTE, ENGINEER, SHOPS, DOUBTERS, CLOSING]),
            )
        },
        Revision {
            anchored: &["rebuild", "complex", "spiralled", "payment"],
            moved: &["safe", "bolt", "business", "croissant", "believe", "finally", "engineer"],
            // Rewritten beyond recognition: a lookalike must not be accepted.
            orphan: &["accounting"],
            ..same(
                "quote rewritten",
                base().replace("deserve a full accounting of every cent.", "deserve answers, not excuses, from the council."),
            )
        },
    ]
}

/// Straight double quotes to curly pairs, apostrophes to ’.
fn curly(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open = true;
    for c in text.chars() {
        match c {
            '"' => {
                out.push(if open { '“' } else { '”' });
                open = !open;
            }
            '\'' => out.push('’'),
            _ => out.push(c),
        }
    }
    out
}

fn capture_all(text: &str) -> Vec<Selectors> {
    let index = TextIndex::new(text);
    ANNOTATIONS
        .iter()
        .map(|(id, selection)| {
            let range = match selection {
                Selection::Quote(with_marks) => {
                    trim_quote(text, only_code_point_range(text, with_marks))
                }
                Selection::Highlight(words) => only_code_point_range(text, words),
            };
            let selectors = capture(text, range).unwrap_or_else(|error| panic!("{id}: {error}"));
            assert_eq!(
                selectors.quote.exact,
                index.slice(range).unwrap_or_default()
            );
            selectors
        })
        .collect()
}

#[test]
fn quotes_are_trimmed_of_their_marks_when_captured() {
    let text = base();
    let selectors = capture_all(&text);
    let exact: Vec<&str> = selectors.iter().map(|s| s.quote.exact.as_str()).collect();
    assert_eq!(exact[0], "We will rebuild stronger than before,");
    assert_eq!(
        exact[1],
        "the most complex engineering job this city has ever attemped."
    );
    assert_eq!(
        exact[9],
        "Finally! 🎉🇫🇮 See you on Monday 👩\u{200D}👩\u{200D}👧"
    );
}

#[test]
fn every_revision_gives_every_annotation_its_expected_status_and_range() {
    let original = base();
    let selectors = capture_all(&original);
    let ids: Vec<&str> = ANNOTATIONS.iter().map(|(id, _)| *id).collect();
    let (mut recovered, mut recoverable, mut wrong, mut status_mismatches, mut orphaned) =
        (0, 0, 0, 0, 0);
    let mut failures = Vec::new();

    for revision in revisions() {
        let results: Vec<Anchoring> = reanchor_all(&revision.text, &selectors);
        let index = TextIndex::new(&revision.text);
        let mut listed: Vec<&str> = [
            revision.anchored,
            revision.moved,
            revision.fuzzy,
            revision.orphan,
        ]
        .concat();
        listed.sort_unstable();
        let mut all = ids.clone();
        all.sort_unstable();
        assert_eq!(
            listed, all,
            "{}: every annotation must be listed exactly once",
            revision.name
        );

        for (position, id) in ids.iter().enumerate() {
            let expected = if revision.anchored.contains(id) {
                Expected::Anchored
            } else if revision.moved.contains(id) {
                Expected::Moved
            } else if revision.fuzzy.contains(id) {
                Expected::Fuzzy
            } else {
                Expected::Orphan
            };
            let result = results[position];
            let actual = match result.status {
                AnchorStatus::Anchored => Expected::Anchored,
                AnchorStatus::Moved => Expected::Moved,
                AnchorStatus::Fuzzy { score } => {
                    assert!(
                        (MIN_SCORE..1.0).contains(&score),
                        "{}: {id}: score {score}",
                        revision.name
                    );
                    Expected::Fuzzy
                }
                AnchorStatus::Orphan => Expected::Orphan,
            };
            assert_eq!(
                result.range.is_none(),
                actual == Expected::Orphan,
                "{}: {id}: {result:?}",
                revision.name
            );

            let expected_range = (expected != Expected::Orphan).then(|| {
                let locator = revision
                    .locate
                    .iter()
                    .find(|(located, _)| located == id)
                    .map(|(_, locator)| *locator)
                    .unwrap_or_else(|| {
                        let words: &'static str =
                            Box::leak(selectors[position].quote.exact.clone().into_boxed_str());
                        Locator {
                            within: words,
                            words,
                        }
                    });
                locator.range(&revision.text)
            });
            if expected == Expected::Anchored {
                let original_range = selectors[position]
                    .position
                    .map(|p| CharRange::new(p.start, p.end));
                assert_eq!(
                    expected_range, original_range,
                    "{}: {id}: an anchored annotation does not move",
                    revision.name
                );
            }
            if expected_range.is_some() {
                recoverable += 1;
            }
            match (result.range, expected_range) {
                (Some(found), Some(intended)) if found == intended => recovered += 1,
                (Some(found), _) => {
                    wrong += 1;
                    failures.push(format!(
                        "{}: {id}: WRONG anchor {:?} at {found:?}, expected {expected_range:?}",
                        revision.name,
                        index.slice(found).unwrap_or_default()
                    ));
                }
                (None, Some(_)) => failures.push(format!("{}: {id}: not recovered", revision.name)),
                (None, None) => orphaned += 1,
            }
            if actual != expected {
                status_mismatches += 1;
                failures.push(format!(
                    "{}: {id}: status {:?}, expected {expected:?}",
                    revision.name, result.status
                ));
            }
        }
    }

    eprintln!(
        "anchoring edit suite: recovered {recovered} of {recoverable} recoverable; wrong anchors {wrong}; \
         correctly orphaned {orphaned}; status mismatches {status_mismatches}"
    );
    for failure in &failures {
        eprintln!("  {failure}");
    }
    assert_eq!(wrong, 0, "wrong anchors");
    assert_eq!(
        recovered, recoverable,
        "recoverable annotations not recovered"
    );
    assert_eq!(status_mismatches, 0, "status mismatches");
}
