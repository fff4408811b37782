//! The journal in words, zh-CN and en: one sentence per entry from the facts the core derives
//! (`core::journal::EntryFacts`) — what happened, to which customer, for how much, by whom —
//! the names of the kinds, and the journal page's filter and list. Amounts are written in the
//! user's number format (`crate::numbers`). The match over the facts has no wildcard arm, so
//! a new kind of entry does not compile until it has its sentence in both languages.

use super::{collections, fill, plans, record_kind, record_summary, vocab, Lang, Texts};
use crate::numbers;
use chrono::NaiveDate;
use creditdesk_core::journal::{
    AlertsWhat, CollectionsWhat, CustomerRef, DetailChange, DetailField, EntryFacts, EntryKind,
    LedgerWhat, LimitsWhat, Profile, Settled, TeamWhat, What,
};
use creditdesk_core::ledger::search::PickError;
use creditdesk_core::ledger::{DisputeOutcome, OrderClosure};
use creditdesk_core::limits::CheckReason;
use creditdesk_core::Money;

texts!(JournalTexts {
    kind_customer_since_changed,
    kind_strategy_changed,
    kind_task_completed,
    kind_step_escalated,
    kind_promise_recorded,
    kind_collector_assigned,
    kind_alert_acknowledged,
    kind_alert_snoozed,
    kind_alert_hold_released,
    s_customer_since_changed,
    s_strategy_changed,
    s_task_completed,
    s_step_escalated,
    s_promise_recorded,
    s_collector_assigned,
    s_collector_removed,
    s_alert_acknowledged,
    s_alert_snoozed,
    s_alert_hold_released,
    kind_customer_registered,
    kind_customer_updated,
    kind_invoice_issued,
    kind_payment_received,
    kind_credit_note_issued,
    kind_invoice_written_off,
    kind_order_opened,
    kind_order_closed,
    kind_dispute_opened,
    kind_dispute_resolved,
    kind_credit_record_added,
    kind_policy_changed,
    kind_user_added,
    kind_user_changed,
    kind_company_details_set,
    s_company_details_set,
    kind_limit_requested,
    kind_limit_approved,
    kind_limit_rejected,
    kind_limit_lapsed,
    kind_hold_placed,
    kind_hold_released,
    kind_order_released,
    kind_widget_origins_set,
    s_customer_registered,
    s_customer_updated,
    s_customer_unchanged,
    s_invoice_issued,
    s_payment_received,
    s_credit_note_issued,
    s_invoice_written_off,
    s_order_opened,
    s_order_invoiced,
    s_order_cancelled,
    s_dispute_opened,
    s_dispute_accepted,
    s_dispute_rejected,
    s_credit_record_added,
    s_policy_changed,
    s_user_added,
    s_user_role_changed,
    s_user_renamed,
    s_user_renamed_role_changed,
    s_user_unchanged,
    s_user_set,
    s_limit_requested,
    s_temporary_requested,
    s_limit_approved,
    s_temporary_approved,
    s_limit_rejected,
    s_temporary_rejected,
    s_limit_lapsed,
    s_hold_placed,
    s_hold_released,
    s_order_released,
    s_widget_origins_set,
    allocated_to,
    left_unapplied,
    origins_added,
    origins_removed,
    origins_now,
    origins_none,
    change,
    empty_value,
    no_reference,
    quoted,
    list_separator,
    part_separator,
    col_when,
    col_who,
    col_what,
    col_event,
    event_number,
    event_hash,
    counts,
    matching,
    reading,
    no_match,
    older,
    filter_title,
    filter_customer,
    filter_customer_hint,
    filter_actor,
    filter_anyone,
    filter_kind,
    filter_any_kind,
    filter_from,
    filter_to,
    filter_dates_hint,
    filter_apply,
    filter_clear,
    err_dates_reversed,
    err_no_customer,
    err_several_customers,
    err_link,
    err_link_customer,
    err_link_kind,
    customer_journal,
    help_journal_title,
    help_journal,
});

