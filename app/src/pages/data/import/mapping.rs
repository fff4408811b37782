//! The preview and the mapping: what the worker found in the file, what it guessed each column
//! is, and the formats; every guess is a select the user can change.

use super::{words, Import, Step};
use crate::i18n;
use crate::ui::use_app;
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::import::{DateFormat, Encoding, Field, FileKind, Mapping, Target};
use creditdesk_core::{base::currency::KNOWN_CURRENCIES, Currency};
use leptos::prelude::*;

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf8Bom, Encoding::Gb18030];
const DATES: [DateFormat; 3] = [DateFormat::Ymd, DateFormat::Dmy, DateFormat::Mdy];
const NUMBERS: [NumberFormat; 2] = [NumberFormat::Point, NumberFormat::Comma];

/// A labelled select whose options are `(label, chosen)` by index; `pick` gets the index.
#[component]
fn Pick(
    label: Signal<String>,
    testid: &'static str,
    options: Signal<Vec<(String, bool)>>,
    pick: impl Fn(usize) + 'static,
) -> impl IntoView {
    let id = format!("f-{testid}");
    let options = move || {
        options
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, (text, chosen))| view! { <option value=index.to_string() selected=chosen>{text}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id data-testid=testid
                on:change=move |event| pick(event_target_value(&event).parse().unwrap_or(0))>
                {options}
            </select>
        </div>
    }
}

/// Changes the mapping in place.
fn edit(import: Import, change: impl FnOnce(&mut Mapping)) {
    import.mapping.update(|mapping| {
        if let Some(mapping) = mapping {
            change(mapping)
        }
    });
}

fn chosen<T: PartialEq + Copy>(import: Import, read: impl Fn(&Mapping) -> T, value: T) -> bool {
    import
        .mapping
        .with(|m| m.as_ref().is_some_and(|m| read(m) == value))
}

/// What was found, the GBK notice, and the file's encoding or sheet.
#[component]
fn Found(import: Import) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    let preview = move || import.preview.get();
    let kind = move || preview().map(|preview| preview.kind);
    let encodings = Signal::derive(move || {
        let current = preview().map(|preview| preview.encoding);
        ENCODINGS
            .iter()
            .map(|e| {
                (
                    i18n::import::encoding(state.lang.get(), *e).to_string(),
                    current == Some(*e),
                )
            })
            .collect()
    });
    let sheets = Signal::derive(move || {
        let chosen = import.mapping.with(|m| m.as_ref().map_or(0, |m| m.sheet));
        let sheets = preview().map(|preview| preview.sheets).unwrap_or_default();
        sheets
            .into_iter()
            .enumerate()
            .map(|(i, name)| (name, i == chosen))
            .collect()
    });
    view! {
        <p role="status" data-testid="import-detected">{move || preview().map(|preview| words::detected(state.lang.get(), &preview))}</p>
        {move || (preview().map(|preview| preview.encoding) == Some(Encoding::Gb18030))
            .then(|| view! { <p class="notice" data-testid="import-gbk">{p().gbk_notice}</p> })}
        <div class="grid-fields">
            {move || (kind() == Some(FileKind::Csv)).then(|| view! {
                <Pick label=Signal::derive(move || p().encoding_label.to_string()) testid="import-encoding" options=encodings
                    pick=move |i| import.preview(Some(ENCODINGS[i.min(2)]), None) />
            })}
            {move || (kind() == Some(FileKind::Xlsx)).then(|| view! {
                <Pick label=Signal::derive(move || p().sheet_label.to_string()) testid="import-sheet" options=sheets
                    pick=move |i| import.preview(None, Some(i)) />
            })}
        </div>
    }
}

