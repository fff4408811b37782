//! The collection strategy in the policy: a reminder ladder per grade. Each step is reached
//! a number of days after an item's due date (negative: before it), and says how the
//! customer is reached (channels) and which letter or message is sent (its kind, which picks
//! the template).
//!
//! The strategy is versioned beside the credit policy (`PolicyEntry::StrategyChanged`), so
//! the credit policies already journalled keep their text. Before the first strategy is
//! journalled, [`CollectionPolicy::initial`] is in force: it must never change, or journals
//! would change their meaning (a test pins it).

use crate::base::money::Amount;
use crate::policy::grade::Grade;
pub use crate::policy::steps::{Channel, StepKind};
use crate::policy::templates::{default_templates, Template};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One rung of the ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderStep {
    /// Days after the due date the step is reached (inclusive: an item exactly 30 days
    /// overdue reaches a +30 step); negative for a reminder before the due date.
    pub offset_days: i32,
    pub kind: StepKind,
    /// At least one; the collector picks one when completing the task.
    pub channels: Vec<Channel>,
    /// A reminder fee stated on the step's letter and message (absent in strategies written
    /// before fees existed). It is a line of its own, never added to an invoice.
    #[serde(default)]
    pub fee: Option<Amount>,
    /// Whether the step's letter states the late interest run up so far (the final notice,
    /// in the initial strategy; false in strategies written before).
    #[serde(default)]
    pub states_interest: bool,
}

/// A late-interest rate in force from `from` until the next one's `from` (ARCHITECTURE.md,
/// Conventions: late interest). `percent` is a year's rate, e.g. `8` for 8 % a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestRate {
    #[serde(with = "crate::base::dates::date_serde")]
    pub from: NaiveDate,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub percent: Decimal,
}

/// The late-interest rate table in force until a strategy states another: 8 % a year from
/// 2020-01-01 (a stated default; a company sets its own, or an empty table for none).
pub fn default_interest_rates() -> Vec<InterestRate> {
    vec![InterestRate {
        from: NaiveDate::from_ymd_opt(2020, 1, 1).expect("a real date"),
        percent: Decimal::from(8),
    }]
}

/// The reminder ladders, one per grade A–E (a strategy per segment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionPolicy {
    pub ladders: [Vec<ReminderStep>; 5],
    /// The late-interest rates by date, oldest first; strategies written before interest
    /// existed read the default table.
    #[serde(default = "default_interest_rates")]
    pub interest_rates: Vec<InterestRate>,
    /// The letters' and messages' templates per step kind, channel and language; strategies
    /// written before templates existed read the default ones.
    #[serde(default = "default_templates")]
    pub templates: Vec<Template>,
}

/// The earliest and latest offsets a step may have.
pub const OFFSET_MIN: i32 = -60;
pub const OFFSET_MAX: i32 = 365;

fn step(offset_days: i32, kind: StepKind, channels: &[Channel]) -> ReminderStep {
    ReminderStep {
        offset_days,
        kind,
        channels: channels.to_vec(),
        fee: None,
        states_interest: kind == StepKind::FinalNotice,
    }
}

impl CollectionPolicy {
    /// The strategy in force until one is journalled. Never change it: see the module doc.
    ///
    /// A to C: −5 pre-due (email), +1 due notice (email), +7 friendly reminder (email, phone),
    /// +30 formal demand (letter, email), +60 final notice (letter), +90 hand-over (letter).
    /// D and E are reminded sooner and harder: −7, +1, +5 (phone), +21, +45, +75.
    pub fn initial() -> CollectionPolicy {
        use Channel::*;
        use StepKind::*;
        let standard = vec![
            step(-5, PreDue, &[Email]),
            step(1, DueNotice, &[Email]),
            step(7, Friendly, &[Email, Phone]),
            step(30, FormalDemand, &[Letter, Email]),
            step(60, FinalNotice, &[Letter]),
            step(90, Handover, &[Letter]),
        ];
        let strict = vec![
            step(-7, PreDue, &[Email, Phone]),
            step(1, DueNotice, &[Email, Phone]),
            step(5, Friendly, &[Phone]),
            step(21, FormalDemand, &[Letter, Email]),
            step(45, FinalNotice, &[Letter]),
            step(75, Handover, &[Letter]),
        ];
        CollectionPolicy {
            ladders: [
                standard.clone(),
                standard.clone(),
                standard,
                strict.clone(),
                strict,
            ],
            interest_rates: default_interest_rates(),
            templates: default_templates(),
        }
    }

