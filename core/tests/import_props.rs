//! Properties of the import: `preview` and `plan` never panic on arbitrary bytes (noise, and
//! noise after a real header or inside a zip's magic), and the amount and date readers never
//! panic on arbitrary text. Errors are values.

mod import_common;

use creditdesk_core::base::input::{read_date_as, DateFormat, NumberFormat};
use creditdesk_core::import::*;
use creditdesk_core::{Amount, Currency, Portfolio};
use import_common::*;
use proptest::prelude::*;

fn mapping(target: Target, kind: FileKind, columns: Vec<Option<Field>>) -> Mapping {
    Mapping {
        target,
        kind,
        encoding: Encoding::Utf8,
        sheet: 0,
        columns,
        dates: DateFormat::Ymd,
        numbers: NumberFormat::Point,
        currency: Some(Currency::CNY),
    }
}

fn prefixes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        Just(
            "客户编号,客户名称,发票号码,开票日期,金额,结清日期\n"
                .as_bytes()
                .to_vec()
        ),
        Just(b"PK\x03\x04".to_vec()),
        Just(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn preview_and_plan_never_panic(prefix in prefixes(), noise in proptest::collection::vec(any::<u8>(), 0..600), xlsx in any::<bool>()) {
        let bytes = [prefix, noise].concat();
        let name = if xlsx { "f.xlsx" } else { "f.csv" };
        let _ = preview(&bytes, name, None, None);
        let _ = preview(&bytes, name, Some(Encoding::Gb18030), Some(3));
        let state = Portfolio::default();
        let kind = if xlsx { FileKind::Xlsx } else { FileKind::Csv };
        for target in Target::ALL {
            // Every field of the target mapped, so rows are read, not refused by the mapping.
            let columns = target.fields().iter().map(|f| Some(*f)).collect();
            let _ = plan(&bytes, &mapping(target, kind, columns), &state, today(), &mut |_, _| {});
        }
    }

    #[test]
    fn csv_text_rows_never_panic(lines in proptest::collection::vec("[0-9A-Za-z,;\"=+\\-@/.年月日 客户]{0,40}", 1..12)) {
        let text = format!("客户编号,客户名称,发票号码,开票日期,到期日,金额,币种,结清日期\n{}", lines.join("\n"));
        let state = base_portfolio();
        if let Ok(preview) = preview(text.as_bytes(), "f.csv", None, None) {
            for target in Target::ALL {
                let mut mapping = preview.guess.clone();
                mapping.target = target;
                let _ = plan(text.as_bytes(), &mapping, &state, today(), &mut |_, _| {});
            }
        }
    }

    #[test]
    fn amount_and_date_readers_never_panic(text in "\\PC{0,30}") {
        for format in [NumberFormat::Point, NumberFormat::Comma] {
            for currency in [Currency::CNY, Currency::USD] {
                let _ = Amount::read_positive(&text, currency, format);
            }
        }
        for format in [DateFormat::Ymd, DateFormat::Dmy, DateFormat::Mdy] {
            let _ = read_date_as(&text, format);
        }
    }
}

#[test]
fn the_xlsx_fixture_cut_anywhere_never_panics() {
    let bytes = fixture("invoices.xlsx");
    let state = Portfolio::default();
    let columns = vec![
        Some(Field::CustomerNumber),
        Some(Field::CustomerName),
        Some(Field::DocumentNumber),
        Some(Field::IssueDate),
        None,
        Some(Field::Amount),
    ];
    for cut in (0..bytes.len()).step_by(97) {
        let _ = preview(&bytes[..cut], "f.xlsx", None, None);
        let _ = plan(
            &bytes[..cut],
            &mapping(Target::Invoices, FileKind::Xlsx, columns.clone()),
            &state,
            today(),
            &mut |_, _| {},
        );
    }
}
