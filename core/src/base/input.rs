//! Reading what people type into values, one way and strictly, before any rule is checked:
//! amounts (through `Amount::read_positive`), statement figures, payment terms, dates and
//! required text. A typed number that could mean two things is refused with the reason,
//! never read as the likelier one: `12,34` is a hundred times `12.34` or a mistake for it,
//! and a ledger must not guess. Errors are values naming what is wrong; nothing here panics.
//!
//! The rules, the same in every parser:
//! - The text is normalised first: full-width digits, letters, signs and separators (what
//!   Chinese input methods type), the ideographic full stop `。` as a point, the minus sign
//!   `−` and the full-width `－` as `-`, and no-break, thin and ideographic spaces as spaces.
//! - A number is written in the [`NumberFormat`] the screen states. The decimal separator
//!   comes at most once; grouping separators only between groups of three digits, the first
//!   group of one to three (`1,234,567.89`; not `1,2,3,4`, `1,2345` or `012,345`). A space
//!   may group in either format (`1 234 567,89`), but one number groups one way. A number
//!   that only reads in the other format is refused naming the format (`12,34` and
//!   `1.234,56` on a screen that writes `1,234.56`), so a decimal comma never silently
//!   becomes a hundred times the amount.
//! - One sign at most, before the digits (`-5`, `-¥5`, `¥-5`); one currency mark at most,
//!   before or after them: a symbol (`¥`, `$`, `€`, `HK$`, …) or an ISO code in any case
//!   (`usd`). It must be one of the amount's currency's (`¥` is CNY's and JPY's); a figure
//!   or a term takes none.
//! - Decimals are counted as typed, trailing zeros included (`1.500` on a CNY amount may be
//!   a thousands point of the other format); too many names how many are allowed. Beyond the
//!   largest value is "too large" naming the maximum, however many digits were typed.
//! - Dates are year first, in the forms `input::date` lists, with nothing around them.
//!
//! Deliberately not read, and refused as unexpected characters rather than guessed: `1_000`,
//! exponents (`1e5`), accountants' brackets for negatives (`(1,234)`), apostrophe grouping
//! (`1'234`), and words such as `元` or `days`.
//!
//! Every reader returns [`TypedError`], the precise reason, and takes the user's
//! [`NumberFormat`] where it reads a number: the app passes the number-format setting, so
//! every form reads one way. Writing numbers back for people is [`crate::base::display`]'s.

mod date;
pub(crate) mod number;

use crate::base::currency::Currency;
use chrono::NaiveDate;
use number::{read_number, NumberRules};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The first characters that make a spreadsheet read a cell as a formula (or, for tab, CR
/// and LF, that hide one in the next cell): OWASP's "CSV injection" list. An export puts `'`
/// before such text (`export::csv::neutralise`); an import takes that `'` off again.
pub const FORMULA_FIRST: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// Payment terms accepted: 0 (cash on delivery) to 365 days.
pub const TERMS_DAYS_MAX: u32 = 365;
/// Longest free text accepted in a name, number or reason.
pub const TEXT_LEN_MAX: usize = 200;
/// Longest notes or findings accepted in a credit-file record: a visit report is prose.
pub const NOTES_LEN_MAX: usize = 4000;

/// The largest amount accepted anywhere: ten trillion. Larger figures are typing mistakes,
/// and the bound keeps every sum far from Decimal's 96-bit limit.
pub fn amount_max() -> Decimal {
    Decimal::from(10_000_000_000_000i64)
}

/// How a screen writes numbers, passed by the caller because it is the user's setting, not
/// something a parser could tell from `1,234` alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberFormat {
    /// `1,234.56`: comma groups, point is the decimal separator (China, Japan, UK, US).
    #[default]
    Point,
    /// `1.234,56`: point groups, comma is the decimal separator (Germany, Brazil, …).
    Comma,
}

impl NumberFormat {
    pub fn decimal_separator(self) -> char {
        match self {
            NumberFormat::Point => '.',
            NumberFormat::Comma => ',',
        }
    }

    pub fn group_separator(self) -> char {
        match self {
            NumberFormat::Point => ',',
            NumberFormat::Comma => '.',
        }
    }

    /// A number in this format, for messages that show the user how to write one.
    pub fn example(self) -> &'static str {
        match self {
            NumberFormat::Point => "1,234.56",
            NumberFormat::Comma => "1.234,56",
        }
    }

    /// The format with the two separators swapped.
    pub fn other(self) -> NumberFormat {
        match self {
            NumberFormat::Point => NumberFormat::Comma,
            NumberFormat::Comma => NumberFormat::Point,
        }
    }
}

