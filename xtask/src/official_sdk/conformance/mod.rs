//! Conformance of spec/bss.yaml with the official SDK (`huaweicloudsdkbss`).
//!
//! `cargo xtask sdk-models` records the official operations and models in
//! `spec/conformance/official-sdk-bss.json`; the test here compares every spec operation with
//! its official counterpart (method, path, parameters, body and response fields, JSON types,
//! required flags, nested models), accepts only the differences recorded under the operation's
//! `x-sdk-differences`, fails on stale records, and prints the coverage. It reads committed files
//! only: no Python, no network. `cargo xtask sdk-models --report` prints the same report.
//!
//! Modules: `records` (the record grammar, shared with the spec validator), `shape` (what is
//! compared), `official` and `from_spec` (the two sides as shapes), `compare` (shapes →
//! differences), `check` (records, coverage, report).

mod check;
mod compare;
mod from_spec;
mod official;
pub(crate) mod records;
mod shape;
#[cfg(test)]
mod tests;

pub(crate) use check::load_and_check;
