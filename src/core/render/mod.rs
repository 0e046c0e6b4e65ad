//! What the article view draws, computed natively: which annotations cover each stretch of a
//! block, how each stretch is marked, and how the article is cut for drawing.
//!
//! One word per idea:
//! - a **run** is a maximal stretch of one block's text covered by the same set of annotations
//!   ([`runs`]); a block's runs tile it exactly;
//! - a **mark** is how one covered run is drawn: colour, labels, accessible description
//!   ([`marks`]);
//! - a **piece** is a run cut further where the inline formatting changes: one DOM element
//!   ([`pieces`]);
//! - a **chunk** is a group of consecutive blocks drawn and compared as one ([`chunks`]);
//! - the **panel** is the side panel's list and filter ([`panel`]).

pub mod chunks;
pub mod marks;
pub mod panel;
pub mod pieces;
pub mod runs;
