//! An article's image, drawn as a figure that shows its alternative text instead of loading
//! the image: the widget makes no request to image hosts (no tracking pixels from a pasted
//! article, nothing for a strict `img-src` policy to block), and the text is never part of an
//! annotation. The caption, which *is* article text, is passed in as the figure's children.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::Article;

#[derive(Properties, Clone, PartialEq)]
pub struct FigureViewProps {
    pub article: Rc<Article>,
    /// Indices into the article's figures: the images drawn in this figure.
    pub images: Range<usize>,
    /// The caption block, if the figure has one.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn FigureView(props: &FigureViewProps) -> Html {
    let figures = props
        .article
        .figures
        .get(props.images.clone())
        .unwrap_or_default();
    let images: Html = figures
        .iter()
        .map(|figure| {
            let description = if figure.alt.is_empty() {
                "no description".to_owned()
            } else {
                figure.alt.clone()
            };
            let open = figure.src.as_ref().map(|src| {
                html! {
                    <a class="qm-image-open" href={src.clone()} rel="noopener noreferrer" target="_blank">
                        {"Open image"}
                        <span class="qm-visually-hidden">{format!(": {description}")}</span>
                    </a>
                }
            });
            html! {
                <div class="qm-image">
                    <span class="qm-image-kind">{"Image: "}</span>
                    <span class="qm-image-alt">{description}</span>
                    {open}
                </div>
            }
        })
        .collect();
    html! {
        <figure class="qm-figure">
            {images}
            {props.children.clone()}
        </figure>
    }
}

/// The figures drawn before block `at`: a range of indices into `article.figures`, which are
/// in document order.
pub fn figures_at(article: &Article, at: usize) -> Range<usize> {
    let start = article.figures.partition_point(|figure| figure.at < at);
    let end = article.figures.partition_point(|figure| figure.at <= at);
    start..end
}
