//! The demo portfolios S and M: deterministic per seed, the promised size and mix, and as
//! valid as user input (every record went through `decide_batch`). L is left to the
//! release-mode benchmark: generating it in a debug test would take too long.

mod common;

use chrono::NaiveDate;
use common::date;
use creditdesk_core::demo::{demo_commands, demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::*;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

fn as_of() -> NaiveDate {
    date("2026-11-23")
}

#[test]
fn the_same_seed_gives_the_same_portfolio_and_another_seed_another() {
    for size in [DemoSize::S, DemoSize::M] {
        let commands = |seed| demo_commands(size, seed, as_of()).expect("demo amounts");
        let first = commands(DEMO_SEED);
        assert_eq!(first, commands(DEMO_SEED), "{size:?}");
        assert_ne!(first, commands(DEMO_SEED + 1), "{size:?}");
    }
    let (entries, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of()).expect("valid");
    let (again, state_again) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of()).expect("valid");
    assert_eq!((entries, state), (again, state_again));
}

/// What a demo portfolio must show: (size, customers, invoices at least, invoices at most).
const SHAPES: [(DemoSize, usize, usize, usize); 2] = [
    (DemoSize::S, 50, 500, 2_500),
    (DemoSize::M, 1_000, 20_000, 30_000),
];

#[test]
fn demo_portfolios_have_the_promised_size_and_mix() {
    for (size, customers, invoices_min, invoices_max) in SHAPES {
        let (entries, state) = demo_portfolio(size, DEMO_SEED, as_of())
            .unwrap_or_else(|rejection| panic!("{size:?}: {rejection:?}"));
        assert_eq!(state.ledger.customers.len(), customers, "{size:?}");
        let invoices = state.ledger.invoices.len();
        assert!(
            (invoices_min..=invoices_max).contains(&invoices),
            "{size:?}: {invoices} invoices"
        );
        check_mix(size, &entries, &state);
        check_validity(size, &state);
    }
}

fn is_chinese(name: &str) -> bool {
    name.chars()
        .any(|character| ('\u{4e00}'..='\u{9fff}').contains(&character))
}

fn check_mix(size: DemoSize, entries: &[Entry], state: &Portfolio) {
    // The credit team and its limit decisions: every customer has a request, most approved,
    // and every temporary limit that ran out is on record, so the app has nothing to add.
    assert_eq!(state.team.users.len(), 5, "{size:?}: the demo team");
    assert_eq!(state.limits.requests.len(), state.ledger.customers.len());
    let approved = state
        .limits
        .requests
        .iter()
        .filter(|request| request.approved_on().is_some())
        .count();
    assert!(
        approved * 10 >= state.ledger.customers.len() * 8,
        "{size:?}: {approved} approved"
    );
    assert!(
        creditdesk_core::limits::lapses_due(&state.limits, as_of()).is_empty(),
        "{size:?}: lapses not on record"
    );
    if size != DemoSize::S {
        for kind in ["LimitLapsed", "LimitRejected", "HoldPlaced"] {
            let found = entries
                .iter()
                .any(|entry| format!("{entry:?}").starts_with(&format!("Limits({kind}")));
            assert!(found, "{size:?}: no {kind}");
        }
    }
    let names: Vec<&str> = state
        .ledger
        .customers
        .iter()
        .map(|c| c.details.name.as_str())
        .collect();
    assert!(
        names.iter().any(|name| is_chinese(name)),
        "{size:?}: no Chinese names"
    );
    assert!(
        names
            .iter()
            .any(|name| name.is_ascii() && name.chars().any(char::is_alphabetic)),
        "{size:?}: no English names"
    );
    let terms: BTreeSet<u32> = state
        .ledger
        .customers
        .iter()
        .map(|c| c.details.payment_terms_days)
        .collect();
    assert_eq!(terms, BTreeSet::from([30, 45, 60, 90]), "{size:?}");
    let written_off = entries
        .iter()
        .filter(|entry| matches!(entry, Entry::Ledger(LedgerEntry::InvoiceWrittenOff { .. })))
        .count();
    let partly_paid = state
        .ledger
        .invoices
        .iter()
        .filter(|i| i.paid > Decimal::ZERO && i.open() > Decimal::ZERO)
        .count();
    let open_disputes = state
        .ledger
        .disputes
        .iter()
        .filter(|d| d.resolved.is_none())
        .count();
    let resolved_disputes = state.ledger.disputes.len() - open_disputes;
    let open_orders = state
        .ledger
        .orders
        .iter()
        .filter(|o| o.closed.is_none())
        .count();
    // (what, how many, required in S): S's 50 customers make defaults (2 % of customers)
    // and still-open disputes rare enough that the demo seed has none.
    let counts = [
        ("credit notes", state.ledger.credit_notes.len(), true),
        ("resolved disputes", resolved_disputes, true),
        ("open orders", open_orders, true),
        ("partly paid invoices", partly_paid, true),
        ("payments", state.ledger.payments.len(), true),
        ("open disputes", open_disputes, false),
        ("write-offs", written_off, false),
    ];
    for (what, count, required_in_s) in counts {
        if size == DemoSize::M || required_in_s {
            assert!(count > 0, "{size:?}: no {what}");
        }
    }
    let currencies: BTreeSet<&str> = state
        .ledger
        .customers
        .iter()
        .map(|c| c.details.currency.code())
        .collect();
    assert!(currencies.contains("CNY"), "{size:?}: {currencies:?}");
}

