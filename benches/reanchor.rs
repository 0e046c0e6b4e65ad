//! Re-anchoring at scale: 1,000 annotations in a deterministic ~200,000-code-point article,
//! through three paths — unchanged text (position), text inserted near the start (quote),
//! and typos inside 10 % of the quotes (approximate) — plus the worst case, 10 % of the quotes
//! deleted (each orphan costs a whole-text approximate search). Prints median / min / max in
//! ms, and checks every result against the intended range.
//!
//! Run with `cargo bench --bench reanchor`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use quotemark::core::anchoring::AnchorStatus;
use quotemark::core::anchoring::Selectors;
use quotemark::core::anchoring::{reanchor_all, Anchorer, Anchoring};
use quotemark::core::text::CharRange;

#[path = "../tests/support/seeded.rs"]
mod seeded;

use seeded::SplitMix;

const TARGET_CHARS: usize = 200_000;
const ANNOTATIONS: usize = 1_000;
const RUNS: usize = 9;

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "bridge",
    "will",
    "reopen",
    "after",
    "flood",
    "repairs",
    "mayor",
    "residents",
    "budget",
    "engineer",
    "traffic",
    "monday",
    "spring",
    "river",
    "city",
    "plan",
    "vote",
    "approved",
    "against",
    "every",
    "bolt",
    "safe",
    "years",
    "shop",
    "owners",
    "business",
    "customer",
    "morning",
    "evening",
    "week",
    "month",
    "agency",
    "regional",
    "transport",
    "inspected",
    "structure",
    "final",
    "payment",
    "million",
    "euros",
    "statement",
    "public",
    "meeting",
    "hall",
    "street",
    "road",
    "detour",
    "industrial",
    "estate",
    "drivers",
    "commuters",
    "school",
    "children",
    "parents",
    "teachers",
    "weather",
    "rain",
    "wind",
    "storm",
    "summer",
    "winter",
    "market",
    "square",
    "station",
    "train",
    "ticket",
    "price",
    "rise",
    "fall",
    "report",
    "data",
    "study",
    "university",
    "hospital",
    "doctor",
    "nurse",
    "patients",
    "water",
    "power",
    "energy",
    "grid",
    "solar",
    "panels",
    "roof",
    "house",
    "housing",
    "rent",
    "tenants",
    "landlord",
    "court",
    "judge",
    "ruling",
    "appeal",
    "law",
    "police",
    "officer",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "by",
];
const ACCENTED: &[&str] = &[
    "café",
    "naïve",
    "Mäkinen",
    "José",
    "Zoë",
    "façade",
    "crème",
    "brûlée",
    "Ångström",
    "São",
    "Łódź",
    "Dvořák",
    "résumé",
    "e\u{301}lan",
    "Müller",
    "Øresund",
    "mañana",
];
const EMOJI: &[&str] = &["🎉", "🇫🇮", "👩\u{200D}👩\u{200D}👧", "👍🏽", "🌊", "🚧"];
const FOREIGN: &[&str] = &[
    "市议会周二宣布大桥将于周一重新开放。",
    "記者会見で首相は増税しないと述べた。",
    "주민들은 소식을 환영했다.",
    "قال الوزير «سنفوز» في 2024.",
    "הוא אמר „ננצח” ב-2024.",
];

fn sentence(random: &mut SplitMix) -> String {
    if random.chance(8) {
        return random.pick(FOREIGN).to_owned();
    }
    let mut words = Vec::new();
    for _ in 0..6 + random.below(11) {
        let word = if random.chance(10) {
            random.pick(ACCENTED)
        } else if random.chance(2) {
            random.pick(EMOJI)
        } else {
            random.pick(WORDS)
        };
        words.push(word.to_owned());
    }
    if let Some(first) = words.first_mut() {
        let mut chars = first.chars();
        if let Some(initial) = chars.next() {
            *first = initial.to_uppercase().chain(chars).collect();
        }
    }
    let body = words.join(" ");
    if random.chance(20) {
        format!("\"{body},\" said {}.", random.pick(ACCENTED))
    } else {
        format!("{body}.")
    }
}

