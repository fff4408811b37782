//! What the user maps: the kind of records a file holds, what each column means, how its dates
//! and numbers are written and which encoding its text is in.

pub use crate::base::input::DateFormat;
use crate::base::input::NumberFormat;
use crate::base::money::Currency;
use serde::{Deserialize, Serialize};

/// The kind of records one file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    Customers,
    Invoices,
    Payments,
    CreditNotes,
    Orders,
}

/// What a column means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    CustomerNumber,
    CustomerName,
    RegistrationNo,
    Industry,
    Country,
    Currency,
    TermsDays,
    Contact,
    Group,
    /// The invoice's, credit note's or order's own number; a payment's reference.
    DocumentNumber,
    IssueDate,
    DueDate,
    Amount,
    /// The date an invoice was paid in full (an invoice register's settlement column).
    SettledDate,
    PaymentDate,
    /// The invoice a payment or credit note pays or credits.
    InvoiceNumber,
    /// A credit note's reason.
    Reason,
}

impl Field {
    pub const ALL: [Field; 17] = [
        Field::CustomerNumber,
        Field::CustomerName,
        Field::RegistrationNo,
        Field::Industry,
        Field::Country,
        Field::Currency,
        Field::TermsDays,
        Field::Contact,
        Field::Group,
        Field::DocumentNumber,
        Field::IssueDate,
        Field::DueDate,
        Field::Amount,
        Field::SettledDate,
        Field::PaymentDate,
        Field::InvoiceNumber,
        Field::Reason,
    ];
}

impl Target {
    pub const ALL: [Target; 5] = [
        Target::Customers,
        Target::Invoices,
        Target::Payments,
        Target::CreditNotes,
        Target::Orders,
    ];

    /// The fields a file of this target may map, in the order the mapping screen lists them.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Target::Customers => &[
                CustomerNumber,
                CustomerName,
                RegistrationNo,
                Industry,
                Country,
                Currency,
                TermsDays,
                Contact,
                Group,
            ],
            Target::Invoices => &[
                CustomerNumber,
                CustomerName,
                DocumentNumber,
                IssueDate,
                DueDate,
                TermsDays,
                Amount,
                Currency,
                SettledDate,
            ],
            Target::Payments => &[
                CustomerNumber,
                CustomerName,
                PaymentDate,
                Amount,
                Currency,
                InvoiceNumber,
                DocumentNumber,
            ],
            Target::CreditNotes => &[
                CustomerNumber,
                CustomerName,
                DocumentNumber,
                IssueDate,
                Amount,
                Currency,
                InvoiceNumber,
                Reason,
            ],
            Target::Orders => &[
                CustomerNumber,
                CustomerName,
                DocumentNumber,
                IssueDate,
                Amount,
                Currency,
            ],
        }
    }

    /// The fields without which a row of this target cannot be read.
    pub fn required(self) -> &'static [Field] {
        use Field::*;
        match self {
            Target::Customers => &[CustomerNumber, CustomerName],
            Target::Invoices => &[CustomerNumber, DocumentNumber, IssueDate, Amount],
            Target::Payments => &[CustomerNumber, PaymentDate, Amount],
            Target::CreditNotes => &[CustomerNumber, DocumentNumber, IssueDate, Amount],
            Target::Orders => &[CustomerNumber, DocumentNumber, IssueDate, Amount],
        }
    }
}

/// The text encoding of a CSV file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with the byte-order mark Excel writes (`EF BB BF`).
    Utf8Bom,
    /// GB18030, the superset of GBK that Excel on Chinese Windows saves CSV in.
    Gb18030,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Csv,
    Xlsx,
}

/// How to read a file: what it holds, its columns and its formats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    pub target: Target,
    pub kind: FileKind,
    /// For CSV; ignored for .xlsx.
    pub encoding: Encoding,
    /// For .xlsx: the sheet's index.
    pub sheet: usize,
    /// By column index; `None` = ignored.
    pub columns: Vec<Option<Field>>,
    pub dates: DateFormat,
    pub numbers: NumberFormat,
    /// The currency of every amount when the file has no currency column.
    pub currency: Option<Currency>,
}
