//! The firm's register shared by every workstation on a PostgreSQL server, each workstation
//! keeping its SQLite register as an offline cache (`workstation`). The server orders one
//! journal for the firm (`server`, `server.sql`); a change crosses it as the request the use
//! cases take (`op`).

pub mod op;
pub mod server;
pub mod workstation;

pub use op::Op;
pub use server::Target;
pub use workstation::{AdoptReport, SyncReport, SyncStatus, Workstation};
