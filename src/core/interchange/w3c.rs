//! W3C Web Annotation Data Model (JSON-LD) export and import, so that annotations can be
//! exchanged with other annotation tools. Mapping and accepted shapes: `docs/formats.md`.
//!
//! Each annotation is `motivation: "highlighting"` with bodies carrying the rest: a `tagging`
//! body naming the kind ("quote" or "highlight"), an `identifying` body naming the speaker, and
//! a `commenting` body holding the note. Positions are code points, as the model prescribes.
//!
//! The file is long because export and import of the format stay side by side, so that every
//! field's mapping can be checked in both directions in one place.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use super::fields::{
    check_length, describe, excerpt, has_type, is_usable_id, optional_count, optional_str,
    optional_timestamp, required_str, type_names, Object,
};
use super::native::{position_selector, quote_selector, speaker_name, to_pretty_json};
use super::{
    parse_json, timestamp, ArticleMeta, FileAnnotation, FileFormat, FileSpeaker, ImportError,
    ItemKind, ParsedFile, SkippedItem, MAX_ANNOTATIONS, MAX_NOTE_CHARS,
};
use crate::core::anchoring::Selectors;
use crate::core::document::{Annotation, AnnotationKind, Document};
use crate::core::text::typography::name_key;

/// The Web Annotation JSON-LD context.
pub const ANNOTATION_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Prefix of every IRI Quotemark mints.
pub const URN_PREFIX: &str = "urn:quotemark:";

/// Most embedded pages followed through `next` links, so a looping file cannot hang import.
const MAX_PAGES: usize = 1_000;

#[derive(Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    part_of: String,
    start_index: usize,
    items: Vec<W3cAnnotation>,
}

#[derive(Serialize)]
struct W3cAnnotation {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    /// The annotator (the `annotator` mount option), as the model's `creator` agent.
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Creator>,
    created: String,
    modified: String,
    /// Where the annotation came from, when it came from elsewhere (its id there).
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<String>,
    body: Vec<TextualBody>,
    target: Target,
}

