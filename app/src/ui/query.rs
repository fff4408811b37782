//! The page's query string (`?customer=C000123`) as a signal, for the bundles that have no
//! router (the field check and the widget): read it, follow back and forward, and change it
//! with a history entry so reload and back keep working.

use crate::browser;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Query(RwSignal<String>);

impl Query {
    /// Follows `location.search`, also when the user goes back or forward.
    pub fn follow() -> Query {
        let search = RwSignal::new(browser::location_search());
        let handle = window_event_listener_untyped("popstate", move |_| {
            search.set(browser::location_search())
        });
        on_cleanup(move || handle.remove());
        Query(search)
    }

    /// The value of one parameter (tracked).
    pub fn get(&self, name: &str) -> Option<String> {
        self.0.with(|search| browser::query_value(search, name))
    }

    pub fn get_untracked(&self, name: &str) -> Option<String> {
        self.0
            .with_untracked(|search| browser::query_value(search, name))
    }

    /// Goes to `?name=value` (the other parameters dropped) with a history entry.
    pub fn push(&self, name: &str, value: &str) {
        browser::push_query(name, value);
        self.0.set(browser::location_search());
    }
}
