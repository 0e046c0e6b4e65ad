//! Classroom comparison at scale: 30 annotators × 50 annotations on a 60,000-code-point
//! article, all scores at once — every pair, speaker α, unitizing α, the proposed key and
//! feedback for everyone against it. Prints median / min / max in ms over several runs.
//! The target is well under 300 ms.
//!
//! A second timing starts from files: the same class exported as 30 native Quotemark files
//! (through the real capture and export code), then read the way the compare view reads them
//! (`core::classroom::load_class`: parsing, article matching, re-anchoring), plus every score
//! above and the compare view's per-passage agreement.
//!
//! Run with `cargo bench --bench agreement`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use quotemark::core::agreement::{
    compare, export_scores_csv, feedback, gradebook_csv, propose_key, Annotator, KeyRule, Span,
    SpeakerLabel,
};
use quotemark::core::anchoring::Anchorer;
use quotemark::core::article::{content_hash, SourceFormat};
use quotemark::core::classroom::{load_class, passage_view, Filter};
use quotemark::core::document::{Action, Document, NewAnnotation};
use quotemark::core::interchange::{export_native_by, ArticleMeta};
use quotemark::core::text::CharRange;

const ANNOTATORS: usize = 30;
const ANNOTATIONS: usize = 50;
const PASSAGES: usize = 70;
const TEXT_LEN: usize = 60_000;
const RUNS: usize = 15;

/// SplitMix64: small, seedable, good enough for varied classroom data.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A class reading the same article: each student marks 50 of 70 true passages, with jittered
/// boundaries now and then, mostly as quotes, and sometimes the wrong (or an aliased) speaker.
fn classroom(seed: u64) -> Vec<Annotator> {
    let mut rng = SplitMix(seed);
    let speakers = [
        SpeakerLabel::new("Jane Roe", &["Sen. Jane Roe"]),
        SpeakerLabel::new("John Doe", &[]),
        SpeakerLabel::new("Ada Lovelace", &["Countess of Lovelace"]),
        SpeakerLabel::new("Mayor Smith", &["Smith"]),
        SpeakerLabel::new("Dr. Chen", &[]),
        SpeakerLabel::new("The Ministry", &[]),
    ];
    let passages: Vec<(usize, usize, bool, usize)> = (0..PASSAGES)
        .map(|i| {
            let start = i * (TEXT_LEN / PASSAGES) + rng.below(200);
            let len = 40 + rng.below(300);
            (
                start,
                start + len,
                rng.chance(80),
                rng.below(speakers.len()),
            )
        })
        .collect();
    (0..ANNOTATORS)
        .map(|student| {
            let mut chosen: Vec<usize> = (0..PASSAGES).collect();
            for i in (1..chosen.len()).rev() {
                chosen.swap(i, rng.below(i + 1));
            }
            let spans = chosen[..ANNOTATIONS]
                .iter()
                .map(|&p| {
                    let (mut start, mut end, is_quote, speaker) = passages[p];
                    if rng.chance(30) {
                        start += rng.below(8);
                        end -= rng.below(8);
                    }
                    if is_quote {
                        let speaker = if rng.chance(10) {
                            rng.below(speakers.len())
                        } else {
                            speaker
                        };
                        let label = if rng.chance(5) {
                            None
                        } else if rng.chance(30) {
                            // The alias as the only name, as another student's file might have it.
                            let known = &speakers[speaker];
                            let name = known.aliases.first().unwrap_or(&known.name);
                            Some(SpeakerLabel::new(name.as_str(), &[]))
                        } else {
                            Some(speakers[speaker].clone())
                        };
                        Span::quote(start, end, label)
                    } else {
                        Span::highlight(start, end)
                    }
                })
                .collect();
            Annotator::new(format!("Student {student:02}"), spans)
        })
        .collect()
}

fn everything(class: &[Annotator]) -> usize {
    let report = compare(class, TEXT_LEN);
    let key = propose_key(class, KeyRule::Majority);
    let key_annotator = key.to_annotator("key");
    let grades: Vec<_> = class
        .iter()
        .map(|student| feedback(student, &key_annotator))
        .collect();
    export_scores_csv(&report).len() + gradebook_csv(&grades).len() + key.passages.len()
}

