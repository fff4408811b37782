//! The lines of a financial statement in display order, with their test ids and labels: the
//! statement form and the what-if panel show the same lines the same way.

use crate::i18n::Texts;
use creditdesk_core::credit::FinancialStatement;
use rust_decimal::Decimal;

/// One statement line: test id, label, and access to its value.
pub type StatementLine = (
    &'static str,
    &'static str,
    fn(&mut FinancialStatement) -> &mut Option<Decimal>,
);

/// The statement lines in display order (used by the form and the what-if panel).
pub fn lines(t: &Texts) -> [StatementLine; 12] {
    [
        ("current-assets", t.line_current_assets, |s| {
            &mut s.current_assets
        }),
        ("total-assets", t.line_total_assets, |s| &mut s.total_assets),
        ("current-liabilities", t.line_current_liabilities, |s| {
            &mut s.current_liabilities
        }),
        ("total-liabilities", t.line_total_liabilities, |s| {
            &mut s.total_liabilities
        }),
        ("equity", t.line_equity, |s| &mut s.equity),
        ("retained-earnings", t.line_retained_earnings, |s| {
            &mut s.retained_earnings
        }),
        ("inventory", t.line_inventory, |s| &mut s.inventory),
        ("cash", t.line_cash, |s| &mut s.cash),
        ("revenue", t.line_revenue, |s| &mut s.revenue),
        ("ebit", t.line_ebit, |s| &mut s.ebit),
        ("net-profit", t.line_net_profit, |s| &mut s.net_profit),
        ("interest-expense", t.line_interest_expense, |s| {
            &mut s.interest_expense
        }),
    ]
}
