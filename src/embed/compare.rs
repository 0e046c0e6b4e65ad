//! `compare(element, options)`: the compare view for a teacher, mounted like a widget (its own
//! shadow root), and the handle a host page gets back — the scores, the curated key and each
//! student's feedback as plain data, and `destroy()`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::core::agreement::{export_scores_csv, gradebook_csv};
use crate::core::classroom::plain::{agreement_plain, feedback_plain};
use crate::core::host::options::CompareOptions;
use crate::platform::{host::WidgetHost, panic};
use crate::ui::compare::compare_app::{CompareApp, CompareAppProps};
use crate::ui::compare::model::{CompareAction, CompareModel, CompareStore};

struct Mounted {
    host: WidgetHost,
    app: yew::AppHandle<CompareApp>,
    store: Rc<CompareStore>,
}

/// The handle `compare()` returns.
#[wasm_bindgen]
#[derive(Clone)]
pub struct CompareHandle {
    mounted: Rc<RefCell<Option<Mounted>>>,
}

/// A JSON value as a plain JavaScript object.
fn to_js(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// Opens the compare view in `element` for `options.article` (as `mount` reads it) with
/// `options.files`, an array of `{ name, content }`. Throws an `Error` with a readable message
/// when the options or the article can't be used; the element is left untouched then.
#[wasm_bindgen]
pub fn compare(element: Element, options: JsValue) -> Result<CompareHandle, JsError> {
    panic::install();
    let options = CompareOptions::from_json(&super::options_text(&options, "compare")?)
        .map_err(|error| JsError::new(&error.to_string()))?;
    let (article, article_key) = super::load_article(options.article, options.article_id.clone())?;
    let files: Vec<(String, String)> = options
        .files
        .into_iter()
        .map(|file| (file.name, file.content))
        .collect();
    let store = CompareStore::new(CompareModel::new(article, article_key, &files));
    let host = WidgetHost::attach(&element)
        .map_err(|_| JsError::new("could not attach the compare view to the element"))?;
    panic::register_root(host.app_root());
    let app = yew::Renderer::<CompareApp>::with_root_and_props(
        host.app_root().clone(),
        CompareAppProps {
            store: store.clone(),
        },
    )
    .render();
    Ok(CompareHandle {
        mounted: Rc::new(RefCell::new(Some(Mounted { host, app, store }))),
    })
}

#[wasm_bindgen]
impl CompareHandle {
    fn store(&self) -> Result<Rc<CompareStore>, JsError> {
        self.mounted
            .borrow()
            .as_ref()
            .map(|mounted| mounted.store.clone())
            .ok_or_else(|| JsError::new("this compare view was destroyed"))
    }

    /// `{ pairs: [{ a, b, spanF1Exact, spanF1Overlap, speakerAgreement, kappa }], alphaU,
    /// alphaSpeaker, annotators: [...], notes: [...] }`.
    pub fn agreement(&self) -> Result<JsValue, JsError> {
        Ok(to_js(&agreement_plain(&self.store()?.model().report)))
    }

    /// The curated key as an exported native Quotemark file.
    pub fn key(&self) -> Result<String, JsError> {
        Ok(self.store()?.model().key_file())
    }

    /// One student's comparison with the key, or `null` for a name not in the class.
    pub fn feedback(&self, name: &str) -> Result<JsValue, JsError> {
        Ok(self
            .store()?
            .model()
            .feedback_of(name)
            .map_or(JsValue::NULL, |feedback| to_js(&feedback_plain(feedback))))
    }

    /// The feedback file "Download feedback" gives for one student (a native file), or `null`.
    #[wasm_bindgen(js_name = feedbackFile)]
    pub fn feedback_file(&self, name: &str) -> Result<Option<String>, JsError> {
        Ok(self.store()?.model().feedback_file(name))
    }

    /// The text "Export scores (CSV)" downloads.
    #[wasm_bindgen(js_name = scoresCsv)]
    pub fn scores_csv(&self) -> Result<String, JsError> {
        Ok(export_scores_csv(&self.store()?.model().report))
    }

    /// The text "Download gradebook (CSV)" downloads: one row per student.
    #[wasm_bindgen(js_name = gradebookCsv)]
    pub fn gradebook_csv(&self) -> Result<String, JsError> {
        Ok(gradebook_csv(&self.store()?.model().feedback))
    }

    /// Adds files (`[{ name, content }]`), as opening them in the view does.
    #[wasm_bindgen(js_name = addFiles)]
    pub fn add_files(&self, files: JsValue) -> Result<(), JsError> {
        let store = self.store()?;
        let json = serde_json::json!({
            "article": { "text": "" },
            "files": serde_json::from_str::<serde_json::Value>(&super::options_text(&files, "addFiles")?)
                .unwrap_or(serde_json::Value::Null),
        });
        let options = CompareOptions::from_json(&json.to_string())
            .map_err(|error| JsError::new(&error.to_string()))?;
        store.dispatch(CompareAction::AddFiles(
            options
                .files
                .into_iter()
                .map(|file| (file.name, file.content))
                .collect(),
        ));
        Ok(())
    }

    /// Removes the view and puts the element's own content back.
    pub fn destroy(&self) {
        if let Some(Mounted { host, app, .. }) = self.mounted.borrow_mut().take() {
            panic::unregister_root(host.app_root());
            app.destroy();
            host.restore();
        }
    }
}
