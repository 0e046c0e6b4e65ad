//! Quote and speaker suggestions: a pure function of an article's text and the speakers the
//! user already has. A finder pairs quotation marks into spans; a sieve of small named rules
//! ([`sieve`]) names each span's speaker with a reason; word lists live in [`lang`], one
//! table per language. No clock, no randomness, no I/O: the same text always gives the same
//! suggestions. See `docs/suggestions.md` for the rules and their measured accuracy.

mod analysis;
mod entities;
mod finder;
pub mod lang;
mod mentions;
mod sieve;
mod tokens;

use crate::core::document::Speaker;
use crate::core::text::CharRange;
use crate::core::text::TextIndex;

/// A speaker the user already has: suggestions use its name when a mention matches the name
/// or an alias.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownSpeaker {
    pub name: String,
    pub aliases: Vec<String>,
}

impl From<&Speaker> for KnownSpeaker {
    fn from(s: &Speaker) -> Self {
        KnownSpeaker {
            name: s.name.clone(),
            aliases: s.aliases.clone(),
        }
    }
}

/// One suggested quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// Code points over the given text, end exclusive: the words between the marks.
    pub start: usize,
    pub end: usize,
    pub exact: String,
    /// `None` when no speaker was found, or for a title or scare quote.
    pub speaker: Option<String>,
    /// 0..1: how often the rule that fired is right, roughly.
    pub confidence: f32,
    /// Why, in a sentence for the reviewer ("said Kessler, same sentence").
    pub reason: String,
    /// The sieve rule that named the speaker.
    pub rule: &'static str,
}

/// Suggestions for `text` (an article's text content: paragraphs separated by newlines), in
/// text order, with the language guessed from the text.
pub fn suggest(text: &str, known_speakers: &[KnownSpeaker]) -> Vec<Suggestion> {
    suggest_in(text, known_speakers, None)
}

/// [`suggest`] with the language given as an ISO 639-1 code (`"en"`, `"fr"`, `"de"`, `"es"`);
/// an unknown code or `None` guesses it.
pub fn suggest_in(
    text: &str,
    known_speakers: &[KnownSpeaker],
    language: Option<&str>,
) -> Vec<Suggestion> {
    let chars: Vec<char> = text.chars().collect();
    let paras = finder::paragraphs(&chars);
    let quotes = finder::find(&chars, &paras);
    let lang = language.and_then(lang::by_code).unwrap_or_else(|| {
        let tokens = analysis::tokenize(&chars);
        let words: Vec<&analysis::Token> = tokens.iter().filter(|t| t.word).collect();
        // Particles inside names (`von der Leyen`, `de la Rosa`) say nothing of the language.
        let inside_name = |i: usize| {
            let before = words[..i]
                .iter()
                .rev()
                .take(2)
                .take_while(|w| !w.capitalised())
                .count();
            let after = words[i + 1..]
                .iter()
                .take(2)
                .take_while(|w| !w.capitalised())
                .count();
            (lang::has(lang::NAME_PARTICLES, &words[i].lower)
                || lang::has(lang::SECOND_PARTICLES, &words[i].lower))
                && before < i
                && i + 1 + after < words.len()
                && before + after < 2
        };
        lang::guess(
            (0..words.len())
                .filter(|&i| !inside_name(i))
                .map(|i| words[i].lower.as_str()),
        )
    });
    let known: Vec<(String, Vec<String>)> = known_speakers
        .iter()
        .map(|k| (k.name.clone(), k.aliases.clone()))
        .collect();
    let a = analysis::analyse(&chars, &paras, &quotes, lang, &known);
    let attributions = sieve::attribute(&a, &quotes);
    // Every range the model stores is whole grapheme clusters (a mark carrying a combining
    // accent is text), so the suggestions are too.
    let index = TextIndex::new(text);
    quotes
        .iter()
        .zip(attributions)
        .map(|(f, at)| (index.snap_to_graphemes(CharRange::new(f.start, f.end)), at))
        .map(|(r, at)| Suggestion {
            start: r.start,
            end: r.end,
            exact: chars[r.start..r.end].iter().collect(),
            speaker: at.who.as_ref().map(|w| sieve::display(&a, w, &known)),
            confidence: at.confidence,
            reason: at.reason,
            rule: at.rule,
        })
        .collect()
}

/// The suggestions to offer for a document: those for its article's text with its speakers
/// known, leaving out passages already annotated (any overlap) and empty spans.
pub fn for_document(
    text: &str,
    document: &crate::core::document::Document,
    language: Option<&str>,
) -> Vec<Suggestion> {
    let known: Vec<KnownSpeaker> = document.speakers().iter().map(KnownSpeaker::from).collect();
    let taken: Vec<CharRange> = document
        .annotations()
        .iter()
        .filter_map(|a| a.range)
        .collect();
    suggest_in(text, &known, language)
        .into_iter()
        .filter(|s| s.start < s.end)
        .filter(|s| !taken.iter().any(|r| r.start < s.end && s.start < r.end))
        .collect()
}

impl Suggestion {
    /// A stable id for the host page and the UI: where it is, so the same passage keeps its
    /// id while the text is unchanged.
    pub fn id(&self) -> String {
        format!("sg{}-{}", self.start, self.end)
    }
}
