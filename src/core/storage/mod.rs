//! What is kept in browser storage and how: the versioned envelope one article's document is
//! written in, the rules that keep saving from writing over anyone's work, and what the
//! browser holds for other articles.

pub mod envelope;
pub mod policy;
pub mod saved_articles;
