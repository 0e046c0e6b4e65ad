//! One `#[component]` per file.

pub mod app;
pub mod article_view;
pub mod block_view;
pub mod find_and_mark;
pub mod live_region;
pub mod overlap_chooser;
pub mod selection_toolbar;
pub mod status_bar;
