//! Collections in zh-CN and en: the reminder steps and channels, outcomes, promise states
//! and the messages for the collections' rejections and strategy errors.

use super::fill;
use creditdesk_core::collections::Outcome;
use creditdesk_core::policy::{Channel, Grade, StepKind, StrategyError};

texts!(CollectionsTexts {
    help_collections,
    nav_collections,
    worklist_title,
    worklist_intro,
    worklist_empty,
    col_priority,
    col_customer,
    col_step,
    col_days,
    col_overdue,
    col_done,
    step_pre_due,
    step_due_notice,
    step_friendly,
    step_formal_demand,
    step_final_notice,
    step_handover,
    step_day,
    escalated,
    done_by,
    outcome_label,
    outcome_reached,
    outcome_no_answer,
    outcome_promise,
    outcome_dispute,
    outcome_paid,
    outcome_wrong_contact,
    notes_label,
    save_task,
    cancel_task,
    promise_amount,
    promise_due,
    promise_tolerance,
    task_saved,
    why,
    part_overdue,
    part_overdue_no_rate,
    part_days,
    part_grade,
    part_broken,
    filter_step,
    filter_channel,
    filter_all,
    items_count,
    channel_email,
    channel_phone,
    channel_letter,
    channel_sms,
    rej_no_task_due,
    rej_channel_not_in_step,
    rej_step_not_in_ladder,
    rej_nothing_to_escalate,
    rej_not_collecting,
    rej_promise_due_before,
    rej_tolerance_too_long,
    strategy_ladder_empty,
    strategy_offsets_order,
    strategy_offset_range,
    strategy_no_channel,
    strategy_channel_twice,
});

pub static ZH: CollectionsTexts = CollectionsTexts {
    help_collections: "催收页面列出今天到期的催收任务。催收阶梯按客户等级设定（A–C：到期前 5 天提醒，逾期第 1、7、30、60、90 天依次为到期通知、友好提醒、正式催款函、最后通知和移交；D、E 更早更紧）。每张未结发票逐级上升：完成一项任务只升一级，达到天数当天即到期（逾期正好 30 天即到第 30 天这一步），已过到期日的发票不再发到期前提醒。有争议的发票不催收；尚未到期的付款承诺会暂停该客户的催收，承诺未兑现（过了承诺日期和宽限天数仍未付清）则恢复催收，并计入优先级。优先级由逾期金额（折合本位币）、最早一笔的逾期天数、等级和未兑现承诺相加而成，每项都写明分数。经理或总监可以附理由把发票直接升到后面的步骤。",
    nav_collections: "催收",
    worklist_title: "今日催收任务",
    worklist_intro: "每个客户今天到期的下一步催收，按优先级排列。完成一项任务只需两步：选择联系方式，然后保存结果。",
    worklist_empty: "今天没有到期的催收任务。",
    col_priority: "优先级",
    col_customer: "客户",
    col_step: "步骤",
    col_days: "逾期天数",
    col_overdue: "逾期金额",
    col_done: "完成方式",
    step_pre_due: "到期前提醒",
    step_due_notice: "到期通知",
    step_friendly: "友好提醒",
    step_formal_demand: "正式催款函",
    step_final_notice: "最后通知（含逾期罚息）",
    step_handover: "移交催收机构或法务",
    step_day: "第 {offset} 天",
    escalated: "已升级",
    done_by: "完成：{channel}",
    outcome_label: "结果",
    outcome_reached: "已联系上",
    outcome_no_answer: "无人接听",
    outcome_promise: "承诺付款",
    outcome_dispute: "提出争议",
    outcome_paid: "称已付款",
    outcome_wrong_contact: "联系人有误",
    notes_label: "备注",
    save_task: "保存",
    cancel_task: "取消",
    promise_amount: "承诺金额",
    promise_due: "承诺付款日期",
    promise_tolerance: "宽限天数",
    task_saved: "已记录 {customer} 的“{step}”。",
    why: "原因",
    part_overdue: "逾期金额（折合本位币 {amount}）：{points} 分",
    part_overdue_no_rate: "逾期金额（无汇率，不计）：0 分",
    part_days: "最早一笔逾期 {days} 天：{points} 分",
    part_grade: "等级 {grade}：{points} 分",
    part_broken: "未兑现的付款承诺 {count} 次：{points} 分",
    filter_step: "按步骤",
    filter_channel: "按方式",
    filter_all: "全部",
    items_count: "{count} 张发票",
    channel_email: "电子邮件",
    channel_phone: "电话",
    channel_letter: "信函",
    channel_sms: "短信",
    rej_no_task_due: "该客户今天没有到期的催收任务（或有尚未到期的付款承诺）。",
    rej_channel_not_in_step: "这一步不通过该方式发送，可用方式：{channels}。",
    rej_step_not_in_ladder: "该天数不是此客户催收阶梯中的一步。",
    rej_nothing_to_escalate: "该客户没有低于这一步的待催收款项，无需升级。",
    rej_not_collecting: "“{role}”角色不负责催收：催收由催收专员、信用经理和财务总监办理。",
    rej_promise_due_before: "承诺付款日期不能早于作出承诺的日期。",
    rej_tolerance_too_long: "宽限天数最多 {max} 天。",
    strategy_ladder_empty: "等级 {grade} 的催收阶梯至少需要一步。",
    strategy_offsets_order: "等级 {grade} 的第 {step} 步：天数必须比上一步大。",
    strategy_offset_range: "等级 {grade} 的第 {step} 步：天数须在 −60 到 365 之间。",
    strategy_no_channel: "等级 {grade} 的第 {step} 步至少需要一种方式。",
    strategy_channel_twice: "等级 {grade} 的第 {step} 步：同一种方式列了两次。",
};

