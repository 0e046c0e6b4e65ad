//! The stylesheet's speaker colours must be the palette's: the palette is what the contrast
//! and colour-blindness tests check, and the stylesheet is what readers see.
#![cfg(not(target_arch = "wasm32"))]

use quotemark::core::palette::PALETTE;

#[test]
fn every_palette_slot_has_its_colours_in_the_stylesheet() {
    let css = include_str!("../style/quotemark.css");
    for (slot, colour) in PALETTE.iter().enumerate() {
        let selector = format!(".qm-c{slot} {{");
        let rule = css
            .lines()
            .find(|line| line.starts_with(&selector))
            .unwrap_or_else(|| panic!("no rule for {selector}"));
        for expected in [
            format!("--qm-mark-bg: {};", colour.background.hex()),
            format!("--qm-mark-line: {};", colour.border.hex()),
            format!("--qm-mark-style: {};", colour.underline.css()),
        ] {
            assert!(
                rule.contains(&expected),
                "{selector} lacks {expected}: {rule}"
            );
        }
    }
    assert!(
        !css.contains(&format!(".qm-c{} {{", PALETTE.len())),
        "the stylesheet has more slots than the palette"
    );
}
