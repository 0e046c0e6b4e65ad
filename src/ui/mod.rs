//! The Yew UI: the state value ([`state::AppState`], reduced by the core), the [`store`] that
//! holds it and tells the view and the host page about changes, and one component per file
//! under [`components`].

pub mod compare;
pub mod components;
pub mod hooks;
pub mod reducer;
pub mod saving;
pub mod state;
pub mod store;
pub mod time;
