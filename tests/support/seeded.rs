//! A small seedable generator for the deterministic workloads of the native benchmarks
//! (`benches/reanchor.rs`, `benches/suggest.rs`) and the storage soak (`tests/e2e/soak.rs`):
//! the same seed gives the same text and the same turns on every platform, so a run can be
//! repeated. Plain Rust with no dependencies; include it with `#[path]`.
// Each includer uses the part it needs.
#![allow(dead_code)]

/// SplitMix64: small, seedable, good enough to vary text and turns (not for cryptography).
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` must not be 0.
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "below(0) has no number to give");
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True `percent` times in 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}
