//! The article as the sieve sees it: words, sentences with quotes folded into single items,
//! and mentions of people (names, titles, roles, pronouns) grouped into entities. The steps
//! live in [`super::tokens`], [`super::mentions`] and [`super::entities`]; this module holds the
//! model they fill and the questions the sieve asks of it.

use super::entities::build_entities;
use super::finder::Found;
use super::lang::{has, Language};
use super::mentions::find_mentions;
pub use super::tokens::{tokenize, Token};
use crate::core::text::typography::is_quote_mark;

/// One element of a paragraph as the sieve reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Tok(usize),
    Quote(usize),
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub paragraph: usize,
    pub items: Vec<Item>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Name,
    /// A personal pronoun (he, elle, er) with its gender.
    Personal(Option<Gender>),
    /// It, they, ils: groups, organisations, documents.
    OtherPronoun,
    /// A determiner plus a role noun: the mayor, la ministre.
    Role,
    Group,
    Document,
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub kind: MentionKind,
    pub sentence: usize,
    /// Item range within the sentence (end exclusive).
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub text: String,
    /// The role noun for Role mentions (lowercase).
    pub role: String,
    pub gender: Option<Gender>,
    /// A name that is an organisation's (`Riverside Fire Department`).
    pub organisation: bool,
    pub entity: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Entity {
    /// Name words as written, without titles (the longest form seen).
    pub words: Vec<String>,
    pub lower: Vec<String>,
    pub roles: Vec<String>,
    pub gender: Option<Gender>,
    pub person: bool,
    pub organisation: bool,
    /// Index into the known speakers.
    pub known: Option<usize>,
}

impl Entity {
    pub fn name(&self) -> String {
        self.words.join(" ")
    }
}

pub struct Analysis<'a> {
    pub lang: &'static Language,
    pub chars: &'a [char],
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// For each quote: (sentence, item index).
    pub quote_at: Vec<(usize, usize)>,
    /// Mentions are in text order; `by_sentence[s]` is the index range of sentence `s`'s.
    pub mentions: Vec<Mention>,
    pub by_sentence: Vec<(usize, usize)>,
    pub entities: Vec<Entity>,
}

impl<'a> Analysis<'a> {
    pub fn tok(&self, item: Item) -> Option<&Token> {
        match item {
            Item::Tok(t) => self.tokens.get(t),
            Item::Quote(_) => None,
        }
    }

    pub fn word_at(&self, sentence: usize, i: usize) -> Option<&Token> {
        self.sentences
            .get(sentence)
            .and_then(|s| s.items.get(i))
            .and_then(|&it| self.tok(it))
            .filter(|t| t.word)
    }

    pub fn is_speech_verb(&self, t: &Token) -> bool {
        t.speech
    }

    fn speech_verb(&self, t: &Token) -> bool {
        if !t.word {
            return false;
        }
        if has(self.lang.speech_verbs, &t.lower) {
            return true;
        }
        // `raconte-t-il`, `a-t-elle`: the verb is the first part of a hyphenated inversion.
        let mut parts = t.lower.split(['-', '‑']);
        parts.next().is_some_and(|p| has(self.lang.speech_verbs, p))
            && hyphen_pronoun(self.lang, &t.lower).is_some()
    }

    pub fn is_title_word(&self, w: &str) -> bool {
        let w = w.trim_end_matches('.');
        let last = w.rsplit(['-', '‑']).next().unwrap_or(w);
        has(self.lang.titles, w) || has(self.lang.roles, w) || has(self.lang.titles, last)
    }

    /// A German compound title ends in its head noun (`Oberbürgermeisterin`, `Fraktionschef`).
    /// Only asked of a word followed by more of a name: surnames end in `-mann` too.
    pub(super) fn is_title_compound(&self, w: &str) -> bool {
        self.lang.code == "de"
            && self
                .lang
                .titles
                .split(' ')
                .chain(self.lang.roles.split(' '))
                .any(|t| t.chars().count() >= 4 && w.len() > t.len() && w.ends_with(t))
    }

    pub(super) fn gender_of_word(&self, w: &str) -> Option<Gender> {
        if has(self.lang.female_words, w) {
            Some(Gender::Female)
        } else if has(self.lang.male_words, w) {
            Some(Gender::Male)
        } else {
            None
        }
    }

    /// Mentions of sentence `s` in order.
    pub fn mentions_in(&self, s: usize) -> impl Iterator<Item = (usize, &Mention)> {
        let (from, to) = self.by_sentence.get(s).copied().unwrap_or((0, 0));
        self.mentions[from..to]
            .iter()
            .enumerate()
            .map(move |(i, m)| (from + i, m))
    }

    /// The mention that starts at item `i` of sentence `s`. Mentions of a sentence do not
    /// overlap and are in order, so a binary search finds it.
    pub fn mention_starting(&self, s: usize, i: usize) -> Option<usize> {
        let (from, to) = self.by_sentence.get(s).copied().unwrap_or((0, 0));
        let slice = &self.mentions[from..to];
        let k = slice.partition_point(|m| m.first < i);
        slice.get(k).filter(|m| m.first == i).map(|_| from + k)
    }

    /// The mention that ends at item `i` (inclusive) of sentence `s`.
    pub fn mention_ending(&self, s: usize, i: usize) -> Option<usize> {
        let (from, to) = self.by_sentence.get(s).copied().unwrap_or((0, 0));
        let slice = &self.mentions[from..to];
        let k = slice.partition_point(|m| m.last < i + 1);
        slice.get(k).filter(|m| m.last == i + 1).map(|_| from + k)
    }
}