pub static EN: CollectionsTexts = CollectionsTexts {
    help_collections: "The Collections page lists the reminders due today. The reminder ladder is set per grade (A–C: a reminder 5 days before the due date, then on days 1, 7, 30, 60 and 90 past it a due notice, a friendly reminder, a formal demand, a final notice and the hand-over; D and E sooner and harder). Each open invoice climbs it one step per completed task, due on the day it is reached (exactly 30 days overdue reaches the day-30 step); an invoice already past its due date gets no pre-due reminder. Disputed invoices are not reminded; a promise to pay not yet due pauses the customer's reminders, and a broken one (not paid by its day and tolerance) resumes them and counts in the priority. The priority adds the overdue amount (in the base currency), the oldest item's days overdue, the grade and broken promises, each with its points shown. A manager or director may move invoices straight to a later step, with a reason.",
    nav_collections: "Collections",
    worklist_title: "Today's reminders",
    worklist_intro: "Each customer's next reminder due today, highest priority first. A task takes two clicks: choose how you reached the customer, then save what came of it.",
    worklist_empty: "No reminder is due today.",
    col_priority: "Priority",
    col_customer: "Customer",
    col_step: "Step",
    col_days: "Days overdue",
    col_overdue: "Overdue",
    col_done: "Done by",
    step_pre_due: "Pre-due reminder",
    step_due_notice: "Due notice",
    step_friendly: "Friendly reminder",
    step_formal_demand: "Formal demand",
    step_final_notice: "Final notice (with late interest)",
    step_handover: "Hand-over to agency or legal",
    step_day: "day {offset}",
    escalated: "escalated",
    done_by: "Done: {channel}",
    outcome_label: "Outcome",
    outcome_reached: "Reached",
    outcome_no_answer: "No answer",
    outcome_promise: "Promised to pay",
    outcome_dispute: "Disputes an invoice",
    outcome_paid: "Says it has paid",
    outcome_wrong_contact: "Wrong contact",
    notes_label: "Notes",
    save_task: "Save",
    cancel_task: "Cancel",
    promise_amount: "Amount promised",
    promise_due: "To be paid by",
    promise_tolerance: "Days of tolerance",
    task_saved: "Recorded: {step} for {customer}.",
    why: "Why",
    part_overdue: "Overdue {amount} in the base currency: {points} points",
    part_overdue_no_rate: "Overdue, no rate to the base currency (not counted): 0 points",
    part_days: "Oldest item {days} days overdue: {points} points",
    part_grade: "Grade {grade}: {points} points",
    part_broken: "{count} broken promise(s) to pay: {points} points",
    filter_step: "Step",
    filter_channel: "Channel",
    filter_all: "All",
    items_count: "{count} invoice(s)",
    channel_email: "Email",
    channel_phone: "Phone call",
    channel_letter: "Letter",
    channel_sms: "Text message",
    rej_no_task_due:
        "No reminder is due for this customer today (or a promise to pay is still pending).",
    rej_channel_not_in_step: "This step is not sent that way; it goes by {channels}.",
    rej_step_not_in_ladder: "That day is not a step of this customer's reminder ladder.",
    rej_nothing_to_escalate:
        "No item of this customer is below that step: there is nothing to escalate.",
    rej_not_collecting:
        "A {role} does not work collections: collectors, credit managers and finance directors do.",
    rej_promise_due_before: "A promise cannot be to pay before the day it is made.",
    rej_tolerance_too_long: "At most {max} days of tolerance.",
    strategy_ladder_empty: "The ladder for grade {grade} needs at least one step.",
    strategy_offsets_order: "Grade {grade}, step {step}: its day must come after the step before.",
    strategy_offset_range: "Grade {grade}, step {step}: the day must be between −60 and 365.",
    strategy_no_channel: "Grade {grade}, step {step}: choose at least one channel.",
    strategy_channel_twice: "Grade {grade}, step {step}: a channel is listed twice.",
};

