//! Generates the tables the core includes from maintained crates, so the wasm ships a few
//! bytes per entry instead of the crates themselves: the pinyin readings of
//! `src/ledger/search.rs` and the ISO 4217 currencies of `src/base/currency.rs`.
//!
//! The pinyin tables cover U+3400..=U+9FFF: CJK Extension A (U+3400..=U+4DBF), the 64 Yijing
//! hexagram symbols between the blocks (no reading; keeping them makes the lookup one
//! subtraction) and the CJK Unified Ideographs (U+4E00..=U+9FFF). A reading is its plain
//! syllable without tone, typable on a phone keyboard (ü as `v`, ê as `e`).
//!
//! - `pinyin_syllables.rs`: every such syllable, sorted (about 400).
//! - `pinyin_primary.bin`: per code point, two bytes (little-endian): 1 + the index of its
//!   first reading in pinyin-data (usually the most common), or 0 when it has none.
//! - `pinyin_alternative.rs`: for a heteronym (多音字), `(code point − U+3400, 1 + syllable)`
//!   of one other reading, sorted: the first, in pinyin-data's order, that starts with a
//!   different letter (重 zhòng, chóng, tóng gives chong; 行 xíng, háng gives hang), else the
//!   first with a different syllable (的 de, di). Sparse, as most characters have one reading.

use pinyin::{Pinyin, ToPinyinMulti};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

/// Must match `TABLE_FIRST` in `src/ledger/search.rs`; there the tables' array type turns a size
/// mismatch into a compile error.
const TABLE_FIRST: u32 = 0x3400;
/// Must match `TABLE_LAST` in `src/ledger/search.rs`.
const TABLE_LAST: u32 = 0x9FFF;

fn main() -> io::Result<()> {
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(
        env::var_os("OUT_DIR")
            .ok_or_else(|| io::Error::other("cargo sets OUT_DIR for build scripts"))?,
    );
    write_pinyin_tables(&out_dir)?;
    write_currency_tables(&out_dir)
}

/// The three pinyin tables described in the module doc.
fn write_pinyin_tables(out_dir: &Path) -> io::Result<()> {
    let readings: Vec<(Option<String>, Option<String>)> =
        (TABLE_FIRST..=TABLE_LAST).map(readings_of).collect();
    let mut syllables: Vec<&str> = readings
        .iter()
        .flat_map(|(primary, alternative)| [primary, alternative])
        .filter_map(|syllable| syllable.as_deref())
        .collect();
    syllables.sort_unstable();
    syllables.dedup();
    let id = |syllable: &Option<String>| -> u16 {
        syllable.as_deref().map_or(0, |syllable| {
            let index = syllables.binary_search(&syllable).unwrap_or(0);
            u16::try_from(index + 1).unwrap_or(0)
        })
    };
    let mut primary = Vec::with_capacity(readings.len() * 2);
    let mut alternative = String::from("&[\n");
    for (offset, reading) in readings.iter().enumerate() {
        primary.extend_from_slice(&id(&reading.0).to_le_bytes());
        if reading.1.is_some() {
            writeln!(alternative, "    ({offset}, {}),", id(&reading.1))
                .map_err(io::Error::other)?;
        }
    }
    alternative.push(']');
    let listed: Vec<String> = syllables.iter().map(|s| format!("{s:?}")).collect();
    fs::write(
        out_dir.join("pinyin_syllables.rs"),
        format!("&[{}]", listed.join(", ")),
    )?;
    fs::write(out_dir.join("pinyin_primary.bin"), primary)?;
    fs::write(out_dir.join("pinyin_alternative.rs"), alternative)
}

/// The code point's first plain reading, and the other reading the module doc describes.
fn readings_of(code: u32) -> (Option<String>, Option<String>) {
    let Some(readings) = char::from_u32(code).and_then(|ch| ch.to_pinyin_multi()) else {
        return (None, None);
    };
    // The first reading is the one `ToPinyin::to_pinyin` gives: pinyin-data's first, the
    // most common reading of a heteronym.
    let mut all = readings.into_iter().filter_map(typable);
    let Some(primary) = all.next() else {
        return (None, None);
    };
    let others: Vec<String> = all.filter(|other| *other != primary).collect();
    let first_letter = |syllable: &str| syllable.bytes().next();
    let alternative = others
        .iter()
        .find(|other| first_letter(other) != first_letter(&primary))
        .or(others.first())
        .cloned();
    (Some(primary), alternative)
}

