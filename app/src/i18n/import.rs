//! Import in zh-CN and en: the targets, fields, encodings and date formats the mapping
//! screen names, and the message for every `FileError`, `Problem` and `RowError` of
//! `creditdesk_core::import`. A refusal by the rules (`Problem::Rejected`) is worded by the
//! rejection texts. One function per enum, each an exhaustive match.

use super::{fill, typed_error, Lang};
use creditdesk_core::import::{DateFormat, Encoding, Field, FileError, Problem, RowError, Target};

texts!(ImportTexts {
    target_customers,
    target_invoices,
    target_payments,
    target_credit_notes,
    target_orders,
    field_customer_number,
    field_customer_name,
    field_registration_no,
    field_industry,
    field_country,
    field_currency,
    field_terms_days,
    field_contact,
    field_group,
    field_document_number,
    field_issue_date,
    field_due_date,
    field_amount,
    field_settled_date,
    field_payment_date,
    field_invoice_number,
    field_reason,
    enc_utf8,
    enc_utf8_bom,
    enc_gb18030,
    date_ymd,
    date_dmy,
    date_mdy,
    fe_empty,
    fe_header_only,
    fe_not_text,
    fe_not_spreadsheet,
    fe_legacy_xls,
    fe_xlsx_damaged,
    fe_xlsx_encrypted,
    fe_no_such_sheet,
    fe_sheet_empty,
    fe_missing_columns,
    fe_mapped_twice,
    fe_no_currency,
    fe_too_many_rows,
    fe_csv_broken,
    pr_missing,
    pr_bad_date,
    pr_no_such_date,
    pr_bad_amount,
    pr_too_many_decimals,
    pr_bad_terms,
    pr_unknown_currency,
    pr_mixed_currency,
    pr_unknown_customer,
    pr_unknown_invoice,
    pr_invoice_other_customer,
    pr_duplicate,
    pr_changed_known,
    pr_formula,
    pr_too_long,
    pr_settled_before_issue,
    pr_cell_error,
    row_at,
    row_column_at,
    row_message,
    list_separator,
    ellipsis,
    unnamed_column,
});

pub static ZH: ImportTexts = ImportTexts {
    target_customers: "客户",
    target_invoices: "发票",
    target_payments: "收款",
    target_credit_notes: "红字发票（贷项通知单）",
    target_orders: "未结订单",
    field_customer_number: "客户编号",
    field_customer_name: "客户名称",
    field_registration_no: "统一社会信用代码",
    field_industry: "行业",
    field_country: "国家或地区",
    field_currency: "币种",
    field_terms_days: "账期（天）",
    field_contact: "联系人",
    field_group: "所属集团",
    field_document_number: "单据号",
    field_issue_date: "开票日期",
    field_due_date: "到期日",
    field_amount: "金额",
    field_settled_date: "结清日期",
    field_payment_date: "付款日期",
    field_invoice_number: "发票号",
    field_reason: "原因",
    enc_utf8: "UTF-8",
    enc_utf8_bom: "UTF-8（带 BOM）",
    enc_gb18030: "GBK / GB18030（中文版 Excel 另存的 CSV）",
    date_ymd: "年-月-日（2024-03-31、2024/3/31、2024年3月31日）",
    date_dmy: "日/月/年（31/03/2024）",
    date_mdy: "月/日/年（03/31/2024）",
    fe_empty: "文件是空的，没有任何内容。",
    fe_header_only: "文件只有标题行，没有数据行。",
    fe_not_text: "按 {encoding} 无法读取第 {line} 行：请选择文件实际使用的编码。",
    fe_not_spreadsheet: "这不是 CSV 或 Excel（.xlsx）文件。",
    fe_legacy_xls: "这是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后再导入。",
    fe_xlsx_damaged: "Excel 文件已损坏或不完整（可能下载中断），无法打开。详情：{detail}",
    fe_xlsx_encrypted: "Excel 文件设置了密码保护：请在 Excel 中取消密码后另存，再导入。",
    fe_no_such_sheet: "没有第 {sheet} 个工作表：文件共有 {sheets} 个。",
    fe_sheet_empty: "所选工作表是空的。",
    fe_missing_columns: "缺少必需的列：{fields}。请在列对应中指定。",
    fe_mapped_twice: "“{field}”对应了两列：每个字段只能对应一列。",
    fe_no_currency: "文件没有币种列：请选择这些客户的币种。",
    fe_too_many_rows: "一次最多导入 {max} 行：请把文件拆分后分批导入。",
    fe_csv_broken: "第 {line} 行的引号不成对，无法分列。",
    pr_missing: "“{field}”为空，这一项必填。",
    pr_bad_date: "“{text}”不是{format}格式的日期。",
    pr_no_such_date: "没有“{text}”这一天。",
    pr_bad_amount: "金额“{text}”无法读取：{reason}",
    pr_too_many_decimals: "金额“{text}”的小数位太多：{currency} 最多 {allowed} 位小数。",
    pr_bad_terms: "账期“{text}”无法读取：{reason}",
    pr_unknown_currency: "“{text}”不是可识别的币种：请填写 ISO 代码，如 CNY、USD。",
    pr_mixed_currency:
        "金额币种为 {found}，但该客户账户的币种是 {account}：一个账户只能用一种币种。",
    pr_unknown_customer:
        "客户编号 {number} 既不在文件中，也不在现有客户中：请先导入该客户，或在文件中填写客户名称。",
    pr_unknown_invoice: "找不到发票 {number}。",
    pr_invoice_other_customer: "发票 {invoice} 属于客户 {customer}，不是这一行的客户。",
    pr_duplicate: "编号 {number} 在第 {first_row} 行已经出现过：文件中每个编号只能出现一次。",
    pr_changed_known:
        "编号 {number} 已有记录，但内容不同：导入不会修改已有记录，请核对后手工更正。",
    pr_formula: "“{text}”以 =、+、-、@ 开头，像是电子表格公式而不是值：请导出公式的计算结果。",
    pr_too_long: "内容有 {length} 个字符，最多 {max} 个。",
    pr_settled_before_issue: "结清日期早于开票日期。",
    pr_cell_error: "单元格是错误值 {text}：请在 Excel 中修正公式。",
    row_at: "第 {row} 行",
    row_column_at: "第 {row} 行“{column}”列",
    row_message: "{place}：{problem}",
    list_separator: "、",
    ellipsis: "…",
    unnamed_column: "（无标题）",
};

