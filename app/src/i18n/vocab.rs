//! The shared credit vocabulary in zh-CN and en: roles, security, verdicts and check reasons,
//! limit methods and states, and the messages for the rejections and policy errors of limits,
//! approvals, holds, orders and widget origins.

use super::fill;
use creditdesk_core::check::CheckError;
use creditdesk_core::decide::Rejection;
use creditdesk_core::limits::{CheckReason, Verdict};
use creditdesk_core::limits::{LimitMethod, OriginError};
use creditdesk_core::policy::{Combination, LimitPolicyError, Security};
use creditdesk_core::team::Role;
use creditdesk_core::Currency;
use rust_decimal::Decimal;

texts!(VocabTexts {
    role_sales,
    role_collector,
    role_analyst,
    role_manager,
    role_director,
    security_none,
    security_bank_guarantee,
    security_letter_of_credit,
    security_prepayment,
    verdict_pass,
    verdict_warn,
    verdict_block,
    reason_no_limit,
    reason_limit_lapsed,
    reason_over_limit,
    reason_overdue_beyond,
    reason_on_hold,
    reason_overdue_within,
    reason_utilisation,
    reason_review_overdue,
    reason_terms_above,
    reason_security,
    release_by,
    method_trading,
    method_capacity,
    method_agency,
    method_grade_max,
    combination_lowest,
    combination_average,
    limit_none,
    limit_lapsed,
    limit_standing,
    limit_temporary,
    check_unknown_customer,
    check_currency,
    check_negative,
    check_decimals,
    rej_unknown_user,
    rej_user_name_taken,
    rej_unknown_request,
    rej_request_pending,
    rej_request_decided,
    err_limit_negative,
    rej_until,
    rej_reason_empty,
    rej_comment_empty,
    rej_decision_before_request,
    rej_own_request,
    rej_above_authority,
    rej_own_role,
    rej_grant_above_own,
    rej_profile_required,
    rej_lapse_not_due,
    rej_lapse_recorded,
    rej_already_on_hold,
    rej_not_on_hold,
    rej_order_blocked,
    rej_origin,
    origin_scheme,
    origin_not_origin,
    origin_port,
    lim_grade_limit_negative,
    lim_warning_range,
    lim_capacity_range,
    lim_review_range,
    lim_terms_max,
    lim_authority_empty,
    lim_authority_overlap,
    lim_authority_last,
    lim_authority_role,
    lim_authority_rising,
    lim_fx_positive,
    lim_fx_duplicate,
    lim_fx_base,
    lim_step,
    lim_grace,
});

