//! The pure core: article model, text positions, anchoring, the annotation document and its
//! file formats. Plain Rust only — no yew, web-sys, gloo or js-sys, no clock, no randomness,
//! no I/O — so every rule here is tested natively with `cargo test`.

pub mod agreement;
pub mod anchor;
pub mod article;
pub mod chunks;
pub mod document;
pub mod find;
pub mod fuzzy;
pub mod host_api;
pub mod interchange;
pub mod options;
pub mod palette;
pub mod persist;
pub mod pieces;
pub mod saved_articles;
pub mod segments;
pub mod selector;
pub mod suggest;
pub mod text;
pub mod wording;