/// An article of `TEXT_LEN` code points: made-up words in sentences, in paragraphs of about
/// 600 code points (the blocks the view cuts into runs).
fn article_text(seed: u64) -> (String, Vec<CharRange>) {
    let mut rng = SplitMix(seed);
    let words = [
        "harbour", "council", "said", "the", "mayor", "pier", "fishers", "budget", "winter",
        "nobody", "asked", "rebuild", "older", "minister", "report", "vote", "town", "ferry",
    ];
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut block_start = 0;
    while text.len() < TEXT_LEN {
        let word = words[rng.below(words.len())];
        text.push_str(word);
        text.push(if rng.chance(8) { '.' } else { ' ' });
        if text.len() - block_start > 600 && text.len() + 2 < TEXT_LEN {
            blocks.push(CharRange::new(block_start, text.len()));
            text.push_str("\n\n");
            block_start = text.len();
        }
    }
    text.truncate(TEXT_LEN);
    blocks.push(CharRange::new(block_start, TEXT_LEN));
    (text, blocks)
}

/// Each student's annotations as the native file their widget would export.
fn exported_files(class: &[Annotator], text: &str) -> Vec<(String, String)> {
    let anchorer = Anchorer::new(text);
    let meta = ArticleMeta {
        id: "bench-article".into(),
        title: "Bench article".into(),
        source: SourceFormat::Text,
        content_hash: content_hash(text),
    };
    class
        .iter()
        .map(|student| {
            let mut document = Document::new("bench-article");
            for span in &student.spans {
                let selectors = anchorer.capture(span.range).expect("capture a span");
                // A highlight takes no speaker: `AddAnnotation` leaves it out for that kind.
                let speaker = span.speaker.as_ref().map(|l| l.name.clone());
                let action = Action::AddAnnotation(NewAnnotation::selected(
                    span.kind,
                    span.range,
                    selectors,
                    speaker.unwrap_or_default(),
                    String::new(),
                ));
                document.apply(action, 1).expect("a student's annotation");
            }
            let file = export_native_by(&document, &meta, Some(&student.name));
            (format!("{}.json", student.name), file)
        })
        .collect()
}

/// From files to every number the compare view shows.
fn from_files(files: &[(String, String)], text: &str, blocks: &[CharRange]) -> usize {
    let loaded = load_class("bench-article", text, files, 2);
    assert_eq!(loaded.files.len(), ANNOTATORS, "{:?}", loaded.refused);
    let class = loaded.annotators();
    let passages = passage_view(blocks, &class, &Filter::default());
    everything(&class) + passages.len()
}

fn median_ms(mut times: Vec<Duration>) -> (f64, f64, f64) {
    times.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
    )
}

fn main() {
    let class = classroom(16);
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            black_box(everything(black_box(&class)));
            started.elapsed()
        })
        .collect();
    times.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let report = compare(&class, TEXT_LEN);
    println!(
        "agreement: {ANNOTATORS} annotators × {ANNOTATIONS} annotations, {} pairs: median {:.2} ms (min {:.2}, max {:.2}) over {RUNS} runs",
        report.pairs.len(),
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1]),
    );
    println!(
        "  speaker alpha {:?} over {} units, unitizing alpha (marked) {:?}",
        report.speaker_alpha.alpha, report.speaker_alpha.units, report.unitizing.marked.alpha
    );

    let (text, blocks) = article_text(7);
    let files = exported_files(&class, &text);
    let bytes: usize = files.iter().map(|(_, file)| file.len()).sum();
    let times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            black_box(from_files(black_box(&files), &text, &blocks));
            started.elapsed()
        })
        .collect();
    let (median, min, max) = median_ms(times);
    println!(
        "from files: {ANNOTATORS} native files × {ANNOTATIONS} annotations ({:.0} KB) parsed, \
         anchored and scored, with the per-passage view: median {median:.2} ms \
         (min {min:.2}, max {max:.2}) over {RUNS} runs",
        bytes as f64 / 1024.0
    );
}
