//! The compare view's state and its store: the loaded class, the scores, the filter, the
//! selected passage and the key curation. A value swapped whole on every action, like the
//! widget's `AppState`, so the view and the handle never see half a change.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::agreement::{compare, feedback, AgreementReport, Annotator, Feedback};
use crate::core::article::Article;
use crate::core::classroom::curation::{curate, key_annotator, key_file};
use crate::core::classroom::handback::feedback_file;
use crate::core::classroom::passages::speaker_names;
use crate::core::classroom::{
    load_class, passage_view, Class, CuratedPassage, CurationHistory, Filter, PassageRun,
    RuleChoice, Verdict,
};
use crate::core::interchange::ArticleMeta;
use crate::core::render::runs::block_ranges;
use crate::core::text::CharRange;
use crate::platform::storage;

/// Everything the compare view draws.
#[derive(Clone)]
pub struct CompareModel {
    pub article: Rc<Article>,
    /// The host-given id or the content hash, as the widget keys its storage.
    pub article_key: String,
    pub class: Rc<Class>,
    pub annotators: Rc<Vec<Annotator>>,
    pub report: Rc<AgreementReport>,
    pub speakers: Rc<Vec<String>>,
    pub filter: Filter,
    /// Per block, the passages to draw.
    pub passages: Rc<Vec<Vec<PassageRun>>>,
    pub selected: Option<CharRange>,
    pub history: CurationHistory,
    pub curated: Rc<Vec<CuratedPassage>>,
    pub feedback: Rc<Vec<Feedback>>,
    /// What the last action did, for the status line (a live region).
    pub message: String,
    /// Bumped on every message so a repeated one is announced again.
    pub serial: u64,
}

/// What the view (or the handle) can ask for.
pub enum CompareAction {
    AddFiles(Vec<(String, String)>),
    /// Shows or hides one annotator.
    ToggleAnnotator(usize),
    ShowEveryone,
    Speaker(Option<String>),
    Select(Option<CharRange>),
    Rule(RuleChoice),
    Decide(String, Option<Verdict>),
    Undo,
    Redo,
    Say(String),
}

impl CompareModel {
    pub fn new(article: Article, article_key: String, files: &[(String, String)]) -> Self {
        let class = load_class(
            &article_key,
            article.text_content(),
            files,
            crate::ui::time::now(),
        );
        // A saved curation of this article comes back; an unreadable one is left where it is.
        let history = storage::read(&CurationHistory::storage_key(&article_key))
            .ok()
            .flatten()
            .and_then(|text| CurationHistory::decode(&text))
            .unwrap_or_default();
        let mut model = Self {
            article: Rc::new(article),
            article_key,
            class: Rc::new(class),
            annotators: Rc::default(),
            report: Rc::new(compare(&[], 0)),
            speakers: Rc::default(),
            filter: Filter::default(),
            passages: Rc::default(),
            selected: None,
            history,
            curated: Rc::default(),
            feedback: Rc::default(),
            message: String::new(),
            serial: 0,
        };
        model.rescore();
        model.message = model.loaded_message(0, 0);
        model
    }

    fn text_len(&self) -> usize {
        self.article.text_content().chars().count()
    }

    /// Recomputes everything that depends on the files.
    fn rescore(&mut self) {
        let annotators = self.class.annotators();
        self.report = Rc::new(compare(&annotators, self.text_len()));
        self.speakers = Rc::new(speaker_names(&annotators));
        self.annotators = Rc::new(annotators);
        self.redraw();
        self.recurate();
    }

    fn redraw(&mut self) {
        self.passages = Rc::new(passage_view(
            &block_ranges(&self.article),
            &self.annotators,
            &self.filter,
        ));
    }

    fn recurate(&mut self) {
        let (_, curated) = curate(&self.annotators, &self.history.current);
        let key = key_annotator(&curated);
        self.feedback = Rc::new(
            self.annotators
                .iter()
                .map(|student| feedback(student, &key))
                .collect(),
        );
        self.curated = Rc::new(curated);
    }

    fn save_curation(&mut self) {
        let key = CurationHistory::storage_key(&self.article_key);
        // A newer build's curation is never written over.
        let newer = storage::read(&key)
            .ok()
            .flatten()
            .is_some_and(|text| CurationHistory::is_newer(&text));
        if newer {
            self.say("This key was curated with a newer Quotemark; changes are not saved.");
        } else if storage::write(&key, &self.history.encode()).is_err() {
            self.say("The key could not be saved in this browser (storage is full or blocked).");
        }
    }

    fn say(&mut self, text: &str) {
        self.message = text.to_owned();
        self.serial += 1;
    }

    fn loaded_message(&self, before: usize, refused_before: usize) -> String {
        let added = self.class.files.len() - before;
        let refused = self.class.refused.len() - refused_before;
        let mut text = format!(
            "{} loaded.",
            crate::core::text::wording::plural(added, "file")
        );
        if refused > 0 {
            text.push_str(&format!(
                " {} left out (see below).",
                crate::core::text::wording::plural(refused, "file")
            ));
        }
        text
    }

