//! The one number reader behind amounts, statement figures and payment terms: it normalises
//! the text, splits off a sign and a currency mark, checks where every separator stands and
//! returns the digits. What a field then demands (positive, whole, at most so much) is the
//! caller's; how a number is written is decided here once, so every field reads it alike.

use super::{NumberFormat, TypedError};
use crate::base::currency::Currency;
use rust_decimal::Decimal;

/// What a field allows around and inside its number.
pub(crate) struct NumberRules {
    pub format: NumberFormat,
    /// Digits allowed after the decimal separator, not counting trailing zeros.
    pub decimals_max: u32,
    /// The currency a typed symbol or code must match; `None` where no currency may be typed.
    pub currency: Option<Currency>,
}

/// A number as typed, checked for layout and decimals but not yet for size.
#[derive(Debug)]
pub(crate) struct Digits {
    /// Never true for zero, so `-0` reads as plain zero.
    pub negative: bool,
    /// The whole part without leading zeros (empty for zero).
    whole: String,
    /// The fraction as typed, at most `decimals_max` digits: `1.50` keeps its two.
    fraction: String,
}

impl Digits {
    pub fn is_zero(&self) -> bool {
        self.whole.is_empty() && self.fraction.chars().all(|digit| digit == '0')
    }

    /// The value, or `TooLarge` when its size is beyond `max`. The length of the whole part
    /// is compared first, so a hundred typed digits are "too large", not a Decimal overflow.
    pub fn value_within(&self, max: Decimal) -> Result<Decimal, TypedError> {
        let too_large = TypedError::TooLarge { max };
        let whole_digits_max = max.trunc().abs().to_string().len();
        if self.whole.len() > whole_digits_max {
            return Err(too_large);
        }
        let sign = if self.negative { "-" } else { "" };
        let whole = if self.whole.is_empty() {
            "0"
        } else {
            &self.whole
        };
        let text = match self.fraction.as_str() {
            "" => format!("{sign}{whole}"),
            fraction => format!("{sign}{whole}.{fraction}"),
        };
        // No more whole digits than the max has and a currency's few decimals, so this
        // always parses; an error would still be a value, not a panic.
        let value = Decimal::from_str_exact(&text).map_err(|_| too_large.clone())?;
        if value.abs() > max {
            return Err(too_large);
        }
        Ok(value)
    }
}

/// Maps what Chinese and Japanese input methods type, and the typographic signs people
/// paste, to the ASCII a number or date is read in: full-width digits, letters, signs and
/// separators, the ideographic full stop `。` (a point), the minus sign `−`, full-width
/// currency signs and the no-break, thin and ideographic spaces. One character maps to one
/// character, so a position in the result is a position in what was typed.
pub(crate) fn normalise(text: &str) -> Vec<char> {
    text.chars().map(normalise_char).collect()
}

fn normalise_char(character: char) -> char {
    match character {
        // Full-width ASCII: digits, letters, `＋－．，／＄` and the rest of the block.
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(character as u32 - 0xFF01 + 0x21).unwrap_or(character)
        }
        '。' => '.',
        '−' => '-',
        '￥' => '¥',
        '￡' => '£',
        '￦' => '₩',
        '\u{A0}' | '\u{2009}' | '\u{202F}' | '\u{3000}' => ' ',
        other => other,
    }
}

/// A piece of a number's body: a run of digits or one separator, with the 1-based position
/// of its first character in the trimmed text.
#[derive(Debug)]
enum Piece {
    Digits(String),
    Separator(char, usize),
}

/// Reads the text as a number under the rules: `[sign] [mark] [sign] digits [mark]`, one sign
/// and one mark at most, spaces around them free.
pub(crate) fn read_number(text: &str, rules: &NumberRules) -> Result<Digits, TypedError> {
    read_normalised(text, rules).map_err(|error| as_typed(error, text))
}

/// An error names the character the user typed (`，`), not the one it was read as (`,`).
pub(crate) fn as_typed(error: TypedError, text: &str) -> TypedError {
    let typed = |position: usize, read: char| text.trim().chars().nth(position - 1).unwrap_or(read);
    match error {
        TypedError::Unexpected {
            character,
            position,
        } => TypedError::Unexpected {
            character: typed(position, character),
            position,
        },
        TypedError::MisplacedSeparator {
            separator,
            position,
            format,
        } => TypedError::MisplacedSeparator {
            separator: typed(position, separator),
            position,
            format,
        },
        other => other,
    }
}