/// The channels a step goes by, joined for a sentence.
pub fn channels(t: &CollectionsTexts, list: &[Channel]) -> String {
    let names: Vec<&str> = list.iter().map(|c| channel(t, *c)).collect();
    names.join(if std::ptr::eq(t, &ZH) { "、" } else { ", " })
}

pub fn channel(t: &CollectionsTexts, channel: Channel) -> &'static str {
    match channel {
        Channel::Email => t.channel_email,
        Channel::Phone => t.channel_phone,
        Channel::Letter => t.channel_letter,
        Channel::Sms => t.channel_sms,
    }
}

/// What is wrong with a collection strategy, naming the grade and step.
pub fn strategy_error(t: &CollectionsTexts, error: &StrategyError) -> String {
    let named = |text: &str, grade: &Grade, step: &usize| {
        fill(
            text,
            &[("grade", grade.letter()), ("step", &step.to_string())],
        )
    };
    match error {
        StrategyError::LadderEmpty { grade } => {
            fill(t.strategy_ladder_empty, &[("grade", grade.letter())])
        }
        StrategyError::OffsetsNotIncreasing { grade, step } => {
            named(t.strategy_offsets_order, grade, step)
        }
        StrategyError::OffsetOutOfRange { grade, step } => {
            named(t.strategy_offset_range, grade, step)
        }
        StrategyError::NoChannel { grade, step } => named(t.strategy_no_channel, grade, step),
        StrategyError::ChannelTwice { grade, step } => named(t.strategy_channel_twice, grade, step),
    }
}

pub fn step(t: &CollectionsTexts, kind: StepKind) -> &'static str {
    match kind {
        StepKind::PreDue => t.step_pre_due,
        StepKind::DueNotice => t.step_due_notice,
        StepKind::Friendly => t.step_friendly,
        StepKind::FormalDemand => t.step_formal_demand,
        StepKind::FinalNotice => t.step_final_notice,
        StepKind::Handover => t.step_handover,
    }
}

pub fn outcome(t: &CollectionsTexts, outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Reached => t.outcome_reached,
        Outcome::NoAnswer => t.outcome_no_answer,
        Outcome::Promise => t.outcome_promise,
        Outcome::Dispute => t.outcome_dispute,
        Outcome::Paid => t.outcome_paid,
        Outcome::WrongContact => t.outcome_wrong_contact,
    }
}
