//! What the import tests share: the committed fixtures, today, importing a file as the page
//! does (preview, the guessed mapping, plan, apply) and the catalogue's portfolio.
#![allow(dead_code)]

use chrono::NaiveDate;
use creditdesk_core::import::*;
use creditdesk_core::Portfolio;

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Previews the file, plans it with the guessed mapping and applies the entries.
pub fn import(state: &mut Portfolio, name: &str) -> Result<Summary, Rejected> {
    let bytes = fixture(name);
    let preview = preview(&bytes, name, None, None).map_err(Rejected::File)?;
    let outcome = plan(&bytes, &preview.guess, state, today(), &mut |_, _| {})?;
    for entry in &outcome.entries {
        state.apply(entry).expect("planned entries fit the state");
    }
    Ok(outcome.summary)
}

/// The portfolio after the customer file and the GBK register.
pub fn base_portfolio() -> Portfolio {
    let mut state = Portfolio::default();
    import(&mut state, "customers.csv").unwrap();
    import(&mut state, "invoices-gbk.csv").unwrap();
    state
}
