//! Importing a file into the right article: a file made on this article or an edited version
//! of it comes in (re-anchored, with statuses), a file made on a different article is refused
//! unless the reader asks for it, and imported speakers never take a colour already in use.
//! These run the production import path (`import_action`, with the real anchorer).
#![cfg(not(target_arch = "wasm32"))]

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::article::{content_hash, SourceFormat};
use quotemark::core::document::{AnnotationKind, Document};
use quotemark::core::interchange::{
    export_native, export_w3c, import_action, ArticleMatch, ArticleMeta, ImportError, ImportMode,
    ImportReport, OtherArticle,
};

#[path = "support/text.rs"]
mod text;

use text::code_point_range;

#[path = "support/documents.rs"]
mod documents;

use documents::{annotate, speaker_called};

const NOW: i64 = 1_717_243_200_000;

const HARBOUR: &str = "Council approves the harbour plan\n\n\
“We will not give up,” the mayor said on Tuesday. “The harbour belongs to everyone.”\n\n\
Fishermen were sceptical. “Nobody asked us about the quay,” said Leila Haddad.";

/// The same story a day later: a typo fixed, a sentence added, a paragraph moved.
const HARBOUR_EDITED: &str = "Council approves the harbour plan\n\n\
Fishermen were sceptical. “Nobody asked us about the quay,” said Leila Haddad, who has fished there for thirty years.\n\n\
“We will not give up,” the mayor said on Tuesday. “The harbour belongs to everyone.”";

const FOOTBALL: &str = "Late goal keeps the title race open\n\n\
“We never stopped believing,” the coach said after the match.\n\n\
The captain was more cautious. “It is one win, nothing more,” she said.";

/// A document on `text` with a quote for each `(exact, speaker)`.
fn annotated(article_id: &str, text: &str, quotes: &[(&str, &str)]) -> Document {
    let mut document = Document::new(article_id);
    for (exact, speaker) in quotes {
        let speaker = speaker_called(&mut document, speaker, NOW);
        let range = code_point_range(text, exact, 0);
        annotate(
            &mut document,
            text,
            AnnotationKind::Quote,
            range,
            Some(speaker),
            "",
            NOW,
        );
    }
    document
}

fn meta(id: &str, title: &str, text: &str) -> ArticleMeta {
    ArticleMeta {
        id: id.to_owned(),
        title: title.to_owned(),
        source: SourceFormat::Text,
        content_hash: content_hash(text),
    }
}

fn harbour_file(article_id: &str) -> String {
    let document = annotated(
        article_id,
        HARBOUR,
        &[
            ("We will not give up,", "Mayor Aino Virtanen"),
            ("The harbour belongs to everyone.", "Mayor Aino Virtanen"),
            ("Nobody asked us about the quay,", "Leila Haddad"),
        ],
    );
    export_native(
        &document,
        &meta(article_id, "Council approves the harbour plan", HARBOUR),
    )
}

fn import_into(
    current: &Document,
    text: &str,
    file: &str,
    other_article: OtherArticle,
) -> Result<ImportReport, ImportError> {
    import_action(current, text, file, ImportMode::Merge, other_article, NOW)
        .map(|(_, report)| report)
}

#[test]
fn a_file_of_this_very_text_is_the_same_article() {
    let current = Document::new(content_hash(HARBOUR));
    let report = import_into(
        &current,
        HARBOUR,
        &harbour_file(&content_hash(HARBOUR)),
        OtherArticle::Refuse,
    )
    .expect("imported");
    assert_eq!(report.article_match, ArticleMatch::Same);
    assert_eq!((report.added, report.orphans), (3, 0));
    assert!(!report.to_string().contains("version"), "{report}");
}

#[test]
fn a_file_of_an_edited_version_is_re_anchored_and_says_so() {
    // Keyed by content hash (a pasted article): only the quotes can tell it is the same story.
    let current = Document::new(content_hash(HARBOUR_EDITED));
    let (action, report) = import_action(
        &current,
        HARBOUR_EDITED,
        &harbour_file(&content_hash(HARBOUR)),
        ImportMode::Merge,
        OtherArticle::Refuse,
        NOW,
    )
    .expect("an edited version is imported without asking");
    assert_eq!(report.article_match, ArticleMatch::Edited);
    assert_eq!((report.added, report.orphans), (3, 0));
    assert!(
        report
            .to_string()
            .contains("another version of this article"),
        "{report}"
    );
    let mut document = current.clone();
    document.apply(action, NOW).expect("apply");
    for annotation in document.annotations() {
        let range = annotation.range.expect("anchored");
        let found: String = HARBOUR_EDITED
            .chars()
            .skip(range.start)
            .take(range.len())
            .collect();
        assert_eq!(found, annotation.selectors.quote.exact);
        assert_ne!(
            annotation.status,
            AnchorStatus::Orphan,
            "{}",
            annotation.selectors.quote.exact
        );
    }
}

