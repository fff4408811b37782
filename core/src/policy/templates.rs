//! The letters' and messages' templates: one per step kind, channel and language, with
//! placeholders in braces (`{customer}`, `{total_overdue}`, …) that rendering fills in
//! (`collections::letters`). A template is checked when saved: every placeholder must be one
//! of [`Placeholder::ALL`] and every `{` closed.
//!
//! The default templates are part of the initial strategy, and a strategy written before
//! templates existed reads them (`#[serde(default)]`).

use crate::policy::steps::{Channel, StepKind};
use serde::{Deserialize, Serialize};

/// The languages a letter is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Language {
    ZhCn,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::ZhCn, Language::En];

    pub fn token(self) -> &'static str {
        match self {
            Language::ZhCn => "zh-CN",
            Language::En => "en",
        }
    }

    pub fn from_token(token: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.token() == token)
    }

    /// The language a customer is written to by default: Chinese for a customer in mainland
    /// China, Hong Kong, Macao or Taiwan, English elsewhere (customer details have a country,
    /// no language).
    pub fn for_country(country: &str) -> Language {
        match country {
            "CN" | "HK" | "MO" | "TW" => Language::ZhCn,
            _ => Language::En,
        }
    }
}

/// What a template may name in braces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Placeholder {
    Customer,
    Contact,
    /// The open items: a table in a letter, one line each in an email or SMS.
    OpenItems,
    TotalOverdue,
    DueDates,
    DaysOverdue,
    LateInterest,
    Fee,
    CompanyName,
    CompanyAddress,
    BankDetails,
    AsOf,
}

impl Placeholder {
    pub const ALL: [Placeholder; 12] = [
        Placeholder::Customer,
        Placeholder::Contact,
        Placeholder::OpenItems,
        Placeholder::TotalOverdue,
        Placeholder::DueDates,
        Placeholder::DaysOverdue,
        Placeholder::LateInterest,
        Placeholder::Fee,
        Placeholder::CompanyName,
        Placeholder::CompanyAddress,
        Placeholder::BankDetails,
        Placeholder::AsOf,
    ];

    /// The name written between the braces.
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Customer => "customer",
            Placeholder::Contact => "contact",
            Placeholder::OpenItems => "open_items",
            Placeholder::TotalOverdue => "total_overdue",
            Placeholder::DueDates => "due_dates",
            Placeholder::DaysOverdue => "days_overdue",
            Placeholder::LateInterest => "late_interest",
            Placeholder::Fee => "fee",
            Placeholder::CompanyName => "company_name",
            Placeholder::CompanyAddress => "company_address",
            Placeholder::BankDetails => "bank_details",
            Placeholder::AsOf => "as_of",
        }
    }

    pub fn from_name(name: &str) -> Option<Placeholder> {
        Placeholder::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// A template's text split into literal text and placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Slot(Placeholder),
}

/// Why a template's text is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TemplateError {
    /// `{name}` names no placeholder.
    UnknownPlaceholder { name: String },
    /// A `{` with no `}` after it; `at` counts characters from the start, from 1.
    UnclosedBrace { at: usize },
}

/// Splits a template's text, refusing an unknown placeholder or an unclosed brace. A `}`
/// without a `{` before it is plain text.
pub fn parse_template(text: &str) -> Result<Vec<Segment<'_>>, TemplateError> {
    let mut segments = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            segments.push(Segment::Text(&rest[..open]));
        }
        let after = &rest[open + 1..];
        let Some(close) = after
            .find(['}', '{'])
            .filter(|at| after[*at..].starts_with('}'))
        else {
            let at = text[..text.len() - rest.len() + open].chars().count() + 1;
            return Err(TemplateError::UnclosedBrace { at });
        };
        let name = &after[..close];
        let slot = Placeholder::from_name(name.trim()).ok_or_else(|| {
            TemplateError::UnknownPlaceholder {
                name: name.to_string(),
            }
        })?;
        segments.push(Segment::Slot(slot));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        segments.push(Segment::Text(rest));
    }
    Ok(segments)
}

/// One template: the subject (an email's subject, a letter's heading; unused for a call or
/// an SMS) and the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub kind: StepKind,
    pub channel: Channel,
    pub language: Language,
    pub subject: String,
    pub body: String,
}

