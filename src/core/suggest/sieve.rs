//! The speaker sieve: small named rules tried in order of precision, as in Muzny et al.
//! (2017). Each rule either names a speaker with a reason or passes to the next one.
//!
//! Order: a title in quotation marks (no speaker); a speech verb after the quote in its
//! sentence, `according to`, a speech verb before it, a name before a colon, a speech verb in
//! the following sentence; then, for quotes still without a speaker, a short fragment with no
//! cue (scare quote, no speaker), the quote before in the same paragraph, a quote that repeats
//! another (headlines), the sentence or paragraph before, the first speaker after a headline
//! quote, and last the nearest person. The first pass runs over every quote before the second
//! starts, so a headline can borrow the speaker of a quote further down.
//!
//! The file is long because every rule is a method on the one [`Sieve`] state and the rules
//! are read, tuned and measured against each other in order; split up, their order and
//! precedence would no longer be visible in one place.

use super::analysis::{is_age, Analysis, Gender, Mention, MentionKind};
use super::finder::Found;
use super::lang::{has, NAME_PARTICLES, PREPOSITIONS};

/// Indefinite articles in the four languages.
const INDEFINITE: &str = "a an ein eine einen un una une";

/// Who a rule found.
#[derive(Clone, Debug, PartialEq)]
pub enum Who {
    Entity(usize),
    /// A description kept as written: a document, a group, an unnamed person.
    Text(String),
}

#[derive(Clone, Debug)]
pub struct Attribution {
    pub who: Option<Who>,
    pub rule: &'static str,
    pub reason: String,
    pub confidence: f32,
}

struct Sieve<'s, 'a> {
    a: &'s Analysis<'a>,
    quotes: &'s [Found],
    out: Vec<Option<Attribution>>,
    /// Each quote's words, lowercase.
    words: Vec<Vec<String>>,
}

