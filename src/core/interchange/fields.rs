//! Reading fields out of untrusted JSON with readable complaints, shared by the native and W3C
//! readers. Every error is a phrase that completes "annotation 3: ...".

use serde_json::{Map, Value};

use super::{timestamp, MAX_ID_LEN};

pub(crate) type Object = Map<String, Value>;

/// Ids numbered beyond this are treated as unusable (and replaced), so the id counter can never
/// be pushed to overflow by a file.
pub(crate) const MAX_ID_NUMBER: u64 = 1_000_000_000_000;

/// What a JSON value is, for messages.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A text field that may be absent or null.
pub(crate) fn optional_str<'a>(object: &'a Object, key: &str) -> Result<Option<&'a str>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(format!("\"{key}\" should be text, not {}", describe(other))),
    }
}

pub(crate) fn required_str<'a>(object: &'a Object, key: &str) -> Result<&'a str, String> {
    optional_str(object, key)?.ok_or_else(|| format!("\"{key}\" is missing"))
}

/// A non-negative whole number (a code point offset or a count).
pub(crate) fn optional_count(object: &Object, key: &str) -> Result<Option<usize>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value
            .as_u64()
            .and_then(|number| usize::try_from(number).ok())
            .map(Some)
            .ok_or_else(|| {
                format!(
                    "\"{key}\" should be a whole number of 0 or more, not {}",
                    shown(value)
                )
            }),
    }
}

pub(crate) fn optional_u32(object: &Object, key: &str) -> Result<Option<u32>, String> {
    match optional_count(object, key)? {
        None => Ok(None),
        Some(number) => u32::try_from(number)
            .map(Some)
            .map_err(|_| format!("\"{key}\" is too large ({number})")),
    }
}

/// An ISO-8601 date-time field, as milliseconds since the Unix epoch.
pub(crate) fn optional_timestamp(object: &Object, key: &str) -> Result<Option<i64>, String> {
    match optional_str(object, key)? {
        None => Ok(None),
        Some(text) => timestamp::parse(text).map(Some).ok_or_else(|| {
            format!(
                "\"{key}\" is not a date and time like 2024-05-01T12:00:00Z ({})",
                excerpt(text)
            )
        }),
    }
}

/// The values of `type` (or JSON-LD's `@type`), which may be one string or a list of them.
pub(crate) fn type_names(object: &Object) -> Vec<&str> {
    let value = object.get("type").or_else(|| object.get("@type"));
    match value {
        Some(Value::String(name)) => vec![name.as_str()],
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

pub(crate) fn has_type(object: &Object, wanted: &str) -> bool {
    type_names(object).contains(&wanted)
}

pub(crate) fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// Refuses text longer than `max` code points, naming it `what` in the complaint.
pub(crate) fn check_length(what: &str, text: &str, max: usize) -> Result<(), String> {
    let length = char_count(text);
    if length > max {
        Err(format!(
            "{what} is too long ({length} characters; at most {max})"
        ))
    } else {
        Ok(())
    }
}

/// The last `max` code points of `text` (the context nearest a quote, for a prefix).
pub(crate) fn keep_last_chars(text: &str, max: usize) -> String {
    let length = char_count(text);
    text.chars().skip(length.saturating_sub(max)).collect()
}

/// The first `max` code points of `text` (the context nearest a quote, for a suffix).
pub(crate) fn keep_first_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// A short, quoted, escaped rendering of untrusted text for messages.
pub(crate) fn excerpt(text: &str) -> String {
    const SHOWN: usize = 40;
    if char_count(text) > SHOWN {
        let start: String = text.chars().take(SHOWN).collect();
        format!("{start:?}…")
    } else {
        format!("{text:?}")
    }
}

/// A JSON value rendered briefly for messages.
pub(crate) fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => excerpt(text),
        Value::Number(number) => number.to_string(),
        other => describe(other).to_string(),
    }
}

/// The number of an id of the shape Quotemark writes (`a12`, `s3`): one ASCII letter then
/// digits.
pub(crate) fn id_number(id: &str) -> Option<u64> {
    let digits = id.get(1..)?;
    let starts_with_letter = id.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    if !starts_with_letter || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether an id from a file may be kept: short, made of ASCII letters, digits, `-`, `_`, `.`,
/// and not numbered absurdly high.
pub(crate) fn is_usable_id(id: &str) -> bool {
    let well_formed = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let letter_then_digits = id.len() > 1
        && id.as_bytes()[0].is_ascii_alphabetic()
        && id.bytes().skip(1).all(|b| b.is_ascii_digit());
    let number_ok = !letter_then_digits || id_number(id).is_some_and(|n| n <= MAX_ID_NUMBER);
    well_formed && number_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn usable_ids() {
        for id in ["a1", "s42", "a-b_c.d", "legacy7x", "A1000000000000"] {
            assert!(is_usable_id(id), "{id}");
        }
        for id in [
            "",
            "a 1",
            "a1\u{0}",
            "<script>",
            "a1000000000001",
            "a99999999999999999999999",
            "ä1",
            &"x".repeat(MAX_ID_LEN + 1),
        ] {
            assert!(!is_usable_id(id), "{id:?}");
        }
    }

    #[test]
    fn field_complaints_name_the_field_and_what_was_found() {
        let object = json!({"start": -1, "end": 2.5, "exact": 7, "created": "soon"});
        let object = object.as_object().cloned().unwrap_or_default();
        assert_eq!(
            optional_count(&object, "start"),
            Err("\"start\" should be a whole number of 0 or more, not -1".to_string())
        );
        assert_eq!(
            optional_count(&object, "end"),
            Err("\"end\" should be a whole number of 0 or more, not 2.5".to_string())
        );
        assert_eq!(
            required_str(&object, "exact"),
            Err("\"exact\" should be text, not a number".to_string())
        );
        assert_eq!(
            required_str(&object, "prefix"),
            Err("\"prefix\" is missing".to_string())
        );
        assert!(optional_timestamp(&object, "created")
            .is_err_and(|message| message.contains("\"soon\"")));
    }

    #[test]
    fn context_is_shortened_on_the_side_away_from_the_quote() {
        assert_eq!(keep_last_chars("a👩‍👩‍👧b", 2), "\u{1f467}b");
        assert_eq!(keep_first_chars("ab🇫🇮", 3), "ab\u{1f1eb}");
        assert_eq!(keep_last_chars("ab", 5), "ab");
    }
}
