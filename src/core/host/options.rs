//! The options a host page passes to `mount(element, options)`, parsed and validated without
//! the DOM so that every rule about them is tested natively.

use serde::Deserialize;

use crate::core::article::{ArticleInput, ArticleSource};
use crate::core::text::typography::clean_name;

/// The article part of the options: exactly one of `text`, `markdown` or `html`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ArticleOptions {
    text: Option<String>,
    markdown: Option<String>,
    html: Option<String>,
    title: Option<String>,
    id: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawMountOptions {
    article: Option<ArticleOptions>,
    id: Option<String>,
    read_only: Option<bool>,
    storage: Option<String>,
    speakers: Option<Vec<String>>,
    theme: Option<std::collections::BTreeMap<String, String>>,
    annotations: Option<serde_json::Value>,
    suggest: Option<bool>,
    annotator: Option<String>,
    creation: Option<String>,
}

/// The theme settings a host may give, each mapped to the `--quotemark-<name>` custom property
/// the stylesheet reads.
pub const THEME_PROPERTIES: [&str; 11] = [
    "font",
    "ui-font",
    "text",
    "muted",
    "background",
    "surface",
    "border",
    "accent",
    "focus",
    "measure",
    "font-size",
];

/// Where annotations are kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StorageMode {
    /// The browser's localStorage (the default).
    #[default]
    Local,
    /// Nowhere: the host saves through the handle's export if it wants to.
    None,
}

/// What selecting text does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CreationMode {
    /// A toolbar offers Quote, Highlight and the rest (the default).
    #[default]
    Toolbar,
    /// Letting go of the mouse (or finger) makes a plain highlight at once, no toolbar.
    Highlight,
}

/// Validated mount options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountOptions {
    pub article: ArticleInput,
    /// The host-given article id (`options.id` or `options.article.id`), if any; used as the
    /// storage key instead of the article's content hash.
    pub article_id: Option<String>,
    pub read_only: bool,
    pub storage: StorageMode,
    /// Speakers to offer from the start (e.g. a newsroom's list), by name.
    pub speakers: Vec<String>,
    /// `(custom property, value)` pairs, e.g. `("--quotemark-accent", "#c00")`.
    pub theme: Vec<(String, String)>,
    /// An exported file (native or W3C JSON) to start with, e.g. for a read-only reader view.
    pub annotations: Option<String>,
    /// Show suggested quotes on load (`suggest: true`).
    pub suggest: bool,
    /// Who is annotating (`annotator: "Ada"`), written into exports so that a teacher
    /// comparing a class's files knows whose each is; whitespace collapsed, `None` when blank.
    pub annotator: Option<String>,
    /// What selecting text does (`creation: "toolbar" | "highlight"`).
    pub creation: CreationMode,
}

/// Why the options can't be used, worded for the integrator reading the thrown `Error`: each
/// is one sentence that names the option, what it must be and what it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionsError {
    /// The text given is not JSON (only from hand-written callers: the browser edge
    /// serialises a JavaScript object).
    NotJson(String),
    /// An option (or the options themselves) has the wrong type.
    WrongType {
        /// `options`, `article`, `article.text`, `speakers[2]`…
        option: String,
        expected: &'static str,
        found: &'static str,
    },
    MissingArticle,
    AmbiguousArticle,
    EmptyId,
    UnknownStorage(String),
    UnknownThemeKey(String),
    UnknownCreation(String),
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotJson(detail) => {
                write!(f, "The mount options are not a JavaScript object ({detail}).")
            }
            Self::WrongType {
                option,
                expected,
                found,
            } if option == "options" => write!(
                f,
                "The mount options must be {expected}, not {found}."
            ),
            Self::WrongType {
                option,
                expected,
                found,
            } => write!(f, "The mount option {option} must be {expected}, not {found}."),
            Self::MissingArticle => f.write_str(
                "The mount options need an article: { article: { text | markdown | html: \"...\" } }.",
            ),
            Self::AmbiguousArticle => f.write_str(
                "The mount option article must have exactly one of text, markdown or html, not several.",
            ),
            Self::EmptyId => f.write_str("The mount option id must not be empty when given."),
            Self::UnknownStorage(value) => write!(
                f,
                "The mount option storage must be \"local\" or \"none\", not {value:?}."
            ),
            Self::UnknownCreation(value) => write!(
                f,
                "The mount option creation must be \"toolbar\" or \"highlight\", not {value:?}."
            ),
            Self::UnknownThemeKey(key) => write!(
                f,
                "The mount option theme has no setting {key:?}; known: {}.",
                THEME_PROPERTIES.join(", ")
            ),
        }
    }
}

