//! The bottom layer: what every area speaks in. Exact money and currencies, ids, dates, the
//! bounds and parsers of typed input, numbers written in the user's format, and the seeded
//! generator the demo and tests use.
//! Nothing here knows of customers, invoices or policies.

pub mod currency;
pub mod dates;
pub mod display;
pub mod fold;
pub mod ids;
pub mod input;
pub mod money;
pub mod rng;
pub mod tagged;
