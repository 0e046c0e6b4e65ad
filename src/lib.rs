//! Quotemark: an article-annotation widget. Highlight quotes, tag who said them, add notes.
//!
//! Three layers, with imports pointing inwards only: [`core`] (pure, natively tested), the
//! browser edge `platform`, and the Yew UI `ui` (both compiled for `wasm32` only), tied together
//! by the JavaScript entry point `embed::mount`.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
