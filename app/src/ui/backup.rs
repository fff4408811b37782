//! When the last backup was made on this device and the reminder to make the next, shown in
//! Settings and on the backup page. The day is the device's own record (a backup is a file
//! the user keeps), not a journal event.

use crate::browser;
use crate::i18n::fill;
use crate::ui::use_app;
use chrono::NaiveDate;
use creditdesk_core::journal::backup_due;
use leptos::prelude::*;

/// The day of the last backup downloaded on this device (`YYYY-MM-DD`).
pub const KEY_LAST_BACKUP: &str = "creditdesk.backup.last";
/// The days after which Settings reminds to back up again.
pub const KEY_BACKUP_EVERY: &str = "creditdesk.backup.every";
const EVERY_CHOICES: [u32; 4] = [1, 7, 14, 30];
const EVERY_DEFAULT: u32 = 7;

/// The day of the last backup downloaded on this device.
pub fn last_backup() -> Option<NaiveDate> {
    browser::stored(KEY_LAST_BACKUP).and_then(|day| day.parse().ok())
}

/// The last backup's day, a reminder once it is `every` days old (on a journal with events),
/// and the choice of `every`.
#[component]
pub fn BackupStatus(last: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    let state = use_app();
    let b = move || state.lang.get().backup();
    let stored_every = browser::stored(KEY_BACKUP_EVERY).and_then(|days| days.parse().ok());
    let every = RwSignal::new(stored_every.unwrap_or(EVERY_DEFAULT));
    let choose = move |event: leptos::ev::Event| {
        if let Ok(days) = event_target_value(&event).parse::<u32>() {
            every.set(days);
            browser::store(KEY_BACKUP_EVERY, &days.to_string());
        }
    };
    let empty = move || state.portfolio.with(|p| p.head.is_none());
    let due = move || !empty() && backup_due(last.get(), state.today.get(), every.get());
    view! {
        <p data-testid="last-backup">{move || match last.get() {
            Some(date) => fill(b().last_backup, &[("date", &date.to_string())]),
            None => b().no_backup.to_string(),
        }}</p>
        {move || due().then(|| view! { <p class="warn" role="status" data-testid="backup-due">{fill(b().due, &[("days", &every.get().to_string())])}</p> })}
        <div class="field">
            <label for="f-backup-every">{move || b().remind_label}</label>
            <select id="f-backup-every" data-testid="backup-every" on:change=choose>
                {EVERY_CHOICES.map(|days| view! {
                    <option value=days.to_string() selected=move || every.get() == days>{move || fill(b().remind_days, &[("days", &days.to_string())])}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
