//! Small hooks shared by components.

/// A `<select>` whose shown choice follows `value`: returns the ref to put on the select.
/// The value is set after every render, since an option's `selected` attribute stops
/// counting once the reader has used the select, and options re-used for other choices
/// would otherwise keep a stale selection.
#[yew::hook]
pub fn use_select_value(value: String) -> yew::NodeRef {
    let select = yew::use_node_ref();
    {
        let select = select.clone();
        yew::use_effect(move || {
            if let Some(element) = select.cast::<web_sys::HtmlSelectElement>() {
                if element.value() != value {
                    element.set_value(&value);
                }
            }
        });
    }
    select
}
