//! Entry point of the import and export worker (a Web Worker, not a page): parsing,
//! validation and writing of imports run here, so the desk's page stays responsive and the
//! spreadsheet code stays out of the desk's bundle.

fn main() {
    creditdesk_app::start_worker();
}
