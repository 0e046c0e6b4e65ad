//! Curating the answer key: the merge rule (everyone / majority / at least k), then each
//! proposed passage with its support and disputes, to accept, reject or edit (boundaries as
//! code point offsets, and the speaker). Undo and redo are buttons here and Ctrl+Z / Ctrl+Shift+Z
//! anywhere in the view; the key downloads as an ordinary Quotemark file.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, Node, ShadowRoot};
use yew::prelude::*;

use super::model::{CompareAction, View};
use crate::core::classroom::{CuratedPassage, RuleChoice, Verdict};
use crate::core::document::AnnotationKind;
use crate::platform::{download, selection};

#[derive(Properties, PartialEq)]
pub struct KeyCuratorProps {
    pub view: View,
}

fn input_value(event: &Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The passage's text, shortened for the list.
fn excerpt(chars: &[char], passage: &CuratedPassage) -> String {
    let range = passage.range;
    let text: String = chars
        .get(range.start.min(chars.len())..range.end.min(chars.len()))
        .unwrap_or_default()
        .iter()
        .collect();
    if text.chars().count() > 120 {
        format!("{}…", text.chars().take(119).collect::<String>())
    } else {
        text
    }
}

/// The code point in the article of a DOM point inside a drawn piece (`data-qm-at`), or `None`
/// outside the article's text (a count, the legend).
fn article_point(node: &Node, utf16_offset: u32) -> Option<usize> {
    if node.node_type() != Node::TEXT_NODE {
        return None;
    }
    let base: usize = node
        .parent_element()?
        .get_attribute("data-qm-at")?
        .parse()
        .ok()?;
    let text = node.text_content().unwrap_or_default();
    let mut units = 0;
    let mut chars = 0;
    for c in text.chars() {
        if units >= utf16_offset as usize {
            break;
        }
        units += c.len_utf16();
        chars += 1;
    }
    Some(base + chars)
}

/// The article range the teacher has selected in the compare view, if any.
fn selected_range(from: &web_sys::EventTarget) -> Option<(usize, usize)> {
    let shadow: ShadowRoot = from.dyn_ref::<Node>()?.get_root_node().dyn_into().ok()?;
    let range = selection::current_range(&shadow)?;
    let start = article_point(&range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = article_point(&range.end_container().ok()?, range.end_offset().ok()?)?;
    (start < end).then_some((start, end))
}

/// The edit form's fields while one passage is being edited.
#[derive(Clone, PartialEq, Default)]
struct Editing {
    id: String,
    start: String,
    end: String,
    speaker: String,
}

#[component]
pub fn KeyCurator(props: &KeyCuratorProps) -> Html {
    let model = &props.view.model;
    let dispatch = props.view.dispatch.clone();
    let editing = use_state(|| None::<Editing>);
    let chars: Vec<char> = model.article.text_content().chars().collect();
    let rule = model.history.current.rule;
    let at_least = match rule {
        RuleChoice::AtLeast(k) => k,
        _ => 2,
    };
    let onrule = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|select| select.value())
                .unwrap_or_default();
            let choice = match value.as_str() {
                "unanimous" => RuleChoice::Unanimous,
                "atLeast" => RuleChoice::AtLeast(at_least),
                _ => RuleChoice::Majority,
            };
            dispatch.emit(CompareAction::Rule(choice));
        })
    };
    let onk = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            if let Ok(k) = input_value(&event).trim().parse::<usize>() {
                dispatch.emit(CompareAction::Rule(RuleChoice::AtLeast(k.max(1))));
            }
        })
    };
    let undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(CompareAction::Undo))
    };
    let redo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(CompareAction::Redo))
    };
    let download_key = {
        let model = model.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let said = match download::download(
                &model.file_name("key", "quotemark.json"),
                "application/json",
                &model.key_file(),
            ) {
                Ok(()) => "Key download started.",
                Err(_) => "The browser refused the download.",
            };
            dispatch.emit(CompareAction::Say(said.to_owned()));
        })
    };
    let rule_value = match rule {
        RuleChoice::Unanimous => "unanimous",
        RuleChoice::Majority => "majority",
        RuleChoice::AtLeast(_) => "atLeast",
    };
    let in_key = model.curated.iter().filter(|p| p.in_key).count();
    let rows = model.curated.iter().map(|passage| {
        let id = passage.id.clone();
        let decide = |verdict: Option<Verdict>| {
            let dispatch = dispatch.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(CompareAction::Decide(id.clone(), verdict.clone()))
            })
        };
        let start_edit = {
            let editing = editing.clone();
            let fields = Editing {
                id: id.clone(),
                start: passage.range.start.to_string(),
                end: passage.range.end.to_string(),
                speaker: passage.speaker.clone().unwrap_or_default(),
            };
            Callback::from(move |_: MouseEvent| editing.set(Some(fields.clone())))
        };
        let proposal = &passage.proposal;
        let mut disputes = Vec::new();
        if proposal.boundaries_disputed {
            disputes.push("boundaries differ");
        }
        if proposal.speaker_disputed {
            disputes.push("speakers differ");
        }
        if proposal.supporters < model.annotators.len() {
            disputes.push("not everyone marked it");
        }
        let kind = match proposal.kind {
            AnnotationKind::Quote => format!(
                "Quote — {}",
                passage.speaker.clone().unwrap_or_else(|| "unknown speaker".to_owned())
            ),
            AnnotationKind::Highlight => "Highlight".to_owned(),
        };
        let verdict = match &passage.verdict {
            None => "by the rule",
            Some(Verdict::Accept) => "accepted",
            Some(Verdict::Reject) => "rejected",
            Some(Verdict::Edit { .. }) => "edited",
        };
        let status = format!("{} ({verdict})", if passage.in_key { "In the key" } else { "Not in the key" });
        let form = editing.as_ref().filter(|e| e.id == id).map(|fields| {
            let field = |update: fn(&mut Editing, String)| {
                let editing = editing.clone();
                // On every keystroke, so Enter submits what was typed.
                Callback::from(move |event: InputEvent| {
                    if let Some(mut current) = (*editing).clone() {
                        update(&mut current, input_value(&event));
                        editing.set(Some(current));
                    }
                })
            };
            let save = {
                let editing = editing.clone();
                let dispatch = dispatch.clone();
                let fields = fields.clone();
                let len = chars.len();
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    let (Ok(start), Ok(end)) = (fields.start.trim().parse::<usize>(), fields.end.trim().parse::<usize>()) else {
                        dispatch.emit(CompareAction::Say("Start and end must be whole numbers.".to_owned()));
                        return;
                    };
                    if start >= end || end > len {
                        dispatch.emit(CompareAction::Say(format!("The range must have start < end ≤ {len}.")));
                        return;
                    }
                    let speaker = fields.speaker.split_whitespace().collect::<Vec<_>>().join(" ");
                    dispatch.emit(CompareAction::Decide(
                        fields.id.clone(),
                        Some(Verdict::Edit { start, end, speaker: (!speaker.is_empty()).then_some(speaker) }),
                    ));
                    editing.set(None);
                })
            };
            let cancel = {
                let editing = editing.clone();
                Callback::from(move |_: MouseEvent| editing.set(None))
            };
            let from_selection = {
                let editing = editing.clone();
                let dispatch = dispatch.clone();
                Callback::from(move |event: MouseEvent| {
                    let found = event.target().and_then(|target| selected_range(&target));
                    match (found, (*editing).clone()) {
                        (Some((start, end)), Some(mut current)) => {
                            current.start = start.to_string();
                            current.end = end.to_string();
                            editing.set(Some(current));
                        }
                        _ => dispatch.emit(CompareAction::Say(
                            "Select the passage's text in the article first, then press this button."
                                .to_owned(),
                        )),
                    }
                })
            };
            html! {
                <form class="qm-compare-edit" onsubmit={save}>
                    <label>{"Start "}<input type="number" min="0" value={fields.start.clone()}
                        oninput={field(|e, v| e.start = v)} data-qm-edit-start="" /></label>
                    <label>{"End "}<input type="number" min="1" value={fields.end.clone()}
                        oninput={field(|e, v| e.end = v)} data-qm-edit-end="" /></label>
                    if proposal.kind == AnnotationKind::Quote {
                        <label>{"Speaker "}<input type="text" value={fields.speaker.clone()}
                            oninput={field(|e, v| e.speaker = v)} data-qm-edit-speaker="" /></label>
                    }
                    <button type="button" onclick={from_selection} data-qm-edit-from-selection="">
                        {"Use the selected text"}
                    </button>
                    <button type="submit">{"Save"}</button>
                    <button type="button" onclick={cancel}>{"Cancel"}</button>
                </form>
            }
        });
        html! {
            <li key={id.clone()} class={classes!("qm-compare-passage", passage.in_key.then_some("qm-compare-passage--in"))}
                data-qm-key-passage={id.clone()} data-in-key={passage.in_key.to_string()}>
                <p><q>{excerpt(&chars, passage)}</q></p>
                <p class="qm-compare-muted">
                    {format!("{kind}. Marked by {} of {}. ", proposal.supporters, model.annotators.len())}
                    if !disputes.is_empty() { {format!("Disputed: {}. ", disputes.join(", "))} }
                    <strong>{status}</strong>
                </p>
                <div class="qm-compare-actions" role="group" aria-label="Decide this passage">
                    <button type="button" onclick={decide(Some(Verdict::Accept))} data-qm-accept="">{"Accept"}</button>
                    <button type="button" onclick={decide(Some(Verdict::Reject))} data-qm-reject="">{"Reject"}</button>
                    <button type="button" onclick={start_edit} data-qm-edit="">{"Edit…"}</button>
                    if passage.verdict.is_some() {
                        <button type="button" onclick={decide(None)}>{"Back to the rule"}</button>
                    }
                </div>
                {form.unwrap_or_default()}
            </li>
        }
    });
    html! {
        <section class="qm-compare-key" aria-labelledby="qm-compare-key-title">
            <h3 id="qm-compare-key-title">{"Answer key"}</h3>
            <div class="qm-compare-rule">
                <label>{"Merge rule "}
                    <select onchange={onrule} data-qm-rule="">
                        <option value="unanimous" selected={rule_value == "unanimous"}>{"Everyone marked it"}</option>
                        <option value="majority" selected={rule_value == "majority"}>{"A majority marked it"}</option>
                        <option value="atLeast" selected={rule_value == "atLeast"}>{"At least k marked it"}</option>
                    </select>
                </label>
                if matches!(rule, RuleChoice::AtLeast(_)) {
                    <label>{" k = "}<input type="number" min="1" value={at_least.to_string()} onchange={onk} data-qm-rule-k="" /></label>
                }
                <button type="button" onclick={undo} disabled={!model.history.can_undo()} data-qm-undo="">{"Undo"}</button>
                <button type="button" onclick={redo} disabled={!model.history.can_redo()} data-qm-redo="">{"Redo"}</button>
                <button type="button" onclick={download_key} data-qm-download-key="">{"Download key"}</button>
            </div>
            <p data-qm-key-count="">{format!("{in_key} of {} proposed passages are in the key.", model.curated.len())}</p>
            <ol class="qm-compare-passages">{ for rows }</ol>
        </section>
    }
}
