//! Letters, emails and SMS texts rendered from a template (`policy::templates`): pure, from
//! the customer's statement of account on a date, the company's details and the step. The
//! figures a template names are the statement's: `{total_overdue}` sums the items past due
//! per currency, `{days_overdue}` is the oldest item's days past due, `{late_interest}` the
//! sum of the items' interest (each rounded once, `collections::interest`), `{fee}` the
//! step's fee. `{open_items}` is a table in a letter (the page draws it: [`Piece::OpenItems`])
//! and one line per item in an email or SMS ([`render_text`]).

use crate::base::display::format_amount;
use crate::base::input::NumberFormat;
use crate::base::money::Currency;
use crate::collections::statement::{StatementItem, StatementOfAccount};
use crate::ledger::Customer;
use crate::policy::{parse_template, Language, Placeholder, ReminderStep, Segment};
use crate::team::CompanyDetails;
use rust_decimal::Decimal;

/// What a letter states besides its items: everything a placeholder can name, written out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterValues {
    pub customer: String,
    pub contact: String,
    /// One line per open item, in the letter's language.
    pub item_lines: Vec<String>,
    pub total_overdue: String,
    pub due_dates: String,
    pub days_overdue: String,
    pub late_interest: String,
    /// The step's fee, or empty when it has none.
    pub fee: String,
    pub company_name: String,
    pub company_address: String,
    pub bank_details: String,
    pub as_of: String,
}

/// A rendered template: text, and where the open items go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    OpenItems,
}

/// Sums per currency, written `¥1,000.00 + $20.00` (nothing open: zero in `fallback`).
pub fn per_currency(
    sums: &[(Currency, Decimal)],
    fallback: Currency,
    format: NumberFormat,
) -> String {
    if sums.is_empty() {
        return format_amount(Decimal::ZERO, fallback, format);
    }
    let written: Vec<String> = (sums.iter())
        .map(|(currency, sum)| format_amount(*sum, *currency, format))
        .collect();
    written.join(" + ")
}

fn add(sums: &mut Vec<(Currency, Decimal)>, currency: Currency, value: Decimal) {
    match sums.iter_mut().find(|(c, _)| *c == currency) {
        Some((_, sum)) => *sum += value,
        None => sums.push((currency, value)),
    }
}

/// An open item as one line of an email or SMS.
pub fn item_line(item: &StatementItem, language: Language, format: NumberFormat) -> String {
    let open = format_amount(item.open, item.currency, format);
    let (number, due, days) = (&item.number, item.due_date, item.days_overdue);
    match (language, days > 0) {
        (Language::En, true) => format!("{number} · due {due} · open {open} · {days} days overdue"),
        (Language::En, false) => format!("{number} · due {due} · open {open} · not yet due"),
        (Language::ZhCn, true) => format!("{number}，到期日{due}，未结{open}，逾期{days}天"),
        (Language::ZhCn, false) => format!("{number}，到期日{due}，未结{open}，未到期"),
    }
}

/// The overdue total, late interest and fee of a statement for a step, per currency.
pub struct LetterSums {
    pub overdue: Vec<(Currency, Decimal)>,
    pub interest: Vec<(Currency, Decimal)>,
}

pub fn letter_sums(statement: &StatementOfAccount) -> LetterSums {
    let mut sums = LetterSums {
        overdue: Vec::new(),
        interest: Vec::new(),
    };
    for item in statement.overdue_items() {
        add(&mut sums.overdue, item.currency, item.open);
        add(&mut sums.interest, item.currency, item.interest.total);
    }
    sums
}

/// Everything the placeholders name, for `customer`'s statement and `step`.
pub fn letter_values(
    statement: &StatementOfAccount,
    customer: &Customer,
    company: Option<&CompanyDetails>,
    step: Option<&ReminderStep>,
    (language, format): (Language, NumberFormat),
) -> LetterValues {
    let currency = customer.details.currency;
    let sums = letter_sums(statement);
    let separator = if language == Language::ZhCn {
        "、"
    } else {
        ", "
    };
    let due_dates: Vec<String> = (statement.overdue_items())
        .map(|item| item.due_date.to_string())
        .collect();
    let days = statement
        .overdue_items()
        .map(|item| item.days_overdue)
        .max();
    let company = company.cloned().unwrap_or_default();
    LetterValues {
        customer: customer.details.name.clone(),
        contact: customer.details.contact.clone(),
        item_lines: (statement.items.iter())
            .map(|item| item_line(item, language, format))
            .collect(),
        total_overdue: per_currency(&sums.overdue, currency, format),
        due_dates: due_dates.join(separator),
        days_overdue: days.unwrap_or(0).to_string(),
        late_interest: per_currency(&sums.interest, currency, format),
        fee: (step.and_then(|s| s.fee))
            .map(|fee| format_amount(fee.value(), fee.currency(), format))
            .unwrap_or_default(),
        company_name: company.name,
        company_address: company.address,
        bank_details: company.bank_details,
        as_of: statement.as_of.to_string(),
    }
}