fn quote_words(chars: &[char], f: &Found) -> Vec<String> {
    let s: String = chars[f.start..f.end].iter().collect();
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

pub fn attribute(a: &Analysis, quotes: &[Found]) -> Vec<Attribution> {
    let mut s = Sieve {
        a,
        quotes,
        out: vec![None; quotes.len()],
        words: quotes.iter().map(|f| quote_words(a.chars, f)).collect(),
    };
    for q in 0..quotes.len() {
        if let Some(r) = s.scare_title(q) {
            s.out[q] = Some(r);
            continue;
        }
        let r = s
            .cue_after(q)
            .or_else(|| s.dash(q))
            .or_else(|| s.according_to(q))
            .or_else(|| s.cue_before(q))
            .or_else(|| s.colon_label(q))
            .or_else(|| s.following_sentence(q));
        s.out[q] = r;
    }
    for q in 0..quotes.len() {
        if s.out[q].is_some() {
            continue;
        }
        let r = s
            .scare_short(q)
            .or_else(|| s.continuation(q))
            .or_else(|| s.echo(q))
            .or_else(|| s.paragraph_before(q))
            .or_else(|| s.headline(q))
            .or_else(|| s.nearest_person(q));
        s.out[q] = r;
    }
    s.out
        .into_iter()
        .map(|r| {
            r.unwrap_or(Attribution {
                who: None,
                rule: "none",
                reason: "no speaker found".to_string(),
                confidence: 0.1,
            })
        })
        .collect()
}

impl Sieve<'_, '_> {
    pub fn name(&self, who: &Who) -> String {
        match who {
            Who::Entity(e) => self.a.entities[*e].name(),
            Who::Text(t) => t.clone(),
        }
    }

    fn found(
        &self,
        who: Who,
        rule: &'static str,
        reason: String,
        confidence: f32,
    ) -> Option<Attribution> {
        Some(Attribution {
            who: Some(who),
            rule,
            reason,
            confidence,
        })
    }

    fn is_person(&self, who: &Who) -> bool {
        match who {
            Who::Entity(e) => !self.a.entities[*e].organisation,
            Who::Text(_) => false,
        }
    }

    fn gender_ok(&self, who: &Who, g: Option<Gender>) -> bool {
        match (who, g) {
            (Who::Entity(e), Some(g)) => self.a.entities[*e].gender.is_none_or(|x| x == g),
            _ => true,
        }
    }

    fn previous_speaker(&self, q: usize, same_paragraph: bool) -> Option<Who> {
        let p = self.quotes[q].paragraph;
        (0..q).rev().find_map(|k| {
            if same_paragraph && self.quotes[k].paragraph != p {
                return None;
            }
            self.out[k].as_ref().and_then(|r| r.who.clone())
        })
    }

    /// A preposition of any of the languages, or one introducing an addressee in this one
    /// (Spanish `a`, which is an article in English).
    fn preposition(&self, w: &str) -> bool {
        has(PREPOSITIONS, w) || has(self.a.lang.addressee_prepositions, w)
    }

    /// What a mention refers to.
    fn resolve(&self, m: usize, q: usize) -> Option<Who> {
        let a = self.a;
        let men = &a.mentions[m];
        match men.kind {
            MentionKind::Name => men.entity.map(Who::Entity),
            MentionKind::Role => {
                if let Some(e) = men.entity {
                    return Some(Who::Entity(e));
                }
                if is_age(&men.role) {
                    return self.resolve_personal(q, men.gender, men.sentence, men.first);
                }
                let with_role = |e: &usize| a.entities[*e].roles.contains(&men.role);
                let before = a.mentions[..m]
                    .iter()
                    .rev()
                    .filter_map(|x| x.entity)
                    .find(with_role);
                let any = before.or_else(|| (0..a.entities.len()).find(with_role));
                Some(any.map_or_else(|| Who::Text(men.text.clone()), Who::Entity))
            }
            MentionKind::Group | MentionKind::Document => Some(Who::Text(men.text.clone())),
            MentionKind::Personal(g) => self.resolve_personal(q, g, men.sentence, men.first),
            MentionKind::OtherPronoun => {
                if let Some(w) = self.previous_speaker(q, false) {
                    if !self.is_person(&w) {
                        return Some(w);
                    }
                }
                a.mentions[..m]
                    .iter()
                    .rev()
                    .find(|x| matches!(x.kind, MentionKind::Document | MentionKind::Group))
                    .map(|x| Who::Text(x.text.clone()))
            }
        }
    }

    /// A person referred to by a pronoun (or by nothing, for pro-drop verbs): the speaker of
    /// the quote before in this paragraph, else the subject of the nearest sentence back
    /// that mentions a fitting person.
    fn resolve_personal(
        &self,
        q: usize,
        g: Option<Gender>,
        si: usize,
        before: usize,
    ) -> Option<Who> {
        if let Some(w) = self.previous_speaker(q, true) {
            if self.is_person(&w) && self.gender_ok(&w, g) {
                return Some(w);
            }
        }
        let a = self.a;
        let p = a.sentences[si].paragraph;
        let fits = |w: &Who, mg: Option<Gender>| match (w, g, mg) {
            (Who::Text(_), Some(g), Some(mg)) => g == mg,
            _ => self.gender_ok(w, g),
        };
        // After a preposition or an article a name is an object, rarely the one speaking.
        let subject_like = |s: usize, m: &Mention| {
            let elided = a
                .word_at(s, m.first)
                .is_some_and(|w| !w.core().0.is_empty());
            // A sentence opening on `For X, …` / `Pour X, …` is about X.
            !elided
                && (m.first <= 1
                    || a.word_at(s, m.first - 1).is_none_or(|w| {
                        !self.preposition(&w.lower)
                            && !has(a.lang.determiners, &w.lower)
                            && w.core().0.is_empty()
                    }))
        };
        // The nearest sentence back with a fitting person: a known person in subject position
        // first, then a role, then any other name (a first name seen once, `Marie, …`).
        for s in (0..=si).rev() {
            if a.sentences[s].paragraph + 3 < p {
                break;
            }
            let mut loose: Vec<(usize, usize)> = Vec::new();
            for (mi, m) in a.mentions_in(s) {
                if s == si && m.first >= before {
                    break;
                }
                match m.kind {
                    MentionKind::Name => {
                        let Some(e) = m.entity.filter(|&e| !a.entities[e].organisation) else {
                            continue;
                        };
                        let w = Who::Entity(e);
                        if !fits(&w, m.gender) {
                            continue;
                        }
                        if !subject_like(s, m) {
                            continue;
                        }
                        if a.entities[e].person {
                            return Some(w);
                        }
                        loose.push((m.first, e));
                    }
                    MentionKind::Role if !is_age(&m.role) => {
                        if let Some(w) = self.resolve(mi, q) {
                            if fits(&w, m.gender) {
                                return Some(w);
                            }
                        }
                    }
                    _ => {}
                }
            }
            // A capitalised first word may be any word: prefer a name inside the sentence,
            // and never take an opener followed by its subject (`Émue, elle ajoute`).
            let opener = |first: usize| {
                let comma = a.sentences[s]
                    .items
                    .get(first + 1)
                    .and_then(|&it| a.tok(it))
                    .is_some_and(|t| t.is_punct(','));
                comma
                    && a.mention_starting(s, first + 2).is_some_and(|m| {
                        matches!(
                            a.mentions[m].kind,
                            MentionKind::Name | MentionKind::Personal(_)
                        )
                    })
            };
            let found = loose
                .iter()
                .rev()
                .find(|(first, _)| *first > 0)
                .or_else(|| loose.first().filter(|(first, _)| !opener(*first)));
            if let Some(&(_, e)) = found {
                return Some(Who::Entity(e));
            }
        }
        if let Some(w) = self
            .previous_speaker(q, false)
            .filter(|w| self.is_person(w) && self.gender_ok(w, g))
        {
            return Some(w);
        }
        None
    }

    /// The mention that is the subject of the verb at item `vi` of sentence `si`.
    fn subject_of_verb(&self, si: usize, vi: usize, after_item: Option<usize>) -> Option<usize> {
        let a = self.a;
        let lang = a.lang;
        if let Some(m) = a
            .mention_starting(si, vi)
            .filter(|&m| a.mentions[m].kind != MentionKind::Name)
        {
            return Some(m); // raconte-t-il
        }
        if vi > 0 {
            if let Some(m) = a.mention_starting(si, vi - 1) {
                if a.word_at(si, vi - 1).is_some_and(|t| t.lower.contains('-'))
                    && matches!(
                        a.mentions[m].kind,
                        MentionKind::Personal(_) | MentionKind::OtherPronoun
                    )
                {
                    return Some(m); // a-t-il observé
                }
            }
        }
        let mut l = vi;
        while l > 0
            && a.word_at(si, l - 1)
                .is_some_and(|w| has(lang.skip_before_verb, &w.lower))
        {
            l -= 1;
        }
        if l > 0 {
            // `released a statement saying`: an indefinite document is what was said, not who.
            let indefinite = |m: usize| {
                a.mentions[m].kind == MentionKind::Document
                    && a.word_at(si, a.mentions[m].first)
                        .is_some_and(|w| has(INDEFINITE, &w.lower))
            };
            // `La alcaldesa, Ángeles Muñoz, pidió`: the subject closes its apposition.
            let ending = a.mention_ending(si, l - 1).or_else(|| {
                let comma = a.sentences[si]
                    .items
                    .get(l - 1)
                    .and_then(|&it| a.tok(it))
                    .is_some_and(|t| t.is_punct(','));
                if comma && l >= 2 {
                    a.mention_ending(si, l - 2)
                        .filter(|&m| a.mentions[m].kind == MentionKind::Name)
                } else {
                    None
                }
            });
            if let Some(mut m) = ending.filter(|&m| !indefinite(m)) {
                // `Capt. Ann Roe of the Riverside Fire Department said`: the person.
                if a.mentions[m]
                    .entity
                    .is_some_and(|e| a.entities[e].organisation)
                {
                    let mut f = a.mentions[m].first;
                    while f > 0
                        && a.word_at(si, f - 1)
                            .is_some_and(|w| has(NAME_PARTICLES, &w.lower))
                    {
                        f -= 1;
                    }
                    if f < a.mentions[m].first && f > 0 {
                        if let Some(p) = a.mention_ending(si, f - 1) {
                            if a.mentions[p].kind == MentionKind::Name {
                                m = p;
                            }
                        }
                    }
                }
                // A name after a preposition is not the subject (`the fire in Riverside has`).
                let first = a.mentions[m].first;
                let after_preposition = first > 0
                    && a.word_at(si, first - 1)
                        .is_some_and(|w| self.preposition(&w.lower));
                if after_item.is_none_or(|q| first > q) && !after_preposition {
                    return Some(m);
                }
            }
        }
        let mut r = vi + 1;
        if a.word_at(si, r)
            .is_some_and(|w| has(lang.addressee_prepositions, &w.lower))
        {
            r += 1;
            if let Some(m) = a.mention_starting(si, r) {
                r = a.mentions[m].last;
            } else {
                // `explicó a este periódico el dueño`: skip the addressee's few words.
                let mut skipped = 0;
                while skipped < 3
                    && a.mention_starting(si, r).is_none()
                    && a.word_at(si, r).is_some_and(|w| !w.capitalised())
                {
                    r += 1;
                    skipped += 1;
                }
            }
        }
        let m = a.mention_starting(si, r)?;
        // `said he.` inverts; `says they are` starts a clause: its pronoun is not the speaker.
        if matches!(
            a.mentions[m].kind,
            MentionKind::Personal(_) | MentionKind::OtherPronoun
        ) && a.sentences[si]
            .items
            .get(a.mentions[m].last)
            .is_some_and(|&it| {
                a.tok(it).is_none_or(|t| t.word) // a word or a quote follows
            })
        {
            return None;
        }
        Some(m)
    }

    fn verb_text(&self, si: usize, vi: usize) -> String {
        self.a
            .word_at(si, vi)
            .map(|t| t.text.clone())
            .unwrap_or_default()
    }

    fn cue_after(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let (si, qi) = a.quote_at[q];
        let items = &a.sentences[si].items;
        let mut first_word = true;
        let mut from = qi;
        let mut skipped = 0;
        for (k, &item) in items.iter().enumerate().skip(qi + 1) {
            let Some(t) = a.tok(item) else {
                // A cue after several partial quotes in one sentence covers them all.
                from = k;
                skipped += 1;
                if skipped > 8 {
                    break;
                }
                continue;
            };
            if k > from + 14 {
                break;
            }
            if !t.word {
                continue;
            }
            if first_word && has(a.lang.inverted_markers, &t.lower) {
                if let Some(m) = a.mention_starting(si, k + 1) {
                    let who = self.resolve(m, q)?;
                    let reason = format!("{} {}, same sentence", t.text, a.mentions[m].text);
                    return self.found(who, "cue_after", reason, 0.9);
                }
            }
            first_word = false;
            if !a.is_speech_verb(t) {
                continue;
            }
            let verb = self.verb_text(si, k);
            if let Some(m) = self.subject_of_verb(si, k, Some(qi)) {
                let who = self.resolve(m, q)?;
                let men = &a.mentions[m];
                let reason = if men.first > k {
                    format!("{verb} {}, same sentence", men.text)
                } else if men.first == k {
                    format!("{verb}, same sentence: {}", self.name(&who))
                } else {
                    format!("{} {verb}, same sentence", men.text)
                };
                let conf = if matches!(men.kind, MentionKind::Name) {
                    0.9
                } else {
                    0.8
                };
                return self.found(who, "cue_after", reason, conf);
            }
            // `"…," Smith, 45, said` or `"…," Smith, a spokesman, said`: the first mention
            // between the quote and its verb is the subject.
            if let Some((m, men)) = a.mentions_in(si).find(|(_, m)| {
                m.first > from
                    && m.last <= k
                    && !matches!(m.kind, MentionKind::OtherPronoun)
                    && a.word_at(si, m.first - 1)
                        .is_none_or(|w| !self.preposition(&w.lower))
            }) {
                let who = self.resolve(m, q)?;
                let reason = format!("{} … {verb}, same sentence", men.text);
                return self.found(who, "cue_after", reason, 0.75);
            }
            if k <= from + 3 && a.lang.pro_drop {
                // Pro-drop (`", relata."`): the subject is the person being talked about.
                let who = self.resolve_personal(q, None, si, qi)?;
                let reason = format!("{verb} (no subject), same sentence: {}", self.name(&who));
                return self.found(who, "cue_after", reason, 0.7);
            }
            return None;
        }
        None
    }

    /// A pull quote signed with a dash: `"…" — Jane Smith`.
    fn dash(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let (si, qi) = a.quote_at[q];
        let items = &a.sentences[si].items;
        let dash = items
            .get(qi + 1)
            .and_then(|&it| a.tok(it))
            .filter(|t| matches!(t.text.as_str(), "—" | "–" | "-"))?;
        let m = a
            .mention_starting(si, qi + 2)
            .filter(|&m| a.mentions[m].kind == MentionKind::Name)?;
        let who = self.resolve(m, q)?;
        let reason = format!("signed {} {}", dash.text, a.mentions[m].text);
        self.found(who, "dash", reason, 0.8)
    }

    fn according_to(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let (si, qi) = a.quote_at[q];
        let items = &a.sentences[si].items;
        // Within a long sentence's reach of the quote.
        let window = qi.saturating_sub(40)..items.len().min(qi + 40);
        for phrase in a.lang.according_to.split('|').map(str::trim) {
            let words: Vec<&str> = phrase.split(' ').collect();
            for k in window.clone() {
                let ok = words
                    .iter()
                    .enumerate()
                    .all(|(j, w)| a.word_at(si, k + j).is_some_and(|t| t.lower == *w));
                if ok {
                    if let Some(m) = a.mention_starting(si, k + words.len()) {
                        let who = self.resolve(m, q)?;
                        let reason = format!("{phrase} {}, same sentence", a.mentions[m].text);
                        return self.found(who, "according_to", reason, 0.85);
                    }
                }
            }
        }
        None
    }

    fn dateline(&self, si: usize, m: &Mention) -> bool {
        let a = self.a;
        let next = a.sentences[si].items.get(m.last).and_then(|&it| a.tok(it));
        m.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && next.is_some_and(|t| matches!(t.text.as_str(), "(" | "—" | "–" | "-" | ","))
    }

    fn first_subject(&self, si: usize, before: usize) -> Option<usize> {
        let a = self.a;
        a.mentions_in(si)
            .take_while(|(_, m)| m.first < before)
            .find(|(_, m)| match m.kind {
                // `WASHINGTON (AP) —`: a dateline opens the sentence but says nothing.
                MentionKind::Name if m.first == 0 && self.dateline(si, m) => false,
                // A name in parentheses, `(AP)`, is an aside.
                MentionKind::Name
                    if m.first > 0
                        && a.sentences[si]
                            .items
                            .get(m.first - 1)
                            .and_then(|&it| a.tok(it))
                            .is_some_and(|t| t.is_punct('(')) =>
                {
                    false
                }
                MentionKind::Name => m
                    .entity
                    .is_some_and(|e| a.entities[e].person || a.entities[e].organisation),
                MentionKind::Role
                | MentionKind::Group
                | MentionKind::Document
                | MentionKind::Personal(_) => true,
                MentionKind::OtherPronoun => false,
            })
            .map(|(i, _)| i)
    }

    fn cue_before(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let (si, qi) = a.quote_at[q];
        // A cue more than a long sentence's length back is not this quote's.
        let vi = (qi.saturating_sub(60)..qi)
            .rev()
            .find(|&k| a.word_at(si, k).is_some_and(|t| a.is_speech_verb(t)))?;
        let verb = self.verb_text(si, vi);
        if let Some(m) = self
            .subject_of_verb(si, vi, None)
            .or_else(|| self.first_subject(si, vi))
        {
            let who = self.resolve(m, q)?;
            let reason = format!("{} {verb}, same sentence", a.mentions[m].text);
            return self.found(who, "cue_before", reason, 0.8);
        }
        if !a.lang.pro_drop {
            return None;
        }
        let who = self.resolve_personal(q, None, si, vi)?;
        let reason = format!("{verb} (no subject), same sentence: {}", self.name(&who));
        self.found(who, "cue_before", reason, 0.6)
    }

    fn colon_label(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let (si, qi) = a.quote_at[q];
        let colon = |s: usize, i: usize| {
            a.sentences[s]
                .items
                .get(i)
                .and_then(|&it| a.tok(it))
                .is_some_and(|t| t.is_punct(':'))
        };
        let (ls, li) = if qi > 0 && colon(si, qi - 1) {
            (si, qi - 1)
        } else if qi == 0
            && si > 0
            && a.sentences[si - 1].paragraph + 1 == a.sentences[si].paragraph
        {
            let n = a.sentences[si - 1].items.len();
            if n > 0 && colon(si - 1, n - 1) {
                (si - 1, n - 1)
            } else {
                return None;
            }
        } else {
            return None;
        };
        let m = li
            .checked_sub(1)
            .and_then(|i| a.mention_ending(ls, i))
            .filter(|&m| a.mentions[m].entity.is_some_and(|e| a.entities[e].person))
            .or_else(|| self.first_subject(ls, li))?;
        let who = self.resolve(m, q)?;
        let reason = format!("{}: before the quote", a.mentions[m].text);
        self.found(who, "colon_label", reason, 0.85)
    }

    fn following_sentence(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let (si, qi) = a.quote_at[q];
        let items = &a.sentences[si].items;
        if items[qi + 1..]
            .iter()
            .any(|&it| a.tok(it).is_some_and(|t| t.word))
        {
            return None;
        }
        let next = a.sentences.get(si + 1)?;
        if next.paragraph != a.sentences[si].paragraph {
            return None;
        }
        let vi = (0..next.items.len().min(5))
            .find(|&k| a.word_at(si + 1, k).is_some_and(|t| a.is_speech_verb(t)))?;
        let m = self.subject_of_verb(si + 1, vi, None)?;
        if !matches!(
            a.mentions[m].kind,
            MentionKind::Name | MentionKind::Role | MentionKind::Group | MentionKind::Document
        ) {
            return None;
        }
        let who = self.resolve(m, q)?;
        let reason = format!(
            "{} {}, next sentence",
            a.mentions[m].text,
            self.verb_text(si + 1, vi)
        );
        self.found(who, "following_sentence", reason, 0.65)
    }

    /// A headline or subheading repeats words quoted in the body: same speaker.
    fn echo(&self, q: usize) -> Option<Attribution> {
        let mine = &self.words[q];
        // Three content words at least: short phrases repeat by chance.
        let content = mine
            .iter()
            .filter(|w| !has(self.a.lang.function_words, w))
            .count();
        if content < 3 {
            return None;
        }
        let mut best: Option<(f32, usize)> = None;
        for r in 0..self.quotes.len() {
            if r == q || self.out[r].as_ref().is_none_or(|x| x.who.is_none()) {
                continue;
            }
            let theirs = &self.words[r];
            let contained = |x: &[String], y: &[String]| {
                x.iter().filter(|w| y.contains(w)).count() as f32 / x.len().max(1) as f32
            };
            let mut score = contained(mine, theirs);
            if theirs.len() >= 3 {
                score = score.max(contained(theirs, mine));
            }
            if score >= 0.8 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, r));
            }
        }
        let (_, r) = best?;
        let who = self.out[r].as_ref()?.who.clone()?;
        let reason = format!("repeats words quoted from {}", self.name(&who));
        self.found(who, "echo", reason, 0.7)
    }

    fn continuation(&self, q: usize) -> Option<Attribution> {
        let f = &self.quotes[q];
        let prev = q.checked_sub(1)?;
        let same_para = self.quotes[prev].paragraph == f.paragraph;
        if !(same_para || f.continued) {
            return None;
        }
        let who = self.out[prev].as_ref()?.who.clone()?;
        let reason = if f.continued {
            format!(
                "continues the quote of {} from the paragraph before",
                self.name(&who)
            )
        } else {
            format!("continues the quote of {} before it", self.name(&who))
        };
        self.found(who, "continuation", reason, 0.75)
    }

    fn scare_title(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let words = &self.words[q];
        let (si, qi) = a.quote_at[q];
        let after_colon = a.sentences[si]
            .items
            .get(qi - usize::from(qi > 0))
            .and_then(|&it| a.tok(it))
            .is_some_and(|t| t.is_punct(':'));
        // `X: 'Title-Cased Headline Words'` is a headline quote, not a title.
        if words.is_empty() || words.len() > 6 || qi == 0 || after_colon {
            return None;
        }
        let f = &self.quotes[q];
        let text: String = a.chars[f.start..f.end].iter().collect();
        let long: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.chars().count() > 3)
            .collect();
        let title_case = a.lang.code != "de"
            && long.len() >= 2
            && long.iter().all(|w| w.starts_with(char::is_uppercase));
        // `im Gasthaus «Linde»`: a name right after the noun it names.
        let named_thing = words.len() <= 2
            && a.tok(a.sentences[si].items[qi - 1])
                .is_some_and(|t| t.capitalised() && qi > 1);
        if title_case || named_thing {
            return Some(Attribution {
                who: None,
                rule: "scare_title",
                reason: "a title or name in quotation marks".to_string(),
                confidence: 0.2,
            });
        }
        None
    }

    fn scare_short(&self, q: usize) -> Option<Attribution> {
        let f = &self.quotes[q];
        let (_, qi) = self.a.quote_at[q];
        let text: String = self.a.chars[f.start..f.end].iter().collect();
        if self.words[q].len() <= 3 && qi > 0 && !text.contains(['.', '!', '?', ',']) {
            return Some(Attribution {
                who: None,
                rule: "scare_quote",
                reason: "a few words in quotation marks with no speech cue".to_string(),
                confidence: 0.15,
            });
        }
        None
    }

    fn paragraph_before(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let (si, qi) = a.quote_at[q];
        let p = a.sentences[si].paragraph;
        // A partial quote: the subject of its own sentence.
        if let Some(m) = self.first_subject(si, qi) {
            if qi > 0 {
                let who = self.resolve(m, q)?;
                let reason = format!("{}, subject of the sentence", a.mentions[m].text);
                return self.found(who, "sentence_subject", reason, 0.45);
            }
        }
        let first_in_para = si == 0 || a.sentences[si - 1].paragraph != p;
        if !first_in_para {
            let m = self.first_subject(si - 1, usize::MAX)?;
            let who = self.resolve(m, q)?;
            let reason = format!("{}, sentence before", a.mentions[m].text);
            return self.found(who, "previous_sentence", reason, 0.5);
        }
        if si == 0 {
            return None;
        }
        let prev_para = a.sentences[si - 1].paragraph;
        if prev_para + 1 != p {
            return None;
        }
        if let Some(prev_q) = (0..q)
            .rev()
            .find(|&k| self.quotes[k].paragraph == prev_para)
        {
            let who = self.out[prev_q].as_ref()?.who.clone()?;
            let reason = format!("quote paragraph after a quote of {}", self.name(&who));
            return self.found(who, "previous_paragraph", reason, 0.55);
        }
        let first_sentence = (0..si)
            .rev()
            .take_while(|&s| a.sentences[s].paragraph == prev_para)
            .last()?;
        for s in (first_sentence..si).rev() {
            if let Some(m) = self.first_subject(s, usize::MAX) {
                let who = self.resolve(m, q)?;
                let reason = format!("{}, paragraph before", a.mentions[m].text);
                return self.found(who, "previous_paragraph", reason, 0.55);
            }
        }
        None
    }

    /// A quote heading the article with no cue (a headline or title quote): the words of the
    /// first speaker quoted after it.
    fn headline(&self, q: usize) -> Option<Attribution> {
        let a = self.a;
        let (si, qi) = a.quote_at[q];
        if qi != 0 || a.sentences[si].paragraph != 0 {
            return None;
        }
        let who = (q + 1..self.quotes.len())
            .find_map(|k| self.out[k].as_ref().and_then(|r| r.who.clone()))?;
        let reason = format!(
            "headline quote; {} is the first speaker quoted after it",
            self.name(&who)
        );
        self.found(who, "headline", reason, 0.3)
    }

    fn nearest_person(&self, q: usize) -> Option<Attribution> {
        let f = &self.quotes[q];
        // Only for quotes that read like speech (sentences, clauses), not like a title.
        if !self.a.chars[f.start..f.end]
            .iter()
            .any(|c| matches!(c, '.' | ',' | '!' | '?' | ';' | ':'))
        {
            return None;
        }
        let (si, qi) = self.a.quote_at[q];
        let who = self.resolve_personal(q, None, si, qi)?;
        let reason = format!("{}, nearest person before (a guess)", self.name(&who));
        self.found(who, "nearest_person", reason, 0.25)
    }
}

/// The display name of a speaker found by the sieve.
pub fn display(a: &Analysis, who: &Who, known: &[(String, Vec<String>)]) -> String {
    match who {
        Who::Entity(e) => {
            let ent = &a.entities[*e];
            match ent.known.and_then(|k| known.get(k)) {
                Some((name, _)) => name.clone(),
                None => ent.name(),
            }
        }
        Who::Text(t) => t.clone(),
    }
}
