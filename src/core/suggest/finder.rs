//! The quotation finder: pairs quotation marks into quoted spans, paragraph by paragraph.
//!
//! Marks are classified by their neighbours (a mark with a space before it and a letter after
//! it opens; the reverse closes), because most marks are used in both roles somewhere: `“`
//! opens in English and closes in German, `»` closes in French and opens in German, and `'` or
//! `’` are far more often apostrophes than quotation marks. Pairs nest with a stack; a closer
//! of the wrong kind still closes when nothing else is open (publishers' mismatched `‘…”`).

/// A quoted span found in the text. Positions are code points.
use crate::core::text::typography::is_quote_mark;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Position of the opening mark.
    pub open: usize,
    /// Position of the closing mark; `None` when the quote runs to the end of its paragraph
    /// (the multi-paragraph convention).
    pub close: Option<usize>,
    /// The quoted words: strictly between the marks, without padding spaces.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (see [`paragraphs`]).
    pub paragraph: usize,
    /// This paragraph re-opens a quote left open at the end of the previous one.
    pub continued: bool,
}

/// Paragraphs as `start..end` code-point ranges: the non-empty lines of the text. Blocks of
/// an article's text content are joined by `"\n\n"`, so every block is one paragraph.
pub fn paragraphs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            let (mut s, mut e) = (start, i);
            while s < e && chars[s].is_whitespace() {
                s += 1;
            }
            while e > s && chars[e - 1].is_whitespace() {
                e -= 1;
            }
            if s < e {
                out.push((s, e));
            }
            start = i + 1;
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Double,
    Single,
    Angle,
    AngleSingle,
}

#[derive(Clone, Copy)]
struct Open {
    pos: usize,
    mark: char,
    family: Family,
}

