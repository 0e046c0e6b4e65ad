//! Text positions and typography: the [`CharRange`] every layer speaks in, conversions between
//! code points, bytes and UTF-16, grapheme clusters, and the typographic rules (quotation marks,
//! scripts without spaces, names) that anchoring, finding and suggesting must agree on.

pub mod find;
mod index;
mod range;
pub mod typography;
pub mod wording;

pub use index::*;
pub use range::CharRange;
