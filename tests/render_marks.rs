//! How the article's highlights are drawn, natively: the colour, outer tone, labels and
//! spoken description of each covered run, the pending selection and suggestions, and that an
//! update redraws only the blocks a change touched while agreeing with a full recomputation.

use std::rc::Rc;

use quotemark::core::anchoring;
use quotemark::core::article::Article;
use quotemark::core::document::{Action, AnnotationKind, Document, NewAnnotation, SpeakerId};
use quotemark::core::render::marks::{ArticleMarks, BlockMarks, Overlay, Tone};
use quotemark::core::text::CharRange;

const ARTICLE: &str = "Harbour plan approved\n\n\
\"We will build the sea wall first,\" said Mayor Ines Calder.\n\n\
The council voted seven to two.\n\n\
\"It is a mistake,\" said councillor Tom Reyes, \"and an expensive one.\"";

fn article() -> Article {
    Article::from_text(ARTICLE).expect("the test article loads")
}

#[path = "support/documents.rs"]
mod documents;
#[path = "support/text.rs"]
mod text;

fn range_of(article: &Article, needle: &str) -> CharRange {
    text::only_code_point_range(article.text_content(), needle)
}

/// Makes a quote by `speaker` (added when new), or a highlight with a note when `None`.
fn annotate(document: &mut Document, article: &Article, needle: &str, speaker: Option<&str>) {
    let note = if speaker.is_some() {
        ""
    } else {
        "check the vote count"
    };
    let range = range_of(article, needle);
    documents::mark(document, article.text_content(), range, speaker, note, 1);
}

fn all_marks(marks: &ArticleMarks) -> Vec<quotemark::core::render::marks::Mark> {
    marks
        .blocks()
        .iter()
        .flat_map(|block| block.marks.clone())
        .collect()
}

#[test]
fn a_quote_is_drawn_in_its_speakers_colour_with_initials_and_a_spoken_description() {
    let article = article();
    let mut document = Document::new("harbour");
    annotate(
        &mut document,
        &article,
        "We will build the sea wall first,",
        Some("Ines Calder"),
    );
    let marks = all_marks(&ArticleMarks::new(&article, &document, Overlay::default()));
    assert_eq!(marks.len(), 1);
    let speaker = document
        .speaker_named("Ines Calder")
        .expect("speaker added");
    assert_eq!(marks[0].colour, Some(speaker.colour));
    assert_eq!(
        marks[0].starts[0].1, "IC",
        "initials are the non-colour cue"
    );
    assert_eq!(marks[0].description, "Quote by Ines Calder");
    assert!(!marks[0].highlight && !marks[0].pending && !marks[0].suggested);
}

#[test]
fn a_highlight_inside_a_quote_shows_the_quote_running_through_it() {
    let article = article();
    let mut document = Document::new("harbour");
    annotate(
        &mut document,
        &article,
        "It is a mistake,",
        Some("Tom Reyes"),
    );
    annotate(&mut document, &article, "a mistake", None);
    let marks = all_marks(&ArticleMarks::new(&article, &document, Overlay::default()));
    let inner = marks
        .iter()
        .find(|mark| mark.ids.len() == 2)
        .expect("the overlap is one run covered by both");
    assert!(
        inner.highlight,
        "the innermost annotation (the highlight) gives the fill"
    );
    let colour = document.speaker_named("Tom Reyes").expect("speaker").colour;
    assert_eq!(inner.outer, Some(Tone::Speaker(colour)));
    assert_eq!(
        inner.description,
        "Quote by Tom Reyes; Highlight. Note: check the vote count"
    );
    let labels: Vec<&str> = marks
        .iter()
        .flat_map(|mark| mark.starts.iter().map(|(_, label)| label.as_str()))
        .collect();
    assert_eq!(
        labels,
        ["TR", "✎"],
        "each annotation is labelled once, where it starts"
    );
}

