//! One `#[component]` per file.

pub mod annotation_card;
pub mod annotation_list;
pub mod app;
pub mod article_view;
pub mod block_view;
pub mod note_editor;
pub mod panel_data;
pub mod panel_filters;
pub mod quote_summary;
pub mod review_list;
pub mod side_panel;
pub mod speaker_chip;
pub mod speaker_manager;
pub mod speaker_row;
