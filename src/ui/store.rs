//! The one place a widget's state lives: the current [`AppState`] value, the reducer every
//! action goes through (from the view and from the host page alike), and who is told after each
//! change.
//!
//! The state is an immutable value: an action makes a new one, the store swaps it in, and only
//! then, with nothing borrowed, are the subscribers told. A subscriber (the host page's event
//! listeners, through the JavaScript bridge) may therefore dispatch again from inside its
//! callback; that change is reduced from the state just swapped in, and its own subscribers
//! are told in turn. The view subscribes too, and re-renders from [`Store::state`] — always the
//! latest value, whatever order the notifications arrive in.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::{Rc, Weak};

use yew::Reducible;

use crate::ui::state::{AppAction, AppState};

type Subscriber = Rc<dyn Fn(&Rc<AppState>)>;

pub struct Store {
    current: RefCell<Rc<AppState>>,
    /// Counts the states swapped in, so that "drawn" can be compared with "asked for".
    generation: std::cell::Cell<u64>,
    subscribers: RefCell<Vec<(u64, Subscriber)>>,
    next_subscriber: std::cell::Cell<u64>,
}

impl Store {
    pub fn new(state: AppState) -> Rc<Self> {
        Rc::new(Self {
            current: RefCell::new(Rc::new(state)),
            generation: std::cell::Cell::new(0),
            subscribers: RefCell::new(Vec::new()),
            next_subscriber: std::cell::Cell::new(0),
        })
    }

    /// The current state (a cheap `Rc` clone; the value never changes under its holder).
    pub fn state(&self) -> Rc<AppState> {
        self.current.borrow().clone()
    }

    /// How many new states the store has had; the current state is this one.
    pub fn generation(&self) -> u64 {
        self.generation.get()
    }

    /// Reduces `action` from the current state, swaps the result in, then tells every
    /// subscriber. Nothing happens when the action changed nothing.
    pub fn dispatch(&self, action: AppAction) {
        let previous = self.state();
        let next = previous.clone().reduce(action);
        if Rc::ptr_eq(&previous, &next) {
            return;
        }
        *self.current.borrow_mut() = next.clone();
        self.generation.set(self.generation.get() + 1);
        // Subscribers may subscribe, unsubscribe or dispatch: tell a snapshot of the list.
        let subscribers: Vec<Subscriber> = self
            .subscribers
            .borrow()
            .iter()
            .map(|(_, subscriber)| subscriber.clone())
            .collect();
        for subscriber in subscribers {
            subscriber(&next);
        }
    }

    /// Calls `subscriber` with the new state after every change, until the returned
    /// [`Subscription`] is dropped.
    pub fn subscribe(
        self: &Rc<Self>,
        subscriber: impl Fn(&Rc<AppState>) + 'static,
    ) -> Subscription {
        let id = self.next_subscriber.get();
        self.next_subscriber.set(id + 1);
        self.subscribers
            .borrow_mut()
            .push((id, Rc::new(subscriber)));
        Subscription {
            store: Rc::downgrade(self),
            id,
        }
    }
}

/// Keeps a subscriber subscribed while alive.
pub struct Subscription {
    store: Weak<Store>,
    id: u64,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(store) = self.store.upgrade() {
            store
                .subscribers
                .borrow_mut()
                .retain(|(id, _)| *id != self.id);
        }
    }
}

/// The state of `store` for a component to render, redrawing the component whenever the store
/// has a new state (subscribed for as long as the component lives).
#[yew::hook]
pub fn use_store(store: &Rc<Store>) -> StateHandle {
    let redraw = yew::use_force_update();
    let _subscription = yew::use_state({
        let store = store.clone();
        move || store.subscribe(move |_| redraw.force_update())
    });
    StateHandle::new(store.clone())
}

/// What components get from the context: the state value they render, and the store to send
/// actions to. Equal when the state is the same value.
#[derive(Clone)]
pub struct StateHandle {
    state: Rc<AppState>,
    store: Rc<Store>,
}

impl StateHandle {
    pub fn new(store: Rc<Store>) -> Self {
        Self {
            state: store.state(),
            store,
        }
    }

    pub fn dispatch(&self, action: AppAction) {
        self.store.dispatch(action);
    }

    /// A callback that dispatches what it is given, for handing to child components.
    pub fn dispatcher(&self) -> yew::Callback<AppAction> {
        let store = self.store.clone();
        yew::Callback::from(move |action| store.dispatch(action))
    }
}

impl Deref for StateHandle {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl PartialEq for StateHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && Rc::ptr_eq(&self.store, &other.store)
    }
}
