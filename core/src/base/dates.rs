//! Dates as values: the serde form of dates in stored texts and snapshots, the shell's
//! timestamps, and calendar arithmetic the areas share. Nothing here reads a clock.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Serde for `NaiveDate` fields: the ISO `2026-11-23` string in human-readable formats (so
/// stored journal texts do not change) and days since 1970-01-01 as an `i32` in binary
/// formats such as the postcard snapshot: a 3-byte varint instead of 11 bytes of text that
/// must be parsed (portfolio L's 498 k issue and due dates: 1.5 MB and 4 ms to decode,
/// against 5.5 MB and 61 ms as text).
/// `date_serde::option` and `date_serde::option_pair` cover `Option<NaiveDate>` and
/// `Option<(NaiveDate, T)>`. Use as `#[serde(with = "crate::base::dates::date_serde")]`.
pub mod date_serde {
    use chrono::{Datelike, NaiveDate};
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// `num_days_from_ce` of 1970-01-01.
    const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

    /// A date that serialises as text or as days since the epoch, by the format's kind.
    struct Date(NaiveDate);

    impl Serialize for Date {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            if serializer.is_human_readable() {
                self.0.serialize(serializer)
            } else {
                (self.0.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE).serialize(serializer)
            }
        }
    }

    impl<'de> Deserialize<'de> for Date {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
            if deserializer.is_human_readable() {
                return NaiveDate::deserialize(deserializer).map(Date);
            }
            let days = i32::deserialize(deserializer)?;
            // Checked: garbage gives an error, never a panic or an out-of-range date.
            days.checked_add(UNIX_EPOCH_DAYS_FROM_CE)
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .map(Date)
                .ok_or_else(|| {
                    D::Error::custom(format!("{days} days from 1970-01-01 is not a date"))
                })
        }
    }

    pub fn serialize<S: Serializer>(value: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        Date(*value).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        Date::deserialize(deserializer).map(|date| date.0)
    }

    pub mod option {
        use super::Date;
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(
            value: &Option<NaiveDate>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            value.map(Date).serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            Option::<Date>::deserialize(deserializer).map(|date| date.map(|date| date.0))
        }
    }

    pub mod option_pair {
        use super::Date;
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer, T: Serialize + Copy>(
            value: &Option<(NaiveDate, T)>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            value
                .map(|(date, other)| (Date(date), other))
                .serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
            deserializer: D,
        ) -> Result<Option<(NaiveDate, T)>, D::Error> {
            let pair = Option::<(Date, T)>::deserialize(deserializer)?;
            Ok(pair.map(|(date, other)| (date.0, other)))
        }
    }
}

/// Milliseconds since the Unix epoch (UTC), as the shell's clock read it. The core never reads
/// a clock; timestamps only label events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

/// Whole calendar months from `from` to `to`, counting a month only once its day is reached
/// (2026-01-31 → 2026-02-28 is 0 months); negative when `to` is before `from`.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let months =
        i64::from(to.year() - from.year()) * 12 + i64::from(to.month()) - i64::from(from.month());
    if to >= from && to.day() < from.day() {
        months - 1
    } else if to < from && to.day() > from.day() {
        months + 1
    } else {
        months
    }
}

/// `date` minus `months` calendar months (clamped to the month's last day), or the earliest
/// date when that would underflow.
pub fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}
