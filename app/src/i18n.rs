//! Every user-visible string in zh-CN and en. One `Texts` struct with a field per string and
//! one constant per language: leaving out a translation is a compile error, which is the
//! guarantee we want and the reason for not using a macro-based i18n crate here.
//! Strings with parameters use `{name}` placeholders filled by `fill`.

use creditdesk_core::base::fold::{FoldError, RecordKind};
use creditdesk_core::base::input::{NumberFormat, TypedError};
use creditdesk_core::decide::{Field, Rejection};
use creditdesk_core::journal::ChainBreak;
use creditdesk_core::policy::Factor;
use creditdesk_core::AmountError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The desk's texts (and, through them, the two tables below).
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
    /// What every page shows: the frame, storage and integrity messages, input errors.
    pub fn common(self) -> &'static CommonTexts {
        match self {
            Lang::Zh => &common::ZH,
            Lang::En => &common::EN,
        }
    }
    /// Why a command was refused (and the common texts).
    pub fn rejections(self) -> &'static RejectionTexts {
        match self {
            Lang::Zh => &rejections::ZH,
            Lang::En => &rejections::EN,
        }
    }
    /// Shared credit vocabulary: roles, verdicts, check reasons, limit methods.
    pub fn vocab(self) -> &'static VocabTexts {
        match self {
            Lang::Zh => &vocab::ZH,
            Lang::En => &vocab::EN,
        }
    }
    /// The credit manager's limit, approval and user screens.
    pub fn desk(self) -> &'static DeskTexts {
        match self {
            Lang::Zh => &desk::ZH,
            Lang::En => &desk::EN,
        }
    }
    /// Alerts: rules, reasons, the hold banner, the alerts list.
    pub fn alerts(self) -> &'static AlertsTexts {
        match self {
            Lang::Zh => &alerts::ZH,
            Lang::En => &alerts::EN,
        }
    }
    /// Collections: the worklist, reminders, promises.
    pub fn collections(self) -> &'static CollectionsTexts {
        match self {
            Lang::Zh => &collections::ZH,
            Lang::En => &collections::EN,
        }
    }
    /// Backup and restore, in Settings.
    pub fn backup(self) -> &'static BackupTexts {
        match self {
            Lang::Zh => &backup::ZH,
            Lang::En => &backup::EN,
        }
    }
    /// The export section of the data page and the words of exported tables.
    pub fn export(self) -> &'static export::ExportTexts {
        match self {
            Lang::Zh => &export::ZH,
            Lang::En => &export::EN,
        }
    }
    /// The import page.
    pub fn import_page(self) -> &'static import_page::ImportPageTexts {
        match self {
            Lang::Zh => &import_page::ZH,
            Lang::En => &import_page::EN,
        }
    }
    /// Letters, messages, statements, templates and the company's details.
    pub fn letters(self) -> &'static LettersTexts {
        match self {
            Lang::Zh => &letters::ZH,
            Lang::En => &letters::EN,
        }
    }
    /// Disputes, write-offs with four eyes, payment plans.
    pub fn plans(self) -> &'static PlansTexts {
        match self {
            Lang::Zh => &plans::ZH,
            Lang::En => &plans::EN,
        }
    }
    /// The journal told in sentences, and its page.
    pub fn journal(self) -> &'static JournalTexts {
        match self {
            Lang::Zh => &journal::ZH,
            Lang::En => &journal::EN,
        }
    }
    /// The field-sales check and the embeddable widget.
    pub fn field(self) -> &'static FieldTexts {
        match self {
            Lang::Zh => &field::ZH,
            Lang::En => &field::EN,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    /// The number format a user of this language gets until they choose one in Settings:
    /// `1,234.56` for Chinese and for English alike (a decimal comma only when chosen).
    pub fn number_format(self) -> NumberFormat {
        match self {
            Lang::Zh | Lang::En => NumberFormat::Point,
        }
    }
    /// Picks the language from a stored choice or the browser's language list.
    pub fn detect(stored: Option<&str>, browser: &[String]) -> Lang {
        let pick = |code: &str| {
            if code.to_ascii_lowercase().starts_with("zh") {
                Some(Lang::Zh)
            } else if code.to_ascii_lowercase().starts_with("en") {
                Some(Lang::En)
            } else {
                None
            }
        };
        stored
            .and_then(pick)
            .or_else(|| browser.iter().find_map(|code| pick(code)))
            .unwrap_or(Lang::Zh)
    }
}

/// Replaces `{key}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (key, value) in values {
        text = text.replace(&format!("{{{key}}}"), value);
    }
    text
}

