//! The host page's side of the widget, without the DOM: the options it mounts with and the
//! plain data the JavaScript handle gives back.

pub mod edits;
pub mod options;
pub mod plain;
