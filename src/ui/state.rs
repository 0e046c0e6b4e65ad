//! The widget's state as a value: the document (never changed in place), the marks derived
//! from it, and what the reader is doing (selection, focus, open panels). The changes to it
//! live in `ui/reducer.rs`; nothing here performs I/O (saving runs in an effect after a
//! change).

use std::collections::HashSet;
use std::rc::Rc;

use crate::core::article::Article;
use crate::core::document::{
    Action, ActionError, AnnotationId, AnnotationKind, Applied, Document, SpeakerId,
};
use crate::core::host::options::CreationMode;
use crate::core::render::marks::{ArticleMarks, Overlay};
use crate::core::render::panel::Filter;
use crate::core::storage::policy::SaveStatus;
use crate::core::storage::saved_articles::EarlierVersion;
use crate::core::suggest::Suggestion;
use crate::core::text::wording::plural;
use crate::core::text::CharRange;
use crate::core::text::TextIndex;

/// A passage the reader selected and has not yet turned into an annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub range: CharRange,
    pub exact: String,
    /// Drawn as a mark: true for a passage found with the keyboard. A mouse or touch selection
    /// is left to the browser to draw, since re-rendering under it would disturb it.
    pub drawn: bool,
}

/// Who said a quote being created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeakerChoice {
    Unknown,
    Existing(SpeakerId),
    /// A typed name: an existing speaker's name or alias, else a new speaker.
    Named(String),
}

/// What the last change did to one annotation, for the host page's events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Created,
    Updated,
    Deleted,
}

/// Where the reducer puts the outcome of a host's action: the new annotation's id (if it made
/// one), or why it was refused.
pub type HostReply = Rc<std::cell::RefCell<Option<Result<Option<AnnotationId>, String>>>>;

/// A message for the screen-reader live region; `serial` makes a repeated message re-announce.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Announcement {
    pub text: String,
    pub serial: u64,
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub article: Rc<Article>,
    /// The storage key's article part: the host-given id, else the content hash.
    pub article_key: String,
    /// Never changed in place: an edit makes a new document (see [`AppState::edit`]), so
    /// the old state keeps the old one and equality is pointer identity.
    document: Rc<Document>,
    /// Bumped with every new document; what effects keyed on "the document changed" watch.
    pub version: u64,
    /// Bumped only by the reader's own changes (not by another tab's), to drive saving.
    pub local_version: u64,
    pub marks: ArticleMarks,
    pub pending: Option<Pending>,
    pub focused: Option<AnnotationId>,
    /// Whether focusing `focused` should also scroll it into view: yes when the reader asked
    /// to go there, no for an annotation just made where they were selecting.
    pub reveal_focused: bool,
    /// The annotation whose note editor is open.
    pub editing_note: Option<AnnotationId>,
    /// Annotations overlapping where the reader clicked, to choose from.
    pub choice: Option<Vec<AnnotationId>>,
    /// Show the focused annotation's speaker and note beside the article (after a click or a
    /// tap on its highlight), where the reader is looking rather than in the panel.
    pub callout: bool,
    /// The list of keyboard shortcuts is open (`?`).
    pub help_open: bool,
    /// The page is being printed: the printable list of quotes by speaker is drawn.
    pub printing: bool,
    /// Work saved on an earlier version of this (pasted) article, offered to bring here.
    pub earlier: Option<Rc<EarlierVersion>>,
    /// Suggested quotes waiting for review (never saved or exported until accepted); `None`
    /// until the reader (or the host) asks for suggestions.
    pub suggestions: Option<Rc<Vec<Suggestion>>>,
    pub filter: Filter,
    pub announcement: Announcement,
    pub error: Option<String>,
    pub read_only: bool,
    /// What selecting text does (the host's `creation` option).
    pub creation: CreationMode,
    /// False when the host asked for no storage (`storage: "none"`).
    pub storage_enabled: bool,
    /// Fingerprint of the stored value the document was loaded from (see `ui::saving`).
    pub stored_fingerprint: Option<String>,
    pub save_status: SaveStatus,
    /// What the latest document change did, annotation by annotation.
    pub last_change: Rc<Vec<(ChangeKind, AnnotationId)>>,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && self.article_key == other.article_key
            && Rc::ptr_eq(&self.document, &other.document)
            && self.marks == other.marks
            && self.pending == other.pending
            && self.focused == other.focused
            && self.reveal_focused == other.reveal_focused
            && self.editing_note == other.editing_note
            && self.choice == other.choice
            && self.callout == other.callout
            && self.help_open == other.help_open
            && self.printing == other.printing
            && match (&self.suggestions, &other.suggestions) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && match (&self.earlier, &other.earlier) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.filter == other.filter
            && self.announcement == other.announcement
            && self.error == other.error
            && self.read_only == other.read_only
            && self.creation == other.creation
            && self.storage_enabled == other.storage_enabled
            && self.save_status == other.save_status
    }
}