#[test]
fn an_unknown_speaker_is_labelled_with_a_question_mark() {
    let article = article();
    let mut document = Document::new("harbour");
    annotate(&mut document, &article, "and an expensive one.", Some(""));
    let marks = all_marks(&ArticleMarks::new(&article, &document, Overlay::default()));
    assert_eq!(marks[0].colour, None);
    assert_eq!(marks[0].starts[0].1, "?");
    assert_eq!(marks[0].description, "Quote by an unknown speaker");
}

#[test]
fn the_pending_selection_and_suggestions_are_drawn_but_are_not_annotations() {
    let article = article();
    let document = Document::new("harbour");
    let pending = range_of(&article, "seven to two");
    let suggestion = range_of(&article, "It is a mistake,");
    let marks = all_marks(&ArticleMarks::new(
        &article,
        &document,
        Overlay {
            pending: Some(pending),
            suggestions: &[suggestion],
        },
    ));
    assert_eq!(marks.len(), 2);
    assert!(marks[0].pending && !marks[0].suggested && marks[0].ids.is_empty());
    assert!(marks[1].suggested && !marks[1].pending && marks[1].ids.is_empty());
    assert_eq!((marks[0].range, marks[1].range), (pending, suggestion));
}

#[test]
fn an_update_redraws_only_the_blocks_a_change_touched_and_agrees_with_a_full_redraw() {
    let article = article();
    let mut document = Document::new("harbour");
    annotate(
        &mut document,
        &article,
        "We will build the sea wall first,",
        Some("Ines Calder"),
    );
    let before = ArticleMarks::new(&article, &document, Overlay::default());

    let range = range_of(&article, "It is a mistake,");
    let selectors = anchoring::capture(article.text_content(), range).expect("capture");
    let applied = document
        .apply(
            Action::AddAnnotation(NewAnnotation::selected(
                AnnotationKind::Quote,
                range,
                selectors,
                "Tom Reyes".to_owned(),
                String::new(),
            )),
            2,
        )
        .expect("quote made");
    let after = before.update(&document, Overlay::default(), true, applied.ranges.clone());
    let full = ArticleMarks::new(&article, &document, Overlay::default());

    let changed_block = article
        .blocks
        .iter()
        .position(|block| block.start <= range.start && range.end <= block.end())
        .expect("the quote lies in one block");
    for (block, (old, new)) in before
        .blocks()
        .iter()
        .zip(after.blocks().iter())
        .enumerate()
    {
        assert_eq!(
            Rc::ptr_eq(old, new),
            block != changed_block,
            "block {block}: only the touched block is redrawn"
        );
    }
    let drawn: Vec<&BlockMarks> = after.blocks().iter().map(|b| b.as_ref()).collect();
    let expected: Vec<&BlockMarks> = full.blocks().iter().map(|b| b.as_ref()).collect();
    assert_eq!(drawn, expected);
}

#[test]
fn renaming_a_speaker_redraws_every_block_with_their_quotes() {
    let article = article();
    let mut document = Document::new("harbour");
    annotate(
        &mut document,
        &article,
        "It is a mistake,",
        Some("Tom Reyes"),
    );
    annotate(
        &mut document,
        &article,
        "and an expensive one.",
        Some("Tom Reyes"),
    );
    let before = ArticleMarks::new(&article, &document, Overlay::default());
    let id: SpeakerId = document
        .speaker_named("Tom Reyes")
        .expect("speaker")
        .id
        .clone();
    let applied = document
        .apply(
            Action::RenameSpeaker {
                id,
                name: "Thomas Reyes".to_owned(),
            },
            3,
        )
        .expect("renamed");
    let after = before.update(&document, Overlay::default(), true, applied.ranges);
    let descriptions: Vec<String> = all_marks(&after)
        .into_iter()
        .map(|mark| mark.description)
        .collect();
    assert_eq!(
        descriptions,
        ["Quote by Thomas Reyes", "Quote by Thomas Reyes"]
    );
}
