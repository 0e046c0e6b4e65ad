//! Speaker colours and the non-colour cue that goes with them (initials, underline style).
//!
//! The backgrounds are Paul Tol's "light" qualitative scheme, made for light fills behind dark
//! text and chosen to stay distinguishable with the common colour vision deficiencies. Colour
//! is never the only cue: every highlight also shows the speaker's [`initials`] and its slot's
//! underline style. The tests check each slot's WCAG contrast and the slots' mutual distance
//! under simulated protanopia, deuteranopia and tritanopia.

use unicode_segmentation::UnicodeSegmentation;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// CSS form, e.g. "#77aadd".
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    pub fn relative_luminance(self) -> f64 {
        fn linear(channel: u8) -> f64 {
            let c = f64::from(channel) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// WCAG 2 contrast ratio between two colours, 1 to 21.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.relative_luminance(), b.relative_luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// The text colour drawn on every highlight background.
pub const TEXT_COLOUR: Rgb = Rgb(0x1a, 0x1a, 0x1a);

/// CSS `text-decoration-style` of a slot's underline: a second, non-colour difference between
/// neighbouring slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnderlineStyle {
    Solid,
    Dashed,
    Dotted,
    Double,
    Wavy,
}

impl UnderlineStyle {
    pub fn css(self) -> &'static str {
        match self {
            Self::Solid => "solid",
            Self::Dashed => "dashed",
            Self::Dotted => "dotted",
            Self::Double => "double",
            Self::Wavy => "wavy",
        }
    }
}

/// One palette slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaletteColour {
    /// Human name, used in messages ("Colour changed to mint").
    pub name: &'static str,
    /// Highlight background, under [`TEXT_COLOUR`] text (contrast ≥ 4.5:1).
    pub background: Rgb,
    /// Border / underline colour (contrast ≥ 3:1 against a white page).
    pub border: Rgb,
    pub underline: UnderlineStyle,
}

const fn slot(
    name: &'static str,
    background: Rgb,
    border: Rgb,
    underline: UnderlineStyle,
) -> PaletteColour {
    PaletteColour {
        name,
        background,
        border,
        underline,
    }
}

/// The speaker colours; a speaker's `colour` indexes this.
pub const PALETTE: [PaletteColour; 9] = [
    slot(
        "light blue",
        Rgb(0x77, 0xaa, 0xdd),
        Rgb(0x44, 0x77, 0xaa),
        UnderlineStyle::Solid,
    ),
    slot(
        "orange",
        Rgb(0xee, 0x88, 0x66),
        Rgb(0xbb, 0x55, 0x22),
        UnderlineStyle::Dashed,
    ),
    slot(
        "light yellow",
        Rgb(0xee, 0xdd, 0x88),
        Rgb(0x8a, 0x73, 0x00),
        UnderlineStyle::Dotted,
    ),
    slot(
        "pink",
        Rgb(0xff, 0xaa, 0xbb),
        Rgb(0xcc, 0x33, 0x66),
        UnderlineStyle::Double,
    ),
    slot(
        "light cyan",
        Rgb(0x99, 0xdd, 0xff),
        Rgb(0x00, 0x77, 0xbb),
        UnderlineStyle::Wavy,
    ),
    slot(
        "mint",
        Rgb(0x44, 0xbb, 0x99),
        Rgb(0x11, 0x77, 0x55),
        UnderlineStyle::Solid,
    ),
    slot(
        "pear",
        Rgb(0xbb, 0xcc, 0x33),
        Rgb(0x66, 0x77, 0x00),
        UnderlineStyle::Dashed,
    ),
    slot(
        "olive",
        Rgb(0xaa, 0xaa, 0x00),
        Rgb(0x5c, 0x5c, 0x00),
        UnderlineStyle::Dotted,
    ),
    slot(
        "pale grey",
        Rgb(0xdd, 0xdd, 0xdd),
        Rgb(0x66, 0x66, 0x66),
        UnderlineStyle::Double,
    ),
];

/// The slot for a stored colour index; out-of-range indices (e.g. from a hand-edited file)
/// wrap around instead of failing.
pub fn palette_colour(colour: u8) -> &'static PaletteColour {
    &PALETTE[usize::from(colour) % PALETTE.len()]
}

