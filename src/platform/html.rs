//! The browser's own HTML parser as the sanitiser's tokenizer. `DOMParser` builds an inert
//! document: its scripts never run and its images never load, so hostile markup can be read
//! here safely; the allow-list in the core then decides what survives.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use crate::core::article::{HtmlToken, HtmlTokenizer};

/// Walks the parsed document in order, as start tags, text and end tags.
pub struct BrowserHtml;

impl HtmlTokenizer for BrowserHtml {
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlToken<'_>)) {
        let Some(root) = DomParser::new()
            .and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml))
            .ok()
            .and_then(|document| document.document_element())
        else {
            // No parser: the text is still worth keeping, as text.
            sink(HtmlToken::Text(html));
            return;
        };
        // An explicit stack, not recursion: hostile input nests deeply.
        let mut stack: Vec<(Node, bool)> = vec![(root.into(), false)];
        while let Some((node, closing)) = stack.pop() {
            if let Some(element) = node.dyn_ref::<Element>() {
                let name = element.local_name().to_ascii_lowercase();
                if closing {
                    sink(HtmlToken::End { name: &name });
                    continue;
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
                stack.push((node.clone(), true));
                let children = node.child_nodes();
                for index in (0..children.length()).rev() {
                    if let Some(child) = children.item(index) {
                        stack.push((child, false));
                    }
                }
            } else if node.node_type() == Node::TEXT_NODE
                || node.node_type() == Node::CDATA_SECTION_NODE
            {
                if let Some(text) = node.node_value() {
                    sink(HtmlToken::Text(&text));
                }
            }
        }
    }
}
