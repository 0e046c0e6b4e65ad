//! The printed list of quotes by speaker, after the article. Drawn only while the page prints
//! (between `beforeprint` and `afterprint`), so a long document pays nothing on screen.

use yew::prelude::*;

use crate::core::document::quotes_by_speaker;
use crate::ui::store::StateHandle;

#[component]
pub fn PrintSummary() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    if !state.printing {
        return Html::default();
    }
    let document = state.document();
    let groups = quotes_by_speaker(document);
    if groups.is_empty() {
        return html! {
            <section class="qm-print-summary" aria-label="Quotes by speaker">
                <h2>{"Quotes by speaker"}</h2>
                <p>{"No quotes."}</p>
            </section>
        };
    }
    let sections: Html = groups
        .into_iter()
        .map(|(speaker, quotes)| {
            let name = speaker
                .as_ref()
                .and_then(|id| document.speaker(id))
                .map_or_else(|| "Unknown speaker".to_owned(), |s| s.name.clone());
            let items: Html = quotes
                .into_iter()
                .map(|quote| {
                    let note = quote.note.trim();
                    html! {
                        <li>
                            <q>{quote.selectors.quote.exact.clone()}</q>
                            if !note.is_empty() {
                                <p class="qm-print-note">{format!("Note: {note}")}</p>
                            }
                        </li>
                    }
                })
                .collect();
            html! {
                <>
                    <h3>{name}</h3>
                    <ol>{items}</ol>
                </>
            }
        })
        .collect();
    html! {
        <section class="qm-print-summary" aria-label="Quotes by speaker">
            <h2>{"Quotes by speaker"}</h2>
            {sections}
        </section>
    }
}