/// What the rows are and how their dates, numbers and currency read.
#[component]
fn Formats(import: Import) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    let lang = move || state.lang.get();
    let targets = Signal::derive(move || {
        Target::ALL
            .iter()
            .map(|t| {
                (
                    words::target(lang(), *t).to_string(),
                    chosen(import, |m| m.target, *t),
                )
            })
            .collect()
    });
    let dates = Signal::derive(move || {
        DATES
            .iter()
            .map(|d| {
                (
                    i18n::import::date_format(lang(), *d).to_string(),
                    chosen(import, |m| m.dates, *d),
                )
            })
            .collect()
    });
    let numbers = Signal::derive(move || {
        NUMBERS
            .iter()
            .map(|n| {
                (
                    words::number_format(p(), *n).to_string(),
                    chosen(import, |m| m.numbers, *n),
                )
            })
            .collect()
    });
    let currencies = Signal::derive(move || {
        let current = import.mapping.with(|m| m.as_ref().and_then(|m| m.currency));
        let mut options = vec![(p().currency_from_file.to_string(), current.is_none())];
        options.extend(
            KNOWN_CURRENCIES
                .iter()
                .map(|(code, _)| (code.to_string(), current.is_some_and(|c| c.code() == *code))),
        );
        options
    });
    let pick_currency = move |i: usize| {
        let currency = i
            .checked_sub(1)
            .and_then(|i| KNOWN_CURRENCIES.get(i))
            .and_then(|(code, _)| Currency::parse(code));
        edit(import, |m| m.currency = currency)
    };
    view! {
        <div class="grid-fields">
            <Pick label=Signal::derive(move || p().target_label.to_string()) testid="import-target" options=targets
                pick=move |i| edit(import, |m| m.target = Target::ALL[i.min(Target::ALL.len() - 1)]) />
            <Pick label=Signal::derive(move || p().dates_label.to_string()) testid="import-dates" options=dates
                pick=move |i| edit(import, |m| m.dates = DATES[i.min(2)]) />
            <Pick label=Signal::derive(move || p().numbers_label.to_string()) testid="import-numbers" options=numbers
                pick=move |i| edit(import, |m| m.numbers = NUMBERS[i.min(1)]) />
            <Pick label=Signal::derive(move || p().currency_label.to_string()) testid="import-currency" options=currencies pick=pick_currency />
        </div>
    }
}

/// The select over one column's meaning: the fields of the target, or none.
#[component]
fn ColumnPick(import: Import, column: usize) -> impl IntoView {
    let state = use_app();
    let lang = move || state.lang.get();
    let fields = move || {
        import
            .mapping
            .with(|m| m.as_ref().map(|m| m.target.fields()).unwrap_or_default())
    };
    let current = move || {
        import.mapping.with(|m| {
            m.as_ref()
                .and_then(|m| m.columns.get(column).copied().flatten())
        })
    };
    let options = move || {
        let target = import.mapping.with(|m| m.as_ref().map(|m| m.target));
        let ignore = view! { <option value="" selected=current().is_none()>{lang().import_page().ignore}</option> };
        let fields = fields().iter().map(|field| {
            let required = target.is_some_and(|t| t.required().contains(field));
            let text = words::field_label(lang(), *field, required);
            view! { <option value=format!("{field:?}") selected=current() == Some(*field)>{text}</option> }
        });
        (ignore, fields.collect_view())
    };
    let pick = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let field = Field::ALL
            .iter()
            .copied()
            .find(|field| format!("{field:?}") == value);
        edit(import, |m| {
            if m.columns.len() <= column {
                m.columns.resize(column + 1, None);
            }
            m.columns[column] = field;
        })
    };
    let label = move || {
        lang()
            .import_page()
            .column_header
            .replace("{n}", &(column + 1).to_string())
    };
    view! { <select data-testid=format!("import-column-{column}") aria-label=label on:change=pick>{options}</select> }
}

/// The first rows under their headers, each column with its meaning above it.
#[component]
fn PreviewTable(import: Import) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    let preview = move || import.preview.get();
    let headers = move || preview().map(|preview| preview.headers).unwrap_or_default();
    let picks = move || {
        (0..headers().len())
            .map(|column| view! { <th scope="col"><ColumnPick import column /></th> })
            .collect_view()
    };
    let names = move || {
        headers()
            .into_iter()
            .map(|name| view! { <th scope="col">{name}</th> })
            .collect_view()
    };
    let rows = move || {
        let rows = preview().map(|preview| preview.rows).unwrap_or_default();
        rows.into_iter()
            .map(|row| view! { <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> })
            .collect_view()
    };
    let more = move || preview().map(|preview| words::rows_more(p(), &preview));
    view! {
        <h2>{move || p().preview_label}</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || p().preview_label>
            <table class="list" data-testid="import-preview">
                <thead><tr>{picks}</tr><tr>{names}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="hint">{more}</p>
    }
}

/// The preview with every guess changeable, and the button that imports.
#[component]
pub fn MappingEditor(import: Import) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    let idle = move || {
        matches!(
            import.step.get(),
            Step::Previewed | Step::Done(_) | Step::Rejected(_) | Step::Failed(_) | Step::Cancelled
        )
    };
    view! {
        <Found import />
        <Formats import />
        <PreviewTable import />
        <div class="actions">
            <button type="button" class="primary" data-testid="import-start" disabled=move || !idle() || state.read_only()
                on:click=move |_| import.run(state)>{move || p().start}</button>
        </div>
    }
}
