//! Entry point of the widget bundle.

fn main() {
    creditdesk_app::start_widget();
}