/// Declares a table of texts: one `&'static str` field per string. Each language is a
/// `static` of the struct, so a missing translation does not compile.
/// A table may stand on a smaller one (`Texts: RejectionTexts = rejections`): it holds a
/// reference to it and derefs to it, so `t.loading` reads through, while a bundle that needs
/// only the smaller table links only that one.
macro_rules! texts {
    ($name:ident { $($field:ident),* $(,)? }) => {
        pub struct $name { $(pub $field: &'static str,)* }
    };
    ($name:ident : $base:ident = $base_field:ident { $($field:ident),* $(,)? }) => {
        pub struct $name { pub $base_field: &'static $base, $(pub $field: &'static str,)* }
        impl std::ops::Deref for $name {
            type Target = $base;
            fn deref(&self) -> &$base {
                self.$base_field
            }
        }
    };
}

pub mod alerts;
pub mod backup;
pub mod collections;
mod common;
mod desk;
pub mod export;
mod field;
pub mod import;
pub mod import_page;
pub mod journal;
pub mod letters;
mod plan_rejections;
pub mod plans;
mod rejections;
pub mod vocab;
pub use alerts::AlertsTexts;
pub use backup::BackupTexts;
pub use collections::CollectionsTexts;
pub use common::CommonTexts;
pub use desk::DeskTexts;
pub use field::FieldTexts;
pub use journal::JournalTexts;
pub use letters::LettersTexts;
pub use plans::PlansTexts;
pub use rejections::RejectionTexts;
pub use vocab::{check_error, check_reason, VocabTexts};

texts!(Texts: RejectionTexts = rejections {
    app_tagline,
    nav_home,
    nav_customers,
    nav_journal,
    nav_settings,
    nav_help,
    saved,
    welcome_title,
    welcome_body,
    load_demo_s,
    load_demo_m,
    load_demo_l,
    demo_size_hint,
    start_empty,
    loading_demo,
    home_title,
    total_receivables,
    overdue_amount,
    overdue_share,
    customers_count,
    customers_overdue,
    unapplied,
    open_orders,
    disputed,
    not_available,
    with_note,
    empty_portfolio,
    add_first_customer,
    aging,
    aging_not_due,
    aging_days,
    customers_title,
    search_placeholder,
    overdue_only,
    sort_label,
    sort_name,
    sort_number,
    sort_balance,
    sort_overdue,
    sort_days,
    sort_limit,
    sort_utilisation,
    sort_grade,
    filters_label,
    filter_currency,
    filter_hold,
    filter_over_limit,
    filter_grade_drop,
    filter_orders,
    filter_disputed,
    filter_unapplied,
    remove_filter,
    clear_filters,
    new_customer,
    col_number,
    col_name,
    col_balance,
    col_overdue,
    col_days_overdue,
    col_exposure,
    col_limit,
    col_utilisation,
    col_grade,
    customers_on_hold,
    customers_over_limit,
    grade_drops_all,
    page_of,
    pagination,
    date_label,
    previous,
    next,
    no_customers_match,
    results_count,
    results_count_one,
    customer_not_found,
    master_data,
    registration_no,
    industry,
    country,
    payment_terms,
    days_suffix,
    contact,
    group,
    registered_on,
    edit_customer,
    balance,
    open_receivables,
    unapplied_cash,
    unapplied_credit,
    dbt_12m,
    dbt_help,
    days_overdue_max,
    open_invoices,
    invoice_number,
    issue_date,
    due_date,
    open_amount,
    days_past_due,
    no_open_invoices,
    paid_invoices_count,
    payments,
    payment_date,
    reference,
    unallocated,
    no_payments,
    credit_notes,
    no_credit_notes,
    issue_invoice,
    record_payment,
    issue_credit_note,
    back_to_customer,
    form_new_customer,
    form_edit_customer,
    form_invoice,
    form_payment,
    form_credit_note,
    customer_number,
    save,
    cancel,
    terms_hint,
    due_date_hint,
    allocation,
    allocation_oldest_first,
    allocation_to_invoice,
    allocation_unapplied,
    choose_invoice,
    credit_number,
    err_choose_invoice,
    since_hint,
    journal_title,
    journal_intro,
    verify_integrity,
    verifying,
    verify_ok,
    verify_failed,
    verify_snapshot_ok,
    no_events,
    settings_title,
    language,
    number_format_point,
    number_format_comma,
    number_format_hint,
    storage,
    persistent_yes,
    persistent_no,
    persistent_unknown,
    request_persistence,
    storage_usage,
    storage_usage_unknown,
    delete_all,
    delete_all_confirm,
    deleted,
    help_title,
    help_body_intro,
    help_body_ledger,
    help_body_list,
    help_body_aging,
    help_body_offline,
    help_body_storage,
    help_body_integrity,
    help_numbers_title,
    help_body_numbers,
    ratio,
    policy_limit,
    beyond_limit,
    ratio_limits,
    ratio_limits_help,
    err_named,
    err_policy_cell,
    help_body_score,
    help_body_policy,
    add_reference,
    add_report,
    add_row,
    add_signal,
    add_statement,
    add_visit,
    agency,
    assessment,
    assessment_negative,
    assessment_neutral,
    assessment_positive,
    band_upper,
    chart,
    contribution,
    contributions,
    contributions_help,
    credit_file,
    credit_records,
    current_ratio,
    data_quality,
    debt_ratio,
    factor,
    financial_strength,
    findings,
    grade_dropped,
    grade_floors,
    interest_cover,
    late_share,
    longest_overdue,
    net_margin,
    no_credit_records,
    notes,
    payment_behaviour,
    pd,
    pd_per_grade,
    period_end,
    points,
    policy_current,
    policy_help,
    policy_title,
    policy_version,
    quick_ratio,
    rating,
    rating_map,
    ratios,
    recommended_limit,
    record_kind,
    recorded_on,
    reference_bank,
    reference_kind,
    reference_supplier,
    relationship_months,
    report_date,
    save_policy,
    score,
    score_trend,
    severity,
    severity_high,
    severity_low,
    severity_medium,
    show_numbers,
    signal_downturn,
    signal_fade,
    signal_kind,
    signal_lawsuit,
    signal_management,
    signal_news,
    signal_other,
    signal_penalties,
    signal_penalty,
    stale,
    stale_report_months,
    stale_statement_months,
    staleness,
    statement_hint,
    statement_unbalanced,
    status,
    trend_3_9,
    visit_interview,
    visit_kind,
    visit_site,
    weight,
    weights,
    what_if,
    what_if_help,
    whatif_invoices,
    whatif_mark_paid,
    whatif_result,
    whatif_result_ahead,
    whatif_horizon,
    whatif_today,
    whatif_in_30,
    whatif_in_90,
    whatif_paid_note,
    who,
    zone_distress,
    zone_grey,
    zone_safe,
    nav_policy,
    grade_drops_title,
    no_grade_drops,
    flag_no_statement,
    flag_stale_statement,
    flag_statement_incomplete,
    flag_statement_unbalanced,
    flag_no_report,
    flag_stale_report,
    flag_rating_not_mapped,
    flag_no_payment_history,
    kind_report,
    kind_statement,
    kind_reference,
    kind_visit,
    kind_signal,
});

pub static ZH: Texts = Texts {
    rejections: &rejections::ZH,
    app_tagline: "赊销信用控制，完全在浏览器中运行",
    nav_home: "总览",
    nav_customers: "客户",
    nav_journal: "日志",
    nav_settings: "设置",
    nav_help: "帮助",
    saved: "已保存",
    welcome_title: "欢迎使用 Creditdesk",
    welcome_body: "数据只保存在本设备的浏览器中。可以先加载演示组合熟悉功能，也可以从空白开始。",
    load_demo_s: "加载演示组合 S（约 50 家客户）",
    load_demo_m: "加载演示组合 M（约 1,000 家客户）",
    load_demo_l: "加载演示组合 L（10,000 家客户，25 万张发票）",
    demo_size_hint: "组合 L 生成和保存需要几秒钟。",
    start_empty: "从空白开始",
    loading_demo: "正在生成并保存演示组合…",
    home_title: "应收总览",
    total_receivables: "应收账款总额",
    overdue_amount: "逾期金额",
    overdue_share: "逾期占比",
    customers_count: "客户数",
    customers_overdue: "有逾期的客户",
    unapplied: "未核销款项",
    open_orders: "未开票订单",
    disputed: "争议金额",
    not_available: "不适用",
    with_note: "{text}（{note}）",
    empty_portfolio: "还没有客户。",
    add_first_customer: "登记第一个客户",
    aging: "账龄",
    aging_not_due: "未到期",
    aging_days: "{range} 天",
    customers_title: "客户",
    search_placeholder: "名称或编号",
    overdue_only: "仅显示有逾期的客户",
    sort_label: "排序",
    sort_name: "名称",
    sort_number: "编号",
    sort_balance: "余额（高→低）",
    sort_overdue: "逾期金额（高→低）",
    sort_days: "逾期天数（长→短）",
    sort_limit: "额度（高→低）",
    sort_utilisation: "额度使用率（高→低）",
    sort_grade: "等级（差→好）",
    filters_label: "筛选条件",
    filter_currency: "币种：{currency}",
    filter_hold: "停止赊销",
    filter_over_limit: "超出额度",
    filter_grade_drop: "等级比上月末下降",
    filter_orders: "有未开票订单",
    filter_disputed: "有争议金额",
    filter_unapplied: "有未核销的收款或贷项",
    remove_filter: "移除筛选条件：{filter}",
    clear_filters: "清除全部筛选条件",
    new_customer: "新客户",
    col_number: "编号",
    col_name: "名称",
    col_balance: "余额",
    col_overdue: "逾期",
    col_days_overdue: "最长逾期天数",
    col_exposure: "风险敞口",
    col_limit: "额度",
    col_utilisation: "使用率",
    col_grade: "等级",
    customers_on_hold: "停止赊销的客户",
    customers_over_limit: "超出额度的客户",
    grade_drops_all: "在客户列表中查看全部",
    page_of: "第 {page} / {pages} 页",
    pagination: "分页",
    date_label: "日期",
    previous: "上一页",
    next: "下一页",
    no_customers_match: "没有符合条件的客户。",
    results_count: "{count} 家客户",
    results_count_one: "1 家客户",
    customer_not_found: "找不到该客户。",
    master_data: "主数据",
    registration_no: "统一社会信用代码 / 注册号",
    industry: "行业",
    country: "国家/地区",
    payment_terms: "付款条件",
    days_suffix: "{days} 天",
    contact: "联系方式",
    group: "所属集团",
    registered_on: "合作起始日",
    edit_customer: "编辑主数据",
    balance: "余额",
    open_receivables: "未结应收",
    unapplied_cash: "未核销收款",
    unapplied_credit: "未核销贷项",
    dbt_12m: "超期天数（近 12 个月，按金额加权）",
    dbt_help: "近 12 个月到期的发票，以及更早到期仍未付的发票：已付的为付款日 − 到期日，未付的为今天 − 到期日，最少为 0，按金额加权；与信用档案和评分中的数字相同。",
    days_overdue_max: "最长逾期天数",
    open_invoices: "未结发票",
    invoice_number: "发票号",
    issue_date: "开票日期",
    due_date: "到期日",
    open_amount: "未结金额",
    days_past_due: "逾期天数",
    no_open_invoices: "没有未结发票。",
    paid_invoices_count: "已结清发票：{count} 张",
    payments: "收款",
    payment_date: "收款日期",
    reference: "参考号",
    unallocated: "未核销",
    no_payments: "没有收款记录。",
    credit_notes: "贷项通知单",
    no_credit_notes: "没有贷项通知单。",
    issue_invoice: "开具发票",
    record_payment: "登记收款",
    issue_credit_note: "开具贷项通知单",
    back_to_customer: "返回客户",
    form_new_customer: "登记新客户",
    form_edit_customer: "编辑客户主数据",
    form_invoice: "开具发票",
    form_payment: "登记收款",
    form_credit_note: "开具贷项通知单",
    customer_number: "客户编号",
    save: "保存",
    cancel: "取消",
    terms_hint: "天数，0–365；留空则使用客户的付款条件",
    due_date_hint: "留空则按开票日期 + 付款天数计算",
    allocation: "核销方式",
    allocation_oldest_first: "按到期日从早到晚自动核销",
    allocation_to_invoice: "核销到指定发票",
    allocation_unapplied: "暂不核销（记为未核销款项）",
    choose_invoice: "选择发票",
    credit_number: "贷项通知单号",
    err_choose_invoice: "请选择一张发票。",
    since_hint: "该客户的任何记录都不能早于这一天；录入更早的往来前，请先把它提前。",
    journal_title: "审计日志",
    journal_intro: "每次操作都作为一条事件追加到日志中，并记录上一条事件的 SHA-256 哈希。任何修改、删除、插入或调换顺序都能被发现。",
    verify_integrity: "校验完整性",
    verifying: "正在校验…",
    verify_ok: "日志完整：{count} 条事件，哈希链一致。",
    verify_failed: "校验失败：{detail}",
    verify_snapshot_ok: "按日志重算到第 {seq} 号事件的数据与快照一致。",
    no_events: "日志为空。",
    settings_title: "设置",
    language: "语言",
    number_format_point: "1,234.56（小数点，逗号分隔千位）",
    number_format_comma: "1.234,56（小数逗号，句点分隔千位）",
    number_format_hint: "本设备上输入和显示金额与数字的写法。未选择时随界面语言而定：中文和英文均为 1,234.56。",
    storage: "存储",
    persistent_yes: "浏览器已同意持久保存本站数据。",
    persistent_no: "浏览器尚未同意持久保存；空间不足时数据可能被清除。",
    persistent_unknown: "尚未申请持久存储（首次保存数据时自动申请）。",
    request_persistence: "申请持久存储",
    storage_usage: "本网站已用 {used}，额度 {quota}（浏览器的估计）。",
    storage_usage_unknown: "浏览器未提供存储用量的估计。",
    delete_all: "删除本设备上的全部数据",
    delete_all_confirm: "确定删除全部数据吗？此操作无法撤销。",
    deleted: "数据已删除。",
    help_title: "帮助",
    help_body_intro: "Creditdesk 帮助赊销企业管理客户信用：谁可以赊购、额度多少，并跟踪每个客户的应收账款。所有数据只保存在本设备的浏览器中，不经过服务器。",
    help_body_ledger: "应收台账：发票、收款（默认按到期日从早到晚核销，也可以指定发票；多余部分记为未核销款项）、贷项通知单、核销坏账、争议和未开票订单。客户在客户列表中新增，发票、收款和贷项通知单在客户页面登记，订单在信用查询中登记；争议、核销提议（四眼审批）和分期付款计划在客户的催收页面登记。余额、账龄等数字都由日志实时计算，从不单独存储。余额 = 发票 − 收款 − 贷项 − 核销。每个客户都有合作起始日：该客户的发票、收款、贷项、订单都不能早于这一天（防止把年份输错，例如 1999）；录入更早的往来前，请先在客户资料中把它提前。核销和争议不能早于发票的开票日期，收款、贷项和核销不能晚于今天。",
    help_body_list: "客户列表显示每个客户的余额、逾期金额、风险敞口、当前生效的额度、额度使用率（风险敞口 ÷ 额度，保留一位小数）和等级，可以搜索、排序和筛选。总览中的每个数字都可以点击，打开按该数字筛选的客户列表，列表中的客户数与该数字一致；表格上方列出生效的筛选条件，每个都可以单独移除。筛选条件保存在网址中，刷新或返回后保持不变。",
    help_body_aging: "账龄按截至日期计算逾期天数：未到期、1–30、31–60、61–90、91–180、180 天以上；当天到期的金额视为未到期。已付发票的超期天数（DBT）= 结清日 − 到期日（最少为 0），仍未付清的逾期发票按至今逾期的天数计算；客户的超期天数按金额加权，计入近 12 个月内到期的发票和更早仍未付清的发票。风险敞口 = 未结应收 + 未开票订单。截至某日的数字只计入该日及以前的发票、收款、贷项、核销、争议和订单；应用一直开着时，过了午夜会自动换到新的日期。",
    help_body_offline: "首次访问后即可离线使用：断网时也能打开、查询和登记，数据保存在本地。可以安装到手机或桌面。",
    help_body_storage: "数据保存在浏览器的 IndexedDB 中。每次保存都是一个完整事务：要么全部保存，要么完全不保存。请在设置中申请持久存储，以免浏览器在空间不足时清除数据；设置中也显示本网站的存储用量和额度。恢复备份等大量写入前会先估算空间：已用量加上写入量的两倍超过额度时不会开始写入，并说明各项数字。空间不足、与数据库的连接断开时，提示会说明发生了什么，数据未更改。可以同时打开多个标签页：一个标签页保存后，其他标签页会自动更新并短暂提示；若另一个标签页先保存了，本次操作不会保存，页面刷新后请重新操作。导入一次只能在一个标签页中进行。打开数据库 10 秒仍无结果时，页面会说明原因并提供“重试”按钮。",
    help_body_integrity: "审计日志是哈希链：在“日志”页面点击“校验完整性”可检查是否有事件被修改、删除、插入或调换顺序。校验失败时会明确提示，绝不会自动修复；读取时如发现某条记录与之前的数据不符（例如引用了不存在的发票），同样视为完整性错误并停止写入。注意：浏览器中的数据由本机用户掌控，哈希链能发现篡改，但不能阻止有权限的人重写整个数据库。",
    help_numbers_title: "输入数字和日期",
    help_body_numbers: "金额和数字按设置中的数字格式书写：1,234.56（小数点）或 1.234,56（小数逗号），显示也采用同一格式。千位分隔符只能每三位一组，也可以用空格分组（1 234.56）；全角数字和符号（１２３．４）同样可以识别。金额前后可写本币种的符号或代码（¥ 12、12 CNY），其他币种的符号会被拒绝。只能按另一种格式理解的写法不会被猜测：格式为 1,234.56 时，12,34 会被拒绝并说明原因，而不会当作 1234。日期按年-月-日书写（2026-01-02、2026/01/02、2026.01.02 或 2026年1月2日）。",
    ratio: "比率",
    policy_limit: "政策限值",
    beyond_limit: "超出限值",
    ratio_limits: "财务比率限值",
    ratio_limits_help: "比率以小数填写（例如资产负债率 0.70 表示 70%，净利率 0 表示不亏损）。超出限值的比率在评分卡上标出，但不改变评分：财务实力只看 Z″。",
    err_named: "{name}：{message}",
    err_policy_cell: "“{cell}”不是有效数字。",
    help_body_score: "信用评分（0–100）由五个因素组成：财务实力（只取决于 Altman Z″ = 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4，按政策档位单调换算，因此对企业的排序与 Z″ 完全一致；Z″ > 2.60 为安全区，1.10–2.60 为灰色区，< 1.10 为困境区；各项财务比率用于解释，不另行计分）、付款表现（近 12 个月按金额加权的超期天数、逾期付款占比、最长逾期和近期趋势）、外部评级（按政策对照表换算）、风险信号（新发生时扣分，随时间消退）和合作年限。每个因素的贡献 = 权重 ×（因素得分 − 50）÷ 100，评分 = 50 + 各贡献之和。缺少或过期的资料会被标出并降低可信度，绝不会被当作零分。假设分析可以修改财务数据或把逾期发票标为今天已付，立即查看今天、30 天后或 90 天后（其间没有新的记录，未到期的发票按期支付）的评分，不会保存。今天付款不会改变今天的评分，因为到今天为止的超期天数无论如何都已计入；它的作用是让超期天数不再增加。",
    help_body_policy: "信用政策规定权重、档位、等级下限、各等级违约概率、资料时效和外部评级对照表。每次修改生成新版本并记入审计日志；不合理的政策（例如权重之和不等于 100%、档位重叠）会被拒绝并说明原因。每个评分都显示所用的政策版本。",
    add_reference: "添加银行/供应商评价",
    add_report: "添加外部信用报告",
    add_row: "添加一行",
    add_signal: "添加风险信号",
    add_statement: "添加财务报表",
    add_visit: "添加实地走访/访谈",
    agency: "机构",
    assessment: "评价",
    assessment_negative: "负面",
    assessment_neutral: "中性",
    assessment_positive: "正面",
    band_upper: "上限（含；最后一行留空）",
    chart: "图示",
    contribution: "贡献分",
    contributions: "各因素贡献",
    contributions_help: "评分 = 基准 {base} 分 + 各因素贡献之和；贡献 = 权重 ×（因素得分 − 50）÷ 100。缺少数据的因素不计入，其权重按比例分给其他因素。",
    credit_file: "信用档案",
    credit_records: "调查记录",
    current_ratio: "流动比率",
    data_quality: "数据质量提示",
    debt_ratio: "资产负债率",
    factor: "因素",
    financial_strength: "财务实力（Altman Z″）",
    findings: "结论",
    grade_dropped: "信用等级下降：{from} → {to}",
    grade_floors: "等级下限（A–D 的最低分）",
    interest_cover: "利息保障倍数",
    late_share: "逾期付款占比（按金额）",
    longest_overdue: "近 12 个月最长逾期天数",
    net_margin: "净利率",
    no_credit_records: "还没有调查记录。",
    notes: "备注",
    payment_behaviour: "付款表现",
    pd: "违约概率",
    pd_per_grade: "各等级违约概率（%）",
    period_end: "报告期末",
    points: "得分",
    policy_current: "当前版本：v{version}",
    policy_help: "保存后生成新版本并记入日志；所有评分立即按新版本重新计算，并显示所用版本。",
    policy_title: "信用政策",
    policy_version: "政策版本",
    quick_ratio: "速动比率",
    rating: "评级/评分",
    rating_map: "外部评级对照表（0–100 分；机构 * 表示任意机构）",
    ratios: "财务比率",
    recommended_limit: "机构建议额度（可选）",
    record_kind: "类型",
    recorded_on: "登记日期",
    reference_bank: "银行评价",
    reference_kind: "评价来源",
    reference_supplier: "供应商评价",
    relationship_months: "合作月数",
    report_date: "报告日期",
    save_policy: "保存为新版本",
    score: "信用评分",
    score_trend: "评分走势（月末及资料变化时）",
    severity: "严重程度",
    severity_high: "高",
    severity_low: "低",
    severity_medium: "中",
    show_numbers: "显示数字",
    signal_downturn: "行业下行",
    signal_fade: "扣分消退月数",
    signal_kind: "信号类型",
    signal_lawsuit: "诉讼",
    signal_management: "管理层变动",
    signal_news: "负面新闻",
    signal_other: "其他",
    signal_penalties: "风险信号扣分（新发生时）",
    signal_penalty: "当前风险信号扣分",
    stale: "已过期",
    stale_report_months: "信用报告有效月数",
    stale_statement_months: "财务报表有效月数",
    staleness: "资料时效",
    statement_hint: "未披露的项目请留空（表示“无数据”，不等于零）。金额按报表币种填写。",
    statement_unbalanced: "提示：资产总额 {assets} 不等于负债与所有者权益之和 {sum}。仍可保存。",
    status: "状态",
    trend_3_9: "超期天数：近 3 个月 / 之前 9 个月",
    visit_interview: "访谈",
    visit_kind: "类型",
    visit_site: "实地走访",
    weight: "权重",
    weights: "因素权重（%，合计 100）",
    what_if: "假设分析",
    what_if_help: "修改财务数据或把逾期发票标为已付，立即看到评分和等级的变化。不会保存。",
    whatif_invoices: "把逾期发票标为今天已付",
    whatif_mark_paid: "到期 {due}，未结 {amount}",
    whatif_result: "假设评分 {score}（{grade}），当前 {was}（{was_grade}）",
    whatif_result_ahead: "{days} 天后（其间没有新的记录）：假设评分 {score}（{grade}），不做修改则为 {was}（{was_grade}）",
    whatif_horizon: "评分日期",
    whatif_today: "今天",
    whatif_in_30: "30 天后",
    whatif_in_90: "90 天后",
    whatif_paid_note: "今天付款不会改变今天的评分：到今天为止的超期天数无论是否付款都已计入。付款的作用是让超期天数不再增加，请选择 30 天后或 90 天后查看。",
    who: "走访/访谈人",
    zone_distress: "困境区",
    zone_grey: "灰色区",
    zone_safe: "安全区",
    nav_policy: "信用政策",
    grade_drops_title: "本月等级下降的客户",
    no_grade_drops: "本月没有客户等级下降。",
    flag_no_statement: "没有财务报表：财务实力不计入评分。",
    flag_stale_statement: "财务报表已过期（{months} 个月）。",
    flag_statement_incomplete: "财务报表不完整：部分比率无法计算。",
    flag_statement_unbalanced: "资产负债表不平衡。",
    flag_no_report: "没有外部信用报告：外部评级不计入评分。",
    flag_stale_report: "外部信用报告已过期（{months} 个月）。",
    flag_rating_not_mapped: "评级“{rating}”（{agency}）不在政策对照表中：外部评级不计入。",
    flag_no_payment_history: "近 12 个月没有已结清的发票：付款表现不计入评分。",
    kind_report: "外部信用报告",
    kind_statement: "财务报表",
    kind_reference: "评价",
    kind_visit: "走访/访谈",
    kind_signal: "风险信号",
};

pub static EN: Texts = Texts {
    rejections: &rejections::EN,
    app_tagline: "Trade-credit control that runs entirely in your browser",
    nav_home: "Overview",
    nav_customers: "Customers",
    nav_journal: "Journal",
    nav_settings: "Settings",
    nav_help: "Help",
    saved: "Saved",
    welcome_title: "Welcome to Creditdesk",
    welcome_body: "Your data stays in this browser on this device. Load a demo portfolio to look around, or start empty.",
    load_demo_s: "Load demo portfolio S (about 50 customers)",
    load_demo_m: "Load demo portfolio M (about 1,000 customers)",
    load_demo_l: "Load demo portfolio L (10,000 customers, 250,000 invoices)",
    demo_size_hint: "Portfolio L takes a few seconds to generate and save.",
    start_empty: "Start empty",
    loading_demo: "Generating and saving the demo portfolio…",
    home_title: "Receivables overview",
    total_receivables: "Total receivables",
    overdue_amount: "Overdue",
    overdue_share: "Overdue share",
    customers_count: "Customers",
    customers_overdue: "Customers with overdue",
    unapplied: "Unapplied cash and credit",
    open_orders: "Open orders",
    disputed: "Disputed",
    not_available: "n/a",
    with_note: "{text} ({note})",
    empty_portfolio: "No customers yet.",
    add_first_customer: "Register the first customer",
    aging: "Aging",
    aging_not_due: "Not due",
    aging_days: "{range} days",
    customers_title: "Customers",
    search_placeholder: "Name or number",
    overdue_only: "Only customers with overdue",
    sort_label: "Sort by",
    sort_name: "Name",
    sort_number: "Number",
    sort_balance: "Balance (high to low)",
    sort_overdue: "Overdue (high to low)",
    sort_days: "Days overdue (longest first)",
    sort_limit: "Limit (high to low)",
    sort_utilisation: "Utilisation (high to low)",
    sort_grade: "Grade (worst first)",
    filters_label: "Filters",
    filter_currency: "Currency: {currency}",
    filter_hold: "On credit hold",
    filter_over_limit: "Over limit",
    filter_grade_drop: "Grade dropped since the month end",
    filter_orders: "With open orders",
    filter_disputed: "With disputed amounts",
    filter_unapplied: "With unapplied cash or credit",
    remove_filter: "Remove filter: {filter}",
    clear_filters: "Clear all filters",
    new_customer: "New customer",
    col_number: "Number",
    col_name: "Name",
    col_balance: "Balance",
    col_overdue: "Overdue",
    col_days_overdue: "Max days overdue",
    col_exposure: "Exposure",
    col_limit: "Limit",
    col_utilisation: "Utilisation",
    col_grade: "Grade",
    customers_on_hold: "Customers on hold",
    customers_over_limit: "Customers over limit",
    grade_drops_all: "See them all in the customer list",
    page_of: "Page {page} of {pages}",
    pagination: "Pages",
    date_label: "Date",
    previous: "Previous",
    next: "Next",
    no_customers_match: "No customers match.",
    results_count: "{count} customers",
    results_count_one: "1 customer",
    customer_not_found: "Customer not found.",
    master_data: "Master data",
    registration_no: "Registration no.",
    industry: "Industry",
    country: "Country",
    payment_terms: "Payment terms",
    days_suffix: "{days} days",
    contact: "Contact",
    group: "Group / parent",
    registered_on: "Customer since",
    edit_customer: "Edit master data",
    balance: "Balance",
    open_receivables: "Open receivables",
    unapplied_cash: "Unapplied cash",
    unapplied_credit: "Unapplied credit",
    dbt_12m: "Days beyond terms (12 months, amount-weighted)",
    dbt_help: "Invoices due in the last 12 months, and older ones still unpaid: payment date − due date when paid, today − due date when not, at least 0, weighted by amount; the same figure as in the credit file and the score.",
    days_overdue_max: "Max days overdue",
    open_invoices: "Open invoices",
    invoice_number: "Invoice no.",
    issue_date: "Issue date",
    due_date: "Due date",
    open_amount: "Open",
    days_past_due: "Days past due",
    no_open_invoices: "No open invoices.",
    paid_invoices_count: "Settled invoices: {count}",
    payments: "Payments",
    payment_date: "Payment date",
    reference: "Reference",
    unallocated: "Unapplied",
    no_payments: "No payments.",
    credit_notes: "Credit notes",
    no_credit_notes: "No credit notes.",
    issue_invoice: "Issue invoice",
    record_payment: "Record payment",
    issue_credit_note: "Issue credit note",
    back_to_customer: "Back to customer",
    form_new_customer: "Register a customer",
    form_edit_customer: "Edit customer master data",
    form_invoice: "Issue an invoice",
    form_payment: "Record a payment",
    form_credit_note: "Issue a credit note",
    customer_number: "Customer number",
    save: "Save",
    cancel: "Cancel",
    terms_hint: "Days, 0–365; leave empty for the customer's terms",
    due_date_hint: "Leave empty for issue date + terms",
    allocation: "Allocation",
    allocation_oldest_first: "Oldest due date first (automatic)",
    allocation_to_invoice: "To one invoice",
    allocation_unapplied: "Keep unapplied on account",
    choose_invoice: "Choose an invoice",
    credit_number: "Credit note no.",
    err_choose_invoice: "Choose an invoice.",
    since_hint: "Nothing of this customer's can be dated before this day; move it back before entering an older history.",
    journal_title: "Audit journal",
    journal_intro: "Every action is appended to the journal as an event that records the SHA-256 of the event before it, so any edit, removal, insertion or reordering can be found.",
    verify_integrity: "Verify integrity",
    verifying: "Verifying…",
    verify_ok: "The journal is intact: {count} events, hash chain consistent.",
    verify_failed: "Verification failed: {detail}",
    verify_snapshot_ok: "Replaying the journal up to event {seq} gives exactly the snapshot.",
    no_events: "The journal is empty.",
    settings_title: "Settings",
    language: "Language",
    number_format_point: "1,234.56 (decimal point, comma groups thousands)",
    number_format_comma: "1.234,56 (decimal comma, point groups thousands)",
    number_format_hint: "How amounts and figures are typed and shown on this device. Until you choose, it follows the language: 1,234.56 for Chinese and for English.",
    storage: "Storage",
    persistent_yes: "The browser granted persistent storage for this site.",
    persistent_no: "The browser has not granted persistent storage; data may be cleared when space runs low.",
    persistent_unknown: "Persistent storage not requested yet (it is requested at the first save).",
    request_persistence: "Request persistent storage",
    storage_usage: "{used} of {quota} used by this site (the browser's estimate).",
    storage_usage_unknown: "The browser gives no estimate of storage usage.",
    delete_all: "Delete all data on this device",
    delete_all_confirm: "Delete all data? This cannot be undone.",
    deleted: "All data deleted.",
    help_title: "Help",
    help_body_intro: "Creditdesk helps companies that sell on credit decide who may buy on credit and how much, and watch every customer's receivables. All data stays in this browser on this device; no server is involved.",
    help_body_ledger: "The receivables ledger holds invoices, payments (allocated oldest due date first unless you choose an invoice; any remainder is unapplied cash), credit notes, write-offs, disputes and open orders. Customers are added from the customer list, invoices, payments and credit notes on a customer's page, orders on the credit check; disputes, write-off proposals (approved by a second profile) and payment plans on the customer's collections page. Balances and aging are computed from the journal, never stored. Balance = invoices − payments − credit notes − write-offs. Every customer has a \"customer since\" date: none of its invoices, payments, credit notes or orders may be dated before it (a guard against a mistyped year such as 1999); move it back in the customer's details before entering an older history. Write-offs and disputes are not dated before the invoice was issued, and payments, credit notes and write-offs not after today.",
    help_body_list: "The customer list shows each customer's balance, overdue amount, exposure, the limit in force, utilisation (exposure ÷ limit, to one decimal) and grade, and can be searched, sorted and filtered. Every figure on the overview opens the customer list filtered to what it counts, with as many customers as the figure says; the filters in force are listed above the table, each one removable. The filters are kept in the address, so a reload or the back button shows the same view.",
    help_body_aging: "Aging counts days past the due date as of a date: not due, 1–30, 31–60, 61–90, 91–180, over 180; an amount due today is not due. Days beyond terms (DBT) of a paid invoice = settlement date − due date, at least 0; of one still open past due, the days past due so far; a customer's DBT weights them by amount over the invoices due in the last 12 months and older ones still unpaid. Exposure = open receivables + open orders. A figure as of a date counts only the invoices, payments, credit notes, write-offs, disputes and orders dated on or before it; an app left open moves to the new date after midnight by itself.",
    help_body_offline: "After the first visit the app works offline: open it, look things up and record with the network off; data is kept on the device. It can be installed on a phone or desktop.",
    help_body_storage: "Data is kept in the browser's IndexedDB. Every save is one transaction: all of it is saved or none of it. Request persistent storage in Settings so the browser does not clear data when space runs low; Settings also show this site's usage and quota. Before a large write such as restoring a backup, the space is estimated first: when the usage plus twice the write exceeds the quota, nothing is written and the message gives the figures. When space runs out or the connection to the database is lost, the message says what happened and that nothing was changed. Several tabs may be open at once: when one saves, the others update themselves and say so briefly; if another tab saved first, your action is not saved, the page is refreshed, and you repeat it. Only one tab at a time can run an import. If opening the database gives no result within 10 seconds, the page says why and offers a Retry button.",
    help_body_integrity: "The audit journal is a hash chain: on the Journal page, Verify integrity finds any event that was edited, removed, inserted or reordered. A failure is shown plainly and never repaired silently; a stored record that does not fit the data before it (for example a payment for an invoice that does not exist) is an integrity error too, and writing stops. Note: whoever controls this browser controls its data; the chain reveals tampering but cannot stop someone from rewriting the whole database.",
    help_numbers_title: "Typing numbers and dates",
    help_body_numbers: "Amounts and figures are written in the number format chosen in Settings, 1,234.56 (decimal point) or 1.234,56 (decimal comma), and shown in it too. Thousands separators group digits by three, or a space may group them (1 234.56); full-width digits and signs (１２３．４) read as well. An amount may carry its own currency's symbol or code before or after it (¥ 12, 12 CNY); another currency's is refused. Text that only reads in the other format is never guessed: with 1,234.56, 12,34 is refused with the reason, not read as 1234. Dates are year first: 2026-01-02, 2026/01/02, 2026.01.02 or 2026年1月2日.",
    ratio: "Ratio",
    policy_limit: "Policy limit",
    beyond_limit: "Beyond limit",
    ratio_limits: "Ratio limits",
    ratio_limits_help: "Enter ratios as decimals (e.g. debt ratio 0.70 for 70%, net margin 0 for no loss). A ratio beyond its limit is marked on the score card but does not change the score: financial strength reads Z″ only.",
    err_named: "{name}: {message}",
    err_policy_cell: "{cell}: not a number.",
    help_body_score: "The credit score (0–100) combines five factors: financial strength (a monotone function of Altman Z″ = 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4 through the policy's bands, so it ranks firms exactly as Z″ does; Z″ > 2.60 safe, 1.10–2.60 grey, < 1.10 distress; the ratios explain but are not scored), payment behaviour (amount-weighted days beyond terms over 12 months, share paid late, longest overdue, recent trend), external rating (through the policy's mapping), risk signals (a penalty when new that fades with age) and length of relationship. Each factor contributes weight × (points − 50) ÷ 100; the score is 50 plus the contributions. Missing or stale inputs are flagged and lower confidence; they never count as zero. The what-if panel lets you change a financial line or mark an overdue invoice as paid today and see the score today, in 30 or in 90 days (if nothing else is recorded, invoices not yet due paid on their due date), without saving. Paying today does not change today's score, as the days beyond terms so far count either way; what it changes is that they stop growing.",
    help_body_policy: "The credit policy sets the weights, bands, grade floors, probability of default per grade, staleness limits and the external-rating mapping. Each change is a new version in the audit journal; a policy that does not make sense (weights not summing to 100%, overlapping bands) is rejected with the reason. Every score shows the policy version it used.",
    add_reference: "Add bank or supplier reference",
    add_report: "Add external credit report",
    add_row: "Add row",
    add_signal: "Add risk signal",
    add_statement: "Add financial statement",
    add_visit: "Add site visit or interview",
    agency: "Agency",
    assessment: "Assessment",
    assessment_negative: "Negative",
    assessment_neutral: "Neutral",
    assessment_positive: "Positive",
    band_upper: "Upper bound (inclusive; empty on the last row)",
    chart: "Chart",
    contribution: "Contribution",
    contributions: "Factor contributions",
    contributions_help: "Score = base {base} + the sum of contributions; contribution = weight × (factor points − 50) ÷ 100. A factor without data is left out and its weight is shared among the others.",
    credit_file: "Credit file",
    credit_records: "Investigation records",
    current_ratio: "Current ratio",
    data_quality: "Data quality",
    debt_ratio: "Debt ratio",
    factor: "Factor",
    financial_strength: "Financial strength (Altman Z″)",
    findings: "Findings",
    grade_dropped: "Grade dropped: {from} → {to}",
    grade_floors: "Grade floors (minimum score for A–D)",
    interest_cover: "Interest cover",
    late_share: "Share paid late (by amount)",
    longest_overdue: "Longest overdue in 12 months (days)",
    net_margin: "Net margin",
    no_credit_records: "No investigation records yet.",
    notes: "Notes",
    payment_behaviour: "Payment behaviour",
    pd: "Probability of default",
    pd_per_grade: "Probability of default per grade (%)",
    period_end: "Period end",
    points: "Points",
    policy_current: "Current version: v{version}",
    policy_help: "Saving creates the next version in the journal; every score is recomputed at once and shows the version it used.",
    policy_title: "Credit policy",
    policy_version: "Policy version",
    quick_ratio: "Quick ratio",
    rating: "Rating or score",
    rating_map: "External rating mapping (0–100 points; agency * matches any)",
    ratios: "Ratios",
    recommended_limit: "Agency-recommended limit (optional)",
    record_kind: "Kind",
    recorded_on: "Recorded on",
    reference_bank: "Bank reference",
    reference_kind: "Reference from",
    reference_supplier: "Supplier reference",
    relationship_months: "Months of relationship",
    report_date: "Report date",
    save_policy: "Save as new version",
    score: "Score",
    score_trend: "Score trend (month ends and input changes)",
    severity: "Severity",
    severity_high: "High",
    severity_low: "Low",
    severity_medium: "Medium",
    show_numbers: "Show the numbers",
    signal_downturn: "Industry downturn",
    signal_fade: "Months until a penalty fades",
    signal_kind: "Signal",
    signal_lawsuit: "Lawsuit",
    signal_management: "Management change",
    signal_news: "Negative news",
    signal_other: "Other",
    signal_penalties: "Risk signal penalties (when new)",
    signal_penalty: "Current risk-signal penalty",
    stale: "Stale",
    stale_report_months: "Credit report valid for (months)",
    stale_statement_months: "Financial statement valid for (months)",
    staleness: "Staleness limits",
    statement_hint: "Leave lines the customer did not disclose empty (\"not available\", not zero). Amounts in the statement's currency.",
    statement_unbalanced: "Warning: total assets {assets} do not equal liabilities plus equity {sum}. You can still save.",
    status: "Status",
    trend_3_9: "DBT: last 3 months / 9 months before",
    visit_interview: "Interview",
    visit_kind: "Kind",
    visit_site: "Site visit",
    weight: "Weight",
    weights: "Factor weights (%, summing to 100)",
    what_if: "What if",
    what_if_help: "Change a financial line or mark an overdue invoice as paid and see the score and grade change at once. Nothing is saved.",
    whatif_invoices: "Mark overdue invoices as paid today",
    whatif_mark_paid: "Due {due}, open {amount}",
    whatif_result: "What-if score {score} ({grade}); now {was} ({was_grade})",
    whatif_result_ahead: "In {days} days, if nothing else is recorded: what-if score {score} ({grade}); without the changes {was} ({was_grade})",
    whatif_horizon: "Score as of",
    whatif_today: "Today",
    whatif_in_30: "In 30 days",
    whatif_in_90: "In 90 days",
    whatif_paid_note: "Paying today does not change today's score: the days beyond terms so far count whether or not it is paid. What paying changes is that they stop growing; look 30 or 90 days ahead to see it.",
    who: "Who",
    zone_distress: "distress zone",
    zone_grey: "grey zone",
    zone_safe: "safe zone",
    nav_policy: "Policy",
    grade_drops_title: "Grade drops since last month end",
    no_grade_drops: "No grade dropped since last month end.",
    flag_no_statement: "No financial statement: financial strength is left out.",
    flag_stale_statement: "The financial statement is stale ({months} months old).",
    flag_statement_incomplete: "The financial statement is incomplete: some ratios are not available.",
    flag_statement_unbalanced: "The balance sheet does not balance.",
    flag_no_report: "No external credit report: external rating is left out.",
    flag_stale_report: "The external credit report is stale ({months} months old).",
    flag_rating_not_mapped: "Rating \"{rating}\" ({agency}) is not in the policy's mapping: external rating is left out.",
    flag_no_payment_history: "No invoice settled in 12 months: payment behaviour is left out.",
    kind_report: "Credit report",
    kind_statement: "Financial statement",
    kind_reference: "Reference",
    kind_visit: "Visit / interview",
    kind_signal: "Risk signal",
};

/// The message for a typed amount that could not be read. Amounts keep their own wording
/// for the reasons they had before (the e2e suite and users know it); every other reason is
/// the family's message.
pub fn amount_error(t: &CommonTexts, error: &AmountError) -> String {
    match error {
        AmountError::Empty => t.err_amount_empty.to_string(),
        AmountError::NotANumber => t.err_amount_nan.to_string(),
        AmountError::TooManyDecimals { allowed } => {
            fill(t.err_amount_decimals, &[("allowed", &allowed.to_string())])
        }
        AmountError::NotPositive => t.err_amount_positive.to_string(),
        other => typed_error(t, other),
    }
}

/// The message for a typed limit that is no limit: the messages `decide` gave these before a
/// limit was a checked amount (negative, too many decimals for the currency, too large).
pub fn limit_error(t: &CommonTexts, error: &AmountError) -> String {
    match error {
        AmountError::Negative => vocab_for(t).err_limit_negative.to_string(),
        AmountError::TooManyDecimals { allowed } => {
            fill(t.err_amount_decimals, &[("allowed", &allowed.to_string())])
        }
        AmountError::TooLarge { .. } => t.err_amount_large.to_string(),
        other => amount_error(t, other),
    }
}

/// The message for payment terms that could not be read: text that is no number at all gets
/// the rule (whole days, 0–365), as before; every other reason is the family's, naming it.
pub fn terms_error(t: &CommonTexts, error: &TypedError) -> String {
    match error {
        TypedError::NotANumber => t.err_terms.to_string(),
        other => typed_error(t, other),
    }
}

/// The message for typed text (a number, a term, a date) that could not be read, naming
/// what is wrong.
pub fn typed_error(t: &CommonTexts, error: &TypedError) -> String {
    use TypedError::*;
    match error {
        Empty => t.err_required.to_string(),
        NotANumber => t.err_nan.to_string(),
        Unexpected {
            character,
            position,
        } => fill(
            t.err_char_unexpected,
            &[
                ("character", &character.to_string()),
                ("position", &position.to_string()),
            ],
        ),
        MisplacedSeparator {
            separator,
            position,
            format,
        } => {
            let shown = match separator {
                ' ' => t.err_space_word.to_string(),
                other => format!("“{other}”"),
            };
            fill(
                t.err_separator_misplaced,
                &[
                    ("separator", &shown),
                    ("position", &position.to_string()),
                    ("example", format.example()),
                ],
            )
        }
        OtherNumberFormat {
            format: NumberFormat::Point,
        } => t.err_decimal_comma_here.to_string(),
        OtherNumberFormat {
            format: NumberFormat::Comma,
        } => t.err_decimal_point_here.to_string(),
        TooManyDecimals { allowed } => {
            fill(t.err_decimals_at_most, &[("allowed", &allowed.to_string())])
        }
        NotPositive => t.err_amount_positive.to_string(),
        Negative => t.err_negative.to_string(),
        NotWhole => t.err_not_whole.to_string(),
        TooLarge { max } => fill(
            t.err_too_large,
            &[("max", &crate::numbers::decimal(*max, 0))],
        ),
        CurrencyMismatch { written, currency } => fill(
            t.err_currency_mismatch,
            &[("written", written), ("currency", currency.code())],
        ),
        UnknownCurrency { written } => fill(t.err_currency_unknown, &[("written", written)]),
        CurrencyNotExpected { written } => fill(t.err_currency_here, &[("written", written)]),
        NotADate => t.err_date.to_string(),
        NoSuchDate { year, month, day } => fill(
            t.err_no_such_date,
            &[("date", &format!("{year:04}-{month:02}-{day:02}"))],
        ),
    }
}

/// An amount inside a message: grouped, at the precision it carries (e.g. `1,234.50`), in
/// the user's number format.
fn amount(value: &rust_decimal::Decimal) -> String {
    crate::numbers::exact(*value)
}

/// The name of a score factor.
pub fn factor_name(t: &Texts, factor: Factor) -> &'static str {
    match factor {
        Factor::FinancialStrength => t.factor_financial,
        Factor::PaymentBehaviour => t.factor_payment,
        Factor::ExternalRating => t.factor_external,
        Factor::RiskSignals => t.factor_signals,
        Factor::Relationship => t.factor_relationship,
    }
}