/// Why typed text could not be read as an amount, figure, term or date: one variant per
/// broken rule, each carrying what a message needs to name the problem. Positions count
/// characters from 1 in the text without its surrounding spaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TypedError {
    /// Nothing typed where something is required.
    Empty,
    /// Not one digit: the text is not a number at all (`abc`).
    NotANumber,
    /// A character that has no place here: a letter in a number, a second sign, a character
    /// around a date.
    Unexpected { character: char, position: usize },
    /// A separator where the screen's format cannot have it: not between groups of three
    /// digits, twice in a row, at either end, a second decimal separator.
    MisplacedSeparator {
        separator: char,
        position: usize,
        format: NumberFormat,
    },
    /// The text reads only in the other format (`12,34` on a screen that writes `1,234.56`);
    /// `format` is the screen's.
    OtherNumberFormat { format: NumberFormat },
    /// More decimals than the currency's minor units (or a figure's two).
    TooManyDecimals { allowed: u32 },
    /// An amount of zero or less: every typed amount in the ledger is positive.
    NotPositive,
    /// Below zero where zero is the least: payment terms, a count, a limit.
    Negative,
    /// Payment terms with a fraction of a day.
    NotWhole,
    /// Beyond the largest value the field takes.
    TooLarge { max: Decimal },
    /// A currency symbol or code that is not the amount's currency (`¥` on a USD amount).
    CurrencyMismatch { written: String, currency: Currency },
    /// Three letters beside an amount that are no ISO 4217 currency Creditdesk accepts.
    UnknownCurrency { written: String },
    /// A currency symbol or code where the field has no currency (a term, a figure).
    CurrencyNotExpected { written: String },
    /// Not in any of the date forms (`2026-1`, `20261102`, `26-01-02`).
    NotADate,
    /// The form is right but there is no such day (`2026-02-30`, month 13).
    NoSuchDate { year: i32, month: u32, day: u32 },
}

/// Decimals a statement figure may carry: the figures are in a currency's major unit and
/// statements are stated to the cent.
pub const FIGURE_DECIMALS_MAX: u32 = 2;

/// Reads a date in one of the forms `2026-01-02`, `2026/01/02`, `2026.01.02` (one- or
/// two-digit month and day) or `2026年1月2日`, and nothing else around it.
pub fn read_date(text: &str) -> Result<NaiveDate, TypedError> {
    date::read_date(text)
}

/// The order a file writes a date's parts in. Typed dates on the screens are always
/// [`DateFormat::Ymd`]; an imported file states its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateFormat {
    /// Year first: every form [`read_date`] reads (`2024-03-31`, `2024/3/31`, `2024年3月31日`).
    Ymd,
    /// Day first, four-digit year last: `31/03/2024`, `31-03-2024`, `31.03.2024`.
    Dmy,
    /// Month first, four-digit year last: `03/31/2024`.
    Mdy,
}

/// Reads a date in the stated format; a date in another format is refused, not guessed.
pub fn read_date_as(text: &str, format: DateFormat) -> Result<NaiveDate, TypedError> {
    match format {
        DateFormat::Ymd => date::read_date(text),
        DateFormat::Dmy => date::read_date_year_last(text, true),
        DateFormat::Mdy => date::read_date_year_last(text, false),
    }
}

/// An optional date: empty text is `None`.
pub fn read_optional_date(text: &str) -> Result<Option<NaiveDate>, TypedError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    read_date(text).map(Some)
}

/// Payment terms in whole days, 0–365, in the screen's number format. Empty text is `None`
/// (use the customer's terms).
pub fn read_terms(text: &str, format: NumberFormat) -> Result<Option<u32>, TypedError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    read_count(text, format, TERMS_DAYS_MAX).map(Some)
}

/// An optional figure such as a balance-sheet line, in the screen's number format: empty is
/// `None` ("not disclosed"), which is different from zero. Figures may be negative (a loss)
/// and carry no currency mark: the statement states its currency once.
pub fn read_optional_figure(
    text: &str,
    format: NumberFormat,
) -> Result<Option<Decimal>, TypedError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let rules = NumberRules {
        format,
        decimals_max: FIGURE_DECIMALS_MAX,
        currency: None,
    };
    let digits = read_number(text, &rules)?;
    digits.value_within(amount_max()).map(Some)
}

/// Decimals an exchange rate may carry: rates are quoted finer than money (JPY in CNY 0.0473).
pub const RATE_DECIMALS_MAX: u32 = 10;

/// The largest exchange rate accepted: one unit of a currency worth at most a million of the
/// base currency. Anything above is a typing mistake.
pub const RATE_MAX: u32 = 1_000_000;

