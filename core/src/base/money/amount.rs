//! Checked amounts: what a command or a journal entry states, as opposed to the figures worked
//! out from them.
//!
//! [`Money`] is any figure in a currency — a sum, an open balance, a conversion, an interest,
//! zero or below, with as many decimals as the arithmetic gave — and it checks nothing. An
//! [`Amount`] is what a document states: an invoice's, a payment's, a credit note's, an
//! order's, a limit's. It is made only by [`Amount::try_new`] (or the typed-input readers,
//! or reading it back), which checks once what every such amount must be:
//!
//! - no more decimals than its currency's minor units (`12.30` is fine in CNY, `12.345` is
//!   not, `12.5` is not in JPY); trailing zeros do not count, and the value is kept as given,
//!   so `"800000.00"` reads and writes back as `"800000.00"`;
//! - at most [`amount_max`] (ten trillion);
//! - above zero, or zero or above for an `Amount<NonNegative>` (a limit: zero closes the line).
//!
//! Whoever holds an `Amount` may rely on all three, so `decide` checks only what depends on
//! the state: that the currency is the account's, and that a part fits what is open.
//!
//! [`Part`] is an amount whose currency is that of the record it belongs to — an allocation's,
//! a write-off's and a dispute's is its invoice's — and which the journal therefore stores as
//! the bare decimal (`"amount":"500.00"`). It is positive and within [`amount_max`] by
//! construction; its decimals are checked where its currency is known: it is made from an
//! `Amount` ([`Amount::part`]) after `decide` matched that amount's currency with the
//! account's, and the fold checks one read back against its invoice ([`Part::in_currency`]).
//!
//! Reading back trusts nothing: an amount or part in a stored text or a snapshot that breaks
//! these rules is a deserialisation error (the event or snapshot is unreadable), never a value.
//! Both serialise exactly as `Money` and a bare `Decimal` did, so neither the journal's text
//! nor the snapshot's bytes changed when they were introduced.

use super::{amount_max, decimal_serde, AmountError, Money};
use crate::base::currency::Currency;
use crate::base::input::number::{read_number, NumberRules};
use crate::base::input::NumberFormat;
use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Positive {}
    impl Sealed for super::NonNegative {}
}

/// Which sign an [`Amount`] may have: [`Positive`] (every amount of the ledger) or
/// [`NonNegative`] (a limit). Sealed: these two are the only rules.
pub trait Sign: sealed::Sealed + Copy + Eq + Hash + fmt::Debug {
    /// Whether zero is an amount under this rule.
    const ZERO_ALLOWED: bool;
}

/// Above zero: invoices, payments, credit notes, orders, write-offs, disputes, allocations,
/// an agency's recommended limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Positive;

/// Zero or above: a credit limit, where zero closes the credit line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NonNegative;

impl Sign for Positive {
    const ZERO_ALLOWED: bool = false;
}

impl Sign for NonNegative {
    const ZERO_ALLOWED: bool = true;
}

/// An amount a command or an entry states, in its currency, checked once when made: see the
/// module documentation. `Amount` is `Amount<Positive>`; a limit is `Amount<NonNegative>`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount<S: Sign = Positive> {
    value: Decimal,
    currency: Currency,
    sign: PhantomData<S>,
}

/// True when `value` carries no more decimals than `allowed`, trailing zeros aside. The scale
/// is compared first: it is what nearly every stored amount passes on, and reading a large
/// snapshot checks millions of them.
fn fits_minor_units(value: Decimal, allowed: u32) -> bool {
    value.scale() <= allowed || value.normalize().scale() <= allowed
}

/// `currency.minor_units()`, without the table search for the currencies nearly every amount
/// is in (CNY, USD, EUR: two each, pinned to the table by a test). Reading portfolio L's
/// snapshot checks millions of amounts, and the search cost as much as the rest of the check.
fn minor_units(currency: Currency) -> u32 {
    match currency {
        Currency::CNY | Currency::USD | Currency::EUR => 2,
        other => other.minor_units(),
    }
}

impl<S: Sign> Amount<S> {
    /// The amount `value` in `currency`, or why it is none: more decimals than the currency's
    /// minor units ([`AmountError::TooManyDecimals`]), zero or below for a positive amount
    /// ([`AmountError::NotPositive`]), below zero for a non-negative one
    /// ([`AmountError::Negative`]), above [`amount_max`] ([`AmountError::TooLarge`]), checked
    /// in that order. The value is kept as given (`100.00` stays `100.00`).
    pub fn try_new(value: Decimal, currency: Currency) -> Result<Amount<S>, AmountError> {
        if value.scale() > 0 && !fits_minor_units(value, minor_units(currency)) {
            let allowed = currency.minor_units();
            return Err(AmountError::TooManyDecimals { allowed });
        }
        if value.is_zero() && !S::ZERO_ALLOWED || value < Decimal::ZERO {
            return Err(if S::ZERO_ALLOWED {
                AmountError::Negative
            } else {
                AmountError::NotPositive
            });
        }
        if value > amount_max() {
            return Err(AmountError::TooLarge { max: amount_max() });
        }
        Ok(Amount {
            value,
            currency,
            sign: PhantomData,
        })
    }

