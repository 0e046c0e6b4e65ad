//! One `#[component]` per file.

pub mod app;
pub mod article_view;
pub mod block_view;
