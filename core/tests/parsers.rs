//! Issue 8, 3b: what people type is read one way, strictly. One table per parser (amount,
//! statement figure, payment terms, date), each row a typed string and the exact value or
//! reason, in both number formats; then that what the display writes in a format reads back
//! in it, and a property that no text makes any parser panic.

use creditdesk_core::base::input::{
    self, NumberFormat, NumberFormat::Comma, NumberFormat::Point, TypedError,
};
use creditdesk_core::base::money::amount_max;
use creditdesk_core::{Amount, Currency};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A row: number format, typed text, and the value as its exact decimal text (so the scale
/// is pinned too) or the reason.
type Row = (NumberFormat, &'static str, Result<&'static str, TypedError>);

fn unexpected(character: char, position: usize) -> TypedError {
    TypedError::Unexpected {
        character,
        position,
    }
}

fn misplaced(separator: char, position: usize, format: NumberFormat) -> TypedError {
    TypedError::MisplacedSeparator {
        separator,
        position,
        format,
    }
}

fn other_format(format: NumberFormat) -> TypedError {
    TypedError::OtherNumberFormat { format }
}

fn decimals(allowed: u32) -> TypedError {
    TypedError::TooManyDecimals { allowed }
}

fn too_large(max: Decimal) -> TypedError {
    TypedError::TooLarge { max }
}

fn mismatch(written: &str, currency: Currency) -> TypedError {
    TypedError::CurrencyMismatch {
        written: written.to_string(),
        currency,
    }
}

fn no_currency_here(written: &str) -> TypedError {
    TypedError::CurrencyNotExpected {
        written: written.to_string(),
    }
}

fn currency(code: &str) -> Currency {
    Currency::parse(code).expect("an ISO 4217 code in the table")
}

/// Runs every row and reports all the rows that differ at once, not just the first.
fn check<T>(rows: &[Row], read: impl Fn(NumberFormat, &str) -> Result<T, TypedError>)
where
    T: ToString,
{
    let wrong: Vec<String> = rows
        .iter()
        .filter_map(|(format, text, expected)| {
            let got = read(*format, text).map(|value| value.to_string());
            let expected = expected.clone().map(str::to_string);
            (got != expected)
                .then(|| format!("{format:?} {text:?}: expected {expected:?}, got {got:?}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} rows differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

fn amount_rows() -> Vec<Row> {
    let cny = Currency::CNY;
    let max = amount_max();
    vec![
        // What people type, read as they mean it.
        (Point, "1234.5", Ok("1234.5")),
        (Point, "1,234.50", Ok("1234.5")),
        (Point, "1,234,567.89", Ok("1234567.89")),
        (Point, "100.00", Ok("100")),
        (Point, "007", Ok("7")),
        (Point, "0.01", Ok("0.01")),
        (Point, "1.2300", Err(decimals(2))),
        (Point, "1.500", Err(decimals(2))),
        (Point, "1.000", Err(decimals(2))),
        (Point, "+5", Ok("5")),
        (Point, "＋５", Ok("5")),
        (Point, "  12  ", Ok("12")),
        // Full-width forms and the ideographic full stop.
        (Point, "１２３．４５", Ok("123.45")),
        (Point, "１，２３４", Ok("1234")),
        (Point, "１，２３４．５６", Ok("1234.56")),
        (Point, "12。5", Ok("12.5")),
        (Point, "１２。３４", Ok("12.34")),
        // Spaces group digits too, but only by three, and one number groups one way.
        (Point, "1 234.56", Ok("1234.56")),
        (Point, "1 234 567", Ok("1234567")),
        (Point, "1\u{a0}234", Ok("1234")),
        (Point, "1\u{3000}234", Ok("1234")),
        (Point, "1\u{202f}234", Ok("1234")),
        (Point, "12 34", Err(misplaced(' ', 3, Point))),
        (Point, "1,234 567", Err(misplaced(' ', 6, Point))),
        (Point, "1\t234", Err(unexpected('\t', 2))),
        // Currency symbols and codes of the amount's own currency.
        (Point, " ¥ 12 ", Ok("12")),
        (Point, "¥12", Ok("12")),
        (Point, "￥12", Ok("12")),
        (Point, "¥1,234.5", Ok("1234.5")),
        (Point, "1,234.56 ¥", Ok("1234.56")),
        (Point, "CNY 12", Ok("12")),
        (Point, "cny12", Ok("12")),
        (Point, "12 CNY", Ok("12")),
        (Point, "12cny", Ok("12")),
        (Point, "ＣＮＹ １２", Ok("12")),
        (Point, "RMB 12", Ok("12")),
        (Point, "CN¥12", Ok("12")),
        // …and of another currency, or no currency at all.
        (Point, "$12", Err(mismatch("$", cny))),
        (Point, "usd 12", Err(mismatch("USD", cny))),
        (Point, "12 EUR", Err(mismatch("EUR", cny))),
        (Point, "€12", Err(mismatch("€", cny))),
        (Point, "JP¥12", Err(mismatch("JP¥", cny))),
        (
            Point,
            "ABC 12",
            Err(TypedError::UnknownCurrency {
                written: "ABC".into(),
            }),
        ),
        (
            Point,
            "XAU 12",
            Err(TypedError::UnknownCurrency {
                written: "XAU".into(),
            }),
        ),
        (Point, "¥12 CNY", Err(unexpected('C', 5))),
        (Point, "12元", Err(unexpected('元', 3))),
        (Point, "12 kr", Err(unexpected('k', 4))),
        // A decimal comma on a screen that writes 1,234.56 is named, never read as 1234.
        (Point, "12,34", Err(other_format(Point))),
        (Point, "0,12", Err(other_format(Point))),
        (Point, "1.234,56", Err(other_format(Point))),
        (Point, "1.234.567", Err(other_format(Point))),
        (Point, "1 234,56", Err(other_format(Point))),
        (Point, "１２，３４", Err(other_format(Point))),
        // Separators that group nothing by three, named where they stand.
        (Point, "1,2,3,4", Err(misplaced(',', 2, Point))),
        (Point, "1,2345", Err(misplaced(',', 2, Point))),
        (Point, "1,234,56", Err(misplaced(',', 6, Point))),
        (Point, "012,345", Err(misplaced(',', 4, Point))),
        (Point, "1,,234", Err(misplaced(',', 3, Point))),
        (Point, "1.2.3", Err(misplaced('.', 4, Point))),
        (Point, "1,234.5.6", Err(misplaced('.', 8, Point))),
        (Point, ",5", Err(misplaced(',', 1, Point))),
        (Point, ".5", Err(misplaced('.', 1, Point))),
        (Point, "12.", Err(misplaced('.', 3, Point))),
        (Point, "12,", Err(misplaced(',', 3, Point))),
        (Point, "1，2，3，4", Err(misplaced('，', 2, Point))),
        // Decimals beyond the currency's minor units.
        (Point, "1.234", Err(decimals(2))),
        (Point, "0.001", Err(decimals(2))),
        // Signs: only positive amounts, one sign, before the digits.
        (Point, "0", Err(TypedError::NotPositive)),
        (Point, "0.00", Err(TypedError::NotPositive)),
        (Point, "-5", Err(TypedError::NotPositive)),
        (Point, "−5", Err(TypedError::NotPositive)),
        (Point, "－5", Err(TypedError::NotPositive)),
        (Point, "-0", Err(TypedError::NotPositive)),
        (Point, "-¥12", Err(TypedError::NotPositive)),
        (Point, "¥-12", Err(TypedError::NotPositive)),
        (Point, "--5", Err(unexpected('-', 2))),
        (Point, "5-", Err(unexpected('-', 2))),
        // Nothing, or nothing numeric.
        (Point, "", Err(TypedError::Empty)),
        (Point, "   ", Err(TypedError::Empty)),
        (Point, "\u{3000}", Err(TypedError::Empty)),
        (Point, "abc", Err(TypedError::NotANumber)),
        (Point, "¥", Err(TypedError::NotANumber)),
        (Point, "-", Err(TypedError::NotANumber)),
        // Forms deliberately not read.
        (Point, "1e5", Err(unexpected('e', 2))),
        (Point, "12a", Err(unexpected('a', 3))),
        (Point, "1_000", Err(unexpected('_', 2))),
        (Point, "(1,234)", Err(unexpected('(', 1))),
        (Point, "1'234", Err(unexpected('\'', 2))),
        // Size: the maximum is accepted, anything beyond it is too large, however long.
        (Point, "10,000,000,000,000", Ok("10000000000000")),
        (Point, "10000000000000.01", Err(too_large(max))),
        (Point, "20,000,000,000,000", Err(too_large(max))),
        (Point, "99999999999999999", Err(too_large(max))),
        (
            Point,
            "99999999999999999999999999999999999999999",
            Err(too_large(max)),
        ),
        // The other number format: 1.234,56.
        (Comma, "1.234,56", Ok("1234.56")),
        (Comma, "1.234.567,89", Ok("1234567.89")),
        (Comma, "12,34", Ok("12.34")),
        (Comma, "12,5", Ok("12.5")),
        (Comma, "1.234", Ok("1234")),
        (Comma, "1 234,56", Ok("1234.56")),
        (Comma, "１．２３４，５６", Ok("1234.56")),
        (Comma, "¥ 1.234,56", Ok("1234.56")),
        (Comma, "1,234.56", Err(other_format(Comma))),
        (Comma, "12.34", Err(other_format(Comma))),
        (Comma, "12。34", Err(other_format(Comma))),
        (Comma, "1,234", Err(decimals(2))),
        (Comma, "1.2.3.4", Err(misplaced('.', 2, Comma))),
        (Comma, "1,2,3", Err(misplaced(',', 4, Comma))),
        (Comma, "-5", Err(TypedError::NotPositive)),
    ]
}

#[test]
fn amounts_in_cny() {
    let rows = amount_rows();
    assert!(rows.len() >= 60, "{} amount rows", rows.len());
    check(&rows, |format, text| {
        Amount::read_positive(text, Currency::CNY, format).map(|amount| amount.value())
    });
}

#[test]
fn amounts_in_other_currencies_follow_their_minor_units_and_symbols() {
    let usd = Currency::USD;
    let cases: Vec<(Currency, NumberFormat, &str, Result<&str, TypedError>)> = vec![
        // ¥ is the symbol of both the renminbi and the yen.
        (currency("JPY"), Point, "¥1,000", Ok("1000")),
        (currency("JPY"), Point, "JP¥1000", Ok("1000")),
        (currency("JPY"), Point, "10.0", Err(decimals(0))),
        (currency("JPY"), Point, "10.5", Err(decimals(0))),
        // On a yen amount 12,34 cannot be a decimal comma either: the comma is misplaced.
        (
            currency("JPY"),
            Point,
            "12,34",
            Err(misplaced(',', 3, Point)),
        ),
        (usd, Point, "¥ 12", Err(mismatch("¥", usd))),
        (usd, Point, "￥12", Err(mismatch("¥", usd))),
        (usd, Point, "$12", Ok("12")),
        (usd, Point, "＄１２", Ok("12")),
        (usd, Point, "US$12", Ok("12")),
        (usd, Point, "12 usd", Ok("12")),
        (usd, Point, "HK$12", Err(mismatch("HK$", usd))),
        (currency("HKD"), Point, "hk$12", Ok("12")),
        (
            currency("HKD"),
            Point,
            "$12",
            Err(mismatch("$", currency("HKD"))),
        ),
        (Currency::EUR, Comma, "1.234,56 €", Ok("1234.56")),
        (Currency::EUR, Comma, "EUR 1.234,56", Ok("1234.56")),
        (
            Currency::EUR,
            Point,
            "£12",
            Err(mismatch("£", Currency::EUR)),
        ),
        (currency("GBP"), Point, "￡12", Ok("12")),
        (currency("KRW"), Point, "₩1,000", Ok("1000")),
        (currency("KRW"), Point, "￦1000", Ok("1000")),
        (currency("BHD"), Point, "1.234", Ok("1.234")),
        (currency("BHD"), Point, "1.2345", Err(decimals(3))),
        (currency("PLN"), Comma, "PLN 1.234,50", Ok("1234.5")),
        (currency("PLN"), Comma, "12 zł", Err(unexpected('z', 4))),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(currency, format, text, expected)| {
            let got = Amount::read_positive(text, *currency, *format)
                .map(|amount| amount.value().to_string());
            let expected = expected.clone().map(str::to_string);
            (got != expected).then(|| format!("{currency} {text:?}: {expected:?} != {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn figure_rows() -> Vec<Row> {
    let max = amount_max();
    vec![
        // A figure may be empty ("not disclosed"), zero, or negative (a loss).
        (Point, "", Ok("none")),
        (Point, "   ", Ok("none")),
        (Point, "\u{3000}", Ok("none")),
        (Point, "0", Ok("0")),
        (Point, "-0", Ok("0")),
        (Point, "0.00", Ok("0.00")),
        (Point, "1234", Ok("1234")),
        (Point, "1,234.5", Ok("1234.5")),
        (Point, "1,234.50", Ok("1234.50")),
        (Point, "1.5000", Err(decimals(2))),
        (Point, "1,234,567.89", Ok("1234567.89")),
        (Point, "-1,234.5", Ok("-1234.5")),
        (Point, "−1,234.50", Ok("-1234.50")),
        (Point, "－12", Ok("-12")),
        (Point, "- 12", Ok("-12")),
        (Point, "+12", Ok("12")),
        (Point, "１２", Ok("12")),
        (Point, "１２３．４５", Ok("123.45")),
        (Point, "－１，２３４", Ok("-1234")),
        (Point, "１，２３４", Ok("1234")),
        (Point, "12。5", Ok("12.5")),
        (Point, "1 234 567", Ok("1234567")),
        (Point, "1\u{a0}234.5", Ok("1234.5")),
        (Point, "0.5", Ok("0.5")),
        (Point, "007", Ok("7")),
        // The same separator rules as amounts.
        (Point, "12,34", Err(other_format(Point))),
        (Point, "-12,34", Err(other_format(Point))),
        (Point, "1.234,56", Err(other_format(Point))),
        (Point, "1.234.567", Err(other_format(Point))),
        (Point, "1,2,3,4", Err(misplaced(',', 2, Point))),
        (Point, "1,2345", Err(misplaced(',', 2, Point))),
        (Point, "1,234,5", Err(misplaced(',', 6, Point))),
        (Point, "12 34", Err(misplaced(' ', 3, Point))),
        (Point, "1, 234", Err(misplaced(' ', 3, Point))),
        (Point, ".5", Err(misplaced('.', 1, Point))),
        (Point, "-.5", Err(misplaced('.', 2, Point))),
        (Point, "5.", Err(misplaced('.', 2, Point))),
        (Point, "1..5", Err(misplaced('.', 3, Point))),
        (Point, "1.234", Err(decimals(2))),
        (Point, "-0.001", Err(decimals(2))),
        // No currency on a statement line: the statement states it once.
        (Point, "¥12", Err(no_currency_here("¥"))),
        (Point, "12 CNY", Err(no_currency_here("CNY"))),
        (Point, "usd 12", Err(no_currency_here("USD"))),
        (Point, "12 ABC", Err(unexpected('A', 4))),
        // Signs: one, in front.
        (Point, "--12", Err(unexpected('-', 2))),
        (Point, "+-12", Err(unexpected('-', 2))),
        (Point, "12-", Err(unexpected('-', 3))),
        (Point, "1-2", Err(unexpected('-', 2))),
        (Point, "(1,234)", Err(unexpected('(', 1))),
        (Point, "（１２）", Err(unexpected('（', 1))),
        // Not numbers.
        (Point, "abc", Err(TypedError::NotANumber)),
        (Point, "-", Err(TypedError::NotANumber)),
        (Point, "12a", Err(unexpected('a', 3))),
        (Point, "1e5", Err(unexpected('e', 2))),
        (Point, "1_000", Err(unexpected('_', 2))),
        (Point, "12%", Err(unexpected('%', 3))),
        // Size, either way.
        (Point, "10000000000000", Ok("10000000000000")),
        (Point, "-10,000,000,000,000", Ok("-10000000000000")),
        (Point, "-10000000000000.01", Err(too_large(max))),
        (Point, "20,000,000,000,000", Err(too_large(max))),
        (
            Point,
            "-99999999999999999999999999999999999999",
            Err(too_large(max)),
        ),
        // The other number format.
        (Comma, "1.234,5", Ok("1234.5")),
        (Comma, "-1.234,50", Ok("-1234.50")),
        (Comma, "12,34", Ok("12.34")),
        (Comma, "1 234 567,89", Ok("1234567.89")),
        (Comma, "－１．２３４，５", Ok("-1234.5")),
        (Comma, "1.234", Ok("1234")),
        (Comma, "1,234.5", Err(other_format(Comma))),
        (Comma, "0.5", Err(other_format(Comma))),
        (Comma, "1,234", Err(decimals(2))),
        (Comma, "1.2.3", Err(misplaced('.', 2, Comma))),
    ]
}

#[test]
fn statement_figures() {
    let rows = figure_rows();
    assert!(rows.len() >= 60, "{} figure rows", rows.len());
    check(&rows, |format, text| {
        input::read_optional_figure(text, format)
            .map(|value| value.map_or("none".to_string(), |value| value.to_string()))
    });
}

fn terms_rows() -> Vec<Row> {
    let max = Decimal::from(365);
    vec![
        (Point, "", Ok("none")),
        (Point, "  ", Ok("none")),
        (Point, "0", Ok("0")),
        (Point, "-0", Ok("0")),
        (Point, "30", Ok("30")),
        (Point, " 45 ", Ok("45")),
        (Point, "60", Ok("60")),
        (Point, "90", Ok("90")),
        (Point, "365", Ok("365")),
        (Point, "030", Ok("30")),
        (Point, "+30", Ok("30")),
        (Point, "30.0", Err(TypedError::NotWhole)),
        (Point, "３０", Ok("30")),
        (Point, "＋３０", Ok("30")),
        (Point, "３０．０", Err(TypedError::NotWhole)),
        (Point, "３０。０", Err(TypedError::NotWhole)),
        (Point, "\u{3000}３０\u{3000}", Ok("30")),
        // Too many days, however they are written.
        (Point, "366", Err(too_large(max))),
        (Point, "1,000", Err(too_large(max))),
        (Point, "1 000", Err(too_large(max))),
        (Point, "99999999999999999999", Err(too_large(max))),
        (
            Point,
            "99999999999999999999999999999999999999999",
            Err(too_large(max)),
        ),
        // Whole days only.
        (Point, "30.5", Err(TypedError::NotWhole)),
        (Point, "30.25", Err(TypedError::NotWhole)),
        (Point, "0.5", Err(TypedError::NotWhole)),
        (Point, "３０。５", Err(TypedError::NotWhole)),
        (Point, "-30.5", Err(TypedError::NotWhole)),
        // Not below zero, whichever minus is typed.
        (Point, "-1", Err(TypedError::Negative)),
        (Point, "−1", Err(TypedError::Negative)),
        (Point, "－1", Err(TypedError::Negative)),
        (Point, "－３０", Err(TypedError::Negative)),
        (Point, "- 30", Err(TypedError::Negative)),
        // Separators as everywhere; a comma cannot be a decimal comma in whole days.
        (Point, "30,5", Err(misplaced(',', 3, Point))),
        (Point, "3,0", Err(misplaced(',', 2, Point))),
        (Point, "3 0", Err(misplaced(' ', 2, Point))),
        (Point, "30.", Err(misplaced('.', 3, Point))),
        (Point, ".5", Err(misplaced('.', 1, Point))),
        (Point, "1.000,5", Err(misplaced(',', 6, Point))),
        (Point, "1.000", Err(TypedError::NotWhole)),
        (Point, "３０，５", Err(misplaced('，', 3, Point))),
        // Words and currencies have no place in terms.
        (Point, "30天", Err(unexpected('天', 3))),
        (Point, "30 days", Err(unexpected('d', 4))),
        (Point, "30 day", Err(unexpected('d', 4))),
        (Point, "30d", Err(unexpected('d', 3))),
        (Point, "net 30", Err(unexpected('n', 1))),
        (Point, "N30", Err(unexpected('N', 1))),
        (Point, "¥30", Err(no_currency_here("¥"))),
        (Point, "30 CNY", Err(no_currency_here("CNY"))),
        (Point, "30/60", Err(unexpected('/', 3))),
        (Point, "30-60", Err(unexpected('-', 3))),
        (Point, "--30", Err(unexpected('-', 2))),
        (Point, "30-", Err(unexpected('-', 3))),
        (Point, "1e2", Err(unexpected('e', 2))),
        (Point, "abc", Err(TypedError::NotANumber)),
        (Point, "三十", Err(TypedError::NotANumber)),
        (Point, "-", Err(TypedError::NotANumber)),
        // The other number format.
        (Comma, "30", Ok("30")),
        (Comma, "30,0", Err(TypedError::NotWhole)),
        (Comma, "30,5", Err(TypedError::NotWhole)),
        (Comma, "1.000", Err(too_large(max))),
        (Comma, "30.5", Err(misplaced('.', 3, Comma))),
        (Comma, "-1", Err(TypedError::Negative)),
        (Comma, "３０，５", Err(TypedError::NotWhole)),
    ]
}

#[test]
fn payment_terms() {
    let rows = terms_rows();
    assert!(rows.len() >= 60, "{} terms rows", rows.len());
    check(&rows, |format, text| {
        input::read_terms(text, format)
            .map(|days| days.map_or("none".to_string(), |days| days.to_string()))
    });
}

/// Exchange rates in the limit policy: the editor's rate cells.
fn rate_rows() -> Vec<Row> {
    let max = Decimal::from(1_000_000);
    vec![
        (Point, "1", Ok("1")),
        (Point, "7.25", Ok("7.25")),
        (Point, " 0.0473 ", Ok("0.0473")),
        (Point, "0.0000000001", Ok("0.0000000001")),
        (Point, "1,000", Ok("1000")),
        (Point, "1,000.5", Ok("1000.5")),
        (Point, "１.５", Ok("1.5")),
        (Point, "1000000", Ok("1000000")),
        (Point, "", Err(TypedError::Empty)),
        // The sign is read, not judged: the policy's rule refuses it, naming the currency.
        (Point, "0", Ok("0")),
        (Point, "0.000", Ok("0.000")),
        (Point, "-7.25", Ok("-7.25")),
        (Point, "-1000001", Err(too_large(max))),
        (Point, "0.00000000001", Err(decimals(10))),
        (Point, "1000001", Err(too_large(max))),
        (Point, "7,25", Err(other_format(Point))),
        // Reads only as the other format's 1.0000: said so, never read as 10,000.
        (Point, "1,0000", Err(other_format(Point))),
        (Point, "7.2.5", Err(misplaced('.', 4, Point))),
        (Point, "¥7", Err(no_currency_here("¥"))),
        (Point, "7 CNY", Err(no_currency_here("CNY"))),
        (Point, "1e3", Err(unexpected('e', 2))),
        (Point, "abc", Err(TypedError::NotANumber)),
        (Comma, "7,25", Ok("7.25")),
        (Comma, "1.000,5", Ok("1000.5")),
        (Comma, "7.25", Err(other_format(Comma))),
    ]
}

#[test]
fn exchange_rates() {
    check(&rate_rows(), |format, text| input::read_rate(text, format));
}

/// Whole counts in the policies (months, days), here up to 120.
fn count_rows() -> Vec<Row> {
    let max = Decimal::from(120);
    vec![
        (Point, "0", Ok("0")),
        (Point, "12", Ok("12")),
        (Point, " 24 ", Ok("24")),
        (Point, "120", Ok("120")),
        (Point, "０１２", Ok("12")),
        (Point, "-0", Ok("0")),
        (Point, "", Err(TypedError::Empty)),
        (Point, "121", Err(too_large(max))),
        (Point, "99999999999999999999999", Err(too_large(max))),
        (Point, "12.5", Err(TypedError::NotWhole)),
        (Point, "12.0", Err(TypedError::NotWhole)),
        (Point, "-1", Err(TypedError::Negative)),
        (Point, "12 months", Err(unexpected('m', 4))),
        (Point, "十二", Err(TypedError::NotANumber)),
        (Comma, "12", Ok("12")),
        (Comma, "12,5", Err(TypedError::NotWhole)),
    ]
}

#[test]
fn policy_counts() {
    check(&count_rows(), |format, text| {
        input::read_count(text, format, 120)
    });
}

fn days_rows() -> Vec<Row> {
    let max = Decimal::from(365);
    vec![
        (Point, "0", Ok("0")),
        (Point, "30", Ok("30")),
        (Point, "-5", Ok("-5")),
        (Point, "\u{2212}5", Ok("-5")),
        (Point, "－７", Ok("-7")),
        (Point, " +7 ", Ok("7")),
        (Point, "365", Ok("365")),
        (Point, "-365", Ok("-365")),
        (Point, "366", Err(too_large(max))),
        (Point, "-366", Err(too_large(max))),
        (Point, "", Err(TypedError::Empty)),
        (Point, "7.5", Err(TypedError::NotWhole)),
        (Point, "7 days", Err(unexpected('d', 3))),
        (Point, "--5", Err(unexpected('-', 2))),
        (Point, "五", Err(TypedError::NotANumber)),
        (Comma, "-5", Ok("-5")),
        (Comma, "7,5", Err(TypedError::NotWhole)),
    ]
}

/// Offsets of reminder steps: signed whole days (a pre-due step is negative).
#[test]
fn signed_days() {
    check(&days_rows(), |format, text| {
        input::read_days(text, format, 365)
    });
}

fn no_such_date(year: i32, month: u32, day: u32) -> TypedError {
    TypedError::NoSuchDate { year, month, day }
}

fn date_rows() -> Vec<Row> {
    // Dates do not depend on the number format; the column is there to reuse the table.
    vec![
        (Point, "2026-01-02", Ok("2026-01-02")),
        (Point, "2026-1-2", Ok("2026-01-02")),
        (Point, "2026/01/02", Ok("2026-01-02")),
        (Point, "2026/1/2", Ok("2026-01-02")),
        (Point, "2026.01.02", Ok("2026-01-02")),
        (Point, "2026.1.2", Ok("2026-01-02")),
        (Point, "2026年1月2日", Ok("2026-01-02")),
        (Point, "2026年01月02日", Ok("2026-01-02")),
        (Point, "2026年11月23日", Ok("2026-11-23")),
        (Point, " 2026-01-02 ", Ok("2026-01-02")),
        (Point, "\u{3000}2026-01-02\u{3000}", Ok("2026-01-02")),
        (Point, "2024-02-29", Ok("2024-02-29")),
        (Point, "9999-12-31", Ok("9999-12-31")),
        // Full-width forms and the ideographic full stop, normalised as in numbers.
        (Point, "２０２６－０１－０２", Ok("2026-01-02")),
        (Point, "２０２６／０１／０２", Ok("2026-01-02")),
        (Point, "２０２６．０１．０２", Ok("2026-01-02")),
        (Point, "２０２６年１月２日", Ok("2026-01-02")),
        (Point, "2026。01。02", Ok("2026-01-02")),
        (Point, "2026−01−02", Ok("2026-01-02")),
        // No sign and no stray character around a date.
        (Point, "-2013-01-02", Err(unexpected('-', 1))),
        (Point, "+2013-01-02", Err(unexpected('+', 1))),
        (Point, "−2013-01-02", Err(unexpected('−', 1))),
        (Point, "日2013-01-02日日", Err(unexpected('日', 1))),
        (Point, "2013-01-02日日", Err(unexpected('日', 11))),
        (Point, "2013-01-02日", Err(unexpected('日', 11))),
        (Point, "2026年1月2日日", Err(unexpected('日', 10))),
        (Point, "2026年1月2号", Err(unexpected('号', 9))),
        (Point, "2026-01-02x", Err(unexpected('x', 11))),
        (Point, "2026-01-02T00:00", Err(unexpected('T', 11))),
        (Point, "2026-01-02 10:00", Err(unexpected(' ', 11))),
        (Point, "2026.01.02.", Err(unexpected('.', 11))),
        (Point, "。2026-01-02", Err(unexpected('。', 1))),
        (Point, "'2026-01-02", Err(unexpected('\'', 1))),
        (Point, "yesterday", Err(unexpected('y', 1))),
        (Point, "today", Err(unexpected('t', 1))),
        // One separator per form, without spaces.
        (Point, "2026-01/02", Err(unexpected('/', 8))),
        (Point, "2026/01-02", Err(unexpected('-', 8))),
        (Point, "2026年1-2", Err(unexpected('-', 7))),
        (Point, "2026-1月2日", Err(unexpected('月', 7))),
        (Point, "2026 01 02", Err(unexpected(' ', 5))),
        (Point, "2026 - 01 - 02", Err(unexpected(' ', 5))),
        (Point, "2026--01-02", Err(unexpected('-', 6))),
        (Point, "2026-W01-1", Err(unexpected('W', 6))),
        (Point, "2026_01_02", Err(unexpected('_', 5))),
        // Not one of the forms: year first, four digits; month and day one or two.
        (Point, "26-01-02", Err(TypedError::NotADate)),
        (Point, "12026-01-02", Err(TypedError::NotADate)),
        (Point, "20260102", Err(TypedError::NotADate)),
        (Point, "01/02/2026", Err(TypedError::NotADate)),
        (Point, "02.01.2026", Err(TypedError::NotADate)),
        (Point, "2026-001-02", Err(TypedError::NotADate)),
        (Point, "2026-01-002", Err(TypedError::NotADate)),
        (Point, "2026-01", Err(TypedError::NotADate)),
        (Point, "2026-01-", Err(TypedError::NotADate)),
        (Point, "2026", Err(TypedError::NotADate)),
        (Point, "2026年1月2", Err(TypedError::NotADate)),
        (Point, "2026年1月", Err(TypedError::NotADate)),
        // The right form, but no such day.
        (Point, "2026-02-30", Err(no_such_date(2026, 2, 30))),
        (Point, "2025-02-29", Err(no_such_date(2025, 2, 29))),
        (Point, "2026-13-01", Err(no_such_date(2026, 13, 1))),
        (Point, "2026-00-10", Err(no_such_date(2026, 0, 10))),
        (Point, "2026-04-31", Err(no_such_date(2026, 4, 31))),
        (Point, "2025-13-45", Err(no_such_date(2025, 13, 45))),
        (Point, "2026年13月1日", Err(no_such_date(2026, 13, 1))),
        (
            Point,
            "２０２６－０２－３０",
            Err(no_such_date(2026, 2, 30)),
        ),
        // Nothing typed.
        (Point, "", Err(TypedError::Empty)),
        (Point, "   ", Err(TypedError::Empty)),
        (Comma, "2026.01.02", Ok("2026-01-02")),
    ]
}

#[test]
fn dates() {
    let rows = date_rows();
    assert!(rows.len() >= 60, "{} date rows", rows.len());
    check(&rows, |_, text| input::read_date(text));
}

/// `Amount::parse_positive`, kept for callers outside the app's forms, is `read_positive` in
/// the `1,234.56` format.
#[test]
fn parse_positive_reads_the_point_format() {
    let cny = |text| Amount::parse_positive(text, Currency::CNY).map(|amount| amount.value());
    assert_eq!(cny("1,234.50"), Ok(Decimal::new(12345, 1)));
    assert_eq!(cny("12,34"), Err(other_format(Point)));
    assert_eq!(cny("abc"), Err(TypedError::NotANumber));
    assert_eq!(
        input::read_optional_date("2026年1月2日").map(|date| date.map(|d| d.to_string())),
        Ok(Some("2026-01-02".to_string()))
    );
}

/// What the display writes in a format is what the reader reads in it: a figure copied from
/// a screen into a form in the same format is the same value.
#[test]
fn displayed_numbers_read_back_in_their_format() {
    use creditdesk_core::base::display::{format_amount, format_decimal, format_plain};
    let values = [
        "0.01",
        "1234.56",
        "1234567.8",
        "-98765.43",
        "10000000000000",
    ];
    for format in [Point, Comma] {
        for text in values {
            let value: Decimal = text.parse().unwrap();
            let grouped = format_decimal(value, 2, format);
            assert_eq!(
                input::read_optional_figure(&grouped, format),
                Ok(Some(value))
            );
            let plain = format_plain(value, format);
            assert_eq!(input::read_optional_figure(&plain, format), Ok(Some(value)));
            if value > Decimal::ZERO {
                let amount = format_amount(value, Currency::CNY, format);
                let read = Amount::read_positive(&amount, Currency::CNY, format);
                assert_eq!(read.map(|amount| amount.value()), Ok(value.normalize()));
            }
        }
    }
    // The other format's display is refused, naming the screen's format, never misread.
    let comma = format_decimal(Decimal::new(123456, 2), 2, Comma);
    assert_eq!(comma, "1.234,56");
    assert_eq!(
        input::read_optional_figure(&comma, Point),
        Err(other_format(Point))
    );
}

/// Characters that matter to the readers, mixed with anything, so the property explores
/// the interesting corners and not only random code points.
fn typed_text() -> impl Strategy<Value = String> {
    let interesting = prop::sample::select(vec![
        '0', '1', '9', '０', '９', ',', '.', '，', '．', '。', ' ', '\u{3000}', '-', '−', '－',
        '+', '¥', '￥', '$', 'C', 'N', 'Y', 'u', 's', 'd', '年', '月', '日', '/', 'e',
    ]);
    prop::collection::vec(prop_oneof![4 => interesting, 1 => any::<char>()], 0..40)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_typed_text_makes_a_parser_panic(text in typed_text()) {
        for format in [Point, Comma] {
            let _ = Amount::read_positive(&text, Currency::CNY, format);
            let _ = Amount::read_positive(&text, currency("JPY"), format);
            let _ = input::read_optional_figure(&text, format);
            let _ = input::read_terms(&text, format);
        }
        let _ = input::read_date(&text);
    }

    /// Whatever a figure reads as, formatting it with `Money::format`'s grouping reads back
    /// as the same value.
    #[test]
    fn a_figure_read_back_from_its_grouped_form_is_the_same(text in typed_text()) {
        if let Ok(Some(value)) = input::read_optional_figure(&text, Point) {
            let grouped = creditdesk_core::base::display::format_decimal(value, value.scale(), Point);
            prop_assert_eq!(input::read_optional_figure(&grouped, Point), Ok(Some(value)));
        }
    }

    /// In either format, a figure written by the display (grouped or plain) reads back in
    /// that format as the same value.
    #[test]
    fn a_figure_displayed_in_a_format_reads_back_in_it(text in typed_text()) {
        use creditdesk_core::base::display::{format_decimal, format_plain};
        for format in [Point, Comma] {
            if let Ok(Some(value)) = input::read_optional_figure(&text, format) {
                let grouped = format_decimal(value, value.scale(), format);
                prop_assert_eq!(input::read_optional_figure(&grouped, format), Ok(Some(value)));
                let plain = format_plain(value, format);
                prop_assert_eq!(
                    input::read_optional_figure(&plain, format).map(|v| v.map(|v| v.normalize())),
                    Ok(Some(value.normalize()))
                );
            }
        }
    }
}
