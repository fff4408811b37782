//! The export section of the data page and the words of exported tables (sheet names,
//! column headers, the aging total, alert statuses), in zh-CN and en. [`Words`] hands them to
//! the core's tables (`creditdesk_core::export::ExportWords`).

use super::{alerts, collections, fill, journal, Lang};
use creditdesk_core::alerts::{AlertReason, AlertStatus};
use creditdesk_core::export::{Column, ExportWords, TableKind};
use creditdesk_core::journal::EntryFacts;
use creditdesk_core::policy::{AlertRule, AlertSeverity, StepKind};

texts!(ExportTexts {
    title,
    intro,
    help,
    table_label,
    format_label,
    as_of_label,
    format_csv_bom,
    format_csv,
    format_xlsx,
    download,
    making,
    made,
    cancel,
    cancelled,
    err_as_of,
    err_failed,
    t_customers,
    t_open_items,
    t_aging,
    t_worklist,
    t_alerts,
    t_journal,
    c_customer_number,
    c_customer_name,
    c_registration_no,
    c_industry,
    c_country,
    c_contact,
    c_group,
    c_terms_days,
    c_currency,
    c_limit,
    c_grade,
    c_score,
    c_balance,
    c_overdue,
    c_exposure,
    c_invoice_number,
    c_issue_date,
    c_due_date,
    c_days_overdue,
    c_invoice_amount,
    c_open_amount,
    c_disputed,
    c_not_due,
    c_days_bucket,
    c_total,
    c_priority,
    c_step,
    c_driver_invoice,
    c_days,
    c_items,
    c_rule,
    c_severity,
    c_since,
    c_status,
    c_holding,
    c_reasons,
    reasons_separator,
    c_seq,
    c_time,
    c_who,
    c_kind,
    c_description,
    c_entry_json,
    total,
    status_open,
    yes,
    no,
});

pub static ZH: ExportTexts = ExportTexts {
    title: "导出",
    intro: "把一张表按某一天的数据导出为 CSV 或 Excel 文件。以 =、+、-、@ 开头的文字在 CSV 中前加一个单引号，表格软件不会把它当作公式；金额在 Excel 中是数字，币种单列。",
    help: "设置 → 备份与恢复 → 导出：选择一张表（客户、未清发票、账龄、催收任务、预警或日志）、格式和截至日期，然后下载。客户表含主数据、信用额度、等级、评分和应收余额；未清发票表列出截至当天每张未清发票的到期日、逾期天数、未清金额、币种和争议金额；账龄表按客户和账龄区间列出，并按币种合计；预警表列出每条预警的规则、严重程度、首次出现日期、状态、是否停止赊销，以及原因和背后的数字；日志表每条记录一行，含事件序号、时间、类型、说明和原始记录。CSV 为 UTF-8，逗号分隔：选“带 BOM”时中文版 Windows 的 Excel 可直接正确打开。以 =、+、-、@、制表符或换行开头的文字在 CSV 中前加一个单引号（防止公式注入），数字不变，负数仍是 -12.50。Excel 文件中金额是带币种小数位的数字，日期是日期，文字以文本单元格写入，不会被当作公式计算。日志和所有 Excel 文件在后台生成，页面不会卡住；生成期间可以取消。",
    table_label: "表",
    format_label: "格式",
    as_of_label: "截至日期",
    format_csv_bom: "CSV（UTF-8，带 BOM，中文 Windows 的 Excel 可直接打开）",
    format_csv: "CSV（UTF-8，不带 BOM）",
    format_xlsx: "Excel 工作簿（.xlsx）",
    download: "导出并下载",
    making: "正在生成文件……",
    cancel: "取消导出",
    cancelled: "导出已取消，没有下载任何文件。",
    made: "已下载 {file}：{rows} 行，{size}。",
    err_as_of: "截至日期：{reason}",
    err_failed: "导出失败：{detail}",
    t_customers: "客户",
    t_open_items: "未清发票",
    t_aging: "账龄",
    t_worklist: "催收任务",
    t_alerts: "预警",
    t_journal: "日志",
    c_customer_number: "客户编号",
    c_customer_name: "客户名称",
    c_registration_no: "注册号",
    c_industry: "行业",
    c_country: "国家",
    c_contact: "联系方式",
    c_group: "集团",
    c_terms_days: "账期（天）",
    c_currency: "币种",
    c_limit: "信用额度",
    c_grade: "等级",
    c_score: "评分",
    c_balance: "应收余额",
    c_overdue: "逾期金额",
    c_exposure: "风险敞口",
    c_invoice_number: "发票号",
    c_issue_date: "开票日期",
    c_due_date: "到期日",
    c_days_overdue: "逾期天数",
    c_invoice_amount: "发票金额",
    c_open_amount: "未清金额",
    c_disputed: "争议金额",
    c_not_due: "未到期",
    c_days_bucket: "逾期 {label} 天",
    c_total: "合计",
    c_priority: "优先级",
    c_step: "催收步骤",
    c_driver_invoice: "最早的发票",
    c_days: "天数",
    c_items: "发票数",
    c_rule: "规则",
    c_severity: "严重程度",
    c_since: "起始日期",
    c_status: "状态",
    c_holding: "停止赊销",
    c_reasons: "原因",
    reasons_separator: "；",
    c_seq: "事件序号",
    c_time: "记录时间（UTC）",
    c_who: "操作人",
    c_kind: "类型",
    c_description: "内容",
    c_entry_json: "原始记录（JSON）",
    total: "合计",
    status_open: "未处理",
    yes: "是",
    no: "否",
};

