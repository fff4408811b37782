//! How a reminder step reaches the customer and what it says: the vocabulary the ladder
//! (`collection_policy`) and the templates (`templates`) share.

use serde::{Deserialize, Serialize};

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

impl StepKind {
    pub const ALL: [StepKind; 6] = [
        StepKind::PreDue,
        StepKind::DueNotice,
        StepKind::Friendly,
        StepKind::FormalDemand,
        StepKind::FinalNotice,
        StepKind::Handover,
    ];
}

impl StepKind {
    /// The kind as written in a URL, e.g. `final-notice`.
    pub fn token(self) -> &'static str {
        match self {
            StepKind::PreDue => "pre-due",
            StepKind::DueNotice => "due-notice",
            StepKind::Friendly => "friendly",
            StepKind::FormalDemand => "formal-demand",
            StepKind::FinalNotice => "final-notice",
            StepKind::Handover => "handover",
        }
    }

    pub fn from_token(token: &str) -> Option<StepKind> {
        StepKind::ALL.into_iter().find(|kind| kind.token() == token)
    }
}

impl Channel {
    /// The channel as written in a URL, e.g. `sms`.
    pub fn token(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Letter => "letter",
            Channel::Sms => "sms",
        }
    }

    pub fn from_token(token: &str) -> Option<Channel> {
        Channel::ALL
            .into_iter()
            .find(|channel| channel.token() == token)
    }
}
