//! The browser edge: one small module per browser API. Each moves strings and numbers between
//! the DOM and the rest of the crate, and nothing more.

pub mod download;
pub mod host;
pub mod html;
pub mod panic;
pub mod selection;
pub mod storage;
