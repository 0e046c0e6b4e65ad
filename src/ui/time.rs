//! The clock, read at the edge and passed into the core as data.

/// Milliseconds since the Unix epoch, as the core's actions take it.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}
