//! Writing numbers for people in the user's [`NumberFormat`], the counterpart of
//! [`crate::base::input`]: what is written here reads back through `input` in the same format
//! as the same value (`tests/parsers.rs` checks it), so a figure copied from a screen into a
//! form means what the screen meant.
//!
//! - [`format_decimal`]: a figure grouped by thousands with a fixed number of decimals,
//!   `1,234,567.80` or `1.234.567,80`; rounding, where the value carries more decimals than
//!   shown, is half away from zero (`0.005` → `0.01`), the one rounding of display.
//! - [`format_amount`]: the same with the currency's minor units and its symbol (or code)
//!   before the digits and after the sign, `-¥12.00` or `-¥12,00`.
//! - [`format_percent`]: a percentage, always to [`PERCENT_DECIMALS`] (one) decimal with `%`
//!   right after the digits, `993.0%` beside `214.1%`, never `993%`: the one way every ratio,
//!   share, weight, probability and warning level is shown (ARCHITECTURE.md, Conventions:
//!   percentages).
//! - [`format_plain`]: a decimal as it is put back into an input field to be edited: exact,
//!   no grouping, no trailing zeros (`1234.5` or `1234,5`).
//!
//! Signs and symbols are the same in both formats; only the two separators swap. A value that
//! rounds to zero is shown without a sign.

use crate::base::currency::Currency;
use crate::base::input::NumberFormat;
use rust_decimal::{Decimal, RoundingStrategy};

/// `value` rounded half away from zero to `decimals` and written with the format's grouping
/// and decimal separators: `format_decimal(1234567.8, 2, Comma)` is `1.234.567,80`.
pub fn format_decimal(value: Decimal, decimals: u32, format: NumberFormat) -> String {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    let text = format!("{:.*}", decimals as usize, rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let grouped = group(whole, format.group_separator());
    match fraction {
        "" => format!("{sign}{grouped}"),
        fraction => format!("{sign}{grouped}{}{fraction}", format.decimal_separator()),
    }
}

/// An amount in its currency, with exactly the currency's minor units: `¥1,234,567.80`,
/// `-$12.00`, `KRW 999` in [`NumberFormat::Point`]; `¥1.234.567,80` in
/// [`NumberFormat::Comma`]. A currency without a symbol is written with its code and a space.
pub fn format_amount(amount: Decimal, currency: Currency, format: NumberFormat) -> String {
    let written = format_decimal(amount, currency.minor_units(), format);
    let (sign, digits) = match written.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", written.as_str()),
    };
    match currency.symbol() {
        "" => format!("{sign}{} {digits}", currency.code()),
        symbol => format!("{sign}{symbol}{digits}"),
    }
}

/// Decimals of every percentage shown: utilisation is worked out to one decimal, and a
/// figure shown beside it with fewer (`85%`) or more (`4.07%`) would read as another rule.
pub const PERCENT_DECIMALS: u32 = 1;

/// A percentage (`value` is already in percent: 85.5 for 85.5 %) rounded half away from
/// zero to one decimal, grouped, `%` right after the digits in both languages:
/// `1,214.1%`, `85.0%`, `0.5%`; `1.214,1%` in [`NumberFormat::Comma`].
pub fn format_percent(value: Decimal, format: NumberFormat) -> String {
    format!("{}%", format_decimal(value, PERCENT_DECIMALS, format))
}

/// A decimal as typed into a form to be edited: every digit it has and none it does not
/// (trailing zeros dropped), no grouping, the format's decimal separator: `1234,5` in
/// [`NumberFormat::Comma`].
pub fn format_plain(value: Decimal, format: NumberFormat) -> String {
    let text = value.normalize().to_string();
    match format.decimal_separator() {
        '.' => text,
        separator => text.replace('.', &separator.to_string()),
    }
}

