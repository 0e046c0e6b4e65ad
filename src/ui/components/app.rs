//! The widget's root component: owns the state and lays out the article.

use yew::prelude::*;

use crate::ui::components::article_view::ArticleView;
use crate::ui::state::{AppState, StateHandle};

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub initial: AppState,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer_eq({
        let initial = props.initial.clone();
        move || initial
    });
    html! {
        <ContextProvider<StateHandle> context={state.clone()}>
            <div class="qm-app">
                <ArticleView article={state.article.clone()} />
            </div>
        </ContextProvider<StateHandle>>
    }
}