impl std::error::Error for OptionsError {}

/// A JSON value's kind, as a JavaScript author would call it.
fn kind_of(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Checks the shape of the options before reading them, so that a wrong type is reported
/// by its option name rather than by the parser's internals.
fn check_shape(value: &serde_json::Value) -> Result<(), OptionsError> {
    use serde_json::Value;
    let wrong = |option: &str, expected: &'static str, found: &Value| OptionsError::WrongType {
        option: option.to_owned(),
        expected,
        found: kind_of(found),
    };
    let options = match value {
        Value::Null => return Ok(()),
        Value::Object(options) => options,
        other => return Err(wrong("options", "an object", other)),
    };
    let optional =
        |name: &str, expected: &'static str, fits: fn(&Value) -> bool| match options.get(name) {
            Some(value) if !value.is_null() && !fits(value) => Err(wrong(name, expected, value)),
            _ => Ok(()),
        };
    optional("id", "a string", Value::is_string)?;
    optional("readOnly", "true or false", Value::is_boolean)?;
    optional("suggest", "true or false", Value::is_boolean)?;
    optional("storage", "a string", Value::is_string)?;
    optional("annotator", "a string", Value::is_string)?;
    optional("creation", "a string", Value::is_string)?;
    optional("speakers", "an array of names", Value::is_array)?;
    optional("theme", "an object", Value::is_object)?;
    if let Some(Value::Array(names)) = options.get("speakers") {
        if let Some((index, name)) = names.iter().enumerate().find(|(_, n)| !n.is_string()) {
            return Err(wrong(&format!("speakers[{index}]"), "a string", name));
        }
    }
    if let Some(Value::Object(theme)) = options.get("theme") {
        if let Some((key, value)) = theme.iter().find(|(_, v)| !v.is_string()) {
            return Err(wrong(&format!("theme.{key}"), "a string", value));
        }
    }
    match options.get("article") {
        None | Some(Value::Null) => {}
        Some(Value::Object(article)) => {
            for field in ["text", "markdown", "html", "title", "id"] {
                match article.get(field) {
                    Some(value) if !value.is_null() && !value.is_string() => {
                        return Err(wrong(&format!("article.{field}"), "a string", value))
                    }
                    _ => {}
                }
            }
        }
        Some(other) => return Err(wrong("article", "an object", other)),
    }
    Ok(())
}

