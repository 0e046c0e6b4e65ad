//! Thin binary: the browser bundle's entry point. All behaviour lives in the library.

fn main() {}
