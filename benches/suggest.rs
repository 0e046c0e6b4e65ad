//! Cost of quote and speaker suggestions: the median time per 1,000-word article over a
//! deterministic synthetic news article (headline, narrator paragraphs, quotes after and
//! before their speakers, pronouns, split and partial quotes), a 10,000-word article to show
//! the time grows linearly, and adversarial text to show it stays bounded.
//!
//! Run with `cargo bench --bench suggest`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use quotemark::core::suggest::{suggest, KnownSpeaker};

#[path = "../tests/support/seeded.rs"]
mod seeded;

use seeded::SplitMix;

const RUNS: usize = 51;

const FIRST: &[&str] = &[
    "Anna", "James", "Maria", "Tom", "Lucia", "Peter", "Nadia", "Omar",
];
const LAST: &[&str] = &[
    "Holloway", "Brandt", "Ferrer", "Kessler", "Marsh", "Calder", "Okafor",
];
const TITLES: &[&str] = &[
    "Mayor",
    "Police Chief",
    "Sen.",
    "Commissioner",
    "Coach",
    "Dr.",
];
const WORDS: &[&str] = &[
    "the",
    "council",
    "voted",
    "on",
    "a",
    "plan",
    "to",
    "rebuild",
    "bridge",
    "after",
    "flood",
    "residents",
    "said",
    "that",
    "water",
    "rose",
    "quickly",
    "in",
    "night",
    "and",
    "several",
    "homes",
    "were",
    "damaged",
    "while",
    "crews",
    "worked",
    "through",
    "weekend",
    "repair",
    "roads",
    "cost",
    "million",
    "dollars",
    "next",
    "year",
];

fn sentence(rng: &mut SplitMix, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s
}

/// About `target` words of news prose with quotes in the usual shapes.
fn article(target: usize, seed: u64) -> String {
    let mut rng = SplitMix(seed);
    let mut paragraphs = vec!["Bridge to reopen: \"We will rebuild\"".to_string()];
    let mut words = 5;
    while words < target {
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        let title = rng.pick(TITLES);
        let p = match rng.next() % 5 {
            0 => format!(
                "{title} {name} spoke on Monday. {}.",
                sentence(&mut rng, 14)
            ),
            1 => format!(
                "“{},” said {title} {name}. “{}.”",
                sentence(&mut rng, 12),
                sentence(&mut rng, 10)
            ),
            2 => format!("{name} said: \"{}.\"", sentence(&mut rng, 16)),
            3 => format!(
                "“{},” she said, adding that the plan was \"{}\".",
                sentence(&mut rng, 12),
                sentence(&mut rng, 3)
            ),
            _ => format!("{}. {}.", sentence(&mut rng, 15), sentence(&mut rng, 12)),
        };
        words += p.split_whitespace().count();
        paragraphs.push(p);
    }
    paragraphs.join("\n\n")
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Text no article looks like, to show the time stays bounded: thousands of quotes in one
/// sentence, thousands of unclosed opening marks, thousands of re-opened paragraphs.
fn adversarial() -> Vec<(&'static str, String)> {
    vec![
        (
            "5,000 quotes in one sentence",
            "He said \"x\" and ".repeat(5_000),
        ),
        ("30,000 unclosed “ marks", "“a ".repeat(30_000)),
        (
            "3,000 paragraphs re-opening a quote",
            vec![format!("\"{}", "word ".repeat(20)); 3_000].join("\n\n"),
        ),
    ]
}

fn main() {
    let known = [KnownSpeaker {
        name: "Anna Holloway".into(),
        aliases: vec!["Mayor Holloway".into()],
    }];
    for (words, seed) in [(1_000usize, 7u64), (10_000, 11)] {
        let text = article(words, seed);
        let count = text.split_whitespace().count();
        let found = suggest(&text, &known).len();
        let times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                black_box(suggest(black_box(&text), black_box(&known)));
                start.elapsed()
            })
            .collect();
        let m = median(times.clone());
        let per_1000 = m.as_secs_f64() * 1000.0 * 1000.0 / count as f64;
        println!(
            "suggest: {count} words, {found} quotes: median {:.3} ms (min {:.3}, max {:.3}) = {per_1000:.3} ms per 1,000 words",
            m.as_secs_f64() * 1000.0,
            times.iter().min().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
            times.iter().max().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        );
    }
    for (name, text) in adversarial() {
        let times: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                black_box(suggest(black_box(&text), &[]));
                start.elapsed()
            })
            .collect();
        println!(
            "adversarial, {name} ({} chars): median {:.1} ms",
            text.chars().count(),
            median(times).as_secs_f64() * 1000.0
        );
    }
}
