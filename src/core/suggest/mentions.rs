//! Finding mentions of people in each sentence: names, titles, roles, groups and pronouns.

use super::analysis::*;
use super::lang::{has, NAME_PARTICLES, PREPOSITIONS, SECOND_PARTICLES};
use super::tokens::Token;

pub(super) fn find_mentions(a: &mut Analysis) {
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
