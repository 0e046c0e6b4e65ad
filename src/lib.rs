//! Quotemark: an article-annotation widget. Highlight quotes, tag who said them, add notes.
//!
//! Three layers, with imports pointing inwards only: [`core`] (pure, natively tested), the
//! browser edge `platform`, and the Yew UI `ui` (both compiled for `wasm32` only).

pub mod core;
