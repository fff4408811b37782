//! Creditdesk's browser shell: a Leptos client-side app that renders the core's derived
//! figures, turns user input into core commands, and stores the journal in IndexedDB.
//! Business rules live in `creditdesk-core`; this crate only shows and sends.
//!
//! One library, three bundles and a worker (ARCHITECTURE.md, "Bundles"): each binary in `src/bin` and
//! `main.rs` calls one `start_*`, so the linker keeps only that bundle's screens.

pub mod browser;
mod check_view;
pub mod db;
mod desk;
mod field;
pub mod i18n;
mod numbers;
mod pages;
mod shell;
pub mod state;
mod ui;
mod widget;
pub mod worker;

/// The message shown for a storage error (public for the storage tests).
pub use ui::messages::storage_message;

/// The desk (`index.html`): every screen of the credit manager, behind a router.
pub fn start_desk() {
    shell::mount_writing(desk::Desk);
}

/// The field-sales credit check (`check.html`), for a phone.
pub fn start_field() {
    shell::mount_view(field::Field, true);
}

/// The embeddable credit-check widget (`widget.html`), for an iframe on another page. It only
/// reads the journal.
pub fn start_widget() {
    shell::mount_view(widget::Widget, false);
}

/// The import worker (`worker.html`'s binary, not a page): answers the desk's requests.
pub fn start_worker() {
    console_error_panic_hook::set_once();
    worker::run::start();
}
