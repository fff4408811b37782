//! Native benchmark of the core on demo portfolio L: generation, sealing (JSON + SHA-256),
//! verification, replay (parse + fold), snapshot encode/decode, aging and the credit score for all customers,
//! the collections worklist, alerts, the check view, customer search, and the journal read for people (parse + facts)
//! and filtered; export of the open items and the journal as CSV and .xlsx.
//! Prints figures; fails nothing. Run: `cargo run --release -p creditdesk-core --example bench`.

use chrono::NaiveDate;
use creditdesk_core::collections::worklist;
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::ledger::reports::{aging_all, customer_rows, AgingBuckets};
use creditdesk_core::ledger::search::SearchIndex;
use creditdesk_core::limits::list::{list_rows, list_rows_with_grade_drops};
use creditdesk_core::{
    credit::score, decode_snapshot, encode_snapshot, journal, Portfolio, SealedEvent, Timestamp,
};
use std::time::Instant;

fn timed<T>(label: &str, work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = work();
    println!(
        "{label:<44} {:>9.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    result
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("import") {
        return import_bench();
    }
    let size = match std::env::args()
        .nth(2)
        .or(std::env::args().nth(1))
        .as_deref()
    {
        Some("S") => DemoSize::S,
        Some("M") => DemoSize::M,
        _ => DemoSize::L,
    };
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
    println!(
        "creditdesk-core native benchmark, portfolio {}",
        size.token()
    );
    let (entries, portfolio) = timed("generate + decide", || {
        demo_portfolio(size, DEMO_SEED, as_of)
    })
    .expect("demo is valid");
    println!(
        "  {} customers, {} invoices, {} payments, {} credit notes, {} disputes, {} orders, {} entries",
        portfolio.ledger.customers.len(),
        portfolio.ledger.invoices.len(),
        portfolio.ledger.payments.len(),
        portfolio.ledger.credit_notes.len(),
        portfolio.ledger.disputes.len(),
        portfolio.ledger.orders.len(),
        entries.len()
    );
    // `bench view [S|M|L]`: only the check view (what the field check and the widget read).
    if std::env::args().nth(1).as_deref() == Some("view") {
        return check_view(&portfolio, as_of);
    }
    let sealed = timed("seal event (JSON + SHA-256)", || {
        SealedEvent::seal(None, Timestamp(0), "bench", entries)
    });
    println!("  event text {:.1} MB", sealed.text.len() as f64 / 1e6);
    timed("verify chain (hash the text)", || {
        journal::verify(&[sealed.text.as_str()], None, Some(sealed.head())).expect("intact")
    });
    let replayed = timed("replay (parse + fold)", || {
        Portfolio::replay(&[sealed.text.as_str()]).expect("replays")
    });
    assert_eq!(
        replayed.ledger.invoices.len(),
        portfolio.ledger.invoices.len()
    );
    let snapshot = timed("snapshot encode (postcard)", || encode_snapshot(&portfolio));
    println!("  snapshot {:.1} MB", snapshot.len() as f64 / 1e6);
    let decoded = timed("snapshot decode (+ checks, indexes)", || {
        decode_snapshot(&snapshot).expect("decodes")
    });
    assert_eq!(decoded, portfolio);
    let buckets = AgingBuckets::default();
    timed("aging, all customers", || {
        aging_all(&portfolio.ledger, as_of, &buckets)
    });
    timed("customer list rows (ledger figures), all customers", || {
        customer_rows(&portfolio.ledger, as_of)
    });
    // What the list computes: the ledger rows, the grades and the limits in force; with the
    // month-end grades, what the overview and the grade-drop view compute.
    timed("customer list rows with limit and grade", || {
        list_rows(portfolio.list_sources(), as_of)
    });
    timed("customer list rows with the month-end grades too", || {
        list_rows_with_grade_drops(portfolio.list_sources(), as_of)
    });
    let policy = portfolio.policy();
    let scores = timed("score_all, all customers", || {
        score::score_all(&portfolio.ledger, &portfolio.credit, &policy, as_of)
    });
    assert_eq!(scores.len(), portfolio.ledger.customers.len());
    // The worklist with each customer's grade already scored (the desk keeps the scores).
    let grades: std::collections::HashMap<_, _> = (portfolio.ledger.customers.iter())
        .zip(&scores)
        .map(|(customer, score)| (customer.id, score.grade))
        .collect();
    let strategy = portfolio.strategy_on(as_of);
    let tasks = timed("collections worklist (grades given)", || {
        worklist(
            &portfolio.ledger,
            &portfolio.collections,
            &strategy,
            as_of,
            &|customer| grades[&customer.id],
            &|amount, currency| policy.limits.to_base(amount, currency),
        )
    });
    println!("  {} tasks due", tasks.len());
    // What the desk computes when no score is kept: every customer scored, then the worklist.
    let from_nothing = timed("collections worklist from nothing (worklist_on)", || {
        creditdesk_core::decide::worklist_on(&portfolio, as_of)
    });
    assert_eq!(from_nothing.len(), tasks.len());
    let alerts = timed(
        "alerts, all customers (scores today and at the month end)",
        || creditdesk_core::alerts::alerts_on(&portfolio.alert_sources(), as_of),
    );
    let holding = alerts.iter().filter(|alert| alert.holding).count();
    let month_end = score::previous_month_end(as_of);
    let before = score::score_all(
        &portfolio.ledger,
        &portfolio.credit,
        &portfolio.policy_on(month_end),
        month_end,
    );
    timed("alerts, all customers (both scores given)", || {
        creditdesk_core::alerts::alerts_scored(&portfolio.alert_sources(), as_of, &scores, &before)
    });
    println!("  {} alerts, {holding} holding credit", alerts.len());
    check_view(&portfolio, as_of);
    let search_index = timed("search index build", || SearchIndex::new(&portfolio.ledger));
    // A salesperson typing a number, pinyin initials and a Chinese name, one query per key.
    let keystrokes = ["c", "c0", "c001", "s", "sz", "szh", "深", "深圳"];
    let found = timed("search, 8 keystrokes, 50 results each", || {
        keystrokes.map(|query| search_index.search(query, 50).len())
    });
    println!("  results per keystroke {found:?}");
    let rows = timed("journal read for people (parse + facts)", || {
        let event = journal::parse_event(&sealed.text).expect("parses");
        let mut rows = journal::JournalRows::new();
        rows.read(&event, sealed.hash, as_of, &portfolio)
            .expect("the first event");
        rows
    });
    let filter = journal::JournalFilter {
        kind: Some(journal::EntryKind::PaymentReceived),
        ..journal::JournalFilter::default()
    };
    let selected = timed("journal filter by kind, all entries", || {
        journal::select(&rows, &filter).len()
    });
    println!("  {} entries read, {selected} payments", rows.rows().len());
    export(&portfolio, &sealed, as_of);
    import_bench();
}

/// The check view the worker makes for the field check and the widget: made, then its stored
/// postcard bytes written and read back (what the small pages decode on open).
fn check_view(portfolio: &Portfolio, as_of: NaiveDate) {
    use creditdesk_core::check::view::CheckView;
    let view = timed("check view made (CheckView::of)", || {
        CheckView::of(portfolio, as_of)
    });
    let bytes = timed("check view encode (postcard)", || view.encode());
    let read = timed("check view decode", || CheckView::decode(&bytes));
    assert_eq!(read.as_ref(), Some(&view));
    let pinyin = postcard::to_allocvec(&view.pinyin).map_or(0, |bytes| bytes.len());
    println!(
        "  check view {:.2} MB, of which the names' pinyin {:.2} MB",
        bytes.len() as f64 / 1e6,
        pinyin as f64 / 1e6
    );
    if let Some(read) = read {
        timed("check view search index (its own pinyin)", || {
            read.search_index()
        });
    }
    list_view(portfolio, as_of);
}

/// The desk's stored list view (its cold open shows it while the snapshot decodes).
fn list_view(portfolio: &Portfolio, as_of: NaiveDate) {
    use creditdesk_core::credit::score::previous_month_end;
    use creditdesk_core::limits::list_view::ListView;
    let on = |day| {
        let policy = portfolio.policy_on(day);
        score::score_all(&portfolio.ledger, &portfolio.credit, &policy, day)
    };
    let view = timed("list view made (both scores given)", || {
        let (now, before) = (on(as_of), on(previous_month_end(as_of)));
        ListView::of(portfolio.list_sources(), as_of, &now, &before)
    });
    let bytes = timed("list view encode (postcard)", || view.encode());
    let read = timed("list view decode", || ListView::decode(&bytes));
    assert_eq!(read.as_ref(), Some(&view));
    println!("  list view {:.2} MB", bytes.len() as f64 / 1e6);
}

/// Export of the open items and the journal: building the table, then each writer, with the
/// file's size.
fn export(portfolio: &Portfolio, sealed: &SealedEvent, as_of: NaiveDate) {
    use creditdesk_core::export::{journal_table, open_items_table, write_csv, write_xlsx};
    use creditdesk_core::export::{Table, TokenWords};
    let written = |label: &str, table: &Table| {
        let csv = timed(&format!("export {label} as CSV"), || write_csv(table, true));
        println!(
            "  {} rows, {:.1} MB CSV",
            table.rows.len(),
            csv.len() as f64 / 1e6
        );
        let xlsx = timed(&format!("export {label} as .xlsx"), || {
            write_xlsx(rust_xlsxwriter::Workbook::new(), table).expect("written")
        });
        println!("  {:.1} MB .xlsx", xlsx.len() as f64 / 1e6);
    };
    let items = timed("export: open items table", || {
        open_items_table(portfolio, as_of, &TokenWords)
    });
    written("open items", &items);
    let journal = timed("export: journal table (facts + JSON)", || {
        journal_table(portfolio, std::slice::from_ref(&sealed.event), &TokenWords)
    });
    written("journal", &journal);
}

/// An invoice register of `rows` rows over 2,000 customers (created from the file), 70 %
/// settled, as a GBK-free UTF-8 CSV, from a seeded generator.
fn invoice_csv(rows: usize) -> Vec<u8> {
    let mut rng = creditdesk_core::base::rng::Rng::new(DEMO_SEED);
    let mut csv = String::with_capacity(rows * 96);
    csv.push_str("客户编号,客户名称,发票号码,开票日期,到期日,金额,币种,结清日期\n");
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date");
    for row in 0..rows {
        let customer = rng.range(1, 2000);
        let issue = start + chrono::Duration::days(rng.range(0, 690));
        let due = issue + chrono::Duration::days(30);
        let cents = rng.range(10_000, 50_000_000);
        let settled = if rng.chance(70) {
            (due + chrono::Duration::days(rng.range(-20, 40)))
                .max(issue)
                .to_string()
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "C{customer:05},客户{customer}有限公司,INV-{row:07},{issue},{due},{}.{:02},CNY,{settled}\n",
            cents / 100,
            cents % 100
        ));
    }
    csv.into_bytes()
}