/// The palette slot used by the fewest of `used` (the lowest such slot), so colours go round
/// in order and a slot is reused only when every slot is taken. One rule for every way a
/// speaker arrives: typed, added in the panel, or imported.
pub fn least_used_slot(used: impl IntoIterator<Item = u8>) -> u8 {
    let mut uses = [0usize; PALETTE.len()];
    for colour in used {
        if let Some(count) = uses.get_mut(usize::from(colour)) {
            *count += 1;
        }
    }
    let fewest = uses.iter().copied().min().unwrap_or(0);
    let slot = uses.iter().position(|&count| count == fewest).unwrap_or(0);
    u8::try_from(slot).unwrap_or(0)
}

/// True for scripts whose names are usually written without spaces and whose one character
/// already makes a recognisable initial (Han, Kana, Hangul).
fn is_wide_script(c: char) -> bool {
    crate::core::text::typography::is_cjk(c)
        || matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF)
}

fn is_letter_or_digit(grapheme: &str) -> bool {
    grapheme.chars().any(char::is_alphanumeric)
}

/// A grapheme that can stand for a name with no letters at all (an emoji, a symbol), as
/// opposed to punctuation.
fn is_symbol(grapheme: &str) -> bool {
    grapheme.chars().any(|c| {
        !c.is_whitespace() && !c.is_ascii_punctuation() && !matches!(c as u32, 0x2010..=0x205E)
    })
}

/// A speaker's initials, shown next to the colour so colour is never the only cue.
///
/// Several words: first letter of the first and of the last word ("Sarah Sanders" → "SS",
/// "Žofie Ěmová" → "ŽĚ"). One word: its first two letters ("Putin" → "PU"), or one for
/// CJK/Hangul names ("習近平" → "習"). Letters are whole grapheme clusters (a letter with
/// combining marks, a flag or a ZWJ emoji stays intact), upper-cased where the script has case.
/// Punctuation is skipped; a name with no letters or digits shows its first symbol (an emoji
/// name keeps its emoji), and a name of punctuation only gives "?".
pub fn initials(name: &str) -> String {
    let words: Vec<Vec<&str>> = name
        .split_whitespace()
        .map(|word| {
            word.graphemes(true)
                .filter(|g| is_letter_or_digit(g))
                .collect::<Vec<_>>()
        })
        .filter(|letters| !letters.is_empty())
        .collect();
    let picked: Vec<&str> = match words.as_slice() {
        [] => {
            return name
                .graphemes(true)
                .find(|g| is_symbol(g))
                .map_or_else(|| "?".to_owned(), str::to_owned)
        }
        [only] => {
            let starts_wide = only[0].chars().next().is_some_and(is_wide_script);
            let count = if starts_wide { 1 } else { 2 };
            only.iter().take(count).copied().collect()
        }
        [first, .., last] => vec![first[0], last[0]],
    };
    picked.iter().map(|g| upper_grapheme(g)).collect()
}

