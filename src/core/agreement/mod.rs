//! Comparing a classroom's annotation files (issue 16): span F1 between every pair, speaker
//! agreement (Cohen's κ, Krippendorff's α), unitizing α over the article, reading notes, a
//! proposed answer key and per-student feedback. Pure and deterministic: it takes parsed
//! [`Document`](crate::core::document::Document)s and returns plain data and CSV text.
//!
//! Overview of the rules (details in each module):
//! * spans pair exactly (same start and end) or by overlap (IoU ≥ 0.5, one-to-one, greedy by
//!   IoU) — [`matching`];
//! * speakers agree when any name or alias matches, ignoring case and spacing — [`input`];
//! * clusters of overlapping spans across annotators are the units of speaker α and the
//!   candidate key passages — [`clusters`], [`key`].

pub mod clusters;
pub mod coefficients;
pub mod export;
pub mod feedback;
pub mod input;
pub mod key;
pub mod matching;
pub mod notes;
pub mod report;
pub mod unitizing;

pub use coefficients::{cohen_kappa, krippendorff_alpha_nominal};
pub use export::export_scores_csv;
pub use feedback::{feedback, gradebook_csv, Feedback, KeyItem, Outcome};
pub use input::{labels_agree, Annotator, Layer, Span, SpeakerLabel};
pub use key::{propose_key, KeyPassage, KeyRule, ProposedKey, Support};
pub use matching::{span_f1, SpanF1};
pub use notes::{Note, NoteKind};
pub use report::{
    compare, compare_pair, AgreementReport, AnnotatorSummary, PairScores, SpeakerAgreement,
    SpeakerAlpha, UnitizingScores,
};
pub use unitizing::{unitizing_alpha, unitizing_alpha_pooled, Unitizing};
