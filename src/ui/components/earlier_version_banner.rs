//! Offers the work saved on an earlier version of a pasted article: pasting it again with one
//! word changed gives it a new key, and without this the earlier annotations seemed lost.
//! Bringing them here is an ordinary merge import (re-anchored, with statuses, undoable).

use yew::prelude::*;

use crate::core::text::wording::plural;

use crate::core::interchange::timestamp::format_utc;
use crate::core::interchange::{self, ArticleMeta, ImportMode, OtherArticle};
use crate::ui::state::{AppAction, StateHandle};
use crate::ui::time::now;

#[component]
pub fn EarlierVersionBanner() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    let Some(earlier) = state.earlier.clone() else {
        return Html::default();
    };
    let bring = {
        let state = state.clone();
        let earlier = earlier.clone();
        Callback::from(move |_: MouseEvent| {
            let meta = ArticleMeta {
                id: earlier.article_key.clone(),
                title: earlier.title.clone().unwrap_or_default(),
                source: state.article.source,
                content_hash: earlier.article_key.clone(),
            };
            let file = interchange::export_native(&earlier.document, &meta);
            let imported = {
                let current = state.document();
                interchange::import_action(
                    &current,
                    state.article.text_content(),
                    &file,
                    ImportMode::Merge,
                    OtherArticle::Allow,
                    now(),
                )
            };
            state.dispatch(AppAction::OfferEarlier(None));
            match imported {
                Ok((action, _)) => state.dispatch(AppAction::Apply { action, now: now() }),
                Err(error) => state.dispatch(AppAction::Fail(error.to_string())),
            }
        })
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AppAction::OfferEarlier(None)))
    };
    let title = earlier
        .title
        .as_deref()
        .filter(|title| !title.trim().is_empty())
        .map_or_else(String::new, |title| format!(" (“{title}”)"));
    let saved = format_utc(earlier.saved_at);
    let date = saved.get(..10).unwrap_or(&saved);
    let text = format!(
        "This browser holds {} made on an earlier version of this article{title}, saved on \
         {date}. {} of them fit this version.",
        plural(earlier.total, "annotation"),
        earlier.found,
    );
    html! {
        <div class="qm-banner qm-banner-info" role="region" aria-label="Earlier work on this article">
            <p>{text}</p>
            <button type="button" class="qm-primary" onclick={bring}>{"Bring them here"}</button>
            <button type="button" onclick={dismiss}>{"Not now"}</button>
        </div>
    }
}
