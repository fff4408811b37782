//! The binary snapshot of the folded portfolio, so the shell can open a large journal without
//! replaying it. Decoding checks the version, refuses trailing or malformed bytes and
//! cross-references, never panics on garbage, and rebuilds the lookup indexes that snapshots
//! do not carry.
//!
//! The format (version 12): one format-version byte, then in postcard the counts of invoices
//! and payments, the `Portfolio` with those two lists written empty (the frame), then the
//! invoices and the payments in pieces of at most `PIECE_RECORDS` records. A reader
//! ([`SnapshotReader`]) decodes one piece per step, so a shell can let the page breathe
//! between steps: decoding portfolio L whole is one 200–500 ms task.

use crate::journal::portfolio::Portfolio;
use crate::ledger::{Invoice, Ledger, Payment};
use serde::ser::SerializeTuple;
use serde::{Serialize, Serializer};
use std::fmt;

/// The format version written by `encode_snapshot`. Bump it whenever the serialised shape of
/// `Portfolio` (or anything it contains) changes: an old snapshot is then refused and the
/// shell falls back to replaying the journal, which is always the source of truth.
/// Version 2 added the credit file per customer, the dated write-offs and the credit policies.
/// Version 4 added users, limit requests, holds, order releases, widget origins and the limit
/// part of the policy. Version 5 is the portfolio by area: the credit file, limit requests,
/// holds and releases left the customer and order records for their areas' sub-states.
/// Version 6 added the collections (tasks, escalations, promises, collectors) and the
/// collection strategy in the policy. Version 7 added the strategy's late-interest rates,
/// templates and the steps' fees and interest marks, and the team's company details.
/// Version 8 added the alerts (acknowledgements, snoozes, hold releases), the alert thresholds
/// in the credit policy and the alert-hold check reason.
/// Version 9: an invoice's settlement date is the latest date among the payments and credit
/// notes that settled it (it was the date of the one recorded last, which a backdated payment
/// made too early); a snapshot of 8 is replayed.
/// Version 10 added payment plans and write-off proposals to the collections, a dispute's
/// category, notes and owner, and a customer's early-payment discount terms.
/// Version 11 added the missed-instalment alert's severity to the alert thresholds.
/// Version 12 writes the invoices and payments in pieces after the rest (`SnapshotReader`).
pub const SNAPSHOT_VERSION: u8 = 12;

/// Most records in one piece: a step decodes at most this many invoices or payments (about
/// 10 ms in wasm for invoices).
pub const PIECE_RECORDS: usize = 16_384;

/// Why bytes could not be read back as a snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// There were no bytes at all.
    Empty,
    /// The first byte names a format this build does not read.
    UnknownVersion { found: u8 },
    /// The bytes after the version are not a portfolio in this format.
    Malformed { reason: String },
    /// The portfolio decoded but its records do not fit together (ids out of order or a
    /// reference to a record that is not there); applying events to it could fail.
    Inconsistent { reason: String },
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Empty => f.write_str("the snapshot is empty"),
            SnapshotError::UnknownVersion { found } => {
                write!(
                    f,
                    "unknown snapshot format version {found} (this build reads {SNAPSHOT_VERSION})"
                )
            }
            SnapshotError::Malformed { reason } => write!(f, "the snapshot is malformed: {reason}"),
            SnapshotError::Inconsistent { reason } => {
                write!(f, "the snapshot is inconsistent: {reason}")
            }
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Encodes the portfolio as a versioned binary snapshot.
pub fn encode_snapshot(portfolio: &Portfolio) -> Vec<u8> {
    let ledger = &portfolio.ledger;
    let counts = (ledger.invoices.len() as u64, ledger.payments.len() as u64);
    // Every sequence in `Portfolio` is a Vec or String with a known length and every value
    // is plain data, so postcard's only possible errors (unknown lengths, a full fixed
    // buffer, a failing Display) cannot occur when writing into a growable Vec.
    let written = postcard::to_extend(&counts, vec![SNAPSHOT_VERSION])
        .and_then(|bytes| postcard::to_extend(&Frame(portfolio), bytes));
    let mut bytes = written.expect("a portfolio always serialises to postcard");
    for piece in ledger.invoices.chunks(PIECE_RECORDS) {
        bytes = postcard::to_extend(piece, bytes).expect("invoices serialise");
    }
    for piece in ledger.payments.chunks(PIECE_RECORDS) {
        bytes = postcard::to_extend(piece, bytes).expect("payments serialise");
    }
    bytes
}