impl MountOptions {
    /// Parses options given as JSON (the browser edge serialises the JS object).
    pub fn from_json(json: &str) -> Result<Self, OptionsError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|error| {
            OptionsError::NotJson(format!("line {}, column {}", error.line(), error.column()))
        })?;
        check_shape(&value)?;
        // `undefined` and `null` options arrive as JSON null: report the missing article.
        let raw: Option<RawMountOptions> = serde_json::from_value(value)
            .map_err(|_| OptionsError::NotJson("its fields could not be read".to_owned()))?;
        let raw = raw.unwrap_or_default();
        let (article, article_id) = read_article(raw.article, raw.id)?;
        let storage = match raw.storage.as_deref() {
            None | Some("local") => StorageMode::Local,
            Some("none") => StorageMode::None,
            Some(other) => return Err(OptionsError::UnknownStorage(other.to_owned())),
        };
        let creation = match raw.creation.as_deref() {
            None | Some("toolbar") => CreationMode::Toolbar,
            Some("highlight") => CreationMode::Highlight,
            Some(other) => return Err(OptionsError::UnknownCreation(other.to_owned())),
        };
        let mut theme = Vec::new();
        for (key, value) in raw.theme.unwrap_or_default() {
            // Accept "accent", "--quotemark-accent" and camelCase "fontSize" alike.
            let name = key.trim_start_matches("--quotemark-");
            let name = camel_to_kebab(name);
            if !THEME_PROPERTIES.contains(&name.as_str()) {
                return Err(OptionsError::UnknownThemeKey(key));
            }
            theme.push((format!("--quotemark-{name}"), value));
        }
        let speakers = raw
            .speakers
            .unwrap_or_default()
            .into_iter()
            .map(|name| clean_name(&name))
            .filter(|name| !name.is_empty())
            .collect();
        Ok(Self {
            article,
            article_id,
            read_only: raw.read_only.unwrap_or(false),
            storage,
            speakers,
            theme,
            // Given as the file's text or as the parsed object; the importer reads text.
            annotations: raw.annotations.map(|value| match value {
                serde_json::Value::String(text) => text,
                other => other.to_string(),
            }),
            suggest: raw.suggest.unwrap_or(false),
            annotator: raw
                .annotator
                .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|name| !name.is_empty()),
            creation,
        })
    }
}

/// The article and its host-given id from the options, as `mount` and `compare` both read them.
fn read_article(
    article: Option<ArticleOptions>,
    id: Option<String>,
) -> Result<(ArticleInput, Option<String>), OptionsError> {
    let article = article.ok_or(OptionsError::MissingArticle)?;
    let mut sources = [
        article.text.map(ArticleSource::Text),
        article.markdown.map(ArticleSource::Markdown),
        article.html.map(ArticleSource::Html),
    ]
    .into_iter()
    .flatten();
    let source = sources.next().ok_or(OptionsError::MissingArticle)?;
    if sources.next().is_some() {
        return Err(OptionsError::AmbiguousArticle);
    }
    let article_id = id.or(article.id);
    if article_id.as_deref().is_some_and(|id| id.trim().is_empty()) {
        return Err(OptionsError::EmptyId);
    }
    Ok((
        ArticleInput {
            source,
            title: article.title.filter(|title| !title.trim().is_empty()),
        },
        article_id,
    ))
}

/// One file handed to `compare(element, { files })`: its name and its text.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CompareFile {
    pub name: String,
    pub content: String,
}

/// Validated options of `compare(element, options)`: the article exactly as `mount` reads it,
/// and the class's files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareOptions {
    pub article: ArticleInput,
    pub article_id: Option<String>,
    pub files: Vec<CompareFile>,
}