pub static ZH: VocabTexts = VocabTexts {
    role_sales: "销售",
    role_collector: "催收专员",
    role_analyst: "信用分析师",
    role_manager: "信用经理",
    role_director: "财务总监",
    security_none: "无需担保",
    security_bank_guarantee: "银行保函",
    security_letter_of_credit: "信用证",
    security_prepayment: "预付款",
    verdict_pass: "通过",
    verdict_warn: "警告",
    verdict_block: "拦截",
    reason_no_limit: "该客户没有已批准的信用额度。",
    reason_limit_lapsed: "临时额度已于 {until} 到期，且没有常设额度。",
    reason_over_limit: "超出额度 {shortfall}。",
    reason_overdue_beyond:
        "最长逾期 {days} 天，超过 {tolerance} 天的容忍期（逾期金额 {overdue}）。",
    reason_on_hold: "客户自 {since} 起被停止赊销：{reason}",
    reason_overdue_within:
        "最长逾期 {days} 天，仍在 {tolerance} 天容忍期内（逾期金额 {overdue}）。",
    reason_utilisation: "含本单后额度使用率 {percent}，达到预警线 {warning}。",
    reason_review_overdue: "额度复核日 {date} 已过。",
    reason_terms_above: "付款期限 {terms} 天超过该等级允许的 {allowed} 天。",
    reason_security: "该等级要求担保：{security}。",
    release_by: "可由{role}或更高级别放行。",
    method_trading: "交易需要",
    method_capacity: "财务能力",
    method_agency: "机构建议额度",
    method_grade_max: "等级上限",
    combination_lowest: "取最低值",
    combination_average: "取平均值",
    limit_none: "无额度",
    limit_lapsed: "临时额度已到期",
    limit_standing: "常设额度",
    limit_temporary: "临时额度，至 {until}",
    check_unknown_customer: "找不到该客户。",
    check_currency: "订单币种 {found} 与客户币种 {expected} 不一致。",
    check_negative: "订单金额不能为负数。",
    check_decimals: "订单金额最多 {allowed} 位小数。",
    rej_unknown_user: "请先选择一个用户档案（设置 → 用户）。",
    rej_user_name_taken: "已有名为“{name}”的用户档案。",
    rej_unknown_request: "找不到该额度申请。",
    rej_request_pending: "该客户已有一项待审批的额度申请，请先审批或驳回。",
    rej_request_decided: "该申请已经审批过。",
    err_limit_negative: "额度不能为负数。",
    rej_until: "临时额度的截止日期必须晚于申请日期（且不早于审批日期）。",
    rej_reason_empty: "请填写理由。",
    rej_comment_empty: "驳回时请填写意见。",
    rej_decision_before_request: "审批日期不能早于申请日期。",
    rej_own_request: "四眼原则：申请人不能审批自己的申请。",
    rej_above_authority: "超出您的权限：需要{role}或更高级别。",
    rej_own_role: "内部控制：不能更改自己的角色，请由另一位经理或总监更改。",
    rej_grant_above_own: "超出您的权限：不能授予或收回比您自己更高的角色（{role}）。",
    rej_profile_required: "请先选择您的身份：团队中的新身份须由已在团队中的人添加。",
    rej_lapse_not_due: "该临时额度尚未到期。",
    rej_lapse_recorded: "该临时额度的到期已记录。",
    rej_already_on_hold: "该客户已被停止赊销。",
    rej_not_on_hold: "该客户没有被停止赊销。",
    rej_order_blocked: "信用检查拦截了此订单；如需放行，请填写放行理由。",
    rej_origin: "“{origin}”不是允许的来源：{why}",
    origin_scheme: "必须以 http:// 或 https:// 开头",
    origin_not_origin: "只能是完整的来源（协议、主机、可选端口），不能有路径、通配符或空格",
    origin_port: "端口必须是 1–65535",
    lim_grade_limit_negative: "等级 {grade} 的额度上限不能为负数。",
    lim_warning_range: "等级 {grade} 的预警使用率必须在 1–100% 之间。",
    lim_capacity_range: "等级 {grade} 的净资产与营运资金比例必须在 0–100% 之间。",
    lim_review_range: "等级 {grade} 的复核周期必须在 1–60 个月之间。",
    lim_terms_max: "等级 {grade} 的付款期限最多 {max} 天。",
    lim_authority_empty: "授权矩阵至少需要一档。",
    lim_authority_overlap: "授权矩阵的金额上限必须大于零且逐档递增。",
    lim_authority_last: "授权矩阵只有最后一档没有上限。",
    lim_authority_role: "{role}不能审批额度：授权矩阵只能使用信用分析师、信用经理或财务总监。",
    lim_authority_rising: "授权矩阵中金额更高的档位不能由更低的角色审批。",
    lim_fx_positive: "{currency} 的汇率必须大于零。",
    lim_fx_duplicate: "{currency} 的汇率重复。",
    lim_fx_base: "本位币不需要汇率。",
    lim_step: "取整步长必须大于零。",
    lim_grace: "宽限天数最多 {max} 天。",
};