#[derive(Serialize, Clone)]
struct Creator {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
struct TextualBody {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: Vec<SelectorOut>,
    /// The selectors the annotation was made with, where its text or place has changed since
    /// (a fuzzy match, an edited article): kept so nothing the reader recorded is lost.
    #[serde(rename = "quotemark:original", skip_serializing_if = "Option::is_none")]
    original: Option<Vec<SelectorOut>>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum SelectorOut {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

/// The document as a pretty-printed `AnnotationCollection` with one embedded page.
///
/// Selectors are the ones captured when each annotation was made, so the quote and position
/// always describe the same text; the native format additionally records the current range.
///
/// `text_content` is the current article's text: every anchored annotation is exported with
/// its current position and context, even when it was imported with a bare quote.
pub fn export_w3c(doc: &Document, article: &ArticleMeta, text_content: &str) -> String {
    export_w3c_by(doc, article, text_content, None)
}

/// [`export_w3c`] with every annotation's `creator` naming the annotator.
pub fn export_w3c_by(
    doc: &Document,
    article: &ArticleMeta,
    text_content: &str,
    annotator: Option<&str>,
) -> String {
    let creator = annotator
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| Creator {
            kind: "Person",
            name: name.to_string(),
        });
    // '/' never survives percent-encoding of an id, so these cannot equal an article or
    // annotation IRI.
    let collection_id = format!("{URN_PREFIX}{}/annotations", urn_component(&article.id));
    let source = article_source(&article.id);
    let items: Vec<W3cAnnotation> = doc
        .annotations()
        .iter()
        .map(|annotation| {
            let mut item = w3c_annotation(doc, article, &source, annotation, text_content);
            item.creator = creator.clone();
            item
        })
        .collect();
    let title = if article.title.trim().is_empty() {
        "untitled article"
    } else {
        article.title.trim()
    };
    let collection = Collection {
        context: ANNOTATION_CONTEXT,
        id: collection_id.clone(),
        kind: "AnnotationCollection",
        label: format!("Quotemark annotations: {title}"),
        total: items.len(),
        first: Page {
            id: format!("{collection_id}/page1"),
            kind: "AnnotationPage",
            part_of: collection_id,
            start_index: 0,
            items,
        },
    };
    to_pretty_json(&collection)
}

/// The annotation's IRI: `urn:quotemark:<article id>:<annotation id>`, both percent-encoded.
pub fn annotation_iri(article_id: &str, annotation_id: &str) -> String {
    format!(
        "{URN_PREFIX}{}:{}",
        urn_component(article_id),
        urn_component(annotation_id)
    )
}

/// The target source: the article id itself when it is a web address, else
/// `urn:quotemark:<article id>` (percent-encoded).
pub fn article_source(article_id: &str) -> String {
    let lower = article_id.to_ascii_lowercase();
    let is_web_address = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !article_id
            .chars()
            .any(|c| c.is_whitespace() || c.is_control());
    if is_web_address {
        article_id.to_string()
    } else {
        format!("{URN_PREFIX}{}", urn_component(article_id))
    }
}

fn w3c_annotation(
    doc: &Document,
    article: &ArticleMeta,
    source: &str,
    annotation: &Annotation,
    text_content: &str,
) -> W3cAnnotation {
    let kind_tag = annotation.kind.wire_name();
    let mut body = vec![TextualBody {
        kind: "TextualBody",
        purpose: "tagging",
        value: kind_tag.to_string(),
        format: None,
    }];
    let speaker = annotation
        .speaker
        .as_ref()
        .and_then(|id| doc.speakers().iter().find(|speaker| &speaker.id == id));
    if let Some(speaker) = speaker {
        body.push(TextualBody {
            kind: "TextualBody",
            purpose: "identifying",
            value: speaker.name.clone(),
            format: None,
        });
    }
    if !annotation.note.is_empty() {
        body.push(TextualBody {
            kind: "TextualBody",
            purpose: "commenting",
            value: annotation.note.clone(),
            format: Some("text/plain"),
        });
    }
    let (current, original) = exported_selectors(annotation, text_content);
    W3cAnnotation {
        context: ANNOTATION_CONTEXT,
        id: annotation_iri(&article.id, &annotation.id.0),
        kind: "Annotation",
        motivation: "highlighting",
        creator: None,
        created: timestamp::format_utc(annotation.created),
        modified: timestamp::format_utc(annotation.modified),
        via: annotation.source_id.clone(),
        body,
        target: Target {
            source: source.to_string(),
            selector: selector_list(&current),
            original: original.map(selector_list),
        },
    }
}

/// The selectors to export for an annotation, and the ones it was made with where they differ.
///
/// The recorded selectors are exported as they are while they still describe where the
/// annotation is (same position, same text, context on each side that has text). Otherwise —
/// a quote-only import, a moved or fuzzy match — the current place is captured afresh from the
/// text, and the recorded selectors are kept beside it when their text or position differs.
/// An orphan has no current place: its recorded selectors are all there is.
fn exported_selectors<'a>(
    annotation: &'a Annotation,
    text_content: &str,
) -> (std::borrow::Cow<'a, Selectors>, Option<&'a Selectors>) {
    use std::borrow::Cow;
    let recorded = &annotation.selectors;
    let Some(range) = annotation.range else {
        return (Cow::Borrowed(recorded), None);
    };
    let Ok(current) = crate::core::anchoring::capture(text_content, range) else {
        return (Cow::Borrowed(recorded), None);
    };
    let same_place = recorded
        .position
        .is_some_and(|p| p.start == range.start && p.end == range.end)
        && recorded.quote.exact == current.quote.exact;
    let has_context = |recorded: &str, current: &str| !recorded.is_empty() || current.is_empty();
    if same_place
        && has_context(&recorded.quote.prefix, &current.quote.prefix)
        && has_context(&recorded.quote.suffix, &current.quote.suffix)
    {
        return (Cow::Borrowed(recorded), None);
    }
    // A bare quote found where it says adds nothing to what is exported now; a different text
    // or a different recorded position is the reader's record and is kept.
    let differs = recorded.quote.exact != current.quote.exact
        || recorded
            .position
            .is_some_and(|p| p.start != range.start || p.end != range.end);
    (Cow::Owned(current), differs.then_some(recorded))
}

fn selector_list(selectors: &Selectors) -> Vec<SelectorOut> {
    let quote = &selectors.quote;
    let mut list = vec![SelectorOut::TextQuoteSelector {
        exact: quote.exact.clone(),
        prefix: quote.prefix.clone(),
        suffix: quote.suffix.clone(),
    }];
    if let Some(position) = selectors.position {
        list.push(SelectorOut::TextPositionSelector {
            start: position.start,
            end: position.end,
        });
    }
    list
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so that any article or
/// annotation id (spaces, colons, non-ASCII) yields a valid URN segment.
fn urn_component(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The annotation id from a Quotemark URN (the part after the last colon), when usable.
fn annotation_id_from_iri(iri: &str) -> Option<String> {
    let rest = iri.strip_prefix(URN_PREFIX)?;
    let (_, last) = rest.rsplit_once(':')?;
    // Quotemark ids are ASCII letters, digits, '-', '_', '.', so they never need decoding;
    // anything with a '%' was not minted for a usable id.
    is_usable_id(last).then(|| last.to_string())
}

/// Reads W3C Web Annotation JSON-LD. Per-item problems are collected in
/// [`ParsedFile::skipped`].
pub fn parse_w3c(json: &str) -> Result<ParsedFile, ImportError> {
    parse_w3c_value(&parse_json(json)?)
}

pub(crate) fn parse_w3c_value(value: &Value) -> Result<ParsedFile, ImportError> {
    let items = annotation_items(value)?;
    let mut parsed = ParsedFile {
        // The first annotation's creator names the file: a file is one person's work.
        annotator: items.iter().find_map(|item| creator_name(item)),
        format: FileFormat::W3c,
        article: None,
        next_id: None,
        speakers: Vec::new(),
        annotations: Vec::new(),
        tombstones: Vec::new(),
        skipped: Vec::new(),
    };
    // Speakers are named, not listed, in W3C files: one speaker per distinct name.
    let mut speaker_by_name: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.into_iter().enumerate() {
        if index >= MAX_ANNOTATIONS {
            parsed.skipped.push(SkippedItem {
                item: ItemKind::Annotation,
                index,
                reason: format!("the file has more than {MAX_ANNOTATIONS} annotations"),
            });
            continue;
        }
        match parse_annotation(index, item) {
            Ok((mut annotation, speaker)) => {
                if let Some(name) = speaker {
                    let key = name_key(&name);
                    let position = *speaker_by_name.entry(key).or_insert_with(|| {
                        parsed.speakers.push(FileSpeaker {
                            id: None,
                            name,
                            aliases: Vec::new(),
                            colour: None,
                        });
                        parsed.speakers.len() - 1
                    });
                    annotation.speaker = Some(position);
                }
                parsed.annotations.push(annotation);
            }
            Err(reason) => parsed.skipped.push(SkippedItem {
                item: ItemKind::Annotation,
                index,
                reason,
            }),
        }
    }
    Ok(parsed)
}

/// An annotation's `creator` name: a plain string, or an agent object's `name` (or
/// `nickname`); the first of a list.
fn creator_name(item: &Value) -> Option<String> {
    let creator = match item.get("creator")? {
        Value::Array(list) => list.first()?,
        other => other,
    };
    let name = match creator {
        Value::String(name) => name.as_str(),
        Value::Object(agent) => agent
            .get("name")
            .or_else(|| agent.get("nickname"))
            .and_then(Value::as_str)?,
        _ => return None,
    };
    super::clean_annotator(name)
}

/// The annotations of a collection (following embedded pages), a page, a bare list, or a
/// single annotation.
fn annotation_items(value: &Value) -> Result<Vec<&Value>, ImportError> {
    let object = match value {
        Value::Array(items) => return Ok(items.iter().collect()),
        Value::Object(object) => object,
        other => {
            return Err(ImportError::UnknownFormat {
                detail: format!("the file holds {}, not annotations", describe(other)),
            })
        }
    };
    if has_type(object, "Annotation") {
        return Ok(vec![value]);
    }
    let first_page = if has_type(object, "AnnotationPage") {
        Some(value)
    } else if has_type(object, "AnnotationCollection") {
        match object.get("first") {
            Some(page @ Value::Object(_)) => Some(page),
            Some(Value::String(address)) => {
                return Err(ImportError::WrongShape {
                    detail: format!(
                        "the collection's annotations are on a separate page ({}); export \
                         them with the pages embedded",
                        excerpt(address)
                    ),
                })
            }
            // An empty collection has no pages.
            None if object.get("total").and_then(Value::as_u64) == Some(0) => None,
            None => {
                return Err(ImportError::WrongShape {
                    detail: "the collection has no \"first\" page".to_string(),
                })
            }
            Some(other) => {
                return Err(ImportError::WrongShape {
                    detail: format!(
                        "the collection's \"first\" page is {}, not a page",
                        describe(other)
                    ),
                })
            }
        }
    } else {
        let found = type_names(object);
        return Err(ImportError::UnknownFormat {
            detail: if found.is_empty() {
                "it has neither \"format\" nor a Web Annotation \"type\"".to_string()
            } else {
                format!("its type is {}", excerpt(&found.join(", ")))
            },
        });
    };

    let mut items = Vec::new();
    let mut page = first_page;
    let mut pages_read = 0;
    while let Some(Value::Object(page_object)) = page {
        pages_read += 1;
        if pages_read > MAX_PAGES {
            return Err(ImportError::WrongShape {
                detail: format!("it has more than {MAX_PAGES} pages"),
            });
        }
        match page_object.get("items") {
            Some(Value::Array(page_items)) => items.extend(page_items.iter()),
            None | Some(Value::Null) => {}
            Some(other) => {
                return Err(ImportError::WrongShape {
                    detail: format!("a page's \"items\" is {}, not a list", describe(other)),
                })
            }
        }
        // Only embedded next pages can be followed; a linked one would need fetching.
        page = page_object.get("next").filter(|next| next.is_object());
    }
    Ok(items)
}

/// One annotation, and its speaker's name when it has one.
fn parse_annotation(
    index: usize,
    item: &Value,
) -> Result<(FileAnnotation, Option<String>), String> {
    let object = item
        .as_object()
        .ok_or_else(|| format!("is {}, not an annotation", describe(item)))?;
    if !has_type(object, "Annotation") {
        return Err(match type_names(object).as_slice() {
            [] => "it has no \"type\": \"Annotation\"".to_string(),
            names => format!("its type is {}, not Annotation", excerpt(&names.join(", "))),
        });
    }
    let selectors = target_selectors(object)?;
    let bodies = read_bodies(object)?;
    let note = bodies.notes.join("\n\n");
    check_length("the note", &note, MAX_NOTE_CHARS)?;
    let kind = bodies.kind.unwrap_or(if bodies.speaker.is_some() {
        AnnotationKind::Quote
    } else {
        AnnotationKind::Highlight
    });
    let iri = optional_str(object, "id")?;
    let own_id = iri.and_then(annotation_id_from_iri);
    // A foreign IRI is the annotation's id where it came from; ours carry theirs in `via`.
    let source_id = match own_id {
        Some(_) => super::native::source_id(optional_str(object, "via")?)?,
        None => super::native::source_id(iri)?,
    };
    let annotation = FileAnnotation {
        index,
        id: own_id,
        source_id,
        kind,
        selectors,
        speaker: None,
        note,
        created: optional_timestamp(object, "created")?,
        modified: optional_timestamp(object, "modified")?,
        revision: 0,
    };
    Ok((annotation, bodies.speaker))
}

/// The quote (required) and position (optional) selectors of the annotation's target.
fn target_selectors(annotation: &Object) -> Result<Selectors, String> {
    let targets: Vec<&Value> = match annotation.get("target") {
        None | Some(Value::Null) => return Err("it has no target".to_string()),
        Some(Value::Array(targets)) => targets.iter().collect(),
        Some(target) => vec![target],
    };
    // Use the first target that points at text by quote; other targets cannot be anchored.
    let mut first_problem = None;
    for target in targets {
        match target_selector_pair(target) {
            Ok(selectors) => return Ok(selectors),
            Err(problem) => {
                first_problem.get_or_insert(problem);
            }
        }
    }
    Err(first_problem.unwrap_or_else(|| "its target list is empty".to_string()))
}

fn target_selector_pair(target: &Value) -> Result<Selectors, String> {
    let target = match target {
        Value::Object(target) => target,
        Value::String(_) => {
            return Err("its target is a whole document, with no quote to anchor".to_string())
        }
        other => return Err(format!("its target is {}", describe(other))),
    };
    let current = match target.get("selector") {
        None | Some(Value::Null) => {
            return Err("its target has no selector, so there is no quote to anchor".to_string())
        }
        Some(list) => selector_pair(list, "selector")?,
    };
    // Quotemark's own export keeps the selectors an annotation was made with beside its
    // current ones when they differ; they are what it records, so a round trip loses nothing
    // (re-anchoring then finds the current place again).
    match target.get("quotemark:original") {
        Some(original) => Ok(selector_pair(original, "quotemark:original").unwrap_or(current)),
        None => Ok(current),
    }
}

/// The quote (required) and position (optional) selectors in a target's selector list.
fn selector_pair(list: &Value, key: &str) -> Result<Selectors, String> {
    let selectors: Vec<&Object> = match list {
        Value::Array(list) => list.iter().filter_map(Value::as_object).collect(),
        Value::Object(selector) => vec![selector],
        other => {
            return Err(format!(
                "its target's {key} is {}, not an object",
                describe(other)
            ))
        }
    };
    let quote = selectors
        .iter()
        .find(|selector| has_type(selector, "TextQuoteSelector"))
        .ok_or_else(|| "its target has no TextQuoteSelector".to_string())?;
    let quote = quote_selector(
        required_str(quote, "exact")?,
        optional_str(quote, "prefix")?.unwrap_or_default(),
        optional_str(quote, "suffix")?.unwrap_or_default(),
    )?;
    let position = match selectors
        .iter()
        .find(|selector| has_type(selector, "TextPositionSelector"))
    {
        None => None,
        Some(position) => {
            let start = optional_count(position, "start")?;
            let end = optional_count(position, "end")?;
            if start.is_none() || end.is_none() {
                return Err("its TextPositionSelector needs both \"start\" and \"end\"".to_string());
            }
            position_selector(start, end)?
        }
    };
    Ok(Selectors { quote, position })
}

#[derive(Default)]
struct Bodies {
    kind: Option<AnnotationKind>,
    speaker: Option<String>,
    notes: Vec<String>,
}

/// What the bodies say: the kind (a `tagging` body "quote"/"highlight"), the speaker (the
/// first `identifying` body), and the note (every commenting or untyped text, in order).
fn read_bodies(annotation: &Object) -> Result<Bodies, String> {
    let mut bodies = Bodies::default();
    if let Some(value) = optional_str(annotation, "bodyValue")? {
        push_note(&mut bodies.notes, value);
    }
    let list: Vec<&Value> = match annotation.get("body") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(body) => vec![body],
    };
    for body in list {
        match body {
            // A bare string body is, strictly, the address of an external body; it is kept as
            // note text so nothing the author wrote is lost.
            Value::String(text) => push_note(&mut bodies.notes, text),
            Value::Object(body) => read_body(body, &mut bodies)?,
            _ => {}
        }
    }
    Ok(bodies)
}

fn read_body(body: &Object, bodies: &mut Bodies) -> Result<(), String> {
    // Bodies without a text value (images, links to other resources) say nothing Quotemark
    // can keep.
    let Some(value) = body.get("value").and_then(Value::as_str) else {
        return Ok(());
    };
    let purposes: Vec<&str> = match body.get("purpose") {
        Some(Value::String(purpose)) => vec![purpose.as_str()],
        Some(Value::Array(purposes)) => purposes.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if purposes.contains(&"identifying") {
        if bodies.speaker.is_none() {
            bodies.speaker = Some(speaker_name(value, "the speaker's name")?);
        }
    } else if purposes.contains(&"tagging") {
        // Other tags have no place in Quotemark's model.
        if let Some(kind) = AnnotationKind::from_wire_name(&value.trim().to_lowercase()) {
            bodies.kind = Some(kind);
        }
    } else {
        push_note(&mut bodies.notes, value);
    }
    Ok(())
}

fn push_note(notes: &mut Vec<String>, text: &str) {
    if !text.trim().is_empty() {
        notes.push(text.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_valid_urns_for_any_id() {
        assert_eq!(
            annotation_iri("harbour-2024", "a1"),
            "urn:quotemark:harbour-2024:a1"
        );
        assert_eq!(
            annotation_iri("https://example.org/a b", "a7"),
            "urn:quotemark:https%3A%2F%2Fexample.org%2Fa%20b:a7"
        );
        assert_eq!(annotation_iri("café", "a1"), "urn:quotemark:caf%C3%A9:a1");
        assert_eq!(
            annotation_id_from_iri(&annotation_iri("https://x.org/a:b", "a12")),
            Some("a12".to_string())
        );
        assert_eq!(annotation_id_from_iri("https://example.org/anno/1"), None);
        assert_eq!(annotation_id_from_iri("urn:quotemark:x:a%201"), None);
    }

    #[test]
    fn source_is_the_web_address_or_a_urn() {
        assert_eq!(
            article_source("https://example.org/story"),
            "https://example.org/story"
        );
        assert_eq!(article_source("0123abcd"), "urn:quotemark:0123abcd");
        assert_eq!(
            article_source("javascript:alert(1)"),
            "urn:quotemark:javascript%3Aalert%281%29"
        );
        assert_eq!(
            article_source("https://example.org/a b"),
            "urn:quotemark:https%3A%2F%2Fexample.org%2Fa%20b"
        );
    }
}
