//! The URL rules shared by the HTML and Markdown loaders: for links only `http:`, `https:`,
//! `mailto:` and scheme-less relative URLs survive, for images only `http:`, `https:` and
//! relative URLs; everything else (`javascript:`, `data:`, `vbscript:`, `file:`, any other
//! scheme, and obfuscated spellings of them) is rejected.
//!
//! A kept URL is only ever used as the `href` of a rendered link, which the renderer escapes
//! and marks `rel="noopener noreferrer"` (an image's address too: the widget never loads it).

/// Schemes a link may use.
const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Schemes an image address may use: a `mailto:` is no image.
const IMAGE_SCHEMES: &[&str] = &["http", "https"];

/// The URL to keep for a link whose raw target is `raw` (attribute value or Markdown
/// destination, already decoded once by its parser), or `None` when it is unsafe or empty.
///
/// The returned URL is `raw` cleaned the way a browser's URL parser cleans it (tab, LF and CR
/// removed anywhere; leading and trailing C0 controls and spaces trimmed), so what is checked is
/// what the browser will follow. The check itself is stricter than the browser: it is applied
/// both to the cleaned URL and to the cleaned URL with entities decoded once more, after
/// removing *all* whitespace and control characters and lower-casing; a `:` appearing before any
/// `/`, `?`, `#` or `\` marks a scheme, which must be one of the allowed ones.
pub fn sanitize_link_url(raw: &str) -> Option<String> {
    sanitize_url(raw, LINK_SCHEMES)
}

/// The image address to keep for an image whose raw `src` is `raw`, or `None` when it is
/// unsafe or empty: the rule of [`sanitize_link_url`] with only `http:`, `https:` and relative
/// URLs allowed (so no `data:` images, which could smuggle markup, and no `mailto:`).
pub fn sanitize_image_url(raw: &str) -> Option<String> {
    sanitize_url(raw, IMAGE_SCHEMES)
}

fn sanitize_url(raw: &str, schemes: &[&str]) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|ch: char| ch <= ' ')
        .chars()
        .filter(|ch| !matches!(ch, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let decoded = decode_entities(&cleaned);
    if has_safe_scheme(&cleaned, schemes) && has_safe_scheme(&decoded, schemes) {
        Some(cleaned)
    } else {
        None
    }
}

fn has_safe_scheme(url: &str, schemes: &[&str]) -> bool {
    let compact: String = url
        .chars()
        .filter(|ch| !ch.is_whitespace() && !ch.is_control())
        .collect();
    match compact.find([':', '/', '?', '#', '\\']) {
        Some(index) if compact[index..].starts_with(':') => {
            let scheme = compact[..index].to_ascii_lowercase();
            schemes.contains(&scheme.as_str())
        }
        // No scheme: a relative URL (`/x`, `x.html`, `#frag`, `//host/x`).
        _ => true,
    }
}

/// Decodes numeric character references (with or without the `;`) and the named ones useful to
/// hide a scheme. Unknown references are left as they are: this only feeds the safety check.
fn decode_entities(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        let reference = &rest[amp + 1..];
        match decode_reference(reference) {
            Some((ch, consumed)) => {
                decoded.push(ch);
                rest = &reference[consumed..];
            }
            None => {
                decoded.push('&');
                rest = reference;
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// Decodes the reference at the start of `text` (just after `&`): the character and the bytes
/// consumed, including a `;` if present.
fn decode_reference(text: &str) -> Option<(char, usize)> {
    let with_semicolon = |ch: char, len: usize| {
        let consumed = if text[len..].starts_with(';') {
            len + 1
        } else {
            len
        };
        Some((ch, consumed))
    };
    if let Some(number) = text.strip_prefix('#') {
        let (digits, radix, prefix_len) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let digits_len = digits
            .find(|ch: char| !ch.is_digit(radix))
            .unwrap_or(digits.len());
        if digits_len == 0 {
            return None;
        }
        let code = u32::from_str_radix(&digits[..digits_len.min(8)], radix).ok()?;
        let ch = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        return with_semicolon(ch, prefix_len + digits_len);
    }
    const NAMED: [(&str, char); 10] = [
        ("colon", ':'),
        ("Tab", '\t'),
        ("NewLine", '\n'),
        ("amp", '&'),
        ("sol", '/'),
        ("quest", '?'),
        ("num", '#'),
        ("bsol", '\\'),
        ("nbsp", '\u{a0}'),
        ("period", '.'),
    ];
    NAMED
        .iter()
        .find(|(name, _)| text.starts_with(name))
        .and_then(|&(name, ch)| with_semicolon(ch, name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_urls_are_kept() {
        let cases = [
            ("https://example.com/a?b=c#d", "https://example.com/a?b=c#d"),
            ("HTTP://EXAMPLE.COM", "HTTP://EXAMPLE.COM"),
            ("  https://example.com/\n", "https://example.com/"),
            ("mailto:desk@example.com", "mailto:desk@example.com"),
            ("/news/2025/putin", "/news/2025/putin"),
            ("story.html", "story.html"),
            ("#section-2", "#section-2"),
            ("//cdn.example.com/x", "//cdn.example.com/x"),
            ("?page=2", "?page=2"),
            ("/wiki/Talk:Main", "/wiki/Talk:Main"),
            (
                "https://example.com/ä?q=日本",
                "https://example.com/ä?q=日本",
            ),
        ];
        for (raw, expected) in cases {
            assert_eq!(sanitize_link_url(raw).as_deref(), Some(expected), "{raw:?}");
        }
    }

    #[test]
    fn unsafe_urls_are_rejected() {
        let cases = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#0000106avascript:alert(1)",
            "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "java\u{a0}script:alert(1)",
            "java\u{200b}script:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://example.com",
            "blob:https://example.com/uuid",
            "tel:+358",
            "",
            "   ",
        ];
        for raw in cases {
            assert_eq!(sanitize_link_url(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn image_urls_allow_only_http_and_relative() {
        for (raw, expected) in [
            (
                "https://img.example/a.jpg",
                Some("https://img.example/a.jpg"),
            ),
            ("/media/a.png", Some("/media/a.png")),
            ("a b.png", Some("a b.png")),
            ("mailto:desk@example.com", None),
            ("data:image/svg+xml,<svg onload=alert(1)>", None),
            ("&#106;avascript:alert(1)", None),
            ("javascript:alert(1)", None),
            ("", None),
        ] {
            assert_eq!(sanitize_image_url(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn entity_decoding_handles_edge_cases() {
        assert_eq!(
            decode_entities("a&amp;b&#99;&#x64;&unknown;&"),
            "a&bcd&unknown;&"
        );
        assert_eq!(decode_entities("&#99999999999;x"), "\u{fffd}x");
    }
}
