//! Mapping presets: a mapping saved by name on this device (localStorage) and applied to the
//! next file of the same layout. A preset keeps what the rows are, each column's meaning and
//! the formats; the file's own kind, encoding and sheet stay as found.

use super::Import;
use crate::browser;
use crate::i18n::fill;
use crate::ui::use_app;
use creditdesk_core::import::Mapping;
use leptos::prelude::*;
use std::collections::BTreeMap;

pub const KEY_PRESETS: &str = "creditdesk.import.presets";

fn saved() -> BTreeMap<String, Mapping> {
    browser::stored(KEY_PRESETS)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn save(name: &str, mapping: &Mapping) {
    let mut presets = saved();
    presets.insert(name.to_string(), mapping.clone());
    if let Ok(text) = serde_json::to_string(&presets) {
        browser::store(KEY_PRESETS, &text);
    }
}

/// The preset's meaning of the columns over the file's mapping, when the layouts agree.
fn applied(preset: &Mapping, file: &Mapping) -> Result<Mapping, (usize, usize)> {
    if preset.columns.len() != file.columns.len() {
        return Err((preset.columns.len(), file.columns.len()));
    }
    Ok(Mapping {
        target: preset.target,
        columns: preset.columns.clone(),
        dates: preset.dates,
        numbers: preset.numbers,
        currency: preset.currency,
        ..file.clone()
    })
}

/// Applies the preset named `chosen` to the file's mapping; the message when it does not fit.
fn apply_preset(import: Import, chosen: &str) -> Option<String> {
    let p = use_app().lang.get_untracked().import_page();
    let preset = saved().remove(chosen)?;
    let file = import.mapping.get_untracked()?;
    match applied(&preset, &file) {
        Ok(mapping) => {
            import.mapping.set(Some(mapping));
            None
        }
        Err((expected, found)) => Some(fill(
            p.preset_mismatch,
            &[
                ("name", chosen),
                ("expected", &expected.to_string()),
                ("found", &found.to_string()),
            ],
        )),
    }
}

#[component]
pub fn Presets(import: Import) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    let names = RwSignal::new(saved().into_keys().collect::<Vec<_>>());
    let name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let store = move |_| {
        let typed = name.get_untracked().trim().to_string();
        if typed.is_empty() {
            return message.set(Some(p().preset_name_missing.to_string()));
        }
        if let Some(mapping) = import.mapping.get_untracked() {
            save(&typed, &mapping);
            names.set(saved().into_keys().collect());
            message.set(Some(fill(p().preset_saved, &[("name", &typed)])));
        }
    };
    let apply = move |event: leptos::ev::Event| {
        message.set(apply_preset(import, &event_target_value(&event)))
    };
    let options = move || {
        names
            .get()
            .into_iter()
            .map(|name| {
                let value = name.clone();
                view! { <option value=value>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <fieldset class="presets" data-testid="import-presets">
            <legend>{move || p().presets_label}</legend>
            <div class="grid-fields">
                <div class="field">
                    <label for="f-import-preset">{move || p().preset_apply}</label>
                    <select id="f-import-preset" data-testid="import-preset" on:change=apply>
                        <option value="" selected>{move || p().preset_none}</option>
                        {options}
                    </select>
                </div>
                <div class="field">
                    <label for="f-import-preset-name">{move || p().preset_name}</label>
                    <input id="f-import-preset-name" data-testid="import-preset-name" prop:value=move || name.get()
                        on:input=move |e| name.set(event_target_value(&e)) />
                </div>
            </div>
            <div class="actions"><button type="button" data-testid="import-preset-save" on:click=store>{move || p().preset_save}</button></div>
            {move || message.get().map(|text| view! { <p role="status" data-testid="import-preset-message">{text}</p> })}
        </fieldset>
    }
}
