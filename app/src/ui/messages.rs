//! The bilingual message for a storage error or a refused submission, the same on every page.

use crate::i18n::{self, fill};
use crate::numbers;

pub fn storage_message(t: &i18n::CommonTexts, error: &crate::db::StorageError) -> String {
    use crate::db::StorageError;
    match error {
        StorageError::Unavailable(detail) => fill(t.storage_unavailable, &[("detail", detail)]),
        StorageError::Blocked => t.storage_blocked.to_string(),
        StorageError::OpenHung => t.storage_open_hung.to_string(),
        StorageError::QuotaExceeded => t.storage_quota.to_string(),
        StorageError::NoRoom {
            used,
            quota,
            needed,
        } => fill(
            t.storage_no_room,
            &[
                ("used", &numbers::bytes(*used)),
                ("quota", &numbers::bytes(*quota)),
                ("needed", &numbers::bytes(*needed)),
                (
                    "reserve",
                    &numbers::bytes(needed.saturating_mul(crate::db::ROOM_FACTOR)),
                ),
            ],
        ),
        StorageError::ConnectionLost(_) => t.storage_connection_lost.to_string(),
        StorageError::Conflict => t.storage_conflict.to_string(),
        StorageError::Integrity(broken) => fill(
            t.integrity_banner,
            &[("detail", &i18n::chain_break(t, broken))],
        ),
        StorageError::Failed(detail) => fill(t.storage_failed, &[("detail", detail)]),
    }
}

/// Nothing was saved because writing is stopped (a broken journal, another tab's upgrade, a
/// lost connection).
pub fn read_only_message(t: &i18n::RejectionTexts) -> String {
    format!("{} — {}", t.read_only, t.saved_not)
}

/// The message for any failed submission.
pub fn submit_message(t: &i18n::RejectionTexts, error: &crate::state::SubmitError) -> String {
    use crate::state::SubmitError;
    match error {
        SubmitError::Rejected(rejection) => i18n::rejection(t, rejection),
        SubmitError::Storage(error) => storage_message(t, error),
        SubmitError::ReadOnly => read_only_message(t),
        SubmitError::Busy => t.saving.to_string(),
    }
}
