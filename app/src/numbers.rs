//! The number format this page follows: the user's setting (Settings, per device, stored like
//! the language), else the language's default. Every typed number is read in it and every
//! shown number written in it, so pages never thread the format by hand: they call the
//! helpers here or `ui::figures`, which ask [`current`].
//!
//! The format is followed through a page-wide handle rather than a Leptos context: contexts
//! are not reachable from spawned tasks (Leptos's `spawn_local` carries no owner), and that
//! is where a refused submission is worded, amounts and all. [`follow`] is called once by the
//! shell; the widget calls it again with its own rule. Reading it inside a view or memo
//! tracks it, so a changed setting redraws what it wrote.

use creditdesk_core::base::display::{format_amount, format_decimal, format_percent, format_plain};
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::Currency;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::cell::Cell;

thread_local! {
    static FOLLOWED: Cell<Option<Signal<NumberFormat>>> = const { Cell::new(None) };
}

/// Makes `format` the one every helper here reads (the page's shell calls it once).
pub fn follow(format: Signal<NumberFormat>) {
    FOLLOWED.with(|followed| followed.set(Some(format)));
}

/// The format numbers are read and written in now; `1,234.56` before the shell set one.
pub fn current() -> NumberFormat {
    FOLLOWED
        .with(Cell::get)
        .and_then(|format| format.try_get())
        .unwrap_or_default()
}

/// How the setting is stored on the device.
pub fn code(format: NumberFormat) -> &'static str {
    match format {
        NumberFormat::Point => "point",
        NumberFormat::Comma => "comma",
    }
}

/// A stored setting; anything else is no setting (the language's default applies).
pub fn from_code(code: &str) -> Option<NumberFormat> {
    match code {
        "point" => Some(NumberFormat::Point),
        "comma" => Some(NumberFormat::Comma),
        _ => None,
    }
}

/// An amount with its currency's symbol and minor units, e.g. `¥1,234.50` / `¥1.234,50`.
pub fn money(amount: Decimal, currency: Currency) -> String {
    format_amount(amount, currency, current())
}

/// A figure grouped by thousands with `decimals` decimals, e.g. `1,234.5` / `1.234,5`.
pub fn decimal(value: Decimal, decimals: u32) -> String {
    format_decimal(value, decimals, current())
}

/// A size in bytes in decimal units to one decimal, as storage figures are shown:
/// `830.0 KB`, `12.4 MB`, `2.1 GB` (1 MB = 1,000,000 bytes, as browsers count quota).
pub fn bytes(count: u64) -> String {
    const UNITS: [(u64, &str); 4] = [
        (1_000_000_000_000, "TB"),
        (1_000_000_000, "GB"),
        (1_000_000, "MB"),
        (1_000, "KB"),
    ];
    let Some((size, unit)) = UNITS.iter().find(|(size, _)| count >= *size) else {
        return format!("{count} B");
    };
    let value = Decimal::from(count) / Decimal::from(*size);
    format!("{} {unit}", decimal(value.round_dp(1), 1))
}

/// A decimal at the precision it carries, grouped (an amount inside a message).
pub fn exact(value: Decimal) -> String {
    format_decimal(value, value.scale(), current())
}

/// A decimal as put back into an input field to edit: exact, ungrouped (`0.7` / `0,7`).
pub fn plain(value: Decimal) -> String {
    format_plain(value, current())
}

/// A percentage — a utilisation, a share, a weight, a warning level, a probability — to one
/// decimal like every percentage shown: `85.0%` / `85,0%` (`core::base::display`).
pub fn percent(value: Decimal) -> String {
    format_percent(value, current())
}
