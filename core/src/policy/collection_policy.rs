//! The collection strategy in the policy: a reminder ladder per grade. Each step is reached
//! a number of days after an item's due date (negative: before it), and says how the
//! customer is reached (channels) and which letter or message is sent (its kind, which picks
//! the template).
//!
//! The strategy is versioned beside the credit policy (`PolicyEntry::StrategyChanged`), so
//! the credit policies already journalled keep their text. Before the first strategy is
//! journalled, [`CollectionPolicy::initial`] is in force: it must never change, or journals
//! would change their meaning (a test pins it).

use crate::policy::grade::Grade;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How a step reaches the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Channel {
    Email,
    Phone,
    Letter,
    /// A text message, given to the collector to copy.
    Sms,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Email,
        Channel::Phone,
        Channel::Letter,
        Channel::Sms,
    ];
}

/// What a step says, from a friendly pre-due reminder to the hand-over to an agency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StepKind {
    PreDue,
    DueNotice,
    Friendly,
    FormalDemand,
    /// The last notice before hand-over, stating late interest.
    FinalNotice,
    /// Hand-over to a collection agency or legal.
    Handover,
}

/// One rung of the ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderStep {
    /// Days after the due date the step is reached (inclusive: an item exactly 30 days
    /// overdue reaches a +30 step); negative for a reminder before the due date.
    pub offset_days: i32,
    pub kind: StepKind,
    /// At least one; the collector picks one when completing the task.
    pub channels: Vec<Channel>,
}

/// The reminder ladders, one per grade A–E (a strategy per segment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionPolicy {
    pub ladders: [Vec<ReminderStep>; 5],
}

/// The earliest and latest offsets a step may have.
pub const OFFSET_MIN: i32 = -60;
pub const OFFSET_MAX: i32 = 365;

fn step(offset_days: i32, kind: StepKind, channels: &[Channel]) -> ReminderStep {
    ReminderStep {
        offset_days,
        kind,
        channels: channels.to_vec(),
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
        }
    }

    /// The ladder for customers of `grade`.
    pub fn ladder(&self, grade: Grade) -> &[ReminderStep] {
        &self.ladders[grade.index()]
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
}

impl fmt::Display for StrategyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// Checks every ladder: at least one step, offsets strictly increasing within
/// [`OFFSET_MIN`]..=[`OFFSET_MAX`], each step with one or more distinct channels.
pub fn validate_strategy(policy: &CollectionPolicy) -> Result<(), StrategyError> {
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
