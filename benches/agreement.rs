//! Classroom comparison at scale: 30 annotators × 50 annotations on a 60,000-code-point
//! article, all scores at once — every pair, speaker α, unitizing α, the proposed key and
//! feedback for everyone against it. Prints median / min / max in ms over several runs.
//! The target is well under 300 ms.
//!
//! Run with `cargo bench --bench agreement`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use quotemark::core::agreement::{
    compare, export_scores_csv, feedback, gradebook_csv, propose_key, Annotator, KeyRule, Span,
    SpeakerLabel,
};

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
}