/// The digits of a whole number with `separator` between groups of three from the right.
fn group(whole: &str, separator: char) -> String {
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::input::NumberFormat::{Comma, Point};
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn groups_by_thousands_in_both_formats() {
        let rows = [
            ("0", 2, "0.00", "0,00"),
            ("1", 0, "1", "1"),
            ("999", 2, "999.00", "999,00"),
            ("1000", 2, "1,000.00", "1.000,00"),
            ("12345", 0, "12,345", "12.345"),
            ("123456.7", 1, "123,456.7", "123.456,7"),
            ("1234567.8", 2, "1,234,567.80", "1.234.567,80"),
            (
                "10000000000000",
                2,
                "10,000,000,000,000.00",
                "10.000.000.000.000,00",
            ),
            ("0.4721", 4, "0.4721", "0,4721"),
        ];
        for (value, decimals, point, comma) in rows {
            assert_eq!(format_decimal(d(value), decimals, Point), point, "{value}");
            assert_eq!(format_decimal(d(value), decimals, Comma), comma, "{value}");
        }
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let rows = [
            ("0.005", 2, "0.01", "0,01"),
            ("0.004", 2, "0.00", "0,00"),
            ("-0.005", 2, "-0.01", "-0,01"),
            ("2.5", 0, "3", "3"),
            ("-2.5", 0, "-3", "-3"),
            ("1.25", 1, "1.3", "1,3"),
            ("999.995", 2, "1,000.00", "1.000,00"),
            ("-999999.5", 0, "-1,000,000", "-1.000.000"),
        ];
        for (value, decimals, point, comma) in rows {
            assert_eq!(format_decimal(d(value), decimals, Point), point, "{value}");
            assert_eq!(format_decimal(d(value), decimals, Comma), comma, "{value}");
        }
    }

    #[test]
    fn negatives_keep_their_sign_unless_they_round_to_zero() {
        assert_eq!(format_decimal(d("-1234.5"), 2, Point), "-1,234.50");
        assert_eq!(format_decimal(d("-1234.5"), 2, Comma), "-1.234,50");
        assert_eq!(format_decimal(d("-0.001"), 2, Point), "0.00");
        assert_eq!(format_decimal(d("-0"), 0, Comma), "0");
    }

    #[test]
    fn zero_decimals_have_no_separator() {
        assert_eq!(format_decimal(d("1234.4"), 0, Point), "1,234");
        assert_eq!(format_decimal(d("1234.4"), 0, Comma), "1.234");
        assert_eq!(format_decimal(d("0.5"), 0, Comma), "1");
    }

    #[test]
    fn amounts_carry_their_currency_and_minor_units() {
        let yen = Currency::parse("JPY").unwrap();
        let krw = Currency::parse("KRW").unwrap();
        let bhd = Currency::parse("BHD").unwrap();
        let rows = [
            ("1234567.8", Currency::CNY, "¥1,234,567.80", "¥1.234.567,80"),
            ("-12", Currency::CNY, "-¥12.00", "-¥12,00"),
            ("1000", yen, "JP¥1,000", "JP¥1.000"),
            ("999", krw, "KRW 999", "KRW 999"),
            ("-1234.5", krw, "-KRW 1,235", "-KRW 1.235"),
            ("1.2345", bhd, "BHD 1.235", "BHD 1,235"),
            ("0.5", Currency::USD, "$0.50", "$0,50"),
        ];
        for (value, currency, point, comma) in rows {
            assert_eq!(format_amount(d(value), currency, Point), point, "{value}");
            assert_eq!(format_amount(d(value), currency, Comma), comma, "{value}");
        }
    }

    /// Issue 9: "993 % vs 214.1 %" — a percentage has one decimal whatever the value carries.
    #[test]
    fn percentages_always_have_one_decimal() {
        let rows = [
            ("993", "993.0%", "993,0%"),
            ("214.1", "214.1%", "214,1%"),
            ("85", "85.0%", "85,0%"),
            ("85.00", "85.0%", "85,0%"),
            ("4.07", "4.1%", "4,1%"),
            ("0.5", "0.5%", "0,5%"),
            ("0.25", "0.3%", "0,3%"),
            ("0.04", "0.0%", "0,0%"),
            ("-0.04", "0.0%", "0,0%"),
            ("-12.35", "-12.4%", "-12,4%"),
            ("1214.15", "1,214.2%", "1.214,2%"),
            ("0", "0.0%", "0,0%"),
        ];
        for (value, point, comma) in rows {
            assert_eq!(format_percent(d(value), Point), point, "{value}");
            assert_eq!(format_percent(d(value), Comma), comma, "{value}");
        }
    }

    #[test]
    fn plain_decimals_are_exact_and_ungrouped() {
        assert_eq!(format_plain(d("1234.50"), Point), "1234.5");
        assert_eq!(format_plain(d("1234.50"), Comma), "1234,5");
        assert_eq!(format_plain(d("100.00"), Comma), "100");
        assert_eq!(format_plain(d("-0.0473"), Comma), "-0,0473");
        assert_eq!(format_plain(d("0"), Point), "0");
    }
}