pub static EN: ImportTexts = ImportTexts {
    target_customers: "Customers",
    target_invoices: "Invoices",
    target_payments: "Payments",
    target_credit_notes: "Credit notes",
    target_orders: "Open orders",
    field_customer_number: "Customer no.",
    field_customer_name: "Customer name",
    field_registration_no: "Registration no.",
    field_industry: "Industry",
    field_country: "Country",
    field_currency: "Currency",
    field_terms_days: "Payment terms (days)",
    field_contact: "Contact",
    field_group: "Group",
    field_document_number: "Document no.",
    field_issue_date: "Issue date",
    field_due_date: "Due date",
    field_amount: "Amount",
    field_settled_date: "Settled date",
    field_payment_date: "Payment date",
    field_invoice_number: "Invoice no.",
    field_reason: "Reason",
    enc_utf8: "UTF-8",
    enc_utf8_bom: "UTF-8 with BOM",
    enc_gb18030: "GBK / GB18030 (CSV saved by Excel on Chinese Windows)",
    date_ymd: "Year first (2024-03-31, 2024/3/31)",
    date_dmy: "Day first (31/03/2024)",
    date_mdy: "Month first (03/31/2024)",
    fe_empty: "The file is empty.",
    fe_header_only: "The file has a header line and no data rows.",
    fe_not_text: "Line {line} cannot be read as {encoding}: choose the encoding the file is saved in.",
    fe_not_spreadsheet: "This is not a CSV or Excel (.xlsx) file.",
    fe_legacy_xls: "This is an old Excel (.xls) file: save it as .xlsx or CSV in Excel, then import that.",
    fe_xlsx_damaged: "The Excel file is damaged or incomplete (perhaps an interrupted download) and cannot be opened. Details: {detail}",
    fe_xlsx_encrypted: "The Excel file is password-protected: remove the password in Excel, save it, then import it.",
    fe_no_such_sheet: "There is no sheet {sheet}: the file has {sheets}.",
    fe_sheet_empty: "The chosen sheet is empty.",
    fe_missing_columns: "Required columns are missing: {fields}. Map them to columns.",
    fe_mapped_twice: "“{field}” is mapped to two columns: map each field to one column only.",
    fe_no_currency: "The file has no currency column: choose these customers' currency.",
    fe_too_many_rows: "One import takes at most {max} rows: split the file and import the parts.",
    fe_csv_broken: "The quotes on line {line} do not pair up, so the line cannot be split into columns.",
    pr_missing: "“{field}” is empty; it is required.",
    pr_bad_date: "“{text}” is not a date in the format {format}.",
    pr_no_such_date: "There is no such day as “{text}”.",
    pr_bad_amount: "The amount “{text}” cannot be read: {reason}",
    pr_too_many_decimals: "The amount “{text}” has too many decimals: {currency} takes at most {allowed}.",
    pr_bad_terms: "The payment terms “{text}” cannot be read: {reason}",
    pr_unknown_currency: "“{text}” is not a currency Creditdesk knows: write an ISO code such as CNY or USD.",
    pr_mixed_currency: "The amount is in {found} but the customer's account is in {account}: one account holds one currency.",
    pr_unknown_customer: "Customer number {number} is neither in the file nor among the customers: import the customer first, or give its name in the file.",
    pr_unknown_invoice: "Invoice {number} is not known.",
    pr_invoice_other_customer: "Invoice {invoice} belongs to customer {customer}, not to this row's customer.",
    pr_duplicate: "Number {number} already appears on row {first_row}: each number may appear once in the file.",
    pr_changed_known: "Number {number} is already recorded with different content: an import does not change records; check it and correct it by hand.",
    pr_formula: "“{text}” begins with =, +, - or @, like a spreadsheet formula rather than a value: export the formula's result instead.",
    pr_too_long: "The text is {length} characters long; at most {max} are taken.",
    pr_settled_before_issue: "The settled date is before the issue date.",
    pr_cell_error: "The cell holds the error value {text}: fix the formula in Excel.",
    row_at: "Row {row}",
    row_column_at: "Row {row}, column “{column}”",
    row_message: "{place}: {problem}",
    list_separator: ", ",
    ellipsis: "…",
    unnamed_column: "(no header)",
};

