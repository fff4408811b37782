//! Parsing what a user types into typed values, before any rule is checked: dates, payment
//! terms and optional text. Errors are values naming what is wrong; nothing here panics.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Payment terms accepted: 0 (cash on delivery) to 365 days.
pub const TERMS_DAYS_MAX: u32 = 365;
/// Longest free text accepted in a name, number or reason.
pub const TEXT_LEN_MAX: usize = 200;
/// Longest notes or findings accepted in a credit-file record: a visit report is prose.
pub const NOTES_LEN_MAX: usize = 4000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputError {
    Required,
    NotADate,
    TermsInvalid,
    NotANumber,
    /// More decimals than allowed (figures on a financial statement: 2).
    TooManyDecimals,
    /// Beyond the largest figure accepted anywhere (ten trillion): a typing mistake.
    TooLarge,
}

/// Reads `2026-11-23`, `2026/11/23`, `2026.11.23` or `2026年11月23日`.
pub fn parse_date(text: &str) -> Result<NaiveDate, InputError> {
    let cleaned: String = text
        .trim()
        .chars()
        .map(|character| match character {
            '/' | '.' | '年' | '月' => '-',
            other => other,
        })
        .filter(|character| *character != '日')
        .collect();
    if cleaned.is_empty() {
        return Err(InputError::Required);
    }
    NaiveDate::parse_from_str(&cleaned, "%Y-%m-%d").map_err(|_| InputError::NotADate)
}

/// An optional date: empty text is `None`.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, InputError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text).map(Some)
}

/// Payment terms in whole days, 0–365. Empty text is `None` (use the customer's terms).
pub fn parse_terms(text: &str) -> Result<Option<u32>, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match trimmed.parse::<u32>() {
        Ok(days) if days <= TERMS_DAYS_MAX => Ok(Some(days)),
        _ => Err(InputError::TermsInvalid),
    }
}

/// An optional figure such as a balance-sheet line: empty is `None` ("not disclosed"), which
/// is different from zero. Accepts grouping commas, full-width digits and a minus sign.
pub fn parse_optional_figure(text: &str) -> Result<Option<rust_decimal::Decimal>, InputError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter_map(|character| match character {
            '０'..='９' => char::from_u32(character as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '－' | '−' => Some('-'),
            ',' | '，' | ' ' | '\u{a0}' | '_' => None,
            other => Some(other),
        })
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let value =
        rust_decimal::Decimal::from_str_exact(&cleaned).map_err(|_| InputError::NotANumber)?;
    if value.normalize().scale() > 2 {
        return Err(InputError::TooManyDecimals);
    }
    if value.abs() > crate::base::money::amount_max() {
        return Err(InputError::TooLarge);
    }
    Ok(Some(value))
}

/// Text that must not be empty after trimming.
pub fn required(text: &str) -> Result<String, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputError::Required);
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
            assert_eq!(parse_date(text).ok(), expected, "{text}");
        }
    }

    #[test]
    fn bad_dates_and_terms_are_named() {
        assert_eq!(parse_date(""), Err(InputError::Required));
        assert_eq!(parse_date("2026-02-30"), Err(InputError::NotADate));
        assert_eq!(parse_date("yesterday"), Err(InputError::NotADate));
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(parse_terms("30"), Ok(Some(30)));
        assert_eq!(parse_terms(""), Ok(None));
        assert_eq!(parse_terms("-1"), Err(InputError::TermsInvalid));
        assert_eq!(parse_terms("366"), Err(InputError::TermsInvalid));
        assert_eq!(parse_terms("30.5"), Err(InputError::TermsInvalid));
        assert_eq!(required("  "), Err(InputError::Required));
        assert_eq!(parse_optional_figure(""), Ok(None));
        assert_eq!(
            parse_optional_figure("-1,234.5"),
            Ok(Some(rust_decimal::Decimal::new(-12345, 1)))
        );
        assert_eq!(
            parse_optional_figure("１２"),
            Ok(Some(rust_decimal::Decimal::from(12)))
        );
        assert_eq!(parse_optional_figure("12a"), Err(InputError::NotANumber));
        assert_eq!(
            parse_optional_figure("1.234"),
            Err(InputError::TooManyDecimals)
        );
    }
}