pub static EN: ExportTexts = ExportTexts {
    title: "Export",
    intro: "Export one table, as it stood on a day, as a CSV or Excel file. In CSV, text that starts with =, +, - or @ gets a leading apostrophe so that no spreadsheet takes it for a formula; in Excel, amounts are numbers and the currency has its own column.",
    help: "Settings → Backup and restore → Export: choose a table (customers, open items, aging, the reminder worklist, alerts or the journal), a format and the as-of date, then download. Customers carry their master data, credit limit, grade, score and open balance; open items list every invoice open on the day with its due date, days overdue, open amount, currency and the amount in dispute; aging is per customer per bucket, with totals per currency; alerts list each alert's rule, severity, first day, status, whether it holds credit, and its reasons with the figures behind them; the journal has one row per entry with its event number, time, kind, the sentence the journal shows and the entry as stored. CSV is UTF-8, comma separated; with the BOM, Excel on Chinese Windows opens it right. In CSV, text that starts with =, +, -, @, a tab or a line break gets a leading apostrophe (against formula injection); numbers are left alone, so a negative amount stays -12.50. In Excel files, amounts are numbers with their currency's decimals, dates are dates, and text is written as text cells, which are never calculated. The journal and every Excel file are made in the background, so the page stays responsive; such an export can be cancelled while it is made.",
    table_label: "Table",
    format_label: "Format",
    as_of_label: "As of",
    format_csv_bom: "CSV (UTF-8 with BOM, opens right in Excel on Chinese Windows)",
    format_csv: "CSV (UTF-8 without BOM)",
    format_xlsx: "Excel workbook (.xlsx)",
    download: "Export and download",
    making: "Making the file…",
    cancel: "Cancel the export",
    cancelled: "The export was cancelled; no file was downloaded.",
    made: "Downloaded {file}: {rows} rows, {size}.",
    err_as_of: "As of: {reason}",
    err_failed: "The export failed: {detail}",
    t_customers: "Customers",
    t_open_items: "Open items",
    t_aging: "Aging",
    t_worklist: "Reminder worklist",
    t_alerts: "Alerts",
    t_journal: "Journal",
    c_customer_number: "Customer No.",
    c_customer_name: "Customer",
    c_registration_no: "Registration No.",
    c_industry: "Industry",
    c_country: "Country",
    c_contact: "Contact",
    c_group: "Group",
    c_terms_days: "Terms (days)",
    c_currency: "Currency",
    c_limit: "Credit limit",
    c_grade: "Grade",
    c_score: "Score",
    c_balance: "Open balance",
    c_overdue: "Overdue",
    c_exposure: "Exposure",
    c_invoice_number: "Invoice No.",
    c_issue_date: "Invoice date",
    c_due_date: "Due date",
    c_days_overdue: "Days overdue",
    c_invoice_amount: "Invoice amount",
    c_open_amount: "Open amount",
    c_disputed: "In dispute",
    c_not_due: "Not due",
    c_days_bucket: "{label} days",
    c_total: "Total",
    c_priority: "Priority",
    c_step: "Step",
    c_driver_invoice: "Oldest invoice",
    c_days: "Days",
    c_items: "Invoices",
    c_rule: "Rule",
    c_severity: "Severity",
    c_since: "Since",
    c_status: "Status",
    c_holding: "Credit hold",
    c_reasons: "Reasons",
    reasons_separator: "; ",
    c_seq: "Event",
    c_time: "Recorded (UTC)",
    c_who: "By",
    c_kind: "Kind",
    c_description: "What happened",
    c_entry_json: "Entry as stored (JSON)",
    total: "Total",
    status_open: "Open",
    yes: "Yes",
    no: "No",
};