/// An age used as a noun (`der 45-Jährige`, `the 45-year-old`): it stands for a person just
/// named.
pub fn is_age(w: &str) -> bool {
    w.contains('-') && w.starts_with(|c: char| c.is_ascii_digit())
}

/// The pronoun at the end of a French inversion (`raconte-t-il` → il).
pub fn hyphen_pronoun(lang: &Language, lower: &str) -> Option<Option<Gender>> {
    let last = lower.rsplit(['-', '‑']).next()?;
    if last.len() == lower.len() {
        return None;
    }
    if has(lang.pronouns_male, last) {
        Some(Some(Gender::Male))
    } else if has(lang.pronouns_female, last) {
        Some(Some(Gender::Female))
    } else if has(lang.pronouns_other, last) {
        Some(None)
    } else {
        None
    }
}

/// Builds tokens, sentences, mentions and entities.
pub fn analyse<'a>(
    chars: &'a [char],
    paras: &[(usize, usize)],
    quotes: &[Found],
    lang: &'static Language,
    known: &[(String, Vec<String>)],
) -> Analysis<'a> {
    let mut tokens = tokenize(chars);
    let probe = Analysis {
        lang,
        chars,
        tokens: Vec::new(),
        sentences: Vec::new(),
        quote_at: Vec::new(),
        mentions: Vec::new(),
        by_sentence: Vec::new(),
        entities: Vec::new(),
    };
    for i in 0..tokens.len() {
        // `Frank Weiß`: a capitalised word after a capitalised word is a name, not a verb.
        let in_name = tokens[i].capitalised() && i > 0 && tokens[i - 1].capitalised();
        tokens[i].speech = !in_name && probe.speech_verb(&tokens[i]);
    }
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut quote_at = vec![(0, 0); quotes.len()];
    let mut ti = 0;
    let mut qi = 0;
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let mut items: Vec<Item> = Vec::new();
        while ti < tokens.len() && tokens[ti].start < ps {
            ti += 1;
        }
        while ti < tokens.len() && tokens[ti].start < pe {
            while qi < quotes.len() && quotes[qi].paragraph < pi {
                qi += 1;
            }
            let t = &tokens[ti];
            if let Some(q) = quotes
                .get(qi)
                .filter(|q| q.paragraph == pi && t.start >= q.open)
            {
                let qend = q.close.map_or(pe, |c| c + 1);
                items.push(Item::Quote(qi));
                while ti < tokens.len() && tokens[ti].start < qend {
                    ti += 1;
                }
                qi += 1;
                continue;
            }
            items.push(Item::Tok(ti));
            ti += 1;
        }
        // Split into sentences.
        let mut cur: Vec<Item> = Vec::new();
        for k in 0..items.len() {
            cur.push(items[k]);
            let next = items.get(k + 1);
            let next_starts = match next {
                Some(Item::Quote(_)) => true,
                Some(Item::Tok(t)) => {
                    let t = &tokens[*t];
                    t.capitalised()
                        || t.text
                            .starts_with(|c: char| c.is_ascii_digit() || is_quote_mark(c))
                }
                None => false,
            };
            if !next_starts {
                continue;
            }
            let ends = match items[k] {
                Item::Tok(t) => {
                    let tk = &tokens[t];
                    let stop = matches!(tk.text.as_str(), "." | "!" | "?" | "…");
                    let abbrev = tk.text == "."
                        && k > 0
                        && match items[k - 1] {
                            Item::Tok(p) => {
                                let w = &tokens[p];
                                w.word
                                    && w.end == tk.start
                                    && ((w.text.chars().count() == 1 && w.capitalised())
                                        // Abbreviated titles (`Dr.`, `Sen.`, `Capt.`), not
                                        // a sentence ending on `Trainer.`.
                                        || (w.lower.chars().count() <= 4
                                            && has(lang.titles, &w.lower))
                                        || w.text.chars().all(|c| c.is_uppercase()))
                            }
                            Item::Quote(_) => false,
                        };
                    stop && !abbrev
                }
                Item::Quote(q) => {
                    let f = &quotes[q];
                    f.end > f.start && matches!(chars[f.end - 1], '.' | '!' | '?' | '…')
                }
            };
            if ends {
                sentences.push(Sentence {
                    paragraph: pi,
                    items: std::mem::take(&mut cur),
                });
            }
        }
        if !cur.is_empty() {
            sentences.push(Sentence {
                paragraph: pi,
                items: cur,
            });
        }
    }
    for (si, s) in sentences.iter().enumerate() {
        for (ii, it) in s.items.iter().enumerate() {
            if let Item::Quote(q) = it {
                quote_at[*q] = (si, ii);
            }
        }
    }
    let mut a = Analysis {
        lang,
        chars,
        tokens,
        sentences,
        quote_at,
        mentions: Vec::new(),
        by_sentence: Vec::new(),
        entities: Vec::new(),
    };
    find_mentions(&mut a);
    let mut by_sentence = vec![(0, 0); a.sentences.len()];
    let mut k = 0;
    for (s, range) in by_sentence.iter_mut().enumerate() {
        let from = k;
        while k < a.mentions.len() && a.mentions[k].sentence == s {
            k += 1;
        }
        *range = (from, k);
    }
    a.by_sentence = by_sentence;
    build_entities(&mut a, known);
    a
}

impl Analysis<'_> {
    pub(super) fn word_or_punct(&self, s: usize, i: usize) -> Option<&str> {
        self.sentences
            .get(s)?
            .items
            .get(i)
            .and_then(|&it| self.tok(it))
            .map(|t| t.text.as_str())
    }
}
