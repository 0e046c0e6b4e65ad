//! Thin binary: the browser bundle's entry point. All behaviour lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    quotemark::embed::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Quotemark is a browser widget. Run `./quotemark serve` to open the demo.");
}