pub static ZH: JournalTexts = JournalTexts {
    kind_customer_since_changed: "修改合作起始日",
    kind_strategy_changed: "修改催收策略",
    kind_task_completed: "完成催收任务",
    kind_step_escalated: "升级催收步骤",
    kind_promise_recorded: "记录付款承诺",
    kind_collector_assigned: "指定催收负责人",
    kind_alert_acknowledged: "确认预警",
    kind_alert_snoozed: "暂缓预警",
    kind_alert_hold_released: "解除预警停止赊销",
    s_customer_since_changed: "{who}把{customer}的合作起始日改为 {date}。",
    s_strategy_changed: "{who}保存新的催收策略，自 {date} 起生效。",
    s_task_completed: "{who}于{date}完成{customer}的“{step}”（第 {offset} 天，{channel}），结果：{outcome}；涉及 {invoices}。{notes}",
    s_step_escalated: "{who}于{date}把{customer}的 {invoices} 升级到第 {offset} 天的步骤：“{reason}”。",
    s_promise_recorded: "{who}于{date}记录{customer}的付款承诺：{amount}，{due} 前付款，宽限 {tolerance} 天。",
    s_collector_assigned: "{who}于{date}指定{collector}负责{customer}的催收。",
    s_collector_removed: "{who}于{date}取消{customer}的催收负责人。",
    s_alert_acknowledged: "{who}于{date}确认{customer}的“{rule}”预警（自 {since}）。",
    s_alert_snoozed: "{who}于{date}将{customer}的“{rule}”预警暂缓至 {until}。",
    s_alert_hold_released: "{who}于{date}解除{customer}因预警（{rules}）的停止赊销，理由：{reason}。",
    kind_customer_registered: "登记客户",
    kind_customer_updated: "修改客户资料",
    kind_invoice_issued: "开具发票",
    kind_payment_received: "收款",
    kind_credit_note_issued: "开具贷项通知单",
    kind_invoice_written_off: "核销坏账",
    kind_order_opened: "登记订单",
    kind_order_closed: "关闭订单",
    kind_dispute_opened: "提出争议",
    kind_dispute_resolved: "解决争议",
    kind_credit_record_added: "添加信用档案记录",
    kind_policy_changed: "修改信用政策",
    kind_user_added: "添加用户",
    kind_user_changed: "修改用户",
    kind_company_details_set: "设置公司信息",
    s_company_details_set: "{who}将公司信息（信函抬头）设为 {name}。",
    kind_limit_requested: "申请额度",
    kind_limit_approved: "批准额度",
    kind_limit_rejected: "驳回额度申请",
    kind_limit_lapsed: "临时额度失效",
    kind_hold_placed: "停止赊销",
    kind_hold_released: "解除停止赊销",
    kind_order_released: "放行被拦截的订单",
    kind_widget_origins_set: "设置嵌入来源",
    s_customer_registered: "{date}登记客户{customer}（{customer_number}），账期 {terms} 天，币种 {currency}。",
    s_customer_updated: "修改了{customer}的资料：{changes}。",
    s_customer_unchanged: "保存了{customer}的资料，未作改动。",
    s_invoice_issued: "{date}向{customer}开具发票 {number}，金额 {amount}，到期日 {due}。",
    s_payment_received: "{date}收到{customer}付款 {amount}（{reference}）：{use}。",
    s_credit_note_issued: "{date}向{customer}开具贷项通知单 {number}，金额 {amount}（“{reason}”）：{use}。",
    s_invoice_written_off: "{date}将{customer}发票 {invoice} 的 {amount} 核销为坏账：“{reason}”。",
    s_order_opened: "{date}登记{customer}的订单 {number}，金额 {amount}。",
    s_order_invoiced: "{date}{customer}的订单 {number}（{amount}）已开票，订单关闭。",
    s_order_cancelled: "{date}取消{customer}的订单 {number}（{amount}）。",
    s_dispute_opened: "{date}{customer}对发票 {invoice} 中的 {amount} 提出争议：“{reason}”。",
    s_dispute_accepted: "{date}{customer}发票 {invoice} 的争议（{amount}）已解决：争议成立。",
    s_dispute_rejected: "{date}{customer}发票 {invoice} 的争议（{amount}）已解决：争议不成立，按发票金额付款。",
    s_credit_record_added: "{date}在{customer}的信用档案中添加{kind}：{summary}。",
    s_policy_changed: "{who}保存信用政策第 {version} 版，自 {date} 起生效。",
    s_user_added: "{who}添加用户 {name}，角色为{role}。",
    s_user_role_changed: "{who}将 {name} 的角色从{from}改为{to}。",
    s_user_renamed: "{who}将用户 {from} 改名为 {to}。",
    s_user_renamed_role_changed: "{who}将用户 {from} 改名为 {to}，角色从{role_from}改为{role_to}。",
    s_user_unchanged: "{who}保存了用户 {name}（{role}），未作改动。",
    s_user_set: "{who}将用户 {name} 设为{role}。",
    s_limit_requested: "{who}于{date}为{customer}申请信用额度 {amount}：“{reason}”。",
    s_temporary_requested: "{who}于{date}为{customer}申请临时额度 {amount}（至 {until}）：“{reason}”。",
    s_limit_approved: "{who}于{date}批准{customer}的信用额度 {amount}，复核日 {review}（等级 {grade}）{comment}。",
    s_temporary_approved: "{who}于{date}批准{customer}的临时额度 {amount}（至 {until}），复核日 {review}（等级 {grade}）{comment}。",
    s_limit_rejected: "{who}于{date}驳回{customer}的信用额度申请 {amount}：“{comment}”。",
    s_temporary_rejected: "{who}于{date}驳回{customer}的临时额度申请 {amount}（至 {until}）：“{comment}”。",
    s_limit_lapsed: "{customer}的临时额度 {amount} 已于 {until} 后失效（{date}记录）。",
    s_hold_placed: "{who}于{date}对{customer}停止赊销：“{reason}”。",
    s_hold_released: "{who}于{date}解除{customer}的停止赊销：“{reason}”。",
    s_order_released: "{who}于{date}放行{customer}被拦截的订单 {number}（{amount}）：“{reason}”。拦截原因：{reasons}。",
    s_widget_origins_set: "{who}于{date}设置嵌入来源：{changes}。",
    allocated_to: "核销 {list}",
    left_unapplied: "{amount} 未核销",
    origins_added: "新增 {list}",
    origins_removed: "移除 {list}",
    origins_now: "现允许 {list}",
    origins_none: "现不允许任何来源",
    change: "{field}由 {before} 改为 {after}",
    empty_value: "（空）",
    no_reference: "无参考号",
    quoted: "：“{text}”",
    list_separator: "、",
    part_separator: "；",
    col_when: "记录时间",
    col_who: "操作人",
    col_what: "内容",
    col_event: "事件",
    event_number: "第 {seq} 号",
    event_hash: "SHA-256：{hash}",
    counts: "事件：{events} · 记录：{entries}",
    matching: "符合条件的记录：{count} 条，已显示 {shown} 条",
    reading: "正在读取日志…",
    no_match: "没有符合条件的记录。",
    older: "更早的记录",
    filter_title: "筛选",
    filter_customer: "客户",
    filter_customer_hint: "客户编号或名称（可输入拼音），可从提示中选择",
    filter_actor: "操作人",
    filter_anyone: "所有人",
    filter_kind: "类型",
    filter_any_kind: "所有类型",
    filter_from: "起始日期",
    filter_to: "截止日期",
    filter_dates_hint: "如 2026-01-31；按记录本身的日期（开票、收款、审批日），没有日期的按记录当天",
    filter_apply: "筛选",
    filter_clear: "清除筛选",
    err_dates_reversed: "起始日期 {from} 晚于截止日期 {to}。",
    err_no_customer: "没有与“{text}”相符的客户。",
    err_several_customers: "有 {count} 个客户与“{text}”相符：请从提示中选择，或输入客户编号。",
    err_link: "此链接中的筛选条件无法读取：{message}",
    err_link_customer: "没有编号为 {number} 的客户。",
    err_link_kind: "没有“{kind}”这种记录类型。",
    customer_journal: "该客户的日志",
    help_journal_title: "阅读审计日志",
    help_journal: "日志页把每条记录写成一句话：何时记录、谁操作、发生了什么、涉及哪个客户和多少金额，客户名称可点击打开客户页面。可按客户（编号、名称或拼音）、操作人、类型和日期筛选，筛选条件保存在网址中；日期按记录本身的日期（开票日、收款日、审批日等），没有日期的记录（修改客户资料、用户）按记录当天。名称按记录当时的写法显示。第一次打开日志页会读取全部事件（大型数据需要几秒钟），之后只读取新事件。",
};