fn texts(lang: Lang) -> &'static ImportTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

pub fn target(lang: Lang, target: Target) -> &'static str {
    let t = texts(lang);
    match target {
        Target::Customers => t.target_customers,
        Target::Invoices => t.target_invoices,
        Target::Payments => t.target_payments,
        Target::CreditNotes => t.target_credit_notes,
        Target::Orders => t.target_orders,
    }
}

pub fn field(lang: Lang, field: Field) -> &'static str {
    let t = texts(lang);
    match field {
        Field::CustomerNumber => t.field_customer_number,
        Field::CustomerName => t.field_customer_name,
        Field::RegistrationNo => t.field_registration_no,
        Field::Industry => t.field_industry,
        Field::Country => t.field_country,
        Field::Currency => t.field_currency,
        Field::TermsDays => t.field_terms_days,
        Field::Contact => t.field_contact,
        Field::Group => t.field_group,
        Field::DocumentNumber => t.field_document_number,
        Field::IssueDate => t.field_issue_date,
        Field::DueDate => t.field_due_date,
        Field::Amount => t.field_amount,
        Field::SettledDate => t.field_settled_date,
        Field::PaymentDate => t.field_payment_date,
        Field::InvoiceNumber => t.field_invoice_number,
        Field::Reason => t.field_reason,
    }
}

pub fn encoding(lang: Lang, encoding: Encoding) -> &'static str {
    let t = texts(lang);
    match encoding {
        Encoding::Utf8 => t.enc_utf8,
        Encoding::Utf8Bom => t.enc_utf8_bom,
        Encoding::Gb18030 => t.enc_gb18030,
    }
}

pub fn date_format(lang: Lang, format: DateFormat) -> &'static str {
    let t = texts(lang);
    match format {
        DateFormat::Ymd => t.date_ymd,
        DateFormat::Dmy => t.date_dmy,
        DateFormat::Mdy => t.date_mdy,
    }
}

/// Why the file as a whole cannot be imported.
pub fn file_error(lang: Lang, error: &FileError) -> String {
    let t = texts(lang);
    match error {
        FileError::Empty => t.fe_empty.into(),
        FileError::HeaderOnly => t.fe_header_only.into(),
        FileError::NotText {
            encoding: chosen,
            line,
        } => fill(
            t.fe_not_text,
            &[
                ("encoding", encoding(lang, *chosen)),
                ("line", &line.to_string()),
            ],
        ),
        FileError::NotSpreadsheet => t.fe_not_spreadsheet.into(),
        FileError::LegacyXls => t.fe_legacy_xls.into(),
        FileError::XlsxDamaged(detail) => fill(t.fe_xlsx_damaged, &[("detail", detail)]),
        FileError::XlsxEncrypted => t.fe_xlsx_encrypted.into(),
        FileError::NoSuchSheet { index, sheets } => fill(
            t.fe_no_such_sheet,
            &[
                ("sheet", &(index + 1).to_string()),
                ("sheets", &sheets.to_string()),
            ],
        ),
        FileError::SheetEmpty => t.fe_sheet_empty.into(),
        FileError::MissingColumns(fields) => {
            let names: Vec<&str> = fields.iter().map(|f| field(lang, *f)).collect();
            fill(
                t.fe_missing_columns,
                &[("fields", &names.join(t.list_separator))],
            )
        }
        FileError::ColumnMappedTwice(twice) => {
            fill(t.fe_mapped_twice, &[("field", field(lang, *twice))])
        }
        FileError::NoCurrency => t.fe_no_currency.into(),
        FileError::TooManyRows { max } => fill(
            t.fe_too_many_rows,
            &[(
                "max",
                &crate::numbers::plain(rust_decimal::Decimal::from(*max as u64)),
            )],
        ),
        FileError::CsvBroken { line } => fill(t.fe_csv_broken, &[("line", &line.to_string())]),
    }
}

