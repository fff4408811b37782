//! The credit file's records (客户信用档案): external credit reports, financial statements,
//! bank and supplier references, site visits and interviews, risk signals. Records are
//! journal entries; nothing here is edited in place.

use crate::base::money::{Amount, Currency};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An external credit report as the agency states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditReport {
    pub agency: String,
    #[serde(with = "crate::base::dates::date_serde")]
    pub report_date: NaiveDate,
    /// The rating or score exactly as the agency writes it, e.g. `AA`, `CR3`, `720`.
    pub rating: String,
    pub recommended_limit: Option<Amount>,
    pub notes: String,
}

/// Balance-sheet and P&L lines of one period, in the statement's currency. A line the
/// customer did not disclose is `None`: ratios that need it are "not available", never zero.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancialStatement {
    #[serde(with = "crate::base::dates::date_serde")]
    pub period_end: NaiveDate,
    pub currency: Option<Currency>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub current_assets: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub total_assets: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub current_liabilities: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub total_liabilities: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub equity: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub retained_earnings: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub inventory: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub cash: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub revenue: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub ebit: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub net_profit: Option<Decimal>,
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub interest_expense: Option<Decimal>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReferenceKind {
    Bank,
    Supplier,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Assessment {
    Positive,
    Neutral,
    Negative,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub kind: ReferenceKind,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    /// The bank or supplier giving the reference.
    pub source: String,
    pub assessment: Assessment,
    pub findings: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VisitKind {
    SiteVisit,
    Interview,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub kind: VisitKind,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    /// Who visited or interviewed.
    pub who: String,
    pub findings: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignalKind {
    ManagementChange,
    NegativeNews,
    Lawsuit,
    IndustryDownturn,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Low,
    Medium,
    High,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskSignal {
    pub kind: SignalKind,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub severity: Severity,
    pub source: String,
    pub notes: String,
}

/// One investigation record in a customer's credit file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreditRecord {
    Report(CreditReport),
    Statement(FinancialStatement),
    Reference(Reference),
    Visit(Visit),
    Signal(RiskSignal),
}

impl CreditRecord {
    /// The date the record speaks for (report date, period end, reference or visit date).
    pub fn date(&self) -> NaiveDate {
        match self {
            CreditRecord::Report(report) => report.report_date,
            CreditRecord::Statement(statement) => statement.period_end,
            CreditRecord::Reference(reference) => reference.date,
            CreditRecord::Visit(visit) => visit.date,
            CreditRecord::Signal(signal) => signal.date,
        }
    }
}

/// What is odd about a statement but still allowed to be recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatementWarning {
    /// Total assets differ from total liabilities + equity by more than 0.5 % of total assets.
    Unbalanced {
        assets: Decimal,
        liabilities_and_equity: Decimal,
    },
}

/// Warnings for a statement; only checked when total assets, total liabilities and equity are
/// all present. The 0.5 % tolerance absorbs rounding in published figures (thousands, minority
/// interests shown apart) without hiding a typing mistake.
pub fn statement_warnings(statement: &FinancialStatement) -> Vec<StatementWarning> {
    let (Some(assets), Some(liabilities), Some(equity)) = (
        statement.total_assets,
        statement.total_liabilities,
        statement.equity,
    ) else {
        return Vec::new();
    };
    let Some(liabilities_and_equity) = liabilities.checked_add(equity) else {
        return Vec::new();
    };
    let tolerance = assets.abs() * Decimal::new(5, 3);
    let difference = assets.checked_sub(liabilities_and_equity);
    if difference.is_some_and(|difference| difference.abs() <= tolerance) {
        return Vec::new();
    }
    vec![StatementWarning::Unbalanced {
        assets,
        liabilities_and_equity,
    }]
}