/// The message for a rejected command, naming the broken rule.
pub fn rejection(t: &RejectionTexts, rejection: &Rejection) -> String {
    use Rejection::*;
    match rejection {
        UnknownCustomer => t.rej_unknown_customer.into(),
        StateInconsistent(error) => {
            fill(t.rej_state_inconsistent, &[("what", &fold_error(t, error))])
        }
        UnknownInvoice => t.rej_unknown_invoice.into(),
        UnknownOrder | UnknownDispute => t.rej_unknown_record.into(),
        IdAlreadyUsed => t.rej_id_used.into(),
        NameEmpty => t.rej_name_empty.into(),
        NumberEmpty => t.rej_number_empty.into(),
        TextTooLong { max, .. } => fill(t.rej_text_long, &[("max", &max.to_string())]),
        CustomerNumberTaken { number } => fill(t.rej_customer_number_taken, &[("number", number)]),
        CountryInvalid => t.rej_country.into(),
        TermsOutOfRange { max } => fill(t.rej_terms, &[("max", &max.to_string())]),
        CurrencyLocked => t.rej_currency_locked.into(),
        DuplicateInvoiceNumber { number } => fill(t.rej_duplicate_invoice, &[("number", number)]),
        NegativeTotalAssets => t.rej_negative_total_assets.into(),
        StatementLineNegative { line } => fill(
            t.rej_statement_line_negative,
            &[("line", statement_line(t, line))],
        ),
        AgencyEmpty => t.rej_agency_empty.into(),
        RatingEmpty => t.rej_rating_empty.into(),
        PolicyInvalid(error) => policy_error(t, error),
        PolicyVersionNotNext { expected } => {
            fill(t.rej_policy_version, &[("expected", &expected.to_string())])
        }
        DuplicateCreditNoteNumber { number } => {
            fill(t.rej_duplicate_credit_note, &[("number", number)])
        }
        CurrencyMismatch { expected, found } => fill(
            t.rej_currency_mismatch,
            &[("expected", expected), ("found", found)],
        ),
        TooManyDecimals { allowed } => {
            fill(t.err_amount_decimals, &[("allowed", &allowed.to_string())])
        }
        AmountNotPositive => t.err_amount_positive.into(),
        AmountTooLarge => t.err_amount_large.into(),
        DateOutOfRange => t.rej_date_range.into(),
        TermsDisagreeWithDueDate { by_terms } => {
            fill(t.rej_terms_due, &[("due", &by_terms.to_string())])
        }
        DateInFuture { today } => fill(t.rej_date_future, &[("today", &today.to_string())]),
        DateBeforeCustomerSince { since } => {
            fill(t.rej_before_since, &[("since", &since.to_string())])
        }
        DateBeforeInvoice { issued } => {
            fill(t.rej_before_invoice, &[("issued", &issued.to_string())])
        }
        SinceAfterFirstRecord { first } => {
            fill(t.rej_since_after_first, &[("first", &first.to_string())])
        }
        DueBeforeIssue => t.rej_due_before_issue.into(),
        AllocationToUnknownInvoice => t.rej_alloc_unknown.into(),
        AllocationToOtherCustomer => t.rej_alloc_other_customer.into(),
        AllocationAboveOpen { invoice, open } => fill(
            t.rej_alloc_above_open,
            &[("invoice", invoice), ("open", &amount(open))],
        ),
        AllocationBeforeIssue { invoice } => {
            fill(t.rej_alloc_before_issue, &[("invoice", invoice)])
        }
        AllocationsExceedAmount => t.rej_alloc_exceeds.into(),
        InvoiceSettled => t.rej_invoice_settled.into(),
        WriteOffAboveOpen { open } => fill(t.rej_write_off_above_open, &[("open", &amount(open))]),
        OrderClosed => t.rej_order_closed.into(),
        DisputeAboveOpen { open } => fill(t.rej_dispute_above_open, &[("open", &amount(open))]),
        DisputeResolved => t.rej_dispute_resolved.into(),
        other @ (UnknownUser
        | UserNameTaken { .. }
        | UnknownRequest
        | RequestPending
        | RequestDecided
        | UntilNotAfterDate
        | ReasonEmpty
        | CommentEmpty
        | DecisionBeforeRequest
        | OwnRequest
        | AboveAuthority { .. }
        | OwnRole
        | GrantAboveOwn { .. }
        | ProfileRequired
        | LapseNotDue
        | LapseRecorded
        | AlreadyOnHold
        | NotOnHold
        | OrderBlocked
        | OriginInvalid { .. }) => vocab::rejection(vocab_for(t), other),
        NoTaskDue => collections_for(t).rej_no_task_due.into(),
        ChannelNotInStep { allowed } => {
            let c = collections_for(t);
            fill(
                c.rej_channel_not_in_step,
                &[("channels", &collections::channels(c, allowed))],
            )
        }
        StepNotInLadder => collections_for(t).rej_step_not_in_ladder.into(),
        NothingToEscalate => collections_for(t).rej_nothing_to_escalate.into(),
        NotCollecting { role } => fill(
            collections_for(t).rej_not_collecting,
            &[("role", vocab::role(vocab_for(t), *role))],
        ),
        PromiseDueBeforeDate => collections_for(t).rej_promise_due_before.into(),
        ToleranceTooLong { max } => fill(
            collections_for(t).rej_tolerance_too_long,
            &[("max", &max.to_string())],
        ),
        StrategyInvalid(error) => {
            collections::strategy_error(collections_for(t), letters_for(t), error)
        }
        CompanyNameEmpty => letters_for(t).rej_company_name_empty.into(),
        UnknownPlaceholder { name, .. } => letters::template_error(
            letters_for(t),
            &creditdesk_core::policy::TemplateError::UnknownPlaceholder { name: name.clone() },
        ),
        UnclosedBrace { at, .. } => letters::template_error(
            letters_for(t),
            &creditdesk_core::policy::TemplateError::UnclosedBrace { at: *at },
        ),
        TemplateEmpty => letters_for(t).rej_template_empty.into(),
        UnknownAlert { rule } => fill(
            alerts_for(t).rej_unknown_alert,
            &[("rule", alerts::rule(alerts_for(t), *rule))],
        ),
        AlertAlreadyAcknowledged => alerts_for(t).rej_already_acknowledged.into(),
        SnoozeNotAfterToday => alerts_for(t).rej_snooze_not_after_today.into(),
        NotMonitoring { role } => fill(
            alerts_for(t).rej_not_monitoring,
            &[("role", vocab::role(vocab_for(t), *role))],
        ),
        NoAlertHold => alerts_for(t).rej_no_alert_hold.into(),
        other @ (UnknownProposal
        | ProposalDecided
        | OwnProposal
        | WriteOffPending
        | DecisionBeforeProposal
        | PlanEmpty
        | PlanSumMismatch { .. }
        | PlanDatesNotIncreasing
        | InstalmentBeforePlan
        | PlanInvoiceNotOpen { .. }
        | PlanInvoiceOfOtherCustomer { .. }
        | PlanOverlaps { .. }
        | DiscountPercentOutOfRange
        | DiscountDaysOutOfRange { .. }) => {
            plan_rejections::rejection(plans_for(t), other, amount).unwrap_or_default()
        }
    }
}

