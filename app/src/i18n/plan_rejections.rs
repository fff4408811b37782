//! The messages of the rejections of write-off proposals, payment plans and early-payment
//! discounts, zh-CN and en: a table of their own, so that the bundles that word rejections
//! (the field check) link these alone and not the screens' texts (`plans.rs`).

use super::fill;
use creditdesk_core::decide::Rejection;

texts!(PlanRejectionTexts {
    rej_discount_percent,
    rej_discount_days,
    rej_unknown_proposal,
    rej_proposal_decided,
    rej_own_proposal,
    rej_write_off_pending,
    rej_decision_before_proposal,
    rej_plan_empty,
    rej_plan_sum,
    rej_plan_dates,
    rej_instalment_before,
    rej_plan_not_open,
    rej_plan_other_customer,
    rej_plan_overlaps,
});

pub static ZH: PlanRejectionTexts = PlanRejectionTexts {
    rej_discount_percent: "折扣比例须大于 0% 且小于 100%。",
    rej_discount_days: "折扣天数至少 1 天，且须短于付款期限（{terms} 天）。",
    rej_unknown_proposal: "没有这条核销提议。",
    rej_proposal_decided: "这条核销提议已批准或驳回。",
    rej_own_proposal: "双人复核：这条核销是您提议的，须由另一位人员批准或驳回。",
    rej_write_off_pending: "该发票已有一条待批准的核销提议。",
    rej_decision_before_proposal: "审批日期早于提议日期。",
    rej_plan_empty: "分期付款计划至少需要一张发票和一期付款。",
    rej_plan_sum: "各期合计 {instalments}，但所含发票未付金额为 {open}：两者必须完全相等。",
    rej_plan_dates: "每一期的日期必须晚于上一期。",
    rej_instalment_before: "有一期的日期早于计划日期。",
    rej_plan_not_open: "发票 {invoice} 没有未付金额。",
    rej_plan_other_customer: "发票 {invoice} 属于其他客户。",
    rej_plan_overlaps: "发票 {invoice} 已在执行中的分期付款计划内。",
};

pub static EN: PlanRejectionTexts = PlanRejectionTexts {
    rej_discount_percent: "The discount must be more than 0 % and less than 100 %.",
    rej_discount_days: "The discount days must be at least 1 and fewer than the payment terms ({terms} days).",
    rej_unknown_proposal: "There is no such write-off proposal.",
    rej_proposal_decided: "This write-off was already approved or rejected.",
    rej_own_proposal: "Four eyes: you proposed this write-off, so another profile must approve or reject it.",
    rej_write_off_pending: "This invoice already has a write-off waiting for approval.",
    rej_decision_before_proposal: "The decision is dated before the proposal.",
    rej_plan_empty: "A payment plan needs at least one invoice and one instalment.",
    rej_plan_sum: "The instalments add up to {instalments}, but {open} is open on the plan's invoices: they must match exactly.",
    rej_plan_dates: "Each instalment's date must come after the one before.",
    rej_instalment_before: "An instalment is dated before the plan.",
    rej_plan_not_open: "Invoice {invoice} has nothing open.",
    rej_plan_other_customer: "Invoice {invoice} belongs to another customer.",
    rej_plan_overlaps: "Invoice {invoice} is already in a current payment plan.",
};

/// The message for a rejection of write-off proposals and payment plans; `amount` writes a
/// figure in the user's number format. `None` for the other rejections.
pub fn rejection(
    t: &PlanRejectionTexts,
    rejection: &Rejection,
    amount: impl Fn(&rust_decimal::Decimal) -> String,
) -> Option<String> {
    use Rejection::*;
    let named = |text: &str, invoice: &str| fill(text, &[("invoice", invoice)]);
    Some(match rejection {
        UnknownProposal => t.rej_unknown_proposal.into(),
        ProposalDecided => t.rej_proposal_decided.into(),
        OwnProposal => t.rej_own_proposal.into(),
        WriteOffPending => t.rej_write_off_pending.into(),
        DecisionBeforeProposal => t.rej_decision_before_proposal.into(),
        PlanEmpty => t.rej_plan_empty.into(),
        PlanSumMismatch { open, instalments } => fill(
            t.rej_plan_sum,
            &[
                ("open", &amount(open)),
                ("instalments", &amount(instalments)),
            ],
        ),
        PlanDatesNotIncreasing => t.rej_plan_dates.into(),
        InstalmentBeforePlan => t.rej_instalment_before.into(),
        PlanInvoiceNotOpen { invoice } => named(t.rej_plan_not_open, invoice),
        PlanInvoiceOfOtherCustomer { invoice } => named(t.rej_plan_other_customer, invoice),
        PlanOverlaps { invoice } => named(t.rej_plan_overlaps, invoice),
        DiscountPercentOutOfRange => t.rej_discount_percent.into(),
        DiscountDaysOutOfRange { terms } => {
            fill(t.rej_discount_days, &[("terms", &terms.to_string())])
        }
        _ => return None,
    })
}
