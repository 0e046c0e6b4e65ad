//! The options a host page passes to `mount(element, options)`, parsed and validated without
//! the DOM so that every rule about them is tested natively.

use serde::Deserialize;

use crate::core::article::{ArticleInput, ArticleSource};

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
}

/// Validated mount options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountOptions {
    pub article: ArticleInput,
    /// The host-given article id (`options.id` or `options.article.id`), if any; used as the
    /// storage key instead of the article's content hash.
    pub article_id: Option<String>,
}

/// Why the options can't be used, worded for the integrator reading the thrown `Error`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionsError {
    NotJson(String),
    MissingArticle,
    AmbiguousArticle,
    EmptyId,
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotJson(detail) => write!(f, "mount options must be a plain object: {detail}"),
            Self::MissingArticle => f.write_str(
                "mount options need an article: { article: { text | markdown | html: \"...\" } }",
            ),
            Self::AmbiguousArticle => f.write_str(
                "options.article must have exactly one of text, markdown or html, not several",
            ),
            Self::EmptyId => f.write_str("options.id must not be empty when given"),
        }
    }
}

impl std::error::Error for OptionsError {}

impl MountOptions {
    /// Parses options given as JSON (the browser edge serialises the JS object).
    pub fn from_json(json: &str) -> Result<Self, OptionsError> {
        // `undefined` and `null` options arrive as JSON null: report the missing article.
        let raw: Option<RawMountOptions> =
            serde_json::from_str(json).map_err(|error| OptionsError::NotJson(error.to_string()))?;
        let raw = raw.unwrap_or_default();
        let article = raw.article.ok_or(OptionsError::MissingArticle)?;
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
        let article_id = raw.id.or(article.id);
        if article_id.as_deref().is_some_and(|id| id.trim().is_empty()) {
            return Err(OptionsError::EmptyId);
        }
        Ok(Self {
            article: ArticleInput {
                source,
                title: article.title.filter(|title| !title.trim().is_empty()),
            },
            article_id,
        })
    }
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
        let not_object = MountOptions::from_json(r#"{"article":{"text":5}}"#).unwrap_err();
        assert!(matches!(not_object, OptionsError::NotJson(_)));
        assert!(not_object
            .to_string()
            .starts_with("mount options must be a plain object"));
    }
}