/// The plans' rejection table in the same language as `t`.
fn plans_for(t: &CommonTexts) -> &'static plan_rejections::PlanRejectionTexts {
    if std::ptr::eq(t, &common::ZH) {
        &plan_rejections::ZH
    } else {
        &plan_rejections::EN
    }
}

fn letters_for(t: &CommonTexts) -> &'static LettersTexts {
    if std::ptr::eq(t, &common::ZH) {
        &letters::ZH
    } else {
        &letters::EN
    }
}

/// The alerts table in the same language as `t`.
pub fn alerts_for(t: &CommonTexts) -> &'static AlertsTexts {
    if std::ptr::eq(t, &common::ZH) {
        &alerts::ZH
    } else {
        &alerts::EN
    }
}

/// The collections table in the same language as `t`.
fn collections_for(t: &CommonTexts) -> &'static CollectionsTexts {
    if std::ptr::eq(t, &common::ZH) {
        &collections::ZH
    } else {
        &collections::EN
    }
}

/// The vocabulary table in the same language as `t` (the rejection messages of limits,
/// approvals and orders live there).
fn vocab_for(t: &CommonTexts) -> &'static VocabTexts {
    if std::ptr::eq(t, &common::ZH) {
        &vocab::ZH
    } else {
        &vocab::EN
    }
}

