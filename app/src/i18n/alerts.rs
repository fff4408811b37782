//! Alerts in zh-CN and en: rules, severities, reasons with their figures, the hold banner,
//! the alerts list, the policy thresholds and the messages for the alerts' rejections.

use super::fill;
use creditdesk_core::alerts::{AlertReason, AlertStatus};
use creditdesk_core::policy::{AlertPolicyProblem, AlertRule, AlertSeverity};

// The rules' names and the alert hold's reason: apart from the rest, so the credit check's
// pages (the field check, the widget) word an alert hold without linking every alert text.
texts!(AlertRuleTexts {
    rule_overdue_days,
    rule_overdue_amount,
    rule_utilisation,
    rule_grade_drop,
    rule_score_drop,
    rule_file_stale,
    rule_review_passed,
    rule_risk_signal,
    rule_promise_broken,
    rule_instalment_missed,
    reason_on_alert_hold,
});

pub static RULES_ZH: AlertRuleTexts = AlertRuleTexts {
    rule_overdue_days: "逾期天数",
    rule_overdue_amount: "逾期金额",
    rule_utilisation: "额度使用率",
    rule_grade_drop: "等级下降",
    rule_score_drop: "评分下降",
    rule_file_stale: "资料过期",
    rule_review_passed: "额度复核已过期",
    rule_risk_signal: "风险信号",
    rule_promise_broken: "付款承诺未兑现",
    rule_instalment_missed: "分期付款逾期未付",
    reason_on_alert_hold: "因预警停止赊销（{rules}，自 {since}）",
};

pub static RULES_EN: AlertRuleTexts = AlertRuleTexts {
    rule_overdue_days: "Days overdue",
    rule_overdue_amount: "Overdue amount",
    rule_utilisation: "Limit utilisation",
    rule_grade_drop: "Grade drop",
    rule_score_drop: "Score drop",
    rule_file_stale: "Credit file stale",
    rule_review_passed: "Limit review passed",
    rule_risk_signal: "Risk signal",
    rule_promise_broken: "Promise to pay broken",
    rule_instalment_missed: "Payment-plan instalment missed",
    reason_on_alert_hold: "On credit hold from alerts ({rules}) since {since}",
};

texts!(AlertsTexts: AlertRuleTexts = rule_names {
    nav_alerts,
    title,
    intro,
    empty,
    filter_severity,
    filter_rule,
    filter_all,
    show_hidden,
    col_customer,
    col_alert,
    col_since,
    col_reasons,
    col_actions,
    severity_info,
    severity_warning,
    severity_severe,
    status_acknowledged,
    status_snoozed,
    holding,
    released,
    acknowledge,
    snooze_until,
    snooze,
    acknowledged_msg,
    snoozed_msg,
    since,
    r_item_overdue,
    r_overdue_total,
    r_utilisation,
    r_grade_dropped,
    r_score_dropped,
    r_statement_stale,
    r_report_stale,
    r_review_passed,
    r_signal,
    r_promise_broken,
    r_instalment_missed,
    home_title,
    home_count,
    home_all,
    customer_title,
    customer_none,
    hold_banner,
    release_reason,
    release,
    released_msg,
    policy_title,
    policy_hint,
    p_overdue_days,
    p_overdue_days_severe,
    p_leftover,
    p_overdue_amount,
    p_utilisation,
    p_score_drop,
    p_signal_days,
    p_promise_days,
    p_hold_on_severe,
    pol_overdue_days,
    pol_amount,
    pol_utilisation,
    pol_score_drop,
    rej_unknown_alert,
    rej_already_acknowledged,
    rej_snooze_not_after_today,
    rej_not_monitoring,
    rej_no_alert_hold,
    help_alerts,
});

