//! The app's kit, shared by every bundle: the page frame, figures, messages, the one form
//! kit, the route's customer, the statement lines, the check's presentation, the URL's
//! query and the customer list's view as a URL. Pages import from here, never from each other.

pub mod alerts;
pub mod backup;
pub mod check;
pub mod figures;
pub mod form;
pub mod layout;
pub mod letterhead;
pub mod list_query;
pub mod messages;
pub mod query;
pub mod route;
pub mod statement;

pub use figures::{decimal, money, percent, user_name, AgingBar, Figure};
pub use messages::{storage_message, submit_message};

use crate::state::AppState;
use leptos::prelude::*;

/// The app's state, provided by the bundle's shell.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
