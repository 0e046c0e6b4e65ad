//! How the widget words counts in what it tells people ("1 annotation", "3 annotations"), in
//! one place so every message agrees.

/// `count` and `noun`, with the noun's regular English plural when the count is not one.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(plural(0, "quote"), "0 quotes");
        assert_eq!(plural(1, "quote"), "1 quote");
        assert_eq!(plural(12, "unusable item"), "12 unusable items");
    }
}
