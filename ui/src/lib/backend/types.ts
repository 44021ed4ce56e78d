// Wire types shared with the Rust backend (camelCase JSON), generated from the Rust types into
// ./bindings.ts (see src/wire.rs). Dates are ISO "YYYY-MM-DD" strings; money amounts are
// decimal strings ("150.50"); absent values are null.
export type * from "./bindings";