/// The portfolio as `Portfolio`'s derived `Serialize` writes it (postcard writes a struct as
/// its fields in order), with the ledger's invoices and payments written as empty lists. A
/// test checks the bytes equal the derived ones for a portfolio without them, so a field added
/// to `Portfolio` or `Ledger` and left out here fails it.
struct Frame<'a>(&'a Portfolio);

impl Serialize for Frame<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Portfolio {
            ledger,
            team,
            policies,
            credit,
            limits,
            collections,
            alerts,
            head,
        } = self.0;
        let mut fields = serializer.serialize_tuple(8)?;
        fields.serialize_element(&LedgerFrame(ledger))?;
        fields.serialize_element(team)?;
        fields.serialize_element(policies)?;
        fields.serialize_element(credit)?;
        fields.serialize_element(limits)?;
        fields.serialize_element(collections)?;
        fields.serialize_element(alerts)?;
        fields.serialize_element(head)?;
        fields.end()
    }
}

struct LedgerFrame<'a>(&'a Ledger);

impl Serialize for LedgerFrame<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ledger = self.0;
        let none: (&[Invoice], &[Payment]) = (&[], &[]);
        let mut fields = serializer.serialize_tuple(7)?;
        fields.serialize_element(&ledger.customers)?;
        fields.serialize_element(none.0)?;
        fields.serialize_element(none.1)?;
        fields.serialize_element(&ledger.credit_notes)?;
        fields.serialize_element(&ledger.orders)?;
        fields.serialize_element(&ledger.disputes)?;
        fields.serialize_element(&ledger.write_offs)?;
        fields.end()
    }
}

/// Decodes a snapshot written by `encode_snapshot`, with its indexes rebuilt, in one go.
pub fn decode_snapshot(bytes: &[u8]) -> Result<Portfolio, SnapshotError> {
    let mut reader = SnapshotReader::new(bytes)?;
    loop {
        if let Some(portfolio) = reader.step()? {
            return Ok(portfolio);
        }
    }
}

/// Decodes a snapshot a step at a time: the frame, then one piece of invoices or payments per
/// step, then the cross-references, then the indexes. Each step is a bounded piece of work;
/// the result is the same as `decode_snapshot`'s, error for error.
pub struct SnapshotReader<'a> {
    rest: &'a [u8],
    portfolio: Portfolio,
    /// Invoices and payments still to read, as the snapshot states them.
    invoices: usize,
    payments: usize,
    stage: Stage,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Frame,
    Invoices,
    Payments,
    Check,
    Done,
}