/// A cell's text inside a message: at most 40 characters (a 10,000-character field is named
/// by its length, not shown).
fn shown(t: &ImportTexts, text: &str) -> String {
    if text.chars().count() <= 40 {
        return text.to_string();
    }
    let start: String = text.chars().take(40).collect();
    format!("{start}{}", t.ellipsis)
}

/// Why one row cannot be imported.
pub fn problem(lang: Lang, problem: &Problem) -> String {
    let t = texts(lang);
    let common = lang.common();
    let text = |value: &str| shown(t, value);
    match problem {
        Problem::Missing(missing) => fill(t.pr_missing, &[("field", field(lang, *missing))]),
        Problem::BadDate {
            text: value,
            format,
        } => fill(
            t.pr_bad_date,
            &[
                ("text", &text(value)),
                ("format", date_format(lang, *format)),
            ],
        ),
        Problem::NoSuchDate { text: value } => fill(t.pr_no_such_date, &[("text", &text(value))]),
        Problem::BadAmount {
            text: value,
            reason,
        } => fill(
            t.pr_bad_amount,
            &[
                ("text", &text(value)),
                ("reason", &typed_error(common, reason)),
            ],
        ),
        Problem::TooManyDecimals {
            text: value,
            currency,
            allowed,
        } => fill(
            t.pr_too_many_decimals,
            &[
                ("text", &text(value)),
                ("currency", currency.code()),
                ("allowed", &allowed.to_string()),
            ],
        ),
        Problem::BadTerms {
            text: value,
            reason,
        } => fill(
            t.pr_bad_terms,
            &[
                ("text", &text(value)),
                ("reason", &typed_error(common, reason)),
            ],
        ),
        Problem::UnknownCurrency(value) => fill(t.pr_unknown_currency, &[("text", &text(value))]),
        Problem::MixedCurrency { found, account } => fill(
            t.pr_mixed_currency,
            &[("found", found.code()), ("account", account.code())],
        ),
        other => reference_problem(lang, t, other),
    }
}

/// The problems about numbers, references and text.
fn reference_problem(lang: Lang, t: &ImportTexts, problem: &Problem) -> String {
    let text = |value: &str| shown(t, value);
    match problem {
        Problem::UnknownCustomer(number) => fill(t.pr_unknown_customer, &[("number", number)]),
        Problem::UnknownInvoice(number) => fill(t.pr_unknown_invoice, &[("number", number)]),
        Problem::InvoiceOfOtherCustomer { invoice, customer } => fill(
            t.pr_invoice_other_customer,
            &[("invoice", invoice), ("customer", customer)],
        ),
        Problem::DuplicateNumber { number, first_row } => fill(
            t.pr_duplicate,
            &[("number", number), ("first_row", &first_row.to_string())],
        ),
        Problem::ChangedKnown { number } => fill(t.pr_changed_known, &[("number", number)]),
        Problem::FormulaText { text: value } => fill(t.pr_formula, &[("text", &text(value))]),
        Problem::TooLong { length, max } => fill(
            t.pr_too_long,
            &[("length", &length.to_string()), ("max", &max.to_string())],
        ),
        Problem::SettledBeforeIssue => t.pr_settled_before_issue.into(),
        Problem::CellError(value) => fill(t.pr_cell_error, &[("text", &text(value))]),
        Problem::Rejected(rejection) => super::rejection(lang.rejections(), rejection),
        // Worded by `problem` above; listed so the match stays exhaustive.
        Problem::Missing(_)
        | Problem::BadDate { .. }
        | Problem::NoSuchDate { .. }
        | Problem::BadAmount { .. }
        | Problem::TooManyDecimals { .. }
        | Problem::BadTerms { .. }
        | Problem::UnknownCurrency(_)
        | Problem::MixedCurrency { .. } => self::problem(lang, problem),
    }
}