/// The message for a broken hash chain, naming the event.
pub fn chain_break(t: &CommonTexts, broken: &ChainBreak) -> String {
    match broken {
        ChainBreak::Unreadable { position } => fill(
            t.chain_unreadable,
            &[("position", &(position + 1).to_string())],
        ),
        ChainBreak::Missing { from, to } => fill(
            t.chain_missing,
            &[("from", &from.to_string()), ("to", &to.to_string())],
        ),
        ChainBreak::Inserted { seq } => fill(t.chain_inserted, &[("seq", &seq.to_string())]),
        ChainBreak::Reordered { seq } => fill(t.chain_reordered, &[("seq", &seq.to_string())]),
        ChainBreak::Edited { seq } => fill(t.chain_edited, &[("seq", &seq.to_string())]),
        ChainBreak::BadStart { seq } => fill(t.chain_bad_start, &[("seq", &seq.to_string())]),
        ChainBreak::DoesNotApply { seq, entry, error } => fill(
            t.chain_does_not_apply,
            &[
                ("seq", &seq.to_string()),
                ("entry", &(entry + 1).to_string()),
                ("what", &fold_error(t, error)),
            ],
        ),
        ChainBreak::HeadMissing => t.chain_head_missing.to_string(),
        ChainBreak::HeadUnreadable => t.chain_head_unreadable.to_string(),
        ChainBreak::SnapshotEdited { seq } => {
            fill(t.chain_snapshot_edited, &[("seq", &seq.to_string())])
        }
        ChainBreak::SnapshotForeign { seq } => {
            fill(t.chain_snapshot_foreign, &[("seq", &seq.to_string())])
        }
        ChainBreak::SnapshotUnreadable { seq } => {
            fill(t.chain_snapshot_unreadable, &[("seq", &seq.to_string())])
        }
        ChainBreak::SnapshotDiffers { seq } => {
            fill(t.chain_snapshot_differs, &[("seq", &seq.to_string())])
        }
        ChainBreak::CheckViewEdited { seq } => {
            fill(t.chain_check_view_edited, &[("seq", &seq.to_string())])
        }
    }
}

