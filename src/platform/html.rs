//! The browser's own HTML parser as the sanitiser's tokenizer. `DOMParser` builds an inert
//! document: its scripts never run and its images never load, so hostile markup can be read
//! here safely; the allow-list in the core then decides what survives.
//!
//! One element parses differently here than in the page a reader sees: `DOMParser` parses
//! with scripting disabled, so `<noscript>` content is markup, while a browser with scripting
//! (the reader's, and the native tokenizer) reads it as raw text that ends at the first
//! `</noscript`. An end tag hidden in an attribute or comment inside it (the mutation-XSS
//! shape `<noscript><p title="</noscript>…">`) therefore ends the element for the reader but
//! not for `DOMParser`, whose `noscript` goes on to hold the rest of the article, which the
//! sanitiser drops with it. The walk below ends the `noscript` where a scripting-enabled parser
//! would (see [`NoscriptAsRawText`]), so both tokenizers give the sanitiser the same extent.

use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, Node, SupportedType};

use crate::core::article::{raw_text_end, HtmlToken, HtmlTokenizer};

/// How many times the text after a hidden `</noscript>` is parsed again (it may hide another).
/// Past this, the rest is kept as plain text: nothing is lost and nothing is markup.
const MAX_REPARSES: usize = 8;

/// Walks the parsed document in order, as start tags, text and end tags.
pub struct BrowserHtml;

impl HtmlTokenizer for BrowserHtml {
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlToken<'_>)) {
        let Some(root) = parse(html).and_then(|document| document.document_element()) else {
            // No parser: the text is still worth keeping, as text.
            sink(HtmlToken::Text(html));
            return;
        };
        walk(&root.into(), sink, 0);
    }
}

fn parse(html: &str) -> Option<Document> {
    DomParser::new()
        .and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml))
        .ok()
}

/// The `noscript` being read as raw text: where a scripting-enabled parser would end it is
/// not known until its first hidden `</noscript` is met.
struct NoscriptAsRawText {
    noscript: Node,
    /// Elements open inside it, outermost first, with their names.
    open_inside: Vec<(Node, String)>,
}

fn walk(root: &Node, sink: &mut dyn FnMut(HtmlToken<'_>), reparses: usize) {
    // An explicit stack, not recursion: hostile input nests deeply.
    let mut stack: Vec<(Node, bool)> = vec![(root.clone(), false)];
    let mut noscript: Option<NoscriptAsRawText> = None;
    // Elements already ended where a hidden `</noscript` ended their `noscript`, innermost
    // last: their own end in the DOM comes later and is not sent again.
    let mut ended_early: Vec<Node> = Vec::new();
    while let Some((node, closing)) = stack.pop() {
        if let Some(element) = node.dyn_ref::<Element>() {
            let name = element.local_name().to_ascii_lowercase();
            if closing {
                if ended_early.last() == Some(&node) {
                    ended_early.pop();
                    continue;
                }
                if let Some(raw) = noscript.as_mut() {
                    if raw.noscript == node {
                        noscript = None;
                    } else if raw
                        .open_inside
                        .last()
                        .is_some_and(|(open, _)| *open == node)
                    {
                        raw.open_inside.pop();
                    }
                }
                sink(HtmlToken::End { name: &name });
                continue;
            }
            if noscript.is_some() {
                // An end tag in an attribute ends the `noscript` inside this tag, for a
                // scripting-enabled parser: the rest of the attribute is markup to it.
                let names = element.get_attribute_names();
                let rest = names.iter().find_map(|attribute| {
                    let attribute = attribute.as_string()?;
                    let value = element.get_attribute(&attribute).unwrap_or_default();
                    hidden_end_tag(&attribute)
                        .or_else(|| hidden_end_tag(&value))
                        .map(str::to_owned)
                });
                if let Some(rest) = rest {
                    end_early(&mut noscript, &mut ended_early, sink);
                    reparse(&rest, sink, reparses);
                }
            }
            let href = element.get_attribute("href");
            let (src, alt) = if name == "img" {
                (element.get_attribute("src"), element.get_attribute("alt"))
            } else {
                (None, None)
            };
            sink(HtmlToken::Start {
                name: &name,
                self_closing: false,
                href: href.as_deref(),
                src: src.as_deref(),
                alt: alt.as_deref(),
            });
            match noscript.as_mut() {
                Some(raw) => raw.open_inside.push((node.clone(), name)),
                None if name == "noscript" => {
                    noscript = Some(NoscriptAsRawText {
                        noscript: node.clone(),
                        open_inside: Vec::new(),
                    });
                }
                None => {}
            }
            stack.push((node.clone(), true));
            let children = node.child_nodes();
            for index in (0..children.length()).rev() {
                if let Some(child) = children.item(index) {
                    stack.push((child, false));
                }
            }
        } else if node.node_type() == Node::TEXT_NODE
            || node.node_type() == Node::CDATA_SECTION_NODE
            || node.node_type() == Node::COMMENT_NODE
        {
            let Some(value) = node.node_value() else {
                continue;
            };
            let is_comment = node.node_type() == Node::COMMENT_NODE;
            let hidden = noscript
                .is_some()
                .then(|| hidden_end_tag_at(&value))
                .flatten();
            match hidden {
                Some((before, rest)) => {
                    if !is_comment {
                        sink(HtmlToken::Text(&value[..before]));
                    }
                    end_early(&mut noscript, &mut ended_early, sink);
                    reparse(&value[rest..], sink, reparses);
                }
                None if !is_comment => sink(HtmlToken::Text(&value)),
                None => {}
            }
        }
    }
}

/// Ends the `noscript` being read (and what is open inside it) here.
fn end_early(
    noscript: &mut Option<NoscriptAsRawText>,
    ended_early: &mut Vec<Node>,
    sink: &mut dyn FnMut(HtmlToken<'_>),
) {
    let Some(raw) = noscript.take() else {
        return;
    };
    ended_early.push(raw.noscript);
    for (_, name) in raw.open_inside.iter().rev() {
        sink(HtmlToken::End { name });
    }
    sink(HtmlToken::End { name: "noscript" });
    ended_early.extend(raw.open_inside.into_iter().map(|(node, _)| node));
}

/// Reads `html` (what followed a hidden `</noscript>`) as the markup it is to a
/// scripting-enabled parser: parsed on its own, and its body walked in place.
fn reparse(html: &str, sink: &mut dyn FnMut(HtmlToken<'_>), reparses: usize) {
    if html.trim().is_empty() {
        return;
    }
    let body = (reparses < MAX_REPARSES)
        .then(|| parse(html))
        .flatten()
        .and_then(|document| document.body());
    let Some(body) = body else {
        sink(HtmlToken::Text(html));
        return;
    };
    let children = body.child_nodes();
    for index in 0..children.length() {
        if let Some(child) = children.item(index) {
            walk(&child, sink, reparses + 1);
        }
    }
}

/// The text after a `</noscript` end tag hidden in `text`, if there is one.
fn hidden_end_tag(text: &str) -> Option<&str> {
    hidden_end_tag_at(text).map(|(_, rest)| &text[rest..])
}

/// Where a `</noscript` end tag starts in `text` and where the text after it begins (see
/// [`raw_text_end`]).
fn hidden_end_tag_at(text: &str) -> Option<(usize, usize)> {
    raw_text_end(text, b"noscript")
}
