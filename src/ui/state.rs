//! The widget's state as Yew sees it: a thin `Reducible` adapter over the pure core.

use std::rc::Rc;

use yew::Reducible;

use crate::core::article::Article;

/// What the widget shows. Shared through a context; changed only by dispatching actions.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub article: Rc<Article>,
}

impl AppState {
    pub fn new(article: Article) -> Self {
        Self {
            article: Rc::new(article),
        }
    }
}

/// Everything the UI can ask the state to do.
#[derive(Clone, Debug)]
pub enum AppAction {
    /// Show another article.
    LoadArticle(Rc<Article>),
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        match action {
            AppAction::LoadArticle(article) => Rc::new(Self { article }),
        }
    }
}