pub static ZH: AlertsTexts = AlertsTexts {
    rule_names: &RULES_ZH,
    nav_alerts: "预警",
    title: "预警",
    intro: "按当天的信用政策从台账、信用档案、额度和付款承诺推算出的预警。确认后本轮预警不再列出；暂缓到某日后隐藏，到期仍成立则重新出现。",
    empty: "没有待处理的预警。",
    filter_severity: "按严重程度",
    filter_rule: "按规则",
    filter_all: "全部",
    show_hidden: "也显示已确认和暂缓的预警",
    col_customer: "客户",
    col_alert: "预警",
    col_since: "首次成立",
    col_reasons: "原因",
    col_actions: "处理",
    severity_info: "提示",
    severity_warning: "警告",
    severity_severe: "严重",
    status_acknowledged: "已确认（{date}）",
    status_snoozed: "暂缓至 {date}",
    holding: "已停止赊销",
    released: "停止赊销已解除",
    acknowledge: "确认",
    snooze_until: "暂缓至",
    snooze: "暂缓",
    acknowledged_msg: "已确认 {customer} 的“{rule}”预警。",
    snoozed_msg: "已将 {customer} 的“{rule}”预警暂缓至 {date}。",
    since: "自 {date}",
    r_item_overdue: "发票 {invoice} 逾期 {days} 天（阈值 {threshold} 天），未付 {open}",
    r_overdue_total: "逾期合计 {overdue}（折合本位币 {base}），超过 {threshold}",
    r_utilisation: "使用率 {percent}（阈值 {threshold}）：敞口 {exposure}，额度 {limit}",
    r_grade_dropped: "等级由 {before} 降至 {now}（与 {date} 月末相比）",
    r_score_dropped: "评分由 {before} 降至 {now}，下降 {points} 分（阈值 {threshold} 分，与 {date} 月末相比）",
    r_statement_stale: "最新财务报表（截至 {date}）已有 {months} 个月（上限 {limit} 个月）",
    r_report_stale: "最新征信报告（{date}）已有 {months} 个月（上限 {limit} 个月）",
    r_review_passed: "额度复核日 {date} 已过 {days} 天",
    r_signal: "{date} 的风险信号（{severity}），距今 {days} 天（{threshold} 天内）",
    r_promise_broken: "承诺 {due} 前付 {promised}，至 {deadline} 仅付 {paid}",
    r_instalment_missed: "还款计划第 {number} 期 {amount}（{due} 到期）至 {deadline} 仍未付清",
    home_title: "预警",
    home_count: "{severity}：{count}",
    home_all: "查看全部预警",
    customer_title: "预警",
    customer_none: "该客户没有预警。",
    hold_banner: "因预警停止赊销（自 {date}）：{rules}。预警解除前，信用检查会拦截订单。",
    release_reason: "解除理由",
    release: "解除停止赊销",
    released_msg: "已解除本轮预警的停止赊销。",
    policy_title: "预警阈值",
    policy_hint: "天数和分数为“达到即成立”，金额和百分比为“超过才成立”。",
    p_overdue_days: "逾期达到天数即预警",
    p_overdue_days_severe: "逾期达到天数即严重",
    p_leftover: "尾差不计（元）",
    p_overdue_amount: "逾期合计超过（本位币）",
    p_utilisation: "使用率超过（%）",
    p_score_drop: "评分较上月末下降至少（分）",
    p_signal_days: "风险信号预警天数",
    p_promise_days: "承诺未兑现预警天数",
    p_hold_on_severe: "严重预警即停止赊销",
    pol_overdue_days: "预警天数必须大于 0，严重天数不能小于预警天数。",
    pol_amount: "尾差和逾期合计阈值不能为负数。",
    pol_utilisation: "使用率阈值必须大于 0。",
    pol_score_drop: "评分下降阈值须大于 0 且不超过 100 分。",
    rej_unknown_alert: "该客户今天没有“{rule}”预警。",
    rej_already_acknowledged: "本轮预警已经确认过。",
    rej_snooze_not_after_today: "暂缓日期必须晚于今天。",
    rej_not_monitoring: "“{role}”角色不处理预警。",
    rej_no_alert_hold: "该客户没有因预警停止赊销，无需解除。",
    help_alerts: "预警按当天生效的信用政策推算，不单独保存：逾期达到天数（默认 30 天警告、90 天严重；1 元以内的尾差不计）、逾期合计超过金额、额度使用率超过百分比、等级或评分较上月末下降、财务报表或征信报告过期、额度复核日已过、近期风险信号、付款承诺未兑现、还款计划某期过了宽限期仍未付清。每条预警列出原因和数字，以及本轮首次成立的日期。确认后本轮不再列出（新一轮会重新出现）；暂缓到某日前隐藏。严重预警（按政策）使客户停止赊销，信用检查会拦截订单；信用经理或总监可以附理由解除，解除在本轮预警持续期间有效，预警重新成立时再次停止赊销。阈值在信用政策中设置并按版本生效。",
};