fn check_validity(size: DemoSize, state: &Portfolio) {
    let numbers: BTreeSet<&str> = state
        .ledger
        .customers
        .iter()
        .map(|c| c.details.number.as_str())
        .collect();
    assert_eq!(
        numbers.len(),
        state.ledger.customers.len(),
        "{size:?}: customer numbers repeat"
    );
    for invoice in &state.ledger.invoices {
        assert!(
            invoice.open() >= Decimal::ZERO,
            "{size:?}: {} open {}",
            invoice.number,
            invoice.open()
        );
        assert!(
            invoice.open() <= invoice.amount.value(),
            "{size:?}: {}",
            invoice.number
        );
        assert!(
            invoice.issue_date <= as_of() && invoice.due_date >= invoice.issue_date,
            "{size:?}: {}",
            invoice.number
        );
        assert!(
            invoice.settled_on.is_none_or(|settled| settled <= as_of()),
            "{size:?}: {}",
            invoice.number
        );
    }
    for payment in &state.ledger.payments {
        assert!(
            payment.date <= as_of() && payment.unapplied() >= Decimal::ZERO,
            "{size:?}: payment {:?}",
            payment.id
        );
    }
    for customer in &state.ledger.customers {
        assert!(
            customer.unapplied_cash >= Decimal::ZERO && customer.unapplied_credit >= Decimal::ZERO,
            "{size:?}: {}",
            customer.details.number
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 9: "a 'Pte. Ltd.' company in GB with a +86 21 phone number and a Chinese registration
// number". Every demo customer is coherent with its country.
// ---------------------------------------------------------------------------------------------

/// What a customer of a country looks like: currency, legal forms its name ends with, the
/// dialling code, the digits of the national number, and its registration number's form.
struct CountryForm {
    currency: &'static str,
    forms: &'static [&'static str],
    dial: &'static str,
    national_digits: usize,
    registration: fn(&str) -> bool,
}

fn digits(text: &str, count: usize) -> bool {
    text.len() == count && text.bytes().all(|b| b.is_ascii_digit())
}

fn luhn(text: &str) -> bool {
    let sum: u32 = text
        .chars()
        .rev()
        .enumerate()
        .map(|(position, c)| {
            let digit = c.to_digit(10).unwrap_or(99);
            if position % 2 == 1 {
                digit * 2 / 10 + digit * 2 % 10
            } else {
                digit
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// GB 32100-2015: 18 characters of 0-9 and A-Y without I, O, S, V, Z; the last checks the
/// first 17 (weights 3^i mod 31); characters 9–17 are a GB 11714 organisation code whose
/// ninth character checks its first eight (weights 3 7 9 10 5 8 4 2).
fn unified_social_credit_code(code: &str) -> bool {
    const CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    let values: Option<Vec<u32>> = code
        .chars()
        .map(|c| CHARS.find(c).map(|at| at as u32))
        .collect();
    let Some(values) = values.filter(|v| v.len() == 18) else {
        return false;
    };
    let mut weight = 1;
    let mut sum = 0;
    for value in &values[..17] {
        sum += value * weight;
        weight = weight * 3 % 31;
    }
    let organisation: u32 = values[8..16]
        .iter()
        .zip([3, 7, 9, 10, 5, 8, 4, 2])
        .map(|(value, weight)| value * weight)
        .sum();
    let organisation_check = match 11 - organisation % 11 {
        10 => 'X',
        11 => '0',
        value => char::from_digit(value, 10).unwrap(),
    };
    values[17] == (31 - sum % 31) % 31
        && code.chars().nth(16) == Some(organisation_check)
        && code.starts_with("91")
}

fn form_of(country: &str) -> CountryForm {
    let form = |currency, forms, dial, national_digits, registration| CountryForm {
        currency,
        forms,
        dial,
        national_digits,
        registration,
    };
    match country {
        "CN" => form("CNY", &["有限公司"], "+86", 10, unified_social_credit_code),
        "GB" => form("GBP", &[" Ltd", " PLC"], "+44", 10, |r| digits(r, 8)),
        "US" => form("USD", &[" Inc.", " LLC"], "+1", 10, |r| {
            r.len() == 10 && digits(&r[..2], 2) && &r[2..3] == "-" && digits(&r[3..], 7)
        }),
        "SG" => form("SGD", &[" Pte. Ltd."], "+65", 8, |r| {
            r.len() == 10
                && digits(&r[..9], 9)
                && (1990..=2026).contains(&r[..4].parse::<u32>().unwrap_or(0))
                && r.as_bytes()[9].is_ascii_uppercase()
        }),
        "DE" => form("EUR", &[" GmbH", " AG"], "+49", 10, |r| {
            r.strip_prefix("HRB ")
                .is_some_and(|n| digits(n, 5) || digits(n, 6))
        }),
        "NL" => form("EUR", &[" B.V.", " N.V."], "+31", 9, |r| digits(r, 8)),
        "FR" => form("EUR", &[" S.A.", " SAS"], "+33", 9, |r| {
            let plain = r.replace(' ', "");
            r.len() == 11 && digits(&plain, 9) && luhn(&plain)
        }),
        other => panic!("a demo customer in {other}, a country the test does not know"),
    }
}

/// The problems of one customer's details, if any.
fn incoherence(details: &CustomerDetails) -> Vec<String> {
    let form = form_of(&details.country);
    let mut problems = Vec::new();
    if details.currency.code() != form.currency {
        problems.push(format!("currency {}", details.currency.code()));
    }
    if !form.forms.iter().any(|f| details.name.ends_with(f)) {
        problems.push("legal form".to_string());
    }
    if is_chinese(&details.name) != (details.country == "CN") {
        problems.push("name's script".to_string());
    }
    if !(form.registration)(&details.registration_no) {
        problems.push(format!("registration {}", details.registration_no));
    }
    let national = details
        .contact
        .strip_prefix(form.dial)
        .and_then(|rest| rest.strip_prefix(' '))
        .unwrap_or("");
    let national_digits = national.chars().filter(char::is_ascii_digit).count();
    if national_digits != form.national_digits
        || national.chars().any(|c| !c.is_ascii_digit() && c != ' ')
    {
        problems.push(format!("phone {}", details.contact));
    }
    if details.country == "CN" {
        problems.extend(chinese_city_problems(details));
    }
    problems
}

/// A Chinese name starts with its city; the phone carries the city's area code and the
/// registration number its division code.
fn chinese_city_problems(details: &CustomerDetails) -> Option<String> {
    let Some(city) = creditdesk_core::demo::CN_CITIES
        .iter()
        .find(|city| details.name.starts_with(city.name))
    else {
        return Some("no known city in the name".to_string());
    };
    let area = format!("+86 {} ", city.area_code);
    let coherent = details.contact.starts_with(&area)
        && details.registration_no.get(2..8) == Some(city.division);
    (!coherent).then(|| {
        format!(
            "{} with {} and {}",
            city.name, details.contact, details.registration_no
        )
    })
}

#[test]
fn every_demo_customer_is_coherent_with_its_country() {
    // The table the names come from, at a few cities (area codes and division codes).
    let cities = creditdesk_core::demo::CN_CITIES;
    let find = |name: &str| cities.iter().find(|c| c.name == name).expect("a demo city");
    assert_eq!(
        (find("上海").area_code, find("上海").division),
        ("21", "310000")
    );
    assert_eq!(
        (find("深圳").area_code, find("深圳").division),
        ("755", "440300")
    );
    assert_eq!(
        (find("广州").area_code, find("广州").division),
        ("20", "440100")
    );
    let runs = [
        (DemoSize::S, DEMO_SEED),
        (DemoSize::S, 1),
        (DemoSize::S, 20_261_201),
        (DemoSize::M, DEMO_SEED),
        (DemoSize::L, DEMO_SEED),
    ];
    let mut countries = BTreeSet::new();
    for (size, seed) in runs {
        let commands = demo_commands(size, seed, as_of()).expect("demo amounts");
        for command in &commands {
            let Command::RegisterCustomer { details, .. } = command else {
                continue;
            };
            let problems = incoherence(details);
            assert!(
                problems.is_empty(),
                "{size:?} seed {seed}: {} {} ({}): {problems:?}",
                details.number,
                details.name,
                details.country
            );
            countries.insert(details.country.clone());
        }
    }
    let every: BTreeSet<String> = ["CN", "DE", "FR", "GB", "NL", "SG", "US"]
        .map(String::from)
        .into();
    assert_eq!(countries, every, "every country of the generator appears");
}

/// A settled customer's figures are zero, never "-0.00": a balance starts from what is
/// unapplied taken away, and taking away nothing must not give a negative zero.
#[test]
fn no_customer_row_shows_a_negative_zero() {
    let (_, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of()).expect("valid");
    let rows = creditdesk_core::ledger::reports::customer_rows(&state.ledger, as_of());
    let zero_balances = rows.iter().filter(|row| row.balance.is_zero()).count();
    assert!(zero_balances > 0, "demo S has a settled customer");
    for row in &rows {
        for (name, figure) in [
            ("balance", row.balance),
            ("overdue", row.overdue),
            ("exposure", row.exposure),
            ("unapplied", row.unapplied),
        ] {
            assert!(
                !(figure.is_zero() && figure.is_sign_negative()),
                "{} {name} is -0",
                row.number
            );
        }
    }
}
