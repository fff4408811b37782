//! A developer page (`/bench`, not linked in the navigation) that times the core in wasm on
//! demo portfolio L: generation, aging for all customers, customer rows, snapshot encode and
//! decode. The benchmark command reads its output; it fails nothing.

use crate::browser::performance_now;
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::reports::{aging_all, customer_rows, AgingBuckets};
use creditdesk_core::snapshot::{decode_snapshot, encode_snapshot};
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
        portfolio.customers.len(),
        portfolio.invoices.len()
    ));
    let buckets = AgingBuckets::default();
    timed(&mut lines, "aging all customers (mean of 5)", 5, || {
        aging_all(&portfolio, as_of, &buckets)
    });
    let policy = portfolio.policy();
    timed(&mut lines, "score all customers (mean of 5)", 5, || {
        creditdesk_core::score::score_all(&portfolio, &policy, as_of)
    });
    timed(&mut lines, "customer rows (mean of 5)", 5, || {
        customer_rows(&portfolio, as_of)
    });
    let bytes = timed(&mut lines, "snapshot encode", 1, || {
        encode_snapshot(&portfolio)
    });
    lines.push(format!("snapshot size: {:.1} MB", bytes.len() as f64 / 1e6));
    let decoded = timed(&mut lines, "snapshot decode", 1, || decode_snapshot(&bytes));
    lines.push(format!(
        "decoded invoices: {}",
        decoded.map_or(0, |p| p.invoices.len())
    ));
    lines.join("\n")
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