/// What a stored entry got wrong, in words.
pub fn fold_error(t: &CommonTexts, error: &FoldError) -> String {
    let kind = |record: &RecordKind| match record {
        RecordKind::Customer => t.kind_customer,
        RecordKind::Invoice => t.kind_invoice,
        RecordKind::Payment => t.kind_payment,
        RecordKind::CreditNote => t.kind_credit_note,
        RecordKind::Order => t.kind_order,
        RecordKind::Dispute => t.kind_dispute,
        RecordKind::User => t.kind_user,
        RecordKind::LimitRequest => t.kind_limit_request,
        RecordKind::Promise => t.kind_promise,
        RecordKind::Plan => t.kind_plan,
        RecordKind::WriteOffProposal => t.kind_proposal,
    };
    match error {
        FoldError::Unknown { record, id } => fill(
            t.fold_unknown,
            &[("record", kind(record)), ("id", &id.to_string())],
        ),
        FoldError::Duplicate { record, id } => fill(
            t.fold_duplicate,
            &[("record", kind(record)), ("id", &id.to_string())],
        ),
        FoldError::DuplicateNumber { record, number } => fill(
            t.fold_duplicate_number,
            &[("record", kind(record)), ("number", number)],
        ),
        FoldError::ForeignAllocation { invoice } => fill(
            t.fold_foreign_allocation,
            &[("invoice", &invoice.to_string())],
        ),
        FoldError::TooManyDecimals { invoice, allowed } => fill(
            t.fold_too_many_decimals,
            &[
                ("invoice", &invoice.to_string()),
                ("allowed", &allowed.to_string()),
            ],
        ),
    }
}