/// Upper-cases a grapheme's base character only when that yields a single character, so
/// "ß" stays "ß" rather than growing to "SS", and marks stay attached.
fn upper_grapheme(grapheme: &str) -> String {
    let mut chars = grapheme.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut upper = first.to_uppercase();
    let base = match (upper.next(), upper.next()) {
        (Some(single), None) => single,
        _ => first,
    };
    std::iter::once(base).chain(chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_background_meets_wcag_aa_for_body_text() {
        for colour in &PALETTE {
            let ratio = contrast_ratio(colour.background, TEXT_COLOUR);
            assert!(ratio >= 4.5, "{} gives {ratio:.2}:1", colour.name);
        }
    }

    #[test]
    fn every_underline_is_visible_on_a_white_page() {
        for colour in &PALETTE {
            let ratio = contrast_ratio(colour.border, Rgb(0xff, 0xff, 0xff));
            assert!(ratio >= 3.0, "{} border gives {ratio:.2}:1", colour.name);
        }
    }

    #[test]
    fn contrast_ratio_matches_wcag_reference_values() {
        let white = Rgb(0xff, 0xff, 0xff);
        let black = Rgb(0, 0, 0);
        assert!((contrast_ratio(white, black) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known smallest grey passing 4.5:1 (4.54:1).
        let grey = contrast_ratio(Rgb(0x76, 0x76, 0x76), white);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
    }

    /// Colour-blindness simulation (Machado, Oliveira & Fernandes 2009, severity 1.0) in
    /// linear RGB, then CIE L*a*b* distance: every pair of slots must stay clearly apart.
    #[test]
    fn slots_stay_distinguishable_under_simulated_colour_blindness() {
        const SIMULATIONS: [(&str, [[f64; 3]; 3]); 4] = [
            (
                "normal",
                [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            ),
            (
                "protanopia",
                [
                    [0.152286, 1.052583, -0.204868],
                    [0.114503, 0.786281, 0.099216],
                    [-0.003882, -0.048116, 1.051998],
                ],
            ),
            (
                "deuteranopia",
                [
                    [0.367322, 0.860646, -0.227968],
                    [0.280085, 0.672501, 0.047413],
                    [-0.011820, 0.042940, 0.968881],
                ],
            ),
            (
                "tritanopia",
                [
                    [1.255528, -0.076749, -0.178779],
                    [-0.078411, 0.930809, 0.147602],
                    [0.004733, 0.691367, 0.303900],
                ],
            ),
        ];
        fn linear(channel: u8) -> f64 {
            let c = f64::from(channel) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        fn lab(colour: Rgb, matrix: &[[f64; 3]; 3]) -> [f64; 3] {
            let rgb = [linear(colour.0), linear(colour.1), linear(colour.2)];
            let sim: Vec<f64> = matrix
                .iter()
                .map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
                .collect();
            let x = (0.4124 * sim[0] + 0.3576 * sim[1] + 0.1805 * sim[2]) / 0.95047;
            let y = 0.2126 * sim[0] + 0.7152 * sim[1] + 0.0722 * sim[2];
            let z = (0.0193 * sim[0] + 0.1192 * sim[1] + 0.9505 * sim[2]) / 1.08883;
            let f = |t: f64| {
                if t > 0.008856 {
                    t.cbrt()
                } else {
                    7.787 * t + 16.0 / 116.0
                }
            };
            [
                116.0 * f(y) - 16.0,
                500.0 * (f(x) - f(y)),
                200.0 * (f(y) - f(z)),
            ]
        }
        for (vision, matrix) in &SIMULATIONS {
            for (i, a) in PALETTE.iter().enumerate() {
                for b in &PALETTE[i + 1..] {
                    let (la, lb) = (lab(a.background, matrix), lab(b.background, matrix));
                    let distance = la
                        .iter()
                        .zip(&lb)
                        .map(|(p, q)| (p - q).powi(2))
                        .sum::<f64>()
                        .sqrt();
                    assert!(
                        distance >= 10.0,
                        "{} and {} are {distance:.1} apart with {vision}",
                        a.name,
                        b.name
                    );
                }
            }
        }
    }

    #[test]
    fn neighbouring_slots_differ_in_underline_style_too() {
        for pair in PALETTE.windows(2) {
            assert_ne!(
                pair[0].underline, pair[1].underline,
                "{} / {}",
                pair[0].name, pair[1].name
            );
        }
    }

    #[test]
    fn out_of_range_colour_wraps() {
        assert_eq!(palette_colour(0), &PALETTE[0]);
        assert_eq!(palette_colour(9), &PALETTE[0]);
        assert_eq!(palette_colour(255), &PALETTE[255 % PALETTE.len()]);
    }

    #[test]
    fn initials_table() {
        let cases = [
            ("Sarah Sanders", "SS"),
            ("Putin", "PU"),
            ("Žofie Ěmová", "ŽĚ"),
            ("習近平", "習"),
            ("김정은", "김"),
            ("Mary Jane van der Berg", "MB"),
            ("  sarah   sanders  ", "SS"),
            ("\u{201c}Sarah\u{201d} Sanders", "SS"),
            ("e\u{301}mile zola", "E\u{301}Z"),
            ("محمد بن سلمان", "مس"),
            ("דוד בן-גוריון", "דב"),
            ("👩‍👩‍👧 Family", "FA"),
            ("🇫🇮 🇸🇪", "🇫🇮"),
            ("🇫🇮", "🇫🇮"),
            ("X", "X"),
            ("ßimon", "ßI"),
            ("O'Neil", "ON"),
            ("Jean-Claude Juncker", "JJ"),
            ("R2-D2", "R2"),
            ("", "?"),
            ("  -- ", "?"),
        ];
        for (name, expected) in cases {
            assert_eq!(initials(name), expected, "initials of {name:?}");
        }
    }
}
