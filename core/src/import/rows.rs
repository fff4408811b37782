//! One row to typed values: each mapped cell read by its field's rule, every problem of the
//! row collected with its column (not only the first). Amounts are read later, in `plan`,
//! once the row's customer (and so its currency) is known.

use crate::base::input::{read_date_as, read_terms, TypedError, FORMULA_FIRST, TEXT_LEN_MAX};
use crate::base::money::{Amount, Currency};
use crate::decide::Rejection;
use crate::import::mapping::{DateFormat, Field, Mapping};
use crate::import::problem::{Problem, RowError};
use crate::import::table::{Cell, Row};
use chrono::{Datelike, NaiveDate};

/// Where each field's column is, read once per file.
pub(crate) struct Columns<'a> {
    pub mapping: &'a Mapping,
    pub headers: &'a [String],
    index: [Option<usize>; Field::ALL.len()],
}

fn slot(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

impl<'a> Columns<'a> {
    pub(crate) fn new(mapping: &'a Mapping, headers: &'a [String]) -> Columns<'a> {
        let mut index = [None; Field::ALL.len()];
        for (column, field) in mapping.columns.iter().enumerate() {
            if let Some(field) = field {
                index[slot(*field)].get_or_insert(column);
            }
        }
        Columns {
            mapping,
            headers,
            index,
        }
    }

    pub(crate) fn has(&self, field: Field) -> bool {
        self.index[slot(field)].is_some()
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.index[slot(field)]
    }

    /// The header text of a field's column.
    pub(crate) fn header(&self, field: Field) -> Option<String> {
        let column = self.column(field)?;
        Some(self.headers.get(column).cloned().unwrap_or_default())
    }
}

/// Reads one row, collecting its problems.
pub(crate) struct RowReader<'r> {
    pub columns: &'r Columns<'r>,
    pub row: &'r Row,
    pub errors: Vec<RowError>,
}

impl<'r> RowReader<'r> {
    pub(crate) fn new(columns: &'r Columns<'r>, row: &'r Row) -> RowReader<'r> {
        RowReader {
            columns,
            row,
            errors: Vec::new(),
        }
    }

    pub(crate) fn fail(&mut self, field: Option<Field>, problem: Problem) {
        self.errors.push(RowError {
            row: self.row.line,
            column: field.and_then(|field| self.columns.header(field)),
            problem,
        });
    }

    fn cell(&self, field: Field) -> Option<&'r Cell> {
        let cell = self.row.cells.get(self.columns.column(field)?)?;
        match cell {
            Cell::Empty => None,
            Cell::Text(text) if is_placeholder(text) => None,
            cell => Some(cell),
        }
    }

    /// A text field: trimmed, `None` when empty or not mapped.
    pub(crate) fn text(&mut self, field: Field) -> Option<String> {
        let text = match self.cell(field)? {
            Cell::Error(error) => {
                self.fail(Some(field), Problem::CellError(error.clone()));
                return None;
            }
            cell => without_neutralising(cell.text().trim()).to_string(),
        };
        let length = text.chars().count();
        if length > TEXT_LEN_MAX {
            self.fail(
                Some(field),
                Problem::TooLong {
                    length,
                    max: TEXT_LEN_MAX,
                },
            );
            return None;
        }
        if looks_like_formula(&text) {
            self.fail(Some(field), Problem::FormulaText { text });
            return None;
        }
        Some(text)
    }

    /// A text field that must be there.
    pub(crate) fn required_text(&mut self, field: Field) -> Option<String> {
        let present = self.cell(field).is_some();
        let text = self.text(field);
        if !present {
            self.fail(Some(field), Problem::Missing(field));
        }
        text
    }

    /// Whether the field's cell holds anything.
    pub(crate) fn present(&self, field: Field) -> bool {
        self.cell(field).is_some()
    }