pub static EN: VocabTexts = VocabTexts {
    role_sales: "Sales",
    role_collector: "Collector",
    role_analyst: "Credit analyst",
    role_manager: "Credit manager",
    role_director: "Finance director",
    security_none: "No security",
    security_bank_guarantee: "Bank guarantee",
    security_letter_of_credit: "Letter of credit",
    security_prepayment: "Prepayment",
    verdict_pass: "Pass",
    verdict_warn: "Warning",
    verdict_block: "Blocked",
    reason_no_limit: "The customer has no approved credit limit.",
    reason_limit_lapsed: "The temporary limit ended on {until} and there is no standing limit.",
    reason_over_limit: "Over the limit by {shortfall}.",
    reason_overdue_beyond: "Oldest invoice {days} days overdue, beyond the {tolerance}-day tolerance ({overdue} overdue).",
    reason_on_hold: "On credit hold since {since}: {reason}",
    reason_overdue_within: "Oldest invoice {days} days overdue, within the {tolerance}-day tolerance ({overdue} overdue).",
    reason_utilisation: "With this order the limit is {percent} used, at or above the {warning} warning level.",
    reason_review_overdue: "The limit's review date {date} has passed.",
    reason_terms_above: "Payment terms of {terms} days exceed the {allowed} days the grade allows.",
    reason_security: "The grade requires security: {security}.",
    release_by: "A {role} or above may release it.",
    method_trading: "Trading need",
    method_capacity: "Financial capacity",
    method_agency: "Agency recommendation",
    method_grade_max: "Grade maximum",
    combination_lowest: "Lowest figure",
    combination_average: "Average of figures",
    limit_none: "No limit",
    limit_lapsed: "Temporary limit lapsed",
    limit_standing: "Standing limit",
    limit_temporary: "Temporary limit, until {until}",
    check_unknown_customer: "No such customer.",
    check_currency: "The order is in {found} but the customer trades in {expected}.",
    check_negative: "The order amount cannot be negative.",
    check_decimals: "The order amount allows at most {allowed} decimals.",
    rej_unknown_user: "Choose a user profile first (Settings → Users).",
    rej_user_name_taken: "There is already a profile named “{name}”.",
    rej_unknown_request: "No such limit request.",
    rej_request_pending: "This customer already has a limit request waiting; approve or reject it first.",
    rej_request_decided: "This request has already been decided.",
    err_limit_negative: "A limit cannot be negative.",
    rej_until: "A temporary limit's last day must be after the request date (and not before the approval).",
    rej_reason_empty: "Give a reason.",
    rej_comment_empty: "Give a comment when rejecting.",
    rej_decision_before_request: "The decision date cannot be before the request date.",
    rej_own_request: "Four eyes: the requester cannot approve their own request.",
    rej_above_authority: "Beyond your authority: this needs a {role} or above.",
    rej_own_role: "Internal control: nobody changes their own role; another manager or director must.",
    rej_grant_above_own: "Beyond your authority: you cannot give or take away a role above your own ({role}).",
    rej_profile_required: "Choose your profile first: on a team, a new profile is added by someone already on it.",
    rej_lapse_not_due: "This temporary limit has not run out yet.",
    rej_lapse_recorded: "This lapse is already recorded.",
    rej_already_on_hold: "The customer is already on credit hold.",
    rej_not_on_hold: "The customer is not on credit hold.",
    rej_order_blocked: "The credit check blocks this order; give a release reason to let it through.",
    rej_origin: "“{origin}” is not an allowed origin: {why}",
    origin_scheme: "it must start with http:// or https://",
    origin_not_origin: "it must be a bare origin (scheme, host, optional port) with no path, wildcard or spaces",
    origin_port: "the port must be 1–65535",
    lim_grade_limit_negative: "Grade {grade}'s maximum limit cannot be negative.",
    lim_warning_range: "Grade {grade}'s warning utilisation must be 1–100%.",
    lim_capacity_range: "Grade {grade}'s net-worth and working-capital shares must be 0–100%.",
    lim_review_range: "Grade {grade}'s review interval must be 1–60 months.",
    lim_terms_max: "Grade {grade}'s payment terms can be at most {max} days.",
    lim_authority_empty: "The authority matrix needs at least one band.",
    lim_authority_overlap: "Authority bands must be above zero and rise from band to band.",
    lim_authority_last: "Only the last authority band is open-ended.",
    lim_authority_role: "A {role} cannot approve limits: use analyst, manager or director in the matrix.",
    lim_authority_rising: "A higher authority band cannot need a lower role.",
    lim_fx_positive: "The {currency} exchange rate must be above zero.",
    lim_fx_duplicate: "The {currency} exchange rate is listed twice.",
    lim_fx_base: "The base currency needs no exchange rate.",
    lim_step: "The rounding step must be above zero.",
    lim_grace: "Grace days can be at most {max}.",
};

pub fn role(t: &VocabTexts, role: Role) -> &'static str {
    match role {
        Role::Sales => t.role_sales,
        Role::Collector => t.role_collector,
        Role::Analyst => t.role_analyst,
        Role::Manager => t.role_manager,
        Role::Director => t.role_director,
    }
}