/// An exchange rate to the base currency, in the screen's number format: required, at most
/// [`RATE_DECIMALS_MAX`] decimals, no currency mark. Its sign is read, not judged: a rate of
/// zero or less is the limit policy's rule, refused by `decide` with the currency named.
pub fn read_rate(text: &str, format: NumberFormat) -> Result<Decimal, TypedError> {
    if text.trim().is_empty() {
        return Err(TypedError::Empty);
    }
    let rules = NumberRules {
        format,
        decimals_max: RATE_DECIMALS_MAX,
        currency: None,
    };
    read_number(text, &rules)?.value_within(Decimal::from(RATE_MAX))
}

/// A whole count such as months or days in a policy, in the screen's number format:
/// required, 0 to `max`.
pub fn read_count(text: &str, format: NumberFormat, max: u32) -> Result<u32, TypedError> {
    let digits = read_whole(text, format)?;
    if digits.negative {
        return Err(TypedError::Negative);
    }
    let max = Decimal::from(max);
    let value = digits.value_within(max)?;
    // Whole and within 0..=max here, so the conversion holds; the error keeps it a value.
    rust_decimal::prelude::ToPrimitive::to_u32(&value).ok_or(TypedError::TooLarge { max })
}

/// A required whole number with its sign, as the counts and days read it: a fraction is
/// "not whole", not "too many decimals".
fn read_whole(text: &str, format: NumberFormat) -> Result<number::Digits, TypedError> {
    if text.trim().is_empty() {
        return Err(TypedError::Empty);
    }
    let rules = NumberRules {
        format,
        decimals_max: 0,
        currency: None,
    };
    read_number(text, &rules).map_err(|error| match error {
        TypedError::TooManyDecimals { .. } => TypedError::NotWhole,
        other => other,
    })
}

/// Days before (negative) or after (positive) a date, such as a reminder step's offset from
/// the due date, in the screen's number format: required, whole, at most `limit` either way.
pub fn read_days(text: &str, format: NumberFormat, limit: u32) -> Result<i32, TypedError> {
    let digits = read_whole(text, format)?;
    let max = Decimal::from(limit);
    let value = digits.value_within(max)?;
    // Whole and within ±limit here, so the conversion holds; the error keeps it a value.
    rust_decimal::prelude::ToPrimitive::to_i32(&value).ok_or(TypedError::TooLarge { max })
}

/// Text that must not be empty after trimming, trimmed.
pub fn required(text: &str) -> Result<String, TypedError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(TypedError::Empty);
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms() {
        let expected = NaiveDate::from_ymd_opt(2026, 11, 23);
        for text in ["2026-11-23", " 2026/11/23 ", "2026.11.23", "2026年11月23日"] {
            assert_eq!(read_date(text).ok(), expected, "{text}");
        }
        assert_eq!(read_optional_date("  "), Ok(None));
    }

    #[test]
    fn dates_day_or_month_first() {
        let expected = NaiveDate::from_ymd_opt(2024, 3, 31);
        assert_eq!(read_date_as("31/03/2024", DateFormat::Dmy).ok(), expected);
        assert_eq!(read_date_as("31.3.2024", DateFormat::Dmy).ok(), expected);
        assert_eq!(read_date_as("3-31-2024", DateFormat::Mdy).ok(), expected);
        assert_eq!(read_date_as("2024/3/31", DateFormat::Ymd).ok(), expected);
        assert_eq!(
            read_date_as("31/03/2024", DateFormat::Mdy),
            Err(TypedError::NoSuchDate {
                year: 2024,
                month: 31,
                day: 3
            })
        );
        assert!(read_date_as("31/03-2024", DateFormat::Dmy).is_err());
        assert!(read_date_as("31/03/24", DateFormat::Dmy).is_err());
        assert!(read_date_as("2024-03-31", DateFormat::Dmy).is_err());
    }

    #[test]
    fn required_text_is_trimmed() {
        assert_eq!(required("  "), Err(TypedError::Empty));
        assert_eq!(required(" Acme "), Ok("Acme".to_string()));
    }

    #[test]
    fn terms_and_figures_follow_the_format() {
        assert_eq!(read_terms("30", NumberFormat::Comma), Ok(Some(30)));
        assert_eq!(read_terms("", NumberFormat::Point), Ok(None));
        assert_eq!(
            read_terms("-1", NumberFormat::Point),
            Err(TypedError::Negative)
        );
        assert_eq!(
            read_terms("30,5", NumberFormat::Comma),
            Err(TypedError::NotWhole)
        );
        assert_eq!(
            read_optional_figure("-1.234,5", NumberFormat::Comma),
            Ok(Some(Decimal::new(-12345, 1)))
        );
        assert_eq!(
            read_optional_figure("-1.234,5", NumberFormat::Point),
            Err(TypedError::OtherNumberFormat {
                format: NumberFormat::Point
            })
        );
    }
}