#[test]
fn a_file_of_a_different_article_is_refused_and_changes_nothing() {
    let current = annotated(
        "football",
        FOOTBALL,
        &[("We never stopped believing,", "the coach")],
    );
    let error = import_into(
        &current,
        FOOTBALL,
        &harbour_file("https://news.example.org/harbour"),
        OtherArticle::Refuse,
    )
    .expect_err("another article's file must not merge silently");
    assert_eq!(
        error,
        ImportError::DifferentArticle {
            title: Some("Council approves the harbour plan".to_owned()),
            found: 0,
            total: 3,
        }
    );
    let message = error.to_string();
    assert!(message.contains("different article"), "{message}");
    assert!(
        message.contains("Council approves the harbour plan"),
        "{message}"
    );
    assert!(message.contains("0 of its 3"), "{message}");
}

#[test]
fn a_different_article_comes_in_only_when_asked_and_the_report_says_what_anchored() {
    // One of the harbour quotes, in its sentence, is in this round-up; the others are not.
    let roundup = "News in brief: the harbour plan\n\n\
        “We will not give up,” the mayor said on Tuesday. Sports: the coach was happy.";
    let current = Document::new(content_hash(roundup));
    let refused = import_into(
        &current,
        roundup,
        &harbour_file("https://news.example.org/harbour"),
        OtherArticle::Refuse,
    );
    assert!(
        matches!(
            refused,
            Err(ImportError::DifferentArticle {
                found: 1,
                total: 3,
                ..
            })
        ),
        "{refused:?}"
    );
    let report = import_into(
        &current,
        roundup,
        &harbour_file("https://news.example.org/harbour"),
        OtherArticle::Allow,
    )
    .expect("imported when asked");
    assert_eq!(report.article_match, ArticleMatch::Different);
    assert_eq!((report.added, report.orphans), (3, 2));
    assert!(
        report
            .to_string()
            .contains("different article: 1 of its annotations were found"),
        "{report}"
    );
}

#[test]
fn a_host_given_article_id_vouches_for_a_heavily_rewritten_version() {
    let id = "https://news.example.org/harbour";
    let rewritten = "Harbour plan: the full story\n\n\
        The council voted late on Tuesday. Nothing else of the first version survives.";
    let current = Document::new(id);
    let report = import_into(&current, rewritten, &harbour_file(id), OtherArticle::Refuse)
        .expect("the host says it is the same article");
    assert_eq!(report.article_match, ArticleMatch::Edited);
    assert_eq!(report.orphans, 3, "kept for review, never dropped");
}

#[test]
fn a_w3c_file_of_a_different_article_is_refused_too() {
    let harbour = annotated(
        "https://news.example.org/harbour",
        HARBOUR,
        &[("Nobody asked us about the quay,", "Leila Haddad")],
    );
    let file = export_w3c(
        &harbour,
        &meta("https://news.example.org/harbour", "Harbour", HARBOUR),
        HARBOUR,
    );
    let current = Document::new("football");
    let refused = import_into(&current, FOOTBALL, &file, OtherArticle::Refuse);
    assert!(
        matches!(refused, Err(ImportError::DifferentArticle { .. })),
        "{refused:?}"
    );
    let same = import_into(
        &Document::new("https://news.example.org/harbour"),
        HARBOUR,
        &file,
        OtherArticle::Refuse,
    )
    .expect("same article");
    assert_eq!(same.added, 1);
}

#[test]
fn imported_speakers_never_take_a_colour_already_in_use() {
    // This reader's Putin has slot 0; the file's McCain also says slot 0 (his colour in the
    // file's own document). He must arrive with a free slot, as a speaker typed here would.
    let mut current = annotated(
        "summit",
        HARBOUR,
        &[("We will not give up,", "Vladimir Putin")],
    );
    assert_eq!(current.speakers()[0].colour, 0);
    let other = annotated(
        "summit",
        HARBOUR,
        &[
            ("The harbour belongs to everyone.", "John McCain"),
            ("Nobody asked us about the quay,", "Newt Gingrich"),
        ],
    );
    assert_eq!(
        other
            .speakers()
            .iter()
            .map(|s| s.colour)
            .collect::<Vec<_>>(),
        vec![0, 1]
    );
    let mut parts = other.into_parts();
    parts.article_id = "summit".into();
    let other = Document::from_parts(parts).expect("a valid document");
    let file = export_native(&other, &meta("summit", "Summit", HARBOUR));
    let (action, _) = import_action(
        &current,
        HARBOUR,
        &file,
        ImportMode::Merge,
        OtherArticle::Refuse,
        NOW,
    )
    .expect("imported");
    current.apply(action, NOW).expect("apply");
    let colours: Vec<(String, u8)> = current
        .speakers()
        .iter()
        .map(|s| (s.name.clone(), s.colour))
        .collect();
    assert_eq!(
        colours,
        vec![
            ("Vladimir Putin".to_owned(), 0),
            ("John McCain".to_owned(), 1),
            ("Newt Gingrich".to_owned(), 2),
        ],
        "each file colour already taken here gives way to the least used slot"
    );
}