/// Whether a field-level error belongs to `field` (used by forms to place messages).
pub fn belongs_to(rejection: &Rejection, field: Field) -> bool {
    rejection.field() == field
}

/// The message for a data-quality flag on a score.
pub fn quality_flag(t: &Texts, flag: &creditdesk_core::credit::score::QualityFlag) -> String {
    use creditdesk_core::credit::score::QualityFlag::*;
    match flag {
        NoStatement => t.flag_no_statement.into(),
        StaleStatement { months } => {
            fill(t.flag_stale_statement, &[("months", &months.to_string())])
        }
        StatementIncomplete => t.flag_statement_incomplete.into(),
        StatementUnbalanced => t.flag_statement_unbalanced.into(),
        NoReport => t.flag_no_report.into(),
        StaleReport { months } => fill(t.flag_stale_report, &[("months", &months.to_string())]),
        RatingNotMapped { agency, rating } => fill(
            t.flag_rating_not_mapped,
            &[("agency", agency), ("rating", rating)],
        ),
        NoPaymentHistory => t.flag_no_payment_history.into(),
    }
}

/// The kind of a credit-file record, for the records table.
pub fn record_kind(t: &Texts, record: &creditdesk_core::credit::CreditRecord) -> &'static str {
    use creditdesk_core::credit::{CreditRecord, ReferenceKind, VisitKind};
    match record {
        CreditRecord::Report(_) => t.kind_report,
        CreditRecord::Statement(_) => t.kind_statement,
        CreditRecord::Reference(reference) if reference.kind == ReferenceKind::Bank => {
            t.reference_bank
        }
        CreditRecord::Reference(_) => t.reference_supplier,
        CreditRecord::Visit(visit) if visit.kind == VisitKind::Interview => t.visit_interview,
        CreditRecord::Visit(_) => t.visit_site,
        CreditRecord::Signal(_) => t.kind_signal,
    }
}

