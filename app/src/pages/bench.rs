//! A developer page (`/bench`, not linked in the navigation) that times the core in wasm on
//! demo portfolio L: generation, aging for all customers, customer rows, the collections
//! worklist, snapshot encode and decode, the field-sales credit check per customer and the
//! customer search per query. The
//! benchmark command reads its output; it fails nothing.

use crate::browser::performance_now;
use creditdesk_core::check::check_order;
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::journal::{decode_snapshot, encode_snapshot};
use creditdesk_core::ledger::reports::{aging_all, customer_rows, AgingBuckets};
use creditdesk_core::ledger::search::SearchIndex;
use leptos::prelude::*;

fn timed<T>(lines: &mut Vec<String>, label: &str, runs: u32, mut work: impl FnMut() -> T) -> T {
    let started = performance_now();
    let mut result = work();
    for _ in 1..runs {
        result = work();
    }
    lines.push(format!(
        "{label}: {:.1} ms",
        (performance_now() - started) / f64::from(runs)
    ));
    result
}

fn run() -> String {
    let mut lines = vec!["wasm benchmark, portfolio L".to_string()];
    let as_of = crate::browser::today();
    let generated = timed(&mut lines, "generate + decide", 1, || {
        demo_portfolio(DemoSize::L, DEMO_SEED, as_of)
    });
    let Ok((_, portfolio)) = generated else {
        return "demo generation was rejected".into();
    };
    lines.push(format!(
        "customers: {}, invoices: {}",
        portfolio.ledger.customers.len(),
        portfolio.ledger.invoices.len()
    ));
    let buckets = AgingBuckets::default();
    timed(&mut lines, "aging all customers (mean of 5)", 5, || {
        aging_all(&portfolio.ledger, as_of, &buckets)
    });
    let policy = portfolio.policy();
    timed(&mut lines, "score all customers (mean of 5)", 5, || {
        creditdesk_core::credit::score::score_all(
            &portfolio.ledger,
            &portfolio.credit,
            &policy,
            as_of,
        )
    });
    timed(&mut lines, "customer rows (mean of 5)", 5, || {
        customer_rows(&portfolio.ledger, as_of)
    });
    // Today's reminders as the collections page asks for them: grades scored, then the list.
    timed(&mut lines, "collections worklist (mean of 5)", 5, || {
        creditdesk_core::decide::worklist_on(&portfolio, as_of)
    });
    // The same with the scores already made, as the worklist page keeps them.
    let scores = creditdesk_core::credit::score::score_all(
        &portfolio.ledger,
        &portfolio.credit,
        &policy,
        as_of,
    );
    timed(
        &mut lines,
        "collections worklist, scores kept (mean of 5)",
        5,
        || creditdesk_core::decide::worklist_scored(&portfolio, as_of, &scores),
    );
    alerts(&mut lines, &portfolio, as_of, &scores);
    timed(
        &mut lines,
        "customer list rows with limit and grade (mean of 5)",
        5,
        || creditdesk_core::limits::list::list_rows(portfolio.list_sources(), as_of),
    );
    credit_checks(&mut lines, &portfolio, as_of);
    searches(&mut lines, &portfolio);
    let bytes = timed(&mut lines, "snapshot encode", 1, || {
        encode_snapshot(&portfolio)
    });
    lines.push(format!("snapshot size: {:.1} MB", bytes.len() as f64 / 1e6));
    let decoded = timed(&mut lines, "snapshot decode", 1, || decode_snapshot(&bytes));
    lines.push(format!(
        "decoded invoices: {}",
        decoded.map_or(0, |p| p.ledger.invoices.len())
    ));
    lines.join("\n")
}

/// The median and the maximum of `times` (ms), sorting them.
fn median_max(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    (median, times.last().copied().unwrap_or(0.0))
}

/// `check_order` for 1,000 customers spread evenly over the portfolio, each timed alone (what
/// one keystroke in the amount field costs), with an order of 10,000 in the customer's currency.
/// Today's alerts as the alerts page asks for them: with both scores kept (today's and the
/// month end's), and from nothing.
fn alerts(
    lines: &mut Vec<String>,
    portfolio: &creditdesk_core::Portfolio,
    as_of: chrono::NaiveDate,
    scores: &[creditdesk_core::credit::score::Score],
) {
    let month_end = creditdesk_core::credit::score::previous_month_end(as_of);
    let before = creditdesk_core::credit::score::score_all(
        &portfolio.ledger,
        &portfolio.credit,
        &portfolio.policy_on(month_end),
        month_end,
    );
    let sources = portfolio.alert_sources();
    timed(lines, "alerts, scores kept (mean of 3)", 3, || {
        creditdesk_core::alerts::alerts_scored(&sources, as_of, scores, &before)
    });
    timed(lines, "alerts, scored too (mean of 3)", 3, || {
        creditdesk_core::alerts::alerts_on(&sources, as_of)
    });
}

fn credit_checks(
    lines: &mut Vec<String>,
    portfolio: &creditdesk_core::Portfolio,
    as_of: chrono::NaiveDate,
) {
    let policy = portfolio.policy();
    let step = (portfolio.ledger.customers.len() / 1000).max(1);
    let mut times = Vec::new();
    let mut verdicts = [0u32; 3];
    for customer in portfolio.ledger.customers.iter().step_by(step).take(1000) {
        let order = creditdesk_core::Money::new(
            rust_decimal::Decimal::from(10_000),
            customer.details.currency,
        );
        let started = performance_now();
        let checked = check_order(portfolio, &policy, customer.id, &order, as_of);
        times.push(performance_now() - started);
        if let Ok(check) = checked {
            verdicts[check.verdict as usize] += 1;
        }
    }
    let count = times.len();
    let total: f64 = times.iter().sum();
    let (median, max) = median_max(&mut times);
    lines.push(format!(
        "credit check: median {median:.2} ms, max {max:.2} ms, mean {:.3} ms over {count} customers (pass {}, warn {}, block {})",
        total / count.max(1) as f64,
        verdicts[0],
        verdicts[1],
        verdicts[2]
    ));
}

/// Building the search index once, then one search per typed query.
fn searches(lines: &mut Vec<String>, portfolio: &creditdesk_core::Portfolio) {
    let index = timed(lines, "search index build", 1, || {
        SearchIndex::new(&portfolio.ledger)
    });
    let mut times = Vec::new();
    for query in [
        "s", "sh", "shhl", "C0001", "C009999", "上海", "华", "科技", "trading", "zzzz",
    ] {
        let started = performance_now();
        let found = index.search(query, 20).len();
        let elapsed = performance_now() - started;
        times.push(elapsed);
        lines.push(format!(
            "search {query:?}: {elapsed:.2} ms, {found} results"
        ));
    }
    let (median, max) = median_max(&mut times);
    lines.push(format!(
        "search: median {median:.2} ms, max {max:.2} ms per query"
    ));
}

#[component]
pub fn Bench() -> impl IntoView {
    let output = RwSignal::new(String::from("running…"));
    leptos::task::spawn_local(async move {
        crate::browser::next_frame().await;
        output.set(run());
    });
    view! { <pre data-testid="bench-results">{move || output.get()}</pre> }
}