    /// The decimal, with the scale it was given.
    pub fn value(&self) -> Decimal {
        self.value
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The amount as a plain figure, for arithmetic and display.
    pub fn money(&self) -> Money {
        Money::new(self.value, self.currency)
    }

    /// Formatted as [`Money::format`] does: `¥1,234,567.80`.
    pub fn format(&self) -> String {
        self.money().format()
    }
}

impl Amount {
    /// Reads a user-typed amount written as `1,234.56` ([`NumberFormat::Point`]); see
    /// [`Amount::read_positive`].
    pub fn parse_positive(text: &str, currency: Currency) -> Result<Amount, AmountError> {
        Amount::read_positive(text, currency, NumberFormat::Point)
    }

    /// Reads a user-typed amount in the screen's number format: `1,234.50`, `１２３．４`
    /// (full-width), `¥ 12` or `12 CNY` (a symbol or code of this currency). Zero and negative
    /// amounts are refused: every typed amount in the ledger is positive. The rules are the
    /// ones every typed number follows (see [`crate::base::input`]): decimals count as typed,
    /// so `1.500` is refused in CNY where [`Amount::try_new`] would take it. The amount is
    /// normalised, so `100.00` is stored as `100`.
    pub fn read_positive(
        text: &str,
        currency: Currency,
        format: NumberFormat,
    ) -> Result<Amount, AmountError> {
        let rules = NumberRules {
            format,
            decimals_max: currency.minor_units(),
            currency: Some(currency),
        };
        let digits = read_number(text, &rules)?;
        if digits.negative || digits.is_zero() {
            return Err(AmountError::NotPositive);
        }
        let value = digits.value_within(amount_max())?.normalize();
        Amount::try_new(value, currency)
    }

    /// The amount without its currency, for an entry that states the currency elsewhere (an
    /// allocation, a write-off or a dispute: its invoice's). Only `decide` should make one,
    /// once it has matched this amount's currency with the invoice's.
    pub fn part(&self) -> Part {
        Part(self.value)
    }
}

impl From<Amount<Positive>> for Amount<NonNegative> {
    fn from(amount: Amount<Positive>) -> Amount<NonNegative> {
        Amount {
            value: amount.value,
            currency: amount.currency,
            sign: PhantomData,
        }
    }
}

impl<S: Sign> From<Amount<S>> for Money {
    fn from(amount: Amount<S>) -> Money {
        amount.money()
    }
}

impl<S: Sign> fmt::Debug for Amount<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({} {})", self.value, self.currency.code())
    }
}

impl<S: Sign> fmt::Display for Amount<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

/// As `Money`: `{"amount":"12.34","currency":"CNY"}` in JSON, (mantissa, scale) and the
/// currency in postcard.
impl<S: Sign> Serialize for Amount<S> {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        self.money().serialize(serializer)
    }
}

/// Reads what `Money` reads, then checks it: a stored amount that is no amount is an error.
impl<'de, S: Sign> Deserialize<'de> for Amount<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Amount<S>, D::Error> {
        let money = Money::deserialize(deserializer)?;
        Amount::try_new(money.amount, money.currency).map_err(|error| {
            D::Error::custom(format_args!(
                "{} {} is no amount: {error:?}",
                money.amount,
                money.currency.code()
            ))
        })
    }
}

/// A positive amount within [`amount_max`] whose currency is its record's (see the module
/// documentation). Made by [`Amount::part`], or read back from a stored text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Part(Decimal);

impl Part {
    /// The decimal, with the scale it was given.
    pub fn value(&self) -> Decimal {
        self.0
    }

    /// This part as an amount of `currency`: the check of its decimals that only the currency
    /// allows, for a part read back (the fold makes it with the invoice's currency). A part
    /// `decide` made from an amount of `currency` always passes.
    pub fn in_currency(self, currency: Currency) -> Result<Amount, AmountError> {
        Amount::try_new(self.0, currency)
    }
}

/// The bare decimal, as the journal has always stored it: `"500.00"` in JSON.
impl Serialize for Part {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        decimal_serde::serialize(&self.0, serializer)
    }
}