/// A table's name in the user's language (the sheet's name and the choice on the page).
pub fn table_name(e: &ExportTexts, kind: TableKind) -> &'static str {
    match kind {
        TableKind::Customers => e.t_customers,
        TableKind::OpenItems => e.t_open_items,
        TableKind::Aging => e.t_aging,
        TableKind::Worklist => e.t_worklist,
        TableKind::Alerts => e.t_alerts,
        TableKind::Journal => e.t_journal,
    }
}

/// A column's header: one arm per column (a flat table, like the rejection texts).
fn header(e: &ExportTexts, column: &Column) -> String {
    use Column::*;
    let text = match column {
        CustomerNumber => e.c_customer_number,
        CustomerName => e.c_customer_name,
        RegistrationNo => e.c_registration_no,
        Industry => e.c_industry,
        Country => e.c_country,
        Contact => e.c_contact,
        Group => e.c_group,
        TermsDays => e.c_terms_days,
        Currency => e.c_currency,
        Limit => e.c_limit,
        Grade => e.c_grade,
        Score => e.c_score,
        Balance => e.c_balance,
        Overdue => e.c_overdue,
        Exposure => e.c_exposure,
        InvoiceNumber => e.c_invoice_number,
        IssueDate => e.c_issue_date,
        DueDate => e.c_due_date,
        DaysOverdue => e.c_days_overdue,
        InvoiceAmount => e.c_invoice_amount,
        OpenAmount => e.c_open_amount,
        Disputed => e.c_disputed,
        Bucket(label) if label.is_empty() => e.c_not_due,
        Bucket(label) => return fill(e.c_days_bucket, &[("label", label)]),
        Total => e.c_total,
        Priority => e.c_priority,
        Step => e.c_step,
        DriverInvoice => e.c_driver_invoice,
        Days => e.c_days,
        Items => e.c_items,
        Rule => e.c_rule,
        Severity => e.c_severity,
        Since => e.c_since,
        Status => e.c_status,
        Holding => e.c_holding,
        Reasons => e.c_reasons,
        Seq => e.c_seq,
        Time => e.c_time,
        Who => e.c_who,
        Kind => e.c_kind,
        Description => e.c_description,
        EntryJson => e.c_entry_json,
    };
    text.to_string()
}

/// The words of an exported table in `Lang`.
pub struct Words(pub Lang);

impl ExportWords for Words {
    fn title(&self, kind: TableKind) -> String {
        table_name(self.0.export(), kind).to_string()
    }

    fn header(&self, column: &Column) -> String {
        header(self.0.export(), column)
    }

    fn total(&self) -> String {
        self.0.export().total.to_string()
    }

    fn step(&self, step: StepKind) -> String {
        collections::step(self.0.collections(), step).to_string()
    }

    fn rule(&self, rule: AlertRule) -> String {
        alerts::rule(self.0.alerts(), rule).to_string()
    }

    fn severity(&self, severity: AlertSeverity) -> String {
        alerts::severity(self.0.alerts(), severity).to_string()
    }

    fn status(&self, status: &AlertStatus) -> String {
        alerts::status(self.0.alerts(), status)
            .unwrap_or_else(|| self.0.export().status_open.to_string())
    }

    fn yes_no(&self, yes: bool) -> String {
        let e = self.0.export();
        if yes { e.yes } else { e.no }.to_string()
    }

    /// As the alerts page words them, figures in the default number format.
    fn reasons(&self, reasons: &[AlertReason]) -> String {
        let (a, texts) = (self.0.alerts(), self.0.texts());
        let told: Vec<String> = (reasons.iter())
            .map(|reason| alerts::reason(a, texts, reason))
            .collect();
        told.join(self.0.export().reasons_separator)
    }

    fn sentence(&self, facts: &EntryFacts, who: &str) -> String {
        let who = if who.is_empty() {
            self.0.desk().no_profile
        } else {
            who
        };
        let told = journal::sentence(self.0, facts, who);
        let customer = told
            .customer
            .map(|customer| customer.name)
            .unwrap_or_default();
        format!("{}{customer}{}", told.before, told.after)
    }
}
