//! The side panel next to the article: filters and the annotation list, annotations to
//! review, the speakers, and who is quoted.

use yew::prelude::*;

use crate::ui::components::file_actions::FileActions;

use crate::core::render::panel::{matching, needs_review};
use crate::ui::components::annotation_list::AnnotationList;
use crate::ui::components::panel_filters::PanelFilters;
use crate::ui::components::quote_summary::QuoteSummary;
use crate::ui::components::review_list::ReviewList;
use crate::ui::components::saved_articles::SavedArticles;
use crate::ui::components::speaker_manager::SpeakerManager;
use crate::ui::components::suggestion_list::SuggestionList;
use crate::ui::store::StateHandle;

#[component]
pub fn SidePanel() -> Html {
    let state = use_context::<StateHandle>();
    let deps = state
        .as_ref()
        .map(|state| (state.version, state.filter.clone()));
    // Filtering scans every annotation: only when the document or the filter changed.
    let matches = use_memo(deps, |_| {
        state
            .as_ref()
            .map_or_else(Vec::new, |state| matching(state.document(), &state.filter))
    });
    let Some(state) = state else {
        return Html::default();
    };
    let (total, to_review) = {
        let document = state.document();
        let to_review = document
            .annotations()
            .iter()
            .filter(|a| needs_review(a))
            .count();
        (document.annotations().len(), to_review)
    };

    html! {
        <aside class="qm-panel" part="panel" aria-label="Annotations panel">
            <section class="qm-panel-section">
                <h2 class="qm-panel-heading">{"Annotations"}</h2>
                <PanelFilters shown={matches.len()} {total} />
                <AnnotationList matches={matches.clone()} />
            </section>
            <section class="qm-panel-section">
                <h2 class="qm-panel-heading">{"Suggestions"}</h2>
                <SuggestionList />
            </section>
            if to_review > 0 {
                <section class="qm-panel-section qm-panel-review">
                    <h2 class="qm-panel-heading">{format!("For review ({to_review})")}</h2>
                    <ReviewList />
                </section>
            }
            <section class="qm-panel-section">
                <h2 class="qm-panel-heading">{"Speakers"}</h2>
                <SpeakerManager />
            </section>
            <section class="qm-panel-section">
                <h2 class="qm-panel-heading">{"Export and import"}</h2>
                <FileActions />
                <SavedArticles />
            </section>
            <section class="qm-panel-section">
                <h2 class="qm-panel-heading">{"Who is quoted"}</h2>
                <QuoteSummary />
            </section>
        </aside>
    }
}
