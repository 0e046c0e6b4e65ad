//! A teacher's side of classroom comparison (issue 16), on top of [`crate::core::agreement`]:
//! loading a class's exported files against one article ([`load`]), the per-passage agreement
//! the compare view draws ([`passages`]), curating an answer key with undo ([`curation`]), the
//! feedback file a student opens in the widget ([`handback`]) and the plain objects the compare
//! handle returns ([`plain`]).
//!
//! This folder sits above the others: it reads files through `interchange`, cuts the article
//! with `render`'s index and scores with `agreement`, so that the UI only draws.

pub mod curation;
pub mod handback;
pub mod load;
pub mod passages;
pub mod plain;

#[cfg(test)]
mod tests;

pub use curation::{CuratedPassage, Curation, CurationHistory, RuleChoice, Verdict};
pub use load::{load_class, Class, ClassFile, Refused};
pub use passages::{passage_details, passage_view, Detail, Filter, Level, PassageRun};
