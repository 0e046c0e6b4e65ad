//! Says plainly when work is not being saved — storage full, unavailable, or stored data that
//! could not be read and was kept aside — and offers an immediate export so nothing is lost.

use yew::prelude::*;

use crate::core::storage::envelope;
use crate::core::storage::policy::SaveStatus;
use crate::platform::{download, storage};
use crate::ui::components::app::ExportAnnotator;
use crate::ui::components::file_actions::{download_export, ExportFormat};
use crate::ui::store::StateHandle;

#[component]
pub fn StorageBanner() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let annotator = use_context::<ExportAnnotator>().unwrap_or_default();
    let message = use_state(String::new);
    let export = {
        let state = state.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(error) = download_export(&state, ExportFormat::Native, annotator.name()) {
                message.set(error);
            }
        })
    };
    let (text, damaged_key) = match &state.save_status {
        SaveStatus::Full => (
            "Browser storage is full, so your latest changes are not saved. They are safe in this \
             page, and the next change tries again. Download them now to be sure."
                .to_owned(),
            None,
        ),
        SaveStatus::Unavailable(detail) => (
            format!(
                "This browser does not let Quotemark save ({detail}). Your work lives only in this \
                 page and will be lost on reload: download it before you leave."
            ),
            None,
        ),
        SaveStatus::Corrupt {
            reason,
            quarantine_key,
        } if *quarantine_key == envelope::storage_key(&state.article_key) => (
            format!(
                "The annotations stored for this article could not be read ({reason}). They are \
                 left exactly as they are, so changes made here are not saved: download them \
                 before you leave, and download the stored data to keep it too."
            ),
            Some(quarantine_key.clone()),
        ),
        SaveStatus::Corrupt {
            reason,
            quarantine_key,
        } => (
            format!(
                "The annotations stored for this article could not be read ({reason}), so the \
                 article starts without them. The damaged data was not deleted: it is kept in this \
                 browser and you can download it."
            ),
            Some(quarantine_key.clone()),
        ),
        SaveStatus::Idle | SaveStatus::Saved | SaveStatus::Disabled => return Html::default(),
    };
    let download_damaged = damaged_key.map(|key| {
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let result = storage::read(&key)
                .map_err(|error| error.to_string())
                .and_then(|value| value.ok_or_else(|| "it is no longer there".to_owned()))
                .and_then(|value| {
                    download::download("quotemark-damaged-data.txt", "text/plain", &value)
                        .map_err(|_| "the browser refused the download".to_owned())
                });
            if let Err(error) = result {
                message.set(format!("Could not download the damaged data: {error}"));
            }
        })
    });
    html! {
        <div class="qm-banner" role="alert">
            <p>{text}</p>
            <button type="button" class="qm-primary" onclick={export}>{"Download my annotations"}</button>
            if let Some(onclick) = download_damaged {
                <button type="button" {onclick}>{"Download the damaged data"}</button>
            }
            if !message.is_empty() {
                <p>{(*message).clone()}</p>
            }
        </div>
    }
}
