//! Templates and rendering: placeholders checked (an unknown one named, an unclosed brace
//! placed), every default template readable, letters and messages rendered from a statement
//! of account, the `mailto:` draft encoded, and strategies written before templates, rates
//! and fees reading with the defaults.

mod common;

use common::*;
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::collections::letters::{
    contact_email, letter_values, mailto_href, percent_encode, render, render_text, Piece,
};
use creditdesk_core::collections::statement_of_account;
use creditdesk_core::ledger::reports::AgingBuckets;
use creditdesk_core::policy::*;
use creditdesk_core::team::CompanyDetails;
use creditdesk_core::*;

#[test]
fn placeholders_are_checked_by_name_and_braces() {
    assert_eq!(
        parse_template("Dear {contact}, pay {amount_due}."),
        Err(TemplateError::UnknownPlaceholder {
            name: "amount_due".to_string()
        })
    );
    // The brace opens at the 7th character and nothing closes it before the next brace.
    assert_eq!(
        parse_template("Total {total_overdue and {fee}"),
        Err(TemplateError::UnclosedBrace { at: 7 })
    );
    assert_eq!(
        parse_template("尊敬的{contact"),
        Err(TemplateError::UnclosedBrace { at: 4 })
    );
    assert_eq!(
        parse_template("{}"),
        Err(TemplateError::UnknownPlaceholder {
            name: String::new()
        })
    );
    // A lone closing brace is text; a placeholder may have spaces inside its braces.
    assert_eq!(
        parse_template("a } b { fee }"),
        Ok(vec![
            Segment::Text("a } b "),
            Segment::Slot(Placeholder::Fee)
        ])
    );
}

#[test]
fn every_default_template_reads_and_exists_for_each_step_channel_and_language() {
    let strategy = CollectionPolicy::initial();
    assert_eq!(strategy.templates.len(), 6 * 4 * 2);
    for kind in StepKind::ALL {
        for channel in Channel::ALL {
            for language in Language::ALL {
                let template = strategy
                    .template(kind, channel, language)
                    .expect("a default");
                assert!(parse_template(&template.subject).is_ok(), "{template:?}");
                assert!(parse_template(&template.body).is_ok(), "{template:?}");
            }
        }
    }
    assert_eq!(validate_strategy(&strategy), Ok(()));
}

/// A CNY customer: INV-1 10,000.00 due 2026-01-31 with 4,000.00 paid 2026-02-15, and
/// INV-2 2,000.00 issued 2026-02-20, due 2026-03-22 (not due on 2026-03-02).
fn statement_and_customer() -> (creditdesk_core::collections::StatementOfAccount, Customer) {
    let (statement, customer, _) = statement_customer_and_ledger();
    (statement, customer)
}

fn statement_customer_and_ledger() -> (
    creditdesk_core::collections::StatementOfAccount,
    Customer,
    Ledger,
) {
    let mut ledger = Ledger::default();
    ledger.director();
    let customer = ledger.register("C000001", "华信机械有限公司", Currency::CNY, 30);
    let first = ledger.invoice(customer, "INV-1", "2026-01-01", cny("10000.00"));
    ledger.invoice(customer, "INV-2", "2026-02-20", cny("2000.00"));
    ledger.pay(
        customer,
        "2026-02-15",
        cny("4000.00"),
        manual(&[(first, "4000.00")]),
    );
    let record = ledger.customer(customer).clone();
    let rates = CollectionPolicy::initial().interest_rates;
    let statement = statement_of_account(
        &ledger.state.ledger,
        &record,
        &rates,
        &AgingBuckets::default(),
        date("2026-03-02"),
    );
    (statement, record, ledger)
}

fn company() -> CompanyDetails {
    CompanyDetails {
        name: "信达贸易有限公司".to_string(),
        address: "上海市浦东新区世纪大道100号".to_string(),
        bank_details: "中国银行 6222 0000 1234".to_string(),
        registration_no: String::new(),
        tax_no: String::new(),
    }
}

#[test]
fn a_letter_renders_its_figures_and_leaves_the_table_to_the_page() {
    let (statement, customer) = statement_and_customer();
    let company = company();
    let mut step = CollectionPolicy::initial().ladders[0][4].clone();
    step.fee = Some(cny("50.00"));
    let values = letter_values(
        &statement,
        &customer,
        Some(&company),
        Some(&step),
        (Language::En, NumberFormat::Point),
    );
    // Overdue: INV-1 only, 6,000.00, 30 days; interest 52.60 (tests/interest.rs: 10,000 × 8
    // × 15 + 6,000 × 8 × 15 = 1,920,000 ÷ 36,500); INV-2 is not due and runs none.
    let text = "To {customer}: {total_overdue} overdue since {due_dates} ({days_overdue} days), \
                interest {late_interest}, fee {fee}.{open_items}Pay {bank_details}, {as_of}";
    assert_eq!(
        render(text, &values),
        vec![
            Piece::Text(
                "To 华信机械有限公司: ¥6,000.00 overdue since 2026-01-31 (30 days), interest ¥52.60, fee ¥50.00."
                    .to_string()
            ),
            Piece::OpenItems,
            Piece::Text("Pay 中国银行 6222 0000 1234, 2026-03-02".to_string()),
        ]
    );
    assert_eq!(
        render_text("{open_items}", &values),
        "INV-1 · due 2026-01-31 · open ¥6,000.00 · 30 days overdue\n\
         INV-2 · due 2026-03-22 · open ¥2,000.00 · not yet due"
    );
}

