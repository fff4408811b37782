//! Reading a typed date in exactly the forms the screens state: `2026-01-02`, `2026/01/02`,
//! `2026.01.02` (month and day of one or two digits, the same separator twice) and
//! `2026年1月2日`. Year first in every form, so no order of day and month is ever guessed,
//! and nothing else may stand around the date: no sign, no stray character.

use super::number::{as_typed, normalise};
use super::TypedError;
use chrono::NaiveDate;

/// The separators a form uses after the year and after the month, and what ends it.
const FORMS: &[(char, char, Option<char>)] = &[
    ('-', '-', None),
    ('/', '/', None),
    ('.', '.', None),
    ('年', '月', Some('日')),
];

/// Reads a date; the text is normalised like a number first (full-width digits and
/// separators, `。` as a point).
pub(crate) fn read_date(text: &str) -> Result<NaiveDate, TypedError> {
    read_normalised(text).map_err(|error| as_typed(error, text))
}

fn read_normalised(text: &str) -> Result<NaiveDate, TypedError> {
    let chars = normalise(text.trim());
    let mut cursor = Cursor { chars, index: 0 };
    if cursor.chars.is_empty() {
        return Err(TypedError::Empty);
    }
    cursor.expect_digit()?;
    let year = cursor.digits(4, 4)?;
    let Some(&(_, after_month, end)) = FORMS
        .iter()
        .find(|(separator, _, _)| cursor.peek() == Some(*separator))
    else {
        return Err(cursor.stray());
    };
    cursor.index += 1;
    cursor.expect_digit()?;
    let month = cursor.digits(1, 2)?;
    cursor.expect(after_month)?;
    cursor.expect_digit()?;
    let day = cursor.digits(1, 2)?;
    if let Some(end) = end {
        cursor.expect(end)?;
    }
    if cursor.peek().is_some() {
        return Err(cursor.stray());
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(TypedError::NoSuchDate {
        year: year as i32,
        month,
        day,
    })
}

/// Reads a date written day or month first with a four-digit year (`31/03/2024`,
/// `03-31-2024`, `31.03.2024`; day and month of one or two digits, the same separator twice),
/// as files exported outside China write them. `day_first` says which of the two comes first:
/// the file's format states it, never the value.
pub(crate) fn read_date_year_last(text: &str, day_first: bool) -> Result<NaiveDate, TypedError> {
    read_year_last(text, day_first).map_err(|error| as_typed(error, text))
}

fn read_year_last(text: &str, day_first: bool) -> Result<NaiveDate, TypedError> {
    let chars = normalise(text.trim());
    let mut cursor = Cursor { chars, index: 0 };
    if cursor.chars.is_empty() {
        return Err(TypedError::Empty);
    }
    cursor.expect_digit()?;
    let first = cursor.digits(1, 2)?;
    let Some(separator) = cursor.peek().filter(|c| matches!(c, '/' | '-' | '.')) else {
        return Err(cursor.stray());
    };
    cursor.index += 1;
    cursor.expect_digit()?;
    let second = cursor.digits(1, 2)?;
    cursor.expect(separator)?;
    cursor.expect_digit()?;
    let year = cursor.digits(4, 4)? as i32;
    if cursor.peek().is_some() {
        return Err(cursor.stray());
    }
    let (day, month) = if day_first {
        (first, second)
    } else {
        (second, first)
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or(TypedError::NoSuchDate { year, month, day })
}

/// A position in the normalised text.
struct Cursor {
    chars: Vec<char>,
    index: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.index).copied()
    }

    /// The character here does not belong; at the end, the date is simply incomplete.
    fn stray(&self) -> TypedError {
        match self.peek() {
            Some(character) => TypedError::Unexpected {
                character,
                position: self.index + 1,
            },
            None => TypedError::NotADate,
        }
    }

    fn expect_digit(&self) -> Result<(), TypedError> {
        match self.peek() {
            Some(character) if character.is_ascii_digit() => Ok(()),
            _ => Err(self.stray()),
        }
    }

    fn expect(&mut self, wanted: char) -> Result<(), TypedError> {
        if self.peek() == Some(wanted) {
            self.index += 1;
            Ok(())
        } else {
            Err(self.stray())
        }
    }

    /// A run of `min..=max` ASCII digits; a run of another length is not this form's field.
    fn digits(&mut self, min: usize, max: usize) -> Result<u32, TypedError> {
        let start = self.index;
        while self
            .peek()
            .is_some_and(|character| character.is_ascii_digit())
        {
            self.index += 1;
        }
        let run = &self.chars[start..self.index];
        if run.len() < min || run.len() > max {
            return Err(TypedError::NotADate);
        }
        Ok(run.iter().fold(0, |value, digit| {
            value * 10 + digit.to_digit(10).unwrap_or(0)
        }))
    }
}
