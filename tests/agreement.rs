//! Classroom agreement (issue 16) on worked examples: published values for Cohen's κ,
//! Krippendorff's α and unitizing α, hand-computed span scores, key proposal, feedback and the
//! CSV exports.
#![cfg(not(target_arch = "wasm32"))]

use quotemark::core::agreement::SpeakerLabel;
use quotemark::core::text::CharRange;

#[path = "agreement/classroom.rs"]
mod classroom;
#[path = "agreement/coefficients.rs"]
mod coefficients;
#[path = "agreement/spans.rs"]
mod spans;

fn r(start: usize, end: usize) -> CharRange {
    CharRange::new(start, end)
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

fn label(name: &str) -> Option<SpeakerLabel> {
    Some(SpeakerLabel::new(name, &[]))
}