/// Paragraphs of 110–210 code points (a little more, to end a sentence) until the article reaches the target length.
fn article(random: &mut SplitMix) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut total = 0;
    while total < TARGET_CHARS {
        let target = 110 + random.below(100);
        let mut paragraph = sentence(random);
        while paragraph.chars().count() < target {
            paragraph.push(' ');
            paragraph.push_str(&sentence(random));
        }
        total += paragraph.chars().count() + 2;
        paragraphs.push(paragraph);
    }
    paragraphs
}

/// 1,000 ranges of whole words, 3–15 words long, in random paragraphs.
fn ranges(random: &mut SplitMix, paragraphs: &[String]) -> Vec<CharRange> {
    let mut starts = Vec::with_capacity(paragraphs.len());
    let mut offset = 0;
    for paragraph in paragraphs {
        starts.push(offset);
        offset += paragraph.chars().count() + 2;
    }
    (0..ANNOTATIONS)
        .map(|_| {
            let index = random.below(paragraphs.len());
            let chars: Vec<char> = paragraphs[index].chars().collect();
            let mut word_starts = vec![0];
            word_starts.extend((1..chars.len()).filter(|&i| chars[i - 1] == ' '));
            let first = random.below(word_starts.len());
            let last = (first + 3 + random.below(13)).min(word_starts.len());
            let start = word_starts[first];
            let end = if last == word_starts.len() {
                chars.len()
            } else {
                word_starts[last] - 1
            };
            CharRange::new(starts[index] + start, starts[index] + end.max(start + 1))
        })
        .collect()
}

/// Replaces one ASCII letter near the middle of each of every tenth quote with another
/// letter; returns the edited text and the indexes of the edited annotations.
fn with_typos(text: &str, ranges: &[CharRange]) -> (String, Vec<usize>) {
    let mut chars: Vec<char> = text.chars().collect();
    let mut edited = Vec::new();
    for (index, range) in ranges.iter().enumerate().step_by(10) {
        let middle = range.start + range.len() / 2;
        let position = (middle..range.end).chain(range.start..middle).find(|&i| {
            chars[i].is_ascii_lowercase()
                && chars
                    .get(i + 1)
                    .is_none_or(|next| next.is_ascii() || next.is_whitespace())
        });
        if let Some(position) = position {
            let letter = chars[position] as u8 - b'a';
            chars[position] = (b'a' + (letter + 1) % 26) as char;
            edited.push(index);
        }
    }
    (chars.into_iter().collect(), edited)
}

/// Deletes every tenth quote from the text; returns the edited text.
fn with_deletions(text: &str, ranges: &[CharRange]) -> String {
    let mut deleted = vec![false; text.chars().count()];
    for range in ranges.iter().step_by(10) {
        deleted[range.start..range.end]
            .iter_mut()
            .for_each(|d| *d = true);
    }
    text.chars()
        .zip(deleted)
        .filter(|(_, d)| !d)
        .map(|(c, _)| c)
        .collect()
}

fn measure(
    runs: usize,
    mut work: impl FnMut() -> Vec<Anchoring>,
) -> (Vec<Anchoring>, Vec<Duration>) {
    let mut times = Vec::with_capacity(runs);
    let mut last = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        last = black_box(work());
        times.push(started.elapsed());
    }
    times.sort();
    (last, times)
}

fn report(name: &str, times: &[Duration], summary: &str) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<48} median {:>8.2} ms   min {:>8.2} ms   max {:>8.2} ms   {summary}",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
    );
}

