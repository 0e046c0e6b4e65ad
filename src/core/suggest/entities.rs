//! Grouping mentions into entities: the people (and organisations) a text speaks of, matched
//! against the speakers the user already has.

use super::analysis::*;
use super::lang::{has, PREPOSITIONS};

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

pub(super) fn build_entities(a: &mut Analysis, known: &[(String, Vec<String>)]) {
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