/// A reading as it is typed: plain, with ü as `v` and ê as `e`; `None` if anything else is
/// not an ASCII letter.
fn typable(pinyin: Pinyin) -> Option<String> {
    let typed: String = pinyin
        .plain()
        .chars()
        .map(|letter| match letter {
            'ü' => 'v',
            'ê' => 'e',
            other => other,
        })
        .collect();
    (!typed.is_empty() && typed.bytes().all(|byte| byte.is_ascii_lowercase())).then_some(typed)
}

/// Symbols people type for a currency that `iso_currency` does not list as that currency's
/// symbol: the forms `Money::format` prints (`JP¥`), the common prefixed dollars and `RMB`,
/// which is how much of the world writes the renminbi although it is no ISO code.
const SYMBOL_ALIASES: &[(&str, &str)] = &[
    ("JP¥", "JPY"),
    ("CN¥", "CNY"),
    ("RMB", "CNY"),
    ("US$", "USD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("NZ$", "NZD"),
    ("SG$", "SGD"),
    ("MX$", "MXN"),
];

/// Writes three Rust expressions that `src/base/currency.rs` includes:
///
/// - `iso_4217.rs`: `(code, minor units, current)` for every ISO 4217 currency that has minor
///   units and is neither a fund (BOV, CLF, …) nor special (XAU, XDR, XXX, …), sorted by code
///   for binary search. Superseded codes (HRK, …) stay in, marked not current, so a journal
///   that stored one keeps reading after ISO withdraws it.
/// - `known_currencies.rs`: the current ones as `(code, minor units)`, the list screens offer.
/// - `currency_symbols.rs`: each symbol we read beside an amount with the currencies it may
///   stand for (`¥` is CNY or JPY, `$` a dozen dollars and pesos).
///
/// `iso_currency` has no list of all its currencies without the `strum` feature, but every
/// currency has a distinct numeric code below 1000, so asking for each number finds them all.
fn write_currency_tables(out_dir: &Path) -> io::Result<()> {
    let mut currencies: Vec<iso_currency::Currency> = (0..1000)
        .filter_map(iso_currency::Currency::from_numeric)
        .filter(|currency| !currency.is_fund() && !currency.is_special())
        .filter(|currency| currency.exponent().is_some())
        .collect();
    currencies.sort_by_key(|currency| currency.code());
    let mut table = String::from("&[\n");
    let mut known = String::from("&[\n");
    for currency in &currencies {
        let (code, units) = (currency.code(), currency.exponent().unwrap_or(0));
        let current = currency.is_superseded().is_none();
        writeln!(table, "    (*b\"{code}\", {units}, {current}),").map_err(io::Error::other)?;
        if current {
            writeln!(known, "    (\"{code}\", {units}),").map_err(io::Error::other)?;
        }
    }
    table.push(']');
    known.push(']');
    fs::write(out_dir.join("iso_4217.rs"), table)?;
    fs::write(out_dir.join("known_currencies.rs"), known)?;
    fs::write(
        out_dir.join("currency_symbols.rs"),
        symbol_table(&currencies),
    )
}

/// The symbols table, keyed by the upper-case symbol so that `hk$` finds `HK$` and sorted so
/// that it can be searched by halves: `iso_currency`'s symbols that are signs (`$`, `¥`, `HK$`, `₩`, not the
/// letters `kr` or `Ft`, which read like stray text, nor the Arabic abbreviations with a point
/// in them, which a number reader would take for a decimal point), plus [`SYMBOL_ALIASES`].
fn symbol_table(currencies: &[iso_currency::Currency]) -> String {
    let mut by_symbol: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for currency in currencies {
        let symbol = currency.symbol().symbol;
        if is_sign(&symbol) {
            by_symbol
                .entry(symbol.to_uppercase())
                .or_default()
                .push(currency.code());
        }
    }
    for (symbol, code) in SYMBOL_ALIASES {
        by_symbol
            .entry(symbol.to_uppercase())
            .or_default()
            .push(*code);
    }
    let mut text = String::from("&[\n");
    for (symbol, codes) in by_symbol {
        let codes: Vec<String> = codes
            .iter()
            .map(|code| format!("Currency(*b\"{code}\")"))
            .collect();
        text.push_str(&format!("    ({symbol:?}, &[{}]),\n", codes.join(", ")));
    }
    text.push(']');
    text
}

/// True for a symbol made of at least one sign and no character a number could contain.
fn is_sign(symbol: &str) -> bool {
    let number_like = |character: char| {
        character.is_ascii_digit() || character.is_whitespace() || ".,-+'".contains(character)
    };
    symbol != "¤"
        && !symbol.chars().any(number_like)
        && symbol.chars().any(|character| !character.is_alphanumeric())
}
