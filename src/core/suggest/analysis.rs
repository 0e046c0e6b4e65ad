//! The article as the sieve sees it: words, sentences with quotes folded into single items,
//! and mentions of people (names, titles, roles, pronouns) grouped into entities.

use super::finder::Found;
use super::lang::{has, Language, NAME_PARTICLES, PREPOSITIONS, SECOND_PARTICLES};
use crate::core::text::typography::is_quote_mark;

#[derive(Clone, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lowercase text.
    pub lower: String,
    /// Original text.
    pub text: String,
    pub word: bool,
    /// A speech verb of the article's language (set once the language is known).
    pub speech: bool,
}

impl Token {
    /// The word without a French/Italian elided article (`l’AFP` → `AFP`).
    pub fn core(&self) -> (&str, &str) {
        elision_split(&self.text)
    }

    pub fn core_lower(&self) -> String {
        self.core().1.to_lowercase()
    }

    pub fn capitalised(&self) -> bool {
        self.word && self.core().1.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_punct(&self, c: char) -> bool {
        !self.word && self.text.starts_with(c)
    }
}

/// Splits `l’entraîneur` into (`l’`, `entraîneur`); other words into (``, word).
pub fn elision_split(word: &str) -> (&str, &str) {
    if let Some(i) = word.find(['\'', '’']) {
        let head = &word[..i];
        let lower = head.to_lowercase();
        if matches!(
            lower.as_str(),
            "l" | "d" | "j" | "qu" | "n" | "s" | "c" | "m" | "t" | "lorsqu" | "jusqu"
        ) {
            let tail_start = i + word[i..].chars().next().map_or(1, char::len_utf8);
            return (&word[..tail_start], &word[tail_start..]);
        }
    }
    ("", word)
}

/// Words: runs of letters and digits, keeping apostrophes and hyphens between letters.
/// Everything else that is not a space is a one-character punctuation token.
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let s = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (matches!(chars[i], '\'' | '’' | '-' | '‑')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_alphanumeric()))
            {
                i += 1;
            }
            let text: String = chars[s..i].iter().collect();
            out.push(Token {
                start: s,
                end: i,
                lower: text.to_lowercase(),
                text,
                word: true,
                speech: false,
            });
        } else {
            if !c.is_whitespace() {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    lower: c.to_string(),
                    text: c.to_string(),
                    word: false,
                    speech: false,
                });
            }
            i += 1;
        }
    }
    out
}

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
    fn is_title_compound(&self, w: &str) -> bool {
        self.lang.code == "de"
            && self
                .lang
                .titles
                .split(' ')
                .chain(self.lang.roles.split(' '))
                .any(|t| t.chars().count() >= 4 && w.len() > t.len() && w.ends_with(t))
    }

    fn gender_of_word(&self, w: &str) -> Option<Gender> {
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

fn find_mentions(a: &mut Analysis) {
    let lang = a.lang;
    let mut mentions = Vec::new();
    for (si, s) in a.sentences.iter().enumerate() {
        let n = s.items.len();
        let tok = |i: usize| -> Option<&Token> {
            match s.items.get(i) {
                Some(Item::Tok(t)) => a.tokens.get(*t),
                _ => None,
            }
        };
        let mut i = 0;
        while i < n {
            let Some(t) = tok(i) else {
                i += 1;
                continue;
            };
            if !t.word {
                i += 1;
                continue;
            }
            // Pronouns, including `raconte-t-il`.
            if let Some(g) = hyphen_pronoun(lang, &t.lower) {
                let kind = match g {
                    Some(g) => MentionKind::Personal(Some(g)),
                    None => MentionKind::OtherPronoun,
                };
                mentions.push(mention(kind, si, i, i + 1, t, t.text.clone()));
                i += 1;
                continue;
            }
            let sentence_start = i == 0 || (i == 1 && tok(0).is_some_and(|p| !p.word));
            let pron = if t.capitalised() && !sentence_start && lang.code == "de" {
                None // `Sie` mid-sentence is the polite "you"
            } else if has(lang.pronouns_male, &t.lower) {
                Some(MentionKind::Personal(Some(Gender::Male)))
            } else if has(lang.pronouns_female, &t.lower) {
                Some(MentionKind::Personal(Some(Gender::Female)))
            } else if has(lang.pronouns_other, &t.lower) {
                Some(MentionKind::OtherPronoun)
            } else {
                None
            };
            if let Some(kind) = pron {
                mentions.push(mention(kind, si, i, i + 1, t, t.text.clone()));
                i += 1;
                continue;
            }
            // A bare group noun as the subject of a speech verb: `police said`, `Vecinos …`.
            {
                let mut v = i + 1;
                while tok(v).is_some_and(|w| w.word && has(lang.skip_before_verb, &w.lower)) {
                    v += 1;
                }
                let before_verb = tok(v).is_some_and(|w| a.is_speech_verb(w));
                if (has(lang.groups, &t.lower) && (before_verb || sentence_start))
                    && !has(lang.determiners, &t.lower)
                {
                    mentions.push(mention(MentionKind::Group, si, i, i + 1, t, t.text.clone()));
                    i += 1;
                    continue;
                }
            }
            // A determiner (or elided article) opening a role, group or document phrase.
            let (elided, core) = t.core();
            let core_lower = core.to_lowercase();
            let det_here = has(lang.determiners, &t.lower) || !elided.is_empty();
            if det_here {
                let noun_at = if !elided.is_empty() { Some(i) } else { None };
                let candidates: Vec<usize> = match noun_at {
                    Some(k) => vec![k],
                    None => vec![i + 1, i + 2],
                };
                let mut found = None;
                for k in candidates {
                    let Some(w) = tok(k) else { break };
                    if !w.word {
                        break;
                    }
                    let wl = if k == i {
                        core_lower.clone()
                    } else {
                        w.core_lower()
                    };
                    let noun_capitalised = if k == i {
                        core.starts_with(char::is_uppercase)
                    } else {
                        w.capitalised()
                    };
                    // A capitalised noun after a determiner is part of a name (`the City of
                    // X`), except in German, which capitalises every noun (`der Trainer`).
                    if noun_capitalised && lang.code != "de" {
                        break;
                    }
                    let kind = if has(lang.documents, &wl) {
                        Some(MentionKind::Document)
                    } else if has(lang.groups, &wl) {
                        Some(MentionKind::Group)
                    } else if has(lang.roles, &wl)
                        || has(lang.titles, &wl)
                        || (noun_capitalised && a.is_title_compound(&wl))
                        || is_age(&wl)
                    {
                        Some(MentionKind::Role)
                    } else {
                        None
                    };
                    if let Some(kind) = kind {
                        // The role is a title of the name right after it: leave it to the name.
                        if tok(k + 1).is_some_and(|x| x.capitalised()) && kind == MentionKind::Role
                        {
                            break;
                        }
                        found = Some((k, wl, kind));
                        break;
                    }
                    if w.capitalised()
                        || has(lang.function_words, &wl)
                        || has(lang.speech_verbs, &wl)
                    {
                        break;
                    }
                }
                if let Some((k, wl, kind)) = found {
                    let mut last = k + 1;
                    // Romance adjectives follow the noun: `l’entraîneur principal`.
                    if matches!(lang.code, "fr" | "es") {
                        if let Some(adj) = tok(k + 1) {
                            let al = adj.lower.as_str();
                            if adj.word
                                && !adj.capitalised()
                                && !has(lang.function_words, al)
                                && !has(lang.speech_verbs, al)
                                && !has(lang.skip_before_verb, al)
                                && tok(k + 2)
                                    .is_some_and(|x| x.word && has(lang.function_words, &x.lower))
                            {
                                last = k + 2;
                            }
                        }
                    }
                    let start_tok = t;
                    let end_tok = tok(last - 1).map_or(t.end, |x| x.end);
                    let text: String = a.chars[start_tok.start..end_tok].iter().collect();
                    let mut m = mention(kind, si, i, last, t, text);
                    m.gender = a.gender_of_word(&wl).or_else(|| {
                        let d = t.lower.as_str();
                        let d = if elided.is_empty() { d } else { "" };
                        if has(lang.female_determiners, d) {
                            Some(Gender::Female)
                        } else if has(lang.male_determiners, d) && kind == MentionKind::Role {
                            Some(Gender::Male)
                        } else {
                            None
                        }
                    });
                    m.role = wl;
                    mentions.push(m);
                    i = last;
                    continue;
                }
            }
            // Names: runs of capitalised words.
            if t.capitalised() {
                let mut j = i;
                let mut words: Vec<usize> = Vec::new();
                while j < n {
                    let Some(w) = tok(j) else { break };
                    if w.capitalised() {
                        // `l’AFP Hélène Roux`: an elided article starts its own phrase.
                        if !words.is_empty() && !w.core().0.is_empty() {
                            break;
                        }
                        words.push(j);
                        j += 1;
                        if !w.core().0.is_empty() {
                            break;
                        }
                        let dotted = tok(j).is_some_and(|d| d.is_punct('.'))
                            && (w.text.chars().count() <= 2 || a.is_title_word(&w.lower));
                        // `Texas’ Governor Ann Roe`: a possessive inside the run.
                        let possessive = tok(j)
                            .is_some_and(|d| d.is_punct('’') || d.is_punct('\''))
                            && tok(j).is_some_and(|d| d.start == w.end);
                        if (dotted || possessive) && tok(j + 1).is_some_and(|x| x.capitalised()) {
                            j += 1;
                        }
                    } else if w.word
                        && has(NAME_PARTICLES, &w.lower)
                        && !words.is_empty()
                        && tok(j + 1).is_some_and(|x| x.capitalised())
                        // `of` joins an organisation's name (`City of X`), not a person to
                        // where they work (`Lisa Grant of KTVB`).
                        && (w.lower != "of"
                            || words.iter().any(|&k| {
                                tok(k).is_some_and(|x| has(lang.organisation_words, &x.core_lower()))
                            }))
                    {
                        j += 1;
                    } else if w.word
                        && has(NAME_PARTICLES, &w.lower)
                        && !words.is_empty()
                        && tok(j + 1).is_some_and(|x| x.word && has(SECOND_PARTICLES, &x.lower))
                        && tok(j + 2).is_some_and(|x| x.capitalised())
                    {
                        j += 2; // `von der Leyen`, `de la Rosa`
                    } else {
                        break;
                    }
                }
                let end_item = j;
                // Drop leading function words, months, pronouns; the noun after a German
                // determiner is a common noun, not a name.
                let mut k = 0;
                let prev_det =
                    i > 0 && tok(i - 1).is_some_and(|p| p.word && has(lang.determiners, &p.lower));
                let mut roles: Vec<String> = Vec::new();
                let mut after_det = false;
                while k < words.len() {
                    let w = tok(words[k]).map(|x| x.core_lower()).unwrap_or_default();
                    if has(lang.function_words, &w)
                        || has(PREPOSITIONS, &w)
                        || has(lang.determiners, &w)
                        || has(lang.not_names, &w)
                        || (k == 0 && prev_det && lang.code == "de")
                        || (after_det && lang.code == "de")
                    {
                        // German capitalises nouns: `Die Kosten` is not a name.
                        after_det = has(lang.determiners, &w) && !after_det;
                        if a.is_title_word(&w) {
                            roles.push(w);
                        }
                        k += 1;
                    } else {
                        break;
                    }
                }
                let rest: Vec<usize> = words[k..].to_vec();
                if rest.is_empty() {
                    i = end_item.max(i + 1);
                    continue;
                }
                let lowers: Vec<String> = rest
                    .iter()
                    .map(|&x| tok(x).map(|t| t.core_lower()).unwrap_or_default())
                    .collect();
                // `Riverside Fire Department`, `Guardia Civil`, `Ministerio del Interior`; but a
                // title makes a person (`Police Chief Ann Roe`).
                let titled = lowers[..lowers.len().saturating_sub(1)]
                    .iter()
                    .any(|l| a.is_title_word(l));
                let org = (!titled
                    && [lowers.first(), lowers.last()]
                        .into_iter()
                        .flatten()
                        .any(|l| has(lang.organisation_words, l)))
                    || lowers
                        .last()
                        .is_some_and(|l| has(lang.organisation_words, l))
                    || rest.iter().all(|&x| {
                        tok(x).is_some_and(|t| {
                            t.text.chars().count() > 1 && t.text.chars().all(|c| !c.is_lowercase())
                        })
                    });
                // Everything up to the last title is title: `Springfield Police Deputy Chief`.
                let mut name_from = 0;
                if !org {
                    for (idx, l) in lowers.iter().enumerate() {
                        if a.is_title_word(l) || (idx + 1 < lowers.len() && a.is_title_compound(l))
                        {
                            name_from = idx + 1;
                        }
                    }
                }
                for l in &lowers[..name_from] {
                    if a.is_title_word(l) || a.is_title_compound(l) {
                        roles.push(
                            l.trim_end_matches('.')
                                .rsplit(['-', '‑'])
                                .next()
                                .unwrap_or(l)
                                .to_string(),
                        );
                    }
                }
                // Lowercase titles just before the run: `his wife Martha`, `daughter Ines`.
                let mut b = i;
                while b > 0 {
                    match tok(b - 1) {
                        Some(p) if p.word && !p.capitalised() && a.is_title_word(&p.lower) => {
                            roles.push(p.lower.clone());
                            b -= 1;
                        }
                        _ => break,
                    }
                }
                let det_before = b > 0
                    && tok(b - 1).is_some_and(|p| {
                        p.word && !p.capitalised() && has(lang.determiners, &p.lower)
                    });
                let mention_first = if det_before { b - 1 } else { b };
                let name_items = &rest[name_from..];
                if name_items.is_empty() {
                    // A title with no name after it (`A Harbour Master`, `Police Chief`): an
                    // unnamed person described by a role.
                    if let Some(&last) = rest.last() {
                        let lt = tok(last).map(|t| t.core_lower()).unwrap_or_default();
                        let from = tok(mention_first).map_or(t.start, |x| x.start);
                        let to = tok(last).map_or(t.end, |x| x.end);
                        let text: String = a.chars[from..to].iter().collect();
                        let mut m =
                            mention(MentionKind::Role, si, mention_first, last + 1, t, text);
                        m.start = from;
                        m.gender = a.gender_of_word(&lt);
                        m.role = lt;
                        mentions.push(m);
                    }
                    i = end_item.max(i + 1);
                    continue;
                }
                let first_item = name_items[0];
                let last_item = *name_items.last().unwrap_or(&first_item);
                let s_ch = tok(first_item).map_or(0, |x| x.start + x.core().0.chars().count());
                let e_ch = tok(last_item).map_or(0, |x| x.end);
                let text: String = a.chars[s_ch..e_ch].iter().collect();
                let mut m = mention(MentionKind::Name, si, mention_first, last_item + 1, t, text);
                m.start = s_ch;
                m.gender = roles.iter().find_map(|r| a.gender_of_word(r));
                m.role = roles.join(" ");
                m.organisation = org;
                mentions.push(m);
                i = end_item.max(i + 1);
                continue;
            }
            i += 1;
        }
    }
    a.mentions = mentions;
}

fn mention(
    kind: MentionKind,
    sentence: usize,
    first: usize,
    last: usize,
    t: &Token,
    text: String,
) -> Mention {
    Mention {
        kind,
        sentence,
        first,
        last,
        start: t.start,
        text,
        role: String::new(),
        gender: None,
        organisation: false,
        entity: None,
    }
}

/// Name words of a mention text, without dots, lowercase.
fn name_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn build_entities(a: &mut Analysis, known: &[(String, Vec<String>)]) {
    let lang = a.lang;
    let mut entities: Vec<Entity> = Vec::new();
    for mi in 0..a.mentions.len() {
        if a.mentions[mi].kind != MentionKind::Name {
            continue;
        }
        let m = &a.mentions[mi];
        let words: Vec<String> = m.text.split_whitespace().map(str::to_string).collect();
        let lower = name_words(&m.text);
        if lower.is_empty() {
            continue;
        }
        let org = m.organisation;
        let surname = lower.last().cloned().unwrap_or_default();
        let found = if lower.len() >= 2 {
            entities
                .iter()
                .rposition(|e| {
                    e.lower.len() >= 2
                        && e.lower.first() == lower.first()
                        && e.lower.last() == lower.last()
                })
                .or_else(|| {
                    // A full name after a surname-only mention of the same person.
                    entities.iter().rposition(|e| {
                        e.lower.len() == 1 && e.lower[0] == surname && !e.organisation
                    })
                })
        } else {
            entities
                .iter()
                .position(|e| e.lower.len() >= 2 && e.lower.last() == Some(&surname))
                .or_else(|| {
                    entities
                        .iter()
                        .rposition(|e| e.lower.len() >= 2 && e.lower.first() == Some(&surname))
                })
                .or_else(|| entities.iter().rposition(|e| e.lower == lower))
        };
        let ei = match found {
            Some(ei) => {
                let e = &mut entities[ei];
                if lower.len() > e.lower.len() && !org {
                    e.words = words;
                    e.lower = lower.clone();
                }
                ei
            }
            None => {
                entities.push(Entity {
                    words,
                    lower: lower.clone(),
                    organisation: org,
                    ..Entity::default()
                });
                entities.len() - 1
            }
        };
        let m = &a.mentions[mi];
        let e = &mut entities[ei];
        if !org {
            for r in m.role.split(' ').filter(|r| !r.is_empty()) {
                if !e.roles.iter().any(|x| x == r) {
                    e.roles.push(r.to_string());
                }
            }
            if e.gender.is_none() {
                e.gender = m.gender;
            }
            if lower.len() >= 2 || !m.role.is_empty() {
                e.person = true;
            }
        }
        a.mentions[mi].entity = Some(ei);
    }
    // Appositions link a role phrase to the name beside it: `the mayor, Ann Roe`,
    // `Paul Roux, le maire de Lyon`, `Ann Roe, vice-president of …`.
    for mi in 0..a.mentions.len() {
        let m = &a.mentions[mi];
        if m.kind != MentionKind::Name {
            continue;
        }
        let Some(ei) = m.entity else { continue };
        if entities[ei].organisation {
            continue;
        }
        let (si, first, last) = (m.sentence, m.first, m.last);
        let comma_before = first > 0 && a.word_or_punct(si, first - 1) == Some(",");
        let comma_after = a.word_or_punct(si, last) == Some(",");
        let mut link = None;
        if comma_after {
            link = a
                .mentions_in(si)
                .find(|(_, r)| r.first == last + 1 && r.kind == MentionKind::Role)
                .map(|(k, _)| k);
            if link.is_none() {
                if let Some(w) = a.word_at(si, last + 1) {
                    if has(lang.roles, &w.lower) || has(lang.titles, &w.lower) {
                        let role = w.lower.clone();
                        let e = &mut entities[ei];
                        e.person = true;
                        if !e.roles.contains(&role) {
                            e.roles.push(role);
                        }
                    }
                }
            }
        }
        if link.is_none() && comma_before {
            link = a
                .mentions_in(si)
                .filter(|(_, r)| {
                    r.last <= first && r.first + 10 >= first && r.kind == MentionKind::Role
                })
                .last()
                .map(|(k, _)| k)
                .filter(|&r| {
                    // Names inside the role phrase (`el alcalde de Villanueva, …`) do not count.
                    !a.mentions_in(si).any(|(_, x)| {
                        x.kind == MentionKind::Name
                            && x.first > a.mentions[r].first
                            && x.first < first
                            && ![Some(x.first), x.first.checked_sub(1)]
                                .into_iter()
                                .flatten()
                                .any(|i| {
                                    a.word_at(si, i)
                                        .is_some_and(|w| has(PREPOSITIONS, &w.lower))
                                })
                    })
                });
        }
        if let Some(r) = link {
            let role = a.mentions[r].role.clone();
            let g = a.mentions[r].gender;
            a.mentions[r].entity = Some(ei);
            let e = &mut entities[ei];
            e.person = true;
            if e.gender.is_none() {
                e.gender = g;
            }
            if !e.roles.contains(&role) {
                e.roles.push(role);
            }
        }
    }
    // A name that is the subject of a speech verb is a speaker, whatever its length.
    for si in 0..a.sentences.len() {
        for ii in 0..a.sentences[si].items.len() {
            let Some(t) = a.word_at(si, ii) else { continue };
            if !a.is_speech_verb(t) {
                continue;
            }
            let mut left = ii;
            while left > 0
                && a.word_at(si, left - 1)
                    .is_some_and(|w| has(lang.skip_before_verb, &w.lower))
            {
                left -= 1;
            }
            let cands = [
                left.checked_sub(1).and_then(|l| a.mention_ending(si, l)),
                a.mention_starting(si, ii + 1),
            ];
            for m in cands.into_iter().flatten() {
                if let Some(ei) = a.mentions[m].entity {
                    entities[ei].person = true;
                }
            }
        }
    }
    // Entities the user already knows (name or alias): full name, then a unique surname.
    for e in entities.iter_mut() {
        let full = e.lower.join(" ");
        let mut hit = None;
        for (ki, (name, aliases)) in known.iter().enumerate() {
            if std::iter::once(name)
                .chain(aliases.iter())
                .any(|n| name_words(n).join(" ") == full)
            {
                hit = Some(ki);
                break;
            }
        }
        if hit.is_none() {
            let surname = e.lower.last().cloned().unwrap_or_default();
            let first = e.lower.first().cloned().unwrap_or_default();
            let matching: Vec<usize> = known
                .iter()
                .enumerate()
                .filter(|(_, (name, aliases))| {
                    std::iter::once(name).chain(aliases.iter()).any(|n| {
                        let w = name_words(n);
                        w.last() == Some(&surname)
                            && (e.lower.len() == 1 || w.len() == 1 || w.first() == Some(&first))
                    })
                })
                .map(|(k, _)| k)
                .collect();
            if matching.len() == 1 {
                hit = Some(matching[0]);
            }
        }
        if let Some(k) = hit {
            e.known = Some(k);
            e.person = true;
        }
    }
    a.entities = entities;
}

impl Analysis<'_> {
    fn word_or_punct(&self, s: usize, i: usize) -> Option<&str> {
        self.sentences
            .get(s)?
            .items
            .get(i)
            .and_then(|&it| self.tok(it))
            .map(|t| t.text.as_str())
    }
}
