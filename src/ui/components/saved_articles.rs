//! "Saved in this browser": every article this browser holds annotations for, with its title,
//! how many annotations and when it was last saved. Read from storage only when opened.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::text::wording::plural;

use crate::core::interchange::timestamp::format_utc;
use crate::core::storage::envelope;
use crate::core::storage::saved_articles::{summarize, SavedArticle};
use crate::platform::storage;
use crate::ui::state::StateHandle;

#[component]
pub fn SavedArticles() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let listed = use_state(|| None::<Result<Rc<Vec<SavedArticle>>, String>>);
    let ontoggle = {
        let listed = listed.clone();
        Callback::from(move |event: Event| {
            let open = event
                .target_dyn_into::<web_sys::HtmlDetailsElement>()
                .is_some_and(|details| details.open());
            if open {
                listed.set(Some(
                    storage::entries_with_prefix(envelope::STORAGE_KEY_PREFIX)
                        .map(|entries| Rc::new(summarize(&entries)))
                        .map_err(|error| error.to_string()),
                ));
            }
        })
    };
    let body = match &*listed {
        None => Html::default(),
        Some(Err(error)) => {
            html! { <p class="qm-problem">{format!("Storage can't be read: {error}")}</p> }
        }
        Some(Ok(saved)) if saved.is_empty() => {
            html! { <p class="qm-empty">{"Nothing is saved in this browser yet."}</p> }
        }
        Some(Ok(saved)) => {
            let rows: Html = saved
                .iter()
                .map(|article| {
                    let title = article
                        .title
                        .clone()
                        .filter(|title| !title.trim().is_empty())
                        .unwrap_or_else(|| "Untitled article".to_owned());
                    let this = article.article_key == state.article_key;
                    let saved = format_utc(article.saved_at);
                    let date = saved.get(..10).unwrap_or(&saved).to_owned();
                    html! {
                        <li key={article.article_key.clone()} class="qm-saved-article">
                            <span class="qm-saved-title">{title}</span>
                            if this {
                                <span class="qm-saved-this">{" (this article)"}</span>
                            }
                            <span class="qm-saved-meta">
                                {format!(
                                    "{} · {} · saved {date}",
                                    plural(article.annotations, "annotation"),
                                    plural(article.speakers, "speaker"),
                                )}
                            </span>
                        </li>
                    }
                })
                .collect();
            html! { <ul class="qm-saved-list">{rows}</ul> }
        }
    };
    html! {
        <details class="qm-saved" {ontoggle}>
            <summary>{"Saved in this browser"}</summary>
            {body}
        </details>
    }
}