fn read_normalised(text: &str, rules: &NumberRules) -> Result<Digits, TypedError> {
    let chars = normalise(text.trim());
    if chars.is_empty() {
        return Err(TypedError::Empty);
    }
    let Some(first) = chars.iter().position(char::is_ascii_digit) else {
        return Err(TypedError::NotANumber);
    };
    let last = chars
        .iter()
        .rposition(char::is_ascii_digit)
        .unwrap_or(first);
    let mut marked = false;
    let negative = read_prefix(&chars[..first], rules, &mut marked)?;
    let pieces = split_body(&chars[first..=last], first + 1, rules.format)?;
    read_suffix(&chars[last + 1..], last + 2, rules, marked)?;
    let (whole, fraction) = lay_out(&pieces, rules)?;
    // Trailing zeros count: `1.500` on a CNY amount may be a thousands point of the other
    // format, and reading it as 1.5 would be the silent guess this reader exists to avoid.
    if fraction.len() > rules.decimals_max as usize {
        return Err(TypedError::TooManyDecimals {
            allowed: rules.decimals_max,
        });
    }
    let digits = Digits {
        negative,
        whole: whole.trim_start_matches('0').to_string(),
        fraction,
    };
    Ok(Digits {
        negative: negative && !digits.is_zero(),
        ..digits
    })
}

/// Before the first digit: spaces, one sign and one currency mark. Returns the sign.
fn read_prefix(
    prefix: &[char],
    rules: &NumberRules,
    marked: &mut bool,
) -> Result<bool, TypedError> {
    let mut negative = None;
    let mut index = 0;
    while index < prefix.len() {
        let position = index + 1;
        match prefix[index] {
            ' ' => index += 1,
            sign @ ('-' | '+') if negative.is_none() => {
                negative = Some(sign == '-');
                index += 1;
            }
            character @ ('-' | '+') => return Err(unexpected(character, position)),
            separator @ (',' | '.') => return Err(misplaced(separator, position, rules.format)),
            character => {
                let length = mark_length(&prefix[index..]);
                if *marked {
                    return Err(unexpected(character, position));
                }
                check_mark(&prefix[index..index + length], position, rules)?;
                *marked = true;
                index += length;
            }
        }
    }
    Ok(negative == Some(true))
}

/// After the last digit: spaces and one currency mark, if none came before.
fn read_suffix(
    suffix: &[char],
    offset: usize,
    rules: &NumberRules,
    marked: bool,
) -> Result<(), TypedError> {
    let mut index = 0;
    let mut marked = marked;
    while index < suffix.len() {
        let position = offset + index;
        match suffix[index] {
            ' ' => index += 1,
            separator @ (',' | '.') => return Err(misplaced(separator, position, rules.format)),
            character @ ('-' | '+') => return Err(unexpected(character, position)),
            character => {
                let length = mark_length(&suffix[index..]);
                if marked {
                    return Err(unexpected(character, position));
                }
                check_mark(&suffix[index..index + length], position, rules)?;
                marked = true;
                index += length;
            }
        }
    }
    Ok(())
}

/// A mark runs until a digit, space, sign or separator.
fn mark_length(text: &[char]) -> usize {
    text.iter()
        .position(|character| character.is_ascii_digit() || " -+,.".contains(*character))
        .unwrap_or(text.len())
}

/// A currency symbol or code must name the field's currency; elsewhere none may be typed.
/// A symbol matches every currency it stands for (`¥` both CNY and JPY), a code only its own.
fn check_mark(mark: &[char], position: usize, rules: &NumberRules) -> Result<(), TypedError> {
    let written = mark.iter().collect::<String>().to_uppercase();
    let is_code = mark.len() == 3 && mark.iter().all(char::is_ascii_alphabetic);
    let symbol_for = Currency::for_symbol(&written);
    let code = if is_code {
        Currency::parse(&written)
    } else {
        None
    };
    if symbol_for.is_none() && code.is_none() {
        // Three letters beside an amount are meant as a code; anything else is stray text.
        return Err(match rules.currency {
            Some(_) if is_code => TypedError::UnknownCurrency { written },
            _ => unexpected(mark[0], position),
        });
    }
    let Some(currency) = rules.currency else {
        return Err(TypedError::CurrencyNotExpected { written });
    };
    let matches = code == Some(currency) || symbol_for.is_some_and(|all| all.contains(&currency));
    if matches {
        Ok(())
    } else {
        Err(TypedError::CurrencyMismatch { written, currency })
    }
}

