//! Reclam's core: the complaints register of a French insurance brokerage.
//!
//! Floors, from the top: `api` (typed requests of the shell's commands) and `register` (the use
//! cases: `Register` is the only door the desktop shell and the `reclam` CLI open); `store`
//! (SQLite storage only), `print` (the one PDF engine), `letters`, `extract`, `import`; the
//! trade itself in `complaint`, `firm` and `calendar`. Arrows point down only. This crate never
//! depends on Tauri.

#![forbid(unsafe_code)]

pub mod api;
pub mod calendar;
pub mod clock;
pub mod complaint;
pub mod demo;
pub mod error;
pub mod extract;
pub mod firm;
pub mod import;
pub mod letters;
pub mod mail;
pub mod print;
pub mod progress;
pub mod register;
pub mod settings;
pub mod sign;
pub mod store;
pub mod sync;
pub mod wire;

pub use error::{Error, ErrorCode, Result, WireError};
pub use register::Register;
pub use store::Store;