pub static EN: JournalTexts = JournalTexts {
    kind_customer_since_changed: "Customer since changed",
    kind_strategy_changed: "Collection strategy changed",
    kind_task_completed: "Reminder done",
    kind_step_escalated: "Reminder step escalated",
    kind_promise_recorded: "Promise to pay recorded",
    kind_collector_assigned: "Collector assigned",
    kind_alert_acknowledged: "Alert acknowledged",
    kind_alert_snoozed: "Alert snoozed",
    kind_alert_hold_released: "Alert hold released",
    s_customer_since_changed: "\"Customer since\" of {customer} moved to {date} by {who}.",
    s_strategy_changed: "A new collection strategy, in force from {date}, saved by {who}.",
    s_task_completed: "{step} (day {offset}) for {customer} done by {who} on {date} by {channel}: {outcome}; about {invoices}.{notes}",
    s_step_escalated: "{invoices} of {customer} escalated to the day-{offset} step by {who} on {date}: “{reason}”.",
    s_promise_recorded: "Promise to pay from {customer} recorded by {who} on {date}: {amount} by {due}, {tolerance} days of tolerance.",
    s_collector_assigned: "{customer} put on {collector}'s list by {who} on {date}.",
    s_collector_removed: "{customer} taken off every collector's list by {who} on {date}.",
    s_alert_acknowledged: "{customer}'s “{rule}” alert (since {since}) acknowledged by {who} on {date}.",
    s_alert_snoozed: "{customer}'s “{rule}” alert snoozed until {until} by {who} on {date}.",
    s_alert_hold_released: "{customer}'s credit hold from alerts ({rules}) released by {who} on {date}: {reason}.",
    kind_customer_registered: "Customer registered",
    kind_customer_updated: "Customer details changed",
    kind_invoice_issued: "Invoice issued",
    kind_payment_received: "Payment received",
    kind_credit_note_issued: "Credit note issued",
    kind_invoice_written_off: "Invoice written off",
    kind_order_opened: "Order opened",
    kind_order_closed: "Order closed",
    kind_dispute_opened: "Dispute opened",
    kind_dispute_resolved: "Dispute resolved",
    kind_credit_record_added: "Credit-file record added",
    kind_policy_changed: "Credit policy changed",
    kind_user_added: "Profile added",
    kind_user_changed: "Profile changed",
    kind_company_details_set: "Company details set",
    s_company_details_set: "Company details (letterhead) set to {name} by {who}.",
    kind_limit_requested: "Limit requested",
    kind_limit_approved: "Limit approved",
    kind_limit_rejected: "Limit request rejected",
    kind_limit_lapsed: "Temporary limit lapsed",
    kind_hold_placed: "Credit hold placed",
    kind_hold_released: "Credit hold released",
    kind_order_released: "Blocked order released",
    kind_widget_origins_set: "Widget origins set",
    s_customer_registered: "Customer {customer} ({customer_number}) registered on {date}: payment terms {terms} days, currency {currency}.",
    s_customer_updated: "Details of {customer} changed: {changes}.",
    s_customer_unchanged: "Details of {customer} saved without a change.",
    s_invoice_issued: "Invoice {number} issued to {customer} on {date} for {amount}, due {due}.",
    s_payment_received: "Payment of {amount} received from {customer} on {date} ({reference}): {use}.",
    s_credit_note_issued: "Credit note {number} of {amount} issued to {customer} on {date} (“{reason}”): {use}.",
    s_invoice_written_off: "{amount} of invoice {invoice} of {customer} written off on {date}: “{reason}”.",
    s_order_opened: "Order {number} of {customer} for {amount} opened on {date}.",
    s_order_invoiced: "Order {number} of {customer} ({amount}) closed as invoiced on {date}.",
    s_order_cancelled: "Order {number} of {customer} ({amount}) cancelled on {date}.",
    s_dispute_opened: "{customer} disputed {amount} of invoice {invoice} on {date}: “{reason}”.",
    s_dispute_accepted: "Dispute over {amount} of invoice {invoice} of {customer} resolved on {date}: the claim was accepted.",
    s_dispute_rejected: "Dispute over {amount} of invoice {invoice} of {customer} resolved on {date}: the claim was rejected, payable as invoiced.",
    s_credit_record_added: "{kind} added to the credit file of {customer} on {date}: {summary}.",
    s_policy_changed: "Credit policy version {version}, in force from {date}, saved by {who}.",
    s_user_added: "Profile {name} added as {role} by {who}.",
    s_user_role_changed: "Role of {name} changed from {from} to {to} by {who}.",
    s_user_renamed: "Profile {from} renamed {to} by {who}.",
    s_user_renamed_role_changed: "Profile {from} renamed {to}, role changed from {role_from} to {role_to}, by {who}.",
    s_user_unchanged: "Profile {name} ({role}) saved without a change by {who}.",
    s_user_set: "Profile {name} set to {role} by {who}.",
    s_limit_requested: "Limit of {amount} requested for {customer} by {who} on {date}: “{reason}”.",
    s_temporary_requested: "Temporary limit of {amount} until {until} requested for {customer} by {who} on {date}: “{reason}”.",
    s_limit_approved: "Limit of {amount} for {customer} approved by {who} on {date}, review by {review} (grade {grade}){comment}.",
    s_temporary_approved: "Temporary limit of {amount} until {until} for {customer} approved by {who} on {date}, review by {review} (grade {grade}){comment}.",
    s_limit_rejected: "Limit of {amount} for {customer} rejected by {who} on {date}: “{comment}”.",
    s_temporary_rejected: "Temporary limit of {amount} until {until} for {customer} rejected by {who} on {date}: “{comment}”.",
    s_limit_lapsed: "Temporary limit of {amount} for {customer} lapsed after {until} (recorded on {date}).",
    s_hold_placed: "{customer} put on credit hold by {who} on {date}: “{reason}”.",
    s_hold_released: "Credit hold on {customer} released by {who} on {date}: “{reason}”.",
    s_order_released: "Order {number} of {customer} for {amount} released past a block by {who} on {date}: “{reason}”. Blocked for: {reasons}.",
    s_widget_origins_set: "Widget origins set by {who} on {date}: {changes}.",
    allocated_to: "allocated to {list}",
    left_unapplied: "{amount} unapplied",
    origins_added: "added {list}",
    origins_removed: "removed {list}",
    origins_now: "allowed now: {list}",
    origins_none: "no origin is allowed now",
    change: "{field} {before} → {after}",
    empty_value: "(empty)",
    no_reference: "no reference",
    quoted: ": “{text}”",
    list_separator: ", ",
    part_separator: "; ",
    col_when: "Recorded",
    col_who: "By",
    col_what: "What happened",
    col_event: "Event",
    event_number: "No. {seq}",
    event_hash: "SHA-256: {hash}",
    counts: "Events: {events} · Entries: {entries}",
    matching: "Matching entries: {count}, shown: {shown}",
    reading: "Reading the journal…",
    no_match: "No entry matches the filter.",
    older: "Older entries",
    filter_title: "Filter",
    filter_customer: "Customer",
    filter_customer_hint: "Number or name (pinyin works); pick from the suggestions",
    filter_actor: "By",
    filter_anyone: "Anyone",
    filter_kind: "Kind",
    filter_any_kind: "Any kind",
    filter_from: "From",
    filter_to: "To",
    filter_dates_hint: "e.g. 2026-01-31; each entry's own date (issue, payment, decision); entries without one count on the day recorded",
    filter_apply: "Apply",
    filter_clear: "Clear filter",
    err_dates_reversed: "The first day, {from}, is after the last day, {to}.",
    err_no_customer: "No customer matches “{text}”.",
    err_several_customers: "{count} customers match “{text}”: pick one from the suggestions or type its number.",
    err_link: "This link's filter cannot be read: {message}",
    err_link_customer: "There is no customer numbered {number}.",
    err_link_kind: "There is no kind of entry called “{kind}”.",
    customer_journal: "Journal of this customer",
    help_journal_title: "Reading the journal",
    help_journal: "The Journal page tells each entry as a sentence: when it was recorded, who acted, what happened, to which customer and for how much; the customer's name opens the customer's page. Filter by customer (number, name or pinyin), by who acted, by kind and by dates; the filter is kept in the address. Dates are each entry's own (issue, payment, decision date); entries without one (customer details, profiles) count on the day they were recorded. Names are shown as they were when the entry was made. The first visit to the page reads every event (a few seconds for a large portfolio); later visits read only the new ones.",
};