/// Splits the text from the first digit to the last into digit runs and single separators.
fn split_body(
    body: &[char],
    offset: usize,
    format: NumberFormat,
) -> Result<Vec<Piece>, TypedError> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (index, &character) in body.iter().enumerate() {
        let position = offset + index;
        match (character, pieces.last_mut()) {
            ('0'..='9', Some(Piece::Digits(run))) => run.push(character),
            ('0'..='9', _) => pieces.push(Piece::Digits(character.to_string())),
            (',' | '.' | ' ', Some(Piece::Separator(..))) => {
                return Err(misplaced(character, position, format))
            }
            (',' | '.' | ' ', _) => pieces.push(Piece::Separator(character, position)),
            (other, _) => return Err(unexpected(other, position)),
        }
    }
    Ok(pieces)
}

/// The whole and fraction digits if the separators stand where the format puts them;
/// otherwise the error that names the first one out of place, or the other format when the
/// text reads in it (`12,34` or `1.234,56` on a screen that writes `1,234.56`).
fn lay_out(pieces: &[Piece], rules: &NumberRules) -> Result<(String, String), TypedError> {
    let misplaced_at = match lay_out_in(pieces, rules.format) {
        Ok(digits) => return Ok(digits),
        Err(index) => index,
    };
    let other = lay_out_in(pieces, rules.format.other());
    if let Ok((_, fraction)) = other {
        if fraction.len() <= rules.decimals_max as usize {
            return Err(TypedError::OtherNumberFormat {
                format: rules.format,
            });
        }
    }
    match pieces.get(misplaced_at) {
        Some(Piece::Separator(separator, position)) => {
            Err(misplaced(*separator, *position, rules.format))
        }
        // `lay_out_in` only blames separators; this arm keeps a wrong index a value.
        _ => Err(TypedError::NotANumber),
    }
}

/// Checks the layout in one format. Whole part: digit runs joined by one kind of grouping
/// separator (the format's or a space), the first run of one to three digits and not
/// starting with 0, every later run of exactly three. Then at most one decimal separator
/// and one run of digits. The error is the index of the separator to blame.
fn lay_out_in(pieces: &[Piece], format: NumberFormat) -> Result<(String, String), usize> {
    let decimal_at = pieces
        .iter()
        .position(|piece| matches!(piece, Piece::Separator(separator, _) if *separator == format.decimal_separator()));
    let (whole_pieces, fraction_pieces) = match decimal_at {
        Some(index) => (&pieces[..index], &pieces[index + 1..]),
        None => (pieces, &pieces[..0]),
    };
    let fraction = match fraction_pieces {
        [] => String::new(),
        [Piece::Digits(run)] => run.clone(),
        // A second separator after the decimal one is the one out of place.
        _ => return Err(decimal_at.unwrap_or(0) + 2),
    };
    let whole = group_whole(whole_pieces, format)?;
    Ok((whole, fraction))
}

/// The whole part's digits if its groups are of three; else the index of the separator
/// before the first bad group (or after a first group that is too long).
fn group_whole(pieces: &[Piece], format: NumberFormat) -> Result<String, usize> {
    let mut whole = String::new();
    let mut grouping: Option<char> = None;
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Digits(run) if index == 0 => {
                let grouped = pieces.len() > 1;
                if grouped && (run.len() > 3 || run.starts_with('0')) {
                    return Err(1);
                }
                whole.push_str(run);
            }
            Piece::Digits(run) if run.len() == 3 => whole.push_str(run),
            Piece::Digits(_) => return Err(index - 1),
            Piece::Separator(separator, _) => {
                let allowed = *separator == format.group_separator() || *separator == ' ';
                if !allowed || grouping.is_some_and(|kind| kind != *separator) {
                    return Err(index);
                }
                grouping = Some(*separator);
            }
        }
    }
    Ok(whole)
}

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