/// One bad row as the error list and its download show it: where, then why.
pub fn row_error(lang: Lang, error: &RowError) -> String {
    let t = texts(lang);
    let row = error.row.to_string();
    let place = match error.column.as_deref() {
        None => fill(t.row_at, &[("row", &row)]),
        Some("") => fill(
            t.row_column_at,
            &[("row", &row), ("column", t.unnamed_column)],
        ),
        Some(column) => fill(
            t.row_column_at,
            &[("row", &row), ("column", &shown(t, column))],
        ),
    };
    fill(
        t.row_message,
        &[
            ("place", &place),
            ("problem", &self::problem(lang, &error.problem)),
        ],
    )
}

// Run by the wasm step of the test command (`cargo test -p creditdesk-app --target wasm32…`),
// in Chromium like the storage tests; a plain `#[test]` there is not run.
#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);
    use creditdesk_core::base::input::TypedError;
    use creditdesk_core::{Currency, Rejection};

    fn files() -> Vec<FileError> {
        vec![
            FileError::Empty,
            FileError::HeaderOnly,
            FileError::NotText {
                encoding: Encoding::Gb18030,
                line: 3,
            },
            FileError::NotSpreadsheet,
            FileError::LegacyXls,
            FileError::XlsxDamaged("eocd".into()),
            FileError::XlsxEncrypted,
            FileError::NoSuchSheet {
                index: 4,
                sheets: 2,
            },
            FileError::SheetEmpty,
            FileError::MissingColumns(vec![Field::Amount, Field::IssueDate]),
            FileError::ColumnMappedTwice(Field::DueDate),
            FileError::NoCurrency,
            FileError::TooManyRows { max: 1_000_000 },
            FileError::CsvBroken { line: 7 },
        ]
    }

    fn problems() -> Vec<Problem> {
        let text = || "x".repeat(50);
        vec![
            Problem::Missing(Field::CustomerNumber),
            Problem::BadDate {
                text: text(),
                format: DateFormat::Dmy,
            },
            Problem::NoSuchDate {
                text: "2026-02-31".into(),
            },
            Problem::BadAmount {
                text: "abc".into(),
                reason: TypedError::NotANumber,
            },
            Problem::TooManyDecimals {
                text: "1.123".into(),
                currency: Currency::CNY,
                allowed: 2,
            },
            Problem::BadTerms {
                text: "30.5".into(),
                reason: TypedError::NotWhole,
            },
            Problem::UnknownCurrency("XYZ".into()),
            Problem::MixedCurrency {
                found: Currency::USD,
                account: Currency::CNY,
            },
            Problem::UnknownCustomer("C9".into()),
            Problem::UnknownInvoice("INV-1".into()),
            Problem::InvoiceOfOtherCustomer {
                invoice: "INV-1".into(),
                customer: "C2".into(),
            },
            Problem::DuplicateNumber {
                number: "INV-1".into(),
                first_row: 2,
            },
            Problem::ChangedKnown {
                number: "INV-1".into(),
            },
            Problem::FormulaText {
                text: "=1+1".into(),
            },
            Problem::TooLong {
                length: 10_000,
                max: 200,
            },
            Problem::SettledBeforeIssue,
            Problem::CellError("#REF!".into()),
            Problem::Rejected(Rejection::DueBeforeIssue),
        ]
    }

    #[wasm_bindgen_test]
    fn every_message_is_filled_in_both_languages() {
        let (files, problems) = (files(), problems());
        for lang in [Lang::Zh, Lang::En] {
            let messages = (files.iter().map(|e| file_error(lang, e)))
                .chain(problems.iter().map(|p| problem(lang, p)))
                .chain(Field::ALL.iter().map(|f| field(lang, *f).to_string()))
                .chain(Target::ALL.iter().map(|t| target(lang, *t).to_string()));
            for message in messages {
                assert!(!message.is_empty() && !message.contains('{'), "{message}");
            }
        }
        let error = RowError {
            row: 4,
            column: Some("金额".into()),
            problem: Problem::Missing(Field::Amount),
        };
        assert_eq!(
            row_error(Lang::Zh, &error),
            "第 4 行“金额”列：“金额”为空，这一项必填。"
        );
        assert_eq!(
            row_error(Lang::En, &error),
            "Row 4, column “金额”: “Amount” is empty; it is required."
        );
        // A long cell is cut in messages.
        assert!(problem(Lang::En, &problems[1]).contains('…'));
    }
}