    pub fn reduce(&self, action: CompareAction) -> Option<Self> {
        let mut next = self.clone();
        match action {
            CompareAction::AddFiles(files) => {
                let (before, refused) = (self.class.files.len(), self.class.refused.len());
                let mut class = (*self.class).clone();
                class.add(
                    &self.article_key,
                    self.article.text_content(),
                    &files,
                    crate::ui::time::now(),
                );
                next.class = Rc::new(class);
                next.rescore();
                let message = next.loaded_message(before, refused);
                next.say(&message);
            }
            CompareAction::ToggleAnnotator(index) => {
                let count = self.annotators.len();
                let mut chosen: Vec<usize> = (0..count)
                    .filter(|&i| self.filter.shows_annotator(i))
                    .collect();
                if let Some(at) = chosen.iter().position(|&i| i == index) {
                    chosen.remove(at);
                } else {
                    chosen.push(index);
                    chosen.sort_unstable();
                }
                next.filter.annotators = (chosen.len() != count).then_some(chosen);
                next.selected = None;
                next.redraw();
            }
            CompareAction::ShowEveryone => {
                next.filter = Filter::default();
                next.redraw();
            }
            CompareAction::Speaker(speaker) => {
                next.filter.speaker = speaker;
                next.selected = None;
                next.redraw();
            }
            CompareAction::Select(range) => next.selected = range,
            CompareAction::Rule(rule) => {
                if !next.history.set_rule(rule) {
                    return None;
                }
                next.recurate();
                next.save_curation();
                next.say("Merge rule changed.");
            }
            CompareAction::Decide(id, verdict) => {
                let said = match &verdict {
                    Some(Verdict::Accept) => "Passage accepted into the key.",
                    Some(Verdict::Reject) => "Passage rejected from the key.",
                    Some(Verdict::Edit { .. }) => "Passage edited.",
                    None => "Decision withdrawn.",
                };
                if !next.history.decide(&id, verdict) {
                    return None;
                }
                next.recurate();
                next.save_curation();
                next.say(said);
            }
            CompareAction::Undo => {
                if !next.history.undo() {
                    next.say("Nothing to undo.");
                    return Some(next);
                }
                next.recurate();
                next.save_curation();
                next.say("Undone.");
            }
            CompareAction::Redo => {
                if !next.history.redo() {
                    next.say("Nothing to redo.");
                    return Some(next);
                }
                next.recurate();
                next.save_curation();
                next.say("Redone.");
            }
            CompareAction::Say(text) => next.say(&text),
        }
        Some(next)
    }

    pub fn meta(&self) -> ArticleMeta {
        ArticleMeta {
            id: self.article_key.clone(),
            title: self.article.title.clone(),
            source: self.article.source,
            content_hash: self.article.content_hash(),
        }
    }

    /// The curated key as an ordinary native file.
    pub fn key_file(&self) -> String {
        key_file(&self.meta(), self.article.text_content(), &self.curated)
    }

    pub fn feedback_of(&self, name: &str) -> Option<&Feedback> {
        self.feedback.iter().find(|f| f.name == name)
    }

    /// One student's feedback as a file they can open in the widget.
    pub fn feedback_file(&self, name: &str) -> Option<String> {
        self.feedback_of(name)
            .map(|f| feedback_file(&self.meta(), self.article.text_content(), f))
    }

    /// A file name from the article key and a label: letters, digits, dashes.
    pub fn file_name(&self, label: &str, suffix: &str) -> String {
        let stem: String = format!("{}-{label}", self.article.title)
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .take(60)
            .collect();
        format!("{}.{suffix}", stem.trim_matches('-'))
    }
}

type Subscriber = Rc<dyn Fn()>;

/// Holds the current model; the view and the handle dispatch through it, and subscribers are
/// told after the new value is in place, with nothing borrowed.
pub struct CompareStore {
    current: RefCell<Rc<CompareModel>>,
    subscribers: RefCell<Vec<(u64, Subscriber)>>,
    next: std::cell::Cell<u64>,
}

impl PartialEq for CompareStore {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl CompareStore {
    pub fn new(model: CompareModel) -> Rc<Self> {
        Rc::new(Self {
            current: RefCell::new(Rc::new(model)),
            subscribers: RefCell::default(),
            next: std::cell::Cell::new(0),
        })
    }

    pub fn model(&self) -> Rc<CompareModel> {
        self.current.borrow().clone()
    }

    pub fn dispatch(&self, action: CompareAction) {
        let Some(next) = self.model().reduce(action) else {
            return;
        };
        *self.current.borrow_mut() = Rc::new(next);
        let subscribers: Vec<Subscriber> = self
            .subscribers
            .borrow()
            .iter()
            .map(|(_, s)| s.clone())
            .collect();
        for subscriber in subscribers {
            subscriber();
        }
    }

    pub fn subscribe(&self, subscriber: impl Fn() + 'static) -> u64 {
        let id = self.next.get();
        self.next.set(id + 1);
        self.subscribers
            .borrow_mut()
            .push((id, Rc::new(subscriber)));
        id
    }

    pub fn unsubscribe(&self, id: u64) {
        self.subscribers
            .borrow_mut()
            .retain(|(known, _)| *known != id);
    }
}

/// What every compare component gets: the model to draw and the way to change it. Equal when
/// the model is the same value, so a component re-renders only after a change.
#[derive(Clone)]
pub struct View {
    pub model: Rc<CompareModel>,
    pub dispatch: yew::Callback<CompareAction>,
}

impl PartialEq for View {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model)
    }
}

/// `0.83`, or an em dash for an undefined value.
pub fn number(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map_or_else(|| "—".to_owned(), |v| format!("{v:.2}"))
}