    /// The ladder for customers of `grade`.
    pub fn ladder(&self, grade: Grade) -> &[ReminderStep] {
        &self.ladders[grade.index()]
    }

    /// The template for a step kind, channel and language, if the strategy has one.
    pub fn template(
        &self,
        kind: StepKind,
        channel: Channel,
        language: crate::policy::Language,
    ) -> Option<&Template> {
        self.templates
            .iter()
            .find(|t| t.kind == kind && t.channel == channel && t.language == language)
    }
}

impl Default for CollectionPolicy {
    fn default() -> Self {
        CollectionPolicy::initial()
    }
}

/// Why a collection strategy is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StrategyError {
    LadderEmpty {
        grade: Grade,
    },
    /// Offsets must increase strictly along a ladder (one step per day at most).
    OffsetsNotIncreasing {
        grade: Grade,
        step: usize,
    },
    OffsetOutOfRange {
        grade: Grade,
        step: usize,
    },
    NoChannel {
        grade: Grade,
        step: usize,
    },
    ChannelTwice {
        grade: Grade,
        step: usize,
    },
    /// The interest rates' dates must increase strictly (`rate` counts from 1).
    RatesNotIncreasing {
        rate: usize,
    },
    /// A late-interest rate below 0 % or above [`INTEREST_PERCENT_MAX`] a year.
    RateOutOfRange {
        rate: usize,
    },
    /// A template whose text does not read.
    TemplateInvalid {
        kind: StepKind,
        channel: Channel,
        error: crate::policy::TemplateError,
    },
}

/// The highest late-interest rate a strategy may state, in percent a year.
pub const INTEREST_PERCENT_MAX: u32 = 100;

fn validate_rates(rates: &[InterestRate]) -> Result<(), StrategyError> {
    for (index, rate) in rates.iter().enumerate() {
        let number = index + 1;
        if rate.percent.is_sign_negative() || rate.percent > Decimal::from(INTEREST_PERCENT_MAX) {
            return Err(StrategyError::RateOutOfRange { rate: number });
        }
        if index > 0 && rates[index - 1].from >= rate.from {
            return Err(StrategyError::RatesNotIncreasing { rate: number });
        }
    }
    Ok(())
}

fn validate_templates(templates: &[Template]) -> Result<(), StrategyError> {
    for template in templates {
        for text in [&template.subject, &template.body] {
            crate::policy::parse_template(text).map_err(|error| {
                StrategyError::TemplateInvalid {
                    kind: template.kind,
                    channel: template.channel,
                    error,
                }
            })?;
        }
    }
    Ok(())
}

impl fmt::Display for StrategyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// Checks every ladder: at least one step, offsets strictly increasing within
/// [`OFFSET_MIN`]..=[`OFFSET_MAX`], each step with one or more distinct channels; the
/// interest rates by strictly increasing dates, within 0–100 % a year; every template's text.
pub fn validate_strategy(policy: &CollectionPolicy) -> Result<(), StrategyError> {
    validate_rates(&policy.interest_rates)?;
    validate_templates(&policy.templates)?;
    for grade in Grade::ALL {
        let ladder = policy.ladder(grade);
        if ladder.is_empty() {
            return Err(StrategyError::LadderEmpty { grade });
        }
        for (index, rung) in ladder.iter().enumerate() {
            let step = index + 1;
            if !(OFFSET_MIN..=OFFSET_MAX).contains(&rung.offset_days) {
                return Err(StrategyError::OffsetOutOfRange { grade, step });
            }
            if index > 0 && ladder[index - 1].offset_days >= rung.offset_days {
                return Err(StrategyError::OffsetsNotIncreasing { grade, step });
            }
            if rung.channels.is_empty() {
                return Err(StrategyError::NoChannel { grade, step });
            }
            let mut channels = rung.channels.clone();
            channels.sort_unstable();
            channels.dedup();
            if channels.len() != rung.channels.len() {
                return Err(StrategyError::ChannelTwice { grade, step });
            }
        }
    }
    Ok(())
}