/// One line describing a credit-file record.
pub fn record_summary(
    t: &Texts,
    record: &creditdesk_core::credit::CreditRecord,
    money: fn(rust_decimal::Decimal, creditdesk_core::Currency) -> String,
) -> String {
    use creditdesk_core::credit::{Assessment, CreditRecord, Severity, SignalKind};
    match record {
        CreditRecord::Report(report) => {
            let limit = report
                .recommended_limit
                .map(|limit| {
                    format!(
                        " · {} {}",
                        t.recommended_limit,
                        money(limit.value(), limit.currency())
                    )
                })
                .unwrap_or_default();
            format!("{} · {} {}{limit}", report.agency, t.rating, report.rating)
        }
        CreditRecord::Statement(statement) => {
            let currency = statement
                .currency
                .map(|c| c.code().to_string())
                .unwrap_or_default();
            let assets = statement
                .total_assets
                .map_or(t.not_available.to_string(), |a| {
                    crate::numbers::decimal(a, 2)
                });
            format!("{} {currency} {assets}", t.line_total_assets)
        }
        CreditRecord::Reference(reference) => {
            let assessment = match reference.assessment {
                Assessment::Positive => t.assessment_positive,
                Assessment::Neutral => t.assessment_neutral,
                Assessment::Negative => t.assessment_negative,
            };
            format!(
                "{} · {assessment} · {}",
                reference.source, reference.findings
            )
        }
        CreditRecord::Visit(visit) => format!("{} · {}", visit.who, visit.findings),
        CreditRecord::Signal(signal) => {
            let kind = match signal.kind {
                SignalKind::ManagementChange => t.signal_management,
                SignalKind::NegativeNews => t.signal_news,
                SignalKind::Lawsuit => t.signal_lawsuit,
                SignalKind::IndustryDownturn => t.signal_downturn,
                SignalKind::Other => t.signal_other,
            };
            let severity = match signal.severity {
                Severity::Low => t.severity_low,
                Severity::Medium => t.severity_medium,
                Severity::High => t.severity_high,
            };
            format!(
                "{kind} · {} {severity} · {} {}",
                t.severity, signal.source, signal.notes
            )
        }
    }
}

/// The label of a statement line named by the core (e.g. `total_assets`).
fn statement_line<'a>(t: &RejectionTexts, line: &'a str) -> &'a str {
    match line {
        "current_assets" => t.line_current_assets,
        "total_assets" => t.line_total_assets,
        "current_liabilities" => t.line_current_liabilities,
        "total_liabilities" => t.line_total_liabilities,
        "equity" => t.line_equity,
        "retained_earnings" => t.line_retained_earnings,
        "inventory" => t.line_inventory,
        "cash" => t.line_cash,
        "revenue" => t.line_revenue,
        "ebit" => t.line_ebit,
        "net_profit" => t.line_net_profit,
        "interest_expense" => t.line_interest_expense,
        other => other,
    }
}

/// The message for a credit policy that does not make sense, naming the rule.
pub fn policy_error(t: &RejectionTexts, error: &creditdesk_core::policy::PolicyError) -> String {
    use creditdesk_core::policy::{BandSet, Factor, PolicyError::*};
    let set = |set: &BandSet| match set {
        BandSet::Z => t.z_bands,
        BandSet::Dbt => t.dbt_bands,
        BandSet::Relationship => t.relationship_bands,
    };
    let factor = |factor: &Factor| match factor {
        Factor::FinancialStrength => t.factor_financial,
        Factor::PaymentBehaviour => t.factor_payment,
        Factor::ExternalRating => t.factor_external,
        Factor::RiskSignals => t.factor_signals,
        Factor::Relationship => t.factor_relationship,
    };
    match error {
        WeightsNotHundred { sum } => fill(
            t.pol_weights_sum,
            &[("sum", &crate::numbers::percent(*sum))],
        ),
        WeightNegative { factor: which } => {
            fill(t.pol_weight_negative, &[("factor", factor(which))])
        }
        GradeFloorsNotDecreasing => t.pol_floors_order.into(),
        GradeFloorOutOfRange => t.pol_floor_range.into(),
        PdOutOfRange => t.pol_pd_range.into(),
        PdNotIncreasing => t.pol_pd_order.into(),
        BandsEmpty { set: which } => fill(t.pol_bands_empty, &[("set", set(which))]),
        BandsOverlap { set: which } => fill(t.pol_bands_overlap, &[("set", set(which))]),
        LastBandBounded { set: which } => fill(t.pol_last_band, &[("set", set(which))]),
        BandPointsOutOfRange { set: which } => {
            fill(t.pol_band_points_range, &[("set", set(which))])
        }
        BandPointsNotMonotone { set: which } => {
            fill(t.pol_band_points_order, &[("set", set(which))])
        }
        SignalPenaltyOutOfRange => t.pol_signal_penalty.into(),
        StalenessZero => t.pol_staleness_zero.into(),
        RatioLimitOutOfRange => t.pol_ratio_limits.into(),
        RatingPointsOutOfRange { agency, rating } => fill(
            t.pol_rating_points,
            &[("agency", agency), ("rating", rating)],
        ),
        RatingDuplicate { agency, rating } => fill(
            t.pol_rating_duplicate,
            &[("agency", agency), ("rating", rating)],
        ),
        Limits(error) => vocab::limit_policy_error(vocab_for(t), error),
        Alerts(problem) => alerts::policy_problem(alerts_for(t), *problem),
    }
}

/// "1 customer", "1,000 customers": the count grouped in the user's number format, and the
/// singular where the language has one.
pub fn customers_count(t: &Texts, count: usize) -> String {
    if count == 1 {
        return t.results_count_one.to_string();
    }
    let grouped = crate::ui::decimal(rust_decimal::Decimal::from(count), 0);
    fill(t.results_count, &[("count", &grouped)])
}
