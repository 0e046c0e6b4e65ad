//! The compare view (issue 16): a teacher's class of files over one article — agreement per
//! passage, the scores, key curation and feedback. Its state is [`model::CompareModel`], held by
//! a [`model::CompareStore`] that the view and the JavaScript handle share; every number and
//! rule comes from `core::classroom` and `core::agreement`, and the components only draw.
//! One component per file.

pub mod compare_app;
pub mod compare_filters;
pub mod feedback_table;
pub mod file_drop;
pub mod key_curator;
pub mod model;
pub mod passage_article;
pub mod passage_details;
pub mod score_board;