/// The name of a kind, for the kind filter.
pub fn kind_name(t: &JournalTexts, kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::CustomerRegistered => t.kind_customer_registered,
        EntryKind::CustomerUpdated => t.kind_customer_updated,
        EntryKind::InvoiceIssued => t.kind_invoice_issued,
        EntryKind::PaymentReceived => t.kind_payment_received,
        EntryKind::CreditNoteIssued => t.kind_credit_note_issued,
        EntryKind::InvoiceWrittenOff => t.kind_invoice_written_off,
        EntryKind::OrderOpened => t.kind_order_opened,
        EntryKind::OrderClosed => t.kind_order_closed,
        EntryKind::DisputeOpened => t.kind_dispute_opened,
        EntryKind::DisputeResolved => t.kind_dispute_resolved,
        EntryKind::CreditRecordAdded => t.kind_credit_record_added,
        EntryKind::PolicyChanged => t.kind_policy_changed,
        EntryKind::UserAdded => t.kind_user_added,
        EntryKind::UserChanged => t.kind_user_changed,
        EntryKind::CompanyDetailsSet => t.kind_company_details_set,
        EntryKind::LimitRequested => t.kind_limit_requested,
        EntryKind::LimitApproved => t.kind_limit_approved,
        EntryKind::LimitRejected => t.kind_limit_rejected,
        EntryKind::LimitLapsed => t.kind_limit_lapsed,
        EntryKind::HoldPlaced => t.kind_hold_placed,
        EntryKind::HoldReleased => t.kind_hold_released,
        EntryKind::OrderReleased => t.kind_order_released,
        EntryKind::WidgetOriginsSet => t.kind_widget_origins_set,
        EntryKind::CustomerSinceChanged => t.kind_customer_since_changed,
        EntryKind::StrategyChanged => t.kind_strategy_changed,
        EntryKind::TaskCompleted => t.kind_task_completed,
        EntryKind::StepEscalated => t.kind_step_escalated,
        EntryKind::PromiseRecorded => t.kind_promise_recorded,
        EntryKind::CollectorAssigned => t.kind_collector_assigned,
        EntryKind::AlertAcknowledged => t.kind_alert_acknowledged,
        EntryKind::AlertSnoozed => t.kind_alert_snoozed,
        EntryKind::AlertHoldReleased => t.kind_alert_hold_released,
        EntryKind::WriteOffProposed => plans_of(t).kind_write_off_proposed,
        EntryKind::WriteOffApproved => plans_of(t).kind_write_off_approved,
        EntryKind::WriteOffRejected => plans_of(t).kind_write_off_rejected,
        EntryKind::PlanAgreed => plans_of(t).kind_plan_agreed,
    }
}