impl<'a> SnapshotReader<'a> {
    /// Checks the version; nothing else is read yet.
    pub fn new(bytes: &'a [u8]) -> Result<SnapshotReader<'a>, SnapshotError> {
        let Some((&version, body)) = bytes.split_first() else {
            return Err(SnapshotError::Empty);
        };
        if version != SNAPSHOT_VERSION {
            return Err(SnapshotError::UnknownVersion { found: version });
        }
        Ok(SnapshotReader {
            rest: body,
            portfolio: Portfolio::default(),
            invoices: 0,
            payments: 0,
            stage: Stage::Frame,
        })
    }

    /// Does the next step: `Ok(None)` while there is more, the portfolio once read and
    /// checked. After an error or the portfolio, further steps are refused.
    pub fn step(&mut self) -> Result<Option<Portfolio>, SnapshotError> {
        let stepped = self.advance();
        if stepped.is_err() {
            self.stage = Stage::Done;
        }
        stepped
    }

    fn advance(&mut self) -> Result<Option<Portfolio>, SnapshotError> {
        match self.stage {
            Stage::Frame => self.read_frame()?,
            Stage::Invoices => {
                let piece: Vec<Invoice> = self.piece(self.invoices)?;
                self.invoices -= piece.len();
                self.portfolio.ledger.invoices.extend(piece);
                self.stage = next_stage(self.invoices, Stage::Invoices, self.payments);
            }
            Stage::Payments => {
                let piece: Vec<Payment> = self.piece(self.payments)?;
                self.payments -= piece.len();
                self.portfolio.ledger.payments.extend(piece);
                self.stage = next_stage(0, Stage::Payments, self.payments);
            }
            Stage::Check => return self.check().map(Some),
            Stage::Done => {
                return Err(SnapshotError::Malformed {
                    reason: "the snapshot was already read".to_string(),
                })
            }
        }
        Ok(None)
    }

    fn read_frame(&mut self) -> Result<(), SnapshotError> {
        let ((invoices, payments), rest): ((u64, u64), &[u8]) = take(self.rest)?;
        let (portfolio, rest): (Portfolio, &[u8]) = take(rest)?;
        let count = |n: u64| usize::try_from(n).ok().filter(|n| *n <= rest.len());
        let (Some(invoices), Some(payments)) = (count(invoices), count(payments)) else {
            return Err(malformed("more records stated than bytes left"));
        };
        if !(portfolio.ledger.invoices.is_empty() && portfolio.ledger.payments.is_empty()) {
            return Err(malformed("invoices or payments inside the frame"));
        }
        (self.rest, self.portfolio) = (rest, portfolio);
        (self.invoices, self.payments) = (invoices, payments);
        self.stage = next_stage(invoices, Stage::Invoices, payments);
        Ok(())
    }

    /// The next piece: not empty (every step makes progress) and not past the stated count.
    fn piece<T: serde::de::DeserializeOwned>(
        &mut self,
        left: usize,
    ) -> Result<Vec<T>, SnapshotError> {
        let (piece, rest): (Vec<T>, &[u8]) = take(self.rest)?;
        if piece.is_empty() || piece.len() > left {
            return Err(malformed("a piece of records out of place"));
        }
        self.rest = rest;
        Ok(piece)
    }

    fn check(&mut self) -> Result<Portfolio, SnapshotError> {
        self.stage = Stage::Done;
        if !self.rest.is_empty() {
            return Err(malformed(&format!(
                "{} bytes after the portfolio",
                self.rest.len()
            )));
        }
        let mut portfolio = std::mem::take(&mut self.portfolio);
        check_consistency(&portfolio).map_err(|reason| SnapshotError::Inconsistent { reason })?;
        portfolio.rebuild_indexes();
        Ok(portfolio)
    }
}

/// After the invoices (`invoices` left), the payments, then the check.
fn next_stage(invoices: usize, at: Stage, payments: usize) -> Stage {
    match (at, invoices, payments) {
        (Stage::Invoices, 1.., _) => Stage::Invoices,
        (_, _, 1..) => Stage::Payments,
        _ => Stage::Check,
    }
}

fn take<'b, T: serde::Deserialize<'b>>(bytes: &'b [u8]) -> Result<(T, &'b [u8]), SnapshotError> {
    postcard::take_from_bytes(bytes).map_err(|error| malformed(&error.to_string()))
}

fn malformed(reason: &str) -> SnapshotError {
    SnapshotError::Malformed {
        reason: reason.to_string(),
    }
}

/// The invariants `Portfolio::apply` and the lookups rely on: records in strictly increasing
/// id order (lookups are binary searches) and every reference pointing at a record that
/// exists (the fold looks referenced records up and treats a miss as a programmer error).
/// References are checked against compact id sets rather than the records themselves: on
/// portfolio L, binary searches through the 45 MB of invoice records cost ~600 ms of cache
/// misses, while ids handed out densely make each check a range test.
fn check_consistency(portfolio: &Portfolio) -> Result<(), String> {
    let ledger = &portfolio.ledger;
    let customers = IdSet::collect("customers", ledger.customers.iter().map(|c| c.id.0))?;
    let invoices = IdSet::collect("invoices", ledger.invoices.iter().map(|i| i.id.0))?;
    let payments = IdSet::collect("payments", ledger.payments.iter().map(|p| p.id.0))?;
    let credit_notes = IdSet::collect("credit notes", ledger.credit_notes.iter().map(|n| n.id.0))?;
    let orders = IdSet::collect("orders", ledger.orders.iter().map(|o| o.id.0))?;
    IdSet::collect("disputes", ledger.disputes.iter().map(|d| d.id.0))?;
    let users = IdSet::collect("users", portfolio.team.users.iter().map(|u| u.id.0))?;
    let requests = IdSet::collect(
        "limit requests",
        portfolio.limits.requests.iter().map(|r| r.id.0),
    )?;
    for customer in &ledger.customers {
        let complete = invoices.contains_all(customer.invoices.iter().map(|id| id.0))
            && payments.contains_all(customer.payments.iter().map(|id| id.0))
            && credit_notes.contains_all(customer.credit_notes.iter().map(|id| id.0))
            && orders.contains_all(customer.orders.iter().map(|id| id.0));
        if !complete {
            return Err(format!(
                "customer {} lists a record that is not there",
                customer.id.0
            ));
        }
    }
    let owners = ledger.invoices.iter().map(|i| i.customer.0);
    let owners = owners.chain(ledger.payments.iter().map(|p| p.customer.0));
    let owners = owners.chain(ledger.credit_notes.iter().map(|n| n.customer.0));
    let owners = owners.chain(ledger.orders.iter().map(|o| o.customer.0));
    if !customers.contains_all(owners) {
        return Err("a record refers to a customer that is not there".to_string());
    }
    let settled = ledger.payments.iter().flat_map(|p| &p.allocations);
    let settled = settled.chain(ledger.credit_notes.iter().flat_map(|n| &n.allocations));
    let targets = settled
        .map(|a| a.invoice.0)
        .chain(ledger.disputes.iter().map(|d| d.invoice.0))
        .chain(ledger.write_offs.iter().map(|w| w.invoice.0));
    if !invoices.contains_all(targets) {
        return Err(
            "an allocation, dispute or write-off refers to an invoice that is not there"
                .to_string(),
        );
    }
    let areas = AreaIds {
        customers,
        invoices,
        orders,
        users,
        requests,
    };
    check_areas(portfolio, &areas)
}

struct AreaIds {
    customers: IdSet,
    invoices: IdSet,
    orders: IdSet,
    users: IdSet,
    requests: IdSet,
}

/// The references the credit file and the limits hold into the ledger and the team.
fn check_areas(portfolio: &Portfolio, ids: &AreaIds) -> Result<(), String> {
    let limits = &portfolio.limits;
    let file_owners = portfolio.credit.iter().map(|(customer, _)| customer.0);
    let request_owners = limits.requests.iter().map(|r| r.customer.0);
    let named = limits.customers_named().map(|customer| customer.0);
    if !ids
        .customers
        .contains_all(file_owners.chain(request_owners).chain(named))
    {
        return Err("a credit file or limit request names a customer that is not there".into());
    }
    for customer in portfolio.ledger.customers.iter().map(|c| c.id) {
        let requests = limits.request_ids_of(customer).iter().map(|id| id.0);
        let holders = limits.hold_log(customer).iter().map(|change| change.by.0);
        if !ids.requests.contains_all(requests) || !ids.users.contains_all(holders) {
            return Err(format!(
                "the limits of customer {} name a record that is not there",
                customer.0
            ));
        }
    }
    let deciders = limits.requests.iter().map(|r| r.by.0);
    if !ids.users.contains_all(deciders) {
        return Err("a limit request names a user that is not there".into());
    }
    if !ids
        .orders
        .contains_all(limits.released_orders().map(|order| order.0))
    {
        return Err("a release names an order that is not there".into());
    }
    check_collections(portfolio, ids)
}

/// The references the collections hold into the ledger and the team.
fn check_collections(portfolio: &Portfolio, ids: &AreaIds) -> Result<(), String> {
    let collections = &portfolio.collections;
    IdSet::collect("promises", collections.promises.iter().map(|p| p.id.0))?;
    let customers = (collections.promises.iter().map(|p| p.customer.0))
        .chain(collections.tasks.iter().map(|t| t.customer.0))
        .chain(collections.escalations.iter().map(|e| e.customer.0))
        .chain(collections.collectors.keys().map(|c| c.0));
    let users = (collections.promises.iter().map(|p| p.by.0))
        .chain(collections.tasks.iter().map(|t| t.by.0))
        .chain(collections.escalations.iter().map(|e| e.by.0))
        .chain(collections.collectors.values().map(|u| u.0));
    let escalated = collections.escalations.iter().flat_map(|e| &e.invoices);
    let tasked = collections.tasks.iter().flat_map(|t| &t.invoices);
    let invoices = escalated.chain(tasked).map(|i| i.0);
    if !ids.customers.contains_all(customers)
        || !ids.users.contains_all(users)
        || !ids.invoices.contains_all(invoices)
    {
        return Err("the collections name a record that is not there".into());
    }
    let (customers, users): (Vec<u32>, Vec<u32>) =
        portfolio.alerts.named().map(|(c, u)| (c.0, u.0)).unzip();
    if !ids.customers.contains_all(customers.into_iter())
        || !ids.users.contains_all(users.into_iter())
    {
        return Err("the alerts name a record that is not there".into());
    }
    check_plans(collections, ids)
}

/// The references payment plans and write-off proposals hold.
fn check_plans(collections: &crate::collections::Collections, ids: &AreaIds) -> Result<(), String> {
    IdSet::collect("payment plans", collections.plans.iter().map(|p| p.id.0))?;
    IdSet::collect(
        "write-off proposals",
        collections.write_offs.iter().map(|p| p.id.0),
    )?;
    let customers = (collections.plans.iter().map(|p| p.customer.0))
        .chain(collections.write_offs.iter().map(|p| p.customer.0));
    let users = (collections.plans.iter().map(|p| p.by.0))
        .chain(collections.write_offs.iter().map(|p| p.by.0))
        .chain(
            collections
                .write_offs
                .iter()
                .filter_map(|p| p.decision.as_ref().map(|d| d.by.0)),
        );
    let invoices = (collections.plans.iter().flat_map(|p| &p.invoices))
        .chain(collections.write_offs.iter().map(|p| &p.invoice))
        .map(|i| i.0);
    if !ids.customers.contains_all(customers)
        || !ids.users.contains_all(users)
        || !ids.invoices.contains_all(invoices)
    {
        return Err("a payment plan or write-off proposal names a record that is not there".into());
    }
    Ok(())
}

/// Strictly increasing ids of one kind of record.
struct IdSet {
    ids: Vec<u32>,
    /// True when the ids have no gaps, as ids handed out by `next_ids` do: membership is
    /// then a range check.
    dense: bool,
}

impl IdSet {
    /// Collects ids, refusing any that does not increase strictly.
    fn collect(what: &str, ids: impl Iterator<Item = u32>) -> Result<IdSet, String> {
        let mut collected: Vec<u32> = Vec::with_capacity(ids.size_hint().0);
        for id in ids {
            if collected.last().is_some_and(|previous| *previous >= id) {
                return Err(format!("{what} are not in increasing id order at id {id}"));
            }
            collected.push(id);
        }
        let dense = match (collected.first(), collected.last()) {
            (Some(first), Some(last)) => (last - first) as usize + 1 == collected.len(),
            _ => true,
        };
        Ok(IdSet {
            ids: collected,
            dense,
        })
    }

    fn contains_all(&self, mut references: impl Iterator<Item = u32>) -> bool {
        match (self.dense, self.ids.first(), self.ids.last()) {
            (_, None, _) | (_, _, None) => references.next().is_none(),
            (true, Some(first), Some(last)) => references.all(|id| (*first..=*last).contains(&id)),
            (false, _, _) => references.all(|id| self.ids.binary_search(&id).is_ok()),
        }
    }
}