/// Reads a decimal, then checks what can be checked without the currency: above zero and
/// within [`amount_max`].
impl<'de> Deserialize<'de> for Part {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Part, D::Error> {
        let value = decimal_serde::deserialize(deserializer)?;
        if value <= Decimal::ZERO || value > amount_max() {
            return Err(D::Error::custom(format_args!(
                "{value} is no amount: above zero and at most {} required",
                amount_max()
            )));
        }
        Ok(Part(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).expect("a decimal")
    }

    fn jpy() -> Currency {
        Currency::parse("JPY").expect("JPY")
    }

    fn cny(text: &str) -> Result<Amount, AmountError> {
        Amount::try_new(dec(text), Currency::CNY)
    }

    fn limit(text: &str) -> Result<Amount<NonNegative>, AmountError> {
        Amount::try_new(dec(text), Currency::CNY)
    }

    #[test]
    fn an_amount_keeps_its_value_as_given() {
        let amount = cny("800000.00").expect("an amount");
        assert_eq!(amount.value().to_string(), "800000.00");
        assert_eq!(amount.currency(), Currency::CNY);
        assert_eq!(amount.money(), Money::new(dec("800000.00"), Currency::CNY));
        assert_eq!(Money::from(amount), amount.money());
        assert_eq!(amount.format(), "¥800,000.00");
        assert_eq!(amount.to_string(), "¥800,000.00");
        assert_eq!(format!("{amount:?}"), "Amount(800000.00 CNY)");
        assert_eq!(amount.part().value().to_string(), "800000.00");
        // Trailing zeros are no decimals: 100.0 is a yen amount, 12.30 a CNY one.
        assert!(Amount::<Positive>::try_new(dec("100.0"), jpy()).is_ok());
        assert!(cny("12.30").is_ok());
        assert!(cny("0.01").is_ok());
        assert_eq!(
            cny(&amount_max().to_string()).map(|a| a.value()),
            Ok(amount_max())
        );
    }

    #[test]
    fn the_common_currencies_have_the_tables_minor_units() {
        for currency in [Currency::CNY, Currency::USD, Currency::EUR] {
            assert_eq!(minor_units(currency), currency.minor_units(), "{currency}");
        }
    }

    #[test]
    fn every_rule_refuses_with_its_reason() {
        let too_many = Err(AmountError::TooManyDecimals { allowed: 2 });
        assert_eq!(cny("1.234"), too_many);
        assert_eq!(cny("0.001"), too_many);
        assert_eq!(
            Amount::<Positive>::try_new(dec("10.5"), jpy()),
            Err(AmountError::TooManyDecimals { allowed: 0 })
        );
        assert_eq!(cny("0"), Err(AmountError::NotPositive));
        assert_eq!(cny("0.00"), Err(AmountError::NotPositive));
        assert_eq!(cny("-5"), Err(AmountError::NotPositive));
        let too_large = Err(AmountError::TooLarge { max: amount_max() });
        assert_eq!(cny("10000000000000.01"), too_large);
        assert_eq!(limit("10000000000001"), too_large.map(Amount::from));
        // Decimals first, then the sign, then the bound.
        assert_eq!(cny("-1.234"), too_many);
        assert_eq!(cny("-10000000000001"), Err(AmountError::NotPositive));
    }

    #[test]
    fn a_limit_may_be_zero_but_not_negative() {
        assert_eq!(limit("0").map(|l| l.value()), Ok(Decimal::ZERO));
        assert_eq!(limit("-0.01"), Err(AmountError::Negative));
        assert_eq!(
            limit("0.001"),
            Err(AmountError::TooManyDecimals { allowed: 2 })
        );
        let positive = cny("5").expect("an amount");
        let as_limit: Amount<NonNegative> = positive.into();
        assert_eq!(
            (as_limit.value(), as_limit.currency()),
            (dec("5"), Currency::CNY)
        );
    }

    #[test]
    fn typed_amounts_are_read_into_amounts() {
        let read = Amount::read_positive("1,234.50", Currency::CNY, NumberFormat::Point);
        assert_eq!(
            read.map(|a| a.value().to_string()),
            Ok("1234.5".to_string())
        );
        let comma = Amount::read_positive("1.234,5", Currency::CNY, NumberFormat::Comma);
        assert_eq!(comma.map(|a| a.value()), Ok(dec("1234.5")));
        // Typed decimals count as typed: 1.500 may be the other format's thousands.
        assert_eq!(
            Amount::parse_positive("1.500", Currency::CNY),
            Err(AmountError::TooManyDecimals { allowed: 2 })
        );
        assert_eq!(
            Amount::parse_positive("0", Currency::CNY),
            Err(AmountError::NotPositive)
        );
    }