/// Deepest nesting of open quotes tracked in one paragraph.
const MAX_DEPTH: usize = 16;

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Finds every top-level quotation in `chars`: nested quotes are part of their outer quote.
pub fn find(chars: &[char], paras: &[(usize, usize)]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut continued_next = false;
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let continued = std::mem::take(&mut continued_next);
        let mut stack: Vec<Open> = Vec::new();
        let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
        for i in ps..pe {
            let c = chars[i];
            if !is_quote_mark(c) {
                continue;
            }
            let prev = if i > ps { Some(chars[i - 1]) } else { None };
            let next = if i + 1 < pe { Some(chars[i + 1]) } else { None };
            let left = next.is_some_and(|n| !n.is_whitespace()) && prev.is_none_or(|p| !is_word(p));
            let right =
                prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !is_word(n));
            let has = |stack: &[Open], f: Family| stack.iter().any(|o| o.family == f);
            let has_mark = |stack: &[Open], m: char| stack.iter().any(|o| o.mark == m);
            let between_words = prev.is_some_and(is_word) && next.is_some_and(is_word);
            enum Act {
                Open(Family),
                Close(Family),
                Skip,
            }
            let act = match c {
                '"' => {
                    if prev.is_some_and(|p| p.is_ascii_digit()) && is_inch_mark(chars, ps, i, next)
                    {
                        Act::Skip
                    } else if right && has(&stack, Family::Double) {
                        Act::Close(Family::Double)
                    } else if left {
                        Act::Open(Family::Double)
                    } else if has(&stack, Family::Double) {
                        Act::Close(Family::Double)
                    } else {
                        Act::Skip
                    }
                }
                '“' => {
                    if has_mark(&stack, '„') && prev.is_some_and(|p| !p.is_whitespace()) {
                        Act::Close(Family::Double)
                    } else if left {
                        Act::Open(Family::Double)
                    } else if right && has(&stack, Family::Double) {
                        Act::Close(Family::Double)
                    } else {
                        Act::Skip
                    }
                }
                '”' => {
                    if prev.is_some_and(|p| !p.is_whitespace())
                        && (has(&stack, Family::Double) || has(&stack, Family::Single))
                    {
                        Act::Close(Family::Double)
                    } else if left && !right {
                        Act::Open(Family::Double)
                    } else {
                        Act::Skip
                    }
                }
                '„' => Act::Open(Family::Double),
                '‚' => {
                    if left {
                        Act::Open(Family::Single)
                    } else {
                        Act::Skip
                    }
                }
                '‘' => {
                    if has_mark(&stack, '‚') && right {
                        Act::Close(Family::Single)
                    } else if left {
                        Act::Open(Family::Single)
                    } else {
                        Act::Skip
                    }
                }
                '’' | '\'' => {
                    if between_words {
                        Act::Skip
                    } else if right && has(&stack, Family::Single) {
                        Act::Close(Family::Single)
                    } else if c == '\'' && left && !right {
                        Act::Open(Family::Single)
                    } else {
                        Act::Skip
                    }
                }
                '«' | '‹' => {
                    let f = if c == '«' {
                        Family::Angle
                    } else {
                        Family::AngleSingle
                    };
                    let reversed = if c == '«' { '»' } else { '›' };
                    if has_mark(&stack, reversed) && prev.is_some_and(|p| !p.is_whitespace()) {
                        Act::Close(f)
                    } else {
                        Act::Open(f)
                    }
                }
                '»' | '›' => {
                    let f = if c == '»' {
                        Family::Angle
                    } else {
                        Family::AngleSingle
                    };
                    let normal = if c == '»' { '«' } else { '‹' };
                    if has_mark(&stack, normal) {
                        Act::Close(f)
                    } else if left && !right {
                        Act::Open(f)
                    } else {
                        Act::Skip
                    }
                }
                _ => Act::Skip,
            };
            match act {
                // Real quotes nest a few levels deep; a pile of openers is noise, and a
                // bounded stack keeps the scans above constant-time.
                Act::Open(_) if stack.len() >= MAX_DEPTH => {}
                Act::Open(family) => stack.push(Open {
                    pos: i,
                    mark: c,
                    family,
                }),
                Act::Close(family) => {
                    let mut at = stack.iter().rposition(|o| o.family == family);
                    if at.is_none() && family == Family::Double {
                        // `‘…”` as published: a double closer ends an open single quote.
                        at = stack.iter().rposition(|o| o.family == Family::Single);
                    }
                    if let Some(k) = at {
                        pairs.push((stack[k].pos, Some(i)));
                        stack.truncate(k);
                    }
                }
                Act::Skip => {}
            }
        }
        // A double or angle quote left open at the paragraph end: the multi-paragraph
        // convention when the next paragraph re-opens, or a paragraph that is all quote.
        if let Some(bottom) = stack.first() {
            if bottom.family != Family::Single && bottom.family != Family::AngleSingle {
                let reopened = paras
                    .get(pi + 1)
                    .is_some_and(|&(ns, _)| matches!(chars[ns], '"' | '“' | '„' | '«' | '»' | '”'));
                if reopened || bottom.pos == ps {
                    pairs.push((bottom.pos, None));
                    continued_next = reopened;
                }
            }
        }
        pairs.sort_by_key(|p| p.0);
        let mut kept_end = 0usize;
        let mut first = true;
        for (open, close) in pairs {
            let end_mark = close.unwrap_or(pe);
            if !first && open < kept_end {
                continue; // nested inside the previous kept quote
            }
            let (mut s, mut e) = (open + 1, end_mark);
            while s < e && chars[s].is_whitespace() {
                s += 1;
            }
            while e > s && chars[e - 1].is_whitespace() {
                e -= 1;
            }
            if s >= e {
                continue;
            }
            first = false;
            kept_end = end_mark + 1;
            out.push(Found {
                open,
                close,
                start: s,
                end: e,
                paragraph: pi,
                continued: continued && open == ps,
            });
        }
    }
    out
}

/// A straight double mark after a number is an inch (or second) mark in `6'2"`, `12"-wide`
/// and `15"x20`: feet and inches before it, or a letter or hyphen glued after it.
fn is_inch_mark(chars: &[char], ps: usize, i: usize, next: Option<char>) -> bool {
    if next.is_some_and(|n| n.is_alphanumeric() || n == '-') {
        return true;
    }
    let mut j = i;
    while j > ps && chars[j - 1].is_ascii_digit() {
        j -= 1;
    }
    j > ps + 1 && matches!(chars[j - 1], '\'' | '’' | '′') && chars[j - 2].is_ascii_digit()
}