pub static EN: AlertsTexts = AlertsTexts {
    rule_names: &RULES_EN,
    nav_alerts: "Alerts",
    title: "Alerts",
    intro: "Alerts worked out for today from the ledger, the credit file, the limits and the promises to pay, under the policy in force. An acknowledged alert leaves the list for this run; a snoozed one is hidden until its day and back then if it still holds.",
    empty: "No alert to work.",
    filter_severity: "Severity",
    filter_rule: "Rule",
    filter_all: "All",
    show_hidden: "Also show acknowledged and snoozed alerts",
    col_customer: "Customer",
    col_alert: "Alert",
    col_since: "First held",
    col_reasons: "Reasons",
    col_actions: "Action",
    severity_info: "Info",
    severity_warning: "Warning",
    severity_severe: "Severe",
    status_acknowledged: "Acknowledged ({date})",
    status_snoozed: "Snoozed until {date}",
    holding: "Credit on hold",
    released: "Hold released",
    acknowledge: "Acknowledge",
    snooze_until: "Snooze until",
    snooze: "Snooze",
    acknowledged_msg: "{customer}: “{rule}” acknowledged.",
    snoozed_msg: "{customer}: “{rule}” snoozed until {date}.",
    since: "since {date}",
    r_item_overdue: "Invoice {invoice} is {days} days overdue (threshold {threshold}), {open} open",
    r_overdue_total: "Overdue total {overdue} ({base} in the base currency), above {threshold}",
    r_utilisation: "Utilisation {percent} (threshold {threshold}): exposure {exposure}, limit {limit}",
    r_grade_dropped: "Grade fell from {before} to {now} (against the month end {date})",
    r_score_dropped: "Score fell from {before} to {now}, {points} points (threshold {threshold}, against the month end {date})",
    r_statement_stale: "The newest statement (to {date}) is {months} months old (limit {limit})",
    r_report_stale: "The newest credit report ({date}) is {months} months old (limit {limit})",
    r_review_passed: "The limit's review date {date} passed {days} days ago",
    r_signal: "Risk signal of {date} ({severity}), {days} days ago (within {threshold})",
    r_promise_broken: "Promised {promised} by {due}; {paid} paid by {deadline}",
    r_instalment_missed: "Payment plan instalment {number}, {amount} due {due}, not paid in full by {deadline}",
    home_title: "Alerts",
    home_count: "{severity}: {count}",
    home_all: "All alerts",
    customer_title: "Alerts",
    customer_none: "No alerts for this customer.",
    hold_banner: "On credit hold from alerts since {date}: {rules}. The credit check blocks orders until they clear.",
    release_reason: "Reason for the release",
    release: "Release the hold",
    released_msg: "The hold of these alerts is released.",
    policy_title: "Alert thresholds",
    policy_hint: "Days and points hold from the threshold on; amounts and percentages only above it.",
    p_overdue_days: "Alert from days overdue",
    p_overdue_days_severe: "Severe from days overdue",
    p_leftover: "Leftover ignored up to",
    p_overdue_amount: "Overdue total above (base currency)",
    p_utilisation: "Utilisation above (%)",
    p_score_drop: "Score drop since the month end of at least",
    p_signal_days: "Risk signals alert for days",
    p_promise_days: "Broken promises alert for days",
    p_hold_on_severe: "Severe alerts put the customer on credit hold",
    pol_overdue_days: "Alert days must be above 0, and the severe days at least the alert days.",
    pol_amount: "The leftover and the overdue total threshold cannot be negative.",
    pol_utilisation: "The utilisation threshold must be above 0.",
    pol_score_drop: "The score drop must be above 0 and at most 100 points.",
    rej_unknown_alert: "This customer has no “{rule}” alert today.",
    rej_already_acknowledged: "This run of the alert is acknowledged already.",
    rej_snooze_not_after_today: "Snooze until a day after today.",
    rej_not_monitoring: "The {role} role does not work alerts.",
    rej_no_alert_hold: "This customer is not on hold from alerts: nothing to release.",
    help_alerts: "Alerts are worked out for the day under the policy in force, never stored: items overdue at least N days (30 warns, 90 is severe by default; a leftover up to 1.00 never counts), the overdue total above an amount, utilisation above a percentage, the grade or score lower than at the last month end, a stale statement or credit report, the limit's review date passed, a recent risk signal, a broken promise to pay, a payment-plan instalment not paid in full by its date and the plan's tolerance. Each alert lists its reasons with the figures and the day its current run first held. Acknowledging takes it off the list for this run (a new run comes back); snoozing hides it until a day. Severe alerts (per policy) put the customer on credit hold, which the credit check blocks on; a manager or director may release it with a reason, which lasts while those alerts last: when one holds again, the customer is on hold again. The thresholds are part of the versioned credit policy.",
};