/// The plans table in the language of `t`.
fn plans_of(t: &JournalTexts) -> &'static plans::PlansTexts {
    if std::ptr::eq(t, &ZH) {
        &plans::ZH
    } else {
        &plans::EN
    }
}

/// Why typed text names no one customer.
pub fn pick_error(t: &JournalTexts, text: &str, error: PickError) -> String {
    match error {
        PickError::NoMatch => fill(t.err_no_customer, &[("text", text.trim())]),
        PickError::Several { count } => fill(
            t.err_several_customers,
            &[("text", text.trim()), ("count", &count.to_string())],
        ),
    }
}

/// An entry told as a sentence: the text before the customer it names, the customer (a link
/// on the page), and the text after. Without a customer, all of it is `before`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub before: String,
    pub customer: Option<CustomerRef>,
    pub after: String,
}

/// The words a sentence is written with: the journal's, the shared vocabulary (roles, check
/// reasons) and the main table (credit-file records, field names).
struct Words {
    j: &'static JournalTexts,
    c: &'static collections::CollectionsTexts,
    p: &'static plans::PlansTexts,
    v: &'static vocab::VocabTexts,
    t: &'static Texts,
}

/// The values of one sentence's placeholders; `{customer}` is left for the link.
type Values = Vec<(&'static str, String)>;

/// Tells `facts` in `lang`; `who` is who acted (the entry's `by`, else the event's actor).
pub fn sentence(lang: Lang, facts: &EntryFacts, who: &str) -> Sentence {
    let words = Words {
        j: lang.journal(),
        c: lang.collections(),
        p: lang.plans(),
        v: lang.vocab(),
        t: lang.texts(),
    };
    let mut values: Values = vec![("who", who.to_string()), ("date", day(facts.date))];
    let template = words.template(&facts.what, &mut values);
    let customer = facts.customer.as_ref();
    if let Some(customer) = customer {
        values.push(("customer_number", customer.number.clone()));
    }
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let text = fill(template, &pairs);
    match (text.split_once("{customer}"), customer) {
        (Some((before, after)), Some(customer)) => Sentence {
            before: before.to_string(),
            customer: Some(customer.clone()),
            after: after.to_string(),
        },
        _ => Sentence {
            before: text,
            customer: None,
            after: String::new(),
        },
    }
}

fn money(amount: Money) -> String {
    numbers::money(amount.amount, amount.currency)
}

fn day(date: Option<NaiveDate>) -> String {
    date.map(|date| date.to_string()).unwrap_or_default()
}

impl Words {
    fn list(&self, items: impl IntoIterator<Item = String>) -> String {
        items
            .into_iter()
            .collect::<Vec<_>>()
            .join(self.j.list_separator)
    }

    /// The template of `what`, its values pushed onto `values`: one arm per area, each over
    /// all of its kinds.
    fn template(&self, what: &What, values: &mut Values) -> &'static str {
        match what {
            What::Ledger(what) => self.ledger(what, values),
            What::CreditRecordAdded { record } => {
                values.push(("kind", record_kind(self.t, record).to_string()));
                values.push(("summary", record_summary(self.t, record, numbers::money)));
                self.j.s_credit_record_added
            }
            What::PolicyChanged { version } => {
                values.push(("version", version.to_string()));
                self.j.s_policy_changed
            }
            What::StrategyChanged => self.j.s_strategy_changed,
            What::Team(what) => self.team(what, values),
            What::Limits(what) => self.limits(what, values),
            What::Collections(what) => self.collections(what, values),
            What::Alerts(what) => self.alerts(what, values),
        }
    }

    fn alerts(&self, what: &AlertsWhat, values: &mut Values) -> &'static str {
        let a = if std::ptr::eq(self.j, &ZH) {
            &super::alerts::ZH
        } else {
            &super::alerts::EN
        };
        match what {
            AlertsWhat::AlertAcknowledged { rule, since } => {
                values.push(("rule", super::alerts::rule(a, *rule).to_string()));
                values.push(("since", since.to_string()));
                self.j.s_alert_acknowledged
            }
            AlertsWhat::AlertSnoozed { rule, until, .. } => {
                values.push(("rule", super::alerts::rule(a, *rule).to_string()));
                values.push(("until", until.to_string()));
                self.j.s_alert_snoozed
            }
            AlertsWhat::AlertHoldReleased { reason, alerts } => {
                let rules: Vec<_> = alerts.iter().map(|run| run.rule).collect();
                values.push(("rules", super::alerts::rules(a, &rules)));
                values.push(("reason", reason.clone()));
                self.j.s_alert_hold_released
            }
        }
    }

    fn collections(&self, what: &CollectionsWhat, values: &mut Values) -> &'static str {
        match what {
            CollectionsWhat::TaskCompleted { .. } => self.task_completed(what, values),
            CollectionsWhat::StepEscalated {
                offset_days,
                reason,
                invoices,
            } => {
                values.push(("offset", format!("{offset_days:+}")));
                values.push(("reason", reason.clone()));
                values.push(("invoices", self.list(invoices.iter().cloned())));
                self.j.s_step_escalated
            }
            CollectionsWhat::PromiseRecorded {
                amount,
                due,
                tolerance_days,
            } => {
                values.extend([("amount", money(*amount)), ("due", due.to_string())]);
                values.push(("tolerance", tolerance_days.to_string()));
                self.j.s_promise_recorded
            }
            CollectionsWhat::CollectorAssigned { collector } => match collector {
                Some(user) => {
                    values.push(("collector", user.name.clone()));
                    self.j.s_collector_assigned
                }
                None => self.j.s_collector_removed,
            },
            CollectionsWhat::WriteOffProposed {
                invoice,
                amount,
                reason,
            } => {
                values.extend([("invoice", invoice.clone()), ("amount", money(*amount))]);
                values.push(("reason", reason.clone()));
                self.p.s_write_off_proposed
            }
            CollectionsWhat::WriteOffApproved { invoice, amount } => {
                values.extend([("invoice", invoice.clone()), ("amount", money(*amount))]);
                self.p.s_write_off_approved
            }
            CollectionsWhat::WriteOffRejected {
                invoice,
                amount,
                reason,
            } => {
                values.extend([("invoice", invoice.clone()), ("amount", money(*amount))]);
                values.push(("reason", reason.clone()));
                self.p.s_write_off_rejected
            }
            CollectionsWhat::PlanAgreed {
                invoices,
                total,
                instalments,
                last_due,
            } => {
                values.extend([("invoices", self.list(invoices.iter().cloned()))]);
                values.extend([
                    ("amount", money(*total)),
                    ("count", instalments.to_string()),
                ]);
                values.push(("last", last_due.to_string()));
                self.p.s_plan_agreed
            }
        }
    }

    fn task_completed(&self, what: &CollectionsWhat, values: &mut Values) -> &'static str {
        let c = self.c;
        let CollectionsWhat::TaskCompleted {
            step,
            offset_days,
            channel,
            outcome,
            notes,
            invoices,
        } = what
        else {
            return self.j.s_task_completed;
        };
        values.push(("step", collections::step(c, *step).to_string()));
        values.push(("offset", format!("{offset_days:+}")));
        values.push(("channel", collections::channel(c, *channel).to_string()));
        values.push(("outcome", collections::outcome(c, *outcome).to_string()));
        values.push(("invoices", self.list(invoices.iter().cloned())));
        let notes = notes.trim();
        values.push((
            "notes",
            if notes.is_empty() {
                String::new()
            } else {
                format!(" “{notes}”")
            },
        ));
        self.j.s_task_completed
    }

    fn ledger(&self, what: &LedgerWhat, values: &mut Values) -> &'static str {
        match what {
            LedgerWhat::CustomerRegistered {
                terms_days,
                currency,
            } => {
                values.push(("terms", terms_days.to_string()));
                values.push(("currency", currency.code().to_string()));
                self.j.s_customer_registered
            }
            LedgerWhat::CustomerUpdated { changes } => self.customer_updated(changes, values),
            LedgerWhat::CustomerSinceChanged { .. } => self.j.s_customer_since_changed,
            LedgerWhat::InvoiceIssued {
                number,
                amount,
                due_date,
            } => {
                values.extend([("number", number.clone()), ("amount", money(*amount))]);
                values.push(("due", due_date.to_string()));
                self.j.s_invoice_issued
            }
            LedgerWhat::PaymentReceived {
                amount,
                reference,
                settled,
                unapplied,
            } => self.payment(*amount, reference, settled, *unapplied, values),
            LedgerWhat::CreditNoteIssued {
                number,
                amount,
                reason,
                settled,
                unapplied,
            } => self.credit_note(number, *amount, reason, (settled, *unapplied), values),
            LedgerWhat::InvoiceWrittenOff {
                invoice,
                amount,
                reason,
            } => of_invoice(
                invoice,
                *amount,
                reason,
                values,
                self.j.s_invoice_written_off,
            ),
            LedgerWhat::OrderOpened { number, amount } => {
                values.extend([("number", number.clone()), ("amount", money(*amount))]);
                self.j.s_order_opened
            }
            LedgerWhat::OrderClosed {
                number,
                amount,
                closure,
            } => self.order_closed(number, *amount, *closure, values),
            LedgerWhat::DisputeOpened {
                invoice,
                amount,
                reason,
            } => of_invoice(invoice, *amount, reason, values, self.j.s_dispute_opened),
            LedgerWhat::DisputeResolved {
                invoice,
                amount,
                outcome,
            } => self.dispute_resolved(invoice, *amount, *outcome, values),
        }
    }

    /// "Details of X changed: name A → B; payment terms 30 → 45", or saved unchanged.
    fn customer_updated(&self, changes: &[DetailChange], values: &mut Values) -> &'static str {
        if changes.is_empty() {
            return self.j.s_customer_unchanged;
        }
        let shown = |value: &str| match value {
            "" => self.j.empty_value.to_string(),
            value => value.to_string(),
        };
        let parts: Vec<String> = changes
            .iter()
            .map(|change| {
                let field = self.detail_field(change.field);
                let (before, after) = (shown(&change.before), shown(&change.after));
                let pairs = [("field", field), ("before", &before), ("after", &after)];
                fill(self.j.change, &pairs)
            })
            .collect();
        values.push(("changes", parts.join(self.j.part_separator)));
        self.j.s_customer_updated
    }

    /// A field of the customer form, by the label the form gives it.
    fn detail_field(&self, field: DetailField) -> &'static str {
        match field {
            DetailField::Number => self.t.customer_number,
            DetailField::Name => self.t.name,
            DetailField::RegistrationNo => self.t.registration_no,
            DetailField::Industry => self.t.industry,
            DetailField::Country => self.t.country,
            DetailField::Currency => self.t.currency,
            DetailField::Terms => self.t.payment_terms,
            DetailField::Contact => self.t.contact,
            DetailField::Group => self.t.group,
            DetailField::Discount => self.p.discount_percent,
        }
    }

    /// What money in did: "allocated to INV-1 ¥10.00, INV-2 ¥5.00; ¥3.00 unapplied".
    fn use_of(&self, settled: &[Settled], unapplied: Money) -> String {
        let mut parts = Vec::new();
        if !settled.is_empty() {
            let list = self.list(
                settled
                    .iter()
                    .map(|part| format!("{} {}", part.invoice, money(part.amount))),
            );
            parts.push(fill(self.j.allocated_to, &[("list", &list)]));
        }
        if unapplied.amount > rust_decimal::Decimal::ZERO {
            parts.push(fill(
                self.j.left_unapplied,
                &[("amount", &money(unapplied))],
            ));
        }
        parts.join(self.j.part_separator)
    }

    fn payment(
        &self,
        amount: Money,
        reference: &str,
        settled: &[Settled],
        unapplied: Money,
        values: &mut Values,
    ) -> &'static str {
        let reference = match reference.trim() {
            "" => self.j.no_reference.to_string(),
            reference => reference.to_string(),
        };
        values.extend([("amount", money(amount)), ("reference", reference)]);
        values.push(("use", self.use_of(settled, unapplied)));
        self.j.s_payment_received
    }

    fn credit_note(
        &self,
        number: &str,
        amount: Money,
        reason: &str,
        (settled, unapplied): (&[Settled], Money),
        values: &mut Values,
    ) -> &'static str {
        values.extend([("number", number.to_string()), ("amount", money(amount))]);
        values.push(("reason", reason.to_string()));
        values.push(("use", self.use_of(settled, unapplied)));
        self.j.s_credit_note_issued
    }

    fn order_closed(
        &self,
        number: &str,
        amount: Money,
        closure: OrderClosure,
        values: &mut Values,
    ) -> &'static str {
        values.extend([("number", number.to_string()), ("amount", money(amount))]);
        match closure {
            OrderClosure::Invoiced => self.j.s_order_invoiced,
            OrderClosure::Cancelled => self.j.s_order_cancelled,
        }
    }

    fn dispute_resolved(
        &self,
        invoice: &str,
        amount: Money,
        outcome: DisputeOutcome,
        values: &mut Values,
    ) -> &'static str {
        values.extend([("invoice", invoice.to_string()), ("amount", money(amount))]);
        match outcome {
            DisputeOutcome::Accepted => self.j.s_dispute_accepted,
            DisputeOutcome::Rejected => self.j.s_dispute_rejected,
            DisputeOutcome::Paid => self.p.s_dispute_paid,
        }
    }

    fn team(&self, what: &TeamWhat, values: &mut Values) -> &'static str {
        let role = |profile: &Profile| vocab::role(self.v, profile.role).to_string();
        match what {
            TeamWhat::CompanyDetailsSet { name } => {
                values.extend([("name", name.clone())]);
                self.j.s_company_details_set
            }
            TeamWhat::UserAdded { profile } => {
                values.extend([("name", profile.name.clone()), ("role", role(profile))]);
                self.j.s_user_added
            }
            TeamWhat::UserChanged {
                before: None,
                after,
            } => {
                values.extend([("name", after.name.clone()), ("role", role(after))]);
                self.j.s_user_set
            }
            TeamWhat::UserChanged {
                before: Some(before),
                after,
            } => {
                let renamed = before.name != after.name;
                let role_changed = before.role != after.role;
                values.extend([("name", after.name.clone()), ("role", role(after))]);
                let (from, to) = match renamed {
                    true => (before.name.clone(), after.name.clone()),
                    false => (role(before), role(after)),
                };
                values.extend([("from", from), ("to", to)]);
                values.extend([("role_from", role(before)), ("role_to", role(after))]);
                match (renamed, role_changed) {
                    (true, true) => self.j.s_user_renamed_role_changed,
                    (true, false) => self.j.s_user_renamed,
                    (false, true) => self.j.s_user_role_changed,
                    (false, false) => self.j.s_user_unchanged,
                }
            }
        }
    }

    fn limits(&self, what: &LimitsWhat, values: &mut Values) -> &'static str {
        let (j, amount_of) = (self.j, |amount: &Money| ("amount", money(*amount)));
        match what {
            LimitsWhat::LimitRequested {
                amount,
                until,
                reason,
            } => {
                values.extend([amount_of(amount), ("until", day(*until))]);
                values.push(("reason", reason.clone()));
                standing_or_temporary(*until, j.s_limit_requested, j.s_temporary_requested)
            }
            LimitsWhat::LimitApproved {
                amount,
                until,
                review_on,
                grade,
                comment,
            } => {
                values.extend([amount_of(amount), ("until", day(*until))]);
                values.extend([
                    ("review", review_on.to_string()),
                    ("grade", grade.letter().to_string()),
                ]);
                values.push(("comment", self.quoted(comment)));
                standing_or_temporary(*until, j.s_limit_approved, j.s_temporary_approved)
            }
            LimitsWhat::LimitRejected {
                amount,
                until,
                comment,
            } => {
                values.extend([amount_of(amount), ("until", day(*until))]);
                values.push(("comment", comment.clone()));
                standing_or_temporary(*until, j.s_limit_rejected, j.s_temporary_rejected)
            }
            LimitsWhat::LimitLapsed { amount, until } => {
                values.extend([amount_of(amount), ("until", day(*until))]);
                j.s_limit_lapsed
            }
            LimitsWhat::HoldPlaced { reason } => {
                values.push(("reason", reason.clone()));
                j.s_hold_placed
            }
            LimitsWhat::HoldReleased { reason } => {
                values.push(("reason", reason.clone()));
                j.s_hold_released
            }
            LimitsWhat::OrderReleased {
                number,
                amount,
                reason,
                blocked_for,
            } => self.released(number, *amount, reason, blocked_for, values),
            LimitsWhat::WidgetOriginsSet {
                origins,
                added,
                removed,
            } => self.origins(origins, added, removed, values),
        }
    }

    /// An order released past a block, with what blocked it, in the order's currency.
    fn released(
        &self,
        number: &str,
        amount: Money,
        reason: &str,
        blocked_for: &[CheckReason],
        values: &mut Values,
    ) -> &'static str {
        let reasons: Vec<String> = blocked_for
            .iter()
            .map(|reason| vocab::check_reason(self.v, reason, amount.currency))
            .collect();
        values.extend([("number", number.to_string()), ("amount", money(amount))]);
        values.push(("reason", reason.to_string()));
        values.push(("reasons", reasons.join(self.j.part_separator)));
        self.j.s_order_released
    }

    /// ": “text”" after a decision, or nothing for a decision without a comment.
    fn quoted(&self, text: &str) -> String {
        match text.trim() {
            "" => String::new(),
            text => fill(self.j.quoted, &[("text", text)]),
        }
    }

    /// "added A; removed B; allowed now: A, C" (or that none is allowed now).
    fn origins(
        &self,
        origins: &[String],
        added: &[String],
        removed: &[String],
        values: &mut Values,
    ) -> &'static str {
        let mut parts = Vec::new();
        if !added.is_empty() {
            let list = self.list(added.iter().cloned());
            parts.push(fill(self.j.origins_added, &[("list", &list)]));
        }
        if !removed.is_empty() {
            let list = self.list(removed.iter().cloned());
            parts.push(fill(self.j.origins_removed, &[("list", &list)]));
        }
        parts.push(match origins.is_empty() {
            true => self.j.origins_none.to_string(),
            false => fill(
                self.j.origins_now,
                &[("list", &self.list(origins.iter().cloned()))],
            ),
        });
        values.push(("changes", parts.join(self.j.part_separator)));
        self.j.s_widget_origins_set
    }
}

/// The standing or the temporary limit's template.
fn standing_or_temporary(
    until: Option<NaiveDate>,
    standing: &'static str,
    temporary: &'static str,
) -> &'static str {
    match until {
        Some(_) => temporary,
        None => standing,
    }
}

/// A write-off or a dispute: an amount of an invoice, with the reason.
fn of_invoice(
    invoice: &str,
    amount: Money,
    reason: &str,
    values: &mut Values,
    template: &'static str,
) -> &'static str {
    values.extend([("invoice", invoice.to_string()), ("amount", money(amount))]);
    values.push(("reason", reason.to_string()));
    template
}