pub fn security(t: &VocabTexts, security: Security) -> &'static str {
    match security {
        Security::None => t.security_none,
        Security::BankGuarantee => t.security_bank_guarantee,
        Security::LetterOfCredit => t.security_letter_of_credit,
        Security::Prepayment => t.security_prepayment,
    }
}

pub fn verdict(t: &VocabTexts, verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Pass => t.verdict_pass,
        Verdict::Warn => t.verdict_warn,
        Verdict::Block => t.verdict_block,
    }
}

pub fn method(t: &VocabTexts, method: LimitMethod) -> &'static str {
    match method {
        LimitMethod::TradingNeed => t.method_trading,
        LimitMethod::FinancialCapacity => t.method_capacity,
        LimitMethod::Agency => t.method_agency,
        LimitMethod::GradeMaximum => t.method_grade_max,
    }
}

pub fn combination(t: &VocabTexts, combination: Combination) -> &'static str {
    match combination {
        Combination::Lowest => t.combination_lowest,
        Combination::Average => t.combination_average,
    }
}

/// An amount in a reason: the currency's code, then the figure in the user's number format.
fn money(value: Decimal, currency: Currency) -> String {
    format!(
        "{} {}",
        currency.code(),
        crate::numbers::decimal(value, currency.minor_units())
    )
}

/// A percentage in a reason, written like every percentage shown (one decimal, `%`).
fn percent(value: Decimal) -> String {
    crate::numbers::percent(value)
}

/// One reason of a credit check as a sentence, amounts in `currency`.
pub fn check_reason(t: &VocabTexts, reason: &CheckReason, currency: Currency) -> String {
    match reason {
        CheckReason::NoLimit => t.reason_no_limit.into(),
        CheckReason::LimitLapsed { until } => {
            fill(t.reason_limit_lapsed, &[("until", &until.to_string())])
        }
        CheckReason::OverLimit { shortfall } => fill(
            t.reason_over_limit,
            &[("shortfall", &money(*shortfall, currency))],
        ),
        CheckReason::OverdueBeyondTolerance {
            days,
            tolerance,
            overdue,
        } => fill(
            t.reason_overdue_beyond,
            &[
                ("days", &days.to_string()),
                ("tolerance", &tolerance.to_string()),
                ("overdue", &money(*overdue, currency)),
            ],
        ),
        CheckReason::OnHold { since, reason } => fill(
            t.reason_on_hold,
            &[("since", &since.to_string()), ("reason", reason)],
        ),
        CheckReason::OverdueWithinTolerance {
            days,
            tolerance,
            overdue,
        } => fill(
            t.reason_overdue_within,
            &[
                ("days", &days.to_string()),
                ("tolerance", &tolerance.to_string()),
                ("overdue", &money(*overdue, currency)),
            ],
        ),
        CheckReason::UtilisationHigh { percent, warning } => fill(
            t.reason_utilisation,
            &[
                ("percent", &self::percent(*percent)),
                ("warning", &self::percent(*warning)),
            ],
        ),
        CheckReason::ReviewOverdue { review_on } => {
            fill(t.reason_review_overdue, &[("date", &review_on.to_string())])
        }
        CheckReason::TermsAboveGrade { terms, allowed } => fill(
            t.reason_terms_above,
            &[
                ("terms", &terms.to_string()),
                ("allowed", &allowed.to_string()),
            ],
        ),
        CheckReason::SecurityRequired { security: required } => {
            fill(t.reason_security, &[("security", security(t, *required))])
        }
        CheckReason::OnAlertHold { alerts, since } => alert_hold_reason(t, alerts, *since),
    }
}

/// The alert-hold reason, worded with the alerts' rule names.
fn alert_hold_reason(
    t: &VocabTexts,
    alerts: &[creditdesk_core::policy::AlertRule],
    since: chrono::NaiveDate,
) -> String {
    let a = if std::ptr::eq(t, &ZH) {
        &super::alerts::RULES_ZH
    } else {
        &super::alerts::RULES_EN
    };
    fill(
        a.reason_on_alert_hold,
        &[
            ("rules", &super::alerts::rules(a, alerts)),
            ("since", &since.to_string()),
        ],
    )
}

