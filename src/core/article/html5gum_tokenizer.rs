//! The native HTML tokenizer: html5gum, a spec-compliant tokenizer. The widget uses the
//! browser's parser instead (see `platform::html`), so html5gum is not shipped in the wasm.

use html5gum::{DefaultEmitter, State, Token, Tokenizer};

use super::html::{HtmlToken, HtmlTokenizer};

/// html5gum as an [`HtmlTokenizer`].
pub struct Html5gum;

impl HtmlTokenizer for Html5gum {
    fn tokenize(&self, html: &str, sink: &mut dyn FnMut(HtmlToken<'_>)) {
        let mut emitter = DefaultEmitter::default();
        // Script, style, title, textarea etc. hold raw text, not tags: the tokenizer has to be
        // told, or `<script>if (a<b) …</script>` would come out as tags and text.
        emitter.naively_switch_states(true);
        let mut tokenizer = Tokenizer::new_with_emitter(html, emitter);
        while let Some(token) = tokenizer.next() {
            let Ok(token) = token;
            // html5gum's table of raw-text elements misses `noframes` (it lists "noframe"), which
            // a browser reads as raw text like `noembed`. Read as markup, an end tag hidden in
            // an attribute or comment inside it goes unseen, and the sanitiser, dropping
            // `noframes` with its content, would drop the rest of the article with it.
            if let Token::StartTag(tag) = &token {
                if tag.name.eq_ignore_ascii_case(b"noframes") {
                    tokenizer.set_state(State::RawText);
                }
            }
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    let attribute = |attribute: &[u8]| {
                        tag.attributes
                            .get(attribute)
                            .map(|value| String::from_utf8_lossy(&value.value).into_owned())
                    };
                    let href = attribute(b"href");
                    let is_image = name == "img" || name == "image";
                    let (src, alt) = if is_image {
                        (attribute(b"src"), attribute(b"alt"))
                    } else {
                        (None, None)
                    };
                    sink(HtmlToken::Start {
                        name: &name,
                        self_closing: tag.self_closing,
                        href: href.as_deref(),
                        src: src.as_deref(),
                        alt: alt.as_deref(),
                    });
                }
                Token::EndTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    sink(HtmlToken::End { name: &name });
                }
                Token::String(text) => sink(HtmlToken::Text(&String::from_utf8_lossy(&text.value))),
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
    }
}