/// Everything the UI can ask of the state.
#[derive(Clone, Debug)]
pub enum AppAction {
    /// A core action, stamped with the time it happened.
    Apply {
        action: Action,
        now: i64,
    },
    /// A core action the host page asked for (`add`, `update`, `remove`): it moves no focus
    /// and shows no error; the outcome goes to `reply` for the handle to return or throw.
    Host {
        action: Action,
        now: i64,
        reply: HostReply,
    },
    /// Make the pending selection an annotation (selectors are captured here, once).
    CreateFromPending {
        kind: AnnotationKind,
        speaker: SpeakerChoice,
        note: String,
        now: i64,
    },
    /// Open (or close) the inline note editor of an annotation.
    EditNote(Option<AnnotationId>),
    /// A note editor closed without Save or Cancel: keep what was typed, if it differs from
    /// the note and the annotation is still there.
    KeepNoteDraft {
        id: AnnotationId,
        note: String,
        now: i64,
    },
    /// Give an existing annotation the pending selection's range ("update range").
    MovePendingTo {
        id: AnnotationId,
        now: i64,
    },
    /// Add the pending selection's text as a speaker ("this is a name").
    SpeakerFromPending {
        now: i64,
    },
    /// The reader selected this raw range (or nothing); `drawn` as in [`Pending`].
    Select {
        range: Option<CharRange>,
        drawn: bool,
    },
    Focus(Option<AnnotationId>),
    /// The reader clicked or tapped this annotation's highlight: focus it without scrolling
    /// anything and show its speaker and note beside the article.
    Inspect(AnnotationId),
    CloseCallout,
    ShowHelp(bool),
    Printing(bool),
    /// Offer (or stop offering) the work saved on an earlier version of the article.
    OfferEarlier(Option<Rc<EarlierVersion>>),
    /// Find quotes and speakers to suggest in the article (replacing any pending ones).
    Suggest,
    /// Show these suggestions for review (found already, by the host's `suggest()`).
    ShowSuggestions(Rc<Vec<Suggestion>>),
    /// Make a suggestion a quote, by `speaker` when given (as typed), else by the suggested one.
    AcceptSuggestion {
        id: String,
        speaker: Option<String>,
        now: i64,
    },
    RejectSuggestion(String),
    /// Put the suggestions away (the pending ones are dropped).
    CloseSuggestions,
    Choose(Option<Vec<AnnotationId>>),
    SetFilter(Filter),
    /// Show (and announce) an error that happened outside the reducer.
    Fail(String),
    DismissError,
    SetReadOnly(bool),
    SaveStatus(SaveStatus),
    /// Another tab saved this document: merge it in (not undoable, not re-saved).
    MergeRemote(Box<Document>),
}