fn value(values: &LetterValues, slot: Placeholder) -> String {
    match slot {
        Placeholder::Customer => values.customer.clone(),
        Placeholder::Contact => values.contact.clone(),
        Placeholder::OpenItems => values.item_lines.join("\n"),
        Placeholder::TotalOverdue => values.total_overdue.clone(),
        Placeholder::DueDates => values.due_dates.clone(),
        Placeholder::DaysOverdue => values.days_overdue.clone(),
        Placeholder::LateInterest => values.late_interest.clone(),
        Placeholder::Fee => values.fee.clone(),
        Placeholder::CompanyName => values.company_name.clone(),
        Placeholder::CompanyAddress => values.company_address.clone(),
        Placeholder::BankDetails => values.bank_details.clone(),
        Placeholder::AsOf => values.as_of.clone(),
    }
}

/// A template rendered for a letter: the text pieces, with the open items left for the page
/// to draw as a table. A template that does not read (saved templates always do) renders
/// as its own text.
pub fn render(text: &str, values: &LetterValues) -> Vec<Piece> {
    let Ok(segments) = parse_template(text) else {
        return vec![Piece::Text(text.to_string())];
    };
    let mut pieces: Vec<Piece> = Vec::new();
    for segment in segments {
        let written = match segment {
            Segment::Slot(Placeholder::OpenItems) => {
                pieces.push(Piece::OpenItems);
                continue;
            }
            Segment::Slot(slot) => value(values, slot),
            Segment::Text(text) => text.to_string(),
        };
        match pieces.last_mut() {
            Some(Piece::Text(last)) => last.push_str(&written),
            _ => pieces.push(Piece::Text(written)),
        }
    }
    pieces
}

/// A template rendered as plain text (an email, SMS or call note): the open items one a line.
pub fn render_text(text: &str, values: &LetterValues) -> String {
    (render(text, values).into_iter())
        .map(|piece| match piece {
            Piece::Text(text) => text,
            Piece::OpenItems => values.item_lines.join("\n"),
        })
        .collect()
}

/// The e-mail address in a contact, when it has one (`Wang Li <wang@example.cn>`).
pub fn contact_email(contact: &str) -> Option<&str> {
    contact
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|word| word.trim_matches(|c| c == '<' || c == '>'))
        .find(|word| {
            let mut parts = word.splitn(2, '@');
            let (user, host) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        })
}

/// Percent-encodes for a `mailto:` URL (RFC 6068): every byte but the unreserved ones, and
/// a line break as `%0D%0A`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A `mailto:` draft: to the address (when known), with the subject and body encoded.
pub fn mailto_href(to: Option<&str>, subject: &str, body: &str) -> String {
    let to = to.map(percent_encode).unwrap_or_default();
    let to = to.replace("%40", "@");
    format!(
        "mailto:{to}?subject={}&body={}",
        percent_encode(subject),
        percent_encode(body)
    )
}

/// What a letter asks for in one currency: the overdue items, the late interest (when the
/// step states it) and the step's fee (in its own currency), and their sum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterTotal {
    pub currency: Currency,
    pub overdue: Decimal,
    pub interest: Option<Decimal>,
    pub fee: Option<Decimal>,
    pub total: Decimal,
}

/// The totals a letter for `step` states, one per currency (the fee's currency included).
pub fn letter_totals(
    statement: &StatementOfAccount,
    step: Option<&ReminderStep>,
) -> Vec<LetterTotal> {
    let sums = letter_sums(statement);
    let states_interest = step.is_some_and(|s| s.states_interest);
    let mut totals: Vec<LetterTotal> = (sums.overdue.iter())
        .map(|(currency, overdue)| {
            let interest = (sums.interest.iter())
                .find(|(c, _)| c == currency)
                .map_or(Decimal::ZERO, |(_, sum)| *sum);
            LetterTotal {
                currency: *currency,
                overdue: *overdue,
                interest: states_interest.then_some(interest),
                fee: None,
                total: *overdue
                    + if states_interest {
                        interest
                    } else {
                        Decimal::ZERO
                    },
            }
        })
        .collect();
    if let Some(fee) = step.and_then(|s| s.fee) {
        let line = match totals.iter_mut().find(|t| t.currency == fee.currency()) {
            Some(line) => line,
            None => {
                totals.push(LetterTotal {
                    currency: fee.currency(),
                    overdue: Decimal::ZERO,
                    interest: None,
                    fee: None,
                    total: Decimal::ZERO,
                });
                totals.last_mut().expect("just pushed")
            }
        };
        line.fee = Some(fee.value());
        line.total += fee.value();
    }
    totals
}

/// The rung a letter is written for when no task is due: the last one the oldest item's
/// days past due have reached, else the first.
pub fn step_for_days(ladder: &[ReminderStep], days_overdue: i64) -> Option<&ReminderStep> {
    (ladder.iter())
        .rev()
        .find(|step| i64::from(step.offset_days) <= days_overdue)
        .or_else(|| ladder.first())
}
