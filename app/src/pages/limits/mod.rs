//! The limit pages: a customer's limit (recommendation, request, decision, holds, history),
//! the approvals queue and the limit policy editor.

pub mod approvals;
pub mod limit;
pub mod policy;
