//! PLACEHOLDER until the import helper's texts merge (replaced by its file).
use super::Lang;
use creditdesk_core::import::{Field, FileError, Problem, Target};
pub fn target(_: Lang, target: Target) -> String {
    format!("{target:?}")
}
pub fn field(_: Lang, field: Field) -> String {
    format!("{field:?}")
}
pub fn problem(_: Lang, problem: &Problem) -> String {
    format!("{problem:?}")
}
pub fn file_error(_: Lang, error: &FileError) -> String {
    format!("{error:?}")
}