impl CompareOptions {
    /// Parses options given as JSON (the browser edge serialises the JS object). Errors use
    /// the mount wording for the article; a file that is not `{ name, content }` with two
    /// strings is named by its place in the list.
    pub fn from_json(json: &str) -> Result<Self, OptionsError> {
        use serde_json::Value;
        let value: Value = serde_json::from_str(json).map_err(|error| {
            OptionsError::NotJson(format!("line {}, column {}", error.line(), error.column()))
        })?;
        // The article and id follow mount's rules; other keys are compare's own.
        let mut for_mount = serde_json::Map::new();
        if let Value::Object(options) = &value {
            for key in ["article", "id"] {
                if let Some(field) = options.get(key) {
                    for_mount.insert(key.to_owned(), field.clone());
                }
            }
        } else if !value.is_null() {
            return Err(OptionsError::WrongType {
                option: "options".into(),
                expected: "an object",
                found: kind_of(&value),
            });
        }
        let for_mount = Value::Object(for_mount);
        check_shape(&for_mount)?;
        let raw: RawMountOptions = serde_json::from_value(for_mount)
            .map_err(|_| OptionsError::NotJson("its fields could not be read".to_owned()))?;
        let (article, article_id) = read_article(raw.article, raw.id)?;
        let files = match value.get("files") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list
                .iter()
                .enumerate()
                .map(|(index, file)| {
                    let field = |name: &str| match file.get(name) {
                        Some(Value::String(text)) => Ok(text.clone()),
                        other => Err(OptionsError::WrongType {
                            option: format!("files[{index}].{name}"),
                            expected: "a string",
                            found: other.map(kind_of).unwrap_or("missing"),
                        }),
                    };
                    if !file.is_object() {
                        return Err(OptionsError::WrongType {
                            option: format!("files[{index}]"),
                            expected: "an object { name, content }",
                            found: kind_of(file),
                        });
                    }
                    Ok(CompareFile {
                        name: field("name")?,
                        content: field("content")?,
                    })
                })
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(OptionsError::WrongType {
                    option: "files".into(),
                    expected: "an array of { name, content }",
                    found: kind_of(other),
                })
            }
        };
        Ok(Self {
            article,
            article_id,
            files,
        })
    }
}

