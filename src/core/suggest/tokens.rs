//! Words and punctuation of the article, with the elisions (`l’`, `d’`) split off, as the
//! analysis reads them.

#[derive(Clone, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lowercase text.
    pub lower: String,
    /// Original text.
    pub text: String,
    pub word: bool,
    /// A speech verb of the article's language (set once the language is known).
    pub speech: bool,
}

impl Token {
    /// The word without a French/Italian elided article (`l’AFP` → `AFP`).
    pub fn core(&self) -> (&str, &str) {
        elision_split(&self.text)
    }

    pub fn core_lower(&self) -> String {
        self.core().1.to_lowercase()
    }

    pub fn capitalised(&self) -> bool {
        self.word && self.core().1.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_punct(&self, c: char) -> bool {
        !self.word && self.text.starts_with(c)
    }
}

/// Splits `l’entraîneur` into (`l’`, `entraîneur`); other words into (``, word).
pub fn elision_split(word: &str) -> (&str, &str) {
    if let Some(i) = word.find(['\'', '’']) {
        let head = &word[..i];
        let lower = head.to_lowercase();
        if matches!(
            lower.as_str(),
            "l" | "d" | "j" | "qu" | "n" | "s" | "c" | "m" | "t" | "lorsqu" | "jusqu"
        ) {
            let tail_start = i + word[i..].chars().next().map_or(1, char::len_utf8);
            return (&word[..tail_start], &word[tail_start..]);
        }
    }
    ("", word)
}

/// Words: runs of letters and digits, keeping apostrophes and hyphens between letters.
/// Everything else that is not a space is a one-character punctuation token.
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let s = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (matches!(chars[i], '\'' | '’' | '-' | '‑')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_alphanumeric()))
            {
                i += 1;
            }
            let text: String = chars[s..i].iter().collect();
            out.push(Token {
                start: s,
                end: i,
                lower: text.to_lowercase(),
                text,
                word: true,
                speech: false,
            });
        } else {
            if !c.is_whitespace() {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    lower: c.to_string(),
                    text: c.to_string(),
                    word: false,
                    speech: false,
                });
            }
            i += 1;
        }
    }
    out
}
