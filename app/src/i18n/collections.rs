//! Collections in zh-CN and en: the reminder steps and channels, outcomes, promise states
//! and the messages for the collections' rejections and strategy errors.

use super::fill;
use creditdesk_core::policy::{Channel, Grade, StrategyError};

texts!(CollectionsTexts {
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