fn camel_to_kebab(name: &str) -> String {
    let mut kebab = String::with_capacity(name.len() + 2);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            kebab.push('-');
            kebab.push(c.to_ascii_lowercase());
        } else {
            kebab.push(c);
        }
    }
    kebab
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_each_article_format() {
        let cases = [
            (
                r#"{"article":{"text":"Hello"}}"#,
                ArticleSource::Text("Hello".into()),
            ),
            (
                r##"{"article":{"markdown":"# Hi"}}"##,
                ArticleSource::Markdown("# Hi".into()),
            ),
            (
                r#"{"article":{"html":"<p>x</p>"}}"#,
                ArticleSource::Html("<p>x</p>".into()),
            ),
        ];
        for (json, expected) in cases {
            let options = MountOptions::from_json(json).expect(json);
            assert_eq!(options.article.source, expected, "{json}");
            assert_eq!(options.article_id, None);
        }
    }

    #[test]
    fn takes_title_and_id_from_either_place() {
        let options =
            MountOptions::from_json(r#"{"article":{"text":"x","title":"T","id":"inner"}}"#)
                .unwrap();
        assert_eq!(options.article.title.as_deref(), Some("T"));
        assert_eq!(options.article_id.as_deref(), Some("inner"));
        let options =
            MountOptions::from_json(r#"{"id":"outer","article":{"text":"x","id":"inner"}}"#)
                .unwrap();
        assert_eq!(options.article_id.as_deref(), Some("outer"));
    }

    #[test]
    fn reads_host_settings() {
        let options = MountOptions::from_json(
            r##"{"article":{"text":"x"},"readOnly":true,"storage":"none",
                "speakers":[" Sarah  Sanders ","", "Putin"],
                "theme":{"accent":"#c00","fontSize":"20px","--quotemark-measure":"50rem"}}"##,
        )
        .unwrap();
        assert!(options.read_only);
        assert_eq!(options.storage, StorageMode::None);
        assert_eq!(options.speakers, vec!["Sarah Sanders", "Putin"]);
        assert_eq!(
            options.theme,
            vec![
                ("--quotemark-measure".to_owned(), "50rem".to_owned()),
                ("--quotemark-accent".to_owned(), "#c00".to_owned()),
                ("--quotemark-font-size".to_owned(), "20px".to_owned()),
            ]
        );
        let with_file = MountOptions::from_json(
            r#"{"article":{"text":"x"},"annotations":{"format":"quotemark"}}"#,
        )
        .unwrap();
        assert_eq!(
            with_file.annotations.as_deref(),
            Some(r#"{"format":"quotemark"}"#)
        );
        let defaults = MountOptions::from_json(r#"{"article":{"text":"x"}}"#).unwrap();
        assert!(!defaults.read_only);
        assert_eq!(defaults.storage, StorageMode::Local);
        assert_eq!(defaults.annotations, None);
    }

    #[test]
    fn rejects_unusable_options_with_a_readable_reason() {
        let cases = [
            ("null", OptionsError::MissingArticle),
            ("{}", OptionsError::MissingArticle),
            (r#"{"article":{}}"#, OptionsError::MissingArticle),
            (
                r#"{"article":{"text":"a","html":"b"}}"#,
                OptionsError::AmbiguousArticle,
            ),
            (
                r#"{"id":" ","article":{"text":"a"}}"#,
                OptionsError::EmptyId,
            ),
        ];
        for (json, expected) in cases {
            assert_eq!(
                MountOptions::from_json(json).unwrap_err(),
                expected,
                "{json}"
            );
        }
        let wrong_type = MountOptions::from_json(r#"{"article":{"text":5}}"#).unwrap_err();
        assert_eq!(
            wrong_type.to_string(),
            "The mount option article.text must be a string, not a number."
        );
        let not_object = MountOptions::from_json("[1]").unwrap_err();
        assert_eq!(
            not_object.to_string(),
            "The mount options must be an object, not an array."
        );
        let speaker =
            MountOptions::from_json(r#"{"article":{"text":"a"},"speakers":["A", 2]}"#).unwrap_err();
        assert_eq!(
            speaker.to_string(),
            "The mount option speakers[1] must be a string, not a number."
        );
    }

    #[test]
    fn the_annotator_option_is_a_trimmed_name() {
        let options =
            MountOptions::from_json(r#"{"article":{"text":"Hi"},"annotator":"  Ada  Lovelace "}"#)
                .expect("valid");
        assert_eq!(options.annotator.as_deref(), Some("Ada Lovelace"));
        let blank = MountOptions::from_json(r#"{"article":{"text":"Hi"},"annotator":"  "}"#)
            .expect("valid");
        assert_eq!(blank.annotator, None);
        let wrong = MountOptions::from_json(r#"{"article":{"text":"Hi"},"annotator":3}"#)
            .expect_err("a number");
        assert_eq!(
            wrong.to_string(),
            "The mount option annotator must be a string, not a number."
        );
    }

    #[test]
    fn compare_options_read_the_article_like_mount_and_the_files() {
        let options = CompareOptions::from_json(
            r#"{"article":{"text":"Hi","id":"story"},"files":[{"name":"a.json","content":"{}"}]}"#,
        )
        .expect("valid");
        assert_eq!(options.article.source, ArticleSource::Text("Hi".into()));
        assert_eq!(options.article_id.as_deref(), Some("story"));
        assert_eq!(
            options.files,
            vec![CompareFile {
                name: "a.json".into(),
                content: "{}".into()
            }]
        );
        let none =
            CompareOptions::from_json(r##"{"article":{"markdown":"# Hi"}}"##).expect("valid");
        assert!(none.files.is_empty());
    }

    #[test]
    fn compare_options_name_what_is_wrong() {
        let cases = [
            ("null", OptionsError::MissingArticle.to_string()),
            (
                r#"{"article":{"text":"a","html":"b"}}"#,
                OptionsError::AmbiguousArticle.to_string(),
            ),
            (
                r#"{"article":{"text":"a"},"files":"x"}"#,
                "The mount option files must be an array of { name, content }, not a string."
                    .into(),
            ),
            (
                r#"{"article":{"text":"a"},"files":[{"name":"a"}]}"#,
                "The mount option files[0].content must be a string, not missing.".into(),
            ),
            (
                r#"{"article":{"text":"a"},"files":[3]}"#,
                "The mount option files[0] must be an object { name, content }, not a number."
                    .into(),
            ),
        ];
        for (json, message) in cases {
            let error = CompareOptions::from_json(json).expect_err(json);
            assert_eq!(error.to_string(), message, "{json}");
        }
    }
}