    /// A date field, `None` when empty or not mapped; outside the years the ledger takes
    /// (1990–2100) it is refused here, with its column.
    pub(crate) fn date(&mut self, field: Field) -> Option<NaiveDate> {
        let date = self.read_date(field)?;
        if !(1990..=2100).contains(&date.year()) {
            self.fail(Some(field), Problem::Rejected(Rejection::DateOutOfRange));
            return None;
        }
        Some(date)
    }

    fn read_date(&mut self, field: Field) -> Option<NaiveDate> {
        let format = self.columns.mapping.dates;
        let problem = match self.cell(field)? {
            Cell::Date(date) => return Some(*date),
            Cell::Number(serial) => match serial_date(serial) {
                Some(date) => return Some(date),
                None => bad_date(serial, format, TypedError::NotADate),
            },
            Cell::Error(error) => Problem::CellError(error.clone()),
            Cell::Text(text) => match read_date_as(without_midnight(text.trim()), format) {
                Ok(date) => return Some(date),
                Err(reason) => bad_date(text.trim(), format, reason),
            },
            Cell::Empty => return None,
        };
        self.fail(Some(field), problem);
        None
    }

    pub(crate) fn required_date(&mut self, field: Field) -> Option<NaiveDate> {
        if self.cell(field).is_none() {
            self.fail(Some(field), Problem::Missing(field));
            return None;
        }
        self.date(field)
    }

    /// The currency column: an ISO code, or the names and marks Chinese exports use.
    pub(crate) fn currency(&mut self) -> Option<Currency> {
        let text = self.text(Field::Currency)?;
        let currency = currency_named(&text);
        if currency.is_none() {
            self.fail(Some(Field::Currency), Problem::UnknownCurrency(text));
        }
        currency
    }

    /// Payment terms in whole days.
    pub(crate) fn terms(&mut self) -> Option<u32> {
        let text = self.cell(Field::TermsDays)?.text();
        let format = self.columns.mapping.numbers;
        match read_terms(&text, format) {
            Ok(terms) => terms,
            Err(reason) => {
                let text = text.trim().to_string();
                self.fail(Some(Field::TermsDays), Problem::BadTerms { text, reason });
                None
            }
        }
    }

    /// The amount in `currency`; a number cell of an .xlsx is read as the number it is.
    pub(crate) fn amount(&mut self, currency: Currency) -> Option<Amount> {
        let Some(cell) = self.cell(Field::Amount) else {
            self.fail(Some(Field::Amount), Problem::Missing(Field::Amount));
            return None;
        };
        let (text, format) = match cell {
            Cell::Number(text) => (text.clone(), crate::base::input::NumberFormat::Point),
            Cell::Error(error) => {
                self.fail(Some(Field::Amount), Problem::CellError(error.clone()));
                return None;
            }
            cell => (cell.text().trim().to_string(), self.columns.mapping.numbers),
        };
        match Amount::read_positive(&text, currency, format) {
            Ok(amount) => Some(amount),
            Err(TypedError::TooManyDecimals { allowed }) => {
                let problem = Problem::TooManyDecimals {
                    text,
                    currency,
                    allowed,
                };
                self.fail(Some(Field::Amount), problem);
                None
            }
            Err(reason) => {
                self.fail(Some(Field::Amount), Problem::BadAmount { text, reason });
                None
            }
        }
    }
}

fn bad_date(text: &str, format: DateFormat, reason: TypedError) -> Problem {
    match reason {
        TypedError::NoSuchDate { .. } => Problem::NoSuchDate {
            text: text.to_string(),
        },
        _ => Problem::BadDate {
            text: text.to_string(),
            format,
        },
    }
}

/// `-`, `--` or `—` stand for "nothing" in many exports.
fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text.chars().all(|c| matches!(c, '-' | '—' | '–'))
}

/// Text that begins like a spreadsheet formula is refused rather than imported: an ERP
/// export or a spreadsheet that holds `=A2&B2` as text almost always holds a formula that
/// lost its value, so the text is not what the user saw. A telephone number (`+86 21 …`,
/// `+` then only digits, spaces, `+ - ( )`) is text, not a formula. Exporting neutralises what is
/// stored either way (issue 11 §2).
pub(crate) fn looks_like_formula(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@') {
        return false;
    }
    let phone = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'));
    !(phone && first == '+' && text.chars().any(|c| c.is_ascii_digit()))
}

