//! What anchoring found: where an annotation's text is now, said in one word a reader (and a
//! file) can understand.

use serde::{Deserialize, Serialize};

/// How an annotation's range was found in the current article text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "status")]
pub enum AnchorStatus {
    /// At its recorded position, text unchanged.
    Anchored,
    /// Text found unchanged (by quote and context) at another position.
    Moved,
    /// Found by approximate match; `score` in 0..=1 (1 = identical). Needs review.
    Fuzzy { score: f32 },
    /// Not found; kept with its original selectors for review.
    Orphan,
}

impl AnchorStatus {
    /// The status as spelled in files and in the host API (its serde tag).
    pub fn wire_name(self) -> &'static str {
        match self {
            AnchorStatus::Anchored => "anchored",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy { .. } => "fuzzy",
            AnchorStatus::Orphan => "orphan",
        }
    }

    /// The approximate match's score, for a fuzzy status.
    pub fn score(self) -> Option<f32> {
        match self {
            AnchorStatus::Fuzzy { score } => Some(score),
            _ => None,
        }
    }
}
