//! Reclam's core: the complaints register of a French insurance brokerage.
//!
//! Domain (`complaint`, `calendar`), storage (`store`) and tools (`demo`) used by both the
//! `reclam` CLI and the desktop shell. This crate never depends on Tauri.

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
pub mod print;
pub mod register;
pub mod settings;
pub mod store;
pub mod wire;

pub use error::{Error, ErrorCode, Result, WireError};
pub use register::Register;
pub use store::Store;
