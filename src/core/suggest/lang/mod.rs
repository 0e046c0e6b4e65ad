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
/// single spaces and sorted bytewise (cheaper in the shipped wasm than a slice of strings, and
/// searched by bisection; the `lists_are_sorted` test says where a new word belongs);
/// [`Language::according_to`] separates its phrases with `|`.
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
/// `City of London`). Shared by all languages: they occur in names across them.
pub static NAME_PARTICLES: &str = "da de del des di dos du of van von";

/// Articles that may follow a particle inside a name (`von der Leyen`, `de la Rosa`).
pub static SECOND_PARTICLES: &str = "den der la las le los";

/// Prepositions of the four languages: a name right after one is not a verb's subject, and
/// a capitalised one at a sentence start is not part of a name.
pub static PREPOSITIONS: &str =
    "about after against am at au aus aux avec before bei by chez con dans de del des desde du \
    durch during en entre for from für gegen im in into laut mit nach near of ohne on over par \
    para por pour según sobre sous sur to under unter vers via vom von vor with zu zum zur à \
    über";

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

/// Whether the space-separated, byte-sorted `list` contains the word `w`: a binary search
/// over the string itself, so the lists cost no allocation and no start-up work.
pub fn has(list: &str, w: &str) -> bool {
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut start = mid;
        while start > lo && bytes[start - 1] != b' ' {
            start -= 1;
        }
        let mut end = mid;
        while end < hi && bytes[end] != b' ' {
            end += 1;
        }
        match list.as_bytes()[start..end].cmp(w.as_bytes()) {
            std::cmp::Ordering::Equal => return !w.is_empty(),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(l: &Language) -> Vec<(&'static str, &'static str)> {
        vec![
            ("function_words", l.function_words),
            ("speech_verbs", l.speech_verbs),
            ("inverted_markers", l.inverted_markers),
            ("skip_before_verb", l.skip_before_verb),
            ("addressee_prepositions", l.addressee_prepositions),
            ("pronouns_male", l.pronouns_male),
            ("pronouns_female", l.pronouns_female),
            ("pronouns_other", l.pronouns_other),
            ("determiners", l.determiners),
            ("titles", l.titles),
            ("roles", l.roles),
            ("female_words", l.female_words),
            ("male_words", l.male_words),
            ("female_determiners", l.female_determiners),
            ("male_determiners", l.male_determiners),
            ("groups", l.groups),
            ("documents", l.documents),
            ("organisation_words", l.organisation_words),
            ("not_names", l.not_names),
        ]
    }

    #[test]
    fn lists_are_sorted_lowercase_and_single_spaced() {
        let shared = [
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("SECOND_PARTICLES", SECOND_PARTICLES),
            ("PREPOSITIONS", PREPOSITIONS),
        ];
        for (name, list) in LANGUAGES.iter().flat_map(|l| lists(l)).chain(shared) {
            if list.is_empty() {
                continue;
            }
            let words: Vec<&str> = list.split(' ').collect();
            for pair in words.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} must come after {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for w in &words {
                assert!(!w.is_empty() && w.to_lowercase() == *w, "{name}: {w:?}");
                assert!(has(list, w), "{name}: {w:?} not found");
            }
        }
    }

    #[test]
    fn has_finds_only_whole_words() {
        let list = "ab abc b bcd";
        for w in ["ab", "abc", "b", "bcd"] {
            assert!(has(list, w));
        }
        for w in ["", "a", "bc", "abcd", "c", "zz"] {
            assert!(!has(list, w));
        }
        assert!(!has("", "a"));
    }
}