pub fn severity(t: &AlertsTexts, severity: AlertSeverity) -> &'static str {
    match severity {
        AlertSeverity::Info => t.severity_info,
        AlertSeverity::Warning => t.severity_warning,
        AlertSeverity::Severe => t.severity_severe,
    }
}

pub fn rule(t: &AlertRuleTexts, rule: AlertRule) -> &'static str {
    match rule {
        AlertRule::OverdueDays => t.rule_overdue_days,
        AlertRule::OverdueAmount => t.rule_overdue_amount,
        AlertRule::Utilisation => t.rule_utilisation,
        AlertRule::GradeDrop => t.rule_grade_drop,
        AlertRule::ScoreDrop => t.rule_score_drop,
        AlertRule::FileStale => t.rule_file_stale,
        AlertRule::ReviewPassed => t.rule_review_passed,
        AlertRule::RiskSignal => t.rule_risk_signal,
        AlertRule::PromiseBroken => t.rule_promise_broken,
        AlertRule::InstalmentMissed => t.rule_instalment_missed,
    }
}

/// The rules named, joined in the language's list style.
pub fn rules(t: &AlertRuleTexts, rules: &[AlertRule]) -> String {
    let separator = if std::ptr::eq(t, &RULES_ZH) {
        "、"
    } else {
        ", "
    };
    let names: Vec<&str> = rules.iter().map(|r| rule(t, *r)).collect();
    names.join(separator)
}

pub fn status(t: &AlertsTexts, status: &AlertStatus) -> Option<String> {
    match status {
        AlertStatus::Open => None,
        AlertStatus::Acknowledged { on, .. } => {
            Some(fill(t.status_acknowledged, &[("date", &on.to_string())]))
        }
        AlertStatus::Snoozed { until } => {
            Some(fill(t.status_snoozed, &[("date", &until.to_string())]))
        }
    }
}

pub fn policy_problem(t: &AlertsTexts, problem: AlertPolicyProblem) -> String {
    match problem {
        AlertPolicyProblem::OverdueDays => t.pol_overdue_days,
        AlertPolicyProblem::Amount => t.pol_amount,
        AlertPolicyProblem::Utilisation => t.pol_utilisation,
        AlertPolicyProblem::ScoreDrop => t.pol_score_drop,
    }
    .to_string()
}

/// One reason in words, its figures in the user's number format; `texts` words a risk
/// signal's severity.
pub fn reason(t: &AlertsTexts, texts: &super::Texts, reason: &AlertReason) -> String {
    use AlertReason::*;
    let money = |m: &creditdesk_core::Money| crate::numbers::money(m.amount, m.currency);
    let percent = crate::numbers::percent;
    let s = |value: &dyn ToString| value.to_string();
    match reason {
        ItemOverdue {
            invoice,
            days,
            open,
            threshold,
        } => fill(
            t.r_item_overdue,
            &[
                ("invoice", invoice),
                ("days", &s(days)),
                ("threshold", &s(threshold)),
                ("open", &money(open)),
            ],
        ),
        OverdueTotal {
            overdue,
            overdue_base,
            threshold,
        } => fill(
            t.r_overdue_total,
            &[
                ("overdue", &money(overdue)),
                ("base", &money(overdue_base)),
                ("threshold", &money(threshold)),
            ],
        ),
        Utilisation {
            percent: used,
            threshold,
            exposure,
            limit,
        } => fill(
            t.r_utilisation,
            &[
                ("percent", &percent(*used)),
                ("threshold", &percent(*threshold)),
                ("exposure", &money(exposure)),
                ("limit", &money(limit)),
            ],
        ),
        other => commitment_reason(t, texts, other),
    }
}

