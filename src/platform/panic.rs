//! A panic hook that logs the panic to the console and shows it inside every mounted widget,
//! so that a bug never leaves a silently dead page.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::Element;

thread_local! {
    /// The element of each live widget, where a panic message is shown.
    static WIDGET_ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook once; later calls do nothing.
pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| std::panic::set_hook(Box::new(on_panic)));
}

pub fn register_root(root: &Element) {
    WIDGET_ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

pub fn unregister_root(root: &Element) {
    WIDGET_ROOTS.with(|roots| roots.borrow_mut().retain(|known| known != root));
}

fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    let message = format!("Quotemark stopped because of an internal error: {info}");
    web_sys::console::error_1(&message.as_str().into());
    // The roots may already be borrowed if the panic happened while registering; skip then.
    let _ = WIDGET_ROOTS.try_with(|roots| {
        if let Ok(roots) = roots.try_borrow() {
            for root in roots.iter() {
                show_error(root, &message);
            }
        }
    });
}

fn show_error(root: &Element, message: &str) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_class_name("qm-fatal");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(&format!(
        "{message}. Reload the page to continue; annotations saved before this point are kept."
    )));
    if let Some(first) = root.first_child() {
        let _ = root.insert_before(&banner, Some(&first));
    } else {
        let _ = root.append_child(&banner);
    }
    if let Some(html) = banner.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}
