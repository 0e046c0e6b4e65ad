//! The Yew UI: an [`state::AppState`] that delegates to the core, and one component per file
//! under [`components`].

pub mod components;
pub mod persistence;
pub mod state;
pub mod time;
