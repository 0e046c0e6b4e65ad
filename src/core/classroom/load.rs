//! Loading a class's files: each is read through the widget's own import path (format
//! detection, per-item checks, re-anchoring, article matching), named by the annotator the file
//! gives or else by its file name, and refused with a sentence naming it when it can't be used.

use crate::core::agreement::Annotator;
use crate::core::anchoring::AnchorStatus;
use crate::core::document::Document;
use crate::core::interchange::{
    self, ArticleMatch, ImportError, ImportMode, ImportReport, OtherArticle,
};

/// One student's file, read and anchored in the article.
#[derive(Clone, Debug)]
pub struct ClassFile {
    /// What the view calls this file: the file's annotator, else the file name without its
    /// extension; made unique with " (2)", " (3)"… so a name always means one file.
    pub name: String,
    pub file_name: String,
    pub document: Document,
    pub report: ImportReport,
    /// Annotations found somewhere else than the file said (moved or approximate).
    pub moved: usize,
    pub orphans: usize,
}

impl ClassFile {
    pub fn annotator(&self) -> Annotator {
        Annotator::from_document(self.name.clone(), &self.document)
    }

    /// How the file was read, in the words of an import report (statuses included).
    pub fn summary(&self) -> String {
        let mut text = self.report.to_string();
        if self.moved > 0 {
            text.push_str(&format!(
                " {} found in a slightly different place.",
                crate::core::text::wording::plural(self.moved, "annotation")
            ));
        }
        text
    }
}

/// A file left out, and why, in one sentence that names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub file_name: String,
    pub message: String,
}

/// The loaded class, in the order the files were given.
#[derive(Clone, Debug, Default)]
pub struct Class {
    pub files: Vec<ClassFile>,
    pub refused: Vec<Refused>,
}

impl Class {
    pub fn annotators(&self) -> Vec<Annotator> {
        self.files.iter().map(ClassFile::annotator).collect()
    }

    /// Adds more files (a second drop), keeping names unique across the whole class.
    pub fn add(
        &mut self,
        article_id: &str,
        text_content: &str,
        files: &[(String, String)],
        now: i64,
    ) {
        for (file_name, content) in files {
            match read_one(article_id, text_content, file_name, content, now) {
                Ok(mut file) => {
                    file.name = unique_name(&file.name, &self.files);
                    self.files.push(file);
                }
                Err(message) => self.refused.push(Refused {
                    file_name: file_name.clone(),
                    message,
                }),
            }
        }
    }
}

/// Reads every `(file name, content)` against the article whose text content is
/// `text_content`. `article_id` is the host-given id (or content hash), as the widget uses.
pub fn load_class(
    article_id: &str,
    text_content: &str,
    files: &[(String, String)],
    now: i64,
) -> Class {
    let mut class = Class::default();
    class.add(article_id, text_content, files, now);
    class
}

fn read_one(
    article_id: &str,
    text_content: &str,
    file_name: &str,
    content: &str,
    now: i64,
) -> Result<ClassFile, String> {
    let shown = display_file_name(file_name);
    let parsed = interchange::parse_file(content)
        .map_err(|error| format!("{shown} was not loaded: {error}"))?;
    let name = parsed
        .annotator
        .clone()
        .unwrap_or_else(|| name_from_file(file_name));
    let mut document = Document::new(article_id);
    let (action, report) = interchange::import_parsed_action(
        &document,
        text_content,
        parsed,
        ImportMode::Replace,
        OtherArticle::Refuse,
        now,
    )
    .map_err(|error| match error {
        ImportError::DifferentArticle {
            title,
            found,
            total,
        } => format!(
            "{shown} was made on a different article{}: only {found} of its {total} annotations \
             are in this one, so it was left out.",
            title.map(|t| format!(" ({t})")).unwrap_or_default()
        ),
        other => format!("{shown} was not loaded: {other}"),
    })?;
    document
        .apply(action, now)
        .map_err(|error| format!("{shown} was not loaded: {error}"))?;
    let moved = document
        .annotations()
        .iter()
        .filter(|a| matches!(a.status, AnchorStatus::Moved | AnchorStatus::Fuzzy { .. }))
        .count();
    let orphans = report.orphans;
    debug_assert!(report.article_match != ArticleMatch::Different);
    Ok(ClassFile {
        name,
        file_name: file_name.to_owned(),
        document,
        report,
        moved,
        orphans,
    })
}

/// A file name in quotes, shortened so a hostile 10,000-character name can't flood a message.
fn display_file_name(file_name: &str) -> String {
    let short: String = file_name.chars().take(80).collect();
    let cut = if short.len() < file_name.len() {
        "…"
    } else {
        ""
    };
    format!("“{short}{cut}”")
}

/// The file name without folders and without a `.json`/`.jsonld`/`.txt` extension.
fn name_from_file(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let lower = base.to_lowercase();
    let stem = [".jsonld", ".json", ".txt"]
        .iter()
        .find(|ext| lower.ends_with(*ext) && lower.len() > ext.len())
        .map(|ext| &base[..base.len() - ext.len()])
        .unwrap_or(base);
    let name: String = stem.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        "Unnamed file".to_owned()
    } else {
        name.chars()
            .take(crate::core::interchange::MAX_NAME_CHARS)
            .collect()
    }
}

fn unique_name(name: &str, files: &[ClassFile]) -> String {
    let taken = |candidate: &str| files.iter().any(|file| file.name == candidate);
    if !taken(name) {
        return name.to_owned();
    }
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_owned())
}
