//! localStorage, with its failures told apart: unavailable (disabled, private mode,
//! SecurityError), full (quota exceeded), or some other error. Strings in, strings out.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

/// Why localStorage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage at all: disabled, blocked by the browser, or a SecurityError.
    Unavailable(String),
    /// The write did not fit in the origin's quota.
    QuotaExceeded,
    /// Anything else the browser reported.
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unavailable(detail) => write!(f, "browser storage is unavailable ({detail})"),
            Self::QuotaExceeded => f.write_str("browser storage is full"),
            Self::Failed(detail) => write!(f, "browser storage failed ({detail})"),
        }
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| {
            format!(
                "{}: {}",
                String::from(error.name()),
                String::from(error.message())
            )
        })
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

fn is_quota_error(error: &JsValue) -> bool {
    error.dyn_ref::<js_sys::Error>().is_some_and(|error| {
        let name = String::from(error.name());
        // Firefox historically used its own name for the same condition.
        name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

/// The page's localStorage, or why it can't be had. Merely touching `window.localStorage`
/// throws a SecurityError when storage is blocked, so that is caught here too.
pub fn local_storage() -> Result<Storage, StorageError> {
    let window =
        web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".to_owned()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable(
            "localStorage is disabled".to_owned(),
        )),
        Err(error) => Err(StorageError::Unavailable(describe(&error))),
    }
}

pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|error| StorageError::Failed(describe(&error)))
}

pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|error| {
        if is_quota_error(&error) {
            StorageError::QuotaExceeded
        } else {
            StorageError::Failed(describe(&error))
        }
    })
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|error| StorageError::Failed(describe(&error)))
}

/// Every stored `(key, value)` whose key starts with `prefix`, for listing what this browser
/// holds. Values that vanish while being read (another tab removed them) are left out.
pub fn entries_with_prefix(prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
    let storage = local_storage()?;
    let count = storage
        .length()
        .map_err(|error| StorageError::Failed(describe(&error)))?;
    let mut entries = Vec::new();
    for index in 0..count {
        let Ok(Some(key)) = storage.key(index) else {
            continue;
        };
        if !key.starts_with(prefix) {
            continue;
        }
        if let Ok(Some(value)) = storage.get_item(&key) {
            entries.push((key, value));
        }
    }
    Ok(entries)
}
