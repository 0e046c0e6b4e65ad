//! End-to-end tier: the built `dist/` in real headless Chromium, driven as a person would
//! (real mouse and keyboard input through WebDriver). Run by `./quotemark test` after it builds
//! `dist/`; plain `cargo test` leaves it out (see Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod anchoring;
mod annotate;
mod compare;
mod demo;
mod embedding;
mod handle;
mod hostile;
mod integrators;
mod persistence;
mod person;
mod robustness;
mod shapes;
mod soak;
mod suggestions;
mod surprises;
