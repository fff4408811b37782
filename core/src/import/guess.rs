//! Guessing a mapping from the file: each header name (Chinese or English, case, spaces and
//! punctuation ignored) to what it means, the target from the columns found, and the date and
//! number formats from the values. Every guess is the user's to change.

use crate::base::input::NumberFormat;
use crate::import::mapping::{DateFormat, Encoding, Field, FileKind, Mapping, Target};
use crate::import::table::{Cell, Table};

/// What a header says before the target is known: "发票号" is an invoice's own number in an
/// invoice register and the invoice paid in a payments file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meaning {
    Is(Field),
    InvoiceNo,
    ReceiptNo,
    CreditNoteNo,
    OrderNo,
    AnyNo,
    /// A payment's reference: the invoice it pays.
    Reference,
    AnyDate,
    OrderDate,
    CreditNoteDate,
}

/// Header names by meaning, written normalised (lower case, no spaces or punctuation).
const NAMES: &[(Meaning, &[&str])] = &[
    (
        Meaning::Is(Field::CustomerNumber),
        &[
            "客户编号",
            "客户编码",
            "客户代码",
            "客户号",
            "客户id",
            "customerno",
            "customernumber",
            "customerid",
            "customercode",
            "custno",
            "accountno",
            "accountnumber",
            "debtorno",
        ],
    ),
    (
        Meaning::Is(Field::CustomerName),
        &[
            "客户名称",
            "客户",
            "客户名",
            "客户全称",
            "公司名称",
            "单位名称",
            "购方名称",
            "购买方名称",
            "customer",
            "customername",
            "name",
            "company",
            "companyname",
            "debtor",
            "debtorname",
        ],
    ),
    (
        Meaning::Is(Field::RegistrationNo),
        &[
            "统一社会信用代码",
            "信用代码",
            "注册号",
            "税号",
            "纳税人识别号",
            "registrationno",
            "registrationnumber",
            "regno",
            "taxid",
            "vatno",
            "companyno",
        ],
    ),
    (
        Meaning::Is(Field::Industry),
        &["行业", "所属行业", "industry", "sector"],
    ),
    (
        Meaning::Is(Field::Country),
        &["国家", "国家地区", "国别", "country", "countrycode"],
    ),
    (
        Meaning::Is(Field::Currency),
        &[
            "币种",
            "币别",
            "货币",
            "currency",
            "curr",
            "ccy",
            "currencycode",
        ],
    ),
    (
        Meaning::Is(Field::TermsDays),
        &[
            "账期",
            "账期天",
            "账期天数",
            "付款期限",
            "信用期",
            "信用期天",
            "付款条件",
            "terms",
            "termsdays",
            "paymentterms",
            "paymenttermsdays",
            "creditterms",
            "creditdays",
        ],
    ),
    (
        Meaning::Is(Field::Contact),
        &[
            "联系人",
            "联系方式",
            "联系电话",
            "电话",
            "contact",
            "contactperson",
            "phone",
            "email",
        ],
    ),
    (
        Meaning::Is(Field::Group),
        &[
            "集团",
            "所属集团",
            "母公司",
            "group",
            "parent",
            "parentcompany",
        ],
    ),
    (
        Meaning::InvoiceNo,
        &[
            "发票号",
            "发票号码",
            "发票编号",
            "invoiceno",
            "invoicenumber",
            "invoice",
            "invoiceid",
            "invno",
        ],
    ),
    (
        Meaning::ReceiptNo,
        &[
            "收款单号",
            "收款编号",
            "付款单号",
            "回款单号",
            "paymentno",
            "paymentnumber",
            "paymentid",
            "receiptno",
            "receiptnumber",
        ],
    ),
    (
        Meaning::CreditNoteNo,
        &[
            "红字发票号",
            "红字发票号码",
            "贷项通知单号",
            "贷项单号",
            "红冲单号",
            "creditnoteno",
            "creditnotenumber",
            "creditnote",
            "cnno",
        ],
    ),
    (
        Meaning::OrderNo,
        &[
            "订单号",
            "订单编号",
            "销售订单号",
            "orderno",
            "ordernumber",
            "order",
            "salesorder",
            "pono",
        ],
    ),
    (
        Meaning::AnyNo,
        &[
            "单据号",
            "单据编号",
            "单号",
            "凭证号",
            "documentno",
            "documentnumber",
            "docno",
            "number",
            "no",
        ],
    ),
    (
        Meaning::Reference,
        &[
            "参考号",
            "付款参考",
            "付款备注",
            "摘要",
            "reference",
            "ref",
            "paymentreference",
        ],
    ),
    (
        Meaning::Is(Field::IssueDate),
        &["开票日期", "发票日期", "invoicedate", "issuedate", "issued"],
    ),
    (
        Meaning::AnyDate,
        &[
            "日期",
            "单据日期",
            "业务日期",
            "date",
            "documentdate",
            "docdate",
        ],
    ),
    (Meaning::OrderDate, &["订单日期", "下单日期", "orderdate"]),
    (
        Meaning::CreditNoteDate,
        &["红字日期", "红冲日期", "creditnotedate"],
    ),
    (
        Meaning::Is(Field::DueDate),
        &[
            "到期日",
            "到期日期",
            "应收日期",
            "应收款到期日",
            "duedate",
            "due",
            "dueon",
        ],
    ),
    (
        Meaning::Is(Field::PaymentDate),
        &[
            "付款日期",
            "收款日期",
            "到账日期",
            "回款日期",
            "paymentdate",
            "paydate",
            "receiptdate",
            "valuedate",
            "datereceived",
        ],
    ),
    (
        Meaning::Is(Field::SettledDate),
        &[
            "结清日期",
            "核销日期",
            "结算日期",
            "settleddate",
            "settlementdate",
            "settled",
            "paidon",
            "datepaid",
            "paiddate",
        ],
    ),
    (
        Meaning::Is(Field::Amount),
        &[
            "金额",
            "发票金额",
            "价税合计",
            "含税金额",
            "付款金额",
            "收款金额",
            "回款金额",
            "订单金额",
            "应收金额",
            "红字金额",
            "amount",
            "invoiceamount",
            "total",
            "grossamount",
            "paymentamount",
            "amountpaid",
            "orderamount",
            "value",
        ],
    ),
    (
        Meaning::Is(Field::Reason),
        &[
            "原因",
            "红冲原因",
            "退货原因",
            "事由",
            "reason",
            "creditreason",
        ],
    ),
];