/// The text without the apostrophe an export puts before a cell that starts like a formula
/// (`'+86 21 …`, OWASP's neutralisation, as `export::csv` writes it), so what Creditdesk or
/// another careful tool exported reads back as it was stored; `looks_like_formula` then judges
/// the text itself. An apostrophe before anything else is part of the text.
pub(crate) fn without_neutralising(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_FIRST) => rest,
        _ => text,
    }
}

/// A date written with a time of midnight (`2024-03-31 00:00:00`, `…T00:00`), as ERP
/// exports write date columns; any other time is left for the reader to refuse.
fn without_midnight(text: &str) -> &str {
    match text.find([' ', 'T']) {
        Some(at) if is_midnight(text[at + 1..].trim()) => text[..at].trim_end(),
        _ => text,
    }
}

fn is_midnight(time: &str) -> bool {
    !time.is_empty() && time.contains(':') && time.chars().all(|c| matches!(c, '0' | ':' | '.'))
}

/// An Excel serial day number (a date cell the sheet did not format as a date).
fn serial_date(text: &str) -> Option<NaiveDate> {
    let serial: f64 = text.parse().ok()?;
    if !(1.0..=2_958_465.0).contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(chrono::Days::new(serial as u64))
}

/// A currency as exports write it: a code in any case, or a common Chinese name or mark.
pub(crate) fn currency_named(text: &str) -> Option<Currency> {
    let code = match text.trim() {
        "人民币" | "RMB" | "rmb" | "¥" | "￥" | "元" => "CNY",
        "美元" | "美金" | "US$" | "$" => "USD",
        "欧元" | "€" => "EUR",
        "港币" | "港元" | "HK$" => "HKD",
        "日元" => "JPY",
        "英镑" | "£" => "GBP",
        "新加坡元" | "S$" => "SGD",
        other => other,
    };
    Currency::parse(code).filter(Currency::is_current)
}

/// A country as exports write it: an ISO code, or a common name; other text is kept for the
/// rules to refuse.
pub(crate) fn country_code(text: &str) -> String {
    let code = match text.trim().to_lowercase().as_str() {
        "中国" | "中国大陆" | "china" | "prc" => "CN",
        "美国" | "usa" | "united states" => "US",
        "英国" | "uk" | "united kingdom" => "GB",
        "新加坡" | "singapore" => "SG",
        "德国" | "germany" => "DE",
        "荷兰" | "netherlands" => "NL",
        "法国" | "france" => "FR",
        "香港" | "中国香港" | "hong kong" => "HK",
        _ => return text.trim().to_uppercase(),
    };
    code.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_phones_and_midnight() {
        assert!(looks_like_formula("=HYPERLINK(\"x\")"));
        assert!(looks_like_formula("@SUM(A1)"));
        assert!(looks_like_formula("-2+3"));
        assert!(!looks_like_formula("+86 21 5555 0100"));
        assert!(!looks_like_formula("Acme"));
        assert_eq!(
            without_neutralising("'+86 21 5555 0100"),
            "+86 21 5555 0100"
        );
        assert_eq!(without_neutralising("'=1+1"), "=1+1");
        assert_eq!(without_neutralising("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(without_neutralising("'"), "'");
        assert_eq!(without_midnight("2024-03-31 00:00:00"), "2024-03-31");
        assert_eq!(without_midnight("2024-03-31T00:00"), "2024-03-31");
        assert_eq!(without_midnight("2024-03-31 10:00"), "2024-03-31 10:00");
        assert_eq!(serial_date("45382"), NaiveDate::from_ymd_opt(2024, 3, 31));
        assert_eq!(currency_named("人民币"), Some(Currency::CNY));
        assert_eq!(currency_named("usd"), Some(Currency::USD));
        assert_eq!(currency_named("XYZ"), None);
    }
}
