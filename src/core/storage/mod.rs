//! What is kept in browser storage and how: the versioned envelope one article's document is
//! written in, and what the browser holds for other articles.

pub mod envelope;
pub mod saved_articles;