impl AppState {
    pub fn new(article: Article, article_key: String, document: Document) -> Self {
        let marks = ArticleMarks::new(&article, &document, Overlay::default());
        Self {
            article: Rc::new(article),
            article_key,
            document: Rc::new(document),
            version: 0,
            local_version: 0,
            marks,
            pending: None,
            focused: None,
            reveal_focused: false,
            editing_note: None,
            choice: None,
            callout: false,
            help_open: false,
            printing: false,
            earlier: None,
            suggestions: None,
            filter: Filter::default(),
            announcement: Announcement::default(),
            error: None,
            read_only: false,
            creation: CreationMode::Toolbar,
            storage_enabled: true,
            stored_fingerprint: None,
            save_status: SaveStatus::Idle,
            last_change: Rc::new(Vec::new()),
        }
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The one way the state's document changes: a new value replaces it (the previous state
    /// keeps its own), with the version bumped so every effect watching the document runs.
    fn replace_document(&mut self, document: Document) {
        self.version += 1;
        self.document = Rc::new(document);
    }

    /// Recomputes the marks of the blocks `touched` covers (and of the whole overlay when it
    /// changed), keeping every other block's marks as they are.
    fn redraw(&mut self, document_changed: bool, touched: Vec<CharRange>) {
        let suggestions: Vec<CharRange> = self
            .suggestions
            .iter()
            .flat_map(|all| all.iter().map(|s| CharRange::new(s.start, s.end)))
            .collect();
        let overlay = Overlay {
            pending: self.pending.as_ref().filter(|p| p.drawn).map(|p| p.range),
            suggestions: &suggestions,
        };
        self.marks = self
            .marks
            .update(&self.document, overlay, document_changed, touched);
    }

    /// What the overlay covers now: a change of overlay redraws where it was and where it is.
    fn overlay_ranges(&self) -> Vec<CharRange> {
        self.pending
            .iter()
            .filter(|p| p.drawn)
            .map(|p| p.range)
            .chain(
                self.suggestions
                    .iter()
                    .flat_map(|all| all.iter().map(|s| CharRange::new(s.start, s.end))),
            )
            .collect()
    }

    /// Starts with these settings from the host page.
    pub fn with_settings(
        mut self,
        read_only: bool,
        storage_enabled: bool,
        save_status: SaveStatus,
        stored_fingerprint: Option<String>,
    ) -> Self {
        self.read_only = read_only;
        self.storage_enabled = storage_enabled;
        self.save_status = save_status;
        self.stored_fingerprint = stored_fingerprint;
        self
    }

    /// Starts in this creation mode (the host's `creation` option).
    pub fn with_creation(mut self, creation: CreationMode) -> Self {
        self.creation = creation;
        self
    }

    pub(super) fn announce(&mut self, text: impl Into<String>) {
        self.announcement = Announcement {
            text: text.into(),
            serial: self.announcement.serial + 1,
        };
    }

    pub(super) fn fail(&mut self, message: String) {
        self.announce(message.clone());
        self.error = Some(message);
    }

    /// Applies a core action; false (with the error shown and announced) when it was refused.
    pub(super) fn apply(&mut self, action: Action, now: i64) -> bool {
        match self.commit_action(action, now) {
            Ok(applied) => {
                if let Some(id) = applied.new_annotation {
                    self.focused = Some(id);
                    self.reveal_focused = false;
                    self.callout = false;
                }
                true
            }
            Err(error) => {
                self.fail(error.to_string());
                false
            }
        }
    }

    /// Applies a core action to the document and records what it changed; on an error nothing
    /// changed (not even the document's `Rc`).
    pub(super) fn commit_action(
        &mut self,
        action: Action,
        now: i64,
    ) -> Result<Applied, ActionError> {
        // An import can add thousands at once: remember which ids existed to tell new from
        // changed (sets, so a large change costs O(n), not O(n²)).
        let existed: Option<HashSet<AnnotationId>> =
            matches!(action, Action::ReplaceContent { .. }).then(|| {
                self.document
                    .annotations()
                    .iter()
                    .map(|a| a.id.clone())
                    .collect()
            });
        // Refused actions change nothing, so they must not make a new document either.
        let mut draft = (*self.document).clone();
        let applied = draft.apply(action, now)?;
        // A change to nothing (a note saved as it was) keeps the document: no event, no save,
        // no redraw; the reader still hears that nothing changed.
        if applied.is_empty() {
            self.announce(applied.message.clone());
            return Ok(applied);
        }
        self.replace_document(draft);
        let document = &self.document;
        let present: HashSet<&AnnotationId> =
            document.annotations().iter().map(|a| &a.id).collect();
        let changes = applied
            .annotations
            .iter()
            .map(|id| {
                let is_new = match &existed {
                    Some(existed) => !existed.contains(id),
                    None => applied.new_annotation.as_ref() == Some(id),
                };
                let kind = if !present.contains(id) {
                    ChangeKind::Deleted
                } else if is_new {
                    ChangeKind::Created
                } else {
                    ChangeKind::Updated
                };
                (kind, id.clone())
            })
            .collect();
        drop(present);
        self.last_change = Rc::new(changes);
        self.local_version += 1;
        self.error = None;
        self.announce(applied.message.clone());
        self.redraw(true, applied.ranges.clone());
        Ok(applied)
    }

    /// Merges work another tab saved; false when it brought nothing new.
    pub(super) fn merge_remote(&mut self, remote: &Document) -> bool {
        let mut merged = (*self.document).clone();
        let applied = merged.merge_from(remote);
        if applied.is_empty() {
            return false;
        }
        self.replace_document(merged);
        // If this tab had work the other lacked, save the union, so that neither tab's last
        // write can drop the other's change.
        if *self.document != *remote {
            self.local_version += 1;
        }
        self.last_change = Rc::new(
            applied
                .annotations
                .iter()
                .map(|id| (ChangeKind::Updated, id.clone()))
                .collect(),
        );
        self.announce("Changes from another tab were merged");
        self.redraw(true, applied.ranges);
        true
    }

    /// Changes what is drawn besides the annotations (the pending selection, suggestions) and
    /// redraws the blocks where it was and where it is now.
    pub(super) fn change_overlay(&mut self, change: impl FnOnce(&mut Self)) {
        let mut touched = self.overlay_ranges();
        change(self);
        touched.extend(self.overlay_ranges());
        self.redraw(false, touched);
    }

    pub(super) fn show_suggestions(&mut self, found: Rc<Vec<Suggestion>>) {
        self.announce(match found.len() {
            0 => "No quotes to suggest".to_owned(),
            n => format!("{} suggested", plural(n, "quote")),
        });
        self.change_overlay(|state| state.suggestions = Some(found));
    }

    /// Removes one suggestion from the pending list (accepted or rejected).
    pub(super) fn drop_suggestion(&mut self, id: &str) {
        if let Some(all) = &self.suggestions {
            let left: Vec<Suggestion> = all.iter().filter(|s| s.id() != id).cloned().collect();
            self.change_overlay(|state| state.suggestions = Some(Rc::new(left)));
        }
    }

    /// Trims and snaps a raw selection and records it as pending.
    pub(super) fn select(&mut self, range: Option<CharRange>, drawn: bool) {
        let text = self.article.text_content();
        let was_drawn = self.pending.as_ref().is_some_and(|pending| pending.drawn);
        let mut touched = self.overlay_ranges();
        self.pending = range.and_then(|range| {
            let index = TextIndex::new(text);
            let range = index.trim_quote(index.snap_to_graphemes(range));
            let exact = index.slice(range).ok()?.to_owned();
            (!range.is_empty() && !exact.trim().is_empty()).then_some(Pending {
                range,
                exact,
                drawn,
            })
        });
        // A mouse selection is drawn by the browser: redrawing under it would disturb it.
        if was_drawn || drawn {
            touched.extend(self.overlay_ranges());
            self.redraw(false, touched);
        }
    }
}