/// A header as the table compares it: lower case, without spaces, punctuation (ASCII and
/// full-width) or a trailing unit such as `(天)` / `(days)`.
pub(crate) fn normalise_header(header: &str) -> String {
    let lower = header.to_lowercase();
    let cut = lower
        .find(['(', '（'])
        .map_or(lower.as_str(), |at| &lower[..at]);
    cut.chars()
        .filter(|c| c.is_alphanumeric() && !c.is_whitespace())
        .collect()
}

fn meaning_of(header: &str) -> Option<Meaning> {
    let name = normalise_header(header);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(meaning, _)| *meaning)
}

/// The target the columns point to.
fn target_of(meanings: &[Option<Meaning>], file_name: &str) -> Target {
    let has = |wanted: Meaning| meanings.contains(&Some(wanted));
    let name = file_name.to_lowercase();
    if has(Meaning::Is(Field::PaymentDate)) || has(Meaning::ReceiptNo) {
        Target::Payments
    } else if has(Meaning::CreditNoteNo)
        || has(Meaning::CreditNoteDate)
        || has(Meaning::Is(Field::Reason))
    {
        Target::CreditNotes
    } else if has(Meaning::OrderNo) || has(Meaning::OrderDate) {
        Target::Orders
    } else if !has(Meaning::Is(Field::Amount))
        && !has(Meaning::InvoiceNo)
        && !has(Meaning::Is(Field::IssueDate))
        && !has(Meaning::Is(Field::DueDate))
    {
        Target::Customers
    } else if has(Meaning::Reference) || name.contains("payment") || name.contains("收款") {
        Target::Payments
    } else {
        Target::Invoices
    }
}

/// What a meaning is in a file of `target`.
fn field_for(meaning: Meaning, target: Target) -> Option<Field> {
    use Meaning::*;
    let field = match (meaning, target) {
        (Is(field), _) => field,
        (InvoiceNo | Reference, Target::Payments | Target::CreditNotes) => Field::InvoiceNumber,
        (InvoiceNo | AnyNo, Target::Invoices) => Field::DocumentNumber,
        (ReceiptNo | AnyNo, Target::Payments) => Field::DocumentNumber,
        (CreditNoteNo | AnyNo, Target::CreditNotes) => Field::DocumentNumber,
        (OrderNo | AnyNo, Target::Orders) => Field::DocumentNumber,
        (AnyDate, Target::Payments) => Field::PaymentDate,
        (AnyDate, Target::Invoices | Target::CreditNotes | Target::Orders) => Field::IssueDate,
        (OrderDate, Target::Orders) | (CreditNoteDate, Target::CreditNotes) => Field::IssueDate,
        _ => return None,
    };
    Some(field).filter(|field| target.fields().contains(field))
}