fn subject(kind: StepKind, language: Language) -> &'static str {
    use StepKind::*;
    match (language, kind) {
        (Language::En, PreDue) => "Upcoming payment: {customer}",
        (Language::En, DueNotice) => "Payment due: {customer}, {total_overdue}",
        (Language::En, Friendly) => "Payment reminder: {customer}, {total_overdue} overdue",
        (Language::En, FormalDemand) => "Formal demand for payment: {total_overdue}",
        (Language::En, FinalNotice) => "Final notice: {total_overdue} overdue",
        (Language::En, Handover) => "Handed over for collection: {customer}",
        (Language::ZhCn, PreDue) => "付款提示——{customer}",
        (Language::ZhCn, DueNotice) => "付款到期通知——{customer}，{total_overdue}",
        (Language::ZhCn, Friendly) => "付款提醒——{customer}，逾期{total_overdue}",
        (Language::ZhCn, FormalDemand) => "正式催款函——{total_overdue}",
        (Language::ZhCn, FinalNotice) => "最后通知——逾期{total_overdue}",
        (Language::ZhCn, Handover) => "移交催收通知——{customer}",
    }
}

fn intro(kind: StepKind, language: Language) -> &'static str {
    use StepKind::*;
    match (language, kind) {
        (Language::En, PreDue) => "This is a friendly reminder that the invoices below fall due soon.",
        (Language::En, DueNotice) => "The invoices below fell due on {due_dates}.",
        (Language::En, Friendly) => "Our records show the invoices below still unpaid, up to {days_overdue} days after they fell due.",
        (Language::En, FormalDemand) => "Despite our reminders the invoices below remain unpaid. We ask you to pay {total_overdue} within 7 days.",
        (Language::En, FinalNotice) => "This is our final notice. Unless {total_overdue} is paid within 7 days we will hand the matter over for collection. Late interest of {late_interest} has run up to {as_of}.",
        (Language::En, Handover) => "As the invoices below remain unpaid, we have handed the matter over to our collection agency.",
        (Language::ZhCn, PreDue) => "温馨提示：以下发票即将到期。",
        (Language::ZhCn, DueNotice) => "以下发票已于{due_dates}到期。",
        (Language::ZhCn, Friendly) => "据我方记录，以下发票最长已逾期{days_overdue}天，尚未付款。",
        (Language::ZhCn, FormalDemand) => "经多次提醒，以下发票仍未付款。请于7日内支付{total_overdue}。",
        (Language::ZhCn, FinalNotice) => "这是最后通知。如7日内未支付{total_overdue}，我方将移交催收。截至{as_of}的逾期罚息为{late_interest}。",
        (Language::ZhCn, Handover) => "由于以下发票仍未付款，我方已将此事移交催收机构处理。",
    }
}

fn body(kind: StepKind, channel: Channel, language: Language) -> String {
    let intro = intro(kind, language);
    match (language, channel) {
        (Language::En, Channel::Letter | Channel::Email) => format!(
            "Dear {{contact}},\n\n{intro}\n\n{{open_items}}\n\nTotal overdue: {{total_overdue}}\n\nPlease pay to: {{bank_details}}\n\nYours sincerely,\n{{company_name}}"
        ),
        (Language::En, Channel::Phone) => format!(
            "Call {{contact}} of {{customer}}. {intro} Total overdue: {{total_overdue}}."
        ),
        (Language::En, Channel::Sms) => format!(
            "{{company_name}}: {intro} Total overdue: {{total_overdue}}. Bank: {{bank_details}}"
        ),
        (Language::ZhCn, Channel::Letter | Channel::Email) => format!(
            "{{contact}}：\n\n您好！{intro}\n\n{{open_items}}\n\n逾期合计：{{total_overdue}}\n\n请汇款至：{{bank_details}}\n\n此致\n敬礼\n\n{{company_name}}"
        ),
        (Language::ZhCn, Channel::Phone) => {
            format!("致电{{customer}}的{{contact}}。{intro}逾期合计：{{total_overdue}}。")
        }
        (Language::ZhCn, Channel::Sms) => format!(
            "【{{company_name}}】{intro}逾期合计：{{total_overdue}}。收款账户：{{bank_details}}"
        ),
    }
}

/// The default template for a step kind, channel and language.
pub fn default_template(kind: StepKind, channel: Channel, language: Language) -> Template {
    Template {
        kind,
        channel,
        language,
        subject: subject(kind, language).to_string(),
        body: body(kind, channel, language),
    }
}

/// Every default template: each step kind × channel × language.
pub fn default_templates() -> Vec<Template> {
    let mut templates = Vec::new();
    for kind in StepKind::ALL {
        for channel in Channel::ALL {
            for language in Language::ALL {
                templates.push(default_template(kind, channel, language));
            }
        }
    }
    templates
}
