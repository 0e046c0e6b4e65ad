//! A polite live region that announces what each action did to screen-reader users.

use yew::prelude::*;

use crate::ui::store::StateHandle;

#[component]
pub fn LiveRegion() -> Html {
    let state = use_context::<StateHandle>().expect("state context");
    // Keyed by the serial, so a repeated message is a new node and is announced again.
    let announcement = &state.announcement;
    html! {
        <div class="qm-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            <span key={announcement.serial.to_string()}>{announcement.text.clone()}</span>
        </div>
    }
}