/// A broken promise or a missed instalment: a commitment to pay that was not kept.
fn commitment_reason(t: &AlertsTexts, texts: &super::Texts, reason: &AlertReason) -> String {
    use AlertReason::*;
    let money = |m: &creditdesk_core::Money| crate::numbers::money(m.amount, m.currency);
    let s = |value: &dyn ToString| value.to_string();
    match reason {
        PromiseBroken {
            due,
            deadline,
            promised,
            paid,
        } => fill(
            t.r_promise_broken,
            &[
                ("due", &s(due)),
                ("deadline", &s(deadline)),
                ("promised", &money(promised)),
                ("paid", &money(paid)),
            ],
        ),
        InstalmentMissed {
            number,
            due,
            deadline,
            amount,
        } => fill(
            t.r_instalment_missed,
            &[
                ("number", &s(number)),
                ("due", &s(due)),
                ("deadline", &s(deadline)),
                ("amount", &money(amount)),
            ],
        ),
        other => credit_reason(t, texts, other),
    }
}

/// The reasons from the score, the credit file and the limit's review.
fn credit_reason(t: &AlertsTexts, texts: &super::Texts, reason: &AlertReason) -> String {
    use AlertReason::*;
    let points = |value: rust_decimal::Decimal| crate::numbers::decimal(value, 1);
    let s = |value: &dyn ToString| value.to_string();
    match reason {
        GradeDropped {
            before,
            now,
            month_end,
        } => fill(
            t.r_grade_dropped,
            &[
                ("before", before.letter()),
                ("now", now.letter()),
                ("date", &s(month_end)),
            ],
        ),
        ScoreDropped {
            before,
            now,
            points: fell,
            threshold,
            month_end,
        } => fill(
            t.r_score_dropped,
            &[
                ("before", &points(*before)),
                ("now", &points(*now)),
                ("points", &points(*fell)),
                ("threshold", &points(*threshold)),
                ("date", &s(month_end)),
            ],
        ),
        other => file_reason(t, texts, other),
    }
}

/// The reasons from the credit file, the limit's review and risk signals.
fn file_reason(t: &AlertsTexts, texts: &super::Texts, reason: &AlertReason) -> String {
    use AlertReason::*;
    let s = |value: &dyn ToString| value.to_string();
    match reason {
        StatementStale {
            period_end,
            months,
            limit,
        } => fill(
            t.r_statement_stale,
            &[
                ("date", &s(period_end)),
                ("months", &s(months)),
                ("limit", &s(limit)),
            ],
        ),
        ReportStale {
            report_date,
            months,
            limit,
        } => fill(
            t.r_report_stale,
            &[
                ("date", &s(report_date)),
                ("months", &s(months)),
                ("limit", &s(limit)),
            ],
        ),
        ReviewPassed { review_on, days } => fill(
            t.r_review_passed,
            &[("date", &s(review_on)), ("days", &s(days))],
        ),
        SignalRecorded {
            severity,
            date,
            days,
            threshold,
            ..
        } => fill(
            t.r_signal,
            &[
                ("date", &s(date)),
                ("severity", signal_severity(texts, *severity)),
                ("days", &s(days)),
                ("threshold", &s(threshold)),
            ],
        ),
        _ => String::new(),
    }
}

fn signal_severity(
    texts: &super::Texts,
    severity: creditdesk_core::credit::Severity,
) -> &'static str {
    use creditdesk_core::credit::Severity;
    match severity {
        Severity::Low => texts.severity_low,
        Severity::Medium => texts.severity_medium,
        Severity::High => texts.severity_high,
    }
}
