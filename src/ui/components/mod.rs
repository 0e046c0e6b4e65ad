//! One `#[component]` per file.

pub mod annotation_card;
pub mod annotation_list;
pub mod app;
pub mod article_view;
pub mod block_chunk;
pub mod block_view;
pub mod figure_view;
pub mod file_actions;
pub mod find_and_mark;
pub mod live_region;
pub mod note_editor;
pub mod overlap_chooser;
pub mod panel_data;
pub mod panel_filters;
pub mod quote_summary;
pub mod review_list;
pub mod selection_toolbar;
pub mod side_panel;
pub mod speaker_chip;
pub mod speaker_manager;
pub mod speaker_row;
pub mod status_bar;
pub mod storage_banner;
pub mod table_view;
