//! Language data for the suggestion engine: one table per language, chosen per article.
//!
//! # Adding a language
//!
//! Copy `en.rs` to `xx.rs`, translate every list (lowercase, one inflected form per entry:
//! the engine matches whole words and never stems), add `mod xx;` below and `&xx::XX` to
//! [`LANGUAGES`]. Nothing else changes: the finder is language-neutral, and the sieve only
//! reads these lists. Add a test passage in `tests/suggest.rs` for the new language.

mod de;
mod en;
mod es;
mod fr;

/// Word lists for one language: each list is one string of lowercase words separated by
/// spaces (cheaper in the shipped wasm than a slice of strings); [`Language::according_to`]
/// separates its phrases with `|`.
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Frequent function words: they vote for the language, and a capitalised one at the
    /// start of a sentence is never taken for a name.
    pub function_words: &'static str,
    /// Verbs of saying in every form that introduces speech (`said`, `raconte`, `sagte`,
    /// `señalado`). Auxiliaries are in [`Language::skip_before_verb`].
    pub speech_verbs: &'static str,
    /// Phrases putting the speaker right after them (`according to X`, `selon X`).
    pub according_to: &'static str,
    /// Words that, right after a quotation, put the speaker after them (German `„…“, so X`).
    pub inverted_markers: &'static str,
    /// Whether a verb may stand without its subject (Spanish `relata`): then a speech verb
    /// with no subject refers back to the person being talked about.
    pub pro_drop: bool,
    /// Words allowed between a subject and its speech verb (`X later said`, `X ha dicho`).
    pub skip_before_verb: &'static str,
    /// Prepositions that introduce an addressee after the verb (`explique à l'AFP X`).
    pub addressee_prepositions: &'static str,
    pub pronouns_male: &'static str,
    pub pronouns_female: &'static str,
    /// Third-person plural and neuter pronouns (`they`, `it`): they refer to groups,
    /// organisations and documents.
    pub pronouns_other: &'static str,
    /// Determiners and possessives that open a descriptive noun phrase (`the`, `his`, `la`).
    pub determiners: &'static str,
    /// Courtesy titles and ranks written before a name, without the dot (`mr`, `sen`, `chief`).
    pub titles: &'static str,
    /// Nouns for a person's role or relation (`mayor`, `wife`, `ministre`, `vecino`).
    pub roles: &'static str,
    /// Of [`Language::titles`] and [`Language::roles`], those that say the person is a woman
    /// or a man.
    pub female_words: &'static str,
    pub male_words: &'static str,
    /// Determiners that agree in gender with the noun after them (French `la`, Spanish `el`);
    /// not possessives that agree with the possessor (English `his`).
    pub female_determiners: &'static str,
    pub male_determiners: &'static str,
    /// Nouns for groups that speak together (`family`, `residents`, `police`).
    pub groups: &'static str,
    /// Nouns for documents and messages that "say" things (`statement`, `tweet`).
    pub documents: &'static str,
    /// Capitalised words inside a name that make it an organisation (`department`, `office`).
    pub organisation_words: &'static str,
    /// Capitalised words that are never names: months, weekdays.
    pub not_names: &'static str,
}

/// Every language the engine knows, in the order used to break ties when guessing.
pub static LANGUAGES: &[&Language] = &[&en::EN, &fr::FR, &de::DE, &es::ES];

/// Lowercase particles that may join two capitalised parts of one name (`Jean de La Fontaine`,
/// `City of Tallahassee`). Shared by all languages: they occur in names across them.
pub static NAME_PARTICLES: &str = "of de du des von van del di da dos";

/// Articles that may follow a particle inside a name (`von der Leyen`, `de la Rosa`).
pub static SECOND_PARTICLES: &str = "der den la le los las";

/// Prepositions of the four languages: a name right after one is not a verb's subject, and
/// a capitalised one at a sentence start is not part of a name.
pub static PREPOSITIONS: &str = "of in at on from for with by to into about after before over \
    under near via against during de du des en dans à au aux sur par pour avec chez vers entre \
    sous del con por para sobre desde von vom im am bei für aus zu zum zur laut nach mit über \
    unter gegen durch ohne vor según";

/// The language whose function words and speech verbs are most frequent among `words`
/// (lowercase); English when nothing votes.
pub fn guess<'a, I: IntoIterator<Item = &'a str>>(words: I) -> &'static Language {
    let mut votes = vec![0usize; LANGUAGES.len()];
    for word in words {
        for (i, language) in LANGUAGES.iter().enumerate() {
            if has(language.function_words, word) || has(language.speech_verbs, word) {
                votes[i] += 1;
            }
        }
    }
    let mut best = 0;
    for i in 1..LANGUAGES.len() {
        if votes[i] > votes[best] {
            best = i;
        }
    }
    LANGUAGES[best]
}

/// The table for an ISO 639-1 code.
pub fn by_code(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().copied().find(|l| l.code == code)
}

/// Whether the space-separated `list` contains the word `w`.
pub fn has(list: &str, w: &str) -> bool {
    if w.is_empty() {
        return false;
    }
    list.match_indices(w).any(|(i, _)| {
        let before = list[..i].chars().next_back();
        let after = list[i + w.len()..].chars().next();
        before.is_none_or(|c| c == ' ' || c == '|') && after.is_none_or(|c| c == ' ' || c == '|')
    })
}