    #[test]
    fn json_is_what_money_and_bare_decimals_were() {
        let amount = cny("1234.50").expect("an amount");
        let json = serde_json::to_string(&amount).expect("serialises");
        assert_eq!(json, r#"{"amount":"1234.50","currency":"CNY"}"#);
        assert_eq!(json, serde_json::to_string(&amount.money()).expect("money"));
        assert_eq!(
            serde_json::from_str::<Amount>(&json).expect("reads"),
            amount
        );
        let limit = limit("0").expect("a limit");
        let json = serde_json::to_string(&limit).expect("serialises");
        assert_eq!(json, r#"{"amount":"0","currency":"CNY"}"#);
        assert_eq!(
            serde_json::from_str::<Amount<NonNegative>>(&json).expect("reads"),
            limit
        );
        let part = amount.part();
        assert_eq!(
            serde_json::to_string(&part).expect("serialises"),
            r#""1234.50""#
        );
        assert_eq!(
            serde_json::from_str::<Part>(r#""1234.50""#).expect("reads"),
            part
        );
        // As `Money` did, a JSON number reads too.
        let number: Amount = serde_json::from_str(r#"{"amount":7,"currency":"CNY"}"#).unwrap();
        assert_eq!(number.value(), dec("7"));
    }

    #[test]
    fn json_that_is_no_amount_does_not_read() {
        for text in ["1.234", "0", "-5", "0.00", "10000000000000.01"] {
            let json = format!(r#"{{"amount":"{text}","currency":"CNY"}}"#);
            assert!(serde_json::from_str::<Amount>(&json).is_err(), "{json}");
        }
        let yen = r#"{"amount":"10.5","currency":"JPY"}"#;
        assert!(serde_json::from_str::<Amount>(yen).is_err());
        let negative_limit = r#"{"amount":"-5","currency":"CNY"}"#;
        assert!(serde_json::from_str::<Amount<NonNegative>>(negative_limit).is_err());
        let zero_limit = r#"{"amount":"0","currency":"CNY"}"#;
        assert!(serde_json::from_str::<Amount<NonNegative>>(zero_limit).is_ok());
        for text in ["0", "-5", "0.00", "10000000000000.01"] {
            let json = format!(r#""{text}""#);
            assert!(serde_json::from_str::<Part>(&json).is_err(), "{json}");
        }
    }

    #[test]
    fn a_part_read_back_is_checked_against_its_currency() {
        let part: Part = serde_json::from_str(r#""1.234""#).expect("no currency to check yet");
        assert_eq!(
            part.in_currency(Currency::CNY),
            Err(AmountError::TooManyDecimals { allowed: 2 })
        );
        let bhd = Currency::parse("BHD").expect("BHD");
        assert_eq!(part.in_currency(bhd).map(|a| a.value()), Ok(dec("1.234")));
        let from_amount = cny("12.30").expect("an amount").part();
        assert_eq!(
            from_amount.in_currency(Currency::CNY),
            Ok(cny("12.30").expect("an amount"))
        );
    }

    #[test]
    fn postcard_bytes_are_what_money_and_bare_decimals_were() {
        let amount = cny("1234.50").expect("an amount");
        let bytes = postcard::to_allocvec(&amount).expect("encodes");
        assert_eq!(
            bytes,
            postcard::to_allocvec(&amount.money()).expect("money")
        );
        assert_eq!(postcard::from_bytes::<Amount>(&bytes), Ok(amount));
        let part = amount.part();
        let bytes = postcard::to_allocvec(&part).expect("encodes");
        let bare = (amount.value().mantissa(), amount.value().scale());
        assert_eq!(bytes, postcard::to_allocvec(&bare).expect("decimal"));
        assert_eq!(postcard::from_bytes::<Part>(&bytes), Ok(part));
    }

    #[test]
    fn postcard_that_is_no_amount_does_not_decode() {
        for text in ["1.234", "0", "-5", "10000000000000.01"] {
            let money = Money::new(dec(text), Currency::CNY);
            let bytes = postcard::to_allocvec(&money).expect("encodes");
            assert!(postcard::from_bytes::<Amount>(&bytes).is_err(), "{text}");
        }
        for text in ["0", "-5", "10000000000000.01"] {
            let value = dec(text);
            let bytes = postcard::to_allocvec(&(value.mantissa(), value.scale())).expect("encodes");
            assert!(postcard::from_bytes::<Part>(&bytes).is_err(), "{text}");
        }
    }
}
