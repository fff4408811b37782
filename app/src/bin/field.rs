//! Entry point of the field bundle.

fn main() {
    creditdesk_app::start_field();
}