fn status_counts(results: &[Anchoring]) -> String {
    let (mut anchored, mut moved, mut fuzzy, mut orphan) = (0, 0, 0, 0);
    for result in results {
        match result.status {
            AnchorStatus::Anchored => anchored += 1,
            AnchorStatus::Moved => moved += 1,
            AnchorStatus::Fuzzy { .. } => fuzzy += 1,
            AnchorStatus::Orphan => orphan += 1,
        }
    }
    format!("anchored {anchored}, moved {moved}, fuzzy {fuzzy}, orphan {orphan}")
}

/// Results whose range is not the expected one (orphans counted separately).
fn wrong(results: &[Anchoring], expected: impl Fn(usize) -> CharRange) -> usize {
    results
        .iter()
        .enumerate()
        .filter(|(index, result)| result.range.is_some_and(|range| range != expected(*index)))
        .count()
}

fn main() {
    let mut random = SplitMix(0x5EED_2024);
    let paragraphs = article(&mut random);
    let text = paragraphs.join("\n\n");
    let ranges = ranges(&mut random, &paragraphs);
    println!(
        "article: {} paragraphs, {} code points, {} bytes; {} annotations",
        paragraphs.len(),
        text.chars().count(),
        text.len(),
        ranges.len()
    );

    let (selectors, capture_times) = {
        let mut times = Vec::new();
        let mut selectors: Vec<Selectors> = Vec::new();
        for _ in 0..RUNS {
            let started = Instant::now();
            let anchorer = Anchorer::new(&text);
            selectors = ranges
                .iter()
                .filter_map(|&range| anchorer.capture(range).ok())
                .collect();
            times.push(started.elapsed());
        }
        times.sort();
        (black_box(selectors), times)
    };
    assert_eq!(selectors.len(), ranges.len(), "every range captures");
    report("capture 1,000 (one index)", &capture_times, "");

    // (i) Same text: the position path.
    let (results, times) = measure(RUNS, || reanchor_all(&text, &selectors));
    let misplaced = wrong(&results, |i| ranges[i]);
    report(
        "(i) unchanged text (position path)",
        &times,
        &format!("{}; wrong {misplaced}", status_counts(&results)),
    );

    // (ii) A paragraph inserted after the first: everything after it moves.
    let inserted =
        "Breaking: this paragraph was added after publication, shifting every position below it.";
    let shift = inserted.chars().count() + 2;
    let first_end = paragraphs[0].chars().count();
    let shifted_text = format!(
        "{}\n\n{inserted}\n\n{}",
        paragraphs[0],
        paragraphs[1..].join("\n\n")
    );
    let (results, times) = measure(RUNS, || reanchor_all(&shifted_text, &selectors));
    let misplaced = wrong(&results, |i| {
        let range = ranges[i];
        if range.start < first_end {
            range
        } else {
            CharRange::new(range.start + shift, range.end + shift)
        }
    });
    report(
        "(ii) text inserted near the start (quote path)",
        &times,
        &format!("{}; wrong {misplaced}", status_counts(&results)),
    );

    // (iii) Typos inside 10 % of the quotes: same length, so ranges stay put.
    let (typo_text, edited) = with_typos(&text, &ranges);
    let (results, times) = measure(RUNS, || reanchor_all(&typo_text, &selectors));
    let misplaced = wrong(&results, |i| ranges[i]);
    let edited_fuzzy = edited
        .iter()
        .filter(|&&i| matches!(results[i].status, AnchorStatus::Fuzzy { .. }))
        .count();
    report(
        "(iii) typos in 10 % of quotes (fuzzy path)",
        &times,
        &format!(
            "{}; {} quotes edited, {edited_fuzzy} of them fuzzy; wrong {misplaced}",
            status_counts(&results),
            edited.len()
        ),
    );

    // (iv) Worst case: 10 % of the quotes deleted, each orphan searched for in the whole text.
    let deleted_text = with_deletions(&text, &ranges);
    let (results, times) = measure(RUNS, || reanchor_all(&deleted_text, &selectors));
    report(
        "(iv) 10 % of quotes deleted (orphan path)",
        &times,
        &status_counts(&results),
    );
}