/// Import of a customer file (issue 11: 6,000 rows took 12 s when each row was decided on
/// its own clone of the state).
fn import_customers_bench(today: NaiveDate) {
    use creditdesk_core::import::{plan, preview};
    for rows in [6_000, 60_000] {
        let mut csv = String::from("客户编号,客户名称,币种,账期\n");
        for row in 0..rows {
            csv.push_str(&format!("C{row:06},客户{row}有限公司,CNY,30\n"));
        }
        let started = Instant::now();
        let guess = preview(csv.as_bytes(), "customers.csv", None, None)
            .expect("previews")
            .guess;
        let outcome = plan(
            csv.as_bytes(),
            &guess,
            &Portfolio::default(),
            today,
            &mut |_, _| {},
        )
        .expect("a good file");
        println!(
            "import {rows}-row customer CSV: preview + plan {:.0} ms, {} customers",
            started.elapsed().as_secs_f64() * 1000.0,
            outcome.summary.customers
        );
    }
}

/// Import of an invoice register: preview, plan (read, validate, decide), at two sizes to
/// show it is linear.
fn import_bench() {
    use creditdesk_core::import::{plan, preview};
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid date");
    import_customers_bench(today);
    for rows in [50_000, 250_000] {
        let csv = invoice_csv(rows);
        println!(
            "import {rows}-row invoice CSV ({:.1} MB)",
            csv.len() as f64 / 1e6
        );
        let started = Instant::now();
        let preview = preview(&csv, "invoices.csv", None, None).expect("previews");
        let preview_ms = started.elapsed().as_secs_f64() * 1000.0;
        let started = Instant::now();
        let outcome = plan(
            &csv,
            &preview.guess,
            &Portfolio::default(),
            today,
            &mut |_, _| {},
        )
        .expect("a good register");
        let plan_ms = started.elapsed().as_secs_f64() * 1000.0;
        println!(
            "  preview {preview_ms:.0} ms, plan {plan_ms:.0} ms, {:.0} rows/s; {} entries \
             ({} customers, {} invoices, {} payments)",
            rows as f64 / (plan_ms / 1000.0),
            outcome.entries.len(),
            outcome.summary.customers,
            outcome.summary.invoices,
            outcome.summary.payments
        );
    }
}
