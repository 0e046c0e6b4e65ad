//! The pure core: article model, text positions, anchoring, the annotation document and its
//! file formats. Plain Rust only — no yew, web-sys, gloo or js-sys, no clock, no randomness,
//! no I/O — so every rule here is tested natively with `cargo test`.
//!
//! The layers, from the bottom: [`text`] (positions and typography) and [`palette`] (speaker
//! colours) → [`article`] (the text to annotate) → [`anchoring`] (finding annotations again) →
//! [`document`] (the annotations and every change to them) → [`interchange`], [`storage`],
//! [`render`] and [`suggest`], which read the document and never depend on each other → at
//! the top [`agreement`] and [`host`], which also read files through `interchange`. See
//! ARCHITECTURE.md.

pub mod agreement;
pub mod anchoring;
pub mod article;
pub mod classroom;
pub mod document;
pub mod host;
pub mod interchange;
pub mod palette;
pub mod render;
pub mod storage;
pub mod suggest;
pub mod text;
