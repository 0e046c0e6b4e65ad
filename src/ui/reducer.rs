//! The reducer: every [`AppAction`] turned into the next [`AppState`], behind one read-only
//! gate. What each action does to the document is the core's; this decides which core action
//! a gesture means and what the view shows next.

use std::rc::Rc;

use yew::Reducible;

use crate::core::anchoring;
use crate::core::document::{Action, AnnotationKind, NewAnnotation};
use crate::core::host::options::CreationMode;
use crate::core::suggest;
use crate::core::text::CharRange;
use crate::ui::state::{AppAction, AppState, HostReply, SpeakerChoice};

/// What a read-only widget says to an action that would change the document.
const READ_ONLY: &str = "This article is read-only.";

/// How the read-only gate treats an action.
enum ReadOnly {
    Allow,
    /// Nothing to do in a read-only widget (nothing is selected there, say): no message.
    Ignore,
    /// Refused, with the message shown and announced.
    Refuse,
    /// Refused, with the message handed back to the host that asked.
    Answer(HostReply),
}

impl AppAction {
    /// How a read-only widget treats this action.
    fn when_read_only(&self, state: &AppState) -> ReadOnly {
        match self {
            AppAction::Apply { .. } => ReadOnly::Refuse,
            AppAction::Host { reply, .. } => ReadOnly::Answer(reply.clone()),
            AppAction::CreateFromPending { .. }
            | AppAction::MovePendingTo { .. }
            | AppAction::SpeakerFromPending { .. }
                if state.pending.is_some() =>
            {
                ReadOnly::Refuse
            }
            AppAction::AcceptSuggestion { .. } if state.suggestions.is_some() => ReadOnly::Refuse,
            AppAction::CreateFromPending { .. }
            | AppAction::MovePendingTo { .. }
            | AppAction::SpeakerFromPending { .. }
            | AppAction::AcceptSuggestion { .. }
            | AppAction::Select { .. }
            | AppAction::Suggest
            | AppAction::ShowSuggestions(_)
            | AppAction::KeepNoteDraft { .. } => ReadOnly::Ignore,
            _ => ReadOnly::Allow,
        }
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        // The one read-only gate: what would change the document is refused (or, for what
        // the reader cannot do there anyway, ignored) before any arm below runs.
        if self.read_only {
            match action.when_read_only(&self) {
                ReadOnly::Allow => {}
                ReadOnly::Ignore => return self,
                ReadOnly::Refuse => {
                    let mut next = (*self).clone();
                    next.fail(READ_ONLY.to_owned());
                    return Rc::new(next);
                }
                ReadOnly::Answer(reply) => {
                    *reply.borrow_mut() = Some(Err(READ_ONLY.to_owned()));
                    return self;
                }
            }
        }
        let mut next = (*self).clone();
        match action {
            AppAction::Apply { action, now } => {
                next.apply(action, now);
            }
            AppAction::Host { action, now, reply } => {
                let outcome = next
                    .commit_action(action, now)
                    .map(|applied| applied.new_annotation)
                    .map_err(|error| error.to_string());
                *reply.borrow_mut() = Some(outcome);
            }
            AppAction::CreateFromPending {
                kind,
                speaker,
                note,
                now,
            } => {
                let Some(pending) = next.pending.clone() else {
                    return self;
                };
                match anchoring::capture(next.article.text_content(), pending.range) {
                    Ok(selectors) => {
                        next.pending = None;
                        // A highlight made with the toolbar (or `n`) asks for its note; one
                        // made on release, in highlight mode, stays out of the way.
                        let opens_note = kind == AnnotationKind::Highlight
                            && next.creation == CreationMode::Toolbar;
                        let range = pending.range;
                        let action = match (kind, speaker) {
                            (AnnotationKind::Quote, SpeakerChoice::Named(name)) => {
                                Action::AddAnnotation(NewAnnotation::selected(
                                    AnnotationKind::Quote,
                                    range,
                                    selectors,
                                    name,
                                    note,
                                ))
                            }
                            (kind, choice) => Action::CreateAnnotation {
                                kind,
                                range,
                                selectors,
                                speaker: match choice {
                                    SpeakerChoice::Existing(id) => Some(id),
                                    SpeakerChoice::Unknown | SpeakerChoice::Named(_) => None,
                                },
                                note,
                            },
                        };
                        if next.apply(action, now) {
                            if opens_note {
                                next.editing_note = next.focused.clone();
                            }
                        } else {
                            next.pending = Some(pending);
                        }
                    }
                    Err(error) => next.fail(error.to_string()),
                }
            }
            AppAction::MovePendingTo { id, now } => {
                let Some(pending) = next.pending.clone() else {
                    return self;
                };
                match anchoring::capture(next.article.text_content(), pending.range) {
                    Ok(selectors) => {
                        next.pending = None;
                        let action = Action::SetRange {
                            id: id.clone(),
                            range: pending.range,
                            selectors,
                        };
                        if next.apply(action, now) {
                            next.focused = Some(id);
                        } else {
                            next.pending = Some(pending);
                        }
                    }
                    Err(error) => next.fail(error.to_string()),
                }
            }
            AppAction::SpeakerFromPending { now } => {
                let Some(pending) = next.pending.clone() else {
                    return self;
                };
                let name = crate::core::text::typography::clean_name(&pending.exact);
                if next.apply(Action::AddSpeaker { name }, now) {
                    next.change_overlay(|state| state.pending = None);
                }
            }
            AppAction::Select { range, drawn } => {
                next.select(range, drawn);
                next.choice = None;
                next.callout = false;
            }
            AppAction::Focus(id) => {
                next.focused = id;
                next.reveal_focused = true;
                next.choice = None;
                next.callout = false;
            }
            AppAction::Inspect(id) => {
                next.focused = Some(id);
                next.reveal_focused = false;
                next.choice = None;
                next.callout = true;
            }
            AppAction::CloseCallout => next.callout = false,
            AppAction::ShowHelp(open) => next.help_open = open,
            AppAction::Printing(printing) => next.printing = printing,
            AppAction::OfferEarlier(earlier) => next.earlier = earlier,
            AppAction::Suggest => {
                let found =
                    suggest::for_document(next.article.text_content(), next.document(), None);
                next.show_suggestions(Rc::new(found));
            }
            AppAction::ShowSuggestions(found) => next.show_suggestions(found),
            AppAction::AcceptSuggestion { id, speaker, now } => {
                let Some(suggestion) = next
                    .suggestions
                    .as_ref()
                    .and_then(|all| all.iter().find(|s| s.id() == id).cloned())
                else {
                    return self;
                };
                let range = CharRange::new(suggestion.start, suggestion.end);
                match anchoring::capture(next.article.text_content(), range) {
                    Ok(selectors) => {
                        let action = Action::AddAnnotation(NewAnnotation::selected(
                            AnnotationKind::Quote,
                            range,
                            selectors,
                            speaker.or(suggestion.speaker).unwrap_or_default(),
                            String::new(),
                        ));
                        if next.apply(action, now) {
                            next.drop_suggestion(&id);
                        }
                    }
                    Err(error) => next.fail(error.to_string()),
                }
            }
            AppAction::RejectSuggestion(id) => {
                next.drop_suggestion(&id);
                next.announce("Suggestion rejected");
            }
            AppAction::CloseSuggestions => next.change_overlay(|state| state.suggestions = None),
            AppAction::Choose(ids) => next.choice = ids,
            AppAction::EditNote(id) => next.editing_note = id,
            AppAction::KeepNoteDraft { id, note, now } => {
                let changed = next
                    .document()
                    .annotation(&id)
                    .is_some_and(|annotation| annotation.note != note);
                if changed {
                    let action = Action::SetNote { id, note };
                    if next.apply(action, now) {
                        next.announce("Your unsaved note was kept. Undo removes it.");
                    }
                }
            }
            AppAction::SetFilter(filter) => next.filter = filter,
            AppAction::Fail(message) => next.fail(message),
            AppAction::DismissError => next.error = None,
            AppAction::SetReadOnly(read_only) => {
                next.read_only = read_only;
                if read_only {
                    next.change_overlay(|state| state.pending = None);
                }
            }
            AppAction::SaveStatus(status) => next.save_status = status,
            AppAction::MergeRemote(remote) => {
                if !next.merge_remote(&remote) {
                    return self;
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
