//! The JavaScript entry point: `mount(element, options)` and the handle it returns.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::core::article::Article;
use crate::core::document::Document;
use crate::core::options::MountOptions;
use crate::platform::{host::WidgetHost, panic};
use crate::ui::components::app::{App, AppProps};
use crate::ui::state::AppState;

/// Called once when the module is instantiated.
pub fn start() {
    panic::install();
}

/// Mounts a Quotemark widget in `element`. Throws an `Error` with a readable message when the
/// options or the article can't be used; the element is left untouched then.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Result<QuotemarkHandle, JsError> {
    panic::install();
    let json = if options.is_undefined() || options.is_null() {
        "null".to_owned()
    } else {
        js_sys::JSON::stringify(&options)
            .map_err(|_| JsError::new("mount options must be a plain object"))?
            .as_string()
            .unwrap_or_default()
    };
    let options =
        MountOptions::from_json(&json).map_err(|error| JsError::new(&error.to_string()))?;
    let article =
        Article::load(options.article).map_err(|error| JsError::new(&error.to_string()))?;
    let article_key = options
        .article_id
        .clone()
        .unwrap_or_else(|| article.content_hash());
    let document = Document::new(article_key.clone());
    let host = WidgetHost::attach(&element)
        .map_err(|_| JsError::new("could not attach the widget to the element"))?;
    panic::register_root(host.app_root());
    let app = yew::Renderer::<App>::with_root_and_props(
        host.app_root().clone(),
        AppProps {
            initial: AppState::new(article, article_key, document),
        },
    )
    .render();
    Ok(QuotemarkHandle {
        mounted: Some(Mounted { host, app }),
    })
}

struct Mounted {
    host: WidgetHost,
    app: AppHandle<App>,
}

/// What `mount` returns: the host page's handle on one widget.
#[wasm_bindgen]
pub struct QuotemarkHandle {
    mounted: Option<Mounted>,
}

#[wasm_bindgen]
impl QuotemarkHandle {
    /// Removes the widget and gives the element back its own content. Safe to call twice.
    pub fn destroy(&mut self) {
        if let Some(Mounted { host, app }) = self.mounted.take() {
            panic::unregister_root(host.app_root());
            app.destroy();
            host.restore();
        }
    }

    /// True until `destroy()` is called.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.mounted.is_some()
    }
}
