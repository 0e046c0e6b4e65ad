//! The widget's place in the host page: a `<div>` appended to the host element, with a shadow
//! root so that neither side's CSS reaches the other. The host element's own children are set
//! aside while the widget lives and put back by [`WidgetHost::restore`].

use wasm_bindgen::JsValue;
use web_sys::{
    CssStyleSheet, Document, DocumentFragment, Element, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

/// The widget's stylesheet, compiled in so that a host page needs only the module; the compare
/// view's rules (style/compare.css) ride along in the same shared sheet, so a page with both
/// still constructs one stylesheet.
const WIDGET_CSS: &str = concat!(
    include_str!("../../style/quotemark.css"),
    include_str!("../../style/compare.css")
);

thread_local! {
    /// One constructed stylesheet, shared by every widget on the page.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(WIDGET_CSS).is_ok());
}

/// Gives the shadow root the widget's styles. A constructed stylesheet is not inline style, so
/// a strict Content Security Policy (`style-src 'self'`) allows it; a browser without them gets
/// a `<style>` element instead.
fn adopt_stylesheet(document: &Document, shadow: &ShadowRoot) -> Result<(), JsValue> {
    let adopted = SHEET.with(|sheet| {
        sheet.as_ref().map(|sheet| {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        })
    });
    if adopted.is_none() {
        let style = document.create_element("style")?;
        style.set_text_content(Some(WIDGET_CSS));
        shadow.append_child(&style)?;
    }
    Ok(())
}

/// The widget's regions carrying a `part` attribute, for `::part()` styling.
const EXPORTED_PARTS: &str = "app, article, panel, toolbar, status";

pub struct WidgetHost {
    host_element: Element,
    container: Element,
    /// Where the app renders, inside the shadow root.
    app_root: Element,
    set_aside: DocumentFragment,
}

impl WidgetHost {
    pub fn attach(host_element: &Element) -> Result<Self, JsValue> {
        let document: Document = host_element
            .owner_document()
            .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
        let set_aside = document.create_document_fragment();
        while let Some(child) = host_element.first_child() {
            set_aside.append_child(&child)?;
        }
        let container = document.create_element("div")?;
        container.set_class_name("quotemark-host");
        container.set_attribute("data-quotemark-host", "")?;
        // The regions a page may style with `::part()`, forwarded to whoever holds this div.
        container.set_attribute("exportparts", EXPORTED_PARTS)?;
        let shadow = container.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        adopt_stylesheet(&document, &shadow)?;
        let app_root = document.create_element("div")?;
        app_root.set_class_name("qm-widget");
        shadow.append_child(&app_root)?;
        host_element.append_child(&container)?;
        Ok(Self {
            host_element: host_element.clone(),
            container,
            app_root,
            set_aside,
        })
    }

    /// Sets a `--quotemark-*` theme property on the widget (through CSSOM, which a strict
    /// Content Security Policy allows, unlike a `style` attribute).
    pub fn set_custom_property(&self, property: &str, value: &str) {
        use wasm_bindgen::JsCast;
        if let Some(element) = self.container.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.style().set_property(property, value);
        }
    }

    pub fn app_root(&self) -> &Element {
        &self.app_root
    }

    /// The host element's text before the widget took its place (its own content as article).
    pub fn set_aside_html(&self) -> String {
        let document = self.host_element.owner_document();
        let Some(holder) = document.and_then(|document| document.create_element("div").ok()) else {
            return String::new();
        };
        if let Ok(copy) = self.set_aside.clone_node_with_deep(true) {
            let _ = holder.append_child(&copy);
        }
        holder.inner_html()
    }

    /// Removes the widget and puts the host element's own children back.
    pub fn restore(self) {
        self.container.remove();
        let _ = self.host_element.append_child(&self.set_aside);
    }
}