pub fn check_error(t: &VocabTexts, error: &CheckError) -> String {
    match error {
        CheckError::UnknownCustomer => t.check_unknown_customer.into(),
        CheckError::CurrencyMismatch { expected, found } => fill(
            t.check_currency,
            &[("expected", expected.code()), ("found", found.code())],
        ),
        CheckError::AmountNegative => t.check_negative.into(),
        CheckError::TooManyDecimals { allowed } => {
            fill(t.check_decimals, &[("allowed", &allowed.to_string())])
        }
    }
}

fn origin_error(t: &VocabTexts, error: OriginError) -> &'static str {
    match error {
        OriginError::Scheme => t.origin_scheme,
        OriginError::NotAnOrigin => t.origin_not_origin,
        OriginError::Port => t.origin_port,
    }
}

/// Messages for the rejections of limits, approvals, holds, orders and origins. The ledger's
/// rejections are handled by `i18n::rejection`, which hands the rest here.
pub(super) fn rejection(t: &VocabTexts, rejection: &Rejection) -> String {
    use Rejection::*;
    match rejection {
        UnknownUser => t.rej_unknown_user.into(),
        UserNameTaken { name } => fill(t.rej_user_name_taken, &[("name", name)]),
        UnknownRequest => t.rej_unknown_request.into(),
        RequestPending => t.rej_request_pending.into(),
        RequestDecided => t.rej_request_decided.into(),
        UntilNotAfterDate => t.rej_until.into(),
        ReasonEmpty => t.rej_reason_empty.into(),
        CommentEmpty => t.rej_comment_empty.into(),
        DecisionBeforeRequest => t.rej_decision_before_request.into(),
        OwnRequest => t.rej_own_request.into(),
        AboveAuthority { required } => fill(t.rej_above_authority, &[("role", role(t, *required))]),
        OwnRole => t.rej_own_role.into(),
        GrantAboveOwn { role: given } => fill(t.rej_grant_above_own, &[("role", role(t, *given))]),
        ProfileRequired => t.rej_profile_required.into(),
        LapseNotDue => t.rej_lapse_not_due.into(),
        LapseRecorded => t.rej_lapse_recorded.into(),
        AlreadyOnHold => t.rej_already_on_hold.into(),
        NotOnHold => t.rej_not_on_hold.into(),
        OrderBlocked => t.rej_order_blocked.into(),
        OriginInvalid { origin, error } => fill(
            t.rej_origin,
            &[("origin", origin), ("why", origin_error(t, *error))],
        ),
        // `i18n::rejection` only hands over the variants above.
        _ => unreachable!("i18n::rejection words the ledger's rejections"),
    }
}

pub(super) fn limit_policy_error(t: &VocabTexts, error: &LimitPolicyError) -> String {
    use LimitPolicyError::*;
    match error {
        GradeLimitNegative { grade } => {
            fill(t.lim_grade_limit_negative, &[("grade", grade.letter())])
        }
        WarningOutOfRange { grade } => fill(t.lim_warning_range, &[("grade", grade.letter())]),
        CapacityShareOutOfRange { grade } => {
            fill(t.lim_capacity_range, &[("grade", grade.letter())])
        }
        ReviewMonthsOutOfRange { grade } => fill(t.lim_review_range, &[("grade", grade.letter())]),
        TermsAboveMax { grade, max } => fill(
            t.lim_terms_max,
            &[("grade", grade.letter()), ("max", &max.to_string())],
        ),
        AuthorityEmpty => t.lim_authority_empty.into(),
        AuthorityBandsOverlap => t.lim_authority_overlap.into(),
        AuthorityLastBounded => t.lim_authority_last.into(),
        AuthorityRoleCannotApprove { role: which } => {
            fill(t.lim_authority_role, &[("role", role(t, *which))])
        }
        AuthorityRolesNotRising => t.lim_authority_rising.into(),
        FxRateNotPositive { currency } => fill(t.lim_fx_positive, &[("currency", currency.code())]),
        FxRateDuplicate { currency } => fill(t.lim_fx_duplicate, &[("currency", currency.code())]),
        FxRateForBase => t.lim_fx_base.into(),
        RoundingStepNotPositive => t.lim_step.into(),
        GraceDaysOutOfRange { max } => fill(t.lim_grace, &[("max", &max.to_string())]),
    }
}
