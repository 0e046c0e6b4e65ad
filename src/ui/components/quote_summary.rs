//! "Who is quoted": quotes and quoted words per speaker, as a table whose numbers are text
//! and whose bars (relative quoted words) are decoration.

use yew::prelude::*;

use crate::core::document::who_is_quoted;
use crate::core::render::panel::{width_class, SpeakerInfo};
use crate::ui::components::speaker_chip::SpeakerChip;
use crate::ui::store::StateHandle;

#[component]
pub fn QuoteSummary() -> Html {
    let state = use_context::<StateHandle>();
    let version = state.as_ref().map(|state| state.version);
    // Counting words walks the article, so only when the document changed.
    let rows = use_memo(version, |_| {
        state.as_ref().map_or_else(Vec::new, |state| {
            let document = state.document();
            who_is_quoted(document, state.article.text_content())
                .into_iter()
                .map(|summary| {
                    let speaker = summary
                        .speaker
                        .as_ref()
                        .and_then(|id| document.speaker(id))
                        .map(SpeakerInfo::of);
                    (speaker, summary.quotes, summary.words)
                })
                .collect::<Vec<_>>()
        })
    });
    if rows.is_empty() {
        return html! { <p class="qm-empty">{"No quotes yet."}</p> };
    }
    let most_words = rows.iter().map(|(_, _, words)| *words).max().unwrap_or(0);
    let body: Html = rows
        .iter()
        .map(|(speaker, quotes, words)| {
            let key = speaker
                .as_ref()
                .map_or_else(|| "unknown".to_owned(), |s| s.id.0.clone());
            html! {
                <tr key={key}>
                    <th scope="row" class="qm-summary-speaker">
                        <SpeakerChip speaker={speaker.clone()} />
                        <span class="qm-bar-track" aria-hidden="true">
                            <span class={classes!("qm-bar", width_class(*words, most_words))}></span>
                        </span>
                    </th>
                    <td class="qm-num qm-summary-quotes">{quotes.to_string()}</td>
                    <td class="qm-num qm-summary-words">{words.to_string()}</td>
                </tr>
            }
        })
        .collect();
    html! {
        <table class="qm-summary">
            <caption class="qm-visually-hidden">
                {"Quotes and quoted words per speaker, most quoted first"}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{"Speaker"}</th>
                    <th scope="col" class="qm-num">{"Quotes"}</th>
                    <th scope="col" class="qm-num">{"Words"}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}
