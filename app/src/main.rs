//! Entry point of the desk bundle (`index.html`).

fn main() {
    creditdesk_app::start_desk();
}
