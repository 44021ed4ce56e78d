//! Complaints: the register's fields, their validation and their lifecycle.
//!
//! Knows nothing of SQLite, the CLI or the desktop shell.

pub mod input;
pub mod lifecycle;
pub mod model;

pub use input::{
    parse_new_complaint, NewClient, NewComplaint, NewContract, ValidComplaint, ValidationError,
};
pub use lifecycle::{allowed_actions, Action, Change, TransitionError};
pub use model::*;