/// The guessed mapping: columns by their headers (the first column naming a field wins), the
/// target from them, the formats from the values.
pub(crate) fn guess(table: &Table, file_name: &str) -> Mapping {
    let meanings: Vec<Option<Meaning>> = table.headers.iter().map(|h| meaning_of(h)).collect();
    let target = target_of(&meanings, file_name);
    let mut columns: Vec<Option<Field>> = Vec::with_capacity(meanings.len());
    for meaning in &meanings {
        let field = meaning.and_then(|meaning| field_for(meaning, target));
        columns.push(field.filter(|field| !columns.contains(&Some(*field))));
    }
    let sample = |fields: &[Field]| -> Vec<String> {
        let wanted: Vec<usize> = (columns.iter().enumerate())
            .filter(|(_, field)| field.is_some_and(|f| fields.contains(&f)))
            .map(|(index, _)| index)
            .collect();
        let cells = table.rows.iter().take(1000).flat_map(|row| {
            wanted
                .iter()
                .filter_map(|index| match row.cells.get(*index) {
                    Some(Cell::Text(text)) => Some(text.trim().to_string()),
                    _ => None,
                })
        });
        cells.collect()
    };
    let dates = [
        Field::IssueDate,
        Field::DueDate,
        Field::PaymentDate,
        Field::SettledDate,
    ];
    Mapping {
        target,
        kind: table.kind,
        encoding: if table.kind == FileKind::Csv {
            table.encoding
        } else {
            Encoding::Utf8
        },
        sheet: 0,
        dates: date_format_of(&sample(&dates)),
        numbers: number_format_of(&sample(&[Field::Amount])),
        columns,
        currency: None,
    }
}

/// Year first if any value starts with its year; else day first unless a value's first part
/// cannot be a month's day-first reading (`03/31/2024`). Ambiguous files (`03/04/2024`
/// throughout) are read day first, the user's to change.
pub(crate) fn date_format_of(values: &[String]) -> DateFormat {
    let parts = |value: &str| -> Vec<u32> {
        (value.split(['/', '-', '.', ' ']))
            .take(3)
            .map(|part| part.parse().unwrap_or(0))
            .collect()
    };
    let mut day_first = false;
    let mut month_first = false;
    for value in values.iter().filter(|value| !value.is_empty()) {
        if value.chars().take_while(|c| c.is_ascii_digit()).count() == 4 {
            return DateFormat::Ymd;
        }
        let parts = parts(value);
        if parts.len() >= 2 {
            day_first |= parts[0] > 12;
            month_first |= parts[1] > 12;
        }
    }
    if month_first && !day_first {
        DateFormat::Mdy
    } else {
        DateFormat::Dmy
    }
}

/// The number format most amount values are written in: the last separator of a value
/// with both is its decimal one; a lone comma followed by one or two digits is a decimal
/// comma. Without evidence, `1,234.56`.
pub(crate) fn number_format_of(values: &[String]) -> NumberFormat {
    let (mut point, mut comma) = (0usize, 0usize);
    for value in values {
        let last_point = value.rfind('.');
        let last_comma = value.rfind(',');
        match (last_point, last_comma) {
            (Some(p), Some(c)) if c > p => comma += 1,
            (Some(_), Some(_)) => point += 1,
            (None, Some(c)) if (1..=2).contains(&(value.len() - c - 1)) => comma += 1,
            (Some(p), None) if value.len() - p - 1 != 3 => point += 1,
            _ => {}
        }
    }
    if comma > point {
        NumberFormat::Comma
    } else {
        NumberFormat::Point
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_both_languages() {
        assert_eq!(
            meaning_of(" Customer  No. "),
            Some(Meaning::Is(Field::CustomerNumber))
        );
        assert_eq!(
            meaning_of("客户名称"),
            Some(Meaning::Is(Field::CustomerName))
        );
        assert_eq!(
            meaning_of("账期（天）"),
            Some(Meaning::Is(Field::TermsDays))
        );
        assert_eq!(meaning_of("Due_Date"), Some(Meaning::Is(Field::DueDate)));
        assert_eq!(meaning_of("whatever"), None);
    }

    #[test]
    fn formats_from_values() {
        let texts = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(date_format_of(&texts(&["2024/3/31"])), DateFormat::Ymd);
        assert_eq!(
            date_format_of(&texts(&["03/04/2024", "31/03/2024"])),
            DateFormat::Dmy
        );
        assert_eq!(date_format_of(&texts(&["03/31/2024"])), DateFormat::Mdy);
        assert_eq!(
            number_format_of(&texts(&["1.234,56", "12,5"])),
            NumberFormat::Comma
        );
        assert_eq!(
            number_format_of(&texts(&["1,234.56", "100"])),
            NumberFormat::Point
        );
    }
}
