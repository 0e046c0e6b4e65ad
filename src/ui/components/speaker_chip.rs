//! A speaker's chip: palette colour plus initials, so colour is never the only cue, then the
//! name. Unknown speakers get a neutral chip with "?".

use yew::prelude::*;

use crate::core::render::panel::{colour_class, SpeakerInfo};

#[derive(Properties, Clone, PartialEq)]
pub struct SpeakerChipProps {
    /// `None`: an unknown speaker.
    pub speaker: Option<SpeakerInfo>,
}

#[component]
pub fn SpeakerChip(props: &SpeakerChipProps) -> Html {
    let (class, initials, name) = match &props.speaker {
        Some(speaker) => (
            colour_class(Some(speaker.colour)),
            speaker.initials.clone(),
            speaker.name.clone(),
        ),
        None => (
            colour_class(None),
            "?".to_owned(),
            "Unknown speaker".to_owned(),
        ),
    };
    html! {
        <span class="qm-chip">
            // The initials repeat the name, so screen readers hear the name once.
            <span class={classes!("qm-swatch", class)} aria-hidden="true">{initials}</span>
            <span class="qm-chip-name">{name}</span>
        </span>
    }
}
