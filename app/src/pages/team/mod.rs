//! The team's pages: local user profiles and their roles.

pub mod company;
pub mod users;