#[test]
fn an_sms_renders_in_chinese_with_the_default_template() {
    let (statement, customer) = statement_and_customer();
    let company = company();
    let values = letter_values(
        &statement,
        &customer,
        Some(&company),
        None,
        (Language::ZhCn, NumberFormat::Point),
    );
    let template = default_template(StepKind::Friendly, Channel::Sms, Language::ZhCn);
    assert_eq!(
        render_text(&template.body, &values),
        "【信达贸易有限公司】据我方记录，以下发票最长已逾期30天，尚未付款。逾期合计：¥6,000.00。收款账户：中国银行 6222 0000 1234"
    );
    assert_eq!(
        values.fee, "",
        "no fee on the step: the placeholder is empty"
    );
}

#[test]
fn a_mailto_draft_is_percent_encoded() {
    assert_eq!(percent_encode("a b\n¥1,000"), "a%20b%0D%0A%C2%A51%2C000");
    assert_eq!(
        mailto_href(Some("wang@example.cn"), "Due: ¥6,000.00", "Dear Wang,\nplease pay."),
        "mailto:wang@example.cn?subject=Due%3A%20%C2%A56%2C000.00&body=Dear%20Wang%2C%0D%0Aplease%20pay."
    );
    assert_eq!(mailto_href(None, "x", "y"), "mailto:?subject=x&body=y");
    assert_eq!(
        contact_email("Wang Li <wang@example.cn>"),
        Some("wang@example.cn")
    );
    assert_eq!(contact_email("王丽 138 0000 0000"), None);
    assert_eq!(contact_email("a@b"), None);
}

#[test]
fn a_strategy_written_before_templates_reads_with_the_defaults() {
    // The stored shape of 2026-12-01: ladders only, steps without fee or interest mark.
    let mut old = serde_json::to_value(CollectionPolicy::initial()).expect("json");
    let object = old.as_object_mut().expect("an object");
    object.remove("interest_rates");
    object.remove("templates");
    for ladder in object["ladders"].as_array_mut().expect("ladders") {
        for step in ladder.as_array_mut().expect("a ladder") {
            let step = step.as_object_mut().expect("a step");
            step.remove("fee");
            step.remove("states_interest");
        }
    }
    let read: CollectionPolicy = serde_json::from_value(old).expect("reads");
    assert_eq!(read.templates, default_templates());
    assert_eq!(read.interest_rates, default_interest_rates());
    assert_eq!(read.ladders[0][4].fee, None);
    assert!(
        !read.ladders[0][4].states_interest,
        "old steps state no interest"
    );
}

#[test]
fn a_final_notice_adds_interest_and_fee_to_the_total() {
    use creditdesk_core::collections::letters::{letter_totals, step_for_days};
    let (statement, _) = statement_and_customer();
    let ladder = CollectionPolicy::initial().ladders[0].clone();
    // 30 days overdue: the +30 formal demand, which states no interest.
    let formal = step_for_days(&ladder, 30).expect("a step");
    assert_eq!(formal.kind, StepKind::FormalDemand);
    assert_eq!(
        letter_totals(&statement, Some(formal))[0].total,
        dec("6000.00")
    );
    // The final notice states interest; with a fee of 50.00: 6,000.00 + 52.60 + 50.00 = 6,102.60.
    let mut last = ladder[4].clone();
    last.fee = Some(cny("50.00"));
    let totals = letter_totals(&statement, Some(&last));
    assert_eq!(totals.len(), 1);
    assert_eq!(totals[0].interest, Some(dec("52.60")));
    assert_eq!(totals[0].fee, Some(dec("50.00")));
    assert_eq!(totals[0].total, dec("6102.60"));
    // Before the first rung's day, the first rung.
    assert_eq!(
        step_for_days(&ladder, -30).map(|s| s.kind),
        Some(StepKind::PreDue)
    );
}

#[test]
fn the_contact_log_note_is_the_subject_of_the_step_due() {
    // No reminder done yet: the oldest item, 30 days overdue, is due its first rung on or after
    // its due date, the +1 due notice (one rung per task), whatever the grade's ladder.
    let (_, customer, ledger) = statement_customer_and_ledger();
    let subject = creditdesk_core::decide::letter_subject_on(
        &ledger.state,
        &customer,
        date("2026-03-02"),
        Channel::Email,
        (Language::En, NumberFormat::Point),
    );
    assert_eq!(
        subject.as_deref(),
        Some("Payment due: 华信机械有限公司, ¥6,000.00")
    );
}
