//! Entry point of the browser app: mounts the Leptos app.

fn main() {
    creditdesk_app::start();
}
